"""The records every room of beliefloop shares: beliefs as derived, observations (interpreted
signals) and the responses they are about, and users' profiles.

Plain frozen dataclasses; their JSON forms (for the database, the spool and the APIs) are built in
one place, :mod:`beliefs.codec`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

GLOBAL_CONTEXT = "*"
Source = Literal["implicit", "explicit", "manual"]
SignalKind = Literal["edit", "regeneration", "follow_up", "thumbs", "acceptance"]


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
    """

    id: str
    tenant: str
    user_id: str
    context: str
    kind: SignalKind
    response_id: str | None
    features: dict
    deltas: tuple[EvidenceDelta, ...]
    created_at: float


@dataclass(frozen=True)
class AppliedBelief:
    """A belief as it was when it shaped a response (kept on the response record)."""

    dimension: str
    value: str
    confidence: float


@dataclass(frozen=True)
class ResponseRecord:
    """What beliefloop returned for one personalised request.

    ``prefix_hash`` hashes the conversation up to the last user message (what was answered);
    ``text`` is the assembled assistant text and is dropped after the retention period.
    """

    id: str
    tenant: str
    user_id: str
    context: str
    prefix_hash: str
    model: str
    created_at: float
    applied: tuple[AppliedBelief, ...] = ()
    directives: tuple[str, ...] = ()
    text: str | None = None
    text_hash: str | None = None
    completion_id: str | None = None
    complete: bool = True
    features: dict = field(default_factory=dict)
    #: What the conversation later showed: None (not yet), "accepted", "edited", "regenerated",
    #: "kept" (chosen among regenerated candidates). Set once, so a signal is read only once.
    outcome: str | None = None


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
    "AppliedBelief",
    "Belief",
    "EvidenceDelta",
    "GLOBAL_CONTEXT",
    "Observation",
    "ResponseRecord",
    "SignalKind",
    "Source",
    "UserProfile",
]
