"""Token buckets shared by every worker and host: client rate limits, and the throttle on failed
admin-key and dashboard sign-in attempts.

A bucket holds up to ``capacity`` tokens and refills at ``rate`` tokens per second. With a SQL
store the buckets live in its ``rate_bucket`` table, each change one atomic ``INSERT .. ON
CONFLICT DO UPDATE`` (PostgreSQL for several workers and hosts; SQLite for the workers of one
host), so N workers together never grant more than the configured limit.

**The fast path** is a per-process lease: a worker takes up to about a second's worth of tokens
from the shared bucket at once and spends them locally, so a busy key costs one round trip to the
database per lease, not per request; a lease unspent after ``LEASE_TTL_S`` is dropped (those
tokens are simply not used, so the limit is never exceeded). When the shared store cannot be
reached, each worker falls back to its own local bucket (the limit then holds per worker) and
says so in the log, once per ``LOG_EVERY_S``.

The sign-in throttle counts only failures: an address or tenant whose bucket is empty gets 429
with ``retry-after`` for every attempt, right or wrong, until it refills (so a guess cannot be
confirmed while throttled).
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from sqlalchemy import Float, case, func, literal, select
from sqlalchemy.engine import Engine

from .errors import TooManyRequests

log = logging.getLogger("beliefloop.proxy")

#: A lease is about this many seconds of a key's rate.
LEASE_S = 1.0
#: Unspent leased tokens are dropped after this long.
LEASE_TTL_S = 5.0
LOG_EVERY_S = 30.0


class RateLimited(TooManyRequests):
    """A client key is over its ``rate_limit_per_minute``."""


class Throttled(TooManyRequests):
    """Too many failed admin-key or sign-in attempts from one address, or against one tenant."""

    code = "too_many_failed_attempts"


class Buckets(Protocol):
    """Token buckets by key. Synchronous: the shared one runs on its own thread."""

    def take(self, key: str, capacity: float, rate: float, want: float) -> tuple[float, float]:
        """Refill, then grant up to ``want`` tokens if at least one is there; returns
        (tokens granted, tokens left)."""

    def peek(self, key: str, capacity: float, rate: float) -> float:
        """Tokens in the bucket now (after refill), taking none."""


@dataclass
class _Bucket:
    tokens: float
    updated: float


@dataclass
class LocalBuckets:
    """This process's buckets (the fallback, and the store when there is no SQL store)."""

    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, _Bucket] = field(default_factory=dict)

    def _refilled(self, key: str, capacity: float, rate: float) -> _Bucket:
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(capacity, now)
        bucket.tokens = min(capacity, bucket.tokens + max(0.0, now - bucket.updated) * rate)
        bucket.updated = now
        return bucket

    def take(self, key: str, capacity: float, rate: float, want: float) -> tuple[float, float]:
        bucket = self._refilled(key, capacity, rate)
        granted = min(want, bucket.tokens) if bucket.tokens >= 1.0 else 0.0
        bucket.tokens -= granted
        return granted, bucket.tokens

    def peek(self, key: str, capacity: float, rate: float) -> float:
        return self._refilled(key, capacity, rate).tokens


class SqlBuckets:
    """Buckets in the belief store's ``rate_bucket`` table, shared by every process using it.

    Time is the callers' wall clock, clamped so a host whose clock lags never drains a bucket.
    """

    def __init__(self, engine: Engine, clock: Callable[[], float] = time.time) -> None:
        from beliefs.memory.sql_store import RateBucketRow

        self.engine, self.clock = engine, clock
        self.table = RateBucketRow.__table__
        if engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert

            self._least, self._greatest = func.least, func.greatest
        else:
            from sqlalchemy.dialects.sqlite import insert

            self._least, self._greatest = func.min, func.max
        self._insert = insert

    def _refill(self, capacity: float, rate: float, now: float) -> Any:
        c = self.table.c
        elapsed = self._greatest(literal(now, Float) - c.updated_at, 0.0)
        return self._least(literal(capacity, Float), c.tokens + elapsed * literal(rate, Float))

    def take(self, key: str, capacity: float, rate: float, want: float) -> tuple[float, float]:
        now = self.clock()
        c = self.table.c
        refill = self._refill(capacity, rate, now)
        grant = case((refill >= 1.0, self._least(literal(want, Float), refill)), else_=0.0)
        first = min(want, capacity)
        stmt = self._insert(self.table).values(key=key, tokens=capacity - first, granted=first, updated_at=now)
        # Every right-hand side reads the row as it was: one atomic read-modify-write.
        stmt = stmt.on_conflict_do_update(index_elements=["key"], set_={
            "tokens": refill - grant, "granted": grant,
            "updated_at": self._greatest(c.updated_at, literal(now, Float))})
        with self.engine.begin() as connection:
            granted, left = connection.execute(stmt.returning(c.granted, c.tokens)).one()
        return float(granted), float(left)

    def peek(self, key: str, capacity: float, rate: float) -> float:
        c = self.table.c
        with self.engine.connect() as connection:
            tokens = connection.execute(select(self._refill(capacity, rate, self.clock()))
                                        .where(c.key == key)).scalar()
        return capacity if tokens is None else float(tokens)


class _Shared:
    """Runs a :class:`Buckets` on one thread; falls back to local buckets when it fails."""

    def __init__(self, shared: Buckets | None, local: LocalBuckets) -> None:
        self.shared, self.local = shared, local
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="beliefloop-limits") \
            if shared is not None else None
        self._logged_at = -1e18

    async def call(self, method: str, *args: Any) -> Any:
        if self.shared is None or self._executor is None:
            return getattr(self.local, method)(*args)
        try:
            return await asyncio.get_running_loop().run_in_executor(
                self._executor, lambda: getattr(self.shared, method)(*args))
        except Exception as error:  # the store is down: each worker limits on its own meanwhile
            now = time.monotonic()
            if now - self._logged_at >= LOG_EVERY_S:
                self._logged_at = now
                log.error("shared rate limits unavailable (%r); limiting per worker until the store answers", error)
            return getattr(self.local, method)(*args)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False)


@dataclass
class _Lease:
    tokens: float
    until: float


class RateLimiter:
    """Client rate limits, ``per_minute`` requests per key across every worker."""

    def __init__(self, shared: Buckets | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._store = _Shared(shared, LocalBuckets(clock))
        self._leases: dict[str, _Lease] = {}

    async def take(self, key: str, per_minute: int) -> None:
        """Spend one request of ``key``; raises :class:`RateLimited` with ``retry-after``."""
        now = self.clock()
        lease = self._leases.get(key)
        if lease is not None and lease.tokens >= 1.0 and now < lease.until:
            lease.tokens -= 1.0
            return
        rate = per_minute / 60.0
        want = max(1.0, min(rate * LEASE_S, per_minute / 4))
        granted, left = await self._store.call("take", f"rate:{key}", float(per_minute), rate, want)
        kept = lease.tokens if lease is not None and now < lease.until else 0.0
        if kept + granted < 1.0:
            wait = max(1, math.ceil((1.0 - left) / rate))
            raise RateLimited(f"rate limit of {per_minute} requests per minute exceeded; retry in {wait} s",
                              headers={"retry-after": str(wait)})
        self._leases[key] = _Lease(kept + granted - 1.0, now + LEASE_TTL_S)

    def close(self) -> None:
        self._store.close()


class AttemptThrottle:
    """Failed admin-key and sign-in attempts, per client address and per tenant."""

    def __init__(self, shared: Buckets | None = None, *, per_address_per_minute: int = 10,
                 per_tenant_per_minute: int = 60, clock: Callable[[], float] = time.monotonic) -> None:
        self._store = _Shared(shared, LocalBuckets(clock))
        self.limits = {"address": per_address_per_minute, "tenant": per_tenant_per_minute}
        self.clock = clock
        #: Keys known to be empty until then (refused without asking the store again).
        self._blocked: dict[str, float] = {}

    def _keys(self, address: str, tenant: str) -> list[tuple[str, int]]:
        return [(f"authfail:address:{address}", self.limits["address"]),
                (f"authfail:tenant:{tenant}", self.limits["tenant"])]

    async def check(self, address: str, tenant: str) -> None:
        """Raise :class:`Throttled` while the address or the tenant has no failed attempt left."""
        now = self.clock()
        for key, per_minute in self._keys(address, tenant):
            rate = per_minute / 60.0
            blocked = self._blocked.get(key, 0.0)
            if now < blocked:
                self._refuse(blocked - now)
            tokens = await self._store.call("peek", key, float(per_minute), rate)
            if tokens < 1.0:
                wait = (1.0 - tokens) / rate
                self._blocked[key] = now + wait
                self._refuse(wait)

    async def failed(self, address: str, tenant: str) -> None:
        """Count one failed attempt against the address and the tenant."""
        for key, per_minute in self._keys(address, tenant):
            await self._store.call("take", key, float(per_minute), per_minute / 60.0, 1.0)

    @staticmethod
    def _refuse(wait_s: float) -> None:
        wait = max(1, math.ceil(wait_s))
        raise Throttled(f"too many failed attempts; try again in {wait} s", headers={"retry-after": str(wait)})

    def close(self) -> None:
        self._store.close()


__all__ = ["AttemptThrottle", "Buckets", "LocalBuckets", "RateLimited", "RateLimiter", "SqlBuckets", "Throttled"]
