"""Confidence math for beliefs: pure functions, no clock, no I/O.

Model (see README "How confidence works"):

* Each (user, context, dimension) keeps an evidence weight per value. Confidence in a value is the
  posterior mean of a Beta(2a*m, 2a*(1-m)) prior updated with "this value" vs "anything else"
  weights, i.e. ``(2a*m + w_v) / (2a + W)``, where ``a`` is the prior strength (pseudo-count per
  side) and ``m`` the prior mean. For the global context m = 0.5; for a named context m is the
  global posterior mean, so a context starts from what is known about the user overall and moves
  away from it only with its own evidence (a two-level hierarchical model).
* Weights decay exponentially with a half-life: ``w(t) = w0 * 2^(-(t - t0) / h)``. To keep updates
  additive (and so atomic in SQL: ``SET w = w + delta``), weights are stored *scaled* by
  ``2^((t - EPOCH) / h)`` at the time they are added; the current weight is the stored sum divided
  by the same growth factor at read time. Decay therefore commutes with addition and the order of
  evidence never matters. Float64 holds the growth factor for ~250 years at h = 90 days.
* Manual weight (from an operator or the user's own correction) does not decay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping

#: Reference time for stored (growth-scaled) weights: 2025-01-01T00:00:00Z, in Unix seconds.
EPOCH = 1_735_689_600.0
_SECONDS_PER_DAY = 86_400.0
#: Confidence a manual belief may claim without being pinned: certainty is reserved for pins.
MAX_MANUAL_CONFIDENCE = 0.99


@dataclass(frozen=True)
class ConfidenceModel:
    """The constants of the model. ``prior`` is pseudo-counts per side; ``half_life_days`` > 0."""

    prior: float = 2.0
    half_life_days: float = 90.0
    apply_threshold: float = 0.7
    #: Share of a named context's evidence that also counts for the global context, in [0, 1]:
    #: what a user wants at work says something, but less, about what they want elsewhere.
    global_share: float = 0.5

    def growth(self, at: float) -> float:
        """Scale factor ``2^((at - EPOCH) / h)`` for a time ``at`` in Unix seconds."""
        return math.exp2((at - EPOCH) / (self.half_life_days * _SECONDS_PER_DAY))

    def to_stored(self, weight: float, at: float) -> float:
        """Weight observed at ``at`` expressed in stored (growth-scaled) units."""
        return weight * self.growth(at)

    def to_current(self, stored: float, now: float) -> float:
        """Stored weight decayed to ``now``."""
        return stored / self.growth(now)

    def manual_weight(self, confidence: float, base: float = 0.5) -> float:
        """Non-decaying weight that puts a value at ``confidence`` from a prior mean ``base``.

        Solves ``(2a*base + w) / (2a + w) = confidence`` for w; ``confidence`` in [base, 0.99].
        """
        c = min(max(confidence, base), MAX_MANUAL_CONFIDENCE)
        return 2.0 * self.prior * (c - base) / (1.0 - c)


@dataclass(frozen=True)
class Posterior:
    """Posterior over one dimension's values. ``weights`` are current (already decayed) weights."""

    weights: Mapping[str, float]
    prior: float
    parent: "Posterior | None" = None
    total: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(self.weights.values()))

    def mean(self, value: str) -> float:
        """Confidence in ``value``, in (0, 1)."""
        base = self.parent.mean(value) if self.parent is not None else 0.5
        return (2.0 * self.prior * base + self.weights.get(value, 0.0)) / (2.0 * self.prior + self.total)

    def candidates(self) -> set[str]:
        found = {v for v, w in self.weights.items() if w > 0.0}
        if self.parent is not None:
            found |= self.parent.candidates()
        return found

    def lead(self) -> tuple[str | None, float]:
        """The leading value and its confidence; ``(None, 0.5)`` when nothing is known.

        Ties are broken by value name so the result is deterministic.
        """
        best: tuple[str | None, float] = (None, 0.5)
        for value in sorted(self.candidates()):
            confidence = self.mean(value)
            if confidence > best[1]:
                best = (value, confidence)
        return best


def combine(weights: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Sum weights per value; the order of the pairs never changes the result (up to rounding)."""
    totals: dict[str, float] = {}
    for value, weight in weights:
        totals[value] = totals.get(value, 0.0) + weight
    return totals


__all__ = ["ConfidenceModel", "EPOCH", "MAX_MANUAL_CONFIDENCE", "Posterior", "combine"]
