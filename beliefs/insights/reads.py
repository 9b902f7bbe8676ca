"""Tenant-wide reads for dashboards, exports and flywheel metrics: each a typed snapshot.

The reads run on the service's database thread, after the writes queued before them (so what an
operator sees includes the request that just finished), or directly on a store for the CLI. They
use only the :class:`~beliefs.memory.store.InsightsStore` (and a few user reads); the numbers are
made from them by pure code (``export``, ``flywheel``, ``health``, ``history``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from beliefs.learning.selfmodel import Pin, SelfModel
from beliefs.memory.service import SelfModelService
from beliefs.memory.store import Store
from beliefs.records import Identity, Observation, ResponseRecord, UserProfile

from . import aggregates, comparisons
from .comparisons import Pair
from .aggregates import UserPage, UserTotals
from .export import SOURCE_KINDS, ExportKind, ExportSource, follow_up_text

#: Profiles read per page when a read needs all of a tenant's users.
_PROFILE_PAGE = 1000


@dataclass(frozen=True)
class TenantSnapshot:
    """What the dashboard overview is computed from: counts made by the database, one page of
    users (with their self-models), and the inputs of the two replays (churn, corrections)."""

    #: ``{kind: {day_start: count}}`` since the window opened (SQL).
    signals: dict[str, dict[float, int]]
    #: ``{day_start: (personalised, all)}`` responses since the window opened (SQL).
    personalised: dict[float, tuple[int, int]]
    totals: UserTotals
    users: UserPage
    models: dict[str, SelfModel]
    #: Newest first; from the beginning (replays need what was believed before the window).
    observations: list[Observation]
    pins: list[tuple[str, str, str, Pin]]


@dataclass(frozen=True)
class UserSnapshot:
    """What the dashboard's page about one user is computed from."""

    profile: UserProfile | None
    model: SelfModel | None
    #: Newest first.
    observations: list[Observation]
    #: Newest first.
    responses: list[ResponseRecord]


def read_export_source(store: Store, tenant: str, since: float, kind: ExportKind) -> ExportSource:
    """Signals of ``kind``'s sources since ``since``, the records they name, and their users."""
    observations = store.export_observations(tenant, since, SOURCE_KINDS[kind])
    ids = {o.response_id for o in observations if o.response_id}
    ids |= {o.rejected_id for o in observations if o.kind == "regeneration" and o.rejected_id}
    wanted = sorted(i for i in ids if i)
    responses = {r.id: r for r in store.responses_by_ids(wanted)}
    conversations = store.conversations_of(wanted)
    users = sorted({o.user_id for o in observations})
    profiles = {(p.tenant, p.user_id): p for p in store.profiles_of(tenant, users)}
    follow_ups: dict[str, str] = {}
    if kind == "evals":
        for o in observations:
            answered = responses.get(o.response_id or "")
            if o.kind != "follow_up" or answered is None:
                continue
            # The follow-up was read while preparing the next request; that request's record is
            # the user's first response from then on (checked by follow_up_text).
            carrier = store.response_after(tenant, o.user_id, o.created_at)
            carried = store.conversations_of([carrier.id]).get(carrier.id) if carrier is not None else None
            text = follow_up_text(o, answered, carried)
            if text is not None:
                follow_ups[o.id] = text
    return ExportSource(observations, responses, profiles, follow_ups, conversations)


def read_flywheel_source(store: Store, tenant: str, since: float) -> tuple[list[ResponseRecord], list[UserProfile]]:
    """Lean response records since ``since`` and every profile of ``tenant``."""
    profiles: list[UserProfile] = []
    while True:
        page = store.list_profiles(tenant, _PROFILE_PAGE, len(profiles))
        profiles.extend(page)
        if len(page) < _PROFILE_PAGE:
            break
    return store.response_outcomes(tenant, since), profiles


def read_tenant(store: Store, tenant: str, since: float, *, search: str = "", limit: int, offset: int = 0,
                observations: int, pins: int) -> TenantSnapshot:
    """The dashboard overview's inputs: SQL counts, a page of users, bounded replay inputs."""
    engine = store.engine  # type: ignore[attr-defined]
    page = aggregates.users_page(engine, tenant, search, limit, offset)
    return TenantSnapshot(
        aggregates.signals_per_day(engine, tenant, since), aggregates.personalised_per_day(engine, tenant, since),
        aggregates.user_totals(engine, tenant), page,
        store.load_self_models(tenant, [p.user_id for p in page.profiles]),
        store.observations_since(tenant, 0.0, observations), store.list_pins(tenant, pins))


def read_user(store: Store, who: Identity, *, observations: int, responses: int) -> UserSnapshot:
    """One user's profile, stored self-model, latest observations and responses."""
    return UserSnapshot(store.get_profile(who), store.load_self_models(who.tenant, [who.user]).get(who.user),
                        store.observations(who, observations), store.recent_responses(who, 0.0, responses))


class InsightsReader:
    """The reads above, on the service's read threads (never queued behind writes), after the
    writes queued so far reached the store or a short wait passed (``caught_up``)."""

    def __init__(self, service: SelfModelService) -> None:
        self.service = service

    async def _read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        await self.service.caught_up()
        store = self.service.store
        return await self.service.writer.read(lambda: fn(store, *args, **kwargs))

    async def export_source(self, tenant: str, since: float, kind: ExportKind) -> ExportSource:
        return await self._read(read_export_source, tenant, since, kind)

    async def flywheel_source(self, tenant: str, since: float) -> tuple[list[ResponseRecord], list[UserProfile]]:
        return await self._read(read_flywheel_source, tenant, since)

    async def tenant(self, tenant: str, since: float, **limits: Any) -> TenantSnapshot:
        return await self._read(read_tenant, tenant, since, **limits)

    async def user(self, who: Identity, **limits: int) -> UserSnapshot:
        return await self._read(read_user, who, **limits)

    async def recent_pairs(self, who: Identity) -> list[Pair]:
        """The user's comparison pairs among their recent responses, newest first: the latest one is
        shown, all feed the lift (:mod:`beliefs.insights.comparisons`, :mod:`beliefs.insights.lift`)."""
        return await self._read(lambda store: comparisons.recent_pairs(store.engine, who))


__all__ = ["InsightsReader", "TenantSnapshot", "UserSnapshot", "read_export_source", "read_flywheel_source",
           "read_tenant", "read_user"]
