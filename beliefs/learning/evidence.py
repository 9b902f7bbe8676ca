"""Where a signal becomes evidence: each detected signal, and each piece of explicit feedback,
turns into an :class:`Observation` with evidence deltas at the belief level. Pure.

Text signals (edits, follow-ups, a kept regeneration candidate) carry their own evidence.
Judgements about a whole response (thumbs, a regeneration, plain acceptance) say something only
about the beliefs that shaped it: support for each on approval, and on rejection weight against
each, spread in proportion to their confidence (the most confident belief carried most of the
response's style, so it takes most of the blame).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal, Sequence

from beliefs.dimensions import DimensionRegistry, InvalidBeliefValue
from beliefs.records import BeliefView, EvidenceDelta, Identity, Observation, ResponseRecord

from .interpret import Reading
from .redundancy import redundancy
from .signals import Acceptance, Choice, Complaint, Edit, FollowUp, Regeneration, Signal


@dataclass(frozen=True)
class SignalWeights:
    """Evidence weight per signal kind, in pseudo-counts (see README "How confidence works").

    Implicit behaviour outweighs explicit ratings: what people do is more reliable than the
    button they press, so when the two contradict, behaviour wins.
    """

    edit: float = 1.0
    #: A correction of the last answer ("shorter please").
    follow_up: float = 1.0
    #: An explicit lasting instruction ("from now on answer in German"), anywhere in a chat.
    standing: float = 1.0
    #: A self-description that implies a preference ("I'm new to Python").
    self_description: float = 1.0
    #: Blame on the applied beliefs when the user complains without saying what to change.
    complaint: float = 0.1
    #: Going back to an older regenerated candidate: a real choice between two texts.
    choice: float = 1.0
    #: Continuing with the newest candidate: the user took what came, so most differences
    #: between it and the rejected one are chance. In the flywheel benchmark 59% of its weight
    #: landed on no-preference dimensions, and at 0.05 or 0.15 it still left ~120 leading beliefs
    #: at confidence 0.52 that were right 10% of the time; so it counts for nothing by default.
    choice_newest: float = 0.0
    #: Blame on the applied beliefs when a reply is regenerated. Users regenerate because
    #: something is *missing* far more often than because an applied belief was wrong.
    regeneration: float = 0.1
    thumbs_up: float = 0.5
    #: Blame on the applied beliefs for a thumbs-down without a comment naming the problem.
    thumbs_down: float = 0.1
    #: A comment with a thumbs-down counts like a follow-up: two statements of one wish act,
    #: whichever way they come.
    comment: float = 1.0
    acceptance: float = 0.15
    #: Probation: acceptance of a reply shaped by a belief applied below ``probation_until``
    #: (tentative wording) confirms that belief with this weight instead of ``acceptance``.
    probation_acceptance: float = 0.15
    #: Confidence in [0, 1] below which an applied belief is on probation (the firm threshold).
    probation_until: float = 0.0
    #: Factor in [0, 1] on a correction's or comment's evidence for a value the reply it is about
    #: already shows (see :mod:`.redundancy`).
    redundant: float = 0.25
    #: Factor (>= 1) on an edit's, correction's or comment's evidence against a belief that shaped
    #: the reply it is about: the user undid what beliefloop did, the clearest sign it was wrong.
    retract: float = 1.5


def retracting(evidence: Iterable[tuple[str, str, float]], applied: Sequence[BeliefView],
               factor: float) -> tuple[tuple[str, str, float], ...]:
    """``evidence`` about a reply with each strength for a value other than the one an applied
    belief gave that dimension multiplied by ``factor`` (probation: a reaction that undoes an
    adaptation retracts it quickly)."""
    shaped = {a.dimension: a.value for a in applied}
    return tuple((d, v, s * factor if d in shaped and shaped[d] != v else s) for d, v, s in evidence)


def text_evidence(evidence: Iterable[tuple[str, str, float]], weight: float,
                  registry: DimensionRegistry,
                  source: Literal["implicit", "explicit"] = "implicit") -> tuple[EvidenceDelta, ...]:
    """Scale (dimension, value, strength) triples; drops unknown dimensions or values. A strength
    above 1 (a retraction) is kept, any other is clamped into (0, 1]."""
    deltas = []
    for dimension, value, strength in evidence:
        if dimension not in registry:
            continue
        try:
            canonical = registry.get(dimension).validate(value)
        except InvalidBeliefValue:
            continue
        if strength > 0:
            deltas.append(EvidenceDelta(dimension, canonical, weight * strength, source))
    return tuple(deltas)


def approval(applied: Sequence[BeliefView], weight: float,
             source: Literal["implicit", "explicit"], *, probation: float | None = None,
             until: float = 0.0) -> tuple[EvidenceDelta, ...]:
    """Equal support for every belief that shaped an approved response; a belief applied below
    ``until`` (on probation) gets ``probation`` instead, when given."""
    return tuple(EvidenceDelta(a.dimension, a.value,
                               probation if probation is not None and a.confidence < until else weight, source)
                 for a in applied)


def rejection(applied: Sequence[BeliefView], weight: float, registry: DimensionRegistry,
              source: Literal["implicit", "explicit"]) -> tuple[EvidenceDelta, ...]:
    """Weight against the applied beliefs (for the opposite value), in proportion to confidence.

    The total is ``weight``; nothing is said when no belief was applied, since a default-style
    response tells nothing about which preference is missing.
    """
    total = sum(a.confidence for a in applied)
    if total <= 0:
        return ()
    deltas = []
    for a in applied:
        if a.dimension not in registry:
            continue
        opposite = registry.get(a.dimension).opposite(a.value)
        deltas.append(EvidenceDelta(a.dimension, opposite, weight * a.confidence / total, source))
    return tuple(deltas)


def _clamped(evidence: Iterable[tuple[str, str, float]]) -> tuple[tuple[str, str, float], ...]:
    """Strengths as read from text, clamped into [0, 1] before any factor applies."""
    return tuple((d, v, min(s, 1.0)) for d, v, s in evidence)


def deltas_of(signal: Signal, weights: SignalWeights, registry: DimensionRegistry) -> tuple[EvidenceDelta, ...]:
    """The evidence one signal carries, weighted by how much its kind is worth."""
    match signal:
        case Edit():
            evidence = retracting(_clamped(signal.evidence), signal.response.applied, weights.retract)
            return text_evidence(evidence, weights.edit, registry)
        case FollowUp():
            weight = {"standing": weights.standing, "self": weights.self_description}.get(
                signal.stance, weights.follow_up)
            evidence = _clamped(signal.evidence)
            if signal.response is not None and signal.stance != "self":
                evidence = redundancy(signal.response.text, evidence, weights.redundant)
                evidence = retracting(evidence, signal.response.applied, weights.retract)
            return text_evidence(evidence, weight, registry)
        case Complaint():
            return rejection(signal.response.applied, weights.complaint, registry, "implicit")
        case Choice():
            weight = weights.choice_newest if signal.newest else weights.choice
            return text_evidence(_clamped(signal.evidence), weight, registry)
        case Regeneration():
            return rejection(signal.response.applied, weights.regeneration, registry, "implicit")
        case Acceptance():
            return approval(signal.response.applied, weights.acceptance, "implicit",
                            probation=weights.probation_acceptance, until=weights.probation_until)
    raise TypeError(f"not a signal: {signal!r}")


def observe(signal: Signal, identity: Identity, observation_id: str, now: float,
            weights: SignalWeights, registry: DimensionRegistry) -> Observation:
    """The observation of one signal read from a request by ``identity`` at ``now``.

    A signal about an earlier response belongs to that response's context (the conversation it
    continues), not to the context of the request that carried it.
    """
    response = signal.response
    return Observation(
        id=observation_id, tenant=identity.tenant, user_id=identity.user,
        context=response.context if response is not None else identity.context,
        kind=signal.kind, response_id=response.id if response is not None else None,
        features=signal.features(), deltas=deltas_of(signal, weights, registry), created_at=now,
    )


def feedback(record: ResponseRecord, rating: Literal["up", "down"] | None, comment: Reading | None,
             observation_id: str, now: float, weights: SignalWeights,
             registry: DimensionRegistry) -> Observation:
    """The observation of explicit feedback about ``record``: a rating spreads over the beliefs
    that shaped it; a comment's own evidence counts like a follow-up, at the comment weight, and
    a comment that only complains counts as a thumbs-down."""
    comment_evidence = _clamped(comment.evidence) if comment is not None else ()
    if comment is not None and comment.stance != "self":
        comment_evidence = redundancy(record.text, comment_evidence, weights.redundant)
        comment_evidence = retracting(comment_evidence, record.applied, weights.retract)
    if rating is None and comment is not None and comment.stance == "complaint":
        rating = "down"
    deltas: tuple[EvidenceDelta, ...] = ()
    if rating == "up":
        deltas = approval(record.applied, weights.thumbs_up, "explicit")
    elif rating == "down":
        deltas = rejection(record.applied, weights.thumbs_down, registry, "explicit")
    deltas += text_evidence(comment_evidence, weights.comment, registry, "explicit")
    return Observation(
        id=observation_id, tenant=record.tenant, user_id=record.user_id, context=record.context,
        kind="thumbs", response_id=record.id,
        features={"rating": rating, "comment_evidence": [list(e) for e in comment_evidence]},
        deltas=deltas, created_at=now,
    )


__all__ = ["SignalWeights", "approval", "deltas_of", "feedback", "observe", "rejection", "retracting",
           "text_evidence"]
