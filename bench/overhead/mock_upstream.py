"""The benchmark's upstream: a loopback OpenAI-compatible server that is as cheap as we can make it.

Every target in the benchmark (direct, beliefloop, LiteLLM) talks to this one server, so its cost is
part of the floor and cancels out of every "added latency" figure. It is a bare asyncio protocol on
uvloop with the httptools parser (no framework), and it never parses JSON: it looks for the
``"stream": true`` flag in the body bytes and answers with pre-built bytes.

* ``POST .../chat/completions``: after ``--latency-ms`` (a fixed "model time"), a chat completion;
  with ``"stream": true``, ``--chunks`` SSE content events ``--chunk-gap-ms`` apart (the first one
  after ``--latency-ms``), then the finish event and ``[DONE]`` together with the last one.
* ``POST .../responses``: the same reply as a Responses API response (or its event stream), for
  upstreams that speak that API natively (bench/doors).
* ``GET .../models``: one model card.

Run: ``python bench/overhead/mock_upstream.py --port 9100`` (pin it with ``taskset``).
"""

from __future__ import annotations

import argparse
import asyncio
import signal

import httptools
import orjson
import uvloop

MODEL = "gpt-bench"
#: The reply text. Long enough (~80 words) that an edited copy is a believable edit.
REPLY_TEXT = (
    "Caching works by keeping the result of an expensive computation close to where it is needed, "
    "so that the next request for the same data can be answered without repeating the work. "
    "The hard parts are deciding what to keep, how long to keep it, and how to notice when the "
    "underlying data has changed. Common strategies are time-based expiry, explicit invalidation "
    "on write, and versioned keys. Measure the hit rate before and after, because a cache that "
    "rarely hits only adds latency and memory."
)


def completion_bytes() -> bytes:
    return orjson.dumps({
        "id": "chatcmpl-bench", "object": "chat.completion", "created": 1700000000, "model": MODEL,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": REPLY_TEXT},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 20, "completion_tokens": 80, "total_tokens": 100},
    })


def sse_events(chunks: int) -> list[bytes]:
    """``chunks`` content events splitting :data:`REPLY_TEXT`; the last one carries finish + DONE."""
    words = REPLY_TEXT.split(" ")
    size = -(-len(words) // chunks)
    pieces = [" ".join(words[i:i + size]) + " " for i in range(0, len(words), size)]
    pieces += [""] * (chunks - len(pieces))
    events = []
    for index, piece in enumerate(pieces):
        delta = {"role": "assistant", "content": piece} if index == 0 else {"content": piece}
        events.append(b"data: " + orjson.dumps({
            "id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000,
            "model": MODEL, "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
        }) + b"\n\n")
    events[-1] += b"data: " + orjson.dumps({
        "id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000,
        "model": MODEL, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
    }) + b"\n\n" + b"data: [DONE]\n\n"
    return events


def response_bytes() -> bytes:
    """The reply as a Responses API response."""
    return orjson.dumps(_response("completed", [_message(REPLY_TEXT)]))


def _message(text: str) -> dict:
    return {"id": "msg_bench", "type": "message", "status": "completed", "role": "assistant",
            "content": [{"type": "output_text", "text": text, "annotations": []}]}


def _response(status: str, output: list) -> dict:
    return {"id": "resp_bench", "object": "response", "created_at": 1700000000, "status": status,
            "model": MODEL, "output": output, "error": None, "incomplete_details": None,
            "usage": {"input_tokens": 20, "output_tokens": 80, "total_tokens": 100}}


def response_events(chunks: int) -> list[bytes]:
    """The Responses API stream of :data:`REPLY_TEXT` in ``chunks`` text deltas; the last one
    carries the closing events."""
    words = REPLY_TEXT.split(" ")
    size = -(-len(words) // chunks)
    pieces = [" ".join(words[i:i + size]) + " " for i in range(0, len(words), size)]
    pieces += [""] * (chunks - len(pieces))

    def event(kind: str, **fields: object) -> bytes:
        return b"event: " + kind.encode() + b"\ndata: " + orjson.dumps({"type": kind, **fields}) + b"\n\n"

    item = {**_message(""), "status": "in_progress", "content": []}
    head = event("response.created", response=_response("in_progress", [])) + \
        event("response.output_item.added", output_index=0, item=item)
    events = [event("response.output_text.delta", item_id="msg_bench", output_index=0, content_index=0, delta=p)
              for p in pieces]
    events[0] = head + events[0]
    events[-1] += event("response.output_item.done", output_index=0, item=_message(REPLY_TEXT)) + \
        event("response.completed", response=_response("completed", [_message(REPLY_TEXT)]))
    return events


def _chunked(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


class _Responses:
    """Pre-built response bytes, shared by every connection."""

    def __init__(self, chunks: int) -> None:
        body = completion_bytes()
        self.json = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                     b"content-length: %d\r\n\r\n%s" % (len(body), body))
        models = orjson.dumps({"object": "list", "data": [
            {"id": MODEL, "object": "model", "created": 0, "owned_by": "bench"}]})
        self.models = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                       b"content-length: %d\r\n\r\n%s" % (len(models), models))
        self.sse_head = (b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                         b"cache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n")
        self.sse = [_chunked(e) for e in sse_events(chunks)]
        response = response_bytes()
        self.response_json = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                              b"content-length: %d\r\n\r\n%s" % (len(response), response))
        self.response_sse = [_chunked(e) for e in response_events(chunks)]
        self.not_found = b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"


class _Connection(asyncio.Protocol):
    def __init__(self, server: "MockServer") -> None:
        self.server = server
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.Transport | None = None
        self.url = b""
        self.method = b""
        self.body: list[bytes] = []

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            if self.transport is not None:
                self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None

    # httptools callbacks
    def on_message_begin(self) -> None:
        self.url, self.body = b"", []

    def on_url(self, url: bytes) -> None:
        self.url += url

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        method = self.parser.get_method()
        keep_alive = self.parser.should_keep_alive()
        server, loop = self.server, self.server.loop
        path = self.url.split(b"?")[0]
        if method == b"POST" and path.endswith((b"/chat/completions", b"/responses")):
            body = b"".join(self.body)
            native = path.endswith(b"/responses")
            if b'"stream":true' in body or b'"stream": true' in body:
                events = server.responses.response_sse if native else server.responses.sse
                loop.create_task(self._stream(keep_alive, events))
            else:
                reply = server.responses.response_json if native else server.responses.json
                loop.call_later(server.latency_s, self._write, reply, keep_alive)
        elif self.url.endswith(b"/models"):
            self._write(server.responses.models, keep_alive)
        else:
            self._write(server.responses.not_found, keep_alive)

    def _write(self, data: bytes, keep_alive: bool = True) -> None:
        if self.transport is None:
            return
        self.transport.write(data)
        if not keep_alive:
            self.transport.close()

    async def _stream(self, keep_alive: bool, events: list[bytes]) -> None:
        server = self.server
        await asyncio.sleep(server.latency_s)
        self._write(server.responses.sse_head)
        for index, event in enumerate(events):
            if index:
                await asyncio.sleep(server.chunk_gap_s)
            self._write(event)
        self._write(b"0\r\n\r\n", keep_alive)


class MockServer:
    def __init__(self, latency_s: float, chunks: int, chunk_gap_s: float) -> None:
        self.latency_s, self.chunk_gap_s = latency_s, chunk_gap_s
        self.responses = _Responses(chunks)
        self.loop = asyncio.get_event_loop()

    async def serve(self, host: str, port: int) -> None:
        self.loop = asyncio.get_running_loop()
        server = await self.loop.create_server(lambda: _Connection(self), host, port, backlog=1024)
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.loop.add_signal_handler(sig, stop.set)
        print(f"mock upstream on http://{host}:{port}/v1", flush=True)
        await stop.wait()
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--latency-ms", type=float, default=1.0, help="fixed delay before the reply")
    parser.add_argument("--chunks", type=int, default=10, help="SSE content events per stream")
    parser.add_argument("--chunk-gap-ms", type=float, default=3.0, help="delay between SSE events")
    args = parser.parse_args()
    server = MockServer(args.latency_ms / 1000, args.chunks, args.chunk_gap_ms / 1000)
    uvloop.run(server.serve(args.host, args.port))


if __name__ == "__main__":
    main()
