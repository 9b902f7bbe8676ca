"""Rules map beliefs to configuration. Matching is pure: beliefs in, matched rules out.

Graded wording: a rule may carry a *tentative* wording ("lean towards shorter answers") that applies
from ``tentative_confidence`` up to its firm ``min_confidence``; from there on its firm wording
applies. A rule without one applies only from ``min_confidence``. Which wording a match uses is
decided by its least confident belief.

Composition: when several rules match and one rule's conditions are a strict subset of another's
(e.g. ``length=concise`` vs ``length=concise, expertise=expert`` in context ``healthcare``), the
more specific rule wins and the general one is dropped. Unrelated rules all apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Mapping, Sequence

from beliefs.records import Belief, BeliefView

from .caps import Cap

ANY_VALUE = "*"
#: How firmly a directive is worded: ``firm`` at or above a rule's ``min_confidence``, else
#: ``tentative`` (only for rules that have a tentative wording).
Wording = Literal["firm", "tentative"]
#: What rules read of a belief: its dimension, value and confidence (both types have them).
HeldBelief = BeliefView | Belief


@dataclass(frozen=True)
class Rule:
    """A compiled rule. ``when`` holds (dimension, value-or-*) pairs; ``context`` None = any.

    ``min_confidence`` (in [0, 1]) is where the firm wording ``system`` starts; ``tentative``, when
    set, is worded for beliefs from ``tentative_confidence`` (<= ``min_confidence``) up to there.
    """

    name: str
    when: tuple[tuple[str, str], ...]
    context: str | None
    min_confidence: float
    system: str
    #: A limit on the reply's tokens (lowered only, unless the rule says ``add``).
    cap: Cap | None = None
    params: tuple[tuple[str, Any], ...] = ()
    tentative: str | None = None
    tentative_confidence: float = 1.0

    @property
    def lowest_confidence(self) -> float:
        """The least confidence at which the rule applies in any wording."""
        if self.tentative is None:
            return self.min_confidence
        return min(self.tentative_confidence, self.min_confidence)

    def wording(self, confidence: float) -> Wording:
        """The wording for a match whose least confident belief is at ``confidence``."""
        return "firm" if self.tentative is None or confidence >= self.min_confidence else "tentative"

    def text(self, wording: Wording) -> str:
        """The template of ``wording``."""
        return self.tentative if wording == "tentative" and self.tentative is not None else self.system


@dataclass(frozen=True)
class Match:
    """A rule that matched, with the beliefs that satisfied it (their lowest confidence ranks it)."""

    rule: Rule
    beliefs: tuple[HeldBelief, ...]

    @property
    def confidence(self) -> float:
        return min(b.confidence for b in self.beliefs)

    @property
    def wording(self) -> Wording:
        return self.rule.wording(self.confidence)

    def conditions(self) -> frozenset[tuple[str, str]]:
        found = {(b.dimension, b.value) for b in self.beliefs}
        if self.rule.context is not None:
            found.add(("@context", self.rule.context))
        return frozenset(found)


def match_rules(rules: Sequence[Rule], beliefs: Mapping[str, HeldBelief], context: str) -> list[Match]:
    """Rules whose every condition is met by a belief at or above the rule's lowest confidence
    (its tentative one, if it has a tentative wording), minus those made redundant by a more
    specific matching rule (unless that one is tentative and they are firm). Order follows ``rules``."""
    matched: list[Match] = []
    for rule in rules:
        if rule.context is not None and rule.context != context:
            continue
        used = []
        lowest = rule.lowest_confidence
        for dimension, wanted in rule.when:
            belief = beliefs.get(dimension)
            if belief is None or belief.confidence < lowest:
                break
            if wanted != ANY_VALUE and belief.value != wanted:
                break
            used.append(belief)
        else:
            matched.append(Match(rule, tuple(used)))
    conditions = [m.conditions() for m in matched]
    # A tentatively worded specific rule does not silence a firm general one: what is known for
    # sure is still said firmly, and the leaning is added.
    return [
        m for m, own in zip(matched, conditions)
        if not any(own < other and not (m.wording == "firm" and o.wording == "tentative")
                   for o, other in zip(matched, conditions))
    ]


__all__ = ["ANY_VALUE", "HeldBelief", "Match", "Rule", "Wording", "match_rules"]
