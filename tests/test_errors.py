"""Bad input and failing upstreams get OpenAI-shaped errors with the right status, and the proxy
keeps serving afterwards."""

from __future__ import annotations

import httpx
import openai
import orjson
import pytest
import respx

from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, running, sdk
from tests.fake_upstream import completion

CHAT = f"{UPSTREAM}/chat/completions"
MESSAGES = [{"role": "user", "content": "hi"}]


def assert_openai_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) >= {"message", "type", "code"} and error["message"]
    if code is not None:
        assert error["code"] == code
    return error


async def still_serves(proxy: httpx.AsyncClient, router: respx.MockRouter) -> None:
    router.post(CHAT).mock(return_value=httpx.Response(200, json=completion("ok")))
    result = await sdk(proxy).chat.completions.create(model="gpt-test", messages=MESSAGES)
    assert result.choices[0].message.content == "ok"


@respx.mock
async def test_malformed_json_is_a_400(proxy, respx_mock):
    response = await proxy.post("/v1/chat/completions", content=b'{"model": "x", "messages": [',
                                headers={"content-type": "application/json"})
    assert_openai_error(response, 400, "invalid_json")
    await still_serves(proxy, respx_mock)


@pytest.mark.parametrize("body,param", [
    ({"messages": MESSAGES}, "model"),
    ({"model": "gpt-test"}, "messages"),
    ({"model": "gpt-test", "messages": []}, "messages"),
    ({"model": "gpt-test", "messages": ["just a string"]}, "messages[0]"),
])
async def test_missing_model_or_messages_is_a_400(proxy, body, param):
    response = await proxy.post("/v1/chat/completions", json=body)
    assert assert_openai_error(response, 400)["param"] == param


async def test_sdk_raises_bad_request_for_missing_messages(proxy):
    with pytest.raises(openai.BadRequestError):
        await sdk(proxy).chat.completions.create(model="gpt-test", messages=[])


async def test_non_object_body_is_a_400(proxy):
    response = await proxy.post("/v1/chat/completions", content=b"[1, 2]")
    assert_openai_error(response, 400, "invalid_json")


@respx.mock
async def test_body_over_the_limit_is_a_413(respx_mock, config):
    config["max_body_bytes"] = 4096
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        big = [{"role": "user", "content": "x" * 10_000}]
        with pytest.raises(openai.APIStatusError) as raised:
            await sdk(proxy).chat.completions.create(model="gpt-test", messages=big)
        assert raised.value.status_code == 413
        # a chunked body without Content-Length is cut off as well
        async def chunks():
            for _ in range(10):
                yield b"x" * 1000
        response = await proxy.post("/v1/chat/completions", content=chunks())
        assert_openai_error(response, 413, "request_too_large")
        await still_serves(proxy, respx_mock)


@respx.mock
async def test_upstream_rate_limit_passes_through_as_429(proxy, respx_mock):
    body = {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}}
    respx_mock.post(CHAT).mock(return_value=httpx.Response(429, json=body, headers={"retry-after": "3"}))
    with pytest.raises(openai.RateLimitError) as raised:
        await sdk(proxy).chat.completions.create(model="gpt-test", messages=MESSAGES)
    assert raised.value.response.headers["retry-after"] == "3"
    assert raised.value.body["message"] == "Rate limit reached"
    await still_serves(proxy, respx_mock)


@respx.mock
async def test_upstream_4xx_passes_through_with_its_body(proxy, respx_mock):
    body = {"error": {"message": "model not found", "type": "invalid_request_error", "code": "model_not_found"}}
    respx_mock.post(CHAT).mock(return_value=httpx.Response(404, json=body))
    with pytest.raises(openai.NotFoundError) as raised:
        await sdk(proxy).chat.completions.create(model="nope", messages=MESSAGES)
    assert raised.value.body["code"] == "model_not_found"


@respx.mock
async def test_upstream_4xx_without_json_is_wrapped(proxy, respx_mock):
    respx_mock.post(CHAT).mock(return_value=httpx.Response(400, text="<html>bad</html>"))
    response = await proxy.post("/v1/chat/completions", json={"model": "m", "messages": MESSAGES})
    assert "upstream returned 400" in assert_openai_error(response, 400)["message"]


@respx.mock
async def test_upstream_5xx_is_a_502(proxy, respx_mock):
    respx_mock.post(CHAT).mock(return_value=httpx.Response(503, text="overloaded"))
    with pytest.raises(openai.APIStatusError) as raised:
        await sdk(proxy).chat.completions.create(model="gpt-test", messages=MESSAGES)
    assert raised.value.status_code == 502
    assert "503" in raised.value.message
    await still_serves(proxy, respx_mock)


@respx.mock
async def test_unreachable_upstream_is_a_502(proxy, respx_mock):
    respx_mock.post(CHAT).mock(side_effect=httpx.ConnectError("connection refused"))
    response = await proxy.post("/v1/chat/completions", json={"model": "m", "messages": MESSAGES})
    assert_openai_error(response, 502, "upstream_unavailable")
    await still_serves(proxy, respx_mock)


@respx.mock
async def test_upstream_timeout_is_a_504(proxy, respx_mock):
    respx_mock.post(CHAT).mock(side_effect=httpx.ReadTimeout("timed out"))
    with pytest.raises(openai.APIStatusError) as raised:
        await sdk(proxy).chat.completions.create(model="gpt-test", messages=MESSAGES)
    assert raised.value.status_code == 504
    await still_serves(proxy, respx_mock)


@respx.mock
async def test_upstream_timeout_when_streaming_is_a_504(proxy, respx_mock):
    respx_mock.post(CHAT).mock(side_effect=httpx.ConnectTimeout("timed out"))
    response = await proxy.post("/v1/chat/completions",
                                json={"model": "m", "stream": True, "messages": MESSAGES})
    assert_openai_error(response, 504, "upstream_timeout")


async def test_bad_user_id_is_a_400(proxy):
    response = await proxy.post("/v1/chat/completions", json={
        "model": "m", "messages": MESSAGES, "user": "evil\r\nX-Injected: 1"})
    assert_openai_error(response, 400)


async def test_unknown_route_is_openai_shaped_404(proxy):
    # (unknown paths under /v1 are the upstream's to answer: tests/test_passthrough.py)
    assert_openai_error(await proxy.get("/nothing-here"), 404)


def test_a_providers_context_window_error_keeps_openais_code():
    import litellm

    from proxy.errors import render, upstream_failure

    too_long = litellm.ContextWindowExceededError(message="prompt too long", model="openai/m", llm_provider="openai")
    other = litellm.BadRequestError(message="bad", model="openai/m", llm_provider="openai")
    told = orjson.loads(render(upstream_failure(too_long)).body)["error"]
    assert render(upstream_failure(too_long)).status_code == 400
    assert (told["code"], told["param"], told["type"]) == ("context_length_exceeded", "messages",
                                                           "invalid_request_error")
    assert orjson.loads(render(upstream_failure(other)).body)["error"]["code"] == "provider_error"
