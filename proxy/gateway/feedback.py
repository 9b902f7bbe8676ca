"""``POST /v1/feedback``: explicit thumbs (and an optional comment) about one response.

The response is named by beliefloop's ``x-beliefloop-response-id`` or by the completion ``id``
the client saw. Some upstreams reuse completion ids, so the caller may also name the user, with
the same rules as chat (``X-BeliefLoop-User``, else the body's ``user``), always within the
caller's tenant; a completion id that matches responses of several users with no user named is
409 ``ambiguous_response_id``, never a guess. The answer comes once the observation is on disk.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from beliefs.memory.service import AmbiguousResponse, UnknownResponse
from beliefs.memory.write_behind import StoreUnavailable, WriteQueueFull
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


@router.post("/v1/feedback")
async def post_feedback(feedback: Feedback, request: Request) -> dict[str, Any]:
    runtime: Runtime = request.app.state.runtime
    principal = runtime.keys.client(request.headers)
    await runtime.keys.admit(principal)
    raw_user = request.headers.get(USER_HEADER)
    user = clean_id(raw_user, "X-BeliefLoop-User") if raw_user is not None else (
        clean_id(feedback.user, "user") if feedback.user is not None else None)
    try:
        # Scoped to the caller's tenant: another tenant's response id is simply unknown here.
        observation = await runtime.service.feedback(principal.tenant, feedback.response_id,
                                                     feedback.rating, feedback.comment, user)
    except UnknownResponse:
        raise NotFound(f"no response {feedback.response_id!r}" + (f" of user {user!r}" if user else ""),
                       param="response_id") from None
    except AmbiguousResponse:
        raise Conflict(f"{feedback.response_id!r} names responses of several users; say whose with the "
                       "X-BeliefLoop-User header or the 'user' field", param="user",
                       code="ambiguous_response_id") from None
    except (WriteQueueFull, StoreUnavailable) as error:
        raise storage_failure(error) from None  # type: ignore[misc]
    return {
        "observation_id": observation.id,
        "response_id": observation.response_id,
        "deltas": [{"dimension": d.dimension, "value": d.value, "weight": round(d.weight, 4)}
                   for d in observation.deltas],
    }


__all__ = ["router"]
