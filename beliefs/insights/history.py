"""Replay an observation log through the confidence model. Pure: observations in, history out.

The store keeps evidence as running sums, so it can say what is believed *now* but not how it got
there. The observation log is the audit trail of every evidence change, so replaying it oldest
first with the same arithmetic as the live service (:meth:`SelfModel.add` on growth-scaled
increments) rebuilds the belief at any past moment. Dashboards use it for confidence over time,
belief churn (leading-value flips) and for telling corrections from confirmations.

Manual beliefs and pins are not in the log (they replace evidence outside it), so a replay shows
what was *learned from signals*; callers mark manual changes separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from beliefs.dimensions import NOT_OBSERVED
from beliefs.learning.confidence import ConfidenceModel
from beliefs.learning.selfmodel import SelfModel, increments
from beliefs.records import Observation


@dataclass(frozen=True)
class ConfidencePoint:
    """The posterior of one (context, dimension) right after an observation touched it.

    ``means`` maps every value seen so far to its confidence in [0, 1]; ``leader`` is the value
    that led (None when none is above 0.5 or only "none of these" leads). ``at`` in Unix seconds.
    """

    at: float
    leader: str | None
    means: dict[str, float]


@dataclass(frozen=True)
class Flip:
    """The leading value of one (user, context, dimension) changed from ``old`` to ``new``."""

    at: float
    user_id: str
    context: str
    dimension: str
    old: str
    new: str


def _chronological(observations: Iterable[Observation]) -> list[Observation]:
    return sorted(observations, key=lambda o: (o.created_at, o.id))


def _leader(self_model: SelfModel, context: str, dimension: str, at: float, model: ConfidenceModel,
            values: Iterable[str] = ()) -> tuple[str | None, dict[str, float]]:
    posterior = self_model.posterior(context, dimension, at, model)
    value, _ = posterior.lead()
    reported = (posterior.candidates() | set(values)) - {NOT_OBSERVED}
    means = {v: posterior.mean(v) for v in sorted(reported)}
    return (None if value == NOT_OBSERVED else value), means


def confidence_history(observations: Iterable[Observation], model: ConfidenceModel,
                       now: float | None = None, values: Mapping[str, Iterable[str]] | None = None,
                       ) -> dict[tuple[str, str], list[ConfidencePoint]]:
    """One user's beliefs over time, keyed by (context, dimension), each list oldest first.

    A point is recorded after every observation that touched the key; with ``now`` a final point
    shows the decay since the last one. Observations may come in any order. Each point's
    ``means`` covers every value the log ever gives evidence for in that dimension, plus
    ``values[dimension]`` (e.g. a value pinned by hand), so one value can be followed throughout.
    """
    ordered = _chronological(observations)
    seen: dict[str, set[str]] = {d: set(v) for d, v in (values or {}).items()}
    for observation in ordered:
        for delta in observation.deltas:
            seen.setdefault(delta.dimension, set()).add(delta.value)
    self_model = SelfModel()
    history: dict[tuple[str, str], list[ConfidencePoint]] = {}
    for observation in ordered:
        touched = set()
        for increment in increments(observation, model):
            self_model.add(increment)
            touched.add((increment.context, increment.dimension))
        for context, dimension in sorted(touched):
            leader, means = _leader(self_model, context, dimension, observation.created_at, model,
                                    seen.get(dimension, ()))
            history.setdefault((context, dimension), []).append(
                ConfidencePoint(observation.created_at, leader, means))
    if now is not None:
        for (context, dimension), points in history.items():
            if now > points[-1].at:
                leader, means = _leader(self_model, context, dimension, now, model, seen.get(dimension, ()))
                points.append(ConfidencePoint(now, leader, means))
    return history


def leader_before(observations: Iterable[Observation], context: str, dimension: str, at: float,
                  model: ConfidenceModel) -> str | None:
    """The value learned signals had made lead for (context, dimension) just before ``at``."""
    self_model = SelfModel()
    for observation in _chronological(observations):
        if observation.created_at >= at:
            break
        for increment in increments(observation, model):
            self_model.add(increment)
    leader, _ = _leader(self_model, context, dimension, at, model)
    return leader


def flips(observations: Sequence[Observation], model: ConfidenceModel) -> list[Flip]:
    """Every change of leading value, across all users in ``observations``, oldest first.

    A first leader appearing (from nothing) is learning, not churn, and is not counted; nor is a
    leader fading below 0.5 through decay alone.
    """
    by_user: dict[str, list[Observation]] = {}
    for observation in observations:
        by_user.setdefault(observation.user_id, []).append(observation)
    found: list[Flip] = []
    for user_id, own in by_user.items():
        last: dict[tuple[str, str], str] = {}
        for (context, dimension), points in confidence_history(own, model).items():
            for point in points:
                previous = last.get((context, dimension))
                if point.leader is None:
                    continue
                if previous is not None and point.leader != previous:
                    found.append(Flip(point.at, user_id, context, dimension, previous, point.leader))
                last[(context, dimension)] = point.leader
    return sorted(found, key=lambda f: (f.at, f.user_id, f.context, f.dimension))


__all__ = ["ConfidencePoint", "Flip", "confidence_history", "flips", "leader_before"]
