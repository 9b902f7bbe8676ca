"""The alternative that was measured: a linear model on character n-grams, trained on dev.

``python -m bench.interpret.ngram`` (from the repository root):

5-fold cross-validation on the dev split, as a model alone (one logistic regression per
dimension=value over hashed character 2-5-grams) and as a *gate* on top of the lexicon
interpreter (a binary "actionable or not" model whose "not" vetoes the lexicon's evidence).
Figures go to ``results/ngram_cv.json``. ``python -m bench.interpret --with-ngram`` trains the
same models on all of dev and scores them on the held-out split beside the lexicon interpreter.

Only the dev split is read here. numpy is used for training (it is already installed); scoring
(:class:`NgramModel`) is pure Python. No weights are shipped: the model was not adopted.
"""

from __future__ import annotations

import json
import math
import random
import re
import unicodedata
import zlib
from collections.abc import Iterable
from pathlib import Path

from .corpus import Line, load

CV_PATH = Path(__file__).resolve().parent / "results" / "ngram_cv.json"
BUCKETS = 1 << 16
GATE = "actionable"
_COMBINING = re.compile(r"[\u0300-\u036f]")


def features(text: str) -> list[int]:
    """Hashed character 2-5-grams of the folded text (casefold, no accents), deduplicated."""
    folded = unicodedata.normalize("NFD", text.casefold())
    folded = " " + re.sub(r"\s+", " ", _COMBINING.sub("", folded)).strip() + " "
    grams = {folded[i : i + n] for n in (2, 3, 4, 5) for i in range(len(folded) - n + 1)}
    return sorted({zlib.crc32(gram.encode()) % BUCKETS for gram in grams})


def _targets(line: Line) -> set[str]:
    labels = {f"{d}={v}" for d, v in line.labels}
    if line.labels:
        labels.add(GATE)
    return labels


def train(lines: list[Line], epochs: int = 40, lr: float = 0.5, l2: float = 1e-5, seed: int = 0):
    """(label list, weights[BUCKETS, labels], bias[labels]) by Adagrad on the logistic loss."""
    import numpy as np

    labels = sorted({label for line in lines for label in _targets(line)})
    index = {label: k for k, label in enumerate(labels)}
    docs = [(np.array(features(line.text)), [index[t] for t in _targets(line)]) for line in lines]
    weights = np.zeros((BUCKETS, len(labels)))
    bias = np.zeros(len(labels))
    g2w = np.full((BUCKETS, len(labels)), 1e-8)
    g2b = np.full(len(labels), 1e-8)
    order = list(range(len(docs)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            idx, gold = docs[k]
            scale = 1.0 / math.sqrt(len(idx))
            z = weights[idx].sum(axis=0) * scale + bias
            p = 1.0 / (1.0 + np.exp(-z))
            y = np.zeros(len(labels))
            y[gold] = 1.0
            grad = p - y
            gw = np.outer(np.full(len(idx), scale), grad) + l2 * weights[idx]
            g2w[idx] += gw * gw
            weights[idx] -= lr * gw / np.sqrt(g2w[idx])
            g2b += grad * grad
            bias -= lr * grad / np.sqrt(g2b)
    return labels, weights, bias


class NgramModel:
    """Scores text with trained weights: evidence for labels whose probability passes ``threshold``."""

    def __init__(self, labels: list[str], weights: dict[int, list[float]], bias: list[float],
                 threshold: float = 0.5) -> None:
        self.labels, self.weights, self.bias, self.threshold = labels, weights, bias, threshold

    def probabilities(self, text: str) -> dict[str, float]:
        idx = [i for i in features(text) if i in self.weights]
        scale = 1.0 / math.sqrt(max(1, len(features(text))))
        out = {}
        for k, label in enumerate(self.labels):
            z = self.bias[k] + scale * sum(self.weights[i][k] for i in idx)
            out[label] = 1.0 / (1.0 + math.exp(-z))
        return out

    def evidence(self, text: str) -> set[tuple[str, str]]:
        probs = self.probabilities(text)
        best: dict[str, tuple[float, str]] = {}
        for label, p in probs.items():
            if label == GATE or p < self.threshold:
                continue
            dimension, value = label.split("=", 1)
            if p > best.get(dimension, (0.0, ""))[0]:
                best[dimension] = (p, value)
        return {(d, v) for d, (_, v) in best.items()}

    def actionable(self, text: str) -> bool:
        return self.probabilities(text).get(GATE, 1.0) >= 0.5


def fit(lines: list[Line], threshold: float = 0.5) -> NgramModel:
    """Train on ``lines`` (dev only) and return the scoring model."""
    labels, weights, bias = train(lines)
    used = {i for line in lines for i in features(line.text)}
    return NgramModel(labels, {i: [round(float(w), 4) for w in weights[i]] for i in used},
                      [float(b) for b in bias], threshold)


def _score(pairs: Iterable[tuple[Line, set[tuple[str, str]]]]) -> dict[str, float]:
    tp = fp = fn = look = looks = 0
    for line, found in pairs:
        tp += len(found & line.labels)
        fp += len(found - line.labels)
        fn += len(line.labels - found)
        if line.kind == "lookalike":
            looks += 1
            look += bool(found)
    return {"recall": round(tp / max(1, tp + fn), 3), "precision": round(tp / max(1, tp + fp), 3),
            "lookalike_evidence_share": round(look / max(1, looks), 3)}


def cross_validate(lines: list[Line], folds: int = 5, threshold: float = 0.5) -> dict[str, dict[str, float]]:
    from beliefs.learning.interpret import OfflineInterpreter

    interpreter = OfflineInterpreter()
    order = list(range(len(lines)))
    random.Random(1).shuffle(order)
    alone, gated, lexicon = [], [], []
    for fold in range(folds):
        held = {order[i] for i in range(fold, len(order), folds)}
        model = fit([line for i, line in enumerate(lines) if i not in held], threshold)
        for i in sorted(held):
            line = lines[i]
            lexical = {(d, v) for d, v, _ in interpreter.read(line.text).evidence}
            alone.append((line, model.evidence(line.text)))
            gated.append((line, lexical if model.actionable(line.text) else set()))
            lexicon.append((line, lexical))
    return {"ngram_alone": _score(alone), "lexicon_with_ngram_gate": _score(gated), "lexicon": _score(lexicon)}


def main() -> None:
    lines = load("dev")
    figures = cross_validate(lines)
    print("5-fold cross-validation on dev (the lexicon figure is in-sample: it was written with dev in view)")
    for name, row in figures.items():
        print(f"  {name:26s} recall {row['recall']:.3f}  precision {row['precision']:.3f}  "
              f"lookalikes with evidence {row['lookalike_evidence_share']:.3f}")
    CV_PATH.parent.mkdir(exist_ok=True)
    CV_PATH.write_text(json.dumps({"folds": 5, "threshold": 0.5, "figures": figures}, indent=1) + "\n")
    print(f"wrote {CV_PATH}")


if __name__ == "__main__":
    main()
