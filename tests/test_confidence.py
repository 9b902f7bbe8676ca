"""Property tests of the confidence math: bounded, monotone, decaying, order-free."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from beliefs.confidence import EPOCH, ConfidenceModel, Posterior, combine
from beliefs.model import GLOBAL_CONTEXT, EvidenceIncrement, SelfModel

MODEL = ConfidenceModel()
DAY = 86_400.0
weights = st.floats(min_value=0.0, max_value=50.0, allow_nan=False)
times = st.floats(min_value=EPOCH, max_value=EPOCH + 3650 * DAY, allow_nan=False)


def belief_after(signals: list[tuple[str, float, float]], now: float, model: ConfidenceModel = MODEL):
    self_model = SelfModel()
    for value, weight, at in signals:
        self_model.add(EvidenceIncrement(GLOBAL_CONTEXT, "length", value, "implicit",
                                         model.to_stored(weight, at), at))
    return self_model.belief(GLOBAL_CONTEXT, "length", now, model)


def test_one_signal_stays_below_threshold_and_three_pass():
    now = EPOCH + 100 * DAY
    one = belief_after([("concise", 1.0, now)], now)
    two = belief_after([("concise", 1.0, now)] * 2, now)
    three = belief_after([("concise", 1.0, now)] * 3, now)
    assert math.isclose(one.confidence, 0.6)
    assert one.confidence < MODEL.apply_threshold and two.confidence < MODEL.apply_threshold
    assert three.confidence >= MODEL.apply_threshold


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), weights), st.sampled_from(["a", "b", "c"]))
def test_confidence_is_bounded(ws, value):
    confidence = Posterior(ws, MODEL.prior).mean(value)
    assert 0.0 < confidence < 1.0


@given(weights, weights, st.floats(min_value=0.01, max_value=10.0))
def test_agreeing_evidence_never_lowers_confidence(w_for, w_against, extra):
    before = Posterior({"concise": w_for, "detailed": w_against}, MODEL.prior).mean("concise")
    after = Posterior({"concise": w_for + extra, "detailed": w_against}, MODEL.prior).mean("concise")
    assert after > before


@given(st.floats(min_value=0.1, max_value=20.0), times, st.floats(min_value=1.0, max_value=2000.0))
def test_evidence_decays_toward_no_preference(weight, at, days_later):
    fresh = belief_after([("concise", weight, at)], at)
    later = belief_after([("concise", weight, at)], at + days_later * DAY)
    assert 0.5 < later.confidence < fresh.confidence


def test_half_life_halves_the_weight():
    at = EPOCH + 10 * DAY
    stored = MODEL.to_stored(4.0, at)
    assert math.isclose(MODEL.to_current(stored, at + 90 * DAY), 2.0)


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from(["concise", "detailed"]), st.floats(0.05, 3.0)), min_size=1, max_size=12),
       st.randoms())
def test_order_of_equal_time_evidence_does_not_matter(signals, rng):
    now = EPOCH + 5 * DAY
    shuffled = list(signals)
    rng.shuffle(shuffled)
    a = belief_after([(v, w, now) for v, w in signals], now)
    b = belief_after([(v, w, now) for v, w in shuffled], now)
    assert (a is None) == (b is None)
    if a is not None:
        assert a.value == b.value and math.isclose(a.confidence, b.confidence, rel_tol=1e-9)


def test_a_flipped_preference_takes_over_within_a_handful():
    start = EPOCH + DAY
    history = [("concise", 1.0, start + i * 60) for i in range(6)]
    flips = 0
    while True:
        flips += 1
        history.append(("detailed", 1.0, start + 3600 + flips * 60))
        belief = belief_after(history, start + 3600 + flips * 60 + 1)
        if belief.value == "detailed":
            break
    assert flips <= 7


@given(st.floats(min_value=0.5, max_value=0.99), st.floats(min_value=0.05, max_value=0.95))
def test_manual_weight_reproduces_the_stated_confidence(confidence, base):
    if confidence < base:
        return
    weight = MODEL.manual_weight(confidence, base)
    parent = Posterior({}, MODEL.prior)
    result = (2 * MODEL.prior * base + weight) / (2 * MODEL.prior + weight)
    assert math.isclose(result, confidence, rel_tol=1e-9)
    assert parent.mean("x") == 0.5


def test_named_context_starts_from_the_global_belief():
    now = EPOCH + DAY
    model = SelfModel()
    for _ in range(4):
        model.add(EvidenceIncrement(GLOBAL_CONTEXT, "length", "concise", "implicit", MODEL.to_stored(1.0, now), now))
    global_belief = model.belief(GLOBAL_CONTEXT, "length", now, MODEL)
    work = model.belief("work", "length", now, MODEL)
    assert work.value == "concise" and math.isclose(work.confidence, global_belief.confidence)
    for _ in range(3):
        model.add(EvidenceIncrement("learning", "length", "detailed", "implicit", MODEL.to_stored(1.0, now), now))
    assert model.belief("learning", "length", now, MODEL).value == "detailed"
    assert model.belief("work", "length", now, MODEL).value == "concise"


def test_pinned_belief_outranks_learned_evidence():
    from beliefs.model import Pin

    now = EPOCH + DAY
    model = SelfModel()
    for _ in range(10):
        model.add(EvidenceIncrement(GLOBAL_CONTEXT, "tone", "formal", "implicit", MODEL.to_stored(1.0, now), now))
    model.pins[(GLOBAL_CONTEXT, "tone")] = Pin("casual", 1.0, now)
    belief = model.belief("work", "tone", now + 400 * DAY, MODEL)
    assert (belief.value, belief.pinned, belief.confidence) == ("casual", True, 1.0)


def test_combine_sums_per_value():
    assert combine([("a", 1.0), ("b", 2.0), ("a", 0.5)]) == {"a": 1.5, "b": 2.0}
