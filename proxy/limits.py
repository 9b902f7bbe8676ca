"""Refuse what should not be read: oversized bodies and unauthenticated writes, before the body.

A pure ASGI middleware in front of every route. For a request with a body it

1. authenticates routes whose key travels in a header (the admin API, client routes such as
   ``/v1/feedback``) and answers 401/403 without reading a byte of the body;
2. answers 413 when ``Content-Length`` declares more than the route's limit, without reading it;
3. stops a body sent without a length (chunked) at the limit with a 413: control routes' bodies
   are read here, up to the limit, and handed on whole (frameworks turn an error raised while
   they parse a body into a 400, so the 413 is answered before they see it); model traffic is
   counted as the route reads it, and the route's own error handling answers the 413.

LLM traffic (chat and the other doors under ``/v1``) may carry ``max_body_bytes``; everything
else (feedback, admin, ``/v1/me``, the pages' forms) only ``max_control_body_bytes``: those bodies
are a few hundred bytes, and reading megabytes for them is only ever an attack.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from .errors import BodyTooLarge, ProxyError, render

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Paths whose bodies are small control messages, not model traffic.
CONTROL_PREFIXES = ("/admin", "/v1/feedback", "/v1/me", "/me", "/dashboard")
_BODYLESS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})


def under(path: str, prefixes: tuple[str, ...]) -> bool:
    """``path`` is one of ``prefixes`` or lies below one (``/admin`` and ``/admin/x``, not ``/administer``)."""
    return any(path == p or path.startswith(p + "/") for p in prefixes)


def is_control(path: str) -> bool:
    return under(path, CONTROL_PREFIXES)


class BodyGuard:
    """See the module docstring. ``authenticate(request)`` raises a ProxyError for a request
    that may not send a body to its route; ``limit_of(request)`` is its byte limit;
    ``refuse(request, error)`` renders a refusal in the shape the route's clients expect."""

    def __init__(self, app: ASGIApp, authenticate: Callable[[Request], None],
                 limit_of: Callable[[Request], int],
                 refuse: Callable[[Request, ProxyError], Response] = lambda _, error: render(error)) -> None:
        self.app, self.authenticate, self.limit_of, self.refuse = app, authenticate, limit_of, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _BODYLESS:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            self.authenticate(request)
            limit = self.limit_of(request)
            declared = request.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise BodyTooLarge(f"request body of {declared} bytes exceeds the limit of {limit} bytes")
            if is_control(request.url.path):
                receive = await _buffered(receive, limit)
        except ProxyError as error:
            await self.refuse(request, error)(scope, receive, send)
            return
        await self.app(scope, _counted(receive, limit), send)


async def _buffered(receive: Receive, limit: int) -> Receive:
    """Read a whole body of at most ``limit`` bytes now; a ``receive`` that replays it."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            replay = [message]  # the client went away mid-body: hand the app its disconnect
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]
            break

    async def replayed() -> Message:
        return replay.pop() if replay else await receive()

    return replayed


def _counted(receive: Receive, limit: int) -> Receive:
    """``receive`` that raises BodyTooLarge once more than ``limit`` body bytes arrived (the error
    handlers answer 413; the rest of the body is never read)."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes")
        return message

    return counted


__all__ = ["BodyGuard", "CONTROL_PREFIXES", "is_control", "under"]
