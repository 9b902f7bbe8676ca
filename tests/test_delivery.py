"""What reaches the model, through the proxy: caps where the upstream reads them, directives that
survive chat templates, and an x-beliefloop-applied header that tells the truth."""

from __future__ import annotations

from typing import Any

import respx

from proxy import create_app, settings_from_dict
from tests.conftest import admin_headers, running, sdk
from tests.test_forward_path import capture, put_belief

ASK = [{"role": "system", "content": "You are a travel agent."}, {"role": "user", "content": "Plan a trip"}]


def with_rules(config: dict[str, Any], **cap: Any) -> dict[str, Any]:
    for rule in config["rules"]:
        if rule["name"] == "concise":
            rule["max_tokens"] = cap or 600
    return config


async def ask(config: dict[str, Any], respx_mock, belief=("length", "concise"), **kwargs: Any):
    received = capture(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "una", *belief, confidence=0.95)
        raw = await sdk(proxy).chat.completions.with_raw_response.create(
            user="una", **{"model": "gpt-test", "messages": ASK, **kwargs})
        record = (await proxy.get(f"/admin/responses/{raw.headers['x-beliefloop-response-id']}",
                                  headers=admin_headers())).json()
    return received[0], raw.headers, record


@respx.mock
async def test_a_rule_that_adds_a_cap_uses_max_completion_tokens_for_reasoning_models(respx_mock, config):
    body, _, _ = await ask(with_rules(config, cap=600, add=True), respx_mock, model="o3-mini")
    assert body["max_completion_tokens"] == 600 and "max_tokens" not in body


@respx.mock
async def test_a_float_limit_is_capped_in_its_own_field_only(respx_mock, config):
    body, _, _ = await ask(config, respx_mock, max_completion_tokens=5000.0)
    assert body["max_completion_tokens"] == 600 and "max_tokens" not in body


@respx.mock
async def test_tool_requests_keep_their_limit(respx_mock, config):
    tools = [{"type": "function", "function": {"name": "book", "parameters": {"type": "object"}}}]
    body, headers, _ = await ask(config, respx_mock, max_tokens=5000, tools=tools)
    assert body["max_tokens"] == 5000 and headers["x-beliefloop-applied"] == "length=concise"


@respx.mock
async def test_cap_goes_to_the_field_the_upstream_honours(respx_mock, config):
    config["upstream"]["cap_field"] = "max_tokens"  # llama-cpp-python ignores max_completion_tokens
    body, _, _ = await ask(config, respx_mock, max_completion_tokens=2000)
    assert body["max_tokens"] == 600 and "max_completion_tokens" not in body


@respx.mock
async def test_directives_merge_into_the_apps_system_prompt_by_default(respx_mock, config):
    body, headers, _ = await ask(config, respx_mock)
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert body["messages"][0]["content"].startswith("You are a travel agent.\n\n")
    assert "Keep answers short" in body["messages"][0]["content"]


@respx.mock
async def test_a_model_without_system_role_gets_them_in_the_first_user_message(respx_mock, config):
    config["upstream"]["system_role"] = "none"
    body, headers, record = await ask(config, respx_mock)
    assert body["messages"][0] == ASK[0]
    user = body["messages"][1]["content"]
    assert user.startswith("<user_preferences>\n") and user.endswith("</user_preferences>\n\nPlan a trip")
    assert headers["x-beliefloop-applied"] == "length=concise"
    assert [b["dimension"] for b in record["applied"]] == ["length"]


@respx.mock
async def test_litellm_knows_which_models_have_no_system_role(respx_mock, config):
    body, _, _ = await ask(config, respx_mock, model="gemma-3-27b-it")
    assert body["messages"][1]["content"].startswith("<user_preferences>")


@respx.mock
async def test_nothing_delivered_is_nothing_applied(respx_mock, config):
    config["upstream"]["system_role"] = "none"
    config["injection"]["without_system_role"] = "skip"
    body, headers, record = await ask(config, respx_mock, max_tokens=5000)
    assert body["messages"] == ASK and body["max_tokens"] == 5000
    assert headers["x-beliefloop-applied"] == ""
    assert record["applied"] == [] and record["directives"] == []


@respx.mock
async def test_a_route_configured_without_system_role(respx_mock, config):
    import json

    import httpx

    config["model_list"] = [{"model_name": "gemma-local", "system_role": "none", "cap_field": "max_tokens",
                             "litellm_params": {"model": "openai/gemma", "api_base": "http://llama.test/v1",
                                                "api_key": "none"}}]
    seen: list[dict] = []
    respx_mock.post("http://llama.test/v1/chat/completions").mock(
        side_effect=lambda request: seen.append(json.loads(request.content)) or httpx.Response(200, json={
            "id": "c", "object": "chat.completion", "created": 1, "model": "gemma",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}]}))
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await put_belief(proxy, "vic", "length", "concise", confidence=0.95)
        raw = await sdk(proxy).chat.completions.with_raw_response.create(
            model="gemma-local", user="vic", messages=ASK, max_completion_tokens=900)
    assert raw.headers["x-beliefloop-applied"] == "length=concise"
    assert seen[0]["messages"][1]["content"].startswith("<user_preferences>")
    assert seen[0]["max_tokens"] == 600
