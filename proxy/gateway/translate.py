"""Run a chat completions reply through a door's builder: the body for a non-stream reply, the
events chunk by chunk for a stream (the only place beliefloop parses streamed bytes while the
client waits, and only on translated doors)."""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable, Protocol

import orjson

from proxy.errors import UpstreamUnavailable

from .sse import json_events
from .upstream import UpstreamReply


class Builder(Protocol):
    finish_reason: str | None

    def start(self) -> bytes: ...

    def feed(self, chunk: dict[str, Any]) -> bytes: ...

    def finish(self) -> bytes: ...


class ChatChunkReader:
    """What both translated doors do with a chat stream chunk: take its usage, its text and
    tool-call pieces of choice 0 and its finish reason, then hand back the events written
    meanwhile. A door's builder says how a piece becomes its own events."""

    finish_reason: str | None
    _events: list[bytes]

    def _take_usage(self, usage: dict[str, Any]) -> None:
        raise NotImplementedError

    def _write_text(self, text: str) -> None:
        raise NotImplementedError

    def _write_call(self, call: dict[str, Any]) -> None:
        raise NotImplementedError

    def _flush(self) -> bytes:
        out, self._events = b"".join(self._events), []
        return out

    def feed(self, chunk: dict[str, Any]) -> bytes:
        if chunk.get("usage"):
            self._take_usage(chunk["usage"])
        for choice in chunk.get("choices") or ():
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta") or {}
            content = delta.get("content")
            if isinstance(content, str) and content:
                self._write_text(content)
            for call in delta.get("tool_calls") or ():
                if isinstance(call, dict):
                    self._write_call(call)
            if choice.get("finish_reason"):
                self.finish_reason = choice["finish_reason"]
        return self._flush()


def translated(reply: UpstreamReply, builder: Builder,
               from_completion: Callable[[dict[str, Any]], dict[str, Any]]) -> UpstreamReply:
    """``reply`` (chat completions) in the door's protocol."""
    if reply.chunks is None:
        try:
            completion = orjson.loads(reply.body or b"")
        except orjson.JSONDecodeError:
            raise UpstreamUnavailable("upstream sent a reply that is not JSON", code="upstream_error") from None
        if not isinstance(completion, dict):
            raise UpstreamUnavailable("upstream sent a reply that is not a JSON object", code="upstream_error")
        return UpstreamReply(reply.status, reply.headers, "application/json",
                             body=orjson.dumps(from_completion(completion)))
    return UpstreamReply(reply.status, reply.headers, "text/event-stream",
                         chunks=_events(reply.chunks, builder), close=reply.close)


async def _events(chunks: AsyncIterator[bytes], builder: Builder) -> AsyncIterator[bytes]:
    yield builder.start()
    done = False
    async for item in json_events(chunks):
        if item is None:
            done = True
            break
        if item.get("error") and not item.get("choices"):  # an upstream (or litellm) failing in-band
            error = item["error"]
            message = error.get("message") if isinstance(error, dict) else str(error)
            raise UpstreamUnavailable(f"upstream failed mid-stream: {message}", code="upstream_error")
        out = builder.feed(item)
        if out:
            yield out
    if not done and builder.finish_reason is None:
        raise UpstreamUnavailable("upstream stream ended before it finished", code="upstream_error")
    yield builder.finish()


__all__ = ["ChatChunkReader", "Builder", "translated"]
