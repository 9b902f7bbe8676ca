"""Insights: what operators learn from the stored log, off the hot path.

* :mod:`.reads` — typed snapshots read from the store (on the service's database thread).
* :mod:`.export` — preference, supervised and eval JSONL with data-quality filters.
* :mod:`.flywheel` — weekly alignment, engagement, cohorts and the holdout lift.
* :mod:`.activity` — the dashboard's aggregates; :mod:`.history` — beliefs replayed over time.
"""
