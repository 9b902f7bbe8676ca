"""Figures for one engine on one split: label-level recall and precision, per language and overall."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .corpus import EXPECTED_STANCE, Line
from .engines import Engine


def score(engine: Engine, lines: list[Line]) -> dict[str, Any]:
    """Per language and ``all``: recall, precision, lookalike evidence share, complaint detection.

    A label counts as found when the engine gives evidence for exactly that dimension=value; any
    evidence not among the labels is a false positive (on lookalike and complaint lines too).
    """
    groups: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        groups[line.lang].append(line)
        groups["all"].append(line)
    results: dict[str, Any] = {}
    misses: list[dict[str, Any]] = []
    for lang, members in groups.items():
        tp = fp = fn = 0
        lookalikes = lookalike_hits = complaints = complaints_found = stance_ok = stance_n = 0
        for line in members:
            found, stance = engine(line.text)
            tp += len(found & line.labels)
            fp += len(found - line.labels)
            fn += len(line.labels - found)
            if line.kind == "lookalike":
                lookalikes += 1
                lookalike_hits += bool(found)
            if line.kind == "complaint":
                complaints += 1
                complaints_found += stance == "complaint"
            if stance is not None:
                stance_n += 1
                stance_ok += stance == EXPECTED_STANCE[line.kind]
            if lang == "all" and (found != line.labels):
                misses.append({"id": line.id, "missed": sorted("=".join(p) for p in line.labels - found),
                               "extra": sorted("=".join(p) for p in found - line.labels)})
        results[lang] = {
            "lines": len(members),
            "labels": tp + fn,
            "recall": _ratio(tp, tp + fn),
            "precision": _ratio(tp, tp + fp),
            "false_positives": fp,
            "lookalike_evidence_share": _ratio(lookalike_hits, lookalikes),
            "complaint_detection": _ratio(complaints_found, complaints) if stance_n else None,
            "stance_accuracy": _ratio(stance_ok, stance_n) if stance_n else None,
        }
    results["all"]["errors"] = misses
    return results


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None
