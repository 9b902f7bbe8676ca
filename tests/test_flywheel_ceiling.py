"""``python -m bench.flywheel.ceiling`` on a tiny configuration: it runs, its oracles are ordered
as their definitions require, and its never-acting oracle replays the benchmark's baseline users
step for step (so the in-the-loop oracles run the same simulated users as the benchmark)."""

from __future__ import annotations

import asyncio
import json

from bench.flywheel import BenchConfig
from bench.flywheel.ceiling import ORACLES, in_loop, main
from bench.flywheel.personas import PERSONA_BY_NAME
from bench.flywheel.phrasing import Phrasebook
from bench.flywheel.runner import base_config, run_condition

TINY = ("german-reader", "work-vs-learning")


def test_ceiling_runs_on_a_tiny_config(tmp_path, capsys):
    assert main(["--personas", ",".join(TINY), "--seeds", "1", "--interactions", "6",
                 "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "ceiling.json").read_text())
    assert "F1@5" in (tmp_path / "ceiling.txt").read_text()
    f1 = results["f1"]
    for k in ("3", "5"):
        at = {name: f1[name][k]["f1"] for name in f1}
        assert at["any1+blame"] >= at["any1"] >= at["any2"]
        assert at["any1"] >= at["read1"] >= at["read2"]
        assert at["any1"] >= at["ctx1"] and at["any2"] >= at["ctx2"]
        # an oracle applies only true values
        assert all(f1[name][k]["precision"] == 1.0 for name in ORACLES)
    assert results["in_loop"]["loop1"]["f1"]["5"] >= results["in_loop"]["loop2"]["f1"]["5"]


def test_the_oracle_that_never_acts_replays_the_baseline():
    cfg = BenchConfig.quick(personas=TINY, interactions=8)
    book = Phrasebook.load(cfg.phrasing)

    async def both():
        never = await in_loop(cfg, book, need=cfg.interactions + 1)
        baseline = await run_condition(base_config(), [PERSONA_BY_NAME[p] for p in TINY], seed=1,
                                       noise=cfg.headline_noise, n=cfg.interactions, rates=cfg.rates,
                                       personalised=False, phrasebook=book)
        return never, baseline

    never, baseline = asyncio.run(both())
    by_persona = {r.persona: r for r in baseline}
    for run in never:
        other = by_persona[run.persona]
        assert [(s.action, s.intended, s.unmet, s.topic, s.context) for s in run.steps] == \
            [(s.action, s.intended, s.unmet, s.topic, s.context) for s in other.steps]
