"""``python -m bench.flywheel.twosignal``: why beliefloop misses what two read signals reveal.

Runs the benchmark's headline condition (as :mod:`.ceiling` does) and, at interactions 5 and 10,
lists every target (persona, seed, context, dimension=value) that the ``read2`` oracle applies
(two correct, non-noisy explicit signals the interpreter read, from any context) but beliefloop
does not (no belief in effect for that value at or above the acting threshold). For each miss it
records the evidence beliefloop had recorded by then on that dimension (observations up to that
interaction: kind, context, value, weight) and its belief in effect, and gives a primary cause:

* ``wrong-leads``: another value leads in that context (noise, blame or a misreading won);
* ``other-context``: the supporting evidence came (partly) from another context, so it counts at
  ``global_share`` or only through the global base;
* ``weight-zero``: a supporting signal counted nothing (a kept newest regeneration candidate);
* ``redundant``: a supporting correction or comment was discounted as redundant (weight < 0.3);
* ``blame`` / ``contrary``: the support alone would act, but evidence for other values pulls it
  under: only regeneration or bare thumbs-down blame, or an explicit contrary signal (noise, a
  misreading, often weighted 1.5 as a retraction);
* ``margin``: support within 0.05 under what the acting threshold needs (logit(0.85) = 1.735
  before run T2: two object requests at 0.85, 1.70, confidence 0.8455; an edit and a judgement
  at 0.7: the same);
* ``weak``: the support sums well under it (an edit and a trait reading at 0.6: 0.83);
* ``other``: none of these (printed in full with ``-v``).

Bench-side only: nothing here changes what beliefloop does.
"""

from __future__ import annotations

import argparse
import math
import asyncio
import os
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from . import metrics
from .__main__ import _override
from .benchmark import BenchConfig, acting_threshold
from .ceiling import collect, signals
from .fake_llm import DEFAULT_STYLE
from .personas import GLOBAL, PERSONA_BY_NAME
from .runner import base_config

CHECKS = (5, 10)


def misses(runs: list, book: Any, threshold: float, checks=CHECKS) -> list[dict[str, Any]]:
    found = []
    for run in runs:
        persona = PERSONA_BY_NAME[run.persona]
        sigs = signals(run, book)
        for k in checks:
            if k > len(run.steps):
                continue
            step = run.steps[k - 1]
            for context in persona.contexts:
                truth = persona.truth_at(k, run.n, context)
                held = metrics.effective(step.beliefs, context)
                for dimension, value in truth.items():
                    if value == DEFAULT_STYLE[dimension]:
                        continue
                    support = [s for s in sigs if s.visible <= k and not s.noisy
                               and s.wants.get(dimension) == value and (dimension, value) in s.read]
                    if len(support) < 2:
                        continue
                    have = held.get(dimension)
                    if have is not None and have[0] == value and have[1] >= threshold:
                        continue
                    deltas = []
                    for obs in run.observations:
                        if obs["created_at"] > step.at:
                            continue
                        for d in obs["deltas"]:
                            if d["dimension"] == dimension:
                                deltas.append({"kind": obs["kind"], "context": obs["context"],
                                               "value": d["value"], "weight": d["weight"],
                                               "at": obs["created_at"]})
                    own = [b for b in step.beliefs if b["dimension"] == dimension]
                    found.append({"persona": run.persona, "seed": run.seed, "k": k, "context": context,
                                  "dimension": dimension, "value": value, "held": have,
                                  "beliefs": own, "deltas": deltas,
                                  "signals": [(s.kind, s.step, s.context) for s in support],
                                  "cause": cause(context, value, have, deltas, threshold)})
    return found


def cause(context: str, value: str, have: Any, deltas: list[dict[str, Any]], threshold: float) -> str:
    need = math.log(threshold / (1 - threshold))  # net evidence the threshold needs at scale 1
    if have is not None and have[0] != value and have[1] > 0.5:
        return "wrong-leads"
    support = [d for d in deltas if d["value"] == value]
    against = [d for d in deltas if d["value"] != value and d["weight"] > 0]
    here = [d for d in support if d["context"] == context and d["weight"] > 0]
    total = sum(d["weight"] for d in here)
    if len(here) < 2 and len(support) >= 2 and any(d["weight"] > 0 for d in support):
        if any(d["context"] != context for d in support):
            return "other-context"
        return "weight-zero"  # a kept newest regeneration candidate counts 0
    if any(0 < d["weight"] < 0.3 and d["kind"] in ("follow_up", "thumbs") for d in here):
        return "redundant"
    if against:
        blame = all(d["kind"] in ("regeneration", "complaint") or (d["kind"] == "thumbs" and d["weight"] <= 0.1)
                    for d in against)
        if total >= need and blame:
            return "blame"
        if total >= need:
            return "contrary"
    if total < need - 0.05:
        return "weak" if not against else "weak+contrary"
    if total < need:
        return "margin" if not against else "margin+contrary"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.flywheel.twosignal")
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--cache", type=Path, help="pickle the runs here (reused when present)")
    parser.add_argument("-v", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    cfg = BenchConfig()
    if args.set:
        cfg = BenchConfig(**{**cfg.__dict__, "overrides": _override(args.set)})
    if args.cache and args.cache.exists():
        runs, book = pickle.loads(args.cache.read_bytes())
    else:
        runs, book = asyncio.run(collect(cfg))
        if args.cache:
            args.cache.write_bytes(pickle.dumps((runs, book)))
    threshold = acting_threshold(base_config(cfg.overrides))
    found = misses(runs, book, threshold)
    for k in CHECKS:
        at = [m for m in found if m["k"] == k]
        print(f"interaction {k}: {len(at)} targets revealed by two read signals but not applied")
        for name, count in Counter(m["cause"] for m in at).most_common():
            print(f"  {name:<14} {count}")
        print("  by dimension: " + ", ".join(f"{d} {c}" for d, c in Counter(m["dimension"] for m in at).most_common()))
        print("  by persona: " + ", ".join(f"{d} {c}" for d, c in Counter(m["persona"] for m in at).most_common()))
        wrong = Counter()
        for run in runs:
            persona = PERSONA_BY_NAME[run.persona]
            shot = metrics.snapshot(persona, run.steps[k - 1], run.n, threshold)
            for context, dimension, _, _ in shot.wrong:
                drifted = persona.truth_at(1, run.n, context).get(dimension) != \
                    persona.truth_at(k, run.n, context).get(dimension)
                wrong["the old value of a changed preference" if drifted else "other"] += 1
        print(f"  wrong beliefs applied (precision; read2 has none): "
              + (", ".join(f"{n} {c}" for n, c in wrong.items()) or "0"))
    if args.v:
        for m in found:
            print(f"\n{m['persona']} s{m['seed']} k{m['k']} {m['dimension']}={m['value']}@{m['context']} "
                  f"cause={m['cause']} held={m['held']} signals={m['signals']}")
            for b in m["beliefs"]:
                print(f"    belief {b['value']}@{b['context']} conf={b['confidence']:.3f} ev={b['evidence']}")
            for d in m["deltas"]:
                print(f"    delta {d['kind']:<12} {d['context']:<9} {d['value']:<10} {d['weight']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
