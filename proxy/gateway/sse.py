"""Server-sent events: read them from byte chunks as they arrive, and write them.

Only the translated doors read events one by one (they must, to rewrite them); pass-through
streams are never parsed while the client waits.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Iterator

import orjson


class EventReader:
    """Split a byte stream into events, whatever the chunk boundaries: ``feed`` returns the
    complete events so far as (event name or None, data bytes)."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, chunk: bytes) -> list[tuple[str | None, bytes]]:
        self._buffer = (self._buffer + chunk).replace(b"\r\n", b"\n")
        *blocks, self._buffer = self._buffer.split(b"\n\n")
        return [event for event in map(_parse, blocks) if event is not None]

    def close(self) -> list[tuple[str | None, bytes]]:
        """Whatever is left when the stream ends without a final blank line."""
        rest, self._buffer = self._buffer, b""
        event = _parse(rest)
        return [event] if event is not None else []


def _parse(block: bytes) -> tuple[str | None, bytes] | None:
    name, data = None, []
    for line in block.split(b"\n"):
        if line.startswith(b"data:"):
            data.append(line[5:].lstrip(b" "))
        elif line.startswith(b"event:"):
            name = line[6:].strip().decode("utf-8", "replace")
    if not data:
        return None
    return name, b"\n".join(data)


def event(name: str | None, payload: Any) -> bytes:
    """One SSE event; ``name`` None writes a bare ``data:`` line (chat completions' style)."""
    data = b"data: " + orjson.dumps(payload) + b"\n\n"
    return b"event: " + name.encode() + b"\n" + data if name else data


async def json_events(chunks: AsyncIterator[bytes]) -> AsyncIterator[dict[str, Any] | None]:
    """The JSON objects of a stream's ``data:`` events, then None once for ``[DONE]``; data that
    is not a JSON object is skipped."""
    reader = EventReader()
    async for chunk in chunks:
        for item in _objects(reader.feed(chunk)):
            yield item
    for item in _objects(reader.close()):
        yield item


def _objects(events: list[tuple[str | None, bytes]]) -> Iterator[dict[str, Any] | None]:
    for _, data in events:
        if data == b"[DONE]":
            yield None
            continue
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError:
            continue
        if isinstance(parsed, dict):
            yield parsed


__all__ = ["EventReader", "event", "json_events"]
