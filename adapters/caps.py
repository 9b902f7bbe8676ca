"""Token caps from rules: lowered, never raised, added only where the rule says so, written to
the field the upstream honours, and kept off requests whose output must stay whole.

Pure: the body dict is changed in place; what the upstream honours arrives as
:class:`~adapters.traits.ModelTraits`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .traits import ModelTraits, Shape

MAX_TOKENS = "max_tokens"
MAX_COMPLETION_TOKENS = "max_completion_tokens"
_CHAT_FIELDS = (MAX_COMPLETION_TOKENS, MAX_TOKENS)
_STRUCTURED = ("json_schema", "json_object")


@dataclass(frozen=True)
class Cap:
    """A rule's limit on the length of a reply, in tokens (>= 1).

    ``add``: also set the limit when the client asked for none. Without it the cap only lowers a
    limit the client set, so no request is ever truncated by a cap it did not ask for.
    """

    limit: int
    add: bool = False


@dataclass(frozen=True)
class CapPolicy:
    """Which requests take caps at all. A truncated tool call or JSON document is broken, not
    short, so requests that declare tools or ask for structured output are left alone by default."""

    tools: bool = False
    structured_output: bool = False


def tightest(caps: Iterable[Cap]) -> Cap | None:
    """The lowest limit among ``caps``; added when any of them says so."""
    found = list(caps)
    if not found:
        return None
    return Cap(min(c.limit for c in found), any(c.add for c in found))


def _number(value: Any) -> bool:
    # 5000.0 is a limit too (JSON has one number type); True is not.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def cap_allowed(body: dict[str, Any], shape: Shape, policy: CapPolicy) -> bool:
    """False for a request the policy keeps caps off: tools declared, or structured output asked."""
    if not policy.tools and (body.get("tools") or (shape == "chat" and body.get("functions"))):
        return False
    if not policy.structured_output:
        if shape == "chat":
            fmt = body.get("response_format")
        elif shape == "responses":
            text = body.get("text")
            fmt = text.get("format") if isinstance(text, dict) else None
        else:
            fmt = None
        if isinstance(fmt, dict) and fmt.get("type") in _STRUCTURED:
            return False
    return True


def chat_cap_fields(traits: ModelTraits, present: Iterable[str]) -> tuple[str, ...]:
    """The chat field(s) a limit is written to for this model, given those the client used."""
    if traits.cap_field == "both":
        return _CHAT_FIELDS
    if traits.cap_field != "auto":
        return (traits.cap_field,)
    if traits.reasoning:
        return (MAX_COMPLETION_TOKENS,)
    used = tuple(k for k in _CHAT_FIELDS if k in present)
    return used or (MAX_TOKENS,)


def apply_cap(body: dict[str, Any], cap: Cap, shape: Shape, traits: ModelTraits) -> None:
    """Write ``cap`` into ``body``: the client's own limit (any of the shape's fields) is lowered
    to it, or the limit is added when ``cap.add``. In a chat body the result goes to the field(s)
    the model honours and the other field is removed; a limit already within the cap and in the
    right field is left exactly as the client sent it."""
    if shape == "chat":
        _cap_chat(body, cap, traits)
    else:
        _cap_one(body, cap, "max_output_tokens" if shape == "responses" else MAX_TOKENS)


def _cap_one(body: dict[str, Any], cap: Cap, field: str) -> None:
    current = body.get(field)
    if _number(current):
        if current > cap.limit:
            body[field] = cap.limit
    elif cap.add:
        body[field] = cap.limit


def _cap_chat(body: dict[str, Any], cap: Cap, traits: ModelTraits) -> None:
    present = {k: body[k] for k in _CHAT_FIELDS if _number(body.get(k))}
    if not present and not cap.add:
        return
    limit = min(cap.limit, *present.values()) if present else cap.limit
    fields = chat_cap_fields(traits, present)
    if set(fields) == set(present) and all(v <= cap.limit for v in present.values()):
        return  # within the cap, where the upstream reads it: the client's request as it was
    for key in _CHAT_FIELDS:
        if key in fields:
            body[key] = int(limit)
        elif key in body:
            del body[key]


__all__ = ["Cap", "CapPolicy", "MAX_COMPLETION_TOKENS", "MAX_TOKENS", "apply_cap", "cap_allowed",
           "chat_cap_fields", "tightest"]
