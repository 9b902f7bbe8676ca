"""The signals a request can carry, each with its own typed payload.

:func:`beliefs.learning.detect.read_signals` finds them by comparing a request with the responses
the user was given; :func:`beliefs.learning.evidence.observe` turns each into an observation with
evidence deltas. ``features()`` is what is stored in the observation for audits and exports.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from beliefs.records import Outcome, ResponseRecord, SignalKind

from .edits import EditFeatures
from .interpret import Stance

#: (dimension, value, strength in (0, 1]) as read from text.
TextEvidence = tuple[str, str, float]


def _rounded(features: EditFeatures) -> dict[str, Any]:
    """Edit features as JSON-ready data, floats rounded for readable traces."""
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(features).items()}


@dataclass(frozen=True)
class Edit:
    """The history holds a reply the user changed before sending it back."""

    kind: ClassVar[SignalKind] = "edit"
    outcome: ClassVar[Outcome] = "edited"
    response: ResponseRecord
    evidence: tuple[TextEvidence, ...]
    diff: EditFeatures
    edited_text: str
    #: The cheap hints say the languages may differ: detect both off the hot path.
    language_check: bool

    def features(self) -> dict[str, Any]:
        # The edited text is kept (as long as the response text is) for preference exports.
        return {**_rounded(self.diff), "edited_text": self.edited_text}


@dataclass(frozen=True)
class Choice:
    """Of several regenerated candidates, the user continued with ``response``."""

    kind: ClassVar[SignalKind] = "regeneration"
    outcome: ClassVar[Outcome] = "kept"
    response: ResponseRecord
    evidence: tuple[TextEvidence, ...]
    rejected_id: str
    #: The kept candidate was the newest: mostly not a choice (the user took what came).
    newest: bool

    def features(self) -> dict[str, Any]:
        return {"choice": True, "rejected_id": self.rejected_id, "newest": self.newest}


@dataclass(frozen=True)
class Regeneration:
    """The same prefix was sent again: the user rejected ``response``."""

    kind: ClassVar[SignalKind] = "regeneration"
    outcome: ClassVar[Outcome] = "regenerated"
    response: ResponseRecord

    def features(self) -> dict[str, Any]:
        return {"rejected": True}


@dataclass(frozen=True)
class FollowUp:
    """A user message asking for a change after ``response`` (None: an answer beliefloop did not
    record, or no answer at all), or stating a lasting wish or something about the user."""

    kind: ClassVar[SignalKind] = "follow_up"
    response: ResponseRecord | None
    evidence: tuple[TextEvidence, ...]
    message_index: int
    #: "request" (a correction), "standing" (from now on...) or "self" (I'm new to...).
    stance: Stance = "request"

    @property
    def outcome(self) -> Outcome | None:
        return "followed_up" if self.response is not None else None

    def features(self) -> dict[str, Any]:
        return {"message_index": self.message_index, "stance": self.stance}


@dataclass(frozen=True)
class Complaint:
    """The user was dissatisfied with ``response`` without saying what to change: an unexplained
    rejection (like a regeneration), never acceptance."""

    kind: ClassVar[SignalKind] = "follow_up"
    outcome: ClassVar[Outcome] = "followed_up"
    response: ResponseRecord
    message_index: int

    def features(self) -> dict[str, Any]:
        return {"message_index": self.message_index, "stance": "complaint"}


@dataclass(frozen=True)
class Acceptance:
    """The user went on with ``response`` as it was."""

    kind: ClassVar[SignalKind] = "acceptance"
    outcome: ClassVar[Outcome] = "accepted"
    response: ResponseRecord

    def features(self) -> dict[str, Any]:
        return {}


Signal = Edit | Choice | Regeneration | FollowUp | Complaint | Acceptance

__all__ = ["Acceptance", "Choice", "Complaint", "Edit", "FollowUp", "Regeneration", "Signal", "TextEvidence"]
