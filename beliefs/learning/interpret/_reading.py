"""What a reading of one user message is, and the interface every interpreter satisfies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

#: How the message relates to the assistant's answers.
#:
#: - ``request``: a correction of the last answer ("shorter please").
#: - ``standing``: an explicit lasting instruction ("from now on…", "always…", "never…").
#: - ``self``: a self-description that implies a preference ("I'm new to Python").
#: - ``complaint``: dissatisfaction with the answer that names no mappable dimension ("that's wrong").
#: - ``none``: nothing actionable (thanks, a new question, a one-off task, a negated wish).
Stance = Literal["request", "standing", "self", "complaint", "none"]

#: (dimension, value, strength in (0, 1]).
Evidence = tuple[str, str, float]


@dataclass(frozen=True)
class Reading:
    """The preferences one message expresses, and how it expresses them."""

    evidence: tuple[Evidence, ...] = ()
    """(dimension, value, strength in (0, 1]) in order of first mention; at most one value per dimension."""

    stance: Stance = "none"
    """``none`` or ``complaint`` whenever ``evidence`` is empty; one of the other three otherwise."""

    def as_dict(self) -> dict[str, str]:
        """dimension -> value, for callers that do not need strengths."""
        return {dimension: value for dimension, value, _ in self.evidence}


@runtime_checkable
class Interpreter(Protocol):
    def read(self, text: str) -> Reading:
        """Interpret one user message; must not raise on any string and must not do I/O."""
        ...
