"""Real sockets end to end: the openai SDK -> beliefloop under uvicorn -> a loopback upstream."""

from __future__ import annotations

import time

import openai
import pytest

from proxy import create_app, settings_from_dict
from tests.conftest import ADMIN_KEY
from tests.fake_upstream import FakeUpstream, LiveServer


@pytest.fixture(params=["aiohttp", "httpx"])
def live(config, request):
    upstream = FakeUpstream(reply_text="one two three four five six seven eight", chunks=4, delay_s=0.25)
    with LiveServer(upstream) as upstream_server:
        config["upstream"].update(base_url=f"{upstream_server.url}/v1", client=request.param)
        app = create_app(settings_from_dict(config, environ={}), watch=False)
        with LiveServer(app) as proxy_server:
            yield upstream, proxy_server


def test_stream_chunks_are_forwarded_as_they_arrive(live):
    upstream, proxy_server = live
    import httpx

    httpx.put(f"{proxy_server.url}/admin/users/ana/beliefs/emoji", json={"value": "avoid", "confidence": 0.95},
              headers={"authorization": f"Bearer {ADMIN_KEY}"}).raise_for_status()
    client = openai.OpenAI(base_url=f"{proxy_server.url}/v1", api_key="sk-x", max_retries=0)
    arrivals, text = [], ""
    start = time.perf_counter()
    for chunk in client.chat.completions.create(model="gpt-test", user="ana", stream=True,
                                                messages=[{"role": "user", "content": "count"}]):
        if chunk.choices and chunk.choices[0].delta.content:
            arrivals.append(time.perf_counter() - start)
            text += chunk.choices[0].delta.content
    assert text.split() == "one two three four five six seven eight".split()
    # four content chunks 0.25 s apart upstream: if the proxy buffered, they would arrive together
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
    assert len(gaps) == 3 and min(gaps) > 0.15
    assert "Do not use emoji." in upstream.received[0]["messages"][0]["content"]


def test_non_stream_over_real_sockets(live):
    upstream, proxy_server = live
    client = openai.OpenAI(base_url=f"{proxy_server.url}/v1", api_key="sk-x", max_retries=0)
    result = client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}])
    assert result.choices[0].message.content == "one two three four five six seven eight"
    assert upstream.received[0]["messages"] == [{"role": "user", "content": "hi"}]
