"""``python -m bench.interpret.hot_path``: what configuring the LLM engine costs a request.

With ``interpreter.model`` set, a request reads each message through a
:class:`~beliefs.memory.refinery.Refinery` instead of the offline engine directly: a text hash,
a cache lookup, the offline reading, and for a text it maps to nothing, a place in the queue. The
LLM call itself runs in a background task and is not part of any request. This times the three
calls on the same messages (dev and dev2), interleaved with ``str.casefold`` as in ``cost.py``:

- ``offline``: the offline engine alone (interpretation without an LLM engine);
- ``refinery_first_read``: a text read for the first time (offline reading, queued when unmapped);
  the queue is emptied before each read so every read takes the queuing path;
- ``refinery_settled``: every later read of the same texts: a cache hit for the texts that were
  sent to the LLM, the offline reading (final) for the others;
- ``refinery_cache_hit``: the cache hit alone, on the texts that were sent.

Writes ``results/hot_path.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
from pathlib import Path

from beliefs.learning.interpret import OfflineInterpreter, Reading
from beliefs.memory.refinery import Refinery

from .corpus import load
from .cost import measure

RESULTS = Path(__file__).resolve().parent / "results" / "hot_path.json"
_ROWS = ("offline", "refinery_first_read", "refinery_settled", "refinery_cache_hit")


async def _never(texts: list[str]) -> list[Reading | None]:
    raise AssertionError("no call is made on the hot path")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.interpret.hot_path", description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [line.text for split in ("dev", "dev2") for line in load(split)]
    offline = OfflineInterpreter()
    first = Refinery(OfflineInterpreter(), _never, max_pending=10**6)
    cached = Refinery(OfflineInterpreter(), _never, cache_size=10**6)
    for text in texts:
        reading, key = cached.reading(text)
        if key is not None:
            cached._pending.clear()
            cached._remember(key, reading)

    def first_read(text: str) -> Reading:
        first._pending.clear()  # so that each read queues again, as a new text would
        return first.read(text)

    unmapped = [text for text in texts if not offline.read(text).evidence]
    results = {"python": platform.python_version(), "messages": len(texts),
               "unmapped_share": round(len(unmapped) / len(texts), 3),
               "offline": measure(offline.read, texts, args.rounds),
               "refinery_first_read": measure(first_read, texts, args.rounds),
               "refinery_settled": measure(cached.read, texts, args.rounds),
               "refinery_cache_hit": measure(cached.read, unmapped, args.rounds)}
    base = results["offline"]["best_p50_ms"]
    for name in _ROWS[1:]:
        results[name]["best_p50_vs_offline"] = round(results[name]["best_p50_ms"] / base, 2)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"{len(texts)} messages, {results['unmapped_share']:.0%} mapped to nothing (queued for the LLM)")
    print("| read | p50 ms | p99 ms | best p50 ms | best p99 ms | best p50 ÷ offline |")
    print("|---|---|---|---|---|---|")
    for name in _ROWS:
        r = results[name]
        ratio = r.get("best_p50_vs_offline", 1.0)
        print(f"| {name} | {r['p50_ms']} | {r['p99_ms']} | {r['best_p50_ms']} | {r['best_p99_ms']} | {ratio}× |")


if __name__ == "__main__":
    main()
