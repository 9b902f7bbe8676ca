"""The dashboard's latency and error panels, read from the very counts ``GET /metrics`` renders.

:meth:`proxy.metrics.ProxyMetrics.collect` is the collector Prometheus scrapes (summed over every
worker); reading the same families here means the dashboard and a Grafana board built on
``/metrics`` cannot disagree. The counts run since the process (or the first worker) started,
for every tenant: the panels say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Latency:
    """Quantiles of one histogram (seconds), estimated as Prometheus' ``histogram_quantile``."""

    label: str
    count: int
    p50: float | None
    p95: float | None


@dataclass(frozen=True)
class Traffic:
    upstream: list[Latency] = field(default_factory=list)
    overhead: Latency | None = None
    #: Model-route requests by status class ("2xx", "4xx", "5xx").
    statuses: dict[str, int] = field(default_factory=dict)
    #: Errors answered on the model routes, by kind (``upstream_timeout``, ``internal``...).
    errors: dict[str, int] = field(default_factory=dict)
    #: Extra upstream calls made for comparison anchoring (see ``comparison.sample_rate``).
    comparisons: int = 0

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def error_share(self) -> float | None:
        failed = sum(n for status, n in self.statuses.items() if status == "5xx")
        return failed / self.requests if self.requests else None


def quantile(q: float, buckets: Sequence[tuple[float, float]]) -> float | None:
    """``q`` in [0, 1] of a cumulative histogram ``[(upper bound, count <= bound), ...]`` ending
    with +Inf, interpolated linearly inside the bucket (Prometheus' rule; the +Inf bucket
    answers with the highest finite bound)."""
    if not buckets or buckets[-1][1] <= 0:
        return None
    rank = q * buckets[-1][1]
    lower_bound, lower_count = 0.0, 0.0
    for bound, count in buckets:
        if count >= rank:
            if bound == float("inf"):
                return lower_bound
            if count == lower_count:
                return bound
            return lower_bound + (bound - lower_bound) * (rank - lower_count) / (count - lower_count)
        lower_bound, lower_count = bound, count
    return lower_bound


def _histograms(family: Any) -> dict[tuple[str, ...], list[tuple[float, float]]]:
    """Label values (``le`` left out) -> cumulative buckets, from a HistogramMetricFamily."""
    found: dict[tuple[str, ...], list[tuple[float, float]]] = {}
    for sample in family.samples:
        if not sample.name.endswith("_bucket"):
            continue
        labels = tuple(v for k, v in sorted(sample.labels.items()) if k != "le")
        found.setdefault(labels, []).append((float(sample.labels["le"]), sample.value))
    return {k: sorted(v) for k, v in found.items()}


def _latency(label: str, buckets: list[tuple[float, float]]) -> Latency:
    return Latency(label, int(buckets[-1][1]) if buckets else 0, quantile(0.5, buckets), quantile(0.95, buckets))


def read(families: Iterable[Any]) -> Traffic:
    """The panels' figures from prometheus-client metric families (``ProxyMetrics.collect()``)."""
    upstream: list[Latency] = []
    overhead: Latency | None = None
    statuses: dict[str, int] = {}
    errors: dict[str, int] = {}
    comparisons = 0
    for family in families:
        if family.name == "beliefloop_upstream_seconds":
            for labels, buckets in sorted(_histograms(family).items()):
                upstream.append(_latency(labels[0] if labels else "all", buckets))
        elif family.name == "beliefloop_proxy_overhead_seconds":
            merged = _histograms(family).get((), [])
            overhead = _latency("proxy overhead", merged)
        elif family.name == "beliefloop_requests":
            for sample in family.samples:
                if not sample.name.endswith("_total") or not sample.labels.get("model"):
                    continue  # only model routes name a model
                status = f"{sample.labels['status'][:1]}xx"
                statuses[status] = statuses.get(status, 0) + int(sample.value)
        elif family.name == "beliefloop_errors":
            for sample in family.samples:
                if sample.name.endswith("_total"):
                    errors[sample.labels["kind"]] = errors.get(sample.labels["kind"], 0) + int(sample.value)
        elif family.name == "beliefloop_comparisons":
            comparisons += int(sum(s.value for s in family.samples if s.name.endswith("_total")))
    return Traffic(upstream, overhead, dict(sorted(statuses.items())), dict(sorted(errors.items())), comparisons)


__all__ = ["Latency", "Traffic", "quantile", "read"]
