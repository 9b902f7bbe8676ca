"""Plan the personalisation of one request and splice it into the parsed chat body.

``plan`` is pure (rules + beliefs -> directives within a token budget); ``apply_plan`` mutates the
body dict in place, touching only ``messages`` and capped parameters, so every other field the
client sent goes upstream exactly as it came.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Sequence

from .budget import count_tokens
from .rules import HeldBelief, Rule, match_rules
from .templates import render

InjectionMode = Literal["prepend", "merge"]


@dataclass(frozen=True)
class InjectionPolicy:
    """``prepend`` adds a system message first; ``merge`` appends to the app's own system message."""

    mode: InjectionMode = "prepend"
    max_directive_tokens: int = 200
    header: str = "Adapt your answer to this user's known preferences:"


@dataclass(frozen=True)
class Directive:
    rule: str
    text: str
    confidence: float
    tokens: int
    beliefs: tuple[HeldBelief, ...]


@dataclass(frozen=True)
class Plan:
    """What to inject: directives kept within budget (highest confidence first) and those dropped."""

    directives: tuple[Directive, ...] = ()
    dropped: tuple[Directive, ...] = ()
    max_tokens: int | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def applied(self) -> tuple[HeldBelief, ...]:
        """Beliefs behind the kept directives, one per dimension, in dimension order."""
        seen: dict[str, HeldBelief] = {}
        for directive in self.directives:
            for belief in directive.beliefs:
                seen.setdefault(belief.dimension, belief)
        return tuple(seen[d] for d in sorted(seen))

    def applied_header(self) -> str:
        """``dimension=value;...`` for the ``x-beliefloop-applied`` response header."""
        return ";".join(f"{b.dimension}={b.value}" for b in self.applied)

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
        text = render(m.rule.system, {b.dimension: b.value for b in m.beliefs})
        directives.append(Directive(m.rule.name, text, m.confidence, count_tokens(text), m.beliefs))
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
    caps = [rules_by_name[d.rule].max_tokens for d in kept if rules_by_name[d.rule].max_tokens]
    params: dict[str, Any] = {}
    for directive in kept:
        for key, value in rules_by_name[directive.rule].params:
            params.setdefault(key, value)
    return Plan(tuple(kept), tuple(dropped), min(caps) if caps else None, params)


def system_text(p: Plan, policy: InjectionPolicy) -> str:
    lines = [policy.header] if policy.header else []
    lines.extend(f"- {d.text}" for d in p.directives)
    return "\n".join(lines)


def apply_plan(body: dict[str, Any], p: Plan, policy: InjectionPolicy) -> None:
    """Splice the directives into ``body['messages']`` and cap parameters; no-op for an empty plan."""
    if not p:
        return
    text = system_text(p, policy)
    messages = body["messages"]
    first = messages[0] if messages else None
    if policy.mode == "merge" and isinstance(first, dict) and first.get("role") in ("system", "developer"):
        content = first.get("content")
        merged = dict(first)
        if isinstance(content, str):
            merged["content"] = f"{content}\n\n{text}" if content else text
        elif isinstance(content, list):
            merged["content"] = [*content, {"type": "text", "text": text}]
        else:
            merged["content"] = text
        body["messages"] = [merged, *messages[1:]]
    else:
        body["messages"] = [{"role": "system", "content": text}, *messages]
    if p.max_tokens is not None:
        _cap_max_tokens(body, p.max_tokens)
    for key, value in p.params.items():
        body.setdefault(key, value)


def _cap_max_tokens(body: dict[str, Any], cap: int) -> None:
    """Lower whichever max-tokens field the client used; add ``max_tokens`` when it used none."""
    present = [k for k in ("max_completion_tokens", "max_tokens") if isinstance(body.get(k), int)]
    if not present:
        body["max_tokens"] = cap
    for key in present:
        body[key] = min(body[key], cap)


__all__ = ["Directive", "InjectionMode", "InjectionPolicy", "Plan", "apply_plan", "plan", "system_text"]
