"""``POST /v1/feedback``: explicit thumbs (and an optional comment) about one response, and the
text the user finally used of it (``edited_text``, or ``final_text`` for a copy changed before it
was used), read like an edited reply found in history: the last reply of a conversation never
comes back in a later request, so this is the only way its edits are seen.

The response is named by beliefloop's ``x-beliefloop-response-id`` or by the completion ``id``
the client saw. Some upstreams reuse completion ids, so the caller may also name the user, with
the same rules as chat (``X-BeliefLoop-User``, else the body's ``user``), always within the
caller's tenant; a completion id that matches responses of several users with no user named is
409 ``ambiguous_response_id``, never a guess. The answer comes once the observations are on disk.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from beliefs.memory.service import AmbiguousResponse, UnknownResponse
from beliefs.memory.write_behind import StoreUnavailable, WriteQueueFull
from beliefs.records import Observation
from proxy.errors import Conflict, NotFound, storage_failure
from proxy.runtime import Runtime

from .identity import MAX_ID_CHARS, USER_HEADER, clean_id

router = APIRouter(tags=["feedback"])


class Feedback(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: beliefloop's ``x-beliefloop-response-id`` or the completion ``id`` the client saw.
    response_id: str = Field(min_length=1, max_length=256)
    rating: Literal["up", "down"] | None = None
    comment: str | None = Field(default=None, max_length=4000)
    #: Whose response it is (the ``X-BeliefLoop-User`` header wins); needed when the upstream
    #: reuses completion ids across users.
    user: str | None = Field(default=None, min_length=1, max_length=MAX_ID_CHARS)
    #: The reply as the user changed it (bounded by ``max_control_body_bytes`` too).
    edited_text: str | None = Field(default=None, max_length=65_536)
    #: The text the user finally used (copied, then changed): read the same way.
    final_text: str | None = Field(default=None, max_length=65_536)

    @model_validator(mode="after")
    def _one_text(self) -> "Feedback":
        if self.edited_text is not None and self.final_text is not None:
            raise ValueError("send edited_text or final_text, not both")
        return self

    @property
    def used_text(self) -> str | None:
        return self.edited_text if self.edited_text is not None else self.final_text


@router.post("/v1/feedback")
async def post_feedback(feedback: Feedback, request: Request) -> dict[str, Any]:
    runtime: Runtime = request.app.state.runtime
    principal = runtime.keys.client(request.headers)
    await runtime.keys.admit(principal)
    raw_user = request.headers.get(USER_HEADER)
    user = clean_id(raw_user, "X-BeliefLoop-User") if raw_user is not None else (
        clean_id(feedback.user, "user") if feedback.user is not None else None)
    used = feedback.used_text
    observations: list[Observation] = []
    try:
        # Scoped to the caller's tenant: another tenant's response id is simply unknown here.
        if feedback.rating is not None or feedback.comment is not None or used is None:
            observations.append(await runtime.service.feedback(principal.tenant, feedback.response_id,
                                                               feedback.rating, feedback.comment, user))
        if used is not None:
            edit = await runtime.service.used_text(principal.tenant, feedback.response_id, used, user)
            observations += [edit] if edit is not None else []
    except UnknownResponse:
        raise NotFound(f"no response {feedback.response_id!r}" + (f" of user {user!r}" if user else ""),
                       param="response_id") from None
    except AmbiguousResponse:
        raise Conflict(f"{feedback.response_id!r} names responses of several users; say whose with the "
                       "X-BeliefLoop-User header or the 'user' field", param="user",
                       code="ambiguous_response_id") from None
    except (WriteQueueFull, StoreUnavailable) as error:
        raise storage_failure(error) from None  # type: ignore[misc]
    request.state.feedback_kinds = [observation.kind for observation in observations]
    return {
        "observation_id": observations[0].id if observations else None,
        "response_id": feedback.response_id if not observations else observations[0].response_id,
        "deltas": [_delta(d) for observation in observations for d in observation.deltas],
        "observations": [{"id": o.id, "kind": o.kind, "deltas": [_delta(d) for d in o.deltas]}
                         for o in observations],
    }


def _delta(delta: Any) -> dict[str, Any]:
    return {"dimension": delta.dimension, "value": delta.value, "weight": round(delta.weight, 4)}


__all__ = ["router"]
