"""Present the results: a table on stdout, ``latest.json`` and a PNG of F1 and alignment."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def _f(value: Any, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def table(results: Mapping[str, Any]) -> str:
    meta, curves = results["meta"], results["curves"]
    lines = [
        f"Flywheel benchmark: {len(meta['personas'])} personas x {len(meta['seeds'])} seeds x "
        f"{meta['interactions']} interactions, headline noise {_pct(meta['headline_noise'])}, "
        f"apply threshold {meta['apply_threshold']}, users' words: {meta.get('phrasing', 'table')}, "
        f"{meta['seconds']} s",
        f"learning: {json.dumps(meta['learning'], sort_keys=True)}",
        "",
        "interaction  precision  recall     F1  micro-F1  alignment  baseline  no-pref",
    ]
    for i in results["checkpoints"]:
        k = i - 1
        lines.append(
            f"{i:>11}  {_f(curves['precision'][k]):>9}  {_f(curves['recall'][k]):>6}  "
            f"{_f(curves['f1'][k]):>5}  {_f(curves['micro_f1'][k]):>8}  {_f(curves['alignment'][k]):>9}  "
            f"{_f(curves['baseline_alignment'][k]):>8}  {_pct(curves['nopref_share'][k]):>7}")

    cal = results["calibration"]
    lines += ["", f"Calibration: ECE {_f(cal['ece'])}, Brier {_f(cal['brier'])} over {cal['beliefs']} "
                  "leading beliefs (dimension with a stated preference, every interaction)",
              "  confidence bin   count  mean conf  accuracy  gap"]
    for b in cal["bins"]:
        lines.append(f"  [{b['low']:.2f}, {b['high']:.2f})  {b['count']:>6}  {b['confidence']:>9.3f}  "
                     f"{b['accuracy']:>8.3f}  {b['accuracy'] - b['confidence']:+.3f}")

    cold = results["cold_start"]
    first, f1 = cold["first_correct_belief"], next(v for k, v in cold.items() if k.startswith("f1_"))
    lines += ["", "Cold start (interactions):",
              f"  first correct applied belief: median {_f(first['median'], 1)}, mean {_f(first['mean_censored'], 2)}"
              f" (never = n+1), reached in {first['reached']}/{first['runs']} runs",
              f"  F1 >= 0.8:                    median {_f(f1['median'], 1)}, mean {_f(f1['mean_censored'], 2)}"
              f" (never = n+1), reached in {f1['reached']}/{f1['runs']} runs"]

    lines += ["", "Robustness (drifted dimensions after their flip excluded):",
              "  noise   F1@5   F1@10  F1@last  runs with a wrong belief  wrong interactions/run  max wrong conf"]
    for key, rob in sorted(results["robustness"].items()):
        f1s = list(rob["f1"].values())
        lines.append(
            f"  {key[6:]:>5}  {_f(f1s[0]):>5}  {_f(f1s[1] if len(f1s) > 1 else None):>6}  {_f(f1s[-1]):>7}  "
            f"{rob['runs_with_wrong_belief']:>13}/{rob['runs']:<10}  {_f(rob['wrong_interactions_per_run'], 2):>22}  "
            f"{_f(rob['max_wrong_confidence']):>14}")
        if rob["wrong_by_belief"]:
            lines.append(f"         wrong beliefs: {_counts(rob['wrong_by_belief'])}")

    drift = results["drift"]
    lines += ["", f"Drift: new value leads after a mean of {_f(drift['mean_censored'], 2)} interactions "
                  f"(never = horizon+1), within 5 in {drift['within_5']}/{len(drift['cases'])} cases, "
                  f"ever in {drift['reached']}/{len(drift['cases'])}; old value no longer applied after "
                  f"a mean of {_f(drift['released_mean_censored'], 2)}"]
    for case in drift["cases"]:
        lines.append(f"  {case['persona']:<18} seed {case['seed']}  {case['dimension']} {case['old']}->{case['value']:<9} "
                     f"leads after {_f(case['leads_after'])}, applied after {_f(case['applied_after'])}, "
                     f"old released after {_f(case['released_after'])} (horizon {case['horizon']})")

    nopref = results["nopref"]
    lines += ["", f"No-preference directives: {_pct(nopref['share'])} of replies "
                  f"({nopref['flagged']}/{nopref['replies']}); {_counts(nopref['by_belief']) or 'none'}"]
    al = results["alignment"]
    lines += [f"Alignment at interaction 10: {_f(al['at_10'])} vs baseline {_f(al['baseline_at_10'])} "
              f"(x{_f(al['ratio_at_10'], 2)}); second half mean {_f(al['mean_second_half'])} vs "
              f"{_f(al['baseline_mean_second_half'])}"]

    lines += ["", "Recall by dimension (share of targets applied correctly):"]
    for dimension, by_i in results["recall_by_dimension"].items():
        lines.append(f"  {dimension:<10} " + "  ".join(f"@{i}: {_f(v, 2)}" for i, v in by_i.items()))

    lines += ["", "Per persona (headline noise): F1 at checkpoints, alignment over the second half"]
    for name, p in results["per_persona"].items():
        extra = ""
        if p["wrong"]:
            extra += f"  wrong: {_counts(p['wrong'])}"
        if p["nopref"]:
            extra += f"  no-pref: {_counts(p['nopref'])}"
        lines.append(f"  {name:<18} " + "  ".join(f"@{i}: {_f(v, 2)}" for i, v in p["f1"].items())
                     + f"  align {_f(p['alignment_last_half'], 2)}{extra}")

    audit = results["signal_audit"]
    lines += ["", "Signal audit (headline noise): evidence weight beliefloop read, by signal kind",
              "  kind           signals  noisy   weight  toward truth  against truth  no-pref"]
    for kind, s in audit["kinds"].items():
        w = s.get("weight", 0.0)
        lines.append(f"  {kind:<13}  {int(s['signals']):>7}  {int(s.get('noisy', 0)):>5}  {w:>7.1f}  "
                     f"{_share(s.get('toward_weight', 0.0), w):>12}  {_share(s.get('against_weight', 0.0), w):>13}  "
                     f"{_share(s.get('nopref_weight', 0.0), w):>7}")
    for kind, against in audit["against_truth"].items():
        lines.append(f"  against truth via {kind}: {_counts(against)}")
    for kind, spurious in audit["on_nopref"].items():
        lines.append(f"  on no-preference dimensions via {kind}: {_counts(spurious)}")
    lines += ["  intended -> read (share of intended wants beliefloop read as such):"]
    for kind, by_want in audit["detection"].items():
        cells = [f"{want} {d['read']}/{d['intended']}" for want, d in by_want.items()]
        lines.append(f"    {kind:<12} " + ", ".join(cells))
    lines += ["  user action -> signal kinds read for that reply:"]
    for action, seen in audit["actions"].items():
        lines.append(f"    {action:<10} {_counts(seen)}")
    lines += [f"  user actions: {_counts(results['user_actions'])}"]

    lines += ["", "Targets:"]
    for t in results["targets"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a "}[t["pass"]]
        lines.append(f"  {verdict}  {t['name']:<16} {_f(t['value'])} (goal {t['goal']}): {t['measure']}")
    return "\n".join(lines)


def _counts(counts: Mapping[str, Any]) -> str:
    return ", ".join(f"{k} x{v}" for k, v in counts.items())


def _share(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def write_json(results: Mapping[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, sort_keys=False, default=str) + "\n")


def plot(results: Mapping[str, Any], path: Path) -> None:
    """F1 (and precision, recall) and alignment vs interactions, with the baseline's alignment."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curves, meta = results["curves"], results["meta"]
    x = curves["interaction"]
    fig, ax = plt.subplots(figsize=(8, 4.8), dpi=120)
    ax.plot(x, curves["f1"], marker="o", label="belief F1")
    ax.plot(x, curves["precision"], linestyle=":", label="precision")
    ax.plot(x, curves["recall"], linestyle=":", label="recall")
    ax.plot(x, curves["alignment"], marker="s", label="alignment (personalised)")
    ax.plot(x, curves["baseline_alignment"], marker="^", linestyle="--", label="alignment (baseline)")
    ax.axhline(0.9, color="grey", linewidth=0.8, linestyle="--")
    ax.axvline(5, color="grey", linewidth=0.8, linestyle="--")
    ax.set_xlabel("interaction")
    ax.set_ylim(0, 1.02)
    ax.set_xticks(x)
    ax.set_title(f"beliefloop flywheel: {len(meta['personas'])} personas x {len(meta['seeds'])} seeds, "
                 f"noise {meta['headline_noise']:.0%}")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(alpha=0.3)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


__all__ = ["RESULTS_DIR", "plot", "table", "write_json"]
