"""Property tests of the confidence math: bounded, monotone, decaying, saturating; the order of
same-value evidence never matters, and cancellation does what the model says."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beliefs.learning.confidence import EPOCH, ConfidenceModel, Posterior, combine, logit, sigmoid
from beliefs.learning.selfmodel import EvidenceIncrement, SelfModel, increments
from beliefs.records import GLOBAL_CONTEXT, EvidenceDelta, Observation

MODEL = ConfidenceModel()
UNCAPPED = ConfidenceModel(cap=None, cancel=False)
DAY = 86_400.0
weights = st.floats(min_value=0.0, max_value=50.0, allow_nan=False)
times = st.floats(min_value=EPOCH, max_value=EPOCH + 3650 * DAY, allow_nan=False)


def increment(value: str, weight: float, at: float, model: ConfidenceModel = MODEL,
              context: str = GLOBAL_CONTEXT) -> EvidenceIncrement:
    """The increment the service adds to ``context`` for one signal (see beliefs.learning.selfmodel.increments)."""
    (inc,) = [i for i in increments(Observation("o", "t", "u", context, "edit", None, {},
                                                 (EvidenceDelta("length", value, weight),), at), model)
              if i.context == context]
    return inc


def model_after(signals: list[tuple[str, float, float]], model: ConfidenceModel = MODEL) -> SelfModel:
    self_model = SelfModel()
    for value, weight, at in signals:
        self_model.add(increment(value, weight, at, model))
    return self_model


def belief_after(signals: list[tuple[str, float, float]], now: float, model: ConfidenceModel = MODEL):
    return model_after(signals, model).belief(GLOBAL_CONTEXT, "length", now, model)


def current(self_model: SelfModel, value: str, now: float, model: ConfidenceModel = MODEL) -> float:
    return self_model.posterior(GLOBAL_CONTEXT, "length", now, model).weights.get(value, 0.0)


def test_one_signal_stays_below_threshold_and_three_pass():
    now = EPOCH + 100 * DAY
    one, two, three = (belief_after([("concise", 1.0, now)] * n, now) for n in (1, 2, 3))
    assert math.isclose(one.confidence, sigmoid(1.0))  # 0.73
    assert one.confidence < MODEL.apply_threshold and two.confidence < MODEL.apply_threshold
    assert three.confidence >= MODEL.apply_threshold


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), weights), st.sampled_from(["a", "b", "c"]))
def test_confidence_is_bounded(ws, value):
    confidence = Posterior(ws, MODEL.scale).mean(value)
    assert 0.0 <= confidence <= 1.0


@given(weights, weights, st.floats(min_value=0.01, max_value=10.0))
def test_agreeing_evidence_never_lowers_confidence(w_for, w_against, extra):
    before = Posterior({"concise": w_for, "detailed": w_against}, MODEL.scale).mean("concise")
    after = Posterior({"concise": w_for + extra, "detailed": w_against}, MODEL.scale).mean("concise")
    assert after >= before


@settings(max_examples=50)
@given(st.lists(st.sampled_from(["concise", "detailed"]), max_size=10), st.floats(0.05, 2.0))
def test_a_signal_never_lowers_the_confidence_of_its_own_value(history, weight):
    now = EPOCH + DAY
    before = model_after([(v, 1.0, now) for v in history])
    after = model_after([(v, 1.0, now) for v in history] + [("concise", weight, now)])
    mean = lambda m: m.posterior(GLOBAL_CONTEXT, "length", now, MODEL).mean("concise")  # noqa: E731
    assert mean(after) >= mean(before) - 1e-12


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
@given(st.lists(st.floats(0.05, 3.0), min_size=1, max_size=12), st.randoms())
def test_order_of_same_value_evidence_does_not_matter(ws, rng):
    # With a cap, a sequence of adds for one value ends at min(sum, cap) whatever its order.
    now = EPOCH + 5 * DAY
    shuffled = list(ws)
    rng.shuffle(shuffled)
    a = belief_after([("concise", w, now) for w in ws], now)
    b = belief_after([("concise", w, now) for w in shuffled], now)
    assert a.value == b.value == "concise" and math.isclose(a.confidence, b.confidence, rel_tol=1e-9)
    assert math.isclose(current(model_after([("concise", w, now) for w in ws]), "concise", now),
                        min(sum(ws), MODEL.cap), rel_tol=1e-9)


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from(["concise", "detailed"]), st.floats(0.05, 3.0)), min_size=1, max_size=12),
       st.randoms())
def test_without_saturation_the_order_of_equal_time_evidence_does_not_matter(signals, rng):
    now = EPOCH + 5 * DAY
    shuffled = list(signals)
    rng.shuffle(shuffled)
    a = belief_after([(v, w, now) for v, w in signals], now, UNCAPPED)
    b = belief_after([(v, w, now) for v, w in shuffled], now, UNCAPPED)
    assert (a is None) == (b is None)
    if a is not None:
        assert a.value == b.value and math.isclose(a.confidence, b.confidence, rel_tol=1e-9)


def test_a_value_stops_growing_at_the_cap():
    now = EPOCH + DAY
    belief = belief_after([("concise", 1.0, now)] * 10, now)
    assert math.isclose(belief.confidence, sigmoid(MODEL.scale * MODEL.cap))
    assert belief.evidence == 10  # every signal is still counted


@given(st.floats(0.0, 3.0), st.floats(0.05, 3.0))
def test_evidence_for_a_value_cancels_as_much_from_the_other(held, weight):
    now = EPOCH + DAY
    self_model = model_after([("concise", held, now), ("detailed", weight, now)])
    assert math.isclose(current(self_model, "concise", now), max(held - weight, 0.0), abs_tol=1e-9)
    assert math.isclose(current(self_model, "detailed", now), min(weight, MODEL.cap), rel_tol=1e-9)


def test_cancellation_takes_implicit_then_explicit_then_manual_weight():
    inc = EvidenceIncrement(GLOBAL_CONTEXT, "length", "detailed", "implicit", 3.0, EPOCH, 2.0, None, True)
    # 1 implicit and 1 explicit (stored) go first; the remaining 1 stored is 0.5 manual units.
    assert inc.cancelled(1.0, 1.0, 2.0) == (0.0, 0.0, 1.5)
    assert inc.cancelled(5.0, 1.0, 2.0) == (2.0, 1.0, 2.0)


def test_a_flipped_preference_takes_over_within_a_handful():
    start = EPOCH + DAY
    history = [("concise", 1.0, start + i * 60) for i in range(20)]
    flips = 0
    while True:
        flips += 1
        history.append(("detailed", 1.0, start + 3600 + flips * 60))
        belief = belief_after(history, start + 3600 + flips * 60 + 1)
        if belief is not None and belief.value == "detailed":
            break
    # however long concise was held, it is capped: two contrary signals overturn it
    assert flips == 2
    assert belief_after(history + [("detailed", 1.0, start + 7200)], start + 7201).confidence >= MODEL.apply_threshold


@given(st.floats(min_value=0.5, max_value=0.99), st.floats(min_value=0.05, max_value=0.95))
def test_manual_weight_reproduces_the_stated_confidence(confidence, base):
    if confidence < base:
        return
    weight = MODEL.manual_weight(confidence, base)
    result = sigmoid(MODEL.scale * weight + logit(base))
    assert math.isclose(result, confidence, rel_tol=1e-9)


def test_named_context_starts_from_the_global_belief():
    now = EPOCH + DAY
    model = SelfModel()
    for _ in range(4):
        model.add(increment("concise", 1.0, now))
    global_belief = model.belief(GLOBAL_CONTEXT, "length", now, MODEL)
    work = model.belief("work", "length", now, MODEL)
    assert work.value == "concise" and math.isclose(work.confidence, global_belief.confidence)
    # a named context can overturn even a capped global belief (it holds up to twice the cap)
    for _ in range(6):
        model.add(increment("detailed", 1.0, now, context="learning"))
    learning = model.belief("learning", "length", now, MODEL)
    assert learning.value == "detailed" and learning.confidence >= MODEL.apply_threshold
    assert model.belief("work", "length", now, MODEL).value == "concise"


def test_pinned_belief_outranks_learned_evidence():
    from beliefs.learning.selfmodel import Pin

    now = EPOCH + DAY
    model = SelfModel()
    for _ in range(10):
        model.add(EvidenceIncrement(GLOBAL_CONTEXT, "tone", "formal", "implicit", MODEL.to_stored(1.0, now), now))
    model.pins[(GLOBAL_CONTEXT, "tone")] = Pin("casual", 1.0, now)
    belief = model.belief("work", "tone", now + 400 * DAY, MODEL)
    assert (belief.value, belief.pinned, belief.confidence) == ("casual", True, 1.0)


def test_combine_sums_per_value():
    assert combine([("a", 1.0), ("b", 2.0), ("a", 0.5)]) == {"a": 1.5, "b": 2.0}


# -- population prior ---------------------------------------------------------------------------

from beliefs.learning.confidence import Population, prior_log_odds


def test_population_prior_is_shrunk_clamped_and_empty_without_users():
    assert prior_log_odds({}, "concise", 4.0, 1.0) == 0.0
    # 1 of 1 user: (1 + 2) / (1 + 4) = 0.6; 3 of 3: 5/7; 30 of 30 clamps at max_log_odds.
    assert prior_log_odds({"concise": 1}, "concise", 4.0, 5.0) == pytest.approx(logit(0.6))
    assert prior_log_odds({"concise": 3}, "concise", 4.0, 5.0) == pytest.approx(logit(5 / 7))
    assert prior_log_odds({"concise": 30}, "concise", 4.0, 1.0) == 1.0
    # A value nobody holds is pushed down as far as the common one is pulled up.
    assert prior_log_odds({"concise": 30}, "detailed", 4.0, 1.0) == -1.0
    assert prior_log_odds({"concise": 5, "detailed": 5}, "concise", 4.0, 1.0) == pytest.approx(0.0)
    assert prior_log_odds({"concise": 3}, "concise", 4.0, 0.0) == 0.0


@given(st.integers(0, 200), st.integers(0, 200), st.floats(0.0, 50.0))
def test_population_prior_grows_with_users_and_is_bounded(held, others, strength):
    counts = {"concise": held, "detailed": others}
    x = prior_log_odds(counts, "concise", strength, 1.0)
    assert -1.0 <= x <= 1.0
    assert prior_log_odds({**counts, "concise": held + 1}, "concise", strength, 1.0) >= x - 1e-12
    assert (x > 0) == (held > others) or x == 0.0 or held == others


def test_a_user_is_never_their_own_population():
    population = Population.from_counts({("length", "concise"): 1}, 4.0, 5.0)
    assert population.log_odds("length", "concise", exclude="concise") == 0.0
    assert population.log_odds("length", "concise") == pytest.approx(logit(0.6))


POPULATION = Population.from_counts({("length", "concise"): 40, ("length", "detailed"): 4}, 4.0, 1.0)


def one_signal(value: str, weight: float = 0.9, context: str = GLOBAL_CONTEXT) -> SelfModel:
    self_model = SelfModel()
    self_model.add(increment(value, weight, EPOCH, context=context))
    return self_model


def test_the_population_prior_alone_never_makes_a_belief():
    assert SelfModel().belief(GLOBAL_CONTEXT, "length", EPOCH, MODEL, POPULATION) is None
    assert SelfModel().beliefs("work", ["length"], EPOCH, MODEL, POPULATION) == []


def test_one_signal_where_the_population_is_goes_further_than_one_elsewhere():
    # One explicit request (0.9): 0.71 alone, tentative (>= 0.85) with the common value's prior,
    # and less than alone for the rare one.
    alone = one_signal("concise").belief(GLOBAL_CONTEXT, "length", EPOCH, MODEL)
    common = one_signal("concise").belief(GLOBAL_CONTEXT, "length", EPOCH, MODEL, POPULATION)
    rare = one_signal("detailed").belief(GLOBAL_CONTEXT, "length", EPOCH, MODEL, POPULATION)
    assert alone.confidence == pytest.approx(sigmoid(0.9))
    assert common.confidence == pytest.approx(sigmoid(1.9)) and common.confidence >= MODEL.tentative_threshold
    assert rare is None  # 0.9 - 1.0: 0.48, so nothing leads
    assert one_signal("detailed").posterior(GLOBAL_CONTEXT, "length", EPOCH, MODEL, POPULATION).mean(
        "detailed") == pytest.approx(sigmoid(-0.1))
    # A weak signal plus the strongest prior still does not act (the prior is worth one signal).
    weak = one_signal("concise", 0.15).belief(GLOBAL_CONTEXT, "length", EPOCH, MODEL, POPULATION)
    assert weak.confidence < MODEL.tentative_threshold


def test_a_named_context_inherits_the_population_through_the_global_belief():
    # Evidence only in "work": its base is the global confidence, which carries the prior.
    with_prior = one_signal("concise", context="work").belief("work", "length", EPOCH, MODEL, POPULATION)
    without = one_signal("concise", context="work").belief("work", "length", EPOCH, MODEL)
    assert with_prior.confidence > without.confidence


def test_a_confident_user_is_taken_out_of_their_own_population():
    population = Population.from_counts({("length", "concise"): 1}, 4.0, 5.0)
    model = one_signal("concise", 3.0)  # confident on its own
    belief = model.belief(GLOBAL_CONTEXT, "length", EPOCH, MODEL, population)
    assert belief.confidence == pytest.approx(sigmoid(3.0))


def test_the_prior_steps_aside_for_the_users_history_on_other_values():
    plain = Population.from_counts({("length", "concise"): 40}, 4.0, 1.0, history=False)
    assert plain.log_odds("length", "detailed", others=3) == -1.0
    history = Population.from_counts({("length", "concise"): 40}, 4.0, 1.0)
    assert history.log_odds("length", "concise", others=0) == 1.0
    assert history.log_odds("length", "detailed", others=3) == pytest.approx(-0.25)


def test_a_changed_preference_is_judged_on_the_users_history_not_the_population():
    # Five observations for concise, then one for detailed (the rare value in this population).
    history = Population.from_counts({("length", "concise"): 40}, 4.0, 1.0)
    model = SelfModel()
    for _ in range(5):
        model.add(increment("concise", 1.0, EPOCH))
    model.add(increment("detailed", 1.0, EPOCH))
    posterior = model.posterior(GLOBAL_CONTEXT, "length", EPOCH, MODEL, history)
    assert posterior.base_log_odds("detailed") == pytest.approx(-1 / 6)
    assert posterior.base_log_odds("concise") == pytest.approx(1 / 2)  # one observation elsewhere


@given(st.floats(0.0, 3.0), st.floats(0.0, 3.0), st.floats(0.0, 2.0), st.booleans())
def test_evidence_for_a_value_never_lowers_confidence_in_it_under_a_prior(first, more, other, history):
    # The prior shrinks by at most one unit of log-odds per unit of disagreeing evidence, so
    # confidence stays monotone in evidence for a value.
    population = Population.from_counts({("length", "concise"): 40}, 4.0, 1.0, history=history)
    model = one_signal("detailed", other) if other > 0 else SelfModel()
    model.add(increment("concise", first, EPOCH, UNCAPPED))
    before = model.posterior(GLOBAL_CONTEXT, "length", EPOCH, UNCAPPED, population).mean("concise")
    model.add(increment("concise", more, EPOCH, UNCAPPED))
    after = model.posterior(GLOBAL_CONTEXT, "length", EPOCH, UNCAPPED, population).mean("concise")
    assert after >= before - 1e-12
