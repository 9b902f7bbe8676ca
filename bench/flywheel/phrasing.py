"""How the simulated user words a wish, and how the fake LLM understands it.

By default (``heldout``) the user speaks words beliefloop never saw: its corrections and comments
are messages from the *test* split of the interpretation corpus (``bench/interpret/corpus``),
written independently of the interpreter, in seven languages. The fake LLM stands in for an
instruction-following model, so it understands them perfectly: it reads the corpus labels of the
message the user sent. beliefloop reads the same text with its own interpreter, which is exactly
what the benchmark tests.

``dev`` draws from the split the interpreter was tuned on (in-sample), and ``table`` from the
old ~40-phrase vocabulary that was written from the interpreter's own phrase table; both are kept
to report the in-vocabulary figures beside the held-out ones, never as headline figures.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Mapping, Sequence

Phrasing = Literal["heldout", "dev", "table"]
Want = tuple[str, str]

CORPUS = Path(__file__).resolve().parent.parent / "interpret" / "corpus"
LANGUAGES = ("en", "de", "es", "fr", "it", "pt", "nl")
#: Who writes in which language, when a persona's taste does not say: mostly English.
WRITING_WEIGHTS = (0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)
_POSITIVE_KINDS = frozenset({"correction", "standing", "self"})

#: The old in-vocabulary phrases (dimension, value) -> ways to ask, lower-case.
TABLE: Mapping[Want, tuple[str, ...]] = {
    ("length", "concise"): ("shorter", "too long", "keep it short"),
    ("length", "detailed"): ("more detail", "tell me more", "go deeper"),
    ("format", "prose"): ("no bullet points", "in prose", "full sentences"),
    ("format", "lists"): ("as a list", "bullet points"),
    ("tone", "casual"): ("less formal", "too formal", "more casual"),
    ("tone", "formal"): ("more formal", "more professional"),
    ("preamble", "skip"): ("skip the intro", "get to the point", "just the answer"),
    ("preamble", "keep"): ("add an intro",),
    ("emoji", "avoid"): ("no emojis", "stop using emojis"),
    ("emoji", "use"): ("add emojis", "use emojis"),
    ("language", "de"): ("in german", "auf deutsch"),
    ("language", "es"): ("in spanish", "en español"),
    ("language", "en"): ("in english",),
    ("expertise", "expert"): ("skip the basics", "i know the basics", "too basic"),
    ("expertise", "beginner"): ("explain like i'm new", "i'm a beginner"),
    ("code", "omit"): ("no code", "without code"),
    ("code", "include"): ("show me the code", "code example"),
}
_TABLE_ENDINGS = ("", " please", ", thanks")


@dataclass
class Phrasebook:
    """Messages by the exact set of wishes they carry, per language, and what every message
    the user may send means (for the fake LLM)."""

    phrasing: Phrasing
    by_wants: dict[frozenset[Want], dict[str, list[str]]] = field(default_factory=dict)
    meaning: dict[str, dict[str, str]] = field(default_factory=dict)
    _read: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, phrasing: Phrasing = "heldout") -> "Phrasebook":
        book = cls(phrasing)
        if phrasing == "table":
            return book
        split = "test" if phrasing == "heldout" else "dev"
        by_wants: dict[frozenset[Want], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for line in (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["kind"] not in _POSITIVE_KINDS:
                continue
            wants = [tuple(label.split("=", 1)) for label in row["labels"]]
            if len({d for d, _ in wants}) != len(wants):
                continue  # two values of one dimension: no single meaning
            by_wants[frozenset(wants)][row["lang"]].append(row["text"])
            book.meaning[row["text"]] = dict(wants)
        book.by_wants = {k: {lang: sorted(v) for lang, v in langs.items()} for k, langs in by_wants.items()}
        return book

    def writing_language(self, wants: Mapping[str, str], rng: random.Random) -> str:
        """The language a user writes in: the one it wants answers in, else mostly English."""
        if self.phrasing == "table":
            return "en"  # the table is English (and drawing nothing keeps its old runs identical)
        wanted = wants.get("language")
        if wanted in LANGUAGES:
            return wanted
        return rng.choices(LANGUAGES, WRITING_WEIGHTS)[0]

    def correction(self, wants: Sequence[Want], rng: random.Random, language: str = "en") -> str:
        """A message asking for every want in ``wants`` (one or two), in ``language`` when the
        corpus has one, else in another language; two wants without a message carrying both are
        two messages written one after the other."""
        if self.phrasing == "table":
            return _table_correction(wants, rng)
        together = self._pick(frozenset(wants), rng, language)
        if together is not None:
            return together
        parts = [self._pick(frozenset([want]), rng, language) for want in wants]
        missing = [want for want, part in zip(wants, parts) if part is None]
        if missing:
            raise KeyError(f"the corpus has no message asking only for {missing}")
        return " ".join(p for p in parts if p)

    def _pick(self, wants: frozenset[Want], rng: random.Random, language: str) -> str | None:
        by_language = self.by_wants.get(wants)
        if not by_language:
            return None
        texts = by_language.get(language) or by_language[rng.choice(sorted(by_language))]
        text = rng.choice(texts)
        return text

    def requested(self, text: str) -> dict[str, str]:
        """Dimension -> value that ``text`` asks for, as an instruction-following model reads it."""
        if self.phrasing == "table":
            return _table_requested(text)
        if text not in self._read:
            found: dict[str, str] = {}
            for known, wants in self.meaning.items():  # one message, or two sent as one
                if known in text:
                    found.update(wants)
            self._read[text] = found
        return dict(self._read[text])


def _table_correction(wants: Sequence[Want], rng: random.Random) -> str:
    words = [rng.choice(TABLE[want]) for want in wants]
    text = ", ".join(words) + rng.choice(_TABLE_ENDINGS)
    return text[0].upper() + text[1:]


_BY_PHRASE = {phrase: key for key, phrases in TABLE.items() for phrase in phrases}
_PATTERN = re.compile("|".join(re.escape(p) for p in sorted(_BY_PHRASE, key=len, reverse=True)))


def _table_requested(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _PATTERN.finditer(text.casefold().replace("’", "'")):
        dimension, value = _BY_PHRASE[match.group()]
        found[dimension] = value
    return found


__all__ = ["LANGUAGES", "Phrasebook", "Phrasing", "TABLE"]
