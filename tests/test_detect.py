"""Signal detection from a request's history against stored responses (pure)."""

from __future__ import annotations

from beliefs.learning.confidence import EPOCH
from beliefs.learning.conversation import prefix_hashes, text_hash
from beliefs.learning.detect import read_signals
from beliefs.learning.interpret import OfflineInterpreter
from beliefs.records import ResponseRecord

INTERPRETER = OfflineInterpreter()
NOW = EPOCH + 10_000.0
Q1 = {"role": "user", "content": "What is DNS?"}
LONG = ("Great question! 😊 DNS is the phonebook of the internet. It translates names like example.com "
        "into IP addresses so that computers can find each other. When you type a name, your resolver "
        "asks root, TLD and authoritative servers in turn, caching each answer for its TTL. This makes "
        "lookups fast and keeps load on the servers low.")


def record(id_: str, messages: list[dict], text: str, created: float = NOW - 60, outcome: str | None = None):
    return ResponseRecord(id_, "default", "u", "*", prefix_hashes(messages)[-1], "m", created,
                          text=text, text_hash=text_hash(text), outcome=outcome)


def signals(messages: list[dict], recent: list[ResponseRecord]):
    return read_signals(messages, prefix_hashes(messages), recent, NOW, INTERPRETER, 600)


def test_unchanged_reply_followed_by_a_new_question_is_acceptance():
    stored = record("r1", [Q1], LONG)
    (signal,) = signals([Q1, {"role": "assistant", "content": LONG + "\n"},
                         {"role": "user", "content": "And what is DHCP?"}], [stored])
    assert (signal.kind, signal.response.id, signal.outcome) == ("acceptance", "r1", "accepted")


def test_edited_reply_is_an_edit_with_evidence():
    stored = record("r1", [Q1], LONG)
    (signal,) = signals([Q1, {"role": "assistant", "content": "DNS maps names to IP addresses."},
                         {"role": "user", "content": "And DHCP?"}], [stored])
    assert signal.kind == "edit" and signal.outcome == "edited"
    found = {d: v for d, v, _ in signal.evidence}
    assert found["length"] == "concise" and found["emoji"] == "avoid" and found["preamble"] == "skip"


def test_a_response_already_read_yields_nothing_more():
    stored = record("r1", [Q1], LONG, outcome="accepted")
    assert signals([Q1, {"role": "assistant", "content": LONG},
                    {"role": "user", "content": "And DHCP?"}], [stored]) == []


def test_same_prefix_again_is_a_regeneration_not_a_follow_up():
    stored = record("r1", [Q1], LONG)
    (signal,) = signals([Q1], [stored])
    assert (signal.kind, signal.outcome, signal.features()) == ("regeneration", "regenerated", {"rejected": True})


def test_regeneration_outside_the_window_is_ignored():
    assert signals([Q1], [record("r1", [Q1], LONG, created=NOW - 3600)]) == []


def test_kept_candidate_gives_choice_evidence():
    rejected = record("r1", [Q1], LONG, created=NOW - 120, outcome="regenerated")
    kept_text = "DNS turns names into IP addresses, resolving through root, TLD and authoritative servers."
    kept = record("r2", [Q1], kept_text, created=NOW - 60)
    found = signals([Q1, {"role": "assistant", "content": kept_text},
                     {"role": "user", "content": "ok, and DHCP?"}], [rejected, kept])
    (choice,) = [s for s in found if s.kind == "regeneration"]
    assert choice.response.id == "r2" and choice.rejected_id == "r1"
    assert ("length", "concise") in {(d, v) for d, v, _ in choice.evidence}
    assert all(0 < s <= 0.6 for _, _, s in choice.evidence)


def test_follow_up_after_an_answer_names_the_answer():
    stored = record("r1", [Q1], LONG)
    (signal,) = signals([Q1, {"role": "assistant", "content": LONG},
                         {"role": "user", "content": "tl;dr please"}], [stored])
    assert (signal.kind, signal.response.id) == ("follow_up", "r1")
    assert [(d, v) for d, v, _ in signal.evidence] == [("length", "concise")]


def test_follow_up_without_a_stored_answer_still_counts():
    (signal,) = signals([Q1, {"role": "assistant", "content": "something"},
                         {"role": "user", "content": "auf Deutsch bitte"}], [])
    assert signal.kind == "follow_up" and signal.response is None
    assert [(d, v) for d, v, _ in signal.evidence] == [("language", "de")]


def test_first_message_that_says_shorter_is_not_a_follow_up():
    assert signals([{"role": "user", "content": "shorter"}], []) == []


def test_partial_streams_are_never_matched():
    stored = record("r1", [Q1], "Great question! DNS is")
    partial = ResponseRecord(**{**stored.__dict__, "complete": False})
    assert signals([Q1, {"role": "assistant", "content": "DNS maps names."},
                    {"role": "user", "content": "And DHCP?"}], [partial]) == []


def test_regeneration_with_identical_text_is_read_once():
    # The regenerated request returned the same text: the newest record is the one kept, and
    # once it is marked nothing is read again on later turns.
    rejected = record("r1", [Q1], LONG, created=NOW - 120, outcome="regenerated")
    again = record("r2", [Q1], LONG, created=NOW - 60)
    history = [Q1, {"role": "assistant", "content": LONG}, {"role": "user", "content": "And DHCP?"}]
    (signal,) = signals(history, [rejected, again])
    assert (signal.kind, signal.response.id, signal.outcome) == ("acceptance", "r2", "accepted")
    marked = ResponseRecord(**{**again.__dict__, "outcome": signal.outcome})
    assert signals(history, [rejected, marked]) == []


def test_continuing_with_the_newest_candidate_is_marked_newest():
    rejected = record("r1", [Q1], LONG, created=NOW - 120, outcome="regenerated")
    kept_text = "DNS turns names into IP addresses, resolving through root, TLD and authoritative servers."
    kept = record("r2", [Q1], kept_text, created=NOW - 60)
    found = signals([Q1, {"role": "assistant", "content": kept_text},
                     {"role": "user", "content": "ok, and DHCP?"}], [rejected, kept])
    (choice,) = [s for s in found if s.kind == "regeneration"]
    assert choice.newest is True


def test_going_back_to_an_older_candidate_is_a_real_choice():
    kept_text = "DNS turns names into IP addresses, resolving through root, TLD and authoritative servers."
    older = record("r1", [Q1], kept_text, created=NOW - 120, outcome="regenerated")
    newer = record("r2", [Q1], LONG, created=NOW - 60)
    found = signals([Q1, {"role": "assistant", "content": kept_text},
                     {"role": "user", "content": "ok, and DHCP?"}], [older, newer])
    (choice,) = [s for s in found if s.kind == "regeneration"]
    assert (choice.response.id, choice.rejected_id, choice.newest) == ("r1", "r2", False)
    assert choice.outcome == "kept"
