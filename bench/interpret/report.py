"""Print the figures as tables and write ``results/latest.json`` and ``results/latest.md``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .corpus import TUNING_SPLITS

RESULTS_DIR = Path(__file__).resolve().parent / "results"
LANG_ORDER = ("en", "de", "es", "fr", "it", "pt", "nl", "all")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(results: dict[str, Any]) -> str:
    """One markdown table per split: the interpreter beside the phrase-table baseline."""
    out: list[str] = []
    if len(results["splits"]) > 1:
        out += _side_by_side(results["splits"])
    for split, engines in results["splits"].items():
        new, old = engines["offline"], engines["phrase_baseline"]
        out.append(f"### {split} ({new['all']['lines']} lines, {new['all']['labels']} labels)\n")
        out.append("| lang | recall | precision | lookalikes w/ evidence | complaints detected | stance acc. "
                   "| baseline recall | baseline precision | baseline lookalikes |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for lang in LANG_ORDER:
            if lang not in new:
                continue
            a, b = new[lang], old[lang]
            out.append(
                f"| {lang} | {_pct(a['recall'])} | {_pct(a['precision'])} | {_pct(a['lookalike_evidence_share'])} "
                f"| {_pct(a['complaint_detection'])} | {_pct(a['stance_accuracy'])} | {_pct(b['recall'])} "
                f"| {_pct(b['precision'])} | {_pct(b['lookalike_evidence_share'])} |"
            )
        out.append("")
    for where, engines in results.get("alternatives", {}).items():
        out.append(f"### alternatives, {where}\n")
        out.append("| engine | recall | precision | lookalikes w/ evidence |")
        out.append("|---|---|---|---|")
        for name, row in engines.items():
            out.append(f"| {name} | {_pct(row['recall'])} | {_pct(row['precision'])} "
                       f"| {_pct(row['lookalike_evidence_share'])} |")
        out.append("")
    cost = results["cost"]
    out.append(f"### cost per message ({cost['offline']['samples']} timed reads)\n")
    out.append("| engine | p50 ms | p99 ms | casefold p50 ms | ratio p50 | ratio p99 "
               "| best-of-rounds p50 ms | best-of-rounds p99 ms |")
    out.append("|---|---|---|---|---|---|---|---|")
    for name, figures in cost.items():
        out.append(f"| {name} | {figures['p50_ms']} | {figures['p99_ms']} | {figures['casefold_p50_ms']} "
                   f"| {figures['ratio_p50']} | {figures['ratio_p99']} "
                   f"| {figures['best_p50_ms']} | {figures['best_p99_ms']} |")
    return "\n".join(out) + "\n"


def _side_by_side(splits: dict[str, Any]) -> list[str]:
    """The interpreter's overall figures and per-language recall, one column per split."""
    names = list(splits)
    rows = [
        ("recall", "recall"), ("precision", "precision"), ("lookalikes w/ evidence", "lookalike_evidence_share"),
        ("complaints detected", "complaint_detection"), ("stance acc.", "stance_accuracy"),
    ]
    out = ["### offline interpreter, splits side by side\n",
           "| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for label, key in rows:
        out.append(f"| {label} | " + " | ".join(_pct(splits[n]["offline"]["all"][key]) for n in names) + " |")
    for lang in LANG_ORDER[:-1]:
        cells = [_pct(splits[n]["offline"].get(lang, {}).get("recall")) for n in names]
        out.append(f"| recall {lang} | " + " | ".join(cells) + " |")
    out.append("")
    return out


def write(results: dict[str, Any], save_as: str | None = None) -> None:
    RESULTS_DIR.mkdir(exist_ok=True)
    slim = json.loads(json.dumps(results))
    for split, engines in slim["splits"].items():
        for name, figures in engines.items():
            # Per-line errors are kept for the tuning splits only: the held-out one is reported in aggregate.
            if split not in TUNING_SPLITS:
                figures["all"].pop("errors", None)
    for name in ("latest", *([save_as] if save_as else [])):
        (RESULTS_DIR / f"{name}.json").write_text(json.dumps(slim, indent=1, ensure_ascii=False) + "\n")
        (RESULTS_DIR / f"{name}.md").write_text(table(results))
