"""The write path: the journal (durable before the answer, replayed exactly once), batched writes,
the bounded queue and its backpressure, reads that never wait behind writes, and outages.

Real SQLite and PostgreSQL stores; the database thread is slowed or cut only at the store edge
(a wrapper around the real store). Crashes of real processes are in ``test_durability.py``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import httpx
import pytest
import respx
from sqlalchemy.exc import OperationalError

from beliefs.learning.confidence import EPOCH, ConfidenceModel
from beliefs.learning.selfmodel import EvidenceIncrement, increments
from beliefs.memory.journal import Journal
from beliefs.memory.sql_store import SqlStore
from beliefs.memory.write_behind import WriteBehind
from beliefs.memory.writes import MarkResponse, RecordObservation, SaveResponse, decode_line
from beliefs.records import BeliefView, EvidenceDelta, Identity, Observation, ResponseRecord
from proxy import create_app, settings_from_dict
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.databases import database_url  # noqa: F401  (fixture)
from tests.fake_upstream import completion

T = EPOCH + 5000.0


def record(id_: str, user: str = "u", completion_id: str | None = None, at: float = T) -> ResponseRecord:
    return ResponseRecord(id_, "default", user, "*", "p" * 32, "gpt", at, (BeliefView("length", "concise", 0.9),),
                          ("Be brief.",), f"text of {id_}", "h", completion_id)


def observation(id_: str, value: str = "concise", user: str = "u", weight: float = 1.0,
                at: float = T) -> RecordObservation:
    obs = Observation(id_, "default", user, "*", "edit", None, {}, (EvidenceDelta("length", value, weight),), at)
    return RecordObservation(obs, tuple(increments(obs, ConfidenceModel())))


class GatedStore:
    """The real store, whose batched writes wait for a gate (a slow database) or fail (an outage)."""

    def __init__(self, inner: SqlStore) -> None:
        self.inner = inner
        self.gate = threading.Event()
        self.gate.set()
        self.down = False
        self.batches: list[int] = []

    def apply(self, writes, checkpoint=None):
        self.gate.wait(30)
        if self.down:
            raise OperationalError("apply", {}, Exception("connection refused"))
        self.batches.append(len(writes))
        return self.inner.apply(writes, checkpoint)

    def __getattr__(self, name):
        return getattr(self.inner, name)


@pytest.fixture
def store(database_url):  # noqa: F811
    s = SqlStore.from_url(database_url, migrate=True)
    yield s
    s.close()


def evidence(store: SqlStore, user: str = "u") -> dict[tuple[str, str, str, str], float]:
    """Every stored weight and count of one user, flat: (context, dimension, value, field) -> number."""
    model = store.load_self_model(Identity("default", user))
    return {(context, dimension, value, name): float(getattr(row, name))
            for (context, dimension), rows in model.evidence.items() for value, row in rows.items()
            for name in ("implicit", "explicit", "manual", "observations")}


# -- batched writes ------------------------------------------------------------------------------

def test_a_batch_stores_exactly_what_the_same_writes_store_one_by_one(database_url, tmp_path):  # noqa: F811
    writes = [record("r1", completion_id="c1"), observation("o1"), observation("o2", "detailed", weight=0.6),
              record("r2"), observation("o3", "concise", weight=2.0), observation("o4", "detailed", weight=5.0),
              observation("o1"), record("r3", user="v")]
    typed = [SaveResponse(w) if isinstance(w, ResponseRecord) else w for w in writes]
    typed += [MarkResponse("r1", "regenerated", "default", "u"), MarkResponse("r1", "kept", "default", "u"),
              MarkResponse("r2", "edited", "default", "u")]
    batched = SqlStore.from_url(database_url, migrate=True)
    single = SqlStore.from_url(f"sqlite:///{tmp_path / 'single.db'}", migrate=True)
    try:
        assert batched.apply(typed) == 4  # o1 twice: applied once
        for write in typed:
            single.apply([write])
        assert evidence(batched) == pytest.approx(evidence(single), rel=1e-12, abs=1e-12)
        for id_ in ("r1", "r2", "r3"):
            assert batched.get_response(None, id_) == single.get_response(None, id_)
        assert batched.get_response(None, "r1").outcome == "kept"
        assert batched.get_profile(Identity("default", "u")).requests == 2
        # replaying the whole batch changes nothing
        batched.apply(typed)
        assert evidence(batched) == pytest.approx(evidence(single), rel=1e-12, abs=1e-12)
        assert batched.get_profile(Identity("default", "u")).requests == 2
    finally:
        batched.close()
        single.close()


def test_saved_responses_notify_no_worker_but_evidence_does():
    import psycopg

    from beliefs.memory.pg_listener import CHANNEL
    from tests.databases import fresh_postgres_database

    for url in fresh_postgres_database():  # change notifications are a PostgreSQL feature
        store = SqlStore.from_url(url, migrate=True)
        try:
            with psycopg.connect(store.listener_conninfo(), autocommit=True) as listener:
                listener.execute(f"LISTEN {CHANNEL}")
                store.apply([SaveResponse(record("r1")), MarkResponse("r1", "accepted", "default", "u")])
                assert list(listener.notifies(timeout=0.5)) == []
                store.apply([observation("o1")])
                received = [n.payload for n in listener.notifies(timeout=2, stop_after=1)]
        finally:
            store.close()
        assert len(received) == 1 and '"u"' in received[0]


# -- the journal -----------------------------------------------------------------------------------

async def test_an_acknowledged_write_is_in_the_journal_file(store, tmp_path):
    writer = WriteBehind(store, tmp_path / "journal")
    try:
        await writer.submit(observation("o1"))
        lines = b"".join(p.read_bytes() for p in writer.journal.segment_paths()).splitlines()
        assert [decode_line(line)[1].observation.id for line in lines] == ["o1"]
    finally:
        await writer.close()


async def test_many_concurrent_writers_share_few_fsyncs(store, tmp_path):
    writer = WriteBehind(store, tmp_path / "journal")
    syncs = []
    original = writer.journal.on_durable
    writer.journal.on_durable = lambda seq, error: (syncs.append(seq), original(seq, error))
    try:
        await asyncio.gather(*[writer.submit(observation(f"o{i}", user=f"u{i % 7}")) for i in range(300)])
        assert len(syncs) < 300 / 3  # group commit: many writes per fsync
        await writer.flush()
        assert store.journal_checkpoint(writer.journal.stream) == 300
    finally:
        await writer.close()


def test_a_dead_process_journal_is_replayed_once_from_its_checkpoint(store, tmp_path):
    directory = tmp_path / "journal"
    durable = threading.Event()
    journal = Journal(directory, lambda seq, error: durable.set() if seq == 3 else None)
    writes = [SaveResponse(record("r1")), observation("o1"), observation("o2", "detailed")]
    for write in writes:
        journal.append(write)
    assert durable.wait(5)
    store.apply(writes[:1], (journal.stream, 1))  # the process had applied the first write...
    journal.close(remove=False)  # ...and died (its lock is free now)
    segment = next(directory.glob("journal-*.jsonl"))
    with open(segment, "ab") as handle:
        handle.write(b'{"seq": 4, "op": "record_obs')  # torn: never acknowledged

    writer = WriteBehind(store, tmp_path / "other")
    writer.journal_dir = directory
    try:
        assert writer.replay() == 2
        assert writer.replay() == 0  # adopted and removed
    finally:
        asyncio.run(writer.close())
    assert not list(directory.glob("journal-*"))
    rows = evidence(store)
    assert rows[("*", "length", "concise", "observations")] == 1
    assert rows[("*", "length", "detailed", "observations")] == 1
    assert store.get_profile(Identity("default", "u")).requests == 1


def test_spool_files_of_earlier_versions_are_replayed(store, tmp_path):
    directory = tmp_path / "spool"
    directory.mkdir()
    from beliefs.memory.writes import encode

    import orjson

    (directory / "spool-123-abcd1234.jsonl").write_bytes(
        orjson.dumps(encode(SaveResponse(record("old")))) + b"\n" + orjson.dumps(encode(observation("o9"))) + b"\n")
    writer = WriteBehind(store, directory)
    try:
        assert writer.replay() == 2
    finally:
        asyncio.run(writer.close())
    assert store.get_response(None, "old") is not None and evidence(store)


# -- the bounded queue ---------------------------------------------------------------------------

async def test_writes_are_applied_in_batches_after_a_stall(store, tmp_path):
    gated = GatedStore(store)
    gated.gate.clear()
    writer = WriteBehind(gated, tmp_path / "journal", queue_limit=1000)
    try:
        acks = [writer.submit(observation(f"o{i}")) for i in range(200)]
        await asyncio.gather(*acks)  # durable without the database
        assert writer.backlog() == 200
        gated.gate.set()
        await writer.flush()
        assert writer.backlog() == 0 and len(gated.batches) <= 3 and sum(gated.batches) == 200
    finally:
        gated.gate.set()
        await writer.close()


async def test_a_full_queue_holds_new_work_then_refuses_it(store, tmp_path):
    from beliefs.memory.write_behind import WriteQueueFull

    gated = GatedStore(store)
    gated.gate.clear()
    writer = WriteBehind(gated, tmp_path / "journal", queue_limit=20)
    try:
        for i in range(25):
            writer.submit(observation(f"o{i}"))
        started = time.perf_counter()
        with pytest.raises(WriteQueueFull) as refused:
            await writer.admit(0.2)
        assert 0.15 < time.perf_counter() - started < 2 and refused.value.retry_after_s >= 1
        waiting = asyncio.ensure_future(writer.admit(10))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        gated.gate.set()
        await asyncio.wait_for(waiting, 10)  # admitted as soon as the queue drains
    finally:
        gated.gate.set()
        await writer.close()


async def test_an_outage_keeps_writes_on_disk_and_applies_them_in_order_when_it_ends(store, tmp_path):
    gated = GatedStore(store)
    gated.down = True
    writer = WriteBehind(gated, tmp_path / "journal", queue_limit=10)
    writer.outage.retry_s = 0.1
    try:
        await writer.submit(observation("first"))
        for _ in range(100):
            if writer.outage.down_since is not None:
                break
            await asyncio.sleep(0.02)
        await writer.admit(0.01)  # an outage never refuses work: writes wait in the journal
        acks = [writer.submit(observation(f"o{i}", "detailed" if i % 2 else "concise")) for i in range(60)]
        await asyncio.gather(*acks)
        assert len(writer._items) <= 10  # spilled: memory stays bounded
        gated.down = False
        for _ in range(300):
            if writer.backlog() == 0:
                break
            await asyncio.sleep(0.05)
        assert writer.backlog() == 0
    finally:
        gated.down = False
        await writer.close()
    mirror = SqlStore.from_url(f"sqlite:///{tmp_path / 'mirror.db'}", migrate=True)
    try:
        mirror.apply([observation("first")] + [observation(f"o{i}", "detailed" if i % 2 else "concise")
                                               for i in range(60)])
        assert evidence(store) == pytest.approx(evidence(mirror), rel=1e-12, abs=1e-12)  # same order
    finally:
        mirror.close()


# -- through the app -----------------------------------------------------------------------------

def gated_app(config: dict, store: GatedStore, **storage):
    config["storage"].update(storage)
    return create_app(settings_from_dict(config), store=store, watch=False)


@respx.mock
async def test_feedback_past_the_queue_bound_waits_then_gets_503_with_retry_after(respx_mock, config):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(200, json=completion("hi")))
    gated = GatedStore(SqlStore.from_url(config["database_url"]))
    app = gated_app(config, gated, write_queue_limit=10, write_queue_wait_s=0.3)
    async with running(app) as proxy:
        reply = await sdk(proxy).chat.completions.with_raw_response.create(
            model="gpt-test", user="fay", messages=[{"role": "user", "content": "hi"}])
        response_id = reply.headers["x-beliefloop-response-id"]
        await app.state.runtime.service.flush()
        gated.gate.clear()  # the database stops taking writes
        accepted = 0
        for _ in range(20):
            started = time.perf_counter()
            refused = await proxy.post("/v1/feedback", json={"response_id": response_id, "rating": "up"})
            if refused.status_code != 200:
                break
            accepted += 1
        assert accepted == 10  # the bound
        assert refused.status_code == 503 and refused.json()["error"]["code"] == "write_queue_full"
        assert int(refused.headers["retry-after"]) >= 1 and time.perf_counter() - started >= 0.25
        calls = respx_mock.calls.call_count
        chat = await proxy.post("/v1/chat/completions", json={
            "model": "gpt-test", "user": "fay", "messages": [{"role": "user", "content": "more"}]})
        assert chat.status_code == 503 and respx_mock.calls.call_count == calls  # refused before upstream
        gated.gate.set()
        assert (await proxy.post("/v1/feedback", json={"response_id": response_id, "rating": "up"})).status_code == 200
        observations = (await proxy.get("/admin/users/fay/observations", headers=admin_headers())).json()
    assert len(observations["observations"]) == accepted + 1  # every acknowledged one, and only those


@respx.mock
async def test_reads_never_wait_behind_queued_writes(respx_mock, config):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(200, json=completion("hi")))
    inner = SqlStore.from_url(config["database_url"])
    inner.set_manual(Identity("default", "pia"), "emoji", "avoid", 0.0, 1.0, time.time())  # pinned
    gated = GatedStore(inner)
    app = gated_app(config, gated, read_timeout_s=0.5)
    async with running(app) as proxy:
        client = sdk(proxy)
        await client.chat.completions.create(model="gpt-test", user="busy", messages=[{"role": "user", "content": "x"}])
        gated.gate.clear()  # the database thread is stuck on a slow batch
        for i in range(20):
            await client.chat.completions.create(model="gpt-test", user="busy",
                                                 messages=[{"role": "user", "content": f"q{i}"}])
        started = time.perf_counter()
        reply = await client.chat.completions.with_raw_response.create(
            model="gpt-test", user="pia", messages=[{"role": "user", "content": "hello"}])
        assert reply.headers["x-beliefloop-applied"] == "emoji=avoid"  # not cached, still personalised
        beliefs = await proxy.get("/admin/users/pia/beliefs", headers=admin_headers())
        # the stuck batch holds the database thread for 30 s: neither read waited for it
        assert beliefs.status_code == 200 and time.perf_counter() - started < 5
        gated.gate.set()


@respx.mock
async def test_a_deleted_sqlite_file_fails_readiness_and_keeps_acknowledged_writes(respx_mock, config, tmp_path, caplog):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(200, json=completion("hi")))
    database = Path(config["database_url"].removeprefix("sqlite:///"))
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        service = app.state.runtime.service
        client = sdk(proxy)
        await client.chat.completions.create(model="gpt-test", user="dan", messages=[{"role": "user", "content": "a"}])
        await service.flush()
        assert service.health().ready
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        reply = await client.chat.completions.with_raw_response.create(
            model="gpt-test", user="dan", messages=[{"role": "user", "content": "b"}])
        kept = reply.headers["x-beliefloop-response-id"]
        feedback = await proxy.post("/v1/feedback", json={"response_id": kept, "rating": "down"})
        assert feedback.status_code == 200
        await service.flush()
        health = service.health()
        assert not health.ready and "deleted" in health.problems[0] and health.backlog >= 2
        assert any(r.levelname == "CRITICAL" and "deleted" in r.getMessage() for r in caplog.records)
        assert not database.exists()  # nothing was written into a new, empty file either
    # a restart recreates the database and replays the journal
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        for _ in range(100):
            trace = await proxy.get(f"/admin/responses/{kept}", headers=admin_headers())
            if trace.status_code == 200 and trace.json()["signals"]:
                break
            await asyncio.sleep(0.05)
        assert trace.status_code == 200 and [s["kind"] for s in trace.json()["signals"]] == ["thumbs"]


async def test_an_increment_is_durable_with_its_exact_arithmetic(store, tmp_path):
    # the in-memory mirror and the batched SQL agree after a journal round trip
    writer = WriteBehind(store, tmp_path / "journal")
    try:
        inc = EvidenceIncrement("*", "length", "concise", "implicit", 0.37, T, cap=3.0)
        obs = Observation("x1", "default", "u", "*", "edit", None, {}, (EvidenceDelta("length", "concise", 0.37),), T)
        await writer.submit(RecordObservation(obs, (inc,)))
        await writer.flush()
    finally:
        await writer.close()
    assert evidence(store)[("*", "length", "concise", "implicit")] == pytest.approx(inc.stored_weight, rel=1e-12)


@respx.mock
async def test_an_edit_of_another_workers_reply_is_read(respx_mock, tmp_path):
    """Two workers on one PostgreSQL: the reply came from one, the edited history goes to the
    other, which learns of the reply without any notification (it reads the user's newer
    responses) and reads the edit."""
    from tests.databases import fresh_postgres_database
    from tests.test_learning_loop import SHORTENED, Upstream

    from beliefs.memory import migrate
    from beliefs.memory.sql_store import make_engine
    from tests.conftest import base_config

    Upstream(respx_mock)
    for url in fresh_postgres_database():
        migrate.upgrade(make_engine(url))
        apps = []
        for name in ("a", "b"):
            config = base_config(tmp_path / name, database_url=url)
            config["storage"]["recent_sync_s"] = 0.0
            apps.append(create_app(settings_from_dict(config), watch=False))
        async with running(apps[0]) as first, running(apps[1]) as second:
            messages = [{"role": "user", "content": "What is TCP?"}]
            await sdk(second).chat.completions.create(model="gpt-test", messages=[
                {"role": "user", "content": "warm the cache of worker b"}], user="eve")
            await sdk(first).chat.completions.create(model="gpt-test", messages=messages, user="eve")
            await apps[0].state.runtime.service.flush()
            edited = messages + [{"role": "assistant", "content": SHORTENED}, {"role": "user", "content": "and UDP?"}]
            await sdk(second).chat.completions.create(model="gpt-test", messages=edited, user="eve")
            kinds: list[str] = []
            for _ in range(100):
                await apps[1].state.runtime.service.flush()
                reply = await second.get("/admin/users/eve/observations", headers=admin_headers())
                kinds = [o["kind"] for o in reply.json()["observations"]]
                if kinds:
                    break
                await asyncio.sleep(0.05)
        assert kinds == ["edit"]
