"""What the operations layer costs a request: request ids, metrics, log hooks and (when on) spans.

One process builds three copies of the app on the same code and drives them in turn, request by
request, so that load on the machine, the garbage collector and the write threads hit all three
alike and their ratio is measured within one run:

* ``bare``: the instrumentation stubbed out: no request-context layer, an exchange whose every
  method does nothing (no request counts, no token counts, no log hooks, no spans);
* ``default``: as shipped, tracing off (no ``OTEL_*`` variable set);
* ``traced``: tracing on, spans handed to a discarding exporter (what spans cost the request
  path, without a collector's network time).

Each request goes through the whole ASGI app in-process (the chat route, the upstream client on
an in-memory httpx transport: no sockets) and is timed from the first ASGI call to its last byte.
The belief-store writes that follow a personalised request are switched off in all three (they
are identical, and three write threads competing for the GIL only add noise).
Scenarios: an anonymous pass-through, a personalised request (5 beliefs, 4 directives), and a
personalised stream of 40 SSE events (the per-chunk path).

Run: ``python bench/overhead/instrumentation.py [--iterations N] [--quick]``; prints median and
p90 microseconds per request and the ratios to ``bare``, and writes ``results/instrumentation.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))
sys.path.insert(0, str(_HERE.parent.parent))

import httpx  # noqa: E402
import orjson  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from workload import BELIEF_CONFIDENCE, BELIEFS  # noqa: E402

from beliefs.records import GLOBAL_CONTEXT, Identity  # noqa: E402
from proxy import create_app  # noqa: E402
from proxy.settings import load_settings  # noqa: E402
from proxy.telemetry import Exchange, Telemetry  # noqa: E402

SCENARIOS = ("anonymous", "personalised", "stream")
VARIANTS = ("bare", "default", "traced")
USER = "bench-user"
WARMUP = 300


class _Inert(Exchange):
    """An exchange that reports nothing (the ``bare`` variant)."""

    def requested(self, tenant: str, model: str, stream: bool) -> None: ...
    def observed(self, observations: Any) -> None: ...
    def planned(self, plan: Any, policy: Any) -> None: ...
    def headers(self, upstream: Any = None) -> dict[str, str]: return {}
    def answered(self, *args: Any) -> None: ...
    def finished(self, usage: Any) -> None: ...


class _InertTelemetry(Telemetry):
    def exchange(self, route: str) -> Exchange:
        return _Inert(self, route)


def _upstream() -> httpx.MockTransport:
    reply = orjson.dumps({"id": "chatcmpl-b", "object": "chat.completion", "created": 1, "model": "gpt-bench",
                          "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok " * 40},
                                       "finish_reason": "stop"}],
                          "usage": {"prompt_tokens": 30, "completion_tokens": 40, "total_tokens": 70}})
    stream = b"".join([b"data: " + orjson.dumps({
        "id": "chatcmpl-b", "object": "chat.completion.chunk", "created": 1, "model": "gpt-bench",
        "choices": [{"index": 0, "delta": {"content": "ok "}, "finish_reason": None}]}) + b"\n\n"
        for _ in range(40)] + [b"data: [DONE]\n\n"])

    def answer(request: httpx.Request) -> httpx.Response:
        if b'"stream":true' in request.content:
            # 40 events, each its own chunk, as a model streams them
            chunks = [stream[i:i + len(stream) // 41] for i in range(0, len(stream), len(stream) // 41)]
            return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=httpx.ByteStream(b"")
                                  if not chunks else _Chunks(chunks))
        return httpx.Response(200, content=reply, headers={"content-type": "application/json"})

    return httpx.MockTransport(answer)


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks

    async def __aiter__(self):
        for chunk in self.chunks:
            yield chunk


def _build(variant: str, directory: str) -> FastAPI:
    import proxy.tracing as tracing

    settings = load_settings(str(_HERE.parent.parent / "config.yaml"), environ={})
    settings = settings.model_copy(update={
        "database_url": f"sqlite:///{directory}/{variant}.db",
        "storage": settings.storage.model_copy(update={"spool_dir": f"{directory}/spool-{variant}"}),
        "upstream": settings.upstream.model_copy(update={"base_url": "http://upstream.bench/v1", "client": "httpx",
                                                         "retries": 0})})
    environ = {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://discarded"} if variant == "traced" else {}
    original = tracing.from_environ
    if variant == "traced":
        from opentelemetry.sdk.trace.export import SpanExporter, SpanExportResult

        class Discard(SpanExporter):
            def export(self, spans: Any) -> SpanExportResult:
                return SpanExportResult.SUCCESS

        tracing.from_environ = lambda env, version: tracing.Tracing.build(version, exporter=Discard())
    try:
        app = create_app(settings, transport=_upstream(), watch=False, environ=environ)
    finally:
        tracing.from_environ = original
    if variant == "bare":
        app.state.telemetry = _InertTelemetry(app.state.metrics)
        app.build_middleware_stack = FastAPI.build_middleware_stack.__get__(app)  # no request-context layer
    return app


async def _call(app: FastAPI, body: bytes) -> tuple[int, str]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/v1/chat/completions", "raw_path": b"/v1/chat/completions",
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80),
             "headers": [(b"host", b"bench"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode())], "state": {}}
    delivered = False
    done = asyncio.Event()

    async def receive() -> dict:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    status, applied = 0, ""

    async def send(message: dict) -> None:
        nonlocal status, applied
        if message["type"] == "http.response.start":
            status = message["status"]
            applied = dict(message["headers"]).get(b"x-beliefloop-applied", b"").decode()
        elif not message.get("more_body"):
            done.set()

    await app(scope, receive, send)
    return status, applied


async def measure(iterations: int) -> dict[str, dict[str, dict[str, float]]]:
    results: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as directory:
        async with contextlib.AsyncExitStack() as stack:
            apps = {variant: _build(variant, directory) for variant in VARIANTS}
            for app in apps.values():
                await stack.enter_async_context(app.router.lifespan_context(app))
                who = Identity("default", USER, GLOBAL_CONTEXT)
                for dimension, value in BELIEFS.items():
                    await app.state.runtime.rights.set_belief(who, dimension, value, BELIEF_CONFIDENCE, False)
                await app.state.runtime.service.flush()
                # The database writes after each request are the same in all three and are not what
                # is measured; three write threads competing for the GIL would only add noise.
                app.state.runtime.service.writer.write = lambda *args: None
            for scenario in SCENARIOS:
                samples: dict[str, list[int]] = {variant: [] for variant in VARIANTS}
                for i in range(iterations + WARMUP):
                    body = {"model": "gpt-bench", "messages": [{"role": "user", "content": f"q{i} how?"}]}
                    if scenario != "anonymous":
                        body["user"] = USER
                    if scenario == "stream":
                        body["stream"] = True
                    raw = orjson.dumps(body)
                    order = VARIANTS if i % 2 == 0 else VARIANTS[::-1]  # neither goes first every time
                    for variant in order:
                        started = time.perf_counter_ns()
                        status, applied = await _call(apps[variant], raw)
                        elapsed = time.perf_counter_ns() - started
                        if status != 200 or (scenario != "anonymous" and not applied):
                            raise RuntimeError(f"{variant}: unexpected reply {status} {applied!r}")
                        if i >= WARMUP:
                            samples[variant].append(elapsed)
                results[scenario] = {}
                for variant, values in samples.items():
                    values.sort()
                    results[scenario][variant] = {"median_us": statistics.median(values) / 1000,
                                                  "p90_us": values[int(0.9 * len(values))] / 1000}
                print(f"{scenario}: done", file=sys.stderr)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=5000, help="timed requests per variant and scenario")
    parser.add_argument("--quick", action="store_true", help="500 requests: checks that it runs")
    args = parser.parse_args()
    if args.quick:
        args.iterations = 500
    for name in [name for name in os.environ if name.startswith(("OTEL_", "BELIEFLOOP_"))]:
        del os.environ[name]
    logging.disable(logging.WARNING)  # the development-mode banner, three times
    results = asyncio.run(measure(args.iterations))
    print(f"\nµs per request, in process ({args.iterations} interleaved requests per variant)")
    print(f"{'scenario':<14}{'variant':<9}{'median':>9}{'p90':>9}{'median ÷ bare':>15}")
    for scenario, by_variant in results.items():
        bare = by_variant["bare"]["median_us"]
        for variant, row in by_variant.items():
            print(f"{scenario:<14}{variant:<9}{row['median_us']:>9.1f}{row['p90_us']:>9.1f}"
                  f"{row['median_us'] / bare:>15.3f}")
    out = _HERE / "results" / ("quick.instrumentation.json" if args.quick else "instrumentation.json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"iterations": args.iterations, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
