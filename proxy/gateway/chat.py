"""``POST /v1/chat/completions``: the hot path, read top to bottom as a checklist.

1. read the body (bounded) and parse it once with orjson;
2. identify the user and context;
3. load the self-model, folding in the signals this request carries;
4. match rules and splice the directives into the parsed body;
5. forward (raw bytes, or litellm for ``model_list`` models);
6. return the reply, streaming bytes through as they arrive, and remember it afterwards.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any, AsyncIterator

import orjson
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from adapters import Plan, apply_plan, plan
from beliefs.learning.conversation import text_hash
from beliefs.memory.service import Prepared
from beliefs.records import Arm, BeliefView, ResponseRecord
from proxy.errors import BodyTooLarge, InvalidRequest, ProxyError, UpstreamUnavailable
from proxy.runtime import Runtime
from proxy.telemetry import Exchange

from .assemble import Assembled, assemble_json, assemble_sse
from .holdout import arm_of
from .identity import identify
from .upstream import UpstreamReply
from .usage import usage_of

RESPONSE_ID_HEADER = "x-beliefloop-response-id"
APPLIED_HEADER = "x-beliefloop-applied"
OPT_OUT_HEADER = "x-beliefloop-opt-out"


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


def parse_chat_body(raw: bytes) -> dict[str, Any]:
    """Parse once and check only what the proxy relies on; every other field passes untouched."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise InvalidRequest(f"could not parse the JSON body: {error}", code="invalid_json") from None
    if not isinstance(body, dict):
        raise InvalidRequest("the JSON body must be an object", code="invalid_json")
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise InvalidRequest("you must provide a model parameter", param="model", code="missing_model")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise InvalidRequest("'messages' must be a non-empty array", param="messages", code="missing_messages")
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or not isinstance(message.get("role"), str):
            raise InvalidRequest(f"messages[{index}] must be an object with a 'role'",
                                 param=f"messages[{index}]", code="invalid_messages")
    return body


async def chat_completions(request: Request) -> Response:
    # Counted, timed, logged and traced through the exchange; errors rendered by the one handler.
    exchange: Exchange = request.app.state.telemetry.exchange(request.scope["path"])
    try:
        return await _chat_completions(request, exchange)
    except Exception as error:
        exchange.failed(error)
        raise


async def _chat_completions(request: Request, exchange: Exchange) -> Response:
    runtime: Runtime = request.app.state.runtime
    principal = runtime.keys.client(request.headers)  # 401 before reading a byte of the body
    raw = await read_body(request, runtime.settings.max_body_bytes)
    started = time.perf_counter()  # after the body is in: a slow client is not proxy overhead
    body = parse_chat_body(raw)
    stream = body.get("stream") is True
    exchange.requested(principal.tenant, body["model"], stream)
    principal.check_model(body["model"])
    runtime.keys.limit(principal)
    with exchange.step("identify"):
        identity = identify(request.headers, body, principal.tenant)
    response_id = "blr_" + os.urandom(16).hex()  # unguessable; cheaper than building a UUID

    prepared: Prepared | None = None
    applied_plan = Plan()
    if identity is not None and request.headers.get(OPT_OUT_HEADER, "").lower() == "true":
        if not await runtime.rights.is_opted_out(identity):
            await runtime.rights.set_opt_out(identity, True)
    if identity is not None:
        with exchange.step("load self-model"):
            prepared = await runtime.service.prepare(identity, body["messages"])
        if prepared.opted_out:
            prepared = None
    arm: Arm | None = None  # anonymous or opted out: not part of the holdout comparison
    client_messages = body["messages"]  # as sent: apply_plan replaces the list, never mutates it
    if prepared is not None:
        exchange.observed(prepared.observations)
        flywheel = runtime.settings.flywheel
        # Holdout users are observed (prepare ran) but get no plan: the lift is measured, not assumed.
        arm = arm_of(prepared.identity.tenant, prepared.identity.user, flywheel.holdout_share,
                     flywheel.holdout_salt)
    if prepared is not None and arm == "treated":
        with exchange.step("render"):
            applied_plan = plan(runtime.rules, prepared.beliefs, prepared.identity.context, runtime.policy)
            exchange.planned(applied_plan, runtime.policy)
            if applied_plan:
                apply_plan(body, applied_plan, runtime.policy)
                raw = orjson.dumps(body)

    exchange.forwarding()
    upstream_started = time.perf_counter()
    reply = await _forward(runtime, body, raw, request.headers, stream, exchange)
    upstream_s = time.perf_counter() - upstream_started

    headers = {**reply.headers, RESPONSE_ID_HEADER: response_id,
               APPLIED_HEADER: applied_plan.applied_header(), **exchange.headers(reply.headers)}
    remember = _Recorder(runtime, prepared, applied_plan, response_id, body["model"], arm, client_messages,
                         exchange)
    exchange.answered(reply.status, arm or "none", bool(applied_plan), upstream_s,
                      time.perf_counter() - started - upstream_s)
    if reply.chunks is None:
        if prepared is not None:
            # Before the reply goes out, not after: a fast client's next request (its edit, its
            # feedback) may arrive on this connection the moment the body is sent. Costs one
            # orjson parse; the database write still happens on the write-behind thread.
            remember(assemble_json, reply.body or b"")
        exchange.finished(usage_of(reply.body or b""))
        return Response(reply.body, reply.status, headers=headers, media_type=reply.media_type)
    return StreamingResponse(_tee(reply, remember if prepared else None, exchange), reply.status,
                             headers=headers, media_type=reply.media_type)


async def _forward(runtime: Runtime, body: dict[str, Any], raw: bytes, headers: Any,
                   stream: bool, exchange: Exchange) -> UpstreamReply:
    """Send upstream, retrying failures that happened before any byte came back and that a
    retry can cure: unreachable upstreams and 5xx (``upstream.retries``, exponential backoff).
    Timeouts are not retried (the request may still be running) and 4xx/429 go back to the
    client, whose SDK honours ``retry-after`` itself."""
    settings = runtime.settings.upstream
    for attempt in range(settings.retries + 1):
        try:
            if body["model"] in runtime.litellm:
                return await runtime.litellm.call(body, stream)
            return await runtime.upstream.chat(raw, headers, stream)
        except UpstreamUnavailable as error:
            if attempt == settings.retries:
                raise
            wait_s = settings.retry_backoff_s * 2 ** attempt
            exchange.retrying(error, attempt, wait_s)
            await asyncio.sleep(wait_s)
    raise AssertionError("unreachable")


async def _tee(reply: UpstreamReply, remember: "_Recorder | None", exchange: Exchange) -> AsyncIterator[bytes]:
    """Yield upstream bytes untouched; keep a copy to assemble the text once the stream ends.
    The exchange hears once at the end (usage from the last two chunks), never per chunk."""
    seen: list[bytes] = []
    before = last = b""
    finished = broken = False
    try:
        async for chunk in reply.chunks:  # type: ignore[union-attr]
            if remember is not None:
                seen.append(chunk)
            before, last = last, chunk
            yield chunk
        finished = True
    except ProxyError as error:  # the upstream failed mid-stream: tell the client in-band
        broken = True
        exchange.broke(error)
        yield b"data: " + orjson.dumps({"error": {"message": error.message, "type": error.type,
                                                  "code": error.code}}) + b"\n\n"
    finally:
        if reply.close is not None:
            await reply.close()
        if remember is not None:
            remember(lambda raw: _stream_outcome(raw, finished), b"".join(seen))
        if finished:
            exchange.finished(usage_of(before + last))
        elif not broken:  # closed from outside: the client went away
            exchange.disconnected()


def _stream_outcome(raw: bytes, finished: bool) -> Assembled:
    assembled = assemble_sse(raw)
    return Assembled(assembled.text, assembled.completion_id, assembled.complete and finished)


class _Recorder:
    """Builds and hands over the response record once the reply is out (off the hot path)."""

    def __init__(self, runtime: Runtime, prepared: Prepared | None, applied_plan: Plan,
                 response_id: str, model: str, arm: Arm | None, conversation: list[Any],
                 exchange: Exchange) -> None:
        self.runtime, self.prepared, self.plan, self.exchange = runtime, prepared, applied_plan, exchange
        self.response_id, self.model, self.arm = response_id, model, arm
        #: The client's conversation before injection (stored for exports as long as the
        #: response text is; never kept in memory).
        self.conversation = conversation

    def __call__(self, assemble, raw: bytes) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        with self.exchange.step("record"):
            self._record(prepared, assemble(raw))

    def _record(self, prepared: Prepared, assembled: Assembled) -> None:
        who = prepared.identity
        record = ResponseRecord(
            id=self.response_id, tenant=who.tenant, user_id=who.user, context=who.context,
            prefix_hash=prepared.prefix_hash, model=self.model, created_at=self.runtime.service.clock(),
            applied=tuple(BeliefView.of(b) for b in self.plan.applied),
            directives=tuple(d.text for d in self.plan.directives),
            text=assembled.text, text_hash=text_hash(assembled.text),
            completion_id=assembled.completion_id, complete=assembled.complete, arm=self.arm,
        )
        self.runtime.service.record_response(record, self.conversation)


__all__ = ["APPLIED_HEADER", "RESPONSE_ID_HEADER", "chat_completions", "parse_chat_body", "read_body"]
