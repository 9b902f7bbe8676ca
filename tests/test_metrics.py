"""Prometheus ``/metrics`` of each app, and flywheel health (``GET /admin/metrics/flywheel``)."""

from __future__ import annotations

import asyncio
import json
import time
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import respx
from prometheus_client.parser import text_string_to_metric_families

from beliefs.insights.flywheel import WEEK_S, difference_ci, flywheel, week_label, week_start, wilson
from beliefs.records import BeliefView, ResponseRecord, UserProfile
from proxy import create_app, settings_from_dict
from proxy.gateway.holdout import arm_of
from proxy.metrics import spool_depth_of
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion
from tests.test_learning_loop import LONG_REPLY, SHORTENED


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Prometheus text as {(sample name, sorted labels): value}."""
    found = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            found[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return found


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def reply(request: httpx.Request) -> httpx.Response:
    count = reply.calls = getattr(reply, "calls", 0) + 1  # type: ignore[attr-defined]
    return httpx.Response(200, json=completion(f"{LONG_REPLY} ({count})"))


async def scrape(proxy: httpx.AsyncClient) -> dict:
    response = await proxy.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return samples(response.text)


@respx.mock
async def test_metrics_count_requests_latency_signals_and_belief_updates(proxy, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=reply)
    client = sdk(proxy)
    await proxy.put("/admin/users/kim/beliefs/format", headers=admin_headers(),
                    json={"value": "lists", "confidence": 0.95})
    question = [{"role": "user", "content": "What is TCP?"}]
    await client.chat.completions.create(model="gpt-test", messages=question)  # anonymous
    await client.chat.completions.create(model="gpt-test", messages=question, user="kim")
    await client.chat.completions.create(model="gpt-test", user="kim", messages=question + [
        {"role": "assistant", "content": SHORTENED}, {"role": "user", "content": "And UDP?"}])
    # the journal's backlog drains into the database within milliseconds
    for _ in range(100):
        if value(await scrape(proxy), "beliefloop_spool_depth") == 0:
            break
        await asyncio.sleep(0.02)

    found = await scrape(proxy)
    assert value(found, "beliefloop_answered_total", arm="none", personalised="false", stream="false") == 1
    assert value(found, "beliefloop_answered_total", arm="treated", personalised="true", stream="false") == 2
    assert value(found, "beliefloop_requests_total", route="/v1/chat/completions", model="gpt-test",
                 tenant="default", status="200") == 3
    assert value(found, "beliefloop_requests_total", route="/admin/users/{user_id}/beliefs/{dimension}",
                 model="", tenant="", status="200") == 1
    assert value(found, "beliefloop_upstream_seconds_count", model="gpt-test") == 3
    assert value(found, "beliefloop_proxy_overhead_seconds_count") == 3
    assert value(found, "beliefloop_proxy_overhead_seconds_bucket", le="+Inf") == 3
    assert value(found, "beliefloop_signals_total", kind="edit") == 1
    assert value(found, "beliefloop_belief_updates_total", dimension="length") == 1
    assert value(found, "beliefloop_spool_depth") == 0


@respx.mock
async def test_each_app_has_its_own_registry(config, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=reply)
    first = create_app(settings_from_dict(config), watch=False)
    second = create_app(settings_from_dict(config), watch=False)
    async with running(first) as one, running(second) as two:
        await sdk(one).chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}])
        assert value(await scrape(one), "beliefloop_upstream_seconds_count", model="gpt-test") == 1
        assert value(await scrape(two), "beliefloop_upstream_seconds_count", model="gpt-test") == 0


@respx.mock
async def test_errors_are_counted_by_kind(proxy, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=httpx.ConnectError("refused"))
    response = await proxy.post("/v1/chat/completions", json={
        "model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]})
    assert response.status_code == 502
    assert (await proxy.post("/v1/chat/completions", content=b"{not json")).status_code == 400
    found = await scrape(proxy)
    assert value(found, "beliefloop_errors_total", kind="upstream_unavailable") == 1
    assert value(found, "beliefloop_errors_total", kind="invalid_json") == 1
    assert value(found, "beliefloop_answered_total", arm="none", personalised="false", stream="false") == 0
    assert value(found, "beliefloop_requests_total", route="/v1/chat/completions", model="gpt-test",
                 tenant="default", status="502") == 1
    assert value(found, "beliefloop_requests_total", route="/v1/chat/completions", model="",
                 tenant="", status="400") == 1


@respx.mock
async def test_thumbs_are_counted_once_recorded(proxy, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=reply)
    result = await sdk(proxy).chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": "hi"}], user="lou")
    assert (await proxy.post("/v1/feedback", json={"response_id": "blr_missing", "rating": "up"})).status_code == 404
    assert value(await scrape(proxy), "beliefloop_signals_total", kind="thumbs") == 0
    assert (await proxy.post("/v1/feedback", json={"response_id": result.id, "rating": "up"})).status_code == 200
    assert value(await scrape(proxy), "beliefloop_signals_total", kind="thumbs") == 1


def test_spool_depth_reads_the_runtime_when_it_has_a_spool():
    def app(runtime: Any) -> Any:
        return SimpleNamespace(state=SimpleNamespace(runtime=runtime))

    assert spool_depth_of(app(SimpleNamespace(spool_depth=lambda: 3))) == 3.0
    writer = SimpleNamespace(spool_depth=lambda: 5)
    assert spool_depth_of(app(SimpleNamespace(service=SimpleNamespace(writer=writer)))) == 5.0
    assert spool_depth_of(app(SimpleNamespace())) == 0.0
    assert spool_depth_of(SimpleNamespace(state=SimpleNamespace())) == 0.0


# -- flywheel aggregation (pure) ---------------------------------------------------------------

MONDAY = 1_714_348_800.0  # 2024-04-29 00:00 UTC, a Monday (ISO week 2024-W18)


def record(user: str, at: float, outcome: str | None, arm: str | None = None,
           applied: tuple[float, ...] = ()) -> ResponseRecord:
    return ResponseRecord(
        id=f"{user}-{at}", tenant="default", user_id=user, context="*", prefix_hash="h", model="m",
        created_at=at, applied=tuple(BeliefView(f"d{i}", "v", c) for i, c in enumerate(applied)),
        outcome=outcome, arm=arm)


def test_newcombe_interval_matches_the_published_example():
    # Newcombe (1998), Statistics in Medicine 17:873, table II example (a): 56/70 vs 48/80.
    d, lo, hi = difference_ci(56, 70, 48, 80)
    assert d == pytest.approx(0.2) and lo == pytest.approx(0.0524, abs=1e-4) and hi == pytest.approx(0.3339, abs=1e-4)
    assert wilson(0, 10) == (0.0, pytest.approx(0.2775, abs=1e-4))
    assert wilson(0, 0) == (0.0, 1.0)


def test_weeks_start_on_monday_utc():
    assert week_start(MONDAY + 3 * 86_400 + 5) == MONDAY
    assert week_start(MONDAY - 1) == MONDAY - WEEK_S
    assert week_label(MONDAY) == "2024-W18"


def test_alignment_counts_only_responses_with_a_known_outcome():
    records = [record("a", MONDAY + 1, "accepted", applied=(0.8, 0.9)), record("a", MONDAY + 2, "edited"),
               record("b", MONDAY + 3, "kept"), record("b", MONDAY + 4, None),
               record("b", MONDAY + 5, "followed_up", applied=(0.7,))]
    (week,) = flywheel(records, [], since=MONDAY, now=MONDAY + 86_400).weeks
    assert week.responses == 5 and week.active_users == 2 and week.requests_per_active_user == 2.5
    assert week.known_outcomes == 4 and week.aligned_share == 0.5
    assert week.personalised_share == 0.4 and week.beliefs_applied_avg == 0.6
    assert week.avg_confidence == pytest.approx(0.8)


def test_cohorts_retain_users_by_first_seen_week():
    profiles = [UserProfile("default", "a", MONDAY + 10, MONDAY + 10),
                UserProfile("default", "b", MONDAY + 20, MONDAY + 20),
                UserProfile("default", "c", MONDAY + WEEK_S + 1, MONDAY + WEEK_S + 1),
                UserProfile("default", "old", MONDAY - 30 * 86_400, MONDAY)]
    records = [record("a", MONDAY + 10, "accepted"), record("b", MONDAY + 20, "edited"),
               record("a", MONDAY + WEEK_S + 5, "accepted"), record("c", MONDAY + WEEK_S + 1, None),
               record("a", MONDAY + 2 * WEEK_S + 5, None), record("c", MONDAY + 2 * WEEK_S + 9, None),
               record("old", MONDAY + 5, None)]
    report = flywheel(records, profiles, since=MONDAY, now=MONDAY + 2 * WEEK_S + 10)
    assert [w.active_users for w in report.weeks] == [3, 2, 2]
    first, second = report.cohorts
    assert (first.cohort, first.users, first.active, first.retention) == ("2024-W18", 2, [2, 1, 1], [1.0, 0.5, 0.5])
    assert (second.cohort, second.users, second.active) == ("2024-W19", 1, [1, 1])
    assert first.aligned_share == pytest.approx(2 / 3, abs=1e-4)


def test_holdout_lift_compares_arms_with_an_interval():
    records = ([record(f"t{i}", MONDAY + i, "accepted", "treated") for i in range(40)]
               + [record(f"t{i}", MONDAY + 100 + i, "edited", "treated") for i in range(10)]
               + [record(f"h{i}", MONDAY + i, "accepted", "holdout") for i in range(25)]
               + [record(f"h{i}", MONDAY + 100 + i, "regenerated", "holdout") for i in range(25)]
               + [record("x", MONDAY, "edited")])  # no arm: not part of the comparison
    holdout = flywheel(records, [], since=MONDAY, now=MONDAY + 86_400).holdout
    assert (holdout.treated.known_outcomes, holdout.treated.aligned_share) == (50, 0.8)
    assert (holdout.holdout.known_outcomes, holdout.holdout.aligned_share) == (50, 0.5)
    assert holdout.lift == 0.3 and holdout.ci95[0] < 0.3 < holdout.ci95[1]
    assert holdout.significant and holdout.ci95[0] > 0
    empty = flywheel([record("t", MONDAY, "accepted", "treated")], [], since=MONDAY, now=MONDAY + 1).holdout
    assert empty.lift is None and empty.ci95 is None and not empty.significant


# -- the endpoint ------------------------------------------------------------------------------


def users_in(arm: str, count: int) -> list[str]:
    names = (f"person-{i}" for i in range(10_000))
    return [n for n in names if arm_of("default", n, 0.5, "beliefloop-holdout-v1") == arm][:count]


@respx.mock
async def test_flywheel_endpoint_reports_treated_against_holdout(config, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=reply)
    config["flywheel"] = {"holdout_share": 0.5}
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        client = sdk(proxy)
        question = [{"role": "user", "content": "What is TCP?"}]
        for arm, edits in (("treated", False), ("holdout", True)):
            for name in users_in(arm, 3):
                first = await client.chat.completions.create(model="gpt-test", messages=question, user=name)
                kept = SHORTENED if edits else first.choices[0].message.content
                await client.chat.completions.create(model="gpt-test", user=name, messages=question + [
                    {"role": "assistant", "content": kept}, {"role": "user", "content": "thanks"}])
        response = await proxy.get("/admin/metrics/flywheel", params={"since": "7"}, headers=admin_headers())
        assert (await proxy.get("/admin/metrics/flywheel")).status_code == 401
    assert response.status_code == 200, response.text
    report = response.json()
    assert set(report) == {"since", "until", "weeks", "cohorts", "holdout"}
    holdout = report["holdout"]
    assert holdout["share"] == 0.5
    assert holdout["treated"]["users"] == 3 and holdout["treated"]["known_outcomes"] == 3
    assert holdout["treated"]["aligned_share"] == 1.0 and holdout["holdout"]["aligned_share"] == 0.0
    assert holdout["lift"] == 1.0 and holdout["ci95"][0] > 0 and holdout["significant"] is True
    assert sum(w["responses"] for w in report["weeks"]) == 12
    assert sum(c["users"] for c in report["cohorts"]) == 6
    json.dumps(report)


# -- tokens, bounded labels, depths ------------------------------------------------------------

@respx.mock
async def test_tokens_reported_by_the_upstream_and_injected_directives_are_counted(proxy, respx_mock):
    from adapters.budget import count_tokens

    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=reply)  # usage: 3 prompt, 3 completion
    await proxy.put("/admin/users/kim/beliefs/format", headers=admin_headers(),
                    json={"value": "lists", "confidence": 0.95})
    client = sdk(proxy)
    question = [{"role": "user", "content": "What is TCP?"}]
    await client.chat.completions.create(model="gpt-test", messages=question)
    raw = await client.chat.completions.with_raw_response.create(model="gpt-test", messages=question, user="kim")
    assert raw.headers["x-beliefloop-applied"] == "format=lists"

    found = await scrape(proxy)
    assert value(found, "beliefloop_tokens_total", model="gpt-test", tenant="default", kind="prompt") == 6
    assert value(found, "beliefloop_tokens_total", model="gpt-test", tenant="default", kind="completion") == 6
    injected = respx_mock.calls.last.request.content
    system = json.loads(injected)["messages"][0]["content"]
    assert value(found, "beliefloop_injected_tokens_total", model="gpt-test", tenant="default") == count_tokens(system)


@respx.mock
async def test_a_stream_that_reports_usage_is_counted_once_it_ends(proxy, respx_mock):
    from tests.fake_upstream import sse_chunks

    usage = b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-test","choices":[],' \
            b'"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}\n\n'
    events = sse_chunks(["Hello ", "there"])
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(
        200, headers={"content-type": "text/event-stream"}, stream=httpx.ByteStream(
            b"".join(events[:-1]) + usage + events[-1])))
    stream = await sdk(proxy).chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": "hi"}], stream=True,
        stream_options={"include_usage": True})
    [chunk async for chunk in stream]
    found = await scrape(proxy)
    assert value(found, "beliefloop_tokens_total", model="gpt-test", tenant="default", kind="prompt") == 11
    assert value(found, "beliefloop_tokens_total", model="gpt-test", tenant="default", kind="completion") == 7
    assert value(found, "beliefloop_answered_total", arm="none", personalised="false", stream="true") == 1


def test_usage_is_read_off_the_reply_bytes():
    from proxy.gateway.usage import usage_of

    body = json.dumps(completion("text mentioning \"usage\": {\"prompt_tokens\": 999}")).encode()
    assert usage_of(body) == (3, 3)
    assert usage_of(b'{"usage": {"input_tokens": 5, "output_tokens": 9}}') == (5, 9)  # Responses / Anthropic
    assert usage_of(b'data: {"usage":{"prompt_tokens":4,"completion_tokens":2}}\n\ndata: {"usage":null}\n\n') == (4, 2)
    assert usage_of(b'{"choices": []}') is None
    assert usage_of(b'{"usage": null}') is None


def test_model_labels_are_bounded_so_invented_names_cannot_multiply_series():
    from proxy.metrics import ModelLabels

    labels = ModelLabels(known=["claude"], limit=3)
    assert [labels(m) for m in ("a", "b", "c", "a", "claude")] == ["a", "b", "other", "a", "claude"]


def test_write_queue_depth_reads_the_writer_tolerantly():
    from proxy.metrics import write_queue_depth_of

    def app(writer: Any) -> Any:
        return SimpleNamespace(state=SimpleNamespace(runtime=SimpleNamespace(service=SimpleNamespace(writer=writer))))

    assert write_queue_depth_of(app(SimpleNamespace(queue_depth=lambda: 7))) == 7.0
    assert write_queue_depth_of(app(SimpleNamespace(_pending={1, 2}))) == 2.0
    assert write_queue_depth_of(app(SimpleNamespace())) == 0.0
    assert write_queue_depth_of(SimpleNamespace(state=SimpleNamespace())) == 0.0


async def test_queue_and_spool_depth_are_exposed(proxy):
    found = await scrape(proxy)
    assert ("beliefloop_write_queue_depth", ()) in found
    assert ("beliefloop_spool_depth", ()) in found


# -- several workers ---------------------------------------------------------------------------

def test_every_scrape_counts_every_worker(tmp_path):
    from tests.conftest import base_config
    from tests.fake_upstream import FakeUpstream, LiveServer
    from tests.test_production import ServerProcess

    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    (metrics_dir / "beliefloop-999999.json").write_bytes(b'{"pid": 999999, "families": {}, "gauges": {}}')
    fake = FakeUpstream(reply_text="an answer", latency_s=0.05)
    total = 40

    async def load(url: str) -> list[int]:
        async def one(i: int) -> int:
            async with httpx.AsyncClient(timeout=10) as client:  # a fresh connection each
                response = await client.post(f"{url}/v1/chat/completions", json={
                    "model": "gpt-test", "user": f"u{i % 4}", "messages": [{"role": "user", "content": "hi"}]})
                return response.status_code

        statuses = []
        for start in range(0, total, 10):  # ten at a time: both workers get some
            statuses += await asyncio.gather(*(one(i) for i in range(start, start + 10)))
        return statuses

    with LiveServer(fake) as upstream:
        config = base_config(tmp_path)
        config["upstream"].update(base_url=f"{upstream.url}/v1", client="aiohttp")
        server = ServerProcess(tmp_path, config, workers=2, env={"BELIEFLOOP_METRICS_DIR": str(metrics_dir)})
        try:
            assert asyncio.run(load(server.url)) == [200] * total
            time.sleep(1.5)  # each worker shares its counts every second
            snapshots = [json.loads(path.read_text()) for path in metrics_dir.glob("beliefloop-*.json")]
            assert 999999 not in [s["pid"] for s in snapshots]  # an earlier run's file was cleared at start
            served = [s for s in snapshots if any(s["families"]["beliefloop_requests"])]
            assert len(served) == 2, [s["pid"] for s in snapshots]  # both workers served requests
            for _ in range(8):
                found = samples(httpx.get(f"{server.url}/metrics", timeout=10).text)
                assert value(found, "beliefloop_requests_total", route="/v1/chat/completions", model="gpt-test",
                             tenant="default", status="200") == total
                assert value(found, "beliefloop_upstream_seconds_count", model="gpt-test") == total
                assert value(found, "beliefloop_tokens_total", model="gpt-test", tenant="default",
                             kind="completion") == 3 * total
                assert ("beliefloop_spool_depth", ()) in found
                assert ("beliefloop_write_queue_depth", ()) in found
        finally:
            server.stop()


def test_a_scrape_sums_every_workers_snapshot_and_only_live_workers_gauges(tmp_path):
    import os

    from proxy.metrics import ProxyMetrics

    mine = ProxyMetrics(spool_depth=lambda: 1, directory=str(tmp_path))
    mine.request("/v1/chat/completions", "m", "t", 200)
    mine.answered("none", False, False, "m", 0.3, 0.001)

    def other(pid: int, requests: int, spool: float) -> None:
        worker = ProxyMetrics(spool_depth=lambda: spool)
        for _ in range(requests):
            worker.request("/v1/chat/completions", "m", "t", 200)
        worker.answered("none", False, False, "m", 2.0, 0.001)
        snapshot = worker.snapshot()
        snapshot["pid"] = pid
        (tmp_path / f"beliefloop-{pid}.json").write_text(json.dumps(snapshot))

    other(os.getppid(), 3, 5.0)  # alive
    other(2 ** 22 + 12345, 4, 7.0)  # above pid_max: a worker that is gone
    found = samples(mine.render().decode())
    route = dict(route="/v1/chat/completions", model="m", tenant="t", status="200")
    assert value(found, "beliefloop_requests_total", **route) == 1 + 3 + 4  # counts outlive a worker
    assert value(found, "beliefloop_upstream_seconds_count", model="m") == 3
    assert value(found, "beliefloop_upstream_seconds_bucket", model="m", le="0.5") == 1
    assert value(found, "beliefloop_upstream_seconds_bucket", model="m", le="2.5") == 3
    assert value(found, "beliefloop_upstream_seconds_sum", model="m") == pytest.approx(4.3)
    assert value(found, "beliefloop_spool_depth") == 1 + 5  # gauges: live workers only


def test_a_histogram_bound_is_inclusive():
    from proxy.metrics import ProxyMetrics

    metrics = ProxyMetrics()
    metrics.answered("none", False, False, "m", 0.25, 0.0)
    found = samples(metrics.render().decode())
    assert value(found, "beliefloop_upstream_seconds_bucket", model="m", le="0.1") == 0
    assert value(found, "beliefloop_upstream_seconds_bucket", model="m", le="0.25") == 1
    assert value(found, "beliefloop_proxy_overhead_seconds_bucket", le="0.0005") == 1
