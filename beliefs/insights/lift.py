"""Per-user lift of comparison pairs: how much better the tailored answers fit what the user is
believed to want than the generic answers to the same requests.

For each pair (``comparison.sample_rate``), both texts are read with the same independent reader
(:mod:`beliefs.insights.perception`, not the extractors beliefloop learns from) against the
beliefs applied to that response. A text's *alignment* is the share of those beliefs it
satisfies; a pair's difference is tailored minus generic, in [-1, 1]; the lift is the mean
difference, with its standard error (pairs treated as independent). Pure: no store, no clock.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from beliefs.records import BeliefView

from .comparisons import Pair
from .perception import LANGUAGES, read, satisfies

#: Below this many pairs the estimate is shown as "not enough pairs yet".
MIN_PAIRS = 5
_JUDGED = frozenset({"length", "format", "tone", "preamble", "emoji", "language", "expertise", "code"})


def judged(dimension: str, value: str) -> bool:
    """Whether the reader can tell if a text has ``value`` (custom dimensions and languages it
    does not know are left out rather than counted as unmet)."""
    return dimension in _JUDGED and (dimension != "language" or value in LANGUAGES)


def alignment(text: str, applied: Sequence[BeliefView]) -> float | None:
    """Share of the judged ``applied`` beliefs that ``text`` satisfies; None when none is judged.

    A code belief is judged as if the question were technical: both texts of a pair get the same
    reading, so it cannot move a difference where neither answer has code.
    """
    wanted = [(b.dimension, b.value) for b in applied if judged(b.dimension, b.value)]
    if not wanted:
        return None
    reading = read(text)
    return sum(satisfies(reading, d, v, technical=True) for d, v in wanted) / len(wanted)


def difference(pair: Pair) -> float | None:
    """Alignment of the tailored answer minus that of the generic one (None: nothing judged)."""
    tailored = alignment(pair.personalised, pair.applied)
    if tailored is None:
        return None
    generic = alignment(pair.generic, pair.applied)
    assert generic is not None  # same beliefs, so judged too
    return tailored - generic


@dataclass(frozen=True)
class Lift:
    pairs: int
    """Pairs with at least one judged belief."""
    mean: float | None
    """Mean difference in [-1, 1]: positive when the tailored answers fit better."""
    stderr: float | None
    """Standard error of ``mean`` (None below two pairs)."""

    @property
    def enough(self) -> bool:
        return self.pairs >= MIN_PAIRS

    def as_dict(self) -> dict[str, object]:
        return {"pairs": self.pairs, "lift": self.mean, "stderr": self.stderr, "enough": self.enough,
                "min_pairs": MIN_PAIRS}


def lift(pairs: Iterable[Pair]) -> Lift:
    """The lift over ``pairs`` (see the module docstring)."""
    diffs = [d for d in map(difference, pairs) if d is not None]
    if not diffs:
        return Lift(0, None, None)
    mean = statistics.fmean(diffs)
    stderr = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else None
    return Lift(len(diffs), round(mean, 4), None if stderr is None else round(stderr, 4))


__all__ = ["MIN_PAIRS", "Lift", "alignment", "difference", "judged", "lift"]
