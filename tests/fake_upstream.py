"""A real loopback OpenAI-compatible upstream that records what it received.

Shared by tests that need real sockets (streaming timing, the live proxy). It answers
``/v1/chat/completions`` (JSON or SSE with ``chunks`` pieces ``delay_s`` apart) and ``/v1/models``.
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
    received: list[dict[str, Any]] = field(default_factory=list)
    #: Answer every chat request with this status and body instead (an upstream in trouble).
    fail_status: int | None = None
    fail_body: bytes = b'{"error": {"message": "upstream says no", "type": "server_error", "code": null}}'
    #: Streams the client (the proxy) abandoned before they ended.
    disconnects: int = 0
    completed_streams: int = 0
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
        if scope["path"].endswith("/models"):
            await _send(send, 200, orjson.dumps({"object": "list", "data": [
                {"id": "gpt-test", "object": "model", "created": 0, "owned_by": "fake"}]}))
            return
        request = orjson.loads(body)
        self.received.append(request)
        self.headers_seen = dict((k.decode(), v.decode()) for k, v in scope["headers"])
        if self.fail_status is not None:
            await send({"type": "http.response.start", "status": self.fail_status,
                        "headers": [(b"content-type", b"application/json"), (b"retry-after", b"7")]})
            await send({"type": "http.response.body", "body": self.fail_body})
            return
        if request.get("stream"):
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"text/event-stream")]})
            words = self.reply_text.split(" ")
            size = max(1, len(words) // self.chunks)
            pieces = [" ".join(words[i:i + size]) + " " for i in range(0, len(words), size)]
            disconnected = asyncio.Event()

            async def watch() -> None:
                while (await receive())["type"] != "http.disconnect":
                    pass
                disconnected.set()

            watcher = asyncio.ensure_future(watch())
            try:
                for event in sse_chunks(pieces, request.get("model", "gpt-test")):
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
        if self.latency_s:
            await asyncio.sleep(self.latency_s)
        await _send(send, 200, orjson.dumps(completion(self.reply_text, request.get("model", "gpt-test"))))


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

    def __init__(self, app, port: int | None = None) -> None:
        self.port = port or free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.time() + 15
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
