"""The simulated user: knows only its own taste and the reply's text, and reacts like a person.

After each reply it checks the text against what it wants (:mod:`beliefs.insights.perception`). If the reply
misses, it edits it before continuing, writes a short correction, regenerates, or shrugs and
continues; now and then it rates the reply. With probability ``noise`` it acts against its own
taste instead (a misclick, a mood, a colleague at the keyboard). It never sees beliefloop's
beliefs, headers or admin API; everything it decides comes from ``wants``, the text and its rng.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal, Mapping

from beliefs.insights.perception import read, satisfies

from .fake_llm import NON_DEFAULT
from .personas import DIMENSIONS
from .phrasing import Phrasebook
from .rewrite import edit_toward

Action = Literal["accept", "tolerate", "edit", "follow_up", "regenerate"]

#: The other value of each binary dimension; language is handled apart.
_OPPOSITE = {
    ("length", "concise"): "detailed", ("length", "detailed"): "concise",
    ("format", "prose"): "lists", ("format", "lists"): "prose",
    ("tone", "formal"): "casual", ("tone", "casual"): "formal",
    ("preamble", "skip"): "keep", ("preamble", "keep"): "skip",
    ("emoji", "avoid"): "use", ("emoji", "use"): "avoid",
    ("expertise", "expert"): "beginner", ("expertise", "beginner"): "expert",
    ("code", "omit"): "include", ("code", "include"): "omit",
}


@dataclass(frozen=True)
class Rates:
    """How the user behaves, as probabilities in [0, 1].

    On a reply that misses its taste the user edits (``edit``), asks for a change
    (``follow_up``), regenerates (``regenerate``) or otherwise continues anyway; the first three
    must sum to at most 1. ``thumbs`` is the chance of rating any reply, ``comment`` the chance a
    thumbs-down carries a comment, ``noise`` the chance of acting against its own taste.
    """

    edit: float = 0.35
    follow_up: float = 0.30
    regenerate: float = 0.10
    thumbs: float = 0.25
    comment: float = 0.5
    noise: float = 0.10


@dataclass(frozen=True)
class Reaction:
    """What the user does next in the conversation."""

    action: Action
    kept_text: str
    """The assistant text the next request carries: as received, or as the user edited it."""
    message: str | None = None
    """The correction, for ``follow_up``."""
    intended: Mapping[str, str] = field(default_factory=dict)
    """What the action means (dimension -> value): the edits made, the change asked for, or the
    unmet wants behind a regeneration."""
    noisy: bool = False


@dataclass(frozen=True)
class Rating:
    """Thumbs on one reply, with an optional comment."""

    rating: Literal["up", "down"]
    comment: str | None = None
    intended: Mapping[str, str] = field(default_factory=dict)
    """For a thumbs-down: what the reply got wrong (or, when noisy, the contrary want)."""
    noisy: bool = False


@dataclass(frozen=True)
class Turn:
    reaction: Reaction
    rating: Rating | None
    unmet: Mapping[str, str]
    """The wants the reply failed (dimension -> wanted value)."""


class SimulatedUser:
    def __init__(self, rates: Rates, rng: random.Random, phrasebook: Phrasebook, language: str = "en") -> None:
        self.rates = rates
        self.rng = rng
        self.phrasebook = phrasebook
        #: The language the user writes its corrections and comments in.
        self.language = language

    def _say(self, wants: list[tuple[str, str]]) -> str:
        return self.phrasebook.correction(wants, self.rng, self.language)

    def unmet(self, text: str, wants: Mapping[str, str], technical: bool) -> dict[str, str]:
        reading = read(text)
        return {d: v for d, v in wants.items() if not satisfies(reading, d, v, technical)}

    def improved(self, before: str, after: str, wants: Mapping[str, str], technical: bool) -> dict[str, str]:
        """Wants that ``after`` meets and ``before`` missed (why one candidate beat another)."""
        missed = self.unmet(before, wants, technical)
        still = self.unmet(after, wants, technical)
        return {d: v for d, v in missed.items() if d not in still}

    def react(self, text: str, wants: Mapping[str, str], technical: bool, *,
              may_regenerate: bool = True) -> Turn:
        unmet = self.unmet(text, wants, technical)
        if self.rng.random() < self.rates.noise:
            return self._contrary(text, wants, unmet, may_regenerate)
        return Turn(self._react(text, unmet, may_regenerate), self._rate(unmet), unmet)

    def _react(self, text: str, unmet: dict[str, str], may_regenerate: bool) -> Reaction:
        if not unmet:
            return Reaction("accept", text)
        rates, draw = self.rates, self.rng.random()
        if draw < rates.edit:
            edited, changed = edit_toward(text, unmet)
            if changed:
                return Reaction("edit", edited, intended=changed)
            return self._ask(text, unmet)  # nothing to cut: wanting *more* is said, not edited
        if draw < rates.edit + rates.follow_up:
            return self._ask(text, unmet)
        if draw < rates.edit + rates.follow_up + rates.regenerate and may_regenerate:
            return Reaction("regenerate", text, intended=dict(unmet))
        return Reaction("tolerate", text)

    def _ask(self, text: str, unmet: Mapping[str, str]) -> Reaction:
        dims = sorted(unmet)
        chosen = self.rng.sample(dims, min(len(dims), self.rng.choice((1, 2))))
        wants = {d: unmet[d] for d in sorted(chosen)}
        return Reaction("follow_up", text, message=self._say(list(wants.items())),
                        intended=wants)

    def _rate(self, unmet: Mapping[str, str]) -> Rating | None:
        if self.rng.random() >= self.rates.thumbs:
            return None
        if not unmet:
            return Rating("up")
        comment = None
        if self.rng.random() < self.rates.comment:
            dimension = self.rng.choice(sorted(unmet))
            comment = self._say([(dimension, unmet[dimension])])
        return Rating("down", comment, intended=dict(unmet))

    def _contrary(self, text: str, wants: Mapping[str, str], unmet: dict[str, str],
                  may_regenerate: bool) -> Turn:
        """Act against the persona's taste on one dimension, through one random channel."""
        if wants:
            dimension = self.rng.choice(sorted(wants))
            value = _opposite(dimension, wants[dimension])
        else:  # no taste to go against: ask for some non-default style instead
            dimension = self.rng.choice(DIMENSIONS)
            value = NON_DEFAULT.get(dimension, "de")
        contrary = {dimension: value}
        channel = self.rng.choice(("edit", "follow_up", "rating", "regenerate"))
        if channel == "edit":
            edited, changed = edit_toward(text, contrary)
            if changed:
                return Turn(Reaction("edit", edited, intended=changed, noisy=True), None, unmet)
        if channel == "regenerate" and may_regenerate:
            return Turn(Reaction("regenerate", text, noisy=True), None, unmet)
        if channel == "rating":
            carry_on = Reaction("tolerate" if unmet else "accept", text)
            rating = Rating("down", self._say([(dimension, value)]), contrary, noisy=True)
            return Turn(carry_on, rating, unmet)
        return Turn(Reaction("follow_up", text, message=self._say([(dimension, value)]),
                             intended=contrary, noisy=True), None, unmet)


def _opposite(dimension: str, value: str) -> str:
    if dimension == "language":
        return "en" if value != "en" else "de"
    return _OPPOSITE[(dimension, value)]


__all__ = ["Action", "Rates", "Rating", "Reaction", "SimulatedUser", "Turn"]
