"""Exports: preference pairs, supervised lines and evals from a seeded conversation log, checked
field by field against the OpenAI formats, and every data-quality filter on its own."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, AsyncIterator

import httpx
import pytest
import respx
import yaml

from beliefs.insights.export import (
    FILTERS,
    Example,
    ExportSource,
    Standards,
    build,
    examples_from,
    parse_since,
    plain_messages,
    select,
)
from beliefs.records import EvidenceDelta, Identity, Observation, ResponseRecord, UserProfile
from proxy import create_app, settings_from_dict
from proxy.cli import main as cli
from tests.conftest import UPSTREAM, admin_headers, running, sdk
from tests.fake_upstream import completion

# Distinct replies, so a regenerated candidate differs from the one it replaces.
REPLIES = [
    "Great question! TCP is a transport protocol that provides reliable, ordered delivery of a "
    "stream of bytes. It sets up a connection with a three-way handshake, numbers every byte, "
    "acknowledges what arrives and retransmits what is lost, so applications need not.",
    "Sure! Here is an overview. 1. UDP sends independent datagrams. 2. It keeps no connection "
    "state. 3. Nothing is retransmitted, so latency stays low. 4. Games and voice calls use it "
    "because a late packet is worth less than a lost one.",
    "Absolutely! DNS maps names to addresses through a hierarchy of servers: the resolver asks a "
    "root server, then the server for the top-level domain, then the domain's own server, and "
    "caches every answer for as long as its time-to-live allows.",
]
SHORT = "TCP: reliable, ordered bytes via handshake, acks and retransmits."
SHORT_2 = "UDP: datagrams, no connection, no retransmits, low latency."
HEADER = "Adapt your answer to this user's known preferences:"


class Upstream:
    """respx handler that cycles through REPLIES and records what it received."""

    def __init__(self, router: respx.MockRouter) -> None:
        self.calls = 0
        router.post(f"{UPSTREAM}/chat/completions").mock(side_effect=self)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        text = REPLIES[self.calls % len(REPLIES)]
        self.calls += 1
        return httpx.Response(200, json=completion(text, completion_id=f"chatcmpl-{self.calls}"))


async def ask(client, messages: list[dict], user: str) -> tuple[str, str]:
    raw = await client.chat.completions.with_raw_response.create(model="gpt-test", messages=messages, user=user)
    return raw.parse().choices[0].message.content, raw.headers["x-beliefloop-response-id"]


def user(text: str) -> dict[str, str]:
    return {"role": "user", "content": text}


def assistant(text: str) -> dict[str, str]:
    return {"role": "assistant", "content": text}


@pytest.fixture
async def app(config: dict[str, Any]) -> AsyncIterator[Any]:
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as client:
        app.state.client = client
        yield app


@pytest.fixture
def proxy(app) -> httpx.AsyncClient:
    return app.state.client


async def seed(proxy: httpx.AsyncClient, runtime: Any) -> dict[str, Any]:
    """A small conversation log: an editor, a regenerator, a typo-fixer, a user without consent,
    a user who asks for shorter answers and one who gives a thumbs down."""
    client = sdk(proxy)
    seen: dict[str, Any] = {}

    # ana shortens two replies
    q1 = [user("What is TCP?")]
    seen["ana_first"], _ = await ask(client, q1, "ana")
    q2 = q1 + [assistant(SHORT), user("And UDP?")]
    seen["ana_second"], _ = await ask(client, q2, "ana")
    await ask(client, q2 + [assistant(SHORT_2), user("Thanks. And DNS?")], "ana")

    # ben regenerates, then continues with the second candidate
    q = [user("Explain UDP")]
    seen["ben_rejected"], _ = await ask(client, q, "ben")
    seen["ben_kept"], _ = await ask(client, q, "ben")
    await ask(client, q + [assistant(seen["ben_kept"]), user("ok")], "ben")

    # cy fixes one typo
    q = [user("What is DNS?")]
    text, _ = await ask(client, q, "cy")
    await ask(client, q + [assistant(text[:20] + text[21:]), user("next")], "cy")

    # dee edits like ana, but has withdrawn consent to training use
    q = [user("What is TCP?")]
    await ask(client, q, "dee")
    await ask(client, q + [assistant(SHORT), user("And UDP?")], "dee")
    store = runtime.service.store
    await runtime.service.writer.call(lambda: store.set_flags(Identity("default", "dee"), 0.0, consent=False))

    # eve asks for a shorter answer
    q = [user("What is TCP?")]
    seen["eve_text"], _ = await ask(client, q, "eve")
    await ask(client, q + [assistant(seen["eve_text"]), user("too long, shorter please")], "eve")

    # fay gives a thumbs down with a comment
    seen["fay_text"], fay_id = await ask(client, [user("What is UDP?")], "fay")
    response = await proxy.post("/v1/feedback", json={"response_id": fay_id, "rating": "down",
                                                       "comment": "too long"})
    assert response.status_code == 200, response.text
    return seen


async def export(proxy: httpx.AsyncClient, kind: str, **params: Any) -> tuple[list[dict], dict]:
    response = await proxy.get(f"/admin/export/{kind}", params={"since": "1", **params}, headers=admin_headers())
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/jsonl")
    lines = [json.loads(line) for line in response.text.splitlines()]
    return lines, json.loads(response.headers["x-beliefloop-export-report"])


def assert_openai_preference_line(line: dict) -> None:
    """The OpenAI preference fine-tuning (DPO) line shape, and nothing else."""
    assert set(line) == {"input", "preferred_output", "non_preferred_output"}
    assert set(line["input"]) == {"messages", "tools", "parallel_tool_calls"}
    assert line["input"]["tools"] == [] and line["input"]["parallel_tool_calls"] is True
    for message in line["input"]["messages"]:
        assert set(message) == {"role", "content"}
        assert message["role"] in {"system", "user", "assistant"} and isinstance(message["content"], str)
    assert line["input"]["messages"][-1]["role"] == "user"
    for key in ("preferred_output", "non_preferred_output"):
        (output,) = line[key]
        assert set(output) == {"role", "content"} and output["role"] == "assistant"
        assert isinstance(output["content"], str) and output["content"]


@respx.mock
async def test_preference_export_pairs_edits_and_kept_regenerations(app, proxy, respx_mock):
    Upstream(respx_mock)
    seen = await seed(proxy, app.state.runtime)
    lines, report = await export(proxy, "preferences")
    for line in lines:
        assert_openai_preference_line(line)

    assert lines[0] == {
        "input": {"messages": [{"role": "user", "content": "What is TCP?"}], "tools": [],
                  "parallel_tool_calls": True},
        "preferred_output": [{"role": "assistant", "content": SHORT}],
        "non_preferred_output": [{"role": "assistant", "content": seen["ana_first"]}],
    }
    # the second edit's input is the conversation as ana had shaped it (her edit included)
    assert lines[1]["input"]["messages"] == [
        {"role": "user", "content": "What is TCP?"}, {"role": "assistant", "content": SHORT},
        {"role": "user", "content": "And UDP?"}]
    assert lines[1]["preferred_output"][0]["content"] == SHORT_2
    assert lines[1]["non_preferred_output"][0]["content"] == seen["ana_second"]
    # ben kept the second candidate over the first
    assert lines[2]["input"]["messages"] == [{"role": "user", "content": "Explain UDP"}]
    assert lines[2]["preferred_output"][0]["content"] == seen["ben_kept"]
    assert lines[2]["non_preferred_output"][0]["content"] == seen["ben_rejected"]
    assert len(lines) == 3

    assert report["kept"] == 3 and report["kept_by_kind"] == {"edit": 2, "regeneration": 1}
    assert report["dropped"]["trivial_edit"] == 1  # cy's typo fix
    assert report["dropped"]["no_consent"] == 1  # dee
    assert report["considered"] == 5
    assert set(report["dropped"]) == set(FILTERS)


@respx.mock
async def test_directives_are_prepended_only_when_asked(app, proxy, respx_mock):
    Upstream(respx_mock)
    await proxy.put("/admin/users/gus/beliefs/length", headers=admin_headers(),
                    json={"value": "concise", "confidence": 0.95})
    client = sdk(proxy)
    q = [user("What is TCP?")]
    await ask(client, q, "gus")
    await ask(client, q + [assistant(SHORT), user("And UDP?")], "gus")

    stripped, _ = await export(proxy, "preferences")
    assert stripped[0]["input"]["messages"] == [{"role": "user", "content": "What is TCP?"}]
    included, _ = await export(proxy, "preferences", include_directives="true")
    system, question = included[0]["input"]["messages"]
    assert system["role"] == "system"
    assert system["content"].startswith(HEADER) and "Keep answers short" in system["content"]
    assert question == {"role": "user", "content": "What is TCP?"}


@respx.mock
async def test_supervised_export_uses_the_users_edited_version(app, proxy, respx_mock):
    Upstream(respx_mock)
    await seed(proxy, app.state.runtime)
    lines, report = await export(proxy, "supervised")
    assert lines[0] == {"messages": [{"role": "user", "content": "What is TCP?"},
                                     {"role": "assistant", "content": SHORT}]}
    assert lines[1]["messages"][-1] == {"role": "assistant", "content": SHORT_2}
    assert len(lines) == 2 and report["kept_by_kind"] == {"edit": 2}


@respx.mock
async def test_eval_export_lists_rejected_and_corrected_responses(app, proxy, respx_mock):
    Upstream(respx_mock)
    seen = await seed(proxy, app.state.runtime)
    lines, report = await export(proxy, "evals")
    by_kind: dict[str, list[dict]] = {}
    for line in lines:
        assert set(line) == {"input", "bad_response", "wanted", "kind", "response_id", "created_at"}
        by_kind.setdefault(line["kind"], []).append(line)
    assert len(by_kind["edit"]) == 2
    assert by_kind["edit"][0]["bad_response"] == seen["ana_first"]
    assert by_kind["edit"][0]["wanted"]["text"] == SHORT
    assert "length=concise" in by_kind["edit"][0]["wanted"]["preferences"]
    (regeneration,) = by_kind["regeneration"]  # the rejection and the choice are one case
    assert regeneration["bad_response"] == seen["ben_rejected"]
    assert regeneration["wanted"]["text"] == seen["ben_kept"]
    (follow_up,) = by_kind["follow_up"]
    assert follow_up["bad_response"] == seen["eve_text"]
    assert follow_up["wanted"] == {"text": None, "instruction": "too long, shorter please",
                                   "preferences": ["length=concise"]}
    assert follow_up["input"]["messages"] == [{"role": "user", "content": "What is TCP?"}]
    (thumbs,) = by_kind["thumbs"]
    assert thumbs["bad_response"] == seen["fay_text"]
    assert thumbs["wanted"]["preferences"] == ["length=concise"]
    assert report["dropped"]["no_consent"] == 1


@respx.mock
async def test_opted_out_users_never_appear_in_any_export(app, proxy, respx_mock):
    Upstream(respx_mock)
    await seed(proxy, app.state.runtime)
    await app.state.runtime.rights.set_opt_out(Identity("default", "ana"), True)
    for kind in ("preferences", "supervised", "evals"):
        lines, _ = await export(proxy, kind)
        text = json.dumps(lines)
        assert SHORT not in text and SHORT_2 not in text  # ana's and dee's edits


@respx.mock
async def test_cli_writes_the_same_file_and_reports_counts(respx_mock, config, tmp_path, capsys):
    Upstream(respx_mock)
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as proxy:
        await seed(proxy, app.state.runtime)
        expected, _ = await export(proxy, "preferences")
    config_path = tmp_path / "config.yaml"
    config_path.write_text(yaml.safe_dump(config))
    out = tmp_path / "pairs.jsonl"
    assert cli(["export", "preferences", "--since", "7d", "--out", str(out), "--config", str(config_path)]) == 0
    assert [json.loads(line) for line in out.read_text().splitlines()] == expected
    err = capsys.readouterr().err
    assert "5 considered, 3 written" in err
    assert "dropped trivial_edit" in err and "dropped per_user_cap" in err

    capped = tmp_path / "capped.jsonl"
    assert cli(["export", "preferences", "--since", "7d", "--out", str(capped), "--config", str(config_path),
                "--per-user-cap", "1"]) == 0
    assert len(capped.read_text().splitlines()) == 2  # ana's two edits capped to her latest
    assert cli(["export", "evals", "--since", "yesterday", "--out", str(capped),
                "--config", str(config_path)]) == 2


async def test_export_rejects_an_unknown_kind_and_a_bad_since(proxy):
    bad_kind = await proxy.get("/admin/export/everything", headers=admin_headers())
    assert bad_kind.status_code == 422
    bad_since = await proxy.get("/admin/export/evals", params={"since": "last week"}, headers=admin_headers())
    assert bad_since.status_code == 422 and bad_since.json()["error"]["param"] == "since"
    assert (await proxy.get("/admin/export/evals")).status_code == 401


# -- every filter on its own -------------------------------------------------------------------

T = 1_700_000_000.0
ORIGINAL = ("Great question! TCP provides reliable, ordered delivery of bytes between two programs "
            "over a network, with handshakes, acknowledgements and retransmission.")
EDITED = "TCP: reliable, ordered bytes between programs."
CONSENTING = {("t", "u"): UserProfile("t", "u", T, T), ("t", "v"): UserProfile("t", "v", T, T)}


def example(user_id: str = "u", *, at: float = T, rejected: str | None = ORIGINAL,
            wanted: str | None = EDITED, messages: Any = ({"role": "user", "content": "What is TCP?"},),
            kind: str = "edit") -> Example:
    return Example(kind=kind, tenant="t", user_id=user_id, observation_id=f"o{at}", response_id=f"r{at}",
                   created_at=at, messages=messages, directives=(), rejected=rejected, wanted=wanted,
                   paired=True)


def dropped(examples: list[Example], profiles=CONSENTING, **standards: Any) -> tuple[list[Example], dict]:
    kept, report = select(examples, profiles, Standards(**standards))
    return kept, {name: count for name, count in report.dropped.items() if count}


def test_users_who_opted_out_or_withdrew_consent_are_dropped():
    profiles = {("t", "u"): UserProfile("t", "u", T, T, opted_out=True),
                ("t", "v"): UserProfile("t", "v", T, T, consent=False)}
    kept, counts = dropped([example("u"), example("v", at=T + 1), example("nobody", at=T + 2)], profiles)
    assert kept == [] and counts == {"no_consent": 3}


def test_examples_whose_text_expired_are_incomplete():
    kept, counts = dropped([example(rejected=None), example(wanted=None, at=T + 1),
                            example(messages=None, at=T + 2)])
    assert kept == [] and counts == {"incomplete": 3}


def test_conversations_with_tool_calls_or_images_are_unsupported():
    tool_call = ({"role": "user", "content": "weather?"},
                 {"role": "assistant", "content": None, "tool_calls": [{"id": "1"}]},
                 {"role": "tool", "content": "sunny", "tool_call_id": "1"})
    image = ({"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:"}}]},)
    kept, counts = dropped([example(messages=tool_call), example(messages=image, at=T + 1)])
    assert kept == [] and counts == {"unsupported_content": 2}
    assert plain_messages([{"role": "developer", "content": [{"type": "text", "text": "be brief"}]}]) == [
        {"role": "system", "content": "be brief"}]


def test_typo_level_edits_are_trivial():
    typo = ORIGINAL.replace("reliable", "relaible")
    whitespace = ORIGINAL.replace(" ", "  ")
    kept, counts = dropped([example(wanted=typo), example(wanted=whitespace, at=T + 1)])
    assert kept == [] and counts == {"trivial_edit": 2}
    kept, counts = dropped([example(wanted=typo)], typo_max_chars=1)
    assert counts == {"near_identical": 1}  # above the typo limit, still too alike to teach


def test_a_small_edit_that_shows_a_preference_is_kept():
    with_emoji = ORIGINAL + " 🚀✨"
    kept, counts = dropped([replace(example(rejected=with_emoji, wanted=ORIGINAL), preferences=("emoji=avoid",))])
    assert len(kept) == 1 and counts == {}
    kept, counts = dropped([example(rejected=with_emoji, wanted=ORIGINAL)])
    assert kept == [] and counts == {"trivial_edit": 1}


def test_near_identical_pairs_are_dropped():
    almost = ORIGINAL.replace("Great question! ", "Good question. ")
    kept, counts = dropped([example(wanted=almost, kind="regeneration")], near_identical=0.9)
    assert kept == [] and counts == {"near_identical": 1}
    kept, counts = dropped([example(wanted=almost, kind="regeneration")], near_identical=0.99)
    assert len(kept) == 1 and counts == {}


def test_duplicates_are_kept_once():
    kept, counts = dropped([example(at=T), example(at=T + 1), example("v", at=T + 2)])
    assert [e.created_at for e in kept] == [T] and counts == {"duplicate": 2}


def test_per_user_cap_keeps_each_users_most_recent_examples():
    heavy = [example("u", at=T + i, wanted=f"{EDITED} ({i} words more or less here)") for i in range(5)]
    light = [example("v", at=T + 10, wanted="TCP in one line.")]
    kept, counts = dropped(heavy + light, per_user_cap=2)
    assert [(e.user_id, e.created_at) for e in kept] == [("u", T + 3), ("u", T + 4), ("v", T + 10)]
    assert counts == {"per_user_cap": 3}


def test_each_example_is_counted_under_the_first_filter_that_drops_it():
    _, report = select([example("nobody", rejected=None)], CONSENTING)
    assert report.dropped["no_consent"] == 1 and report.dropped["incomplete"] == 0
    assert report.considered == 1 and report.kept == 0


def test_pairs_come_only_from_edits_and_kept_candidates():
    record = ResponseRecord("r1", "t", "u", "*", "h", "m", T, text=ORIGINAL)
    observations = [
        Observation("o1", "t", "u", "*", "regeneration", "r1", {"rejected": True}, (), T),
        Observation("o2", "t", "u", "*", "follow_up", "r1", {"message_index": 2},
                    (EvidenceDelta("length", "concise", 1.0),), T),
        Observation("o3", "t", "u", "*", "edit", "r1", {"edited_text": EDITED}, (), T),
    ]
    source = ExportSource(observations, {"r1": record}, CONSENTING,
                          conversations={"r1": [{"role": "user", "content": "q"}]})
    assert [e.kind for e in examples_from(source, "preferences")] == ["edit"]
    assert [e.kind for e in examples_from(source, "evals")] == ["regeneration", "follow_up", "edit"]
    lines, report = build(source, "supervised")
    assert lines == [{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": EDITED}]}]


def test_since_accepts_days_or_iso_dates():
    now = 1_000_000.0
    assert parse_since("2", now) == now - 2 * 86_400
    assert parse_since("1.5d", now) == now - 1.5 * 86_400
    assert parse_since("2024-05-01", now) == 1714521600.0
    assert parse_since("2024-05-01T02:00:00+02:00", now) == 1714521600.0
    with pytest.raises(ValueError):
        parse_since("last week", now)


def test_the_openai_shape_is_exact_for_a_built_line():
    source = ExportSource(
        [Observation("o", "t", "u", "*", "edit", "r", {"edited_text": EDITED}, (), T)],
        {"r": ResponseRecord("r", "t", "u", "*", "h", "m", T, directives=("Keep answers short.",),
                             text=ORIGINAL)},
        CONSENTING, conversations={"r": [{"role": "user", "content": "q", "name": "x"}]})
    (line,), _ = build(source, "preferences", include_directives=True, header="Prefs:")
    assert_openai_preference_line(line)
    assert line["input"]["messages"] == [{"role": "system", "content": "Prefs:\n- Keep answers short."},
                                         {"role": "user", "content": "q"}]
