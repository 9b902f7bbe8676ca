"""``/v1/me``: a user's own self-model as JSON, so an app can render its own preferences UI.

Authentication is the token of a preference link (``Authorization: Bearer <token>``), which names
the tenant and the user: a token only ever reaches its own user's data. The app gets links from
``POST /admin/users/{user_id}/preferences-link`` (admin key), also defined here.

Endpoints:

* ``GET /v1/me`` — who the token is for, until when, opt-out state and milestones.
* ``GET /v1/me/beliefs`` — beliefs with plain-words explanations and what each changes.
* ``PUT /v1/me/beliefs/{dimension}`` ``{"value", "context"?}`` — confirm (same value) or correct
  (another value): stored as a pinned belief that outranks learned evidence.
* ``DELETE /v1/me/beliefs/{dimension}[?context=]`` — forget one; ``DELETE /v1/me/beliefs`` — all.
* ``PUT /v1/me/opt-out`` ``{"opted_out": bool}`` — stop (and delete) or restart personalisation.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from beliefs.records import GLOBAL_CONTEXT
from proxy.errors import Unauthorized, Unprocessable
from proxy.gateway.identity import MAX_ID_CHARS

from . import preferences
from .deps import Tenant, admin_tenant, runtime_of, signers_of
from .preferences import Preferences, ShownBelief
from .samples import QUESTION, as_text
from .tokens import Grant, TokenError

ME_PAGE_PATH = "/me"


def link_grant(request: Request) -> Grant:
    """The preference-link token in ``Authorization: Bearer``; 401 naming why it was refused."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("a preference-link token is required (Authorization: Bearer <token>)",
                           code="invalid_token")
    try:
        return signers_of(request).links.verify(token.strip(), "me", runtime_of(request).service.clock())
    except TokenError as error:
        message = ("this preference link has expired; ask the app for a new one"
                   if error.code == "token_expired" else "this preference-link token is not valid")
        raise Unauthorized(message, code=error.code) from None


Me = Annotated[Grant, Depends(link_grant)]
router = APIRouter(prefix="/v1/me", tags=["me"])
admin_router = APIRouter(prefix="/admin", dependencies=[Depends(admin_tenant)], tags=["admin"])


# -- JSON shapes ---------------------------------------------------------------------------------

class BeliefChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str = Field(min_length=1, max_length=64)
    context: str = Field(default=GLOBAL_CONTEXT, min_length=1, max_length=MAX_ID_CHARS)


class OptOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    opted_out: bool


class LinkRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: Lifetime of the link in seconds (default: ``pages.link_ttl_s``, 7 days); 1 minute to 90 days.
    ttl_s: int | None = Field(default=None, ge=60, le=90 * 86_400)


def _belief(shown: ShownBelief) -> dict[str, Any]:
    b, e = shown.belief, shown.explanation
    return {
        "dimension": b.dimension, "value": b.value, "context": b.context,
        "confidence": round(b.confidence, 4), "evidence": b.evidence, "source": b.source,
        "pinned": b.pinned, "updated_at": b.updated_at,
        "explanation": e.sentence, "certainty": e.certainty, "percent": e.percent, "because": e.because,
        "origin": e.origin, "story": e.story, "against": e.against, "pin": e.pin_kind,
        "applied": shown.applied, "wording": shown.wording, "use": shown.use, "applies_from_percent": shown.threshold_percent,
        "directives": list(shown.directives),
        "choices": [value for value, _ in shown.choices],
    }


def comparison_json(prefs: Preferences) -> dict[str, Any] | None:
    """The latest real pair and the lift over the recent pairs (None when opted out)."""
    if prefs.lift is None:
        return None
    pair = prefs.comparison
    return {
        "latest": None if pair is None else {
            "response_id": pair.response_id, "created_at": pair.created_at, "model": pair.model,
            "question": pair.question, "personalised": pair.personalised, "generic": pair.generic,
            "applied": [{"dimension": a.dimension, "value": a.value} for a in pair.applied],
        },
        "lift": prefs.lift.as_dict(),
    }


def _document(prefs: Preferences) -> dict[str, Any]:
    return {
        "user_id": prefs.user_id,
        "opted_out": prefs.opted_out,
        "apply_threshold": prefs.apply_threshold,
        "beliefs": [_belief(s) for group in prefs.groups for s in group.beliefs],
        "milestones": [{"title": m.title, "detail": m.detail} for m in prefs.milestones],
        "example": None if prefs.adapted is None or prefs.generic is None else {
            "question": QUESTION, "generic": as_text(prefs.generic), "adapted": as_text(prefs.adapted),
            "notes": list(prefs.adapted.notes), "illustration": True,
        },
        "comparison": comparison_json(prefs),
    }


# -- the user's own API ----------------------------------------------------------------------------

@router.get("")
async def get_me(request: Request, me: Me) -> dict[str, Any]:
    prefs = await preferences.load(runtime_of(request), me.who())
    return {"user_id": prefs.user_id, "opted_out": prefs.opted_out, "expires_at": me.expires_at,
            "milestones": [{"title": m.title, "detail": m.detail} for m in prefs.milestones],
            "comparison": comparison_json(prefs)}


@router.get("/beliefs")
async def get_my_beliefs(request: Request, me: Me) -> dict[str, Any]:
    return _document(await preferences.load(runtime_of(request), me.who()))


@router.put("/beliefs/{dimension}")
async def put_my_belief(dimension: str, change: BeliefChange, request: Request, me: Me) -> dict[str, Any]:
    runtime = runtime_of(request)
    await preferences.correct(runtime, me.who(change.context), dimension, change.value)
    return _document(await preferences.load(runtime, me.who()))


@router.delete("/beliefs/{dimension}")
async def delete_my_belief(dimension: str, request: Request, me: Me,
                           context: str = GLOBAL_CONTEXT) -> dict[str, Any]:
    await preferences.remove(runtime_of(request), me.who(context), dimension)
    return {"user_id": me.user_id, "dimension": dimension, "context": context, "deleted": True}


@router.delete("/beliefs")
async def reset_my_beliefs(request: Request, me: Me) -> dict[str, Any]:
    await preferences.reset(runtime_of(request), me.who())
    return {"user_id": me.user_id, "deleted": True}


@router.put("/opt-out")
async def put_my_opt_out(body: OptOut, request: Request, me: Me) -> dict[str, Any]:
    await preferences.set_opt_out(runtime_of(request), me.who(), body.opted_out)
    return {"user_id": me.user_id, "opted_out": body.opted_out}


# -- the app asks for a link -----------------------------------------------------------------------

def mint_link(request: Request, tenant: str, user_id: str, ttl_s: int | None = None) -> dict[str, Any]:
    """A preference link for ``user_id``: the page URL, the bare token and its expiry."""
    runtime = runtime_of(request)
    pages = runtime.settings.pages
    expires_at = int(runtime.service.clock()) + (ttl_s or pages.link_ttl_s)
    token = signers_of(request).links.sign(Grant("me", tenant, user_id, expires_at))
    base = (pages.public_base_url or str(request.base_url)).rstrip("/")
    return {"user_id": user_id, "url": f"{base}{ME_PAGE_PATH}?token={token}", "token": token,
            "expires_at": expires_at}


@admin_router.post("/users/{user_id:user}/preferences-link")
async def create_preferences_link(user_id: str, request: Request, tenant: Tenant,
                                  body: Annotated[LinkRequest | None, Body()] = None) -> dict[str, Any]:
    if len(user_id) > MAX_ID_CHARS or not user_id.isprintable():
        raise Unprocessable(f"user_id must be 1 to {MAX_ID_CHARS} printable characters", param="user_id")
    return mint_link(request, tenant, user_id, body.ttl_s if body else None)


__all__ = ["ME_PAGE_PATH", "Me", "admin_router", "link_grant", "mint_link", "router"]
