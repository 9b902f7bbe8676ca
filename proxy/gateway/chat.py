"""``POST /v1/chat/completions``: the hot path, read top to bottom as a checklist.

1. read the body (bounded) and parse it once with orjson;
2. identify the user and context;
3. load the self-model, folding in the signals this request carries;
4. match rules and splice the directives into the parsed body;
5. forward (raw bytes, or litellm for ``model_list`` models);
6. return the reply, streaming bytes through as they arrive, once its record is durable.

The record of a response is what the user's next request (an edit, a regeneration) and their
feedback are matched against, so the server never finishes answering before it is on disk: a
non-stream reply is sent after the record's journal fsync; a stream's bytes go out as they
arrive except its final ``data: [DONE]`` event (and the end of the response), which wait for it.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any, AsyncIterator, Callable

import orjson
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from adapters import Plan, apply_plan, plan
from beliefs.learning.conversation import text_hash
from beliefs.memory.service import Prepared
from beliefs.memory.write_behind import StoreUnavailable, WriteQueueFull
from beliefs.records import Arm, BeliefView, ResponseRecord
from proxy.errors import BodyTooLarge, InvalidRequest, ProxyError, UpstreamUnavailable, storage_failure
from proxy.metrics import ProxyMetrics
from proxy.runtime import Runtime

from .assemble import Assembled, assemble_json, assemble_sse
from .holdout import arm_of
from .identity import identify
from .upstream import UpstreamReply

#: The last event of an OpenAI stream; held back until the response's record is durable.
DONE_EVENT = b"data: [DONE]"
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
    metrics: ProxyMetrics = request.app.state.metrics
    try:
        return await _chat_completions(request, metrics)
    except Exception as error:  # counted here, rendered by the one error handler
        metrics.error(error)
        raise


async def _chat_completions(request: Request, metrics: ProxyMetrics) -> Response:
    runtime: Runtime = request.app.state.runtime
    principal = runtime.keys.client(request.headers)  # 401 before reading a byte of the body
    raw = await read_body(request, runtime.settings.max_body_bytes)
    started = time.perf_counter()  # after the body is in: a slow client is not proxy overhead
    body = parse_chat_body(raw)
    principal.check_model(body["model"])
    await runtime.keys.admit(principal)
    identity = identify(request.headers, body, principal.tenant)
    response_id = "blr_" + os.urandom(16).hex()  # unguessable; cheaper than building a UUID
    stream = body.get("stream") is True

    prepared: Prepared | None = None
    applied_plan = Plan()
    if identity is not None and request.headers.get(OPT_OUT_HEADER, "").lower() == "true":
        if not await runtime.rights.is_opted_out(identity):
            await runtime.rights.set_opt_out(identity, True)
    if identity is not None:
        try:
            prepared = await runtime.service.prepare(identity, body["messages"])
        except WriteQueueFull as full:  # refused before anything is read or forwarded
            raise storage_failure(full) from None
        if prepared.opted_out:
            prepared = None
    arm: Arm | None = None  # anonymous or opted out: not part of the holdout comparison
    client_messages = body["messages"]  # as sent: apply_plan replaces the list, never mutates it
    if prepared is not None:
        metrics.signals(prepared.observations)
        flywheel = runtime.settings.flywheel
        # Holdout users are observed (prepare ran) but get no plan: the lift is measured, not assumed.
        arm = arm_of(prepared.identity.tenant, prepared.identity.user, flywheel.holdout_share,
                     flywheel.holdout_salt)
    if prepared is not None and arm == "treated":
        applied_plan = plan(runtime.rules, prepared.beliefs, prepared.identity.context, runtime.policy)
        if applied_plan:
            apply_plan(body, applied_plan, runtime.policy)
            raw = orjson.dumps(body)

    upstream_started = time.perf_counter()
    reply = await _forward(runtime, body, raw, request.headers, stream)
    upstream_s = time.perf_counter() - upstream_started

    headers = {**reply.headers, RESPONSE_ID_HEADER: response_id,
               APPLIED_HEADER: applied_plan.applied_header()}
    remember = _Recorder(runtime, prepared, applied_plan, response_id, body["model"], arm, client_messages)
    metrics.request(arm or "none", bool(applied_plan), stream, upstream_s, time.perf_counter() - started - upstream_s)
    if reply.chunks is None:
        if prepared is not None:
            # Before the reply goes out, not after: a fast client's next request (its edit, its
            # feedback) may arrive on this connection the moment the body is sent, and a crash
            # after the answer must not lose the record. Costs one orjson parse and the wait for
            # the journal's group fsync; the database write happens later, in a batch.
            await remember.durably(assemble_json, reply.body or b"")
        return Response(reply.body, reply.status, headers=headers, media_type=reply.media_type)
    return StreamingResponse(_tee(reply, remember if prepared else None, metrics.error), reply.status,
                             headers=headers, media_type=reply.media_type)


async def _forward(runtime: Runtime, body: dict[str, Any], raw: bytes, headers: Any,
                   stream: bool) -> UpstreamReply:
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
        except UpstreamUnavailable:
            if attempt == settings.retries:
                raise
            await asyncio.sleep(settings.retry_backoff_s * 2 ** attempt)
    raise AssertionError("unreachable")


async def _tee(reply: UpstreamReply, remember: "_Recorder | None",
               on_error: Callable[[BaseException], None] | None = None) -> AsyncIterator[bytes]:
    """Yield upstream bytes untouched, keeping a copy to assemble the text once the stream ends;
    the final ``data: [DONE]`` event is held back until the record is durable."""
    seen: list[bytes] = []
    held = b""
    finished = recorded = False
    try:
        try:
            async for chunk in reply.chunks:  # type: ignore[union-attr]
                if remember is None:
                    yield chunk
                    continue
                seen.append(chunk)
                done = chunk.rfind(DONE_EVENT)
                if held:
                    held += chunk  # whatever follows the final event stays behind it
                elif done < 0:
                    yield chunk
                else:
                    if done > 0:
                        yield chunk[:done]
                    held += chunk[done:]
            finished = True
        except ProxyError as error:  # the upstream failed mid-stream: tell the client in-band
            if on_error is not None:
                on_error(error)
            held += b"data: " + orjson.dumps({"error": {"message": error.message, "type": error.type,
                                                        "code": error.code}}) + b"\n\n"
        finally:
            if reply.close is not None:
                await reply.close()
        if remember is not None:
            recorded = True
            await remember.durably(lambda raw: _stream_outcome(raw, finished), b"".join(seen))
        if held:
            yield held
    finally:
        if remember is not None and not recorded:
            # The client went away: nobody waits for an answer, so the record is not awaited.
            remember(lambda raw: _stream_outcome(raw, False), b"".join(seen))


def _stream_outcome(raw: bytes, finished: bool) -> Assembled:
    assembled = assemble_sse(raw)
    return Assembled(assembled.text, assembled.completion_id, assembled.complete and finished)


class _Recorder:
    """Builds the response record from the reply and hands it to the service, which journals it
    (durable when the returned future completes) and stores it later, in a batch."""

    def __init__(self, runtime: Runtime, prepared: Prepared | None, applied_plan: Plan,
                 response_id: str, model: str, arm: Arm | None, conversation: list[Any]) -> None:
        self.runtime, self.prepared, self.plan = runtime, prepared, applied_plan
        self.response_id, self.model, self.arm = response_id, model, arm
        #: The client's conversation before injection (stored for exports as long as the
        #: response text is; never kept in memory).
        self.conversation = conversation

    async def durably(self, assemble, raw: bytes) -> None:
        """Record the response and wait until the record is on disk. A journal that cannot be
        written does not hold the reply back: it is logged, and the service's health says so."""
        durable = self(assemble, raw)
        if durable is not None:
            try:
                await durable
            except StoreUnavailable:
                pass

    def __call__(self, assemble, raw: bytes) -> "asyncio.Future[None] | None":
        prepared = self.prepared
        if prepared is None:
            return None
        assembled = assemble(raw)
        who = prepared.identity
        record = ResponseRecord(
            id=self.response_id, tenant=who.tenant, user_id=who.user, context=who.context,
            prefix_hash=prepared.prefix_hash, model=self.model, created_at=self.runtime.service.clock(),
            applied=tuple(BeliefView.of(b) for b in self.plan.applied),
            directives=tuple(d.text for d in self.plan.directives),
            text=assembled.text, text_hash=text_hash(assembled.text),
            completion_id=assembled.completion_id, complete=assembled.complete, arm=self.arm,
        )
        return self.runtime.service.record_response(record, self.conversation)


__all__ = ["APPLIED_HEADER", "RESPONSE_ID_HEADER", "chat_completions", "parse_chat_body", "read_body"]
