"""Admin endpoints (and the CLI) that close the flywheel: exports of what users corrected, and
flywheel health.

* ``GET /admin/export/{preferences|supervised|evals}`` — streams JSONL; the per-filter counts
  are in the ``x-beliefloop-export-report`` header (JSON).
* ``GET /admin/metrics/flywheel`` — health per week and per cohort, treated vs holdout.
* ``beliefloop export ...`` — the same files, written from the configured database.

The two ``read_*`` functions are the only place these features touch the store (through the
``Store`` protocol); what they read is turned into files and numbers by pure code in
``beliefs/export.py`` and ``beliefs/flywheel_metrics.py``.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Iterator

import orjson
from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import StreamingResponse

from beliefs.insights.export import (
    LINE_BUILDERS,
    SOURCE_KINDS,
    Example,
    ExportKind,
    ExportReport,
    ExportSource,
    Standards,
    examples_from,
    follow_up_text,
    parse_since,
    select,
)
from beliefs.insights.flywheel import flywheel
from beliefs.memory.store import Store
from beliefs.records import ResponseRecord, UserProfile
from proxy.errors import Unprocessable
from proxy.settings import FlywheelSettings, Settings

from .deps import Tenant, admin_tenant, runtime_of

REPORT_HEADER = "x-beliefloop-export-report"
_PROFILE_PAGE = 1000

router = APIRouter(prefix="/admin", dependencies=[Depends(admin_tenant)], tags=["admin"])


# -- reading (Store protocol only; runs on the database thread or in the CLI) -----------------


def read_export_source(store: Store, tenant: str, since: float, kind: ExportKind) -> ExportSource:
    """Signals of ``kind``'s sources since ``since``, the records they name, and their users."""
    observations = store.export_observations(tenant, since, SOURCE_KINDS[kind])
    ids = {o.response_id for o in observations if o.response_id}
    ids |= {o.features.get("rejected_id") for o in observations
            if o.kind == "regeneration" and isinstance(o.features.get("rejected_id"), str)}
    responses = {r.id: r for r in store.responses_by_ids(sorted(i for i in ids if i))}
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
            text = follow_up_text(o, answered, store.response_after(tenant, o.user_id, o.created_at))
            if text is not None:
                follow_ups[o.id] = text
    return ExportSource(observations, responses, profiles, follow_ups)


def read_flywheel_source(store: Store, tenant: str, since: float) -> tuple[list[ResponseRecord], list[UserProfile]]:
    """Lean response records since ``since`` and every profile of ``tenant``."""
    profiles: list[UserProfile] = []
    while True:
        page = store.list_profiles(tenant, _PROFILE_PAGE, len(profiles))
        profiles.extend(page)
        if len(page) < _PROFILE_PAGE:
            break
    return store.response_outcomes(tenant, since), profiles


def standards_of(settings: FlywheelSettings, per_user_cap: int | None = None) -> Standards:
    return Standards(typo_max_chars=settings.typo_max_chars, near_identical=settings.near_identical,
                     per_user_cap=per_user_cap or settings.per_user_cap)


def _since(text: str | None, default_days: float, now: float) -> float:
    try:
        return parse_since(text if text is not None else str(default_days), now)
    except ValueError as error:
        raise Unprocessable(str(error), param="since", code="invalid_since") from None


def _lines(examples: list[Example], kind: ExportKind, include_directives: bool, header: str) -> Iterator[bytes]:
    build = LINE_BUILDERS[kind]
    for example in examples:
        yield orjson.dumps(build(example, include_directives, header)) + b"\n"


# -- admin endpoints ---------------------------------------------------------------------------


@router.get("/export/{kind}")
async def export(kind: ExportKind, request: Request, tenant: Tenant, since: str | None = None,
                 include_directives: bool | None = None,
                 per_user_cap: int | None = Query(default=None, ge=1)) -> StreamingResponse:
    """Stream an export as JSONL (``application/jsonl``); counts per filter in the report header."""
    runtime = runtime_of(request)
    settings = runtime.settings
    service = runtime.service
    since_ts = _since(since, settings.flywheel.export_since_days, service.clock())
    source = await service.query(read_export_source, service.store, tenant, since_ts, kind)
    examples, report = select(examples_from(source, kind), source.profiles,
                              standards_of(settings.flywheel, per_user_cap))
    directives = settings.flywheel.include_directives if include_directives is None else include_directives
    return StreamingResponse(
        _lines(examples, kind, directives, settings.injection.header), media_type="application/jsonl",
        headers={REPORT_HEADER: orjson.dumps(report.as_dict()).decode(),
                 "content-disposition": f'attachment; filename="beliefloop-{kind}.jsonl"'})


@router.get("/metrics/flywheel")
async def flywheel_health(request: Request, tenant: Tenant, since: str = "84") -> dict[str, Any]:
    """Understanding depth, alignment, engagement and retention per week and per cohort, and the
    treated-vs-holdout lift of alignment with its 95 % interval. ``since`` defaults to 12 weeks."""
    runtime = runtime_of(request)
    service = runtime.service
    now = service.clock()
    since_ts = _since(since, 84, now)
    responses, profiles = await service.query(read_flywheel_source, service.store, tenant, since_ts)
    report = flywheel(responses, profiles, since=since_ts, now=now).as_dict()
    report["holdout"]["share"] = runtime.settings.flywheel.holdout_share
    return report


# -- the CLI -----------------------------------------------------------------------------------


def run_export(settings: Settings, kind: ExportKind, *, since: str | None, out: str, tenant: str,
               include_directives: bool | None = None, per_user_cap: int | None = None) -> int:
    """``beliefloop export``: write the file, print the counts per filter to stderr; exit code."""
    from beliefs.memory.sql_store import SqlStore

    try:
        since_ts = parse_since(since if since is not None else str(settings.flywheel.export_since_days),
                               time.time())
    except ValueError as error:
        print(f"beliefloop: {error}", file=sys.stderr)
        return 2
    if per_user_cap is not None and per_user_cap < 1:
        print("beliefloop: --per-user-cap must be at least 1", file=sys.stderr)
        return 2
    store = SqlStore.from_url(settings.database_url)
    try:
        source = read_export_source(store, tenant, since_ts, kind)
    finally:
        store.close()
    examples, report = select(examples_from(source, kind), source.profiles,
                              standards_of(settings.flywheel, per_user_cap))
    directives = settings.flywheel.include_directives if include_directives is None else include_directives
    lines = _lines(examples, kind, directives, settings.injection.header)
    if out == "-":
        for line in lines:
            sys.stdout.buffer.write(line)
        sys.stdout.flush()
    else:
        with open(out, "wb") as handle:
            handle.writelines(lines)
    print(format_report(kind, report, out), file=sys.stderr)
    return 0


def format_report(kind: str, report: ExportReport, out: str) -> str:
    rows = [f"beliefloop export {kind}: {report.considered} considered, {report.kept} written to {out}"]
    rows += [f"  dropped {name:<20} {count}" for name, count in report.dropped.items()]
    rows += [f"  kept    {name:<20} {count}" for name, count in sorted(report.kept_by_kind.items())]
    return "\n".join(rows)


__all__ = ["REPORT_HEADER", "read_export_source", "read_flywheel_source", "router", "run_export"]
