"""The per-process cache of self-models, so the hot path reads beliefs from memory.

A user's state (self-model, recent responses, opt-out) is loaded once, on the read threads
(never behind queued writes, but after that user's own acknowledged writes reached the database);
concurrent requests for the same user wait on the same load. When the store is down or slower
than ``read_timeout_s`` the request goes on without it (fail open) while the load keeps running
and fills the cache when it lands.

A state another worker changed is marked *stale* (reloaded when next needed) rather than dropped,
so the responses it holds can still be found by id; an erased or opted-out user is dropped at
once. Responses are indexed by id and by completion id (:class:`ResponseIndex`), so finding one
(or learning that an id is unknown) costs a dictionary lookup, however many users are cached.

With several workers (``shared``), a worker learns of the responses the others saved for a user
by reading the user's newer responses at most every ``sync_s`` seconds, when that user's
request arrives, off the hot path (what the request says about them is read when they arrive):
a saved response sends no notification.
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
from .write_behind import StoreUnavailable, WriteBehind, is_unavailable

log = logging.getLogger("beliefloop.beliefs")

UserKey = tuple[str, str]
#: Catching up reads responses from this long before the last catch-up (clock skew between hosts,
#: and records applied to the database shortly after they were made).
_SYNC_OVERLAP_S = 5.0
#: At most this many catch-ups at a time (they share the read threads with loads).
_CATCH_UPS_IN_FLIGHT = 1
#: Users looked at per eviction (those with writes still queued are kept).
_EVICTION_SCAN = 64


@dataclass
class UserState:
    """What the hot path knows about one user, in memory."""

    model: SelfModel
    #: Recent responses by id, oldest first (matched against later requests' histories).
    recent: "OrderedDict[str, ResponseRecord]" = field(default_factory=OrderedDict)
    opted_out: bool = False
    loaded_at: float = field(default_factory=time.monotonic)
    #: Another worker changed this user's beliefs: reload before personalising with it again.
    stale: bool = False
    #: When (wall clock) responses were last read from the store, for catching up.
    synced_at: float = 0.0


class ResponseIndex:
    """Which cached user owns a response id, and which users a completion id names."""

    def __init__(self) -> None:
        self._by_id: dict[str, UserKey] = {}
        self._by_completion: dict[tuple[str, str], dict[UserKey, int]] = {}

    def add(self, record: ResponseRecord) -> None:
        key = (record.tenant, record.user_id)
        self._by_id[record.id] = key
        if record.completion_id:
            users = self._by_completion.setdefault((record.tenant, record.completion_id), {})
            users[key] = users.get(key, 0) + 1

    def discard(self, record: ResponseRecord) -> None:
        key = (record.tenant, record.user_id)
        if self._by_id.get(record.id) == key:
            del self._by_id[record.id]
        if record.completion_id:
            name = (record.tenant, record.completion_id)
            users = self._by_completion.get(name)
            if users is not None and key in users:
                users[key] -= 1
                if users[key] <= 0:
                    del users[key]
                if not users:
                    del self._by_completion[name]

    def owner(self, response_id: str) -> UserKey | None:
        return self._by_id.get(response_id)

    def completion_owners(self, tenant: str, completion_id: str) -> list[UserKey]:
        return list(self._by_completion.get((tenant, completion_id), ()))


class SelfModelCache:
    """Users' states by (tenant, user), least recently used dropped first."""

    def __init__(self, store: HotPathStore, writer: WriteBehind, *, clock: Callable[[], float],
                 cache_users: int = 10_000, cache_ttl_s: float | None = None,
                 read_timeout_s: float = 1.0, recent_horizon_s: float = 7 * 86_400.0,
                 recent_limit: int = 64, shared: bool = False, sync_s: float = 1.0) -> None:
        self.store, self.writer, self.clock = store, writer, clock
        self._states: OrderedDict[UserKey, UserState] = OrderedDict()
        self._loading: dict[UserKey, asyncio.Future[UserState]] = {}
        self.index = ResponseIndex()
        self.cache_users = cache_users
        #: Reload a cached state older than this (None: only on invalidation). A safety net for
        #: multi-worker deployments in case a change notification was missed.
        self.cache_ttl_s = cache_ttl_s
        self.read_timeout_s = read_timeout_s
        self.recent_horizon_s, self.recent_limit = recent_horizon_s, recent_limit
        self.shared, self.sync_s = shared, sync_s
        self._catching_up = 0

    def fresh(self, key: UserKey) -> UserState | None:
        """The cached state for ``key`` unless absent, stale or older than ``cache_ttl_s``."""
        state = self._states.get(key)
        if state is None or state.stale or (self.cache_ttl_s is not None
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
            await self.writer.settled(key)  # what was acknowledged about this user is in the store
            now = self.clock()
            model, recent, opted_out = await self.writer.read(self._load, who, now - self.recent_horizon_s)
            state = UserState(model, OrderedDict((r.id, r) for r in reversed(recent)), opted_out, synced_at=now)
            self._install(key, state)
            future.set_result(state)
            return state
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # mark retrieved: waiters re-raise it themselves
            raise
        finally:
            del self._loading[key]

    def _install(self, key: UserKey, state: UserState) -> None:
        old = self._states.pop(key, None)
        if old is not None:
            for record in old.recent.values():
                self.index.discard(record)
            # Responses remembered while the load was in flight are not in what it read.
            for record in old.recent.values():
                if record.id not in state.recent and not state.opted_out:
                    state.recent[record.id] = record
            while len(state.recent) > self.recent_limit:
                state.recent.popitem(last=False)
        for record in state.recent.values():
            self.index.add(record)
        self._states[key] = state
        self._evict()

    def _evict(self) -> None:
        """Drop least recently used states beyond ``cache_users``; a user with writes still queued
        stays (their responses must remain findable, and a reload would wait for them)."""
        excess = len(self._states) - self.cache_users
        if excess <= 0:
            return
        victims = []
        for scanned, key in enumerate(self._states):
            if len(victims) >= excess or scanned >= _EVICTION_SCAN:
                break
            if not self.writer.pending_for(key):
                victims.append(key)
        for key in victims:
            self.forget(key)

    def _load(self, who: Identity, since: float) -> tuple[SelfModel, list[ResponseRecord], bool]:
        profile = self.store.get_profile(who)
        if profile is not None and profile.opted_out:
            return SelfModel(), [], True
        return (self.store.load_self_model(who),
                self.store.recent_responses(who, since, self.recent_limit), False)

    async def state_or_none(self, who: Identity) -> UserState | None:
        """The user's state, or None when the store is down or too slow (fail open).

        A slow load keeps running and fills the cache when it lands; only this request goes on
        without it. While the store is down, a stale state is better than none.
        """
        key = who.key
        fresh = self.fresh(key)
        if fresh is not None:
            return fresh  # the common case: no task, no timer
        if self.writer.outage.open:
            stale = self._states.get(key)
            return stale if stale is not None and not stale.opted_out else None
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
            if not isinstance(error, StoreUnavailable):
                self.writer.outage.failed(error)
            return None

    def sync_due(self, state: UserState) -> bool:
        """With several workers: time to look for responses the others gave this user (and the
        read threads are not busy with such catch-ups: self-model loads and operators' reads
        must not queue behind them)."""
        return (self.shared and self.clock() - state.synced_at >= self.sync_s and not self.writer.outage.open
                and self._catching_up < _CATCH_UPS_IN_FLIGHT)

    async def catch_up(self, state: UserState, who: Identity) -> list[ResponseRecord]:
        """Add the responses other workers saved for this user since we last looked, and return
        them (fail open: none when the store is slow or down)."""
        now = self.clock()
        since = state.synced_at - _SYNC_OVERLAP_S
        state.synced_at = now  # concurrent requests of this user do not catch up again
        self._catching_up += 1
        try:
            return await self._catch_up(state, who, since)
        finally:
            self._catching_up -= 1

    async def _catch_up(self, state: UserState, who: Identity, since: float) -> list[ResponseRecord]:
        def newer() -> list[ResponseRecord]:
            ids = self.store.response_ids_since(who, since, self.recent_limit)
            unknown = [i for i in ids if i not in state.recent]
            return self.store.responses_by_ids(unknown) if unknown else []  # type: ignore[attr-defined]

        try:
            found = await asyncio.wait_for(self.writer.read(newer), self.read_timeout_s)
        except asyncio.TimeoutError:
            return []
        except Exception as error:
            if not is_unavailable(error):
                raise
            self.writer.outage.failed(error)
            return []
        added = sorted((r for r in found if r.id not in state.recent), key=lambda r: r.created_at)
        for record in added:
            self.remember(state, record)
        return added

    def remember(self, state: UserState, record: ResponseRecord) -> None:
        """Keep a new response for matching, within the recent limit."""
        if record.id in state.recent:
            state.recent[record.id] = record
            return
        state.recent[record.id] = record
        self.index.add(record)
        while len(state.recent) > self.recent_limit:
            _, dropped = state.recent.popitem(last=False)
            self.index.discard(dropped)

    def find(self, tenant: str, response_id: str) -> tuple[ResponseRecord | None, list[ResponseRecord]]:
        """From memory: the record with this response id, else the newest record of each cached
        user whose response had this completion id. Dictionary lookups only."""
        owner = self.index.owner(response_id)
        if owner is not None and owner[0] == tenant:
            state = self._states.get(owner)
            record = state.recent.get(response_id) if state is not None else None
            if record is not None:
                return record, []
        matches = []
        for key in self.index.completion_owners(tenant, response_id):
            state = self._states.get(key)
            if state is None:
                continue
            mine = [r for r in state.recent.values() if r.completion_id == response_id]
            if mine:
                matches.append(max(mine, key=lambda r: r.created_at))
        return None, matches

    def invalidate(self, key: UserKey) -> None:
        """Reload the user's state before it is used for personalising again."""
        state = self._states.get(key)
        if state is not None:
            state.stale = True

    def invalidate_all(self) -> None:
        """Mark every state stale (e.g. after missing change notifications)."""
        for state in self._states.values():
            state.stale = True

    def forget(self, key: UserKey) -> None:
        """Drop a user's cached state at once (erased, opted out, changed by an operator)."""
        state = self._states.pop(key, None)
        if state is not None:
            for record in state.recent.values():
                self.index.discard(record)

    def forget_all(self) -> None:
        """Drop every cached state (retention cleared texts they may hold)."""
        self._states.clear()
        self.index = ResponseIndex()


__all__ = ["ResponseIndex", "SelfModelCache", "UserKey", "UserState"]
