"""The self-model: everything believed about one user, as evidence per (context, dimension, value).

``SelfModel`` is the in-memory form the per-user cache holds; it is folded from stored evidence
rows and updated in place with new evidence, so a signal read from a request shapes that same
request (read-your-writes) while the store is written behind it. :func:`increments` turns an
observation into the growth-scaled additions both the cache and the store apply; the store's SQL
mirrors :meth:`SelfModel.add` expression for expression.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

from beliefs.dimensions import NOT_OBSERVED
from beliefs.records import GLOBAL_CONTEXT, Belief, Observation, Source

from .confidence import ConfidenceModel, Population, Posterior


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

    def posterior(self, context: str, dimension: str, now: float, model: ConfidenceModel,
                  population: Population | None = None) -> Posterior:
        """Posterior for ``dimension`` in ``context``; named contexts take the global one as prior,
        the global one the tenant's ``population`` (when given)."""
        parent = None
        if context != GLOBAL_CONTEXT:
            parent = self.posterior(GLOBAL_CONTEXT, dimension, now, model, population)
        rows = self.evidence.get((context, dimension), {})
        weights = {
            value: model.to_current(row.implicit + row.explicit, now) + row.manual
            for value, row in rows.items()
        }
        prior = None
        if parent is None and population is not None and population.counts.get(dimension):
            # The population holds this user too once they are confident: take them out.
            own, confidence = Posterior(weights, model.scale).lead()
            exclude = own if own is not None and confidence >= model.acting_threshold else None
            seen = sum(row.observations for row in rows.values())

            def prior(value: str) -> float:
                row = rows.get(value)
                others = seen - (row.observations if row is not None else 0)
                return population.log_odds(dimension, value, exclude, others)
        return Posterior(weights, model.scale, parent, prior)

    def belief(
        self, context: str, dimension: str, now: float, model: ConfidenceModel,
        population: Population | None = None,
    ) -> Belief | None:
        """The effective belief for a request in ``context``: a pin in that context, then a global
        pin, then the leading learned value. ``None`` when nothing leads."""
        for pin_context in (context, GLOBAL_CONTEXT):
            pin = self.pins.get((pin_context, dimension))
            if pin is not None:
                return Belief(dimension, pin.value, pin.confidence, self._count(pin_context, dimension, pin.value),
                              pin_context, "manual", True, pin.updated_at)
        value, confidence = self.posterior(context, dimension, now, model, population).lead()
        if value is None or value == NOT_OBSERVED:
            return None
        # Report the belief under the most specific context that holds evidence for it.
        own = self.evidence.get((context, dimension), {}).get(value)
        where = context if own is not None else GLOBAL_CONTEXT
        row = own or self.evidence.get((GLOBAL_CONTEXT, dimension), {}).get(value) or ValueEvidence()
        return Belief(dimension, value, confidence, row.observations, where,
                      _source(row, now, model), False, row.updated_at)

    def beliefs(self, context: str, dimensions: Iterable[str], now: float,
                model: ConfidenceModel, population: Population | None = None) -> list[Belief]:
        """Effective beliefs for a request in ``context``, one per dimension that has a leader."""
        found = []
        for dimension in dimensions:
            belief = self.belief(context, dimension, now, model, population)
            if belief is not None:
                found.append(belief)
        return found

    def stored_beliefs(self, now: float, model: ConfidenceModel,
                       population: Population | None = None) -> list[Belief]:
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
            belief = self.belief(context, dimension, now, model, population)
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


def increments(observation: Observation, model: ConfidenceModel) -> list[EvidenceIncrement]:
    """The increments the live service adds for ``observation``: its own context, and the global
    context too (scaled by ``model.global_share``) when the observation came from a named one."""
    shares = [(observation.context, 1.0)]
    if observation.context != GLOBAL_CONTEXT:
        shares.append((GLOBAL_CONTEXT, model.global_share))
    at = observation.created_at
    growth = model.growth(at)
    return [
        EvidenceIncrement(context, d.dimension, d.value, d.source, d.weight * share * growth, at,
                          growth, _stored_cap(model, context, growth), model.cancel)
        for d in observation.deltas for context, share in shares if share > 0.0
    ]


def _stored_cap(model: ConfidenceModel, context: str, growth: float) -> float | None:
    """The cap in stored units. A named context may hold twice the cap: its confidence starts
    from the global log-odds (at most ``scale * cap`` either way), and it must be able to move
    as far away from them as a global belief can move from 0.5."""
    if model.cap is None:
        return None
    return model.cap * growth * (1.0 if context == GLOBAL_CONTEXT else 2.0)


__all__ = ["EvidenceIncrement", "Pin", "SelfModel", "ValueEvidence", "increments"]
