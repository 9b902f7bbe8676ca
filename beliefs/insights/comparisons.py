"""The latest comparison pair of a user: the answer they got, and the generic answer to the same
request (comparison anchoring, ``comparison.sample_rate``). Read-only.

The generic text lives beside the personalised record's text (its ``comparison`` feature), so
both disappear together when retention clears response texts; a record whose text is gone has
no pair to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from beliefs.codec import view_from
from beliefs.memory.sql_store import ResponseRow
from beliefs.records import BeliefView, Identity

#: Recent records looked through for a pair (newest first); sampling is rare, so older pairs
#: beyond this are not worth a scan.
SCAN = 200

_response = ResponseRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Pair:
    response_id: str
    created_at: float
    model: str
    #: The user's last message of that request, when the conversation is still stored.
    question: str | None
    personalised: str
    generic: str
    applied: tuple[BeliefView, ...]


def _question(messages: Any) -> str | None:
    if not isinstance(messages, list):
        return None
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str):
                return content
            if isinstance(content, list):
                texts = [p.get("text") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str)]
                return "\n".join(texts) or None
    return None


def recent_pairs(engine: Engine, who: Identity, scan: int = SCAN) -> list[Pair]:
    """The pairs among ``who``'s ``scan`` most recent responses (any context) that still have
    their text and a comparison, newest first."""
    query = (select(_response.c.id, _response.c.created_at, _response.c.model, _response.c.text,
                    _response.c.features, _response.c.applied)
             .where(_response.c.tenant == who.tenant, _response.c.user_id == who.user,
                    _response.c.text.is_not(None))
             .order_by(_response.c.created_at.desc()).limit(scan))
    found_pairs = []
    with engine.connect() as connection:
        for response_id, created_at, model, text, features, applied in connection.execute(query):
            found = (features or {}).get("comparison")
            if not isinstance(found, dict) or not isinstance(found.get("text"), str):
                continue
            views = tuple(view_from(a) for a in applied or () if isinstance(a, dict))
            found_pairs.append(Pair(response_id, created_at, model, _question((features or {}).get("messages")),
                                    text, found["text"], views))
    return found_pairs


def latest_pair(engine: Engine, who: Identity) -> Pair | None:
    """The newest of ``who``'s recent responses (any context) that has a comparison and text."""
    pairs = recent_pairs(engine, who)
    return pairs[0] if pairs else None


__all__ = ["Pair", "latest_pair", "recent_pairs"]
