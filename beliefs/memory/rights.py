"""What operators and users may do with a self-model: inspect it, correct it, and exercise the
user's rights (opt out, export, be forgotten), plus retention.

Every change runs on the service's database thread after the writes queued before it, is
committed (and synced) before it returns, and drops or refreshes the user's cached state, so it
takes effect on the user's very next request. Reads run on the read threads, after the user's
own queued writes (bounded by ``READ_AFTER_WRITE_S``).
"""

from __future__ import annotations

from typing import Any

from beliefs.codec import belief_json
from beliefs.records import GLOBAL_CONTEXT, Belief, Identity, Observation, ResponseRecord

from .service import SelfModelService, UnknownResponse

#: Confidence of a manual (operator-set, unpinned) belief when none is given.
DEFAULT_MANUAL_CONFIDENCE = 0.95


class UserRights:
    """Inspection, correction and privacy operations on the service's memory."""

    def __init__(self, service: SelfModelService) -> None:
        self.service = service

    async def _change(self, fn: Any, *args: Any) -> Any:
        """Run a change on the database thread, after every write queued before it."""
        return await self.service.writer.call(fn, *args)

    async def _read(self, fn: Any, *args: Any) -> Any:
        return await self.service.writer.read(fn, *args)

    def _forget(self, who: Identity) -> None:
        """The user's data is gone: nothing cached about them may be used any more."""
        self.service.cache.forget(who.key)

    def _refresh(self, who: Identity) -> None:
        """The user's beliefs changed: reload them before the next request is personalised."""
        self.service.cache.invalidate(who.key)

    # -- inspection --------------------------------------------------------------------------

    async def stored_beliefs(self, who: Identity) -> list[Belief]:
        """Every (context, dimension) that holds evidence or a pin."""
        service = self.service
        state = await service.cache.state(who)
        return state.model.stored_beliefs(service.clock(), service.learning.confidence,
                                          service.population(who.tenant))

    async def effective_beliefs(self, who: Identity) -> list[Belief]:
        """The beliefs a request in ``who.context`` would be personalised with now, without
        reading any signal (read-only; empty for a user who opted out)."""
        service = self.service
        state = await service.cache.state(who)
        if state.opted_out:
            return []
        return state.model.beliefs(who.context, service.registry.names(), service.clock(),
                                   service.learning.confidence, service.population(who.tenant))

    async def is_opted_out(self, who: Identity) -> bool:
        return (await self.service.cache.state(who)).opted_out

    async def observations(self, who: Identity, limit: int = 200) -> list[Observation]:
        await self.service.caught_up(who)
        return await self._read(self.service.store.observations, who, limit)

    async def trace(self, tenant: str | None, response_id: str) -> tuple[ResponseRecord, list[Observation]]:
        """A response record and the signals received about it since; raises UnknownResponse."""
        owner = self.service.cache.index.owner(response_id)
        await self.service.caught_up(Identity(*owner) if owner is not None else None)
        store = self.service.store
        record = await self._read(store.get_response, tenant, response_id)
        if record is None:
            raise UnknownResponse(response_id)
        return record, await self._read(store.observations_for_response, record.id)

    # -- correction --------------------------------------------------------------------------

    async def set_belief(self, who: Identity, dimension: str, value: str, confidence: float | None,
                         pinned: bool) -> None:
        """Replace a dimension's belief in ``who.context`` with a manual one (value validated)."""
        service = self.service
        now = service.clock()
        cm = service.learning.confidence
        state = await service.cache.state(who)
        base = 0.5
        if who.context != GLOBAL_CONTEXT:
            base = state.model.posterior(GLOBAL_CONTEXT, dimension, now, cm,
                                         service.population(who.tenant)).mean(value)
        if pinned:
            weight, pin_confidence = 0.0, 1.0 if confidence is None else confidence
        else:
            weight = cm.manual_weight(DEFAULT_MANUAL_CONFIDENCE if confidence is None else confidence, base)
            pin_confidence = None
        await self._change(service.store.set_manual, who, dimension, value, weight, pin_confidence, now)
        self._refresh(who)

    async def delete_belief(self, who: Identity, dimension: str, context: str | None) -> int:
        """Forget one dimension in ``context`` (every context when None); returns rows removed."""
        removed = await self._change(self.service.store.delete_belief, who, dimension, context)
        self._refresh(who)
        return removed

    # -- the user's rights -------------------------------------------------------------------

    def _delete_everywhere(self, who: Identity) -> int:
        """Delete from the store, and let the journal segments that held the user's writes go
        (runs on the database thread, after every write queued before it was applied)."""
        removed = self.service.store.delete_user(who)
        self.service.writer.discard_applied_journal()
        return removed

    async def delete_user(self, who: Identity) -> int:
        removed = await self._change(self._delete_everywhere, who)
        self._forget(who)
        return removed

    async def reset(self, who: Identity) -> None:
        """Forget everything learned about the user, keeping their opt-out and consent choices
        (deleting the user also deletes the profile that records those)."""
        store = self.service.store

        def reset_keeping_choices() -> None:
            profile = store.get_profile(who)
            self._delete_everywhere(who)
            if profile is not None and (profile.opted_out or not profile.consent):
                store.set_flags(who, self.service.clock(), opted_out=profile.opted_out, consent=profile.consent)

        await self._change(reset_keeping_choices)
        self._forget(who)

    async def set_opt_out(self, who: Identity, opted_out: bool) -> None:
        """Opting out deletes everything stored about the user and stops observing them."""
        now = self.service.clock()

        def apply() -> None:
            if opted_out:
                self._delete_everywhere(who)
            self.service.store.set_flags(who, now, opted_out=opted_out)

        await self._change(apply)
        self._forget(who)

    async def export_user(self, who: Identity) -> dict[str, Any]:
        """Everything stored about the user, plus the beliefs derived from it now."""
        await self.service.caught_up(who)
        data = await self._read(self.service.store.export_user, who)
        data["beliefs"] = [belief_json(b, digits=None) for b in await self.stored_beliefs(who)]
        return data

    async def purge(self, text_retention_s: float, observation_retention_s: float) -> dict[str, int]:
        """Apply retention now (see ``RightsStore.purge``); cached states are dropped so texts go too."""
        now = self.service.clock()
        counts = await self._change(self.service.store.purge, now - text_retention_s, now - observation_retention_s)
        if any(counts.values()):
            self.service.cache.forget_all()
        return counts


__all__ = ["DEFAULT_MANUAL_CONFIDENCE", "UserRights"]
