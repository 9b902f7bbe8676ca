"""Read the assistant text back out of a response, after it has been sent, in each door's format.

Streams are passed through as raw bytes and teed; this module parses the teed bytes once, off the
hot path, so no per-chunk JSON work happens while the client is waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from .sse import EventReader
from .translate_responses import assistant_message


@dataclass(frozen=True)
class Assembled:
    text: str
    #: The id the client saw (a completion's, a Responses API response's, an Anthropic message's).
    completion_id: str | None
    complete: bool
    #: The reply as one assistant chat message with its tool calls (Responses door: the turn a
    #: ``previous_response_id`` continues).
    message: dict[str, Any] | None = None


def assemble_sse(raw: bytes) -> Assembled:
    """Concatenate ``choices[0].delta.content`` of every ``data:`` event; complete iff ``[DONE]``."""
    parts: list[str] = []
    completion_id = None
    done = False
    for line in raw.splitlines():
        if not line.startswith(b"data:"):
            continue
        payload = line[5:].strip()
        if payload == b"[DONE]":
            done = True
            continue
        try:
            event = orjson.loads(payload)
        except orjson.JSONDecodeError:
            continue
        if not isinstance(event, dict):
            continue
        completion_id = completion_id or event.get("id")
        for choice in event.get("choices") or ():
            if isinstance(choice, dict) and choice.get("index", 0) == 0:
                content = (choice.get("delta") or {}).get("content")
                if isinstance(content, str):
                    parts.append(content)
    return Assembled("".join(parts), completion_id, done)


def assemble_json(raw: bytes) -> Assembled:
    """Text of ``choices[0].message.content`` of a non-stream completion."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return Assembled("", None, False)
    if not isinstance(body, dict):
        return Assembled("", None, False)
    text = ""
    for choice in body.get("choices") or ():
        if isinstance(choice, dict) and choice.get("index", 0) == 0:
            content = (choice.get("message") or {}).get("content")
            text = content if isinstance(content, str) else ""
            break
    return Assembled(text, body.get("id"), True)


def _events(raw: bytes) -> list[dict[str, Any]]:
    reader = EventReader()
    found = []
    for _, data in [*reader.feed(raw), *reader.close()]:
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError:
            continue
        if isinstance(parsed, dict):
            found.append(parsed)
    return found


def _object(raw: bytes) -> dict[str, Any] | None:
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return body if isinstance(body, dict) else None


def _from_response(response: dict[str, Any], complete: bool) -> Assembled:
    message = assistant_message(response.get("output") or ())
    return Assembled(message.get("content") or "", response.get("id"), complete, message)


def assemble_response_json(raw: bytes) -> Assembled:
    """A Responses API response: the text of its message items; complete iff ``completed``."""
    body = _object(raw)
    if body is None:
        return Assembled("", None, False)
    return _from_response(body, body.get("status") == "completed")


def assemble_response_sse(raw: bytes) -> Assembled:
    """A Responses API stream: the final response event's output, else (a stream cut short) the
    text deltas so far, incomplete."""
    events = _events(raw)
    for item in reversed(events):
        if item.get("type") in ("response.completed", "response.incomplete", "response.failed") \
                and isinstance(item.get("response"), dict):
            return _from_response(item["response"], item["type"] == "response.completed")
    started = next((e["response"] for e in events if e.get("type") == "response.created"
                    and isinstance(e.get("response"), dict)), {})
    text = "".join(e["delta"] for e in events
                   if e.get("type") == "response.output_text.delta" and isinstance(e.get("delta"), str))
    return Assembled(text, started.get("id"), False, {"role": "assistant", "content": text})


def assemble_message_json(raw: bytes) -> Assembled:
    """An Anthropic message: its text blocks."""
    body = _object(raw)
    if body is None:
        return Assembled("", None, False)
    text = "".join(b["text"] for b in body.get("content") or ()
                   if isinstance(b, dict) and b.get("type") == "text" and isinstance(b.get("text"), str))
    return Assembled(text, body.get("id"), body.get("stop_reason") is not None)


def assemble_message_sse(raw: bytes) -> Assembled:
    """An Anthropic message stream: its text deltas; complete iff ``message_stop`` arrived."""
    text, message_id, done = [], None, False
    for item in _events(raw):
        kind = item.get("type")
        if kind == "message_start" and isinstance(item.get("message"), dict):
            message_id = item["message"].get("id")
        elif kind == "content_block_delta":
            delta = item.get("delta") or {}
            if delta.get("type") == "text_delta" and isinstance(delta.get("text"), str):
                text.append(delta["text"])
        elif kind == "message_stop":
            done = True
    return Assembled("".join(text), message_id, done)


__all__ = ["Assembled", "assemble_json", "assemble_message_json", "assemble_message_sse",
           "assemble_response_json", "assemble_response_sse", "assemble_sse"]
