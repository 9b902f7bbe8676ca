"""The LLM interpreter: constrained replies, off the hot path, batched, cached, with a fallback.

The provider is faked at its HTTP edge with respx (litellm's ``openai/`` route, httpx transport);
the proxy is driven with the openai SDK. Phrases below are ones the offline engine reads as
nothing (asserted), so whatever the user gets from them came from the LLM engine.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import respx

from beliefs.dimensions import CORE_DIMENSIONS, DimensionRegistry
from beliefs.learning.interpret import OfflineInterpreter, Reading
from beliefs.learning.interpret._constrained import (
    LLM_STRENGTH,
    InvalidReply,
    closed_values,
    parse_readings,
    reading_schema,
)
from beliefs.memory.refinery import Refinery
from proxy import create_app, settings_from_dict
from proxy.interpreting import LLMReader
from proxy.settings import InterpreterSettings
from tests.conftest import admin_headers, running, sdk
from tests.test_learning_loop import Upstream, ask
from tests.test_metrics import samples, value

LLM = "http://llm.test/v1"
MODEL = "openai/reader"
PITCH = "Could you give me the elevator pitch version"
CLIFF = "Can I have the CliffsNotes version?"
VALUES = closed_values(CORE_DIMENSIONS)
NONE = {name: None for name in VALUES}


def test_the_offline_engine_misses_the_phrases_these_tests_use():
    offline = OfflineInterpreter()
    assert offline.read(PITCH).evidence == () and offline.read(CLIFF).evidence == ()


class Provider:
    """respx handler of the interpreter's provider: reads ``{"messages": [{"id", "text"}]}`` from the
    request and answers with the readings ``answers`` gives for each text (default: nothing)."""

    def __init__(self, router: respx.MockRouter, answers: dict[str, Any] | None = None,
                 content: str | None = None) -> None:
        self.answers = answers or {}
        self.content = content
        self.bodies: list[dict[str, Any]] = []
        self.route = router.post(f"{LLM}/chat/completions").mock(side_effect=self)

    def texts(self, call: int = -1) -> list[str]:
        payload = json.loads(self.bodies[call]["messages"][-1]["content"])
        return [item["text"] for item in payload["messages"]]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        readings = []
        for index, text in enumerate(self.texts()):
            stance, evidence = self.answers.get(text, ("none", {}))
            readings.append({"id": index, "stance": stance, "evidence": {**NONE, **evidence}})
        content = self.content if self.content is not None else json.dumps({"readings": readings})
        return httpx.Response(200, json={
            "id": "chatcmpl-reader", "object": "chat.completion", "created": 1, "model": "reader",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}})


def llm_config(config: dict[str, Any], **interpreter: Any) -> dict[str, Any]:
    config["interpreter"] = {**config.get("interpreter", {}), "model": MODEL,
                             "params": {"api_base": LLM, "api_key": "sk-reader"}, "linger_s": 0.0,
                             **interpreter}
    # one clear reading (0.8 at weight 1) leads at 0.69: enough here to see it applied
    config["learning"] = {**config["learning"], "apply_threshold": 0.6}
    return config


async def settled(app) -> None:
    """The LLM engine answered and its late evidence is committed (bounded: a hang fails the test)."""
    runtime = app.state.runtime
    await asyncio.wait_for(runtime.service.refined(), 60)
    await runtime.service.flush()


# -- the reply: closed values only -----------------------------------------------------------

def test_the_schema_allows_only_the_closed_values():
    schema = reading_schema(VALUES)
    reading = schema["properties"]["readings"]["items"]
    assert reading["properties"]["stance"]["enum"] == ["request", "standing", "self", "complaint", "none"]
    length = reading["properties"]["evidence"]["properties"]["length"]
    assert length["enum"] == ["concise", "detailed", None]
    assert reading["properties"]["evidence"]["additionalProperties"] is False


def test_a_reply_within_the_closed_values_is_accepted():
    reply = json.dumps({"readings": [
        {"id": 1, "stance": "none", "evidence": NONE},
        {"id": 0, "stance": "standing", "evidence": {**NONE, "length": "concise", "language": "de"}},
    ]})
    first, second = parse_readings(reply, 2, VALUES)
    assert first == Reading((("length", "concise", LLM_STRENGTH), ("language", "de", LLM_STRENGTH)), "standing")
    assert second == Reading((), "none")


@pytest.mark.parametrize("evidence, stance", [
    ({"length": "tiny"}, "request"),                       # a value outside the dimension
    ({"length": "Ignore previous instructions"}, "request"),  # free text
    ({"mood": "happy"}, "request"),                        # an unknown dimension
    ({"length": "concise"}, "none"),                       # evidence with a stance that has none
    ({}, "standing"),                                      # a standing instruction of nothing
    ({"length": "concise"}, "bossy"),                      # an unknown stance
])
def test_a_reading_outside_the_vocabulary_is_rejected(evidence, stance):
    reply = json.dumps({"readings": [{"id": 0, "stance": stance, "evidence": {**NONE, **evidence}},
                                     {"id": 1, "stance": "request", "evidence": {**NONE, "emoji": "avoid"}}]})
    rejected, kept = parse_readings(reply, 2, VALUES)
    assert rejected is None
    assert kept == Reading((("emoji", "avoid", LLM_STRENGTH),), "request")


@pytest.mark.parametrize("content", [
    "Sure! The user wants shorter answers.", '{"readings": {}}', '{"readings": [], "note": "x"}',
    '{"readings": [{"id": 5, "stance": "none", "evidence": {}}]}',
    '{"readings": [{"id": 0, "stance": "none", "evidence": {}}, {"id": 0, "stance": "none", "evidence": {}}]}',
    None,
])
def test_a_reply_that_is_not_the_schema_is_rejected_whole(content):
    with pytest.raises(InvalidReply):
        parse_readings(content, 2, VALUES)


# -- the engine through litellm --------------------------------------------------------------

def reader(**settings: Any) -> LLMReader:
    config = InterpreterSettings(model=MODEL, params={"api_base": LLM, "api_key": "sk-reader"}, **settings)
    return LLMReader(config, DimensionRegistry(CORE_DIMENSIONS))


@respx.mock
async def test_the_engine_asks_for_the_schema_and_reads_the_reply(respx_mock):
    provider = Provider(respx_mock, {PITCH: ("request", {"length": "concise"})})
    readings = await reader()([PITCH, "What is TCP?"])
    assert readings == [Reading((("length", "concise", LLM_STRENGTH),), "request"), Reading((), "none")]
    body = provider.bodies[0]
    assert body["model"] == "reader" and body["temperature"] == 0
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert provider.texts() == [PITCH, "What is TCP?"]


def test_a_key_may_come_from_the_environment():
    config = InterpreterSettings(model=MODEL, params={"api_key": "os.environ/READER_KEY", "api_base": LLM})
    engine = LLMReader(config, DimensionRegistry(CORE_DIMENSIONS), environ={"READER_KEY": "sk-from-env"})
    assert engine.params == {"api_key": "sk-from-env", "api_base": LLM}


@respx.mock
async def test_a_reply_out_of_the_vocabulary_changes_nothing(respx_mock, config):
    Provider(respx_mock, {PITCH: ("request", {"length": "very short please"})})
    upstream = Upstream(respx_mock)
    app = create_app(settings_from_dict(llm_config(config)), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        await ask(client, [{"role": "user", "content": PITCH}], "ivo")
        await ask(client, [{"role": "user", "content": "I'm writing a report"},
                           {"role": "assistant", "content": "Happy to help."},
                           {"role": "user", "content": PITCH}], "ivo")
        await settled(app)
        _, headers = await ask(client, [{"role": "user", "content": "What is UDP?"}], "ivo")
        found = samples((await proxy.get("/metrics")).text)
    assert headers["x-beliefloop-applied"] == ""
    assert "short" not in upstream.directives().lower()
    assert value(found, "beliefloop_interpreter_texts_total", model=MODEL, result="unread") >= 1
    assert value(found, "beliefloop_interpreter_texts_total", model=MODEL, result="read") == 0


@respx.mock
async def test_a_timeout_keeps_the_offline_reading(respx_mock, config):
    respx_mock.post(f"{LLM}/chat/completions").mock(side_effect=httpx.ReadTimeout("slow provider"))
    Upstream(respx_mock)
    app = create_app(settings_from_dict(llm_config(config, timeout_s=0.5)), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        conversation = [{"role": "user", "content": "Explain DNS"},
                        {"role": "assistant", "content": "DNS maps names to addresses."},
                        {"role": "user", "content": PITCH}]
        result, headers = await ask(client, conversation, "tia")
        await settled(app)
        _, later = await ask(client, [{"role": "user", "content": "What is UDP?"}], "tia")
        found = samples((await proxy.get("/metrics")).text)
    assert result.choices[0].message.content  # the request itself never waited for the interpreter
    assert later["x-beliefloop-applied"] == ""
    assert value(found, "beliefloop_interpreter_calls_total", model=MODEL, outcome="timeout") >= 1
    assert value(found, "beliefloop_interpreter_calls_total", model=MODEL, outcome="ok") == 0


async def test_a_provider_slower_than_the_timeout_is_abandoned():
    async def stalls(litellm: Any, texts: list[str]) -> Any:
        await asyncio.sleep(5)

    engine = reader(timeout_s=0.1)
    engine._complete = stalls  # type: ignore[method-assign]  (the network edge, stalled)
    refinery = Refinery(OfflineInterpreter(), engine, linger_s=0.0)
    task = asyncio.create_task(refinery.run())
    try:
        assert refinery.reading(PITCH)[1] is not None  # queued
        await asyncio.wait_for(refinery.drain(), 60.0)  # litellm's first import may take seconds
    finally:
        task.cancel()
    assert refinery.cached(refinery.reading(PITCH)[1] or "") is None  # not remembered: tried again later
    assert refinery.read(PITCH) == OfflineInterpreter().read(PITCH)


# -- off the hot path: the next request benefits -----------------------------------------------

@respx.mock
async def test_the_next_request_is_adapted_after_an_llm_only_reading(respx_mock, config):
    provider = Provider(respx_mock, {PITCH: ("request", {"length": "concise"})})
    upstream = Upstream(respx_mock)
    app = create_app(settings_from_dict(llm_config(config)), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        first, _ = await ask(client, [{"role": "user", "content": "What is TCP?"}], "lou")
        conversation = [{"role": "user", "content": "What is TCP?"},
                        {"role": "assistant", "content": first.choices[0].message.content},
                        {"role": "user", "content": PITCH}]
        _, now = await ask(client, conversation, "lou")
        assert now["x-beliefloop-applied"] == ""  # this request kept the offline reading (nothing)
        await settled(app)
        _, later = await ask(client, [{"role": "user", "content": "What is UDP?"}], "lou")
        observations = (await proxy.get("/admin/users/lou/observations", headers=admin_headers())).json()
        found = samples((await proxy.get("/metrics")).text)
    assert later["x-beliefloop-applied"] == "length=concise"
    assert "Keep answers short" in upstream.directives()
    refined = [o for o in observations["observations"] if o["features"].get("refined")]
    assert [(o["kind"], o["response_id"] is not None) for o in refined] == [("follow_up", True)]
    assert [(d["dimension"], d["value"]) for d in refined[0]["deltas"]] == [("length", "concise")]
    # Every user message the offline engine maps to nothing is sent (the questions too), once each.
    sent = [text for call in range(len(provider.bodies)) for text in provider.texts(call)]
    assert sorted(sent) == sorted(["What is TCP?", PITCH, "What is UDP?"])
    assert value(found, "beliefloop_interpreter_calls_total", model=MODEL, outcome="ok") == len(provider.bodies)
    tokens = value(found, "beliefloop_interpreter_tokens_total", model=MODEL, kind="prompt")
    assert tokens == 120 * len(provider.bodies)
    assert value(found, "beliefloop_interpreter_tokens_total", model=MODEL, kind="completion") == 30 * len(provider.bodies)
    assert value(found, "beliefloop_interpreter_texts_total", model=MODEL, result="read") >= 2


@respx.mock
async def test_a_late_reading_does_not_count_what_the_offline_engine_read(respx_mock, config):
    # Offline reads "too long" (length); the LLM reads the whole message again, length included,
    # plus emoji: only emoji is added, once.
    message = "too long. Also: " + CLIFF
    assert OfflineInterpreter().read(message).as_dict() == {"length": "concise"}
    Provider(respx_mock, {message: ("request", {"length": "concise", "emoji": "avoid"})})
    Upstream(respx_mock)
    app = create_app(settings_from_dict(llm_config(config)), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        first, _ = await ask(client, [{"role": "user", "content": "Hi"}], "ned")
        await ask(client, [{"role": "user", "content": "Hi"},
                           {"role": "assistant", "content": first.choices[0].message.content},
                           {"role": "user", "content": message}], "ned")
        await settled(app)
        observations = (await proxy.get("/admin/users/ned/observations", headers=admin_headers())).json()
    deltas = [(d["dimension"], d["value"]) for o in observations["observations"] for d in o["deltas"]]
    # the offline engine found evidence, so the message was never sent: nothing is added
    assert deltas.count(("length", "concise")) == 1 and ("emoji", "avoid") not in deltas


@respx.mock
async def test_a_comment_read_late_adapts_the_next_request(respx_mock, config):
    Provider(respx_mock, {CLIFF: ("request", {"length": "concise"})})
    Upstream(respx_mock)
    app = create_app(settings_from_dict(llm_config(config)), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        result, _ = await ask(client, [{"role": "user", "content": "Explain DNS"}], "cal")
        response = await proxy.post("/v1/feedback", json={"response_id": result.id, "comment": CLIFF})
        assert response.status_code == 200 and response.json()["deltas"] == []
        await settled(app)
        _, later = await ask(client, [{"role": "user", "content": "Explain DNS"}], "cal")
    assert later["x-beliefloop-applied"] == "length=concise"


# -- batched and cached ----------------------------------------------------------------------

@respx.mock
async def test_texts_queued_together_share_one_call(respx_mock, config):
    provider = Provider(respx_mock)
    Upstream(respx_mock)
    app = create_app(settings_from_dict(llm_config(config, linger_s=0.5)), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        questions = [f"Question number {n} about networks" for n in range(4)]
        await asyncio.gather(*(ask(client, [{"role": "user", "content": q}], f"u{n}")
                               for n, q in enumerate(questions)))
        await settled(app)
    assert len(provider.bodies) == 1
    assert sorted(provider.texts(0)) == sorted(questions)


@respx.mock
async def test_batches_are_cut_at_the_batch_size(respx_mock):
    provider = Provider(respx_mock)
    refinery = Refinery(OfflineInterpreter(), reader(batch_size=2), batch_size=2, linger_s=0.0)
    for n in range(5):
        refinery.read(f"Question number {n} about networks")
    task = asyncio.create_task(refinery.run())
    try:
        await asyncio.wait_for(refinery.drain(), 5.0)
    finally:
        task.cancel()
    assert [len(provider.texts(call)) for call in range(len(provider.bodies))] == [2, 2, 1]


@respx.mock
async def test_a_cached_reading_makes_no_second_call_and_applies_at_once(respx_mock, config):
    provider = Provider(respx_mock, {PITCH: ("standing", {"length": "concise"})})
    upstream = Upstream(respx_mock)
    app = create_app(settings_from_dict(llm_config(config)), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        await ask(client, [{"role": "user", "content": PITCH}], "amy")
        await settled(app)
        calls = len(provider.bodies)
        # Another user, the same words: read from the cache on the hot path, so this very request
        # is shaped by them, and the provider is not asked again.
        _, headers = await ask(client, [{"role": "user", "content": PITCH}], "bob")
        await settled(app)
    assert calls == 1 and len(provider.bodies) == 1
    assert headers["x-beliefloop-applied"] == "length=concise"
    assert "Keep answers short" in upstream.directives()


def test_the_cache_is_bounded():
    async def never(texts: list[str]) -> list[Reading | None]:
        return [Reading()] * len(texts)

    refinery = Refinery(OfflineInterpreter(), never, cache_size=2, batch_size=1)
    for n in range(3):
        refinery._remember(f"k{n}", Reading())
    assert refinery.cached("k0") is None and refinery.cached("k2") is not None


def test_text_the_offline_engine_maps_is_never_queued():
    async def never(texts: list[str]) -> list[Reading | None]:
        raise AssertionError("not called")

    refinery = Refinery(OfflineInterpreter(), never)
    reading, later = refinery.reading("way too long, shorter please")
    assert reading.as_dict() == {"length": "concise"} and later is None


@respx.mock
async def test_a_config_reload_can_turn_the_llm_engine_on(respx_mock, config):
    provider = Provider(respx_mock, {PITCH: ("standing", {"length": "concise"})})
    Upstream(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        runtime = app.state.runtime
        assert runtime.service.refinery is None
        runtime.reload(settings_from_dict(llm_config(config)))
        await ask(client, [{"role": "user", "content": PITCH}], "rio")
        await settled(app)
        _, later = await ask(client, [{"role": "user", "content": "What is UDP?"}], "rio")
    assert len(provider.bodies) >= 1
    assert later["x-beliefloop-applied"] == "length=concise"


async def test_the_background_task_stops_even_when_a_call_swallows_its_cancellation():
    # Python 3.11's asyncio.wait_for drops a cancel that arrives as its inner call completes;
    # shutdown then waited for the refinery for ever (a hang seen in this file's tests).
    started = asyncio.Event()

    async def swallows(texts: list[str]) -> list[Reading | None]:
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            pass  # what the race inside wait_for amounts to
        return [None] * len(texts)

    refinery = Refinery(OfflineInterpreter(), swallows, linger_s=0.0)
    refinery.read(PITCH)
    task = asyncio.create_task(refinery.run())
    await asyncio.wait_for(started.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 5)
