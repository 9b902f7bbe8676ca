"""What a later, better reading of a request adds to what was read from it on the hot path. Pure.

A request is read twice when an LLM engine is configured: at once with the offline readings
(:func:`beliefs.learning.detect.read_signals`), and again, with the same inputs, once the slow
engine has settled its texts. The second pass may only *add*: evidence already committed stays
(stored weights only grow), so counting it again would double it. What it adds is the evidence of
each follow-up for dimensions the first pass did not read from that same message.

What the first pass decided about the response itself (accepted, complained about) also stays:
its outcome is final, and its weight is small (acceptance 0.15, complaint 0.1) next to the
evidence a correction carries.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .signals import FollowUp, Signal, TextEvidence


def added_follow_ups(first: Sequence[Signal], second: Sequence[Signal]) -> list[FollowUp]:
    """Follow-ups of ``second`` cut down to the evidence ``first`` did not read from their message."""
    read: dict[int, set[str]] = {}
    for signal in first:
        if isinstance(signal, FollowUp):
            read.setdefault(signal.message_index, set()).update(d for d, _, _ in signal.evidence)
    added = []
    for signal in second:
        if not isinstance(signal, FollowUp):
            continue
        known = read.get(signal.message_index, set())
        fresh = tuple(e for e in signal.evidence if e[0] not in known)
        if fresh:
            added.append(replace(signal, evidence=fresh))
    return added


def added_evidence(first: Sequence[TextEvidence], second: Sequence[TextEvidence]) -> tuple[TextEvidence, ...]:
    """Evidence of ``second`` for dimensions ``first`` did not read (one comment read twice)."""
    known = {dimension for dimension, _, _ in first}
    return tuple(e for e in second if e[0] not in known)


__all__ = ["added_evidence", "added_follow_ups"]
