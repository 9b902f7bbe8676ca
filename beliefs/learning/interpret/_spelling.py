"""Second reading for typos: "shoter pls", "more detials", "no emjois".

When a message yields nothing, each longer word that is not a lexicon word is compared with the
lexicon's plain words for one dropped letter, one extra letter, or two swapped neighbours (the
commonest typing slips). Substituted letters are not tried: they turn real words into other real
words ("normal" -> "formal"). A message is re-read only if some word was corrected, so the cost
falls on messages that found nothing, and stays a few set lookups per word.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

_PLAIN_WORD = re.compile(r"[a-z]+")
_OPTIONAL_S = re.compile(r"([a-z]+)s\?")
_MIN_KEY = 5  # shorter words have too many neighbours to correct safely
# Words of at least five letters; shorter ones have too many neighbours to correct safely.
_LONG_WORD = re.compile(r"[a-z]{5,}")
_PLACEHOLDERS = frozenset({"qtext", "qopener"})


class Speller:
    """Corrects single slips against the plain words of the lexicons."""

    def __init__(self, fragments: Iterable[str]) -> None:
        words: set[str] = set()
        for fragment in fragments:
            plural = _OPTIONAL_S.fullmatch(fragment)  # "details?" spells "detail" and "details"
            for word in ((plural.group(1), plural.group(1) + "s") if plural else (fragment,)):
                if _PLAIN_WORD.fullmatch(word) and len(word) >= _MIN_KEY:
                    words.add(word)
        self._words = frozenset(words)
        dropped: dict[str, set[str]] = {}
        for word in words:
            # A dropped last letter is left out: it is how languages inflect ("kurze"/"kurzes").
            for i in range(1, len(word) - 1):
                dropped.setdefault(word[:i] + word[i + 1 :], set()).add(word)
        # "shoter" is "shorter" with a letter dropped; keep only unambiguous repairs.
        self._dropped = {typo: next(iter(keys)) for typo, keys in dropped.items()
                         if len(keys) == 1 and typo not in words}
        # (first letter, last letter, length) of every word one extra letter or one swap away from a
        # lexicon word: a cheap test that spares most words the string building in ``_fix``.
        self._extra_shapes = frozenset((word[0], word[-1], len(word) + 1) for word in words)
        self._swap_shapes = frozenset(
            shape for word in words for shape in (
                (word[0], word[-1], len(word)), (word[1], word[-1], len(word)), (word[0], word[-2], len(word)),
            )
        )

    def correct(self, folded: str, known: Collection[str] = ()) -> str | None:
        """``folded`` with slips repaired, or None when no word needed it. ``known`` words are
        left as they are (the lexicons already read them)."""
        changed = False

        def repair(match: re.Match[str]) -> str:
            nonlocal changed
            word = match.group()
            if word in self._words or word in _PLACEHOLDERS or word in known:
                return word
            fixed = self._fix(word)
            if fixed is None:
                return word
            changed = True
            return fixed

        repaired = _LONG_WORD.sub(repair, folded)
        return repaired if changed else None

    def _fix(self, word: str) -> str | None:
        candidates = set()
        if word in self._dropped:
            candidates.add(self._dropped[word])
        words = self._words
        shape = (word[0], word[-1], len(word))
        if shape in self._extra_shapes:
            for i in range(1, len(word) - 1):  # not the first or last letter: those inflect ("kurzes")
                shorter = word[:i] + word[i + 1 :]  # an extra letter typed: "begginer"
                if shorter in words:
                    candidates.add(shorter)
        if shape in self._swap_shapes:
            for i in range(len(word) - 1):
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # neighbours swapped: "detials"
                if swapped in words:
                    candidates.add(swapped)
        return candidates.pop() if len(candidates) == 1 else None
