"""Conversation identity: stable hashes of chat prefixes, so a later request can be matched with
the response that answered an earlier one (edits, regenerations, acceptance)."""

from __future__ import annotations

import hashlib
from typing import Any, Sequence

import orjson


def message_text(message: Any) -> str:
    """The text of a chat message: a string content, or the text parts of a content list."""
    if not isinstance(message, dict):
        return ""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part.get("text", "") for part in content
            if isinstance(part, dict) and isinstance(part.get("text"), str)
        )
    return ""


def text_hash(text: str) -> str:
    """Hash of an assistant text after trimming surrounding whitespace (clients often strip it)."""
    return hashlib.blake2b(text.strip().encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def prefix_hashes(messages: Sequence[Any]) -> list[str]:
    """``hashes[i]`` identifies ``messages[:i]`` (so ``len(messages) + 1`` entries).

    A chained hash over (role, text): computing every prefix costs one pass. Tool calls and other
    fields are left out on purpose: apps re-serialise them in ways that differ between calls.
    """
    current = hashlib.blake2b(b"beliefloop-prefix-v1", digest_size=16)
    hashes = [current.hexdigest()]
    for message in messages:
        role = message.get("role", "") if isinstance(message, dict) else ""
        step = current.copy()
        step.update(orjson.dumps([role, message_text(message).strip()]))
        current = step
        hashes.append(current.hexdigest())
    return hashes


__all__ = ["message_text", "prefix_hashes", "text_hash"]
