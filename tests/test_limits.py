"""Rate limits and the failed sign-in throttle hold across workers: the buckets are shared
through the belief store (SQLite and PostgreSQL), with a per-process lease as the fast path."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest
import respx

from beliefs.memory import migrate
from beliefs.memory.sql_store import SqlStore, make_engine
from proxy import create_app, settings_from_dict
from proxy.auth import digest
from proxy.ratelimit import LocalBuckets, RateLimited, RateLimiter, SqlBuckets
from tests.conftest import ADMIN_KEY, UPSTREAM, base_config
from tests.databases import database_url, fresh_postgres_database  # noqa: F401  (fixture)
from tests.fake_upstream import FakeUpstream, LiveServer, completion
from tests.test_production import ServerProcess

CLIENT_KEY = "sk-client-key-0123456789"


@pytest.fixture
def engines(database_url):  # noqa: F811
    """Two engines on one database: two workers' views of the same buckets."""
    SqlStore.from_url(database_url, migrate=True).close()
    first, second = make_engine(database_url), make_engine(database_url)
    yield first, second
    first.dispose()
    second.dispose()


def test_a_local_bucket_refills_at_its_rate():
    now = [0.0]
    buckets = LocalBuckets(clock=lambda: now[0])
    assert buckets.take("k", 3.0, 1.0, 5.0) == (3.0, 0.0)
    assert buckets.take("k", 3.0, 1.0, 1.0) == (0.0, 0.0)
    now[0] = 1.5
    assert buckets.take("k", 3.0, 1.0, 1.0) == (1.0, 0.5)
    assert buckets.peek("k", 3.0, 1.0) == 0.5


def test_two_workers_never_grant_more_than_the_bucket_holds(engines):
    shared = [SqlBuckets(engine) for engine in engines]
    granted: list[float] = []

    def worker(buckets: SqlBuckets) -> None:
        for _ in range(30):
            granted.append(buckets.take("rate:k", 50.0, 1e-9, 1.0)[0])

    threads = [threading.Thread(target=worker, args=(shared[i % 2],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(granted) == pytest.approx(50.0) and len(granted) == 120


async def test_leases_keep_two_workers_within_one_limit(engines):
    workers = [RateLimiter(SqlBuckets(engine)) for engine in engines]
    admitted = 0
    try:
        for i in range(200):
            try:
                await workers[i % 2].take("key", 30)
                admitted += 1
            except RateLimited as refused:
                assert int(refused.headers["retry-after"]) >= 1
    finally:
        for worker in workers:
            worker.close()
    assert 30 <= admitted <= 31  # one more token may refill while the loop runs


@respx.mock
async def test_failed_admin_keys_are_throttled_per_address_then_per_tenant(respx_mock, config):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(200, json=completion("hi")))
    config["rate_limits"] = {"failed_auth_per_address_per_minute": 5, "failed_auth_per_tenant_per_minute": 8}
    app = create_app(settings_from_dict(config), watch=False)

    def client_from(address: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 4000)),
                                 base_url="http://beliefloop.test")

    wrong = {"authorization": "Bearer not-the-key"}
    right = {"authorization": f"Bearer {ADMIN_KEY}"}
    async with app.router.lifespan_context(app):
        async with client_from("10.0.0.1") as guesser, client_from("10.0.0.2") as other:
            codes = [(await guesser.get("/admin/users/u/beliefs", headers=wrong)).status_code for _ in range(6)]
            assert codes == [401] * 5 + [429]
            refused = await guesser.get("/admin/users/u/beliefs", headers=right)  # even the right key
            assert refused.status_code == 429 and refused.json()["error"]["code"] == "too_many_failed_attempts"
            assert int(refused.headers["retry-after"]) >= 1
            assert (await other.get("/admin/users/u/beliefs", headers=right)).status_code == 200
            # many addresses share a tenant's budget (8), and tenants nobody configured share one
            # budget, so inventing tenant names does not escape it
            for i in range(8):
                async with client_from(f"10.0.1.{i}") as one:
                    invented = {**wrong, "x-beliefloop-tenant": f"made-up-{i}"}
                    assert (await one.get("/admin/users/u/beliefs", headers=invented)).status_code == 401
            async with client_from("10.0.0.3") as third:
                blocked = await third.get("/admin/users/u/beliefs", headers={**wrong, "x-beliefloop-tenant": "x"})
                assert blocked.status_code == 429
            # the dashboard sign-in counts against the same budgets
            login = await guesser.post("/dashboard/login", data={"key": "nope"})
            assert login.status_code == 429 and "Too many failed sign-ins" in login.text


def test_limits_hold_across_two_workers(tmp_path):
    """A key limited to 20 requests a minute gets 20 from two workers together, not 40; and
    failed admin keys are throttled across them (real processes on PostgreSQL)."""
    for url in fresh_postgres_database():
        migrate.upgrade(make_engine(url))
        fake = FakeUpstream(reply_text="hi")
        with LiveServer(fake) as upstream:
            config = base_config(tmp_path, database_url=url)
            config["upstream"].update(base_url=f"{upstream.url}/v1", client="aiohttp")
            config["auth"] = {"development_mode": False, "keys": [
                {"key_sha256": digest(CLIENT_KEY), "tenant": "default", "rate_limit_per_minute": 20}]}
            server = ServerProcess(tmp_path, config, workers=2)
            try:
                assert len(server.worker_pids()) == 2

                async def fire() -> tuple[list[int], list[int]]:
                    async with httpx.AsyncClient(timeout=30) as client:
                        async def chat() -> int:
                            reply = await client.post(f"{server.url}/v1/chat/completions", json={
                                "model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]},
                                headers={"authorization": f"Bearer {CLIENT_KEY}", "connection": "close"})
                            return reply.status_code

                        async def guess() -> int:
                            reply = await client.get(f"{server.url}/admin/users/u/beliefs", headers={
                                "authorization": "Bearer wrong", "connection": "close"})
                            return reply.status_code

                        chats = await asyncio.gather(*[chat() for _ in range(60)])
                        guesses = [await guess() for _ in range(14)]
                    return chats, guesses

                chats, guesses = asyncio.run(fire())
            finally:
                server.stop()
        assert 20 <= chats.count(200) <= 22 and chats.count(429) == 60 - chats.count(200)
        assert guesses[:10] == [401] * 10 and set(guesses[10:]) == {429}
