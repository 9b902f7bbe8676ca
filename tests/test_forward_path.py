"""The forward path through the official openai SDK: injection, pass-through, streaming, routing."""

from __future__ import annotations

import json
from typing import Any

import httpx
import orjson
import respx

from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion, sse_chunks

CONCISE_DIRECTIVE = "Keep answers short"


def capture(router: respx.MockRouter, reply: dict | None = None, stream_events: list[bytes] | None = None):
    """Route the upstream's chat endpoint; return the list that collects received JSON bodies."""
    received: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(json.loads(request.content))
        received[-1]["__headers__"] = dict(request.headers)
        if stream_events is not None:
            return httpx.Response(200, content=b"".join(stream_events),
                                  headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json=reply or completion("Hi there."),
                              headers={"x-request-id": "req_123"})

    router.post(f"{UPSTREAM}/chat/completions").mock(side_effect=handler)
    return received


async def put_belief(proxy: httpx.AsyncClient, user: str, dimension: str, value: str, **extra: Any) -> None:
    response = await proxy.put(f"/admin/users/{user}/beliefs/{dimension}",
                               json={"value": value, **extra}, headers=admin_headers())
    assert response.status_code == 200, response.text


def system_messages(body: dict[str, Any]) -> list[str]:
    return [m["content"] for m in body["messages"] if m["role"] == "system"]


async def test_healthz_reports_ok(proxy):
    response = await proxy.get("/healthz")
    assert response.json() == {"status": "ok"}


@respx.mock(assert_all_mocked=True)
async def test_unknown_user_gets_request_unchanged(proxy, respx_mock):
    received = capture(respx_mock)
    client = sdk(proxy)
    raw = await client.chat.completions.with_raw_response.create(
        model="gpt-test", messages=[{"role": "user", "content": "hi"}])
    assert raw.parse().choices[0].message.content == "Hi there."
    assert received[0]["messages"] == [{"role": "user", "content": "hi"}]
    assert raw.headers["x-beliefloop-applied"] == ""
    assert raw.headers["x-beliefloop-response-id"].startswith("blr_")
    # our request id is the client's x-request-id; the upstream's own is kept beside it
    assert raw.headers["x-upstream-request-id"] == "req_123"
    assert raw.headers["x-request-id"] != "req_123" and raw.request_id == raw.headers["x-request-id"]


@respx.mock
async def test_user_with_belief_gets_directive_injected(proxy, respx_mock):
    received = capture(respx_mock)
    await put_belief(proxy, "alice", "length", "concise", confidence=0.95)
    raw = await sdk(proxy).chat.completions.with_raw_response.create(
        model="gpt-test", messages=[{"role": "user", "content": "Explain TCP"}], user="alice")
    body = received[0]
    assert body["messages"][0]["role"] == "system"
    assert CONCISE_DIRECTIVE in body["messages"][0]["content"]
    assert body["messages"][1:] == [{"role": "user", "content": "Explain TCP"}]
    assert "max_tokens" not in body  # the rule's cap only lowers a limit the client set
    assert body["user"] == "alice"
    assert raw.headers["x-beliefloop-applied"] == "length=concise"
    assert body["__headers__"]["authorization"] == "Bearer sk-upstream"


@respx.mock
async def test_other_users_get_no_directive(proxy, respx_mock):
    received = capture(respx_mock)
    await put_belief(proxy, "alice", "length", "concise", confidence=0.95)
    await sdk(proxy).chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": "Explain TCP"}], user="bob")
    assert system_messages(received[0]) == []


@respx.mock
async def test_user_from_header_and_safety_identifier(proxy, respx_mock):
    received = capture(respx_mock)
    await put_belief(proxy, "carol", "emoji", "avoid", confidence=0.95)
    client = sdk(proxy)
    await client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}],
                                         extra_headers={"X-BeliefLoop-User": "carol"})
    await client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}],
                                         extra_body={"safety_identifier": "carol"})
    assert all("Do not use emoji." in system_messages(b)[0] for b in received)


@respx.mock
async def test_low_confidence_belief_is_not_applied(proxy, respx_mock):
    received = capture(respx_mock)
    await put_belief(proxy, "dave", "length", "concise", confidence=0.6)
    raw = await sdk(proxy).chat.completions.with_raw_response.create(
        model="gpt-test", messages=[{"role": "user", "content": "hi"}], user="dave")
    assert system_messages(received[0]) == []
    assert raw.headers["x-beliefloop-applied"] == ""


@respx.mock
async def test_every_openai_field_is_forwarded_untouched(proxy, respx_mock):
    received = capture(respx_mock)
    await put_belief(proxy, "erin", "tone", "formal", confidence=0.95)
    tools = [{"type": "function", "function": {"name": "lookup", "description": "d",
                                               "parameters": {"type": "object", "properties": {}}}}]
    await sdk(proxy).chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": "hi"}], user="erin",
        tools=tools, tool_choice="auto", response_format={"type": "json_object"}, n=2,
        logprobs=True, top_logprobs=2, seed=7, temperature=0.3, max_completion_tokens=50,
        metadata={"k": "v"}, extra_body={"x_vendor_field": {"nested": [1, 2]}})
    body = received[0]
    assert body["tools"] == tools and body["tool_choice"] == "auto"
    assert body["response_format"] == {"type": "json_object"}
    assert (body["n"], body["logprobs"], body["top_logprobs"], body["seed"]) == (2, True, 2, 7)
    assert body["temperature"] == 0.3 and body["max_completion_tokens"] == 50
    assert body["metadata"] == {"k": "v"} and body["x_vendor_field"] == {"nested": [1, 2]}
    assert "max_tokens" not in body  # the client used max_completion_tokens; only that is capped


@respx.mock
async def test_max_tokens_cap_only_lowers(proxy, respx_mock):
    received = capture(respx_mock)
    await put_belief(proxy, "fay", "length", "concise", confidence=0.95)
    client = sdk(proxy)
    for asked in (100, 5000):
        await client.chat.completions.create(model="gpt-test", max_tokens=asked, user="fay",
                                             messages=[{"role": "user", "content": "hi"}])
    assert [b["max_tokens"] for b in received] == [100, 600]


@respx.mock
async def test_streaming_passes_sse_through_with_done(proxy, respx_mock):
    events = sse_chunks(["Hello ", "stream ", "world"])
    received = capture(respx_mock, stream_events=events)
    await put_belief(proxy, "gus", "length", "concise", confidence=0.95)
    raw = await sdk(proxy).chat.completions.with_raw_response.create(
        model="gpt-test", messages=[{"role": "user", "content": "hi"}], user="gus", stream=True,
        stream_options={"include_usage": True})
    assert raw.headers["x-beliefloop-applied"] == "length=concise"
    text = "".join([c.choices[0].delta.content or "" async for c in raw.parse() if c.choices])
    assert text == "Hello stream world"
    assert received[0]["stream"] is True and received[0]["stream_options"] == {"include_usage": True}
    assert CONCISE_DIRECTIVE in system_messages(received[0])[0]


@respx.mock
async def test_streamed_bytes_arrive_unmodified(proxy, respx_mock):
    events = sse_chunks(["a", "b"])
    capture(respx_mock, stream_events=events)
    response = await proxy.post("/v1/chat/completions", json={
        "model": "gpt-test", "stream": True, "messages": [{"role": "user", "content": "hi"}]})
    assert response.content == b"".join(events)
    assert response.headers["content-type"].startswith("text/event-stream")


@respx.mock
async def test_more_specific_rule_wins_composition(proxy, respx_mock):
    received = capture(respx_mock)
    for dimension, value in (("length", "concise"), ("expertise", "expert"), ("emoji", "avoid")):
        await put_belief(proxy, "hana", dimension, value, confidence=0.95)
    client = sdk(proxy)
    await client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "q"}],
                                         user="hana")
    await client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "q"}],
                                         user="hana", extra_headers={"X-BeliefLoop-Context": "healthcare"})
    general, clinical = system_messages(received[0])[0], system_messages(received[1])[0]
    assert "tersely for an expert" in general and "Do not use emoji." in general
    assert CONCISE_DIRECTIVE not in general and "skip basic explanations" not in general
    assert "regulatory/clinical summary" in clinical and "tersely for an expert" not in clinical
    assert "Do not use emoji." in clinical


@respx.mock
async def test_budget_drops_lowest_confidence_first(tmp_path, respx_mock, config):
    config["injection"] = {"max_directive_tokens": 24}  # header 11 + emoji 5 fit; prose (15) does not
    received = capture(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "ivan", "emoji", "avoid", confidence=0.95)
        await put_belief(proxy, "ivan", "format", "prose", confidence=0.93)
        raw = await sdk(proxy).chat.completions.with_raw_response.create(
            model="gpt-test", messages=[{"role": "user", "content": "q"}], user="ivan")
    text = system_messages(received[0])[0]
    assert "Do not use emoji." in text
    assert "bullet points" not in text
    assert raw.headers["x-beliefloop-applied"] == "emoji=avoid"


@respx.mock
async def test_merge_mode_appends_to_the_apps_system_message(respx_mock, config):
    config["injection"] = {"mode": "merge"}
    received = capture(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "jo", "emoji", "avoid", confidence=0.95)
        await sdk(proxy).chat.completions.create(model="gpt-test", user="jo", messages=[
            {"role": "system", "content": "You are a travel agent."}, {"role": "user", "content": "q"}])
    messages = received[0]["messages"]
    assert len(messages) == 2
    assert messages[0]["content"].startswith("You are a travel agent.\n\n")
    assert "Do not use emoji." in messages[0]["content"]


@respx.mock
async def test_language_belief_renders_language_name(proxy, respx_mock):
    received = capture(respx_mock)
    await put_belief(proxy, "kai", "language", "DE", confidence=0.95)
    await sdk(proxy).chat.completions.create(model="gpt-test", user="kai",
                                             messages=[{"role": "user", "content": "q"}])
    assert "Always answer in German" in system_messages(received[0])[0]


@respx.mock
async def test_models_lists_upstream_and_model_list(respx_mock, config):
    config["model_list"] = [{"model_name": "claude", "litellm_params": {"model": "anthropic/claude-3-haiku"}}]
    respx_mock.get(f"{UPSTREAM}/models").mock(return_value=httpx.Response(200, json={
        "object": "list", "data": [{"id": "gpt-test", "object": "model", "created": 0, "owned_by": "x"}]}))
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        models = await sdk(proxy).models.list()
    assert sorted(m.id for m in models.data) == ["claude", "gpt-test"]


@respx.mock
async def test_client_authorization_forwarded_when_configured(respx_mock, config):
    config["upstream"]["auth"] = "client"
    received = capture(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await sdk(proxy).chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "q"}])
    assert received[0]["__headers__"]["authorization"] == "Bearer sk-client"


ANTHROPIC_REPLY = {
    "id": "msg_01", "type": "message", "role": "assistant", "model": "claude-3-haiku-20240307",
    "content": [{"type": "text", "text": "Bonjour from Claude."}], "stop_reason": "end_turn",
    "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 5},
}


@respx.mock
async def test_model_list_route_goes_through_litellm(respx_mock, config):
    config["model_list"] = [{"model_name": "claude", "litellm_params": {
        "model": "anthropic/claude-3-haiku-20240307", "api_key": "sk-ant-test"}}]
    seen: list[dict] = []

    def anthropic(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json=ANTHROPIC_REPLY)

    respx_mock.post("https://api.anthropic.com/v1/messages").mock(side_effect=anthropic)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "lea", "emoji", "avoid", confidence=0.95)
        raw = await sdk(proxy).chat.completions.with_raw_response.create(
            model="claude", user="lea", messages=[{"role": "user", "content": "Say hi"}])
    result = raw.parse()
    assert result.choices[0].message.content == "Bonjour from Claude."
    assert raw.headers["x-beliefloop-applied"] == "emoji=avoid"
    system = seen[0]["system"]
    system_text = system if isinstance(system, str) else " ".join(part["text"] for part in system)
    assert "Do not use emoji." in system_text
    assert seen[0]["messages"] == [{"role": "user", "content": [{"type": "text", "text": "Say hi"}]}] or \
        seen[0]["messages"] == [{"role": "user", "content": "Say hi"}]


ANTHROPIC_STREAM = b"".join(
    b"event: " + name.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n" for name, data in [
        ("message_start", {"type": "message_start", "message": {**ANTHROPIC_REPLY, "content": [],
                                                                 "stop_reason": None}}),
        ("content_block_start", {"type": "content_block_start", "index": 0,
                                 "content_block": {"type": "text", "text": ""}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0,
                                 "delta": {"type": "text_delta", "text": "Streamed "}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0,
                                 "delta": {"type": "text_delta", "text": "Claude."}}),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn",
                                                              "stop_sequence": None},
                           "usage": {"output_tokens": 4}}),
        ("message_stop", {"type": "message_stop"}),
    ])


@respx.mock
async def test_model_list_route_streams_through_litellm(respx_mock, config):
    config["model_list"] = [{"model_name": "claude", "litellm_params": {
        "model": "anthropic/claude-3-haiku-20240307", "api_key": "sk-ant-test"}}]
    respx_mock.post("https://api.anthropic.com/v1/messages").mock(return_value=httpx.Response(
        200, content=ANTHROPIC_STREAM, headers={"content-type": "text/event-stream"}))
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        stream = await sdk(proxy).chat.completions.create(
            model="claude", stream=True, messages=[{"role": "user", "content": "Say hi"}])
        text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    assert text == "Streamed Claude."
