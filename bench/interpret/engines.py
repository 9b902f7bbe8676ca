"""The interpreters the benchmark compares, behind one call: text -> (evidence pairs, stance or None)."""

from __future__ import annotations

from collections.abc import Callable

from beliefs.learning.followup import DEFAULT_FOLLOW_UP_PHRASES, PhraseClassifier
from beliefs.learning.interpret import OfflineInterpreter

#: text -> (set of (dimension, value), stance or None when the engine has no notion of stance).
Engine = Callable[[str], tuple[set[tuple[str, str]], str | None]]


def offline_engine() -> tuple[Engine, Callable[[str], object]]:
    """(scored call, raw call for timing) for the lexicon interpreter."""
    interpreter = OfflineInterpreter()

    def score(text: str) -> tuple[set[tuple[str, str]], str | None]:
        reading = interpreter.read(text)
        return {(d, v) for d, v, _ in reading.evidence}, reading.stance

    return score, interpreter.read


def phrase_engine() -> tuple[Engine, Callable[[str], object]]:
    """The phrase table this package replaces (``beliefs.learning.followup``), as the baseline."""
    classifier = PhraseClassifier(DEFAULT_FOLLOW_UP_PHRASES)

    def score(text: str) -> tuple[set[tuple[str, str]], str | None]:
        return {(d, v) for d, v, _ in classifier.classify(text)}, None

    return score, classifier.classify


def ngram_engines(train_lines) -> dict[str, Engine]:
    """The measured alternatives, trained on ``train_lines`` (dev): the n-gram model alone, and the
    lexicon interpreter gated by the n-gram "actionable" model. See ``ngram.py``."""
    from .ngram import fit

    model = fit(train_lines)
    interpreter = OfflineInterpreter()

    def alone(text: str) -> tuple[set[tuple[str, str]], str | None]:
        return model.evidence(text), None

    def gated(text: str) -> tuple[set[tuple[str, str]], str | None]:
        reading = interpreter.read(text)
        if not model.actionable(text):
            return set(), None
        return {(d, v) for d, v, _ in reading.evidence}, None

    return {"ngram_alone": alone, "lexicon_with_ngram_gate": gated}
