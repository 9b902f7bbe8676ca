"""In-process microbenchmark of the personalisation step for a cached user with several beliefs.

Times exactly what the hot path adds for a known user, with beliefloop's own functions:
``SelfModelService.prepare`` (cache hit: read signals, fold them in, compute beliefs), the rule
``plan`` (match + render + token budget), ``apply_plan`` (splice the system message) and
``orjson.dumps`` of the new body. The user's cache holds 64 recent responses (the per-user limit),
as it would after a while, because reading signals walks them on every request.

Prints one JSON object: p50/p99/mean in milliseconds for the whole step and for each part.
Run: ``python bench/overhead/micro.py [--iterations N] [--config config.yaml]``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import orjson

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))
# BELIEFLOOP_SOURCE: an exported commit to measure instead of the work tree (run.py --source).
sys.path.insert(0, os.environ.get("BELIEFLOOP_SOURCE") or str(_HERE.parent.parent))

from workload import BELIEF_CONFIDENCE, BELIEFS, Bodies  # noqa: E402

from adapters import apply_plan, plan  # noqa: E402
from beliefs.memory.sql_store import SqlStore  # noqa: E402
from beliefs.records import GLOBAL_CONTEXT as CONTEXT  # noqa: E402
from beliefs.records import Identity, ResponseRecord  # noqa: E402
from proxy.runtime import Runtime  # noqa: E402
from proxy.settings import load_settings  # noqa: E402

TENANT, USER = "default", "micro-user"


def _percentiles(samples_ns: list[int]) -> dict[str, float]:
    ordered = sorted(samples_ns)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1e6  # noqa: E731
    return {"p50_ms": round(pick(0.50), 4), "p99_ms": round(pick(0.99), 4),
            "mean_ms": round(sum(ordered) / len(ordered) / 1e6, 4), "n": len(ordered)}


async def run(iterations: int, config: str | None, body_size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(config, environ={})
        store = SqlStore.from_url(f"sqlite:///{tmp}/micro.db")
        runtime = Runtime.build(settings, store=store)
        service = runtime.service
        who = Identity(TENANT, USER, CONTEXT)
        try:
            for dimension, value in BELIEFS.items():
                await runtime.rights.set_belief(who, dimension, value, BELIEF_CONFIDENCE, False)
            now = service.clock()
            await service.prepare(who, [{"role": "user", "content": "warm"}])
            for i in range(service.learning.recent_limit):  # fill the per-user recent-response cache
                text = f"an earlier answer number {i}"
                service.record_response(ResponseRecord(
                    id=uuid.uuid4().hex, tenant=TENANT, user_id=USER, context=CONTEXT,
                    prefix_hash=uuid.uuid4().hex, model="gpt-bench", created_at=now - 60 + i, text=text,
                    text_hash=uuid.uuid4().hex))
            await service.flush()

            bodies = Bodies()
            templates = [orjson.loads(bodies.body(body_size, f"micro-{i}", user=USER)) for i in range(64)]
            total, t_prepare, t_plan, t_inject = [], [], [], []
            applied = ""
            clock = time.perf_counter_ns
            for i in range(iterations + 500):  # the first 500 are warm-up
                body = dict(templates[i % len(templates)])
                t0 = clock()
                prepared = await service.prepare(who, body["messages"])
                t1 = clock()
                applied_plan = plan(runtime.rules, prepared.beliefs, CONTEXT, runtime.policy)
                t2 = clock()
                apply_plan(body, applied_plan, runtime.policy)
                raw = orjson.dumps(body)
                t3 = clock()
                if i >= 500:
                    total.append(t3 - t0)
                    t_prepare.append(t1 - t0)
                    t_plan.append(t2 - t1)
                    t_inject.append(t3 - t2)
                applied = applied_plan.applied_header()
            if not applied:
                raise RuntimeError("no rule applied: the microbenchmark would measure nothing")
            return {
                "iterations": iterations, "body_bytes": len(raw), "applied": applied,
                "directives": len(applied_plan.directives),
                "total": _percentiles(total), "prepare": _percentiles(t_prepare),
                "plan": _percentiles(t_plan), "apply_and_dumps": _percentiles(t_inject),
                "gc_enabled": gc.isenabled(),
            }
        finally:
            await runtime.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description="belief load + rule match + render + inject, in-process")
    parser.add_argument("--iterations", type=int, default=20_000)
    parser.add_argument("--config", default=str(_HERE.parent.parent / "config.yaml"))
    parser.add_argument("--body-bytes", type=int, default=1024)
    args = parser.parse_args()
    os.environ.pop("BELIEFLOOP_DATABASE_URL", None)
    try:
        import uvloop
        result = uvloop.run(run(args.iterations, args.config, args.body_bytes))
    except ImportError:
        result = asyncio.run(run(args.iterations, args.config, args.body_bytes))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
