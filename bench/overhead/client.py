"""The load generator's HTTP client: one keep-alive connection, pre-built request bytes, no framework.

A general-purpose client (httpx, aiohttp) spends tens of microseconds per request building headers
and objects, and that cost would sit in every measured latency, direct and proxied alike. This one
writes the request bytes it is given and parses the reply with httptools, timestamping as bytes
arrive: ``perf_counter`` right before the write, at the first SSE event, and at every event after it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httptools


def build_request(port: int, path: str, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    """The bytes of one ``POST`` with a JSON body (HTTP/1.1, keep-alive)."""
    lines = [f"POST {path} HTTP/1.1", f"host: 127.0.0.1:{port}", "content-type: application/json",
             f"content-length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class Reply:
    """One response. Times are ``perf_counter`` seconds; ``events`` are SSE events' arrival times."""

    status: int
    headers: dict[str, str]
    body: bytes
    sent: float
    done: float
    events: list[float] = field(default_factory=list)

    @property
    def latency(self) -> float:
        return self.done - self.sent

    @property
    def first_event(self) -> float | None:
        return self.events[0] - self.sent if self.events else None


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.parser = httptools.HttpResponseParser(self)
        self.transport: asyncio.Transport | None = None
        self.waiter: asyncio.Future[Reply] | None = None
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._reset(0.0)

    def _reset(self, sent: float) -> None:
        self.sent = sent
        self.headers: dict[str, str] = {}
        self.body: list[bytes] = []
        self.events: list[float] = []
        self.tail = b""  # the bytes after the last complete SSE event

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError(f"connection lost: {exc!r}"))
        if not self.closed.done():
            self.closed.set_result(None)

    def data_received(self, data: bytes) -> None:
        self.now = time.perf_counter()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as error:
            if self.waiter is not None and not self.waiter.done():
                self.waiter.set_exception(error)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers[name.decode().lower()] = value.decode()

    def on_body(self, body: bytes) -> None:
        self.body.append(body)
        # Count SSE events (blank-line separated) as they complete, stamped with this read's time.
        data = self.tail + body
        complete = data.count(b"\n\n")
        if complete:
            self.events.extend([self.now] * complete)
            self.tail = data[data.rfind(b"\n\n") + 2:]
        else:
            self.tail = data

    def on_message_complete(self) -> None:
        reply = Reply(self.parser.get_status_code(), self.headers, b"".join(self.body), self.sent,
                      self.now, self.events)
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(reply)


class Connection:
    """One keep-alive connection; ``send`` one request at a time."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._protocol: _Protocol | None = None

    async def _connect(self) -> _Protocol:
        loop = asyncio.get_running_loop()
        _, protocol = await loop.create_connection(_Protocol, "127.0.0.1", self.port)
        return protocol

    async def send(self, request: bytes, timeout: float = 60.0) -> Reply:
        if self._protocol is None or self._protocol.transport is None:
            self._protocol = await self._connect()
        protocol = self._protocol
        protocol.waiter = asyncio.get_running_loop().create_future()
        protocol._reset(time.perf_counter())
        protocol.transport.write(request)  # type: ignore[union-attr]
        try:
            return await asyncio.wait_for(protocol.waiter, timeout)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self._protocol is not None and self._protocol.transport is not None:
            self._protocol.transport.close()
        self._protocol = None


__all__ = ["Connection", "Reply", "build_request"]
