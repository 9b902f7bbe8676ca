"""What the benchmark sends: chat bodies of a given size, the beliefs it sets, and the edit it makes.

Every request body carries a unique tag in its last user message. beliefloop treats a repeated
prefix from the same user as a regeneration (a rejection signal that also writes to the store), so
repeating one body would silently turn the "personalisation on" rows into "learning" rows and, over
thousands of requests, erode the beliefs being measured.
"""

from __future__ import annotations

import random

import orjson

MODEL = "gpt-bench"

#: The beliefs set through the admin API before measuring (5 dimensions).
BELIEFS: dict[str, str] = {
    "length": "concise", "format": "lists", "tone": "formal", "preamble": "skip", "expertise": "expert",
}
#: Above config.yaml's ``learning.apply_threshold`` (0.92 since the logistic confidence model), so the
#: rules apply; run.py checks the ``x-beliefloop-applied`` header and stops if they do not.
BELIEF_CONFIDENCE = 0.977  # above the apply threshold (learning.apply_threshold, 0.92)

_WORDS = (
    "cache latency request server client memory budget queue thread socket stream buffer token "
    "model answer question detail summary example context network proxy upstream worker record "
    "signal belief value format window size limit error retry timeout header payload schema"
).split()


def filler(n_bytes: int, seed: int = 7) -> str:
    """About ``n_bytes`` of plain English-looking words (deterministic)."""
    rng = random.Random(seed)
    words, size = [], 0
    while size < n_bytes:
        word = rng.choice(_WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


class Bodies:
    """Builds chat bodies of roughly ``size`` bytes; the pasted text is built once per size."""

    def __init__(self) -> None:
        self._paste: dict[int, str] = {}

    def messages(self, size: int, tag: str) -> list[dict]:
        paste = self._paste.get(size)
        if paste is None:  # size the pasted text so that the whole body is about ``size`` bytes
            around = len(orjson.dumps({"model": MODEL, "messages": self._wrap("", tag)}))
            paste = self._paste[size] = filler(max(0, size - around))
        return self._wrap(paste, tag)

    @staticmethod
    def _wrap(paste: str, tag: str) -> list[dict]:
        return [
            {"role": "system", "content": "You are a helpful assistant for software engineers."},
            {"role": "user", "content": f"[{tag}] How should I cache the results below?\n\n{paste}"},
        ]

    def body(self, size: int, tag: str, *, user: str | None = None, stream: bool = False,
             model: str = MODEL, messages: list[dict] | None = None) -> bytes:
        body: dict = {"model": model, "messages": messages or self.messages(size, tag)}
        if stream:
            body["stream"] = True
        if user is not None:
            body["user"] = user
        return orjson.dumps(body)


def edited(reply: str) -> str:
    """The user's edit of a reply: keep the first two sentences (a shortening edit, in line with
    ``length=concise``, so thousands of them reinforce the beliefs rather than flip them)."""
    sentences = reply.split(". ")
    return ". ".join(sentences[:2]).rstrip(".") + "."


def learning_messages(first: list[dict], reply: str, tag: str) -> list[dict]:
    """The follow-up turn: the history with the reply as the user edited it, then a new question."""
    return [*first, {"role": "assistant", "content": edited(reply)},
            {"role": "user", "content": f"[{tag}] Thanks. Which expiry should I start with?"}]


__all__ = ["BELIEFS", "BELIEF_CONFIDENCE", "MODEL", "Bodies", "edited", "filler", "learning_messages"]
