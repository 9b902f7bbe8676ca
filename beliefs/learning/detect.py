"""Read the implicit signals a chat request carries, by comparing it with what was returned.

Pure: takes the request's messages, their prefix hashes and the user's recent response records,
returns what happened to those responses. No clock (``now`` is passed), no store.
"""

from __future__ import annotations

from typing import Any, Sequence

from beliefs.records import ResponseRecord

from .conversation import message_text, text_hash
from .edits import RELANGUAGE_SIMILARITY, edit_features, evidence_from_choice, evidence_from_edit
from .interpret import Interpreter, Reading
from .language import language_hint
from .signals import Acceptance, Choice, Complaint, Edit, FollowUp, Regeneration, Signal


def read_signals(
    messages: Sequence[Any],
    hashes: Sequence[str],
    recent: Sequence[ResponseRecord],
    now: float,
    interpreter: Interpreter,
    regeneration_window_s: float,
) -> list[Signal]:
    """Signals in one request, in conversation order.

    * an assistant message answering a known prefix with the stored text -> acceptance, a
      follow-up when the next user message asks for a change (or states a lasting wish), or a
      complaint when it is dissatisfied without saying what to change (never acceptance);
    * with different text -> an edit (features of stored text vs what the user sent back);
    * among several candidates for one prefix (regenerations), the one kept -> choice evidence,
      marked ``newest`` when the user simply continued with the latest candidate;
    * the request's own prefix already answered within the window -> regeneration (rejection);
    * the last user message asking for a change after an answer, or stating a standing
      instruction or a self-description anywhere (a first message too) -> follow-up.

    Records whose ``outcome`` is already set were read before and are skipped, so a long
    conversation re-sent on every turn yields each signal once.
    """
    by_prefix: dict[str, list[ResponseRecord]] = {}
    for record in recent:
        if record.complete:  # a partial (disconnected) stream is not what the user saw in full
            by_prefix.setdefault(record.prefix_hash, []).append(record)

    signals: list[Signal] = []
    last_user = _last_index(messages, "user")
    regenerated = [
        r for r in by_prefix.get(hashes[-1], ())
        if r.outcome is None and now - r.created_at <= regeneration_window_s
    ]
    follow_up_read = False

    for index, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") != "assistant":
            continue
        candidates = by_prefix.get(hashes[index], [])
        if not candidates:
            continue
        sent = message_text(message)
        sent_hash = text_hash(sent)
        # A regeneration can return the very same text: the newest record with it is the one the
        # user kept (the older one was regenerated, i.e. already read as rejected).
        kept = max((r for r in candidates if r.text_hash == sent_hash), key=lambda r: r.created_at,
                   default=None)
        if kept is not None:
            if kept.outcome not in (None, "regenerated"):
                continue
            # Losers: candidates regenerated away, and candidates that came after the kept one
            # (the user went back to an older one). Identical texts tell nothing.
            rejected = [r for r in candidates
                        if r.text and r.text_hash != sent_hash
                        and (r.outcome == "regenerated"
                             or (r.outcome is None and r.created_at > kept.created_at))]
            # Continuing with the newest candidate is mostly not a choice: the user regenerated
            # because something was missing and took what came. Going back to an older one is.
            newest = all(r.created_at <= kept.created_at for r in candidates)
            for loser in rejected:
                signals.append(Choice(kept, tuple(evidence_from_choice(loser.text or "", sent)),
                                      loser.id, newest))
            reading = None if regenerated else _reading_after(messages, index, interpreter)
            if reading is not None:
                follow_up_read = follow_up_read or index + 1 == last_user
            if reading is not None and reading.evidence:
                signals.append(FollowUp(kept, reading.evidence, index + 1, reading.stance))
            elif reading is not None and reading.stance == "complaint":
                signals.append(Complaint(kept, index + 1))
            elif not rejected:
                signals.append(Acceptance(kept))
            continue
        original = max((r for r in candidates if r.outcome is None and r.text),
                       key=lambda r: r.created_at, default=None)
        if original is None:
            continue
        signals.append(edit_of(original, sent))

    signals.extend(Regeneration(record) for record in regenerated)

    if not follow_up_read and not regenerated and last_user is not None:
        reading = interpreter.read(message_text(messages[last_user]))
        after_answer = _last_index(messages[:last_user], "assistant") is not None
        # A correction needs an answer to correct; a lasting wish or a self-description counts
        # wherever it is said, the first message of a conversation included.
        if reading.evidence and (after_answer or reading.stance in ("standing", "self")):
            signals.append(FollowUp(None, reading.evidence, last_user, reading.stance))
    return signals


def edit_of(original: ResponseRecord, sent: str) -> Edit:
    """The edit of ``original`` (its stored text) into ``sent``: what the user changed, as
    evidence. One reading for every place an edited reply is found (history, feedback)."""
    # No language detection here (~1 ms a text, over the in-request budget): when the cheap
    # hints differ, the service detects both languages off the hot path (language_check).
    features = edit_features(original.text or "", sent, detect=None)
    language_check = (features.similarity < RELANGUAGE_SIMILARITY
                      or language_hint(original.text or "") != language_hint(sent))
    return Edit(original, tuple(evidence_from_edit(features)), features, sent, language_check)


def _reading_after(messages: Sequence[Any], index: int, interpreter: Interpreter) -> Reading | None:
    """The reading of the user message right after ``messages[index]``, if that is one."""
    nxt = index + 1
    if nxt >= len(messages) or not isinstance(messages[nxt], dict) or messages[nxt].get("role") != "user":
        return None
    return interpreter.read(message_text(messages[nxt]))


def _last_index(messages: Sequence[Any], role: str) -> int | None:
    for index in range(len(messages) - 1, -1, -1):
        message = messages[index]
        if isinstance(message, dict) and message.get("role") == role:
            return index
    return None


__all__ = ["edit_of", "read_signals"]
