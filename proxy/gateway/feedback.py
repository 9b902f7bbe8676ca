"""``POST /v1/feedback``: explicit thumbs (and an optional comment) about one response, and the
text the user finally used of it (``edited_text``, or ``final_text`` for a copy changed before it
was used), read like an edited reply found in history: the last reply of a conversation never
comes back in a later request, so this is the only way its edits are seen."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from beliefs.memory.service import UnknownResponse
from beliefs.records import Observation
from proxy.errors import NotFound
from proxy.runtime import Runtime

router = APIRouter(tags=["feedback"])


class Feedback(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: beliefloop's ``x-beliefloop-response-id`` or the completion ``id`` the client saw.
    response_id: str = Field(min_length=1, max_length=256)
    rating: Literal["up", "down"] | None = None
    comment: str | None = Field(default=None, max_length=4000)
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
    runtime.keys.limit(principal)
    used = feedback.used_text
    observations: list[Observation] = []
    try:
        # Scoped to the caller's tenant: another tenant's response id is simply unknown here.
        if feedback.rating is not None or feedback.comment is not None or used is None:
            observations.append(await runtime.service.feedback(principal.tenant, feedback.response_id,
                                                               feedback.rating, feedback.comment))
        if used is not None:
            edit = await runtime.service.used_text(principal.tenant, feedback.response_id, used)
            observations += [edit] if edit is not None else []
    except UnknownResponse:
        raise NotFound(f"no response {feedback.response_id!r}", param="response_id") from None
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
