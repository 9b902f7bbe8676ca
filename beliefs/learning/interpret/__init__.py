"""Interpretation of what a user writes about the assistant's answers.

An :class:`Interpreter` turns one message into a :class:`Reading`: evidence for style dimensions
("length=concise") and a stance (a correction, a standing instruction, a self-description, a bare
complaint, or nothing actionable). :class:`OfflineInterpreter` does this with per-language
lexicons of concepts (English, German, Spanish, French, Italian, Portuguese, Dutch) and a small
grammar over them, offline and in pure Python.

    >>> from beliefs.learning.interpret import OfflineInterpreter
    >>> OfflineInterpreter().read("Way too long, and please no emojis").as_dict()
    {'length': 'concise', 'emoji': 'avoid'}
"""

from __future__ import annotations

from ._engine import DEFAULT_MAX_CHARS, OfflineInterpreter
from ._reading import Evidence, Interpreter, Reading, Stance
from .lexicon import LEXICON_LANGUAGES

__all__ = [
    "DEFAULT_MAX_CHARS",
    "LEXICON_LANGUAGES",
    "Evidence",
    "Interpreter",
    "OfflineInterpreter",
    "Reading",
    "Stance",
]
