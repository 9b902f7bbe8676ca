"""What an operator sees of one model request: counted, timed, logged when it fails, traced.

The model routes create one :class:`Exchange` per request (``telemetry.exchange(route)``) and tell
it what happened, in order: ``requested`` (tenant, model), ``step`` blocks (identify, load
self-model, render, record), ``planned``, ``forwarding``, ``answered``, and at the end
``finished`` (token usage) — or ``failed``, ``broke`` (mid-stream) or ``disconnected``.

Without tracing every call is a few attribute writes and the counters (``step`` returns one shared
no-op context manager); :class:`TracedExchange` adds the spans. Nothing here runs per streamed
chunk, and no request or response text is ever logged: only statuses, codes, models and times.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Iterable, Mapping

import orjson

from adapters import InjectionPolicy, Plan
from adapters.budget import count_tokens
from beliefs.records import Observation

from .errors import ProxyError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable
from .logs import REQUEST_ID
from .metrics import ProxyMetrics, error_kind
from .request_context import request_id_headers
from .tracing import (
    APPLIED,
    GEN_AI_INPUT_TOKENS,
    GEN_AI_OPERATION,
    GEN_AI_OUTPUT_TOKENS,
    GEN_AI_PROVIDER,
    GEN_AI_REQUEST_MODEL,
    Tracing,
)

log = logging.getLogger("beliefloop.gateway")

#: Upstream failures worth one log line each (client mistakes are counted, not logged).
_UPSTREAM_FAILURES = (UpstreamRejected, UpstreamUnavailable, UpstreamTimeout)


class _NoStep:
    """The step of an untraced request: enter and leave, nothing else."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None


_NO_STEP = _NoStep()


class Telemetry:
    """An app's metrics, its tracing (None when off) and the facts spans need about upstreams."""

    def __init__(self, metrics: ProxyMetrics, tracing: Tracing | None = None, *,
                 providers: Mapping[str, str] | None = None, upstream_host: str | None = None) -> None:
        self.metrics = metrics
        self.tracing = tracing
        #: model_list name -> provider (``anthropic``...); anything else goes to the OpenAI-compatible upstream.
        self.providers = dict(providers or {})
        self.upstream_host = upstream_host

    def exchange(self, route: str) -> "Exchange":
        if self.tracing is None:
            return Exchange(self, route)
        return TracedExchange(self, route)

    def close(self) -> None:
        if self.tracing is not None:
            self.tracing.shutdown()


class Exchange:
    """One model request as metrics and logs see it."""

    __slots__ = ("telemetry", "route", "tenant", "model", "label", "stream", "injected", "started")

    def __init__(self, telemetry: Telemetry, route: str) -> None:
        self.telemetry = telemetry
        self.route = route
        self.tenant = self.model = self.label = ""
        self.stream = False
        self.injected = 0
        self.started = time.perf_counter()

    # -- what the route reports --------------------------------------------------------------

    def requested(self, tenant: str, model: str, stream: bool) -> None:
        """The body is parsed: who asks (tenant) for which model."""
        self.tenant, self.model, self.stream = tenant, model, stream
        self.label = self.telemetry.metrics.model_label(model)  # bounded once, used by every count

    def step(self, name: str) -> Any:
        """A context manager around one step of the hot path (a span when traced)."""
        return _NO_STEP

    def observed(self, observations: Iterable[Observation]) -> None:
        """Signals read from the request (counted by kind, with the belief updates they caused)."""
        self.telemetry.metrics.signals(observations)

    def planned(self, plan: Plan, policy: InjectionPolicy) -> None:
        """Directives were chosen; their tokens are counted once the request goes upstream."""
        if plan:
            # The text apply_plan splices in: header, then one "- " bullet line per directive.
            self.injected = count_tokens(policy.header) + sum(d.tokens + 1 for d in plan.directives)

    def forwarding(self) -> None:
        """The request is about to go upstream."""

    def headers(self, upstream: Mapping[str, str] | None = None) -> dict[str, str]:
        """``x-request-id`` (and the upstream's own id, renamed) for the response."""
        return request_id_headers(upstream)

    def answered(self, status: int, arm: str, personalised: bool, upstream_s: float, overhead_s: float) -> None:
        """An upstream reply is on its way to the client."""
        metrics = self.telemetry.metrics
        metrics.request(self.route, self.label, self.tenant, status)
        metrics.answered(arm, personalised, self.stream, self.label, upstream_s, overhead_s)
        if self.injected:
            metrics.injected(self.label, self.tenant, self.injected)

    def finished(self, usage: tuple[int, int] | None) -> None:
        """The reply is complete; ``usage`` is (prompt, completion) tokens when it said."""
        if usage is not None:
            self.telemetry.metrics.tokens(self.label, self.tenant, *usage)

    # -- what went wrong ---------------------------------------------------------------------

    def retrying(self, error: ProxyError, attempt: int, wait_s: float) -> None:
        """An attempt failed in a way a retry can cure; another follows after ``wait_s``."""
        self._log_upstream(error, f"retrying in {wait_s:.2f} s", attempt=attempt + 1)

    def failed(self, error: BaseException) -> None:
        """The request ends with an error response (rendered by the one error handler)."""
        metrics = self.telemetry.metrics
        metrics.error(error)
        metrics.request(self.route, self.label, self.tenant, error.status if isinstance(error, ProxyError) else 500)
        if isinstance(error, _UPSTREAM_FAILURES):
            self._log_upstream(error, "answered with an error")

    def broke(self, error: ProxyError) -> None:
        """The upstream failed mid-stream; the client was told in-band."""
        self.telemetry.metrics.error(error)
        self._log_upstream(error, "mid-stream; the stream was ended with an error event")

    def disconnected(self) -> None:
        """The client closed the stream before the upstream finished."""
        self.telemetry.metrics.disconnect(self.route)
        log.info("client disconnected mid-stream", extra={"fields": {
            "event": "client_disconnect", "route": self.route, "model": self.model, "tenant": self.tenant,
            "elapsed_ms": round((time.perf_counter() - self.started) * 1000, 1)}})

    def _log_upstream(self, error: ProxyError, what: str, **more: Any) -> None:
        event = "upstream_timeout" if isinstance(error, UpstreamTimeout) else "upstream_error"
        fields: dict[str, Any] = {"event": event, "status": error.status, "code": error_kind(error),
                                  "route": self.route, "model": self.model, "tenant": self.tenant,
                                  "elapsed_ms": round((time.perf_counter() - self.started) * 1000, 1), **more}
        fields.update(_what_upstream_said(error))
        label = "upstream timeout" if event == "upstream_timeout" else f"upstream error {error.status}"
        log.warning("%s (%s): %s", label, fields["code"], what, extra={"fields": fields})

    @property
    def request_id(self) -> str | None:
        return REQUEST_ID.get()


def _what_upstream_said(error: ProxyError) -> dict[str, Any]:
    """Closed facts about an upstream failure, never its text: a rejection's error ``type`` and
    ``code`` (its ``message`` may quote the request), the transport's own message for an
    unreachable upstream (host, port, errno). A 5xx's body is left out."""
    if isinstance(error, UpstreamRejected):
        try:
            said = orjson.loads(error.body).get("error") or {}
        except (orjson.JSONDecodeError, AttributeError):
            return {}
        if not isinstance(said, dict):
            return {}
        return {f"upstream_{key}": said[key] for key in ("type", "code") if isinstance(said.get(key), (str, int))}
    if error.code in ("upstream_unavailable", "upstream_timeout"):
        return {"detail": error.message[:300]}
    return {}


class TracedExchange(Exchange):
    """The same, with spans: steps under the request's server span, and the upstream call as a
    GenAI client span that lasts until the reply (a stream's last byte) is in."""

    __slots__ = ("root", "upstream")

    def __init__(self, telemetry: Telemetry, route: str) -> None:
        super().__init__(telemetry, route)
        from opentelemetry import trace

        self.root = trace.get_current_span()  # the server span opened by RequestContext
        self.upstream: Any = None

    def requested(self, tenant: str, model: str, stream: bool) -> None:
        super().requested(tenant, model, stream)
        self.root.set_attributes({GEN_AI_REQUEST_MODEL: model, "beliefloop.tenant": tenant,
                                  "beliefloop.stream": stream})

    def step(self, name: str) -> Any:
        assert self.telemetry.tracing is not None
        return self.telemetry.tracing.tracer.start_as_current_span(name)

    def planned(self, plan: Plan, policy: InjectionPolicy) -> None:
        super().planned(plan, policy)
        from opentelemetry import trace

        applied = plan.applied_header()
        trace.get_current_span().set_attributes({APPLIED: applied, "beliefloop.injected_tokens": self.injected})
        self.root.set_attribute(APPLIED, applied)

    def forwarding(self) -> None:
        tracing = self.telemetry.tracing
        assert tracing is not None
        provider = self.telemetry.providers.get(self.model, "openai")
        attributes: dict[str, Any] = {GEN_AI_OPERATION: "chat", GEN_AI_PROVIDER: provider,
                                      GEN_AI_REQUEST_MODEL: self.model}
        if self.model not in self.telemetry.providers and self.telemetry.upstream_host:
            attributes["server.address"] = self.telemetry.upstream_host
        self.upstream = tracing.tracer.start_span(f"chat {self.model}", kind=tracing.client, attributes=attributes)

    def answered(self, status: int, arm: str, personalised: bool, upstream_s: float, overhead_s: float) -> None:
        super().answered(status, arm, personalised, upstream_s, overhead_s)
        self.root.set_attributes({"http.response.status_code": status, "beliefloop.arm": arm})
        if self.upstream is not None:
            self.upstream.set_attribute("http.response.status_code", status)

    def finished(self, usage: tuple[int, int] | None) -> None:
        super().finished(usage)
        if self.upstream is None:
            return
        if usage is not None:
            self.upstream.set_attributes({GEN_AI_INPUT_TOKENS: usage[0], GEN_AI_OUTPUT_TOKENS: usage[1]})
        self.upstream.end()
        self.upstream = None

    def failed(self, error: BaseException) -> None:
        super().failed(error)
        from opentelemetry.trace import StatusCode

        status = error.status if isinstance(error, ProxyError) else 500
        kind = error_kind(error)
        self.root.set_attributes({"http.response.status_code": status, "error.type": kind})
        if status >= 500:
            self.root.set_status(StatusCode.ERROR, kind)
        self._end_upstream_with(kind)

    def broke(self, error: ProxyError) -> None:
        super().broke(error)
        self._end_upstream_with(error_kind(error))

    def disconnected(self) -> None:
        super().disconnected()
        self._end_upstream_with("client_disconnect")

    def _end_upstream_with(self, kind: str) -> None:
        if self.upstream is None:
            return
        from opentelemetry.trace import StatusCode

        self.upstream.set_attribute("error.type", kind)
        self.upstream.set_status(StatusCode.ERROR, kind)
        self.upstream.end()
        self.upstream = None


__all__ = ["Exchange", "Telemetry", "TracedExchange"]
