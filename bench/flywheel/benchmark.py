"""The flywheel benchmark: run every condition, score it, and check the targets.

A condition is (seed, noise level, personalised or baseline). Each gets a fresh beliefloop on a
fresh SQLite file and runs every persona on it. The headline figures come from the personalised
runs at ``headline_noise``; robustness repeats them at each of ``noise_levels``; the baseline
sends the same simulated users' requests without a user id (no personalisation at all).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any, Mapping, Sequence

from . import metrics
from .personas import PERSONA_BY_NAME, PERSONAS, QUICK_PERSONAS, Persona
from .phrasing import Phrasebook, Phrasing
from .runner import base_config, run_condition
from .trace import Run
from .user import Rates


@dataclass(frozen=True)
class BenchConfig:
    personas: tuple[str, ...] = tuple(p.name for p in PERSONAS)
    seeds: tuple[int, ...] = (1, 2, 3)
    interactions: int = 20
    headline_noise: float = 0.10
    noise_levels: tuple[float, ...] = (0.0, 0.10, 0.20, 0.30)
    rates: Rates = Rates()
    overrides: Mapping[str, Any] = field(default_factory=dict)
    """Merged into config.yaml (e.g. ``{"learning": {"prior": 1.5}}``) for experiments."""
    phrasing: Phrasing = "heldout"
    """Where the users' words come from (see :mod:`.phrasing`): held-out by default."""

    @classmethod
    def quick(cls, **changes: Any) -> "BenchConfig":
        """4 personas x 1 seed x 12 interactions: the regression test's configuration."""
        base = dict(personas=QUICK_PERSONAS, seeds=(1,), interactions=12,
                    noise_levels=(0.10, 0.20))
        return cls(**{**base, **changes})


#: (name, how it is measured, comparison, goal). Checked by :func:`targets`.
TARGETS = (
    ("f1_by_5", "macro F1 at interaction 5", ">=", 0.85),
    ("ece", "expected calibration error of leading beliefs", "<=", 0.05),
    ("noise_20_wrong", "runs at 20% noise with a wrong belief applied (conf >= threshold)", "<=", 1),
    ("drift_lead", "mean interactions from flip until the new value leads (never = horizon + 1)", "<=", 5),
    ("nopref_share", "share of replies with a directive on a no-preference dimension", "<", 0.02),
    ("alignment_ratio", "alignment at interaction 10, personalised / baseline", ">=", 6.0),
)


async def collect(cfg: BenchConfig) -> dict[str, list[Run]]:
    """Run every condition; keys are "noise=<x>" (personalised) and "baseline"."""
    config = base_config(cfg.overrides)
    book = Phrasebook.load(cfg.phrasing)
    personas: Sequence[Persona] = [PERSONA_BY_NAME[name] for name in cfg.personas]
    levels = sorted(set(cfg.noise_levels) | {cfg.headline_noise})
    runs: dict[str, list[Run]] = {}
    for noise in levels:
        runs[f"noise={noise:.2f}"] = [
            run for seed in cfg.seeds
            for run in await run_condition(config, personas, seed=seed, noise=noise,
                                           n=cfg.interactions, rates=cfg.rates, personalised=True,
                                           phrasebook=book)
        ]
    runs["baseline"] = [
        run for seed in cfg.seeds
        for run in await run_condition(config, personas, seed=seed, noise=cfg.headline_noise,
                                       n=cfg.interactions, rates=cfg.rates, personalised=False,
                                       phrasebook=book)
    ]
    return runs


def acting_threshold(config: Mapping[str, Any]) -> float:
    """The least confidence at which any rule shapes a reply (in tentative or firm wording): a
    belief at or above it is *applied* for every metric."""
    from proxy import settings_from_dict

    rules = settings_from_dict(dict(config)).compiled_rules()
    lowest = min((r.lowest_confidence for r in rules), default=None)
    return lowest if lowest is not None else float(config.get("learning", {}).get("apply_threshold", 0.92))


def _at(curve: Sequence[float | None], interaction: int) -> float | None:
    return curve[interaction - 1] if 0 < interaction <= len(curve) else None


def score(cfg: BenchConfig, runs: Mapping[str, list[Run]], seconds: float) -> dict[str, Any]:
    config = base_config(cfg.overrides)
    threshold = acting_threshold(config)
    head = runs[f"noise={cfg.headline_noise:.2f}"]
    n = cfg.interactions
    curves = metrics.recovery_curves(head, threshold)
    alignment = metrics.alignment_curve(head)
    baseline = metrics.alignment_curve(runs["baseline"])
    nopref = metrics.nopref_directives(head)
    checkpoints = sorted({i for i in (1, 2, 3, 5, 8, 10, 15, n) if i <= n})

    robustness = {}
    for key, level_runs in runs.items():
        if key == "baseline":
            continue
        f1 = metrics.recovery_curves(level_runs, threshold)["f1"]
        robustness[key] = {**metrics.robustness(level_runs, threshold),
                           "f1": {i: _at(f1, i) for i in (5, 10, n) if i <= n}}

    per_persona = {}
    for name in cfg.personas:
        mine = [r for r in head if r.persona == name]
        f1 = metrics.recovery_curves(mine, threshold)["f1"]
        align = metrics.alignment_curve(mine)
        per_persona[name] = {
            "f1": {i: _at(f1, i) for i in (5, 10, n) if i <= n},
            "alignment_last_half": metrics.mean(a for a in align[n // 2:] if a is not None) if align else None,
            "wrong": metrics.robustness(mine, threshold)["wrong_by_belief"],
            "nopref": metrics.nopref_directives(mine)["by_belief"],
        }

    at10 = _at(alignment, min(10, n))
    base10 = _at(baseline, min(10, n))
    results: dict[str, Any] = {
        "meta": {
            "personas": list(cfg.personas), "seeds": list(cfg.seeds), "interactions": n,
            "headline_noise": cfg.headline_noise, "noise_levels": sorted(set(cfg.noise_levels)),
            "rates": asdict(cfg.rates), "overrides": dict(cfg.overrides), "phrasing": cfg.phrasing,
            "apply_threshold": threshold,
            "firm_threshold": float(config.get("learning", {}).get("apply_threshold", 0.92)),
            "learning": config.get("learning", {}),
            "seconds": round(seconds, 1),
        },
        "curves": {"interaction": list(range(1, n + 1)), **curves, "alignment": alignment,
                   "baseline_alignment": baseline, "nopref_share": nopref["curve"]},
        "checkpoints": checkpoints,
        "calibration": metrics.calibration(head, threshold),
        "cold_start": metrics.cold_start(head, threshold),
        "robustness": robustness,
        "drift": metrics.drift(head, threshold),
        "nopref": {k: v for k, v in nopref.items() if k != "curve"},
        "alignment": {
            "at_10": at10, "baseline_at_10": base10,
            "ratio_at_10": at10 / base10 if at10 is not None and base10 else None,
            "mean_second_half": metrics.mean(a for a in alignment[n // 2:] if a is not None),
            "baseline_mean_second_half": metrics.mean(a for a in baseline[n // 2:] if a is not None),
        },
        "recall_by_dimension": metrics.recall_by_dimension(head, threshold, [i for i in (5, 10, n) if i <= n]),
        "per_persona": per_persona,
        "signal_audit": metrics.signal_audit(head),
        "user_actions": metrics.user_actions(head),
    }
    results["targets"] = targets(results, cfg)
    return results


def targets(results: Mapping[str, Any], cfg: BenchConfig) -> list[dict[str, Any]]:
    noise_20 = results["robustness"].get("noise=0.20")
    values = {
        "f1_by_5": _at(results["curves"]["f1"], 5),
        "ece": results["calibration"]["ece"],
        "noise_20_wrong": noise_20["runs_with_wrong_belief"] if noise_20 else None,
        "drift_lead": results["drift"]["mean_censored"],
        "nopref_share": results["nopref"]["share"],
        "alignment_ratio": results["alignment"]["ratio_at_10"],
    }
    checks = {">=": lambda v, g: v >= g, "<=": lambda v, g: v <= g, "<": lambda v, g: v < g,
              "==": lambda v, g: v == g}
    return [
        {"name": name, "measure": what, "value": values[name], "goal": f"{op} {goal}",
         "pass": None if values[name] is None else bool(checks[op](values[name], goal))}
        for name, what, op, goal in TARGETS
    ]


async def run_benchmark(cfg: BenchConfig) -> dict[str, Any]:
    started = time.perf_counter()
    runs = await collect(cfg)
    return score(cfg, runs, time.perf_counter() - started)


__all__ = ["BenchConfig", "TARGETS", "collect", "run_benchmark", "score", "targets"]
