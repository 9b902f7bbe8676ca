"""The default upstream client (aiohttp) against real loopback upstreams: forwarding, streaming,
error mapping and cancellation, the same contract the httpx client meets under respx."""

from __future__ import annotations

import openai
import pytest

from proxy import create_app, settings_from_dict
from tests.fake_upstream import FakeUpstream, LiveServer, free_port

MESSAGES = [{"role": "user", "content": "hi"}]


@pytest.fixture(params=["aiohttp", "httpx"])
def client_kind(request) -> str:
    return request.param


def proxied(config: dict, upstream_url: str, kind: str, **upstream: object):
    config["upstream"].update({"base_url": f"{upstream_url}/v1", "client": kind, **upstream})
    return LiveServer(create_app(settings_from_dict(config, environ={}), watch=False))


def sdk_for(server: LiveServer) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-client", max_retries=0)


def test_body_and_key_reach_the_upstream(config, client_kind):
    fake = FakeUpstream(reply_text="hello there")
    with LiveServer(fake) as upstream, proxied(config, upstream.url, client_kind) as server:
        result = sdk_for(server).chat.completions.create(model="m", messages=MESSAGES, seed=3,
                                                         extra_body={"x_vendor": [1]})
        assert result.choices[0].message.content == "hello there"
        assert fake.received[0]["seed"] == 3 and fake.received[0]["x_vendor"] == [1]
        assert fake.headers_seen["authorization"] == "Bearer sk-upstream"


def test_streams_pass_through(config, client_kind):
    fake = FakeUpstream(reply_text="one two three four", chunks=4)
    with LiveServer(fake) as upstream, proxied(config, upstream.url, client_kind) as server:
        stream = sdk_for(server).chat.completions.create(model="m", messages=MESSAGES, stream=True)
        assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices).split() == \
            ["one", "two", "three", "four"]


@pytest.mark.parametrize("status,error", [(429, openai.RateLimitError), (400, openai.BadRequestError)])
def test_upstream_4xx_passes_through(config, client_kind, status, error):
    fake = FakeUpstream(fail_status=status)
    with LiveServer(fake) as upstream, proxied(config, upstream.url, client_kind) as server:
        with pytest.raises(error) as raised:
            sdk_for(server).chat.completions.create(model="m", messages=MESSAGES)
        assert raised.value.body["message"] == "upstream says no"
        if status == 429:
            assert raised.value.response.headers["retry-after"] == "7"


def test_upstream_5xx_is_a_502(config, client_kind):
    fake = FakeUpstream(fail_status=503)
    with LiveServer(fake) as upstream, proxied(config, upstream.url, client_kind) as server:
        with pytest.raises(openai.APIStatusError) as raised:
            sdk_for(server).chat.completions.create(model="m", messages=MESSAGES)
        assert raised.value.status_code == 502


def test_unreachable_upstream_is_a_502(config, client_kind):
    with proxied(config, f"http://127.0.0.1:{free_port()}", client_kind) as server:
        with pytest.raises(openai.APIStatusError) as raised:
            sdk_for(server).chat.completions.create(model="m", messages=MESSAGES)
        assert raised.value.status_code == 502


def test_slow_upstream_is_a_504(config, client_kind):
    fake = FakeUpstream(latency_s=2.0)
    with LiveServer(fake) as upstream, proxied(config, upstream.url, client_kind, timeout_s=0.3) as server:
        with pytest.raises(openai.APIStatusError) as raised:
            sdk_for(server).chat.completions.create(model="m", messages=MESSAGES)
        assert raised.value.status_code == 504
        fake.latency_s = 0.0
        assert sdk_for(server).chat.completions.create(model="m", messages=MESSAGES).choices
