"""A user's view of their own self-model, and the changes they may make to it.

Shared by the preferences page (:mod:`proxy.console.pages`) and the ``/v1/me`` JSON API (:mod:`proxy.console.me`),
so both always say and do the same thing. Every change goes through the self-model service, which
drops the user's cached model: it takes effect on the user's very next request.

A user's *confirmation* and *correction* are both stored as a **pinned** belief: what someone says
about themselves outranks anything inferred from their behaviour, never decays, and stays until
they change or remove it. (A merely strong manual belief would be quietly overturned by a few
later signals, which would make "I told you so" feel ignored.)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Literal, Sequence

from adapters import plan
from adapters.rules import ANY_VALUE, Rule
from beliefs.insights.comparisons import Pair
from beliefs.insights.lift import Lift, lift
from beliefs.insights.history import leader_before
from beliefs.records import GLOBAL_CONTEXT, Belief, Identity
from proxy.errors import NotFound, ProxyError, Unprocessable
from proxy.gateway.identity import MAX_ID_CHARS
from proxy.runtime import Runtime

from .deps import belief_value
from .explain import (
    ENGLISH, Explanation, Milestone, Translator, context_label, dimension_label, explain, milestones,
    threshold_percent, value_label,
)
from .samples import SampleAnswer, adapted, generic

#: How much of the observation log is read to say "from N times you ...".
OBSERVATION_LIMIT = 1000


class OptedOut(ProxyError):
    """The user turned personalisation off: nothing about them may be stored until they turn it on."""

    status, type, code = 409, "invalid_request_error", "opted_out"


#: Why a belief does or does not shape answers, exactly as the rules decide:
#: ``applied``; ``waiting`` (below the lowest ``min_confidence`` of the rules that would use it);
#: ``held`` (sure enough, but its rule needs other beliefs too or lost its place in the token
#: budget); ``unused`` (no rule uses this value).
Use = Literal["applied", "waiting", "held", "unused"]


@dataclass(frozen=True)
class ShownBelief:
    """One belief as shown to its user. ``directives``: what it makes beliefloop tell the model."""

    belief: Belief
    explanation: Explanation
    applied: bool
    directives: tuple[str, ...]
    #: (value, label) pairs the user may pick *instead* (the correction picker): never the
    #: current value, so saving can only change the belief, never confirm the rejected one.
    choices: tuple[tuple[str, str], ...]
    use: Use = "unused"
    #: The confidence from which a rule would use it, as a whole percentage (None: no rule does).
    threshold_percent: int | None = None
    #: How firmly the directives are worded: "firm", "tentative" (not sure yet), None when not applied.
    wording: str | None = None


@dataclass(frozen=True)
class ContextGroup:
    context: str
    label: str
    beliefs: tuple[ShownBelief, ...]


@dataclass(frozen=True)
class Unlearned:
    """A dimension nothing is known about yet, which the user may state outright."""

    dimension: str
    label: str
    choices: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Preferences:
    user_id: str
    opted_out: bool
    apply_threshold: float
    groups: tuple[ContextGroup, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    unlearned: tuple[Unlearned, ...] = ()
    #: The illustration: the same sample answer without and with the preferences in use.
    generic: SampleAnswer | None = None
    adapted: SampleAnswer | None = None
    #: The latest real pair: the user's own answer and the generic one (comparison anchoring).
    comparison: Pair | None = None
    #: Across the recent pairs: how much better the tailored answers fit (``beliefs.insights.lift``).
    lift: Lift | None = None


def _choices(runtime: Runtime, dimension: str, t: Translator, *, besides: str | None = None
             ) -> tuple[tuple[str, str], ...]:
    """(value, label) pairs for ``dimension``, without ``besides`` (the value already believed)."""
    values = runtime.service.registry.get(dimension).values - {besides}
    return tuple(sorted(((v, value_label(dimension, v, t)) for v in values), key=lambda c: c[1]))


def rule_threshold(rules: Sequence[Rule], dimension: str, value: str, context: str) -> float | None:
    """The lowest confidence (tentative wording included) among the rules that could use (dimension, value) in
    ``context``: below it, no rule will; None when no rule mentions it at all."""
    found = [r.lowest_confidence for r in rules
             if (r.context is None or r.context == context)
             and any(d == dimension and v in (value, ANY_VALUE) for d, v in r.when)]
    return min(found) if found else None


def _use(belief: Belief, applied: bool, threshold: float | None) -> Use:
    if applied:
        return "applied"
    if threshold is None:
        return "unused"
    return "waiting" if belief.confidence < threshold else "held"


async def load(runtime: Runtime, who: Identity, t: Translator = ENGLISH,
               day: Callable[[float], str] | None = None) -> Preferences:
    """Everything the page shows about one user, worded through ``t``; ``day`` formats a date."""
    rights, user_id = runtime.rights, who.user
    cm = runtime.service.learning.confidence
    threshold = cm.acting_threshold
    day = day or (lambda ts: time.strftime("%d %B %Y", time.gmtime(ts)).lstrip("0"))
    if await rights.is_opted_out(who):
        return Preferences(user_id, True, threshold)
    registry = runtime.service.registry
    stored = [b for b in await rights.stored_beliefs(who) if b.dimension in registry]
    observations = await rights.observations(who, OBSERVATION_LIMIT)
    contexts = sorted({b.context for b in stored}, key=lambda c: (c != GLOBAL_CONTEXT, c))

    everywhere = {b.dimension: b.value for b in stored if b.context == GLOBAL_CONTEXT}
    # A learned belief in a named context that says the same as the global one is not news to the
    # user: show a context only where it differs (or where they pinned something themselves).
    stored = [b for b in stored if b.context == GLOBAL_CONTEXT or b.pinned
              or everywhere.get(b.dimension) != b.value]
    contexts = [c for c in contexts if any(b.context == c for b in stored)]

    groups, applied_dimensions, applied_contexts = [], set(), set()
    in_use: dict[str, dict[str, str]] = {}
    for context in contexts:
        effective = await rights.effective_beliefs(who.in_context(context))
        # The same planning the hot path does, so "what it changes" is exactly what it changes.
        p = plan(runtime.rules, effective, context, runtime.policy)
        applied = {(v.dimension, v.value) for v in p.applied}
        wordings = p.wordings()
        directives: dict[str, list[str]] = {}
        for directive in p.directives:
            for view in directive.beliefs:
                directives.setdefault(view.dimension, []).append(directive.text)
        shown = []
        for b in stored:
            if b.context != context:
                continue
            is_applied = (b.dimension, b.value) in applied
            bar = rule_threshold(runtime.rules, b.dimension, b.value, context)
            before = (leader_before(observations, b.context, b.dimension, b.updated_at, cm)
                      if b.pinned else None)
            shown.append(ShownBelief(
                b, explain(b, observations, bar, learned_before=before, t=t, day=day(b.updated_at)),
                is_applied, tuple(directives.get(b.dimension, ())) if is_applied else (),
                _choices(runtime, b.dimension, t, besides=b.value), _use(b, is_applied, bar),
                None if bar is None else threshold_percent(bar),
                wordings.get(b.dimension) if is_applied else None))
        # What was learned and is in use first; what the user set themselves they already know.
        shown.sort(key=lambda s: (not s.applied, s.belief.pinned, -s.belief.confidence, s.belief.dimension))
        groups.append(ContextGroup(context, context_label(context, t), tuple(shown)))
        in_use[context] = {v.dimension: v.value for v in p.applied}
        shown_applied = {(s.belief.dimension, s.belief.value) for s in shown if s.applied}
        if shown_applied:
            applied_contexts.add(context)
            applied_dimensions |= {dimension for dimension, _ in shown_applied}

    example = in_use.get(GLOBAL_CONTEXT) or max(in_use.values(), key=len, default={})
    known = {b.dimension for b in stored if b.context == GLOBAL_CONTEXT}
    # Open dimensions (language: dozens of values) go last in the picker.
    order = sorted(registry.names(), key=lambda d: len(registry.get(d).values) > 2)
    unlearned = tuple(Unlearned(d, dimension_label(d, t), _choices(runtime, d, t)) for d in order if d not in known)
    pairs = await runtime.insights.recent_pairs(who)
    return Preferences(
        user_id, False, threshold, tuple(groups),
        tuple(milestones(applied_dimensions, applied_contexts, t)), unlearned,
        generic(t), adapted(example, t) if example else None, pairs[0] if pairs else None, lift(pairs),
    )


# -- changes -----------------------------------------------------------------------------------

def check_context(context: str | None) -> str:
    context = context or GLOBAL_CONTEXT
    if len(context) > MAX_ID_CHARS or not context.isprintable():
        raise Unprocessable(f"context must be 1 to {MAX_ID_CHARS} printable characters", param="context")
    return context


async def _not_opted_out(runtime: Runtime, who: Identity) -> None:
    if await runtime.rights.is_opted_out(who):
        raise OptedOut("personalisation is turned off for this user; turn it back on first")


async def correct(runtime: Runtime, who: Identity, dimension: str, value: str) -> str:
    """Pin ``value`` in ``who.context`` (also how a user states a preference nothing was learned
    about)."""
    who = who.in_context(check_context(who.context))
    canonical = belief_value(runtime, dimension, value)
    await _not_opted_out(runtime, who)
    await runtime.rights.set_belief(who, dimension, canonical, None, pinned=True)
    return canonical


async def confirm(runtime: Runtime, who: Identity, dimension: str) -> str:
    """Pin the value currently believed in ``who.context``; NotFound when nothing is believed there."""
    who = who.in_context(check_context(who.context))
    await _not_opted_out(runtime, who)
    current = next((b for b in await runtime.rights.stored_beliefs(who)
                    if b.dimension == dimension and b.context == who.context), None)
    if current is None:
        raise NotFound(f"nothing is believed about {dimension!r} here", param="dimension")
    await runtime.rights.set_belief(who, dimension, current.value, None, pinned=True)
    return current.value


async def remove(runtime: Runtime, who: Identity, dimension: str) -> None:
    """Forget one dimension in ``who.context`` (learned evidence and any pin)."""
    context = check_context(who.context)
    if not await runtime.rights.delete_belief(who, dimension, context):
        raise NotFound(f"nothing is believed about {dimension!r} here", param="dimension")


async def reset(runtime: Runtime, who: Identity) -> None:
    """Forget everything learned about the user, keeping their opt-out and consent choices."""
    await runtime.rights.reset(who)


async def set_opt_out(runtime: Runtime, who: Identity, opted_out: bool) -> None:
    """Opting out deletes what is stored and stops observing the user; opting in starts afresh."""
    await runtime.rights.set_opt_out(who, opted_out)


__all__ = [
    "ContextGroup", "OptedOut", "Preferences", "ShownBelief", "Unlearned", "check_context", "confirm",
    "correct", "load", "remove", "reset", "set_opt_out",
]
