"""Who is asking, and in which context: from headers first, then the OpenAI body fields."""

from __future__ import annotations

from typing import Any, Mapping

from beliefs.records import GLOBAL_CONTEXT, Identity
from proxy.errors import InvalidRequest

USER_HEADER = "x-beliefloop-user"
CONTEXT_HEADER = "x-beliefloop-context"
MAX_ID_CHARS = 256


def clean_id(value: Any, what: str) -> str:
    """An id is 1..256 printable characters: no control characters that could split logs/headers."""
    if not isinstance(value, str) or not value or len(value) > MAX_ID_CHARS:
        raise InvalidRequest(f"{what} must be a string of 1 to {MAX_ID_CHARS} characters", param=what)
    if not value.isprintable():
        raise InvalidRequest(f"{what} must not contain control characters", param=what)
    return value


def identify(headers: Mapping[str, str], body: Mapping[str, Any], tenant: str) -> Identity | None:
    """``X-BeliefLoop-User`` header, else body ``user``, else ``safety_identifier``, in the
    ``X-BeliefLoop-Context`` context (default global); None for an anonymous request."""
    context_raw = headers.get(CONTEXT_HEADER)
    context = clean_id(context_raw, "X-BeliefLoop-Context") if context_raw else GLOBAL_CONTEXT
    raw = headers.get(USER_HEADER)
    if raw is not None:
        user = clean_id(raw, "X-BeliefLoop-User")
    elif body.get("user") is not None:
        user = clean_id(body["user"], "user")
    elif body.get("safety_identifier") is not None:
        user = clean_id(body["safety_identifier"], "safety_identifier")
    else:
        return None
    return Identity(tenant, user, context)


__all__ = ["CONTEXT_HEADER", "MAX_ID_CHARS", "USER_HEADER", "clean_id", "identify"]
