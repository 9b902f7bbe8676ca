"""The Store contract, run against every backend available (SQLite always)."""

from __future__ import annotations

import pytest

from beliefs.learning.confidence import EPOCH
from beliefs.learning.selfmodel import EvidenceIncrement
from beliefs.memory.sql_store import SqlStore
from beliefs.records import BeliefView, EvidenceDelta, Identity, Observation, ResponseRecord
from tests.databases import database_url  # noqa: F401  (fixture)

T = EPOCH + 1000.0


@pytest.fixture
def store(database_url):
    s = SqlStore.from_url(database_url, migrate=True)
    yield s
    s.close()


def observation(id_: str, user: str = "u", response_id: str | None = None) -> Observation:
    return Observation(id_, "default", user, "*", "edit", response_id, {"length_ratio": 0.4},
                       (EvidenceDelta("length", "concise", 1.0),), T)


def inc(value: str = "concise", weight: float = 1.0, context: str = "*") -> EvidenceIncrement:
    return EvidenceIncrement(context, "length", value, "implicit", weight, T)


def test_evidence_adds_up_and_loads_back(store):
    assert store.record_observation(observation("o1"), [inc(weight=1.0)])
    assert store.record_observation(observation("o2"), [inc(weight=2.5)])
    row = store.load_self_model(Identity("default", "u")).evidence[("*", "length")]["concise"]
    assert row.implicit == 3.5 and row.observations == 2


def test_replaying_an_observation_applies_it_once(store):
    assert store.record_observation(observation("o1"), [inc()])
    assert not store.record_observation(observation("o1"), [inc()])
    assert store.load_self_model(Identity("default", "u")).evidence[("*", "length")]["concise"].observations == 1
    assert len(store.observations(Identity("default", "u"), 10)) == 1


def test_users_and_tenants_are_separate(store):
    store.record_observation(observation("o1", user="a"), [inc()])
    assert store.load_self_model(Identity("default", "b")).evidence == {}
    assert store.load_self_model(Identity("other", "a")).evidence == {}


def test_set_manual_replaces_learned_evidence_and_pins(store):
    store.record_observation(observation("o1"), [inc("detailed", 5.0)])
    store.set_manual(Identity("default", "u"), "length", "concise", 3.0, None, T)
    model = store.load_self_model(Identity("default", "u"))
    assert set(model.evidence[("*", "length")]) == {"concise"}
    assert model.evidence[("*", "length")]["concise"].manual == 3.0
    store.set_manual(Identity("default", "u"), "length", "detailed", 0.0, 1.0, T)
    assert store.load_self_model(Identity("default", "u")).pins[("*", "length")].value == "detailed"


def test_responses_round_trip_and_resolve_by_completion_id(store):
    record = ResponseRecord("blr_1", "default", "u", "*", "p" * 32, "gpt", T,
                            (BeliefView("length", "concise", 0.8),), ("Be brief.",), "text", "h",
                            "chatcmpl-9")
    store.save_response(record)
    assert store.get_response(None, "chatcmpl-9") == record
    assert store.get_response("other", "blr_1") is None
    store.mark_response("blr_1", "edited")
    store.mark_response("blr_1", "accepted")  # first outcome wins
    assert store.get_response(None, "blr_1").outcome == "edited"
    assert [r.id for r in store.recent_responses(Identity("default", "u"), T - 1, 10)] == ["blr_1"]


def test_delete_user_removes_everything(store):
    store.record_observation(observation("o1", response_id="blr_1"), [inc()])
    store.save_response(ResponseRecord("blr_1", "default", "u", "*", "p", "m", T))
    store.set_manual(Identity("default", "u"), "tone", "casual", 0.0, 1.0, T)
    assert store.delete_user(Identity("default", "u")) >= 4
    model = store.load_self_model(Identity("default", "u"))
    assert model.evidence == {} and model.pins == {}
    assert store.observations(Identity("default", "u"), 10) == [] and store.get_response(None, "blr_1") is None


def test_capped_and_cancelling_evidence_matches_the_in_memory_model(store):
    # The store's SQL arithmetic (MIN/MAX on the old row) and SelfModel.add must agree exactly.
    from beliefs.learning.confidence import ConfidenceModel
    from beliefs.learning.selfmodel import increments

    cm = ConfidenceModel()
    store.set_manual(Identity("default", "u"), "length", "concise", 1.5, None, T)
    mirror = store.load_self_model(Identity("default", "u"))
    signals = [("concise", "implicit", 1.0), ("concise", "explicit", 2.0), ("detailed", "implicit", 0.6),
               ("detailed", "explicit", 1.0), ("detailed", "implicit", 1.0), ("concise", "implicit", 0.3),
               ("detailed", "implicit", 5.0), ("concise", "implicit", 1.0)]
    for i, (value, source, weight) in enumerate(signals):
        at = T + 3600.0 * i
        obs = Observation(f"c{i}", "default", "u", "work", "edit", None, {},
                          (EvidenceDelta("length", value, weight, source),), at)  # type: ignore[arg-type]
        incs = increments(obs, cm)
        assert store.record_observation(obs, incs)
        for increment in incs:
            mirror.add(increment)
    stored = store.load_self_model(Identity("default", "u"))
    assert set(stored.evidence) == set(mirror.evidence) == {("*", "length"), ("work", "length")}
    for key, rows in mirror.evidence.items():
        for value, row in rows.items():
            got = stored.evidence[key][value]
            assert (got.implicit, got.explicit, got.manual, got.observations) == pytest.approx(
                (row.implicit, row.explicit, row.manual, row.observations), rel=1e-12, abs=1e-12), (key, value)


def test_confident_users_counts_each_users_leading_value_once(store):
    # The population prior's aggregate: users whose own net evidence in a context reaches
    # min_net, per (dimension, value); pins replace evidence; other tenants and contexts never count.
    def add(user: str, value: str, weight: float, context: str = "*", tenant: str = "default",
            dimension: str = "length") -> None:
        obs = Observation(f"{tenant}.{user}.{context}.{dimension}.{value}.{weight}", tenant, user, context,
                          "edit", None, {}, (EvidenceDelta(dimension, value, weight),), T)
        store.record_observation(obs, [EvidenceIncrement(context, dimension, value, "implicit", weight, T)])

    add("a", "concise", 3.0)                     # net 3: confident
    add("b", "concise", 2.5)
    add("b", "detailed", 0.5)                    # net 2
    add("c", "concise", 1.0)                     # net 1: below 1.73
    add("d", "detailed", 2.0)
    add("e", "concise", 3.0, context="work")     # another context
    add("f", "concise", 3.0, tenant="other")     # another tenant
    add("g", "avoid", 2.0, dimension="emoji")
    add("h", "concise", 3.0)
    store.set_manual(Identity("default", "h"), "length", "detailed", 0.0, 1.0, T)  # pinned: replaces
    store.set_manual(Identity("default", "i"), "length", "detailed", 0.0, 0.6, T)  # pinned, too weak
    min_net = 1.7346  # logit(0.85)
    counts = store.confident_users("default", "*", 1.0, min_net, 0.85)
    assert counts == {("length", "concise"): 2, ("length", "detailed"): 2, ("emoji", "avoid"): 1}
    # Stored weights are growth-scaled: at twice the growth the same rows are worth half (a's
    # net 1.5 is no longer confident); a pin does not decay.
    assert store.confident_users("default", "*", 2.0, min_net, 0.85) == {("length", "detailed"): 1}
    assert store.confident_users("default", "work", 1.0, min_net, 0.85) == {("length", "concise"): 1}
    assert store.confident_users("nobody", "*", 1.0, min_net, 0.85) == {}
