"""``POST /v1/messages`` through the official anthropic SDK: any model, personalised via ``system``."""

from __future__ import annotations

import json
from typing import Any

import anthropic
import httpx
import httpx2
import pytest
import respx

from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running
from tests.fake_upstream import anthropic_events, anthropic_message, completion, sse_chunks


def claude(client: httpx.AsyncClient, api_key: str = "sk-ant-client", **kwargs: Any) -> anthropic.AsyncAnthropic:
    """The anthropic SDK talking to the same in-process app as ``client`` (it brings its own
    HTTP package, httpx2)."""
    transport = httpx2.ASGITransport(app=client._transport.app)  # type: ignore[attr-defined]
    return anthropic.AsyncAnthropic(api_key=api_key, base_url="http://beliefloop.test",
                                    http_client=httpx2.AsyncClient(transport=transport), max_retries=0, **kwargs)


def chat_upstream(router: respx.MockRouter, status: int = 200, error: dict | None = None,
                  headers: dict | None = None) -> list[dict[str, Any]]:
    received: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        received.append(body)
        if status != 200:
            return httpx.Response(status, json=error, headers=headers)
        if body.get("tools") and body["messages"][-1]["role"] != "tool":
            reply = completion("")
            reply["choices"][0]["message"] = {"role": "assistant", "content": "Checking.", "tool_calls": [
                {"id": "call_7", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}]}
            reply["choices"][0]["finish_reason"] = "tool_calls"
            return httpx.Response(200, json=reply)
        if body.get("stream"):
            return httpx.Response(200, content=b"".join(sse_chunks(["Streamed ", "reply."])),
                                  headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json=completion("Plain reply."))

    router.post(f"{UPSTREAM}/chat/completions").mock(side_effect=handler)
    return received


async def put_belief(proxy: httpx.AsyncClient, user: str, dimension: str, value: str) -> None:
    response = await proxy.put(f"/admin/users/{user}/beliefs/{dimension}", json={"value": value, "confidence": 0.95},
                               headers=admin_headers())
    assert response.status_code == 200, response.text


@respx.mock
async def test_metadata_user_is_personalised_through_system(proxy, respx_mock):
    received = chat_upstream(respx_mock)
    await put_belief(proxy, "ivy", "tone", "formal")
    raw = await claude(proxy).messages.with_raw_response.create(
        model="gpt-test", max_tokens=100, system="You are a librarian.", metadata={"user_id": "ivy"},
        messages=[{"role": "user", "content": "Recommend a book"}])
    message = await raw.parse()
    assert message.content[0].text == "Plain reply." and message.stop_reason == "end_turn"
    assert message.usage.input_tokens == 3 and message.usage.output_tokens == 3
    chat = received[0]
    assert chat["messages"][0]["content"].startswith("You are a librarian.\n\n")
    assert "formal" in chat["messages"][0]["content"]
    assert chat["messages"][1] == {"role": "user", "content": "Recommend a book"}
    assert chat["max_tokens"] == 100 and chat["user"] == "ivy"
    assert raw.headers["x-beliefloop-applied"] == "tone=formal"
    assert raw.headers["x-beliefloop-response-id"].startswith("blr_")


@respx.mock
async def test_stream_is_an_anthropic_event_stream(proxy, respx_mock):
    chat_upstream(respx_mock)
    async with claude(proxy).messages.stream(model="gpt-test", max_tokens=50,
                                             messages=[{"role": "user", "content": "hi"}]) as stream:
        text = "".join([piece async for piece in stream.text_stream])
        final = await stream.get_final_message()
    assert text == "Streamed reply." and final.stop_reason == "end_turn"


@respx.mock
async def test_tool_use_round_trip(proxy, respx_mock):
    received = chat_upstream(respx_mock)
    tools = [{"name": "weather", "description": "Weather now", "input_schema": {"type": "object", "properties": {
        "city": {"type": "string"}}}}]
    client = claude(proxy)
    first = await client.messages.create(model="gpt-test", max_tokens=100, tools=tools,
                                         messages=[{"role": "user", "content": "Weather in Oslo?"}])
    assert first.stop_reason == "tool_use"
    text, use = first.content
    assert text.text == "Checking." and (use.name, use.input, use.id) == ("weather", {"city": "Oslo"}, "call_7")
    await client.messages.create(model="gpt-test", max_tokens=100, tools=tools, messages=[
        {"role": "user", "content": "Weather in Oslo?"},
        {"role": "assistant", "content": [block.model_dump() for block in first.content]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id, "content": "4 C"}]}])
    assert received[1]["messages"][1:] == [
        {"role": "assistant", "content": "Checking.", "tool_calls": [
            {"id": "call_7", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}]},
        {"role": "tool", "tool_call_id": "call_7", "content": "4 C"}]


@respx.mock
async def test_edited_reply_in_the_history_is_an_edit(proxy, respx_mock):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=completion("Sure! 😀 TCP is a reliable protocol 🎉 with handshakes."))

    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=handler)
    client = claude(proxy)
    first = await client.messages.create(model="gpt-test", max_tokens=100, metadata={"user_id": "jon"},
                                         messages=[{"role": "user", "content": "What is TCP?"}])
    await client.messages.create(model="gpt-test", max_tokens=100, metadata={"user_id": "jon"}, messages=[
        {"role": "user", "content": "What is TCP?"},
        {"role": "assistant", "content": "TCP is a reliable protocol with handshakes."},
        {"role": "user", "content": "Thanks"}])
    assert first.content[0].text.startswith("Sure!")
    observed = (await proxy.get("/admin/users/jon/observations", headers=admin_headers())).json()["observations"]
    (edit,) = [o for o in observed if o["kind"] == "edit"]
    assert ("emoji", "avoid") in [(d["dimension"], d["value"]) for d in edit["deltas"]]


@pytest.mark.parametrize("status,kind,error_class", [
    (400, "invalid_request_error", anthropic.BadRequestError),
    (429, "rate_limit_error", anthropic.RateLimitError),
])
@respx.mock
async def test_upstream_errors_are_anthropic_shaped(proxy, respx_mock, status, kind, error_class):
    chat_upstream(respx_mock, status=status, headers={"retry-after": "3"},
                  error={"error": {"message": "upstream says no", "type": "x", "param": None, "code": None}})
    with pytest.raises(error_class) as raised:
        await claude(proxy).messages.create(model="gpt-test", max_tokens=10,
                                            messages=[{"role": "user", "content": "hi"}])
    assert raised.value.body == {"type": "error", "error": {"type": kind, "message": "upstream says no"}}
    if status == 429:
        assert raised.value.response.headers["retry-after"] == "3"


async def test_own_errors_are_anthropic_shaped(proxy):
    response = await proxy.post("/v1/messages", json={"model": "gpt-test", "max_tokens": 5, "messages": []})
    assert response.status_code == 400
    assert response.json() == {"type": "error", "error": {"type": "invalid_request_error",
                                                          "message": "messages: at least one message is required"}}


async def test_missing_key_is_an_anthropic_authentication_error(config):
    config["auth"] = {"development_mode": False, "keys": [{"key": "sk-beliefloop-client-0001", "tenant": "t"}]}
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        with pytest.raises(anthropic.AuthenticationError) as raised:
            await claude(proxy, api_key="sk-wrong-key-0000000").messages.create(
                model="gpt-test", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    assert raised.value.body["type"] == "error"  # Anthropic's shape, even when refused before the body
    assert raised.value.body["error"]["type"] == "authentication_error"


@respx.mock
async def test_beliefloop_key_authenticates_as_bearer_or_x_api_key(respx_mock, config):
    config["auth"] = {"development_mode": False, "keys": [{"key": "sk-beliefloop-client-0001", "tenant": "t"}]}
    chat_upstream(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        message = await claude(proxy, api_key="sk-beliefloop-client-0001").messages.create(
            model="gpt-test", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
        older_sdks = await proxy.post("/v1/messages", headers={"x-api-key": "sk-beliefloop-client-0001"}, json={
            "model": "gpt-test", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]})
    assert message.content[0].text == "Plain reply." and older_sdks.status_code == 200


@respx.mock
async def test_native_mode_forwards_to_an_anthropic_upstream(respx_mock, config):
    config["upstream"]["messages"] = "native"
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if json.loads(request.content).get("stream"):
            return httpx.Response(200, content=b"".join(anthropic_events(["Native ", "Claude."])),
                                  headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json=anthropic_message("Native Claude."))

    respx_mock.post(f"{UPSTREAM}/messages").mock(side_effect=handler)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "kim", "emoji", "avoid")
        client = claude(proxy)
        message = await client.messages.create(
            model="claude-test", max_tokens=5000, metadata={"user_id": "kim"},
            system=[{"type": "text", "text": "App.", "cache_control": {"type": "ephemeral"}}],
            messages=[{"role": "user", "content": "hi"}])
        async with client.messages.stream(model="claude-test", max_tokens=5, metadata={"user_id": "kim"},
                                          messages=[{"role": "user", "content": "hi"}]) as stream:
            streamed = "".join([piece async for piece in stream.text_stream])
    body = json.loads(seen[0].content)
    assert message.content[0].text == "Native Claude." and streamed == "Native Claude."
    assert body["system"][0] == {"type": "text", "text": "App.", "cache_control": {"type": "ephemeral"}}
    assert "Do not use emoji." in body["system"][1]["text"]
    assert seen[0].headers["x-api-key"] == "sk-upstream" and seen[0].headers["anthropic-version"]


@respx.mock
async def test_a_model_list_route_answers_through_litellm_streamed(respx_mock, config):
    from tests.test_forward_path import ANTHROPIC_STREAM

    config["model_list"] = [{"model_name": "claude", "litellm_params": {
        "model": "anthropic/claude-3-haiku-20240307", "api_key": "sk-ant-test"}}]
    seen: list[dict] = []

    def provider(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, content=ANTHROPIC_STREAM, headers={"content-type": "text/event-stream"})

    respx_mock.post("https://api.anthropic.com/v1/messages").mock(side_effect=provider)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "lou", "emoji", "avoid")
        async with claude(proxy).messages.stream(model="claude", max_tokens=50, metadata={"user_id": "lou"},
                                                 messages=[{"role": "user", "content": "hi"}]) as stream:
            text = "".join([piece async for piece in stream.text_stream])
    assert text == "Streamed Claude."
    system = seen[0]["system"]
    assert "Do not use emoji." in (system if isinstance(system, str) else " ".join(p["text"] for p in system))
