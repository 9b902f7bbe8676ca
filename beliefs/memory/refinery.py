"""A second, slower interpreter behind the offline one, kept off the hot path.

:class:`Refinery` is the :class:`~beliefs.learning.interpret.Interpreter` the service uses when an
LLM engine is configured. Its ``read`` never waits: it answers from a bounded cache of earlier
readings (by text hash), or with the offline reading and, when that reading found no evidence,
queues the text for the slow engine. A background task (:meth:`Refinery.run`) sends queued texts
in batches; each settled text is cached, so the same words are never paid for twice, and whoever
is waiting for it (the service, to add the late evidence) is called back.

Only texts the offline engine mapped to nothing are sent: where it found evidence, its reading
stands (it is precise: 0.90 on held-out phrasing), which keeps the cost to what it misses and
means a late reading never has to take evidence back.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from beliefs.learning.conversation import text_hash
from beliefs.learning.interpret import Interpreter, Reading

log = logging.getLogger("beliefloop.interpreter")

#: Reads a batch of texts: one reading per text (None: that text's reply was invalid); raises
#: when the whole call failed (timeout, provider error, a malformed reply).
BatchReader = Callable[[list[str]], Awaitable[Sequence[Reading | None]]]


@dataclass
class _Pending:
    text: str
    offline: Reading


@dataclass
class _Waiter:
    keys: set[str]
    callback: Callable[[], None]


@dataclass
class Refinery:
    """Offline now, a better reading later. Use from the event loop only.

    ``batch_size`` texts per call at most; ``linger_s`` is how long the first queued text waits
    for others to share its call; ``max_pending`` bounds the queue (beyond it a text keeps its
    offline reading, un-refined); ``cache_size`` bounds the remembered readings (LRU; at least
    one batch is kept, since waiters read a batch's readings from the cache once it settles).
    """

    offline: Interpreter
    read_batch: BatchReader
    batch_size: int = 16
    cache_size: int = 10_000
    linger_s: float = 0.05
    max_pending: int = 1_000
    _cache: OrderedDict[str, Reading] = field(default_factory=OrderedDict)
    _pending: dict[str, _Pending] = field(default_factory=dict)
    _in_flight: dict[str, _Pending] = field(default_factory=dict)
    _waiters: list[_Waiter] = field(default_factory=list)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _idle: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self._idle.set()

    # -- the hot path ------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        """The best reading there is now (never waits, never raises on a string)."""
        return self.reading(text)[0]

    def reading(self, text: str) -> tuple[Reading, str | None]:
        """The best reading now, and the key of the better one to come (None: this is final)."""
        key = text_hash(text)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached, None
        if key in self._pending or key in self._in_flight:
            waiting = self._pending.get(key) or self._in_flight[key]
            return waiting.offline, key
        offline = self.offline.read(text)
        if offline.evidence or not text.strip() or len(self._pending) >= self.max_pending:
            return offline, None
        self._pending[key] = _Pending(text, offline)
        self._idle.clear()
        self._wake.set()
        return offline, key

    def session(self) -> "Session":
        """An interpreter for one request that notes which of its readings are provisional."""
        return Session(self)

    def cached(self, key: str) -> Reading | None:
        """The settled reading of a text, if it is remembered."""
        return self._cache.get(key)

    def when_settled(self, keys: set[str], callback: Callable[[], None]) -> None:
        """Call ``callback`` once every text in ``keys`` is settled, refined or not (at once when
        none is still waiting). Exceptions it raises are logged, not propagated."""
        keys = {key for key in keys if key in self._pending or key in self._in_flight}
        if not keys:
            _call(callback)
            return
        if len(self._waiters) >= self.max_pending:  # bounded like the queue; the oldest gives way
            self._waiters.pop(0)
        self._waiters.append(_Waiter(keys, callback))

    # -- the background task -----------------------------------------------------------------

    async def run(self) -> None:
        """Send queued texts in batches, one call at a time, for ever (cancel to stop)."""
        task = asyncio.current_task()
        while True:
            _honour_cancellation(task)
            await self._wake.wait()
            await asyncio.sleep(self.linger_s)  # let the texts of neighbouring requests join
            self._wake.clear()
            while self._pending:
                keys = list(self._pending)[: self.batch_size]
                batch = {key: self._pending.pop(key) for key in keys}
                self._in_flight.update(batch)
                try:
                    readings: Sequence[Reading | None] | None = await self.read_batch(
                        [item.text for item in batch.values()])
                except asyncio.CancelledError:
                    raise
                except Exception as error:  # the engine failed: the offline readings stand
                    log.warning("interpreter batch of %d failed: %r", len(batch), error)
                    readings = None
                self._settle(batch, readings)
                _honour_cancellation(task)
            if not self._in_flight:
                self._idle.set()

    async def drain(self) -> None:
        """Wait until every queued text is settled (tests, shutdown)."""
        await self._idle.wait()

    def _settle(self, batch: dict[str, _Pending], readings: Sequence[Reading | None] | None) -> None:
        for index, (key, item) in enumerate(batch.items()):
            del self._in_flight[key]
            if readings is None:
                continue  # a failed call is not remembered: the text is tried again when next read
            reading = readings[index] if index < len(readings) else None
            # An invalid reading is remembered as the offline one: the same reply would come again.
            self._remember(key, reading if reading is not None else item.offline)
        settled = set(batch)
        done = []
        for waiter in self._waiters:
            waiter.keys -= settled
            if not waiter.keys:
                done.append(waiter)
        self._waiters = [waiter for waiter in self._waiters if waiter.keys]
        for waiter in done:
            _call(waiter.callback)

    def _remember(self, key: str, reading: Reading) -> None:
        self._cache[key] = reading
        self._cache.move_to_end(key)
        while len(self._cache) > max(self.cache_size, self.batch_size):
            self._cache.popitem(last=False)


class Session:
    """One request's view of a :class:`Refinery`: an interpreter that remembers which texts it
    read provisionally (their better reading is still to come)."""

    def __init__(self, refinery: Refinery) -> None:
        self.refinery = refinery
        self.provisional: set[str] = set()

    def read(self, text: str) -> Reading:
        reading, key = self.refinery.reading(text)
        if key is not None:
            self.provisional.add(key)
        return reading


class Settled:
    """An interpreter that gives each text its settled reading (else the offline one), never
    queuing: what a request's texts read as once the refinery has answered."""

    def __init__(self, refinery: Refinery) -> None:
        self.refinery = refinery

    def read(self, text: str) -> Reading:
        cached = self.refinery.cached(text_hash(text))
        return cached if cached is not None else self.refinery.offline.read(text)


def _honour_cancellation(task: asyncio.Task[None] | None) -> None:
    """Stop if a cancellation was requested but swallowed on its way in: on Python 3.11,
    ``asyncio.wait_for`` drops a cancel that arrives as its inner call completes, and the loop
    would then wait for texts for ever while shutdown waits for it."""
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


def _call(callback: Callable[[], None]) -> None:
    try:
        callback()
    except Exception:
        log.exception("applying a refined reading failed")


__all__ = ["BatchReader", "Refinery", "Session", "Settled"]
