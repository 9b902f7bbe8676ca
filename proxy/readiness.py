"""``GET /readyz``: may this process take traffic? ``GET /healthz``: is it alive at all?

Ready means: the configuration loaded (the app finished starting), the belief store answers at the
schema this code needs (a real round trip, bounded by a timeout, on its own thread so a backed-up
write queue cannot delay it), and the write spool is within its bound (a deep spool means the
database has been unreachable for a while and the disk is filling). Anything else is 503 with the
reasons, so an orchestrator stops routing to this instance and an operator reads why.

Liveness stays cheap and local: ``/healthz`` answers while the event loop runs, whatever the
database does (restarting a process cannot fix a database).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse

from .metrics import spool_depth_of, write_queue_depth_of

#: Longest a readiness probe waits for the store; probes usually time out after 1-5 s.
STORE_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Readiness:
    ready: bool
    reasons: tuple[str, ...]
    checks: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {"status": "ready" if self.ready else "unready", "reasons": list(self.reasons),
                "checks": self.checks}


def verdict(*, config_loaded: bool, store_problem: str | None, spool_depth: float, spool_max: int,
            queue_depth: float) -> Readiness:
    """The pure decision: every check, and every reason it fails."""
    reasons = []
    if not config_loaded:
        reasons.append("starting: the configuration is not loaded yet")
    if store_problem is not None:
        reasons.append(f"store: {store_problem}")
    if spool_depth > spool_max:
        reasons.append(f"spool: {int(spool_depth)} writes waiting for the database, over the bound of {spool_max}")
    checks = {"config": "ok" if config_loaded else "not loaded",
              "store": store_problem or "ok",
              "spool": {"depth": int(spool_depth), "max": spool_max},
              "write_queue": {"depth": int(queue_depth)}}
    return Readiness(not reasons, tuple(reasons), checks)


class StoreProbe:
    """Asks the store whether it answers, one probe at a time: while one is in flight (a hung
    database), later callers wait on the same one instead of piling threads up."""

    def __init__(self, health: Callable[[], str | None] | None, timeout_s: float = STORE_TIMEOUT_S) -> None:
        self.health = health
        self.timeout_s = timeout_s
        self._inflight: asyncio.Future[str | None] | None = None

    async def problem(self) -> str | None:
        if self.health is None:
            return None  # a store without a health check (a test double) is taken at its word
        if self._inflight is None or self._inflight.done():
            self._inflight = asyncio.ensure_future(asyncio.to_thread(self.health))
        try:
            return await asyncio.wait_for(asyncio.shield(self._inflight), self.timeout_s)
        except asyncio.TimeoutError:
            return f"the database did not answer within {self.timeout_s:g} s"
        except Exception as error:  # the check itself failed: still a reason, never a 500
            return f"health check failed: {type(error).__name__}: {error}"[:300]


async def readyz(request: Request) -> JSONResponse:
    """``GET /readyz``: 200 ``{"status": "ready", ...}`` or 503 ``{"status": "unready", "reasons": [...]}``."""
    app = request.app
    runtime = getattr(app.state, "runtime", None)
    if runtime is None:
        result = verdict(config_loaded=False, store_problem=None, spool_depth=0, spool_max=0, queue_depth=0)
        return JSONResponse(result.body(), status_code=503)
    probe: StoreProbe | None = getattr(app.state, "store_probe", None)
    if probe is None:
        probe = app.state.store_probe = StoreProbe(getattr(runtime.service.store, "health", None))
    # The memory's own facts (journal unwritable, database file replaced, store down), then the probe.
    known = runtime.service.health(reachability=False).problems
    result = verdict(config_loaded=True, store_problem="; ".join(known) or await probe.problem(),
                     spool_depth=spool_depth_of(app), spool_max=runtime.settings.readiness.max_spool_depth,
                     queue_depth=write_queue_depth_of(app))
    return JSONResponse(result.body(), status_code=200 if result.ready else 503,
                        headers={"cache-control": "no-store"})


async def healthz(request: Request) -> JSONResponse:
    """``GET /healthz``: the process is alive and its event loop answers (no I/O)."""
    return JSONResponse({"status": "ok"})


__all__ = ["Readiness", "StoreProbe", "healthz", "readyz", "verdict"]
