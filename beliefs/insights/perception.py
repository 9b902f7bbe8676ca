"""What a reader notices in a reply: a person's eyes, as pure functions over text.

Written independently of beliefloop's own feature extractors (``beliefs.learning.style``), and
kept that way on purpose: code under ``beliefs.learning`` must not import it. Two things judge
answers with it, so neither grades beliefloop by the measurements it learned from: the flywheel
benchmark's simulated user (``bench/flywheel/user.py``) and the per-user lift of comparison pairs
(:mod:`beliefs.insights.lift`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A sentence ends after . ! ? : or after an emoji that follows one; an emoji never starts one.
_SENTENCE_END = re.compile(
    r"(?<=[.!?:\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50])\s+(?=[^\s\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50])")
_PREAMBLE_OPENER = re.compile(
    r"^\W*(great question|good question|sure|of course|happy to help|gute frage|klar|gerne|"
    r"buena pregunta|claro|por supuesto)\b", re.I)
_BASICS_OPENERS = ("in simple terms", "think of it as", "einfach gesagt", "im grunde",
                   "en términos simples", "básicamente")
_CONTRACTION = re.compile(r"\b\w+['’](?:s|re|ve|ll|d|m|t)\b", re.I)
_CASUAL_WORDS = frozenset("honestly pretty easy cool awesome stuff echt du súper tú genial".split())
_STOPWORDS = {
    "en": frozenset("the and of to a in is that with for on it this as by".split()),
    "de": frozenset("der die das und ist nicht ein eine mit zu den auf für im sich".split()),
    "es": frozenset("el la los las y de que en un una con por para se del".split()),
}
#: The languages the reader tells apart; any other language it cannot judge.
LANGUAGES = frozenset(_STOPWORDS)


def blocks(text: str) -> list[str]:
    """Paragraphs separated by blank lines; a fenced code block stays one block."""
    found, current, in_code = [], [], False
    for line in text.split("\n"):
        if line.startswith("```"):
            in_code = not in_code
        if not line.strip() and not in_code:
            if current:
                found.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        found.append("\n".join(current))
    return found


def is_code(block: str) -> bool:
    return block.startswith("```")


def is_list(block: str) -> bool:
    lines = [line for line in block.split("\n") if line.strip()]
    return bool(lines) and all(line.lstrip().startswith(("- ", "* ", "• ")) for line in lines)


def is_preamble(block: str) -> bool:
    """A short opener that greets or praises instead of answering."""
    return not is_code(block) and len(_WORD.findall(block)) <= 12 and bool(_PREAMBLE_OPENER.match(block))


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; an emoji stays with the sentence it follows."""
    return [s for s in _SENTENCE_END.split(paragraph.strip()) if s.strip()]


def is_basics(sentence: str) -> bool:
    """A sentence that explains fundamentals in plain words or by analogy."""
    return sentence.lstrip("-*• ").casefold().startswith(_BASICS_OPENERS)


def prose(text: str) -> str:
    """The reply without code blocks."""
    return "\n\n".join(b for b in blocks(text) if not is_code(b))


@dataclass(frozen=True)
class Reading:
    """What the reader took in."""

    words: int
    """Words outside code blocks."""
    list_items: int
    preamble: bool
    emoji: int
    code: bool
    basics: int
    """Sentences explaining fundamentals."""
    casual: int
    """Casual markers outside the preamble: contractions, chatty words, exclamation marks."""
    language: str
    """"en", "de" or "es": whichever language's common words dominate."""


def read(text: str) -> Reading:
    parts = blocks(text)
    body = [b for i, b in enumerate(parts) if not is_code(b) and not (i == 0 and is_preamble(b))]
    body_text = "\n".join(body)
    words = [w.casefold() for w in _WORD.findall(prose(text))]
    votes = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    casual = (len(_CONTRACTION.findall(body_text)) + body_text.count("!")
              + sum(w.casefold() in _CASUAL_WORDS for w in _WORD.findall(body_text)))
    return Reading(
        words=len(words),
        list_items=sum(1 for b in parts if is_list(b) for line in b.split("\n") if line.strip()),
        preamble=bool(parts) and is_preamble(parts[0]),
        emoji=len(_EMOJI.findall(prose(text))),
        code=any(is_code(b) for b in parts),
        basics=sum(1 for b in body for s in sentences(b) if is_basics(s)),
        casual=casual,
        language=max(votes, key=lambda lang: (votes[lang], lang == "en")),
    )


#: Word counts a reader calls short or long enough.
CONCISE_MAX_WORDS = 70
DETAILED_MIN_WORDS = 72


def satisfies(reading: Reading, dimension: str, value: str, technical: bool) -> bool:
    """Whether the reply is as the reader wants it on one dimension."""
    if dimension == "length":
        return reading.words <= CONCISE_MAX_WORDS if value == "concise" else reading.words >= DETAILED_MIN_WORDS
    if dimension == "format":
        return reading.list_items == 0 if value == "prose" else reading.list_items >= 2
    if dimension == "tone":
        return reading.casual >= 2 if value == "casual" else reading.casual == 0
    if dimension == "preamble":
        return not reading.preamble if value == "skip" else reading.preamble
    if dimension == "emoji":
        return reading.emoji == 0 if value == "avoid" else reading.emoji > 0
    if dimension == "language":
        return reading.language == value
    if dimension == "expertise":
        return reading.basics == 0 if value == "expert" else reading.basics > 0
    if dimension == "code":
        # A code preference is about technical answers; nobody wants code in a bread recipe.
        return not technical or (reading.code if value == "include" else not reading.code)
    raise ValueError(f"unknown dimension {dimension!r}")


__all__ = [
    "CONCISE_MAX_WORDS", "DETAILED_MIN_WORDS", "LANGUAGES", "Reading", "blocks", "is_basics", "is_code",
    "is_list", "is_preamble", "prose", "read", "satisfies", "sentences",
]
