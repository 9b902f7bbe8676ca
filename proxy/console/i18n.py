"""The pages in their reader's language: message catalogs, and which language to use.

Catalogs are gettext ``.po`` files in ``web/locale/<language>.po`` (English is the message ids
themselves). They are read with Babel and compiled in memory the first time a language is asked
for, so no generated ``.mo`` file is built or shipped and a translator edits one text file.

The language of a preferences page is the user's own: the language beliefloop believes they
want answers in, when it has a catalog for it; else the browser's ``Accept-Language``; else
English.
"""

from __future__ import annotations

import io
from functools import lru_cache
from gettext import GNUTranslations, NullTranslations
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "web" / "locale"
#: The languages the pages speak (those interpretation reads, README "How interpretation works").
LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "it", "pt", "nl")
DEFAULT_LANGUAGE = "en"


class PageTranslations(NullTranslations):
    """A language's catalog, with its code and Babel ``locale`` (names of languages, dates)."""

    def __init__(self, language: str, catalog: NullTranslations | None = None) -> None:
        super().__init__()
        self.language = language
        self.locale = Locale.parse(language)
        if catalog is not None:
            self.add_fallback(catalog)

    def day(self, ts: float) -> str:
        """A date as this language writes it in full (``1 December 2026``, ``1. Dezember 2026``)."""
        from datetime import datetime, timezone

        return format_date(datetime.fromtimestamp(ts, timezone.utc).date(), "long", locale=self.locale)


def _compiled(language: str) -> GNUTranslations:
    with (LOCALE_DIR / f"{language}.po").open("rb") as source:
        catalog = read_po(source, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return GNUTranslations(buffer)


@lru_cache(maxsize=None)
def translations(language: str) -> PageTranslations:
    """The page translations for ``language`` (one of :data:`LANGUAGES`; others read English)."""
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        return PageTranslations(DEFAULT_LANGUAGE)
    return PageTranslations(language, _compiled(language))


def from_accept_language(header: str | None) -> str | None:
    """The first language of ``Accept-Language`` (by q-value, then order) that the pages speak."""
    if not header:
        return None
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if quality > 0 and primary in LANGUAGES:
            ranked.append((-quality, index, primary))
    return min(ranked)[2] if ranked else None


def choose(believed: str | None, accept_language: str | None) -> str:
    """The page language: the believed answer language if the pages speak it, then the browser's."""
    if believed in LANGUAGES:
        return believed  # type: ignore[return-value]
    return from_accept_language(accept_language) or DEFAULT_LANGUAGE


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "LOCALE_DIR", "PageTranslations", "choose", "from_accept_language",
           "translations"]
