"""The per-process cache of self-models, so the hot path reads beliefs from memory.

A user's state (self-model, recent responses, opt-out) is loaded once on the database thread;
concurrent requests for the same user wait on the same load. When the store is down or slower
than ``read_timeout_s`` the request goes on without it (fail open) while the load keeps running
and fills the cache when it lands.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Iterator

from beliefs.learning.selfmodel import SelfModel
from beliefs.records import Identity, ResponseRecord

from .store import HotPathStore
from .write_behind import WriteBehind, is_unavailable

log = logging.getLogger("beliefloop.beliefs")

UserKey = tuple[str, str]


@dataclass
class UserState:
    """What the hot path knows about one user, in memory."""

    model: SelfModel
    #: Recent responses by id, oldest first (matched against later requests' histories).
    recent: "OrderedDict[str, ResponseRecord]" = field(default_factory=OrderedDict)
    opted_out: bool = False
    loaded_at: float = field(default_factory=time.monotonic)


class SelfModelCache:
    """Users' states by (tenant, user), least recently used dropped first."""

    def __init__(self, store: HotPathStore, writer: WriteBehind, *, clock: Callable[[], float],
                 cache_users: int = 10_000, cache_ttl_s: float | None = None,
                 read_timeout_s: float = 1.0, recent_horizon_s: float = 7 * 86_400.0,
                 recent_limit: int = 64) -> None:
        self.store, self.writer, self.clock = store, writer, clock
        self._states: OrderedDict[UserKey, UserState] = OrderedDict()
        self._loading: dict[UserKey, asyncio.Future[UserState]] = {}
        self.cache_users = cache_users
        #: Reload a cached state older than this (None: only on invalidation). A safety net for
        #: multi-worker deployments in case a change notification was missed.
        self.cache_ttl_s = cache_ttl_s
        self.read_timeout_s = read_timeout_s
        self.recent_horizon_s, self.recent_limit = recent_horizon_s, recent_limit

    def fresh(self, key: UserKey) -> UserState | None:
        """The cached state for ``key`` unless absent or older than ``cache_ttl_s``."""
        state = self._states.get(key)
        if state is None or (self.cache_ttl_s is not None
                             and time.monotonic() - state.loaded_at > self.cache_ttl_s):
            return None
        self._states.move_to_end(key)
        return state

    def cached(self, key: UserKey) -> UserState | None:
        """The cached state, however old (None when not cached); never loads."""
        return self._states.get(key)

    def loading(self, key: UserKey) -> "asyncio.Future[UserState] | None":
        """The load in flight for ``key``, if any."""
        return self._loading.get(key)

    def states(self) -> Iterator[tuple[UserKey, UserState]]:
        return iter(list(self._states.items()))

    async def state(self, who: Identity) -> UserState:
        """The user's state, loading it (once, however many callers wait) when not fresh."""
        key = who.key
        state = self.fresh(key)
        if state is not None:
            return state
        loading = self._loading.get(key)
        if loading is not None:
            return await loading
        future: asyncio.Future[UserState] = asyncio.get_running_loop().create_future()
        self._loading[key] = future
        try:
            since = self.clock() - self.recent_horizon_s
            model, recent, opted_out = await self.writer.read(self._load, who, since)
            state = UserState(model, OrderedDict((r.id, r) for r in reversed(recent)), opted_out)
            self._states[key] = state
            while len(self._states) > self.cache_users:
                self._states.popitem(last=False)
            future.set_result(state)
            return state
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # mark retrieved: waiters re-raise it themselves
            raise
        finally:
            del self._loading[key]

    def _load(self, who: Identity, since: float) -> tuple[SelfModel, list[ResponseRecord], bool]:
        profile = self.store.get_profile(who)
        if profile is not None and profile.opted_out:
            return SelfModel(), [], True
        return (self.store.load_self_model(who),
                self.store.recent_responses(who, since, self.recent_limit), False)

    async def state_or_none(self, who: Identity) -> UserState | None:
        """The user's state, or None when the store is down or too slow (fail open).

        A slow load keeps running and fills the cache when it lands; only this request goes on
        without it.
        """
        key = who.key
        fresh = self.fresh(key)
        if fresh is not None:
            return fresh  # the common case: no task, no timer
        if key not in self._states and self.writer.outage.open:
            return None
        load = asyncio.ensure_future(self.state(who))
        # If we stop waiting, the load still finishes (and fills the cache); consume its error.
        load.add_done_callback(lambda t: None if t.cancelled() else t.exception())
        try:
            return await asyncio.wait_for(asyncio.shield(load), self.read_timeout_s)
        except asyncio.TimeoutError:
            log.warning("belief store read exceeded %.2f s; request not personalised", self.read_timeout_s)
            return None
        except Exception as error:
            if not is_unavailable(error):
                raise
            self.writer.outage.failed(error)
            return None

    def remember(self, state: UserState, record: ResponseRecord) -> None:
        """Keep a new response for matching, within the recent limit."""
        state.recent[record.id] = record
        while len(state.recent) > self.recent_limit:
            state.recent.popitem(last=False)

    def forget(self, key: UserKey) -> None:
        """Drop a user's cached state so the next read reloads it from the store."""
        self._states.pop(key, None)

    def forget_all(self) -> None:
        """Drop every cached state (e.g. after missing change notifications)."""
        self._states.clear()


__all__ = ["SelfModelCache", "UserKey", "UserState"]
