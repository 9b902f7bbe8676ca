"""The self-model service: what the gateway calls on every request and on every feedback.

``prepare`` reads the signals a request carries against the user's recent responses, folds their
evidence into the cached self-model *before* that request is personalised (read-your-writes) and
returns the beliefs to apply. ``record_response`` remembers what was returned; ``feedback`` takes
explicit ratings and comments. Both return once their writes are **durable** (the journal of
:mod:`beliefs.memory.write_behind`, fsynced in groups): the gateway answers after that, never
before, and never waits for the database itself. ``admit`` is the gate for work that will write
(the queue of writes not yet in the database is bounded). ``health`` says whether the memory can
take writes (the gateway's readiness check).

Corrections and the user's rights live in :mod:`beliefs.memory.rights`; tenant-wide reads in
:mod:`beliefs.insights.reads`.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Sequence

from beliefs.dimensions import DimensionRegistry
from beliefs.learning.confidence import Population
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
from .population import PopulationPriors
from .store import Conversation, Store
from .write_behind import StoreUnavailable, WriteBehind, is_unavailable
from .writes import MarkResponse, RecordObservation, SaveResponse

#: Longest an operator's read waits for queued writes (see :meth:`SelfModelService.caught_up`).
READ_AFTER_WRITE_S = 1.0

#: What the write methods return: a future to await (when not None) before acknowledging; it
#: completes when the write is durable.
Durable = Optional["asyncio.Future[None]"]


class UnknownResponse(LookupError):
    """Feedback named a response id that beliefloop never returned (or no longer keeps)."""


class AmbiguousResponse(LookupError):
    """A completion id names responses of several users and the caller did not say whose."""


@dataclass(frozen=True)
class Health:
    """Whether the memory can take writes, for a readiness check (:meth:`SelfModelService.health`).

    ``ready`` is False while the store is unreachable, its SQLite file was deleted, or the
    journal cannot be written; ``problems`` says which, in words for an operator.
    """

    ready: bool
    problems: tuple[str, ...]
    #: Writes acknowledged but not yet in the database.
    backlog: int
    #: The bound on that backlog (``storage.write_queue_limit``).
    queue_limit: int


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
        queue_limit: int = 2000,
        queue_wait_s: float = 2.0,
        durable_ack: bool = True,
        shared: bool = False,
        sync_s: float = 1.0,
    ) -> None:
        self.store = store
        self.clock = clock
        self.writer = WriteBehind(store, spool_dir, queue_limit=queue_limit, durable_ack=durable_ack)
        self.queue_wait_s = queue_wait_s
        self.cache = SelfModelCache(store, self.writer, clock=clock, cache_users=cache_users,
                                    cache_ttl_s=cache_ttl_s, read_timeout_s=read_timeout_s,
                                    shared=shared, sync_s=sync_s)
        self.populations = PopulationPriors(clock, READ_AFTER_WRITE_S)
        self.reconfigure(registry, learning, interpreter)
        #: Work finishing a request's signals off the hot path (kept so it is not garbage-collected).
        self._late: set[asyncio.Future[None]] = set()

    def reconfigure(self, registry: DimensionRegistry, learning: LearningConfig,
                    interpreter: Interpreter) -> None:
        """Swap rules of interpretation (config reload); cached evidence stays valid."""
        self.registry, self.learning, self.interpreter = registry, learning, interpreter
        #: The slow engine behind the offline one, when configured (README "How interpretation works").
        self.refinery = interpreter if isinstance(interpreter, Refinery) else None
        self.populations.reset()  # rebuilt with the new prior settings at the next request
        self.cache.recent_horizon_s = learning.recent_horizon_s
        self.cache.recent_limit = learning.recent_limit

    async def flush(self) -> None:
        """Wait until every queued write has reached the store (or, in an outage, the journal)."""
        if self._late:
            await asyncio.gather(*self._late, return_exceptions=True)
        await self.writer.flush()

    async def refined(self) -> None:
        """Wait until the slow interpreter (if any) settled every queued text and its late
        evidence was committed (tests, benchmarks); the refinery's task must be running."""
        if self.refinery is not None:
            await self.refinery.drain()

    async def caught_up(self, who: Identity | None = None, wait_s: float = READ_AFTER_WRITE_S) -> None:
        """Before an operator's read: wait for the writes queued so far about ``who`` (every
        user's when None) to reach the store, but never longer than ``wait_s``. Under overload
        such a read shows the store as it is rather than waiting for the queue to drain."""
        async def settle() -> None:
            if self._late:
                await asyncio.gather(*self._late, return_exceptions=True)
            if who is None:
                await self.writer.flush()
            else:
                await self.writer.settled(who.key)

        try:
            await asyncio.wait_for(settle(), wait_s)
        except (asyncio.TimeoutError, StoreUnavailable):
            pass

    async def close(self) -> None:
        await self.writer.close()

    async def admit(self) -> None:
        """Wait (up to ``queue_wait_s``) until the write queue has room; raises
        :class:`~beliefs.memory.write_behind.WriteQueueFull` after that. Called before work that
        will write, so a request is refused before it costs anything, never after."""
        await self.writer.admit(self.queue_wait_s)

    def health(self, *, reachability: bool = True) -> Health:
        """Can the memory take writes now? Cheap (no query): a readiness probe may call it often.
        ``reachability`` False leaves out the last write's failure (a probe that queries the
        store knows better: the outage clears only at the next successful write)."""
        problems = list(getattr(self.store, "problems", lambda: [])())
        writer = self.writer
        if reachability and writer.outage.down_since is not None and not problems:
            problems.append(f"the belief store is unreachable: {writer.outage.last_error!r}")
        if writer.journal is not None and writer.journal.error is not None:
            problems.append(f"the write journal in {writer.journal.directory} cannot be written: "
                            f"{writer.journal.error!r}")
        return Health(not problems, tuple(problems), writer.backlog(), writer.queue_limit)

    def _later(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._late.add(task)
        task.add_done_callback(self._late.discard)

    # -- hot path --------------------------------------------------------------------------

    async def prepare(self, who: Identity, messages: Sequence[Any], *, read: bool = True) -> Prepared:
        """Read the request's signals, fold them in, and return the beliefs to apply to it.
        ``read`` False: the request repeats one already read (a retry), so it carries no signal.
        Raises :class:`~beliefs.memory.write_behind.WriteQueueFull` (before anything is read or
        forwarded) when the write queue stays full."""
        await self.admit()
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
        if self.cache.sync_due(state):
            # Responses other workers gave this user: read off the hot path, and what this
            # request says about them is folded in when they arrive (for the next request).
            self._later(self._catch_up(state, who, messages, hashes, now))
        beliefs = state.model.beliefs(who.context, self.registry.names(), now, self.learning.confidence,
                                      self.population(who.tenant, now))
        return Prepared(who, hashes[-1], tuple(beliefs), tuple(observations))

    def population(self, tenant: str, now: float | None = None) -> Population | None:
        """The tenant's population prior (None when off or not computed yet): a snapshot lookup.
        With ``now``, a stale snapshot starts a refresh in the background."""
        config = self.learning.population
        if not config.enabled:
            return None
        if now is not None and self.populations.due(tenant, now, config):
            self._later(self.populations.refresh(tenant, config, self.learning.confidence,
                                                 self.writer.flush, self.writer.read,
                                                 self.store.confident_users))
        return self.populations.get(tenant)

    def _fold_signals(self, state: UserState, who: Identity, messages: Sequence[Any],
                      hashes: list[str], now: float, late: bool = False,
                      only: Sequence[ResponseRecord] | None = None) -> list[Observation]:
        """Read the request's signals against the user's recent responses (``only`` these, when
        given) and commit them. ``late``: read after the request was answered, so the responses
        may include the request's own, which must not read as a regeneration of itself."""
        learning = self.learning
        refinery = self.refinery
        reader = refinery.session() if refinery is not None else self.interpreter
        # As it is now (the late pass of the LLM engine must read the same).
        recent = list(state.recent.values()) if only is None else list(only)
        if late:
            recent = [r for r in recent if r.created_at < now]
        signals = read_signals(messages, hashes, recent, now, reader, learning.regeneration_window_s)
        observations = [self._take(state, who, signal, now)[0] for signal in signals]
        if refinery is not None and reader.provisional:
            refinery.when_settled(reader.provisional, lambda: self._refine(
                refinery, who, messages, hashes, recent, now, signals))
        return observations

    def _take(self, state: UserState, who: Identity, signal: Signal, now: float) -> tuple[Observation, Durable]:
        """Commit one signal: its observation, the response's outcome, an edit's language later."""
        observation = observe(signal, who, uuid.uuid4().hex, now, self.learning.weights, self.registry)
        durable = self._commit(state, observation)
        if signal.response is not None and signal.outcome is not None:
            self._mark(state, signal.response, signal.outcome)
        if isinstance(signal, Edit) and signal.language_check:
            self._later(self._language_of_edit(state, observation, signal.response.text or "",
                                               signal.edited_text))
        return observation, durable

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
            self._fold_signals(state, who, messages, hashes, now, late=True)

    async def recall(self, tenant: str, response_id: str) -> tuple[ResponseRecord, Conversation | None] | None:
        """A response of ``tenant`` (by beliefloop's id or the upstream's) and the conversation it
        answered, from the store; None when unknown, or when the store does not answer within
        the read timeout (fail open)."""
        def read() -> tuple[ResponseRecord, Conversation | None] | None:
            record = self.store.get_response(tenant, response_id)
            if record is None:
                return None
            return record, self.store.conversations_of([record.id]).get(record.id)

        async def settled_then_read() -> tuple[ResponseRecord, Conversation | None] | None:
            # Reads do not queue behind writes: a response answered moments ago may still be on
            # its way to the store, so wait for that user's writes first.
            exact, matches = self.cache.find(tenant, response_id)
            for record in ([exact] if exact is not None else []) + list(matches):
                await self.writer.settled((record.tenant, record.user_id))
            return await self.writer.read(read)

        if self.writer.outage.open:
            return None
        try:
            return await asyncio.wait_for(settled_then_read(), self.cache.read_timeout_s)
        except Exception as error:
            if isinstance(error, asyncio.TimeoutError) or is_unavailable(error):
                return None
            raise

    async def _catch_up(self, state: UserState, who: Identity, messages: Sequence[Any], hashes: list[str],
                        now: float) -> None:
        found = await self.cache.catch_up(state, who)
        if found and not state.opted_out:
            self._fold_signals(state, who, messages, hashes, now, late=True, only=found)

    def record_response(self, record: ResponseRecord, conversation: Conversation | None = None) -> Durable:
        """Remember a response (memory now, store behind), with the client's conversation for
        exports (stored only). Never for a user who opted out. Await the result before
        answering: it completes when the record (and every write before it) is durable."""
        state = self.cache.cached((record.tenant, record.user_id))
        if state is not None and state.opted_out:
            return None
        if state is not None:
            self.cache.remember(state, record)
        return self.writer.submit(SaveResponse(record, conversation))

    def _mark(self, state: UserState, record: ResponseRecord, outcome: Outcome) -> None:
        current = state.recent.get(record.id, record)
        # "regenerated" may later turn into what the user did with that candidate (kept it,
        # accepted it, followed it up), once; every other outcome is final.
        if current.outcome is None or (current.outcome == "regenerated" and outcome != "regenerated"):
            state.recent[record.id] = replace(current, outcome=outcome)
            self.writer.submit(MarkResponse(record.id, outcome, record.tenant, record.user_id))

    def _commit(self, state: UserState | None, observation: Observation) -> Durable:
        found = increments(observation, self.learning.confidence)
        if state is not None:
            for increment in found:
                state.model.add(increment)
        return self.writer.submit(RecordObservation(observation, tuple(found)))

    # -- explicit feedback -----------------------------------------------------------------

    async def feedback(self, tenant: str, response_id: str, rating: Literal["up", "down"] | None,
                       comment: str | None, user: str | None = None) -> Observation:
        """Record a thumbs rating (and optional comment) about a response of ``tenant`` (and of
        ``user`` when named); returns once the observation is durable. Raises UnknownResponse,
        AmbiguousResponse (a completion id of several users, no user named), WriteQueueFull."""
        await self.admit()
        record = await self.find_response(tenant, response_id, user)
        state = await self.cache.state(record.identity)
        # Never send an opted-out user's words to the LLM engine.
        reading, later = self._read_comment(comment, refine=not state.opted_out)
        observation = feedback_observation(record, rating, reading, uuid.uuid4().hex, self.clock(),
                                           self.learning.weights, self.registry)
        durable = self._commit(state, observation)
        if later is not None and reading is not None and self.refinery is not None:
            refinery, first = self.refinery, reading
            refinery.when_settled({later}, lambda: self._refine_comment(refinery, record, first, later))
        if durable is not None:
            await durable
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

    async def used_text(self, tenant: str, response_id: str, text: str,
                        user: str | None = None) -> Observation | None:
        """The text the user finally used of a response (``edited_text`` / ``final_text`` of
        feedback), read exactly like that reply found in a later request's history: changed, an
        edit (:func:`~beliefs.learning.detect.edit_of`); unchanged, acceptance. Returns once the
        observation is durable; None when there is nothing to read: the response was already read
        as edited, its text is no longer kept, it was already judged and comes back unchanged, or
        the user opted out. Raises like :meth:`feedback`."""
        await self.admit()
        record = await self.find_response(tenant, response_id, user)
        state = await self.cache.state(record.identity)
        current = state.recent.get(record.id, record)
        if state.opted_out or current.outcome == "edited" or not current.text:
            return None
        if text_hash(text) == text_hash(current.text):
            if current.outcome is not None:
                return None
            signal: Signal = Acceptance(current)
        else:
            signal = edit_of(current, text)
        observation, durable = self._take(state, record.identity, signal, self.clock())
        if durable is not None:
            await durable
        return observation

    async def find_response(self, tenant: str, response_id: str, user: str | None = None) -> ResponseRecord:
        """The response of ``tenant`` named by beliefloop's response id or the upstream completion
        id (of ``user`` when given). Memory first (dictionary lookups), then one indexed read;
        a completion id is checked against the store too, since another user's response with the
        same id may not be cached."""
        exact, matches = self.cache.find(tenant, response_id)
        if exact is not None and user in (None, exact.user_id):
            return exact
        if user is not None:
            mine = [r for r in matches if r.user_id == user]
            if mine:
                return mine[0]
        stored = await self.writer.read(self.store.find_responses, tenant, response_id, user)
        by_user = {r.user_id: r for r in stored}
        for record in matches:  # memory has the newest outcome, and writes not yet stored
            if user is None or record.user_id == user:
                by_user[record.user_id] = record
        if not by_user:
            raise UnknownResponse(response_id)
        if len(by_user) > 1:
            raise AmbiguousResponse(response_id)
        return next(iter(by_user.values()))


__all__ = ["AmbiguousResponse", "Health", "Prepared", "SelfModelService", "UnknownResponse"]
