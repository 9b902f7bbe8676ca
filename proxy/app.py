"""The app factory: every part is built here from explicit arguments; nothing at import time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from typing import AsyncIterator, Callable, Mapping
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI, Request
from starlette.responses import JSONResponse, Response

from beliefs.memory.store import Store
from proxy.console.routes import install_console
from proxy.gateway.routes import CHAT_PATHS, install_gateway

from .docs import install_docs
from .errors import ProxyError, install_handlers
from .metrics import ENV_METRICS_DIR, ProxyMetrics, metrics_endpoint, spool_depth_of, write_queue_depth_of
from .readiness import healthz, readyz
from .reload import remember_mtime, watch_config
from .request_context import outermost
from .runtime import Runtime
from .settings import Settings
from .telemetry import Telemetry
from .tracing import from_environ as tracing_from_environ
from .version import VERSION

log = logging.getLogger("beliefloop.proxy")


def create_app(settings: Settings, *, store: Store | None = None,
               transport: httpx.AsyncBaseTransport | None = None,
               clock: Callable[[], float] | None = None,
               watch: bool = True, environ: Mapping[str, str] | None = None) -> FastAPI:
    """Build the proxy. ``store``/``transport``/``clock`` swap the edges (tests, benchmarks);
    ``environ`` (default: the process's) is read here, once, for ``OTEL_*`` and
    ``BELIEFLOOP_METRICS_DIR``."""
    environ = os.environ if environ is None else environ
    metrics = ProxyMetrics(write_queue_depth=lambda: write_queue_depth_of(app),
                           spool_depth=lambda: spool_depth_of(app),
                           known_models=[route.model_name for route in settings.model_list],
                           directory=environ.get(ENV_METRICS_DIR) or None)
    telemetry = Telemetry(
        metrics, tracing_from_environ(environ, VERSION),
        providers={r.model_name: str(r.litellm_params["model"]).split("/", 1)[0] for r in settings.model_list},
        upstream_host=urlsplit(settings.upstream.base_url).hostname)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = Runtime.build(settings, store=store, transport=transport, clock=clock)
        app.state.runtime = runtime
        remember_mtime(runtime)
        await runtime.start()
        background = [asyncio.create_task(watch_config(runtime))] if watch else []
        if metrics.directory is not None:  # one of several workers: share counts with the others
            background.append(asyncio.create_task(metrics.share_forever()))
        if not settings.admin_key:
            log.warning("admin API disabled: no BELIEFLOOP_ADMIN_KEY set")
        try:
            yield
        finally:
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)
            await runtime.aclose()  # flushes queued belief writes before exit
            metrics.retire()
            telemetry.close()  # exports the spans still buffered

    app = FastAPI(title="beliefloop", version=VERSION, lifespan=lifespan, docs_url=None, redoc_url=None)
    install_handlers(app)
    install_gateway(app)  # what client apps call: chat completions, feedback
    install_console(app, settings)  # what people use: admin API, exports, /v1/me, pages, dashboard
    # One registry per app (not a module global), so tests and benchmarks can build several.
    app.state.metrics = metrics
    app.state.telemetry = telemetry
    app.add_api_route("/metrics", metrics_endpoint, methods=["GET"], response_class=Response, tags=["operations"],
                      summary="Prometheus metrics (summed over every worker)")
    app.add_api_route("/healthz", healthz, methods=["GET"], tags=["operations"],
                      summary="Liveness: the process answers (no I/O)")
    app.add_api_route("/readyz", readyz, methods=["GET"], tags=["operations"],
                      summary="Readiness: config loaded, store answers, spool within its bound (else 503 with reasons)",
                      responses={503: {"description": "not ready; the body lists the reasons"}})

    @app.get("/v1/models", tags=["models"])
    async def models(request: Request) -> JSONResponse:
        runtime: Runtime = request.app.state.runtime
        runtime.keys.client(request.headers)
        cards = runtime.litellm.model_cards()
        try:
            cards += await runtime.upstream.models(request.headers)
        except ProxyError:
            if not cards:
                raise
        return JSONResponse({"object": "list", "data": cards})

    install_docs(app)
    # Request ids, server spans and per-route counts, outside everything else; the chat paths
    # count and stamp themselves so no stream chunk passes through an extra layer.
    outermost(app, telemetry, CHAT_PATHS)
    return app


__all__ = ["create_app"]
