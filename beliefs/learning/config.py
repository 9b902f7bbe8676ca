"""How signals become beliefs, as one value the service is built with (and swapped on reload)."""

from __future__ import annotations

from dataclasses import dataclass

from .confidence import ConfidenceModel
from .evidence import SignalWeights


@dataclass(frozen=True)
class LearningConfig:
    """Confidence constants, signal weights and the time windows of signal detection (seconds)."""

    confidence: ConfidenceModel = ConfidenceModel()
    weights: SignalWeights = SignalWeights()
    #: The same prefix sent again within this window is a regeneration.
    regeneration_window_s: float = 600.0
    #: How far back responses are kept in memory for matching edits and regenerations.
    recent_horizon_s: float = 7 * 86_400.0
    #: At most this many recent responses per user are kept in memory.
    recent_limit: int = 64


__all__ = ["LearningConfig"]
