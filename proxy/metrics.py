"""Prometheus metrics of one proxy: counters and histograms only, so observing costs microseconds.

Each app owns its registry (built in ``create_app``, never a module global), so several apps can
live in one process — tests, benchmarks — without sharing counts. ``GET /metrics`` renders it.

Useful queries::

    # personalised share of requests
    sum(rate(beliefloop_requests_total{personalised="true"}[5m])) / sum(rate(beliefloop_requests_total[5m]))
    # p95 proxy overhead
    histogram_quantile(0.95, sum by (le) (rate(beliefloop_proxy_overhead_seconds_bucket[5m])))
"""

from __future__ import annotations

import re
from typing import Any, AsyncIterator, Callable, Iterable

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response

from beliefs.records import Observation

from .errors import ProxyError

#: Upstream replies (time to headers): from a cached hit to a long reasoning model.
UPSTREAM_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
#: The proxy's own time per request: the target is single-digit milliseconds.
OVERHEAD_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)


class ProxyMetrics:
    """The instruments of one app, in their own :class:`CollectorRegistry`."""

    def __init__(self, spool_depth: Callable[[], float] = lambda: 0.0) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self._requests = Counter(
            "beliefloop_requests", "Chat completion requests answered, by holdout arm "
            "(treated, holdout, none = anonymous or opted out) and whether directives were applied",
            ["arm", "personalised", "stream"], registry=r)
        self._upstream = Histogram(
            "beliefloop_upstream_seconds", "Time from forwarding a request to the upstream's reply "
            "(headers; a stream's body is not included)", buckets=UPSTREAM_BUCKETS, registry=r)
        self._overhead = Histogram(
            "beliefloop_proxy_overhead_seconds", "Handler time minus upstream time: parsing, "
            "signals, beliefs, rules and injection", buckets=OVERHEAD_BUCKETS, registry=r)
        self._signals = Counter("beliefloop_signals", "Signals read, by kind", ["kind"], registry=r)
        self._updates = Counter("beliefloop_belief_updates", "Evidence deltas applied to beliefs "
                                "by signals read from requests, by dimension", ["dimension"], registry=r)
        self._errors = Counter("beliefloop_errors", "Errors answered on the chat route, by kind",
                               ["kind"], registry=r)
        spool = Gauge("beliefloop_spool_depth", "Writes acknowledged (in the journal) and not yet in the database",
                      registry=r)
        spool.set_function(spool_depth)

    def request(self, arm: str, personalised: bool, stream: bool, upstream_s: float,
                overhead_s: float) -> None:
        """One answered request; times in seconds."""
        self._requests.labels(arm, "true" if personalised else "false", "true" if stream else "false").inc()
        self._upstream.observe(upstream_s)
        self._overhead.observe(max(0.0, overhead_s))

    def signals(self, observations: Iterable[Observation]) -> None:
        for observation in observations:
            self.signal(observation.kind)
            for delta in observation.deltas:
                self._updates.labels(delta.dimension).inc()

    def signal(self, kind: str) -> None:
        self._signals.labels(kind).inc()

    def error(self, error: BaseException) -> None:
        self._errors.labels(error_kind(error)).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


def error_kind(error: BaseException) -> str:
    """A small closed label: the error's code (``upstream_timeout``, ``invalid_json``...), else
    its class in snake case, and ``internal`` for anything that is not a ProxyError."""
    if not isinstance(error, ProxyError):
        return "internal"
    if error.code:
        return error.code
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(error).__name__).lower()


def spool_depth_of(app: Any) -> float:
    """Writes waiting in the spool: ``runtime.spool_depth()``, else the service's write-behind
    ``spool_depth()``, else 0 (before startup, or a runtime without a spool)."""
    runtime = getattr(app.state, "runtime", None)
    depth = getattr(runtime, "spool_depth", None)
    if not callable(depth):
        writer = getattr(getattr(runtime, "service", None), "writer", None)
        depth = getattr(writer, "spool_depth", None)
    return float(depth()) if callable(depth) else 0.0


async def metrics_endpoint(request: Request) -> Response:
    """``GET /metrics``: the app's registry in the Prometheus text format."""
    return Response(request.app.state.metrics.render(), media_type=CONTENT_TYPE_LATEST)


async def count_feedback(request: Request) -> AsyncIterator[None]:
    """Route dependency of ``POST /v1/feedback``: count a thumbs signal once it was recorded. When
    the route raises (unknown response), the error is thrown in at ``yield`` and nothing counts."""
    yield
    request.app.state.metrics.signal("thumbs")


__all__ = ["ProxyMetrics", "count_feedback", "error_kind", "metrics_endpoint", "spool_depth_of"]
