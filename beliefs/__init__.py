"""The self-model: what is believed about each user, how signals change it, and where it is kept.

Rooms, by who they serve:

* :mod:`beliefs.learning` — pure: reading signals from requests, interpreting them as evidence,
  confidence math and the in-memory self-model.
* :mod:`beliefs.memory` — storage and the per-process service the hot path calls: cache, write
  path, spool, migrations.
* :mod:`beliefs.insights` — offline analytics for operators: exports, flywheel metrics, belief
  history and dashboard aggregates.

Shared vocabulary lives here: :mod:`beliefs.dimensions` (the closed values a belief may take) and
:mod:`beliefs.records` (beliefs, observations, response records, profiles).
"""

from .dimensions import CORE_DIMENSIONS, Dimension, DimensionRegistry, InvalidBeliefValue
from .records import GLOBAL_CONTEXT, Belief, EvidenceDelta, Observation, ResponseRecord, UserProfile

__all__ = [
    "Belief", "CORE_DIMENSIONS", "Dimension", "DimensionRegistry", "EvidenceDelta", "GLOBAL_CONTEXT",
    "InvalidBeliefValue", "Observation", "ResponseRecord", "UserProfile",
]
