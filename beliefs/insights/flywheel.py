"""Flywheel health: is learning about users making answers fit them better, and do they stay?

Pure aggregation over response records (what was applied, with what confidence, and what the
conversation later showed) and user profiles (first seen). No clock: ``since`` and ``now`` are
passed in. Weeks are ISO weeks starting Monday 00:00 UTC.

*Alignment* is the share of responses that were not corrected — outcome ``accepted`` or ``kept``
— among responses whose outcome is known (``edited``, ``regenerated`` and ``followed_up`` count
against). Responses with no outcome yet (the user never came back to that conversation) are left
out rather than counted as either.

*Lift* compares users in the treated arm with users in the holdout arm (no personalisation,
still observed; see ``proxy/holdout.py``): the difference of their alignment shares, with
Newcombe's hybrid Wilson score interval for a difference of proportions (Newcombe 1998, method
10). The interval treats responses as independent; responses of one user are correlated, so with
few users read it as optimistic.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

from beliefs.records import ResponseRecord, UserProfile

ALIGNED = frozenset({"accepted", "kept"})
MISALIGNED = frozenset({"edited", "regenerated", "followed_up"})
ARMS = ("treated", "holdout")
#: Two-sided 95 % standard normal quantile.
Z95 = 1.959963984540054
WEEK_S = 7 * 86_400.0
# 1970-01-01 was a Thursday: the first Monday 00:00 UTC after the epoch is day 4.
_MONDAY = 4 * 86_400.0


def week_start(ts: float) -> float:
    """Start (Monday 00:00 UTC, Unix seconds) of the ISO week holding ``ts``."""
    return math.floor((ts - _MONDAY) / WEEK_S) * WEEK_S + _MONDAY


def week_label(ts: float) -> str:
    """ISO week of ``ts``, e.g. ``2024-W18``."""
    year, week, _ = datetime.fromtimestamp(ts, timezone.utc).isocalendar()
    return f"{year}-W{week:02d}"


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion, in [0, 1]; (0, 1) when ``n`` is 0."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def difference_ci(k1: int, n1: int, k2: int, n2: int, z: float = Z95) -> tuple[float, float, float]:
    """``p1 - p2`` and its Newcombe hybrid score interval (both samples must be non-empty)."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1, z)
    l2, u2 = wilson(k2, n2, z)
    d = p1 - p2
    return d, d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


@dataclass
class _Tally:
    responses: int = 0
    personalised: int = 0
    applied: int = 0
    confidence_sum: float = 0.0
    known: int = 0
    aligned: int = 0
    users: set[tuple[str, str]] = field(default_factory=set)

    def add(self, record: ResponseRecord) -> None:
        self.responses += 1
        self.users.add((record.tenant, record.user_id))
        if record.applied:
            self.personalised += 1
        self.applied += len(record.applied)
        self.confidence_sum += sum(a.confidence for a in record.applied)
        if record.outcome in ALIGNED or record.outcome in MISALIGNED:
            self.known += 1
            self.aligned += record.outcome in ALIGNED

    @property
    def aligned_share(self) -> float | None:
        return round(self.aligned / self.known, 4) if self.known else None


@dataclass(frozen=True)
class WeekHealth:
    week: str
    start: str
    """Monday of the week (ISO date, UTC)."""
    responses: int
    active_users: int
    requests_per_active_user: float | None
    personalised_share: float | None
    """Share of responses that had at least one belief applied."""
    beliefs_applied_avg: float | None
    """Beliefs applied per response."""
    avg_confidence: float | None
    """Mean confidence of the beliefs applied, in [0, 1]."""
    known_outcomes: int
    aligned_share: float | None


@dataclass(frozen=True)
class CohortHealth:
    cohort: str
    """The ISO week in which the cohort's users were first seen."""
    users: int
    active: list[int]
    """``active[k]``: users of the cohort with at least one request in week ``k`` after it."""
    retention: list[float]
    """``active[k] / users``."""
    aligned_share: float | None
    beliefs_applied_avg: float | None


@dataclass(frozen=True)
class ArmStats:
    users: int
    responses: int
    known_outcomes: int
    aligned: int
    aligned_share: float | None
    ci95: tuple[float, float] | None
    """Wilson score interval of ``aligned_share``."""


@dataclass(frozen=True)
class HoldoutComparison:
    treated: ArmStats
    holdout: ArmStats
    lift: float | None
    """Treated minus holdout alignment share (None until both arms have known outcomes)."""
    ci95: tuple[float, float] | None
    method: str = "newcombe-wilson difference of proportions (responses as independent)"

    @property
    def significant(self) -> bool:
        return self.ci95 is not None and (self.ci95[0] > 0 or self.ci95[1] < 0)


@dataclass(frozen=True)
class FlywheelReport:
    since: str
    until: str
    weeks: list[WeekHealth]
    cohorts: list[CohortHealth]
    holdout: HoldoutComparison

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["holdout"]["significant"] = self.holdout.significant
        return data


def flywheel(responses: Iterable[ResponseRecord], profiles: Iterable[UserProfile], *,
             since: float, now: float) -> FlywheelReport:
    """Health per week, per first-seen cohort, and treated vs holdout, from ``since`` to ``now``.

    ``responses`` need only tenant, user, time, ``applied``, ``outcome`` and ``arm``.
    """
    records = [r for r in responses if since <= r.created_at <= now]
    first = week_start(since)
    count = int((week_start(now) - first) // WEEK_S) + 1
    weeks = [_Tally() for _ in range(count)]
    for record in records:
        weeks[int((week_start(record.created_at) - first) // WEEK_S)].add(record)
    return FlywheelReport(
        since=_iso(since), until=_iso(now),
        weeks=[_week(first + i * WEEK_S, tally) for i, tally in enumerate(weeks)],
        cohorts=_cohorts(records, profiles, since, now),
        holdout=_holdout(records),
    )


def _week(start: float, t: _Tally) -> WeekHealth:
    active = len(t.users)
    return WeekHealth(
        week=week_label(start), start=_iso(start)[:10], responses=t.responses, active_users=active,
        requests_per_active_user=round(t.responses / active, 4) if active else None,
        personalised_share=round(t.personalised / t.responses, 4) if t.responses else None,
        beliefs_applied_avg=round(t.applied / t.responses, 4) if t.responses else None,
        avg_confidence=round(t.confidence_sum / t.applied, 4) if t.applied else None,
        known_outcomes=t.known, aligned_share=t.aligned_share,
    )


def _cohorts(records: Sequence[ResponseRecord], profiles: Iterable[UserProfile], since: float,
             now: float) -> list[CohortHealth]:
    first_seen = {(p.tenant, p.user_id): p.first_seen for p in profiles}
    for record in records:  # a user without a profile counts from their first response
        first_seen.setdefault((record.tenant, record.user_id), record.created_at)
    members: dict[float, set[tuple[str, str]]] = {}
    for user, seen in first_seen.items():
        if since <= seen <= now:
            members.setdefault(week_start(seen), set()).add(user)
    activity: dict[tuple[str, str], set[float]] = {}
    tallies = {cohort: _Tally() for cohort in members}
    cohort_of = {user: cohort for cohort, users in members.items() for user in users}
    for record in records:
        user = (record.tenant, record.user_id)
        activity.setdefault(user, set()).add(week_start(record.created_at))
        if user in cohort_of:
            tallies[cohort_of[user]].add(record)
    last = week_start(now)
    result = []
    for cohort in sorted(members):
        users = members[cohort]
        span = int((last - cohort) // WEEK_S) + 1
        active = [sum(1 for u in users if cohort + k * WEEK_S in activity.get(u, ())) for k in range(span)]
        tally = tallies[cohort]
        result.append(CohortHealth(
            cohort=week_label(cohort), users=len(users), active=active,
            retention=[round(a / len(users), 4) for a in active],
            aligned_share=tally.aligned_share,
            beliefs_applied_avg=round(tally.applied / tally.responses, 4) if tally.responses else None,
        ))
    return result


def _holdout(records: Sequence[ResponseRecord]) -> HoldoutComparison:
    tallies = {arm: _Tally() for arm in ARMS}
    for record in records:
        arm = record.arm
        if arm in tallies:
            tallies[arm].add(record)
    stats = {arm: _arm(t) for arm, t in tallies.items()}
    treated, holdout = tallies["treated"], tallies["holdout"]
    lift = ci = None
    if treated.known and holdout.known:
        d, lo, hi = difference_ci(treated.aligned, treated.known, holdout.aligned, holdout.known)
        lift, ci = round(d, 4), (round(lo, 4), round(hi, 4))
    return HoldoutComparison(stats["treated"], stats["holdout"], lift, ci)


def _arm(t: _Tally) -> ArmStats:
    ci = None
    if t.known:
        lo, hi = wilson(t.aligned, t.known)
        ci = (round(lo, 4), round(hi, 4))
    return ArmStats(users=len(t.users), responses=t.responses, known_outcomes=t.known,
                    aligned=t.aligned, aligned_share=t.aligned_share, ci95=ci)


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat()


__all__ = [
    "ALIGNED", "ARMS", "ArmStats", "CohortHealth", "FlywheelReport", "HoldoutComparison",
    "MISALIGNED", "WeekHealth", "difference_ci", "flywheel", "week_label", "week_start", "wilson",
]
