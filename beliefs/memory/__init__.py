"""Memory: where self-models live, and the service the gateway calls.

* :mod:`.service` — the hot path: ``prepare`` a request (read its signals, fold them in, return the
  beliefs to apply), ``record_response``, ``feedback``.
* :mod:`.rights` — inspection, corrections, opt-out, export, deletion, retention.
* :mod:`.cache` — the per-process cache of users' states, with fail-open loading.
* :mod:`.write_behind` and :mod:`.spool` — the database thread, and writes kept while the
  database is down.
* :mod:`.store` (the interfaces, by audience), :mod:`.sql_store` (SQLite and PostgreSQL),
  :mod:`.pg_listener` (cache coherence across workers), :mod:`.migrate` and ``migrations/``.
"""
