"""Prometheus metrics of one proxy, counted in plain dictionaries so observing costs next to nothing.

prometheus-client's own instruments take a lock and look up and validate labels on every update
(about 9 µs per labelled update on the shared 2-core machine this was built on, and a request
makes five or six).
The hot path runs on one event-loop thread, so the counts here are plain ``dict[labels] -> int``
and bucket lists updated in place, and prometheus-client only renders them, when scraped, through
a collector. Update them from the event loop only.

Each app owns its counts (built in ``create_app``, never a module global), so several apps can
live in one process — tests, benchmarks — without sharing them. ``GET /metrics`` renders them.

**Several workers** (``beliefloop serve --workers N``): a scrape reaches one worker, so each worker
writes a snapshot of its counts to ``BELIEFLOOP_METRICS_DIR`` (a fresh directory the CLI creates)
every second and when it stops, and the worker that answers a scrape sums everyone's snapshots
with its own current counts: counters and histograms over every worker that ever ran (a restarted
worker's counts are kept), gauges over the live ones. Another worker's counts may be up to a
second old.

Labels are small closed sets: ``route`` is a route template, ``tenant`` comes from the key set in
config.yaml, ``status`` is an HTTP status, and ``model`` is capped at :data:`MAX_MODELS` names per
process (later ones are counted as ``other``), so a client inventing model names cannot blow up
the series count.

Useful queries::

    # requests per second by route and status
    sum by (route, status) (rate(beliefloop_requests_total[5m]))
    # personalised share of answered requests
    sum(rate(beliefloop_answered_total{personalised="true"}[5m])) / sum(rate(beliefloop_answered_total[5m]))
    # p95 proxy overhead, p95 upstream latency per model
    histogram_quantile(0.95, sum by (le) (rate(beliefloop_proxy_overhead_seconds_bucket[5m])))
    histogram_quantile(0.95, sum by (le, model) (rate(beliefloop_upstream_seconds_bucket[5m])))
    # injected tokens as a share of prompt tokens
    sum(rate(beliefloop_injected_tokens_total[1h])) / sum(rate(beliefloop_tokens_total{kind="prompt"}[1h]))
    # the LLM interpreter: tokens per hour, and the share of its calls that failed
    sum by (kind) (increase(beliefloop_interpreter_tokens_total[1h]))
    sum(rate(beliefloop_interpreter_calls_total{outcome!="ok"}[1h])) / sum(rate(beliefloop_interpreter_calls_total[1h]))
"""

from __future__ import annotations

import asyncio
import os
import re
from bisect import bisect_left
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterable, Iterator

import orjson
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.utils import floatToGoString
from starlette.requests import Request
from starlette.responses import Response

from beliefs.records import Observation

from .errors import ProxyError

ENV_METRICS_DIR = "BELIEFLOOP_METRICS_DIR"
#: Upstream replies (time to headers): from a cached hit to a long reasoning model.
UPSTREAM_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
#: The proxy's own time per request: the target is single-digit milliseconds.
OVERHEAD_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)
#: Distinct model names labelled per process; the rest are counted as "other".
MAX_MODELS = 64

Labels = tuple[str, ...]


class ModelLabels:
    """Bound the ``model`` label: the first :data:`MAX_MODELS` names seen keep their own label."""

    def __init__(self, known: Iterable[str] = (), limit: int = MAX_MODELS) -> None:
        self._seen: set[str] = set(known)
        self.limit = max(limit, len(self._seen))

    def __call__(self, model: str) -> str:
        if model in self._seen:
            return model
        if len(self._seen) >= self.limit:
            return "other"
        self._seen.add(model)
        return model


class Counter:
    """A counter family: label values -> count."""

    __slots__ = ("name", "documentation", "labelnames", "values")

    def __init__(self, name: str, documentation: str, labelnames: Labels = ()) -> None:
        self.name, self.documentation, self.labelnames = name, documentation, labelnames
        self.values: dict[Labels, float] = {}

    def inc(self, labels: Labels = (), amount: float = 1) -> None:
        values = self.values
        values[labels] = values.get(labels, 0) + amount

    def family(self, values: dict[Labels, float]) -> Metric:
        family = CounterMetricFamily(self.name, self.documentation, labels=self.labelnames)
        for labels, value in sorted(values.items()):
            family.add_metric(labels, value)
        return family


class Histogram:
    """A histogram family: label values -> [count per bucket (the last is +Inf), sum]."""

    __slots__ = ("name", "documentation", "labelnames", "buckets", "values")

    def __init__(self, name: str, documentation: str, buckets: tuple[float, ...], labelnames: Labels = ()) -> None:
        self.name, self.documentation, self.labelnames, self.buckets = name, documentation, labelnames, buckets
        self.values: dict[Labels, list[float]] = {}

    def observe(self, value: float, labels: Labels = ()) -> None:
        entry = self.values.get(labels)
        if entry is None:
            entry = self.values[labels] = [0] * (len(self.buckets) + 1) + [0.0]
        entry[bisect_left(self.buckets, value)] += 1  # le is inclusive: a value on a bound counts there
        entry[-1] += value

    def family(self, values: dict[Labels, list[float]]) -> Metric:
        family = HistogramMetricFamily(self.name, self.documentation, labels=self.labelnames)
        bounds = [floatToGoString(b) for b in self.buckets] + ["+Inf"]
        for labels, entry in sorted(values.items()):
            cumulative, running = [], 0.0
            for bound, count in zip(bounds, entry[:-1]):
                running += count
                cumulative.append((bound, running))
            family.add_metric(labels, cumulative, sum_value=entry[-1])
        return family


class ProxyMetrics:
    """The counts of one app, and their exposition (one process, or summed over workers)."""

    def __init__(self, *, write_queue_depth: Callable[[], float] = lambda: 0.0,
                 spool_depth: Callable[[], float] = lambda: 0.0, known_models: Iterable[str] = (),
                 directory: str | None = None) -> None:
        self.directory = Path(directory) if directory else None
        self.model_label = ModelLabels(known_models)
        self.requests = Counter(
            "beliefloop_requests", "HTTP requests, by route template, model and tenant (model routes; "
            "empty elsewhere) and response status", ("route", "model", "tenant", "status"))
        self.answers = Counter(
            "beliefloop_answered", "Model requests answered with an upstream reply, by holdout arm "
            "(treated, holdout, none = anonymous or opted out) and whether directives were applied",
            ("arm", "personalised", "stream"))
        self.upstream = Histogram(
            "beliefloop_upstream_seconds", "Time from forwarding a request to the upstream's reply "
            "(headers; a stream's body is not included), by model", UPSTREAM_BUCKETS, ("model",))
        self.overhead = Histogram(
            "beliefloop_proxy_overhead_seconds", "Handler time minus upstream time: parsing, signals, "
            "beliefs, rules and injection", OVERHEAD_BUCKETS)
        self.token_counts = Counter(
            "beliefloop_tokens", "Tokens the upstream reported in its usage, by model, tenant and kind "
            "(prompt, completion); streams report usage when the client asks for it "
            "(stream_options.include_usage)", ("model", "tenant", "kind"))
        self.injected_tokens = Counter(
            "beliefloop_injected_tokens", "Tokens of the directives beliefloop injected (cl100k_base, header "
            "and bullets included), by model and tenant", ("model", "tenant"))
        self.signal_counts = Counter("beliefloop_signals", "Signals read, by kind", ("kind",))
        self.updates = Counter("beliefloop_belief_updates", "Evidence deltas applied to beliefs by signals "
                               "read from requests, by dimension", ("dimension",))
        self.errors = Counter("beliefloop_errors", "Errors answered on the model routes, by kind", ("kind",))
        self.disconnects = Counter("beliefloop_client_disconnects", "Streams the client closed before the "
                                   "upstream finished, by route", ("route",))
        self.interpreter_calls = Counter(
            "beliefloop_interpreter_calls", "Calls of the LLM interpreter (off the hot path), by model and "
            "outcome (ok, invalid = the reply broke the schema, timeout, error); a failed call leaves the "
            "offline readings in place", ("model", "outcome"))
        self.interpreter_tokens = Counter(
            "beliefloop_interpreter_tokens", "Tokens the LLM interpreter's provider reported, by model and kind "
            "(prompt, completion)", ("model", "kind"))
        self.interpreter_texts = Counter(
            "beliefloop_interpreter_texts", "Messages sent to the LLM interpreter, by model and result (read = a "
            "valid reading came back, unread = the call failed or that reading broke the schema)",
            ("model", "result"))
        self.interpreter_seconds = Histogram(
            "beliefloop_interpreter_seconds", "Duration of one LLM interpreter call, by model", UPSTREAM_BUCKETS,
            ("model",))
        self.comparisons = Counter(
            "beliefloop_comparisons", "Extra upstream calls for comparison anchoring (the generic answer to a "
            "personalised request, comparison.sample_rate), by outcome (stored, failed, dropped)", ("outcome",))
        self.comparison_tokens = Counter(
            "beliefloop_comparison_tokens", "Tokens the comparison calls cost, as the upstream reported them, "
            "by kind (prompt, completion)", ("kind",))
        self._gauges = (
            ("beliefloop_write_queue_depth", "Belief-store writes queued behind the database thread "
             "(summed over live workers)", write_queue_depth),
            ("beliefloop_spool_depth", "Writes acknowledged (in the journal) and not yet in the database "
             "(summed over live workers)", spool_depth),
        )
        self._families: tuple[Counter | Histogram, ...] = (
            self.requests, self.answers, self.upstream, self.overhead, self.token_counts, self.injected_tokens,
            self.signal_counts, self.updates, self.errors, self.disconnects, self.interpreter_calls,
            self.interpreter_tokens, self.interpreter_texts, self.interpreter_seconds, self.comparisons,
            self.comparison_tokens)

    # -- model requests (the hot path: a few dictionary updates each) ------------------------

    # ``model`` below is a label: bounded by :attr:`model_label` once per request by the caller.

    def request(self, route: str, model: str, tenant: str, status: int) -> None:
        """One HTTP request answered with ``status`` (model routes name their model and tenant)."""
        self.requests.inc((route, model, tenant, str(status)))

    def answered(self, arm: str, personalised: bool, stream: bool, model: str, upstream_s: float,
                 overhead_s: float) -> None:
        """An upstream reply is on its way to the client; times in seconds."""
        self.answers.inc((arm, "true" if personalised else "false", "true" if stream else "false"))
        self.upstream.observe(upstream_s, (model,))
        self.overhead.observe(overhead_s if overhead_s > 0 else 0.0)

    def tokens(self, model: str, tenant: str, prompt: int, completion: int) -> None:
        if prompt:
            self.token_counts.inc((model, tenant, "prompt"), prompt)
        if completion:
            self.token_counts.inc((model, tenant, "completion"), completion)

    def injected(self, model: str, tenant: str, tokens: int) -> None:
        if tokens:
            self.injected_tokens.inc((model, tenant), tokens)

    def compared(self, outcome: str, usage: tuple[int, int] | None) -> None:
        """A comparison call ended (``stored``, ``failed`` or ``dropped``), with its token usage."""
        self.comparisons.inc((outcome,))
        if usage:
            if usage[0]:
                self.comparison_tokens.inc(("prompt",), usage[0])
            if usage[1]:
                self.comparison_tokens.inc(("completion",), usage[1])

    def disconnect(self, route: str) -> None:
        self.disconnects.inc((route,))

    # -- learning ----------------------------------------------------------------------------

    def signals(self, observations: Iterable[Observation]) -> None:
        for observation in observations:
            self.signal(observation.kind)
            for delta in observation.deltas:
                self.updates.inc((delta.dimension,))

    def signal(self, kind: str) -> None:
        self.signal_counts.inc((kind,))

    def error(self, error: BaseException) -> None:
        self.errors.inc((error_kind(error),))

    def interpreter_call(self, model: str, outcome: str, prompt: int, completion: int, texts: int,
                         read: int, seconds: float) -> None:
        """One LLM interpreter call (``proxy.interpreting.CallReport``): its outcome, tokens, texts."""
        self.interpreter_calls.inc((model, outcome))
        if prompt:
            self.interpreter_tokens.inc((model, "prompt"), prompt)
        if completion:
            self.interpreter_tokens.inc((model, "completion"), completion)
        if read:
            self.interpreter_texts.inc((model, "read"), read)
        if texts > read:
            self.interpreter_texts.inc((model, "unread"), texts - read)
        self.interpreter_seconds.observe(seconds, (model,))

    # -- exposition --------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """This process's counts and gauges, as plain data (what a worker shares)."""
        return {"pid": os.getpid(),
                "families": {f.name: [[list(k), v] for k, v in f.values.items()] for f in self._families},
                "gauges": {name: float(read()) for name, _, read in self._gauges}}

    def share(self) -> None:
        """Write this worker's snapshot where the others read it (atomically: write, then rename)."""
        if self.directory is None:
            return
        target = self.directory / f"beliefloop-{os.getpid()}.json"
        temporary = target.with_suffix(".tmp")
        temporary.write_bytes(orjson.dumps(self.snapshot()))
        os.replace(temporary, target)

    async def share_forever(self, interval_s: float = 1.0) -> None:
        """Background task of a worker when there are several."""
        while True:
            self.share()
            await asyncio.sleep(interval_s)

    def retire(self) -> None:
        """This worker is stopping: its last counts stay for the others to sum."""
        self.share()

    def _everyone(self) -> Iterator[dict[str, Any]]:
        """Every worker's snapshot, this one's current; gauges only of workers still alive."""
        mine = self.snapshot()
        yield mine
        if self.directory is None:
            return
        for path in self.directory.glob("beliefloop-*.json"):
            try:
                other = orjson.loads(path.read_bytes())
            except (OSError, orjson.JSONDecodeError):
                continue  # being replaced right now, or gone: next scrape
            if other.get("pid") == mine["pid"]:
                continue
            if not _alive(other.get("pid")):
                other["gauges"] = {}
            yield other

    def collect(self) -> Iterator[Metric]:
        """prometheus-client's collector protocol: the families, summed over every worker."""
        families: dict[str, dict[Labels, Any]] = {f.name: {} for f in self._families}
        gauges = {name: 0.0 for name, _, _ in self._gauges}
        for snapshot in self._everyone():
            for name, entries in snapshot["families"].items():
                merged = families.get(name)
                if merged is None:
                    continue
                for labels, value in entries:
                    key = tuple(labels)
                    if isinstance(value, list):
                        previous = merged.get(key)
                        merged[key] = value if previous is None else [a + b for a, b in zip(previous, value)]
                    else:
                        merged[key] = merged.get(key, 0) + value
            for name, value in snapshot["gauges"].items():
                if name in gauges:
                    gauges[name] += value
        for family in self._families:
            yield family.family(families[family.name])
        for name, documentation, _ in self._gauges:
            yield GaugeMetricFamily(name, documentation, value=gauges[name])

    def render(self) -> bytes:
        registry = CollectorRegistry(auto_describe=False)
        registry.register(self)
        return generate_latest(registry)


def _alive(pid: Any) -> bool:
    if not isinstance(pid, int):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def error_kind(error: BaseException) -> str:
    """A small closed label: the error's code (``upstream_timeout``, ``invalid_json``...), else
    its class in snake case, and ``internal`` for anything that is not a ProxyError."""
    if not isinstance(error, ProxyError):
        return "internal"
    if error.code:
        return error.code
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(error).__name__).lower()


def _writer_of(app: Any) -> Any:
    runtime = getattr(app.state, "runtime", None)
    return getattr(getattr(runtime, "service", None), "writer", None)


def spool_depth_of(app: Any) -> float:
    """Writes waiting in the spool: ``runtime.spool_depth()``, else the service's write-behind
    ``spool_depth()``, else 0 (before startup, or a runtime without a spool)."""
    runtime = getattr(app.state, "runtime", None)
    depth = getattr(runtime, "spool_depth", None)
    if not callable(depth):
        depth = getattr(_writer_of(app), "spool_depth", None)
    return float(depth()) if callable(depth) else 0.0


def write_queue_depth_of(app: Any) -> float:
    """Writes queued for the database thread: the write-behind's ``queue_depth()``, else the size
    of its pending set, else 0. Tolerant on purpose: the write path may change shape."""
    writer = _writer_of(app)
    depth = getattr(writer, "queue_depth", None)
    if callable(depth):
        return float(depth())
    pending = getattr(writer, "_pending", None)
    return float(len(pending)) if pending is not None else 0.0


async def metrics_endpoint(request: Request) -> Response:
    """``GET /metrics``: the Prometheus text format (every worker's counts when there are several)."""
    return Response(request.app.state.metrics.render(), media_type=CONTENT_TYPE_LATEST)


async def count_feedback(request: Request) -> AsyncIterator[None]:
    """Route dependency of ``POST /v1/feedback``: count the signals it recorded (thumbs, and an
    edit or acceptance read from the text the user used), as the route lists them in
    ``request.state.feedback_kinds``. When the route raises (unknown response), the error is
    thrown in at ``yield`` and nothing counts."""
    yield
    for kind in getattr(request.state, "feedback_kinds", ("thumbs",)):
        request.app.state.metrics.signal(kind)


__all__ = ["ENV_METRICS_DIR", "MAX_MODELS", "ModelLabels", "ProxyMetrics", "count_feedback", "error_kind",
           "metrics_endpoint", "spool_depth_of", "write_queue_depth_of"]
