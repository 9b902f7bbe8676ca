"""The database thread: every store call runs here, in FIFO order, off the event loop.

Writes never block a response. When the store is unreachable they go to the spool (and, while
anything is spooled, every later write queues behind it so order is kept); a periodic replay puts
them into the database once it answers again. Outages are logged once per interval, not per call.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

from sqlalchemy.exc import DataError, IntegrityError, NotSupportedError, ProgrammingError, SQLAlchemyError

from .spool import Spool
from .store import Store

log = logging.getLogger("beliefloop.beliefs")

#: Database errors that say the *data* is wrong (retrying cannot help), as opposed to the
#: database being unreachable, slow, restarting or dropping connections.
_REJECTED = (IntegrityError, ProgrammingError, DataError, NotSupportedError)


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

    def failed(self, error: BaseException) -> None:
        now = time.monotonic()
        self.failures += 1
        if self.down_since is None:
            self.down_since = now
        self._retry_at = now + self.retry_s
        if now - self._logged_at >= self.log_every_s:
            self._logged_at = now
            log.error("belief store unavailable (%d failures so far; serving un-personalised, "
                      "spooling writes): %r", self.failures, error)

    def recovered(self) -> None:
        if self.down_since is not None:
            log.warning("belief store reachable again after %.1f s", time.monotonic() - self.down_since)
        self.down_since = None
        self._retry_at = 0.0

    @property
    def open(self) -> bool:
        """True while the breaker says: don't even try the store now."""
        return self.down_since is not None and time.monotonic() < self._retry_at


class WriteBehind:
    def __init__(self, store: Store, spool_dir: str | Path | None = None) -> None:
        self.store = store
        self.spool = Spool(spool_dir) if spool_dir is not None else None
        self.outage = Outage()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="beliefloop-db")
        self._pending: set[Future[Any]] = set()

    # -- reads -----------------------------------------------------------------------------

    async def read(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn`` on the database thread after everything queued before it."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        return self._executor.submit(fn, *args)

    # -- writes ----------------------------------------------------------------------------

    def write(self, op: str, *args: Any) -> None:
        """Queue ``store.<op>(*args)``; spooled instead when the store cannot take it."""
        future = self._executor.submit(self._apply, op, args)
        self._pending.add(future)
        future.add_done_callback(self._done)

    def _apply(self, op: str, args: tuple[Any, ...]) -> None:
        if self.spool is not None and (self.spool.pending() or self.outage.open):
            self.spool.append(op, args)
            return
        try:
            getattr(self.store, op)(*args)
        except Exception as error:
            if self.spool is None or not is_unavailable(error):
                raise
            self.outage.failed(error)
            self.spool.append(op, args)

    def _done(self, future: Future[Any]) -> None:
        self._pending.discard(future)
        error = future.exception()
        if error is not None:
            log.error("write to the belief store failed and was dropped: %r", error)

    # -- replay ----------------------------------------------------------------------------

    def replay(self) -> int:
        """Replay spooled writes (ours, then orphans of dead processes); returns how many were
        applied. Runs on the database thread; stops at the first failure, keeping order."""
        if self.spool is None:
            return 0
        applied = 0
        entries = self.spool.entries()
        for index, (op, args) in enumerate(entries):
            try:
                getattr(self.store, op)(*args)
            except Exception as error:
                if not is_unavailable(error):
                    log.error("dropping a spooled %s that the store rejects: %r", op, error)
                    continue
                self.outage.failed(error)
                self.spool.keep_only(entries[index:])
                return applied
            applied += 1
        if entries:
            self.spool.keep_only([])
        for path, orphaned in self.spool.orphans():
            for op, args in orphaned:
                try:
                    getattr(self.store, op)(*args)
                except Exception as error:
                    if is_unavailable(error):
                        self.outage.failed(error)
                        return applied  # the file stays; it is adopted again next time
                    log.error("dropping an orphaned spooled %s: %r", op, error)
                    continue
                applied += 1
            path.unlink(missing_ok=True)
        if applied:
            log.warning("replayed %d spooled writes into the belief store", applied)
        self.outage.recovered()
        return applied

    def spool_depth(self) -> int:
        return self.spool.depth if self.spool is not None else 0

    def queue_depth(self) -> int:
        """Writes submitted to the database thread and not yet done (a metric and a readiness fact)."""
        return len(self._pending)

    async def replay_forever(self, interval_s: float = 2.0) -> None:
        """Background task: replay whenever something is spooled (and once at start for orphans)."""
        await self.read(self.replay)
        while True:
            await asyncio.sleep(interval_s)
            if self.spool is not None and (self.spool.pending() or self.outage.down_since is not None):
                await self.read(self.replay)

    async def flush(self) -> None:
        await self.read(lambda: None)

    async def close(self) -> None:
        await self.flush()
        self._executor.shutdown(wait=True)
        if self.spool is not None:
            self.spool.close()


__all__ = ["Outage", "WriteBehind", "is_unavailable"]
