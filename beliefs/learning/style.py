"""Surface features of one reply: the raw material that edit and choice evidence is read from.

Everything here is regex-only and pure, so it can run on every feedback event. Marker lists cover
English, German and Spanish (some French). They are heuristics: each feature only has to move in
the right direction when a user edits a reply, since evidence comes from the *difference* between
two texts (see :mod:`beliefs.learning.edits`). Language detection costs about a millisecond and lives in
:mod:`beliefs.learning.language`, to be called only when needed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .followup import phrase_regex

# An unclosed fence runs to the end of the text (a truncated or half-edited reply), so its code is
# still not read as prose; only closed pairs count as code blocks.
_FENCE = re.compile(r"```.*?(?:```|\Z)", re.S)
# Searched in "\n" + text: a pattern that opens with a literal newline is found by a fast scan.
_LIST_ITEM = re.compile(r"\n[ \t]*(?:[-*+•‣◦▪–]|\d{1,3}[.)]|[a-z]\))[ \t]+\S")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Each CJK character counts as a word, since those scripts put no spaces between words. This
# pattern is slower, so it is used only for text that contains a character from U+3040 up.
_FIRST_CJK = "\u3040"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_CJK_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['’][^\W{_CJK}]+)*")
# Consumes the end punctuation: sentences are only classified and compared, never shown.
_SENTENCE_BREAK = re.compile(r"[.!?…]+\s+|\n\s*")
# The preamble splitter also breaks after a colon: "Sure! Here's how: ..." opens with two fillers.
_PREAMBLE_BREAK = re.compile(r"(?<=[.!?…:])\s+|\s*\n\s*")
_LEADING_DECORATION = re.compile(r"^[\s¡¿*_#>\"'“„«]+")

_PICTOGRAPH = (
    "\U0001F300-\U0001F3FA\U0001F400-\U0001F64F\U0001F680-\U0001F6FF\U0001F7E0-\U0001F7FF"
    "\U0001F900-\U0001F9FF\U0001FA70-\U0001FAFF\u2600-\u27BF\u231A\u231B\u23E9-\u23F3"
    "\u23F8-\u23FA\u2B05-\u2B07\u2B1B\u2B1C\u2B50\u2B55\u3030\u303D\u3297\u3299"
)
_FIRST_PICTOGRAPH = "\u231A"
_EMOJI_MODIFIER = "\uFE0F\U0001F3FB-\U0001F3FF"
# One match per visible emoji: a flag (two regional indicators), or a pictograph with its skin-tone
# and presentation modifiers, joined by ZWJ into a family or profession sequence.
_EMOJI = re.compile(
    rf"[\U0001F1E6-\U0001F1FF]{{2}}"
    rf"|[{_PICTOGRAPH}][{_EMOJI_MODIFIER}]*(?:\u200D[{_PICTOGRAPH}][{_EMOJI_MODIFIER}]*)*"
)

# --- preamble -----------------------------------------------------------------------------------
# Interjections count only when punctuation follows ("Sure!", "Klar,"), so "Klar ist, dass ..."
# or "Great Britain ..." are not fillers.
_INTERJECTIONS = (
    "sure", "sure thing", "certainly", "of course", "absolutely", "definitely", "no problem",
    "okay", "ok", "alright", "all right", "great", "perfect", "gladly", "happy to help",
    "glad to help", "gerne", "gern", "aber gerne", "natürlich", "klar", "selbstverständlich",
    "kein problem", "claro", "claro que sí", "por supuesto", "desde luego", "con gusto", "vale",
    "perfecto", "bien sûr", "avec plaisir", "d'accord", "certo",
)
_FILLER_OPENINGS = (
    "great question", "good question", "excellent question", "what a great question",
    "that's a great question", "that is a great question", "that's a good question",
    "i'd be happy to", "i'd be glad to", "i would be happy to", "i'm happy to help",
    "i'm glad you asked", "let me explain", "let me help", "let me walk you through",
    "thanks for asking", "thank you for asking",
    "gute frage", "sehr gute frage", "tolle frage", "lass mich erklären", "lassen sie mich erklären",
    "ich helfe dir gerne", "ich helfe ihnen gerne", "ich erkläre es dir gerne",
    "buena pregunta", "muy buena pregunta", "excelente pregunta", "con mucho gusto",
    "déjame explicar", "déjame explicarte", "permíteme explicar", "te explico",
    "bonne question", "excellente question",
)
# "Here's an overview:" style lines announce the answer instead of giving it.
_ANNOUNCEMENTS = (
    "here's", "here is", "here are", "below is", "below are",
    "hier ist", "hier sind", "hier eine", "hier ein", "hier findest du", "hier finden sie",
    "aquí tienes", "aquí tiene", "aquí está", "aquí están", "aquí hay", "a continuación",
    "voici",
)
_MAX_FILLER_WORDS = 12
_MAX_ANNOUNCEMENT_WORDS = 25
_MAX_PREAMBLE_SENTENCES = 3


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


_INTERJECTION = re.compile(rf"(?:{_alternation(_INTERJECTIONS)})\s*(?:[!,.:;—–-]|$)")
_FILLER_OPENING = re.compile(rf"(?:{_alternation(_FILLER_OPENINGS)})\b")
_ANNOUNCEMENT = re.compile(rf"(?:{_alternation(_ANNOUNCEMENTS)})\b.*:$")

# --- formality ----------------------------------------------------------------------------------
# Markers are matched against the casefolded body's words and word pairs, counted once with
# Counter: one tokenisation serves the word count and every marker list.
_CASUAL_WORDS = frozenset(
    # English
    "hey hiya gonna wanna gotta kinda sorta cool awesome lol lmao stuff yeah yep yup nope nah "
    "btw tbh imo guys folks dude y'all pretty totally super tons wow yay huh cheers okay ok "
    # German: informal address and colloquialisms
    "du dich dir dein deine deinen deinem deiner krass mega geil easy kram jo "
    # Spanish: informal address and colloquialisms
    "tú tu tus contigo oye vale guay chévere genial mola súper".split()
)
_CASUAL_PAIRS = frozenset(
    [("no", "worries"), ("no", "biggie"), ("a", "bunch"), ("na", "ja"), ("qué", "tal")]
)
_FORMAL_WORDS = frozenset(
    "furthermore moreover therefore however consequently thus hence additionally nevertheless "
    "accordingly whereas regarding kindly shall subsequently respectively notwithstanding cannot "
    "daher somit folglich jedoch zudem dementsprechend sofern bezüglich hinsichtlich "
    "usted ustedes asimismo además".split()
)
_SUBJECTS = "i you we they it that there he she".split()
_AUXILIARIES = "do does did is are was were will would should could have has had".split()
_FORMAL_PAIRS = frozenset(
    [("in", "addition"), ("be", "noted"), ("please", "note"), ("darüber", "hinaus"),
     ("lo", "tanto"), ("sin", "embargo"), ("no", "obstante"), ("en", "consecuencia"),
     ("cabe", "destacar"), ("por", "consiguiente"), ("let", "us")]
    # Spelling out what could be contracted ("it is", "do not", "you will") reads formal.
    + [(s, v) for s in _SUBJECTS for v in ("am", "are", "is", "will", "would", "have")]
    + [(a, "not") for a in _AUXILIARIES]
)
# German polite address is capitalised; at a sentence start "Sie" may just mean "she/they".
_GERMAN_POLITE = re.compile(r"\b(?:Sie|Ihnen|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres)\b")
_CONTRACTED_PRONOUNS = frozenset("i you we they he she it".split())
_CONTRACTED_IS = frozenset("it that there here what who let he she".split())
_MAX_EXCLAMATIONS = 3


# --- basics explanations ------------------------------------------------------------------------
_BASICS_PHRASES = (
    "in simple terms", "in simple words", "think of it as", "think of it like", "simply put",
    "put simply", "to put it simply", "let's start with the basics", "let us start with the basics",
    "first, what is", "for beginners", "in other words", "basically,", "imagine you", "imagine that",
    "a simple analogy", "in layman's terms",
    "einfach gesagt", "einfach ausgedrückt", "vereinfacht gesagt", "stell dir vor",
    "stellen sie sich vor", "mit anderen worten", "für anfänger", "im grunde",
    "zuerst die grundlagen", "was ist überhaupt",
    "en términos simples", "en términos sencillos", "dicho de forma sencilla", "imagina que",
    "imagínate", "piensa en ello como", "en otras palabras", "para principiantes", "básicamente,",
    "empecemos por lo básico",
    "en termes simples", "autrement dit", "pour les débutants",
)
# Analogies with the subject in the middle: "Think of a decorator as ...", "Stell dir X vor".
_BASICS_ANALOGY = re.compile(
    r"\b(?:think of (?:[\w-]+ ){1,3}(?:as|like)|stell dir (?:[\w-]+ ){0,4}vor|"
    r"piensa en (?:[\w-]+ ){1,3}como)\b"
)
# Definitions of a term at the start of a sentence (after any bullet): "A decorator is a function
# that ...", "Ein Dekorator ist eine Funktion, die ...", "Un decorador es una función que ...".
# Pronoun subjects ("It is a tool that") do not define a term.
_DEFINITION = re.compile(
    r"^[\W\d_]*(?:(?:a|an|the|der|die|das|ein|eine|el|la|los|las|un|una)\s+)?"
    r"(?!(?:this|that|it|there|here|what|which|es|das|dies|dieses|esto|eso|ello|er|sie|he|she|"
    r"they)\b)[\w-]+(?:\s[\w-]+)?\s+(?:is|are|ist|sind|es|son)\s+(?:an?|ein|eine|einer|un|una)\s+"
    r"[\w\s,-]{0,60}?\b(?:that|which|who|der|die|das|welche|welcher|welches|que)\b"
)
# Kept as three patterns: Python's engine runs them faster one by one than as one alternation.
_BASICS_PHRASE = phrase_regex(_BASICS_PHRASES)


@dataclass(frozen=True)
class StyleFeatures:
    """What one reply looks like. Counts are over prose unless stated; code blocks are excluded."""

    words: int
    """Words outside code blocks, preamble included (each CJK character counts as one)."""
    preamble_words: int
    """Words in the filler opening (0 when there is none), so callers can measure the body."""
    list_items: int
    """Lines that start with a bullet (-, *, +, •) or an enumerator (1. 1) a))."""
    has_preamble: bool
    """The reply opens with filler such as "Great question!" or "Here's an overview:"."""
    emoji: int
    """Visible emoji (flags and ZWJ sequences count once)."""
    formal_markers: int
    """Formal markers in the body (preamble excluded); see :func:`tone_markers`."""
    casual_markers: int
    """Casual markers in the body (preamble excluded); see :func:`tone_markers`."""
    code_blocks: int
    """Closed ``` fenced blocks."""
    basics_sentences: int
    """Sentences that explain fundamentals ("In simple terms, ...", "X is a Y that ...")."""

    @property
    def formality(self) -> float:
        """In (-1, 1): -1 very casual, 1 very formal, 0 neutral or no markers."""
        return formality_score(self.formal_markers, self.casual_markers)

    @property
    def body_words(self) -> int:
        """Words after the preamble: what a user shortens or lengthens when editing the content."""
        return self.words - self.preamble_words


def strip_code_blocks(text: str) -> str:
    """``text`` with every fenced code block (closed or not) replaced by a line break."""
    return _FENCE.sub("\n", text) if "```" in text else text


def _words(text: str) -> list[str]:
    if not text or text.isascii() or max(text) < _FIRST_CJK:
        return _WORD.findall(text)
    return _CJK_WORD.findall(text)


def count_words(text: str) -> int:
    """Words in ``text``; each CJK character counts as one word."""
    return len(_words(text))


def split_sentences(text: str) -> list[str]:
    """Sentences and lines of ``text`` (code blocks removed), without empty pieces."""
    return [s for s in _SENTENCE_BREAK.split(strip_code_blocks(text)) if s.strip()]


def _is_filler(sentence: str) -> bool:
    folded = _LEADING_DECORATION.sub("", _fold(sentence)).rstrip(" *_")
    if not folded:
        return False
    words = count_words(folded)
    if words <= _MAX_FILLER_WORDS and (_INTERJECTION.match(folded) or _FILLER_OPENING.match(folded)):
        return True
    return words <= _MAX_ANNOUNCEMENT_WORDS and _ANNOUNCEMENT.match(folded) is not None


def split_preamble(text: str) -> tuple[str, str]:
    """Split a reply into its filler opening (possibly ``""``) and the rest.

    The opening is the longest run (at most three) of leading filler sentences, e.g.
    ``"Great question! Here's how it works:"``.
    """
    prose = strip_code_blocks(text).lstrip()
    pieces = _PREAMBLE_BREAK.split(prose, maxsplit=_MAX_PREAMBLE_SENTENCES)
    taken = 0
    while taken < min(len(pieces), _MAX_PREAMBLE_SENTENCES) and _is_filler(pieces[taken]):
        taken += 1
    if taken == 0:
        return "", prose
    preamble = " ".join(pieces[:taken])
    # Re-split the original prose at the same boundary so the rest keeps its own line breaks.
    rest = prose
    for piece in pieces[:taken]:
        rest = rest[rest.index(piece) + len(piece):]
    return preamble, rest.lstrip()


def count_emoji(text: str) -> int:
    """Visible emoji in ``text``; a flag or a ZWJ family sequence counts once."""
    # Most replies have no character as high as the first pictograph; max() checks that in C.
    if text.isascii() or not text or max(text) < _FIRST_PICTOGRAPH:
        return 0
    return len(_EMOJI.findall(text))


def count_code_blocks(text: str) -> int:
    """Closed ``` fenced blocks in ``text``."""
    if "```" not in text:
        return 0
    return sum(1 for block in _FENCE.findall(text) if len(block) >= 6 and block.endswith("```"))


def tone_markers(text: str) -> tuple[int, int]:
    """(formal, casual) marker counts in ``text``.

    Formal: connectives ("therefore", "jedoch", "sin embargo"), polite address (Sie, usted) and
    spelled-out forms that could have been contracted ("it is", "do not"). Casual: contractions,
    casual words ("gonna", "krass", "guay"), informal address (du, tú) and exclamation marks (at
    most three, so one excited sentence does not decide the tone).
    """
    folded = _fold(text)
    return _tone_markers(text, folded, _words(folded))


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


def _tone_markers(text: str, folded: str, words: list[str]) -> tuple[int, int]:
    counts = Counter(words)
    pairs = Counter(zip(words, words[1:]))
    formal = _total(counts, _FORMAL_WORDS) + _total(pairs, _FORMAL_PAIRS)
    if "Sie" in text or "Ihr" in text:
        formal += sum(1 for m in _GERMAN_POLITE.finditer(text) if _mid_sentence(text, m.start()))
    casual = _total(counts, _CASUAL_WORDS) + _total(pairs, _CASUAL_PAIRS)
    casual += min(text.count("!"), _MAX_EXCLAMATIONS)
    if "'" in folded:
        casual += sum(n for word, n in counts.items() if "'" in word and _is_contraction(word))
    return formal, casual


def _total(counts: Counter, markers: frozenset) -> int:
    return sum(counts[m] for m in counts.keys() & markers)


def _is_contraction(word: str) -> bool:
    stem, _, suffix = word.rpartition("'")
    if suffix == "t":
        return stem.endswith("n")
    if suffix == "s":
        return stem in _CONTRACTED_IS  # not a possessive ("John's")
    return suffix in ("re", "ve", "ll", "d", "m") and stem in _CONTRACTED_PRONOUNS


def formality_score(formal: int, casual: int) -> float:
    """(F - C) / (F + C + 2), in (-1, 1); the +2 keeps a single marker from deciding the tone."""
    return (formal - casual) / (formal + casual + 2)


def _mid_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return bool(before) and before[-1] not in ".!?:\n\"'„“"


def is_basics_sentence(sentence: str) -> bool:
    """Whether ``sentence`` explains fundamentals ("In simple terms, ...", "X is a Y that ...")."""
    folded = _fold(sentence)
    return (
        _BASICS_PHRASE.search(folded) is not None
        or _DEFINITION.match(folded) is not None
        or _BASICS_ANALOGY.search(folded) is not None
    )


def basics_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that explain fundamentals, in order."""
    return [s for s in split_sentences(text) if is_basics_sentence(s)]


def style_features(text: str) -> StyleFeatures:
    """Measure one reply. Pure and regex-only: well under a millisecond for 1,000 characters."""
    prose = strip_code_blocks(text)
    preamble, body = split_preamble(prose)
    folded = _fold(body)
    words = _words(folded)
    formal, casual = _tone_markers(body, folded, words)
    preamble_words = count_words(preamble)
    return StyleFeatures(
        words=preamble_words + len(words),
        preamble_words=preamble_words,
        list_items=len(_LIST_ITEM.findall("\n" + prose)),
        has_preamble=bool(preamble),
        emoji=count_emoji(prose),
        formal_markers=formal,
        casual_markers=casual,
        code_blocks=count_code_blocks(text),
        basics_sentences=len(basics_sentences(prose)),
    )


__all__ = [
    "StyleFeatures",
    "basics_sentences",
    "count_code_blocks",
    "count_emoji",
    "count_words",
    "formality_score",
    "is_basics_sentence",
    "split_preamble",
    "split_sentences",
    "strip_code_blocks",
    "style_features",
    "tone_markers",
]
