"""The storage interface, split by who needs it. Routes and the learning core never touch SQL.

* :class:`HotPathStore` — what serving requests needs: a user's self-model and recent responses,
  and the writes that follow every request.
* :class:`RightsStore` — corrections and the user's rights: set, pin, forget, opt out, export.
* :class:`InsightsStore` — tenant-wide reads for dashboards, exports and flywheel metrics.

:class:`Store` is all three; :class:`beliefs.memory.sql_store.SqlStore` (SQLite by default,
PostgreSQL for many workers) implements it. Methods are synchronous: the service runs them on its
own database thread, so the event loop never waits on a write. A user-scoped method takes the
user's :class:`~beliefs.records.Identity`; its ``context`` matters only where a method says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, Sequence

from beliefs.learning.selfmodel import EvidenceIncrement, Pin, SelfModel
from beliefs.records import Identity, Observation, Outcome, ResponseRecord, UserProfile

if TYPE_CHECKING:
    from .writes import Write

#: The client's conversation as it sent it (before injection), kept beside a response for exports.
Conversation = list[Any]


class HotPathStore(Protocol):
    def load_self_model(self, who: Identity) -> SelfModel:
        """All evidence rows and pins of one user, every context (empty for an unknown user)."""

    def recent_responses(self, who: Identity, since: float, limit: int) -> list[ResponseRecord]:
        """The user's responses created at or after ``since``, newest first."""

    def response_ids_since(self, who: Identity, since: float, limit: int) -> list[str]:
        """Ids of the user's responses created at or after ``since``, newest first."""

    def get_profile(self, who: Identity) -> UserProfile | None:
        """The user's profile, or None for a user never seen."""

    def get_response(self, tenant: str | None, response_id: str) -> ResponseRecord | None:
        """Find a record by beliefloop's response id or the upstream completion id (the newest)."""

    def find_responses(self, tenant: str, response_id: str, user_id: str | None = None) -> list[ResponseRecord]:
        """Records of ``tenant`` with this response id or completion id: the newest of
        ``user_id`` when given, else the newest of each user it matches (at most two)."""

    def apply(self, writes: "Sequence[Write]", checkpoint: tuple[str, int] | None = None) -> int:
        """Apply a batch of writes (:mod:`beliefs.memory.writes`) in one transaction, recording
        ``checkpoint`` (journal stream, last sequence number) in it; returns the number of
        observations that were new. Applying the same writes again changes nothing."""

    def journal_checkpoint(self, stream: str) -> int:
        """The last sequence number of journal ``stream`` applied (0: none)."""

    def forget_journal(self, stream: str) -> None:
        """Drop the checkpoint of a journal whose files are gone."""

    def health(self) -> list[str]:
        """Problems known without a query (a deleted SQLite file...); empty when none."""

    def record_observation(self, observation: Observation, increments: Sequence[EvidenceIncrement]) -> bool:
        """Append the observation and add its increments atomically. Returns False (and changes
        nothing) when an observation with the same id was already recorded."""

    def save_response(self, record: ResponseRecord, conversation: Conversation | None = None) -> None:
        """Insert a response record (replacing one with the same id), with the client's
        conversation when given, and count it on the user's profile (first/last seen, requests)."""

    def mark_response(self, response_id: str, outcome: Outcome) -> None:
        """Set the outcome of a response if none is set yet, or once over "regenerated" (a
        regenerated candidate the user then kept, accepted or followed up)."""


class RightsStore(Protocol):
    def set_manual(self, who: Identity, dimension: str, value: str, manual_weight: float,
                   pin_confidence: float | None, now: float) -> None:
        """Replace what is known about one dimension in ``who.context`` with a manual value:
        learned evidence and pins there are cleared; ``pin_confidence`` set means pinned."""

    def delete_belief(self, who: Identity, dimension: str, context: str | None) -> int:
        """Forget one dimension in one context (all contexts when None); returns rows removed."""

    def delete_user(self, who: Identity) -> int:
        """Remove everything stored about the user; returns rows removed."""

    def set_flags(self, who: Identity, now: float, *, opted_out: bool | None = None,
                  consent: bool | None = None) -> None:
        """Set opt-out and/or consent, creating the profile if needed."""

    def observations(self, who: Identity, limit: int) -> list[Observation]:
        """The user's observations, newest first."""

    def observations_for_response(self, response_id: str) -> list[Observation]:
        """Observations that name this response, oldest first."""

    def export_user(self, who: Identity) -> dict[str, Any]:
        """Everything stored about one user (profile, evidence, pins, observations, responses)."""

    def purge(self, text_before: float, observations_before: float) -> dict[str, int]:
        """Retention: clear texts older than ``text_before``; delete observations and response
        records older than ``observations_before``. Returns counts."""


class InsightsStore(Protocol):
    def list_profiles(self, tenant: str, limit: int, offset: int = 0) -> list[UserProfile]:
        """Profiles of one tenant, most recently active first."""

    def profiles_of(self, tenant: str, user_ids: Sequence[str]) -> list[UserProfile]:
        """Profiles of these users (users never seen are left out)."""

    def load_self_models(self, tenant: str, user_ids: Sequence[str]) -> dict[str, SelfModel]:
        """Self-models of several users in one read; users with nothing stored are left out."""

    def observations_since(self, tenant: str, since: float, limit: int) -> list[Observation]:
        """Observations of every user of ``tenant`` created at or after ``since``, newest first."""

    def responses_since(self, tenant: str, since: float, limit: int) -> list[ResponseRecord]:
        """Responses of every user of ``tenant`` created at or after ``since``, newest first,
        without their text (``text`` is None): dashboards count them, they do not read them."""

    def list_pins(self, tenant: str, limit: int) -> list[tuple[str, str, str, Pin]]:
        """Pinned beliefs of ``tenant`` as (user_id, context, dimension, pin), newest first."""

    def confident_users(self, tenant: str, context: str, growth: float, min_net: float,
                        min_pin: float) -> dict[tuple[str, str], int]:
        """How many users of ``tenant`` hold each (dimension, value) confidently in ``context``:
        a learned value whose current net evidence (``(implicit + explicit) / growth + manual``
        minus the same for the dimension's other values) is at least ``min_net``, or a pin of
        confidence at least ``min_pin`` (a pin replaces the user's evidence on that dimension).
        One aggregate query, for the population prior (never on the hot path)."""

    def export_observations(self, tenant: str, since: float, kinds: Sequence[str]) -> list[Observation]:
        """Observations of ``tenant`` of the given kinds created at or after ``since``, oldest first."""

    def responses_by_ids(self, response_ids: Sequence[str]) -> list[ResponseRecord]:
        """The records with these ids (unknown ids are left out), in no particular order."""

    def conversations_of(self, response_ids: Sequence[str]) -> dict[str, Conversation]:
        """The client conversations kept beside these responses (expired or missing ones are left out)."""

    def response_after(self, tenant: str, user_id: str, at: float) -> ResponseRecord | None:
        """The user's first response created at or after ``at``."""

    def response_outcomes(self, tenant: str, since: float) -> list[ResponseRecord]:
        """Lean records of ``tenant`` created at or after ``since``, oldest first: no text or
        directives."""


class Store(HotPathStore, RightsStore, InsightsStore, Protocol):
    """Everything a deployment stores, behind one object."""

    def close(self) -> None:
        """Release connections."""


__all__ = ["Conversation", "HotPathStore", "InsightsStore", "RightsStore", "Store"]
