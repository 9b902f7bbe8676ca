"""Beliefs in plain words, for the person they are about. Pure: beliefs and observations in, text out.

"You seem to prefer concise answers — fairly sure (82%), from 5 times you shortened a reply."
Every phrase comes from the closed tables below, keyed by (dimension, value) and signal kind:
nothing a user typed is ever echoed, so a page cannot be made to say something odd.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Literal, Sequence

from beliefs.dimensions import LANGUAGE_NAMES
from beliefs.records import GLOBAL_CONTEXT, Belief, Observation

#: What a value means, completing "You seem to prefer ...".
_PREFERENCE: dict[tuple[str, str], str] = {
    ("length", "concise"): "concise answers",
    ("length", "detailed"): "detailed, thorough answers",
    ("format", "prose"): "answers in flowing prose",
    ("format", "lists"): "answers as bullet lists",
    ("tone", "formal"): "a formal tone",
    ("tone", "casual"): "a relaxed, casual tone",
    ("preamble", "skip"): "answers that get straight to the point",
    ("preamble", "keep"): "a friendly opening line",
    ("emoji", "avoid"): "answers without emoji",
    ("emoji", "use"): "a few emoji in answers",
    ("expertise", "expert"): "expert answers that skip the basics",
    ("expertise", "beginner"): "explanations that start from the basics",
    ("code", "include"): "code examples",
    ("code", "omit"): "explanations without code",
}

#: What an edit that supported a value looked like, completing "N times you ...".
_EDIT: dict[tuple[str, str], str] = {
    ("length", "concise"): "shortened a reply",
    ("length", "detailed"): "expanded a reply",
    ("format", "prose"): "turned a list into prose",
    ("format", "lists"): "turned a reply into a list",
    ("tone", "formal"): "made a reply more formal",
    ("tone", "casual"): "made a reply more casual",
    ("preamble", "skip"): "cut the opening line of a reply",
    ("preamble", "keep"): "added an opening line to a reply",
    ("emoji", "avoid"): "removed emoji from a reply",
    ("emoji", "use"): "added emoji to a reply",
    ("expertise", "expert"): "cut basic explanations from a reply",
    ("expertise", "beginner"): "added basic explanations to a reply",
    ("code", "include"): "added code to a reply",
    ("code", "omit"): "removed code from a reply",
}

#: (lowest confidence, word): the first row whose bound the confidence reaches.
_CERTAINTY: tuple[tuple[float, str], ...] = (
    (0.9, "very sure"), (0.75, "fairly sure"), (0.6, "somewhat sure"), (0.0, "just a hunch so far"),
)

def preference(dimension: str, value: str) -> str:
    """The value as a thing one prefers: ``("length", "concise")`` -> ``"concise answers"``."""
    if dimension == "language":
        return f"answers in {LANGUAGE_NAMES.get(value, value)}"
    return _PREFERENCE.get((dimension, value), f"“{value}” for {dimension}")


def value_label(dimension: str, value: str) -> str:
    """A short label for a choice in a picker (capitalised preference)."""
    text = preference(dimension, value)
    return text[:1].upper() + text[1:]


def certainty(confidence: float) -> str:
    """``0.82`` -> ``"fairly sure"``. ``confidence`` in [0, 1]."""
    return next(word for bound, word in _CERTAINTY if confidence >= bound)


def percent(confidence: float) -> int:
    return int(round(confidence * 100))


def context_label(context: str) -> str:
    return "Everywhere" if context == GLOBAL_CONTEXT else f"When you're in “{context}”"


def _action(observation: Observation, dimension: str, value: str) -> str:
    """What the user did, for one observation that supported (dimension, value)."""
    if observation.kind == "edit":
        if dimension == "language":
            return f"rewrote a reply in {LANGUAGE_NAMES.get(value, value)}"
        return _EDIT.get((dimension, value), "edited a reply")
    if observation.kind == "follow_up":
        return f"asked for {preference(dimension, value)}"
    if observation.kind == "regeneration":
        if observation.is_choice:
            return "kept a regenerated answer like that"
        return "regenerated an answer tailored the other way"
    if observation.kind == "thumbs":
        return "rated an answer or left a comment"
    return "kept an answer like that without changes"


def evidence_phrase(observations: Iterable[Observation], dimension: str, value: str, context: str,
                    limit: int = 2) -> str | None:
    """``"5 times you shortened a reply and 2 times you asked for concise answers"``, or None.

    Counts observations (not deltas) that supported ``value``: for the global context, signals
    from every context (they all feed it); for a named context, only that context's own.
    """
    counts: Counter[str] = Counter()
    for observation in observations:
        if context != GLOBAL_CONTEXT and observation.context != context:
            continue
        if any(d.dimension == dimension and d.value == value for d in observation.deltas):
            counts[_action(observation, dimension, value)] += 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    parts = [f"{n} times you {action}" if n != 1 else f"the one time you {action}"
             for action, n in ranked[:limit]]
    rest = sum(n for _, n in ranked[limit:])
    if rest:
        parts.append(f"{rest} other signal{'s' if rest != 1 else ''}")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True)
class Explanation:
    """One belief as the page shows it: ``lead`` + ``what`` ("You seem to prefer" "concise answers").

    ``because`` is None when no signal backs it (it was set by hand). ``origin``: ``learned`` from
    signals, set by the ``app`` (an operator), or stated by the user (``you``).
    """

    lead: str
    what: str
    certainty: str
    percent: int
    because: str | None
    origin: Literal["learned", "app", "you"]

    @property
    def statement(self) -> str:
        return f"{self.lead} {self.what}"

    @property
    def sentence(self) -> str:
        """The whole thing in one line, as the JSON API returns it."""
        if self.origin == "you":
            return f"{self.statement}."
        line = f"{self.statement} — {self.certainty} ({self.percent}%)"
        if self.because:
            line += f", from {self.because}"
        return line + "."


def explain(belief: Belief, observations: Sequence[Observation]) -> Explanation:
    what = preference(belief.dimension, belief.value)
    because = evidence_phrase(observations, belief.dimension, belief.value, belief.context)
    share = percent(belief.confidence)
    if belief.pinned:
        return Explanation("You told us you prefer", what, "your choice", share, because, "you")
    if belief.source == "manual":
        return Explanation("You prefer", what, certainty(belief.confidence), share, because, "app")
    return Explanation("You seem to prefer", what, certainty(belief.confidence), share, because, "learned")


@dataclass(frozen=True)
class Milestone:
    title: str
    detail: str


def milestones(applied_dimensions: Iterable[str], contexts: Iterable[str]) -> list[Milestone]:
    """Milestones reached, and only those: how many dimensions are in use, and in how many
    contexts (``contexts``: those where a preference is in use)."""
    count = len(set(applied_dimensions))
    found = []
    if count:
        if count == 1:
            found.append(Milestone("First preference in use", "Your answers are tailored in one way."))
        else:
            found.append(Milestone(f"Personalised across {count} dimensions",
                                   f"Your answers are tailored in {count} different ways."))
    named = {c for c in contexts if c != GLOBAL_CONTEXT}
    if named:
        found.append(Milestone(f"Tailored in {len(named) + 1} contexts",
                               "Some preferences differ depending on what you're doing."))
    return found


__all__ = [
    "Explanation", "Milestone", "certainty", "context_label",
    "evidence_phrase", "explain", "milestones", "percent", "preference", "value_label",
]
