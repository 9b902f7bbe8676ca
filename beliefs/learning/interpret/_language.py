"""The language a user wants answers in, from how they name it.

A language name alone is not a wish ("What's the formal way to say 'hi' in German?" is gated as a
question before this runs). It counts when:

- it follows a preposition ("in/auf/en/em/in het …") in a sentence that also asks for an answer
  or a reply, switches, uses, reads, or sets a standing rule ("answer in Spanish", "ab jetzt
  alles auf Französisch"), or in a sentence that is barely more than the phrase ("In German
  please");
- it follows "switch to"/"use", or is followed by "please" ("Spanish please");
- the user calls it their own ("my native language is Turkish", "je suis italien … dans ma langue").
"""

from __future__ import annotations

from ._grammar import Cue, Tok

_LICENSES = frozenset({"respond", "answer", "switch", "add", "be", "please", "standing", "request", "read",
                       "task", "explain", "like", "translate"})
_SHORT_SENTENCE = 5  # words: "auf Deutsch bitte", "in het Nederlands graag"


def language_cues(toks: list[Tok], sentence_words: dict[int, int]) -> list[Cue]:
    cues: list[Cue] = []
    for i, tok in enumerate(toks):
        if tok.gated or tok.kind not in ("lang", "nat"):
            continue
        code = tok.key
        sentence = [t for t in toks if t.sentence == tok.sentence and t is not tok]
        if any("when" in t.roles and t.clause == tok.clause and t.start < tok.start for t in sentence):
            continue  # "… even if I write in German": the user's own language, not the answers
        if any("native" in t.roles for t in sentence):
            if not any(t.roles & {"neg", "negcop"} for t in sentence):  # "English isn't my first language"
                cues.append(Cue("language", code, 0.8, self_hint=True))
            continue
        if tok.kind != "lang":
            continue
        previous = toks[i - 1] if i > 0 and toks[i - 1].sentence == tok.sentence else None
        following = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].sentence == tok.sentence else None
        near_previous = previous is not None and tok.word - previous.last_word <= 2
        if near_previous and i > 1 and toks[i - 2].roles & {"question", "people"} \
                and previous.word - toks[i - 2].last_word <= 1:
            continue  # "… pra quem fala português?", "people who speak Dutch": someone else speaks it
        asked = following is not None and "please" in following.roles and following.word - tok.last_word <= 1
        if near_previous and previous.roles & {"switch", "add"} or asked:
            cues.append(Cue("language", code, 0.9))
        elif near_previous and "langprep" in previous.roles:
            licensed = [t for t in sentence if t.roles & _LICENSES]
            if licensed or sentence_words.get(tok.sentence, 99) <= _SHORT_SENTENCE:
                reading = any("read" in t.roles for t in licensed)
                cues.append(Cue("language", code, 0.7 if reading else 0.9, self_hint=reading))
    return cues
