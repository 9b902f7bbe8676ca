"""A small trained check that a message is about the assistant's answers at all.

The lexicons propose evidence; this model only vetoes it. It is a logistic regression over the
words and word pairs of the folded message, trained by ``python -m bench.interpret.gate train``
on the tuning splits of the interpretation corpus (dev, dev2, dev3) to tell lines that carry a
preference from look-alikes and bare complaints. Its weights ship in ``_actionable_weights.py``
(generated; no download at run time) and scoring is pure Python: one dictionary lookup per word
and word pair, run only for messages the lexicons already read as evidence.

A message whose probability of carrying a preference is below the threshold keeps no evidence:
"Write me a long poem about the sea" may trip the lexicons, but reads nothing like the feedback
the model was trained on. The threshold (0.3) was chosen on the tuning splits (see
``bench/interpret/README.md``): it costs little recall and removes a share of look-alikes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from itertools import pairwise

#: Messages scoring below this are read as carrying no preference.
DEFAULT_GATE_THRESHOLD = 0.3
_WORDS = re.compile(r"\w+|[?!]")
_LENGTH_BUCKET = 5  # words per bucket of the length feature
_MAX_BUCKET = 6
_LENGTHS = tuple(f"len:{bucket}" for bucket in range(_MAX_BUCKET + 1))


def features(folded: str) -> set[str | tuple[str, str]]:
    """Words, adjacent word pairs (as tuples) and a coarse length ("len:3") of a folded message.

    Pairs are tuples rather than joined strings: a tuple's hash reuses its words' cached hashes,
    which keeps scoring to a few microseconds."""
    words = _WORDS.findall(folded)
    found: set[str | tuple[str, str]] = set(words)
    found.update(pairwise(words))
    found.add(_LENGTHS[min(len(words) // _LENGTH_BUCKET, _MAX_BUCKET)])
    return found


def feature_key(feature: str | tuple[str, str]) -> str:
    """How a feature is written in the weights file: a pair as "a b"."""
    return feature if isinstance(feature, str) else " ".join(feature)


class ActionableGate:
    """P(the message carries a preference) from trained weights; ``passes`` compares it with the threshold."""

    def __init__(self, weights: Mapping[str, float], bias: float, threshold: float = DEFAULT_GATE_THRESHOLD) -> None:
        """``weights`` as written by the training script: word pairs as "a b"."""
        if not 0.0 <= threshold < 1.0:
            raise ValueError("gate threshold must be in [0, 1)")
        self.weights: dict[str | tuple[str, str], float] = {
            (tuple(key.split(" ", 1)) if " " in key else key): weight for key, weight in weights.items()
        }
        self.bias, self.threshold = bias, threshold

    def probability(self, folded: str) -> float:
        found = features(folded)
        get = self.weights.get
        z = self.bias + sum([get(feature, 0.0) for feature in found]) / math.sqrt(len(found))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def passes(self, folded: str) -> bool:
        return self.probability(folded) >= self.threshold


def default_gate(threshold: float = DEFAULT_GATE_THRESHOLD) -> ActionableGate:
    """The shipped model."""
    from ._actionable_weights import BIAS, WEIGHTS

    return ActionableGate(WEIGHTS, BIAS, threshold)
