"""kill -9 at an arbitrary moment of a burst: every write the server answered 2xx for is in the
database after a restart (real processes, real sockets; SQLite and PostgreSQL).

What counts as acknowledged: a chat reply's response record (its ``x-beliefloop-response-id``),
a feedback's observation (its ``observation_id``) and, with one worker, the edit a request
carried (an observation on the edited response). With two workers the edit is read only when
the worker that serves the second request already knows the first response (see
``storage.recent_sync_s``), so a missing edit there is a signal not read, not a write lost.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import time

import httpx
import psycopg
import pytest
from sqlalchemy.engine import make_url

from beliefs.memory import migrate
from beliefs.memory.sql_store import make_engine
from tests.conftest import base_config
from tests.databases import fresh_postgres_database
from tests.fake_upstream import FakeUpstream, LiveServer
from tests.test_production import ServerProcess

SHORT = "TCP: reliable, ordered bytes."


@pytest.fixture
def upstream():
    fake = FakeUpstream(reply_text="A long and detailed answer about the topic you asked for, in full.")
    with LiveServer(fake) as server:
        fake.url = server.url
        yield fake


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        yield "sqlite", f"sqlite:///{tmp_path / 'beliefs.db'}", 1
    else:
        for url in fresh_postgres_database():
            migrate.upgrade(make_engine(url))
            yield "postgresql", url, 2


class Acknowledged:
    def __init__(self) -> None:
        self.responses: list[str] = []
        self.edits: list[str] = []  # responses an acknowledged request said were edited
        self.observations: list[str] = []


async def user_loop(client: httpx.AsyncClient, url: str, user: str, acked: Acknowledged) -> None:
    """Ask, then send the reply back edited with a new question, then rate the answer; repeat."""
    turn = 0
    while True:
        turn += 1
        question = [{"role": "user", "content": f"{user} question {turn}"}]
        first = await client.post(f"{url}/v1/chat/completions", json={
            "model": "gpt-test", "user": user, "messages": question})
        if first.status_code != 200:
            continue
        original = first.headers["x-beliefloop-response-id"]
        acked.responses.append(original)
        second = await client.post(f"{url}/v1/chat/completions", json={
            "model": "gpt-test", "user": user, "messages": question + [
                {"role": "assistant", "content": SHORT}, {"role": "user", "content": "and then?"}]})
        if second.status_code != 200:
            continue
        acked.responses.append(second.headers["x-beliefloop-response-id"])
        acked.edits.append(original)
        rated = await client.post(f"{url}/v1/feedback", json={
            "response_id": second.headers["x-beliefloop-response-id"], "rating": "up"})
        if rated.status_code == 200:
            acked.observations.append(rated.json()["observation_id"])


def kill_9(server: ServerProcess) -> None:
    for pid in [*server.worker_pids(), server.process.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    server.process.wait(timeout=30)
    server.log.close()


def stored(kind: str, url: str) -> tuple[set[str], set[str], set[str]]:
    queries = ("SELECT id FROM response_record", "SELECT id FROM observation",
               "SELECT response_id FROM observation WHERE kind = 'edit'")
    if kind == "sqlite":
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            found = [{row[0] for row in connection.execute(q)} for q in queries]
    else:
        conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo) as connection:
            found = [{row[0] for row in connection.execute(q)} for q in queries]
    return found[0], found[1], found[2]


def test_kill_9_during_a_burst_loses_no_acknowledged_write(tmp_path, backend, upstream):
    kind, database_url, workers = backend
    config = base_config(tmp_path, database_url=database_url)
    config["upstream"].update(base_url=f"{upstream.url}/v1", client="aiohttp")  # as deployed
    server = ServerProcess(tmp_path, config, workers=workers)
    acked = Acknowledged()

    async def burst() -> None:
        limits = httpx.Limits(max_connections=32)
        async with httpx.AsyncClient(limits=limits, timeout=10) as client:
            loops = [asyncio.ensure_future(user_loop(client, server.url, f"u{i}", acked)) for i in range(24)]
            # an arbitrary moment of the burst, once it is under way (the first seconds after a
            # start are slow: the workers build their language detector)
            target, deadline = random.randint(40, 160), time.time() + 60
            while (len(acked.responses) < target or len(acked.observations) < 5) and time.time() < deadline:
                await asyncio.sleep(0.01)
            await asyncio.to_thread(kill_9, server)
            await asyncio.gather(*loops, return_exceptions=True)

    asyncio.run(burst())
    assert len(acked.responses) >= 40 and len(acked.observations) >= 5, "the burst barely ran"

    restarted = ServerProcess(tmp_path, config, workers=workers)  # adopts the dead journals
    try:
        deadline = time.time() + 30
        while True:
            responses, observations, edited = stored(kind, database_url)
            missing = {"responses": [r for r in acked.responses if r not in responses],
                       "feedback": [o for o in acked.observations if o not in observations],
                       "edits": [e for e in acked.edits if e not in edited] if workers == 1 else []}
            if not any(missing.values()) or time.time() > deadline:
                break
            time.sleep(0.2)
    finally:
        restarted.stop()
    assert not any(missing.values()), f"acknowledged writes lost: {missing} (of {len(acked.responses)} " \
                                      f"responses, {len(acked.edits)} edits, {len(acked.observations)} feedbacks)"
