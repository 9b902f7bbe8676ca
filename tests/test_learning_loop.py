"""The backward path end to end through the openai SDK: signals users give change the next response."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion, sse_chunks

LONG_REPLY = (
    "Great question! Let me explain this in detail. TCP is a transport protocol that provides "
    "reliable, ordered delivery of a stream of bytes between applications. It establishes a "
    "connection with a three-way handshake, numbers every byte it sends, acknowledges what "
    "arrives, retransmits what is lost, and controls the rate of sending so that neither the "
    "receiver nor the network is overwhelmed. Because of this, applications such as web "
    "browsers, email clients and file transfer tools can rely on it without handling loss "
    "themselves. In practice, it trades a little latency for a lot of reliability."
)
SHORTENED = "TCP gives reliable, ordered byte delivery using handshakes, acks and retransmits."
CONCISE = "Keep answers short"


class Upstream:
    """respx handler: a long reply per call (numbered, so every response text is distinct)."""

    def __init__(self, router: respx.MockRouter, stream: bool = False) -> None:
        self.received: list[dict[str, Any]] = []
        self.stream = stream
        router.post(f"{UPSTREAM}/chat/completions").mock(side_effect=self)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.received.append(body)
        text = f"{LONG_REPLY} (answer {len(self.received)})"
        if body.get("stream"):
            words = text.split(" ")
            pieces = [w + " " for w in words[:-1]] + [words[-1]]
            return httpx.Response(200, content=b"".join(sse_chunks(pieces, completion_id=f"c{len(self.received)}")),
                                  headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json=completion(text, completion_id=f"chatcmpl-{len(self.received)}"))

    def directives(self, index: int = -1) -> str:
        messages = self.received[index]["messages"]
        return messages[0]["content"] if messages[0]["role"] == "system" else ""


async def ask(client, messages: list[dict], user: str, **kwargs: Any):
    raw = await client.chat.completions.with_raw_response.create(
        model="gpt-test", messages=messages, user=user, **kwargs)
    return raw.parse(), raw.headers


async def shortening_user(client, upstream: Upstream, user: str, turns: int) -> list[str]:
    """A user who shortens every reply before continuing; returns the applied header per turn."""
    messages: list[dict] = [{"role": "user", "content": "What is TCP?"}]
    applied = []
    for turn in range(turns):
        result, headers = await ask(client, messages, user)
        applied.append(headers["x-beliefloop-applied"])
        messages = messages + [
            {"role": "assistant", "content": SHORTENED + f" ({turn})"},
            {"role": "user", "content": f"And what about question {turn}?"},
        ]
    return applied


@respx.mock
async def test_user_who_shortens_replies_gets_concise_directive(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    applied = await shortening_user(client, upstream, "sam", turns=4)
    # turn 0: nothing known; turn 1 carries edit #1 (0.73: nothing yet); turn 2 edit #2 (0.88:
    # tentative wording from 0.85); turn 3 edit #3 (0.95: firm wording from 0.92)
    assert applied[:2] == ["", ""]
    assert "length=concise~tentative" in applied[2].split(";")
    assert "Lean towards shorter answers" in upstream.directives(2) and CONCISE not in upstream.directives(2)
    assert "length=concise" in applied[3].split(";")
    assert CONCISE in upstream.directives(3)

    observations = (await proxy.get("/admin/users/sam/observations", headers=admin_headers())).json()
    edits = [o for o in observations["observations"] if o["kind"] == "edit"]
    assert len(edits) == 3
    assert edits[0]["features"]["length_ratio"] < 0.5
    assert {"dimension": "length", "value": "concise", "weight": 1.0, "source": "implicit"} in edits[0]["deltas"]

    beliefs = (await proxy.get("/admin/users/sam/beliefs", headers=admin_headers())).json()["beliefs"]
    length = next(b for b in beliefs if b["dimension"] == "length")
    assert length["value"] == "concise" and length["confidence"] >= 0.92 and length["evidence"] == 3


@respx.mock
async def test_edit_is_visible_in_the_response_trace(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    messages = [{"role": "user", "content": "What is TCP?"}]
    _, headers = await ask(client, messages, "tia")
    first_id = headers["x-beliefloop-response-id"]
    await ask(client, messages + [{"role": "assistant", "content": SHORTENED},
                                  {"role": "user", "content": "thanks, and UDP?"}], "tia")
    trace = (await proxy.get(f"/admin/responses/{first_id}", headers=admin_headers())).json()
    assert trace["outcome"] == "edited"
    assert [s["kind"] for s in trace["signals"]] == ["edit"]
    assert trace["completion_id"] == "chatcmpl-1"


@respx.mock
async def test_signals_in_a_request_shape_that_same_request(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    await proxy.put("/admin/users/uma/beliefs/length", headers=admin_headers(),
                    json={"value": "concise", "confidence": 0.83})  # just below tentative wording (0.84)
    messages = [{"role": "user", "content": "What is TCP?"}]
    _, headers = await ask(client, messages, "uma")
    assert headers["x-beliefloop-applied"] == ""
    # the edit in this request lifts concise over the firm threshold before this request is sent on
    _, headers = await ask(client, messages + [{"role": "assistant", "content": SHORTENED},
                                               {"role": "user", "content": "and UDP?"}], "uma")
    assert headers["x-beliefloop-applied"] == "length=concise"
    assert CONCISE in upstream.directives()


@respx.mock
async def test_follow_up_asking_for_shorter_is_evidence(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    messages = [{"role": "user", "content": "What is TCP?"}]
    for turn in range(3):
        result, _ = await ask(client, messages, "vic")
        messages = messages + [{"role": "assistant", "content": result.choices[0].message.content},
                               {"role": "user", "content": "too long, shorter please"}]
    _, headers = await ask(client, messages, "vic")
    assert headers["x-beliefloop-applied"] == "length=concise"
    kinds = [o["kind"] for o in (await proxy.get("/admin/users/vic/observations",
                                                 headers=admin_headers())).json()["observations"]]
    assert kinds.count("follow_up") == 3 and "acceptance" not in kinds


@respx.mock
async def test_regeneration_is_not_counted_as_approval(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    await proxy.put("/admin/users/wes/beliefs/format", headers=admin_headers(),
                    json={"value": "lists", "confidence": 0.95})
    messages = [{"role": "user", "content": "Compare TCP and UDP"}]
    _, first = await ask(client, messages, "wes")
    assert first["x-beliefloop-applied"] == "format=lists"
    await ask(client, messages, "wes")  # same prefix again: the first answer was rejected
    observations = (await proxy.get("/admin/users/wes/observations", headers=admin_headers())).json()["observations"]
    (regeneration,) = [o for o in observations if o["kind"] == "regeneration"]
    assert regeneration["response_id"] == first["x-beliefloop-response-id"]
    assert regeneration["deltas"][0]["dimension"] == "format" and regeneration["deltas"][0]["value"] == "prose"
    assert not [o for o in observations if o["kind"] == "acceptance"]
    beliefs = (await proxy.get("/admin/users/wes/beliefs", headers=admin_headers())).json()["beliefs"]
    assert next(b for b in beliefs if b["dimension"] == "format")["confidence"] < 0.95


@respx.mock
async def test_continuing_without_correction_is_acceptance(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    await proxy.put("/admin/users/xia/beliefs/emoji", headers=admin_headers(),
                    json={"value": "avoid", "confidence": 0.95})
    messages = [{"role": "user", "content": "What is TCP?"}]
    result, _ = await ask(client, messages, "xia")
    await ask(client, messages + [{"role": "assistant", "content": result.choices[0].message.content},
                                  {"role": "user", "content": "And UDP?"}], "xia")
    observations = (await proxy.get("/admin/users/xia/observations", headers=admin_headers())).json()["observations"]
    (acceptance,) = [o for o in observations if o["kind"] == "acceptance"]
    assert acceptance["deltas"] == [{"dimension": "emoji", "value": "avoid", "weight": 0.15, "source": "implicit"}]


@respx.mock
async def test_thumbs_down_lowers_the_applied_belief(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    await proxy.put("/admin/users/yan/beliefs/tone", headers=admin_headers(),
                    json={"value": "formal", "confidence": 0.95})
    result, headers = await ask(client, [{"role": "user", "content": "hi"}], "yan")
    response = await proxy.post("/v1/feedback", json={"response_id": result.id, "rating": "down",
                                                       "comment": "less formal please"})
    assert response.status_code == 200, response.text
    deltas = response.json()["deltas"]
    assert {"dimension": "tone", "value": "casual", "weight": 0.1} in deltas  # the thumbs down: blame
    comment = [d for d in deltas if d["weight"] != 0.1]  # the comment: its strength x the comment weight
    assert [(d["dimension"], d["value"]) for d in comment] == [("tone", "casual")]
    # a comment undoing the applied belief: strength x comment weight (1.0) x retract (1.5)
    assert 0.9 <= comment[0]["weight"] <= 1.5
    trace = (await proxy.get(f"/admin/responses/{headers['x-beliefloop-response-id']}",
                             headers=admin_headers())).json()
    assert [s["kind"] for s in trace["signals"]] == ["thumbs"]
    beliefs = (await proxy.get("/admin/users/yan/beliefs", headers=admin_headers())).json()["beliefs"]
    assert next(b for b in beliefs if b["dimension"] == "tone")["confidence"] < 0.95


async def test_feedback_for_an_unknown_response_is_a_404(proxy):
    response = await proxy.post("/v1/feedback", json={"response_id": "blr_missing", "rating": "up"})
    assert response.status_code == 404
    assert response.json()["error"]["param"] == "response_id"


@respx.mock
async def test_streamed_reply_is_assembled_and_its_edit_detected(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    messages = [{"role": "user", "content": "What is TCP?"}]
    stream = await client.chat.completions.create(model="gpt-test", messages=messages, user="zed", stream=True)
    text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    assert text.startswith("Great question!")
    await ask(client, messages + [{"role": "assistant", "content": SHORTENED},
                                  {"role": "user", "content": "and UDP?"}], "zed")
    observations = (await proxy.get("/admin/users/zed/observations", headers=admin_headers())).json()["observations"]
    assert [o["kind"] for o in observations] == ["edit"]


@respx.mock
async def test_learned_beliefs_survive_a_restart(respx_mock, config):
    upstream = Upstream(respx_mock)
    for _ in range(2):
        app = create_app(settings_from_dict(config), watch=False)
        async with running(app) as proxy:
            await shortening_user(sdk(proxy), upstream, "abe", turns=2)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        beliefs = (await proxy.get("/admin/users/abe/beliefs", headers=admin_headers())).json()["beliefs"]
    length = next(b for b in beliefs if b["dimension"] == "length")
    assert length["evidence"] == 2 and length["value"] == "concise"


class SlowStore:
    """Wraps the real store; the first self-model load takes ``delay_s`` (a slow database)."""

    def __init__(self, inner, delay_s: float) -> None:
        self.inner, self.delay_s = inner, delay_s

    def load_self_model(self, who):
        import time as _time

        _time.sleep(self.delay_s)
        self.delay_s = 0.0
        return self.inner.load_self_model(who)

    def __getattr__(self, name):
        return getattr(self.inner, name)


@respx.mock
async def test_a_slow_store_serves_unpersonalised_but_loses_no_signal(respx_mock, config):
    from beliefs.memory.sql_store import SqlStore

    config["storage"]["read_timeout_s"] = 0.2
    Upstream(respx_mock)
    store = SqlStore.from_url(config["database_url"])
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        messages = [{"role": "user", "content": "What is TCP?"}]
        await client.chat.completions.create(model="gpt-test", messages=messages, user="slo")
    app = create_app(settings_from_dict(config), store=SlowStore(store, 1.0), watch=False)
    async with running(app) as proxy:  # a fresh process: nothing cached, and the first load is slow
        raw = await sdk(proxy).chat.completions.with_raw_response.create(
            model="gpt-test", user="slo", messages=messages + [
                {"role": "assistant", "content": SHORTENED}, {"role": "user", "content": "and UDP?"}])
        assert raw.headers["x-beliefloop-applied"] == ""  # served without waiting for the store
        observations = (await proxy.get("/admin/users/slo/observations", headers=admin_headers())).json()
    assert [o["kind"] for o in observations["observations"]] == ["edit"]


@respx.mock
async def test_a_regeneration_that_returns_the_same_text_is_read_once(proxy, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(
        return_value=httpx.Response(200, json=completion(LONG_REPLY)))
    client = sdk(proxy)
    messages: list[dict] = [{"role": "user", "content": "What is TCP?"}]
    await ask(client, messages, "ida")
    await ask(client, messages, "ida")  # regenerated, and the same text came back
    for question in ("And UDP?", "And IP?", "And ICMP?"):
        messages = messages + [{"role": "assistant", "content": LONG_REPLY},
                               {"role": "user", "content": question}]
        await ask(client, messages, "ida")
    observations = (await proxy.get("/admin/users/ida/observations", headers=admin_headers())).json()
    kinds = sorted(o["kind"] for o in observations["observations"])
    # one regeneration, then each of the three answers the user continued from accepted once
    assert kinds == ["acceptance"] * 3 + ["regeneration"]


@respx.mock
async def test_translated_edit_is_read_as_a_language_preference(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    messages = [{"role": "user", "content": "What is TCP?"}]
    await client.chat.completions.create(model="gpt-test", messages=messages, user="udo")
    german = ("TCP ist ein Transportprotokoll, das einen zuverlässigen, geordneten Bytestrom zwischen "
              "Anwendungen liefert. Es baut eine Verbindung mit einem Drei-Wege-Handschlag auf und "
              "bestätigt, was ankommt.")
    await client.chat.completions.create(model="gpt-test", user="udo", messages=messages + [
        {"role": "assistant", "content": german}, {"role": "user", "content": "und UDP?"}])
    observations = (await proxy.get("/admin/users/udo/observations", headers=admin_headers())).json()["observations"]
    deltas = [d for o in observations for d in o["deltas"] if d["dimension"] == "language"]
    assert deltas and deltas[0]["value"] == "de"


# -- acting on one or two clear signals (issue 15) ------------------------------------------------

def _directives_say(upstream: Upstream, phrase: str) -> bool:
    return phrase.lower() in upstream.directives().lower()


@respx.mock
async def test_two_requests_for_shorter_answers_apply_on_the_next_request(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    messages = [{"role": "user", "content": "What is TCP?"}]
    applied = []
    for turn in range(3):
        result, headers = await ask(client, messages, "wes")
        applied.append(headers["x-beliefloop-applied"])
        messages = messages + [{"role": "assistant", "content": result.choices[0].message.content},
                               {"role": "user", "content": "Way too long, keep answers short."}]
    assert applied[:2] == ["", ""]  # nothing known, then one statement: not yet
    assert applied[2].startswith("length=concise")  # two statements: the third request is shaped
    assert _directives_say(upstream, "shorter") or _directives_say(upstream, "keep answers short")


@respx.mock
async def test_a_comment_and_a_follow_up_saying_the_same_apply_on_the_next_request(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    messages = [{"role": "user", "content": "What is TCP?"}]
    result, _ = await ask(client, messages, "zoe")
    response = await proxy.post("/v1/feedback", json={"response_id": result.id, "rating": "down",
                                                       "comment": "Way too long, keep answers short."})
    assert response.status_code == 200, response.text
    messages = messages + [{"role": "assistant", "content": result.choices[0].message.content},
                           {"role": "user", "content": "shorter please"}]
    _, headers = await ask(client, messages, "zoe")
    assert headers["x-beliefloop-applied"].startswith("length=concise")
    assert _directives_say(upstream, "shorter") or _directives_say(upstream, "keep answers short")


@respx.mock
async def test_a_user_with_no_signal_gets_nothing(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    messages = [{"role": "user", "content": "What is TCP?"}]
    for turn in range(4):
        result, headers = await ask(client, messages, "nat")
        assert headers["x-beliefloop-applied"] == "" and upstream.directives() == ""
        messages = messages + [{"role": "assistant", "content": result.choices[0].message.content},
                               {"role": "user", "content": f"And question {turn}?"}]


# -- the population prior (issue 15) ----------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 1_767_225_600.0

    def __call__(self) -> float:
        return self.now


@respx.mock
async def test_one_statement_acts_where_the_tenants_users_already_are(respx_mock, config):
    # Five users of the tenant shortened replies until concise was confident. A new user with no
    # signal still gets nothing (the prior never acts alone); one statement of the same wish then
    # acts on the next request, where without a population it takes two.
    config["learning"] = {**config["learning"], "population": {"enabled": True, "refresh_s": 60}}
    clock = Clock()
    upstream = Upstream(respx_mock)
    app = create_app(settings_from_dict(config), watch=False, clock=clock)
    async with running(app) as proxy:
        client = sdk(proxy)
        for user in ("u1", "u2", "u3", "u4", "u5"):
            await shortening_user(client, upstream, user, turns=4)
        clock.now += 120.0  # the snapshot is stale: the next request refreshes it, off the hot path
        messages = [{"role": "user", "content": "What is TCP?"}]
        result, headers = await ask(client, messages, "newcomer")
        assert headers["x-beliefloop-applied"] == "" and upstream.directives() == ""
        service = app.state.runtime.service
        await service.flush()  # the refresh it started has finished
        population = service.populations.get("default")
        assert population is not None and population.counts["length"] == {"concise": 5}
        result, headers = await ask(client, messages, "newcomer")  # still no signal: nothing
        assert headers["x-beliefloop-applied"] == ""
        messages = messages + [{"role": "assistant", "content": result.choices[0].message.content},
                               {"role": "user", "content": "Way too long, keep answers short."}]
        _, headers = await ask(client, messages, "newcomer")
        assert headers["x-beliefloop-applied"].startswith("length=concise~tentative")
        # Someone asking for the opposite of what the tenant's users want is not helped by it.
        messages = [{"role": "user", "content": "What is TCP?"}]
        result, _ = await ask(client, messages, "contrarian")
        messages = messages + [{"role": "assistant", "content": result.choices[0].message.content},
                               {"role": "user", "content": "Too short, please give me much more detail."}]
        _, headers = await ask(client, messages, "contrarian")
        assert headers["x-beliefloop-applied"] == ""


# Two ways to say "too long" per language, written for this test (not taken from the lexicons or
# the benchmark's corpus); a user says one after a reply in one conversation and the other in a
# second conversation; a third, new conversation is answered more briefly.
TOO_LONG = {
    "en": ("That's way more than I needed, can you trim it?", "Too much text, give me the gist."),
    "de": ("Viel zu ausführlich, geht das knapper?", "Das ist mir zu lang, bitte kürzer fassen."),
    "es": ("Es demasiado largo, ¿puedes resumirlo?", "Uf, mucho texto. Más corto, por favor."),
    "fr": ("C'est trop long, tu peux faire plus court ?", "Trop de blabla, va à l'essentiel."),
    "it": ("È troppo lungo, puoi accorciarlo?", "Troppe parole, vai al sodo."),
    "pt": ("Ficou muito longo, pode resumir?", "Muito texto, seja mais direto."),
    "nl": ("Dat is veel te lang, kan het korter?", "Te veel tekst, kort het wat in."),
}


@pytest.mark.parametrize("language", sorted(TOO_LONG))
@respx.mock
async def test_too_long_in_their_own_words_shortens_a_later_conversation(proxy, respx_mock, language):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    user = f"user-{language}"
    for number, complaint in enumerate(TOO_LONG[language]):
        question = [{"role": "user", "content": f"Question {number} in a new conversation"}]
        result, headers = await ask(client, question, user)
        assert headers["x-beliefloop-applied"] == ""  # nothing known before the second conversation ends
        await ask(client, question + [{"role": "assistant", "content": result.choices[0].message.content},
                                      {"role": "user", "content": complaint}], user)
    _, headers = await ask(client, [{"role": "user", "content": "A third conversation"}], user)
    assert headers["x-beliefloop-applied"].startswith("length=concise")
    assert _directives_say(upstream, "shorter") or _directives_say(upstream, "keep answers short")
