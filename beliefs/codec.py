"""JSON forms of the shared records, in one place.

The database rows, the spool file, the admin and ``/v1/me`` APIs and the user export all read
and write these shapes; keeping the conversions here means a field added to a record is added to
every form at once.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Mapping

from .learning.selfmodel import EvidenceIncrement
from .records import Belief, BeliefView, EvidenceDelta, Observation, ResponseRecord

JSON = dict[str, Any]


def delta_json(delta: EvidenceDelta, digits: int | None = None) -> JSON:
    weight = round(delta.weight, digits) if digits is not None else delta.weight
    return {"dimension": delta.dimension, "value": delta.value, "weight": weight, "source": delta.source}


def delta_from(data: Mapping[str, Any]) -> EvidenceDelta:
    return EvidenceDelta(data["dimension"], data["value"], float(data["weight"]), data.get("source", "implicit"))


def view_json(view: BeliefView) -> JSON:
    return {"dimension": view.dimension, "value": view.value, "confidence": view.confidence}


def view_from(data: Mapping[str, Any]) -> BeliefView:
    return BeliefView(data["dimension"], data["value"], float(data["confidence"]))


def belief_json(belief: Belief, digits: int | None = 4) -> JSON:
    """A belief as the APIs show it (confidence rounded to ``digits``)."""
    confidence = round(belief.confidence, digits) if digits is not None else belief.confidence
    return {"dimension": belief.dimension, "value": belief.value, "confidence": confidence,
            "evidence": belief.evidence, "context": belief.context, "source": belief.source,
            "pinned": belief.pinned, "updated_at": belief.updated_at}


def observation_json(observation: Observation, digits: int | None = None) -> JSON:
    return {
        "id": observation.id, "tenant": observation.tenant, "user_id": observation.user_id,
        "context": observation.context, "kind": observation.kind,
        "response_id": observation.response_id, "features": dict(observation.features),
        "deltas": [delta_json(d, digits) for d in observation.deltas],
        "created_at": observation.created_at,
    }


def observation_from(data: Mapping[str, Any]) -> Observation:
    return Observation(
        id=data["id"], tenant=data["tenant"], user_id=data["user_id"], context=data["context"],
        kind=data["kind"], response_id=data.get("response_id"), features=data.get("features") or {},
        deltas=tuple(delta_from(d) for d in data.get("deltas") or ()), created_at=data["created_at"],
    )


def response_json(record: ResponseRecord) -> JSON:
    return {
        "id": record.id, "tenant": record.tenant, "user_id": record.user_id, "context": record.context,
        "prefix_hash": record.prefix_hash, "model": record.model, "created_at": record.created_at,
        "applied": [view_json(a) for a in record.applied], "directives": list(record.directives),
        "text": record.text, "text_hash": record.text_hash, "completion_id": record.completion_id,
        "complete": record.complete, "arm": record.arm, "outcome": record.outcome,
    }


def response_from(data: Mapping[str, Any]) -> ResponseRecord:
    return ResponseRecord(
        id=data["id"], tenant=data["tenant"], user_id=data["user_id"], context=data["context"],
        prefix_hash=data["prefix_hash"], model=data["model"], created_at=data["created_at"],
        applied=tuple(view_from(a) for a in data.get("applied") or ()),
        directives=tuple(data.get("directives") or ()), text=data.get("text"),
        text_hash=data.get("text_hash"), completion_id=data.get("completion_id"),
        complete=bool(data.get("complete", True)), arm=data.get("arm"), outcome=data.get("outcome"),
    )


def increment_json(increment: EvidenceIncrement) -> JSON:
    return asdict(increment)


def increment_from(data: Mapping[str, Any]) -> EvidenceIncrement:
    return EvidenceIncrement(**data)


__all__ = [
    "belief_json", "delta_from", "delta_json", "increment_from", "increment_json", "observation_from",
    "observation_json", "response_from", "response_json", "view_from", "view_json",
]
