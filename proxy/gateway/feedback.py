"""``POST /v1/feedback``: explicit thumbs (and an optional comment) about one response."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from beliefs.memory.service import UnknownResponse
from proxy.errors import NotFound
from proxy.runtime import Runtime

router = APIRouter(tags=["feedback"])


class Feedback(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: beliefloop's ``x-beliefloop-response-id`` or the completion ``id`` the client saw.
    response_id: str = Field(min_length=1, max_length=256)
    rating: Literal["up", "down"] | None = None
    comment: str | None = Field(default=None, max_length=4000)


@router.post("/v1/feedback")
async def post_feedback(feedback: Feedback, request: Request) -> dict[str, Any]:
    runtime: Runtime = request.app.state.runtime
    principal = runtime.keys.client(request.headers)
    runtime.keys.limit(principal)
    try:
        # Scoped to the caller's tenant: another tenant's response id is simply unknown here.
        observation = await runtime.service.feedback(principal.tenant, feedback.response_id,
                                                     feedback.rating, feedback.comment)
    except UnknownResponse:
        raise NotFound(f"no response {feedback.response_id!r}", param="response_id") from None
    return {
        "observation_id": observation.id,
        "response_id": observation.response_id,
        "deltas": [{"dimension": d.dimension, "value": d.value, "weight": round(d.weight, 4)}
                   for d in observation.deltas],
    }


__all__ = ["router"]
