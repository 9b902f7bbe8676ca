"""Retries are not regenerations: the same logical request carries no signal and keeps one record."""

from __future__ import annotations

import asyncio

import httpx
import openai
import pytest

from proxy import create_app, settings_from_dict
from proxy.gateway.retries import RetryLedger
from tests.conftest import ADMIN_KEY, admin_headers, running, sdk
from tests.fake_upstream import FakeUpstream, LiveServer

CLIENT = ("default", None, "ana", "*", "chat")
BODY = b'{"model": "m", "messages": [{"role": "user", "content": "hi"}]}'


# -- the ledger ---------------------------------------------------------------------------------

def test_a_numbered_sdk_retry_repeats_the_original():
    ledger = RetryLedger()
    assert ledger.check(CLIENT, {}, BODY, "blr_1", now=0.0, window_s=2.0) is None
    retry = ledger.check(CLIENT, {"x-stainless-retry-count": "1"}, BODY, "blr_2", now=30.0, window_s=2.0)
    assert retry is not None and retry.response_id == "blr_1"


def test_an_idempotency_key_seen_before_repeats_the_original_whatever_the_body():
    ledger = RetryLedger()
    ledger.check(CLIENT, {"idempotency-key": "k1"}, BODY, "blr_1", now=0.0, window_s=2.0)
    retry = ledger.check(CLIENT, {"idempotency-key": "k1"}, BODY + b" ", "blr_2", now=3_600.0, window_s=2.0)
    assert retry is not None and retry.response_id == "blr_1"


def test_the_same_body_is_a_retry_only_within_the_window():
    ledger = RetryLedger()
    ledger.check(CLIENT, {}, BODY, "blr_1", now=0.0, window_s=2.0)
    assert ledger.check(CLIENT, {}, BODY, "blr_2", now=1.5, window_s=2.0).response_id == "blr_1"
    assert ledger.check(CLIENT, {}, BODY, "blr_3", now=60.0, window_s=2.0) is None  # a regeneration


def test_another_user_or_key_is_another_client():
    ledger = RetryLedger()
    ledger.check(CLIENT, {}, BODY, "blr_1", now=0.0, window_s=2.0)
    assert ledger.check(("default", None, "bob", "*", "chat"), {}, BODY, "blr_2", now=0.1, window_s=2.0) is None
    assert ledger.check(("default", "key2", "ana", "*", "chat"), {}, BODY, "blr_3", now=0.1, window_s=2.0) is None


def test_the_ledger_stays_bounded():
    ledger = RetryLedger(max_entries=100)
    for i in range(1_000):
        ledger.check(CLIENT, {"idempotency-key": str(i)}, str(i).encode(), f"blr_{i}", now=float(i), window_s=2.0)
    assert len(ledger._bodies) == 100 and len(ledger._keys) == 100


# -- through the proxy ------------------------------------------------------------------------------

async def signals(proxy: httpx.AsyncClient, user: str) -> list[str]:
    found = (await proxy.get(f"/admin/users/{user}/observations", headers=admin_headers())).json()
    return [o["kind"] for o in found["observations"]]


@pytest.fixture
def windowed(config):
    config["learning"]["retry_window_s"] = 0.5
    return config


async def test_same_body_within_the_window_is_not_a_regeneration(windowed, respx_mock):
    from tests.test_forward_path import capture

    capture(respx_mock)
    app = create_app(settings_from_dict(windowed), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        ask = dict(model="gpt-test", user="ana", messages=[{"role": "user", "content": "hi"}])
        first = await client.chat.completions.with_raw_response.create(**ask)
        again = await client.chat.completions.with_raw_response.create(**ask)
        assert await signals(proxy, "ana") == []
        assert again.headers["x-beliefloop-response-id"] == first.headers["x-beliefloop-response-id"]
        await asyncio.sleep(0.6)
        await client.chat.completions.create(**ask)  # after the window: the user regenerated
        assert await signals(proxy, "ana") == ["regeneration"]


async def test_idempotency_key_marks_the_same_logical_request(proxy, respx_mock):
    from tests.test_forward_path import capture

    capture(respx_mock)
    client = sdk(proxy)
    ask = dict(model="gpt-test", user="bo", messages=[{"role": "user", "content": "hi"}])
    await client.chat.completions.create(**ask, extra_headers={"Idempotency-Key": "req-1"})
    await client.chat.completions.create(**ask, extra_headers={"Idempotency-Key": "req-1"})
    assert await signals(proxy, "bo") == []
    await client.chat.completions.create(**ask, extra_headers={"Idempotency-Key": "req-2"})
    assert await signals(proxy, "bo") == ["regeneration"]


def test_an_sdk_retry_after_a_client_timeout_leaves_beliefs_alone(config):
    """The first attempt outlives the client's timeout and is recorded; the SDK retries it. Read as
    a conversation that is a regeneration; it must be the same logical request instead."""
    upstream = FakeUpstream(reply_text="Here are the differences.", latencies=[0.6])
    with LiveServer(upstream) as upstream_server:
        config["upstream"].update(base_url=f"{upstream_server.url}/v1")
        app = create_app(settings_from_dict(config, environ={}), watch=False)
        with LiveServer(app) as proxy_server:
            admin = {"authorization": f"Bearer {ADMIN_KEY}"}
            httpx.put(f"{proxy_server.url}/admin/users/cat/beliefs/format", headers=admin,
                      json={"value": "lists", "confidence": 0.95}).raise_for_status()
            client = openai.OpenAI(base_url=f"{proxy_server.url}/v1", api_key="sk-x", max_retries=2, timeout=0.3)
            reply = client.chat.completions.create(model="gpt-test", user="cat",
                                                   messages=[{"role": "user", "content": "Compare TCP and UDP"}])
            assert reply.choices[0].message.content == "Here are the differences."
            assert len(upstream.received) == 2  # the first attempt reached the upstream and was answered
            observed = httpx.get(f"{proxy_server.url}/admin/users/cat/observations", headers=admin).json()
            beliefs = httpx.get(f"{proxy_server.url}/admin/users/cat/beliefs", headers=admin).json()["beliefs"]
            exported = httpx.get(f"{proxy_server.url}/admin/users/cat/export", headers=admin).json()
    assert observed["observations"] == []
    assert next(b for b in beliefs if b["dimension"] == "format")["confidence"] == pytest.approx(0.95, abs=1e-3)
    assert len(exported["responses"]) == 1  # the retry's record replaced the original's
