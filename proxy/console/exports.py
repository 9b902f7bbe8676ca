"""Admin endpoints that close the flywheel: exports of what users corrected, and flywheel health.

* ``GET /admin/export/{preferences|supervised|evals}`` — streams JSONL; the per-filter counts
  are in the ``x-beliefloop-export-report`` header (JSON).
* ``GET /admin/metrics/flywheel`` — health per week and per cohort, treated vs holdout.

What is read comes from :mod:`beliefs.insights.reads`; files and numbers are made from it by pure
code in :mod:`beliefs.insights.export` and :mod:`beliefs.insights.flywheel`. ``beliefloop export``
(:mod:`proxy.cli`) writes the same files from the configured database.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import StreamingResponse

from beliefs.insights.export import ExportKind, build, parse_since
from beliefs.insights.flywheel import flywheel
from proxy.errors import Unprocessable

from .deps import Tenant, admin_tenant, runtime_of

REPORT_HEADER = "x-beliefloop-export-report"

router = APIRouter(prefix="/admin", dependencies=[Depends(admin_tenant)], tags=["admin"])


def _since(text: str | None, default_days: float, now: float) -> float:
    try:
        return parse_since(text if text is not None else str(default_days), now)
    except ValueError as error:
        raise Unprocessable(str(error), param="since", code="invalid_since") from None


@router.get("/export/{kind}")
async def export(kind: ExportKind, request: Request, tenant: Tenant, since: str | None = None,
                 include_directives: bool | None = None,
                 per_user_cap: int | None = Query(default=None, ge=1)) -> StreamingResponse:
    """Stream an export as JSONL (``application/jsonl``); counts per filter in the report header."""
    runtime = runtime_of(request)
    settings = runtime.settings
    since_ts = _since(since, settings.flywheel.export_since_days, runtime.service.clock())
    source = await runtime.insights.export_source(tenant, since_ts, kind)
    directives = settings.flywheel.include_directives if include_directives is None else include_directives
    lines, report = build(source, kind, settings.flywheel.standards(per_user_cap),
                          include_directives=directives, header=settings.injection.header)
    return StreamingResponse(
        (orjson.dumps(line) + b"\n" for line in lines), media_type="application/jsonl",
        headers={REPORT_HEADER: orjson.dumps(report.as_dict()).decode(),
                 "content-disposition": f'attachment; filename="beliefloop-{kind}.jsonl"'})


@router.get("/metrics/flywheel")
async def flywheel_health(request: Request, tenant: Tenant, since: str = "84") -> dict[str, Any]:
    """Understanding depth, alignment, engagement and retention per week and per cohort, and the
    treated-vs-holdout lift of alignment with its 95 % interval. ``since`` defaults to 12 weeks."""
    runtime = runtime_of(request)
    now = runtime.service.clock()
    since_ts = _since(since, 84, now)
    responses, profiles = await runtime.insights.flywheel_source(tenant, since_ts)
    report = flywheel(responses, profiles, since=since_ts, now=now).as_dict()
    report["holdout"]["share"] = runtime.settings.flywheel.holdout_share
    return report


__all__ = ["REPORT_HEADER", "router"]
