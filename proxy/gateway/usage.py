"""Token usage read off a reply's bytes, without parsing the reply.

A completion's ``usage`` object sits at its end (and in a stream's last event, when the client
asked for ``stream_options.include_usage``). Finding the last ``"usage":`` key and reading two
integers after it costs a few microseconds even for a large reply; parsing the whole body would
cost far more on requests that are otherwise never parsed (anonymous pass-through).

Inside a JSON string a quote is escaped (``\\"usage\\"``), so ``"usage"`` with bare quotes is a
key, never text. OpenAI's ``prompt_tokens``/``completion_tokens`` and the Responses and Anthropic
APIs' ``input_tokens``/``output_tokens`` are both read.
"""

from __future__ import annotations

import re

_KEY = b'"usage"'
_OPENS = re.compile(rb'\s*:\s*\{')
_NUMBER = re.compile(rb'\s*:\s*(\d+)')
_PROMPT = (b'"prompt_tokens"', b'"input_tokens"')
_COMPLETION = (b'"completion_tokens"', b'"output_tokens"')
#: How far past the key the counts may sit (the object with its *_details members is ~300 bytes).
_WINDOW = 1024


def _count(raw: bytes, keys: tuple[bytes, ...], start: int, end: int) -> int | None:
    for key in keys:
        at = raw.find(key, start, end)
        if at >= 0:
            number = _NUMBER.match(raw, at + len(key))
            if number is not None:
                return int(number.group(1))
    return None


def usage_of(raw: bytes) -> tuple[int, int] | None:
    """(prompt, completion) tokens from the last ``usage`` object in ``raw``, or None."""
    at = raw.rfind(_KEY)
    while at >= 0:
        if _OPENS.match(raw, at + len(_KEY)):
            end = at + _WINDOW
            prompt, completion = _count(raw, _PROMPT, at, end), _count(raw, _COMPLETION, at, end)
            if prompt is None and completion is None:
                return None
            return prompt or 0, completion or 0
        at = raw.rfind(_KEY, 0, at)  # "usage": null in a later stream event; look further back
    return None


__all__ = ["usage_of"]
