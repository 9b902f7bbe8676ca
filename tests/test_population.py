"""The population prior's snapshot: read on the request path, refreshed off it."""

from __future__ import annotations

import pytest

from beliefs.dimensions import NOT_OBSERVED
from beliefs.learning.confidence import ConfidenceModel, logit
from beliefs.learning.config import PopulationConfig
from beliefs.memory.population import PopulationPriors, counts_to_population

CONFIG = PopulationConfig(enabled=True, refresh_s=60.0)


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


async def settled() -> None:
    return None


async def on_thread(fn, *args):
    return fn(*args)


def test_none_of_these_is_never_a_population_value():
    population = counts_to_population({("language", "de"): 3, ("language", NOT_OBSERVED): 9}, CONFIG)
    assert population.counts == {"language": {"de": 3}}


async def test_a_snapshot_is_refreshed_when_stale_and_kept_when_the_store_fails():
    clock = Clock()
    priors = PopulationPriors(clock)
    asked = []

    def confident_users(tenant, context, growth, min_net, min_pin):
        asked.append((tenant, context, min_net, min_pin))
        return {("length", "concise"): 3}

    assert priors.get("t") is None and priors.due("t", clock.now, CONFIG)
    assert not priors.due("t", clock.now, PopulationConfig(enabled=False))
    model = ConfidenceModel()
    await priors.refresh("t", CONFIG, model, settled, on_thread, confident_users)
    # Confident means the acting threshold reached by the user's own evidence (no prior).
    assert asked == [("t", "*", pytest.approx(logit(0.84)), 0.84)]
    assert priors.get("t").counts == {"length": {"concise": 3}}
    assert not priors.due("t", clock.now + 59.0, CONFIG) and priors.due("t", clock.now + 60.0, CONFIG)

    def broken(*args):
        raise ConnectionError("down")

    clock.now += 60.0
    await priors.refresh("t", CONFIG, model, settled, on_thread, broken)
    assert priors.get("t").counts == {"length": {"concise": 3}}  # the old snapshot stays...
    assert not priors.due("t", clock.now, CONFIG)                # ...and is retried after refresh_s
    priors.reset()
    assert priors.get("t") is None
