"""``python -m bench.flywheel.ceiling``: how high could belief F1 get from the user's own signals?

Runs the benchmark's simulated users exactly as ``python -m bench.flywheel`` does (same personas,
seeds, per-seed order, noise, phrasing and interactions; the headline condition only), then
scores *oracle learners* on the same traces with the benchmark's own F1 (:mod:`.metrics`). An
oracle applies a persona's true value on a dimension, in a context, once the user has given
enough signals *meaning* that value; it never applies anything else, so its precision is 1 and
its F1 is ``2R / (1 + R)`` per run. beliefloop's own F1 on the same runs is printed beside it.

**Signals and their meaning** come from the simulator's ground truth, not from any interpreter
(:class:`.trace.Step`, written by :mod:`.runner` from :mod:`.user`'s ``Turn``):

* ``edit``: ``step.intended``, the dimensions :func:`.rewrite.edit_toward` changed.
* ``follow_up``: ``step.intended``, the one or two unmet wants the correction was written for.
* ``comment`` (a thumbs down with text): the unmet want the comment was written for, i.e. the
  corpus labels of the comment text (``Phrasebook.requested``, what the fake LLM reads) that are
  in ``step.rating_intended``.
* ``choice``: ``step.choice_intended``, the wants a kept regenerated candidate met that the
  rejected one missed.
* ``blame`` (only in the ``+blame`` oracles): a regeneration or a thumbs down without a comment,
  meaning every unmet want of that reply (``step.intended`` / ``step.rating_intended``). It says
  *something* was wrong, not what, so it bounds a learner that guesses from the reply's features.

A reaction (edit, follow-up, choice, regeneration) to reply *j* reaches beliefloop with request
*j + 1* and only if the conversation went on (``step.sent``); a rating is posted at once. So the
beliefs scored after interaction *k* may use reactions to replies ``j < k`` and ratings of
replies ``j <= k``, as beliefloop's may. Noisy reactions and ratings (``noisy``,
``rating_noisy``) mean the opposite of the truth and never count. A signal counts for a
(context, dimension) when its value equals the truth there *at k* (after a drift, only signals for
the new value count). ``any``: from a signal in any context (an upper bound: a learner must still
tell global from per-context wants); ``ctx`` variants: only from signals in that context.

**Read** oracles keep only the signals beliefloop's interpreter read correctly: an observation of
the same kind about that reply (attributed as :func:`.metrics.signal_audit` does) carries a delta
for the intended (dimension, value). They split the gap: 1.0 -> ``any1`` is "not signalled yet",
``any1`` -> ``read1`` interpretation misses, ``read1`` -> ``read2`` the second signal, and
``read2`` -> beliefloop the learner's weights, thresholds and whatever else it does.

The oracles above are scored on beliefloop's own trajectory: once beliefloop applies a value the
user stops asking for it, which an oracle scored afterwards does not mind, but a learner that
acted sooner would also change which wants the user names next. So the **in-the-loop** oracles
(:class:`OracleLoop`, ``loop1`` and ``loop2``) stand in beliefloop's place in
:func:`.runner.run_persona` and inject the firm directive of ``config.yaml`` for each true value
once one (two) explicit signals revealed it; ``loop-never`` never acts and replays the
benchmark's unpersonalised baseline step for step (``tests/test_flywheel_ceiling.py``). Their
alignment (replies meeting every want) is a ceiling for the alignment target too.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import metrics
from .__main__ import _override
from .benchmark import BenchConfig, acting_threshold
from .fake_llm import DEFAULT_STYLE, FakeLLM
from .personas import PERSONA_BY_NAME, Persona
from .phrasing import Phrasebook
from .report import RESULTS_DIR
from .runner import SimClock, base_config, run_condition, run_persona
from .trace import Run, Step
from .user import SimulatedUser

EXPLICIT = ("edit", "follow_up", "comment", "choice")
#: name -> (signal kinds, signals needed, read by the interpreter only, from any context)
ORACLES: Mapping[str, tuple[tuple[str, ...], int, bool, bool]] = {
    "any1+blame": (EXPLICIT + ("blame",), 1, False, True),
    "any1": (EXPLICIT, 1, False, True),
    "any2": (EXPLICIT, 2, False, True),
    "ctx1": (EXPLICIT, 1, False, False),
    "ctx2": (EXPLICIT, 2, False, False),
    "read1": (EXPLICIT, 1, True, True),
    "read2": (EXPLICIT, 2, True, True),
}
CHECKPOINTS = (3, 5, 10, 20)
#: Observation kinds (as the signal audit names them) that can carry each signal kind.
_OBSERVED_AS = {"edit": "edit", "follow_up": "follow_up", "comment": "thumbs", "choice": "choice",
                "blame": None}


@dataclass(frozen=True)
class Signal:
    kind: str
    step: int
    """The interaction whose reply it is about (1-based)."""
    visible: int
    """The first interaction after which beliefloop can have it."""
    context: str
    wants: Mapping[str, str]
    noisy: bool
    read: frozenset[tuple[str, str]] = frozenset()
    """(dimension, value) pairs of ``wants`` the interpreter read from it."""


def signals(run: Run, book: Phrasebook) -> list[Signal]:
    """Every signal the simulated user gave in ``run``, with its ground-truth meaning."""
    read = _read_by_step(run)
    found: list[Signal] = []

    def add(step: Step, kind: str, visible: int, wants: Mapping[str, str], noisy: bool) -> None:
        if not wants:
            return
        seen = read.get((_OBSERVED_AS[kind], step.index), set())
        found.append(Signal(kind, step.index, visible, step.context, dict(wants), noisy,
                            frozenset(w for w in wants.items() if w in seen)))

    for step in run.steps:
        if step.sent:
            if step.action in ("edit", "follow_up"):
                add(step, step.action, step.index + 1, step.intended, step.noisy)
            elif step.action == "regenerate":
                add(step, "blame", step.index + 1, step.intended, step.noisy)
            if step.choice_intended:
                add(step, "choice", step.index + 1, step.choice_intended, False)
        if step.rating == "down":
            if step.comment:
                named = book.requested(step.comment)
                add(step, "comment", step.index,
                    {d: v for d, v in named.items() if step.rating_intended.get(d) == v},
                    step.rating_noisy)
            else:
                add(step, "blame", step.index, step.rating_intended, step.rating_noisy)
    return found


def _read_by_step(run: Run) -> dict[tuple[str | None, int], set[tuple[str, str]]]:
    """(observation kind, interaction) -> (dimension, value) deltas beliefloop recorded for it,
    attributed to a reply as :func:`.metrics.signal_audit` does."""
    by_response = {s.response_id: s for s in run.steps if s.response_id}
    read: dict[tuple[str | None, int], set[tuple[str, str]]] = defaultdict(set)
    for obs in run.observations:
        kind = obs["kind"]
        if kind == "regeneration":
            kind = "choice" if obs["features"].get("choice") else "regeneration"
        step = by_response.get(obs.get("response_id") or "")
        if step is None:
            step = max((s for s in run.steps if s.at <= obs["created_at"]), key=lambda s: s.at,
                       default=run.steps[0])
        read[(kind, step.index)].update((d["dimension"], d["value"]) for d in obs["deltas"])
    return read


def oracle_run(run: Run, found: Sequence[Signal], kinds: Sequence[str], need: int, read_only: bool,
               any_context: bool) -> Run:
    """``run`` with its beliefs replaced by what the oracle would hold after every interaction."""
    persona = PERSONA_BY_NAME[run.persona]
    steps = []
    for step in run.steps:
        beliefs = []
        for context in persona.contexts:
            for dimension, value in persona.truth_at(step.index, run.n, context).items():
                count = sum(1 for s in found
                            if s.kind in kinds and s.visible <= step.index and not s.noisy
                            and s.wants.get(dimension) == value
                            and (any_context or s.context == context)
                            and (not read_only or (dimension, value) in s.read))
                if count >= need:
                    beliefs.append({"dimension": dimension, "value": value, "confidence": 1.0,
                                    "context": context})
        steps.append(replace(step, beliefs=beliefs))
    return replace(run, steps=steps)


def unsignalled(run: Run, found: Sequence[Signal], at: int) -> list[str]:
    """Targets (non-default wants) no explicit, correct signal had revealed by interaction ``at``."""
    persona = PERSONA_BY_NAME[run.persona]
    missing = []
    for context in persona.contexts:
        for dimension, value in persona.truth_at(at, run.n, context).items():
            if value == DEFAULT_STYLE[dimension]:
                continue
            if not any(s.kind in EXPLICIT and s.visible <= at and not s.noisy
                       and s.wants.get(dimension) == value for s in found):
                missing.append(f"{dimension}={value}" + ("" if context == "*" else f"@{context}"))
    return missing


def _at(curve: Sequence[float | None], k: int) -> float | None:
    return curve[k - 1] if 0 < k <= len(curve) else None


def score(runs: Sequence[Run], book: Phrasebook, threshold: float, n: int) -> dict[str, Any]:
    found = {id(r): signals(r, book) for r in runs}
    checkpoints = [k for k in CHECKPOINTS if k <= n]
    curves = {"beliefloop": metrics.recovery_curves(runs, threshold)}
    oracle_runs = {}
    for name, (kinds, need, read_only, any_context) in ORACLES.items():
        oracle_runs[name] = [oracle_run(r, found[id(r)], kinds, need, read_only, any_context) for r in runs]
        curves[name] = metrics.recovery_curves(oracle_runs[name], threshold)
    table = {name: {k: {m: _at(c[m], k) for m in ("f1", "recall", "precision")} for k in checkpoints}
             for name, c in curves.items()}

    per_persona: dict[str, Any] = {}
    for persona in dict.fromkeys(r.persona for r in runs):
        mine = [r for r in runs if r.persona == persona]
        row: dict[str, Any] = {"beliefloop": {k: _at(metrics.recovery_curves(mine, threshold)["f1"], k)
                                              for k in checkpoints}}
        for name in ORACLES:
            theirs = [o for o in oracle_runs[name] if o.persona == persona]
            row[name] = {k: _at(metrics.recovery_curves(theirs, threshold)["f1"], k) for k in checkpoints}
        row["unsignalled_at_5"] = dict(Counter(m for r in mine for m in unsignalled(r, found[id(r)], 5)))
        row["targets"] = sorted({f"{d}={v}" + ("" if c == "*" else f"@{c}")
                                 for c in PERSONA_BY_NAME[persona].contexts
                                 for d, v in PERSONA_BY_NAME[persona].truth_at(1, n, c).items()
                                 if v != DEFAULT_STYLE[d]})
        per_persona[persona] = row

    # Correct explicit signals visible by interaction k, per run, by kind; and how many were read.
    counts: dict[int, dict[str, float]] = {}
    for k in checkpoints:
        tally: Counter[str] = Counter()
        for r in runs:
            for s in found[id(r)]:
                if s.visible <= k and s.kind in EXPLICIT:
                    key = "noisy" if s.noisy else s.kind
                    tally[key] += 1
                    if not s.noisy:
                        tally["wants"] += len(s.wants)
                        tally["wants read"] += len(s.read)
        counts[k] = {key: tally[key] / len(runs) for key in sorted(tally)}
    return {"checkpoints": checkpoints, "f1": table, "per_persona": per_persona,
            "signals_per_run": counts,
            "curves": {name: c["f1"] for name, c in curves.items()}}


_LANGUAGE_NAMES = {"en": "English", "de": "German", "es": "Spanish"}


def directives(config: Mapping[str, Any]) -> dict[tuple[str, str], str]:
    """(dimension, value) -> the firm directive of config.yaml's one-dimension rule for it."""
    found: dict[tuple[str, str], str] = {}
    for rule in config.get("rules", []):
        when = rule.get("when", {})
        if len(when) != 1 or "system" not in rule:
            continue
        (dimension, value), = when.items()
        if value == "*":
            for code, name in _LANGUAGE_NAMES.items():
                found.setdefault((dimension, code), rule["system"].format(language_name=name))
        else:
            found.setdefault((dimension, value), rule["system"])
    return found


class OracleLoop:
    """An oracle *learner in the loop*: stands where beliefloop stands in :func:`.runner.run_persona`
    (the same calls: ``ask``, ``rate``, ``beliefs``), sees the simulated user's ground truth for
    every signal it gives (through the user subclass :meth:`user`), and injects the firm directive
    for a true value once ``need`` correct explicit signals have revealed it (from any context),
    so the user's later replies, and signals, are the ones such a learner would get.
    ``need`` above the run's length never applies anything: the unpersonalised baseline."""

    def __init__(self, persona: Persona, n: int, need: int, book: Phrasebook,
                 phrases: Mapping[tuple[str, str], str]) -> None:
        self.persona, self.n, self.need, self.book, self.phrases = persona, n, need, book, phrases
        self.llm, self.clock = FakeLLM(book), SimClock()
        self.revealed: Counter[tuple[str, str]] = Counter()
        self.pending: list[Mapping[str, str]] = []
        self.last_rating: Any = None
        self.previous: list[dict[str, str]] | None = None
        self.index = 0

    def user(self, *args: Any) -> SimulatedUser:
        oracle = self

        class Reporting(SimulatedUser):
            def react(self, text, wants, technical, *, may_regenerate=True):  # type: ignore[no-untyped-def]
                turn = super().react(text, wants, technical, may_regenerate=may_regenerate)
                reaction = turn.reaction
                if reaction.action in ("edit", "follow_up") and not reaction.noisy:
                    oracle.pending.append(dict(reaction.intended))
                oracle.last_rating = turn.rating
                return turn

            def improved(self, before, after, wants, technical):  # type: ignore[no-untyped-def]
                kept = super().improved(before, after, wants, technical)
                if kept:
                    oracle.pending.append(dict(kept))
                return kept

        return Reporting(*args)

    def applied(self, context: str) -> dict[str, str]:
        truth = self.persona.truth_at(max(self.index, 1), self.n, context)
        return {d: v for d, v in truth.items() if self.revealed[(d, v)] >= self.need}

    async def ask(self, messages: list[dict[str, str]], user: str | None,
                  context: str) -> tuple[str, str | None, dict[str, str]]:
        self.index += 1
        # The last reaction reached us iff this request continues its conversation.
        if self.previous is not None and messages[:len(self.previous)] == self.previous:
            for wants in self.pending:
                self.revealed.update(wants.items())
        self.pending, self.previous = [], list(messages)
        applied = self.applied(context)
        system = " ".join(self.phrases[w] for w in sorted(applied.items()) if w in self.phrases)
        sent = ([{"role": "system", "content": system}] if system else []) + messages
        return self.llm.reply(sent), f"oracle-{self.index}", applied

    async def rate(self, response_id: str, rating: str, comment: str | None) -> None:
        last = self.last_rating
        if rating == "down" and comment and last is not None and not last.noisy:
            named = self.book.requested(comment)
            self.revealed.update((d, v) for d, v in named.items() if last.intended.get(d) == v)

    async def beliefs(self, user: str) -> list[dict[str, Any]]:
        return [{"dimension": d, "value": v, "confidence": 1.0, "context": c}
                for c in self.persona.contexts for d, v in self.applied(c).items()]

    async def observations(self, user: str) -> list[dict[str, Any]]:
        return []


async def in_loop(cfg: BenchConfig, book: Phrasebook, need: int) -> list[Run]:
    """Every persona and seed of ``cfg`` at its headline noise with an :class:`OracleLoop`."""
    phrases = directives(base_config(cfg.overrides))
    runs = []
    for seed in cfg.seeds:
        for name in cfg.personas:
            oracle = OracleLoop(PERSONA_BY_NAME[name], cfg.interactions, need, book, phrases)
            runs.append(await run_persona(oracle, oracle.persona, seed=seed,  # type: ignore[arg-type]
                                          noise=cfg.headline_noise, n=cfg.interactions,
                                          rates=cfg.rates, personalised=True,
                                          user_factory=oracle.user))
    return runs


async def collect(cfg: BenchConfig) -> tuple[list[Run], Phrasebook]:
    """The benchmark's headline runs (personalised, ``cfg.headline_noise``), as its ``collect``."""
    config = base_config(cfg.overrides)
    book = Phrasebook.load(cfg.phrasing)
    personas = [PERSONA_BY_NAME[name] for name in cfg.personas]
    runs = [run for seed in cfg.seeds
            for run in await run_condition(config, personas, seed=seed, noise=cfg.headline_noise,
                                           n=cfg.interactions, rates=cfg.rates, personalised=True,
                                           phrasebook=book)]
    return runs, book


async def run_ceiling(cfg: BenchConfig) -> dict[str, Any]:
    started = time.perf_counter()
    runs, book = await collect(cfg)
    threshold = acting_threshold(base_config(cfg.overrides))
    results = score(runs, book, threshold, cfg.interactions)
    loops = {}
    for label, need in (("loop1", 1), ("loop2", 2), ("loop-never", cfg.interactions + 1)):
        loop_runs = await in_loop(cfg, book, need)
        f1 = metrics.recovery_curves(loop_runs, threshold)["f1"]
        alignment = metrics.alignment_curve(loop_runs)
        loops[label] = {"f1": {k: _at(f1, k) for k in results["checkpoints"]},
                        "alignment": {k: _at(alignment, k) for k in results["checkpoints"]},
                        "curve": f1}
    loops["beliefloop"] = {"alignment": {k: _at(metrics.alignment_curve(runs), k)
                                         for k in results["checkpoints"]}}
    results["in_loop"] = loops
    results["meta"] = {"personas": list(cfg.personas), "seeds": list(cfg.seeds),
                       "interactions": cfg.interactions, "noise": cfg.headline_noise,
                       "phrasing": cfg.phrasing, "overrides": dict(cfg.overrides),
                       "apply_threshold": threshold, "runs": len(runs),
                       "seconds": round(time.perf_counter() - started, 1)}
    return results


def _f(value: float | None) -> str:
    return "    -" if value is None else f"{value:.3f}"


def table(results: Mapping[str, Any]) -> str:
    meta, ks = results["meta"], results["checkpoints"]
    lines = [(f"Flywheel ceiling: {len(meta['personas'])} personas x {len(meta['seeds'])} seeds x "
              f"{meta['interactions']} interactions, noise {meta['noise']:.0%}, phrasing "
              f"{meta['phrasing']}, {meta['seconds']} s"),
             ("Macro F1 (metrics.py's definition) of oracles that apply a true value once the user's "
              "own signals reveal it"),
             "", "oracle         " + "".join(f"  F1@{k:<3}" for k in ks) + "  recall@5"]
    for name in ("any1+blame", "any1", "any2", "ctx1", "ctx2", "read1", "read2", "beliefloop"):
        row = results["f1"][name]
        lines.append(f"{name:<15}" + "".join(f"  {_f(row[k]['f1']):>6}" for k in ks)
                     + f"  {_f(row.get(5, {}).get('recall')):>8}")
    lines += ["", "Oracle learners in the loop (they act, so the user's later replies and signals change):",
              "oracle         " + "".join(f"  F1@{k:<3}" for k in ks) + "".join(f"  al@{k:<3}" for k in ks)]
    for name, row in results["in_loop"].items():
        lines.append(f"{name:<15}" + "".join(f"  {_f(row.get('f1', {}).get(k)):>6}" for k in ks)
                     + "".join(f"  {_f(row['alignment'].get(k)):>6}" for k in ks))
    lines += ["", "Signals per run visible by interaction k (explicit kinds; correct unless noisy):"]
    for k, counts in results["signals_per_run"].items():
        lines.append(f"  by {k:>2}: " + ", ".join(f"{key} {v:.2f}" for key, v in counts.items()))
    lines += ["", ("Per persona, F1@5 (beliefloop / read2 / any2 / any1) and targets no correct explicit "
                   f"signal had revealed by interaction 5 (runs of {len(meta['seeds'])}):")]
    for persona, row in results["per_persona"].items():
        five = " / ".join(_f(row[n].get(5)) for n in ("beliefloop", "read2", "any2", "any1"))
        missing = ", ".join(f"{m} x{c}" for m, c in sorted(row["unsignalled_at_5"].items()))
        lines.append(f"  {persona:<18} {five}   targets {len(row['targets'])}; unsignalled: {missing or '-'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.flywheel.ceiling", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="the --quick setup (4 personas x 1 seed x 12)")
    parser.add_argument("--seeds", type=int)
    parser.add_argument("--interactions", type=int)
    parser.add_argument("--personas")
    parser.add_argument("--noise", type=float)
    parser.add_argument("--phrasing", choices=("heldout", "dev", "table"), default="heldout")
    parser.add_argument("--set", action="append", default=[], metavar="KEY.PATH=VALUE")
    parser.add_argument("--out", type=Path, default=None,
                        help="write ceiling.json and ceiling.txt here (default bench/flywheel/results)")
    args = parser.parse_args(argv)

    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    cfg = BenchConfig.quick() if args.quick else BenchConfig()
    changes: dict[str, Any] = {}
    if args.seeds:
        changes["seeds"] = tuple(range(1, args.seeds + 1))
    if args.interactions:
        changes["interactions"] = args.interactions
    if args.personas:
        changes["personas"] = tuple(n.strip() for n in args.personas.split(",") if n.strip())
    if args.noise is not None:
        changes["headline_noise"] = args.noise
    if args.phrasing != "heldout":
        changes["phrasing"] = args.phrasing
    if args.set:
        changes["overrides"] = _override(args.set)
    if changes:
        cfg = BenchConfig(**{**cfg.__dict__, **changes})

    results = asyncio.run(run_ceiling(cfg))
    text = table(results)
    print(text)
    out = args.out or RESULTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    (out / "ceiling.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    (out / "ceiling.txt").write_text(text + "\n")
    print(f"\nwrote {out / 'ceiling.json'} and {out / 'ceiling.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
