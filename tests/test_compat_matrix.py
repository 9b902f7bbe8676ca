"""The compatibility matrix: the clients teams already use, unmodified, against beliefloop on real
sockets in front of a loopback upstream. Each row checks the client got its answer in its own
shape and that the user's directive reached the upstream.

| client | chat | chat stream | Responses API | Responses stream | Anthropic Messages |
| openai (sync, async) | x | x | x (native, translated) | x | |
| anthropic | | | | | x (and stream) |
| litellm | x | x | x | | |
| langchain-openai | x | x | x (use_responses_api) | | |
| openai node SDK | x | x | x | x | |
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from proxy import create_app, settings_from_dict
from tests.conftest import ADMIN_KEY, base_config
from tests.fake_upstream import FakeUpstream, LiveServer

REPLY = "TCP is a reliable transport protocol."
DIRECTIVE = "Do not use emoji."
NODE_DIR = Path(__file__).parent / "node"
_asked = itertools.count()


def q() -> str:
    """A new question each time: the same question again would be a regeneration, which rightly
    weakens the belief behind the directive."""
    return f"Explain TCP ({next(_asked)})"


class Live:
    def __init__(self, upstream: FakeUpstream, url: str, translated_url: str) -> None:
        self.upstream, self.url, self.translated_url = upstream, url, translated_url

    def last(self, path: str) -> dict[str, Any]:
        """The JSON body of the last request the upstream got on ``path``."""
        call = next(c for c in reversed(self.upstream.calls) if c.path.endswith(path))
        return json.loads(call.body)

    def directed(self, path: str = "/chat/completions") -> bool:
        body = self.last(path)
        text = body.get("instructions") or "" if path.endswith("/responses") else json.dumps(body["messages"])
        return DIRECTIVE in text


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Any:
    upstream = FakeUpstream(reply_text=REPLY, chunks=3)
    with LiveServer(upstream) as upstream_server:
        apps = []
        for mode in ("native", "translate"):
            config = base_config(tmp_path_factory.mktemp(mode))
            config["upstream"].update(base_url=f"{upstream_server.url}/v1", client="aiohttp", responses=mode)
            apps.append(create_app(settings_from_dict(config, environ={}), watch=False))
        with LiveServer(apps[0]) as native, LiveServer(apps[1]) as translated:
            for server in (native, translated):
                for user in ("py-user", "node-user", "claude-user", "lc-user", "litellm-user"):
                    httpx.put(f"{server.url}/admin/users/{user}/beliefs/emoji", json={"value": "avoid",
                              "confidence": 0.95}, headers={"authorization": f"Bearer {ADMIN_KEY}"}).raise_for_status()
            yield Live(upstream, native.url, translated.url)


# -- openai (Python) -------------------------------------------------------------------------------

def test_openai_sync_chat_and_stream(live):
    import openai

    client = openai.OpenAI(base_url=f"{live.url}/v1", api_key="sk-x", max_retries=0)
    raw = client.chat.completions.with_raw_response.create(
        model="gpt-test", user="py-user", messages=[{"role": "user", "content": q()}])
    assert raw.parse().choices[0].message.content == REPLY and raw.headers["x-beliefloop-applied"] == "emoji=avoid"
    assert live.directed()
    stream = client.chat.completions.create(model="gpt-test", user="py-user", stream=True,
                                            stream_options={"include_usage": True},
                                            messages=[{"role": "user", "content": q()}])
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices).strip() == REPLY


async def test_openai_async_chat_and_stream(live):
    import openai

    client = openai.AsyncOpenAI(base_url=f"{live.url}/v1", api_key="sk-x", max_retries=0)
    reply = await client.chat.completions.create(model="gpt-test", user="py-user",
                                                 messages=[{"role": "user", "content": q()}])
    assert reply.choices[0].message.content == REPLY and live.directed()
    stream = await client.chat.completions.create(model="gpt-test", user="py-user", stream=True,
                                                  messages=[{"role": "user", "content": q()}])
    assert "".join([c.choices[0].delta.content or "" async for c in stream if c.choices]).strip() == REPLY
    await client.close()


@pytest.mark.parametrize("mode", ["native", "translate"])
def test_openai_responses_plain_and_streamed(live, mode):
    import openai

    url = live.url if mode == "native" else live.translated_url
    client = openai.OpenAI(base_url=f"{url}/v1", api_key="sk-x", max_retries=0)
    raw = client.responses.with_raw_response.create(model="gpt-test", input=q(), user="py-user",
                                                    instructions="You teach networking.")
    assert raw.parse().output_text.strip() == REPLY and raw.headers["x-beliefloop-applied"] == "emoji=avoid"
    assert live.directed("/responses" if mode == "native" else "/chat/completions")
    with client.responses.stream(model="gpt-test", input=q(), user="py-user") as stream:
        kinds = [event.type for event in stream]
        final = stream.get_final_response()
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    assert final.output_text.strip() == REPLY


async def test_openai_async_responses(live):
    import openai

    client = openai.AsyncOpenAI(base_url=f"{live.translated_url}/v1", api_key="sk-x", max_retries=0)
    first = await client.responses.create(model="gpt-test", input=q(), user="py-user")
    second = await client.responses.create(model="gpt-test", input="And UDP?", previous_response_id=first.id,
                                           user="py-user")
    assert second.output_text.strip() == REPLY
    assert [m["role"] for m in live.last("/chat/completions")["messages"]] == ["system", "user", "assistant", "user"]
    await client.close()


# -- anthropic ------------------------------------------------------------------------------------

def test_anthropic_messages_plain_and_streamed(live):
    import anthropic

    client = anthropic.Anthropic(base_url=live.url, api_key="sk-ant-x", max_retries=0)
    raw = client.messages.with_raw_response.create(model="gpt-test", max_tokens=200,
                                                   metadata={"user_id": "claude-user"},
                                                   messages=[{"role": "user", "content": q()}])
    assert raw.parse().content[0].text == REPLY and raw.headers["x-beliefloop-applied"] == "emoji=avoid"
    assert live.directed()
    with client.messages.stream(model="gpt-test", max_tokens=200, metadata={"user_id": "claude-user"},
                                messages=[{"role": "user", "content": q()}]) as stream:
        assert "".join(stream.text_stream).strip() == REPLY
        assert stream.get_final_message().stop_reason == "end_turn"


# -- litellm ------------------------------------------------------------------------------------------

def test_litellm_completion_stream_and_responses(live):
    import litellm

    # litellm 1.110 does not send `user` on to OpenAI-compatible servers: the header names the user.
    common = dict(model="openai/gpt-test", api_base=f"{live.url}/v1", api_key="sk-x",
                  extra_headers={"X-BeliefLoop-User": "litellm-user"})
    reply = litellm.completion(messages=[{"role": "user", "content": q()}], **common)
    assert reply.choices[0].message.content == REPLY and live.directed()
    chunks = litellm.completion(messages=[{"role": "user", "content": q()}], stream=True, **common)
    assert "".join(c.choices[0].delta.content or "" for c in chunks).strip() == REPLY
    response = litellm.responses(input=q(), **common)
    assert response.output[0].content[0].text.strip() == REPLY and live.directed("/responses")


# -- langchain-openai ---------------------------------------------------------------------------------

def test_langchain_chat_stream_and_responses_api(live):
    from langchain_openai import ChatOpenAI

    common = dict(model="gpt-test", base_url=f"{live.url}/v1", api_key="sk-x", max_retries=0,
                  default_headers={"X-BeliefLoop-User": "lc-user"})
    assert ChatOpenAI(**common).invoke(q()).content == REPLY and live.directed()
    assert "".join(chunk.content for chunk in ChatOpenAI(**common).stream(q())).strip() == REPLY
    message = ChatOpenAI(use_responses_api=True, **common).invoke(q())
    assert message.text.strip() == REPLY and live.directed("/responses")


# -- the openai node SDK ------------------------------------------------------------------------------

def test_openai_node_sdk(live):
    node = shutil.which("node")
    installed = (NODE_DIR / "node_modules" / "openai").is_dir()
    if node is None or not installed:
        if os.environ.get("CI"):
            pytest.fail("CI needs node and tests/node's packages (.ci/run installs them)")
        pytest.skip("node or the openai node package is not installed (npm install --prefix tests/node)")
    done = subprocess.run([node, str(NODE_DIR / "compat.mjs"), f"{live.url}/v1"], capture_output=True, text=True,
                          timeout=60, cwd=NODE_DIR)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["chat"] == REPLY and result["applied"] == "emoji=avoid"
    assert result["streamed"].strip() == REPLY and result["responses"].strip() == REPLY
    assert result["events"][0] == "response.created" and result["events"][-1] == "response.completed"
    assert live.directed("/responses")
