"""Retries are not regenerations: recognise a request that repeats one logical call.

An SDK that retries after a timeout or a 5xx sends the same body again. Read as a conversation,
that is a regeneration (the user rejected the answer) and would count against the beliefs that
shaped it, so a retry must carry no signal. It is recognised by

* ``x-stainless-retry-count`` above 0 (the openai and anthropic SDKs count their attempts);
* an ``Idempotency-Key`` seen before from the same client;
* the same body from the same client and user within ``retry_window_s``.

A retry reuses the original's response id, so its record replaces the original's instead of
standing beside it as a second candidate for the same prefix. The ledger is per process and
bounded; keys are kept for a day, bodies for the window.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Mapping

RETRY_COUNT_HEADER = "x-stainless-retry-count"
IDEMPOTENCY_HEADER = "idempotency-key"
#: How long an idempotency key is remembered (seconds).
KEY_TTL_S = 86_400.0
#: How long a body is remembered for an SDK's numbered retries (their backoff tops out near a
#: minute with retry-after); the plain same-body rule uses the shorter configured window.
NUMBERED_RETRY_TTL_S = 600.0


@dataclass(frozen=True)
class Retry:
    """This request repeats an earlier one; ``response_id`` is the earlier one's, when known."""

    response_id: str | None


class RetryLedger:
    def __init__(self, max_entries: int = 50_000) -> None:
        self.max_entries = max_entries
        #: body digest -> (response id, time first seen); and idempotency key -> the same.
        self._bodies: OrderedDict[tuple, tuple[str, float]] = OrderedDict()
        self._keys: OrderedDict[tuple, tuple[str, float]] = OrderedDict()

    def check(self, client: tuple, headers: Mapping[str, str], body: bytes, response_id: str,
              now: float, window_s: float) -> Retry | None:
        """Whether this request (from ``client``: tenant, key and user) repeats an earlier one;
        remembers it as the original otherwise. ``now`` in seconds."""
        digest = (client, hash(body))  # per-process SipHash: collisions are 2^-64, memory is 16 bytes
        key_header = headers.get(IDEMPOTENCY_HEADER)
        key = (client, key_header) if key_header else None
        earlier_body = _fresh(self._bodies, digest, now, NUMBERED_RETRY_TTL_S)
        if key is not None:
            earlier = _fresh(self._keys, key, now, KEY_TTL_S)
            if earlier is not None:
                return Retry(earlier[0])
        count = headers.get(RETRY_COUNT_HEADER, "0")
        if count.isdigit() and int(count) > 0:
            return Retry(earlier_body[0] if earlier_body is not None else None)
        if earlier_body is not None and now - earlier_body[1] <= window_s:
            return Retry(earlier_body[0])
        self._remember(self._bodies, digest, (response_id, now))
        if key is not None:
            self._remember(self._keys, key, (response_id, now))
        return None

    def _remember(self, table: OrderedDict, key: tuple, value: tuple[str, float]) -> None:
        table[key] = value
        table.move_to_end(key)
        while len(table) > self.max_entries:
            table.popitem(last=False)


def _fresh(table: OrderedDict, key: tuple, now: float, ttl_s: float) -> tuple[str, float] | None:
    found = table.get(key)
    if found is not None and now - found[1] > ttl_s:
        del table[key]
        return None
    return found


__all__ = ["IDEMPOTENCY_HEADER", "RETRY_COUNT_HEADER", "Retry", "RetryLedger"]
