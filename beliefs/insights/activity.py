"""Activity for the operator dashboard: pure aggregates over what the store holds (signals per day,
personalised share, belief churn, reviews of pinned beliefs, depth of understanding).

Inputs are plain records (observations, response records, pins, self-models); time comes in as
``now``. Days are UTC calendar days, keyed by their start in Unix seconds.

*Corrections* need no table of their own: a user's correction is stored as a pinned belief, and
the observation log says what learned evidence believed just before the pin was set. A pin whose
value differs from that learned leader is a **correction** (the model was wrong); one that agrees
is a **confirmation**; one on a dimension nothing had been learned about is **stated**. Pins set
by operators through the admin API with ``pinned: true`` are counted the same way.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Literal, Mapping, Sequence

from beliefs.insights.history import Flip, leader_before
from beliefs.learning.confidence import ConfidenceModel
from beliefs.learning.selfmodel import Pin, SelfModel
from beliefs.records import Observation, ResponseRecord

DAY_S = 86_400.0
SIGNAL_KINDS: tuple[str, ...] = ("edit", "follow_up", "regeneration", "thumbs", "acceptance")
SIGNAL_LABELS: Mapping[str, str] = {
    "edit": "edits", "follow_up": "follow-ups", "regeneration": "regenerations",
    "thumbs": "thumbs & comments", "acceptance": "acceptances",
}
Review = Literal["correction", "confirmation", "stated"]


def day_start(ts: float) -> float:
    return math.floor(ts / DAY_S) * DAY_S


def day_range(since: float, now: float) -> list[float]:
    """Start of every UTC day from the one holding ``since`` to the one holding ``now``."""
    first, last = day_start(since), day_start(now)
    return [first + DAY_S * i for i in range(int(round((last - first) / DAY_S)) + 1)]


def per_day(times: Iterable[float], days: Sequence[float]) -> list[int]:
    """How many of ``times`` fall on each day of ``days`` (others are ignored)."""
    index = {day: i for i, day in enumerate(days)}
    counts = [0] * len(days)
    for ts in times:
        i = index.get(day_start(ts))
        if i is not None:
            counts[i] += 1
    return counts


def signals_per_day(observations: Iterable[Observation], days: Sequence[float]) -> dict[str, list[int]]:
    """Observation counts per kind per day; every known kind is present (zeros included)."""
    by_kind: dict[str, list[float]] = {kind: [] for kind in SIGNAL_KINDS}
    for observation in observations:
        by_kind.setdefault(observation.kind, []).append(observation.created_at)
    return {kind: per_day(times, days) for kind, times in by_kind.items()}


@dataclass(frozen=True)
class Share:
    """``part`` of ``total``; ``ratio`` is None when there is nothing to divide."""

    part: int
    total: int

    @property
    def ratio(self) -> float | None:
        return self.part / self.total if self.total else None


def personalised_share(responses: Iterable[ResponseRecord], days: Sequence[float]) -> tuple[Share, list[Share]]:
    """Share of recorded responses that had at least one belief applied: overall and per day.

    Only responses for identified users are recorded, so anonymous pass-through requests are not
    in the denominator.
    """
    index = {day: i for i, day in enumerate(days)}
    parts, totals = [0] * len(days), [0] * len(days)
    for record in responses:
        i = index.get(day_start(record.created_at))
        if i is None:
            continue
        totals[i] += 1
        parts[i] += 1 if record.applied else 0
    daily = [Share(p, t) for p, t in zip(parts, totals)]
    return Share(sum(parts), sum(totals)), daily


def churn_per_day(flips: Iterable[Flip], days: Sequence[float]) -> list[int]:
    return per_day((f.at for f in flips), days)


@dataclass(frozen=True)
class PinReview:
    """One pinned belief, judged against what had been learned before it was set."""

    at: float
    user_id: str
    context: str
    dimension: str
    value: str
    learned: str | None
    kind: Review


def review_pins(pins: Iterable[tuple[str, str, str, Pin]],
                observations_by_user: Mapping[str, Sequence[Observation]],
                model: ConfidenceModel) -> list[PinReview]:
    """Classify pins as corrections, confirmations or stated preferences (see module docstring)."""
    reviews = []
    for user_id, context, dimension, pin in pins:
        learned = leader_before(observations_by_user.get(user_id, ()), context, dimension,
                                pin.updated_at, model)
        kind: Review = "stated" if learned is None else "confirmation" if learned == pin.value else "correction"
        reviews.append(PinReview(pin.updated_at, user_id, context, dimension, pin.value, learned, kind))
    return sorted(reviews, key=lambda r: r.at)


@dataclass(frozen=True)
class Depth:
    """How well beliefloop understands one user: beliefs in effect and their mean confidence."""

    applied: int
    held: int
    mean_confidence: float | None


def depth(model: SelfModel | None, now: float, confidence: ConfidenceModel) -> Depth:
    """``applied``: beliefs (any context) at or above the apply threshold, or pinned; ``held``: all
    beliefs with a leading value; ``mean_confidence`` over the held ones."""
    if model is None:
        return Depth(0, 0, None)
    beliefs = model.stored_beliefs(now, confidence)
    applied = sum(1 for b in beliefs if b.pinned or b.confidence >= confidence.acting_threshold)
    mean = sum(b.confidence for b in beliefs) / len(beliefs) if beliefs else None
    return Depth(applied, len(beliefs), mean)


def kinds_in(observations: Iterable[Observation]) -> Counter[str]:
    return Counter(o.kind for o in observations)


__all__ = [
    "DAY_S", "Depth", "PinReview", "SIGNAL_KINDS", "SIGNAL_LABELS", "Share", "churn_per_day",
    "day_range", "day_start", "depth", "kinds_in", "per_day", "personalised_share", "review_pins",
    "signals_per_day",
]
