"""The self-model: beliefs, the signals that change them, confidence math and storage."""

from .confidence import ConfidenceModel, Posterior
from .dimensions import CORE_DIMENSIONS, Dimension, DimensionRegistry, InvalidBeliefValue
from .model import Belief, EvidenceDelta, Observation, ResponseRecord, SelfModel
from .service import LearningConfig, SelfModelService, UnknownResponse
from .store import Store

__all__ = [
    "Belief", "CORE_DIMENSIONS", "ConfidenceModel", "Dimension", "DimensionRegistry",
    "EvidenceDelta", "InvalidBeliefValue", "LearningConfig", "Observation", "Posterior",
    "ResponseRecord", "SelfModel", "SelfModelService", "Store", "UnknownResponse",
]
