"""Logs an operator can use: JSON lines from every logger of a real server process, a request id on
every response and every request-scoped line, one line per upstream failure and per client
disconnect, and never a word of a request or a reply."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path

import httpx
import pytest
import respx

from proxy import create_app, settings_from_dict
from proxy.logs import REQUEST_ID, JsonFormatter, TextFormatter, format_from, logging_config, stamp_records
from tests.conftest import UPSTREAM, admin_headers, base_config, running, sdk
from tests.fake_upstream import FakeUpstream, LiveServer, completion
from tests.test_production import ServerProcess

SECRET_PROMPT = "my-private-question-7f3a"
SECRET_REPLY = "the-private-answer-91c2"


def record(message: str, *args: object, name: str = "beliefloop.test", **fields: object) -> logging.LogRecord:
    made = logging.LogRecord(name, logging.WARNING, __file__, 1, message, args, None)
    if fields:
        made.fields = fields  # type: ignore[attr-defined]
    return made


# -- formatters (pure) -----------------------------------------------------------------------------

def test_a_json_line_has_time_level_logger_message_and_the_request_id():
    token = REQUEST_ID.set("req-42")
    try:
        line = json.loads(JsonFormatter().format(record("upstream error %d", 502, status=502, code="x")))
    finally:
        REQUEST_ID.reset(token)
    assert line["level"] == "warning" and line["logger"] == "beliefloop.test"
    assert line["message"] == "upstream error 502" and line["request_id"] == "req-42"
    assert line["status"] == 502 and line["code"] == "x"
    assert line["time"].endswith("Z") and "T" in line["time"]


def test_a_line_outside_a_request_has_no_request_id():
    assert "request_id" not in json.loads(JsonFormatter().format(record("startup")))


def test_a_json_line_keeps_a_traceback_inside_the_object():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        made = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = json.loads(JsonFormatter().format(made))
    assert "ValueError: boom" in line["exception"]


def test_access_lines_drop_the_query_string_which_may_hold_a_link_token():
    access = record('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", "/me?token=eyJsecret", "1.1", 200,
                    name="uvicorn.access")
    line = json.loads(JsonFormatter().format(access))
    assert line["path"] == "/me" and line["status"] == 200 and "eyJsecret" not in json.dumps(line)
    assert "eyJsecret" not in TextFormatter().format(access)


def test_text_lines_append_fields_and_the_request_id():
    token = REQUEST_ID.set("req-7")
    try:
        text = TextFormatter().format(record("upstream timeout", code="upstream_timeout"))
    finally:
        REQUEST_ID.reset(token)
    assert text.endswith("upstream timeout code=upstream_timeout request_id=req-7")


def test_the_environment_chooses_the_format_over_the_config():
    assert format_from("json", {}) == "json"
    assert format_from("json", {"BELIEFLOOP_LOG_FORMAT": "text"}) == "text"
    assert format_from(None, {}) == "text"
    with pytest.raises(ValueError):
        format_from(None, {"BELIEFLOOP_LOG_FORMAT": "xml"})


def test_every_logger_propagates_to_the_one_handler_and_noisy_ones_are_quiet():
    config = logging_config("json")
    assert config["root"]["handlers"] == ["stderr"]
    assert config["loggers"]["uvicorn.access"] == {"handlers": [], "propagate": True}
    assert config["loggers"]["alembic.runtime.plugins"] == {"level": "WARNING"}


# -- request ids (in process) ----------------------------------------------------------------------

@respx.mock
async def test_every_response_carries_a_request_id_taken_from_the_client_or_generated(proxy, respx_mock):
    respx_mock.post(f"{UPSTREAM}/chat/completions").mock(return_value=httpx.Response(200, json=completion("hi")))
    mine = {"x-request-id": "client-req.1"}
    assert (await proxy.get("/healthz", headers=mine)).headers["x-request-id"] == "client-req.1"
    generated = (await proxy.get("/healthz")).headers["x-request-id"]
    assert len(generated) == 32 and generated != (await proxy.get("/healthz")).headers["x-request-id"]
    assert (await proxy.get("/nowhere", headers=mine)).headers["x-request-id"] == "client-req.1"  # 404
    assert (await proxy.get("/admin/users/u/beliefs", headers=admin_headers())).headers["x-request-id"]
    # the hot path stamps its own responses: success, stream and error
    chat = {"model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]}
    assert (await proxy.post("/v1/chat/completions", json=chat, headers=mine)).headers["x-request-id"] == "client-req.1"
    bad = await proxy.post("/v1/chat/completions", content=b"{nope", headers=mine)
    assert bad.status_code == 400 and bad.headers["x-request-id"] == "client-req.1"
    raw = await sdk(proxy).chat.completions.with_raw_response.create(**chat)
    assert raw.request_id == raw.headers["x-request-id"]


async def test_an_unsafe_incoming_request_id_is_replaced(proxy):
    response = await proxy.get("/healthz", headers={"x-request-id": "bad id with spaces\t"})
    assert response.headers["x-request-id"] != "bad id with spaces\t"
    assert len(response.headers["x-request-id"]) == 32
    too_long = "a" * 129
    assert (await proxy.get("/healthz", headers={"x-request-id": too_long})).headers["x-request-id"] != too_long


async def test_an_unexpected_error_is_a_500_with_the_request_id_and_a_line_naming_it(config, caplog):
    stamp_records()  # as `beliefloop serve` does: records keep their request id when formatted later
    app = create_app(settings_from_dict(config), watch=False)

    async def explode() -> None:
        raise RuntimeError("bug")

    app.add_api_route("/explode", explode)
    async with app.router.lifespan_context(app):
        # as a server would: the 500 is sent, then the error goes on up (uvicorn logs it too)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://beliefloop.test") as client:
            with caplog.at_level(logging.ERROR):
                response = await client.get("/explode", headers={"x-request-id": "r-500"})
    assert response.status_code == 500 and response.headers["x-request-id"] == "r-500"
    assert response.json()["error"]["code"] == "internal_error"
    line = json.loads(JsonFormatter().format(next(r for r in caplog.records if r.getMessage() == "unhandled error")))
    assert line["request_id"] == "r-500"


# -- a real server process -------------------------------------------------------------------------

def json_lines(path: Path) -> list[dict]:
    lines = [line for line in path.read_text().splitlines() if line.strip()]
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError:
            pytest.fail(f"not a JSON line: {line!r}")
    for entry in parsed:
        assert {"time", "level", "logger", "message"} <= entry.keys(), entry
    return parsed


def wait_for(predicate, timeout_s: float = 10.0) -> None:
    deadline = time.time() + timeout_s
    while not predicate():
        if time.time() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.05)


@pytest.mark.parametrize("switch", ["environment", "config"])
def test_a_json_server_writes_only_json_lines_with_request_ids_and_no_texts(tmp_path, switch):
    fake = FakeUpstream(reply_text=f"{SECRET_REPLY} " + " ".join(f"w{i}" for i in range(30)), chunks=15,
                        delay_s=0.1)
    with LiveServer(fake) as upstream:
        config = base_config(tmp_path)
        config["upstream"].update(base_url=f"{upstream.url}/v1", client="aiohttp", retries=0)
        env = {"BELIEFLOOP_LOG_FORMAT": "json"} if switch == "environment" else {}
        if switch == "config":
            config["logging"] = {"format": "json"}
        server = ServerProcess(tmp_path, config, log_level="info", args=("--access-log",), env=env)
        try:
            chat = {"model": "gpt-test", "user": "ana", "messages": [{"role": "user", "content": SECRET_PROMPT}]}
            ok = httpx.post(f"{server.url}/v1/chat/completions", json=chat, headers={"x-request-id": "req-ok"},
                            timeout=10)
            assert ok.status_code == 200 and ok.headers["x-request-id"] == "req-ok"
            # an upstream that says 503, then one that says 400
            fake.fail_status = 503
            failed = httpx.post(f"{server.url}/v1/chat/completions", json=chat,
                                headers={"x-request-id": "req-503"}, timeout=10)
            assert failed.status_code == 502
            fake.fail_status, fake.fail_body = 400, (b'{"error": {"message": "' + SECRET_PROMPT.encode()
                                                     + b' is invalid", "type": "invalid_request_error", '
                                                       b'"code": "bad_value"}}')
            rejected = httpx.post(f"{server.url}/v1/chat/completions", json=chat,
                                  headers={"x-request-id": "req-400"}, timeout=10)
            assert rejected.status_code == 400
            fake.fail_status = None
            # a client that leaves mid-stream
            with httpx.Client(timeout=10) as client:
                with client.stream("POST", f"{server.url}/v1/chat/completions", json={**chat, "stream": True},
                                   headers={"x-request-id": "req-gone"}) as response:
                    next(response.iter_raw())
            wait_for(lambda: fake.disconnects == 1)
            wait_for(lambda: "client_disconnect" in server.log_path.read_text())
        finally:
            assert server.stop() in (0, -15)

    lines = json_lines(server.log_path)
    text = server.log_path.read_text()
    assert SECRET_PROMPT not in text and SECRET_REPLY not in text
    assert not [line for line in lines if "setup plugin" in line["message"]]
    loggers = {line["logger"] for line in lines}
    assert {"uvicorn.error", "uvicorn.access", "alembic.runtime.migration", "beliefloop.proxy"} <= loggers

    def about(request_id: str) -> list[dict]:
        return [line for line in lines if line.get("request_id") == request_id]

    assert [line["status"] for line in about("req-ok") if line["logger"] == "uvicorn.access"] == [200]
    (error,) = [line for line in about("req-503") if line["logger"] == "beliefloop.gateway"]
    assert (error["event"], error["status"], error["code"]) == ("upstream_error", 502, "upstream_error")
    (rejection,) = [line for line in about("req-400") if line["logger"] == "beliefloop.gateway"]
    assert (rejection["status"], rejection["upstream_code"], rejection["upstream_type"]) == (
        400, "bad_value", "invalid_request_error")
    (gone,) = [line for line in about("req-gone") if line["logger"] == "beliefloop.gateway"]
    assert gone["event"] == "client_disconnect" and gone["model"] == "gpt-test"
    startup = [line for line in lines if "request_id" not in line]
    assert any(line["message"].startswith("Uvicorn running on") for line in startup)


def test_an_upstream_timeout_is_one_line(tmp_path):
    fake = FakeUpstream(latency_s=2.0)
    with LiveServer(fake) as upstream:
        config = base_config(tmp_path)
        config["upstream"].update(base_url=f"{upstream.url}/v1", client="aiohttp", timeout_s=0.3)
        server = ServerProcess(tmp_path, config, log_level="info", env={"BELIEFLOOP_LOG_FORMAT": "json"})
        try:
            response = httpx.post(f"{server.url}/v1/chat/completions", timeout=10, headers={"x-request-id": "slow"},
                                  json={"model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]})
            assert response.status_code == 504
            wait_for(lambda: "upstream_timeout" in server.log_path.read_text())
        finally:
            server.stop()
    (line,) = [line for line in json_lines(server.log_path) if line.get("event") == "upstream_timeout"]
    assert line["request_id"] == "slow" and line["status"] == 504 and line["level"] == "warning"


def test_a_bad_config_is_reported_as_a_json_line(tmp_path):
    config = base_config(tmp_path)
    config["injection"] = {"mode": "sideways"}
    server_log = tmp_path / "server.log"
    with pytest.raises(RuntimeError):
        ServerProcess(tmp_path, config, env={"BELIEFLOOP_LOG_FORMAT": "json"})
    (line,) = json_lines(server_log)
    assert line["level"] == "error" and "injection.mode" in line["message"]


def test_retries_log_each_failed_attempt(config, caplog):
    config["upstream"]["retries"] = 2
    config["upstream"]["retry_backoff_s"] = 0.0

    async def go() -> int:
        with respx.mock() as mock:
            mock.post(f"{UPSTREAM}/chat/completions").mock(side_effect=httpx.ConnectError("refused"))
            app = create_app(settings_from_dict(config), watch=False)
            async with running(app) as client:
                response = await client.post("/v1/chat/completions", json={
                    "model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]})
                return response.status_code

    with caplog.at_level(logging.WARNING, logger="beliefloop.gateway"):
        assert asyncio.run(go()) == 502
    lines = [r for r in caplog.records if r.name == "beliefloop.gateway"]
    assert [r.fields.get("attempt") for r in lines] == [1, 2, None]  # type: ignore[attr-defined]
