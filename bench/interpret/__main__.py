"""``python -m bench.interpret [--split dev|dev2|dev3|dev4|test|both|tuning|all]`` from the repository root.

Scores the offline interpreter and, as the baseline, the phrase table it replaces, per language
and overall; times the in-request cost per message; writes ``results/latest.json`` and
``results/latest.md``. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import platform

from .corpus import SPLITS, load
from .cost import measure
from .engines import ngram_engines, offline_engine, phrase_engine
from .metrics import score
from .report import table, write

#: Named groups of splits; ``both`` keeps its original meaning (dev and the held-out test).
_GROUPS = {"both": ("dev", "test"), "all": ("dev", "dev2", "dev3", "dev4", "test"),
           "tuning": ("dev", "dev2", "dev3", "dev4")}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.interpret", description=__doc__)
    parser.add_argument("--split", choices=(*SPLITS, *_GROUPS), default="dev",
                        help="both: dev and test; all: dev, dev2, dev3, dev4 and test; tuning: dev, dev2, dev3 and dev4")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the messages")
    parser.add_argument("--save-as", help="also write results/<name>.json and .md")
    parser.add_argument("--with-ngram", action="store_true",
                        help="also train the n-gram alternatives on dev and score them on test (dev: 5-fold CV)")
    args = parser.parse_args()
    splits = _GROUPS.get(args.split, (args.split,))

    offline, offline_call = offline_engine()
    phrase, phrase_call = phrase_engine()
    results: dict = {"python": platform.python_version(), "splits": {}, "cost": {}}
    texts: list[str] = []
    for split in splits:
        lines = load(split)
        texts += [line.text for line in lines]
        results["splits"][split] = {"offline": score(offline, lines), "phrase_baseline": score(phrase, lines)}
    if args.with_ngram:
        from .ngram import cross_validate

        dev = load("dev")
        results["alternatives"] = {"dev (5-fold CV)": cross_validate(dev)}
        if "test" in splits:
            test = load("test")
            results["alternatives"]["test (trained on all dev)"] = {
                name: {k: v for k, v in score(engine, test)["all"].items() if k != "errors"}
                for name, engine in ngram_engines(dev).items()
            }
    results["cost"] = {
        "offline": measure(offline_call, texts, args.rounds),
        "phrase_baseline": measure(phrase_call, texts, args.rounds),
    }
    print(table(results))
    write(results, args.save_as)


main()
