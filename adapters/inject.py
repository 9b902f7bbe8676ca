"""Plan the personalisation of one request and splice it into the parsed body.

``plan`` is pure (rules + beliefs -> directives within a token budget, the tightest cap, params);
``apply_plan`` changes the body dict in place, touching only where the directives go, the token
limit and the plan's params, so every other field the client sent goes upstream exactly as it came.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .budget import count_tokens
from .caps import Cap, CapPolicy, apply_cap, cap_allowed, tightest
from .rules import HeldBelief, Rule, Wording, match_rules
from .splice import InjectionMode, WithoutSystemRole, splice
from .templates import render
from .traits import ModelTraits, Shape


@dataclass(frozen=True)
class InjectionPolicy:
    """Where directives go (see :mod:`adapters.splice`), their token budget, and which requests
    take caps."""

    mode: InjectionMode = "merge"
    max_directive_tokens: int = 200
    header: str = "Adapt your answer to this user's known preferences:"
    #: For a model without a system role: ``user`` (head of the first user message) or ``skip``.
    without_system_role: WithoutSystemRole = "user"
    caps: CapPolicy = CapPolicy()


#: Marks a tentatively worded belief in ``x-beliefloop-applied`` (``length=concise~tentative``).
TENTATIVE_MARK = "~tentative"


@dataclass(frozen=True)
class Directive:
    rule: str
    text: str
    confidence: float
    tokens: int
    beliefs: tuple[HeldBelief, ...]
    #: ``firm`` or ``tentative`` (see :mod:`adapters.rules`).
    wording: Wording = "firm"


@dataclass(frozen=True)
class Plan:
    """What to inject: directives kept within budget (highest confidence first) and those dropped,
    the tightest token cap among the kept rules, and their params."""

    directives: tuple[Directive, ...] = ()
    dropped: tuple[Directive, ...] = ()
    cap: Cap | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def applied(self) -> tuple[HeldBelief, ...]:
        """Beliefs behind the kept directives, one per dimension, in dimension order."""
        seen: dict[str, HeldBelief] = {}
        for directive in self.directives:
            for belief in directive.beliefs:
                seen.setdefault(belief.dimension, belief)
        return tuple(seen[d] for d in sorted(seen))

    def wordings(self) -> dict[str, Wording]:
        """Dimension -> the wording used for it: firm when any kept directive on it is firm."""
        found: dict[str, Wording] = {}
        for directive in self.directives:
            for belief in directive.beliefs:
                if found.get(belief.dimension) != "firm":
                    found[belief.dimension] = directive.wording
        return found

    def applied_header(self) -> str:
        """``dimension=value;...`` for the ``x-beliefloop-applied`` response header; a belief
        applied in tentative wording is marked ``dimension=value~tentative``."""
        wordings = self.wordings()
        return ";".join(f"{b.dimension}={b.value}" + (TENTATIVE_MARK if wordings[b.dimension] == "tentative" else "")
                        for b in self.applied)

    def __bool__(self) -> bool:
        return bool(self.directives)


def plan(rules: Sequence[Rule], beliefs: Iterable[HeldBelief], context: str,
         policy: InjectionPolicy) -> Plan:
    """Match rules, render their directives, keep the most confident within the token budget."""
    by_dimension = {b.dimension: b for b in beliefs}
    matches = match_rules(rules, by_dimension, context)
    if not matches:
        return Plan()
    directives = []
    for m in matches:
        wording = m.wording
        text = render(m.rule.text(wording), {b.dimension: b.value for b in m.beliefs})
        directives.append(Directive(m.rule.name, text, m.confidence, count_tokens(text), m.beliefs, wording))
    directives.sort(key=lambda d: (-d.confidence, d.rule))
    budget = policy.max_directive_tokens - count_tokens(policy.header)
    kept, dropped = [], []
    for directive in directives:
        if directive.tokens + 1 <= budget:  # +1: the newline and bullet between directives
            kept.append(directive)
            budget -= directive.tokens + 1
        else:
            dropped.append(directive)
    rules_by_name = {m.rule.name: m.rule for m in matches}
    # A tentative belief shapes the wording, never cuts the reply: caps come from firm directives.
    cap = tightest(rules_by_name[d.rule].cap for d in kept
                   if rules_by_name[d.rule].cap is not None and d.wording == "firm")
    params: dict[str, Any] = {}
    for directive in kept:
        for key, value in rules_by_name[directive.rule].params:
            params.setdefault(key, value)
    return Plan(tuple(kept), tuple(dropped), cap, params)


def system_text(p: Plan, policy: InjectionPolicy) -> str:
    lines = [policy.header] if policy.header else []
    lines.extend(f"- {d.text}" for d in p.directives)
    return "\n".join(lines)


def apply_plan(body: dict[str, Any], p: Plan, policy: InjectionPolicy, *, shape: Shape = "chat",
               traits: ModelTraits = ModelTraits()) -> bool:
    """Splice the directives into ``body`` (a request of ``shape`` for a model with ``traits``),
    then its cap and params. Returns whether the directives were delivered; when they cannot be
    (a model without a system role and ``without_system_role: skip``, or no user message to carry
    them) nothing is changed and the request goes on un-personalised."""
    if not p or not splice(body, system_text(p, policy), shape, policy.mode, traits,
                           policy.without_system_role):
        return False
    if p.cap is not None and cap_allowed(body, shape, policy.caps):
        apply_cap(body, p.cap, shape, traits)
    for key, value in p.params.items():
        body.setdefault(key, value)
    return True


__all__ = ["TENTATIVE_MARK", "Directive", "InjectionMode", "InjectionPolicy", "Plan", "apply_plan", "plan",
           "system_text"]
