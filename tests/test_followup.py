"""Short follow-up messages that correct the previous reply become evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beliefs.dimensions import CORE_DIMENSIONS
from beliefs.learning.followup import (
    DEFAULT_FOLLOW_UP_PHRASES,
    FollowUpClassifier,
    PhraseClassifier,
)

CLASSIFIER = PhraseClassifier(DEFAULT_FOLLOW_UP_PHRASES)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # English
        ("Too long, can you make it shorter?", {"length": "concise"}),
        ("tl;dr please", {"length": "concise"}),
        ("Can you elaborate on the second point?", {"length": "detailed"}),
        ("Please, no bullet points. Just write it as a paragraph.", {"format": "prose"}),
        ("Could you put that in a list?", {"format": "lists"}),
        ("Skip the intro and get to the point.", {"preamble": "skip"}),
        ("Please be more professional, this is for a client.", {"tone": "formal"}),
        ("Less formal please, it's for my friends", {"tone": "casual"}),
        ("No emojis, thanks", {"emoji": "avoid"}),
        ("ELI5, I'm a beginner", {"expertise": "beginner"}),
        ("I know the basics, skip the basics", {"expertise": "expert"}),
        ("Show me the code", {"code": "include"}),
        ("Explain it without code", {"code": "omit"}),
        ("In German please", {"language": "de"}),
        ("Shorter, and no emojis", {"length": "concise", "emoji": "avoid"}),
        ("Please do not use bullet points", {"format": "prose"}),
        # German
        ("Bitte kürzer, das ist zu lang.", {"length": "concise"}),
        ("Kannst du das ausführlicher erklären?", {"length": "detailed"}),
        ("Bitte ohne Stichpunkte", {"format": "prose"}),
        ("Komm zum Punkt, ohne Einleitung", {"preamble": "skip"}),
        ("Etwas lockerer bitte", {"tone": "casual"}),
        ("Keine Emojis mehr bitte", {"emoji": "avoid"}),
        ("Erklär es einfacher, ich bin Anfänger", {"expertise": "beginner"}),
        ("Mit Codebeispiel bitte", {"code": "include"}),
        ("Antworte bitte auf Englisch", {"language": "en"}),
        # Spanish
        ("Más corto, por favor", {"length": "concise"}),
        ("Mas corto porfa", {"length": "concise"}),
        ("¿Puedes darme más detalles?", {"length": "detailed"}),
        ("Ponlo en una lista", {"format": "lists"}),
        ("Ve al grano", {"preamble": "skip"}),
        ("Un poco más formal, por favor", {"tone": "formal"}),
        ("Sin emojis, gracias", {"emoji": "avoid"}),
        ("Ya sé lo básico, más técnico por favor", {"expertise": "expert"}),
        ("Sin código, solo la explicación", {"code": "omit"}),
        ("Respóndeme en español", {"language": "es"}),
        ("Réponds en français s'il te plaît", {"language": "fr"}),
        # Not corrections
        ("Thanks, that worked!", {}),
        ("What is the difference between a list and a tuple?", {}),
    ],
)
def test_follow_up_phrases_are_classified(message: str, expected: dict[str, str]) -> None:
    evidence = CLASSIFIER.classify(message)
    assert {dimension: value for dimension, value, _ in evidence} == expected
    assert all(strength == 1.0 for _, _, strength in evidence)


@pytest.mark.parametrize(
    "message",
    [
        "Don't make it shorter",
        "It's not too long, thanks",
        "I don't need it in a list",
        "No need for more detail",
        "Mach es bitte nicht kürzer",
        "No lo hagas más corto",
    ],
)
def test_negated_phrases_do_not_count(message: str) -> None:
    assert CLASSIFIER.classify(message) == []


def test_negation_in_an_earlier_clause_does_not_cancel_a_phrase() -> None:
    assert CLASSIFIER.classify("No, not like that. Shorter please") == [("length", "concise", 1.0)]


def test_a_long_new_question_is_not_a_correction() -> None:
    question = (
        "I'm writing a short story generator in Python and I'd like to understand how to structure "
        "the code. The story should have a beginning, a middle and an end, and each part should be "
        "generated from a template that the user can customise. What is the best way to organise "
        "the templates, and how should I load them at startup so that adding a new template does not "
        "require changing any code?"
    )
    assert len(question) > 300
    assert "short" in question
    assert CLASSIFIER.classify(question) == []


def test_the_length_limit_is_configurable() -> None:
    message = "Could you make it shorter? " + "x" * 100
    assert PhraseClassifier(DEFAULT_FOLLOW_UP_PHRASES, max_chars=50).classify(message) == []
    assert PhraseClassifier(DEFAULT_FOLLOW_UP_PHRASES, max_chars=500).classify(message) == [
        ("length", "concise", 1.0)
    ]


def test_conflicting_values_of_one_dimension_are_dropped_as_ambiguous() -> None:
    evidence = CLASSIFIER.classify("Shorter, but more detail on the second part. No emojis.")
    assert evidence == [("emoji", "avoid", 1.0)]


def test_phrases_match_on_word_boundaries_only() -> None:
    assert CLASSIFIER.classify("I like it shortercake") == []
    assert CLASSIFIER.classify("with codebases like ours") == []


def test_the_table_can_be_extended_with_custom_phrases() -> None:
    table = {key: list(phrases) for key, phrases in DEFAULT_FOLLOW_UP_PHRASES.items()}
    table["length=concise"].append("in a tweet")
    table["verbosity_of_jokes=none"] = ["no jokes"]
    classifier = PhraseClassifier(table)
    assert classifier.classify("Say it in a tweet") == [("length", "concise", 1.0)]
    assert classifier.classify("No jokes please") == [("verbosity_of_jokes", "none", 1.0)]


def test_a_malformed_key_is_rejected() -> None:
    with pytest.raises(ValueError, match="dimension=value"):
        PhraseClassifier({"length": ["shorter"]})


def test_one_phrase_under_two_keys_is_rejected() -> None:
    with pytest.raises(ValueError, match="two keys"):
        PhraseClassifier({"length=concise": ["short"], "length=detailed": ["Short"]})


def test_default_table_covers_every_core_value_and_four_languages() -> None:
    expected = {
        f"{dimension.name}={value}"
        for dimension in CORE_DIMENSIONS
        if dimension.name != "language"
        for value in dimension.values
    } | {"language=en", "language=de", "language=es", "language=fr"}
    assert set(DEFAULT_FOLLOW_UP_PHRASES) == expected
    assert all(DEFAULT_FOLLOW_UP_PHRASES[key] for key in expected)


def test_phrase_classifier_satisfies_the_protocol() -> None:
    assert isinstance(CLASSIFIER, FollowUpClassifier)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_classify_never_raises_on_arbitrary_text(text: str) -> None:
    evidence = CLASSIFIER.classify(text)
    dimensions = [dimension for dimension, _, _ in evidence]
    assert len(dimensions) == len(set(dimensions))
