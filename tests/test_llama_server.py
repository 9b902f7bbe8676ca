"""beliefloop in front of a real llama.cpp server, driven with the openai SDK.

Two llama-cpp-python servers serve Gemma 3 270M, each with an explicit chat format:
``llama-2`` keeps only the *first* system message (the plain upstream), and ``gemma`` has no
system role at all (a ``model_list`` route through litellm, ``system_role: none``). Both routes
write caps to ``max_tokens``: llama-cpp-python ignores ``max_completion_tokens``.

The 270M model's text is poor, so the assertions are on structure and token counts: what reached
the model is read back from ``usage.prompt_tokens``. Marked ``llama``; skipped when the server is
not installed, a failure then in CI (see ``tests/llama_server.py``). The servers and proxies are
module-scoped: each starts once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from proxy import create_app, settings_from_dict
from tests.conftest import ADMIN_KEY, base_config
from tests.fake_upstream import LiveServer
from tests.llama_server import LlamaServer, model_file, require

pytestmark = pytest.mark.llama

FIRST_SYSTEM_ONLY = "gemma"  # model name on the plain upstream (llama-2 format); the server ignores it
NO_SYSTEM_ROLE = "gemma-local"  # the model_list route to the gemma-format server
CAP = 5
APP_PROMPT = (
    "You are Orbit, the help desk assistant of the Acme Rocket Company. You answer questions from "
    "customers about our rockets, launch schedules, payload limits, spare parts and warranty terms. "
    "Always be polite, never promise launch dates that are not confirmed, and point customers to "
    "the support portal for refunds. If a question is not about Acme products, say so politely."
)
QUESTION = "When is the next launch?"
LONG_QUESTION = "Tell me the long history of rockets, from the first Chinese fire arrows onwards."
TOO_LONG = "rocket " * 700  # over the servers' 512-token context


@pytest.fixture(scope="module")
def gguf(tmp_path_factory) -> Path:
    require()
    return model_file(tmp_path_factory.mktemp("gguf"))


@pytest.fixture(scope="module")
def first_system_only(gguf) -> Iterator[LlamaServer]:
    with LlamaServer(gguf, "llama-2") as server:
        yield server


@pytest.fixture(scope="module")
def no_system_role(gguf) -> Iterator[LlamaServer]:
    with LlamaServer(gguf, "gemma") as server:
        yield server


def _config(tmp: Path, upstream: LlamaServer, gemma: LlamaServer, **injection: Any) -> dict[str, Any]:
    config = base_config(tmp)
    config["upstream"].update(base_url=upstream.url, client="aiohttp", cap_field="max_tokens")
    config["model_list"] = [{
        "model_name": NO_SYSTEM_ROLE,
        "litellm_params": {"model": "openai/gemma", "api_base": gemma.url, "api_key": "none"},
        "system_role": "none",
        "cap_field": "max_tokens",
    }]
    config["injection"] = {**config["injection"], **injection}
    config["rules"] = [{"name": "concise", "when": {"length": "concise"}, "max_tokens": CAP,
                        "system": "Keep answers short: lead with the answer, at most a few sentences, "
                                  "no filler, no greeting, no closing remarks."}]
    return config


@pytest.fixture(scope="module")
def beliefloop(tmp_path_factory, first_system_only, no_system_role):
    """Start a beliefloop in front of both servers with the given injection settings, where the
    user ``ana`` holds ``length=concise`` (set through the admin API); ``bob`` holds nothing."""
    started: dict[str, LiveServer] = {}

    def start(**injection: Any) -> str:
        key = repr(sorted(injection.items()))
        if key not in started:
            config = _config(tmp_path_factory.mktemp("beliefloop"), first_system_only, no_system_role, **injection)
            server = LiveServer(create_app(settings_from_dict(config, environ={}), watch=False),
                                start_timeout_s=120).__enter__()
            started[key] = server
            httpx.put(f"{server.url}/admin/users/ana/beliefs/length", json={"value": "concise", "confidence": 0.99},
                      headers={"authorization": f"Bearer {ADMIN_KEY}"}, timeout=60).raise_for_status()
        return started[key].url

    yield start
    for server in started.values():
        server.__exit__(None, None, None)


def client(url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key="sk-none", max_retries=0, timeout=300)


def ask(url: str, model: str, user: str, messages: list[dict[str, Any]], **kwargs: Any):
    """One non-stream request: (the completion, the x-beliefloop-applied header)."""
    if "max_completion_tokens" not in kwargs:
        kwargs.setdefault("max_tokens", 1)  # prompt_tokens is what is read: one token is enough
    raw = client(url).chat.completions.with_raw_response.create(
        model=model, user=user, messages=messages, temperature=0, seed=1, **kwargs)
    return raw.parse(), raw.headers["x-beliefloop-applied"]


def with_app(*messages: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"role": "system", "content": APP_PROMPT}, *messages]


USER = {"role": "user", "content": QUESTION}


def test_merged_directives_and_the_apps_prompt_both_reach_a_first_system_only_template(beliefloop):
    url = beliefloop()  # the shipped default: injection.mode merge
    question, applied_none = ask(url, FIRST_SYSTEM_ONLY, "bob", [USER])
    app_alone, applied_app = ask(url, FIRST_SYSTEM_ONLY, "bob", with_app(USER))
    directives_alone, applied_directives = ask(url, FIRST_SYSTEM_ONLY, "ana", [USER])
    both, applied_both = ask(url, FIRST_SYSTEM_ONLY, "ana", with_app(USER))
    assert (applied_none, applied_app) == ("", "")
    assert applied_directives == applied_both == "length=concise"
    q, a, d, b = (r.usage.prompt_tokens for r in (question, app_alone, directives_alone, both))
    assert a > q and d > q
    assert b > a and b > d
    # all of the directives are there beside all of the app's prompt: they add to it about what
    # they add to a bare question (less the system message's wrapper, which is there once)
    assert b - a >= (d - q) - 8


def test_prepend_loses_the_apps_prompt_behind_a_first_system_only_template(beliefloop):
    # Why merge is the default: with its own system message first, the template drops the app's.
    url = beliefloop(mode="prepend")
    app_alone, _ = ask(url, FIRST_SYSTEM_ONLY, "bob", with_app(USER))
    directives_alone, _ = ask(url, FIRST_SYSTEM_ONLY, "ana", [USER])
    both, applied = ask(url, FIRST_SYSTEM_ONLY, "ana", with_app(USER))
    assert applied == "length=concise"
    assert both.usage.prompt_tokens == directives_alone.usage.prompt_tokens < app_alone.usage.prompt_tokens


def test_a_route_without_a_system_role_gets_the_directives_in_the_first_user_message(beliefloop):
    url = beliefloop()
    question, _ = ask(url, NO_SYSTEM_ROLE, "bob", [USER])
    app_alone, applied_none = ask(url, NO_SYSTEM_ROLE, "bob", with_app(USER))
    both, applied = ask(url, NO_SYSTEM_ROLE, "ana", with_app(USER))
    # the gemma format drops every system message, the app's included
    assert app_alone.usage.prompt_tokens == question.usage.prompt_tokens
    assert applied_none == "" and applied == "length=concise"
    assert both.usage.prompt_tokens > app_alone.usage.prompt_tokens


def test_a_route_that_drops_directives_reports_nothing_applied(beliefloop):
    url = beliefloop(without_system_role="skip")
    app_alone, _ = ask(url, NO_SYSTEM_ROLE, "bob", with_app(USER))
    skipped, applied = ask(url, NO_SYSTEM_ROLE, "ana", with_app(USER), max_tokens=16)
    assert applied == ""
    assert skipped.usage.prompt_tokens == app_alone.usage.prompt_tokens
    # no directive delivered, so no cap either: the client's own limit stands
    assert skipped.usage.completion_tokens > CAP
    # the one that reached the system prompt of the plain upstream is still applied
    _, applied_plain = ask(url, FIRST_SYSTEM_ONLY, "ana", with_app(USER))
    assert applied_plain == "length=concise"


@pytest.mark.parametrize("model", [FIRST_SYSTEM_ONLY, NO_SYSTEM_ROLE])
def test_a_cap_sent_as_max_completion_tokens_lands_on_max_tokens(beliefloop, model):
    url = beliefloop()
    # llama-cpp-python ignores max_completion_tokens: only max_tokens bounds the reply
    capped, applied = ask(url, model, "ana", [{"role": "user", "content": LONG_QUESTION}],
                          max_completion_tokens=64)
    assert applied == "length=concise"
    assert 0 < capped.usage.completion_tokens <= CAP
    assert capped.choices[0].finish_reason == "length"


@pytest.mark.parametrize("model", [FIRST_SYSTEM_ONLY, NO_SYSTEM_ROLE])
def test_a_stream_carries_the_belief_and_its_cap(beliefloop, model):
    url = beliefloop()
    with client(url).chat.completions.with_streaming_response.create(
            model=model, user="ana", stream=True, max_completion_tokens=64, temperature=0, seed=1,
            messages=with_app({"role": "user", "content": LONG_QUESTION})) as response:
        assert response.headers["x-beliefloop-applied"] == "length=concise"
        assert response.headers["x-beliefloop-response-id"].startswith("blr_")
        assert response.headers["content-type"].startswith("text/event-stream")
        chunks = list(response.parse())
    assert chunks and all(c.object == "chat.completion.chunk" for c in chunks)
    content = [c for c in chunks if c.choices and c.choices[0].delta.content]
    finish = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert 0 < len(content) <= CAP  # one token a chunk at most
    assert finish == ["length"]


def _eventually(read, until, timeout_s: float = 20.0):
    deadline = time.monotonic() + timeout_s
    while True:
        value = read()
        if until(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_an_edit_of_a_real_reply_is_observed(beliefloop):
    url = beliefloop()
    admin = {"authorization": f"Bearer {ADMIN_KEY}"}
    # A 270M model sometimes answers a prompt with nothing at all: take the first that it answers.
    for question in (LONG_QUESTION, "Describe a rocket launch.", "Write a story about a rocket."):
        first = with_app({"role": "user", "content": question})
        raw = client(url).chat.completions.with_raw_response.create(
            model=FIRST_SYSTEM_ONLY, user="eve", messages=first, max_tokens=48, temperature=0, seed=1)
        reply, response_id = raw.parse(), raw.headers["x-beliefloop-response-id"]
        text = reply.choices[0].message.content or ""
        if reply.usage.completion_tokens > 8 and text.strip():
            break
    else:
        pytest.fail("the model answered none of the prompts with text")
    # the record is written off the hot path: wait for it before the next turn refers to it
    trace = _eventually(lambda: httpx.get(f"{url}/admin/responses/{response_id}", headers=admin, timeout=60),
                        lambda r: r.status_code == 200)
    assert trace.status_code == 200
    edited = "Rockets began as Chinese fire arrows."
    assert edited != text
    ask(url, FIRST_SYSTEM_ONLY, "eve", [*first, {"role": "assistant", "content": edited},
                                        {"role": "user", "content": "And who built the first liquid rocket?"}])
    trace = _eventually(lambda: httpx.get(f"{url}/admin/responses/{response_id}", headers=admin, timeout=60).json(),
                        lambda t: t.get("outcome") is not None)
    assert trace["outcome"] == "edited"
    assert [s["kind"] for s in trace["signals"]] == ["edit"]
    observations = httpx.get(f"{url}/admin/users/eve/observations", headers=admin, timeout=60).json()["observations"]
    assert [o["kind"] for o in observations] == ["edit"]


@pytest.mark.parametrize("model", [FIRST_SYSTEM_ONLY, NO_SYSTEM_ROLE])
def test_a_context_length_error_passes_through_in_openais_shape(beliefloop, model):
    url = beliefloop()
    with pytest.raises(openai.BadRequestError) as raised:
        ask(url, model, "ana", with_app({"role": "user", "content": TOO_LONG}))
    assert raised.value.status_code == 400
    body = raised.value.body
    assert isinstance(body, dict) and body["message"]
    assert (body["type"], body["code"], body["param"]) == ("invalid_request_error", "context_length_exceeded",
                                                           "messages")
    # and the proxy keeps serving
    ok, _ = ask(url, model, "ana", [USER])
    assert ok.usage.prompt_tokens > 0
