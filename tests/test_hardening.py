"""Hardening: what an adversarial pass found, each with a test over real sockets where the defect
was about sockets (issue 17)."""

from __future__ import annotations

import html
import json
import select
import socket
import time
from urllib.parse import quote

import httpx
import pytest
import respx

from proxy import create_app, settings_from_dict
from tests.conftest import ADMIN_KEY, UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import FakeUpstream, LiveServer, completion


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def _send_headers(port: int, request_line: str, headers: dict[str, str]) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    head = request_line + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    sock.sendall(head.encode("latin-1"))
    return sock


def _answer(sock: socket.socket, timeout_s: float) -> bytes:
    sock.settimeout(timeout_s)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def _declared_body(port: int, method: str, path: str, size: int, **headers: str) -> tuple[int, float]:
    """Declare a ``size``-byte body, send 1 KiB of it, and return the status and how long the
    answer took (the rest of the body is never sent)."""
    started = time.perf_counter()
    sock = _send_headers(port, f"{method} {path} HTTP/1.1", {
        "host": "127.0.0.1", "content-type": "application/json", "content-length": str(size), **headers})
    try:
        sock.sendall(b"{" + b" " * 1023)
        answer = _answer(sock, 5.0)
    finally:
        sock.close()
    return _status(answer), time.perf_counter() - started


def _chunked_until_answered(port: int, method: str, path: str, **headers: str) -> tuple[int, int]:
    """Stream a chunked body until the server answers; returns the status and the bytes sent."""
    sock = _send_headers(port, f"{method} {path} HTTP/1.1", {
        "host": "127.0.0.1", "content-type": "application/json", "transfer-encoding": "chunked", **headers})
    piece = b" " * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    sent = 0
    try:
        sock.sendall(b"1\r\n{\r\n")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            readable, writable, _ = select.select([sock], [sock], [], 1.0)
            if readable:
                return _status(_answer(sock, 5.0)), sent
            if writable:
                try:
                    sock.send(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    return _status(_answer(sock, 5.0)), sent
                sent += len(piece)
        raise AssertionError(f"no answer after {sent} bytes")
    finally:
        sock.close()


@pytest.fixture
def live(config):
    config["auth"] = {"development_mode": False, "keys": [{"key": "bl-client-key-0123456789", "tenant": "default"}]}
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    with LiveServer(app) as server:
        yield server


# -- 1. bodies are refused before they are read ----------------------------------------------------

def test_oversized_feedback_body_is_refused_from_its_declared_length_without_reading_it(live):
    status, took = _declared_body(live.port, "POST", "/v1/feedback", 300_000_000,
                                  authorization="Bearer bl-client-key-0123456789")
    assert status == 413 and took < 2.0


def test_unauthenticated_writes_are_refused_before_their_body_is_read(live):
    admin_status, admin_took = _declared_body(live.port, "PUT", "/admin/users/u/beliefs/length", 150_000_000)
    feedback_status, feedback_took = _declared_body(live.port, "POST", "/v1/feedback", 150_000_000)
    assert (admin_status, feedback_status) == (401, 401)
    assert admin_took < 2.0 and feedback_took < 2.0


def test_me_api_bodies_are_bounded_like_every_control_route(live):
    status, took = _declared_body(live.port, "PUT", "/v1/me/beliefs/length", 150_000_000,
                                  authorization="Bearer not-a-real-token")
    assert status == 413 and took < 2.0


def test_a_chunked_body_is_cut_at_the_limit(live):
    status, sent = _chunked_until_answered(live.port, "PUT", "/admin/users/u/beliefs/length",
                                           authorization=f"Bearer {ADMIN_KEY}")
    assert status == 413
    assert sent < 16 * 1024 * 1024  # 64 KiB limit; the rest is what socket buffers took before the answer


def test_chat_bodies_keep_their_larger_limit(live):
    body = b'{"padding": "' + b"x" * 2_000_000 + b'"}'
    answer = httpx.post(f"{live.url}/v1/chat/completions", content=body, timeout=10,
                        headers={"authorization": "Bearer bl-client-key-0123456789",
                                 "content-type": "application/json"})
    # 2 MB is within max_body_bytes (10 MiB): read, and answered on its merits (no model named)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "missing_model"


# -- 2. abandoned requests free the upstream ------------------------------------------------------

@pytest.mark.parametrize("stream", [False, True])
def test_a_client_that_gives_up_cancels_its_upstream_call(tmp_path, config, stream):
    """Before: with ``max_connections: 2``, two abandoned calls held both upstream connections for
    ``timeout_s`` and the next request failed. Now the upstream sees the hang-up at once, the
    next request is answered, and the abandoned reply is recorded as incomplete."""
    fake = FakeUpstream(reply_text="fine", latencies=[30.0, 30.0])
    with LiveServer(fake) as upstream:
        config["upstream"] = {**config["upstream"], "base_url": upstream.url + "/v1", "client": "aiohttp",
                              "max_connections": 2, "timeout_s": 60, "retries": 0}
        app = create_app(settings_from_dict(config, environ={}), watch=False)
        with LiveServer(app) as server:
            body = {"model": "gpt-test", "user": "quitter", "stream": stream,
                    "messages": [{"role": "user", "content": "take your time"}]}
            payload = json.dumps(body).encode()
            for sent in (1, 2):  # hang up once the upstream is working on the request
                sock = _send_headers(server.port, "POST /v1/chat/completions HTTP/1.1", {
                    "host": "127.0.0.1", "content-type": "application/json", "content-length": str(len(payload))})
                sock.sendall(payload)
                deadline = time.monotonic() + 20
                while len(fake.calls) < sent and time.monotonic() < deadline:
                    time.sleep(0.02)
                sock.close()
            deadline = time.monotonic() + 10
            while fake.abandoned < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert fake.abandoned == 2  # the upstream saw both hang-ups (was: none, for 60 s)
            started = time.monotonic()
            answered = httpx.post(server.url + "/v1/chat/completions", timeout=10,
                                  json={**body, "stream": False, "user": "next"})
            assert answered.status_code == 200 and time.monotonic() - started < 10  # was: pool full for 60 s
            state = app.state.runtime.service.cache.cached(("default", "quitter"))
            assert state is not None and len(state.recent) == 2
            assert all(not record.complete and record.text == "" for record in state.recent.values())


# -- 3. user ids with "/" and other characters work in every admin and page route -------------------

ODD_IDS = ["team/alice", "100%", "first last", "zoë/ünï", "a%2Fb"]


@pytest.mark.parametrize("user_id", ODD_IDS)
@respx.mock
async def test_every_admin_and_page_route_works_for_ids_chat_accepts(respx_mock, config, user_id):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(200, json=completion("hi")))
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    segment = quote(user_id, safe="")
    async with running(app) as proxy:
        await sdk(proxy).chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}],
                                                 user=user_id)
        put = await proxy.put(f"/admin/users/{segment}/beliefs/length", headers=admin_headers(),
                              json={"value": "concise"})
        assert put.status_code == 200 and put.json()["user_id"] == user_id
        beliefs = await proxy.get(f"/admin/users/{segment}/beliefs", headers=admin_headers())
        assert [b["value"] for b in beliefs.json()["beliefs"]] == ["concise"]
        observations = await proxy.get(f"/admin/users/{segment}/observations", headers=admin_headers())
        assert observations.status_code == 200 and observations.json()["user_id"] == user_id
        exported = await proxy.get(f"/admin/users/{segment}/export", headers=admin_headers())
        assert exported.json()["profile"]["user_id"] == user_id
        page = await proxy.get(f"/dashboard/users/{segment}", headers=admin_headers())
        assert page.status_code == 200 and html.escape(user_id) in page.text
        overview = await proxy.get("/dashboard", headers=admin_headers())
        assert f"/dashboard/users/{segment}" in overview.text
        link = await proxy.post(f"/admin/users/{segment}/preferences-link", headers=admin_headers())
        me = await proxy.get("/v1/me", headers={"authorization": f"Bearer {link.json()['token']}"})
        assert link.json()["user_id"] == user_id and me.json()["user_id"] == user_id
        forgot = await proxy.delete(f"/admin/users/{segment}/beliefs/length", headers=admin_headers())
        assert forgot.status_code == 200
        opted = await proxy.put(f"/admin/users/{segment}/opt-out", headers=admin_headers(), json={"opted_out": True})
        assert opted.json() == {"user_id": user_id, "opted_out": True}
        deleted = await proxy.delete(f"/admin/users/{segment}", headers=admin_headers())
        assert deleted.json()["user_id"] == user_id and deleted.json()["rows_removed"] >= 1
        gone = await proxy.get(f"/admin/users/{segment}/export", headers=admin_headers())
        assert gone.json()["profile"] is None


async def test_another_user_is_never_reached_through_an_encoded_slash(config):
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as proxy:
        await proxy.put("/admin/users/team/beliefs/length", headers=admin_headers(), json={"value": "detailed"})
        await proxy.put(f"/admin/users/{quote('team/x', safe='')}/beliefs/length", headers=admin_headers(),
                        json={"value": "concise"})
        team = (await proxy.get("/admin/users/team/beliefs", headers=admin_headers())).json()
    assert [b["value"] for b in team["beliefs"]] == ["detailed"]


# -- 7. forms posted from another site change nothing ----------------------------------------------

@pytest.mark.parametrize("headers", [{"origin": "https://evil.example"},
                                     {"sec-fetch-site": "cross-site", "origin": "https://evil.example"},
                                     {"origin": "null"}])
async def test_a_cross_site_login_sets_no_session(config, headers):
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as proxy:
        answer = await proxy.post("/dashboard/login", data={"key": ADMIN_KEY}, headers=headers)
    assert answer.status_code == 403 and "set-cookie" not in answer.headers


async def test_a_same_origin_login_still_works(config):
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as proxy:
        same = await proxy.post("/dashboard/login", data={"key": ADMIN_KEY},
                                headers={"origin": "http://beliefloop.test", "sec-fetch-site": "same-origin"})
        plain = await proxy.post("/dashboard/login", data={"key": ADMIN_KEY})  # curl: no browser headers
    assert same.status_code == 303 and "beliefloop_dashboard=" in same.headers["set-cookie"]
    assert plain.status_code == 303


async def test_a_cross_site_post_to_the_preferences_page_changes_nothing(config):
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as proxy:
        link = (await proxy.post("/admin/users/pia/preferences-link", headers=admin_headers())).json()
        forged = await proxy.post("/me/opt-out", data={"token": link["token"]},
                                  headers={"origin": "https://evil.example"})
        me = (await proxy.get("/v1/me", headers={"authorization": f"Bearer {link['token']}"})).json()
        own = await proxy.post("/me/opt-out", data={"token": link["token"]},
                               headers={"origin": "http://beliefloop.test"})
        after = (await proxy.get("/v1/me", headers={"authorization": f"Bearer {link['token']}"})).json()
    assert forged.status_code == 403 and me["opted_out"] is False
    assert own.status_code == 303 and after["opted_out"] is True


# -- 9. small ones ------------------------------------------------------------------------------------

@pytest.mark.parametrize("upstream, status", [
    (httpx.Response(500, json={"error": {"message": "boom"}}), 502),
    (httpx.Response(429, json={"error": {"message": "slow down"}}, headers={"retry-after": "3"}), 429),
    (httpx.ReadTimeout("upstream too slow"), 504),
])
async def test_failed_answers_carry_a_response_id_too(respx_mock, proxy, upstream, status):
    route = respx_mock.post(f"{UPSTREAM}/chat/completions")
    if isinstance(upstream, Exception):
        route.mock(side_effect=upstream)
    else:
        route.mock(return_value=upstream)
    answered = await proxy.post("/v1/chat/completions", json={
        "model": "gpt-test", "user": "errs", "messages": [{"role": "user", "content": "hi"}]})
    assert answered.status_code == status
    assert answered.headers["x-beliefloop-response-id"].startswith("blr_")


async def test_operator_endpoints_need_a_key_outside_development_mode(config):
    config["auth"] = {"development_mode": False, "keys": [{"key": "bl-client-key-0123456789", "tenant": "default"}]}
    config["operations"] = {"scrape_key": "scrape-0123456789"}
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as client:
        for path in ("/metrics", "/openapi.json", "/docs"):
            refused = await client.get(path)
            assert refused.status_code == 401, path
            assert refused.json()["error"]["type"] == "invalid_request_error" or refused.json()["error"]
            client_key = await client.get(path, headers={"authorization": "Bearer bl-client-key-0123456789"})
            assert client_key.status_code == 401, path  # a client key is not an operator's
            assert (await client.get(path, headers=admin_headers())).status_code == 200, path
        scraped = await client.get("/metrics", headers={"authorization": "Bearer scrape-0123456789"})
        assert scraped.status_code == 200 and "beliefloop_requests_total" in scraped.text
        assert (await client.get("/healthz")).status_code == 200  # probes stay open
        assert (await client.get("/readyz")).status_code == 200


@pytest.mark.parametrize("mode, open_", [("auto", True), ("protected", False)])
async def test_operator_endpoints_in_development_mode(config, mode, open_):
    config["operations"] = {"endpoints": mode}
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as client:
        assert ((await client.get("/metrics")).status_code == 200) is open_
