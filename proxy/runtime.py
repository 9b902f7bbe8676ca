"""Everything a running proxy holds, built from settings in one place (the app factory calls it).

Rules, the injection policy and the follow-up phrases can be swapped at runtime (config reload);
the store, the database URL and the upstream client are fixed for the life of the process.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Callable

import httpx

from adapters import InjectionPolicy, Rule
from beliefs.insights.reads import InsightsReader
from beliefs.learning.language import detect_language
from beliefs.memory.pg_listener import ChangeListener
from beliefs.memory.rights import UserRights
from beliefs.memory.service import SelfModelService
from beliefs.memory.sql_store import SqlStore
from beliefs.memory.store import Store
from proxy.gateway.model_info import model_facts
from proxy.gateway.providers import LiteLLMRoutes
from proxy.gateway.state import GatewayState
from proxy.gateway.upstream import OpenAIUpstream, make_upstream

from .auth import KeyRing
from .interpreting import CallReport, make_interpreter
from .ratelimit import SqlBuckets
from .settings import Settings

log = logging.getLogger("beliefloop.proxy")

#: How long shutdown waits for the background tasks it cancelled.
SHUTDOWN_WAIT_S = 10.0


@dataclass
class Runtime:
    settings: Settings
    #: The hot path's self-models: prepare a request, record a response, take feedback.
    service: SelfModelService
    #: Inspection, corrections and the user's rights, on the same memory.
    rights: UserRights
    #: Tenant-wide reads for the dashboard, exports and flywheel metrics.
    insights: InsightsReader
    upstream: OpenAIUpstream
    litellm: LiteLLMRoutes
    rules: tuple[Rule, ...]
    policy: InjectionPolicy
    keys: KeyRing = field(default=None)  # type: ignore[assignment]  (set in build)
    #: The doors' per-process state: routes, the retry ledger, Responses API chains.
    gateway: GatewayState = field(default=None)  # type: ignore[assignment]  (set in build)
    config_mtime: float | None = field(default=None)
    listener: ChangeListener | None = field(default=None)
    #: Where the LLM interpreter's calls are counted (``ProxyMetrics.interpreter_call``).
    interpreter_report: CallReport | None = field(default=None)
    _tasks: list[asyncio.Task] = field(default_factory=list)
    #: The LLM interpreter's batching task, when one is configured (replaced on reload).
    _refining: asyncio.Task | None = field(default=None)

    @classmethod
    def build(cls, settings: Settings, *, store: Store | None = None,
              transport: httpx.AsyncBaseTransport | None = None,
              clock: Callable[[], float] | None = None,
              interpreter_report: CallReport | None = None) -> "Runtime":
        store = store or SqlStore.from_url(settings.database_url)
        storage = settings.storage
        shared = isinstance(store, SqlStore) and store.notifies
        ttl = storage.cache_ttl_s if storage.cache_ttl_s is not None else (30.0 if shared else None)
        kwargs = {"clock": clock} if clock is not None else {}
        service = SelfModelService(store, settings.registry(), settings.learning_config(),
                                   make_interpreter(settings, interpreter_report), cache_users=storage.cache_users,
                                   cache_ttl_s=ttl, read_timeout_s=storage.read_timeout_s,
                                   spool_dir=storage.spool_dir, queue_limit=storage.write_queue_limit,
                                   queue_wait_s=storage.write_queue_wait_s, durable_ack=storage.durable_ack,
                                   shared=shared, sync_s=storage.recent_sync_s, **kwargs)
        runtime = cls(settings, service, UserRights(service), InsightsReader(service),
                      make_upstream(settings.upstream, transport=transport),
                      LiteLLMRoutes(settings.model_list), settings.compiled_rules(),
                      settings.injection_policy())
        runtime.interpreter_report = interpreter_report
        limits = settings.rate_limits
        buckets = SqlBuckets(store.engine) if limits.shared == "store" and isinstance(store, SqlStore) else None
        runtime.keys = KeyRing(settings.auth, settings.admin_key, shared=buckets,
                               failed_per_address_per_minute=limits.failed_auth_per_address_per_minute,
                               failed_per_tenant_per_minute=limits.failed_auth_per_tenant_per_minute)
        runtime.gateway = GatewayState.build(settings)
        if runtime.keys.development_mode:
            log.warning("*" * 78)
            log.warning("DEVELOPMENT MODE: requests without a beliefloop client key are accepted "
                        "(auth.development_mode: true). Never expose this server.")
            log.warning("*" * 78)
        return runtime

    async def start(self) -> None:
        """Start background work: spool replay, and change notifications on PostgreSQL."""
        loop = asyncio.get_running_loop()
        store = self.service.store
        if isinstance(store, SqlStore) and store.notifies:
            cache = self.service.cache

            def changed(tenant: str, user: str, kind: str) -> None:
                drop = cache.forget if kind == "forget" else cache.invalidate
                loop.call_soon_threadsafe(drop, (tenant, user))

            self.listener = ChangeListener(store.listener_conninfo(), store.origin, on_change=changed,
                                           on_gap=lambda: loop.call_soon_threadsafe(cache.invalidate_all))
            self.listener.start()
        self._tasks.append(asyncio.create_task(self.service.writer.replay_forever()))
        self._tasks.append(asyncio.create_task(self._retention_forever()))
        self._start_refining()
        # Build the language detector now, off the loop, rather than on the first edited reply.
        # The text must be long enough to be judged (MIN_LETTERS), or the models never load here
        # and the first edited reply pays for it (seconds) instead.
        self._tasks.append(asyncio.create_task(asyncio.to_thread(
            detect_language, "This sentence is long enough for the language detector to load its models.")))
        # And litellm's model map (which models keep system messages, which want max_completion_tokens).
        self._tasks.append(asyncio.create_task(asyncio.to_thread(model_facts, "")))

    def _start_refining(self) -> None:
        """Run the LLM interpreter's batches (if one is configured) in the background."""
        if self._refining is not None:
            self._refining.cancel()  # a reload replaced it: its queued texts keep their offline reading
            self._refining = None
        refinery = self.service.refinery
        if refinery is not None:
            self._refining = asyncio.create_task(refinery.run())

    async def enforce_retention(self) -> dict[str, int]:
        day = 86_400.0
        counts = await self.rights.purge(self.settings.response_retention_days * day,
                                         self.settings.observation_retention_days * day)
        if any(counts.values()):
            log.info("retention: %s", counts)
        return counts

    async def _retention_forever(self) -> None:
        while True:
            try:
                await self.enforce_retention()
            except Exception as error:  # the store may be down; try again next interval
                log.warning("retention job failed: %r", error)
            await asyncio.sleep(self.settings.retention_interval_s)

    def reload(self, new: Settings) -> None:
        """Adopt new rules, policy and learning settings (already validated)."""
        rules, policy = new.compiled_rules(), new.injection_policy()
        interpreter = make_interpreter(new, self.interpreter_report)
        self.service.reconfigure(new.registry(), new.learning_config(), interpreter)
        if self._refining is not None or self.service.refinery is not None:
            self._start_refining()
        self.rules, self.policy = rules, policy
        self.settings = self.settings.model_copy(update={
            "rules": new.rules, "injection": new.injection, "learning": new.learning,
            "interpreter": new.interpreter, "dimensions": new.dimensions,
        })
        log.info("configuration reloaded: %d rules", len(rules))

    async def aclose(self) -> None:
        if self._refining is not None:
            self._tasks.append(self._refining)
        for task in self._tasks:
            task.cancel()
        # Bounded: a task whose cancellation a library swallowed must not hold shutdown for ever.
        done, stuck = await asyncio.wait(self._tasks, timeout=SHUTDOWN_WAIT_S) if self._tasks else (set(), set())
        for task in done:
            if not task.cancelled():
                task.exception()  # retrieved: their failures were logged where they happened
        for task in stuck:
            log.error("background task %s did not stop within %.0f s of shutdown", task.get_name(), SHUTDOWN_WAIT_S)
        if self.listener is not None:
            await asyncio.to_thread(self.listener.stop)
        await self.service.close()
        self.keys.close()
        await self.upstream.aclose()
        self.service.store.close()


__all__ = ["Runtime"]
