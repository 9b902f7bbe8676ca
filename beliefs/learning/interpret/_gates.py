"""Text that is not about the assistant's answers, found before any evidence is read.

A trigger word in such text means nothing about the user's preferences:

- an information question ("How do I make a bulleted list in Word?"), or any question that never
  addresses the assistant ("Is a haiku shorter than a sonnet?"), but not a complaint phrased as a
  question ("why so stiff?");
- a one-off task ("Write a long poem", "Summarize this for my manager: …", "Show me Python code
  for …", "Translate … into Italian", "Describe the French Revolution in detail"): a verb whose
  object is new material rather than the answer gates its clause onward;
- reported speech, a third person as subject, or the user's own writing ("my boss says my emails
  are too long", "my mother-in-law sends me twenty emojis");
- a hypothetical or a question about what the assistant can do ("if I asked you to always answer
  in French, would you…", "can you also speak Japanese?");
- a question about how others behave or what is proper ("why do chatbots use so many emojis?",
  "is it rude to use emojis in an email?"), and the user's own writing project ("I'm writing a
  beginner's guide to …");
- anything for a third person or an occasion ("… it's for my son's school project", "… for my
  speech", "… for 8 people") or handing over material ("… here it is:", "here's the doc"), which
  gates the whole message.

A task verb gates its own clause onward, not what the user said before it, and a later clause the
user opens about themselves ("Explain X, I'm new to this") is read again.
"""

from __future__ import annotations

import re

from ._grammar import VALUE_KINDS, Tok
from ._text import Layout

# Roles that make their whole sentence about something else.
_SENTENCE_GATES = frozenset({"translate", "hypothetical", "ability", "reported", "mycontent"})
# Copulas that open a yes/no question ("Are bullet points better than prose?").
_QUESTION_COPULAS = frozenset({"is", "are", "was", "were", "does", "do", "ist", "sind", "es", "est", "e",
                               "zijn", "is het", "esta"})
# Roles of tokens a gate can matter for.
_READABLE = VALUE_KINDS | {"complaint", "phone", "allthat", "longtext", "bigtopic", "bureau", "repeat", "years", "nat",
                           "asif", "symbol", "standing", "self"}
# Question words that open a question even without "?"; others ("quelle" is also Italian "those")
# need the question mark.
_CLEAR_QUESTION_WORDS = frozenset({"how", "what", "which", "where", "who", "wie", "was", "welche", "wo", "comment",
                                   "combien", "hoe", "wat", "waar", "cosa", "dove", "onde", "donde", "cuanto"})
# Words skipped between a verb and its object: recipients and articles (all seven languages).
_RECIPIENTS = frozenset({"me", "us", "mir", "uns", "nos", "moi", "nous", "mi", "ci", "mij", "ons", "to", "dich", "dir",
                         "sich", "te", "toi", "ti", "se", "yourself", "jezelf",
                         "s"})  # German "erklär's" (es)
# Articles that are also object pronouns ("la", "le", "lo"): after an imperative, the pronoun is
# fused to the verb in Spanish and Italian ("explícala") and hyphenated in French ("explique-la").
_ROMANCE_ARTICLES = frozenset({"la", "le", "les", "lo", "los", "las", "el", "il", "gli"})
_ARTICLE_WORDS = frozenset({
    "the", "a", "an", "der", "die", "das", "den", "dem", "ein", "eine", "einen", "el", "la", "los", "las", "un",
    "una", "le", "les", "l", "une", "des", "du", "il", "lo", "gli", "o", "os", "as", "um", "uma", "het", "de",
    "een", "teh",
})
# Words that address the assistant or ask it for something (all seven languages).
_ADDRESSEE = re.compile(
    r"\b(?:you|your|yours|yourself|u|ya|du|dir|dich|dein\w*|euch|tu|ti|toi|vous|votre|vos|ton|tes|usted|ustedes|"
    r"voce|vc|teu|tuo|tuoi|jij|jou|jouw|me|mir|moi|mij)\b"
)
_TAG_QUESTION = re.compile(
    r"\b(?:right|no|non|oder|nicht|vero|ne|toch|hein|eh|ok|okay|maybe|perhaps|please|pls|porfa|bitte|stp|svp|aub|"
    r"graag|vale|dai|he|hm+|ja|si|yes)\W*$"
)
# An object pronoun fused to an imperative: Italian/Spanish "-lo/-la/-melo", French/Portuguese "-le/-lo".
_CLITIC = re.compile(r"\w{3,}(?:lo|la|li|los|las|melo|mela|telo|-le|-la|-les|-lo|-los|-las|-o|-a)$")
# English "why do/does <subject>": the subject says whom the question is about.
_WHY_SUBJECT = re.compile(r" (?:do|does|did) (\w+)")
_ADDRESSED = frozenset({"you", "u", "ya", "ye", "it", "this", "that", "these", "those", "they", "the", "your", "all"})
_VERSION = re.compile(r"(?:\w+ )?(?:version|versione|versao|versie|fassung)")
_DIRECTED = frozenset({"request", "why", "please", "give", "add", "be", "remove", "explain", "task", "whynot",
                       "standing", "complaint", "maybe"})
# Concepts that can be part of a topic's name ("the Roman empire", "French cooking").
_CONTENT_OPS = frozenset({"longtext", "bureau", "phone", "techjob", "profession", "proglang", "lang", "nat", "read"})
_BOUNDARIES = frozenset({"asin", "about", "with", "or", "than", "but", "please", "when", "standing"})
_OBJECT_KINDS = frozenset({"adj", "adjlong", "comp", "judge", "direct", "verb", "flip", "trait", "target"})
# Nouns for the answer and its parts ("this point", "ce paragraphe"): after a demonstrative they
# point back at the answer, where any other noun names new material ("this URL").
_ANSWER_NOUNS = frozenset({
    "one", "point", "part", "paragraph", "section", "bit", "answer", "reply", "response", "explanation", "text",
    "list", "sentence", "step", "example", "idea", "version", "stuff", "thing", "punto", "parte", "parrafo",
    "respuesta", "explicacion", "texto", "lista", "paso", "ejemplo", "punkt", "teil", "abschnitt", "absatz",
    "antwort", "erklarung", "liste", "schritt", "beispiel", "partie", "paragraphe", "reponse", "texte", "etape",
    "exemple", "passaggio", "paragrafo", "risposta", "spiegazione", "testo", "elenco", "esempio", "ponto",
    "resposta", "explicacao", "passo", "exemplo", "punt", "deel", "alinea", "antwoord", "uitleg", "tekst", "lijst",
    "stap", "voorbeeld", "stuk",
})
_DEMONSTRATIVES = frozenset({
    "this", "that", "these", "those", "ce", "cet", "cette", "ces", "este", "esta", "estos", "estas", "ese", "esa",
    "esos", "esas", "questo", "questa", "questi", "queste", "quel", "quella", "quello", "dieser", "diesen", "diese",
    "dieses", "diesem", "jenen", "isto", "isso", "esse", "essa", "estes", "dit", "dat", "deze", "die", "your", "tu",
    "ton", "ta", "tes", "tuo", "tua", "teu", "dein", "deine", "deinen", "je", "jouw", "votre",
})
_ADVERBS = frozenset({"just", "only", "solo", "nur", "seulement", "juste", "solamente", "apenas", "so", "alleen",
                      "even", "mal", "bitte", "please", "again", "simply", "quickly", "rapidamente", "kurz",
                      "rapido", "vite", "snel", "gewoon", "ahora", "agora", "ora", "jetzt", "now", "maintenant",
                      "nu", "also", "too", "aussi", "auch", "tambien", "anche", "tambem", "ook", "better", "besser",
                      "mejor", "mieux", "meglio", "melhor", "beter", "more", "direct", "directly", "direkt",
                      "directo", "directamente", "directement", "diretto", "direttamente", "direto", "diretamente",
                      "straight", "meteen", "gleich", "sofort", "lieber", "rather", "plutot", "piuttosto"})
# Size and "another" words before the object: "une petite liste", "eine kleine Liste", "another example".
_MODIFIERS = frozenset({
    "little", "small", "quick", "short", "brief", "simple", "another", "new", "actual", "real", "full", "whole",
    "complete", "concrete", "working", "petit", "petite", "courte", "court",
    "autre", "nouvel", "nouvelle", "kleine", "kleinen", "kleines", "kurze", "kurzen", "kurzes", "andere", "anderen",
    "neue", "neuen", "pequena", "pequeno", "breve", "otra", "otro", "nueva", "nuevo", "piccolo", "piccola", "altro",
    "altra", "nuovo", "nuova", "outra", "outro", "nova", "novo", "klein", "korte", "kort", "ander", "nieuwe", "nieuw",
})
_PREPOSITIONS = frozenset({
    "in", "on", "about", "for", "of", "into", "with", "from", "to", "en", "sur", "pour", "de", "du", "avec", "dans",
    "auf", "fur", "uber", "mit", "von", "zu", "sobre", "para", "con", "su", "per", "di", "da", "em", "com", "do",
    "op", "over", "voor", "met", "van", "naar", "like", "as", "wie", "als", "como", "comme", "come", "zoals", "alsof",
})
# "make me a list" asks for a format; "give me 5 bullet points about …" orders content.
_ARTICLES = frozenset({"a", "an", "un", "una", "une", "um", "uma", "ein", "eine", "einen", "een", "ne", "un'"})
_STYLE_OBJECTS = frozenset({"target:code", "target:emoji", "target:intro", "target:detail", "target:basics",
                            "target:summary"})
# Wh-words that may follow "explain"/"tell me" in a new question; excludes those that also mean
# "like" ("come", "como", "wie"), which introduce a manner, not a question.
_AMBIGUOUS_WH = frozenset({"come", "como", "wie", "hoe", "comme"})
# The same words open a question when they open a sentence that ends in "?"; so does Spanish and
# Portuguese "que" (folding makes "qué" and "que" one word).
_OPENING_WH = frozenset({"come", "como", "wie", "hoe", "que"})


# A request that ends by handing over the user's text in quotes: "… this paragraph? "In today's world …""
_HANDED_OVER = re.compile(r"[?:]\s*qtext\W*$")
# "that"/"this" pointing back at the answer.
_THAT = frozenset({"that", "this", "it", "das", "dies", "eso", "esto", "isso", "isto", "dat", "dit", "ca", "cela",
                   "quello", "questo"})
_QUANTIFIERS = frozenset({"ganzen", "vielen", "many", "tantos", "tantas", "todos", "todas", "tous", "toutes", "tanti",
                          "tante", "tutti", "tutte", "muitos", "muitas", "vele", "allemaal"})
# "an example (in code)": the shape of the answer, not a topic.
_EXAMPLE_WORDS = frozenset({"example", "examples", "ejemplo", "ejemplos", "exemple", "exemples", "esempio", "esempi",
                            "exemplo", "exemplos", "beispiel", "beispiele", "voorbeeld", "voorbeelden"})
# Plural articles after "why": "les", "los", "i", "die", "de", "the" …
_PLURAL_ARTICLES = frozenset({"the", "les", "los", "las", "i", "gli", "le", "os", "as", "die", "de"})


def apply_gates(toks: list[Tok], lay: Layout, folded: str) -> None:
    """Mark the tokens of text that is not about the assistant's answers (``Tok.gated``)."""
    ordering = any(tok.roles & {"task", "explain", "give", "translate"} or tok.kind == "verb" for tok in toks)
    if any("material" in tok.roles or ("beneficiary" in tok.roles and ordering) for tok in toks):
        for tok in toks:
            tok.gated = True
        return
    by_sentence: dict[int, list[int]] = {}
    for i, tok in enumerate(toks):
        by_sentence.setdefault(tok.sentence, []).append(i)
    for sentence, indexes in by_sentence.items():
        if not any(toks[i].roles & _READABLE for i in indexes):
            continue  # nothing here could become evidence or a complaint: no need to judge it
        start = _gate_from(toks, indexes, lay, sentence, folded)
        resumes = None
        if start is None:
            start = _names_new_topic(toks, indexes, lay, folded)
            if start is not None:
                resumes = _self_clause_after(toks, indexes, lay, start)
        if start is not None:
            for i in indexes:
                if start <= toks[i].start and (resumes is None or toks[i].start < resumes):
                    toks[i].gated = True
    if "qtext" in folded and _HANDED_OVER.search(folded):
        for tok in toks:
            tok.gated = True  # "¿Puedes acortar este párrafo? "En la actualidad …"": the user's own text
        return
    colon = _task_colon(toks, lay, folded) if ":" in folded else None
    if colon is not None:
        first = lay.sentence_of(colon)
        for tok in toks:
            if tok.sentence >= first:
                tok.gated = True


def _gate_from(toks: list[Tok], indexes: list[int], lay: Layout, sentence: int, folded: str) -> int | None:
    """Offset from which this whole sentence is gated, or None (a task verb's clause is gated
    separately, by :func:`_names_new_topic`)."""
    sentence_toks = [toks[i] for i in indexes]
    third = next((i for i in indexes if toks[i].concept == "thirdparty"), None)
    if third is not None and toks[third].word - _clause_start_word(toks, third, lay) <= 1:
        # A third person is the subject: "My mother-in-law sends me twenty emojis …"; what the
        # user said before that clause stands ("… not my thing, my grandson set this up").
        return _clause_offset(lay, toks[third])
    if any(tok.roles & _SENTENCE_GATES and tok.concept != "thirdparty" and not _translates_answer(tok, toks)
           for tok in sentence_toks) \
            or (_opens_question(toks, indexes, lay, sentence, folded) and not _answer_in_code(sentence_toks)) \
            or _code_for_topic(toks, indexes) \
            or (_undirected_question(sentence_toks, lay, sentence, folded) and not _answer_in_code(sentence_toks)):
        return 0
    # An order for new content gates its own clause onward: "I don't need the code, just tell me
    # conceptually what's going on" keeps its first clause.
    return _orders_content(toks, indexes, lay)


def _answer_in_code(sentence_toks: list[Tok]) -> bool:
    """"Und wie sieht das im Code aus?", "¿Y eso cómo se ve en código?": a question about how the
    answer ("that") looks as code asks for code; "how does X look in code" names new material."""
    if any("proglang" in tok.roles for tok in sentence_toks):
        return False
    code = any(tok.key == "code=include" or tok.concept == "target:code" for tok in sentence_toks)
    return code and any("anaphor" in tok.roles and tok.text in _THAT for tok in sentence_toks)


def _self_clause_after(toks: list[Tok], indexes: list[int], lay: Layout, start: int) -> int | None:
    """Offset of a later clause that the user opens about themselves, which ends a task's gate:
    "Leg die termen eens uit, ik ben daar niet in thuis", "Explain X, I'm new to this"."""
    gated_clause = lay.clause_of(start)
    for i in indexes:
        tok = toks[i]
        if lay.clause_of(tok.start) > gated_clause and tok.roles & {"self", "selflike"} \
                and tok.word == lay.clause_start_word(tok.start):
            return lay.clause_ends[lay.clause_of(tok.start) - 1]
    return None


def _translates_answer(tok: Tok, toks: list[Tok]) -> bool:
    """"Translate your answer into German" asks for the answer's language, unlike "translate X"."""
    if "translate" not in tok.roles:
        return False
    i = toks.index(tok)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and bool(nxt.roles & {"anaphor", "answer"}) and nxt.word - tok.last_word <= 2


def _names_new_topic(toks: list[Tok], indexes: list[int], lay: Layout, folded: str) -> int | None:
    """"Describe the French Revolution in detail", "summarize the plot of Hamlet": a verb whose
    object is a plain word (no lexicon concept) names new material, not the last answer.

    Recipients ("me", "mir", "moi") and articles between the verb and its object are skipped;
    an object that is a concept ("it", "the code", "your answer", "the gist", "normal paragraphs")
    keeps the sentence. Returns the offset of the verb's clause, so "I don't need code, just
    explain the idea" keeps its first clause.
    """
    starts = {tok.start: tok for tok in toks}
    for position, i in enumerate(indexes):
        tok = toks[i]
        about = i + 1 < len(toks) and "about" in toks[i + 1].roles and toks[i + 1].word == tok.last_word + 1
        if not (tok.roles & {"task", "explain", "give"} or tok.kind == "verb" or (tok.kind == "direct" and about)):
            continue
        if about:
            tok = toks[i + 1]  # "tell me more about X": X is the object
        elif _CLITIC.search(tok.text):
            continue  # "riducilo", "explícamelo", "résume-le": the object is the answer itself
        if any(toks[j].roles & {"when", "standing"} and toks[j].clause == tok.clause for j in indexes[:position]):
            continue  # "… when you give me steps": a condition, not an order
        if tok.word - _clause_start_word(toks, i, lay) > 3 or any(
            toks[j].kind in _OBJECT_KINDS and toks[j].clause == tok.clause for j in indexes[:position]
        ):
            continue  # not an imperative opening its clause ("the emoji make this look …")
        word, plain = tok.last_word + 1, 0
        while word < len(lay.word_starts) and plain < 3:
            begin = lay.word_starts[word]
            if lay.sentence_of(begin) != tok.sentence or lay.clause_of(begin) != lay.clause_of(tok.start):
                break
            text = folded[begin : lay.word_ends[word]]
            other = starts.get(begin)
            if other is not None and text in _ROMANCE_ARTICLES and "anaphor" in other.roles \
                    and other.end == lay.word_ends[word] \
                    and word + 1 < len(lay.word_starts) and lay.word_starts[word + 1] not in starts:
                word += 1  # "explica la fotosíntesis": an article before a plain noun, not the pronoun "it"
                continue
            if other is not None and (other.kind in _OBJECT_KINDS or other.roles & {"anaphor", "answer"}):
                break  # a concept: right after the verb, the object is the answer, a style or a format
            if (other is not None and other.roles & _BOUNDARIES) or text in _PREPOSITIONS:
                break  # the noun phrase ended
            if other is not None and not other.roles & _CONTENT_OPS:
                word = other.last_word + 1  # an operator ("un peu", "never"): not part of a topic
                continue
            if text in _DEMONSTRATIVES and not plain:
                nxt = word + 1
                noun = folded[lay.word_starts[nxt] : lay.word_ends[nxt]] if nxt < len(lay.word_starts) else ""
                if noun and noun not in _ANSWER_NOUNS and lay.word_starts[nxt] not in starts:
                    return _clause_offset(lay, tok)  # "shorten this URL": new material
                break  # "this point", "ce point", "questo passaggio": part of the answer
            if text not in _RECIPIENTS and text not in _ARTICLE_WORDS and text not in _ADVERBS \
                    and text not in _MODIFIERS and text not in _EXAMPLE_WORDS:
                plain += 1
            word += 1
        if plain:
            return _clause_offset(lay, tok)
    return None


def _clause_offset(lay: Layout, tok: Tok) -> int:
    """Offset where ``tok``'s clause starts."""
    return lay.clause_ends[lay.clause_of(tok.start) - 1] if lay.clause_of(tok.start) else 0


def _clause_start_word(toks: list[Tok], i: int, lay: Layout) -> int:
    """Word index where token ``i``'s clause starts; a "but"/"anyway" token starts it afresh."""
    tok = toks[i]
    start_word = lay.clause_start_word(tok.start)
    for j in range(i - 1, -1, -1):
        other = toks[j]
        if other.word < start_word:
            break
        if "but" in other.roles:
            return max(start_word, other.last_word + 1)
    return start_word


def _opens_question(toks: list[Tok], indexes: list[int], lay: Layout, sentence: int, folded: str) -> bool:
    """An information question: a question word opens a clause of a sentence ending in "?", or
    opens the sentence itself ("how do I turn off …"). "Why" questions are complaints and never gate."""
    asks = lay.question[sentence] if sentence < len(lay.question) else False
    sentence_toks = [toks[i] for i in indexes]
    for position, tok in enumerate(sentence_toks):
        if "why" in tok.roles:
            subject = _WHY_SUBJECT.match(folded, tok.end)
            if asks and subject is not None and subject.group(1) not in _ADDRESSED:
                return True  # "Why do chatbots always use …?": a question about others
            if asks and _about_others(tok, toks, lay, folded):
                return True  # "Pourquoi les Québécois tutoient …?", "Why do the Dutch …?"
            nxt = sentence_toks[position + 1 : position + 4]
            # "Why do people use so many emojis?", "¿Por qué en Colombia usan …?" ask about the world;
            # "why so many emojis?" complains.
            return asks and any("people" in other.roles and other.word - tok.last_word <= 3 for other in nxt)
    first = sentence_toks[0] if sentence_toks else None
    if asks and first is not None and first.text in _OPENING_WH \
            and first.word == lay.sentence_start_word(first.start):
        return True  # "Come li taglio …?", "¿Qué suelo quitar …?": "how"/"what", not "like"/"that"
    for i in indexes:
        tok = toks[i]
        following = toks[i + 1] if i + 1 < len(toks) else None
        if tok.text == "wat" and following is not None and following.word == tok.last_word + 1 \
                and following.roles & {"comp", "more", "less", "adj", "intens"}:
            continue  # Dutch "wat formeler", "wat meer": "a bit", not "what"
        if i > 0 and "indef" in toks[i - 1].roles and toks[i - 1].last_word == tok.word - 1:
            continue  # "una cosa antes de nada": "one thing", not Italian "what"
        distance = tok.word - _clause_start_word(toks, i, lay)
        if "when" in tok.roles and not asks:
            continue  # "Whenever/Cuando hablemos de …, …" sets a rule; only "When …?" asks
        if "question" in tok.roles:
            if distance > 1:
                continue
        elif not ("copula" in tok.roles and tok.text in _QUESTION_COPULAS and distance == 0 and asks):
            continue
        elif _asks_the_assistant_after(tok, sentence_toks, lay):
            continue  # "È troppo lungo, puoi accorciarlo?": the yes/no opener leads into a request
        after_subject = i > 0 and "anaphor" in toks[i - 1].roles and toks[i - 1].last_word == tok.word - 1
        opening = tok.word - lay.sentence_start_word(tok.start)
        if tok.text == "was" and not asks and opening:
            continue  # German "was" opens a question; after a word it is English or Dutch "was"
        if asks or (not after_subject and (" " in tok.text and opening == 0
                                           or tok.text in _CLEAR_QUESTION_WORDS and opening <= 1)):
            return True  # without "?", only an unambiguous opener: "how do I turn off …" (not Dutch "dat was")
    return False


def _asks_the_assistant_after(opener: Tok, sentence_toks: list[Tok], lay: Layout) -> bool:
    """A later clause of the same sentence addresses the assistant ("Is it too long, can you cut
    it?", "C'est trop long, tu peux …?"): the sentence is a request, not a yes/no question."""
    clause = _clause_offset(lay, opener)
    return any(other.roles & _DIRECTED and _clause_offset(lay, other) > clause
               for other in sentence_toks if other.start > opener.start)


def _about_others(tok: Tok, toks: list[Tok], lay: Layout, folded: str) -> bool:
    """"why" + a plural article + a plain noun that is not the answer or part of it: the question
    is about other people ("Pourquoi les Québécois …", "Perché i milanesi …", "Why do the Dutch …")."""
    word = tok.last_word + 1
    starts = {other.start for other in toks}
    if word < len(lay.word_starts) and folded[lay.word_starts[word] : lay.word_ends[word]] in ("do", "does", "did"):
        word += 1
    if word + 1 >= len(lay.word_starts):
        return False
    article = folded[lay.word_starts[word] : lay.word_ends[word]]
    noun_start = lay.word_starts[word + 1]
    noun = folded[noun_start : lay.word_ends[word + 1]]
    if article not in _PLURAL_ARTICLES or noun_start in starts or len(noun) < 4 or noun in _QUANTIFIERS:
        return False
    end = lay.sentence_ends[tok.sentence] if tok.sentence < len(lay.sentence_ends) else len(folded)
    if word + 2 >= len(lay.word_starts) or lay.word_starts[word + 2] >= end:
        return False  # "wozu die ganzen 🚀✨??": no verb follows, a complaint about the answer
    return not any(noun.startswith(stem[: max(4, len(stem) - 2)]) for stem in _ANSWER_NOUNS)


def _undirected_question(sentence_toks: list[Tok], lay: Layout, sentence: int, folded: str) -> bool:
    """A question that never addresses the assistant is about the world: "Is a haiku shorter than a
    sonnet?", "Do bullet points work better on slides?". One that says "you", asks, or complains
    ("Could you …?", "¿Me lo pones en una lista?", "Why all the emojis?") is not; nor are tag
    questions ("…, right?") and very short ones ("Shorter?")."""
    if sentence >= len(lay.question) or not lay.question[sentence]:
        return False
    if not any(tok.kind in VALUE_KINDS for tok in sentence_toks):
        return False
    if any(tok.roles & _DIRECTED for tok in sentence_toks):
        return False
    if any(_VERSION.match(tok.text) for tok in sentence_toks):
        return False  # "A short version, possible?", "Tem a versão resumida?": another version of the answer
    start = lay.sentence_ends[sentence - 1] if sentence else 0
    text = folded[start : lay.sentence_ends[sentence] + 1]
    return not (len(text.split()) < 4 or _TAG_QUESTION.search(text) or _ADDRESSEE.search(text))


def _orders_content(toks: list[Tok], indexes: list[int], lay: Layout) -> int | None:
    """Offset of the clause of an imperative that orders new content ("write me a long poem",
    "tell me in detail how …"), or None."""
    for position, i in enumerate(indexes):
        tok = toks[i]
        if "task" not in tok.roles:
            continue
        rest = [toks[j] for j in indexes[position + 1 :]]
        nxt = [other for other in rest if other.word - tok.last_word <= 3]
        starts_with_object = (
            bool(nxt) and bool(nxt[0].roles & {"indef", "proglang"}) and nxt[0].word - tok.last_word <= 2
        )
        # "give me a code example" asks for a style; "give me 5 bullet points on …" orders content.
        style_object = any(
            (other.concept in _STYLE_OBJECTS or other.key == "code=include") and not _followed_by_of(other, rest)
            for other in rest[:3]
        ) or (
            bool(nxt) and nxt[0].text in _ARTICLES
            and any(other.concept in ("target:list", "target:prose") for other in rest[:3])
        )
        if starts_with_object and not style_object and "answer" not in {r for other in rest[:4] for r in other.roles}:
            return _clause_offset(lay, tok)
        if "explain" in tok.roles:
            anaphoric = bool(nxt) and "anaphor" in nxt[0].roles and nxt[0].word - tok.last_word <= 1
            # "auch wenn's um Sachen geht", "even when …": a condition, unless it follows the verb
            # ("explain when to use it").
            if not anaphoric and any(
                other.roles & {"wh", "question", "why"} and _asks_what(other, rest, lay)
                and not ("when" in other.roles and other.word - tok.last_word > 2)
                for other in rest
            ):
                return _clause_offset(lay, tok)
    return None


def _asks_what(tok: Tok, rest: list[Tok], lay: Layout) -> bool:
    """A question word after "explain": "… wie eine Wärmepumpe funktioniert", "leg uit hoe …".
    "Wie"/"come"/"como" also mean "like" ("explain it like a friend would"); they ask only when
    they open a clause. Dutch "hoe" asks unless a comparative follows ("hoe korter hoe beter")."""
    if tok.text not in _AMBIGUOUS_WH:
        return True
    if tok.text == "hoe":
        following = next((other for other in rest if other.start > tok.start), None)
        return following is None or following.word != tok.last_word + 1 or not following.roles & {"comp", "more"}
    return tok.word == lay.clause_start_word(tok.start)


def _followed_by_of(tok: Tok, rest: list[Tok]) -> bool:
    """"a summary of the film": the style word names content here."""
    return any("of" in other.roles and 0 < other.word - tok.last_word <= 2 for other in rest)


def _code_for_topic(toks: list[Tok], indexes: list[int]) -> bool:
    """Code named with a programming language ("Python code for …") is a task, not a preference."""
    for position, i in enumerate(indexes):
        tok = toks[i]
        if tok.concept != "target:code":
            continue
        for j in indexes[max(0, position - 2) : position + 3]:
            other = toks[j]
            gap = other.word - tok.last_word if other.word > tok.last_word else tok.word - other.last_word
            if "proglang" in other.roles and gap <= 2:
                return True
    return False


def _task_colon(toks: list[Tok], lay: Layout, folded: str) -> int | None:
    """Offset of a colon that follows a task verb and introduces the material to work on."""
    start = 0
    while True:
        colon = folded.find(":", start)
        if colon < 0:
            return None
        start = colon + 1
        after = folded[colon + 1 :].split()
        if len(after) < 3 and "qtext" not in after and "qopener" not in after:
            continue
        sentence = lay.sentence_of(colon)
        following = next((tok for tok in toks if tok.start > colon), None)
        if following is not None and following.roles & {"question", "wh", "why"} \
                and following.word == lay.word_of(colon) + 1:
            return colon  # "Explain like I'm five: why is the sky blue?"
        for tok in toks:
            if tok.start >= colon:
                break
            if tok.sentence == sentence and (
                tok.roles & {"task", "explain", "translate"} or tok.kind == "verb"
            ):
                return colon
