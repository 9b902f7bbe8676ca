"""Confidence math for beliefs: pure functions, no clock, no I/O.

Model (see README "How learning works"):

* Each (user, context, dimension) keeps an evidence weight per value. Confidence in a value is
  logistic in the *net* evidence for it, ``net_v = w_v - sum of the other values' weights``::

      confidence(v) = sigmoid(scale * net_v + logit(base))

  ``scale`` is the log-odds one unit of net evidence is worth; ``base`` is 0.5 in the global
  context and, in a named context, the global confidence in the same value, so a context starts
  from what is known about the user overall and moves away from it only with its own evidence
  (a two-level hierarchical model). Agreeing independent signals multiply the odds, which is how
  the flywheel benchmark's accuracy grows with agreeing signals (a Beta mean, linear in the
  counts, under-states it).
* Weights decay exponentially with a half-life: ``w(t) = w0 * 2^(-(t - t0) / h)``. To keep updates
  additive (and so atomic in SQL: ``SET w = w + delta``), weights are stored *scaled* by
  ``2^((t - EPOCH) / h)`` at the time they are added; the current weight is the stored sum divided
  by the same growth factor at read time, so decay commutes with addition. Float64 holds the
  growth factor for ~250 years at h = 90 days.
* Saturation (optional, ``cap``): a value's current weight never grows past ``cap`` through
  evidence, and evidence for a value cancels as much weight from the dimension's other values
  (floored at 0). A long-held preference then gives way to a new one after about ``cap`` / 2
  signals instead of after as many as it ever received. Both steps are single SQL updates
  (``MIN``/``MAX`` of the old row values) and :meth:`beliefs.learning.selfmodel.SelfModel.add` mirrors them.
  A named context may hold twice the cap, so it can move as far from the global belief it starts
  from as a global belief can move from 0.5. With saturation, evidence for one value commutes
  with itself but not with evidence against it: the order of mixed evidence can matter (by at
  most the capped or floored part).
* Manual weight (from an operator or the user's own correction) does not decay.
* Population prior (optional, per tenant): in the global context ``logit(base)`` is not 0 but the
  log-odds of how common the value is among the tenant's *other* users with a confident belief on
  the dimension, shrunk towards 0.5 by ``strength`` pseudo-users and clamped to
  ``+-max_log_odds`` (:func:`prior_log_odds`). It shifts what the user's own evidence is worth,
  never creates a candidate: a value the user gave no evidence for never leads, so the prior
  alone applies nothing. Named contexts inherit it through the global confidence they start from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

#: Reference time for stored (growth-scaled) weights: 2025-01-01T00:00:00Z, in Unix seconds.
EPOCH = 1_735_689_600.0
_SECONDS_PER_DAY = 86_400.0
#: Confidence a manual belief may claim without being pinned: certainty is reserved for pins.
MAX_MANUAL_CONFIDENCE = 0.99
# Keeps logit() finite for a base of exactly 0 or 1.
_EPS = 1e-12


def sigmoid(x: float) -> float:
    """Logistic function, in (0, 1), without overflow for large |x|."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def logit(p: float) -> float:
    """Log-odds of ``p`` (clamped into (0, 1))."""
    p = min(max(p, _EPS), 1.0 - _EPS)
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class ConfidenceModel:
    """The constants of the model.

    ``scale``: log-odds per unit of net evidence (> 0). ``half_life_days`` > 0.
    ``apply_threshold``: confidence in (0.5, 1) at which a belief shapes responses in firm
    wording; ``tentative_threshold`` (<= it): where rules with a tentative wording start.
    ``global_share``: share in [0, 1] of a named context's evidence that also counts globally.
    ``cap``: most current weight evidence can give one value (None: no cap). ``cancel``: evidence
    for a value removes as much from the dimension's other values.
    """

    scale: float = 1.0
    half_life_days: float = 90.0
    apply_threshold: float = 0.92
    #: Two explicit requests (strength 0.9 each at scale 1: 0.86), an edit and a judgement (1.0 +
    #: 0.7: 0.8455) reach it; one signal (0.71) or two vague judgements (0.7 each: 0.80) do not.
    tentative_threshold: float = 0.84
    #: Share of a named context's evidence that also counts for the global context, in [0, 1]:
    #: what a user wants at work says something, but less, about what they want elsewhere.
    global_share: float = 0.5
    cap: float | None = 3.0
    cancel: bool = True

    @property
    def acting_threshold(self) -> float:
        """The least confidence at which a belief shapes responses in any wording."""
        return min(self.apply_threshold, self.tentative_threshold)

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
        """Non-decaying weight that puts a value at ``confidence`` from a prior mean ``base``
        (with no other evidence in the dimension).

        Solves ``sigmoid(scale * w + logit(base)) = confidence`` for w; ``confidence`` is
        clamped into [base, 0.99].
        """
        c = min(max(confidence, base), MAX_MANUAL_CONFIDENCE)
        return max(0.0, (logit(c) - logit(base)) / self.scale)


def prior_log_odds(counts: Mapping[str, int], value: str, strength: float, max_log_odds: float) -> float:
    """Log-odds of ``value`` under a tenant's population, for a user with no evidence yet.

    ``counts``: value -> users of the tenant with a confident belief in it, on one dimension.
    The share of ``value`` among them is shrunk towards 0.5 by ``strength`` pseudo-users split
    evenly (``(n_v + strength/2) / (n + strength)``), so a tenant with few users gives a weak
    prior, and the log-odds are clamped to ``+-max_log_odds``, so no population is worth more
    than that much of a user's own evidence. 0 for an empty population.
    """
    n = sum(max(c, 0) for c in counts.values())
    if n <= 0 or max_log_odds <= 0.0:
        return 0.0
    share = (max(counts.get(value, 0), 0) + strength / 2.0) / (n + strength)
    return min(max(logit(share), -max_log_odds), max_log_odds)


@dataclass(frozen=True)
class Population:
    """A tenant's population prior: users with a confident global belief, per dimension and value.

    A read-only snapshot; :meth:`log_odds` is :func:`prior_log_odds` with the user's own
    confident value (``exclude``) taken out of the counts, so a user is never their own prior.
    """

    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    strength: float = 4.0
    max_log_odds: float = 1.0
    #: Divide the prior for a value by ``1 +`` the number of observations the user has on the
    #: dimension's *other* values: a user with a history there (a long-held preference they are
    #: now changing, or one that noise goes against) is judged on it, not on the population. It
    #: never counts the value's own observations, so evidence for a value never lowers its
    #: confidence.
    history: bool = True

    @classmethod
    def from_counts(cls, counts: Mapping[tuple[str, str], int], strength: float = 4.0,
                    max_log_odds: float = 1.0, history: bool = True) -> Population:
        """From ``{(dimension, value): users}`` (what the store's aggregate returns)."""
        nested: dict[str, dict[str, int]] = {}
        for (dimension, value), users in counts.items():
            if users > 0:
                nested.setdefault(dimension, {})[value] = int(users)
        return cls(nested, strength, max_log_odds, history)

    def log_odds(self, dimension: str, value: str, exclude: str | None = None, others: int = 0) -> float:
        """The prior for ``value`` for a user whose confident value is ``exclude`` (taken out of
        the counts) and who has ``others`` observations on the dimension's other values."""
        counts = self.counts.get(dimension)
        if not counts:
            return 0.0
        if exclude is not None and counts.get(exclude, 0) > 0:
            counts = {**counts, exclude: counts[exclude] - 1}
        x = prior_log_odds(counts, value, self.strength, self.max_log_odds)
        if self.history:
            x /= 1.0 + max(others, 0)
        return x


@dataclass(frozen=True)
class Posterior:
    """Belief over one dimension's values. ``weights`` are current (already decayed) weights.

    ``parent``: the posterior a named context starts from (the global one). ``prior``: value ->
    log-odds before any evidence when there is no parent (the population prior; 0 when absent).
    """

    weights: Mapping[str, float]
    scale: float
    parent: "Posterior | None" = None
    prior: Callable[[str], float] | None = None
    total: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(self.weights.values()))

    def base_log_odds(self, value: str) -> float:
        if self.parent is not None:
            return logit(self.parent.mean(value))
        return self.prior(value) if self.prior is not None else 0.0

    def mean(self, value: str) -> float:
        """Confidence in ``value``, in (0, 1)."""
        own = self.weights.get(value, 0.0)
        net = own - (self.total - own)
        return sigmoid(self.scale * net + self.base_log_odds(value))

    def candidates(self) -> set[str]:
        found = {v for v, w in self.weights.items() if w > 0.0}
        if self.parent is not None:
            found |= self.parent.candidates()
        return found

    def lead(self) -> tuple[str | None, float]:
        """The leading value and its confidence; ``(None, 0.5)`` when nothing is above 0.5.

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


__all__ = [
    "EPOCH",
    "MAX_MANUAL_CONFIDENCE",
    "ConfidenceModel",
    "Population",
    "Posterior",
    "combine",
    "logit",
    "prior_log_odds",
    "sigmoid",
]
