"""Read the assistant text back out of a response, after it has been sent.

Streams are passed through as raw bytes and teed; this module parses the teed bytes once, off the
hot path, so no per-chunk JSON work happens while the client is waiting.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson


@dataclass(frozen=True)
class Assembled:
    text: str
    completion_id: str | None
    complete: bool


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


__all__ = ["Assembled", "assemble_json", "assemble_sse"]
