"""Dashboard figures counted by the database: per-day counts, user totals, one page of users.

The overview used to load up to 50,000 observations and 100,000 response records into Python
to count them; these are single ``GROUP BY`` / ``COUNT`` queries instead, served by the
``(tenant, created_at)`` and ``(tenant, last_seen)`` indexes (migration ``0004``). Read-only,
on the store's own engine, the same on SQLite and PostgreSQL. Days are UTC calendar days keyed
by their start in Unix seconds, as in :mod:`beliefs.insights.activity`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func, select
from sqlalchemy.engine import Engine

from beliefs.memory.sql_store import ObservationRow, ResponseRow, UserProfileRow
from beliefs.records import UserProfile

from .activity import DAY_S

_observation = ObservationRow.__table__  # type: ignore[attr-defined]
_response = ResponseRow.__table__  # type: ignore[attr-defined]
_profile = UserProfileRow.__table__  # type: ignore[attr-defined]


def _day(engine: Engine, column: Any) -> Any:
    """The day index of a Unix time: ``floor(t / 86400)`` (SQLite may lack ``floor``; a cast
    truncates, which is the floor for times after 1970; PostgreSQL's cast would round)."""
    if engine.dialect.name == "postgresql":
        return cast(func.floor(column / DAY_S), Integer)
    return cast(column / DAY_S, Integer)


def signals_per_day(engine: Engine, tenant: str, since: float) -> dict[str, dict[float, int]]:
    """Observation counts by kind and day since ``since``: ``{kind: {day_start: count}}``."""
    day = _day(engine, _observation.c.created_at).label("day")
    query = (select(_observation.c.kind, day, func.count().label("n"))
             .where(_observation.c.tenant == tenant, _observation.c.created_at >= since)
             .group_by(_observation.c.kind, day))
    found: dict[str, dict[float, int]] = {}
    with engine.connect() as connection:
        for kind, index, count in connection.execute(query):
            found.setdefault(kind, {})[index * DAY_S] = int(count)
    return found


def personalised_per_day(engine: Engine, tenant: str, since: float) -> dict[float, tuple[int, int]]:
    """Per day since ``since``: (responses with at least one belief applied, all responses)."""
    day = _day(engine, _response.c.created_at).label("day")
    applied = func.sum(case((func.json_array_length(_response.c.applied) > 0, 1), else_=0))
    query = (select(day, applied.label("part"), func.count().label("total"))
             .where(_response.c.tenant == tenant, _response.c.created_at >= since)
             .group_by(day))
    with engine.connect() as connection:
        return {index * DAY_S: (int(part or 0), int(total)) for index, part, total in connection.execute(query)}


@dataclass(frozen=True)
class UserTotals:
    users: int
    opted_out: int
    without_consent: int


def user_totals(engine: Engine, tenant: str) -> UserTotals:
    query = select(func.count(), func.sum(case((_profile.c.opted_out, 1), else_=0)),
                   func.sum(case((_profile.c.consent, 0), else_=1))).where(_profile.c.tenant == tenant)
    with engine.connect() as connection:
        users, opted_out, without = connection.execute(query).one()
    return UserTotals(int(users), int(opted_out or 0), int(without or 0))


@dataclass(frozen=True)
class UserPage:
    """One page of a tenant's users, most recently active first."""

    profiles: list[UserProfile]
    #: Users matching the search (all pages).
    matching: int
    offset: int
    limit: int


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def users_page(engine: Engine, tenant: str, search: str, limit: int, offset: int) -> UserPage:
    """Users whose id contains ``search`` (case-insensitive; empty: everyone), ``limit`` from
    ``offset``, by last activity (newest first), then id."""
    where = [_profile.c.tenant == tenant]
    if search:
        where.append(func.lower(_profile.c.user_id).like(f"%{_escape_like(search.lower())}%", escape="\\"))
    condition = and_(*where)
    page = (select(_profile).where(condition)
            .order_by(_profile.c.last_seen.desc(), _profile.c.user_id).limit(limit).offset(offset))
    with engine.connect() as connection:
        matching = int(connection.execute(select(func.count()).select_from(_profile).where(condition)).scalar_one())
        rows = connection.execute(page).mappings().all()
    profiles = [UserProfile(r["tenant"], r["user_id"], r["first_seen"], r["last_seen"], r["requests"],
                            bool(r["opted_out"]), bool(r["consent"])) for r in rows]
    return UserPage(profiles, matching, offset, limit)


__all__ = ["UserPage", "UserTotals", "personalised_per_day", "signals_per_day", "user_totals", "users_page"]
