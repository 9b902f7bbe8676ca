"""Whether a reply already does what a user asks for. Pure, regex-only (via :mod:`.style`).

A correction is evidence because the answer missed something: "shorter please" after a long
answer says the user wants short answers. The same words after an answer that was already short
say much less (a slip, a colleague at the keyboard, a passing mood), and in the flywheel benchmark
they were where most wrong beliefs started: a noisy user asking, early on, for the assistant's
default style that every reply already had. So a request for a value the reply already shows is
discounted (``SignalWeights.redundant``), and a request for what it lacks counts fully.

Only clear cases count as "already shows": a style the reading is unsure of (a middling length, a
neutral tone) is never called redundant. Language is read with the cheap marker-word hint
(:func:`.language.language_hint`, tens of µs, no detector on the hot path): a reply whose common
words clearly are English already is English; one the hint is unsure of never is.
"""

from __future__ import annotations

from .language import language_hint
from .style import StyleFeatures, style_features

#: A body this short is already short ("shorter please" asks for nothing new). Words.
SHORT_WORDS = 60
#: A body this long is already detailed. Words (a thorough chat answer runs to hundreds).
LONG_WORDS = 250
#: List items from which a reply is already a list.
LIST_ITEMS = 3
#: |formality| from which a reply's tone is clear (see :func:`.style.formality_score`).
CLEAR_TONE = 0.5


def shows(features: StyleFeatures, dimension: str, value: str) -> bool:
    """The reply measured by ``features`` clearly already has ``dimension=value``."""
    match dimension, value:
        case "length", "concise":
            return features.body_words <= SHORT_WORDS
        case "length", "detailed":
            return features.body_words >= LONG_WORDS
        case "format", "prose":
            return features.list_items == 0 and features.body_words > 0
        case "format", "lists":
            return features.list_items >= LIST_ITEMS
        case "preamble", "skip":
            return not features.has_preamble
        case "preamble", "keep":
            return features.has_preamble
        case "emoji", "avoid":
            return features.emoji == 0
        case "emoji", "use":
            return features.emoji > 0
        case "code", "omit":
            return features.code_blocks == 0
        case "code", "include":
            return features.code_blocks > 0
        case "expertise", "expert":
            return features.basics_sentences == 0
        case "expertise", "beginner":
            return features.basics_sentences > 0
        case "tone", "formal":
            return features.formality >= CLEAR_TONE
        case "tone", "casual":
            return features.formality <= -CLEAR_TONE
    return False


def redundancy(text: str | None, evidence: tuple[tuple[str, str, float], ...],
               factor: float) -> tuple[tuple[str, str, float], ...]:
    """``evidence`` (dimension, value, strength) about a reply ``text`` with the strength of each
    value the reply already shows multiplied by ``factor`` in [0, 1]. Unchanged without a text."""
    if not text or factor >= 1.0 or not evidence:
        return evidence
    features = style_features(text)
    hint = language_hint(text) if any(d == "language" for d, _, _ in evidence) else None
    return tuple((d, v, s * factor if (hint == v if d == "language" else shows(features, d, v)) else s)
                 for d, v, s in evidence)


__all__ = ["CLEAR_TONE", "LIST_ITEMS", "LONG_WORDS", "SHORT_WORDS", "redundancy", "shows"]
