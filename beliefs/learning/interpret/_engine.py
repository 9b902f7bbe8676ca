"""The offline interpreter: fold, bound, tokenize, gate, read constructions, resolve, take a stance."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from . import lexicon
from ._actionable import DEFAULT_GATE_THRESHOLD, default_gate
from ._gates import apply_gates
from ._grammar import VALUE_KINDS, Cue, Reader, annotate, concept_meta
from ._language import language_cues
from ._patterns import Token, Tokenizer, fold_pattern
from ._reading import Evidence, Reading, Stance
from ._spelling import Speller
from ._text import bound, fold, layout, replace_quotes

#: Characters read per message at most: the first and the last half of a longer one.
DEFAULT_MAX_CHARS = 300
#: Two values of one dimension: the stronger wins only by this margin, else the dimension is dropped.
_CONFLICT_MARGIN = 0.15
_OPENER_WORDS = 6
_REPAIRABLE = frozenset({"adj", "adjlong", "comp", "judge", "direct", "verb", "flip", "target"})
# Roles of tokens that can lead to evidence or to a complaint; a message with none is read as nothing.
_WORTH_READING = VALUE_KINDS | {"complaint", "phone", "allthat", "longtext", "bigtopic", "bureau", "repeat", "years",
                                "asif", "nat", "symbol"}
_LANGUAGE_KINDS = frozenset({"lang", "nat"})
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]+")


class OfflineInterpreter:
    """Reads style preferences from a user's message with per-language lexicons; no I/O, pure Python.

    ``extra_phrases`` maps "dimension=value" to phrases (any language) that ask for that value;
    they match as whole phrases after folding (case, accents) and are withdrawn when negated,
    like built-in phrases. ``max_chars`` bounds the cost: longer messages are read at their start
    and end, where lasting instructions sit.

    ``gate`` is the threshold of the trained "actionable" check (``_actionable.py``): evidence the
    lexicons found is dropped when the message reads unlike feedback on an answer (probability
    below the threshold). ``None`` turns the check off. A configured extra phrase is never vetoed.
    """

    def __init__(
        self,
        extra_phrases: Mapping[str, Sequence[str]] | None = None,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        gate: float | None = DEFAULT_GATE_THRESHOLD,
    ) -> None:
        if max_chars < 20:
            raise ValueError("max_chars must be at least 20")
        self.max_chars = max_chars
        self._gate = None if gate is None else default_gate(gate)
        self._extra: re.Pattern[str] | None = None
        table = lexicon.merged()
        openers = table.pop("opener", [])
        for key, phrases in (extra_phrases or {}).items():
            dimension, sep, value = key.partition("=")
            if not sep or not dimension.strip() or not value.strip() or ">" in key:
                raise ValueError(f"phrase key {key!r} is not 'dimension=value'")
            folded = [re.escape(fold(phrase)) for phrase in phrases]
            if not all(folded):
                raise ValueError(f"empty phrase under {key!r}")
            table.setdefault(f"direct:{dimension.strip()}={value.strip()}", []).extend(folded)
        extra = [re.escape(fold(phrase)) for phrases in (extra_phrases or {}).values() for phrase in phrases]
        if extra:
            self._extra = re.compile(r"\b(?:" + "|".join(extra) + r")\b")
        self._tokenizer = Tokenizer(table)
        self._opener = Tokenizer({"opener": openers})
        # Only words that carry a value are repaired: a slip elsewhere changes nothing worth the risk.
        self._speller = Speller(
            fold_pattern(fragment) for concept, fragments in table.items()
            if concept.partition(":")[0] in _REPAIRABLE for fragment in fragments
        )
        self._meta = {concept: concept_meta(concept) for concept in table}
        self._meta["symbol:emoji"] = concept_meta("symbol:emoji")
        # Concepts that can lead to evidence or a complaint; a message with none is read as nothing.
        self._worth = frozenset(concept for concept, (_, _, roles) in self._meta.items() if roles & _WORTH_READING)

    def _is_opener(self, span: str) -> bool:
        """A short quote that starts like an answer's opening line ("Great question!")."""
        if len(span.split()) > _OPENER_WORDS:
            return False
        span = span.strip("¡¿!?.,;: ")  # "¡Excelente pregunta!"
        tokens = self._opener.tokens(span)
        return bool(tokens) and tokens[0].start == 0

    def prepare(self, text: str) -> str:
        """The message as the interpreter reads it: bounded, folded, quotations replaced."""
        return replace_quotes(fold(bound(text, self.max_chars)), self._is_opener)

    def read(self, text: str) -> Reading:
        """The evidence and stance of one message. Never raises for a string input."""
        folded = self.prepare(text)
        if not folded.strip():
            return Reading()
        reading, tokens = self._read_folded(folded)
        if reading.stance == "none":  # nothing found: try again with typing slips repaired
            # Words the lexicons already read are no slips: "summarise" is not "summaries".
            repaired = self._speller.correct(folded, {word for token in tokens for word in token.text.split()})
            if repaired is not None:
                second, _ = self._read_folded(repaired)
                if second.evidence:
                    reading, folded = second, repaired  # the gate reads the repaired words too
        if reading.evidence and reading.stance != "self" and self._gate is not None and not self._gate.passes(folded) \
                and (self._extra is None or self._extra.search(folded) is None):
            return Reading()  # reads unlike feedback on an answer: the lexicons' evidence is not trusted
        return reading

    def _read_folded(self, folded: str) -> tuple[Reading, list[Token]]:
        """The reading of a folded message, and the concept tokens found in it."""
        lay = layout(folded)
        symbols = () if folded.isascii() else [
            Token("symbol:emoji", m.start(), m.end(), m.group()) for m in _EMOJI.finditer(folded)
        ]
        tokens = self._tokenizer.tokens(folded, symbols, lay.word_starts)
        worth = self._worth
        if not any(token.concept in worth for token in tokens):
            return Reading(), tokens  # nothing that could carry evidence or a complaint: the common case
        toks = annotate(tokens, lay, self._meta)
        apply_gates(toks, lay, folded)
        cues = Reader(toks, lay, folded).run()
        if any(tok.kind in _LANGUAGE_KINDS for tok in toks):
            cues += language_cues(toks, _words_per_sentence(lay))
        evidence, kept = _resolve(cues)
        return Reading(evidence, _stance(toks, kept)), tokens


def _words_per_sentence(lay) -> dict[int, int]:
    counts: dict[int, int] = {}
    previous = 0
    for sentence, end in enumerate(lay.sentence_ends):
        upto = bisect_left(lay.word_starts, end)
        counts[sentence] = upto - previous
        previous = upto
    return counts


def _resolve(cues: list[Cue]) -> tuple[tuple[Evidence, ...], list[Cue]]:
    """One value per dimension: yielding cues give way, conflicts need a clear winner."""
    plain_dimensions = {cue.dimension for cue in cues if cue.yields_to is None}
    live = [cue for cue in cues if cue.yields_to is None or cue.yields_to not in plain_dimensions]
    order: list[str] = []
    best: dict[str, dict[str, float]] = {}
    for cue in live:
        if cue.dimension not in best:
            order.append(cue.dimension)
        values = best.setdefault(cue.dimension, {})
        values[cue.value] = max(values.get(cue.value, 0.0), cue.strength)
    evidence: list[Evidence] = []
    for dimension in order:
        ranked = sorted(best[dimension].items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _CONFLICT_MARGIN:
            continue
        evidence.append((dimension, ranked[0][0], round(ranked[0][1], 2)))
    chosen = {(dimension, value) for dimension, value, _ in evidence}
    return tuple(evidence), [cue for cue in live if (cue.dimension, cue.value) in chosen]


def _stance(toks, kept: list[Cue]) -> Stance:
    """standing > self > request when there is evidence; else complaint or none.

    "self" needs the evidence to come mostly from self-descriptions (a condition, a profession, a
    reading habit), or a first-person statement with no request in it: "I'm 45, the emojis aren't
    necessary" is a correction that happens to start with "I'm".
    """
    open_roles = {role for tok in toks if not tok.gated for role in tok.roles}
    if kept:
        if "standing" in open_roles:
            return "standing"
        self_cues = sum(cue.self_hint for cue in kept)
        asks = bool(open_roles & {"request", "please", "be", "give", "remove", "why", "excess"})
        if self_cues * 2 > len(kept) or (open_roles & {"self", "selfpost"} and not asks):
            return "self"
        return "request"
    if any("complaint" in tok.roles for tok in toks if not tok.gated):
        return "complaint"
    return "none"
