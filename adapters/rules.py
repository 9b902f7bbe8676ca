"""Rules map beliefs to configuration. Matching is pure: beliefs in, matched rules out.

Composition: when several rules match and one rule's conditions are a strict subset of another's
(e.g. ``length=concise`` vs ``length=concise, expertise=expert`` in context ``healthcare``), the
more specific rule wins and the general one is dropped. Unrelated rules all apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from beliefs.records import Belief, BeliefView

from .caps import Cap

ANY_VALUE = "*"
#: What rules read of a belief: its dimension, value and confidence (both types have them).
HeldBelief = BeliefView | Belief


@dataclass(frozen=True)
class Rule:
    """A compiled rule. ``when`` holds (dimension, value-or-*) pairs; ``context`` None = any."""

    name: str
    when: tuple[tuple[str, str], ...]
    context: str | None
    min_confidence: float
    system: str
    #: A limit on the reply's tokens (lowered only, unless the rule says ``add``).
    cap: Cap | None = None
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Match:
    """A rule that matched, with the beliefs that satisfied it (their lowest confidence ranks it)."""

    rule: Rule
    beliefs: tuple[HeldBelief, ...]

    @property
    def confidence(self) -> float:
        return min(b.confidence for b in self.beliefs)

    def conditions(self) -> frozenset[tuple[str, str]]:
        found = {(b.dimension, b.value) for b in self.beliefs}
        if self.rule.context is not None:
            found.add(("@context", self.rule.context))
        return frozenset(found)


def match_rules(rules: Sequence[Rule], beliefs: Mapping[str, HeldBelief], context: str) -> list[Match]:
    """Rules whose every condition is met by a belief at or above the rule's ``min_confidence``,
    minus those made redundant by a more specific matching rule. Order follows ``rules``."""
    matched: list[Match] = []
    for rule in rules:
        if rule.context is not None and rule.context != context:
            continue
        used = []
        for dimension, wanted in rule.when:
            belief = beliefs.get(dimension)
            if belief is None or belief.confidence < rule.min_confidence:
                break
            if wanted != ANY_VALUE and belief.value != wanted:
                break
            used.append(belief)
        else:
            matched.append(Match(rule, tuple(used)))
    conditions = [m.conditions() for m in matched]
    return [
        m for m, own in zip(matched, conditions)
        if not any(own < other for other in conditions)
    ]


__all__ = ["ANY_VALUE", "HeldBelief", "Match", "Rule", "match_rules"]
