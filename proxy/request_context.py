"""The outermost ASGI layer: every request gets an id, a span when tracing is on, and a count.

``X-Request-Id`` is taken from the request when it is a sane token (1-128 of ``A-Z a-z 0-9 . _ :
/ + = @ -``), else generated, and returned on every response. While the request is served the id
is in :data:`proxy.logs.REQUEST_ID`, so every log line written for it carries it.

The hot paths (the model routes) get the server's own ``send``: wrapping it would add a call to
every streamed chunk. Their handlers stamp the header and count themselves
(:class:`proxy.telemetry.Exchange`), and the error handlers stamp every error response.
Everything else goes through a ``send`` that stamps the header and counts the status once the
response starts.

This layer sits outside Starlette's ServerErrorMiddleware (``create_app`` wraps the built stack),
so even a 500 from an unexpected error carries the id, is counted, and its log line names it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from random import getrandbits
from typing import TYPE_CHECKING, Any, Collection, Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .logs import REQUEST_ID

if TYPE_CHECKING:
    from .telemetry import Telemetry

REQUEST_ID_HEADER = "x-request-id"
#: The upstream's own request id, kept beside ours (OpenAI support asks for it).
UPSTREAM_REQUEST_ID_HEADER = "x-upstream-request-id"
_RAW_HEADER = REQUEST_ID_HEADER.encode()
_CONVERTOR = re.compile(r"\{(\w+):\w+\}")
_SANE = re.compile(rb"[A-Za-z0-9._:/+=@-]{1,128}")


def _incoming_id(headers: list[tuple[bytes, bytes]]) -> str | None:
    value = dict(headers).get(_RAW_HEADER)  # one C-level pass; faster than a Python loop
    return value.decode() if value is not None and _SANE.fullmatch(value) else None


def new_request_id() -> str:
    """32 hex digits. Unique, not secret: Mersenne Twister (seeded from the OS per process) is
    several times cheaper than a system call per request."""
    return "%032x" % getrandbits(128)


def request_id_headers(upstream: Mapping[str, str] | None = None) -> dict[str, str]:
    """Headers that carry the current request id (and the upstream's own id renamed), to merge
    into a response built by a handler; empty outside a request."""
    current = REQUEST_ID.get()
    if current is None:
        return {}
    headers = {REQUEST_ID_HEADER: current}
    if upstream:
        theirs = upstream.get(REQUEST_ID_HEADER)
        if theirs is not None:
            headers[UPSTREAM_REQUEST_ID_HEADER] = theirs
    return headers


@lru_cache(maxsize=512)
def _label(template: str) -> str:
    """A route template without path convertors: ``{user_id:user}`` reads ``{user_id}``."""
    return _CONVERTOR.sub(r"{\1}", template)


def route_of(scope: Scope) -> str:
    """The route template that served the request (``/admin/users/{user_id}/beliefs``), its path
    for a plain route, or ``unmatched``: a label with few values, never a raw path with ids."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    if isinstance(template, str):
        return _label(template)
    return scope["path"] if "endpoint" in scope else "unmatched"


class RequestContext:
    def __init__(self, app: ASGIApp, telemetry: "Telemetry", hot_paths: Collection[str]) -> None:
        self.app = app
        self.telemetry = telemetry
        self.hot_paths = frozenset(hot_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_id(scope["headers"]) or new_request_id()
        token = REQUEST_ID.set(request_id)
        tracing = self.telemetry.tracing
        try:
            if tracing is None:
                if scope["path"] in self.hot_paths:
                    await self.app(scope, receive, send)  # the common case, without another frame
                else:
                    await self._serve(scope, receive, send, request_id)
                return
            span, attached = tracing.start_server_span(scope["method"], scope["path"], scope["headers"])
            status: int | None = None
            try:
                status = await self._serve(scope, receive, send, request_id)
            finally:
                tracing.end_server_span(span, attached, scope["method"], route_of(scope), status)
        finally:
            REQUEST_ID.reset(token)

    async def _serve(self, scope: Scope, receive: Receive, send: Send, request_id: str) -> int | None:
        """Run the app; returns the status for ordinary routes (None for hot paths, whose
        handlers report their own)."""
        if scope["path"] in self.hot_paths:
            await self.app(scope, receive, send)
            return None
        stamp = (_RAW_HEADER, request_id.encode())
        status = 0

        async def stamped(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                if not any(name.lower() == _RAW_HEADER for name, _ in headers):
                    headers.append(stamp)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, stamped)
        except BaseException:
            status = status or 500
            raise
        finally:
            # 499: the client went away before any response started (nginx's convention).
            self.telemetry.metrics.request(route_of(scope), "", "", status or 499)
        return status


def outermost(app: Any, telemetry: "Telemetry", hot_paths: Collection[str]) -> None:
    """Install :class:`RequestContext` around the app's whole middleware stack, outside
    ServerErrorMiddleware (``add_middleware`` would put it inside, where a 500 never passes)."""
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: RequestContext(build(), telemetry, hot_paths)


__all__ = ["REQUEST_ID_HEADER", "RequestContext", "UPSTREAM_REQUEST_ID_HEADER", "new_request_id", "outermost",
           "request_id_headers", "route_of"]
