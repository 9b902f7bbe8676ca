"""The record of one simulated user's run: what was asked, answered, done, and believed.

Plain dataclasses, written by :mod:`.runner` and read by :mod:`.metrics`. ``applied`` and
``beliefs`` come from beliefloop (the response header and the admin API) and are used for
scoring only; the simulated user never sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Step:
    """One interaction: one request, its reply, and the user's reaction to that reply."""

    index: int
    """1-based interaction number within the run."""
    conversation: int
    context: str
    topic: str
    at: float
    """Simulated clock at the request, Unix seconds."""
    response_id: str | None
    applied: dict[str, str]
    """Beliefs applied to this reply, from ``x-beliefloop-applied`` (scoring only)."""
    wants: dict[str, str]
    """The persona's truth at this interaction, in this context."""
    unmet: dict[str, str]
    """Wants the reply missed, as the user saw it."""
    action: str
    intended: dict[str, str]
    noisy: bool
    sent: bool
    """Whether the reaction reached beliefloop (False when the conversation or run ended)."""
    rating: str | None = None
    rating_intended: dict[str, str] = field(default_factory=dict)
    rating_noisy: bool = False
    comment: str | None = None
    choice_intended: dict[str, str] = field(default_factory=dict)
    """For a regenerated reply the user kept: the wants it met that the rejected one missed."""
    beliefs: list[dict[str, Any]] = field(default_factory=list)
    """``GET /admin/users/{user}/beliefs`` after this interaction (scoring only)."""


@dataclass
class Run:
    """One persona, one seed, one noise level, personalised or not."""

    persona: str
    seed: int
    noise: float
    personalised: bool
    n: int
    steps: list[Step] = field(default_factory=list)
    observations: list[dict[str, Any]] = field(default_factory=list)
    """``GET /admin/users/{user}/observations`` at the end (signal audit only)."""


__all__ = ["Run", "Step"]
