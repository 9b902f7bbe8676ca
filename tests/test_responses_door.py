"""``POST /v1/responses`` through the official openai SDK: personalised, native or translated."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion, response_events, response_object, sse_chunks

CONCISE = "Keep answers short"


def native_upstream(router: respx.MockRouter, text: str = "Native answer.") -> list[dict[str, Any]]:
    received: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        received.append({"body": body, "raw": request.content, "headers": dict(request.headers)})
        if body.get("stream"):
            return httpx.Response(200, content=b"".join(response_events(["Native ", "answer."])),
                                  headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json=response_object(text, response_id=f"resp_up{len(received)}"))

    router.post(f"{UPSTREAM}/responses").mock(side_effect=handler)
    return received


class ChatUpstream:
    """A chat-only upstream: numbered replies, or a tool call when asked for one."""

    def __init__(self, router: respx.MockRouter) -> None:
        self.received: list[dict[str, Any]] = []
        router.post(f"{UPSTREAM}/chat/completions").mock(side_effect=self)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.received.append(body)
        text = f"Answer number {len(self.received)}."
        if body.get("tools") and body["messages"][-1]["role"] != "tool":
            call = {"id": "call_w", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}
            reply = completion("")
            reply["choices"][0]["message"] = {"role": "assistant", "content": None, "tool_calls": [call]}
            reply["choices"][0]["finish_reason"] = "tool_calls"
            return httpx.Response(200, json=reply)
        if body.get("stream"):
            return httpx.Response(200, content=b"".join(sse_chunks(["Answer ", "number ", f"{len(self.received)}."])),
                                  headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json=completion(text))


async def put_belief(proxy: httpx.AsyncClient, user: str, dimension: str, value: str) -> None:
    response = await proxy.put(f"/admin/users/{user}/beliefs/{dimension}", json={"value": value, "confidence": 0.95},
                               headers=admin_headers())
    assert response.status_code == 200, response.text


async def observations(proxy: httpx.AsyncClient, user: str) -> list[dict]:
    return (await proxy.get(f"/admin/users/{user}/observations", headers=admin_headers())).json()["observations"]


@pytest.fixture
def translating(config):
    config["upstream"]["responses"] = "translate"
    return config


# -- native ------------------------------------------------------------------------------------

@respx.mock
async def test_native_directives_follow_the_clients_instructions(proxy, respx_mock):
    received = native_upstream(respx_mock)
    await put_belief(proxy, "ana", "length", "concise")
    raw = await sdk(proxy).responses.with_raw_response.create(
        model="gpt-test", input="Explain TCP", instructions="You are a network tutor.", user="ana",
        max_output_tokens=4000, metadata={"app": "x"})
    body = received[0]["body"]
    assert body["instructions"].startswith("You are a network tutor.\n\n") and CONCISE in body["instructions"]
    assert body["input"] == "Explain TCP" and body["metadata"] == {"app": "x"}
    assert body["max_output_tokens"] == 600
    assert raw.headers["x-beliefloop-applied"] == "length=concise"
    assert raw.headers["x-beliefloop-response-id"].startswith("blr_")
    assert raw.parse().output_text == "Native answer."


@respx.mock
async def test_native_anonymous_request_goes_upstream_byte_for_byte(proxy, respx_mock):
    received = native_upstream(respx_mock)
    sent = b'{"model": "gpt-test", "input": [{"role": "user", "content": "hi"}], "x_vendor": 1}'
    response = await proxy.post("/v1/responses", content=sent, headers={"content-type": "application/json"})
    assert response.status_code == 200 and received[0]["raw"] == sent
    assert response.headers["x-beliefloop-applied"] == ""


@respx.mock
async def test_native_stream_events_pass_through_untouched(proxy, respx_mock):
    native_upstream(respx_mock)
    await put_belief(proxy, "ben", "emoji", "avoid")
    response = await proxy.post("/v1/responses", json={"model": "gpt-test", "input": "hi", "stream": True,
                                                       "user": "ben"})
    assert response.content == b"".join(response_events(["Native ", "answer."]))
    assert response.headers["x-beliefloop-applied"] == "emoji=avoid"


@respx.mock
async def test_native_chain_is_read_as_a_conversation(proxy, respx_mock):
    native_upstream(respx_mock)
    await put_belief(proxy, "cy", "emoji", "avoid")
    client = sdk(proxy)
    first = await client.responses.create(model="gpt-test", input="What is TCP?", user="cy")
    await client.responses.create(model="gpt-test", input="shorter please", previous_response_id=first.id,
                                  user="cy")
    kinds = {o["kind"]: o for o in await observations(proxy, "cy")}
    assert kinds["follow_up"]["deltas"][0]["dimension"] == "length"
    assert kinds["follow_up"]["deltas"][0]["value"] == "concise"


@respx.mock
async def test_an_edited_output_item_in_the_input_is_an_edit(proxy, respx_mock):
    native_upstream(respx_mock, text="TCP is a reliable transport protocol. " * 12)
    client = sdk(proxy)
    first = await client.responses.create(model="gpt-test", input=[{"role": "user", "content": "What is TCP?"}],
                                          user="dee")
    assert len(first.output_text) > 300
    history = [{"role": "user", "content": "What is TCP?"},
               {"type": "message", "role": "assistant",
                "content": [{"type": "output_text", "text": "Reliable transport."}]},
               {"role": "user", "content": "And UDP?"}]
    await client.responses.create(model="gpt-test", input=history, user="dee", store=False)
    (edit,) = [o for o in await observations(proxy, "dee") if o["kind"] == "edit"]
    assert ("length", "concise") in [(d["dimension"], d["value"]) for d in edit["deltas"]]


# -- translated ---------------------------------------------------------------------------------

@respx.mock
async def test_translated_request_reaches_a_chat_only_upstream(respx_mock, translating):
    upstream = ChatUpstream(respx_mock)
    app = create_app(settings_from_dict(translating), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "eve", "emoji", "avoid")
        raw = await sdk(proxy).responses.with_raw_response.create(
            model="gpt-test", input="hi", instructions="You are terse.", user="eve", max_output_tokens=50)
    response = raw.parse()
    assert response.output_text == "Answer number 1." and response.id.startswith("resp_")
    assert response.status == "completed" and response.usage.total_tokens == 6
    chat = upstream.received[0]
    assert chat["messages"][0]["role"] == "system"
    assert chat["messages"][0]["content"].startswith("You are terse.\n\n")
    assert "Do not use emoji." in chat["messages"][0]["content"]
    assert chat["messages"][1:] == [{"role": "user", "content": "hi"}] and chat["max_tokens"] == 50
    assert raw.headers["x-beliefloop-applied"] == "emoji=avoid"


@respx.mock
async def test_translated_stream_is_a_responses_event_stream(respx_mock, translating):
    ChatUpstream(respx_mock)
    app = create_app(settings_from_dict(translating), watch=False)
    async with running(app) as proxy:
        async with sdk(proxy).responses.stream(model="gpt-test", input="hi", user="fay") as stream:
            kinds = [event.type async for event in stream]
            final = await stream.get_final_response()
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    assert kinds.count("response.output_text.delta") == 3
    assert final.output_text == "Answer number 1."


@respx.mock
async def test_translated_tool_round_trip_over_a_chain(respx_mock, translating):
    upstream = ChatUpstream(respx_mock)
    app = create_app(settings_from_dict(translating), watch=False)
    tools = [{"type": "function", "name": "weather", "parameters": {"type": "object", "properties": {}}}]
    async with running(app) as proxy:
        client = sdk(proxy)
        first = await client.responses.create(model="gpt-test", input="Weather in Oslo?", tools=tools)
        (call,) = first.output
        assert (call.type, call.name, call.call_id) == ("function_call", "weather", "call_w")
        second = await client.responses.create(
            model="gpt-test", previous_response_id=first.id, tools=tools,
            input=[{"type": "function_call_output", "call_id": call.call_id, "output": "4 C"}])
    assert second.output_text == "Answer number 2."
    assert upstream.received[1]["messages"] == [
        {"role": "user", "content": "Weather in Oslo?"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_w", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}]},
        {"role": "tool", "tool_call_id": "call_w", "content": "4 C"},
    ]


@respx.mock
async def test_translated_chain_survives_a_restart_through_the_store(respx_mock, translating):
    upstream = ChatUpstream(respx_mock)
    settings = settings_from_dict(translating)
    async with running(create_app(settings, watch=False)) as proxy:
        first = await sdk(proxy).responses.create(model="gpt-test", input="What is TCP?", instructions="Be kind.",
                                                  user="gus")
    async with running(create_app(settings, watch=False)) as proxy:  # a new process: chains start empty
        await sdk(proxy).responses.create(model="gpt-test", input="And UDP?", previous_response_id=first.id,
                                          user="gus")
        kinds = [o["kind"] for o in await observations(proxy, "gus")]
    assert upstream.received[1]["messages"] == [
        {"role": "user", "content": "What is TCP?"}, {"role": "assistant", "content": "Answer number 1."},
        {"role": "user", "content": "And UDP?"}]
    assert kinds == ["acceptance"]


@respx.mock
async def test_translated_unknown_previous_response_is_404(respx_mock, translating):
    ChatUpstream(respx_mock)
    app = create_app(settings_from_dict(translating), watch=False)
    async with running(app) as proxy:
        response = await proxy.post("/v1/responses", json={"model": "gpt-test", "input": "hi",
                                                           "previous_response_id": "resp_nope"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "previous_response_not_found"
    assert response.json()["error"]["param"] == "previous_response_id"


@respx.mock
async def test_model_list_route_answers_the_responses_door(respx_mock, config):
    config["model_list"] = [{"model_name": "local", "litellm_params": {"model": "openai/local-model",
                                                                      "api_base": "http://local.test/v1",
                                                                      "api_key": "sk-local"}}]
    seen: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json=completion("From litellm."))

    respx_mock.post("http://local.test/v1/chat/completions").mock(side_effect=handler)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "hal", "tone", "formal")
        raw = await sdk(proxy).responses.with_raw_response.create(model="local", input="hi", user="hal")
    assert raw.parse().output_text == "From litellm."
    assert "formal" in seen[0]["messages"][0]["content"] and raw.headers["x-beliefloop-applied"] == "tone=formal"


@respx.mock
async def test_upstream_errors_keep_their_status_on_the_responses_door(proxy, respx_mock):
    respx_mock.post(f"{UPSTREAM}/responses").mock(return_value=httpx.Response(
        400, json={"error": {"message": "bad input", "type": "invalid_request_error", "param": "input",
                             "code": None}}))
    response = await proxy.post("/v1/responses", json={"model": "gpt-test", "input": "hi"})
    assert response.status_code == 400 and response.json()["error"]["message"] == "bad input"


@respx.mock
async def test_the_same_turn_on_the_same_chain_again_is_a_regeneration(proxy, respx_mock):
    native_upstream(respx_mock)
    client = sdk(proxy)
    first = await client.responses.create(model="gpt-test", input="What is TCP?", user="ida")
    second = await client.responses.create(model="gpt-test", input="Compare it with UDP", user="ida",
                                           previous_response_id=first.id)
    await client.responses.create(model="gpt-test", input="Compare it with UDP", user="ida",
                                  previous_response_id=first.id)
    found = [(o["kind"], o["response_id"]) for o in await observations(proxy, "ida")]
    second_record = (await proxy.get(f"/admin/responses/{second.id}", headers=admin_headers()))
    assert ("regeneration", second_record.json()["response_id"]) in found
