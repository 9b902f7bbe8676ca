"""A real loopback OpenAI-compatible upstream that records what it received.

Shared by tests that need real sockets (streaming timing, the live proxy). It answers
``/v1/chat/completions`` (JSON or SSE with ``chunks`` pieces ``delay_s`` apart), ``/v1/models``,
``/v1/responses`` (the Responses API, JSON or its event stream), ``/v1/messages`` (Anthropic's),
``/v1/embeddings``, and echoes any other request (``calls`` records them all).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import orjson
import uvicorn


def completion(text: str, model: str = "gpt-test", completion_id: str = "chatcmpl-fake") -> dict[str, Any]:
    return {
        "id": completion_id, "object": "chat.completion", "created": 1, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 3, "total_tokens": 6},
    }


def response_object(text: str, model: str = "gpt-test", response_id: str = "resp_fake",
                    status: str = "completed") -> dict[str, Any]:
    """A Responses API response with one output message."""
    return {
        "id": response_id, "object": "response", "created_at": 1, "status": status, "model": model,
        "error": None, "incomplete_details": None, "instructions": None, "metadata": {},
        "output": [{"id": "msg_fake", "type": "message", "status": "completed", "role": "assistant",
                    "content": [{"type": "output_text", "text": text, "annotations": []}]}],
        "parallel_tool_calls": True, "temperature": 1.0, "tool_choice": "auto", "tools": [], "top_p": 1.0,
        "usage": {"input_tokens": 3, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 3,
                  "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 6},
    }


def response_events(pieces: list[str], model: str = "gpt-test", response_id: str = "resp_fake") -> list[bytes]:
    """The Responses API's event stream for a reply in ``pieces``, as OpenAI sends it."""
    text = "".join(pieces)
    started = {**response_object("", model, response_id, "in_progress"), "output": [], "usage": None}
    item = {"id": "msg_fake", "type": "message", "status": "in_progress", "role": "assistant", "content": []}
    part = {"type": "output_text", "text": "", "annotations": []}
    events: list[tuple[str, dict[str, Any]]] = [
        ("response.created", {"response": started}), ("response.in_progress", {"response": started}),
        ("response.output_item.added", {"output_index": 0, "item": item}),
        ("response.content_part.added", {"item_id": "msg_fake", "output_index": 0, "content_index": 0, "part": part}),
        *[("response.output_text.delta", {"item_id": "msg_fake", "output_index": 0, "content_index": 0,
                                          "delta": piece}) for piece in pieces],
        ("response.output_text.done", {"item_id": "msg_fake", "output_index": 0, "content_index": 0, "text": text}),
        ("response.content_part.done", {"item_id": "msg_fake", "output_index": 0, "content_index": 0,
                                        "part": {**part, "text": text}}),
        ("response.output_item.done", {"output_index": 0, "item": response_object(text)["output"][0]}),
        ("response.completed", {"response": response_object(text, model, response_id)}),
    ]
    return [b"event: " + name.encode() + b"\ndata: " + orjson.dumps({"type": name, "sequence_number": i, **data})
            + b"\n\n" for i, (name, data) in enumerate(events)]


def anthropic_message(text: str, model: str = "claude-test") -> dict[str, Any]:
    return {"id": "msg_01fake", "type": "message", "role": "assistant", "model": model,
            "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": 3, "output_tokens": 3}}


def anthropic_events(pieces: list[str], model: str = "claude-test") -> list[bytes]:
    start = {**anthropic_message("", model), "content": [], "stop_reason": None}
    events: list[tuple[str, dict[str, Any]]] = [
        ("message_start", {"message": start}),
        ("content_block_start", {"index": 0, "content_block": {"type": "text", "text": ""}}),
        *[("content_block_delta", {"index": 0, "delta": {"type": "text_delta", "text": p}}) for p in pieces],
        ("content_block_stop", {"index": 0}),
        ("message_delta", {"delta": {"stop_reason": "end_turn", "stop_sequence": None}, "usage": {"output_tokens": 3}}),
        ("message_stop", {}),
    ]
    return [b"event: " + name.encode() + b"\ndata: " + orjson.dumps({"type": name, **data}) + b"\n\n"
            for name, data in events]


@dataclass
class Call:
    """One request the fake upstream received, as it arrived."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


def sse_chunks(pieces: list[str], model: str = "gpt-test", completion_id: str = "chatcmpl-fake") -> list[bytes]:
    events = []
    for index, piece in enumerate(pieces):
        delta = {"role": "assistant", "content": piece} if index == 0 else {"content": piece}
        events.append(b"data: " + orjson.dumps({
            "id": completion_id, "object": "chat.completion.chunk", "created": 1, "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
        }) + b"\n\n")
    events.append(b"data: " + orjson.dumps({
        "id": completion_id, "object": "chat.completion.chunk", "created": 1, "model": model,
        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
    }) + b"\n\n")
    events.append(b"data: [DONE]\n\n")
    return events


@dataclass
class FakeUpstream:
    reply_text: str = "Hello from the fake upstream."
    chunks: int = 4
    delay_s: float = 0.0
    #: Wait this long before a non-stream reply (a slow model).
    latency_s: float = 0.0
    #: Per-request latencies used first, in order (then latency_s).
    latencies: list[float] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    #: Every request, whatever its path (received holds the JSON bodies of the answering paths).
    calls: list[Call] = field(default_factory=list)
    #: Answer every chat request with this status and body instead (an upstream in trouble).
    fail_status: int | None = None
    fail_body: bytes = b'{"error": {"message": "upstream says no", "type": "server_error", "code": null}}'
    #: Streams the client (the proxy) abandoned before they ended.
    disconnects: int = 0
    completed_streams: int = 0
    #: Non-stream requests whose client hung up while the model was still "thinking".
    abandoned: int = 0
    port: int = 0

    async def __call__(self, scope, receive, send) -> None:  # a bare ASGI app: no framework overhead
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        path = scope["path"]
        headers = dict((k.decode(), v.decode()) for k, v in scope["headers"])
        self.calls.append(Call(scope["method"], path, scope["query_string"].decode(), headers, body))
        if path.endswith("/models"):
            await _send(send, 200, orjson.dumps({"object": "list", "data": [
                {"id": "gpt-test", "object": "model", "created": 0, "owned_by": "fake"}]}))
            return
        if path.endswith("/embeddings"):
            request = orjson.loads(body)
            await _send(send, 200, orjson.dumps({"object": "list", "model": request.get("model"), "data": [
                {"object": "embedding", "index": 0, "embedding": [0.25, -0.5, 1.0]}],
                "usage": {"prompt_tokens": 2, "total_tokens": 2}}))
            return
        if path.endswith("/audio/speech"):  # a binary reply in pieces, delay_s apart
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"audio/mpeg"), (b"x-request-id", b"req_audio")]})
            for piece in (b"ID3", b"\x00" * 1000, b"\xff\xfb"):
                await send({"type": "http.response.body", "body": piece, "more_body": True})
                if self.delay_s:
                    await asyncio.sleep(self.delay_s)
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        if path.endswith("/missing"):
            await _send(send, 404, b'{"error": {"message": "No such file", "type": "invalid_request_error", '
                                   b'"param": null, "code": "not_found"}}')
            return
        if not path.endswith(("/chat/completions", "/responses", "/messages")):
            await _send(send, 200, orjson.dumps({"echo": {"method": scope["method"], "path": path,
                                                          "query": scope["query_string"].decode(),
                                                          "content_type": headers.get("content-type"),
                                                          "bytes": len(body)}}))
            return
        request = orjson.loads(body)
        self.received.append(request)
        self.headers_seen = dict((k.decode(), v.decode()) for k, v in scope["headers"])
        if self.fail_status is not None:
            await send({"type": "http.response.start", "status": self.fail_status,
                        "headers": [(b"content-type", b"application/json"), (b"retry-after", b"7")]})
            await send({"type": "http.response.body", "body": self.fail_body})
            return
        latency = self.latencies.pop(0) if self.latencies else self.latency_s
        if latency:
            waiting = asyncio.ensure_future(asyncio.sleep(latency))
            closed = asyncio.ensure_future(_closed(receive))
            await asyncio.wait({waiting, closed}, return_when=asyncio.FIRST_COMPLETED)
            waiting.cancel()
            closed.cancel()
            if not waiting.done() or waiting.cancelled():
                self.abandoned += 1  # the client (the proxy) hung up before the reply
                return
        if request.get("stream"):
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"text/event-stream")]})
            words = self.reply_text.split(" ")
            size = max(1, len(words) // self.chunks)
            pieces = [" ".join(words[i:i + size]) + " " for i in range(0, len(words), size)]
            model = request.get("model", "gpt-test")
            if path.endswith("/responses"):
                events = response_events(pieces, model)
            elif path.endswith("/messages"):
                events = anthropic_events(pieces, model)
            else:
                events = sse_chunks(pieces, model)
            disconnected = asyncio.Event()

            async def watch() -> None:
                while (await receive())["type"] != "http.disconnect":
                    pass
                disconnected.set()

            watcher = asyncio.ensure_future(watch())
            try:
                for event in events:
                    if disconnected.is_set():
                        self.disconnects += 1
                        return
                    await send({"type": "http.response.body", "body": event, "more_body": True})
                    if self.delay_s:
                        await asyncio.sleep(self.delay_s)
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                self.completed_streams += 1
            finally:
                watcher.cancel()
            return
        model = request.get("model", "gpt-test")
        if path.endswith("/responses"):
            reply = response_object(self.reply_text, model)
        elif path.endswith("/messages"):
            reply = anthropic_message(self.reply_text, model)
        else:
            reply = completion(self.reply_text, model)
        await _send(send, 200, orjson.dumps(reply))


async def _closed(receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _send(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """Run an ASGI app under uvicorn on a loopback port, in a thread, for the test's duration."""

    def __init__(self, app, port: int | None = None, start_timeout_s: float = 15) -> None:
        self.port = port or free_port()
        self.start_timeout_s = start_timeout_s
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.time() + self.start_timeout_s
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
