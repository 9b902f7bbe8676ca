"""From concept tokens to evidence: the constructions that give the lexicons their meaning.

The lexicons say how each language spells a concept; this module says what concepts mean next
to each other, the same way in every language:

- "too" + long -> concise; "more"/"be" + formal -> formal; "less" + formal -> casual;
  a comparative ("shorter", "kürzer") asks by itself; a judgement ("wordy") asks for its remedy.
- A target object (emoji, lists, code, an intro, the basics…) takes its value from the operators
  around it: "no"/"without"/"too many"/"what's with" want it gone, "add"/"with"/"I like" want it.
  Negation counts once however many negators a language stacks ("non usare mai").
- A negated request is withdrawn ("don't make it any shorter"), except where the words reverse
  meaning ("don't dumb it down" -> expert; "no need to be so formal" -> casual). "I don't think
  …" and "I don't mind …" withdraw what their sentence goes on to say.
- Coordinated words share their operator ("sois technique et bref", "um oi ou uma frase de
  introdução"); bare style words listed after a colon, or offered with "please"/"maybe", ask for
  themselves ("Tone: formal.", "Stichpunkte vielleicht?").
- Objects named as they already are ("keep the bullets", "the second step in your list", "that
  summary"), tolerated, compared with other things ("shorter than fourteen lines") or stated as an
  effect ("…, dat leest makkelijker") ask for nothing.
- A long piece of writing named in an exclamation, a sarcastic "thanks for the novel" or "I asked
  X, not Y" asks for brevity; years of practice in any trade read as expertise.
- Sentences that are not about the assistant's answers are gated first (``_gates.py``).

Strengths are in (0, 1]: 0.9 for an explicit request, about 0.7 for a judgement or an object
with an implied direction, 0.6 for what a self-description implies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from ._patterns import Token
from ._text import Layout

#: (dimension, plus value, minus value, default sign) per target; a default of +1 means a bare
#: mention already asks for the plus value ("in paragraphs please"), -1 the minus value ("you're
#: over-explaining"), 0 means it needs an operator.
TARGETS: dict[str, tuple[str, str | None, str | None, int]] = {
    "emoji": ("emoji", "use", "avoid", 0),
    "list": ("format", "lists", "prose", 0),
    "prose": ("format", "prose", "lists", 1),
    "code": ("code", "include", "omit", 0),
    "intro": ("preamble", "keep", "skip", 0),
    "basics": ("expertise", "beginner", "expert", 0),
    "jargon": ("expertise", "expert", "beginner", 0),
    "detail": ("length", "detailed", "concise", 0),
    "formalities": ("tone", "formal", "casual", 0),
    "slang": ("tone", "casual", "formal", 0),
    "tone_formal": ("tone", "formal", "casual", 1),
    "tone_casual": ("tone", "casual", "formal", 1),
    "address_formal": ("tone", "formal", "casual", 1),
    "address_informal": ("tone", "casual", "formal", 1),
    # "no recap" turns down a closing summary; it asks for no length.
    "summary": ("length", "concise", None, 1),
    "text": ("length", "detailed", "concise", 0),
    "techdomain": ("expertise", None, "beginner", 0),
    "id_beginner": ("expertise", "beginner", "expert", 0),
    "id_expert": ("expertise", "expert", "beginner", 0),
    "explainbasic": ("expertise", None, "expert", -1),
    # Emoji characters themselves, counted only where the user objects to them ("wozu die ganzen 🚀✨").
    "emoji_sym": ("emoji", "use", "avoid", 0),
}

#: The opposite value of every binary dimension.
OPPOSITE: dict[tuple[str, str], str] = {}
for _dimension, _a, _b in (
    ("length", "concise", "detailed"), ("format", "prose", "lists"), ("tone", "formal", "casual"),
    ("preamble", "skip", "keep"), ("emoji", "avoid", "use"), ("expertise", "expert", "beginner"),
    ("code", "include", "omit"),
):
    OPPOSITE[(_dimension, _a)] = _b
    OPPOSITE[(_dimension, _b)] = _a

#: Concepts that play more than one grammatical role. Any other concept plays the role of its name
#: (operators) or of its kind (value-bearing concepts such as ``adj:tone=formal``).
ROLES: dict[str, frozenset[str]] = {
    "give": frozenset({"add", "task", "respond"}),
    "be": frozenset({"be", "add", "respond"}),
    "some": frozenset({"add", "indef"}),
    "never": frozenset({"neg", "standing"}),
    "explain": frozenset({"explain", "task", "respond"}),
    "task": frozenset({"task", "respond"}),
    "answer": frozenset({"answer", "respond"}),
    "question": frozenset({"question", "wh"}),
    "please": frozenset({"please", "addpost"}),
    "add": frozenset({"add", "respond"}),
    "target:techdomain": frozenset({"target", "techjob"}),
    "when": frozenset({"when", "question"}),
    "symbol:emoji": frozenset({"symbol"}),
    "answerpart": frozenset({"anaphor"}),
    "thirdparty": frozenset({"reported"}),
    "nomore": frozenset({"standing", "neg"}),
    "of": frozenset({"of"}),  # English "of"; in Dutch "of" means "or" (see Reader._alternative)
    "selflike": frozenset({"like", "self"}),
    # How to address the user is a lasting choice ("tutéame", "siezen Sie mich").
    "target:address_formal": frozenset({"target", "standing"}),
    "target:address_informal": frozenset({"target", "standing"}),
    "with": frozenset({"add", "weak"}),
    "whynot": frozenset({"add", "addpost", "request"}),
    "canbe": frozenset({"request", "be"}),  # "pode ser informal?", "can it be shorter?"
    "asin": frozenset({"asin", "langprep", "weak"}),
    "cop_it": frozenset({"copula", "anaphor"}),
    "repeat": frozenset({"repeat", "respond"}),
}

VALUE_KINDS = frozenset({"adj", "adjlong", "comp", "judge", "direct", "verb", "flip", "trait", "target", "lang"})

_PLUS = frozenset({"add", "be", "more", "omitted", "first", "start", "asin"})
_MINUS = frozenset({"remove", "less", "excess", "know"})
_NEG = frozenset({"neg", "negcop"})
_ATTITUDE = frozenset({"like", "dislike", "why"})
#: Operators that may follow their object ("emojis aren't necessary", "a short intro would be nice").
_POST = frozenset({"addpost", "removepost", "negpost", "remove", "like", "dislike", "excesspost", "addverb", "first"})
# Negators that follow their object in verb-final word order (German, Dutch).
_POSTPOSED_NEG = frozenset({"nicht", "niet"})
_POST_ONLY = frozenset({"addpost", "removepost", "negpost", "excesspost", "addverb"})
#: Operators only some targets listen to.
_ONLY_FOR: dict[str, frozenset[str]] = {
    "asin": frozenset({"list", "prose", "code", "summary"}),
    "first": frozenset({"intro"}),
    "start": frozenset({"intro"}),
    "know": frozenset({"basics", "detail", "jargon", "explainbasic"}),
    "omitted": frozenset({"detail", "basics", "code", "intro"}),
}
#: Targets that listen only to quantity: "less text", "so much text", not "text feels cold".
_QUANTITY_ONLY = frozenset({"text"})
_QUANTITY = frozenset({"more", "less", "excess", "neg"})
_WINDOW = 6  # words between an operator and what it modifies
_POST_WINDOW = 5
_STANDING_ONLY = frozenset({"standing"})  # roles of a bare lasting-rule adverb ("always", "sempre")
# Operators that count only right before their word (Dutch "te lang"; "te" is also Romance "you").
_ADJACENT_ONLY = frozenset({"te", "to"})
# Objects an answer can be kept as it was ("keep the bullets"): about that answer, no wish.
_RETAINABLE = frozenset({"list", "prose", "emoji", "code", "intro", "summary"})
_SUBJECT_PRONOUNS = frozenset({"i", "ich", "yo", "je", "j", "io", "eu", "ik"})  # "I", opening a clause
# What may stand between two coordinated adjectives: "technique et bref", "technisch, knapp".
_AND_WORDS = frozenset({"", "and", "und", "y", "e", "et", "en", "ed", "&", "and also", "but also"})
# What may stand between two coordinated objects: "um oi ou uma frase", "no intro or recap".
_OR_WORDS = frozenset({"or", "oder", "o", "ou", "of", "nor", "ni", "noch", "ne", "nem", "nor any"})
_ARTICLE_LIKE = frozenset({"a", "an", "the", "any", "ein", "eine", "einen", "un", "una", "une", "um", "uma", "een",
                           "des", "de", "du", "la", "le", "les", "el", "los", "las", "il", "lo", "gli", "o", "os", "as",
                           "het", "die", "der", "das", "no", "kein", "keine", "sin", "sans", "senza", "sem", "zonder"})
_PREPOSED_VERDICT = 2  # words between a preposed "no need" ("não precisa", "hoeft niet") and its verb
# Nouns for the parts of an answer, after "of"/"with": a format for them is no new content.
_ANSWER_PARTS = re.compile(
    r"(?:(?:the|all the|los|las|les|des|dei|delle|degli|den|die|de|os|as|das|i|gli|le|el|la|het|tutti i|todos los)\s+)?"
    r"(?:steps|points|pasos|puntos|passaggi|punti|schritte|schritten|punkte|punkten|stappen|punten|etapes|passos|pontos"
    r"|ideas|ideen|idee|ideeen|ideias|options|opciones|opzioni|optionen|opties|opcoes)"
)
_BARE_WORDS = 4  # a sentence this short that offers an object with "please"/"maybe" asks for it
# Prepositions for "without" (a remover that governs a noun phrase).
_WITHOUT = frozenset({"without", "ohne", "sin", "sans", "senza", "sem", "zonder"})
# Second-person possessives: "in your list", "in deiner Liste", "dans ta liste", "in je lijst".
_YOUR = frozenset({
    "your", "deiner", "deinem", "deine", "deinen", "dein", "tu", "tus", "ta", "ton", "tes", "votre", "vos", "tuo",
    "tua", "tuoi", "tue", "teu", "teus", "tuas", "je", "jouw", "uw", "ihrer", "ihrem",
})
# Definite, demonstrative and possessive determiners before an object named as it already is.
_DETERMINERS = _YOUR | frozenset({
    "the", "that", "this", "those", "these", "die", "der", "das", "den", "dem", "diese", "dieser", "diesen", "el", "la",
    "los", "las", "ese", "esa", "este", "esta", "le", "les", "ce", "cette", "ces", "il", "lo", "gli", "quel", "quella",
    "questo", "questa", "o", "os", "as", "esse", "essa", "het", "de", "dit", "dat", "deze",
})
# Plain nouns that still mean the answer after "a short …", "une version …".
_ANSWER_WORDS = frozenset({
    "one", "version", "reply", "take", "form", "way", "manner", "style", "variant", "walkthrough", "breakdown",
    "rundown", "run-through", "fassung", "art", "weise", "uberblick", "manera", "forma", "facon", "maniere", "modo",
    "maneira", "jeito", "manier", "vorm", "stijl", "versie", "versione", "versao", "panoramica", "visao", "apercu",
})
# "than X" after a comparative, with the first word of X (folded; all seven languages).
_THAN_OBJECT = re.compile(
    r" (?:than|als|que|di|dan|do que|que o|que a) (?:the |a |an |de |la |le |el |o |het |die |der |das |il |lo )?(\w+)"
)
# What "than" compares with when it means the answer or the user's wish: "shorter than before",
# "que la anterior", "todo lo técnico que quieras".
_ANSWER_OR_WISH = frozenset({
    "that", "this", "before", "last", "previous", "usual", "normal", "now", "yours", "your", "it", "sonst", "vorher",
    "bisher", "letzte", "vorige", "das", "dies", "jetzt", "antes", "anterior", "eso", "esto", "lo", "habitual", "ahora",
    "d", "avant", "precedente", "ca", "cela", "habitude", "maintenant", "prima", "solito", "cosi", "questo", "quello",
    "ora", "isso", "isto", "agora", "dat", "dit", "eerst", "net", "normaal", "nu", "gewoonlijk", "ervoor", "sempre",
    "always", "immer", "siempre", "toujours", "altijd", "quieras", "quiera", "quieres", "vuoi", "voglia", "veux",
    "voudras", "quiser", "quiseres", "queira", "wilt", "wil", "willst", "mochtest", "want", "like", "wish", "can",
    "you", "tu", "du", "jij", "je", "voce", "puedas", "possa", "peux",
})
# Words that make what follows the second term of a comparison ("Code sagt mir mehr als lange Erklärungen").
_THAN_WORDS = frozenset({"als", "than", "que", "che", "di", "dan", "do que"})
# German comparatives that folding makes identical to a positive adjective form.
_UMLAUT_TWINS = frozenset({"kurzer", "langer", "grober", "kurzen"})
# Negation inside an "as if" phrase: "como si nunca", "comme si je n'", "come se non", "als hätte ich keine".
_NEGATED_ASIF = re.compile(r"\b(?:nunca|no|nao|non|ne|n'|nie|keine|nooit|never|nothing)\b|n'")
# Verbs of working, inside self-descriptions ("I work", "ich arbeite", "je bosse", "ik werk").
_WORK = re.compile(r"work|arbeit|trabaj|travail|bosse|lavor|trabalh|werk")
# Comparative words before "than": "more than", "plus que", "mehr als", "meer dan", "più di".
_COMPARATIVE_WORDS = frozenset({"more", "better", "rather", "plus", "mieux", "mehr", "besser", "lieber", "meer",
                                "beter", "liever", "piu", "meglio", "mais", "melhor", "mas", "mejor"})
# After "prefer A", the word that introduces the side turned down: "prefiro parágrafos a listas",
# "je préfère les listes aux longs paragraphes", "I prefer prose to lists", "preferisco X ai Y".
_PREFER_TO = frozenset({"to", "over", "than", "a", "ai", "agli", "alle", "al", "allo", "alla", "aux", "au", "aos",
                        "as", "ao", "als", "dan", "boven", "que", "di", "sobre", "vor"})
# "lists rather than prose", "Listen lieber als Fließtext", "X instead of Y": a "than" that says the
# object before it is the one wanted (a bare "than" only compares: "shorter than ten lines").
_BARE_THAN = frozenset({"than", "dan", "do que", "not just", "not only"})


@dataclass(slots=True)
class Tok:
    concept: str
    kind: str
    key: str
    roles: frozenset[str]
    start: int
    end: int
    text: str
    sentence: int
    clause: int
    word: int
    last_word: int
    gated: bool = False
    """Set by the gates: the token sits in text that is not about the assistant's answers."""


class Cue(NamedTuple):
    """One piece of evidence before conflicts between cues are resolved."""

    dimension: str
    value: str
    strength: float
    yields_to: str | None = None
    """Dropped when this dimension has evidence from another cue ("get to the point" -> preamble)."""
    self_hint: bool = False
    """The cue is a self-description ("I read this on my phone")."""
    negated_object: bool = False
    """Read from a negated object ("no code needed"); withdrawn when the user says the problem is
    solved ("No code needed, I figured it out"): satisfaction, not a preference."""


def concept_meta(concept: str) -> tuple[str, str, frozenset[str]]:
    """(kind, key, roles) of a lexicon concept: "adj:tone=formal" -> ("adj", "tone=formal", {"adj"})."""
    kind, _, key = concept.partition(":")
    if not key:  # an operator: its kind is its name, and it never bears a value
        kind, key = "op:" + concept, ""
    roles = ROLES.get(concept) or (frozenset({kind}) if kind in VALUE_KINDS else frozenset({concept}))
    return kind, key, roles


def annotate(tokens: list[Token], lay: Layout, meta: dict[str, tuple[str, str, frozenset[str]]]) -> list[Tok]:
    """Tokens with their sentence, clause and word positions; a "but" token starts a new clause.

    ``meta`` caches :func:`concept_meta` per concept; it is filled as concepts are met.
    """
    out: list[Tok] = []
    barrier_clause, barriers = -1, 0
    clause_ends, sentence_ends, word_starts = lay.clause_ends, lay.sentence_ends, lay.word_starts
    for token in tokens:
        known = meta.get(token.concept)
        if known is None:
            known = meta[token.concept] = concept_meta(token.concept)
        kind, key, roles = known
        start = token.start
        clause = bisect_right(clause_ends, start)
        if clause != barrier_clause:
            barrier_clause, barriers = clause, 0
        if "but" in roles:
            barriers += 1
        out.append(Tok(token.concept, kind, key, roles, start, token.end, token.text,
                       bisect_right(sentence_ends, start), clause * 64 + barriers,
                       bisect_right(word_starts, start) - 1,
                       bisect_right(word_starts, max(start, token.end - 1)) - 1))
    return out


def _split_key(key: str) -> tuple[str, str, str | None]:
    """"length=concise>preamble" -> ("length", "concise", "preamble")."""
    body, _, yields = key.partition(">")
    dimension, _, value = body.partition("=")
    return dimension, value, (yields or None)


class Reader:
    """Turns the annotated tokens of one message into cues; one instance per message."""

    def __init__(self, toks: list[Tok], layout: Layout, text: str = "") -> None:
        self.toks = toks
        self.layout = layout
        self.text = text
        """The folded message the tokens were found in."""
        self.cues: list[Cue] = []
        self._chosen: dict[int, str] = {}
        """Object index -> the value its operators asked for (what a coordinated object inherits)."""
        self._direction: dict[int, int] = {}
        """Token index -> +1 when it was read as asking for its own value, -1 for the opposite
        (adjectives, idioms and comparatives: what a coordinated adjective inherits)."""

    # -- helpers --------------------------------------------------------------------------------

    def _open(self, i: int) -> bool:
        return not self.toks[i].gated

    def _before(self, i: int, window: int = _WINDOW) -> list[Tok]:
        """Operators before token ``i`` in its clause, nearest first, up to the previous value token.

        An adjective right before a target belongs to it ("begin met een korte begroeting") and is
        looked through."""
        me = self.toks[i]
        found = []
        for j in range(i - 1, -1, -1):
            other = self.toks[j]
            if other.clause != me.clause or me.word - other.last_word > window:
                break
            if other.kind in VALUE_KINDS:
                attributive = other.kind in ("adj", "adjlong") or other.text in _UMLAUT_TWINS
                if me.kind == "target" and attributive and j == i - 1 and me.word - other.last_word == 1:
                    continue
                break
            found.append(other)
        return found

    def _after(self, i: int, window: int = _POST_WINDOW) -> list[Tok]:
        """Postposed operators after token ``i`` in its clause. Where another value token follows,
        only operators that can never precede their object are kept ("… weg en kom ter zake")."""
        me = self.toks[i]
        found = []
        for k in range(i + 1, len(self.toks)):
            other = self.toks[k]
            if other.clause != me.clause or other.word - me.last_word > window:
                break
            if other.kind in VALUE_KINDS:
                return [op for op in found if op.roles & _POST_ONLY]
            found.append(other)
        return found

    def _dislocated(self, i: int) -> list[Tok]:
        """Operators of the next clause when it opens with a verdict on token ``i``'s phrase, set off
        by a comma: "Les longs textes, c'est compliqué pour moi", "Long answers, I hate them"."""
        me = self.toks[i]
        if i + 1 >= len(self.toks):
            return []
        nxt = self.toks[i + 1]
        opening = self.layout.clause_start_word(nxt.start) + (1 if nxt.word and self._pronoun_before(nxt) else 0)
        if nxt.sentence != me.sentence or nxt.clause // 64 != me.clause // 64 + 1 or nxt.word != opening:
            return []
        if not nxt.roles & {"dislike", "like", "removepost", "negpost", "addpost"} or "please" in nxt.roles:
            return []
        return [nxt]

    def _pronoun_before(self, tok: Tok) -> bool:
        """A subject pronoun opens the clause before ``tok`` ("…, I hate them", "…, je déteste")."""
        start = self.layout.word_starts[tok.word - 1]
        return self.text[start : self.layout.word_ends[tok.word - 1]] in _SUBJECT_PRONOUNS

    def _sentence_attitude(self, i: int) -> tuple[int, bool]:
        """(-1 for a complaint question or dislike earlier in the sentence, +1 for a like, else 0;
        whether a "when" clause separates it from token ``i``, so it judges a situation)."""
        me = self.toks[i]
        when = False
        for j in range(i - 1, -1, -1):
            other = self.toks[j]
            if other.sentence != me.sentence:
                break
            if "when" in other.roles:
                when = True
            if other.roles & {"why", "dislike"}:
                return -1, when
            if "like" in other.roles:
                return 1, when
        return 0, False

    @staticmethod
    def _loose(op: Tok, me: Tok) -> bool:
        """An operator that only counts right before its word but stands further away: Dutch "te"
        ("te lang") is also Spanish, French and Portuguese "you" ("te pido que …")."""
        return op.text in _ADJACENT_ONLY and me.word - op.last_word > 1

    @staticmethod
    def _negated(ops: list[Tok], window_words: int, me: Tok) -> Tok | None:
        """The negator among ``ops`` within ``window_words`` of ``me``. A verdict that usually
        follows its object also negates right before it: "non serve accorciarlo", "hoeft niet korter"."""
        for op in ops:
            gap = me.word - op.last_word
            if op.roles & _NEG and gap <= window_words or "negpost" in op.roles and gap <= _PREPOSED_VERDICT:
                return op
        return None

    def _emit(self, dimension: str, value: str | None, strength: float, **extra) -> None:
        if value:
            self.cues.append(Cue(dimension, value, strength, **extra))

    # -- constructions --------------------------------------------------------------------------

    def run(self) -> list[Cue]:
        if any(tok.roles & {"like", "than"} for tok in self.toks):
            self._turned_down()
        for i, tok in enumerate(self.toks):
            if tok.kind == "symbol" and self._open(i):
                self._target(i, tok, "emoji_sym")
            if tok.kind not in VALUE_KINDS or tok.kind == "lang" or not self._open(i):
                continue
            if tok.kind in ("comp", "direct", "verb", "flip", "trait"):
                self._fixed(i, tok)
            elif tok.kind in ("adj", "adjlong"):
                self._adjective(i, tok)
            elif tok.kind == "judge":
                self._judgement(i, tok)
            elif tok.kind == "target":
                self._target(i, tok, tok.key)
        self._pairs()
        if any("resolved" in tok.roles and not tok.gated for tok in self.toks):
            self.cues = [cue for cue in self.cues if not cue.negated_object]
        return self.cues

    def _turned_down(self) -> None:
        """"I prefer A to B": the value words of B name the side turned down and ask for nothing
        (they are set aside like gated text); A is read as usual."""
        toks, lay, text = self.toks, self.layout, self.text
        for i, tok in enumerate(toks):
            if tok.kind in VALUE_KINDS and self._after_comparison(tok):
                tok.gated = True  # "les listes m'aident beaucoup plus que les gros paragraphes"
                continue
            if "than" in tok.roles and tok.text not in _BARE_THAN and i > 0 and toks[i - 1].kind in VALUE_KINDS:
                # "Lijstjes heb ik liever dan lange lappen tekst", "tables instead of a wall of text"
                for other in toks[i + 1 :]:
                    if other.clause != tok.clause or other.word - tok.last_word > 4:
                        break
                    if other.kind in VALUE_KINDS or other.roles & {"longtext", "bigtopic"}:
                        other.gated = True
                continue
            if "like" not in tok.roles or "pref" not in tok.text and tok.text not in ("lieber", "liever"):
                continue
            first = next((j for j in range(i + 1, len(toks)) if toks[j].kind in VALUE_KINDS
                          and toks[j].clause == tok.clause and toks[j].word - tok.last_word <= 6), None)
            if first is None:
                continue
            end = toks[first].last_word
            while first + 1 < len(toks) and toks[first + 1].kind in VALUE_KINDS \
                    and toks[first + 1].word == end + 1:
                first += 1  # "elenchi puntati", "short answers": one noun phrase
                end = toks[first].last_word
            connector = end + 1
            if connector >= len(lay.word_starts) or lay.sentence_of(lay.word_starts[connector]) != tok.sentence:
                continue
            if text[lay.word_starts[connector] : lay.word_ends[connector]] not in _PREFER_TO:
                continue
            for other in toks[first + 1 :]:
                if other.clause != toks[first].clause or other.word - connector > 4:
                    break
                if other.kind in VALUE_KINDS:
                    other.gated = True

    def _after_comparison(self, tok: Tok) -> bool:
        """The token follows "more/better … than" within a determiner and an adjective: the side a
        comparison turns down ("helpen me meer dan lange alinea's", "mehr als lange Texte")."""
        lay, text = self.layout, self.text
        first = lay.clause_start_word(tok.start)
        for back in range(1, 4):
            word = tok.word - back
            if word - 1 < first:
                return False
            here = text[lay.word_starts[word] : lay.word_ends[word]]
            if here in _THAN_WORDS:
                before = text[lay.word_starts[word - 1] : lay.word_ends[word - 1]]
                return before in _COMPARATIVE_WORDS
            if here not in _ARTICLE_LIKE and back > 1:
                return False
        return False

    def _pairs(self) -> None:
        """Constructions made of two concepts that mean little alone."""
        toks = self.toks
        for i, tok in enumerate(toks):
            if not self._open(i):
                continue
            roles = tok.roles
            if "phone" in roles and self._near(i, {"read"}, 6, both=True, same="sentence"):
                self._emit("length", "concise", 0.6, self_hint=True)
            elif "allthat" in roles:
                reader = self._near(i, {"read"}, 2)
                if reader is not None and self._near(toks.index(reader), _NEG, 3) is not None:
                    self._emit("length", "concise", 0.8)
            elif roles & {"longtext", "bigtopic"} and self._oversized(i, tok):
                self._emit("length", "concise", 0.8)
            elif "bureau" in roles and self._near(i, {"simile", "neg", "negcop"}, 5, same="sentence"):
                self._emit("tone", "casual", 0.7)
            elif "repeat" in roles:
                question = self._near(i, {"myquestion"}, 5, both=True)
                if question is not None:
                    first = min(i, toks.index(question))
                    span = toks[first : max(i, toks.index(question)) + 1]
                    if any(t.roles & (_NEG | {"remove"}) for t in span) \
                            or self._near(first, _NEG | {"remove"}, 6, same="sentence"):
                        self._emit("preamble", "skip", 0.85)
            elif "asif" in roles and self._counterfactual_ignorance(i, tok):
                self._emit("expertise", "beginner", 0.8)
            elif "years" in roles and (self._near(i, {"techjob", "proglang", "profession"}, 12, both=True,
                                                  same="sentence") or self._works(tok) or self._is_a_trade(i)):
                self._emit("expertise", "expert", 0.6, self_hint=True)

    def _counterfactual_ignorance(self, i: int, tok: Tok) -> bool:
        """"Explain it as if I'd never opened a bonnet", "como si nunca hubiera visto …", "alsof ik
        nog nooit …", "als hätte ich keine Ahnung …": a pretended lack of knowledge asks for basics."""
        if _NEGATED_ASIF.search(tok.text):
            return True
        for other in self.toks[i + 1 : i + 4]:
            if other.sentence != tok.sentence or other.word - tok.last_word > 4:
                break
            if other.roles & (_NEG | {"never"}):
                return True
        return False

    def _negated_after(self, op: Tok) -> bool:
        """A negator right after ``op`` ("ça me parle pas", "zegt me niet"): French drops "ne"."""
        j = self.toks.index(op) + 1
        return j < len(self.toks) and bool(self.toks[j].roles & _NEG) and self.toks[j].word - op.last_word <= 1 \
            and self.toks[j].clause == op.clause

    def _is_a_trade(self, i: int) -> bool:
        """"Sou advogado há vinte anos", "Faccio l'avvocato da vent'anni": a word for an office or a
        trade the user says they are (lexicon ``bureau``), with years."""
        tok = self.toks[i]
        return self._near(i, {"bureau"}, 8, both=True, same="sentence") is not None and any(
            "self" in other.roles and other.sentence == tok.sentence for other in self.toks)

    def _works(self, tok: Tok) -> bool:
        """"Ich arbeite seit zwölf Jahren als …", "Trabalho com … há doze anos": years of work in a
        trade the lexicon does not name, said by the user about themselves."""
        return any("self" in other.roles and other.sentence == tok.sentence and not other.gated
                   and _WORK.search(other.text) for other in self.toks)

    def _oversized(self, i: int, tok: Tok) -> bool:
        """A long piece of writing named to say the answer was too long: "what an essay", "you wrote
        a novel", "thanks for the dissertation", "I asked when it shuts, not for its life story".
        Subjects that are only big in contrast (a story, a guide) count only in the last form."""
        if "longtext" in tok.roles:
            if self._near(i, {"exclaim", "neg", "copula", "why", "negcop", "negpost", "remove", "wrote"}, 3):
                return True
            if self._near(i, {"thanks"}, 3) is not None and self._words_after(tok) <= 2:
                return True  # sarcastic thanks; "thanks for the essay tips" names something else
        neg = self._near(i, _NEG, 3)
        return neg is not None and any(
            "asked" in other.roles and other.sentence == tok.sentence and other.start < neg.start for other in self.toks
        )

    def _near(self, i: int, roles: set[str] | frozenset[str], words: int, *, both: bool = False,
              same: str = "clause") -> Tok | None:
        """The nearest token with one of ``roles`` within ``words`` before (or also after) token ``i``."""
        me = self.toks[i]
        ranges = [range(i - 1, -1, -1)] + ([range(i + 1, len(self.toks))] if both else [])
        for indexes in ranges:
            for j in indexes:
                other = self.toks[j]
                gap = me.word - other.last_word if j < i else other.word - me.last_word
                if getattr(other, same) != getattr(me, same) or gap > words:
                    break
                if other.roles & roles:
                    return other
        return None

    def _fixed(self, i: int, tok: Tok) -> None:
        dimension, value, yields = _split_key(tok.key)
        before, after = self._before(i, 4), self._after(i, 3)
        if tok.kind in ("direct", "judge") and self._praised(i):
            return  # "Perfect, short and sweet": praise of the answer, not a request
        if before and "first" in before[0].roles and tok.word - before[0].last_word <= 2:
            return  # "… before you go into detail": the order of an answer, not its length
        if any("than" in op.roles for op in before[:2]):
            return  # "… rather than just the explanation": the side being turned down
        if tok.text in _UMLAUT_TWINS and before and "indef" in before[0].roles:
            return  # "ein kurzer Einstieg": folded "kürzer" is also the adjective "kurzer"
        if tok.kind in ("comp", "direct") and (self._states_effect(i, before) or self._compares_things(tok)
                                               or self._effect_of_other(i, before)):
            return  # "…, dat leest makkelijker": why the user asks; "shorter than fourteen lines": a fact
        negated = self._negated(before, 4, tok) or next((op for op in after if "negpost" in op.roles), None)
        if negated is None and self._doubted(tok):
            return
        if tok.kind == "direct" and (any("removepost" in op.roles for op in after) or any(
            op.text in _WITHOUT and tok.word - op.last_word <= 2 for op in before
        )):
            return  # "lässt das Wichtigste weg", "sin perder lo importante": the phrase names what is lost
        if negated is not None:
            if tok.kind == "flip":
                self._emit(dimension, OPPOSITE.get((dimension, value)), 0.7)
            return
        if tok.kind == "direct" and any("dislike" in op.roles for op in after):
            # "met code kan ik niks": the phrase names what the user cannot use
            self._emit(dimension, OPPOSITE.get((dimension, value)), 0.7)
            return
        strength = 0.6 if tok.kind == "trait" else 0.9
        self._direction[i] = 1
        self._emit(dimension, value, strength, yields_to=yields, self_hint=tok.kind == "trait")

    def _states_effect(self, i: int, before: list[Tok]) -> bool:
        """A comparative after "that/it + copula" in a clause of its own states the effect of
        something else ("zet ze onder elkaar, dat leest makkelijker", "…, so it's easier to read")."""
        if not before or "copula" not in before[0].roles or self.toks[i].word - before[0].last_word > 2:
            return False
        subject = before[1] if len(before) > 1 else None
        return "cop_it" in before[0].roles or (
            subject is not None and "anaphor" in subject.roles and before[0].word - subject.last_word <= 1
            and subject.word == self.layout.clause_start_word(subject.start)
        )

    def _effect_of_other(self, i: int, before: list[Tok]) -> bool:
        """A purpose or result phrase ("pra ficar", "che è", "so it's", "dat maakt het") governs the
        word, and something else was asked for earlier in the sentence: the word is the reason."""
        effect = next((op for op in before[:3] if "effect" in op.roles), None)
        if effect is None:
            return False
        me = self.toks[i]
        return any(other.kind in VALUE_KINDS and other.sentence == me.sentence and other.start < effect.start
                   for other in self.toks[:i])

    def _adjective(self, i: int, tok: Tok) -> None:
        dimension, value, _ = _split_key(tok.key)
        opposite = OPPOSITE[(dimension, value)]
        following = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if following is not None and following.kind == "target" and following.word == tok.last_word + 1 \
                and following.concept != "target:text":
            return  # attributive: "a short intro", "long paragraphs" describe the object that follows
        before = self._before(i)
        intens = any("intens" in op.roles for op in before[:2])
        # Politeness, intensity, the answer itself and a lasting-rule adverb sit between a verb and
        # its manner without changing it: "rispondimi sempre in modo sintetico".
        # "with" only names the object an attitude is about: "mit langen Texten tu ich mich schwer";
        # a preposition further back ("hou het in uw antwoorden … formeel") does not govern it.
        nearest = next((op for op in before
                        if not op.roles & {"intens", "please", "anaphor", "indef", "answer", "noise"}
                        and op.roles != _STANDING_ONLY and op.concept != "with"
                        and not ("asin" in op.roles and tok.word - op.last_word > 1) and not self._loose(op, tok)),
                       None)
        if nearest is not None and "self" in nearest.roles and dimension in ("tone", "expertise") \
                and tok.kind == "adj" and tok.word - nearest.last_word <= 2:
            self._emit(dimension, value, 0.6, self_hint=True)  # "Ik ben nogal informeel", "I'm pretty technical"
            return
        roles = nearest.roles if nearest is not None else frozenset()
        if "tolerate" in roles:
            return  # "ça ne me dérange pas si c'est long": tolerated, not wished for
        if (not roles or roles & {"so"}) and self._near(i, {"aslike"}, 5, both=True) is not None:
            roles = frozenset({"be"})  # "zo technisch als je wilt", "as technical as you like": permission
        after = self._after(i, 1)
        if any("excesspost" in op.roles for op in after):
            roles = frozenset({"excess"})
        elif any("bepost" in op.roles for op in after) and not roles & {"less", "excess", "so", "more"}:
            roles = frozenset({"be"})  # "du kannst ruhig technisch werden"
        wanted: str | None = None
        excess_like = False
        if roles & {"more", "less"}:
            governing = next((op for op in before[before.index(nearest) + 1 :]
                              if not op.roles & {"anaphor", "intens", "indef"}), None)
            if governing is not None and "copula" in governing.roles and governing.text != "e":
                return  # "ça sera plus sympa", "it'd feel less robotic": an effect, not a request
        if self._effect_of_other(i, before):
            return  # "coloca uns emojis pra ficar mais leve": why the user asks for something else
        if roles & {"more", "be", "like", "add"} or ("explain" in roles and dimension in ("expertise", "length")):
            wanted = value  # "explain simply", "address me formally" ask like "be simple", "be formal"
        elif roles & {"less", "excess", "so"}:
            wanted, excess_like = opposite, True
        elif roles & {"copula", "exclaim"}:
            if tok.kind == "adjlong" and (intens or "exclaim" in roles or tok.word - nearest.last_word <= 1):
                wanted, excess_like = opposite, True  # "that's long", "que resposta comprida"
        elif nearest is None and intens and tok.kind == "adjlong" and self._clause_initial(i, before):
            wanted, excess_like = opposite, True
        if wanted is None and self._bare_wish(tok):
            self._emit(dimension, value, 0.7)  # "Resumidito, por favor", "Formal, please"
            return
        if wanted is None:
            sign = self._coordinated(i, tok) or (1 if self._listed_after_colon(i, tok) else 0)
            if sign:
                self._direction[i] = sign
                self._emit(dimension, value if sign > 0 else opposite, 0.8)
                return
            sign = self._styled_answer(i, tok, value, opposite)
            if sign:
                self._direction[i] = sign
            return
        if self._doubted(tok) or roles & {"more", "less"} and self._compares_things(tok) \
                or self._describes_new_thing(i, tok):
            return
        neg = self._negated(before, 6, tok)  # "non voglio che tu sia più breve"
        if neg is not None:
            if "like" in roles and "negcop" not in neg.roles:
                wanted = opposite  # "non mi piacciono le risposte lunghe", "I don't like short answers"
            elif "negcop" in neg.roles or not excess_like:
                return
        self._direction[i] = 1 if wanted == value else -1
        self._emit(dimension, wanted, 0.9 if not intens or roles else 0.75)

    def _coordinated(self, i: int, tok: Tok) -> int:
        """The direction of the adjective this one is coordinated with ("sois technique et bref",
        "respostas técnicas e curtas", "too long and complicated"), or 0."""
        following = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if following is not None and following.word == tok.last_word + 1 and (
            "answer" in following.roles or following.concept == "target:text"
        ):
            return 0  # "…, lange Texte sind anstrengend": a noun phrase of its own
        j = i - 1
        while j >= 0 and (self.toks[j].roles & {"intens"} or self.toks[j].text in _AND_WORDS) \
                and self.toks[j].sentence == tok.sentence:
            j -= 1  # "e" is also Italian "is": here it joins
        if j < 0 or j not in self._direction or self.toks[j].sentence != tok.sentence \
                or self.toks[j].kind not in ("adj", "adjlong", "comp", "direct"):
            return 0
        between, cursor = [], self.toks[j].end
        for other in self.toks[j + 1 : i]:
            if "intens" in other.roles:  # "technical and very short": the intensifier is no joint
                between.append(self.text[cursor : other.start])
                cursor = other.end
        between.append(self.text[cursor : tok.start])
        joint = " ".join(" ".join(between).replace(",", " ").split())
        if self.toks[j].kind == "direct" and not joint:
            return 0  # an idiom and an adjective need an explicit "and": "to the point en kort"
        return self._direction[j] if joint in _AND_WORDS else 0

    def _listed_after_colon(self, i: int, tok: Tok) -> bool:
        """A bare adjective that is a whole clause right after a colon: "Für alle weiteren
        Antworten: technisch, knapp, …", "Tone: formal." Each item of the list is a wish."""
        lay = self.layout
        clause = lay.clause_of(tok.start)
        if not clause or self.text[lay.clause_ends[clause - 1] : lay.clause_ends[clause - 1] + 1] != ":":
            return False
        start = lay.clause_ends[clause - 1]
        end = lay.clause_ends[clause] if clause < len(lay.clause_ends) else len(self.text)
        words = bisect_right(lay.word_starts, end - 1) - bisect_right(lay.word_starts, start)
        covered = sum(other.last_word - other.word + 1 for other in self.toks
                      if start <= other.start < end and (other is tok or other.roles & {"intens", "please"}))
        return covered == words

    def _parts_of_answer(self, tok: Tok) -> bool:
        """What follows "of"/"with" up to the sentence end is the answer's own parts ("a list of the
        steps", "una listita con los pasos", "een lijstje van de stappen"), not new content."""
        lay = self.layout
        end = lay.sentence_ends[tok.sentence] if tok.sentence < len(lay.sentence_ends) else len(self.text)
        return _ANSWER_PARTS.fullmatch(self.text[tok.end : end].strip(" ,")) is not None

    def _describes_new_thing(self, i: int, tok: Tok) -> bool:
        """"Formuliere eine förmliche Einladung", "write a long poem": an adjective between an
        indefinite article and a noun that is no word for the answer describes new material."""
        if i == 0 or "indef" not in self.toks[i - 1].roles or self.toks[i - 1].last_word != tok.word - 1:
            return False
        lay, nxt = self.layout, tok.last_word + 1
        if nxt >= len(lay.word_starts) or lay.sentence_of(lay.word_starts[nxt]) != tok.sentence:
            return False
        following = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if following is not None and following.start == lay.word_starts[nxt]:
            return False  # "a short answer", "a formal tone": a concept follows
        return self.text[lay.word_starts[nxt] : lay.word_ends[nxt]] not in _ANSWER_WORDS

    def _compares_things(self, tok: Tok) -> bool:
        """"Shorter than fourteen lines", "più corto di quattordici versi": a comparison with
        something other than the answer is a fact, not a wish ("shorter than before" still asks)."""
        than = _THAN_OBJECT.match(self.text, tok.end)
        return than is not None and than.group(1) not in _ANSWER_OR_WISH

    def _doubted(self, tok: Tok) -> bool:
        """An earlier "I don't think" or "I don't mind" governs the clause ``tok`` is in: "Ich glaube
        nicht, dass es kürzer sein muss", "ça ne me dérange pas si c'est long"."""
        return any(other.roles & {"negthink", "tolerate"} and other.sentence == tok.sentence and other.start < tok.start
                   for other in self.toks)

    def _bare_wish(self, tok: Tok) -> bool:
        """``tok``'s sentence is little more than it and a "please" or "maybe" ("Formal, please",
        "Stichpunkte vielleicht?", "Des puces, peut-être ?"), or a verbless instruction made of
        style words and a lasting-rule adverb ("Bitte in Zukunft immer kurz und knackig")."""
        sentence = [other for other in self.toks if other.sentence == tok.sentence]
        if not any(other.roles & {"please", "maybe"} for other in sentence):
            return False
        lay = self.layout
        start = lay.sentence_ends[tok.sentence - 1] if tok.sentence else 0
        end = lay.sentence_ends[tok.sentence] if tok.sentence < len(lay.sentence_ends) else len(self.text)
        first, last = bisect_right(lay.word_starts, start - 1), bisect_right(lay.word_starts, end)
        if len(sentence) <= 3 and last - first <= _BARE_WORDS:
            return True
        covered = set()
        for other in sentence:
            if other.kind in ("adj", "adjlong") or other.roles & {"please", "maybe", "standing", "intens"}:
                covered.update(range(other.word, other.last_word + 1))
            elif other.kind != "op:and":
                return False
        return all(word in covered or self.text[lay.word_starts[word] : lay.word_ends[word]] in _AND_WORDS
                   for word in range(first, last))

    def _preferred_over(self, i: int, tok: Tok) -> bool:
        """A "rather than"/"lieber als"/"instead of" right after the object: it is the side wanted."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return nxt is not None and "than" in nxt.roles and nxt.text not in _BARE_THAN \
            and nxt.clause == tok.clause and nxt.word - tok.last_word <= 1

    def _words_after(self, tok: Tok) -> int:
        """Words after ``tok`` in its sentence (from the layout)."""
        lay = self.layout
        end = lay.sentence_ends[tok.sentence] if tok.sentence < len(lay.sentence_ends) else lay.word_starts[-1]
        return sum(1 for start in lay.word_starts if tok.end <= start < end)

    def _praised(self, i: int) -> bool:
        """Praise earlier in the sentence and nothing that asks for a change."""
        me = self.toks[i]
        sentence = [tok for tok in self.toks if tok.sentence == me.sentence]
        return any("praise" in tok.roles for tok in sentence if tok is not me) and not any(
            tok.roles & {"be", "request", "please", "give", "add", "remove", "more", "less", "excess", "neg"}
            for tok in sentence
        )

    def _clause_initial(self, i: int, before: list[Tok]) -> bool:
        me = self.toks[i]
        first = before[-1] if before else me
        if i - len(before) - 1 >= 0 and self.toks[i - len(before) - 1].clause == me.clause:
            return False
        return first.word <= self._clause_first_word(i) + 1

    def _clause_first_word(self, i: int) -> int:
        me = self.toks[i]
        word = me.word
        for j in range(i - 1, -1, -1):
            if self.toks[j].clause != me.clause:
                break
            word = self.toks[j].word
        return min(word, me.word)

    def _styled_answer(self, i: int, tok: Tok, value: str, opposite: str) -> int:
        """"short answers", "respuestas cortas": an adjective next to a word for answers.
        Returns the direction read (+1 for ``value``, -1 for ``opposite``), or 0."""
        if i > 0 and self.toks[i - 1].text in _THAN_WORDS and tok.word - self.toks[i - 1].last_word <= 1:
            return 0  # the dispreferred side of a comparison
        neighbours = []
        if i + 1 < len(self.toks):
            neighbours.append(self.toks[i + 1])
        if i > 0:
            neighbours.append(self.toks[i - 1])
        for other in neighbours:
            # "long texts": a length adjective on a word for text; "plain text" is no wish for simplicity
            wordy = "answer" in other.roles or (other.concept == "target:text" and _split_key(tok.key)[0] == "length")
            if wordy and other.clause == tok.clause and abs(other.word - tok.word) <= 2:
                dimension = _split_key(tok.key)[0]
                # The operators around the noun phrase count: "long texts tire me", "I hate long answers".
                anchor = self.toks.index(other) if other.start > tok.start else i
                chosen = self._polarity(anchor, self.toks[anchor], (dimension, value, opposite, 1), "styled")
                return 0 if chosen is None else (1 if chosen == value else -1)
        return 0

    def _judgement(self, i: int, tok: Tok) -> None:
        dimension, value, yields = _split_key(tok.key)
        if self._doubted(tok):
            return  # "ça ne me dérange pas si c'est long"
        before = self._before(i, 4)
        if dimension == "expertise" and self._near(i, {"lang"}, 3, both=True) is not None:
            return  # "no entiendo bien el inglés": the language, not the level
        neg = self._negated(before, 3, tok)
        if neg is not None and not any("be" in op.roles for op in before) and not (
            "negcop" not in neg.roles and before and before[0].roles & {"so", "excess"}
        ):
            return  # "it isn't too stiff" withdraws; "don't be so stiff", "nicht so steif" still ask
        if len(before) >= 2 and before[0].roles & {"less", "more"} and before[1].roles & {"copula"}:
            return  # "feels less robotic": describes an effect, asks for nothing
        if any("self" in op.roles and tok.word - op.last_word <= 3 for op in before):
            return  # "I'm a chatty person myself": describes the user, not the answer
        strength = 0.8 if any(op.roles & {"excess", "so", "copula", "intens", "less"} for op in before) else 0.7
        self._emit(dimension, value, strength, yields_to=yields)

    def _target(self, i: int, tok: Tok, name: str) -> None:
        spec = TARGETS.get(name)
        if spec is None:
            return
        if name == "jargon" and any(other.kind == "lang" and not other.gated for other in self.toks):
            return  # "answer in English, the technical terms are easier": vocabulary, not level
        if name == "emoji_sym" and not any(op.roles & {"why", "excess", "remove"} for op in self._before(i, 2)):
            return
        if name in ("list", "summary") and i + 1 < len(self.toks):
            following = self.toks[i + 1]
            more_words = i + 2 < len(self.toks) and self.toks[i + 2].sentence == tok.sentence or \
                self._words_after(following) > 0
            if following.word == tok.last_word + 1 and following.concept in ("of", "with") and more_words \
                    and not self._parts_of_answer(following):
                return  # "a list of the steps to bake bread", "een lijst met tien ideeën": content, not format
        self_hint = name in ("id_beginner", "id_expert")
        if name in ("prose", "list") and i > 0:
            previous = self.toks[i - 1]
            if previous.kind in ("adj", "adjlong") and previous.word == tok.word - 1 \
                    and _split_key(previous.key)[0] == "length":
                # "long paragraphs are hard for me", "kurze Absätze": the length, not the format
                _, value, _ = _split_key(previous.key)
                self._polarity(i, tok, ("length", value, OPPOSITE[("length", value)], 1), "styled")
                return
        if name in ("id_beginner", "id_expert"):
            before = self._before(i, 4)
            after = self._after(i, 2)
            about_self = any(op.roles & {"self", "asif"} for op in before) \
                or any("selfpost" in op.roles for op in after)
            if not about_self:
                return
            spec = (spec[0], spec[1], spec[2], 1)
        self._polarity(i, tok, spec, name, self_hint)

    def _polarity(self, i: int, tok: Tok, spec: tuple[str, str | None, str | None, int], name: str,
                  self_hint: bool = False) -> str | None:
        """The value a target is asked for, from the operators around it (also returned; None when
        nothing is asked).

        Direction operators before the target compose with negation ("don't use" = remove;
        negative concord counts once). Attitudes ("what's with", "I like") and postposed verdicts
        ("… aren't necessary", "… allowed") are votes beside that; the majority decides, and the
        direction operators break a tie. A judgement of a whole situation in a "when" clause
        reverses what it judges ("it feels cold when you answer without a greeting" -> keep).
        """
        dimension, plus, minus, default = spec
        before, after = self._before(i), self._after(i)
        if name in _RETAINABLE and any("retain" in op.roles for op in before):
            return None  # "keep the bullets, just fix the typo": about that answer
        if name in _RETAINABLE and self._determined(tok, _YOUR) and all(
            "asin" in op.roles or not op.roles & (_PLUS | _MINUS | _NEG) for op in before
        ):
            return None  # "the second step in your list is wrong": a place in that answer
        if any("tolerate" in op.roles for op in before) or self._doubted(tok):
            return None  # "I don't mind long answers", "I don't think it needs emojis": no wish
        if name == "detail" and any(
            other.concept in ("target:list", "target:prose")
            or other.kind == "direct" and other.key.startswith("format=")
            for other in self.toks[i + 1 : i + 4] if other.clause == tok.clause
        ):
            return None  # "le informazioni in una tabella": the content a format arranges, not more of it
        if not after and not any(op.roles & (_PLUS | _MINUS | _NEG | _ATTITUDE) for op in before):
            after = self._dislocated(i)
        if self._alternative(i, tok, dimension):
            return
        if name in _QUANTITY_ONLY:
            before = [op for op in before if op.roles & _QUANTITY]
            after = []
        core, directed, negated, more, weak_only = 1, False, False, False, True
        votes: list[float] = []
        # "sin tanta jerga", "without so many emojis": a quantity word under another direction
        # only measures; it does not reverse the direction again.
        quantity_only = any(
            op.roles & (_PLUS | {"remove", "less"}) and not op.roles & {"excess", "asin"} for op in before
        )
        removes = [op for op in before if "remove" in op.roles]
        for op in before:  # nearest first
            roles = op.roles
            if self._loose(op, tok):
                continue
            if "than" in roles:
                return
            if roles & (_NEG | {"negpost"}):
                if any(0 <= op.word - r.last_word <= 1 for r in removes):
                    continue  # concord: "senza neanche", "sin ningún", "without any"
                negated = directed = True
                continue
            if "please" in roles:
                votes.append(0.5)  # "bitte ein Codebeispiel": politeness leans toward a wish, weakly
                continue
            if roles & _ATTITUDE:
                # "why'd you give me a script?": the complaint outweighs the verb it questions
                votes.append(1 if "like" in roles else -1.5 if "why" in roles else -1)
                continue
            role = next((r for r in roles if r in _PLUS or r in _MINUS), None)
            if role is None:
                continue
            allowed = _ONLY_FOR.get(role)
            if allowed is not None and name not in allowed:
                continue
            if role == "excess" and (quantity_only or any(o.roles & _NEG for o in before)):
                continue  # "no hace falta tanta formalidad": under a negation, "so much" only measures
            if role == "asin" and any(not other.roles & {"indef", "some", "anaphor", "intens"}
                                      for other in before[: before.index(op)]):
                continue  # "in"/"en" counts only right before the object ("en listas", not Dutch "en" = and)
            directed = True
            more = more or role == "more"
            weak_only = weak_only and "weak" in roles
            core *= -1 if role in _MINUS else 1
        if any("instance" in op.roles for op in after):
            votes = [vote for vote in votes if vote < 0]  # "I love the emojis you used": praise, not a wish
            if not votes and not directed:
                return
        if not negated and any(
            other.text in _POSTPOSED_NEG and other.clause == tok.clause and 0 < other.word - tok.last_word <= 8
            and not any(mid.kind in VALUE_KINDS for mid in self.toks[i + 1 : self.toks.index(other)])
            for other in self.toks[i + 1 : i + 10]
        ):
            negated = directed = True  # verb-final negation: "Emojis will ich bei dir nicht sehen"
        for op in after:
            if op.text in _POSTPOSED_NEG and "neg" in op.roles:
                continue
            roles = op.roles & _POST
            if "addverb" in roles:
                directed = True  # "nooit emoji's gebruiken": the verb, under the negation before the object
                weak_only = False
                continue
            if roles & {"negpost"}:
                if more:
                    return  # "more detail isn't needed": satisfied, not a request for less
                votes.append(-1)
            elif roles & {"removepost", "remove", "dislike"}:
                votes.append(-1)
            elif "excesspost" in roles:
                votes.append(-1.5)  # "three lines of warm-up before anything useful is too much"
            elif "please" in op.roles:
                votes.append(0.5)  # "… weg, aub": politeness leans toward a wish, weakly
            elif "like" in roles and self._negated_after(op):
                votes.append(-1)  # "le code, ça me parle pas": a liking negated after its verb
            elif roles & {"addpost", "like"} or (name == "intro" and "first" in op.roles and not negated):
                votes.append(1)
        if negated:
            if more:
                return  # "I don't need more details": satisfied, not a request for less
            core = -core
        if not directed and not votes and self._preferred_over(i, tok):
            votes.append(1)  # "Listen lieber als Fließtext", "tables rather than prose"
        if not directed and not votes and self._bare_wish(tok):
            votes.append(0.5)  # "Bulleted, please", "Stichpunkte vielleicht?": a bare object offered as a wish
        if not directed and not votes:
            inherited = self._coordinated_object(i, tok, dimension)
            if inherited is not None:  # "começa com um oi ou uma frase de introdução"
                self._chosen[i] = inherited
                self._emit(dimension, inherited, 0.9, self_hint=self_hint)
                return inherited
            attitude, reverses = self._sentence_attitude(i)
            if attitude:
                votes.append(attitude)
            elif default and not self._praised(i) and not self._determined(tok):
                chosen = plus if default > 0 else minus
                self._emit(dimension, chosen, 0.7, self_hint=self_hint)
                return chosen
            else:
                return
        elif directed:
            attitude, reverses = self._sentence_attitude(i)
            if reverses and attitude:
                core *= attitude
        weight = 0.5 if directed and weak_only and not negated else 1.0
        total = (core * weight if directed else 0) + sum(votes)
        sign = core if total == 0 else (1 if total > 0 else -1)
        chosen = plus if sign > 0 else minus
        if self._judged_otherwise(tok, dimension, chosen):
            return None  # "etwas schroff, so ganz ohne Begrüßung": the judgement says what was missing
        self._chosen[i] = chosen
        # An explicit request about an object ("drop the emoji") is worth what a comparative is
        # ("shorter"): 0.9, so two of them reach the tentative wording (at 0.85 each: 0.8455).
        self._emit(dimension, chosen, 0.9, self_hint=self_hint, negated_object=negated or any(v < 0 for v in votes))
        return chosen

    def _coordinated_object(self, i: int, tok: Tok, dimension: str) -> str | None:
        """The value read for an object this one is coordinated with ("no intro or recap", "um oi
        ou uma frase de introdução"), when both belong to one dimension."""
        j = i - 1
        while j >= 0 and self.toks[j].kind not in VALUE_KINDS:
            if not (self.toks[j].roles & {"or", "indef"} or self.toks[j].text in _AND_WORDS):
                return None
            j -= 1
        if j < 0 or j not in self._chosen or self.toks[j].sentence != tok.sentence \
                or tok.word - self.toks[j].last_word > 4:
            return None
        between = self.text[self.toks[j].end : tok.start].replace(",", " ").split()
        if any(word not in _AND_WORDS and word not in _OR_WORDS and word not in _ARTICLE_LIKE for word in between):
            return None
        chosen = self._chosen[j]
        return chosen if (dimension, chosen) in OPPOSITE else None

    def _determined(self, tok: Tok, words: frozenset[str] | None = None) -> bool:
        """The word before ``tok`` is a determiner (``words``, by default any definite, demonstrative
        or possessive one): "that summary leaves out …" names the answer's summary, not a wish for one."""
        lay = self.layout
        if not tok.word:
            return False
        previous = self.text[lay.word_starts[tok.word - 1] : lay.word_ends[tok.word - 1]]
        return previous in (words or _DETERMINERS) and lay.sentence_of(lay.word_starts[tok.word - 1]) == tok.sentence

    def _judged_otherwise(self, tok: Tok, dimension: str, value: str | None) -> bool:
        """A judgement in the same sentence asks for the other value of this dimension: then the
        object describes the fault ("abrupt, without any greeting") rather than asking for it."""
        for other in self.toks:
            if other.sentence == tok.sentence and other.kind == "judge" and not other.gated:
                judged, wanted, _ = _split_key(other.key)
                if judged == dimension and wanted != value:
                    return True
        return False

    def _alternative(self, i: int, tok: Tok, dimension: str) -> bool:
        """"bullet points or prose?": two values of one dimension offered as alternatives."""
        for step in (1, -1):
            j = i + step
            if not 0 <= j < len(self.toks) or not ("or" in self.toks[j].roles or self.toks[j].text == "of"):
                continue
            k = j + step
            if 0 <= k < len(self.toks):
                other = self.toks[k]
                if other.kind == "target" and other.key in TARGETS:
                    other_dimension, other_value = TARGETS[other.key][:2]
                elif other.kind in VALUE_KINDS:
                    other_dimension, other_value = _split_key(other.key)[:2]
                else:
                    continue
                mine = TARGETS[tok.key][1] if tok.kind == "target" and tok.key in TARGETS else _split_key(tok.key)[1]
                if other_dimension == dimension and other_value != mine and abs(other.word - tok.word) <= 4:
                    return True
        return False


__all__ = ["OPPOSITE", "TARGETS", "VALUE_KINDS", "Cue", "Reader", "Tok", "annotate"]
