"""How signals become beliefs, as one value the service is built with (and swapped on reload)."""

from __future__ import annotations

from dataclasses import dataclass

from .confidence import ConfidenceModel
from .evidence import SignalWeights


@dataclass(frozen=True)
class PopulationConfig:
    """The per-tenant population prior (README "How learning works").

    ``strength``: pseudo-users (half for each side) the population share is shrunk with, so a
    tenant with few confident users gives a weak prior. ``max_log_odds``: the most the prior is
    worth, in log-odds (1.0 is about one full signal). ``history``: divide the prior for a value by ``1 +``
    the user's observations on the dimension's other values. ``refresh_s``: how old (service
    clock) a tenant's snapshot may get before it is recomputed from the store, off the hot path.
    """

    enabled: bool = False
    strength: float = 4.0
    max_log_odds: float = 1.0
    refresh_s: float = 600.0
    history: bool = True


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
    population: PopulationConfig = PopulationConfig()


__all__ = ["LearningConfig", "PopulationConfig"]
