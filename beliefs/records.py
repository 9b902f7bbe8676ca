"""The records every room of beliefloop shares: who a request is for, beliefs as derived,
observations (interpreted signals), the responses they are about, and users' profiles.

Plain frozen dataclasses. Their JSON forms (for the database, the spool and the APIs) are built in
one place, :mod:`beliefs.codec`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Mapping

GLOBAL_CONTEXT = "*"
Source = Literal["implicit", "explicit", "manual"]
SignalKind = Literal["edit", "regeneration", "follow_up", "thumbs", "acceptance"]
#: What the conversation later showed about a response: "accepted", "edited", "regenerated",
#: "kept" (chosen among regenerated candidates) or "followed_up".
Outcome = Literal["accepted", "edited", "regenerated", "kept", "followed_up"]
#: Holdout arm of a personalised user: treated users get directives, holdout users do not.
Arm = Literal["treated", "holdout"]


@dataclass(frozen=True, slots=True)
class Identity:
    """Whose self-model a request reads and writes: a user of one tenant, in one context.

    The same user id under two tenants is two people. ``context`` names a situation with its own
    beliefs (``work``); :data:`GLOBAL_CONTEXT` is the user's everyday self.
    """

    tenant: str
    user: str
    context: str = GLOBAL_CONTEXT

    @property
    def key(self) -> tuple[str, str]:
        """(tenant, user): what identifies the person, whatever the context."""
        return (self.tenant, self.user)

    def in_context(self, context: str) -> "Identity":
        return Identity(self.tenant, self.user, context)


@dataclass(frozen=True, slots=True)
class BeliefView:
    """A belief as rules see it and as it shaped a response: a value and its confidence in [0, 1].

    :class:`Belief` has the same three fields (and more), so rules take either without a copy.
    """

    dimension: str
    value: str
    confidence: float

    @classmethod
    def of(cls, belief: "BeliefView | Belief", digits: int = 4) -> "BeliefView":
        return cls(belief.dimension, belief.value, round(belief.confidence, digits))


@dataclass(frozen=True, slots=True)
class Belief:
    """A derived belief: the leading value of one dimension in one context.

    ``confidence`` in [0, 1]; ``evidence`` counts the observations that supported ``value``.
    """

    dimension: str
    value: str
    confidence: float
    evidence: int
    context: str
    source: Source
    pinned: bool
    updated_at: float


@dataclass(frozen=True, slots=True)
class EvidenceDelta:
    """Evidence for one value, as interpreted from a signal. ``weight`` > 0, at time of the signal."""

    dimension: str
    value: str
    weight: float
    source: Literal["implicit", "explicit"] = "implicit"


@dataclass(frozen=True)
class Observation:
    """One interpreted signal: the append-only audit record behind every evidence change.

    ``id`` is an idempotency key: storing the same observation twice applies it once.
    ``features`` is what the signal showed, as stored for audits and exports (JSON); the typed
    properties below are the only readers of the keys other code relies on.
    """

    id: str
    tenant: str
    user_id: str
    context: str
    kind: SignalKind
    response_id: str | None
    features: Mapping[str, Any]
    deltas: tuple[EvidenceDelta, ...]
    created_at: float

    @property
    def is_choice(self) -> bool:
        """A regeneration observation that records which candidate the user kept."""
        return self.kind == "regeneration" and bool(self.features.get("choice"))

    @property
    def rejected_id(self) -> str | None:
        """For a choice: the candidate the user regenerated away from."""
        value = self.features.get("rejected_id")
        return value if isinstance(value, str) else None

    @property
    def edited_text(self) -> str | None:
        """For an edit: the text the user sent back (kept as long as response texts are)."""
        value = self.features.get("edited_text")
        return value if isinstance(value, str) else None

    @property
    def deferred(self) -> bool:
        """The second half of an edit, read off the hot path (its language change)."""
        return bool(self.features.get("deferred"))

    @property
    def message_index(self) -> int | None:
        """For a follow-up: the index of the user's message in the request that carried it."""
        value = self.features.get("message_index")
        return value if isinstance(value, int) else None

    @property
    def rating(self) -> str | None:
        """For thumbs: "up", "down" or None (a comment alone)."""
        value = self.features.get("rating")
        return value if value in ("up", "down") else None

    @property
    def comment_evidence(self) -> list[tuple[str, str]]:
        """For thumbs: the (dimension, value) pairs its comment asked for."""
        return [(e[0], e[1]) for e in self.features.get("comment_evidence", ()) if len(e) >= 2]


@dataclass(frozen=True)
class ResponseRecord:
    """What beliefloop returned for one personalised request.

    ``prefix_hash`` hashes the conversation up to the last user message (what was answered);
    ``text`` is the assembled assistant text and is dropped after the retention period. The
    conversation the client sent is stored beside the record for exports (see
    ``Store.save_response``), never carried in it: the hot path matches prefixes and texts only.
    """

    id: str
    tenant: str
    user_id: str
    context: str
    prefix_hash: str
    model: str
    created_at: float
    applied: tuple[BeliefView, ...] = ()
    directives: tuple[str, ...] = ()
    text: str | None = None
    text_hash: str | None = None
    completion_id: str | None = None
    complete: bool = True
    #: The user's holdout arm when the response was made (None for records made before arms).
    arm: Arm | None = None
    #: What the conversation later showed (see :data:`Outcome`). Set once, so a signal is read
    #: only once; "regenerated" may later become what the user did with the candidate.
    outcome: Outcome | None = None

    @property
    def identity(self) -> Identity:
        return Identity(self.tenant, self.user_id, self.context)


@dataclass(frozen=True)
class UserProfile:
    """Per-user bookkeeping: activity and consent. Times in Unix seconds."""

    tenant: str
    user_id: str
    first_seen: float
    last_seen: float
    requests: int = 0
    opted_out: bool = False
    #: Whether the user's data may be used beyond their own personalisation (exports, training).
    consent: bool = True


__all__ = [
    "Arm",
    "Belief",
    "BeliefView",
    "EvidenceDelta",
    "GLOBAL_CONTEXT",
    "Identity",
    "Observation",
    "Outcome",
    "ResponseRecord",
    "SignalKind",
    "Source",
    "UserProfile",
]
