"""Edits and choices between replies turn into evidence about the user's preferences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beliefs.learning.edits import (
    CHOICE_WEIGHT,
    edit_features,
    evidence_from_choice,
    evidence_from_edit,
)
from beliefs.learning.style import split_preamble, style_features

# --- English ----------------------------------------------------------------------------------

EN_DECORATORS = """Great question! 😊 Python decorators are one of the language's most useful features.

In simple terms, a decorator is a function that takes another function and extends its behaviour without changing its code.

You'll typically reach for them when you want to:
- log every call to a function 📝
- cache expensive results
- check permissions before a view runs

```python
def log_calls(fn):
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}")
        return fn(*args, **kwargs)
    return wrapper
```

You'll see them all over web frameworks like Flask, where every route is registered with a decorator. Hope this helps! 🚀"""

EN_DECORATORS_NO_EMOJI = EN_DECORATORS.replace(" 😊", "").replace(" 📝", "").replace(" 🚀", "")

EN_DECORATORS_NO_CODE = """Great question! 😊 Python decorators are one of the language's most useful features.

In simple terms, a decorator is a function that takes another function and extends its behaviour without changing its code.

You'll typically reach for them when you want to:
- log every call to a function 📝
- cache expensive results
- check permissions before a view runs

You'll see them all over web frameworks like Flask, where every route is registered with a decorator. Hope this helps! 🚀"""

EN_DECORATORS_NO_BASICS = """Great question! 😊 Python decorators are one of the language's most useful features.

You'll typically reach for them when you want to:
- log every call to a function 📝
- cache expensive results
- check permissions before a view runs

```python
def log_calls(fn):
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}")
        return fn(*args, **kwargs)
    return wrapper
```

You'll see them all over web frameworks like Flask, where every route is registered with a decorator. Hope this helps! 🚀"""

EN_DECORATORS_SHORT_NO_EMOJI = """Great question! Python decorators wrap a function to add behaviour such as logging or caching.

```python
def log_calls(fn):
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}")
        return fn(*args, **kwargs)
    return wrapper
```"""

EN_INDEXES = (
    "Database indexes speed up reads by letting the engine find rows without scanning the whole "
    "table. A B-tree index keeps keys sorted, so lookups, range queries and ORDER BY on the indexed "
    "columns become logarithmic instead of linear. The price is paid on writes: every INSERT, "
    "UPDATE or DELETE must also update each index on the table, and the indexes take disk space "
    "and memory. Composite indexes follow the leftmost-prefix rule, so an index on (customer_id, "
    "created_at) helps queries that filter on customer_id alone but not on created_at alone. Before "
    "adding an index, check the query plan with EXPLAIN ANALYZE and confirm the column is selective "
    "enough to be worth it."
)

EN_INDEXES_SHORT = (
    "Database indexes speed up reads by letting the engine find rows without scanning the whole "
    "table. The price is paid on writes, and the indexes take disk space and memory."
)

EN_INDEXES_LONG = EN_INDEXES + (
    " Partial indexes cover only the rows that match a predicate, such as active orders, which keeps "
    "them small and fast to maintain. Covering indexes include every column a query needs, so the "
    "engine can answer from the index without visiting the table at all. Hash indexes support only "
    "equality lookups but can be smaller than B-trees for long keys. Finally, remember that the "
    "planner uses table statistics to choose between an index scan and a sequential scan, so run "
    "ANALYZE after large data changes and review unused indexes regularly, because each one slows "
    "down every write to the table without giving anything back."
)

EN_INDEXES_TYPO = EN_INDEXES.replace("logarithmic", "logarithmik").replace("selective", "selecitve")

EN_INDEXES_WITH_PREAMBLE = "Sure! Here's a quick overview:\n\n" + EN_INDEXES

EN_CHECKLIST_LIST = """Before you deploy the new release, make sure the basics are covered:

- Run the full test suite against a fresh database.
- Apply the pending migrations on the staging server first.
- Update the environment variables for the new payment provider.
- Announce the maintenance window to the support team.

Once all of that is done, you can tag the release and start the rollout."""

EN_CHECKLIST_PROSE = """Before you deploy the new release, make sure the basics are covered. Run the full test suite against a fresh database, apply the pending migrations on the staging server first, update the environment variables for the new payment provider, and announce the maintenance window to the support team.

Once all of that is done, you can tag the release and start the rollout."""

EN_FORMAL = (
    "The migration should be scheduled outside business hours. Furthermore, all active sessions "
    "must be terminated beforehand, since the schema change locks the users table. It is "
    "therefore advisable to notify customers at least one day in advance. However, if the "
    "deployment fails, the previous version can be restored from the nightly snapshot within "
    "approximately thirty minutes."
)

EN_CASUAL = (
    "Hey, you'll wanna run the migration after hours! It's gonna lock the users table, so kick "
    "everyone off first. Give folks a heads-up the day before, that's pretty much it. And if the "
    "deploy blows up, no worries: we can roll back from last night's snapshot in about thirty "
    "minutes."
)

# --- German -----------------------------------------------------------------------------------

DE_DOCKER = """Gute Frage! 🐳 Docker-Container teilen sich den Kernel des Host-Systems und starten deshalb in Sekunden.

Die wichtigsten Vorteile im Überblick:
- Jede Anwendung bringt ihre eigenen Abhängigkeiten mit.
- Images lassen sich auf jedem Server identisch ausführen.
- Container verbrauchen deutlich weniger Speicher als virtuelle Maschinen.

Wenn Sie mehrere Dienste gemeinsam betreiben möchten, sollten Sie sich Docker Compose ansehen. Viel Erfolg! 🚀"""

DE_DOCKER_NO_PREAMBLE = DE_DOCKER.replace("Gute Frage! 🐳 ", "🐳 ")

DE_DOCKER_PROSE = """Gute Frage! 🐳 Docker-Container teilen sich den Kernel des Host-Systems und starten deshalb in Sekunden.

Die wichtigsten Vorteile im Überblick: Jede Anwendung bringt ihre eigenen Abhängigkeiten mit, Images lassen sich auf jedem Server identisch ausführen, und Container verbrauchen deutlich weniger Speicher als virtuelle Maschinen.

Wenn Sie mehrere Dienste gemeinsam betreiben möchten, sollten Sie sich Docker Compose ansehen. Viel Erfolg! 🚀"""

DE_DOCKER_SHORT_NO_EMOJI = """Gute Frage! Docker-Container teilen sich den Kernel des Host-Systems und starten deshalb in Sekunden."""

DE_BACKUP_FORMAL = (
    "Bevor Sie das Update installieren, sollten Sie unbedingt eine vollständige Sicherung Ihrer "
    "Daten anlegen. Zudem empfiehlt es sich, die Anwendung vorher zu beenden, da andernfalls "
    "Dateien beschädigt werden können. Sofern Sie Fragen haben, wenden Sie sich bitte an unseren "
    "Support, der Ihnen jederzeit gerne weiterhilft."
)

DE_BACKUP_CASUAL = (
    "Hey, bevor du das Update installierst, mach unbedingt ein komplettes Backup von deinen "
    "Daten! Schließ die App vorher, sonst können Dateien kaputtgehen. Wenn du Fragen hast, schreib "
    "einfach dem Support, die helfen dir echt super schnell!"
)

DE_INDEXES = (
    "Datenbankindizes beschleunigen Lesezugriffe, weil die Datenbank Zeilen finden kann, ohne die "
    "ganze Tabelle zu durchsuchen. Ein B-Baum-Index hält die Schlüssel sortiert, sodass Abfragen, "
    "Bereichsabfragen und ORDER BY auf den indizierten Spalten logarithmisch statt linear werden. "
    "Den Preis zahlt man beim Schreiben: Jedes INSERT, UPDATE oder DELETE muss auch jeden Index der "
    "Tabelle aktualisieren, und die Indizes belegen Speicherplatz und Arbeitsspeicher. "
    "Zusammengesetzte Indizes folgen der Regel des linken Präfixes, also hilft ein Index auf "
    "(customer_id, created_at) bei Abfragen, die nur nach customer_id filtern, aber nicht bei "
    "solchen, die nur nach created_at filtern. Prüfen Sie vor dem Anlegen eines Index den "
    "Abfrageplan mit EXPLAIN ANALYZE und stellen Sie sicher, dass die Spalte selektiv genug ist."
)

# --- Spanish ----------------------------------------------------------------------------------

ES_GIT = """¡Claro! Aquí tienes un resumen rápido:

Un rebase es una operación que reescribe el historial para que tus commits queden encima de otra rama. En términos simples, es como si hubieras empezado tu trabajo más tarde.

```bash
git fetch origin
git rebase origin/main
```

Si hay conflictos, resuélvelos, añade los archivos y continúa con git rebase --continue. Nunca hagas rebase de una rama que otras personas ya estén usando, porque les obligarás a reescribir su historial."""

ES_GIT_NO_PREAMBLE_NO_CODE = """Un rebase es una operación que reescribe el historial para que tus commits queden encima de otra rama. En términos simples, es como si hubieras empezado tu trabajo más tarde.

Si hay conflictos, resuélvelos, añade los archivos y continúa con git rebase --continue. Nunca hagas rebase de una rama que otras personas ya estén usando, porque les obligarás a reescribir su historial."""

ES_CACHE = (
    "La caché guarda los resultados de operaciones costosas para reutilizarlos más adelante. "
    "Cuando una petición llega, el servidor comprueba primero si la respuesta ya está en la caché; "
    "si lo está, la devuelve de inmediato sin consultar la base de datos. El mayor reto es la "
    "invalidación: hay que decidir cuándo un dato guardado deja de ser válido. Una estrategia común "
    "es asignar a cada entrada un tiempo de vida y borrarla automáticamente al expirar. Otra "
    "consiste en eliminar la entrada cada vez que se modifica el dato original en la base de datos."
)

ES_CACHE_SHORT = (
    "La caché guarda los resultados de operaciones costosas para reutilizarlos más adelante. "
    "El mayor reto es la invalidación."
)

ES_CACHE_WITH_BASICS = ES_CACHE.replace(
    "El mayor reto",
    "Imagina que es como una libreta donde apuntas las respuestas que ya conoces para no tener que "
    "calcularlas otra vez. El mayor reto",
)

ES_CACHE_WITH_EMOJI = ES_CACHE.replace("más adelante.", "más adelante. 🚀").replace(
    "la base de datos.", "la base de datos. ✅"
)

ES_INDEXES = (
    "Los índices de una base de datos aceleran las lecturas porque el motor puede encontrar filas "
    "sin recorrer toda la tabla. Un índice B-tree mantiene las claves ordenadas, de modo que las "
    "búsquedas, las consultas por rango y ORDER BY sobre las columnas indexadas pasan a ser "
    "logarítmicas en lugar de lineales. El precio se paga al escribir: cada INSERT, UPDATE o DELETE "
    "debe actualizar también todos los índices de la tabla, y los índices ocupan disco y memoria. "
    "Los índices compuestos siguen la regla del prefijo izquierdo, así que un índice sobre "
    "(customer_id, created_at) ayuda a las consultas que filtran solo por customer_id, pero no a "
    "las que filtran solo por created_at. Antes de crear un índice, revisa el plan de la consulta "
    "con EXPLAIN ANALYZE y confirma que la columna sea lo bastante selectiva."
)


EDIT_CASES = [
    pytest.param(EN_INDEXES, EN_INDEXES_SHORT, {"length": "concise"}, id="en-pure-shortening"),
    pytest.param(EN_INDEXES_WITH_PREAMBLE, EN_INDEXES, {"preamble": "skip"}, id="en-preamble-only-removal"),
    pytest.param(EN_INDEXES, EN_INDEXES_WITH_PREAMBLE, {"preamble": "keep"}, id="en-preamble-added"),
    pytest.param(EN_CHECKLIST_LIST, EN_CHECKLIST_PROSE, {"format": "prose"}, id="en-lists-to-prose"),
    pytest.param(EN_CHECKLIST_PROSE, EN_CHECKLIST_LIST, {"format": "lists"}, id="en-prose-to-lists"),
    pytest.param(EN_DECORATORS, EN_DECORATORS_NO_EMOJI, {"emoji": "avoid"}, id="en-emoji-removal"),
    pytest.param(EN_INDEXES, DE_INDEXES, {"language": "de"}, id="en-to-de-translation"),
    pytest.param(EN_INDEXES, ES_INDEXES, {"language": "es"}, id="en-to-es-translation"),
    pytest.param(DE_INDEXES, EN_INDEXES, {"language": "en"}, id="de-to-en-translation"),
    pytest.param(EN_FORMAL, EN_CASUAL, {"tone": "casual"}, id="en-formal-to-casual"),
    pytest.param(EN_CASUAL, EN_FORMAL, {"tone": "formal"}, id="en-casual-to-formal"),
    pytest.param(EN_DECORATORS, EN_DECORATORS_NO_CODE, {"code": "omit"}, id="en-code-block-removal"),
    pytest.param(EN_DECORATORS_NO_CODE, EN_DECORATORS, {"code": "include"}, id="en-code-block-added"),
    pytest.param(EN_DECORATORS, EN_DECORATORS_NO_BASICS, {"expertise": "expert"}, id="en-basics-removal"),
    pytest.param(EN_INDEXES, EN_INDEXES_LONG, {"length": "detailed"}, id="en-expansion"),
    pytest.param(EN_INDEXES, EN_INDEXES_TYPO, {}, id="en-typo-fix"),
    pytest.param(
        EN_DECORATORS,
        EN_DECORATORS_SHORT_NO_EMOJI,
        {"length": "concise", "emoji": "avoid", "format": "prose", "expertise": "expert"},
        id="en-shortened-emoji-list-and-basics-removed",
    ),
    pytest.param(DE_DOCKER, DE_DOCKER_NO_PREAMBLE, {"preamble": "skip"}, id="de-preamble-removal"),
    pytest.param(DE_DOCKER, DE_DOCKER_PROSE, {"format": "prose"}, id="de-lists-to-prose"),
    pytest.param(
        DE_DOCKER,
        DE_DOCKER_SHORT_NO_EMOJI,
        {"length": "concise", "emoji": "avoid", "format": "prose"},
        id="de-shortened-and-emoji-removed",
    ),
    pytest.param(DE_BACKUP_FORMAL, DE_BACKUP_CASUAL, {"tone": "casual"}, id="de-sie-to-du"),
    pytest.param(
        ES_GIT, ES_GIT_NO_PREAMBLE_NO_CODE, {"preamble": "skip", "code": "omit"},
        id="es-preamble-and-code-removal",
    ),
    pytest.param(ES_CACHE, ES_CACHE_SHORT, {"length": "concise"}, id="es-pure-shortening"),
    pytest.param(ES_CACHE, ES_CACHE_WITH_BASICS, {"expertise": "beginner"}, id="es-basics-added"),
    pytest.param(ES_CACHE, ES_CACHE_WITH_EMOJI, {"emoji": "use"}, id="es-emoji-added"),
]


def _as_dict(evidence: list[tuple[str, str, float]]) -> dict[str, str]:
    return {dimension: value for dimension, value, _ in evidence}


@pytest.mark.parametrize(("original", "edited", "expected"), EDIT_CASES)
def test_edit_yields_exactly_the_expected_evidence(original: str, edited: str, expected: dict[str, str]) -> None:
    evidence = evidence_from_edit(edit_features(original, edited))
    assert _as_dict(evidence) == expected
    assert all(0.0 < strength <= 1.0 for _, _, strength in evidence)


def test_removing_bullets_is_evidence_for_prose() -> None:
    evidence = evidence_from_edit(edit_features(EN_CHECKLIST_LIST, EN_CHECKLIST_PROSE))
    assert evidence == [("format", "prose", 1.0)]


def test_removing_only_the_preamble_is_not_length_evidence() -> None:
    features = edit_features(EN_INDEXES_WITH_PREAMBLE, EN_INDEXES)
    assert features.preamble_removed
    assert features.length_ratio == 1.0


def test_removing_a_code_block_does_not_shorten_the_body() -> None:
    features = edit_features(EN_DECORATORS, EN_DECORATORS_NO_CODE)
    assert (features.code_blocks_before, features.code_blocks_after) == (1, 0)
    assert features.length_ratio == 1.0


def test_halving_the_text_gives_full_concise_strength() -> None:
    [(dimension, value, strength)] = evidence_from_edit(edit_features(EN_INDEXES, EN_INDEXES_SHORT))
    assert (dimension, value) == ("length", "concise")
    assert strength == 1.0


def test_mild_shortening_gives_weaker_concise_evidence_than_halving() -> None:
    sentences = EN_INDEXES.split(". ")
    mild = ". ".join(sentences[:3]) + "."
    [(_, value, strength)] = evidence_from_edit(edit_features(EN_INDEXES, mild, detect=None))
    assert value == "concise"
    assert 0.0 < strength < 1.0


def test_translation_is_detected_only_when_language_detection_is_enabled() -> None:
    features = edit_features(EN_INDEXES, DE_INDEXES, detect=None)
    assert (features.language_before, features.language_after) == (None, None)
    assert "language" not in _as_dict(evidence_from_edit(features))


def test_near_identical_texts_skip_language_detection() -> None:
    def must_not_run(text: str) -> str | None:
        raise AssertionError("detector ran on a touch-up edit")

    features = edit_features(EN_INDEXES, EN_INDEXES_TYPO, detect=must_not_run)
    assert features.language_before is None


def test_choice_between_candidates_is_weaker_than_an_edit() -> None:
    edit = evidence_from_edit(edit_features(EN_DECORATORS, EN_DECORATORS_NO_EMOJI))
    choice = evidence_from_choice(EN_DECORATORS, EN_DECORATORS_NO_EMOJI)
    assert [(d, v) for d, v, _ in choice] == [(d, v) for d, v, _ in edit]
    assert [s for _, _, s in choice] == pytest.approx([s * CHOICE_WEIGHT for _, _, s in edit])


# --- single-reply features ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "preamble"),
    [
        ("Great question! Decorators wrap functions.", "Great question!"),
        ("Sure! Here's a quick overview:\n\n- one\n- two", "Sure! Here's a quick overview:"),
        ("Certainly, I'd be glad to help.\nThe answer is 42.", "Certainly, I'd be glad to help."),
        ("Gerne! Hier ist eine kurze Übersicht:\n\nDocker startet schnell.", "Gerne! Hier ist eine kurze Übersicht:"),
        ("Natürlich! Das geht so.", "Natürlich!"),
        ("¡Claro! Aquí tienes un resumen:\n\nGit es rápido.", "¡Claro! Aquí tienes un resumen:"),
        ("Buena pregunta. El rebase reescribe el historial.", "Buena pregunta."),
        ("Klar ist, dass der Cache hilft.", ""),
        ("Great Britain has four nations.", ""),
        ("Decorators wrap functions. Sure, they can be nested.", ""),
    ],
)
def test_filler_openings_are_recognised_as_preamble(reply: str, preamble: str) -> None:
    assert split_preamble(reply)[0] == preamble


def test_reply_features_are_counted() -> None:
    features = style_features(EN_DECORATORS)
    assert features.has_preamble
    assert features.list_items == 3
    assert features.emoji == 3
    assert features.code_blocks == 1
    assert features.basics_sentences == 1
    assert features.preamble_words == 2


def test_an_emoji_sequence_counts_once() -> None:
    assert style_features("Family time 👨‍👩‍👧 and a flag 🇩🇪, thumbs 👍🏽").emoji == 3


def test_casual_rewrite_scores_less_formal() -> None:
    assert style_features(EN_CASUAL).formality < 0 < style_features(EN_FORMAL).formality
    assert style_features(DE_BACKUP_CASUAL).formality < 0 < style_features(DE_BACKUP_FORMAL).formality


# --- properties ---------------------------------------------------------------------------------

# Arbitrary text mixed with the fragments the features look for, so the rules actually fire.
_TEXT = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            ["\n", "- ", "* ", "1. ", "```", "Sure! ", "😊", "Sie ", "don't ", "! ", "In simple terms, ",
             "however ", "the cat sat on the mat. "]
        ),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_an_unchanged_text_is_no_evidence(text: str) -> None:
    assert evidence_from_edit(edit_features(text, text)) == []


@settings(max_examples=200, deadline=None)
@given(_TEXT, _TEXT)
def test_evidence_has_valid_strengths_and_one_entry_per_dimension(original: str, edited: str) -> None:
    for evidence in (
        evidence_from_edit(edit_features(original, edited, detect=None)),
        evidence_from_choice(original, edited, detect=None),
    ):
        assert all(0.0 < strength <= 1.0 for _, _, strength in evidence)
        dimensions = [dimension for dimension, _, _ in evidence]
        assert len(dimensions) == len(set(dimensions))
