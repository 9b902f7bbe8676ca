"""Which language a piece of user-facing text is written in, as an ISO 639-1 code.

Detection uses lingua's bundled n-gram models, so it works offline. It is restricted to the
languages listed in :data:`DETECTABLE_LANGUAGES`: fewer candidates make it faster (about 0.7 ms
for 1,000 characters) and avoid confusing close relatives that users of this proxy rarely write
(Catalan for Spanish, Afrikaans for Dutch, and so on).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

from .style import strip_code_blocks

#: ISO 639-1 codes :func:`detect_language` can return. Each is also a valid ``language`` value.
DETECTABLE_LANGUAGES: tuple[str, ...] = (
    "en", "de", "es", "fr", "it", "pt", "nl", "sv", "pl", "tr", "ru", "ja", "zh",
)

#: Fewer letters than this (after removing code and URLs) is too little to judge.
MIN_LETTERS = 20
#: lingua's confidence for the leading language must reach this, else the text is ambiguous.
MIN_CONFIDENCE = 0.5
# The language of a reply is settled by its opening paragraphs; capping the sample keeps the
# cost of a 20-page answer the same as that of a 1-page one.
_SAMPLE_CHARS = 1_500

_URL = re.compile(r"https?://\S+|www\.\S+")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LETTER = re.compile(r"[^\W\d_]")

# A few very frequent words that belong to one Latin-script language only. Used to notice a
# likely translation without running the full detector.
_MARKER_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and you with that this is are of to for it".split()),
    "de": frozenset("der die das und ist nicht ein eine mit ich sie du auf für wie zu".split()),
    "es": frozenset("el los las y es por para del como una pero está muy".split()),
    "fr": frozenset("le les et est des pour dans avec vous pas une".split()),
    "it": frozenset("il gli è di della non sono che anche".split()),
    "pt": frozenset("o os é do da um não com em uma você".split()),
    "nl": frozenset("het een van dat niet voor op zijn ik".split()),
}
_WORD = re.compile(r"\w+")
_FIRST_NON_LATIN = "\u0370"
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("kana", re.compile(r"[\u3040-\u30ff]")),
    ("han", re.compile(r"[\u4e00-\u9fff]")),
    ("hangul", re.compile(r"[\uac00-\ud7af]")),
    ("arabic", re.compile(r"[\u0600-\u06ff]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
)


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    """Built on first use, not at import: building costs ~1 s and most processes need it late."""
    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTABLE_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def _prose(text: str) -> str:
    """``text`` without fenced code, inline code and URLs, which say nothing about the language."""
    return _URL.sub(" ", _INLINE_CODE.sub(" ", strip_code_blocks(text)))


def detect_language(text: str, *, min_confidence: float = MIN_CONFIDENCE) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when unsure.

    None means: fewer than :data:`MIN_LETTERS` letters of prose, or no language reached
    ``min_confidence`` (in [0, 1]) among :data:`DETECTABLE_LANGUAGES`.
    """
    prose = _prose(text)
    if len(prose) > _SAMPLE_CHARS:
        cut = prose.rfind(" ", 0, _SAMPLE_CHARS)
        prose = prose[: cut if cut > 0 else _SAMPLE_CHARS]
    if len(_LETTER.findall(prose)) < MIN_LETTERS:
        return None
    values = _detector().compute_language_confidence_values(prose)
    if not values or values[0].value < min_confidence:
        return None
    return values[0].language.iso_code_639_1.name.lower()


def language_hint(text: str) -> str:
    """A cheap guess (tens of µs) of the script or language of ``text``, not an ISO code.

    Returns a script name for non-Latin text, a language code when a Latin-script text's most
    frequent marker words clearly point to one language, else ``"latin"`` or ``"unknown"``.
    Two texts with different hints are worth running :func:`detect_language` on; equal hints are
    no proof of equal languages.
    """
    prose = _prose(text)[:_SAMPLE_CHARS]
    # Latin script, with its accents, ends before U+0370; max() rules out the others in C.
    if prose and not prose.isascii() and max(prose) >= _FIRST_NON_LATIN:
        for script, pattern in _SCRIPTS:
            if len(pattern.findall(prose)) >= 5:
                return script
    counts = Counter(_WORD.findall(prose.casefold()))
    ranked = sorted(
        ((sum(counts[w] for w in counts.keys() & markers), code) for code, markers in _MARKER_WORDS.items()),
        reverse=True,
    )
    (best_count, best), (runner_up, _) = ranked[0], ranked[1]
    if best_count >= 3 and best_count >= 2 * runner_up:
        return best
    return "latin" if _LETTER.search(prose) else "unknown"


__all__ = ["DETECTABLE_LANGUAGES", "MIN_CONFIDENCE", "MIN_LETTERS", "detect_language", "language_hint"]
