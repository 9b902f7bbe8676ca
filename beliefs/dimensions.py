"""The dimensions a self-model has, and the only values a belief may take.

Belief values are never free text: every value is checked against its dimension here before it
is stored or rendered, so a belief cannot carry instructions into a system prompt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

#: ISO 639-1 codes accepted for the ``language`` dimension, with the English name used in templates.
LANGUAGE_NAMES: Mapping[str, str] = {
    "af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh", "ko": "Korean",
    "la": "Latin", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "mn": "Mongolian",
    "mr": "Marathi", "ms": "Malay", "nb": "Norwegian Bokmal", "nl": "Dutch", "nn": "Norwegian Nynorsk",
    "pa": "Punjabi", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovene", "so": "Somali", "sq": "Albanian", "sr": "Serbian",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "yo": "Yoruba",
    "zh": "Chinese", "zu": "Zulu",
}

#: Evidence against every observed value of an open dimension is kept under this reserved value.
#: It can lead a posterior (meaning "none of these") but is never applied or shown as a preference.
NOT_OBSERVED = "*other"


class InvalidBeliefValue(ValueError):
    """A value outside the dimension's allowed set; ``allowed`` lists what would be accepted."""

    def __init__(self, dimension: str, value: object, allowed: Iterable[str]) -> None:
        self.dimension = dimension
        self.allowed = sorted(allowed)
        super().__init__(
            f"invalid value {value!r} for dimension {dimension!r}; allowed: {', '.join(self.allowed)}"
        )


@dataclass(frozen=True)
class Dimension:
    """One axis of preference. ``values`` is the closed set of values a belief may hold.

    ``binary`` dimensions (two values) treat evidence against one value as evidence for the other;
    open dimensions such as ``language`` keep it under :data:`NOT_OBSERVED`.
    """

    name: str
    values: frozenset[str]
    description: str = ""

    @property
    def binary(self) -> bool:
        return len(self.values) == 2

    def validate(self, value: object) -> str:
        """Return the canonical value or raise :class:`InvalidBeliefValue`."""
        if isinstance(value, str):
            canonical = value.strip().lower()
            if canonical in self.values:
                return canonical
        raise InvalidBeliefValue(self.name, value, self.values)

    def opposite(self, value: str) -> str:
        """The other value of a binary dimension, else :data:`NOT_OBSERVED`."""
        if self.binary:
            (other,) = self.values - {value}
            return other
        return NOT_OBSERVED


CORE_DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("length", frozenset({"concise", "detailed"}), "how long answers should be"),
    Dimension("format", frozenset({"prose", "lists"}), "paragraphs or bullet lists"),
    Dimension("tone", frozenset({"formal", "casual"}), "register of the wording"),
    Dimension("preamble", frozenset({"skip", "keep"}), "an opening line before the answer"),
    Dimension("emoji", frozenset({"avoid", "use"}), "emoji in answers"),
    Dimension("language", frozenset(LANGUAGE_NAMES), "language to answer in (ISO 639-1)"),
    Dimension("expertise", frozenset({"expert", "beginner"}), "how much background to explain"),
    Dimension("code", frozenset({"include", "omit"}), "code examples in answers"),
)


class DimensionRegistry:
    """The dimensions known to this deployment: the core ones plus any added in ``config.yaml``."""

    def __init__(self, dimensions: Iterable[Dimension]) -> None:
        self._by_name: dict[str, Dimension] = {}
        for dimension in dimensions:
            if dimension.name in self._by_name:
                raise ValueError(f"dimension {dimension.name!r} defined twice")
            if len(dimension.values) < 2:
                raise ValueError(f"dimension {dimension.name!r} needs at least two values")
            self._by_name[dimension.name] = dimension

    @classmethod
    def with_extensions(cls, extra: Mapping[str, Iterable[str]]) -> "DimensionRegistry":
        """Core dimensions plus ``extra`` (name -> allowed values); core names cannot be redefined."""
        added = [
            Dimension(name, frozenset(v.strip().lower() for v in values))
            for name, values in extra.items()
        ]
        return cls([*CORE_DIMENSIONS, *added])

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self):
        return iter(self._by_name.values())

    def get(self, name: str) -> Dimension:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"unknown dimension {name!r}; known: {', '.join(sorted(self._by_name))}")

    def names(self) -> list[str]:
        return list(self._by_name)


__all__ = [
    "CORE_DIMENSIONS",
    "Dimension",
    "DimensionRegistry",
    "InvalidBeliefValue",
    "LANGUAGE_NAMES",
    "NOT_OBSERVED",
]
