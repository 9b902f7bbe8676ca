"""Operator endpoints behind a key: ``/metrics`` names tenants and models, ``/openapi.json`` and
``/docs`` map every route. Open in development mode (or when configured open); otherwise the
global admin key or ``operations.scrape_key`` is required. The probes stay open.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from .auth import bearer
from .errors import Unauthorized, render
from .limits import under

OPERATOR_PATHS = ("/metrics", "/openapi.json", "/docs")


def is_operator_path(path: str) -> bool:
    return under(path, OPERATOR_PATHS)


class OperatorEndpoints:
    """Pure ASGI: a path check per request, a key check only on the operator paths."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_operator_path(scope["path"]):
            request = Request(scope)
            if not allowed(request):
                error = Unauthorized("this operator endpoint needs the admin key or operations.scrape_key "
                                     "(Authorization: Bearer <key>); see README, Operating beliefloop")
                await render(error)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def allowed(request: Request) -> bool:
    runtime = request.app.state.runtime
    operations = runtime.settings.operations
    mode = operations.endpoints
    if mode == "open" or (mode == "auto" and runtime.keys.development_mode):
        return True
    presented = bearer(request.headers)
    if presented is None:
        return False
    if operations.scrape_key and hmac.compare_digest(presented.encode(), operations.scrape_key.encode()):
        return True
    return runtime.keys.admin(request.headers) == "*"


__all__ = ["OPERATOR_PATHS", "OperatorEndpoints", "is_operator_path"]
