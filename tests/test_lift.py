"""Per-user lift of comparison pairs: the pure estimate, and where it is shown (dashboard user
page, the user's own JSON, the admin export of the user)."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from beliefs.insights.comparisons import Pair
from beliefs.insights.lift import MIN_PAIRS, alignment, difference, judged, lift
from beliefs.records import BeliefView
from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion
from tests.test_learning_loop import LONG_REPLY, SHORTENED, ask
from tests.test_me_api import bearer, link_for

CONCISE = (BeliefView("length", "concise", 0.9),)
LISTS = "Here is the gist.\n\n- one point\n- another point\n- a third point"


def pair(tailored: str, generic: str, applied: tuple[BeliefView, ...] = CONCISE, i: int = 0) -> Pair:
    return Pair(f"r{i}", float(i), "m", None, tailored, generic, applied)


# -- the pure estimate ------------------------------------------------------------------------------

def test_alignment_is_the_share_of_applied_beliefs_the_text_meets():
    both = (BeliefView("length", "concise", 0.9), BeliefView("format", "lists", 0.9))
    assert alignment(SHORTENED, CONCISE) == 1.0
    assert alignment(LONG_REPLY, CONCISE) == 0.0
    assert alignment(LISTS, both) == 1.0
    assert alignment(SHORTENED, both) == 0.5  # short, but no list


def test_tailored_answers_that_fit_better_give_a_positive_lift_and_worse_ones_a_negative_lift():
    better = lift([pair(SHORTENED, LONG_REPLY, i=i) for i in range(MIN_PAIRS)])
    assert (better.pairs, better.mean, better.stderr, better.enough) == (MIN_PAIRS, 1.0, 0.0, True)
    worse = lift([pair(LONG_REPLY, SHORTENED, i=i) for i in range(MIN_PAIRS)])
    assert worse.mean == -1.0


def test_lift_is_the_mean_difference_with_its_standard_error():
    pairs = [pair(SHORTENED, LONG_REPLY), pair(SHORTENED, SHORTENED), pair(SHORTENED, LONG_REPLY),
             pair(LONG_REPLY, LONG_REPLY)]
    assert [difference(p) for p in pairs] == [1.0, 0.0, 1.0, 0.0]
    estimate = lift(pairs)
    # diffs 1, 0, 1, 0: mean 0.5, sample sd 0.5774, standard error 0.5774 / 2.
    assert (estimate.pairs, estimate.mean, estimate.stderr) == (4, 0.5, 0.2887)
    assert not estimate.enough


def test_pairs_with_nothing_the_reader_can_judge_are_left_out():
    assert not judged("language", "fr") and judged("language", "de") and not judged("audience", "kids")
    unjudged = pair(SHORTENED, LONG_REPLY, (BeliefView("language", "fr", 0.9), BeliefView("audience", "kids", 0.9)))
    assert difference(unjudged) is None
    assert lift([unjudged]).pairs == 0 and lift([unjudged]).mean is None
    assert lift([]).as_dict() == {"pairs": 0, "lift": None, "stderr": None, "enough": False, "min_pairs": MIN_PAIRS}


def test_learning_never_reads_answers_with_the_judges_eyes():
    """The reader judges beliefloop's answers (lift, benchmark); learning from it would let
    beliefloop grade itself by what it learned from."""
    learning = Path(__file__).parents[1] / "beliefs" / "learning"
    offenders = [p.name for p in learning.rglob("*.py") if "perception" in p.read_text(encoding="utf-8")]
    assert offenders == []


# -- shown where operators and users look ------------------------------------------------------------

class FittingUpstream:
    """Answers short when beliefloop asked for short answers, long otherwise (the generic call);
    ``contrary``: the other way round, so the tailored answers fit worse."""

    def __init__(self, router: respx.MockRouter, contrary: bool = False) -> None:
        self.calls, self.contrary = 0, contrary
        router.post(f"{UPSTREAM}/chat/completions").mock(side_effect=self)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        messages = json.loads(request.content)["messages"]
        system = messages[0]["content"] if messages[0]["role"] == "system" else ""
        text = SHORTENED if ("Keep answers short" in system) != self.contrary else LONG_REPLY
        return httpx.Response(200, json=completion(f"{text} ({self.calls})", completion_id=f"c{self.calls}"))


async def _pairs_stored(proxy: httpx.AsyncClient, token: str, count: int) -> dict[str, Any]:
    deadline = time.monotonic() + 10
    while True:  # generic answers are fetched and stored in the background
        document = (await proxy.get("/v1/me", headers=bearer(token))).json()
        if document["comparison"] and document["comparison"]["lift"]["pairs"] >= count:
            return document
        assert time.monotonic() < deadline, f"{count} pairs never stored: {document}"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize(("contrary", "lift_value", "words"), [(False, 1.0, "100 points better"),
                                                              (True, -1.0, "100 points worse")])
@respx.mock
async def test_dashboard_and_exports_show_the_lift_once_enough_pairs_are_stored(
        config, respx_mock, contrary: bool, lift_value: float, words: str):
    config["comparison"] = {"sample_rate": 1.0}
    FittingUpstream(respx_mock, contrary)
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        client = sdk(proxy)
        response = await proxy.put("/admin/users/sam/beliefs/length", headers=admin_headers(),
                                   json={"value": "concise", "confidence": 0.95})
        assert response.status_code == 200
        token = (await link_for(proxy, "sam"))["token"]

        await ask(client, [{"role": "user", "content": "Question 0?"}], "sam")
        await _pairs_stored(proxy, token, 1)
        page = (await proxy.get("/dashboard/users/sam", headers=admin_headers())).text
        assert f"Not enough pairs yet to say how much better the tailored answers fit: 1\n    of the {MIN_PAIRS}" in page

        for i in range(1, MIN_PAIRS):
            await ask(client, [{"role": "user", "content": f"Question {i}?"}], "sam")
        me = await _pairs_stored(proxy, token, MIN_PAIRS)
        page = (await proxy.get("/dashboard/users/sam", headers=admin_headers())).text
        beliefs = (await proxy.get("/v1/me/beliefs", headers=bearer(token))).json()
        export = (await proxy.get("/admin/users/sam/export", headers=admin_headers())).json()

    expected = {"pairs": MIN_PAIRS, "lift": lift_value, "stderr": 0.0, "enough": True, "min_pairs": MIN_PAIRS}
    assert me["comparison"]["lift"] == expected
    latest = me["comparison"]["latest"]
    tailored, generic = (LONG_REPLY, SHORTENED) if contrary else (SHORTENED, LONG_REPLY)
    assert latest["question"] == f"Question {MIN_PAIRS - 1}?" and latest["personalised"].startswith(tailored)
    assert latest["generic"].startswith(generic) and latest["applied"] == [{"dimension": "length", "value": "concise"}]
    assert beliefs["comparison"] == me["comparison"]
    assert export["comparison_lift"] == expected
    lifted = page[page.index("<p data-lift>"):]
    assert " ".join(lifted[:lifted.index("</p>")].split()) == (
        f"<p data-lift>Across {MIN_PAIRS} compared answers, the tailored answer fit their preferences "
        f"{words} than the generic one (± 0, one standard error).")


@respx.mock
async def test_an_opted_out_user_has_no_comparison(proxy, respx_mock):
    FittingUpstream(respx_mock)
    token = (await link_for(proxy, "sam"))["token"]
    assert (await proxy.put("/v1/me/opt-out", headers=bearer(token), json={"opted_out": True})).status_code == 200
    assert (await proxy.get("/v1/me", headers=bearer(token))).json()["comparison"] is None

