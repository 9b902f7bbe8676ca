"""The offline interpreter reads style preferences, and their absence, from what users write.

Sentences here are written for these tests; none is copied from the benchmark corpus. The last
tests run the four tuning splits of the corpus (dev, dev2, dev3 and dev4) as regression guards.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beliefs.dimensions import LANGUAGE_NAMES
from beliefs.learning.interpret import DEFAULT_MAX_CHARS, Interpreter, OfflineInterpreter, Reading, lexicon
from beliefs.learning.interpret._grammar import TARGETS
from beliefs.learning.interpret._patterns import fold_pattern
from beliefs.learning.interpret._text import bound

CORPUS = Path(__file__).resolve().parents[1] / "bench" / "interpret" / "corpus"


@pytest.fixture(scope="module")
def interpreter() -> OfflineInterpreter:
    return OfflineInterpreter()


def read(interpreter: OfflineInterpreter, text: str) -> dict[str, str]:
    return interpreter.read(text).as_dict()


def test_offline_interpreter_satisfies_the_interpreter_protocol(interpreter):
    assert isinstance(interpreter, Interpreter)
    reading = interpreter.read("Shorter please")
    assert isinstance(reading, Reading)
    with pytest.raises(AttributeError):
        reading.stance = "none"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # English
        ("This is way more than I wanted to read, trim it please", {"length": "concise"}),
        ("You barely touched on the why, can you expand?", {"length": "detailed"}),
        ("Please stop with the bullet lists and just write normal paragraphs", {"format": "prose"}),
        ("Could you sound a little less like a lawyer?", {"tone": "casual"}),
        ("Drop the 'Hello there!' opener and just answer", {"preamble": "skip"}),
        ("That went completely over my head", {"expertise": "beginner"}),
        ("You can skip the fundamentals, I've been a sysadmin for a decade", {"expertise": "expert"}),
        ("Please include a snippet next time", {"code": "include"}),
        ("Switch to Korean please", {"language": "ko"}),
        # German
        ("Das ist mir viel zu ausführlich, bitte kürzer fassen", {"length": "concise"}),
        ("Bitte nicht so förmlich, wir kennen uns doch", {"tone": "casual"}),
        ("Emojis will ich bei dir generell nicht sehen.", {"emoji": "avoid"}),
        ("Du kannst ruhig technisch werden, ich bin vom Fach", {"expertise": "expert"}),
        # Spanish
        ("Es muy extenso, ¿puedes acortarlo?", {"length": "concise"}),
        ("Ponlo en viñetas, por favor", {"format": "lists"}),
        ("No hace falta tanta formalidad conmigo", {"tone": "casual"}),
        ("Contéstame en alemán", {"language": "de"}),
        # French
        ("C'est trop long, tu peux faire plus court ?", {"length": "concise"}),
        ("Pas de listes, des paragraphes s'il te plaît", {"format": "prose"}),
        ("Vouvoie-moi s'il te plaît", {"tone": "formal"}),
        ("Je ne comprends rien, explique simplement", {"expertise": "beginner"}),
        # Italian
        ("Troppo lungo, accorcia per favore", {"length": "concise"}),
        ("Mettilo in un elenco puntato, per favore", {"format": "lists"}),
        ("Mi mette a disagio quando si risponde senza neanche un saluto", {"preamble": "keep"}),
        ("Rispondimi in francese", {"language": "fr"}),
        # Portuguese
        ("Nossa, que resposta comprida", {"length": "concise"}),
        ("Tira os emojis", {"emoji": "avoid"}),
        ("Sou programador há dez anos, pode ir no técnico", {"expertise": "expert"}),
        ("Responde em inglês, por favor", {"language": "en"}),
        # Dutch
        ("Te lang, kan het korter?", {"length": "concise"}),
        ("Wat formeler graag", {"tone": "formal"}),
        ("Nooit emoji's gebruiken bij mij", {"emoji": "avoid"}),
        ("Leg het uit alsof ik een beginner ben", {"expertise": "beginner"}),
        # Several dimensions at once
        ("Shorter, and no emojis", {"length": "concise", "emoji": "avoid"}),
        ("Simpler and shorter please, I'm not a programmer", {"expertise": "beginner", "length": "concise"}),
    ],
)
def test_paraphrases_in_each_language_map_to_their_preference(interpreter, message, expected):
    assert read(interpreter, message) == expected


@pytest.mark.parametrize(
    "message",
    [
        "Don't make it shorter, it's great as it is",
        "No need to go into more detail, thanks",
        "Mach es bitte nicht kürzer, das passt so",
        "No lo hagas más corto, está perfecto",
        "Ne le raccourcis pas, c'est parfait",
        "Non accorciarlo, va bene così",
        "Não encurta, está ótimo",
        "Niet korter maken, het is goed zo",
        "Thanks, I don't need more details",
    ],
)
def test_negated_or_reversed_request_gives_no_evidence(interpreter, message):
    assert interpreter.read(message).evidence == ()


@pytest.mark.parametrize(
    "message",
    [
        "Write a short story about a cat",
        "Summarize the following paragraph: The mitochondria is the powerhouse of the cell.",
        "Translate 'good morning' into Portuguese",
        "Describe the French Revolution in detail",
        "Give me three short tips for better sleep",
        "Make a numbered list of the steps to bake bread",
        "Show me Python code for sorting a list",
        "Explain quantum computing in simple terms for my grandmother",
        "Schreib mir eine kurze Geschichte über einen Hund",
        "Escríbeme un poema largo sobre el mar",
        "Écris-moi une longue lettre à ma grand-mère",
        "Scrivimi una lettera formale al comune",
        "Escreve um resumo curto do filme",
        "Schrijf een kort gedicht over de lente",
    ],
)
def test_one_off_task_gives_no_evidence(interpreter, message):
    assert interpreter.read(message).evidence == ()


@pytest.mark.parametrize(
    "message",
    [
        "How do I add emojis to my Slack status?",
        "Is a haiku shorter than a sonnet?",
        "Should I use bullet points on my resume?",
        "Do recruiters prefer bullet points or paragraphs?",
        "Why do people use so many emojis these days?",
        "Wie füge ich Emojis in Outlook ein?",
        "¿Es de mala educación usar emojis en el trabajo?",
        "Est-ce que les recruteurs aiment les listes à puces ?",
        "È meglio un elenco puntato o un testo discorsivo per il curriculum?",
        "Como faço uma lista numerada no Word?",
        "Hoe maak ik een opsomming in Word?",
    ],
)
def test_new_question_that_mentions_trigger_words_gives_no_evidence(interpreter, message):
    assert interpreter.read(message).evidence == ()


@pytest.mark.parametrize(
    "message",
    [
        "Thanks, that's exactly the right length",
        "Perfect, short and sweet 👍",
        "I love the emojis you used!",
        "Danke, die Länge ist genau richtig",
        "Obrigada, o tamanho está ótimo",
    ],
)
def test_praise_gives_no_evidence(interpreter, message):
    assert interpreter.read(message).evidence == ()


@pytest.mark.parametrize(
    "message",
    [
        "My teacher said my essay is too long",
        "Mi hermano dice que escribo demasiado largo",
        "Mon collègue envoie des mails interminables, comment réagir ?",
        "If I asked you to always answer in French, would you remember?",
    ],
)
def test_reported_speech_and_hypotheticals_give_no_evidence(interpreter, message):
    assert interpreter.read(message).evidence == ()


@pytest.mark.parametrize(
    "message",
    ["That's wrong, the capital of Australia is Canberra", "This isn't helpful at all", "Das stimmt so nicht",
     "Eso no tiene sentido", "C'est hors sujet", "Non è quello che ti ho chiesto", "Não funcionou",
     "Dat klopt niet"],
)
def test_dissatisfaction_without_a_dimension_is_a_complaint(interpreter, message):
    assert interpreter.read(message) == Reading((), "complaint")


def test_thanks_and_new_questions_are_not_complaints(interpreter):
    assert interpreter.read("ok cool, thanks").stance == "none"
    assert interpreter.read("What time is it in Tokyo?").stance == "none"


@pytest.mark.parametrize(
    "message",
    ["From now on, always write your answers in Spanish", "Never start your answers with a greeting.",
     "Ab jetzt bitte immer Stichpunkte.", "Voortaan graag korter."],
)
def test_lasting_instruction_has_standing_stance(interpreter, message):
    reading = interpreter.read(message)
    assert reading.evidence and reading.stance == "standing"


@pytest.mark.parametrize(
    "message",
    ["I'm a senior data engineer.", "I read everything on my phone on the train",
     "Ich bin Anfängerin mit Excel.", "Je suis développeuse senior."],
)
def test_self_description_has_self_stance(interpreter, message):
    reading = interpreter.read(message)
    assert reading.evidence and reading.stance == "self"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("shoter pls", {"length": "concise"}),
        ("more detials please", {"length": "detailed"}),
        ("im a begginer", {"expertise": "beginner"}),
    ],
)
def test_common_typing_slips_are_tolerated(interpreter, message, expected):
    assert read(interpreter, message) == expected


def test_slip_repair_does_not_turn_one_real_word_into_another(interpreter):
    assert read(interpreter, "Normal people never read manuals") == {}
    assert read(interpreter, "Ein kurzes Gedicht über den Herbst, bitte schreib es mir") == {}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I hate long answers", {"length": "concise"}),
        ("Non mi piacciono le risposte lunghe", {"length": "concise"}),
        ("Lange Texte überfordern mich", {"length": "concise"}),
        ("I'm a librarian, code means nothing to me", {"code": "omit"}),
        ("Soy muy visual, las listas me ayudan", {"format": "lists"}),
        ("Ik ben nogal informeel", {"tone": "casual"}),
    ],
)
def test_attitudes_and_self_descriptions_imply_a_preference(interpreter, message, expected):
    assert read(interpreter, message) == expected


def test_satisfied_no_is_not_a_preference(interpreter):
    assert read(interpreter, "No code needed, I figured it out. Thanks!") == {}
    assert read(interpreter, "Don't bother with code") == {"code": "omit"}


def test_correction_of_the_last_answer_has_request_stance(interpreter):
    assert interpreter.read("Way too long, cut it down please").stance == "request"


def test_operator_phrases_match_whole_phrases_in_any_language_and_respect_negation():
    interpreter = OfflineInterpreter({"length=concise": ["kürzer bitte schön", "yo keep it tight"],
                                      "tone=casual": ["Yo dawg"]})
    assert read(interpreter, "KÜRZER BITTE SCHÖN!") == {"length": "concise"}
    assert read(interpreter, "yo dawg, what's up") == {"tone": "casual"}
    assert read(interpreter, "yo dawgs are cool") == {}  # a whole phrase, not a prefix
    assert read(interpreter, "no yo dawg please") == {}  # negated like built-in phrases


def test_operator_phrase_key_must_be_dimension_equals_value():
    with pytest.raises(ValueError):
        OfflineInterpreter({"length": ["shorter"]})


@pytest.mark.parametrize(
    "message",
    ["I've been a pharmacist for fifteen years.", "Ik ben al vijftien jaar tandarts.",
     "Je suis kiné depuis vingt ans.", "Sono commercialista da dieci anni."],
)
def test_years_of_practice_in_any_trade_read_as_expertise(interpreter, message):
    reading = interpreter.read(message)
    assert reading.as_dict() == {"expertise": "expert"} and reading.stance == "self"


@pytest.mark.parametrize(
    "message",
    ["I asked for the opening hours, not a history lesson.", "Thanks for the novel.",
     "Ich wollte nur die Uhrzeit wissen, nicht die ganze Geschichte.", "Grazie per il romanzo."],
)
def test_turning_down_oversized_content_asks_for_brevity(message):
    # The lexicons alone: the trained gate vetoes the bare sarcastic thanks (see the gate tests).
    assert read(OfflineInterpreter(gate=None), message) == {"length": "concise"}


@pytest.mark.parametrize(
    "message",
    [
        "Keep the table, just add a row for March.",
        "Garde le tableau, ajoute juste une ligne pour mars.",
        "I don't mind the emojis.",
        "Ça ne me dérange pas si c'est long.",
        "I don't think it needs more detail.",
        "Je ne pense pas qu'il faille raccourcir.",
        "The second point in your list is wrong.",
        "That summary misses the main argument.",
    ],
)
def test_kept_tolerated_doubted_or_described_objects_give_no_evidence(interpreter, message):
    assert interpreter.read(message).evidence == ()


@pytest.mark.parametrize(
    "message",
    [
        "Give me a packing list for a ski trip.",
        "Haz una lista de la compra para una paella.",
        "Is it rude to use emojis in a condolence message?",
        "Ist es unhöflich, in einer Mail an den Chef Emojis zu benutzen?",
        "Can a haiku be longer than three lines?",
        "Un haiku peut-il être plus long que trois vers ?",
        "Explica la teoría de cuerdas con más detalle.",
        "Leg uitgebreid uit hoe een zonnepaneel werkt.",
        "My niece keeps sending me emojis, what does 🫠 mean?",
        "I'm writing a beginner's guide to chess, what should chapter one cover?",
        "Do you speak Dutch?",
    ],
)
def test_content_orders_and_questions_about_the_world_give_no_evidence(interpreter, message):
    assert interpreter.read(message).evidence == ()


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Sois plus technique et concis.", {"expertise": "expert", "length": "concise"}),
        ("Respostas técnicas e curtas, por favor.", {"expertise": "expert", "length": "concise"}),
        ("Für die Zukunft: formell, knapp.", {"tone": "formal", "length": "concise"}),
        ("Voortaan graag kort en bondig.", {"length": "concise"}),
        ("Stichpunkte vielleicht?", {"format": "lists"}),
        ("Mag er wat emoji's in?", {"emoji": "use"}),
        ("N'hésite pas à mettre des émojis.", {"emoji": "use"}),
        ("Zet het onder elkaar, dat leest makkelijker.", {"format": "lists"}),
    ],
)
def test_coordinated_listed_and_tentative_wishes_are_read(interpreter, message, expected):
    assert read(interpreter, message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I'm a total noob at chess.", {"expertise": "beginner"}),
        ("È la mia prima volta con Linux.", {"expertise": "beginner"}),
        ("Tengo dislexia y los párrafos largos me cuestan.", {"length": "concise"}),
        ("Hab kaum Zeit, bin zwischen zwei Meetings.", {"length": "concise"}),
    ],
)
def test_being_new_dyslexic_or_short_of_time_is_a_self_description(interpreter, message, expected):
    reading = interpreter.read(message)
    assert reading.as_dict() == expected and reading.stance == "self"


def test_instruction_at_either_end_of_a_long_message_is_read(interpreter):
    pasted = "Here is some text I copied from a manual about servers and networks. " * 150
    assert read(interpreter, "From now on, answer in French. " + pasted + "What do you think?") == {"language": "fr"}
    assert read(interpreter, pasted + "Also, keep it short from now on.") == {"length": "concise"}


def test_long_message_is_read_within_the_character_bound(interpreter):
    filler = "The weather report said clouds and light wind for the weekend. " * 100
    middle = filler + "Please always use bullet points. " + filler
    assert len(bound(middle, DEFAULT_MAX_CHARS)) <= DEFAULT_MAX_CHARS + 1
    assert read(interpreter, middle) == {}  # the middle of a pasted text is not read


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_at_most_one_value_per_dimension_with_strengths_in_range(text):
    reading = _shared().read(text)
    dimensions = [dimension for dimension, _, _ in reading.evidence]
    assert len(dimensions) == len(set(dimensions))
    assert all(0 < strength <= 1 for _, _, strength in reading.evidence)
    assert reading.stance in ("request", "standing", "self", "complaint", "none")
    assert bool(reading.evidence) == (reading.stance in ("request", "standing", "self"))


_INSTANCE: list[OfflineInterpreter] = []


def _shared() -> OfflineInterpreter:
    # hypothesis cannot take function-scoped fixtures; one interpreter is reused across examples.
    if not _INSTANCE:
        _INSTANCE.append(OfflineInterpreter())
    return _INSTANCE[0]


def test_lexicon_spells_each_surface_form_under_one_concept_only():
    owner: dict[str, str] = {}
    clashes = []
    for concept, fragments in lexicon.merged().items():
        if concept == "opener":
            continue
        for fragment in fragments:
            folded = fold_pattern(fragment)
            if owner.setdefault(folded, concept) != concept:
                clashes.append((folded, owner[folded], concept))
    assert clashes == []


def test_lexicon_names_only_known_targets_and_language_codes():
    for concept in lexicon.merged():
        kind, _, key = concept.partition(":")
        if kind == "target":
            assert key in TARGETS
        if kind in ("lang", "nat"):
            assert key in LANGUAGE_NAMES


def _split_figures(interpreter: OfflineInterpreter, split: str) -> dict[str, float]:
    """Recall, precision, lookalike evidence share and complaint detection over one corpus split."""
    tp = fp = fn = lookalikes = lookalike_hits = complaints = complaints_found = 0
    for raw in (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        reading = interpreter.read(row["text"])
        found = {f"{d}={v}" for d, v, _ in reading.evidence}
        gold = set(row["labels"])
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        if row["kind"] == "lookalike":
            lookalikes += 1
            lookalike_hits += bool(found)
        if row["kind"] == "complaint":
            complaints += 1
            complaints_found += reading.stance == "complaint"
    return {
        "recall": tp / (tp + fn),
        "precision": tp / (tp + fp),
        "lookalikes": lookalike_hits / lookalikes,
        "complaints": complaints_found / complaints,
    }


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "prefer A to B": B is the side turned down, not a wish of its own
        ("I'd prefer numbered lists to long paragraphs.", {"format": "lists"}),
        ("Je préfère la prose aux listes à puces.", {"format": "prose"}),
        ("Prefiro listas a parágrafos longos.", {"format": "lists"}),
        ("Preferisco la prosa agli elenchi puntati.", {"format": "prose"}),
        ("Ich hätte Stichpunkte lieber als Fließtext.", {"format": "lists"}),
        # a purpose or result phrase gives the reason for another wish, not a tone of its own
        ("Add a couple of emojis so it's more cheerful", {"emoji": "use"}),
        ("Mettici due emoji, così è più allegro.", {"emoji": "use"}),
        ("Usa uma lista, pra ficar mais fácil de ler.", {"format": "lists"}),
        # pretended ignorance asks for the basics
        ("Explain it as if I had never used a computer", {"expertise": "beginner"}),
        ("Erklär es, als hätte ich noch nie ein Auto von innen gesehen.", {"expertise": "beginner"}),
        ("Explícalo como si nunca hubiera usado Excel.", {"expertise": "beginner"}),
        ("Leg het uit alsof ik nog nooit een spreadsheet heb gezien.", {"expertise": "beginner"}),
        # a liking negated after its verb, a phrase followed by "I can't do anything with it"
        ("Les emojis, ça me parle pas.", {"emoji": "avoid"}),
        ("Met al die opsommingstekens kan ik niks.", {"format": "prose"}),
        # "how would that look in code?" asks for code
        ("What would that look like in code?", {"code": "include"}),
        ("Und wie sähe das im Code aus?", {"code": "include"}),
        ("En hoe ziet dat eruit in code?", {"code": "include"}),
    ],
)
def test_turned_down_sides_reasons_pretended_ignorance_and_code_questions(interpreter, message, expected):
    assert read(interpreter, message) == expected


@pytest.mark.parametrize(
    "message",
    ["Ich arbeite seit acht Jahren als Elektriker.", "Ik werk al vijftien jaar als loodgieter.",
     "Trabajo de electricista desde hace diez años."],
)
def test_years_of_work_in_an_unnamed_trade_read_as_expertise(interpreter, message):
    reading = interpreter.read(message)
    assert reading.as_dict() == {"expertise": "expert"} and reading.stance == "self"


@pytest.mark.parametrize(
    "message",
    [
        # negation scope: a wish withdrawn, not reversed
        "Don't make it any shorter, it's fine", "Bitte nicht noch kürzer, so passt es.",
        "Non farlo più corto, va bene così.",
        # the user's own text handed over in quotes, questions about other people
        'Can you shorten this? "We are pleased to announce that our office will move in May"',
        "Perché gli inglesi usano così tanti punti elenco?", "Pourquoi les Allemands vouvoient leurs collègues ?",
        # one-off tasks for school
        "Explica con detalle la Revolución rusa para mi examen del viernes.",
        "Leg de Koude Oorlog uitgebreid uit voor mijn spreekbeurt.",
    ],
)
def test_withdrawn_wishes_handed_over_text_and_questions_about_others_give_no_evidence(interpreter, message):
    assert read(interpreter, message) == {}


def test_the_gate_vetoes_messages_that_read_unlike_feedback():
    gated, lexicon_only = OfflineInterpreter(), OfflineInterpreter(gate=None)
    one_off = "I love short poems, can you write one about autumn?"
    assert read(lexicon_only, one_off) == {"length": "concise"}  # what the lexicons alone make of it
    assert read(gated, one_off) == {}
    # The known cost: sarcasm reads like thanks to a bag of words, so the bare "Thanks for the
    # novel." loses the brevity the lexicons read in it.
    assert read(lexicon_only, "Thanks for the novel.") == {"length": "concise"}
    assert read(gated, "Thanks for the novel.") == {}
    # A bare four-word order reads like the one-off tasks the gate was trained to turn down
    # ("Fammi un elenco puntato dei documenti …"): the lexicons read it, the gate vetoes it.
    assert read(lexicon_only, "Fammi un elenco puntato") == {"format": "lists"}
    assert read(gated, "Fammi un elenco puntato") == {}
    # Self-descriptions and configured phrases are never vetoed.
    assert read(gated, "im a begginer") == {"expertise": "beginner"}
    configured = OfflineInterpreter({"length=concise": ["I love short poems"]})
    assert read(configured, one_off) == {"length": "concise"}
    with pytest.raises(ValueError):
        OfflineInterpreter(gate=1.5)


def test_dev_split_figures_do_not_regress(interpreter):
    """Regression guard over dev (tuned on, so in-sample): the figures measured when it was set."""
    figures = _split_figures(interpreter, "dev")
    assert figures["recall"] >= 1.0
    assert figures["precision"] >= 1.0
    assert figures["lookalikes"] <= 0.0
    assert figures["complaints"] >= 0.96


def test_dev2_split_figures_do_not_regress(interpreter):
    """Regression guard over dev2 (held out once as "dev2-before", tuned on since): measured figures."""
    figures = _split_figures(interpreter, "dev2")
    assert figures["recall"] >= 0.985
    assert figures["precision"] >= 0.989
    assert figures["lookalikes"] <= 0.0
    assert figures["complaints"] >= 0.827


def test_dev3_split_figures_do_not_regress(interpreter):
    """Regression guard over dev3 (held out once as "dev3-before", tuned on since): measured figures."""
    figures = _split_figures(interpreter, "dev3")
    assert figures["recall"] >= 0.942
    assert figures["precision"] >= 0.957
    assert figures["lookalikes"] <= 0.0
    assert figures["complaints"] >= 0.6


def test_dev4_split_figures_do_not_regress(interpreter):
    """Regression guard over dev4 (held out once as "dev4-before", tuned on since): measured figures."""
    figures = _split_figures(interpreter, "dev4")
    assert figures["recall"] >= 0.924
    assert figures["precision"] >= 0.979
    assert figures["lookalikes"] <= 0.0
    assert figures["complaints"] >= 0.6
