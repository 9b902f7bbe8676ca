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
from proxy.console.deps import admin_scope
from proxy.console.paths import EncodedUserPaths
from proxy.console.routes import install_console
from proxy.gateway.routes import (
    CHAT_PATHS,
    MESSAGES_PATHS,
    RESPONSES_PATHS,
    install_gateway,
    install_passthrough,
)
from proxy.gateway.translate_messages import error_body as anthropic_error_body

from .docs import install_docs
from .errors import ProxyError, install_handlers, render
from .limits import BodyGuard, is_control
from .operator_access import OperatorEndpoints
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

#: The personalised doors: model traffic, bounded by ``max_body_bytes``.
DOOR_PATHS = frozenset((*CHAT_PATHS, *RESPONSES_PATHS, *MESSAGES_PATHS))


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
        runtime = Runtime.build(settings, store=store, transport=transport, clock=clock,
                                interpreter_report=metrics.interpreter_call)
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
    app.add_middleware(BodyGuard, authenticate=_authenticate_before_body, limit_of=_body_limit,
                       refuse=_refusal)
    app.add_middleware(EncodedUserPaths)  # user ids are one percent-encoded path segment
    app.add_middleware(OperatorEndpoints)  # /metrics, /docs, /openapi.json: a key outside development mode
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
    install_passthrough(app)  # last: it matches every other /v1 path
    # Request ids, server spans and per-route counts, outside everything else; the doors count
    # and stamp themselves so no stream chunk passes through an extra layer.
    outermost(app, telemetry, DOOR_PATHS)
    return app


def _authenticate_before_body(request: Request) -> None:
    """Keys travel in headers: check them before a body is read (401/403 without reading it)."""
    path = request.url.path
    if path == "/admin" or path.startswith("/admin/"):
        admin_scope(request)
    elif path.startswith("/v1/") and not path.startswith("/v1/me"):
        request.app.state.runtime.keys.client(request.headers)


def _body_limit(request: Request) -> int:
    """Control routes: a few hundred bytes; the doors: model traffic; anything else under /v1
    streams through to the upstream (uploads), up to the pass-through limit."""
    settings = request.app.state.runtime.settings
    path = request.url.path
    if is_control(path):
        return settings.max_control_body_bytes
    if path in DOOR_PATHS or path.startswith("/openai/deployments/"):
        return settings.max_body_bytes
    return settings.upstream.passthrough_max_body_bytes


def _refusal(request: Request, error: ProxyError) -> Response:
    """A refusal in the shape the door's clients expect (Anthropic's on /v1/messages)."""
    if request.url.path in MESSAGES_PATHS:
        return Response(anthropic_error_body(error.status, error.message), error.status,
                        headers=error.headers, media_type="application/json")
    return render(error)


__all__ = ["create_app"]
