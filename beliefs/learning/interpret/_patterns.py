"""Compile lexicon fragments into a tokenizer that finds concept tokens in folded text.

A fragment is a small regular expression for one surface form of a concept ("kürz\\w*",
"(?:cut|trim) it down"). Thousands of them share one pass over the text: fragments are bucketed
by the characters they can start with, and at each word start only the bucket for that character
is tried. Within a bucket, fragments that need more characters come first, so at any position the
most specific form wins ("wouldn't hurt" before "wouldn't"). This keeps a 60-character message
at a few dozen regex attempts instead of one per fragment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

_COMBINING_MARK = re.compile(r"[\u0300-\u036f]")
_POSITIONS = re.compile(r"\w+")
_CAPTURING = re.compile(r"(?<!\\)\((?!\?)")
_ANY = None  # first-character set meaning "could start with anything"
_DIGITS = frozenset("0123456789")


class Token(NamedTuple):
    """One concept found in the text: ``concept`` is a lexicon key such as ``"neg"``.

    A named tuple rather than a dataclass: a message makes a dozen of these, and tuples are the
    cheapest immutable record to build."""

    concept: str
    start: int
    end: int
    text: str


def fold_pattern(fragment: str) -> str:
    """Fold a fragment like the text (casefold, no accents) without touching escapes (``\\W``)."""
    out: list[str] = []
    escaped = False
    for char in fragment:
        if escaped:
            out.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
            out.append(char)
            continue
        folded = char.casefold()
        if not folded.isascii():
            folded = _COMBINING_MARK.sub("", unicodedata.normalize("NFD", folded))
        out.append(folded)
    return "".join(out)


class _Shape:
    """First characters, and minimum length, of a small regex (the subset the lexicons use)."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def alternation(self) -> tuple[frozenset[str] | None, bool, int]:
        first, nullable, minimum = self.sequence()
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            f2, n2, m2 = self.sequence()
            first = None if first is _ANY or f2 is _ANY else first | f2
            nullable = nullable or n2
            minimum = min(minimum, m2)
        return first, nullable, minimum

    def sequence(self) -> tuple[frozenset[str] | None, bool, int]:
        first: frozenset[str] | None = frozenset()
        nullable, minimum = True, 0
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            f, n, m = self.atom()
            n, m = self.quantifier(n, m)
            if nullable:
                first = None if first is _ANY or f is _ANY else first | f
            nullable = nullable and n
            minimum += m
        return first, nullable, minimum

    def quantifier(self, nullable: bool, minimum: int) -> tuple[bool, int]:
        if self.i >= len(self.p):
            return nullable, minimum
        char = self.p[self.i]
        if char in "?*":
            self.i += 1
            nullable, minimum = True, 0
        elif char == "+":
            self.i += 1
        elif char == "{":
            close = self.p.index("}", self.i)
            low = self.p[self.i + 1 : close].split(",")[0] or "0"
            self.i = close + 1
            if int(low) == 0:
                nullable, minimum = True, 0
            else:
                minimum *= int(low)
        if self.i < len(self.p) and self.p[self.i] == "?":  # lazy
            self.i += 1
        return nullable, minimum

    def atom(self) -> tuple[frozenset[str] | None, bool, int]:
        char = self.p[self.i]
        if char == "(":
            self.i += 1
            lookaround = False
            if self.p.startswith("?:", self.i):
                self.i += 2
            elif self.p.startswith(("?=", "?!"), self.i):
                self.i += 2
                lookaround = True
            elif self.p.startswith(("?<=", "?<!"), self.i):
                self.i += 3
                lookaround = True
            first, nullable, minimum = self.alternation()
            self.i += 1  # ")"
            return (frozenset(), True, 0) if lookaround else (first, nullable, minimum)
        if char == "[":
            close = self.p.index("]", self.i + 2)
            body = self.p[self.i + 1 : close]
            self.i = close + 1
            if body.startswith("^") or "\\" in body or "-" in body.strip("-"):
                return _ANY, False, 1
            return frozenset(body), False, 1
        if char == "\\":
            code = self.p[self.i + 1]
            self.i += 2
            if code == "d":
                return _DIGITS, False, 1
            if code.isalpha():
                return _ANY, False, 1
            return frozenset(code), False, 1
        self.i += 1
        if char == ".":
            return _ANY, False, 1
        if char in "^$":
            return frozenset(), True, 0
        return frozenset(char), False, 1


def shape(pattern: str) -> tuple[frozenset[str] | None, int]:
    """(possible first characters or None for any, minimum match length) of ``pattern``."""
    parser = _Shape(pattern)
    first, nullable, minimum = parser.alternation()
    if parser.i != len(pattern):
        raise ValueError(f"unbalanced fragment {pattern!r}")
    return (_ANY if nullable else first), minimum


_LITERAL_STOP = frozenset("()[]|.^$\\?*+{")
_KEY = 3  # characters of literal prefix used to pick a bucket


def _matching_paren(pattern: str, open_at: int) -> int:
    depth, i = 0, open_at
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 2) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced fragment {pattern!r}")


def _split_alternatives(body: str) -> list[str]:
    parts, depth, last, i = [], 0, 0, 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = body.index("]", i + 2) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[last:i])
            last = i + 1
        i += 1
    parts.append(body[last:])
    return parts


def variants(pattern: str, depth: int = 0) -> list[str]:
    """``pattern`` with a leading ``(?:a|b)`` or ``(?:a)?`` group spelled out, so that each variant
    starts with literal text ("(?:a |an )?senior" -> "a senior", "an senior", "senior")."""
    if depth > 3 or not pattern.startswith("(?:"):
        return [pattern]
    close = _matching_paren(pattern, 0)
    body, rest = pattern[3:close], pattern[close + 1 :]
    optional = False
    if rest[:1] == "?":
        optional, rest = True, rest[1:]
    if rest[:1] in ("*", "+", "{", "?"):
        return [pattern]
    spelled = [alternative + rest for alternative in _split_alternatives(body)] + ([rest] if optional else [])
    if len(spelled) > 24 or any(not variant for variant in spelled):
        return [pattern]
    return [v for variant in spelled for v in variants(variant, depth + 1)]


def literal_prefix(pattern: str) -> str:
    """The literal characters ``pattern`` must start with, at most :data:`_KEY` of them."""
    out: list[str] = []
    for i, char in enumerate(pattern):
        if char in _LITERAL_STOP or len(out) == _KEY:
            break
        following = pattern[i + 1 : i + 2]
        if following in ("?", "*", "{"):
            break
        out.append(char)
        if following == "+":
            break
    return "".join(out)


class Tokenizer:
    """Find concept tokens, left to right, never overlapping, longest match first.

    Fragments are bucketed by up to three literal characters they must start with; at a word
    start only the buckets for the next one, two and three characters are tried, and the
    longest match among them wins.
    """

    def __init__(self, concepts: Mapping[str, Sequence[str]]) -> None:
        self._concept_of: list[str] = []
        levels: list[dict[str, list[tuple[int, int, str]]]] = [{}, {}, {}, {}]
        anywhere: list[tuple[int, int, str]] = []
        order = 0
        for concept, fragments in concepts.items():
            for fragment in fragments:
                folded = fold_pattern(fragment)
                try:
                    if _CAPTURING.search(folded):
                        raise ValueError("use (?:...) groups; capturing groups break token lookup")
                    spelled = variants(folded)
                    shapes = [shape(variant) for variant in spelled]
                except (ValueError, IndexError) as error:
                    raise ValueError(f"bad lexicon fragment {fragment!r} under {concept!r}: {error}") from None
                for variant, (first, minimum) in zip(spelled, shapes):
                    group = f"g{len(self._concept_of)}"
                    self._concept_of.append(concept)
                    entry = (-minimum, order, f"(?P<{group}>{variant})")
                    order += 1
                    prefix = literal_prefix(variant)
                    if prefix:
                        levels[len(prefix)].setdefault(prefix, []).append(entry)
                    elif first is _ANY:
                        anywhere.append(entry)
                    else:
                        for char in first:
                            levels[1].setdefault(char, []).append(entry)
        # Buckets are compiled on first use: a deployment meets a few hundred of the ~1,500
        # prefixes, and compiling all of them up front would dominate start-up.
        self._entries = [{}, *levels[1:]]
        self._one: dict[str, re.Pattern[str]] = {}
        self._two: dict[str, re.Pattern[str]] = {}
        self._three: dict[str, re.Pattern[str]] = {}
        self._compiled = [None, self._one, self._two, self._three]
        self._anywhere = self._compile(anywhere) if anywhere else None
        self._missing = object()
        self._patterns: dict[str, tuple[re.Pattern[str], ...]] = {}

    def _bucket(self, level: int, key: str) -> re.Pattern[str] | None:
        compiled = self._compiled[level]
        pattern = compiled.get(key, self._missing)
        if pattern is self._missing:
            entries = self._entries[level].get(key)
            pattern = compiled[key] = self._compile(entries) if entries else None
        return pattern

    def _patterns_for(self, key: str) -> tuple[re.Pattern[str], ...]:
        """The compiled buckets for the three, two and one first characters ``key`` starts with
        (and fragments that may start anywhere), cached per key: one lookup per word afterwards."""
        found = []
        for level, prefix in ((3, key), (2, key[:2]), (1, key[:1])):
            if len(prefix) == level:
                pattern = self._bucket(level, prefix)
                if pattern is not None:
                    found.append(pattern)
        if self._anywhere is not None:
            found.append(self._anywhere)
        patterns = self._patterns[key] = tuple(found)
        return patterns

    def compile_all(self) -> None:
        """Compile every bucket now (to check a lexicon, or to move the cost to start-up)."""
        for level in (1, 2, 3):
            for key in self._entries[level]:
                self._bucket(level, key)

    @staticmethod
    def _compile(entries: list[tuple[int, int, str]]) -> re.Pattern[str]:
        # Longest minimum first; ties keep lexicon order. Every fragment must end at a word end.
        ordered = sorted(entries)
        try:
            return re.compile("(?:" + "|".join(pattern for _, _, pattern in ordered) + ")(?!\\w)")
        except re.error:
            for _, _, pattern in ordered:  # name the culprit; compiling each is slow, so only on error
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise ValueError(f"bad lexicon fragment {pattern!r}: {error}") from None
            raise

    def tokens(self, text: str, extra: Iterable[Token] = (), starts: Iterable[int] | None = None) -> list[Token]:
        """Tokens in ``text`` (already folded), merged in order with ``extra`` ones.

        ``starts`` are the word start offsets when the caller already has them.
        """
        found: list[Token] = []
        last_end = 0
        concept_of, patterns_for = self._concept_of, self._patterns
        if starts is None:
            starts = [position.start() for position in _POSITIONS.finditer(text)]
        for start in starts:
            if start < last_end:
                continue
            key = text[start : start + 3]
            patterns = patterns_for.get(key)
            if patterns is None:
                patterns = self._patterns_for(key)
            if not patterns:  # most words start no fragment at all
                continue
            match = None
            for pattern in patterns:  # the longest match among the buckets wins
                candidate = pattern.match(text, start)
                if candidate is not None and (match is None or candidate.end() > match.end()):
                    match = candidate
            if match is None:
                continue
            concept = concept_of[int(match.lastgroup[1:])]
            found.append(Token(concept, start, match.end(), match.group()))
            last_end = match.end()
        extra = list(extra)
        if extra:
            found = sorted([*found, *extra], key=lambda token: token.start)
        return found
