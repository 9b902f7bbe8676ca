"""What learning costs inside a request, and how fast it acts.

1. In-request signal extraction: ``SelfModelService.prepare`` for a cached user whose request
   carries (a) no signal, (b) an edited reply (shortened), (c) an edited reply that was also
   translated (language detection runs), (d) a follow-up ("shorter please"). Each timed request
   answers a fresh stored response, so every iteration really reads its signal. Printed as
   p50/p99 in ms, and as a ratio to (a), measured in the same run.
2. Interactions to the concise directive: a user who shortens every reply, through the official
   ``openai`` SDK against the in-process app (fake upstream); prints the request number at which
   ``x-beliefloop-applied`` first names ``length=concise``.

Run: ``python -m bench.signals [--iterations 2000]`` from the repository root.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

import httpx
import openai
import yaml

from beliefs.learning.conversation import prefix_hashes, text_hash
from beliefs.records import Identity, ResponseRecord
from proxy import create_app, settings_from_dict

ROOT = Path(__file__).resolve().parents[2]
TENANT, USER = "default", "bench-signals"
LONG = ("Great question! 😊 Caching keeps the result of an expensive computation close to where it is "
        "needed, so the next request for the same data is answered without repeating the work. The hard "
        "parts are deciding what to keep, how long to keep it, and how to notice when the data changed.\n\n"
        "- time-based expiry\n- explicit invalidation on write\n- versioned keys\n\n"
        "In simple terms, a cache is a small, fast memory in front of a slow one. Measure the hit rate "
        "before and after, because a cache that rarely hits only adds latency and memory.")
SHORT = "Caching keeps expensive results close by; expire, invalidate on write or version keys."
GERMAN = ("Caching hält das Ergebnis einer teuren Berechnung dort bereit, wo es gebraucht wird, damit die "
          "nächste Anfrage ohne Wiederholung beantwortet wird. Schwierig ist, was man behält und wie lange.")


def config(tmp: str) -> dict:
    data = yaml.safe_load((ROOT / "config.yaml").read_text())
    data["database_url"] = f"sqlite:///{tmp}/signals.db"
    data["storage"] = {"spool_dir": f"{tmp}/spool"}
    data["upstream"] = {"base_url": "http://upstream.invalid/v1", "client": "httpx"}
    data["admin_key"] = "bench"
    return data


def pct(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50_ms": round(at(0.5) * 1e3, 4), "p99_ms": round(at(0.99) * 1e3, 4), "n": len(ordered)}


async def extraction_cost(iterations: int) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(settings_from_dict(config(tmp), environ={}), watch=False)
        async with app.router.lifespan_context(app):
            service = app.state.runtime.service
            who = Identity(TENANT, USER)
            await service.prepare(who, [{"role": "user", "content": "warm up"}])
            from beliefs.learning.language import detect_language

            detect_language(GERMAN)  # build the detector outside the timing, as the server does at start
            results: dict[str, list[float]] = {"no signal": [], "edit (shortened)": [],
                                               "edit (translated)": [], "follow-up": []}
            for i in range(iterations):
                question = {"role": "user", "content": f"What is caching, case {i}?"}
                record = ResponseRecord(f"r{i}", TENANT, USER, "*", prefix_hashes([question])[-1], "m",
                                        service.clock(), text=LONG, text_hash=text_hash(LONG))
                kind = list(results)[i % 4]
                service.record_response(record)
                if kind == "no signal":
                    messages = [{"role": "user", "content": f"A new question {i}"}]
                else:
                    reply = {"edit (shortened)": SHORT, "edit (translated)": GERMAN, "follow-up": LONG}[kind]
                    follow = "shorter please" if kind == "follow-up" else "and then?"
                    messages = [question, {"role": "assistant", "content": reply},
                                {"role": "user", "content": follow}]
                started = time.perf_counter()
                prepared = await service.prepare(who, messages)
                results[kind].append(time.perf_counter() - started)
                if kind != "no signal" and not prepared.observations:
                    raise RuntimeError(f"{kind}: no signal read; the benchmark would measure nothing")
                if i % 200 == 199:
                    await service.flush()
                    await app.state.runtime.rights.delete_user(who)  # keep the stored model small and steady
            return {kind: pct(samples[len(samples) // 10:]) for kind, samples in results.items()}


async def interactions_to_concise(max_turns: int = 10) -> int | None:
    def upstream(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        return httpx.Response(200, json={"id": f"c{len(body['messages'])}", "object": "chat.completion",
                                         "created": 1, "model": "m", "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": LONG}}]})

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(settings_from_dict(config(tmp), environ={}), transport=httpx.MockTransport(upstream),
                         watch=False)
        async with app.router.lifespan_context(app):
            http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench")
            client = openai.AsyncOpenAI(base_url="http://bench/v1", api_key="x", http_client=http)
            messages = [{"role": "user", "content": "What is caching?"}]
            for turn in range(1, max_turns + 1):
                raw = await client.chat.completions.with_raw_response.create(model="m", user="shortener",
                                                                             messages=messages)
                if "length=concise" in raw.headers["x-beliefloop-applied"]:
                    return turn
                messages = messages + [{"role": "assistant", "content": f"{SHORT} ({turn})"},
                                       {"role": "user", "content": f"And question {turn}?"}]
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2000)
    args = parser.parse_args()
    costs = asyncio.run(extraction_cost(args.iterations))
    turn = asyncio.run(interactions_to_concise())
    base = costs["no signal"]["p50_ms"]
    print(f"In-request signal extraction (SelfModelService.prepare, cached user), {args.iterations} requests")
    print(f"{'request carries':<20} {'p50 ms':>8} {'p99 ms':>8} {'p50 / no signal':>16}")
    for kind, figures in costs.items():
        print(f"{kind:<20} {figures['p50_ms']:>8.3f} {figures['p99_ms']:>8.3f} {figures['p50_ms'] / base:>15.1f}x")
    print(f"\nA user who shortens every reply gets the concise directive on request {turn} "
          f"(after {turn - 1 if turn else '-'} edits).")
    out = ROOT / "bench" / "signals" / "results.json"
    out.write_text(json.dumps({"extraction": costs, "concise_on_request": turn}, indent=2))


if __name__ == "__main__":
    main()
