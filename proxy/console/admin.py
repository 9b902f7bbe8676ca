"""Admin API: operators inspect and correct what is believed about a user.

``Authorization: Bearer <admin key>``, compared in constant time. With no admin key configured
the whole surface answers 403: an unprotected admin API is never the default.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from beliefs.codec import belief_json, observation_json, view_json
from beliefs.insights.lift import lift
from beliefs.memory.service import UnknownResponse
from beliefs.records import GLOBAL_CONTEXT, Belief, Identity, Observation
from proxy.errors import NotFound

from .deps import Tenant, admin_tenant, belief_value, runtime_of


class BeliefOut(BaseModel):
    dimension: str
    value: str
    confidence: float
    evidence: int
    context: str
    source: str
    pinned: bool
    updated_at: float

    @classmethod
    def of(cls, belief: Belief) -> "BeliefOut":
        return cls(**belief_json(belief))


class UserBeliefs(BaseModel):
    user_id: str
    beliefs: list[BeliefOut]


class BeliefUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str
    confidence: float | None = Field(default=None, ge=0.5, le=1.0)
    context: str = Field(default=GLOBAL_CONTEXT, min_length=1, max_length=256)
    pinned: bool = False


def observation_out(observation: Observation) -> dict[str, Any]:
    """An observation as the admin API shows it (the user is in the path already)."""
    data = observation_json(observation, digits=4)
    del data["tenant"], data["user_id"]
    return data


# Router-level too: a route added later without a Tenant parameter is still protected.
router = APIRouter(prefix="/admin", dependencies=[Depends(admin_tenant)], tags=["admin"])


@router.get("/users/{user_id:user}/beliefs", response_model=UserBeliefs)
async def get_beliefs(user_id: str, request: Request, tenant: Tenant) -> UserBeliefs:
    beliefs = await runtime_of(request).rights.stored_beliefs(Identity(tenant, user_id))
    return UserBeliefs(user_id=user_id, beliefs=[BeliefOut.of(b) for b in beliefs])


@router.put("/users/{user_id:user}/beliefs/{dimension}", response_model=UserBeliefs)
async def put_belief(user_id: str, dimension: str, update: BeliefUpdate, request: Request,
                     tenant: Tenant) -> UserBeliefs:
    runtime = runtime_of(request)
    value = belief_value(runtime, dimension, update.value)
    await runtime.rights.set_belief(Identity(tenant, user_id, update.context), dimension, value,
                                    update.confidence, update.pinned)
    return await get_beliefs(user_id, request, tenant)


@router.delete("/users/{user_id:user}/beliefs/{dimension}")
async def delete_belief(user_id: str, dimension: str, request: Request, tenant: Tenant,
                        context: str | None = None) -> dict[str, Any]:
    removed = await runtime_of(request).rights.delete_belief(Identity(tenant, user_id), dimension, context)
    if not removed:
        raise NotFound(f"no belief about {dimension!r} for user {user_id!r}")
    return {"user_id": user_id, "dimension": dimension, "deleted": True}


@router.delete("/users/{user_id:user}")
async def delete_user(user_id: str, request: Request, tenant: Tenant) -> dict[str, Any]:
    removed = await runtime_of(request).rights.delete_user(Identity(tenant, user_id))
    return {"user_id": user_id, "deleted": True, "rows_removed": removed}


class OptOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    opted_out: bool = True


@router.put("/users/{user_id:user}/opt-out")
async def put_opt_out(user_id: str, body: OptOut, request: Request, tenant: Tenant) -> dict[str, Any]:
    """Opting out deletes what is stored and stops observing and personalising the user."""
    await runtime_of(request).rights.set_opt_out(Identity(tenant, user_id), body.opted_out)
    return {"user_id": user_id, "opted_out": body.opted_out}


@router.get("/users/{user_id:user}/export")
async def export_user(user_id: str, request: Request, tenant: Tenant) -> dict[str, Any]:
    """Everything stored about the user (the right of access), with the lift of their recent
    comparison pairs (``beliefs.insights.lift``; the pairs themselves are in ``responses``)."""
    runtime, who = runtime_of(request), Identity(tenant, user_id)
    data = await runtime.rights.export_user(who)
    return {"user_id": user_id, "tenant": tenant, **data,
            "comparison_lift": lift(await runtime.insights.recent_pairs(who)).as_dict()}


@router.get("/users/{user_id:user}/observations")
async def get_observations(user_id: str, request: Request, tenant: Tenant, limit: int = 200) -> dict[str, Any]:
    observations = await runtime_of(request).rights.observations(Identity(tenant, user_id), max(1, min(limit, 1000)))
    return {"user_id": user_id, "observations": [observation_out(o) for o in observations]}


@router.get("/responses/{response_id}")
async def get_response_trace(response_id: str, request: Request, tenant: Tenant) -> dict[str, Any]:
    try:
        record, observations = await runtime_of(request).rights.trace(tenant, response_id)
    except UnknownResponse:
        raise NotFound(f"no response {response_id!r}") from None
    return {
        "response_id": record.id, "completion_id": record.completion_id, "user_id": record.user_id,
        "context": record.context, "model": record.model, "created_at": record.created_at,
        "complete": record.complete, "outcome": record.outcome,
        "applied": [view_json(a) for a in record.applied],
        "directives": list(record.directives),
        "signals": [observation_out(o) for o in observations],
    }


__all__ = ["router"]
