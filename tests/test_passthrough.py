"""Everything else under /v1 passes through unchanged and streamed; Azure paths reach the chat door.

Real sockets both ways (beliefloop under uvicorn, a loopback upstream), with both upstream clients.
"""

from __future__ import annotations

import io
import socket
import time

import httpx
import openai
import pytest

from proxy import create_app, settings_from_dict
from tests.conftest import ADMIN_KEY
from tests.fake_upstream import FakeUpstream, LiveServer

CLIENT_KEY = "sk-beliefloop-client-0001"
NARROW_KEY = "sk-beliefloop-narrow-0002"


@pytest.fixture(params=["aiohttp", "httpx"])
def live(config, request):
    upstream = FakeUpstream(reply_text="Hello there.", delay_s=0.2)
    with LiveServer(upstream) as upstream_server:
        config["upstream"].update(base_url=f"{upstream_server.url}/v1", client=request.param)
        config["model_list"] = [{"model_name": "claude", "litellm_params": {"model": "anthropic/claude-3-haiku"}}]
        config["auth"] = {"development_mode": False, "keys": [
            {"key": CLIENT_KEY, "tenant": "acme"},
            {"key": NARROW_KEY, "tenant": "acme", "models": ["text-embedding-3-small"]}]}
        app = create_app(settings_from_dict(config, environ={}), watch=False)
        with LiveServer(app) as proxy_server:
            yield upstream, proxy_server


def client(proxy_server: LiveServer, key: str = CLIENT_KEY) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{proxy_server.url}/v1", api_key=key, max_retries=0)


def test_embeddings_pass_through_byte_for_byte(live):
    upstream, proxy_server = live
    result = client(proxy_server).embeddings.create(model="text-embedding-3-small", input="hello")
    assert result.data[0].embedding == [0.25, -0.5, 1.0]
    sent = b'{"model":"text-embedding-3-small","input":["a","b"],"encoding_format":"float","x_vendor":1}'
    response = httpx.post(f"{proxy_server.url}/v1/embeddings?trace=1", content=sent,
                          headers={"authorization": f"Bearer {CLIENT_KEY}", "content-type": "application/json"})
    call = upstream.calls[-1]
    assert response.status_code == 200 and call.body == sent and call.query == "trace=1"
    assert call.headers["authorization"] == "Bearer sk-upstream"  # the client's key never goes upstream


def test_models_retrieve_goes_upstream_or_answers_a_model_list_route(live):
    upstream, proxy_server = live
    sdk = client(proxy_server)
    assert sdk.models.retrieve("claude").id == "claude"
    sdk.models.retrieve("gpt-test")
    assert upstream.calls[-1].method == "GET" and upstream.calls[-1].path == "/v1/models/gpt-test"


def test_uploads_larger_than_a_chat_body_pass_through(live):
    upstream, proxy_server = live
    payload = b"x" * (11 * 1024 * 1024)  # over max_body_bytes (10 MiB), under the pass-through limit
    client(proxy_server).files.create(file=("big.jsonl", io.BytesIO(payload)), purpose="batch")
    call = upstream.calls[-1]
    assert (call.method, call.path) == ("POST", "/v1/files") and payload in call.body


def test_file_upload_streams_multipart_unchanged(live):
    upstream, proxy_server = live
    payload = b'{"custom_id": "1"}\n' * 5000
    client(proxy_server).files.create(file=("batch.jsonl", io.BytesIO(payload)), purpose="batch")
    call = upstream.calls[-1]
    assert (call.method, call.path) == ("POST", "/v1/files")
    assert call.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert payload in call.body


def test_binary_reply_streams_as_it_arrives(live):
    upstream, proxy_server = live
    arrivals, start = [], time.perf_counter()
    with httpx.stream("POST", f"{proxy_server.url}/v1/audio/speech", headers={"authorization": f"Bearer {CLIENT_KEY}"},
                      json={"model": "tts-1", "input": "hi", "voice": "alloy"}) as response:
        assert response.headers["content-type"] == "audio/mpeg"
        assert response.headers["x-request-id"] == "req_audio"
        body = b""
        for chunk in response.iter_raw():
            arrivals.append(time.perf_counter() - start)
            body += chunk
    assert body == b"ID3" + b"\x00" * 1000 + b"\xff\xfb"
    assert arrivals[-1] - arrivals[0] > 0.3  # three pieces 0.2 s apart, not buffered into one


def test_upstream_errors_pass_through_unchanged(live):
    _, proxy_server = live
    with pytest.raises(openai.NotFoundError) as raised:
        client(proxy_server).files.retrieve("missing")
    assert raised.value.body == {"message": "No such file", "type": "invalid_request_error", "param": None,
                                 "code": "not_found"}


def test_pass_through_is_authenticated_like_chat(live):
    upstream, proxy_server = live
    before = len(upstream.calls)
    with pytest.raises(openai.AuthenticationError):
        client(proxy_server, key="sk-unknown-key-000000").embeddings.create(model="text-embedding-3-small", input="x")
    assert len(upstream.calls) == before


def test_a_key_bound_to_models_may_only_name_those(live):
    _, proxy_server = live
    narrow = client(proxy_server, key=NARROW_KEY)
    assert narrow.embeddings.create(model="text-embedding-3-small", input="x").data
    with pytest.raises(openai.PermissionDeniedError):
        narrow.embeddings.create(model="text-embedding-3-large", input="x")
    with pytest.raises(openai.PermissionDeniedError):
        narrow.models.retrieve("gpt-test")


def test_oversized_declared_body_is_refused_before_reading(live, config):
    upstream, proxy_server = live
    before = len(upstream.calls)
    with socket.create_connection(("127.0.0.1", proxy_server.port), timeout=10) as sock:
        sock.sendall(f"POST /v1/files HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {CLIENT_KEY}\r\n"
                     f"content-length: {600 * 1024 * 1024}\r\n\r\n".encode())  # and not one byte of it
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413") and b"request_too_large" in answer
    assert len(upstream.calls) == before


def test_azure_deployment_path_is_personalised_like_chat(live):
    upstream, proxy_server = live
    httpx.put(f"{proxy_server.url}/admin/users/zed/beliefs/emoji", json={"value": "avoid", "confidence": 0.95},
              headers={"authorization": f"Bearer {ADMIN_KEY}", "x-beliefloop-tenant": "acme"}).raise_for_status()
    azure = openai.AzureOpenAI(azure_endpoint=proxy_server.url, api_key=CLIENT_KEY, api_version="2024-10-21",
                               max_retries=0)
    raw = azure.chat.completions.with_raw_response.create(
        model="my-deployment", user="zed", messages=[{"role": "user", "content": "hi"}])
    assert raw.parse().choices[0].message.content == "Hello there."
    assert raw.headers["x-beliefloop-applied"] == "emoji=avoid"
    assert upstream.calls[-1].path == "/v1/chat/completions"
    assert upstream.received[-1]["model"] == "my-deployment"
    assert "Do not use emoji." in upstream.received[-1]["messages"][0]["content"]
