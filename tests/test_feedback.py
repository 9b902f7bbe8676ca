"""``POST /v1/feedback`` when completion ids are not unique: the caller may name the user, an
ambiguous id is refused, and finding a response costs the same however many users are cached."""

from __future__ import annotations

import time
from collections import OrderedDict

import httpx
import pytest
import respx

from beliefs.learning.selfmodel import SelfModel
from beliefs.memory.cache import UserState
from beliefs.memory.service import UnknownResponse
from beliefs.records import ResponseRecord
from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion

REUSED = "chatcmpl-1"  # some local servers number completions per process, so ids repeat


async def kinds(proxy: httpx.AsyncClient, user: str) -> list[str]:
    reply = await proxy.get(f"/admin/users/{user}/observations", headers=admin_headers())
    return [o["kind"] for o in reply.json()["observations"]]


@respx.mock
async def test_a_completion_id_of_several_users_needs_the_user_named(respx_mock, config):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(
        return_value=httpx.Response(200, json=completion("An answer.", completion_id=REUSED)))
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        for user in ("ann", "bob"):
            await sdk(proxy).chat.completions.create(model="gpt-test", user=user,
                                                     messages=[{"role": "user", "content": "hi"}])
        guess = await proxy.post("/v1/feedback", json={"response_id": REUSED, "rating": "down"})
        assert guess.status_code == 409
        assert guess.json()["error"]["code"] == "ambiguous_response_id"
        by_header = await proxy.post("/v1/feedback", headers={"x-beliefloop-user": "bob"},
                                     json={"response_id": REUSED, "rating": "down"})
        by_field = await proxy.post("/v1/feedback", json={"response_id": REUSED, "rating": "up", "user": "ann"})
        assert by_header.status_code == 200 and by_field.status_code == 200
        stranger = await proxy.post("/v1/feedback", json={"response_id": REUSED, "rating": "up", "user": "cat"})
        assert stranger.status_code == 404
        assert await kinds(proxy, "bob") == ["thumbs"] and await kinds(proxy, "ann") == ["thumbs"]
    # after a restart nothing is cached: the store answers the same
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        again = await proxy.post("/v1/feedback", json={"response_id": REUSED, "rating": "down"})
        assert again.status_code == 409
        named = await proxy.post("/v1/feedback", headers={"x-beliefloop-user": "ann"},
                                 json={"response_id": REUSED, "rating": "down"})
        assert named.status_code == 200 and named.json()["response_id"].startswith("blr_")


@respx.mock
async def test_a_completion_id_of_one_user_needs_no_name(respx_mock, config):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(
        return_value=httpx.Response(200, json=completion("An answer.", completion_id="chatcmpl-only")))
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await sdk(proxy).chat.completions.create(model="gpt-test", user="dee",
                                                 messages=[{"role": "user", "content": "hi"}])
        reply = await proxy.post("/v1/feedback", json={"response_id": "chatcmpl-only", "rating": "up"})
        assert reply.status_code == 200 and await kinds(proxy, "dee") == ["thumbs"]


@pytest.mark.parametrize("user", ["", "x" * 300, "bad\nuser"])
async def test_a_malformed_user_is_a_clear_error(proxy, user):
    reply = await proxy.post("/v1/feedback", json={"response_id": "blr_x", "rating": "up", "user": user})
    assert reply.status_code in (400, 422) and reply.json()["error"]["param"] == "user"


async def _unknown_lookups_per_second(service, users: int, calls: int = 200) -> float:
    cache = service.cache
    cache.cache_users = users + 10
    for i in range(users):
        record = ResponseRecord(f"blr_{i:08d}", "default", f"user{i}", "*", "p", "m", 0.0,
                                completion_id=f"chatcmpl-{i}")
        cache._states[("default", f"user{i}")] = UserState(SelfModel(), OrderedDict({record.id: record}))
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for i in range(calls):
            with pytest.raises(UnknownResponse):
                await service.feedback("default", f"chatcmpl-unknown-{i}", "up", None)
        best = min(best, time.perf_counter() - started)
    return best / calls


async def test_unknown_ids_cost_the_same_with_many_cached_users(config):
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app):
        service = app.state.runtime.service
        few = await _unknown_lookups_per_second(service, 10)
        many = await _unknown_lookups_per_second(service, 10_000)
    # a scan of every cached user's responses made this ~100x slower at 10k users
    assert many < 3 * few + 0.001, (few, many)
