"""The labelled corpus: ``corpus/dev.jsonl`` and ``corpus/dev2.jsonl`` (tune freely) and
``corpus/test.jsonl`` (held out).

The three splits were written independently of each other. The test split is read only through
:func:`load` by the benchmark command, which prints aggregate figures; nothing else in this
repository opens it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
SPLITS = ("dev", "dev2", "dev3", "dev4", "test")
#: Splits whose per-line errors may be written out (the ones tuned on); never the held-out one.
TUNING_SPLITS = ("dev", "dev2", "dev3", "dev4")

#: The stance an interpreter should give each kind of line.
EXPECTED_STANCE = {
    "correction": "request",
    "standing": "standing",
    "self": "self",
    "complaint": "complaint",
    "lookalike": "none",
}


@dataclass(frozen=True)
class Line:
    id: str
    lang: str
    text: str
    labels: frozenset[tuple[str, str]]
    kind: str


def load(split: str) -> list[Line]:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {SPLITS}")
    lines = []
    with open(CORPUS_DIR / f"{split}.jsonl", encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip():
                row = json.loads(raw)
                labels = frozenset(tuple(label.split("=", 1)) for label in row["labels"])
                lines.append(Line(row["id"], row["lang"], row["text"], labels, row["kind"]))
    return lines
