"""The holdout: a stable, hash-assigned share of users is observed but never personalised."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import httpx
import respx

from beliefs.memory.sql_store import SqlStore
from proxy import create_app, settings_from_dict
from proxy.gateway.holdout import arm_of, bucket
from tests.conftest import ROOT, UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion
from tests.test_learning_loop import LONG_REPLY, SHORTENED

LONG = LONG_REPLY
SHORT = SHORTENED


def test_assignment_is_the_same_in_every_process():
    users = [f"user-{i}" for i in range(50)]
    here = [bucket("default", u, "salt") for u in users]
    code = ("import json, sys; from proxy.gateway.holdout import bucket; "
            "print(json.dumps([bucket('default', u, 'salt') for u in json.loads(sys.argv[1])]))")
    for seed in ("1", "2"):  # Python's own hash() would differ between these
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code, json.dumps(users)], capture_output=True,
                             text=True, check=True, cwd=ROOT, env=env).stdout
        assert json.loads(out) == here


def test_share_of_users_in_the_holdout_follows_the_setting():
    arms = [arm_of("default", f"user-{i}", 0.2) for i in range(20_000)]
    assert 0.19 < arms.count("holdout") / len(arms) < 0.21
    assert all(arm_of("default", f"user-{i}", 0.0) == "treated" for i in range(1000))
    assert all(arm_of("default", f"user-{i}", 1.0) == "holdout" for i in range(1000))


def test_raising_the_share_only_moves_treated_users_into_the_holdout():
    users = [f"user-{i}" for i in range(2000)]
    small = {u for u in users if arm_of("default", u, 0.1) == "holdout"}
    large = {u for u in users if arm_of("default", u, 0.3) == "holdout"}
    assert small < large


def test_salt_and_tenant_change_the_assignment():
    users = [f"user-{i}" for i in range(200)]
    base = [bucket("default", u) for u in users]
    assert base != [bucket("default", u, "other-salt") for u in users]
    assert base != [bucket("acme", u) for u in users]
    assert all(0.0 <= b < 1.0 for b in base)


class Upstream:
    def __init__(self, router: respx.MockRouter) -> None:
        self.received: list[dict[str, Any]] = []
        router.post(f"{UPSTREAM}/chat/completions").mock(side_effect=self)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.received.append(json.loads(request.content))
        return httpx.Response(200, json=completion(f"{LONG} ({len(self.received)})"))


async def _conversation(client, user: str) -> list[str]:
    """Three edits that shorten the reply, then one more request; returns the applied headers."""
    messages = [{"role": "user", "content": "What is TCP?"}]
    applied = []
    for turn in range(4):
        raw = await client.chat.completions.with_raw_response.create(model="gpt-test", messages=messages, user=user)
        applied.append(raw.headers["x-beliefloop-applied"])
        messages = messages + [{"role": "assistant", "content": f"{SHORT} ({turn})"},
                               {"role": "user", "content": f"And question {turn}?"}]
    return applied


@respx.mock
async def test_holdout_user_is_observed_but_never_personalised(respx_mock, config):
    upstream = Upstream(respx_mock)
    config["flywheel"] = {"holdout_share": 1.0}
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await proxy.put("/admin/users/hana/beliefs/format", headers=admin_headers(),
                        json={"value": "lists", "confidence": 0.95})
        applied = await _conversation(sdk(proxy), "hana")
        assert applied == ["", "", "", ""]
        assert all(body["messages"][0]["role"] == "user" for body in upstream.received)
        observations = (await proxy.get("/admin/users/hana/observations", headers=admin_headers())).json()
        assert [o["kind"] for o in observations["observations"]].count("edit") == 3
        beliefs = (await proxy.get("/admin/users/hana/beliefs", headers=admin_headers())).json()["beliefs"]
        assert next(b for b in beliefs if b["dimension"] == "length")["value"] == "concise"
    store = SqlStore.from_url(config["database_url"])
    try:
        records = store.response_outcomes("default", 0.0)
    finally:
        store.close()
    assert len(records) == 4 and {r.arm for r in records} == {"holdout"}
    assert all(not r.applied for r in records)


@respx.mock
async def test_treated_user_record_keeps_the_client_messages_before_injection(respx_mock, config):
    upstream = Upstream(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        applied = await _conversation(sdk(proxy), "ivo")
        assert "length=concise" in applied[3]
        assert upstream.received[3]["messages"][0]["role"] == "system"  # injected upstream...
        raw = await sdk(proxy).chat.completions.with_raw_response.create(
            model="gpt-test", messages=[{"role": "user", "content": "Hi"}], user="ivo")
        last_id = raw.headers["x-beliefloop-response-id"]
        service = app.state.runtime.service
        await service.flush()
        record = await service.writer.read(service.store.get_response, "default", last_id)
        kept = await service.writer.read(service.store.conversations_of, [last_id])
    assert kept == {last_id: [{"role": "user", "content": "Hi"}]} and record.arm == "treated"  # ...not stored
    assert record.applied and record.directives
