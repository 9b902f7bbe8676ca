"""OpenTelemetry: with the standard variables set, every request's spans reach an OTLP collector
(here a real one in-process: an HTTP server decoding OTLP protobuf); unset, nothing is loaded."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import httpx
import pytest
import respx
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import LiveServer, completion, sse_chunks


class OtlpReceiver:
    """The trace half of an OTLP/HTTP collector: decodes each export into plain dicts."""

    def __init__(self) -> None:
        self.spans: list[dict[str, Any]] = []
        self.resources: list[dict[str, Any]] = []

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                await send({"type": message["type"] + ".complete"})
                if message["type"] == "lifespan.shutdown":
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        assert scope["path"] == "/v1/traces"
        export = ExportTraceServiceRequest.FromString(body)
        for resource_spans in export.resource_spans:
            self.resources.append(_attributes(resource_spans.resource.attributes))
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    self.spans.append({
                        "name": span.name, "kind": span.kind, "trace_id": span.trace_id.hex(),
                        "span_id": span.span_id.hex(), "parent": span.parent_span_id.hex(),
                        "attributes": _attributes(span.attributes), "status": span.status.code,
                        "start": span.start_time_unix_nano, "end": span.end_time_unix_nano})
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/x-protobuf")]})
        await send({"type": "http.response.body", "body": b""})

    def named(self, name: str) -> list[dict[str, Any]]:
        return [span for span in self.spans if span["name"] == name]


def _attributes(attributes: Any) -> dict[str, Any]:
    found = {}
    for item in attributes:
        value = item.value
        found[item.key] = getattr(value, value.WhichOneof("value")) if value.WhichOneof("value") else None
    return found


@pytest.fixture
def collector(monkeypatch):
    receiver = OtlpReceiver()
    with LiveServer(receiver) as server:
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", server.url)
        monkeypatch.setenv("OTEL_SERVICE_NAME", "beliefloop-test")
        yield receiver


SERVER, CLIENT, INTERNAL = 2, 3, 1  # OTLP span kinds


@respx.mock
async def test_each_request_is_a_trace_of_its_steps_with_genai_attributes(collector, config, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(200, json=completion("ok")))
    app = create_app(settings_from_dict(config), watch=False)
    assert app.state.telemetry.tracing is not None
    async with running(app) as proxy:
        await proxy.put("/admin/users/kim/beliefs/length", headers=admin_headers(),
                        json={"value": "concise", "confidence": 0.95})
        raw = await sdk(proxy).chat.completions.with_raw_response.create(
            model="gpt-test", messages=[{"role": "user", "content": "Explain TCP"}], user="kim")
        assert raw.headers["x-beliefloop-applied"] == "length=concise"
    # the app's shutdown exported what was buffered

    (root,) = collector.named("POST /v1/chat/completions")
    assert root["kind"] == SERVER and root["parent"] == ""
    assert root["attributes"]["http.route"] == "/v1/chat/completions"
    assert root["attributes"]["http.response.status_code"] == 200
    assert root["attributes"]["gen_ai.request.model"] == "gpt-test"
    assert root["attributes"]["beliefloop.applied"] == "length=concise"
    in_trace = [span for span in collector.spans if span["trace_id"] == root["trace_id"]]
    children = {span["name"]: span for span in in_trace if span["parent"] == root["span_id"]}
    assert set(children) == {"identify", "load self-model", "render", "chat gpt-test", "record"}
    upstream = children["chat gpt-test"]
    assert upstream["kind"] == CLIENT
    assert upstream["attributes"] == {
        "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-test",
        "server.address": "upstream.test", "http.response.status_code": 200,
        "gen_ai.usage.input_tokens": 3, "gen_ai.usage.output_tokens": 3}
    assert children["render"]["attributes"]["beliefloop.applied"] == "length=concise"
    assert children["render"]["attributes"]["beliefloop.injected_tokens"] > 0
    order = ["identify", "load self-model", "render", "chat gpt-test", "record"]
    starts = [children[name]["start"] for name in order]
    assert starts == sorted(starts)
    assert root["start"] <= starts[0] and max(c["end"] for c in children.values()) <= root["end"]
    # the admin call is its own trace, named by its route template
    (admin,) = collector.named("PUT /admin/users/{user_id}/beliefs/{dimension}")
    assert admin["attributes"]["http.response.status_code"] == 200
    assert collector.resources[0]["service.name"] == "beliefloop-test"


@respx.mock
async def test_a_stream_span_lasts_until_the_last_byte_and_carries_its_usage(collector, config, respx_mock):
    usage = b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-test","choices":[],' \
            b'"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}\n\n'
    events = sse_chunks(["a ", "b"])
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(
        200, headers={"content-type": "text/event-stream"},
        stream=httpx.ByteStream(b"".join(events[:-1]) + usage + events[-1])))
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        stream = await sdk(proxy).chat.completions.create(
            model="gpt-test", messages=[{"role": "user", "content": "hi"}], stream=True,
            stream_options={"include_usage": True})
        [chunk async for chunk in stream]
    (upstream,) = collector.named("chat gpt-test")
    assert upstream["attributes"]["gen_ai.usage.input_tokens"] == 5
    assert upstream["attributes"]["gen_ai.usage.output_tokens"] == 2
    (root,) = collector.named("POST /v1/chat/completions")
    assert upstream["end"] <= root["end"]


@respx.mock
async def test_an_upstream_failure_marks_the_spans_and_an_incoming_trace_is_continued(collector, config, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=httpx.ConnectError("refused"))
    config["upstream"]["retries"] = 0
    app = create_app(settings_from_dict(config), watch=False)
    trace_id, parent_id = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    async with running(app) as proxy:
        response = await proxy.post("/v1/chat/completions", headers={
            "traceparent": f"00-{trace_id}-{parent_id}-01"},
            json={"model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]})
        assert response.status_code == 502
    (root,) = collector.named("POST /v1/chat/completions")
    assert root["trace_id"] == trace_id and root["parent"] == parent_id
    assert root["attributes"]["http.response.status_code"] == 502
    assert root["attributes"]["error.type"] == "upstream_unavailable" and root["status"] == 2  # ERROR
    (upstream,) = collector.named("chat gpt-test")
    assert upstream["attributes"]["error.type"] == "upstream_unavailable" and upstream["status"] == 2


def test_without_the_variables_tracing_is_off_and_the_sdk_never_loads(tmp_path):
    script = f"""
import sys
from tests.conftest import base_config
from pathlib import Path
from proxy import create_app, settings_from_dict
app = create_app(settings_from_dict(base_config(Path({str(tmp_path)!r}))), watch=False)
assert app.state.telemetry.tracing is None
assert not [m for m in sys.modules if m.startswith("opentelemetry.sdk")], "the SDK was imported"
print("off")
"""
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("OTEL_")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.strip() == "off", result.stderr


def test_the_standard_switches_turn_tracing_off():
    from proxy.tracing import wanted

    endpoint = {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"}
    assert wanted(endpoint)
    assert wanted({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/v1/traces"})
    assert not wanted({})
    assert not wanted({**endpoint, "OTEL_SDK_DISABLED": "true"})
    assert not wanted({**endpoint, "OTEL_TRACES_EXPORTER": "none"})
