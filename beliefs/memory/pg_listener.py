"""Cross-worker cache coherence on PostgreSQL: LISTEN/NOTIFY.

Every write about a user sends ``NOTIFY beliefloop_changes`` in the same transaction (so it is
delivered exactly when the change commits). Each worker listens on one dedicated connection and
drops its cached self-model for that user, so its next request reloads. Chosen over a TTL with
version checks because it costs the hot path nothing and propagates in milliseconds; a TTL stays
on as a safety net, and after a reconnect (when notifications may have been missed) the whole
cache is dropped.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

import orjson
import psycopg

CHANNEL = "beliefloop_changes"
log = logging.getLogger("beliefloop.beliefs")


def payload(origin: str, tenant: str, user_id: str) -> str:
    return orjson.dumps([origin, tenant, user_id]).decode()


class ChangeListener:
    """A daemon thread that calls ``on_change(tenant, user_id)`` for other processes' writes."""

    def __init__(self, conninfo: str, origin: str, on_change: Callable[[str, str], None],
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
            origin, tenant, user_id = orjson.loads(raw)
        except (orjson.JSONDecodeError, ValueError):
            return
        if origin != self.origin:
            self.on_change(tenant, user_id)


__all__ = ["CHANNEL", "ChangeListener", "payload"]
