"""Everything else under ``/v1``: passed through to the upstream unchanged, streamed both ways.

Embeddings, legacy completions, ``models/{id}``, audio, files, batches, vector stores...: nothing
here is personalised or recorded. Requests are authenticated and rate-limited like chat; a key
bound to models may only name those models (checked in JSON bodies; the request is then read,
bounded, instead of streamed). Bodies are never held otherwise: they stream to the upstream as
they arrive, up to ``upstream.passthrough_max_body_bytes``, and the reply streams back with its
own status and headers. ``GET /v1/models/{id}`` of a ``model_list`` route is answered here.
"""

from __future__ import annotations

from typing import AsyncIterator

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from proxy.errors import BodyTooLarge
from proxy.runtime import Runtime

from .flow import read_body

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


async def passthrough(request: Request) -> Response:
    runtime: Runtime = request.app.state.runtime
    metrics = request.app.state.metrics
    try:
        return await _relay(request, runtime)
    except Exception as error:
        metrics.error(error)
        raise


async def _relay(request: Request, runtime: Runtime) -> Response:
    principal = runtime.keys.client(request.headers)
    await runtime.keys.admit(principal)
    path = request.path_params["path"]
    if request.method == "GET" and path.startswith("models/"):
        model = path.removeprefix("models/")
        principal.check_model(model)
        if model in runtime.litellm:
            return JSONResponse(next(c for c in runtime.litellm.model_cards() if c["id"] == model))
    limit = runtime.settings.upstream.passthrough_max_body_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"request body of {declared} bytes exceeds the limit of {limit} bytes")
    body: AsyncIterator[bytes] | None = None
    has_body = (declared is not None and declared != "0") or "transfer-encoding" in request.headers
    if has_body and principal.models is not None and _is_json(request):
        raw = await read_body(request, min(limit, runtime.settings.max_body_bytes))
        model = _model_of(raw)
        if model is not None:
            principal.check_model(model)
        body = _once(raw)
    elif has_body:
        body = _bounded(request, limit)
    target = "/" + path + (f"?{request.url.query}" if request.url.query else "")
    reply = await runtime.upstream.relay(request.method, target, request.headers, body)
    return StreamingResponse(_stream(reply), reply.status, headers=reply.headers, media_type=None)


def _is_json(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip() == "application/json"


def _model_of(raw: bytes) -> str | None:
    try:
        parsed = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    model = parsed.get("model") if isinstance(parsed, dict) else None
    return model if isinstance(model, str) else None


async def _once(raw: bytes) -> AsyncIterator[bytes]:
    yield raw


async def _bounded(request: Request, limit: int) -> AsyncIterator[bytes]:
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            # The upstream sees the request cut short; the client gets the upstream's answer to that.
            raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes")
        yield chunk


async def _stream(reply) -> AsyncIterator[bytes]:
    try:
        async for chunk in reply.chunks:
            yield chunk
    finally:
        if reply.close is not None:
            await reply.close()


__all__ = ["METHODS", "passthrough"]
