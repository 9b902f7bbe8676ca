"""``/readyz`` says whether this instance may take traffic, and why not; ``/healthz`` stays cheap."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from beliefs.memory import migrate
from beliefs.memory.sql_store import make_engine
from proxy import create_app, settings_from_dict
from proxy.readiness import StoreProbe, verdict
from tests.conftest import base_config, running
from tests.databases import fresh_postgres_database
from tests.tcp_relay import TcpRelay


def test_ready_only_when_config_store_and_spool_are_all_fine():
    fine = verdict(config_loaded=True, store_problem=None, spool_depth=3, spool_max=10, queue_depth=1)
    assert fine.ready and fine.reasons == ()
    assert fine.checks == {"config": "ok", "store": "ok", "spool": {"depth": 3, "max": 10},
                           "write_queue": {"depth": 1}}
    everything = verdict(config_loaded=False, store_problem="the database does not answer",
                         spool_depth=11, spool_max=10, queue_depth=0)
    assert not everything.ready
    assert [reason.split(":")[0] for reason in everything.reasons] == ["starting", "store", "spool"]


async def test_a_hung_store_is_reported_after_the_timeout_and_probes_do_not_pile_up():
    calls = []

    def hang() -> str | None:
        calls.append(1)
        time.sleep(0.5)
        return None

    probe = StoreProbe(hang, timeout_s=0.05)
    first, second = await asyncio.gather(probe.problem(), probe.problem())
    assert first == second == "the database did not answer within 0.05 s"
    assert len(calls) == 1
    await asyncio.sleep(0.6)
    assert await StoreProbe(lambda: "broken", timeout_s=1).problem() == "broken"


async def test_ready_with_a_working_sqlite_store(proxy):
    response = await proxy.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready" and response.json()["checks"]["store"] == "ok"
    assert (await proxy.get("/healthz")).json() == {"status": "ok"}


async def test_unready_when_the_sqlite_file_is_gone(tmp_path, config):
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        assert (await proxy.get("/readyz")).status_code == 200
        Path(make_url(config["database_url"]).database).unlink()
        response = await proxy.get("/readyz")
        assert response.status_code == 503
        assert response.json()["status"] == "unready"
        [reason] = response.json()["reasons"]
        assert reason.startswith(f"store: the SQLite database {tmp_path / 'beliefs.db'} was deleted")
        assert (await proxy.get("/healthz")).status_code == 200  # alive: a restart would not help


async def test_unready_when_the_spool_is_over_its_bound(config):
    config["readiness"] = {"max_spool_depth": 2}
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        app.state.runtime.spool_depth = lambda: 3
        response = await proxy.get("/readyz")
        assert response.status_code == 503
        assert response.json()["reasons"] == [
            "spool: 3 writes waiting for the database, over the bound of 2"]


async def test_unready_before_startup(config):
    app = create_app(settings_from_dict(config), watch=False)
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.get("/readyz")  # no lifespan: nothing loaded
    assert response.status_code == 503
    assert response.json()["reasons"] == ["starting: the configuration is not loaded yet"]


@pytest.fixture
def postgres_url():
    yield from fresh_postgres_database()


async def test_readiness_flips_when_postgresql_goes_away_and_back(tmp_path, postgres_url):
    migrate.upgrade(make_engine(postgres_url))
    target = make_url(postgres_url)
    relay = TcpRelay((target.host or "127.0.0.1", target.port or 5432))
    relay.restore()
    through_relay = target.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    app = create_app(settings_from_dict(base_config(tmp_path, database_url=through_relay)), watch=False)
    try:
        async with running(app) as proxy:
            assert (await proxy.get("/readyz")).status_code == 200
            relay.cut()  # as if the server stopped: connections drop, new ones are refused
            response = await proxy.get("/readyz")
            assert response.status_code == 503
            (reason,) = response.json()["reasons"]
            assert reason.startswith("store: the database does not answer (OperationalError")
            relay.restore()
            for _ in range(50):
                if (await proxy.get("/readyz")).status_code == 200:
                    break
                await asyncio.sleep(0.1)
            assert (await proxy.get("/readyz")).status_code == 200
    finally:
        relay.cut()


async def test_unready_when_postgresql_is_on_an_old_schema(tmp_path, postgres_url):
    migrate.upgrade(make_engine(postgres_url))
    app = create_app(settings_from_dict(base_config(tmp_path, database_url=postgres_url)), watch=False)
    async with running(app) as proxy:
        engine = make_engine(postgres_url)
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
        engine.dispose()
        response = await proxy.get("/readyz")
        assert response.status_code == 503
        assert "the schema is at 0001" in response.json()["reasons"][0]
