"""In-request cost per message, with ``str.casefold`` on the same messages as a trivial baseline.

Every message is read once to warm caches; then each round times every message once with
``perf_counter_ns``, interleaving engine and baseline so both see the same machine state.
On a shared machine a read can be preempted, which inflates p99 far beyond the work done, so
the best of the rounds for each message is reported as well (``best_*``, the steady-state cost).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any


def measure(call: Callable[[str], object], texts: list[str], rounds: int = 5) -> dict[str, Any]:
    for text in texts:
        call(text)
    engine: list[int] = []
    baseline: list[int] = []
    clock = time.perf_counter_ns
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a collection landing inside one timing would be noise, not cost
    try:
        for _ in range(rounds):
            for text in texts:
                start = clock()
                call(text)
                middle = clock()
                text.casefold()
                end = clock()
                engine.append(middle - start)
                baseline.append(end - middle)
    finally:
        if gc_was_enabled:
            gc.enable()
    p50, p99 = _percentile(engine, 0.5), _percentile(engine, 0.99)
    b50, b99 = _percentile(baseline, 0.5), _percentile(baseline, 0.99)
    best = [min(engine[i::len(texts)]) for i in range(len(texts))]
    return {
        "samples": len(engine),
        "p50_ms": round(p50 / 1e6, 4),
        "p99_ms": round(p99 / 1e6, 4),
        "casefold_p50_ms": round(b50 / 1e6, 5),
        "casefold_p99_ms": round(b99 / 1e6, 5),
        "ratio_p50": round(p50 / b50, 1) if b50 else None,
        "ratio_p99": round(p99 / b99, 1) if b99 else None,
        "best_p50_ms": round(_percentile(best, 0.5) / 1e6, 4),
        "best_p99_ms": round(_percentile(best, 0.99) / 1e6, 4),
    }


def _percentile(samples: list[int], q: float) -> float:
    ordered = sorted(samples)
    return float(ordered[min(len(ordered) - 1, int(q * len(ordered)))])
