"""Per-tenant population priors: a snapshot the request path reads, refreshed off it.

The request path only looks a tenant's :class:`~beliefs.learning.confidence.Population` up in a
dictionary (:meth:`PopulationPriors.get`). When the snapshot is older than ``refresh_s`` (service
clock), or missing, a refresh is started in the background: one aggregate query
(:meth:`~beliefs.memory.store.InsightsStore.confident_users`) on the database thread, after the
writes queued so far have reached the store (waiting at most ``settle_s``). Until the first
refresh of a tenant finishes, its users get no prior. A failed refresh keeps the old snapshot
and is retried after ``refresh_s``.

Users count when their *own* evidence (no prior) makes a global belief confident at the acting
threshold (or they pinned it), so the prior never feeds on itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from beliefs.dimensions import NOT_OBSERVED
from beliefs.learning.confidence import ConfidenceModel, Population, logit
from beliefs.learning.config import PopulationConfig
from beliefs.records import GLOBAL_CONTEXT

log = logging.getLogger("beliefloop.beliefs")


def counts_to_population(counts: dict[tuple[str, str], int], config: PopulationConfig) -> Population:
    """The prior from the store's counts: "none of these" is never a population's value."""
    kept = {key: users for key, users in counts.items() if key[1] != NOT_OBSERVED}
    return Population.from_counts(kept, config.strength, config.max_log_odds, config.history)


class PopulationPriors:
    def __init__(self, clock: Callable[[], float], settle_s: float = 1.0) -> None:
        self.clock = clock
        self.settle_s = settle_s
        #: tenant -> (service time of the refresh, population)
        self.snapshots: dict[str, tuple[float, Population]] = {}
        self._refreshing: set[str] = set()

    def reset(self) -> None:
        """Forget every snapshot (the prior's settings changed)."""
        self.snapshots.clear()

    def get(self, tenant: str) -> Population | None:
        """The tenant's current snapshot (None before its first refresh). A dictionary lookup."""
        found = self.snapshots.get(tenant)
        return found[1] if found is not None else None

    def due(self, tenant: str, now: float, config: PopulationConfig) -> bool:
        if not config.enabled or tenant in self._refreshing:
            return False
        found = self.snapshots.get(tenant)
        return found is None or now - found[0] >= config.refresh_s

    async def refresh(self, tenant: str, config: PopulationConfig, model: ConfidenceModel,
                      settle: Callable[[], Awaitable[None]],
                      read: Callable[..., Awaitable[Any]], confident_users: Callable[..., Any]) -> None:
        """Recompute ``tenant``'s snapshot. ``settle``: waits for queued writes; ``read`` runs
        ``confident_users`` (the store's aggregate) on the database thread."""
        if tenant in self._refreshing:
            return
        self._refreshing.add(tenant)
        now = self.clock()
        try:
            with contextlib.suppress(Exception):  # slow or failing writes: read what is there
                await asyncio.wait_for(settle(), self.settle_s)
            threshold = model.acting_threshold
            counts = await read(confident_users, tenant, GLOBAL_CONTEXT, model.growth(now),
                                logit(threshold) / model.scale, threshold)
            self.snapshots[tenant] = (now, counts_to_population(counts, config))
        except Exception as error:  # keep the old snapshot; try again after refresh_s
            log.warning("population prior of tenant %r not refreshed: %r", tenant, error)
            old = self.snapshots.get(tenant)
            self.snapshots[tenant] = (now, old[1] if old is not None else Population())
        finally:
            self._refreshing.discard(tenant)


__all__ = ["PopulationPriors", "counts_to_population"]
