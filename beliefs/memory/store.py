"""The one storage interface. Routes and the learning core never touch SQL.

Implementations: :class:`beliefs.memory.sql_store.SqlStore` (SQLite by default, PostgreSQL for many
workers). Methods are synchronous; the service runs them on its own database thread so the event
loop never waits on a write.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from beliefs.learning.selfmodel import EvidenceIncrement, Pin, SelfModel
from beliefs.records import Observation, ResponseRecord, UserProfile


class Store(Protocol):
    def load_self_model(self, tenant: str, user_id: str) -> SelfModel:
        """All evidence rows and pins of one user (an empty model for an unknown user)."""

    def recent_responses(self, tenant: str, user_id: str, since: float, limit: int) -> list[ResponseRecord]:
        """The user's responses created at or after ``since``, newest first."""

    def record_observation(self, observation: Observation, increments: Sequence[EvidenceIncrement]) -> bool:
        """Append the observation and add its increments atomically. Returns False (and changes
        nothing) when an observation with the same id was already recorded."""

    def set_manual(self, tenant: str, user_id: str, context: str, dimension: str, value: str,
                   manual_weight: float, pin_confidence: float | None, now: float) -> None:
        """Replace what is known about one dimension with a manual value: learned evidence and
        pins for (context, dimension) are cleared; ``pin_confidence`` set means pinned."""

    def delete_belief(self, tenant: str, user_id: str, dimension: str, context: str | None) -> int:
        """Forget one dimension in one context (all contexts when None); returns rows removed."""

    def delete_user(self, tenant: str, user_id: str) -> int:
        """Remove everything stored about the user; returns rows removed."""

    def save_response(self, record: ResponseRecord) -> None:
        """Insert a response record (replacing one with the same id) and count it on the user's
        profile (first/last seen, requests)."""

    def get_profile(self, tenant: str, user_id: str) -> UserProfile | None:
        """The user's profile, or None for a user never seen."""

    def list_profiles(self, tenant: str, limit: int, offset: int = 0) -> list[UserProfile]:
        """Profiles of one tenant, most recently active first."""

    def set_flags(self, tenant: str, user_id: str, now: float, *, opted_out: bool | None = None,
                  consent: bool | None = None) -> None:
        """Set opt-out and/or consent, creating the profile if needed."""

    def get_response(self, tenant: str | None, response_id: str) -> ResponseRecord | None:
        """Find a record by beliefloop's response id or the upstream completion id."""

    def mark_response(self, response_id: str, outcome: str) -> None:
        """Set the outcome of a response if none is set yet, or once over "regenerated" (a
        regenerated candidate the user then kept, accepted or followed up)."""

    def observations(self, tenant: str, user_id: str, limit: int) -> list[Observation]:
        """The user's observations, newest first."""

    def observations_for_response(self, response_id: str) -> list[Observation]:
        """Observations that name this response, oldest first."""

    # -- tenant-wide reads for dashboards (read-only) --------------------------------------

    def observations_since(self, tenant: str, since: float, limit: int) -> list[Observation]:
        """Observations of every user of ``tenant`` created at or after ``since``, newest first."""

    def responses_since(self, tenant: str, since: float, limit: int) -> list[ResponseRecord]:
        """Responses of every user of ``tenant`` created at or after ``since``, newest first,
        without their text (``text`` is None): dashboards count them, they do not read them."""

    def list_pins(self, tenant: str, limit: int) -> list[tuple[str, str, str, Pin]]:
        """Pinned beliefs of ``tenant`` as (user_id, context, dimension, pin), newest first."""

    def load_self_models(self, tenant: str, user_ids: Sequence[str]) -> dict[str, SelfModel]:
        """Self-models of several users in one read; users with nothing stored are left out."""

    # -- exports and flywheel metrics (read-only, offline: not on the hot path) -------------

    def export_observations(self, tenant: str, since: float, kinds: Sequence[str]) -> list[Observation]:
        """Observations of ``tenant`` of the given kinds created at or after ``since``, oldest first."""

    def responses_by_ids(self, response_ids: Sequence[str]) -> list[ResponseRecord]:
        """The records with these ids (unknown ids are left out), in no particular order."""

    def response_after(self, tenant: str, user_id: str, at: float) -> ResponseRecord | None:
        """The user's first response created at or after ``at``."""

    def profiles_of(self, tenant: str, user_ids: Sequence[str]) -> list[UserProfile]:
        """Profiles of these users (users never seen are left out)."""

    def response_outcomes(self, tenant: str, since: float) -> list[ResponseRecord]:
        """Lean records of ``tenant`` created at or after ``since``, oldest first: no text,
        directives or messages; ``features`` holds only ``arm`` (when set)."""

    def export_user(self, tenant: str, user_id: str) -> dict:
        """Everything stored about one user (profile, evidence, pins, observations, responses)."""

    def purge(self, text_before: float, observations_before: float) -> dict[str, int]:
        """Retention: clear texts older than ``text_before``; delete observations and response
        records older than ``observations_before``. Returns counts."""

    def close(self) -> None:
        """Release connections."""


__all__ = ["EvidenceIncrement", "Store"]
