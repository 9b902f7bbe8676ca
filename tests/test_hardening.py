"""Hardening: what an adversarial pass found, each with a test over real sockets where the defect
was about sockets (issue 17)."""

from __future__ import annotations

import select
import socket
import time
from urllib.parse import quote

import httpx
import pytest

from proxy import create_app, settings_from_dict
from tests.conftest import ADMIN_KEY
from tests.fake_upstream import LiveServer


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


# -- 3. user ids with "/" and other characters work in every admin and page route -------------------

ODD_IDS = ["team/alice", "100%", "first last", "zoë/ünï", "a%2Fb"]
