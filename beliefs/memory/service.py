"""The self-model service: what the gateway calls on every request and on every feedback.

``prepare`` reads the signals a request carries against the user's recent responses, folds their
evidence into the cached self-model *before* that request is personalised (read-your-writes) and
returns the beliefs to apply. ``record_response`` remembers what was returned; ``feedback`` takes
explicit ratings and comments. Every write goes to a single database thread the event loop never
waits on; the FIFO order of that thread keeps the cache and the database consistent (a reload
queued after a write sees it).

Corrections and the user's rights live in :mod:`beliefs.memory.rights`; tenant-wide reads in
:mod:`beliefs.insights.reads`.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Literal, Sequence

from beliefs.dimensions import DimensionRegistry
from beliefs.learning.config import LearningConfig
from beliefs.learning.conversation import prefix_hashes, text_hash
from beliefs.learning.detect import edit_of, read_signals
from beliefs.learning.evidence import feedback as feedback_observation
from beliefs.learning.evidence import observe, text_evidence
from beliefs.learning.interpret import Interpreter, Reading
from beliefs.learning.language import detect_language
from beliefs.learning.late import added_evidence, added_follow_ups
from beliefs.learning.selfmodel import increments
from beliefs.learning.signals import Acceptance, Edit, Signal
from beliefs.records import Belief, Identity, Observation, Outcome, ResponseRecord

from .cache import SelfModelCache, UserState
from .refinery import Refinery, Settled
from .store import Conversation, Store
from .write_behind import WriteBehind, is_unavailable


class UnknownResponse(LookupError):
    """Feedback named a response id that beliefloop never returned (or no longer keeps)."""


@dataclass(frozen=True)
class Prepared:
    """What the hot path needs after reading a request: beliefs to apply and the prefix hash."""

    identity: Identity
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
        interpreter: Interpreter,
        *,
        clock: Callable[[], float] = time.time,
        cache_users: int = 10_000,
        cache_ttl_s: float | None = None,
        read_timeout_s: float = 1.0,
        spool_dir: str | Path | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.writer = WriteBehind(store, spool_dir)
        self.cache = SelfModelCache(store, self.writer, clock=clock, cache_users=cache_users,
                                    cache_ttl_s=cache_ttl_s, read_timeout_s=read_timeout_s)
        self.reconfigure(registry, learning, interpreter)
        #: Work finishing a request's signals off the hot path (kept so it is not garbage-collected).
        self._late: set[asyncio.Future[None]] = set()

    def reconfigure(self, registry: DimensionRegistry, learning: LearningConfig,
                    interpreter: Interpreter) -> None:
        """Swap rules of interpretation (config reload); cached evidence stays valid."""
        self.registry, self.learning, self.interpreter = registry, learning, interpreter
        #: The slow engine behind the offline one, when configured (README "How interpretation works").
        self.refinery = interpreter if isinstance(interpreter, Refinery) else None
        self.cache.recent_horizon_s = learning.recent_horizon_s
        self.cache.recent_limit = learning.recent_limit

    async def flush(self) -> None:
        """Wait until every queued write has reached the store (or the spool)."""
        if self._late:
            await asyncio.gather(*self._late, return_exceptions=True)
        await self.writer.flush()

    async def refined(self) -> None:
        """Wait until the slow interpreter (if any) settled every queued text and its late
        evidence was committed (tests, benchmarks); the refinery's task must be running."""
        if self.refinery is not None:
            await self.refinery.drain()

    async def close(self) -> None:
        await self.writer.close()

    def _later(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._late.add(task)
        task.add_done_callback(self._late.discard)

    # -- hot path --------------------------------------------------------------------------

    async def prepare(self, who: Identity, messages: Sequence[Any], *, read: bool = True) -> Prepared:
        """Read the request's signals, fold them in, and return the beliefs to apply to it.
        ``read`` False: the request repeats one already read (a retry), so it carries no signal."""
        now = self.clock()
        hashes = prefix_hashes(messages)
        state = await self.cache.state_or_none(who)
        if state is None:
            loading = self.cache.loading(who.key)
            if loading is not None:
                # Too slow for this request, but its signals are not lost: fold them in as soon
                # as the self-model arrives.
                if read:
                    self._later(self._fold_later(loading, who, messages, hashes, now))
            return Prepared(who, hashes[-1], (), (), degraded=True)
        if state.opted_out:
            return Prepared(who, hashes[-1], (), (), opted_out=True)
        observations = self._fold_signals(state, who, messages, hashes, now) if read else []
        beliefs = state.model.beliefs(who.context, self.registry.names(), now, self.learning.confidence)
        return Prepared(who, hashes[-1], tuple(beliefs), tuple(observations))

    def _fold_signals(self, state: UserState, who: Identity, messages: Sequence[Any],
                      hashes: list[str], now: float) -> list[Observation]:
        """Read the request's signals against the user's recent responses and commit them."""
        learning = self.learning
        refinery = self.refinery
        reader = refinery.session() if refinery is not None else self.interpreter
        recent = list(state.recent.values())  # as it is now: the late pass must read the same
        signals = read_signals(messages, hashes, recent, now, reader, learning.regeneration_window_s)
        observations = [self._take(state, who, signal, now) for signal in signals]
        if refinery is not None and reader.provisional:
            refinery.when_settled(reader.provisional, lambda: self._refine(
                refinery, who, messages, hashes, recent, now, signals))
        return observations

    def _take(self, state: UserState, who: Identity, signal: Signal, now: float) -> Observation:
        """Commit one signal: its observation, the response's outcome, an edit's language later."""
        observation = observe(signal, who, uuid.uuid4().hex, now, self.learning.weights, self.registry)
        self._commit(state, observation)
        if signal.response is not None and signal.outcome is not None:
            self._mark(state, signal.response, signal.outcome)
        if isinstance(signal, Edit) and signal.language_check:
            self._later(self._language_of_edit(state, observation, signal.response.text or "",
                                               signal.edited_text))
        return observation

    def _refine(self, refinery: Refinery, who: Identity, messages: Sequence[Any], hashes: list[str],
                recent: list[ResponseRecord], now: float, first: list[Signal]) -> None:
        """Read a request again with the slow engine's readings and commit only what that adds
        (:mod:`beliefs.learning.late`): the next request benefits, nothing is counted twice."""
        state = self.cache.cached(who.key)
        if state is None or state.opted_out:
            return  # evicted (rare within seconds) or opted out: nothing may be written for them
        second = read_signals(messages, hashes, recent, now, Settled(refinery),
                              self.learning.regeneration_window_s)
        for signal in added_follow_ups(first, second):
            observation = observe(signal, who, uuid.uuid4().hex, self.clock(), self.learning.weights,
                                  self.registry)
            self._commit(state, replace(observation, features={**observation.features, "refined": True}))

    async def _language_of_edit(self, state: UserState, edit: Observation, original: str, edited: str) -> None:
        """Language change of an edit, detected off the hot path (lingua, ~1 ms a text) and
        recorded as its own edit observation on the same response."""
        before, after = await asyncio.to_thread(lambda: (detect_language(original), detect_language(edited)))
        if before is None or after is None or before == after:
            return
        deltas = text_evidence([("language", after, 1.0)], self.learning.weights.edit, self.registry)
        observation = replace(edit, id=uuid.uuid4().hex, features={"language_before": before,
                                                                   "language_after": after, "deferred": True},
                              deltas=deltas)
        self._commit(state, observation)

    async def _fold_later(self, loading: "asyncio.Future[UserState]", who: Identity,
                          messages: Sequence[Any], hashes: list[str], now: float) -> None:
        try:
            state = await loading
        except Exception:
            return  # the store is down: the outage is already logged
        if not state.opted_out:
            self._fold_signals(state, who, messages, hashes, now)

    async def recall(self, tenant: str, response_id: str) -> tuple[ResponseRecord, Conversation | None] | None:
        """A response of ``tenant`` (by beliefloop's id or the upstream's) and the conversation it
        answered, from the store; None when unknown, or when the store does not answer within
        the read timeout (fail open)."""
        def read() -> tuple[ResponseRecord, Conversation | None] | None:
            record = self.store.get_response(tenant, response_id)
            if record is None:
                return None
            return record, self.store.conversations_of([record.id]).get(record.id)

        if self.writer.outage.open:
            return None
        try:
            return await asyncio.wait_for(self.writer.read(read), self.cache.read_timeout_s)
        except Exception as error:
            if isinstance(error, asyncio.TimeoutError) or is_unavailable(error):
                return None
            raise

    def record_response(self, record: ResponseRecord, conversation: Conversation | None = None) -> None:
        """Remember a response (memory now, store behind), with the client's conversation for
        exports (stored only). Never for a user who opted out."""
        state = self.cache.cached((record.tenant, record.user_id))
        if state is not None and state.opted_out:
            return
        if state is not None:
            self.cache.remember(state, record)
        self.writer.write("save_response", record, conversation)

    def _mark(self, state: UserState, record: ResponseRecord, outcome: Outcome) -> None:
        current = state.recent.get(record.id, record)
        # "regenerated" may later turn into what the user did with that candidate (kept it,
        # accepted it, followed it up), once; every other outcome is final.
        if current.outcome is None or (current.outcome == "regenerated" and outcome != "regenerated"):
            state.recent[record.id] = replace(current, outcome=outcome)
            self.writer.write("mark_response", record.id, outcome)

    def _commit(self, state: UserState | None, observation: Observation) -> None:
        found = increments(observation, self.learning.confidence)
        if state is not None:
            for increment in found:
                state.model.add(increment)
        self.writer.write("record_observation", observation, found)

    # -- explicit feedback -----------------------------------------------------------------

    async def feedback(self, tenant: str | None, response_id: str, rating: Literal["up", "down"] | None,
                       comment: str | None) -> Observation:
        """Record a thumbs rating (and optional comment) about a response; raises UnknownResponse."""
        record = await self._find_response(tenant, response_id)
        if record is None:
            raise UnknownResponse(response_id)
        state = await self.cache.state(record.identity)
        # Never send an opted-out user's words to the LLM engine.
        reading, later = self._read_comment(comment, refine=state is not None and not state.opted_out)
        observation = feedback_observation(record, rating, reading, uuid.uuid4().hex, self.clock(),
                                           self.learning.weights, self.registry)
        self._commit(state, observation)
        if later is not None and reading is not None and self.refinery is not None:
            refinery, first = self.refinery, reading
            refinery.when_settled({later}, lambda: self._refine_comment(refinery, record, first, later))
        return observation

    def _read_comment(self, comment: str | None, refine: bool) -> tuple[Reading | None, str | None]:
        """A comment's reading now, and the key of a better one to come (slow engine only)."""
        if not comment:
            return None, None
        if self.refinery is not None and refine:
            return self.refinery.reading(comment)
        return self.interpreter.read(comment), None

    def _refine_comment(self, refinery: Refinery, record: ResponseRecord, first: Reading, key: str) -> None:
        """The evidence a comment's late reading adds, as a comment without a rating."""
        settled = refinery.cached(key)
        state = self.cache.cached((record.tenant, record.user_id))
        if settled is None or state is None or state.opted_out:
            return
        fresh = added_evidence(first.evidence, settled.evidence)
        if not fresh:
            return
        observation = feedback_observation(record, None, Reading(fresh, "request"), uuid.uuid4().hex,
                                           self.clock(), self.learning.weights, self.registry)
        self._commit(state, replace(observation, features={**observation.features, "refined": True}))

    async def used_text(self, tenant: str | None, response_id: str, text: str) -> Observation | None:
        """The text the user finally used of a response (``edited_text`` / ``final_text`` of
        feedback), read exactly like that reply found in a later request's history: changed, an
        edit (:func:`~beliefs.learning.detect.edit_of`); unchanged, acceptance. None when there is
        nothing to read: the response was already read as edited, its text is no longer kept,
        it was already judged and comes back unchanged, or the user opted out. Raises
        UnknownResponse."""
        record = await self._find_response(tenant, response_id)
        if record is None:
            raise UnknownResponse(response_id)
        state = await self.cache.state(record.identity)
        current = state.recent.get(record.id, record)
        if state.opted_out or current.outcome == "edited" or not current.text:
            return None
        if text_hash(text) == text_hash(current.text):
            if current.outcome is not None:
                return None
            return self._take(state, record.identity, Acceptance(current), self.clock())
        return self._take(state, record.identity, edit_of(current, text), self.clock())

    async def _find_response(self, tenant: str | None, response_id: str) -> ResponseRecord | None:
        for (cached_tenant, _), state in self.cache.states():
            if tenant is not None and cached_tenant != tenant:
                continue
            record = state.recent.get(response_id)
            if record is None:
                record = next((r for r in state.recent.values() if r.completion_id == response_id), None)
            if record is not None:
                return record
        return await self.writer.read(self.store.get_response, tenant, response_id)


__all__ = ["Prepared", "SelfModelService", "UnknownResponse"]
