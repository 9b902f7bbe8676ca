"""``previous_response_id`` chains of the Responses API, kept as conversations.

Each response answered on the Responses door is kept as one turn: the id it went out with, the
turn it continued, and the turn's messages (the new input and the reply, as chat messages). A
chained request's conversation is its chain's turns joined, which is what lets edits, regenerations
and follow-ups be read from it as from a chat history, and what a translated request sends to a
chat-only upstream. Per process, bounded (oldest turns first out); a link that fell out is looked
up in the store by the caller.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

#: A chain longer than this is cut (the oldest turns are left out of the conversation).
MAX_DEPTH = 1_000


@dataclass(frozen=True)
class _Turn:
    parent: str | None
    messages: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Resolved:
    """The messages of a chain, oldest first; ``missing``: the id of the first turn not in
    memory (its messages and those before it are not in ``messages``)."""

    messages: list[dict[str, Any]]
    missing: str | None


class ChainMemory:
    def __init__(self, max_turns: int = 10_000) -> None:
        self.max_turns = max_turns
        self._turns: OrderedDict[tuple[str, str], _Turn] = OrderedDict()

    def add(self, tenant: str, response_id: str, parent: str | None, messages: list[dict[str, Any]]) -> None:
        if self.max_turns <= 0:
            return
        self._turns[(tenant, response_id)] = _Turn(parent, tuple(messages))
        self._turns.move_to_end((tenant, response_id))
        while len(self._turns) > self.max_turns:
            self._turns.popitem(last=False)

    def resolve(self, tenant: str, response_id: str) -> Resolved:
        """The conversation that ends with ``response_id``'s reply (tenant-scoped: an id from
        another tenant is unknown here)."""
        turns: list[_Turn] = []
        current: str | None = response_id
        while current is not None and len(turns) < MAX_DEPTH:
            turn = self._turns.get((tenant, current))
            if turn is None:
                break
            turns.append(turn)
            current = turn.parent
        missing = current if len(turns) < MAX_DEPTH else None
        messages = [m for turn in reversed(turns) for m in turn.messages]
        return Resolved(messages, missing)


__all__ = ["ChainMemory", "Resolved"]
