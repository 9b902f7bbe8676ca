"""The language of a reply or message is detected offline, and only when there is enough text."""

from __future__ import annotations

import socket

import pytest

from beliefs.dimensions import LANGUAGE_NAMES
from beliefs.learning import language
from beliefs.learning.language import DETECTABLE_LANGUAGES, detect_language, language_hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Could you explain how database transactions work when two users update the same row "
            "at the same time?",
            "en",
        ),
        (
            "Kannst du mir erklären, wie Datenbanktransaktionen funktionieren, wenn zwei Nutzer "
            "gleichzeitig dieselbe Zeile ändern?",
            "de",
        ),
        (
            "¿Puedes explicarme cómo funcionan las transacciones de una base de datos cuando dos "
            "usuarios modifican la misma fila a la vez?",
            "es",
        ),
        (
            "Pourriez-vous m'expliquer comment fonctionnent les transactions d'une base de données "
            "lorsque deux utilisateurs modifient la même ligne en même temps ?",
            "fr",
        ),
    ],
    ids=["en", "de", "es", "fr"],
)
def test_realistic_sentences_are_detected(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "ok", "Danke!", "👍👍", "12345 67890 !!!"])
def test_too_little_text_is_undetected(text: str) -> None:
    assert detect_language(text) is None


def test_code_and_urls_do_not_decide_the_language() -> None:
    text = (
        "Hier ist die Lösung für dein Problem mit der Schleife:\n\n"
        "```python\nfor item in items:\n    print(item)  # print every item in the list\n```\n\n"
        "Mehr dazu findest du unter https://docs.python.org/3/tutorial/controlflow.html"
    )
    assert detect_language(text) == "de"


def test_a_reply_that_is_only_code_is_undetected() -> None:
    assert detect_language("```python\nfor item in items:\n    print(item)\n```") is None


def test_detection_works_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    language._detector.cache_clear()  # rebuild, so the models are loaded with the network off
    assert detect_language("Die Antwort sollte bitte auf Deutsch und etwas kürzer sein.") == "de"


def test_every_detectable_language_is_a_valid_belief_value() -> None:
    assert set(DETECTABLE_LANGUAGES) <= set(LANGUAGE_NAMES)


def test_cheap_hint_tells_scripts_and_common_languages_apart() -> None:
    assert language_hint("Это очень простой пример текста на русском языке.") == "cyrillic"
    assert language_hint("The cache is cleared when you restart it, and that is fine for this.") == "en"
    assert language_hint("Der Cache wird geleert, wenn du ihn neu startest, und das ist in Ordnung.") == "de"
