"""Beliefs in plain words, for the person they are about. Pure: beliefs and observations in, text out.

"You seem to prefer concise answers — fairly sure (82%), from 5 times you shortened a reply."
Every phrase comes from the closed tables below, keyed by (dimension, value) and signal kind:
nothing a user typed is ever echoed, so a page cannot be made to say something odd.

Every phrase is an English message id translated through the ``Translator`` passed in (a gettext
translations object, see :mod:`proxy.console.i18n`); ``N_`` and ``NP_`` only mark table entries
for extraction. Phrases are whole clauses, never assembled from inflected pieces, so each
language can word them its own way.

Numbers must agree with behaviour: a percentage is never rounded across the threshold at which
the rules apply a belief (``shown_percent``), and "very sure" is only said of a belief sure
enough to be used.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from gettext import NullTranslations
from typing import Iterable, Literal, Sequence

from beliefs.dimensions import LANGUAGE_NAMES
from beliefs.records import GLOBAL_CONTEXT, Belief, Observation

#: A gettext translations object (``gettext``, ``ngettext``); NullTranslations is English.
Translator = NullTranslations
ENGLISH = NullTranslations()


def N_(message: str) -> str:
    """Marks a message for extraction; translated where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular/plural pair (``%(n)d`` in both) for extraction."""
    return singular, plural


#: What a value means, completing "You seem to prefer ...".
_PREFERENCE: dict[tuple[str, str], str] = {
    ("length", "concise"): N_("concise answers"),
    ("length", "detailed"): N_("detailed, thorough answers"),
    ("format", "prose"): N_("answers in flowing prose"),
    ("format", "lists"): N_("answers as bullet lists"),
    ("tone", "formal"): N_("a formal tone"),
    ("tone", "casual"): N_("a relaxed, casual tone"),
    ("preamble", "skip"): N_("answers that get straight to the point"),
    ("preamble", "keep"): N_("a friendly opening line"),
    ("emoji", "avoid"): N_("answers without emoji"),
    ("emoji", "use"): N_("a few emoji in answers"),
    ("expertise", "expert"): N_("expert answers that skip the basics"),
    ("expertise", "beginner"): N_("explanations that start from the basics"),
    ("code", "include"): N_("code examples"),
    ("code", "omit"): N_("explanations without code"),
}

#: A short label for a choice in a picker (a noun phrase that stands alone).
_LABEL: dict[tuple[str, str], str] = {
    ("length", "concise"): N_("Concise answers"),
    ("length", "detailed"): N_("Detailed, thorough answers"),
    ("format", "prose"): N_("Flowing prose"),
    ("format", "lists"): N_("Bullet lists"),
    ("tone", "formal"): N_("A formal tone"),
    ("tone", "casual"): N_("A relaxed, casual tone"),
    ("preamble", "skip"): N_("Straight to the point"),
    ("preamble", "keep"): N_("A friendly opening line"),
    ("emoji", "avoid"): N_("No emoji"),
    ("emoji", "use"): N_("A few emoji"),
    ("expertise", "expert"): N_("Expert answers, no basics"),
    ("expertise", "beginner"): N_("Start from the basics"),
    ("code", "include"): N_("Code examples"),
    ("code", "omit"): N_("No code"),
}

#: Dimension names, as the picker groups them.
DIMENSION_LABELS: dict[str, str] = {
    "length": N_("Length"), "format": N_("Format"), "tone": N_("Tone"), "preamble": N_("Opening"),
    "emoji": N_("Emoji"), "expertise": N_("Expertise"), "code": N_("Code"), "language": N_("Language"),
}

#: An edit that moved a reply towards a value, counted.
_EDIT: dict[tuple[str, str], tuple[str, str]] = {
    ("length", "concise"): NP_("the one time you shortened a reply", "%(n)d times you shortened a reply"),
    ("length", "detailed"): NP_("the one time you expanded a reply", "%(n)d times you expanded a reply"),
    ("format", "prose"): NP_("the one time you turned a list into prose",
                             "%(n)d times you turned a list into prose"),
    ("format", "lists"): NP_("the one time you turned a reply into a list",
                             "%(n)d times you turned a reply into a list"),
    ("tone", "formal"): NP_("the one time you made a reply more formal",
                            "%(n)d times you made a reply more formal"),
    ("tone", "casual"): NP_("the one time you made a reply more casual",
                            "%(n)d times you made a reply more casual"),
    ("preamble", "skip"): NP_("the one time you cut the opening line of a reply",
                              "%(n)d times you cut the opening line of a reply"),
    ("preamble", "keep"): NP_("the one time you added an opening line to a reply",
                              "%(n)d times you added an opening line to a reply"),
    ("emoji", "avoid"): NP_("the one time you removed emoji from a reply",
                            "%(n)d times you removed emoji from a reply"),
    ("emoji", "use"): NP_("the one time you added emoji to a reply", "%(n)d times you added emoji to a reply"),
    ("expertise", "expert"): NP_("the one time you cut basic explanations from a reply",
                                 "%(n)d times you cut basic explanations from a reply"),
    ("expertise", "beginner"): NP_("the one time you added basic explanations to a reply",
                                   "%(n)d times you added basic explanations to a reply"),
    ("code", "include"): NP_("the one time you added code to a reply", "%(n)d times you added code to a reply"),
    ("code", "omit"): NP_("the one time you removed code from a reply", "%(n)d times you removed code from a reply"),
}
_EDIT_LANGUAGE = NP_("the one time you rewrote a reply in that language",
                     "%(n)d times you rewrote a reply in that language")
_EDIT_OTHER = NP_("the one time you edited a reply", "%(n)d times you edited a reply")

#: What the user did, for a signal that supported the belief, by signal kind.
_FOR: dict[str, tuple[str, str]] = {
    "follow_up": NP_("the one time you asked for it in a message", "%(n)d times you asked for it in a message"),
    "choice": NP_("the one time you kept a regenerated answer like that",
                  "%(n)d times you kept a regenerated answer like that"),
    "regeneration": NP_("the one time you regenerated an answer shaped the other way",
                        "%(n)d times you regenerated an answer shaped the other way"),
    "thumbs": NP_("the one time you rated an answer or left a comment",
                  "%(n)d times you rated an answer or left a comment"),
    "acceptance": NP_("the one time you kept an answer like that without changes",
                      "%(n)d times you kept an answer like that without changes"),
}

#: What the user did, for a signal that pointed away from the belief, by signal kind.
_AGAINST: dict[str, tuple[str, str]] = {
    "edit": NP_("the one time you edited a reply the other way", "%(n)d times you edited a reply the other way"),
    "follow_up": NP_("the one time you asked for something else in a message",
                     "%(n)d times you asked for something else in a message"),
    "choice": NP_("the one time you kept a regenerated answer shaped differently",
                  "%(n)d times you kept a regenerated answer shaped differently"),
    "regeneration": NP_("the one time you regenerated an answer shaped this way",
                        "%(n)d times you regenerated an answer shaped this way"),
    "thumbs": NP_("the one time you disliked an answer shaped this way or said so",
                  "%(n)d times you disliked an answer shaped this way or said so"),
    "acceptance": NP_("the one time you kept an answer shaped differently",
                      "%(n)d times you kept an answer shaped differently"),
}

#: (lowest confidence, word) below the apply threshold: the first row whose bound it reaches.
_CERTAINTY: tuple[tuple[float, str], ...] = (
    (0.75, N_("fairly sure")), (0.6, N_("somewhat sure")), (0.0, N_("just a hunch so far")),
)
_SURE = N_("very sure")


def preference(dimension: str, value: str, t: Translator = ENGLISH) -> str:
    """The value as a thing one prefers: ``("length", "concise")`` -> ``"concise answers"``."""
    if dimension == "language":
        return t.gettext("answers in %(language)s") % {"language": language_name(value, t)}
    phrase = _PREFERENCE.get((dimension, value))
    return t.gettext(phrase) if phrase else f"“{value}” ({dimension})"


def language_name(code: str, t: Translator = ENGLISH) -> str:
    """A language's name in the page's language (Babel's CLDR names; English as the fallback)."""
    locale = getattr(t, "locale", None)
    if locale is not None:
        name = locale.languages.get(code)
        if name:
            return name
    return LANGUAGE_NAMES.get(code, code)


def value_label(dimension: str, value: str, t: Translator = ENGLISH) -> str:
    """A short label for a choice in a picker."""
    if dimension == "language":
        name = language_name(value, t)
        return name[:1].upper() + name[1:]
    label = _LABEL.get((dimension, value))
    return t.gettext(label) if label else value


def dimension_label(dimension: str, t: Translator = ENGLISH) -> str:
    label = DIMENSION_LABELS.get(dimension)
    return t.gettext(label) if label else dimension


def shown_percent(confidence: float, threshold: float | None = None) -> int:
    """``confidence`` in [0, 1] as a whole percentage that never contradicts ``threshold``.

    Below the threshold the figure stays below the threshold's own figure (0.9168 with a 0.92
    threshold reads 91, not 92); at or above it, it reads at least that figure. A learned belief
    short of certainty never reads 100.
    """
    shown = int(round(confidence * 100))
    if confidence < 1.0:
        shown = min(shown, 99)
    if threshold is not None:
        bar = threshold_percent(threshold)
        shown = min(shown, bar - 1) if confidence < threshold else max(shown, bar)
    return max(shown, 0)


def threshold_percent(threshold: float) -> int:
    """The figure a threshold is shown as: rounded up, so "we wait until 92%" is never passed by a
    belief that still reads 92% and is not used."""
    return int(math.ceil(round(threshold * 100, 6)))


def percent(confidence: float) -> int:
    return int(round(confidence * 100))


def certainty(confidence: float, threshold: float | None = None, t: Translator = ENGLISH) -> str:
    """``0.82`` -> ``"fairly sure"``; "very sure" only at or above ``threshold`` (default 0.9)."""
    if confidence >= (0.9 if threshold is None else threshold):
        return t.gettext(_SURE)
    return t.gettext(next(word for bound, word in _CERTAINTY if confidence >= bound))


def context_label(context: str, t: Translator = ENGLISH) -> str:
    if context == GLOBAL_CONTEXT:
        return t.gettext("Everywhere")
    return t.gettext("When you're in “%(context)s”") % {"context": context}


def _support_key(observation: Observation, dimension: str, value: str) -> tuple[str, str]:
    if observation.kind == "edit":
        if dimension == "language":
            return _EDIT_LANGUAGE
        return _EDIT.get((dimension, value), _EDIT_OTHER)
    if observation.is_choice:
        return _FOR["choice"]
    return _FOR.get(observation.kind, _FOR["acceptance"])


def _against_key(observation: Observation) -> tuple[str, str]:
    if observation.is_choice:
        return _AGAINST["choice"]
    return _AGAINST.get(observation.kind, _AGAINST["acceptance"])


@dataclass(frozen=True)
class Tally:
    """Observations counted by what the user did: (singular, plural) message -> count, ranked."""

    counts: tuple[tuple[tuple[str, str], int], ...] = ()

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def phrase(self, t: Translator = ENGLISH, limit: int = 2) -> str | None:
        """``"5 times you shortened a reply and the one time you asked for it in a message"``."""
        if not self.counts:
            return None
        parts = [t.ngettext(singular, plural, n) % {"n": n} for (singular, plural), n in self.counts[:limit]]
        rest = sum(n for _, n in self.counts[limit:])
        if rest:
            parts.append(t.ngettext("one other signal", "%(n)d other signals", rest) % {"n": rest})
        return join(parts, t)


def join(parts: Sequence[str], t: Translator = ENGLISH) -> str:
    """``a, b and c`` in the page's language."""
    if len(parts) == 1:
        return parts[0]
    return t.gettext("%(items)s and %(last)s") % {"items": ", ".join(parts[:-1]), "last": parts[-1]}


def _in_scope(observation: Observation, context: str) -> bool:
    """For the global context, signals from every context count (they all feed it); for a named
    context, only that context's own."""
    return context == GLOBAL_CONTEXT or observation.context == context


def tally(observations: Iterable[Observation], dimension: str, value: str, context: str) -> tuple[Tally, Tally]:
    """(for, against): observations that supported ``value`` and those that pointed elsewhere in
    the same dimension. One observation counts once on each side at most."""
    support: Counter[tuple[str, str]] = Counter()
    against: Counter[tuple[str, str]] = Counter()
    for observation in observations:
        if not _in_scope(observation, context):
            continue
        deltas = [d for d in observation.deltas if d.dimension == dimension]
        if any(d.value == value for d in deltas):
            support[_support_key(observation, dimension, value)] += 1
        elif deltas:
            against[_against_key(observation)] += 1

    def ranked(counts: Counter[tuple[str, str]]) -> Tally:
        return Tally(tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))))

    return ranked(support), ranked(against)


def evidence_phrase(observations: Iterable[Observation], dimension: str, value: str, context: str,
                    limit: int = 2, t: Translator = ENGLISH) -> str | None:
    """``"5 times you shortened a reply and the one time you asked for it in a message"``, or None."""
    return tally(observations, dimension, value, context)[0].phrase(t, limit)


Origin = Literal["learned", "app", "pinned"]
PinKind = Literal["correction", "confirmation", "stated"]


@dataclass(frozen=True)
class Explanation:
    """One belief as the page shows it: ``lead`` + ``what`` ("You seem to prefer" "concise answers").

    ``origin`` says who decided it: ``learned`` from signals, set by the ``app`` (an operator,
    ``source: manual``), or ``pinned`` (fixed by the user on this page or by the app; it outranks
    everything learned). ``because`` counts the signals that support it; ``story`` tells its
    origin in one or two sentences; ``against`` is the sentence naming the signals that pointed
    the other way (None when there were none). ``percent`` never contradicts ``threshold`` (None:
    no rule uses this belief).
    """

    lead: str
    what: str
    certainty: str
    percent: int
    because: str | None
    origin: Origin
    story: str
    against: str | None = None
    threshold: float | None = None
    pin_kind: PinKind | None = None
    extra: tuple[str, ...] = field(default=())

    @property
    def statement(self) -> str:
        return f"{self.lead} {self.what}"

    @property
    def sentence(self) -> str:
        """The whole thing in one line, as the JSON API returns it."""
        if self.origin == "pinned":
            return f"{self.statement}. {self.story}"
        line = f"{self.statement} — {self.certainty} ({self.percent}%). {self.story}"
        return f"{line} {self.against}" if self.against else line


def explain(belief: Belief, observations: Sequence[Observation], threshold: float | None = None, *,
            learned_before: str | None = None, t: Translator = ENGLISH, day: str = "") -> Explanation:
    """``belief`` in words. ``threshold``: the confidence from which a rule would use it (None:
    none would); ``learned_before``: for a pin, the value learned signals led with just before it
    was set (None: nothing had been learned); ``day``: when a pin or manual value was set, as text."""
    what = preference(belief.dimension, belief.value, t)
    support, against = tally(observations, belief.dimension, belief.value, belief.context)
    because, opposed = support.phrase(t), against.phrase(t)
    share = shown_percent(belief.confidence, threshold)
    sure = certainty(belief.confidence, threshold, t)
    against_line = (t.gettext("Against it: %(signals)s.") % {"signals": opposed}) if opposed else None
    if belief.pinned:
        kind: PinKind = ("stated" if learned_before is None
                         else "confirmation" if learned_before == belief.value else "correction")
        if kind == "correction":
            story = t.gettext("Pinned on %(day)s, replacing what we had learned before (%(old)s).") % {
                "day": day, "old": preference(belief.dimension, learned_before or "", t)}
        elif kind == "confirmation":
            story = t.gettext("Pinned on %(day)s, confirming what we had learned.") % {"day": day}
        else:
            story = t.gettext("Pinned on %(day)s; nothing had been learned about it before.") % {"day": day}
        story += " " + t.gettext("It stays until it is changed here.")
        return Explanation(t.gettext("You prefer"), what, t.gettext("pinned"), 100, because, "pinned",
                           story, None, threshold, kind)
    if belief.source == "manual":
        story = t.gettext("Set by the app you use on %(day)s.") % {"day": day}
        if because:
            story += " " + t.gettext("Since then, also learned from %(signals)s.") % {"signals": because}
        return Explanation(t.gettext("You prefer"), what, sure, share, because, "app", story, against_line,
                           threshold)
    if because:
        story = t.gettext("Learned from %(signals)s.") % {"signals": because}
    else:
        story = t.gettext("Learned from signals that have since been deleted.")
    if belief.source == "explicit":
        story += " " + t.gettext("Mostly from what you said, not only from what you did.")
    return Explanation(t.gettext("You seem to prefer"), what, sure, share, because, "learned", story,
                       against_line, threshold)


@dataclass(frozen=True)
class Milestone:
    title: str
    detail: str


def milestones(applied_dimensions: Iterable[str], contexts: Iterable[str], t: Translator = ENGLISH) -> list[Milestone]:
    """Milestones reached, and only those: how many dimensions are in use, and in how many
    contexts (``contexts``: those where a preference is in use)."""
    count = len(set(applied_dimensions))
    found = []
    if count:
        if count == 1:
            found.append(Milestone(t.gettext("First preference in use"),
                                   t.gettext("Your answers are tailored in one way.")))
        else:
            found.append(Milestone(t.gettext("Personalised across %(n)d dimensions") % {"n": count},
                                   t.gettext("Your answers are tailored in %(n)d different ways.") % {"n": count}))
    named = {c for c in contexts if c != GLOBAL_CONTEXT}
    if named:
        found.append(Milestone(t.gettext("Tailored in %(n)d contexts") % {"n": len(named) + 1},
                               t.gettext("Some preferences differ depending on what you're doing.")))
    return found


__all__ = [
    "DIMENSION_LABELS", "ENGLISH", "Explanation", "Milestone", "N_", "NP_", "Tally", "Translator", "certainty",
    "context_label", "dimension_label", "evidence_phrase", "explain", "join", "language_name", "milestones",
    "percent", "preference", "shown_percent", "tally", "threshold_percent", "value_label",
]
