"""One error hierarchy, rendered in OpenAI's shape from one place.

Every route raises these; :func:`install_handlers` turns them (and framework errors) into
``{"error": {"message", "type", "param", "code"}}`` so the official SDK raises the matching class.
"""

from __future__ import annotations

import logging

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from .request_context import request_id_headers

log = logging.getLogger("beliefloop.proxy")


class ProxyError(Exception):
    status = 500
    type = "server_error"
    code: str | None = None

    def __init__(self, message: str, *, param: str | None = None, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        if code is not None:
            self.code = code
        self.headers = headers or {}


class InvalidRequest(ProxyError):
    status, type, code = 400, "invalid_request_error", "invalid_request"


class BodyTooLarge(ProxyError):
    status, type, code = 413, "invalid_request_error", "request_too_large"


class Unauthorized(ProxyError):
    status, type, code = 401, "authentication_error", "invalid_api_key"


class Forbidden(ProxyError):
    status, type, code = 403, "permission_error", "forbidden"


class NotFound(ProxyError):
    status, type, code = 404, "not_found_error", "not_found"


class Conflict(ProxyError):
    status, type, code = 409, "invalid_request_error", "conflict"


class Unprocessable(ProxyError):
    status, type, code = 422, "invalid_request_error", "invalid_value"


class TooManyRequests(ProxyError):
    status, type, code = 429, "rate_limit_error", "rate_limit_exceeded"


class Unavailable(ProxyError):
    """beliefloop itself cannot take the request now (its write queue is full, its store is
    down for an operation that needs it); ``retry-after`` says when to try again."""

    status, type, code = 503, "server_error", "unavailable"


class UpstreamUnavailable(ProxyError):
    status, type, code = 502, "upstream_error", "upstream_unavailable"


class UpstreamTimeout(ProxyError):
    status, type, code = 504, "timeout_error", "upstream_timeout"


class UpstreamRejected(ProxyError):
    """An upstream 4xx/429: passed through with its own status and, if it is JSON, its own body."""

    type = "invalid_request_error"

    def __init__(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"upstream returned {status}", headers=headers)
        self.status = status
        self.body = body


def _is_timeout(error: BaseException) -> bool:
    # By class name along the MRO: httpx's TimeoutException, asyncio's TimeoutError, and the
    # provider SDKs' APITimeoutError (litellm's Timeout derives from openai's) all say the same.
    return isinstance(error, TimeoutError) or any(
        cls.__name__ in ("TimeoutException", "APITimeoutError", "Timeout") for cls in type(error).__mro__)


def _is_context_window(error: BaseException) -> bool:
    # litellm's ContextWindowExceededError, from any provider's "prompt too long": told with
    # OpenAI's own code, so clients that trim and retry on it work through litellm routes too.
    return any(cls.__name__ == "ContextWindowExceededError" for cls in type(error).__mro__)


def upstream_failure(error: BaseException) -> ProxyError:
    """The one mapping of an upstream failure (httpx, aiohttp, litellm and the provider SDKs)
    onto our errors: a timeout is 504; a 4xx the provider answered (``status_code``) passes
    through with its status (429 as ``rate_limit_exceeded``, a prompt over the context window as
    ``context_length_exceeded``); anything else is 502."""
    if isinstance(error, ProxyError):
        return error
    message = str(getattr(error, "message", error))[:500]
    if _is_timeout(error) or getattr(error, "status_code", None) == 408:
        return UpstreamTimeout(f"upstream timed out ({type(error).__name__}: {message})")
    status = getattr(error, "status_code", None)
    if isinstance(status, int) and 400 <= status < 500:
        if status == 429:
            return UpstreamRejected(status, error_body(message, "rate_limit_error", "rate_limit_exceeded"))
        if _is_context_window(error):
            return UpstreamRejected(status, error_body(message, "invalid_request_error",
                                                       "context_length_exceeded", "messages"))
        return UpstreamRejected(status, error_body(message, "invalid_request_error", "provider_error"))
    return UpstreamUnavailable(f"upstream unreachable ({type(error).__name__}: {message})")


def storage_failure(error: BaseException) -> ProxyError | None:
    """The one mapping of the belief store's own refusals onto our errors (None: not one):
    a full write queue and an unreachable store are 503 with ``retry-after``."""
    from beliefs.memory.write_behind import StoreUnavailable, WriteQueueFull

    if isinstance(error, WriteQueueFull):
        return Unavailable(str(error), code="write_queue_full",
                           headers={"retry-after": str(error.retry_after_s)})
    if isinstance(error, StoreUnavailable):
        return Unavailable(f"the belief store is unavailable: {error}", code="store_unavailable",
                           headers={"retry-after": "2"})
    return None


def error_body(message: str, type_: str, code: str | None, param: str | None = None) -> bytes:
    return orjson.dumps({"error": {"message": message, "type": type_, "param": param, "code": code}})


def render(error: ProxyError) -> Response:
    """The error's response, carrying the request id (every error response does, the hot path's too)."""
    headers = {**error.headers, **request_id_headers(error.headers)}
    if isinstance(error, UpstreamRejected):
        body = error.body
        try:
            parsed = orjson.loads(body)
            ok = isinstance(parsed, dict) and isinstance(parsed.get("error"), dict)
        except orjson.JSONDecodeError:
            ok = False
        if not ok:
            text = body[:500].decode("utf-8", "replace")
            body = error_body(f"upstream returned {error.status}: {text}", "upstream_error",
                              "rate_limit_exceeded" if error.status == 429 else "upstream_error")
        return Response(body, error.status, headers=headers, media_type="application/json")
    return Response(error_body(error.message, error.type, error.code, error.param), error.status,
                    headers=headers, media_type="application/json")


def install_handlers(app: FastAPI) -> None:
    async def proxy_error(_: Request, error: Exception) -> Response:
        assert isinstance(error, ProxyError)
        return render(error)

    async def validation_error(_: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        first = error.errors()[0] if error.errors() else {}
        loc = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{loc}: {first.get('msg', 'invalid request')}" if loc else first.get("msg", "invalid")
        return render(Unprocessable(message, param=loc or None))

    async def http_error(_: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        kinds = {404: NotFound, 401: Unauthorized, 403: Forbidden, 413: BodyTooLarge}
        kind = kinds.get(error.status_code)
        if kind is not None:
            return render(kind(str(error.detail)))
        generic = ProxyError(str(error.detail))
        generic.status, generic.type, generic.code = error.status_code, "invalid_request_error", None
        return render(generic)

    async def unexpected(_: Request, error: Exception) -> Response:
        mapped = storage_failure(error)
        if mapped is not None:
            return render(mapped)
        log.exception("unhandled error", exc_info=error)
        return render(ProxyError("internal error in beliefloop", code="internal_error"))

    app.add_exception_handler(ProxyError, proxy_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)


__all__ = [
    "BodyTooLarge", "Conflict", "Forbidden", "InvalidRequest", "NotFound", "ProxyError", "TooManyRequests",
    "Unauthorized", "Unavailable", "Unprocessable", "UpstreamRejected", "UpstreamTimeout", "UpstreamUnavailable",
    "error_body", "install_handlers", "render", "storage_failure", "upstream_failure",
]
