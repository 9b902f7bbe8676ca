"""Production behaviour: several workers on PostgreSQL, a database outage, client disconnects,
and graceful shutdown. Real processes, real sockets, a real PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import psycopg
import pytest
import yaml
from sqlalchemy.engine import make_url

from beliefs.memory import migrate
from beliefs.memory.sql_store import make_engine
from proxy import create_app, settings_from_dict
from tests.conftest import ADMIN_KEY, admin_headers, base_config, running, sdk
from tests.databases import fresh_postgres_database
from tests.fake_upstream import FakeUpstream, LiveServer, free_port
from tests.tcp_relay import TcpRelay

ADMIN = {"authorization": f"Bearer {ADMIN_KEY}"}


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from fresh_postgres_database()


class ServerProcess:
    """``beliefloop serve`` in a subprocess, with its own config file."""

    def __init__(self, tmp_path: Path, config: dict, workers: int = 1, *, log_level: str = "warning",
                 args: tuple[str, ...] = (), env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        path = tmp_path / "config.yaml"
        path.write_text(yaml.safe_dump(config))
        self.log_path = tmp_path / "server.log"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "proxy.cli", "serve", "--config", str(path), "--port", str(self.port),
             "--workers", str(workers), "--log-level", log_level, *args],
            stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError((tmp_path / "server.log").read_text())
            time.sleep(0.2)

    def worker_pids(self) -> list[int]:
        """Worker processes (multiprocessing children other than its resource tracker)."""
        out = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(self.process.pid)],  # -ww: no 80-column cut
                             capture_output=True, text=True).stdout
        return [int(line.split()[0]) for line in out.splitlines()
                if "spawn_main" in line and "resource_tracker" not in line]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=60)
        self.log.close()
        return code


def pg(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def upstream():
    fake = FakeUpstream(reply_text="A long and detailed answer about the topic you asked for.")
    with LiveServer(fake) as server:
        fake.url = server.url
        yield fake


def test_concurrent_feedback_across_two_workers_counts_exactly(tmp_path, postgres_url, upstream):
    migrate.upgrade(make_engine(postgres_url))
    config = base_config(tmp_path, database_url=postgres_url)
    config["upstream"].update(base_url=f"{upstream.url}/v1", client="aiohttp")  # as deployed
    # Uncapped, so the stored sum must be exactly 200 thumbs' worth: no update may be lost.
    config.setdefault("learning", {})["cap"] = None
    server = ServerProcess(tmp_path, config, workers=2)
    try:
        assert len(server.worker_pids()) == 2
        httpx.put(f"{server.url}/admin/users/pat/beliefs/length", headers=ADMIN,
                  json={"value": "concise", "confidence": 0.95}).raise_for_status()
        reply = httpx.post(f"{server.url}/v1/chat/completions", json={
            "model": "gpt-test", "user": "pat", "messages": [{"role": "user", "content": "hi"}]})
        response_id = reply.headers["x-beliefloop-response-id"]
        assert reply.headers["x-beliefloop-applied"] == "length=concise"
        for _ in range(100):  # the record is written just after the response
            if httpx.get(f"{server.url}/admin/responses/{response_id}", headers=ADMIN).status_code == 200:
                break
            time.sleep(0.05)

        async def fire() -> list[int]:
            limits = httpx.Limits(max_connections=64)
            async with httpx.AsyncClient(limits=limits, timeout=60) as client:
                replies = await asyncio.gather(*[
                    client.post(f"{server.url}/v1/feedback", json={"response_id": response_id, "rating": "up"},
                                headers={"connection": "close"})
                    for _ in range(200)])
            return [r.status_code for r in replies]

        assert asyncio.run(fire()) == [200] * 200
    finally:
        assert server.stop() == 0
    with psycopg.connect(pg(postgres_url)) as connection:
        (thumbs,) = connection.execute("SELECT count(*) FROM observation WHERE kind = 'thumbs'").fetchone()
        (count, explicit, updated) = connection.execute(
            "SELECT observations, explicit_w, updated_at FROM belief_evidence "
            "WHERE user_id = 'pat' AND context = '*' AND dimension = 'length' AND value = 'concise'").fetchone()
    assert thumbs == 200 and count == 200
    from beliefs.learning.confidence import ConfidenceModel

    assert abs(ConfidenceModel().to_current(explicit, updated) - 200 * 0.5) < 1e-3


def test_a_change_through_one_worker_reaches_every_worker(tmp_path, postgres_url, upstream):
    migrate.upgrade(make_engine(postgres_url))
    config = base_config(tmp_path, database_url=postgres_url)
    config["upstream"].update(base_url=f"{upstream.url}/v1", client="aiohttp")  # as deployed
    server = ServerProcess(tmp_path, config, workers=2)

    def applied_on_fresh_connections(n: int) -> set[str]:
        seen = set()
        for i in range(n):
            with httpx.Client() as client:  # a new connection each time: spread over workers
                # distinct questions: the same prompt again would be a regeneration (a rejection)
                reply = client.post(f"{server.url}/v1/chat/completions", json={
                    "model": "gpt-test", "user": "quinn",
                    "messages": [{"role": "user", "content": f"question {time.time()} {i}"}]})
                seen.add(reply.headers["x-beliefloop-applied"])
        return seen

    try:
        assert applied_on_fresh_connections(12) == {""}  # both workers now cache "no beliefs"
        httpx.put(f"{server.url}/admin/users/quinn/beliefs/emoji", headers=ADMIN,
                  json={"value": "avoid", "confidence": 0.95}).raise_for_status()
        time.sleep(0.2)  # NOTIFY is delivered at commit; allow the other worker to read it
        assert applied_on_fresh_connections(12) == {"emoji=avoid"}
    finally:
        server.stop()


async def test_database_outage_fails_open_and_replays_the_spool(tmp_path, postgres_url, respx_mock):
    migrate.upgrade(make_engine(postgres_url))
    target = make_url(postgres_url)
    relay = TcpRelay((target.host or "127.0.0.1", target.port or 5432))
    relay.restore()
    through_relay = target.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    config = base_config(tmp_path, database_url=through_relay)
    config["storage"]["read_timeout_s"] = 0.5
    from tests.test_learning_loop import SHORTENED, Upstream

    Upstream(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        # the change listener drops every cached self-model when it (re)connects; let it connect
        # first so the cache filled below survives until the outage
        assert await asyncio.to_thread(app.state.runtime.listener.connected.wait, 10)
        client = sdk(proxy)
        await proxy.put("/admin/users/rae/beliefs/emoji", headers=admin_headers(),
                        json={"value": "avoid", "confidence": 0.95})
        messages = [{"role": "user", "content": "What is TCP?"}]
        await client.chat.completions.create(model="gpt-test", messages=messages, user="rae")
        await app.state.runtime.service.flush()

        relay.cut()
        started = time.perf_counter()
        # a known user keeps their cached beliefs; their edit is read and spooled
        raw = await client.chat.completions.with_raw_response.create(
            model="gpt-test", user="rae", messages=messages + [
                {"role": "assistant", "content": SHORTENED}, {"role": "user", "content": "and UDP?"}])
        assert raw.headers["x-beliefloop-applied"] == "emoji=avoid"
        # an unknown user is served un-personalised, quickly
        raw = await client.chat.completions.with_raw_response.create(
            model="gpt-test", user="newcomer", messages=messages)
        assert raw.headers["x-beliefloop-applied"] == ""
        assert time.perf_counter() - started < 5
        await app.state.runtime.service.flush()
        writer = app.state.runtime.service.writer
        assert writer.spool_depth() >= 3  # the edit observation, two responses, an outcome

        relay.restore()
        for _ in range(100):
            if writer.spool_depth() == 0:
                break
            await asyncio.sleep(0.1)
        assert writer.spool_depth() == 0
        observations = (await proxy.get("/admin/users/rae/observations", headers=admin_headers())).json()
        assert [o["kind"] for o in observations["observations"]] == ["edit"]
        # replaying again applies nothing twice
        await writer.call(writer.replay)
    with psycopg.connect(pg(postgres_url)) as connection:
        (edits,) = connection.execute("SELECT count(*) FROM observation WHERE user_id = 'rae'").fetchone()
        (responses,) = connection.execute("SELECT count(*) FROM response_record").fetchone()
    assert edits == 1 and responses == 3
    relay.cut()


@pytest.mark.parametrize("client", ["aiohttp", "httpx"])
def test_client_disconnect_mid_stream_cancels_upstream(tmp_path, config, client):
    fake = FakeUpstream(reply_text=" ".join(f"w{i}" for i in range(40)), chunks=20, delay_s=0.2)
    with LiveServer(fake) as upstream_server:
        config["upstream"].update(base_url=f"{upstream_server.url}/v1", client=client)
        app = create_app(settings_from_dict(config, environ={}), watch=False)
        with LiveServer(app) as proxy_server:
            with httpx.Client(timeout=10) as client:
                with client.stream("POST", f"{proxy_server.url}/v1/chat/completions", json={
                        "model": "gpt-test", "user": "sid", "stream": True,
                        "messages": [{"role": "user", "content": "count"}]}) as response:
                    response_id = response.headers["x-beliefloop-response-id"]
                    next(response.iter_raw())
            deadline = time.time() + 3  # the full stream would take 4+ s
            while fake.disconnects == 0 and time.time() < deadline:
                time.sleep(0.05)
            assert fake.disconnects == 1 and fake.completed_streams == 0
            trace = None
            for _ in range(50):
                reply = httpx.get(f"{proxy_server.url}/admin/responses/{response_id}", headers=ADMIN)
                if reply.status_code == 200:
                    trace = reply.json()
                    break
                time.sleep(0.05)
            assert trace is not None and trace["complete"] is False


def test_sigterm_under_load_finishes_in_flight_requests_and_flushes(tmp_path):
    fake = FakeUpstream(reply_text="slow answer", latency_s=1.0)
    with LiveServer(fake) as upstream_server:
        config = base_config(tmp_path)
        config["upstream"].update(base_url=f"{upstream_server.url}/v1", client="aiohttp")
        server = ServerProcess(tmp_path, config)

        async def load() -> list[int]:
            async with httpx.AsyncClient(timeout=30) as client:
                requests = [asyncio.ensure_future(client.post(f"{server.url}/v1/chat/completions", json={
                    "model": "gpt-test", "user": f"user{i}", "messages": [{"role": "user", "content": "hi"}]}))
                    for i in range(20)]
                await asyncio.sleep(0.5)  # all 20 are now waiting on the slow upstream
                server.process.send_signal(signal.SIGTERM)
                return [r.status_code for r in await asyncio.gather(*requests)]

        assert asyncio.run(load()) == [200] * 20
        # uvicorn re-raises SIGTERM after its graceful shutdown, so "killed by SIGTERM" is clean
        assert server.stop() in (0, -signal.SIGTERM)
    engine = make_engine(config["database_url"])
    with engine.connect() as connection:
        from sqlalchemy import text

        assert connection.execute(text("SELECT count(*) FROM response_record")).scalar() == 20
