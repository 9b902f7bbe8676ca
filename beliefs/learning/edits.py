"""Evidence from a user's edit of a reply, or from their choice between two regenerated replies.

The edit says more than either text alone: a user who deletes the bullets, the emoji or the
"Great question!" shows what they do not want. :func:`edit_features` measures both texts and
their difference; :func:`evidence_from_edit` turns that into at most one (dimension, value,
strength) per dimension. Both are pure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from rapidfuzz import fuzz, process

from .language import detect_language, language_hint
from .style import StyleFeatures, basics_sentences, count_words, split_sentences, style_features

Evidence = tuple[str, str, float]
LanguageDetector = Callable[[str], str | None]

#: Above this similarity (in [0, 1]) an edit is a touch-up: only structural changes count.
TYPO_SIMILARITY = 0.97
#: Below this similarity the texts may be in different languages, so both are detected.
RELANGUAGE_SIMILARITY = 0.6
#: A choice between regenerated candidates is weaker evidence than an edit (see below).
CHOICE_WEIGHT = 0.6

_CONCISE_RATIO = 0.7
_DETAILED_RATIO = 1.4
# Fewer changed words than this is noise, whatever the ratio (3 words -> 1 word is not "concise").
_MIN_LENGTH_CHANGE = 5
_FORMALITY_SHIFT = 0.3
# A basics sentence that survives the edit with at least this fuzz.ratio was kept, not removed.
_SAME_SENTENCE_SCORE = 75.0


@dataclass(frozen=True)
class EditFeatures:
    """How an edited (or chosen) text differs from the original one."""

    similarity: float
    """rapidfuzz ``fuzz.ratio`` of the two texts, in [0, 1]."""
    length_ratio: float
    """``body_words_after / body_words_before`` (the latter at least 1)."""
    body_words_before: int
    """Words of prose outside code blocks, without the preamble and without the basics sentences
    the edit removed, so deleting only a preamble, code block or explanation leaves the ratio 1."""
    body_words_after: int
    """Likewise for the edited text, without the basics sentences the edit added."""
    list_items_before: int
    list_items_after: int
    preamble_removed: bool
    preamble_added: bool
    emoji_before: int
    emoji_after: int
    formality_shift: float
    """Formality after minus before, in (-2, 2)."""
    formal_markers_added: int
    """Formal markers after minus before (negative when removed)."""
    casual_markers_added: int
    """Casual markers after minus before (negative when removed)."""
    language_before: str | None
    """ISO 639-1 code, or None when undetected or when the texts were too alike to re-detect."""
    language_after: str | None
    code_blocks_before: int
    code_blocks_after: int
    basics_removed: int
    """Basics-explanation sentences of the original with no close match in the edited text."""
    basics_added: int
    """Basics-explanation sentences of the edited text with no close match in the original."""

    @property
    def language_changed(self) -> bool:
        return (
            self.language_before is not None
            and self.language_after is not None
            and self.language_before != self.language_after
        )


def _unmatched(sentences: list[str], others: list[str]) -> list[str]:
    """Those of ``sentences`` with no close counterpart among ``others``."""
    return [
        sentence
        for sentence in sentences
        if process.extractOne(sentence, others, scorer=fuzz.ratio, score_cutoff=_SAME_SENTENCE_SCORE)
        is None
    ]


def _languages(
    original: str, edited: str, similarity: float, detect: LanguageDetector | None
) -> tuple[str | None, str | None]:
    # Detection costs ~1 ms per text, so it runs only when a change of language is plausible:
    # a heavy rewrite, or a cheap script/marker-word hint that differs. (Inside a request the
    # proxy passes detect=None and runs the same check off the hot path: beliefs/learning/detect.py.)
    if detect is None or original == edited:
        return None, None
    if similarity >= RELANGUAGE_SIMILARITY and language_hint(original) == language_hint(edited):
        return None, None
    return detect(original), detect(edited)


def edit_features(
    original: str, edited: str, *, detect: LanguageDetector | None = detect_language
) -> EditFeatures:
    """Measure how ``edited`` differs from ``original``.

    ``detect`` maps a text to an ISO 639-1 code (or None); pass None to skip language detection.
    """
    before: StyleFeatures = style_features(original)
    after: StyleFeatures = style_features(edited)
    similarity = fuzz.ratio(original, edited) / 100.0
    language_before, language_after = _languages(original, edited, similarity, detect)

    removed: list[str] = []
    added: list[str] = []
    if before.basics_sentences:
        removed = _unmatched(basics_sentences(original), split_sentences(edited))
    if after.basics_sentences:
        added = _unmatched(basics_sentences(edited), split_sentences(original))
    # Words of a removed preamble, code block or basics explanation are evidence for their own
    # dimension; leaving them out of the length keeps one deletion from counting twice.
    words_before = max(0, before.body_words - sum(map(count_words, removed)))
    words_after = max(0, after.body_words - sum(map(count_words, added)))

    return EditFeatures(
        similarity=similarity,
        length_ratio=words_after / max(words_before, 1),
        body_words_before=words_before,
        body_words_after=words_after,
        list_items_before=before.list_items,
        list_items_after=after.list_items,
        preamble_removed=before.has_preamble and not after.has_preamble,
        preamble_added=after.has_preamble and not before.has_preamble,
        emoji_before=before.emoji,
        emoji_after=after.emoji,
        formality_shift=after.formality - before.formality,
        formal_markers_added=after.formal_markers - before.formal_markers,
        casual_markers_added=after.casual_markers - before.casual_markers,
        language_before=language_before,
        language_after=language_after,
        code_blocks_before=before.code_blocks,
        code_blocks_after=after.code_blocks,
        basics_removed=len(removed),
        basics_added=len(added),
    )


def _length(f: EditFeatures) -> Evidence | None:
    if abs(f.body_words_after - f.body_words_before) < _MIN_LENGTH_CHANGE:
        return None
    # Symmetric in log space: halving and doubling both give strength 1.0; 0.7 and 1.4 about 0.5.
    strength = min(1.0, abs(math.log(max(f.length_ratio, 1e-9))) / math.log(2))
    if f.length_ratio <= _CONCISE_RATIO:
        return ("length", "concise", strength)
    if f.length_ratio >= _DETAILED_RATIO:
        return ("length", "detailed", strength)
    return None


def _format(f: EditFeatures) -> Evidence | None:
    before, after = f.list_items_before, f.list_items_after
    # Only removing every list item says "prose": cutting a list to its first two points says
    # "shorter", and the length rule reads that.
    if before >= 2 and after == 0:
        return ("format", "prose", 1.0)
    if after >= 2 and before <= after / 2:
        return ("format", "lists", 1.0 if before == 0 else 0.6)
    return None


def _preamble(f: EditFeatures) -> Evidence | None:
    if f.preamble_removed:
        return ("preamble", "skip", 1.0)
    if f.preamble_added:
        return ("preamble", "keep", 1.0)
    return None


def _emoji(f: EditFeatures) -> Evidence | None:
    if f.emoji_before > 0 and f.emoji_after == 0:
        return ("emoji", "avoid", 1.0)
    if f.emoji_before == 0 and f.emoji_after > 0:
        return ("emoji", "use", 1.0)
    return None


def _tone(f: EditFeatures) -> Evidence | None:
    # Formality markers are language-specific, so a translation's shift means nothing.
    if f.language_changed:
        return None
    # Deleting content deletes its markers too: cutting the chatty sentences out of a reply makes
    # it score formal without the user asking for formality. So the shift must come from markers
    # the user wrote, or from markers removed while the text kept its length.
    kept_length = f.length_ratio > _CONCISE_RATIO
    strength = min(1.0, abs(f.formality_shift) / (2 * _FORMALITY_SHIFT))
    if f.formality_shift <= -_FORMALITY_SHIFT and (
        f.casual_markers_added > 0 or (f.formal_markers_added < 0 and kept_length)
    ):
        return ("tone", "casual", strength)
    if f.formality_shift >= _FORMALITY_SHIFT and (
        f.formal_markers_added > 0 or (f.casual_markers_added < 0 and kept_length)
    ):
        return ("tone", "formal", strength)
    return None


def _language(f: EditFeatures) -> Evidence | None:
    before, after = f.language_before, f.language_after
    if before is not None and after is not None and before != after:
        return ("language", after, 1.0)
    return None


def _code(f: EditFeatures) -> Evidence | None:
    before, after = f.code_blocks_before, f.code_blocks_after
    if after < before:
        return ("code", "omit", 1.0 if after == 0 else 0.5)
    if after > before:
        return ("code", "include", 1.0 if before == 0 else 0.5)
    return None


def _expertise(f: EditFeatures) -> Evidence | None:
    # A translation "removes" every basics sentence and "adds" its translation: the net counts.
    if f.language_changed:
        return None
    net = f.basics_removed - f.basics_added
    if net == 0:
        return None
    strength = min(1.0, 0.5 + 0.25 * abs(net))
    return ("expertise", "expert", strength) if net > 0 else ("expertise", "beginner", strength)


# Structural changes count even in a near-identical text; the rest needs a real rewrite.
_STRUCTURAL_RULES = (_preamble, _format, _emoji, _code, _language)
_REWRITE_RULES = (_length, _tone, _expertise)


def evidence_from_edit(features: EditFeatures) -> list[Evidence]:
    """(dimension, value, strength in (0, 1]) read from an edit, at most one per dimension.

    Touch-ups (similarity above :data:`TYPO_SIMILARITY`) yield only structural evidence: preamble,
    format, emoji, code and language.
    """
    rules = _STRUCTURAL_RULES
    if features.similarity <= TYPO_SIMILARITY:
        rules = _STRUCTURAL_RULES + _REWRITE_RULES
    return [evidence for rule in rules if (evidence := rule(features)) is not None]


def evidence_from_choice(
    rejected: str, kept: str, *, detect: LanguageDetector | None = detect_language
) -> list[Evidence]:
    """Evidence from keeping one regenerated reply over another, scaled by :data:`CHOICE_WEIGHT`.

    Weaker than an edit because the user wrote neither text: the candidates differ along many
    dimensions at random, and the choice is often about correctness rather than style, so any
    single difference explains it only in part.
    """
    return [
        (dimension, value, strength * CHOICE_WEIGHT)
        for dimension, value, strength in evidence_from_edit(edit_features(rejected, kept, detect=detect))
    ]


__all__ = [
    "CHOICE_WEIGHT",
    "EditFeatures",
    "Evidence",
    "edit_features",
    "evidence_from_choice",
    "evidence_from_edit",
]
