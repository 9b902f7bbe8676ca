"""How much one signal is worth: redundant corrections, probation. Pure functions tested directly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from beliefs.dimensions import DimensionRegistry
from beliefs.learning.evidence import SignalWeights, deltas_of, feedback
from beliefs.learning.interpret import Reading
from beliefs.learning.redundancy import redundancy, shows
from beliefs.learning.signals import Acceptance, FollowUp
from beliefs.learning.style import style_features
from beliefs.records import BeliefView, ResponseRecord

REGISTRY = DimensionRegistry.with_extensions({})
LONG_LIST = ("Great question! 😀\n\n" + "\n".join(f"- Point {i} explains one more aspect of the topic in "
                                                  "some detail, with its reasons and an example." for i in range(6)))
SHORT_PROSE = "TCP delivers bytes reliably and in order, using acknowledgements and retransmission."


def record(text: str | None, applied: tuple[BeliefView, ...] = ()) -> ResponseRecord:
    return ResponseRecord("r1", "default", "u", "*", "h", "m", 0.0, applied=applied, text=text)


def weight_of(deltas, dimension: str, value: str) -> float:
    return sum(d.weight for d in deltas if (d.dimension, d.value) == (dimension, value))


def test_short_prose_reply_already_shows_concise_prose_without_preamble_or_emoji():
    f = style_features(SHORT_PROSE)
    assert all(shows(f, d, v) for d, v in [("length", "concise"), ("format", "prose"), ("preamble", "skip"),
                                           ("emoji", "avoid")])
    assert not any(shows(f, d, v) for d, v in [("length", "detailed"), ("format", "lists"),
                                               ("preamble", "keep"), ("emoji", "use")])


ENGLISH = ("The protocol is reliable: it resends what is lost and it keeps the order of the bytes, "
           "so that the application does not have to do this for itself.")
GERMAN = ("Das Protokoll ist zuverlässig: es sendet erneut, was verloren ist, und die Reihenfolge "
          "der Bytes bleibt, so dass die Anwendung das nicht für sich tun muss.")


def test_asking_for_the_language_the_reply_is_clearly_in_counts_less():
    # The marker-word hint, never the detector on the hot path; a text it is unsure of (too few
    # marker words) is never called redundant.
    ask = (("language", "en", 0.9),)
    assert redundancy(ENGLISH, ask, 0.25) == (("language", "en", 0.225),)
    assert redundancy(GERMAN, ask, 0.25) == ask
    assert redundancy(GERMAN, (("language", "de", 0.9),), 0.25) == (("language", "de", 0.225),)
    assert redundancy("TCP: ok.", ask, 0.25) == ask
    assert not shows(style_features(ENGLISH), "language", "en")  # shows() reads style only


def test_asking_for_shorter_after_a_short_reply_counts_less():
    weights = SignalWeights(follow_up=1.0, redundant=0.25)
    ask = (("length", "concise", 1.0),)
    after_short = deltas_of(FollowUp(record(SHORT_PROSE), ask, 1), weights, REGISTRY)
    after_long = deltas_of(FollowUp(record(LONG_LIST), ask, 1), weights, REGISTRY)
    assert weight_of(after_short, "length", "concise") == 0.25
    assert weight_of(after_long, "length", "concise") == 1.0


def test_self_description_is_not_judged_against_the_reply():
    weights = SignalWeights(self_description=1.0, redundant=0.25)
    deltas = deltas_of(FollowUp(record(SHORT_PROSE), (("expertise", "expert", 1.0),), 1, "self"), weights,
                       REGISTRY)
    assert weight_of(deltas, "expertise", "expert") == 1.0


def test_comment_asking_for_what_the_reply_already_does_counts_less():
    weights = SignalWeights(comment=1.0, redundant=0.25)
    reading = Reading((("emoji", "avoid", 1.0),), "request")
    same = feedback(record(SHORT_PROSE), "down", reading, "o", 0.0, weights, REGISTRY)
    other = feedback(record(LONG_LIST), "down", reading, "o", 0.0, weights, REGISTRY)
    assert weight_of(same.deltas, "emoji", "avoid") == 0.25
    assert weight_of(other.deltas, "emoji", "avoid") == 1.0


@given(st.lists(st.tuples(st.sampled_from(["length", "format", "emoji", "tone", "language"]),
                          st.sampled_from(["concise", "prose", "avoid", "casual", "de"]),
                          st.floats(0.01, 1.0)), max_size=5),
       st.floats(0, 1), st.sampled_from([SHORT_PROSE, LONG_LIST, "", None]))
def test_redundancy_only_ever_lowers_strength_and_keeps_the_pairs(evidence, factor, text):
    out = redundancy(text, tuple(evidence), factor)
    assert [(d, v) for d, v, _ in out] == [(d, v) for d, v, _ in evidence]
    assert all(0 <= new <= old for (_, _, new), (_, _, old) in zip(out, evidence))


def test_accepting_a_tentatively_shaped_reply_confirms_it_faster_than_a_firm_one():
    weights = SignalWeights(acceptance=0.15, probation_acceptance=0.6, probation_until=0.92)
    applied = (BeliefView("length", "concise", 0.88), BeliefView("emoji", "avoid", 0.97))
    deltas = deltas_of(Acceptance(record(SHORT_PROSE, applied)), weights, REGISTRY)
    assert weight_of(deltas, "length", "concise") == 0.6
    assert weight_of(deltas, "emoji", "avoid") == 0.15


def test_a_correction_against_the_applied_belief_retracts_it_faster():
    weights = SignalWeights(follow_up=1.0, retract=2.0, redundant=1.0)
    applied = (BeliefView("length", "concise", 0.95),)
    undo = deltas_of(FollowUp(record(SHORT_PROSE, applied), (("length", "detailed", 1.0),), 1), weights, REGISTRY)
    more = deltas_of(FollowUp(record(SHORT_PROSE, applied), (("emoji", "avoid", 1.0),), 1), weights, REGISTRY)
    assert weight_of(undo, "length", "detailed") == 2.0  # undoes what was applied
    assert weight_of(more, "emoji", "avoid") == 1.0  # asks for something new: normal weight


@given(st.floats(0, 1), st.floats(1, 4))
def test_retraction_never_changes_evidence_for_the_applied_value_itself(strength, factor):
    from beliefs.learning.evidence import retracting
    applied = (BeliefView("length", "concise", 0.9),)
    assert retracting((("length", "concise", strength),), applied, factor) == (("length", "concise", strength),)
    assert retracting((("length", "detailed", strength),), applied, factor) == (
        ("length", "detailed", strength * factor),)
