"""The one flow every personalised door runs, read top to bottom as a checklist:

1. authenticate, read the body (bounded), let the door parse and check it (once, orjson);
2. identify the user and context; the door reads the conversation as chat messages;
3. a retry of a request already seen carries no signal (an SDK retry is not a regeneration);
4. load the self-model, folding in the signals the conversation carries;
5. plan, and splice the directives into what goes upstream: the door's own protocol, or chat
   completions when the door is translated for this route;
6. forward (raw bytes when nothing changed), translating the reply back when needed;
7. answer, streaming bytes through as they arrive, and record the response (one place:
   :mod:`proxy.gateway.record`).

A door (chat completions, the Responses API, Anthropic Messages) only says how its protocol
reads and writes: :class:`Door`.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Mapping, Protocol

import orjson
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from adapters import Plan, Shape, apply_plan, plan
from beliefs.memory.service import Prepared
from beliefs.records import Arm, Identity
from beliefs.memory.write_behind import WriteQueueFull
from proxy.errors import BodyTooLarge, ProxyError, UpstreamUnavailable, storage_failure
from proxy.runtime import Runtime
from proxy.telemetry import Exchange as Watch

from . import comparison
from .assemble import Assembled
from .holdout import arm_of
from .record import Recorder, tee
from .routing import DoorName, Route
from .upstream import UpstreamReply
from .usage import usage_of

RESPONSE_ID_HEADER = "x-beliefloop-response-id"
APPLIED_HEADER = "x-beliefloop-applied"
OPT_OUT_HEADER = "x-beliefloop-opt-out"


@dataclass
class Exchange:
    """One request, as the door read it: what learning sees and what goes upstream."""

    #: The client's conversation as chat messages, before injection: read for signals, hashed
    #: for the prefix, stored for exports. Empty when nothing will read it (anonymous, native).
    conversation: list[Any]
    #: What goes upstream, and in which protocol: the door's own, or chat completions.
    shape: Shape
    body: dict[str, Any]
    #: The client's bytes while ``body`` is unchanged (then sent as they came).
    raw: bytes | None
    #: Path under the plain upstream's base URL.
    path: str
    #: The conversation as stored beside the record, for exports, when it differs from
    #: ``conversation`` (the Responses door keeps ``instructions`` there, not in the prefix).
    stored: list[Any] | None = None
    #: Turns the upstream's reply into the door's protocol (None: it already is).
    translate: Callable[[UpstreamReply], UpstreamReply] | None = None
    #: The door's own use of the assembled reply, identified user or not.
    after: Callable[[Assembled], None] | None = None
    #: How a mid-stream failure is told when it differs from the door's usual way (a
    #: translated stream numbers its events).
    stream_error: Callable[[ProxyError], bytes] | None = None


class Door(Protocol):
    name: DoorName
    #: The stream event that tells the client the reply is complete (held back until the
    #: response's record is durable); None: only the end of the response waits.
    final_event: bytes | None

    def parse(self, raw: bytes, request: Request) -> tuple[dict[str, Any], bytes]:
        """The checked body (and the bytes that stand for it upstream); raises InvalidRequest."""

    def identify(self, headers: Mapping[str, str], body: dict[str, Any], tenant: str) -> Identity | None:
        """The end user, or None for an anonymous request."""

    async def open(self, runtime: Runtime, body: dict[str, Any], raw: bytes, tenant: str,
                   identity: Identity | None, route: Route, response_id: str) -> Exchange:
        """The conversation and what to send upstream (``tenant``: the caller's, user or not)."""

    def assemble_json(self, raw: bytes) -> Assembled:
        """The text of a non-stream reply in the door's format."""

    def assemble_sse(self, raw: bytes, finished: bool) -> Assembled:
        """The text of a streamed reply in the door's format (``finished``: the stream ended)."""

    def stream_error(self, error: ProxyError) -> bytes:
        """An upstream failure told in-band, mid-stream."""

    def error_response(self, error: BaseException) -> Response | None:
        """The door's own error shape (None: the app's OpenAI-shaped handler renders it)."""


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing more than ``limit`` bytes before reading them all."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"request body of {declared} bytes exceeds the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def new_response_id() -> str:
    return "blr_" + os.urandom(16).hex()  # unguessable; cheaper than building a UUID


async def handle(request: Request, door: Door) -> Response:
    """Serve ``request`` through ``door``. Counted, timed, logged and traced through one
    telemetry exchange (``watch``); errors are rendered in the door's shape (or by the app's
    handler)."""
    watch: Watch = request.app.state.telemetry.exchange(request.scope["path"])
    response_id = new_response_id()
    try:
        return await _serve(request, door, watch, response_id)
    except Exception as error:
        watch.failed(error)
        if isinstance(error, ProxyError):  # errors are answers too: the app can quote this id
            error.headers = {**error.headers, RESPONSE_ID_HEADER: response_id}
        rendered = door.error_response(error)
        if rendered is None:
            raise
        rendered.headers.update(watch.headers())
        return rendered


async def _serve(request: Request, door: Door, watch: Watch, response_id: str) -> Response:
    runtime: Runtime = request.app.state.runtime
    headers = request.headers
    principal = runtime.keys.client(headers)  # 401 before reading a byte of the body
    raw = await read_body(request, runtime.settings.max_body_bytes)
    started = time.perf_counter()  # after the body is in: a slow client is not proxy overhead
    body, raw = door.parse(raw, request)
    model = body["model"]
    stream = body.get("stream") is True
    watch.requested(principal.tenant, model, stream)
    principal.check_model(model)
    await runtime.keys.admit(principal)
    with watch.step("identify"):
        identity = door.identify(headers, body, principal.tenant)
    retry = None
    if identity is not None:
        retry = runtime.gateway.retries.check(
            (identity.tenant, principal.key_id, identity.user, identity.context, door.name), headers, raw,
            response_id, runtime.service.clock(), runtime.settings.learning.retry_window_s)
        if retry is not None and retry.response_id is not None:
            response_id = retry.response_id  # the retry's record replaces the original's
    route = runtime.gateway.router.route(door.name, model)
    exchange = await door.open(runtime, body, raw, principal.tenant, identity, route, response_id)

    prepared: Prepared | None = None
    if identity is not None and headers.get(OPT_OUT_HEADER, "").lower() == "true":
        if not await runtime.rights.is_opted_out(identity):
            await runtime.rights.set_opt_out(identity, True)
    if identity is not None:
        with watch.step("load self-model"):
            try:
                prepared = await runtime.service.prepare(identity, exchange.conversation, read=retry is None)
            except WriteQueueFull as full:  # refused before anything is read or forwarded
                raise storage_failure(full) from None
        if prepared.opted_out:
            prepared = None
    arm: Arm | None = None  # anonymous or opted out: not part of the holdout comparison
    if prepared is not None:
        watch.observed(prepared.observations)
        flywheel = runtime.settings.flywheel
        # Holdout users are observed (prepare ran) but get no plan: the lift is measured, not assumed.
        arm = arm_of(prepared.identity.tenant, prepared.identity.user, flywheel.holdout_share,
                     flywheel.holdout_salt)
    applied = Plan()
    generic = None  # the body before directives, when this request is sampled for comparison
    if prepared is not None and arm == "treated":
        with watch.step("render"):
            candidate = plan(runtime.rules, prepared.beliefs, prepared.identity.context, runtime.policy)
            if candidate:
                generic = comparison.sample(runtime.settings.comparison.sample_rate, exchange.body)
            # Only what reached the request counts as applied (x-beliefloop-applied, the record).
            if apply_plan(exchange.body, candidate, runtime.policy, shape=exchange.shape, traits=route.traits):
                applied = candidate
                exchange.raw = None
                watch.planned(applied, runtime.policy)

    remember = None
    if prepared is not None or exchange.after is not None:
        stored = exchange.stored if exchange.stored is not None else exchange.conversation
        remember = Recorder(runtime, prepared, applied, response_id, model, arm, stored, exchange.after, watch)

    watch.forwarding()
    upstream_started = time.perf_counter()
    try:
        reply = await _unless_client_leaves(request, _forward(runtime, exchange, route, headers, stream, watch))
    except ClientGone:
        # Nobody waits for this answer: the upstream call was cancelled (its connection closed,
        # so the model stops too), and the record says the reply never completed.
        watch.disconnected()
        if remember is not None:
            remember.abandoned()
        return Response(status_code=CLIENT_CLOSED)
    upstream_s = time.perf_counter() - upstream_started

    out_headers = {**reply.headers, RESPONSE_ID_HEADER: response_id, APPLIED_HEADER: applied.applied_header(),
                   **watch.headers(reply.headers)}
    watch.answered(reply.status, arm or "none", bool(applied), upstream_s,
                   time.perf_counter() - started - upstream_s)
    if generic is not None and applied and reply.status < 400:
        comparison.fetch_later(runtime, request.app.state.metrics, route, exchange.path, generic, headers,
                               exchange.translate, door.assemble_json, response_id)
    if reply.chunks is None:
        if remember is not None:
            await remember.durably(door.assemble_json, reply.body or b"")
        watch.finished(usage_of(reply.body or b""))
        return Response(reply.body, reply.status, headers=out_headers, media_type=reply.media_type)
    return StreamingResponse(tee(reply, remember, door.assemble_sse, exchange.stream_error or door.stream_error,
                                 watch, door.final_event),
                             reply.status, headers=out_headers, media_type=reply.media_type)


#: nginx's code for a request the client closed before the answer (logged; nobody receives it).
CLIENT_CLOSED = 499


class ClientGone(Exception):
    """The client closed its connection while the upstream was still working on its request."""


async def _unless_client_leaves(request: Request, forwarding: Awaitable[UpstreamReply]) -> UpstreamReply:
    """Await ``forwarding`` unless the client disconnects first: then cancel it (closing the
    upstream connection) and raise :class:`ClientGone`. One watcher task per request; a stream
    is watched by Starlette itself once its bytes flow."""
    task = asyncio.current_task()
    gone = False

    async def until_disconnected() -> None:
        nonlocal gone
        receive = request.receive
        while (await receive())["type"] != "http.disconnect":
            pass
        gone = True
        if task is not None:
            task.cancel()

    watcher = asyncio.ensure_future(until_disconnected())
    try:
        return await forwarding
    except asyncio.CancelledError:
        if not gone or task is None:
            raise
        task.uncancel()
        raise ClientGone() from None
    finally:
        watcher.cancel()


async def _forward(runtime: Runtime, exchange: Exchange, route: Route, headers: Mapping[str, str],
                   stream: bool, watch: Watch) -> UpstreamReply:
    """Send upstream, retrying failures that happened before any byte came back and that a
    retry can cure: unreachable upstreams and 5xx (``upstream.retries``, exponential backoff).
    Timeouts are not retried (the request may still be running) and 4xx/429 go back to the
    client, whose SDK honours ``retry-after`` itself."""
    settings = runtime.settings.upstream
    raw = None if route.litellm else exchange.raw if exchange.raw is not None else orjson.dumps(exchange.body)
    for attempt in range(settings.retries + 1):
        try:
            if route.litellm:
                reply = await runtime.litellm.call(exchange.body, stream)
            else:
                reply = await runtime.upstream.post(exchange.path, raw, headers, stream)  # type: ignore[arg-type]
            return exchange.translate(reply) if exchange.translate is not None else reply
        except UpstreamUnavailable as error:
            if attempt == settings.retries:
                raise
            wait_s = settings.retry_backoff_s * 2 ** attempt
            watch.retrying(error, attempt, wait_s)
            await asyncio.sleep(wait_s)
    raise AssertionError("unreachable")


__all__ = ["APPLIED_HEADER", "OPT_OUT_HEADER", "RESPONSE_ID_HEADER", "Door", "Exchange", "handle",
           "new_response_id", "read_body"]
