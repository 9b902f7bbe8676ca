"""Memory: where self-models live, and the service the gateway calls.

* :mod:`.service` — the hot path: ``prepare`` a request (read its signals, fold them in, return the
  beliefs to apply), ``record_response``, ``feedback``.
* :mod:`.rights` — inspection, corrections, opt-out, export, deletion, retention.
* :mod:`.cache` — the per-process cache of users' states, with fail-open loading.
* :mod:`.writes` (the writes that follow requests, typed), :mod:`.journal` (the write-ahead log:
  durable before the answer, group commit) and :mod:`.write_behind` (the bounded queue and the
  database threads: batched writes, reads that never wait behind them, outages).
* :mod:`.store` (the interfaces, by audience), :mod:`.sql_store` (SQLite and PostgreSQL),
  :mod:`.pg_listener` (cache coherence across workers), :mod:`.migrate` and ``migrations/``.
"""
