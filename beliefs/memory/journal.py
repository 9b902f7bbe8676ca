"""This process's write-ahead journal: every acknowledged write is on disk before the answer.

Writes are appended as JSON lines (:mod:`beliefs.memory.writes`), each with a sequence number, and
made durable by one thread with **group commit**: it takes everything appended since its last
``fdatasync``, writes it in one go and syncs once, so many concurrent writers share one sync
(one every ~0.3 ms on this machine's disk, whatever the number of writers). The owner learns
which sequence number is durable through ``on_durable`` and answers the requests waiting on it.

Files live in ``directory`` as segments, ``journal-<stream>-<first seq>.jsonl``; a segment is
deleted once the database holds everything in it. ``<stream>`` names this process's journal
and is held by an exclusive ``flock`` on ``journal-<stream>.lock`` for the life of the process:
a stream whose lock can be taken belongs to a process that died, and the next process to look
adopts it (:func:`orphans`) and replays what its database checkpoint does not cover. Spool files
of earlier versions (``spool-*.jsonl``, no sequence numbers) are adopted the same way.

A torn last line (the process died while writing it) was never acknowledged and is skipped.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import orjson

from .writes import Write, decode_line, encode_line

log = logging.getLogger("beliefloop.beliefs")

#: A segment this large is closed and a new one started (old ones go once applied).
SEGMENT_BYTES = 8 * 1024 * 1024
#: After a failed write or sync, try again this much later.
RETRY_S = 0.5


@dataclass
class _Segment:
    path: Path
    first: int
    last: int
    size: int = 0


class Journal:
    """Append writes; a background thread makes them durable in groups.

    ``on_durable(seq, error)`` is called on the journal's thread after each group: with
    ``error`` None, every write numbered up to ``seq`` is on disk; otherwise the group up to
    ``seq`` could not be written yet (it is retried) and its waiters should be told.
    """

    def __init__(self, directory: str | os.PathLike[str], on_durable: Callable[[int, BaseException | None], None],
                 *, sync: bool = True, segment_bytes: int = SEGMENT_BYTES) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.stream = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._lock_file = open(self.directory / f"journal-{self.stream}.lock", "wb")
        fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.on_durable = on_durable
        self.sync, self.segment_bytes = sync, segment_bytes
        self._cond = threading.Condition()
        self._queue: list[tuple[int, Write]] = []
        #: Last sequence number handed out / written and synced.
        self.appended = 0
        self.durable = 0
        self._segments: list[_Segment] = []
        self._file: object | None = None
        self._rotate = False
        self._stop = False
        #: The last write or sync failure, until a later group succeeds (health checks read it).
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="beliefloop-journal", daemon=True)
        self._thread.start()

    # -- appending (any thread) --------------------------------------------------------------

    def append(self, write: Write) -> int:
        """Queue ``write`` for the next group; returns its sequence number (never blocks on I/O)."""
        with self._cond:
            self.appended += 1
            self._queue.append((self.appended, write))
            self._cond.notify()
            return self.appended

    def rotate(self, timeout: float = 5.0) -> None:
        """Close the current segment now (the next group starts a new one), so it can be deleted
        as soon as it is applied: after erasing a user, their writes leave the disk too."""
        with self._cond:
            self._rotate = True
            self._cond.notify_all()
            deadline = time.monotonic() + timeout
            while self._rotate and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())

    def wait_durable(self, seq: int, timeout: float) -> bool:
        """Block until ``seq`` is durable (shutdown, spill reads); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self.durable < seq:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    # -- the group-commit thread --------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._stop and not self._rotate:
                    self._cond.wait()
                if not self._queue and self._rotate:
                    self._close_segment()
                    self._rotate = False
                    self._cond.notify_all()
                    continue
                if not self._queue:
                    return
                group, self._queue = self._queue, []
                rotate, self._rotate = self._rotate, False
                self._cond.notify_all()
            try:
                self._write(group, rotate)
            except OSError as error:
                self.error = error
                log.error("journal %s: could not write %d writes (%r); retrying in %.1f s",
                          self.directory, len(group), error, RETRY_S)
                self.on_durable(group[-1][0], error)
                with self._cond:
                    self._queue[:0] = group
                time.sleep(RETRY_S)
                continue
            self.error = None
            with self._cond:
                self.durable = group[-1][0]
                self._cond.notify_all()
            self.on_durable(self.durable, None)

    def _write(self, group: list[tuple[int, Write]], rotate: bool) -> None:
        data = b"".join(encode_line(seq, write) for seq, write in group)
        if rotate or (self._segments and self._segments[-1].size >= self.segment_bytes):
            self._close_segment()
        if self._file is None:
            path = self.directory / f"journal-{self.stream}-{group[0][0]:012d}.jsonl"
            self._file = open(path, "ab")
            with self._cond:
                self._segments.append(_Segment(path, group[0][0], group[0][0] - 1))
        handle = self._file
        handle.write(data)  # type: ignore[attr-defined]
        handle.flush()  # type: ignore[attr-defined]
        if self.sync:
            os.fdatasync(handle.fileno())  # type: ignore[attr-defined]
        segment = self._segments[-1]
        segment.last, segment.size = group[-1][0], segment.size + len(data)

    def _close_segment(self) -> None:
        if self._file is not None:
            self._file.close()  # type: ignore[attr-defined]
            self._file = None

    # -- reading back and releasing (the database thread) -------------------------------------

    def read(self, after: int, upto: int) -> Iterator[tuple[int, Write]]:
        """This journal's writes numbered in (after, upto], in order (they must be durable)."""
        with self._cond:
            segments = [s for s in self._segments if s.last > after and s.first <= upto]
        for segment in segments:
            for seq, write in _entries(segment.path):
                if seq is None or seq <= after:
                    continue
                if seq > upto:
                    return
                yield seq, write

    def release(self, applied: int) -> None:
        """Delete segments whose writes are all in the database (never the one being written)."""
        with self._cond:
            current = self._segments[-1] if self._segments and self._file is not None else None
            done = [s for s in self._segments if s is not current and s.last <= applied]
            self._segments = [s for s in self._segments if s not in done]
            if current is not None and current.last <= applied and current.size >= self.segment_bytes:
                self._rotate = True
                self._cond.notify_all()
        for segment in done:
            segment.path.unlink(missing_ok=True)

    def close(self, *, remove: bool) -> None:
        """Write what is queued, stop the thread; with ``remove`` (everything applied) delete the
        files, otherwise leave them for the next process to adopt."""
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._thread.join(timeout=30)
        self._close_segment()
        if remove:
            for segment in self._segments:
                segment.path.unlink(missing_ok=True)
            self._segments = []
        lock_path = Path(self._lock_file.name)
        if remove:
            lock_path.unlink(missing_ok=True)
        self._lock_file.close()

    def segment_paths(self) -> list[Path]:
        with self._cond:
            return [s.path for s in self._segments]


def _entries(path: Path) -> Iterator[tuple[int | None, Write]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return
    lines = data.split(b"\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            yield decode_line(line)
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            if index == len(lines) - 1:
                return  # torn last line: written by a process that died, never acknowledged
            log.error("journal %s: skipping an unreadable line %d: %r", path, index + 1, error)


@dataclass
class Orphan:
    """The journal of a process that is gone (or an old spool file), locked while we replay it."""

    stream: str
    directory: Path
    paths: list[Path]
    _lock: object
    legacy: bool = False

    def entries(self, after: int) -> Iterator[tuple[int, Write]]:
        """Writes numbered after ``after`` (lines of an old spool file are numbered 1, 2, ...)."""
        position = 0
        for path in self.paths:
            for seq, write in _entries(path):
                position += 1
                number = position if self.legacy or seq is None else seq
                if number > after:
                    yield number, write

    def remove(self) -> None:
        for path in self.paths:
            path.unlink(missing_ok=True)
        if not self.legacy:
            (self.directory / f"journal-{self.stream}.lock").unlink(missing_ok=True)
        self.release()

    def release(self) -> None:
        self._lock.close()  # type: ignore[attr-defined]


def orphans(directory: str | os.PathLike[str], own_stream: str | None) -> Iterator[Orphan]:
    """Journals (and old spool files) in ``directory`` whose process is gone, each locked by us
    until it is removed or released."""
    directory = Path(directory)
    if not directory.is_dir():
        return
    streams: dict[str, list[Path]] = {}
    for path in directory.glob("journal-*.jsonl"):
        stream, _, _ = path.stem[len("journal-"):].rpartition("-")
        streams.setdefault(stream, []).append(path)
    for lock_path in directory.glob("journal-*.lock"):
        streams.setdefault(lock_path.stem[len("journal-"):], [])
    for stream in sorted(streams):
        if stream == own_stream:
            continue
        lock = open(directory / f"journal-{stream}.lock", "ab")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue  # a live process owns it
        paths = sorted(streams[stream], key=lambda p: int(p.stem.rpartition("-")[2]))
        yield Orphan(stream, directory, paths, lock)
    for path in sorted(directory.glob("spool-*.jsonl")):
        handle = open(path, "rb")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        yield Orphan(path.stem, directory, [path], handle, legacy=True)


__all__ = ["Journal", "Orphan", "orphans"]
