"""Folding a message for matching, bounding its length, and cutting it into sentences and clauses.

Everything here is language-independent. The lexicons are written against the folded form:
casefolded (so German "ß" is "ss"), without accents, with straight apostrophes and single spaces.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_COMBINING_MARK = re.compile(r"[\u0300-\u036f]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_DOUBLE_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‹": '"', "›": '"'})
_CODE = re.compile(r"```.*?(?:```|$)|`[^`\n]*`", re.DOTALL)
_URL = re.compile(r"https?://\S+|www\.\S+")
# "sooo loooong" -> "soo loong": users stretch words for emphasis; the lexicons allow a doubled
# letter where a language has one ("zu", "too"), so two is the most a run ever needs.
_STRETCH = re.compile(r"(\w)\1{2,}")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_DOUBLE_QUOTED = re.compile(r'"([^"\n]{1,200})"')
# A single-quoted span must not be an apostrophe: no letter just outside either quote.
_SINGLE_QUOTED = re.compile(r"(?<!\w)'([^'\n]{1,120})'(?!\w)")
_WORD = re.compile(r"\w+")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")

#: Placeholders a quoted span is replaced by. Quoted words are mentioned, not meant
#: ("How do you say 'keep it short' in Spanish?"), unless the quote shows an opening line the user
#: objects to ("skip the 'Great question!' stuff"), which the lexicons treat as an intro.
QUOTED_OPENER = " qopener "
QUOTED_TEXT = " qtext "


def fold(text: str) -> str:
    """NFKC, casefold, no accents, straight quotes, code and URLs removed, single spaces per line."""
    if text.isascii():  # ASCII is already NFKC and has no accents or curly quotes
        folded = text.casefold().replace("`", "'")
    else:
        folded = unicodedata.normalize("NFKC", text).casefold()
        folded = folded.translate(_APOSTROPHES).translate(_DOUBLE_QUOTES)
        if not folded.isascii():
            folded = unicodedata.normalize("NFC", _COMBINING_MARK.sub("", unicodedata.normalize("NFD", folded)))
    if "`" in folded:
        folded = _CODE.sub(" qtext ", folded)
    if "http" in folded or "www." in folded:
        folded = _URL.sub(" qtext ", folded)
    folded = _STRETCH.sub(r"\1\1", folded)
    if "\n" not in folded:
        return _SPACES.sub(" ", folded).strip()
    return "\n".join(_SPACES.sub(" ", line).strip() for line in folded.split("\n"))


def replace_quotes(folded: str, is_opener) -> str:
    """Replace quoted spans of two or more words by a placeholder; unwrap one-word quotes.

    ``is_opener(span) -> bool`` says whether the span is an opening line ("great question!").
    One-word quotes stay as words: "'u'" in "spreek me met 'u' aan" is the point of the sentence.
    """

    def swap(match: re.Match[str]) -> str:
        span = match.group(1).strip()
        if is_opener(span):
            return QUOTED_OPENER
        if len(_WORD.findall(span)) >= 2:
            return QUOTED_TEXT
        return " " + span + " "

    if '"' in folded:
        folded = _DOUBLE_QUOTED.sub(swap, folded)
    if "'" in folded:
        folded = _SINGLE_QUOTED.sub(swap, folded)
    # An unwrapped one-word quote keeps single spaces: "met 'u' aanspreken" reads as "met u aanspreken".
    return _DOUBLE_SPACE.sub(" ", folded) if "  " in folded else folded


def bound(text: str, max_chars: int) -> str:
    """At most ``max_chars`` characters: the head and the tail of a longer text.

    A lasting instruction usually opens or closes a long message ("From now on, answer in French.
    <pasted text> Thanks!"); the middle is mostly material the user pasted. Each half is cut at a
    sentence or line boundary when one is near, so no half-sentence is read out of context.
    """
    if len(text) <= max_chars:
        return text
    half = max_chars // 2
    head, tail = text[:half], text[-half:]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("\n"))
    if cut > half // 2:
        head = head[: cut + 1]
    starts = [i for i in (tail.find(". "), tail.find("? "), tail.find("! "), tail.find("\n")) if i >= 0]
    if starts and min(starts) < half // 2:
        tail = tail[min(starts) + 1 :]
    return head + "\n" + tail


# Sentence ends: terminal punctuation followed by space or end, or a line break, or just before
# a Spanish "¿"/"¡" that opens the next one. A decimal point ("3.5") or an abbreviation without
# a space after it does not end a sentence.
_SENTENCE_END = re.compile(r"[.!?;…]+(?=\s|$)|\n+")
_SENTENCE_END_ES = re.compile(r"[.!?;…]+(?=\s|$)|\n+|(?<=\S) ?(?=[¿¡])")
_CLAUSE_END = re.compile(r"[,:()\[\]]|\s[-–—]\s")


@dataclass(frozen=True)
class Layout:
    """Where the sentences, clauses and words of a folded text are, as character offsets."""

    sentence_ends: tuple[int, ...]
    """End offset of each sentence; the last one is ``len(text)``."""
    question: tuple[bool, ...]
    """Per sentence: it ends with a question mark."""
    clause_ends: tuple[int, ...]
    """End offsets of clauses (a sentence end is also a clause end)."""
    word_starts: tuple[int, ...]
    word_ends: tuple[int, ...]

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentence_ends, offset)

    def clause_of(self, offset: int) -> int:
        return bisect_right(self.clause_ends, offset)

    def word_of(self, offset: int) -> int:
        """Index of the word that starts at or before ``offset``."""
        return bisect_right(self.word_starts, offset) - 1

    def clause_start_word(self, offset: int) -> int:
        """Index of the first word of the clause around ``offset``."""
        k = bisect_left(self.clause_ends, offset) - 1
        return bisect_left(self.word_starts, self.clause_ends[k]) if k >= 0 else 0

    def sentence_start_word(self, offset: int) -> int:
        """Index of the first word of the sentence around ``offset``."""
        k = bisect_left(self.sentence_ends, offset) - 1
        return bisect_left(self.word_starts, self.sentence_ends[k]) if k >= 0 else 0


def layout(folded: str) -> Layout:
    sentence_ends: list[int] = []
    question: list[bool] = []
    ends = _SENTENCE_END_ES if ("¿" in folded or "¡" in folded) else _SENTENCE_END
    for match in ends.finditer(folded):
        if sentence_ends and match.start() <= sentence_ends[-1]:
            continue  # "¿" right after "." ends nothing new
        sentence_ends.append(match.start())
        question.append("?" in match.group())
    if not sentence_ends or sentence_ends[-1] < len(folded):
        sentence_ends.append(len(folded))
        question.append(False)
    clause_marks = [m.start() for m in _CLAUSE_END.finditer(folded)]
    clause_ends = sorted(set(clause_marks).union(sentence_ends)) if clause_marks else sentence_ends
    spans = [m.span() for m in _WORD.finditer(folded)]
    starts, ends = zip(*spans) if spans else ((), ())
    return Layout(tuple(sentence_ends), tuple(question), tuple(clause_ends), starts, ends)
