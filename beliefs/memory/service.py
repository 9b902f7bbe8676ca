"""The self-model service: the one place where signals, beliefs and the store meet.

It keeps a per-process cache of self-models, so the hot path reads beliefs from memory, applies
the signals a request carries *before* that request is personalised (read-your-writes), and hands
every write to a single database thread that the event loop never waits on. The FIFO order of that
thread is what keeps the cache and the database consistent: a reload queued after a write sees it.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Literal, Sequence

from beliefs.dimensions import DimensionRegistry
from beliefs.learning.confidence import ConfidenceModel
from beliefs.learning.conversation import prefix_hashes
from beliefs.learning.detect import DetectedSignal, read_signals
from beliefs.learning.evidence import SignalWeights, approval, rejection, text_evidence
from beliefs.learning.followup import FollowUpClassifier
from beliefs.learning.language import detect_language
from beliefs.learning.selfmodel import SelfModel
from beliefs.learning.selfmodel import increments as evidence_increments
from beliefs.records import GLOBAL_CONTEXT, Belief, EvidenceDelta, Observation, ResponseRecord

from .store import Store
from .write_behind import WriteBehind, is_unavailable

log = logging.getLogger("beliefloop.beliefs")


class UnknownResponse(LookupError):
    """Feedback named a response id that beliefloop never returned (or no longer keeps)."""


@dataclass(frozen=True)
class LearningConfig:
    """How signals become beliefs. Times in seconds."""

    confidence: ConfidenceModel = ConfidenceModel()
    weights: SignalWeights = SignalWeights()
    regeneration_window_s: float = 600.0
    #: How far back responses are kept in memory for matching edits and regenerations.
    recent_horizon_s: float = 7 * 86_400.0
    recent_limit: int = 64


@dataclass
class _UserState:
    model: SelfModel
    recent: "OrderedDict[str, ResponseRecord]" = field(default_factory=OrderedDict)
    opted_out: bool = False
    loaded_at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class Prepared:
    """What the hot path needs after reading a request: beliefs to apply and the prefix hash."""

    tenant: str
    user_id: str
    context: str
    prefix_hash: str
    beliefs: tuple[Belief, ...]
    observations: tuple[Observation, ...]
    #: The user opted out: nothing was read, nothing is applied, nothing may be stored.
    opted_out: bool = False
    #: The store could not be read in time: the request goes on un-personalised (fail open).
    degraded: bool = False


class SelfModelService:
    def __init__(
        self,
        store: Store,
        registry: DimensionRegistry,
        learning: LearningConfig,
        classifier: FollowUpClassifier,
        *,
        clock: Callable[[], float] = time.time,
        cache_users: int = 10_000,
        cache_ttl_s: float | None = None,
        read_timeout_s: float = 1.0,
        spool_dir: str | Path | None = None,
    ) -> None:
        self.store = store
        self.registry = registry
        self.learning = learning
        self.classifier = classifier
        self.clock = clock
        self._cache: OrderedDict[tuple[str, str], _UserState] = OrderedDict()
        self._loading: dict[tuple[str, str], asyncio.Future[_UserState]] = {}
        self._cache_users = cache_users
        #: Reload a cached self-model older than this (None: only on invalidation). A safety net
        #: for multi-worker deployments in case a change notification was missed.
        self.cache_ttl_s = cache_ttl_s
        self.read_timeout_s = read_timeout_s
        self.writer = WriteBehind(store, spool_dir)
        #: Signal folds waiting for a slow self-model load (kept so they are not garbage-collected).
        self._late: set[asyncio.Future[None]] = set()

    def reconfigure(self, registry: DimensionRegistry, learning: LearningConfig,
                    classifier: FollowUpClassifier) -> None:
        """Swap rules of interpretation (config reload); cached evidence stays valid."""
        self.registry, self.learning, self.classifier = registry, learning, classifier

    # -- database thread -------------------------------------------------------------------

    async def _read(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await self.writer.read(fn, *args)

    def _write(self, op: str, *args: Any) -> None:
        """Queue ``store.<op>(*args)``; it runs after every write queued before it."""
        self.writer.write(op, *args)

    async def flush(self) -> None:
        """Wait until every queued write has reached the store (or the spool)."""
        if self._late:
            await asyncio.gather(*self._late, return_exceptions=True)
        await self.writer.flush()

    async def close(self) -> None:
        await self.writer.close()

    # -- cache -----------------------------------------------------------------------------

    def _fresh(self, key: tuple[str, str]) -> _UserState | None:
        """The cached state for ``key`` unless absent or older than ``cache_ttl_s``."""
        state = self._cache.get(key)
        if state is None or (self.cache_ttl_s is not None
                             and time.monotonic() - state.loaded_at > self.cache_ttl_s):
            return None
        self._cache.move_to_end(key)
        return state

    async def _state(self, tenant: str, user_id: str) -> _UserState:
        key = (tenant, user_id)
        state = self._fresh(key)
        if state is not None:
            return state
        loading = self._loading.get(key)
        if loading is not None:
            return await loading
        future: asyncio.Future[_UserState] = asyncio.get_running_loop().create_future()
        self._loading[key] = future
        try:
            since = self.clock() - self.learning.recent_horizon_s
            model, recent, opted_out = await self._read(self._load, tenant, user_id, since)
            state = _UserState(model, OrderedDict((r.id, r) for r in reversed(recent)), opted_out)
            self._cache[key] = state
            while len(self._cache) > self._cache_users:
                self._cache.popitem(last=False)
            future.set_result(state)
            return state
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # mark retrieved: waiters re-raise it themselves
            raise
        finally:
            del self._loading[key]

    def _load(self, tenant: str, user_id: str, since: float) -> tuple[SelfModel, list[ResponseRecord], bool]:
        profile = self.store.get_profile(tenant, user_id)
        if profile is not None and profile.opted_out:
            return SelfModel(), [], True
        return (self.store.load_self_model(tenant, user_id),
                self.store.recent_responses(tenant, user_id, since, self.learning.recent_limit), False)

    async def query(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a read-only store call on the database thread (after every queued write)."""
        return await self._read(fn, *args)

    def forget(self, tenant: str, user_id: str) -> None:
        """Drop a user's cached self-model so the next read reloads it from the store."""
        self._cache.pop((tenant, user_id), None)

    def forget_all(self) -> None:
        """Drop every cached self-model (e.g. after missing change notifications)."""
        self._cache.clear()

    # -- hot path --------------------------------------------------------------------------

    async def prepare(self, tenant: str, user_id: str, context: str, messages: Sequence[Any]) -> Prepared:
        """Read the request's signals, fold them in, and return the beliefs to apply to it."""
        now = self.clock()
        hashes = prefix_hashes(messages)
        state = await self._state_or_none(tenant, user_id)
        if state is None:
            loading = self._loading.get((tenant, user_id))
            if loading is not None:
                # Too slow for this request, but its signals are not lost: fold them in as soon
                # as the self-model arrives.
                self._late.add(asyncio.ensure_future(
                    self._fold_later(loading, tenant, user_id, context, messages, hashes, now)))
            return Prepared(tenant, user_id, context, hashes[-1], (), (), degraded=True)
        if state.opted_out:
            return Prepared(tenant, user_id, context, hashes[-1], (), (), opted_out=True)
        observations = self._fold_signals(state, tenant, user_id, context, messages, hashes, now)
        beliefs = state.model.beliefs(context, self.registry.names(), now, self.learning.confidence)
        return Prepared(tenant, user_id, context, hashes[-1], tuple(beliefs), tuple(observations))

    def _fold_signals(self, state: _UserState, tenant: str, user_id: str, context: str,
                      messages: Sequence[Any], hashes: list[str], now: float) -> list[Observation]:
        """Read the request's signals against the user's recent responses and commit them."""
        signals = read_signals(messages, hashes, list(state.recent.values()), now, self.classifier,
                               self.learning.regeneration_window_s)
        observations = []
        for signal in signals:
            observation = self._observation(tenant, user_id, context, signal, now)
            self._commit(state, observation, now)
            if signal.response is not None and signal.outcome is not None:
                self._mark(state, signal.response, signal.outcome)
            observations.append(observation)
            if signal.kind == "edit" and signal.features.get("language_check") and signal.response is not None:
                self._late.add(asyncio.ensure_future(self._language_of_edit(
                    state, observation, signal.response.text or "", signal.features.get("edited_text", ""))))
        return observations

    async def _language_of_edit(self, state: _UserState, edit: Observation, original: str, edited: str) -> None:
        """Language change of an edit, detected off the hot path (lingua, ~1 ms a text) and
        recorded as its own edit observation on the same response."""
        try:
            before, after = await asyncio.to_thread(lambda: (detect_language(original), detect_language(edited)))
        finally:
            self._late.discard(asyncio.current_task())  # type: ignore[arg-type]
        if before is None or after is None or before == after:
            return
        deltas = text_evidence([("language", after, 1.0)], self.learning.weights.edit, self.registry)
        observation = replace(edit, id=uuid.uuid4().hex, features={"language_before": before,
                                                                   "language_after": after, "deferred": True},
                              deltas=deltas)
        self._commit(state, observation, edit.created_at)

    async def _fold_later(self, loading: "asyncio.Future[_UserState]", tenant: str, user_id: str,
                          context: str, messages: Sequence[Any], hashes: list[str], now: float) -> None:
        try:
            state = await loading
        except Exception:
            return  # the store is down: the outage is already logged
        finally:
            self._late.discard(asyncio.current_task())  # type: ignore[arg-type]
        if not state.opted_out:
            self._fold_signals(state, tenant, user_id, context, messages, hashes, now)

    async def _state_or_none(self, tenant: str, user_id: str) -> _UserState | None:
        """The user's state, or None when the store is down or too slow (fail open).

        A slow load keeps running and fills the cache when it lands; only this request goes on
        without it.
        """
        key = (tenant, user_id)
        fresh = self._fresh(key)
        if fresh is not None:
            return fresh  # the common case: no task, no timer
        if key not in self._cache and self.writer.outage.open:
            return None
        load = asyncio.ensure_future(self._state(tenant, user_id))
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

    def record_response(self, record: ResponseRecord) -> None:
        """Remember a response (memory now, store behind). Never for a user who opted out."""
        state = self._cache.get((record.tenant, record.user_id))
        if state is not None and state.opted_out:
            return
        if state is not None:
            # The cache only matches prefixes and texts: the kept conversation (for exports)
            # stays in the store, or memory would grow with every conversation's length.
            cached = replace(record, features={k: v for k, v in record.features.items() if k != "messages"})
            state.recent[record.id] = cached
            while len(state.recent) > self.learning.recent_limit:
                state.recent.popitem(last=False)
        self._write("save_response", record)

    def _mark(self, state: _UserState, record: ResponseRecord, outcome: str) -> None:
        current = state.recent.get(record.id, record)
        # "regenerated" may later turn into what the user did with that candidate (kept it,
        # accepted it, followed it up), once; every other outcome is final.
        if current.outcome is None or (current.outcome == "regenerated" and outcome != "regenerated"):
            state.recent[record.id] = replace(current, outcome=outcome)
            self._write("mark_response", record.id, outcome)

    def _observation(self, tenant: str, user_id: str, context: str, signal: DetectedSignal,
                     now: float) -> Observation:
        weights, registry = self.learning.weights, self.registry
        applied = signal.response.applied if signal.response is not None else ()
        if signal.kind == "edit":
            deltas = text_evidence(signal.evidence, weights.edit, registry)
        elif signal.kind == "follow_up":
            deltas = text_evidence(signal.evidence, weights.follow_up, registry)
        elif signal.kind == "regeneration" and signal.features.get("choice"):
            weight = weights.choice_newest if signal.features.get("newest") else weights.choice
            deltas = text_evidence(signal.evidence, weight, registry)
        elif signal.kind == "regeneration":
            deltas = rejection(applied, weights.regeneration, registry, "implicit")
        else:  # acceptance
            deltas = approval(applied, weights.acceptance, "implicit")
        return Observation(
            id=uuid.uuid4().hex, tenant=tenant, user_id=user_id,
            context=signal.response.context if signal.response is not None else context,
            kind=signal.kind, response_id=signal.response.id if signal.response is not None else None,
            features=signal.features, deltas=deltas, created_at=now,
        )

    def _commit(self, state: _UserState | None, observation: Observation, now: float) -> None:
        increments = evidence_increments(observation, self.learning.confidence)
        if state is not None:
            for inc in increments:
                state.model.add(inc)
        self._write("record_observation", observation, increments)

    # -- explicit feedback -----------------------------------------------------------------

    async def feedback(self, tenant: str | None, response_id: str, rating: Literal["up", "down"] | None,
                       comment: str | None) -> Observation:
        """Record a thumbs rating (and optional comment) about a response; raises UnknownResponse."""
        record = await self._find_response(tenant, response_id)
        if record is None:
            raise UnknownResponse(response_id)
        now = self.clock()
        weights = self.learning.weights
        deltas: tuple[EvidenceDelta, ...] = ()
        if rating == "up":
            deltas = approval(record.applied, weights.thumbs_up, "explicit")
        elif rating == "down":
            deltas = rejection(record.applied, weights.thumbs_down, self.registry, "explicit")
        comment_evidence = self.classifier.classify(comment) if comment else []
        deltas += text_evidence(comment_evidence, weights.comment, self.registry, "explicit")
        observation = Observation(
            id=uuid.uuid4().hex, tenant=record.tenant, user_id=record.user_id, context=record.context,
            kind="thumbs", response_id=record.id,
            features={"rating": rating, "comment_evidence": [list(e) for e in comment_evidence]},
            deltas=deltas, created_at=now,
        )
        state = await self._state(record.tenant, record.user_id)
        self._commit(state, observation, now)
        return observation

    async def _find_response(self, tenant: str | None, response_id: str) -> ResponseRecord | None:
        for (cached_tenant, _), state in self._cache.items():
            if tenant is not None and cached_tenant != tenant:
                continue
            record = state.recent.get(response_id)
            if record is None:
                record = next((r for r in state.recent.values() if r.completion_id == response_id), None)
            if record is not None:
                return record
        return await self._read(self.store.get_response, tenant, response_id)

    # -- inspection and correction ---------------------------------------------------------

    async def stored_beliefs(self, tenant: str, user_id: str) -> list[Belief]:
        state = await self._state(tenant, user_id)
        return state.model.stored_beliefs(self.clock(), self.learning.confidence)

    async def effective_beliefs(self, tenant: str, user_id: str, context: str) -> list[Belief]:
        """The beliefs a request in ``context`` would be personalised with now, without reading
        any signal (read-only; empty for a user who opted out)."""
        state = await self._state(tenant, user_id)
        if state.opted_out:
            return []
        return state.model.beliefs(context, self.registry.names(), self.clock(), self.learning.confidence)

    async def set_belief(self, tenant: str, user_id: str, dimension: str, value: str,
                         confidence: float | None, context: str, pinned: bool) -> None:
        """Replace a dimension's belief with a manual one (value already validated)."""
        now = self.clock()
        cm = self.learning.confidence
        state = await self._state(tenant, user_id)
        base = 0.5
        if context != GLOBAL_CONTEXT:
            base = state.model.posterior(GLOBAL_CONTEXT, dimension, now, cm).mean(value)
        if pinned:
            weight, pin_confidence = 0.0, 1.0 if confidence is None else confidence
        else:
            weight, pin_confidence = cm.manual_weight(0.95 if confidence is None else confidence, base), None
        await self._read(self.store.set_manual, tenant, user_id, context, dimension, value,
                         weight, pin_confidence, now)
        self.forget(tenant, user_id)

    async def delete_belief(self, tenant: str, user_id: str, dimension: str, context: str | None) -> int:
        removed = await self._read(self.store.delete_belief, tenant, user_id, dimension, context)
        self.forget(tenant, user_id)
        return removed

    async def delete_user(self, tenant: str, user_id: str) -> int:
        removed = await self._read(self._delete_everywhere, tenant, user_id)
        self.forget(tenant, user_id)
        return removed

    def _delete_everywhere(self, tenant: str, user_id: str) -> int:
        """Delete from the store and from this process's spool (runs on the database thread)."""
        if self.writer.spool is not None:
            self.writer.spool.remove_records_of(tenant, user_id)
        return self.store.delete_user(tenant, user_id)

    async def set_opt_out(self, tenant: str, user_id: str, opted_out: bool) -> None:
        """Opting out deletes everything stored about the user and stops observing them."""
        now = self.clock()
        if opted_out:
            await self._read(self._delete_everywhere, tenant, user_id)
        await self._read(lambda: self.store.set_flags(tenant, user_id, now, opted_out=opted_out))
        self.forget(tenant, user_id)

    async def export_user(self, tenant: str, user_id: str) -> dict[str, Any]:
        """Everything stored about the user, plus the beliefs derived from it now."""
        await self.flush()
        data = await self._read(self.store.export_user, tenant, user_id)
        beliefs = await self.stored_beliefs(tenant, user_id)
        data["beliefs"] = [{"dimension": b.dimension, "value": b.value, "confidence": b.confidence,
                            "evidence": b.evidence, "context": b.context, "source": b.source,
                            "pinned": b.pinned, "updated_at": b.updated_at} for b in beliefs]
        return data

    async def purge(self, text_retention_s: float, observation_retention_s: float) -> dict[str, int]:
        """Apply retention now (see Store.purge); cached states are dropped so texts go too."""
        now = self.clock()
        counts = await self._read(self.store.purge, now - text_retention_s, now - observation_retention_s)
        if any(counts.values()):
            self.forget_all()
        return counts

    async def is_opted_out(self, tenant: str, user_id: str) -> bool:
        return (await self._state(tenant, user_id)).opted_out

    async def observations(self, tenant: str, user_id: str, limit: int = 200) -> list[Observation]:
        await self.flush()
        return await self._read(self.store.observations, tenant, user_id, limit)

    async def trace(self, tenant: str | None, response_id: str) -> tuple[ResponseRecord, list[Observation]]:
        await self.flush()
        record = await self._read(self.store.get_response, tenant, response_id)
        if record is None:
            raise UnknownResponse(response_id)
        return record, await self._read(self.store.observations_for_response, record.id)


__all__ = ["LearningConfig", "Prepared", "SelfModelService", "UnknownResponse"]
