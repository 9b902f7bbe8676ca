"""The app factory: every part is built here from explicit arguments; nothing at import time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import AsyncIterator, Callable

import httpx
from fastapi import FastAPI, Request
from starlette.responses import JSONResponse, Response

from beliefs.memory.store import Store
from proxy.console.deps import admin_tenant
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

from .errors import ProxyError, install_handlers, render
from .limits import BodyGuard, is_control
from .metrics import ProxyMetrics, metrics_endpoint, spool_depth_of
from .reload import remember_mtime, watch_config
from .runtime import Runtime
from .settings import Settings

log = logging.getLogger("beliefloop.proxy")

#: The personalised doors: model traffic, bounded by ``max_body_bytes``.
DOOR_PATHS = frozenset((*CHAT_PATHS, *RESPONSES_PATHS, *MESSAGES_PATHS))


def create_app(settings: Settings, *, store: Store | None = None,
               transport: httpx.AsyncBaseTransport | None = None,
               clock: Callable[[], float] | None = None,
               watch: bool = True) -> FastAPI:
    """Build the proxy. ``store``/``transport``/``clock`` swap the edges (tests, benchmarks)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = Runtime.build(settings, store=store, transport=transport, clock=clock)
        app.state.runtime = runtime
        remember_mtime(runtime)
        await runtime.start()
        watcher = asyncio.create_task(watch_config(runtime)) if watch else None
        if not settings.admin_key:
            log.warning("admin API disabled: no BELIEFLOOP_ADMIN_KEY set")
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            await runtime.aclose()  # flushes queued belief writes before exit

    app = FastAPI(title="beliefloop", version="0.1.0", lifespan=lifespan)
    install_handlers(app)
    app.add_middleware(BodyGuard, authenticate=_authenticate_before_body, limit_of=_body_limit,
                       refuse=_refusal)
    app.add_middleware(EncodedUserPaths)  # user ids are one percent-encoded path segment
    install_gateway(app)  # what client apps call: chat completions, feedback
    install_console(app, settings)  # what people use: admin API, exports, /v1/me, pages, dashboard
    # One registry per app (not a module global), so tests and benchmarks can build several.
    app.state.metrics = ProxyMetrics(spool_depth=lambda: spool_depth_of(app))
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/models")
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

    install_passthrough(app)  # last: it matches every other /v1 path
    return app


def _authenticate_before_body(request: Request) -> None:
    """Keys travel in headers: check them before a body is read (401/403 without reading it)."""
    path = request.url.path
    if path == "/admin" or path.startswith("/admin/"):
        admin_tenant(request)
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
