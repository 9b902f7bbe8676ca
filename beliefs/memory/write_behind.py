"""The database threads: writes journaled, acknowledged when durable, applied in batches; reads
on their own threads, never behind the writes.

* :meth:`WriteBehind.submit` appends a write to the journal (:mod:`beliefs.memory.journal`) and
  to an in-memory queue, and returns a future that completes when the write is **on disk**
  (group commit): what the server acknowledges after awaiting it survives ``kill -9``.
* One thread (``beliefloop-db``) drains the queue in order, many writes per transaction
  (``Store.apply``), recording in the same transaction how far the journal is applied; so
  replaying the journal after a crash applies every write exactly once.
* The queue is **bounded** (``queue_limit`` writes not yet in the database). :meth:`admit` is the
  gate for work that will write: past the bound it waits for room, up to a deadline, and then
  raises :class:`WriteQueueFull` (the gateway answers 503 with ``retry-after``). Nothing that
  was admitted is ever dropped.
* When the database is **unreachable** (or its SQLite file was deleted), writes stay in the
  journal: past the bound they are kept only on disk ("spilled") and the database thread reads
  them back once it answers again. Requests are not refused for an outage (fail open).
* :meth:`call` runs a function on the database thread after every write queued before it
  (corrections and erasures, which must not overtake earlier writes); :meth:`read` runs reads on
  a small pool of other threads and connections. :meth:`settled` waits only for one user's own
  writes, so a read of that user sees everything acknowledged about them.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from sqlalchemy.exc import DataError, IntegrityError, NotSupportedError, ProgrammingError, SQLAlchemyError

from .journal import Journal, orphans
from .store import Store
from .writes import UserKey, Write

log = logging.getLogger("beliefloop.beliefs")

#: The database thread lets writes gather this long before a batch that is not full (seconds):
#: fewer, larger transactions, and less of its work lands while a request waits for its ack.
LINGER_S = 0.005

#: Database errors that say the *data* is wrong (retrying cannot help), as opposed to the
#: database being unreachable, slow, restarting or dropping connections.
_REJECTED = (IntegrityError, ProgrammingError, DataError, NotSupportedError)


class StoreUnavailable(ConnectionError):
    """The belief store cannot be reached now (outage, lost database file); retry later."""


class WriteQueueFull(RuntimeError):
    """More writes are waiting for the database than ``queue_limit``, for longer than the caller
    may wait. ``retry_after_s`` is when trying again makes sense."""

    def __init__(self, backlog: int, retry_after_s: int) -> None:
        super().__init__(f"{backlog} writes are waiting for the belief store; retry in {retry_after_s} s")
        self.backlog, self.retry_after_s = backlog, retry_after_s


def is_unavailable(error: BaseException) -> bool:
    """True for failures worth retrying later: any database or network error except those
    that reject the data itself. A bug in our code (TypeError...) is not one of them."""
    if isinstance(error, _REJECTED):
        return False
    return isinstance(error, (SQLAlchemyError, ConnectionError, OSError))


class Outage:
    """Whether the store is considered down, with rate-limited logging.

    After a failure the store is not tried again on the hot path for ``retry_s`` seconds
    (a circuit breaker), so a dead database costs requests nothing but a flag check.
    """

    def __init__(self, retry_s: float = 2.0, log_every_s: float = 30.0) -> None:
        self.retry_s, self.log_every_s = retry_s, log_every_s
        self.down_since: float | None = None
        self._retry_at = 0.0
        self._logged_at = -1e18
        self.failures = 0
        self.last_error: BaseException | None = None

    def failed(self, error: BaseException) -> None:
        now = time.monotonic()
        self.failures += 1
        self.last_error = error
        if self.down_since is None:
            self.down_since = now
        self._retry_at = now + self.retry_s
        if now - self._logged_at >= self.log_every_s:
            self._logged_at = now
            log.error("belief store unavailable (%d failures so far; serving un-personalised, "
                      "keeping writes in the journal): %r", self.failures, error)

    def recovered(self) -> None:
        if self.down_since is not None:
            log.warning("belief store reachable again after %.1f s", time.monotonic() - self.down_since)
        self.down_since = None
        self._retry_at = 0.0

    @property
    def open(self) -> bool:
        """True while the breaker says: don't even try the store now."""
        return self.down_since is not None and time.monotonic() < self._retry_at


@dataclass
class _Call:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    future: "asyncio.Future[Any]"


class WriteBehind:
    """The journal, the write queue and the database threads of one process."""

    def __init__(self, store: Store, journal_dir: str | Path | None = None, *, queue_limit: int = 2000,
                 batch_max: int = 256, durable_ack: bool = True, fsync: bool = True,
                 read_threads: int = 2) -> None:
        self.store = store
        self.outage = Outage()
        self.queue_limit, self.batch_max, self.durable_ack = queue_limit, batch_max, durable_ack
        self._cond = threading.Condition()
        #: Writes (seq, write) and calls, in submission order, not yet applied.
        self._items: deque[tuple[int, Write] | _Call] = deque()
        self._seq = 0
        #: Last write submitted / applied to the database.
        self.submitted = 0
        self.applied = 0
        #: Writes numbered in (applied, spill_end] are only in the journal (spilled in an outage).
        self._spill_end = 0
        #: Last write not yet applied, per user: a read of that user waits for it (read-your-writes).
        self._pending: dict[UserKey, int] = {}
        self._stop = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._durable_waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._progress_waiters: list[tuple[Callable[[], bool], asyncio.Future[None]]] = []
        self._tie = itertools.count()
        self.journal_dir = Path(journal_dir) if journal_dir is not None else None
        self.journal = (Journal(journal_dir, self._journal_progress, sync=fsync)
                        if journal_dir is not None else None)
        self._thread = threading.Thread(target=self._run, name="beliefloop-db", daemon=True)
        self._thread.start()
        self._readers = ThreadPoolExecutor(max_workers=read_threads, thread_name_prefix="beliefloop-read")

    # -- the event loop's side -----------------------------------------------------------------

    def _bind(self) -> asyncio.AbstractEventLoop | None:
        if self._loop is None:
            try:
                self._loop = asyncio.get_running_loop()
            except RuntimeError:
                return None
            self._loop_thread = threading.get_ident()
        return self._loop

    def submit(self, write: Write) -> "asyncio.Future[None] | None":
        """Queue a write; the returned future completes when it is durable (journal fsynced, or
        applied when there is no journal). None outside an event loop. Never blocks."""
        loop = self._bind()
        key = write.key
        with self._cond:
            if self.journal is not None:
                seq = self.journal.append(write)
            else:
                self._seq += 1
                seq = self._seq
            self.submitted = seq
            if key is not None:
                self._pending[key] = seq
            self._items.append((seq, write))
            if (self.journal is not None and len(self._items) > self.queue_limit
                    and (self.outage.down_since is not None or self._spill_end > self.applied)):
                self._spill()
            self._cond.notify()
        if loop is None:
            return None
        future = loop.create_future()
        if not self.durable_ack:
            future.set_result(None)
            return future
        heapq.heappush(self._durable_waiters, (seq, next(self._tie), future))
        return future

    def _spill(self) -> None:
        """Keep the queued writes only in the journal (memory stays bounded in a long outage);
        the database thread reads them back. Queued calls fail: they would wait for the outage."""
        for item in self._items:
            if isinstance(item, _Call):
                self._settle(item.future, error=StoreUnavailable("the belief store is unavailable"))
        self._spill_end = self.submitted
        self._items.clear()

    def has_room(self) -> bool:
        """True when new work may write now: the queue is under its bound, or the database is
        unreachable (writes then wait in the journal, and requests are not refused for that)."""
        return (len(self._items) < self.queue_limit or self.outage.down_since is not None
                or (self.journal is not None and self._spill_end > self.applied))

    async def admit(self, wait_s: float) -> None:
        """Wait up to ``wait_s`` for room in the queue; raise :class:`WriteQueueFull` after that."""
        if self.has_room():
            return
        try:
            await asyncio.wait_for(self._until(self.has_room), wait_s)
        except asyncio.TimeoutError:
            raise WriteQueueFull(self.backlog(), max(1, round(wait_s))) from None

    async def settled(self, key: UserKey) -> None:
        """Wait until every write about ``key`` queued so far is in the database (raises
        :class:`StoreUnavailable` while it is down)."""
        seq = self._pending.get(key)
        if seq is None or self.applied >= seq:
            return

        def done() -> bool:
            if self.applied >= seq:
                return True
            if self.outage.down_since is not None:
                raise StoreUnavailable("the belief store is unavailable")
            return False

        await self._until(done)

    def pending_for(self, key: UserKey) -> bool:
        """True while writes about ``key`` wait for the database."""
        seq = self._pending.get(key)
        return seq is not None and seq > self.applied

    def queue_depth(self) -> int:
        """Writes and calls queued for the database thread (a metric and a readiness fact)."""
        return len(self._items)

    async def flush(self) -> None:
        """Wait until every write submitted so far is in the database, or (while it is down)
        durable in the journal."""
        target = self.submitted
        await self._until(lambda: self.applied >= target or (
            self.outage.down_since is not None and self._durable() >= target))

    async def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` on the database thread after every write queued before it."""
        loop = self._bind()
        assert loop is not None, "call() needs a running event loop"
        future: asyncio.Future[Any] = loop.create_future()
        with self._cond:
            self._items.append(_Call(fn, args, future))
            self._cond.notify()
        return await future

    async def read(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a read on the read threads (their own connections): never behind queued writes."""
        return await asyncio.get_running_loop().run_in_executor(self._readers, fn, *args)

    def backlog(self) -> int:
        """Writes acknowledged or queued but not yet in the database."""
        return max(0, self.submitted - self.applied)

    def spool_depth(self) -> int:
        """Writes waiting for the database (the ``beliefloop_spool_depth`` gauge)."""
        return self.backlog()

    def _durable(self) -> int:
        return self.journal.durable if self.journal is not None else self.applied

    async def _until(self, predicate: Callable[[], bool]) -> None:
        if predicate():
            return
        loop = self._bind()
        assert loop is not None
        future: asyncio.Future[None] = loop.create_future()
        self._progress_waiters.append((predicate, future))
        try:
            await future
        finally:
            self._progress_waiters = [(p, f) for p, f in self._progress_waiters if f is not future]

    def _on_progress(self) -> None:
        """On the loop: wake the waiters whose condition now holds."""
        for predicate, future in list(self._progress_waiters):
            if future.done():
                continue
            try:
                if predicate():
                    future.set_result(None)
            except BaseException as error:
                future.set_exception(error)

    def _on_durable(self, seq: int, error: BaseException | None) -> None:
        """On the loop: complete the acknowledgments up to ``seq``."""
        waiters = self._durable_waiters
        while waiters and waiters[0][0] <= seq:
            _, _, future = heapq.heappop(waiters)
            if not future.done():
                if error is None:
                    future.set_result(None)
                else:
                    future.set_exception(StoreUnavailable(f"the write journal failed: {error!r}"))
        self._on_progress()

    def _notify_loop(self, fn: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(fn, *args)
            except RuntimeError:
                pass  # the loop closed meanwhile

    def _settle(self, future: "asyncio.Future[Any]", result: Any = None, error: BaseException | None = None) -> None:
        def settle() -> None:
            if future.done():
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)

        if threading.get_ident() == self._loop_thread:
            settle()
        else:
            self._notify_loop(settle)

    def _journal_progress(self, seq: int, error: BaseException | None) -> None:
        """On the journal thread, after each group."""
        self._notify_loop(self._on_durable, seq, error)

    # -- the database thread ---------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._items and self._spill_end <= self.applied and not self._stop:
                    self._cond.wait()
                deadline = time.monotonic() + LINGER_S
                while (len(self._items) < self.batch_max and not self._stop
                       and (remaining := deadline - time.monotonic()) > 0):
                    self._cond.wait(remaining)
                if self._spill_end > self.applied:
                    job: Any = ("disk", self.applied, self._spill_end)
                elif self._items:
                    first = self._items[0]
                    if isinstance(first, _Call):
                        job = ("call", first)
                    else:
                        batch = []
                        for item in self._items:
                            if isinstance(item, _Call) or len(batch) >= self.batch_max:
                                break
                            batch.append(item)
                        job = ("writes", batch)
                else:
                    return  # stopping, and nothing left
            if job[0] == "call":
                self._run_call(job[1])
                continue
            ok = self._apply(job[1]) if job[0] == "writes" else self._apply_spilled(job[1], job[2])
            if not ok and self._stop:
                return  # shutting down in an outage: what is left stays in the journal

    def _run_call(self, call: _Call) -> None:
        try:
            result, error = call.fn(*call.args), None
        except BaseException as failure:  # handed to the caller
            result, error = None, failure
            if is_unavailable(failure):
                self.outage.failed(failure)
        with self._cond:
            if self._items and self._items[0] is call:
                self._items.popleft()
        self._settle(call.future, result, error)
        self._notify_loop(self._on_progress)

    def _apply_spilled(self, after: int, upto: int) -> bool:
        assert self.journal is not None
        if not self.journal.wait_durable(upto, timeout=self.outage.retry_s):
            return not self._stop  # the journal is failing: try again (it logs why)
        batch: list[tuple[int, Write]] = []
        for entry in self.journal.read(after, upto):
            batch.append(entry)
            if len(batch) >= self.batch_max:
                if not self._apply(batch):
                    return False
                batch = []
        if batch and not self._apply(batch):
            return False
        with self._cond:
            if self.applied < upto:  # entries missing from the journal: nothing more to read
                log.error("journal: writes %d..%d could not be read back; skipping them", self.applied + 1, upto)
                self.applied = upto
            self._cond.notify_all()
        return True

    def _apply(self, batch: Sequence[tuple[int, Write]]) -> bool:
        """Apply a batch in one transaction; False (and a pause) when the store is unavailable."""
        stream = self.journal.stream if self.journal is not None else None
        try:
            _apply_isolating(self.store, batch, stream)
        except Exception as error:
            if not is_unavailable(error):
                log.exception("writes %d..%d failed and were dropped", batch[0][0], batch[-1][0])
                self._advance(batch)
                return True
            self.outage.failed(error)
            self._fail_calls()
            self._notify_loop(self._on_progress)
            with self._cond:
                if (self.journal is not None and len(self._items) > self.queue_limit
                        and self._spill_end <= self.applied):
                    self._spill()
                if not self._stop:
                    self._cond.wait(self.outage.retry_s)
            return False
        if self.outage.down_since is not None:
            self.outage.recovered()
        self._advance(batch)
        return True

    def _fail_calls(self) -> None:
        with self._cond:
            calls = [item for item in self._items if isinstance(item, _Call)]
            self._items = deque(item for item in self._items if not isinstance(item, _Call))
        for call in calls:
            self._settle(call.future, error=StoreUnavailable("the belief store is unavailable"))

    def _advance(self, batch: Sequence[tuple[int, Write]]) -> None:
        last = batch[-1][0]
        with self._cond:
            self.applied = max(self.applied, last)
            while self._items and not isinstance(self._items[0], _Call) and self._items[0][0] <= last:
                self._items.popleft()
            for _, write in batch:
                key = write.key
                if key is not None and self._pending.get(key, last + 1) <= last:
                    del self._pending[key]
            self._cond.notify_all()
        if self.journal is not None:
            self.journal.release(self.applied)
            self._notify_loop(self._on_progress)
        else:
            self._notify_loop(self._on_durable, self.applied, None)

    def discard_applied_journal(self) -> None:
        """Close the journal segment being written and delete every segment already applied
        (on the database thread, e.g. right after erasing a user whose writes it held)."""
        if self.journal is not None:
            self.journal.rotate()
            self.journal.release(self.applied)

    # -- journals of processes that died ---------------------------------------------------------

    def replay(self) -> int:
        """Apply what dead processes' journals (and old spool files) hold beyond their database
        checkpoints, then delete them. Runs on the database thread; returns writes applied."""
        if self.journal_dir is None:
            return 0
        applied = 0
        own = self.journal.stream if self.journal is not None else None
        for orphan in orphans(self.journal_dir, own):
            try:
                after = self.store.journal_checkpoint(orphan.stream)
                batch: list[tuple[int, Write]] = []
                for entry in orphan.entries(after):
                    batch.append(entry)
                    if len(batch) >= self.batch_max:
                        _apply_isolating(self.store, batch, orphan.stream)
                        applied += len(batch)
                        batch = []
                if batch:
                    _apply_isolating(self.store, batch, orphan.stream)
                    applied += len(batch)
                orphan.remove()
                self.store.forget_journal(orphan.stream)
            except Exception as error:
                orphan.release()
                if not is_unavailable(error):
                    log.exception("could not replay the journal %s; it stays for the next attempt", orphan.stream)
                    continue
                self.outage.failed(error)
                break  # the files stay; adopted again next time
        if applied:
            log.warning("replayed %d journaled writes of a previous process into the belief store", applied)
        return applied

    async def replay_forever(self, interval_s: float = 30.0) -> None:
        """Background task: adopt dead processes' journals now and every ``interval_s``."""
        while True:
            try:
                await self.call(self.replay)
            except Exception as error:
                if not is_unavailable(error):
                    log.exception("replaying journals failed")
            await asyncio.sleep(interval_s)

    # -- shutdown --------------------------------------------------------------------------------

    async def close(self, timeout_s: float = 30.0) -> None:
        """Apply what is queued (while the store answers), then stop the threads; writes that
        could not be applied stay in the journal for the next process."""
        try:
            await asyncio.wait_for(self.flush(), timeout_s)
        except asyncio.TimeoutError:
            log.error("shutdown: %d writes not yet in the belief store stay in the journal", self.backlog())
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        await asyncio.to_thread(self._thread.join, timeout_s)
        self._readers.shutdown(wait=False)
        if self.journal is not None:
            everything = self.applied >= self.submitted
            await asyncio.to_thread(self.journal.close, remove=everything)
            if everything:
                try:
                    self.store.forget_journal(self.journal.stream)
                except Exception as error:  # a leftover checkpoint row is harmless
                    log.warning("could not remove the journal checkpoint: %r", error)


def _apply_isolating(store: Store, batch: Sequence[tuple[int, Write]], stream: str | None) -> None:
    """Apply a batch in one transaction; when the store rejects it, apply its writes one by one
    and drop (and log) only those it rejects. Unavailability propagates."""
    writes = [write for _, write in batch]
    checkpoint = (stream, batch[-1][0]) if stream is not None else None
    try:
        store.apply(writes, checkpoint)
        return
    except _REJECTED as error:
        if len(batch) == 1:
            log.error("dropping a %s the store rejects: %r", type(writes[0]).__name__, error)
            if checkpoint is not None:
                store.apply([], checkpoint)
            return
    for entry in batch:
        _apply_isolating(store, [entry], stream)


__all__ = ["Outage", "StoreUnavailable", "WriteBehind", "WriteQueueFull", "is_unavailable"]
