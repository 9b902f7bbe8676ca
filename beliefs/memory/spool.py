"""A local append-only spool for store writes that could not reach the database.

When the database is down or unreachable, writes (observations, response records, outcomes) are
appended here as JSON lines and replayed in order once it is back. Replay is safe to repeat:
observation ids are idempotency keys and response records are upserts, so nothing is applied twice.
Each process owns one file, held with an exclusive ``flock``; a file whose lock can be taken
belongs to a process that died and is adopted and replayed by the next one to look.
"""

from __future__ import annotations

import fcntl
import os
import uuid
from pathlib import Path
from typing import Any, Iterator

import orjson

from beliefs.codec import (
    increment_from,
    increment_json,
    observation_from,
    observation_json,
    response_from,
    response_json,
)

Operation = tuple[str, tuple[Any, ...]]


def encode(op: str, args: tuple[Any, ...]) -> bytes:
    """One spool line for a store write."""
    if op == "record_observation":
        observation, increments = args
        payload: dict[str, Any] = {"observation": observation_json(observation),
                                   "increments": [increment_json(i) for i in increments]}
    elif op == "save_response":
        record, *rest = args
        payload = {"record": response_json(record), "conversation": rest[0] if rest else None}
    elif op == "mark_response":
        payload = {"response_id": args[0], "outcome": args[1]}
    else:
        raise ValueError(f"operation {op!r} cannot be spooled")
    return orjson.dumps({"op": op, **payload}) + b"\n"


def decode(line: bytes) -> Operation:
    data = orjson.loads(line)
    op = data["op"]
    if op == "record_observation":
        return op, (observation_from(data["observation"]), [increment_from(i) for i in data["increments"]])
    if op == "save_response":
        return op, (response_from(data["record"]), data.get("conversation"))
    if op == "mark_response":
        return op, (data["response_id"], data["outcome"])
    raise ValueError(f"unknown spooled operation {op!r}")


class Spool:
    """This process's spool file in ``directory`` (created on first append)."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.path = self.directory / f"spool-{os.getpid()}-{uuid.uuid4().hex[:8]}.jsonl"
        self._file: Any = None
        self.depth = 0

    def _open(self) -> Any:
        if self._file is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "ab")
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return self._file

    def append(self, op: str, args: tuple[Any, ...]) -> None:
        """Append and fsync: once this returns, the write survives a crash of this process."""
        handle = self._open()
        handle.write(encode(op, args))
        handle.flush()
        os.fsync(handle.fileno())
        self.depth += 1

    def pending(self) -> bool:
        return self.depth > 0

    def entries(self) -> list[Operation]:
        if self._file is None:
            return []
        self._file.flush()
        return [decode(line) for line in self.path.read_bytes().splitlines() if line.strip()]

    def keep_only(self, remaining: list[Operation]) -> None:
        """Rewrite the file with the entries not yet replayed (all of them gone: empty file)."""
        if self._file is None:
            return
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(b"".join(encode(op, args) for op, args in remaining))
        os.replace(tmp, self.path)
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
        self._file = open(self.path, "ab")
        fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.depth = len(remaining)

    def orphans(self) -> Iterator[tuple[Path, list[Operation]]]:
        """Spool files left by processes that are gone (their lock is free), with their entries."""
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.glob("spool-*.jsonl")):
            if path == self.path:
                continue
            with open(path, "rb") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # a live process owns it
                entries = [decode(line) for line in handle.read().splitlines() if line.strip()]
                yield path, entries

    def remove_records_of(self, tenant: str, user_id: str) -> None:
        """Drop spooled writes about one user (the right to be forgotten reaches the spool too)."""
        kept = [(op, args) for op, args in self.entries() if not _about(op, args, tenant, user_id)]
        self.keep_only(kept)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            if self.depth == 0:
                self.path.unlink(missing_ok=True)


def _about(op: str, args: tuple[Any, ...], tenant: str, user_id: str) -> bool:
    if op == "record_observation":
        return (args[0].tenant, args[0].user_id) == (tenant, user_id)
    if op == "save_response":
        return (args[0].tenant, args[0].user_id) == (tenant, user_id)
    return False


__all__ = ["Spool", "decode", "encode"]
