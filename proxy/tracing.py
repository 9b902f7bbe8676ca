"""OpenTelemetry traces, configured by the standard ``OTEL_*`` environment variables.

Tracing is on when ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``) is
set, unless ``OTEL_SDK_DISABLED=true`` or ``OTEL_TRACES_EXPORTER=none``. Spans go to an OTLP/HTTP
(protobuf) collector through a batching processor; ``OTEL_SERVICE_NAME``,
``OTEL_RESOURCE_ATTRIBUTES``, ``OTEL_TRACES_SAMPLER[_ARG]``, ``OTEL_EXPORTER_OTLP_HEADERS``,
``OTEL_EXPORTER_OTLP_TIMEOUT`` and the other standard variables are read by the SDK itself.

When it is off, nothing of the SDK is imported and :func:`from_environ` returns None: the request
path then takes no span branch at all (see :mod:`proxy.telemetry`).

Each traced request has a server span (``POST /v1/chat/completions``) opened by
:mod:`proxy.request_context`, continuing an incoming W3C ``traceparent``; the model routes add
``identify``, ``load self-model``, ``render``, the upstream call (``chat <model>``, a client span
with the GenAI semantic conventions) and ``record`` under it.
"""

from __future__ import annotations

import logging
from typing import Any, Mapping

log = logging.getLogger("beliefloop.proxy")

#: GenAI semantic conventions (https://opentelemetry.io/docs/specs/semconv/gen-ai/).
GEN_AI_OPERATION = "gen_ai.operation.name"
GEN_AI_PROVIDER = "gen_ai.provider.name"
GEN_AI_REQUEST_MODEL = "gen_ai.request.model"
GEN_AI_INPUT_TOKENS = "gen_ai.usage.input_tokens"
GEN_AI_OUTPUT_TOKENS = "gen_ai.usage.output_tokens"
#: What beliefloop applied to the request: ``dimension=value;...`` (closed values, never text).
APPLIED = "beliefloop.applied"

_ENDPOINTS = ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")


def wanted(environ: Mapping[str, str]) -> bool:
    """Whether the standard variables ask for traces."""
    if environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    if environ.get("OTEL_TRACES_EXPORTER", "otlp").strip().lower() == "none":
        return False
    return any(environ.get(name) for name in _ENDPOINTS)


class Tracing:
    """A tracer provider exporting to an OTLP collector, owned by one app (never global, so
    several apps in one process keep their own)."""

    def __init__(self, provider: Any, version: str) -> None:
        from opentelemetry.trace import SpanKind

        self.provider = provider
        self.tracer = provider.get_tracer("beliefloop", version)
        self.server, self.client = SpanKind.SERVER, SpanKind.CLIENT

    @classmethod
    def build(cls, version: str, exporter: Any = None) -> "Tracing":
        """Provider, resource (``service.name`` beliefloop unless ``OTEL_SERVICE_NAME`` says
        otherwise) and a batching processor; ``exporter`` defaults to OTLP/HTTP from the env."""
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        if exporter is None:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            exporter = OTLPSpanExporter()
        # The environment's (OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME), named beliefloop
        # unless it names the service itself.
        resource = Resource.create()
        ours = {"service.version": version}
        if str(resource.attributes.get("service.name", "")).startswith("unknown_service"):
            ours["service.name"] = "beliefloop"
        resource = resource.merge(Resource(ours))
        provider = TracerProvider(resource=resource)
        provider.add_span_processor(BatchSpanProcessor(exporter))
        return cls(provider, version)

    def shutdown(self) -> None:
        """Export what is buffered and stop (app shutdown)."""
        self.provider.shutdown()

    # -- the pieces the request path uses ---------------------------------------------------

    def start_server_span(self, method: str, path: str, headers: list[tuple[bytes, bytes]]) -> tuple[Any, Any]:
        """Open the request's span, continuing the caller's trace; returns (span, token to detach)."""
        from opentelemetry import context, propagate, trace

        carrier = {k.decode("latin-1"): v.decode("latin-1") for k, v in headers
                   if k in (b"traceparent", b"tracestate", b"baggage")}
        parent = propagate.extract(carrier) if carrier else None
        span = self.tracer.start_span(f"{method} {path}", context=parent, kind=self.server,
                                      attributes={"http.request.method": method, "url.path": path})
        token = context.attach(trace.set_span_in_context(span, parent))
        return span, token

    @staticmethod
    def end_server_span(span: Any, token: Any, method: str, route: str, status: int | None) -> None:
        from opentelemetry import context
        from opentelemetry.trace import StatusCode

        span.update_name(f"{method} {route}")
        span.set_attribute("http.route", route)
        if status is not None:
            span.set_attribute("http.response.status_code", status)
            if status >= 500:
                span.set_status(StatusCode.ERROR)
        span.end()
        context.detach(token)


def from_environ(environ: Mapping[str, str], version: str) -> Tracing | None:
    """Tracing when the standard variables ask for it, else None (and nothing imported)."""
    if not wanted(environ):
        return None
    protocol = (environ.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") or environ.get("OTEL_EXPORTER_OTLP_PROTOCOL")
                or "http/protobuf")
    if protocol != "http/protobuf":
        log.warning("OTEL_EXPORTER_OTLP_PROTOCOL=%s is not supported; exporting over http/protobuf", protocol)
    tracing = Tracing.build(version)
    log.info("tracing on: spans go to the OTLP endpoint in %s",
             next(name for name in _ENDPOINTS if environ.get(name)))
    return tracing


__all__ = ["APPLIED", "GEN_AI_INPUT_TOKENS", "GEN_AI_OPERATION", "GEN_AI_OUTPUT_TOKENS", "GEN_AI_PROVIDER",
           "GEN_AI_REQUEST_MODEL", "Tracing", "from_environ", "wanted"]
