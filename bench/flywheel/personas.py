"""Simulated users' hidden ground truth: what each persona wants, per context and over time.

A persona states a value for some of the core dimensions and has no preference on the rest.
Some want different things in different contexts (sent as ``X-BeliefLoop-Context``); some change
their mind halfway through (drift). Only the simulated user and the scorer read this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

DIMENSIONS = ("length", "format", "tone", "preamble", "emoji", "language", "expertise", "code")
#: No ``X-BeliefLoop-Context`` header: beliefloop's global context.
GLOBAL = "*"


@dataclass(frozen=True)
class Drift:
    """From interaction ``round(at * n)`` on (1-based), ``dimension`` is wanted as ``value``."""

    dimension: str
    value: str
    at: float = 0.5


@dataclass(frozen=True)
class Persona:
    name: str
    about: str
    truth: Mapping[str, str] = field(default_factory=dict)
    """Preferences in every context (dimension -> value); absent dimensions: no preference."""
    by_context: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Context -> extra preferences there. A persona with contexts only ever sends those."""
    drift: Drift | None = None

    @property
    def contexts(self) -> tuple[str, ...]:
        return tuple(self.by_context) or (GLOBAL,)

    def flip_at(self, n: int) -> int | None:
        """The first interaction (1-based) of a run of ``n`` that wants the drifted value."""
        return None if self.drift is None else max(1, round(self.drift.at * n))

    def truth_at(self, interaction: int, n: int, context: str) -> dict[str, str]:
        """What the persona wants at ``interaction`` (1-based) of ``n`` in ``context``."""
        wants = {**self.truth, **self.by_context.get(context, {})}
        flip = self.flip_at(n)
        if self.drift is not None and flip is not None and interaction >= flip:
            wants[self.drift.dimension] = self.drift.value
        return wants


PERSONAS: tuple[Persona, ...] = (
    Persona("terse-engineer", "short expert answers, no greeting, no emoji",
            {"length": "concise", "preamble": "skip", "emoji": "avoid", "expertise": "expert"}),
    Persona("prose-writer", "paragraphs not bullets, no emoji, formal register",
            {"format": "prose", "emoji": "avoid", "tone": "formal"}),
    Persona("german-reader", "reads German, no greeting",
            {"language": "de", "preamble": "skip"}),
    Persona("spanish-learner", "Spanish, detailed, wants the basics, no code",
            {"language": "es", "length": "detailed", "expertise": "beginner", "code": "omit"}),
    Persona("casual-chatter", "relaxed tone, likes emoji, prose",
            {"tone": "casual", "emoji": "use", "format": "prose"}),
    Persona("no-code-manager", "no code, short, prose",
            {"code": "omit", "length": "concise", "format": "prose"}),
    Persona("minimalist", "short prose, no greeting, no emoji, no code",
            {"length": "concise", "format": "prose", "preamble": "skip", "emoji": "avoid", "code": "omit"}),
    Persona("expert-researcher", "expert, prose, formal",
            {"expertise": "expert", "format": "prose", "tone": "formal"}),
    Persona("easygoing", "no preference on anything"),
    Persona("work-vs-learning", "concise expert at work, detailed with basics when learning; never emoji",
            {"emoji": "avoid"},
            by_context={"work": {"length": "concise", "expertise": "expert"},
                        "learning": {"length": "detailed", "expertise": "beginner"}}),
    Persona("office-vs-chat", "formal prose at work, casual lists in chat; never a greeting",
            {"preamble": "skip"},
            by_context={"work": {"format": "prose", "tone": "formal"},
                        "chat": {"format": "lists", "tone": "casual"}}),
    Persona("drifting-length", "concise, then wants detail; never emoji",
            {"length": "concise", "emoji": "avoid"}, drift=Drift("length", "detailed")),
    Persona("drifting-language", "German prose, then switches to Spanish",
            {"language": "de", "format": "prose"}, drift=Drift("language", "es")),
    Persona("drifting-format", "prose without greeting, then wants lists",
            {"format": "prose", "preamble": "skip"}, drift=Drift("format", "lists")),
)

#: The small configuration the regression test runs: edits, translation, contexts and drift.
QUICK_PERSONAS = ("terse-engineer", "german-reader", "work-vs-learning", "drifting-length")

PERSONA_BY_NAME: Mapping[str, Persona] = {p.name: p for p in PERSONAS}

__all__ = ["DIMENSIONS", "Drift", "GLOBAL", "PERSONAS", "PERSONA_BY_NAME", "Persona", "QUICK_PERSONAS"]
