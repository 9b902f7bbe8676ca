"""Upstream retries (unreachable / 5xx, before any byte) and model_list fallbacks through litellm."""

from __future__ import annotations

import json

import httpx
import openai
import pytest
import respx

from proxy import ConfigError, create_app, settings_from_dict
from tests.conftest import UPSTREAM, running, sdk
from tests.fake_upstream import completion

MESSAGES = [{"role": "user", "content": "hi"}]


@respx.mock
async def test_a_5xx_is_retried_once_then_succeeds(respx_mock, config):
    config["upstream"].update(retries=1, retry_backoff_s=0.01)
    route = respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=[
        httpx.Response(503, text="busy"), httpx.Response(200, json=completion("second try"))])
    async with running(create_app(settings_from_dict(config), watch=False)) as proxy:
        result = await sdk(proxy).chat.completions.create(model="m", messages=MESSAGES)
    assert result.choices[0].message.content == "second try" and route.call_count == 2


@respx.mock
async def test_retries_are_bounded_and_4xx_is_never_retried(respx_mock, config):
    config["upstream"].update(retries=2, retry_backoff_s=0.01)
    route = respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=httpx.ConnectError("refused"))
    async with running(create_app(settings_from_dict(config), watch=False)) as proxy:
        with pytest.raises(openai.APIStatusError) as raised:
            await sdk(proxy).chat.completions.create(model="m", messages=MESSAGES)
        assert raised.value.status_code == 502 and route.call_count == 3
        route.mock(side_effect=None, return_value=httpx.Response(429, json={"error": {"message": "slow down"}}))
        with pytest.raises(openai.RateLimitError):
            await sdk(proxy).chat.completions.create(model="m", messages=MESSAGES)
        assert route.call_count == 4


@respx.mock
async def test_model_list_fallback_takes_over_when_the_provider_fails(respx_mock, config):
    config["model_list"] = [
        {"model_name": "claude", "litellm_params": {"model": "anthropic/claude-3-haiku-20240307",
                                                     "api_key": "sk-ant-test"}, "fallbacks": ["backup"]},
        {"model_name": "backup", "litellm_params": {"model": "openai/backup-model", "api_key": "sk-b",
                                                     "api_base": "http://backup.test/v1"}},
    ]
    config["upstream"]["retries"] = 0
    anthropic = respx_mock.post("https://api.anthropic.com/v1/messages").mock(
        return_value=httpx.Response(529, json={"type": "error", "error": {"type": "overloaded_error",
                                                                          "message": "Overloaded"}}))
    seen: list[dict] = []

    def backup(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json=completion("from the backup", model="backup-model"))

    respx_mock.post("http://backup.test/v1/chat/completions").mock(side_effect=backup)
    async with running(create_app(settings_from_dict(config), watch=False)) as proxy:
        result = await sdk(proxy).chat.completions.create(model="claude", messages=MESSAGES)
    assert anthropic.call_count >= 1
    assert result.choices[0].message.content == "from the backup"
    assert seen[0]["model"] == "backup-model"


def test_unknown_fallback_is_a_config_error(config):
    config["model_list"] = [{"model_name": "a", "litellm_params": {"model": "openai/x"}, "fallbacks": ["nope"]}]
    with pytest.raises(ConfigError) as raised:
        settings_from_dict(config)
    assert "unknown fallbacks" in str(raised.value)
