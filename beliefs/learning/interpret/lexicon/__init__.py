"""Per-language lexicons of *concepts*, merged into one table the tokenizer compiles.

Every language module (``en``, ``de``, ``es``, ``fr``, ``it``, ``pt``, ``nl``) defines ``LEXICON``:
concept -> fragments. A fragment is a small regular expression for one surface form, written in
lower case (accents are folded away at compile time, so write them naturally), matching whole
words; use ``\\w*`` for endings and ``(?:a|b)`` for alternatives, never capturing groups. The
grammar (``_grammar.py``) gives the concepts their meaning; the lexicons only say how each
language spells them, so adding a word is a data change.

Concepts, by what the grammar does with them:

Value-bearing (``kind:dimension=value``):
  ``adj:d=v``     neutral adjectives naming value v ("short", "formal"). Alone they mean nothing
                  ("a formal letter"); with *more*/*be* they ask for v, with *less*/*excess* for
                   the opposite ("too formal" -> casual).
                   ``adjlong:d=v`` like ``adj`` ("long"), and a deictic copula alone already complains
                   ("that's long" -> concise).
                   ``comp:d=v``    synthetic comparatives that ask for v by themselves ("shorter", "kürzer").
                   ``judge:d=v``   judgements whose remedy is v ("verbose" -> concise, "stiff" -> casual).
                   ``direct:d=v``  idioms and verbs that ask for v ("tl;dr", "elaborate", "get to the point").
                   ``direct:d=v>other`` yields when ``other`` has evidence of its own.
                   ``flip:d=v``    like direct, but negated they ask for the opposite ("don't dumb it down").
                   ``trait:d=v``   self-descriptions that imply v ("I have ADHD", "I use a screen reader").
                   ``target:name`` objects whose wanted value depends on the words around them ("no emojis",
                   "add emojis"); the targets' dimensions live in the grammar.
                   ``lang:xx``     language names (see ``languages.py``).
                   
                   Polarity operators, bound to the nearest value-bearing token in the same clause:
                   ``neg`` ``never`` (also a standing rule) ``negcop`` (copular negation: "it isn't") ``negpost``
                   (postposed: "brauch ich nicht") ``nomore`` ("désormais, plus de …") ``remove`` ``removepost``
                   ``add`` ``addpost`` ``addverb`` (verb-final adding: "gebruiken") ``with`` (a weak adding
                   preposition) ``give`` ``some`` ``whynot`` ``asin`` (as/in before a format) ``like``
                   ``selflike`` ("I learn best from …") ``dislike`` ``why`` ``omitted`` ("you skipped") ``know``
                   ``excess`` ``excesspost`` ``so`` ``intens`` ``more`` ``less`` ``copula`` ``cop_it`` ``be``
                   ``bepost`` ("technisch werden") ``first`` ``start`` ``please`` ``aslike`` ("as technical as you
                   like": permission for the adjective).
                   
                   Scope and stance: ``but`` (clause barrier), ``than``, ``or``, ``when``, ``standing``, ``self``,
                   ``selfpost``, ``asif``, ``request``, ``thanks``, ``complaint``, ``praise``, ``resolved``
                   ("I figured it out": a negated object is satisfaction, not a preference), ``instance``
                   ("the emoji you used": praise of one answer), ``retain`` ("keep the bullets, just fix …": what
                   one answer did, kept), ``tolerate`` ("I don't mind long answers": no wish either way),
  ``negthink`` ("I don't think it needs to be shorter": the wish in the next clause is doubted).

Gates (text that is not about the assistant's answers): ``question``, ``task``, ``translate``,
  ``explain``, ``wh``, ``people``, ``anaphor``, ``answerpart`` ("the second point"), ``indef``,
  ``of``, ``about``, ``beneficiary``, ``material``, ``reported``, ``thirdparty``, ``mycontent``,
  ``hypothetical``, ``ability``, ``proglang``, ``noise`` (absorbs phrases that would otherwise be
  misread, such as "a paragraph of" or "don't worry about").

Pairs and language: ``read``, ``phone``, ``allthat``, ``longtext`` (with ``exclaim``, ``wrote``
  or a sarcastic ``thanks``), ``bigtopic`` (only after ``asked`` … not: "I asked X, not for its
  life story"), ``exclaim``, ``answer``,
  ``simile``, ``bureau``, ``native``, ``respond``, ``switch``, ``repeat``, ``myquestion``,
  ``years``, ``techjob``, ``profession`` (any trade: with ``years`` of practice, an expert);
  ``opener`` lists opening lines, used only to recognise a quoted one.
"""

from __future__ import annotations

from . import de, en, es, fr, it, nl, pt
from .languages import language_concepts

#: The languages with a lexicon, as ISO 639-1 codes.
LEXICON_LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "it", "pt", "nl")


def merged() -> dict[str, list[str]]:
    """concept -> fragments over all languages, language names included."""
    table: dict[str, list[str]] = {}
    for module in (en, de, es, fr, it, pt, nl):
        for concept, fragments in module.LEXICON.items():
            table.setdefault(concept, []).extend(fragments)
    for concept, fragments in language_concepts().items():
        table.setdefault(concept, []).extend(fragments)
    return table


__all__ = ["LEXICON_LANGUAGES", "merged"]
