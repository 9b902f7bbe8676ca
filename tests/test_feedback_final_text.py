"""``POST /v1/feedback`` with the text the user finally used: read like an edit found in history.

The last reply of a conversation never comes back in a later request, so without this its edits
are lost. Chat goes through the openai SDK; feedback through HTTP (and once through the SDK's
generic ``post``, as an app using only the SDK would send it).
"""

from __future__ import annotations

import httpx
import respx

from tests.conftest import admin_headers, sdk
from tests.test_learning_loop import SHORTENED, Upstream, ask
from tests.test_metrics import samples, value


async def observations(proxy: httpx.AsyncClient, user: str) -> list[dict]:
    response = await proxy.get(f"/admin/users/{user}/observations", headers=admin_headers())
    return response.json()["observations"]


def comparable(observation: dict) -> tuple:
    """What an edit observation says, without ids and times."""
    features = {k: v for k, v in observation["features"].items()}
    return (observation["kind"], features,
            sorted((d["dimension"], d["value"], d["weight"], d["source"]) for d in observation["deltas"]))


@respx.mock
async def test_edited_text_in_feedback_reads_exactly_like_an_edit_in_history(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    question = [{"role": "user", "content": "What is TCP?"}]
    # Ann edits the reply and sends it back in her next request (history)...
    first, _ = await ask(client, question, "ann")
    await ask(client, question + [{"role": "assistant", "content": SHORTENED},
                                  {"role": "user", "content": "And UDP?"}], "ann")
    # ...Ben edits his the same way but it was the conversation's last reply: he says so in feedback.
    second, _ = await ask(client, question, "ben")
    response = await proxy.post("/v1/feedback", json={"response_id": second.id, "edited_text": SHORTENED})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [o["kind"] for o in body["observations"]] == ["edit"]
    assert ("length", "concise") in {(d["dimension"], d["value"]) for d in body["deltas"]}
    (from_history,) = [o for o in await observations(proxy, "ann") if o["kind"] == "edit"]
    (from_feedback,) = [o for o in await observations(proxy, "ben") if o["kind"] == "edit"]
    assert comparable(from_feedback) == comparable(from_history)
    # the response is now marked edited, as history would have marked it
    trace = (await proxy.get(f"/admin/responses/{from_feedback['response_id']}", headers=admin_headers())).json()
    assert trace["outcome"] == "edited"


@respx.mock
async def test_edits_sent_only_as_feedback_make_later_answers_shorter(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    applied = []
    for turn in range(3):
        result, headers = await ask(client, [{"role": "user", "content": f"Question {turn}?"}], "cy")
        applied.append(headers["x-beliefloop-applied"])
        response = await proxy.post("/v1/feedback", json={"response_id": result.id,
                                                           "final_text": f"{SHORTENED} ({turn})"})
        assert response.status_code == 200, response.text
    _, headers = await ask(client, [{"role": "user", "content": "Question 3?"}], "cy")
    # nothing before the first edit; tentative wording after two (README "How learning works")
    assert applied[0] == "" and "length=concise~tentative" in applied[2]
    assert "length=concise" in headers["x-beliefloop-applied"]
    assert "Keep answers short" in upstream.directives()


@respx.mock
async def test_an_edit_sent_as_feedback_is_not_read_again_from_history(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    question = [{"role": "user", "content": "What is TCP?"}]
    result, _ = await ask(client, question, "dee")
    await proxy.post("/v1/feedback", json={"response_id": result.id, "edited_text": SHORTENED})
    again = await proxy.post("/v1/feedback", json={"response_id": result.id, "edited_text": SHORTENED})
    assert again.json()["observations"] == []
    # the user then continues the conversation with the edited reply in it
    await ask(client, question + [{"role": "assistant", "content": SHORTENED},
                                  {"role": "user", "content": "And UDP?"}], "dee")
    kinds = [o["kind"] for o in await observations(proxy, "dee")]
    assert kinds.count("edit") == 1


@respx.mock
async def test_the_unchanged_text_is_acceptance_like_continuing_with_it(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    await proxy.put("/admin/users/eve/beliefs/emoji", headers=admin_headers(),
                    json={"value": "avoid", "confidence": 0.95})
    result, _ = await ask(client, [{"role": "user", "content": "What is TCP?"}], "eve")
    response = await proxy.post("/v1/feedback", json={"response_id": result.id,
                                                       "final_text": result.choices[0].message.content})
    assert [o["kind"] for o in response.json()["observations"]] == ["acceptance"]
    assert response.json()["deltas"] == [{"dimension": "emoji", "value": "avoid", "weight": 0.15}]


@respx.mock
async def test_a_rating_and_an_edited_text_are_two_observations(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    result, _ = await ask(client, [{"role": "user", "content": "What is TCP?"}], "fay")
    response = await proxy.post("/v1/feedback", json={"response_id": result.id, "rating": "up",
                                                       "edited_text": SHORTENED})
    body = response.json()
    assert [o["kind"] for o in body["observations"]] == ["thumbs", "edit"]
    assert body["observation_id"] == body["observations"][0]["id"]
    found = samples((await proxy.get("/metrics")).text)
    assert value(found, "beliefloop_signals_total", kind="thumbs") == 1
    assert value(found, "beliefloop_signals_total", kind="edit") == 1


@respx.mock
async def test_feedback_with_a_final_text_through_the_openai_sdk(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    result, _ = await ask(client, [{"role": "user", "content": "What is TCP?"}], "gus")
    body = await client.post("/feedback", cast_to=object,
                             body={"response_id": result.id, "final_text": SHORTENED})
    assert [o["kind"] for o in body["observations"]] == ["edit"]
    found = samples((await proxy.get("/metrics")).text)
    assert value(found, "beliefloop_signals_total", kind="edit") == 1
    assert value(found, "beliefloop_signals_total", kind="thumbs") == 0


async def test_edited_and_final_text_together_are_refused(proxy):
    response = await proxy.post("/v1/feedback", json={"response_id": "blr_x", "edited_text": "a",
                                                       "final_text": "b"})
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "invalid_request_error"


async def test_a_final_text_for_an_unknown_response_is_a_404(proxy):
    response = await proxy.post("/v1/feedback", json={"response_id": "blr_missing", "final_text": "x"})
    assert response.status_code == 404
