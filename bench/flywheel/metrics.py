"""Score runs against the personas' hidden truth. Pure: traces in, numbers out.

Definitions (see README.md beside this file):

* **applied belief**: the value beliefloop holds for a dimension in a context with confidence at
  or above the apply threshold. The belief in effect for a context is the context's own entry
  from the admin API, else the global one.
* **precision**: applied beliefs equal to the persona's truth / applied beliefs (1 when none is
  applied). A belief on a dimension the persona has no preference on counts against precision.
* **recall**: targets whose value is applied / targets. Targets are the preferences that differ
  from the assistant's default style: a preference the assistant already meets needs no belief.
* **wrong belief**: an applied value other than the persona's stated one.
* **calibration**: every leading belief (applied or not) on a dimension the persona has a
  preference on, at every interaction: stated confidence vs being right.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from .fake_llm import DEFAULT_STYLE
from .personas import GLOBAL, PERSONA_BY_NAME, Persona
from .trace import Run, Step

CALIBRATION_BINS = 10
#: Leading beliefs are above 0.5 by construction, so the bins split [0.5, 1.0].
CALIBRATION_LOW = 0.5


def effective(beliefs: Sequence[Mapping[str, Any]], context: str) -> dict[str, tuple[str, float]]:
    """Dimension -> (value, confidence) in effect for a request in ``context``."""
    found = {b["dimension"]: (b["value"], float(b["confidence"])) for b in beliefs
             if b["context"] == GLOBAL}
    if context != GLOBAL:
        found.update({b["dimension"]: (b["value"], float(b["confidence"])) for b in beliefs
                      if b["context"] == context})
    return found


@dataclass(frozen=True)
class Snapshot:
    """Belief recovery of one run after one interaction, pooled over the persona's contexts."""

    applied: int
    correct: int
    targets: int
    hits: int
    wrong: tuple[tuple[str, str, str, float], ...]
    """(context, dimension, value, confidence) of applied beliefs that contradict the truth."""
    nopref: tuple[tuple[str, str, str], ...]
    """(context, dimension, value) applied on dimensions the persona has no preference on."""
    calibration: tuple[tuple[float, bool], ...]
    target_hits: tuple[tuple[str, bool], ...]
    """(dimension, hit) per target."""

    @property
    def precision(self) -> float:
        return self.correct / self.applied if self.applied else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.targets if self.targets else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def snapshot(persona: Persona, step: Step, n: int, threshold: float) -> Snapshot:
    applied = correct = targets = hits = 0
    wrong, nopref, calibration, target_hits = [], [], [], []
    for context in persona.contexts:
        truth = persona.truth_at(step.index, n, context)
        beliefs = effective(step.beliefs, context)
        for dimension, (value, confidence) in beliefs.items():
            if dimension in truth:
                calibration.append((confidence, value == truth[dimension]))
            if confidence < threshold:
                continue
            applied += 1
            if dimension not in truth:
                nopref.append((context, dimension, value))
            elif value == truth[dimension]:
                correct += 1
            else:
                wrong.append((context, dimension, value, confidence))
        for dimension, value in truth.items():
            if value == DEFAULT_STYLE[dimension]:
                continue
            targets += 1
            held = beliefs.get(dimension)
            hit = held is not None and held[0] == value and held[1] >= threshold
            hits += hit
            target_hits.append((dimension, hit))
    return Snapshot(applied, correct, targets, hits, tuple(wrong), tuple(nopref),
                    tuple(calibration), tuple(target_hits))


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def _snapshots(runs: Sequence[Run], threshold: float) -> list[list[Snapshot]]:
    return [[snapshot(PERSONA_BY_NAME[r.persona], s, r.n, threshold) for s in r.steps] for r in runs]


def recovery_curves(runs: Sequence[Run], threshold: float) -> dict[str, list[float | None]]:
    """Per interaction 1..n: macro-averaged precision, recall, F1 and pooled (micro) F1."""
    shots = _snapshots(runs, threshold)
    n = max((len(s) for s in shots), default=0)
    curves: dict[str, list[float | None]] = {k: [] for k in ("precision", "recall", "f1", "micro_f1")}
    for i in range(n):
        at = [s[i] for s in shots if len(s) > i]
        curves["precision"].append(mean(s.precision for s in at))
        curves["recall"].append(mean(s.recall for s in at))
        curves["f1"].append(mean(s.f1 for s in at))
        applied, correct = sum(s.applied for s in at), sum(s.correct for s in at)
        targets, hits = sum(s.targets for s in at), sum(s.hits for s in at)
        p = correct / applied if applied else 1.0
        r = hits / targets if targets else 1.0
        curves["micro_f1"].append(2 * p * r / (p + r) if p + r else 0.0)
    return curves


def recall_by_dimension(runs: Sequence[Run], threshold: float, at: Sequence[int]) -> dict[str, dict[int, float]]:
    """Dimension -> {interaction: share of that dimension's targets applied correctly}."""
    shots = _snapshots(runs, threshold)
    table: dict[str, dict[int, float]] = defaultdict(dict)
    for i in at:
        tally: dict[str, list[bool]] = defaultdict(list)
        for run_shots in shots:
            if len(run_shots) >= i:
                for dimension, hit in run_shots[i - 1].target_hits:
                    tally[dimension].append(hit)
        for dimension, hits in tally.items():
            table[dimension][i] = sum(hits) / len(hits)
    return dict(sorted(table.items()))


def calibration(runs: Sequence[Run], threshold: float) -> dict[str, Any]:
    """ECE (equal-width bins over [0.5, 1]) and Brier score of leading beliefs vs being right."""
    pairs = [pair for run_shots in _snapshots(runs, threshold) for s in run_shots for pair in s.calibration]
    width = (1.0 - CALIBRATION_LOW) / CALIBRATION_BINS
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(CALIBRATION_BINS)]
    for confidence, right in pairs:
        index = min(CALIBRATION_BINS - 1, max(0, int((confidence - CALIBRATION_LOW) / width)))
        bins[index].append((confidence, right))
    table, ece = [], 0.0
    for index, members in enumerate(bins):
        if not members:
            continue
        confidence = sum(c for c, _ in members) / len(members)
        accuracy = sum(r for _, r in members) / len(members)
        ece += len(members) / len(pairs) * abs(accuracy - confidence)
        table.append({"low": round(CALIBRATION_LOW + index * width, 3),
                      "high": round(CALIBRATION_LOW + (index + 1) * width, 3),
                      "count": len(members), "confidence": confidence, "accuracy": accuracy})
    brier = mean((c - r) ** 2 for c, r in pairs)
    return {"ece": ece if pairs else None, "brier": brier, "beliefs": len(pairs), "bins": table}


def cold_start(runs: Sequence[Run], threshold: float, f1_level: float = 0.8) -> dict[str, Any]:
    """Interactions until the first correct applied belief, and until F1 reaches ``f1_level``."""
    first_correct, first_f1, censored = [], [], []
    for run, run_shots in zip(runs, _snapshots(runs, threshold)):
        if not any(s.targets for s in run_shots):
            continue
        correct = next((i + 1 for i, s in enumerate(run_shots) if s.correct > 0), None)
        good = next((i + 1 for i, s in enumerate(run_shots) if s.f1 >= f1_level), None)
        first_correct.append(correct)
        first_f1.append(good)
        censored.append(run.n + 1)

    def summary(values: list[int | None]) -> dict[str, Any]:
        reached = [v for v in values if v is not None]
        return {
            "reached": len(reached), "runs": len(values),
            "median": statistics.median(reached) if reached else None,
            "mean_reached": mean(reached),
            # never reached counts as n + 1: a lower bound on the true mean
            "mean_censored": mean(v if v is not None else c for v, c in zip(values, censored)),
        }

    return {"first_correct_belief": summary(first_correct), f"f1_at_least_{f1_level}": summary(first_f1)}


def robustness(runs: Sequence[Run], threshold: float) -> dict[str, Any]:
    """Wrong beliefs applied (drifted dimensions after their flip are left to :func:`drift`)."""
    per_run = []
    dims: Counter[str] = Counter()
    for run, run_shots in zip(runs, _snapshots(runs, threshold)):
        persona = PERSONA_BY_NAME[run.persona]
        flip = persona.flip_at(run.n)
        wrong_steps, wrong_set, top = 0, set(), 0.0
        for step, shot in zip(run.steps, run_shots):
            wrong = [w for w in shot.wrong
                     if not (persona.drift and flip and step.index >= flip and w[1] == persona.drift.dimension)]
            wrong_steps += bool(wrong)
            for context, dimension, value, confidence in wrong:
                wrong_set.add((context, dimension, value))
                top = max(top, confidence)
        for _, dimension, value in wrong_set:
            dims[f"{dimension}={value}"] += 1
        per_run.append((run, wrong_steps, wrong_set, top))
    return {
        "runs": len(per_run),
        "runs_with_wrong_belief": sum(1 for _, _, s, _ in per_run if s),
        "wrong_interactions_per_run": mean(w for _, w, _, _ in per_run),
        "max_wrong_confidence": max((t for *_, t in per_run), default=0.0),
        "any_wrong_above_threshold": any(s for _, _, s, _ in per_run),
        "wrong_by_belief": dict(dims.most_common()),
        "wrong_by_persona": dict(Counter(r.persona for r, _, s, _ in per_run for _ in s).most_common()),
    }


def drift(runs: Sequence[Run], threshold: float) -> dict[str, Any]:
    """Interactions from the flip until the new value leads, until it is applied, and until the
    old value stops being applied (``released_after``; 0 when it was not applied at the flip)."""
    cases = []
    for run in runs:
        persona = PERSONA_BY_NAME[run.persona]
        if persona.drift is None:
            continue
        flip = persona.flip_at(run.n)
        dimension, value = persona.drift.dimension, persona.drift.value
        for context in persona.contexts:
            old = persona.truth_at(flip - 1, run.n, context).get(dimension)
            lead = applied = released = None
            for step in run.steps:
                if step.index < flip:
                    continue
                held = effective(step.beliefs, context).get(dimension)
                if held and held[0] == value:
                    lead = step.index - flip if lead is None else lead
                    if held[1] >= threshold and applied is None:
                        applied = step.index - flip
                stale = held is not None and held[0] == old and held[1] >= threshold
                if not stale and released is None:
                    released = step.index - flip
            cases.append({"persona": run.persona, "seed": run.seed, "context": context,
                          "dimension": dimension, "old": old, "value": value, "flip": flip,
                          "leads_after": lead, "applied_after": applied,
                          "released_after": released, "horizon": run.n - flip})
    leads = [c["leads_after"] for c in cases]
    horizon = [c["horizon"] + 1 for c in cases]
    return {
        "cases": cases,
        "reached": sum(v is not None for v in leads),
        "within_5": sum(v is not None and v <= 5 for v in leads),
        "mean_censored": mean(v if v is not None else h for v, h in zip(leads, horizon)),
        "released_mean_censored": mean(c["released_after"] if c["released_after"] is not None
                                       else h for c, h in zip(cases, horizon)),
        "median_reached": statistics.median([v for v in leads if v is not None]) if any(
            v is not None for v in leads) else None,
    }


def _scored_for_alignment(run: Run) -> bool:
    persona = PERSONA_BY_NAME[run.persona]
    return any(persona.truth_at(1, run.n, c) for c in persona.contexts)


def alignment_curve(runs: Sequence[Run]) -> list[float | None]:
    """Per interaction: share of replies meeting every stated preference (personas with any)."""
    scored = [r for r in runs if _scored_for_alignment(r)]
    n = max((len(r.steps) for r in scored), default=0)
    return [mean(float(not r.steps[i].unmet) for r in scored if len(r.steps) > i) for i in range(n)]


def nopref_directives(runs: Sequence[Run]) -> dict[str, Any]:
    """Replies carrying a directive on a dimension the persona has no preference on (header)."""
    flagged, total = 0, 0
    dims: Counter[str] = Counter()
    per_interaction: dict[int, list[bool]] = defaultdict(list)
    for run in runs:
        for step in run.steps:
            extra = {d: v for d, v in step.applied.items() if d not in step.wants}
            total += 1
            flagged += bool(extra)
            per_interaction[step.index].append(bool(extra))
            for d, v in extra.items():
                dims[f"{d}={v}"] += 1
    return {
        "share": flagged / total if total else 0.0, "replies": total, "flagged": flagged,
        "by_belief": dict(dims.most_common()),
        "curve": [sum(v) / len(v) for _, v in sorted(per_interaction.items())],
    }


def signal_audit(runs: Sequence[Run]) -> dict[str, Any]:
    """What beliefloop read from each kind of signal, against what the user meant.

    For every observation: its evidence weight toward the persona's truth, against it, and on
    dimensions without a preference; and for every intended (dimension, value) whether a delta
    for it was read. ``actions`` maps each user action that reached beliefloop to the signal
    kinds beliefloop recorded for that reply.
    """
    kinds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    detection: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    spurious: dict[str, Counter[str]] = defaultdict(Counter)
    against: dict[str, Counter[str]] = defaultdict(Counter)
    actions: dict[str, Counter[str]] = defaultdict(Counter)
    for run in runs:
        persona = PERSONA_BY_NAME[run.persona]
        by_response = {s.response_id: s for s in run.steps if s.response_id}
        read_kinds: dict[str, list[str]] = defaultdict(list)
        wanted: dict[tuple[str, str], dict[str, str]] = {}
        read_by_reaction: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for obs in run.observations:
            kind = obs["kind"]
            if kind == "regeneration":
                kind = "choice" if obs["features"].get("choice") else "regeneration"
            step = by_response.get(obs.get("response_id") or "")
            if step is None:  # a follow-up beliefloop could not tie to a reply: use the clock
                step = max((s for s in run.steps if s.at <= obs["created_at"]), key=lambda s: s.at,
                           default=run.steps[0])
            if kind != "thumbs":
                read_kinds[step.response_id or ""].append(kind)
            truth = persona.truth_at(step.index, run.n, obs["context"])
            intended = {"edit": step.intended, "follow_up": step.intended,
                        "regeneration": step.intended, "choice": step.choice_intended,
                        "thumbs": step.rating_intended}.get(kind, {})
            stats = kinds[kind]
            stats["signals"] += 1
            stats["noisy"] += step.rating_noisy if kind == "thumbs" else step.noisy
            for delta in obs["deltas"]:
                dimension, value, weight = delta["dimension"], delta["value"], float(delta["weight"])
                stats["weight"] += weight
                if dimension not in truth:
                    stats["nopref_weight"] += weight
                    spurious[kind][f"{dimension}={value}"] += 1
                elif truth[dimension] == value:
                    stats["toward_weight"] += weight
                else:
                    stats["against_weight"] += weight
                    against[kind][f"{dimension}={value}"] += 1
            # One reaction can be recorded as several observations of one kind (an edit's
            # language is detected off the hot path and recorded separately): judge them together.
            key = (kind, step.response_id or f"@{obs['created_at']}")
            wanted.setdefault(key, intended)
            read_by_reaction.setdefault(key, set()).update((d["dimension"], d["value"]) for d in obs["deltas"])
        for (kind, _), read in read_by_reaction.items():
            for dimension, value in wanted[(kind, _)].items():
                tally = detection[kind][f"{dimension}={value}"]
                tally[0] += (dimension, value) in read
                tally[1] += 1
        for step in run.steps:
            if step.sent and step.response_id:
                seen = read_kinds.get(step.response_id) or ["(nothing)"]
                actions[step.action].update(seen)
    return {
        "kinds": {k: dict(v) for k, v in sorted(kinds.items())},
        "detection": {k: {key: {"read": a, "intended": b} for key, (a, b) in sorted(v.items())}
                      for k, v in sorted(detection.items())},
        "against_truth": {k: dict(v.most_common()) for k, v in sorted(against.items())},
        "on_nopref": {k: dict(v.most_common()) for k, v in sorted(spurious.items())},
        "actions": {k: dict(v.most_common()) for k, v in sorted(actions.items())},
    }


def user_actions(runs: Sequence[Run]) -> dict[str, int]:
    """How often the simulated users did what (a sanity check on the behaviour rates)."""
    counts: Counter[str] = Counter()
    for run in runs:
        for step in run.steps:
            counts[step.action + (" (noise)" if step.noisy else "")] += 1
            if step.rating:
                counts[f"thumbs {step.rating}" + (" (noise)" if step.rating_noisy else "")] += 1
    return dict(counts.most_common())


__all__ = [
    "Snapshot", "alignment_curve", "calibration", "cold_start", "drift", "effective", "mean",
    "nopref_directives", "recall_by_dimension", "recovery_curves", "robustness", "signal_audit",
    "snapshot", "user_actions",
]
