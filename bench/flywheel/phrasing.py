"""How the simulated user words a correction, and how the fake LLM understands one.

A correction names style preferences in plain words ("shorter, no emojis please"). The user picks
its words from :data:`PHRASES`; the fake LLM reads the same vocabulary back (an instruction-
following model understands what the user typed). beliefloop reads the message with its own
classifier, which is exactly what the benchmark tests.
"""

from __future__ import annotations

import random
import re
from typing import Mapping, Sequence

#: (dimension, value) -> ways a user asks for it, lower-case, without "please".
PHRASES: Mapping[tuple[str, str], tuple[str, ...]] = {
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

_ENDINGS = ("", " please", ", thanks")
_BY_PHRASE = {phrase: key for key, phrases in PHRASES.items() for phrase in phrases}
_PATTERN = re.compile(
    "|".join(re.escape(p) for p in sorted(_BY_PHRASE, key=len, reverse=True))
)


def correction(wants: Sequence[tuple[str, str]], rng: random.Random) -> str:
    """A short correction message asking for each (dimension, value) in ``wants``."""
    words = [rng.choice(PHRASES[want]) for want in wants]
    text = ", ".join(words) + rng.choice(_ENDINGS)
    return text[0].upper() + text[1:]


def requested(text: str) -> dict[str, str]:
    """Dimension -> value asked for in ``text`` (the longest phrase wins at each position)."""
    found: dict[str, str] = {}
    for match in _PATTERN.finditer(text.casefold().replace("’", "'")):
        dimension, value = _BY_PHRASE[match.group()]
        found[dimension] = value
    return found


__all__ = ["PHRASES", "correction", "requested"]
