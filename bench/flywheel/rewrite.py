"""How the simulated user edits a reply toward their taste before continuing. Pure text -> text.

Each edit is what a person would do by hand: delete the greeting, strip the emoji, merge the
bullets into a paragraph, cut the answer down to its first points, delete the "in simple terms"
explanation, delete the code block, translate it, or reword the closing line. Only preferences
that can be met by cutting or rewording are edited; asking for *more* (detail, basics, code, an
intro, emoji) is done with a follow-up message instead, as people do.
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

from beliefs.insights.perception import blocks, is_basics, is_code, is_list, is_preamble, sentences

from .corpus import CLOSING, TRANSLATIONS

_EMOJI = re.compile("[ \t]?[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50]\uFE0F?")
_KNOWN_SENTENCE = re.compile("|".join(re.escape(s) for s in TRANSLATIONS))
#: Points kept when shortening, each cut to its first sentence.
KEEP_POINTS = 2


def _join(parts: list[str]) -> str:
    return "\n\n".join(p for p in parts if p.strip())


def _main_block(parts: list[str]) -> int | None:
    """Index of the block carrying the answer: the longest one that is not framing."""
    candidates = [
        (len(p.split()), i) for i, p in enumerate(parts)
        if not is_code(p) and not (i == 0 and is_preamble(p))
        and not all(is_basics(s) for s in sentences(p))
    ]
    return max(candidates)[1] if candidates else None


def drop_preamble(text: str) -> str:
    parts = blocks(text)
    return _join(parts[1:]) if parts and is_preamble(parts[0]) else text


def drop_emoji(text: str) -> str:
    return _EMOJI.sub("", text)


def drop_code(text: str) -> str:
    return _join([p for p in blocks(text) if not is_code(p)])


def drop_basics(text: str) -> str:
    kept = []
    for part in blocks(text):
        if is_code(part):
            kept.append(part)
        elif is_list(part):
            kept.append("\n".join(line for line in part.split("\n") if not is_basics(line)))
        else:
            kept.append(" ".join(s for s in sentences(part) if not is_basics(s)))
    return _join(kept)


def to_prose(text: str) -> str:
    parts = [" ".join(line.lstrip("-*• ").strip() for line in p.split("\n")) if is_list(p) else p
             for p in blocks(text)]
    return _join(parts)


def to_lists(text: str) -> str:
    parts = blocks(text)
    index = _main_block(parts)
    if index is None or is_list(parts[index]):
        return text
    parts[index] = "\n".join(f"- {s}" for s in sentences(parts[index]))
    return _join(parts)


def shorten(text: str) -> str:
    """Keep the first points of the answer (first sentence each) and drop the rest of it."""
    parts = blocks(text)
    index = _main_block(parts)
    if index is None:
        return text
    main = parts[index]
    if is_list(main):
        lines = [line for line in main.split("\n") if line.strip()][:KEEP_POINTS]
        parts[index] = "\n".join(sentences(line)[0] for line in lines)
    else:
        parts[index] = " ".join(sentences(main)[:KEEP_POINTS])
    return _join(parts)


def translate(text: str, language: str) -> str:
    """Every known sentence replaced by its ``language`` version; code and emoji stay."""
    return _KNOWN_SENTENCE.sub(lambda m: TRANSLATIONS[m.group()].get(language, m.group()), text)


def reword(text: str, tone: str) -> str:
    """Swap the closing line for the one in ``tone`` ("formal" or "casual"), same language."""
    other = "formal" if tone == "casual" else "casual"
    for lang, line in CLOSING[other].items():
        text = text.replace(line, CLOSING[tone][lang])
    return text


#: (dimension, value) -> the edit that moves a reply toward it (None: ask instead of editing).
EDITS: Mapping[tuple[str, str], Callable[[str], str]] = {
    ("length", "concise"): shorten,
    ("format", "prose"): to_prose,
    ("format", "lists"): to_lists,
    ("tone", "casual"): lambda t: reword(t, "casual"),
    ("tone", "formal"): lambda t: reword(t, "formal"),
    ("preamble", "skip"): drop_preamble,
    ("emoji", "avoid"): drop_emoji,
    ("expertise", "expert"): drop_basics,
    ("code", "omit"): drop_code,
    ("language", "en"): lambda t: translate(t, "en"),
    ("language", "de"): lambda t: translate(t, "de"),
    ("language", "es"): lambda t: translate(t, "es"),
}
#: Translating first lets the other edits work on the user's own language.
_ORDER = ("language", "code", "expertise", "preamble", "format", "length", "tone", "emoji")


def edit_toward(text: str, wants: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """Apply every possible edit for ``wants``; returns the text and what was actually changed."""
    changed: dict[str, str] = {}
    for dimension in _ORDER:
        value = wants.get(dimension)
        edit = EDITS.get((dimension, value)) if value is not None else None
        if edit is None:
            continue
        edited = edit(text)
        if edited != text:
            text, changed[dimension] = edited, value
    return text, changed


__all__ = ["EDITS", "edit_toward", "reword", "shorten", "to_lists", "to_prose", "translate"]
