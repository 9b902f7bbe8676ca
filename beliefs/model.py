"""The self-model: what is believed about one user, and the records it is built from.

Plain dataclasses. ``SelfModel`` is the in-memory form the per-user cache holds; it is folded from
stored evidence rows and updated in place with new evidence so a signal read from a request shapes
that same request (read-your-writes), while the store is written behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

from .confidence import ConfidenceModel, Posterior
from .dimensions import NOT_OBSERVED

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
class EvidenceIncrement:
    """Add ``stored_weight`` (growth-scaled, see :mod:`beliefs.confidence`) to one value's row.

    With ``cap`` (stored units at ``at``), the value's total stops growing at ``cap``; with
    ``cancel``, the same ``stored_weight`` is taken off every other value of the dimension,
    from implicit, then explicit, then manual weight, each floored at 0. ``growth`` is the
    growth factor at ``at``, to express the non-decaying manual weight in stored units.
    """

    context: str
    dimension: str
    value: str
    source: Literal["implicit", "explicit"]
    stored_weight: float
    at: float
    growth: float = 1.0
    cap: float | None = None
    cancel: bool = False

    def added(self, implicit: float, explicit: float, manual: float) -> float:
        """Stored weight actually added to a row holding these weights (the cap's headroom)."""
        if self.cap is None:
            return self.stored_weight
        return min(self.stored_weight, max(self.cap - (implicit + explicit + manual * self.growth), 0.0))

    def cancelled(self, implicit: float, explicit: float, manual: float) -> tuple[float, float, float]:
        """Another value's (implicit, explicit, manual) after this increment cancels from it.

        The store's UPDATE computes exactly these expressions from the old row values.
        """
        x = self.stored_weight
        return (max(implicit - x, 0.0),
                max(explicit - max(x - implicit, 0.0), 0.0),
                max(manual - max(x - implicit - explicit, 0.0) / self.growth, 0.0))


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


@dataclass
class ValueEvidence:
    """Evidence rows for one value. ``implicit``/``explicit`` are stored growth-scaled weights."""

    implicit: float = 0.0
    explicit: float = 0.0
    manual: float = 0.0
    observations: int = 0
    updated_at: float = 0.0


@dataclass(frozen=True)
class Pin:
    """A value the user or an operator fixed; it outranks all learned evidence and never decays."""

    value: str
    confidence: float
    updated_at: float


@dataclass
class SelfModel:
    """Everything believed about one user, keyed by (context, dimension)."""

    evidence: dict[tuple[str, str], dict[str, ValueEvidence]] = field(default_factory=dict)
    pins: dict[tuple[str, str], Pin] = field(default_factory=dict)

    def add(self, increment: "EvidenceIncrement") -> None:
        """Apply one increment in memory, exactly as the store's atomic updates do."""
        rows = self.evidence.setdefault((increment.context, increment.dimension), {})
        row = rows.setdefault(increment.value, ValueEvidence())
        added = increment.added(row.implicit, row.explicit, row.manual)
        if increment.source == "explicit":
            row.explicit += added
        else:
            row.implicit += added
        row.observations += 1
        row.updated_at = max(row.updated_at, increment.at)
        if increment.cancel:
            for other in rows.values():
                if other is not row:
                    other.implicit, other.explicit, other.manual = increment.cancelled(
                        other.implicit, other.explicit, other.manual)

    def posterior(self, context: str, dimension: str, now: float, model: ConfidenceModel) -> Posterior:
        """Posterior for ``dimension`` in ``context``; named contexts take the global one as prior."""
        parent = None
        if context != GLOBAL_CONTEXT:
            parent = self.posterior(GLOBAL_CONTEXT, dimension, now, model)
        rows = self.evidence.get((context, dimension), {})
        weights = {
            value: model.to_current(row.implicit + row.explicit, now) + row.manual
            for value, row in rows.items()
        }
        return Posterior(weights, model.scale, parent)

    def belief(
        self, context: str, dimension: str, now: float, model: ConfidenceModel
    ) -> Belief | None:
        """The effective belief for a request in ``context``: a pin in that context, then a global
        pin, then the leading learned value. ``None`` when nothing leads."""
        for pin_context in (context, GLOBAL_CONTEXT):
            pin = self.pins.get((pin_context, dimension))
            if pin is not None:
                return Belief(dimension, pin.value, pin.confidence, self._count(pin_context, dimension, pin.value),
                              pin_context, "manual", True, pin.updated_at)
        value, confidence = self.posterior(context, dimension, now, model).lead()
        if value is None or value == NOT_OBSERVED:
            return None
        # Report the belief under the most specific context that holds evidence for it.
        own = self.evidence.get((context, dimension), {}).get(value)
        where = context if own is not None else GLOBAL_CONTEXT
        row = own or self.evidence.get((GLOBAL_CONTEXT, dimension), {}).get(value) or ValueEvidence()
        return Belief(dimension, value, confidence, row.observations, where,
                      _source(row, now, model), False, row.updated_at)

    def beliefs(self, context: str, dimensions: Iterable[str], now: float,
                model: ConfidenceModel) -> list[Belief]:
        """Effective beliefs for a request in ``context``, one per dimension that has a leader."""
        found = []
        for dimension in dimensions:
            belief = self.belief(context, dimension, now, model)
            if belief is not None:
                found.append(belief)
        return found

    def stored_beliefs(self, now: float, model: ConfidenceModel) -> list[Belief]:
        """Every (context, dimension) that holds evidence or a pin, for inspection APIs."""
        keys = sorted(set(self.evidence) | set(self.pins))
        found = []
        for context, dimension in keys:
            pin = self.pins.get((context, dimension))
            if pin is not None:
                found.append(Belief(dimension, pin.value, pin.confidence,
                                    self._count(context, dimension, pin.value), context, "manual",
                                    True, pin.updated_at))
                continue
            belief = self.belief(context, dimension, now, model)
            if belief is not None and belief.context == context:
                found.append(belief)
        return found

    def contexts(self) -> set[str]:
        return {context for context, _ in self.evidence} | {context for context, _ in self.pins}

    def _count(self, context: str, dimension: str, value: str) -> int:
        row = self.evidence.get((context, dimension), {}).get(value)
        return row.observations if row else 0


def _source(row: ValueEvidence, now: float, model: ConfidenceModel) -> Source:
    if row.manual > 0.0:
        return "manual"
    return "explicit" if row.explicit > row.implicit else "implicit"


__all__ = [
    "AppliedBelief",
    "Belief",
    "EvidenceDelta",
    "EvidenceIncrement",
    "GLOBAL_CONTEXT",
    "Observation",
    "Pin",
    "ResponseRecord",
    "SelfModel",
    "SignalKind",
    "UserProfile",
    "ValueEvidence",
]
