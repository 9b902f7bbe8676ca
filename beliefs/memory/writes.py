"""The writes that follow requests, as typed values, and their one-line JSON form in the journal.

Three kinds of write come from serving: a response record (what was returned), an observation
with its evidence increments (a signal), and a response's outcome. Each is appended to the
journal before the server acknowledges it and applied to the database later, in batches
(:mod:`beliefs.memory.write_behind`). Applying one twice is harmless (observation ids and response
ids are primary keys; an outcome is set once), and the journal's checkpoint makes replay after a
crash apply each exactly once anyway.

The JSON shapes are those of the spool files of earlier versions, so their leftovers replay too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

import orjson

from beliefs.codec import (
    increment_from,
    increment_json,
    observation_from,
    observation_json,
    response_from,
    response_json,
)
from beliefs.learning.selfmodel import EvidenceIncrement
from beliefs.records import Observation, Outcome, ResponseRecord

from .store import Conversation

UserKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class SaveResponse:
    """Insert a response record (with the client's conversation, kept for exports)."""

    record: ResponseRecord
    conversation: Conversation | None = None

    @property
    def key(self) -> UserKey:
        return (self.record.tenant, self.record.user_id)


@dataclass(frozen=True, slots=True)
class RecordObservation:
    """Append an observation and add its evidence increments (atomically, once)."""

    observation: Observation
    increments: tuple[EvidenceIncrement, ...]

    @property
    def key(self) -> UserKey:
        return (self.observation.tenant, self.observation.user_id)


@dataclass(frozen=True, slots=True)
class MarkResponse:
    """Set a response's outcome (once; "regenerated" may later become what the user did)."""

    response_id: str
    outcome: Outcome
    #: Whose response it is (None only in spool files of earlier versions).
    tenant: str | None = None
    user_id: str | None = None

    @property
    def key(self) -> UserKey | None:
        return (self.tenant, self.user_id) if self.tenant is not None and self.user_id is not None else None


Write = Union[SaveResponse, RecordObservation, MarkResponse]


def encode(write: Write) -> dict[str, Any]:
    """The JSON form of a write (one journal line, without its sequence number)."""
    if isinstance(write, RecordObservation):
        return {"op": "record_observation", "observation": observation_json(write.observation),
                "increments": [increment_json(i) for i in write.increments]}
    if isinstance(write, SaveResponse):
        return {"op": "save_response", "record": response_json(write.record), "conversation": write.conversation}
    if isinstance(write, MarkResponse):
        return {"op": "mark_response", "response_id": write.response_id, "outcome": write.outcome,
                "tenant": write.tenant, "user_id": write.user_id}
    raise TypeError(f"not a write: {write!r}")


def decode(data: dict[str, Any]) -> Write:
    op = data["op"]
    if op == "record_observation":
        return RecordObservation(observation_from(data["observation"]),
                                 tuple(increment_from(i) for i in data["increments"]))
    if op == "save_response":
        return SaveResponse(response_from(data["record"]), data.get("conversation"))
    if op == "mark_response":
        return MarkResponse(data["response_id"], data["outcome"], data.get("tenant"), data.get("user_id"))
    raise ValueError(f"unknown write {op!r}")


def encode_line(seq: int, write: Write) -> bytes:
    return orjson.dumps({"seq": seq, **encode(write)}) + b"\n"


def decode_line(line: bytes) -> tuple[int | None, Write]:
    """(sequence number, write); the number is None in spool files of earlier versions."""
    data = orjson.loads(line)
    return data.get("seq"), decode(data)


__all__ = ["MarkResponse", "RecordObservation", "SaveResponse", "UserKey", "Write", "decode", "decode_line",
           "encode", "encode_line"]
