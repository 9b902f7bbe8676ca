"""Cross-worker cache coherence on PostgreSQL: LISTEN/NOTIFY.

Every write that changes a user's beliefs (evidence, pins, manual values, opt-out, erasure)
sends ``NOTIFY beliefloop_changes`` in the same transaction (so it is delivered exactly when the
change commits); saved responses do not, since they change nobody's beliefs (workers catch up on
another worker's responses when they need them, see :mod:`beliefs.memory.cache`). Each worker
listens on one dedicated connection and marks its cached self-model of that user stale, so its
next request reloads it; an erasure or opt-out ("forget") drops it at once. Chosen over a TTL
with version checks because it costs the hot path nothing and propagates in milliseconds; a TTL
stays on as a safety net, and after a reconnect (when notifications may have been missed) the
whole cache is marked stale.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

import orjson
import psycopg

CHANNEL = "beliefloop_changes"
log = logging.getLogger("beliefloop.beliefs")


def payload(origin: str, tenant: str, user_id: str, kind: str = "changed") -> str:
    """``kind``: "changed" (reload when next needed) or "forget" (the user's data is gone)."""
    return orjson.dumps([origin, tenant, user_id, kind]).decode()


class ChangeListener:
    """A daemon thread that calls ``on_change(tenant, user_id, kind)`` for other processes' writes."""

    def __init__(self, conninfo: str, origin: str, on_change: Callable[[str, str, str], None],
                 on_gap: Callable[[], None]) -> None:
        self.conninfo, self.origin = conninfo, origin
        self.on_change, self.on_gap = on_change, on_gap
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="beliefloop-listen", daemon=True)
        self.connected = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.connected.set()
                    self.on_gap()  # anything committed while we were not listening is unknown
                    backoff = 0.5
                    while not self._stop.is_set():
                        for notification in connection.notifies(timeout=1.0):
                            self._handle(notification.payload)
            except Exception as error:  # reconnect on any failure; the TTL covers the gap
                self.connected.clear()
                if not self._stop.is_set():
                    log.warning("change listener disconnected (%r); retrying in %.1f s", error, backoff)
                    self._stop.wait(backoff)
                    backoff = min(backoff * 2, 30.0)

    def _handle(self, raw: str) -> None:
        try:
            origin, tenant, user_id, *rest = orjson.loads(raw)
        except (orjson.JSONDecodeError, ValueError, TypeError):
            return
        if origin != self.origin:
            # A notification of an older version (no kind) is treated as the stronger one.
            self.on_change(tenant, user_id, rest[0] if rest else "forget")


__all__ = ["CHANNEL", "ChangeListener", "payload"]
