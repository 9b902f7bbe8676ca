"""``python -m bench.flywheel [--quick]`` from the repository root. See README.md beside this file."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from .benchmark import BenchConfig, run_benchmark
from .personas import PERSONA_BY_NAME
from .report import RESULTS_DIR, plot, table, write_json


def _override(pairs: list[str]) -> dict[str, Any]:
    """``learning.scale=1.2`` -> ``{"learning": {"scale": 1.2}}`` (values parsed as YAML)."""
    merged: dict[str, Any] = {}
    for pair in pairs:
        path, sep, raw = pair.partition("=")
        if not sep:
            raise SystemExit(f"--set needs key.path=value, got {pair!r}")
        node = merged
        *parents, leaf = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = yaml.safe_load(raw)
    return merged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.flywheel", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="4 personas x 1 seed x 12 interactions (the regression test's setup)")
    parser.add_argument("--seeds", type=int, help="number of seeds (1..N)")
    parser.add_argument("--interactions", type=int, help="interactions per simulated user")
    parser.add_argument("--personas", help="comma-separated persona names")
    parser.add_argument("--noise", type=float, help="headline noise rate (default 0.10)")
    parser.add_argument("--noise-levels", help="comma-separated robustness noise levels (default 0,0.1,0.2,0.3)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY.PATH=VALUE",
                        help="override config.yaml for an experiment, e.g. learning.scale=1.2")
    parser.add_argument("--out", type=Path, default=None,
                        help="results directory (default bench/flywheel/results)")
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--phrasing", choices=("heldout", "dev", "table"), default="heldout",
                        help="the users' words: the interpretation corpus's held-out test split (default), "
                             "its dev split (in-sample), or the old in-vocabulary phrase table")
    args = parser.parse_args(argv)

    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    logging.basicConfig(level=logging.WARNING)
    cfg = BenchConfig.quick() if args.quick else BenchConfig()
    changes: dict[str, Any] = {}
    if args.seeds:
        changes["seeds"] = tuple(range(1, args.seeds + 1))
    if args.interactions:
        changes["interactions"] = args.interactions
    if args.personas:
        names = tuple(n.strip() for n in args.personas.split(",") if n.strip())
        unknown = [n for n in names if n not in PERSONA_BY_NAME]
        if unknown:
            raise SystemExit(f"unknown personas {unknown}; known: {', '.join(PERSONA_BY_NAME)}")
        changes["personas"] = names
    if args.noise is not None:
        changes["headline_noise"] = args.noise
    if args.noise_levels:
        changes["noise_levels"] = tuple(float(x) for x in args.noise_levels.split(","))
    if args.set:
        changes["overrides"] = _override(args.set)
    if args.phrasing != "heldout":
        changes["phrasing"] = args.phrasing
    if changes:
        cfg = BenchConfig(**{**cfg.__dict__, **changes})

    results = asyncio.run(run_benchmark(cfg))
    print(table(results))
    out = args.out or RESULTS_DIR
    write_json(results, out / "latest.json")
    if not args.no_plot:
        plot(results, out / "flywheel.png")
    print(f"\nwrote {out / 'latest.json'}" + ("" if args.no_plot else f" and {out / 'flywheel.png'}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
