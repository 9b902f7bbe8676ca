"""Where directives go and how caps are written, in every request shape: pure functions."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters import Cap, CapPolicy, InjectionPolicy, ModelTraits, Plan, Rule, apply_plan, plan
from adapters.caps import apply_cap, cap_allowed
from adapters.splice import delimited, splice
from beliefs.records import BeliefView

TEXT = "Adapt:\n- Be brief."
NO_SYSTEM = ModelTraits(system_role=False)


def chat(*messages: tuple[str, object], **fields) -> dict:
    return {"model": "m", "messages": [{"role": r, "content": c} for r, c in messages], **fields}


# -- splicing --------------------------------------------------------------------------------

def test_merge_appends_to_the_apps_first_system_message_wherever_it_is():
    body = chat(("user", "hi"), ("developer", "You are a pilot."), ("system", "Second."))
    assert splice(body, TEXT, "chat", "merge", ModelTraits())
    assert [m["role"] for m in body["messages"]] == ["user", "developer", "system"]
    assert body["messages"][1]["content"] == f"You are a pilot.\n\n{TEXT}"
    assert body["messages"][2]["content"] == "Second."


def test_merge_creates_a_system_message_only_when_there_is_none():
    body = chat(("user", "hi"))
    splice(body, TEXT, "chat", "merge", ModelTraits())
    assert body["messages"] == [{"role": "system", "content": TEXT}, {"role": "user", "content": "hi"}]


def test_prepend_puts_its_own_system_message_first():
    body = chat(("system", "App."), ("user", "hi"))
    splice(body, TEXT, "chat", "prepend", ModelTraits())
    assert [m["content"] for m in body["messages"]] == [TEXT, "App.", "hi"]


def test_model_without_system_role_gets_directives_delimited_in_the_first_user_message():
    body = chat(("system", "App."), ("user", "Explain TCP"), ("assistant", "..."), ("user", "more"))
    original = copy.deepcopy(body["messages"])
    assert splice(body, TEXT, "chat", "merge", NO_SYSTEM)
    assert body["messages"][0] == {"role": "system", "content": "App."}
    assert body["messages"][1]["content"] == f"<user_preferences>\n{TEXT}\n</user_preferences>\n\nExplain TCP"
    assert body["messages"][3]["content"] == "more"
    assert original[1]["content"] == "Explain TCP"  # the client's list is replaced, never mutated


def test_user_mode_heads_a_content_list_with_a_text_part():
    body = chat(("user", [{"type": "image_url", "image_url": {"url": "data:,"}}]))
    splice(body, TEXT, "chat", "user", ModelTraits())
    assert body["messages"][0]["content"][0] == {"type": "text", "text": delimited(TEXT)}
    assert body["messages"][0]["content"][1]["type"] == "image_url"


def test_skip_delivers_nothing_to_a_model_without_system_role():
    body = chat(("user", "hi"))
    before = copy.deepcopy(body)
    assert not splice(body, TEXT, "chat", "merge", NO_SYSTEM, "skip")
    assert body == before


def test_nothing_is_delivered_without_a_user_message_to_carry_it():
    body = chat(("system", "only a system prompt"))
    assert not splice(body, TEXT, "chat", "user", ModelTraits())


def test_responses_directives_follow_the_clients_instructions():
    body = {"model": "m", "input": "hi", "instructions": "Be a pirate."}
    splice(body, TEXT, "responses", "merge", ModelTraits())
    assert body["instructions"] == f"Be a pirate.\n\n{TEXT}"
    fresh = {"model": "m", "input": "hi"}
    splice(fresh, TEXT, "responses", "prepend", ModelTraits())
    assert fresh["instructions"] == TEXT


def test_responses_without_system_role_heads_the_first_user_input():
    text_input = {"model": "m", "input": "hi"}
    splice(text_input, TEXT, "responses", "merge", NO_SYSTEM)
    assert text_input["input"] == f"{delimited(TEXT)}\n\nhi"
    items = {"model": "m", "input": [{"type": "message", "role": "user",
                                      "content": [{"type": "input_text", "text": "hi"}]}]}
    splice(items, TEXT, "responses", "merge", NO_SYSTEM)
    assert items["input"][0]["content"][0] == {"type": "input_text", "text": delimited(TEXT)}
    assert "instructions" not in items


def test_anthropic_system_blocks_keep_their_cache_breakpoint_first():
    blocks = [{"type": "text", "text": "App.", "cache_control": {"type": "ephemeral"}}]
    body = {"model": "m", "system": blocks, "messages": [{"role": "user", "content": "hi"}]}
    splice(body, TEXT, "messages", "merge", ModelTraits())
    assert body["system"] == [*blocks, {"type": "text", "text": TEXT}]
    plain = {"model": "m", "system": "App.", "messages": [{"role": "user", "content": "hi"}]}
    splice(plain, TEXT, "messages", "prepend", ModelTraits())
    assert plain["system"] == f"{TEXT}\n\nApp."


# -- caps ------------------------------------------------------------------------------------

def test_cap_lowers_the_clients_limit_and_never_raises_it():
    high, low = chat(("user", "q"), max_tokens=5000), chat(("user", "q"), max_tokens=100)
    apply_cap(high, Cap(600), "chat", ModelTraits())
    apply_cap(low, Cap(600), "chat", ModelTraits())
    assert (high["max_tokens"], low["max_tokens"]) == (600, 100)


def test_cap_is_added_only_when_the_rule_says_so():
    plain, added = chat(("user", "q")), chat(("user", "q"))
    apply_cap(plain, Cap(600), "chat", ModelTraits())
    apply_cap(added, Cap(600, add=True), "chat", ModelTraits())
    assert "max_tokens" not in plain and added["max_tokens"] == 600


def test_reasoning_models_get_max_completion_tokens():
    added = chat(("user", "q"))
    apply_cap(added, Cap(600, add=True), "chat", ModelTraits(reasoning=True))
    assert added == {**chat(("user", "q")), "max_completion_tokens": 600}


def test_a_float_limit_is_capped_and_only_its_own_field_is_sent():
    body = chat(("user", "q"), max_completion_tokens=5000.0)
    apply_cap(body, Cap(600), "chat", ModelTraits())
    assert body["max_completion_tokens"] == 600 and "max_tokens" not in body
    within = chat(("user", "q"), max_completion_tokens=300.0)
    apply_cap(within, Cap(600), "chat", ModelTraits())
    assert within["max_completion_tokens"] == 300.0  # untouched: as the client sent it


def test_cap_goes_to_the_field_the_upstream_honours():
    moved = chat(("user", "q"), max_completion_tokens=5)
    apply_cap(moved, Cap(600), "chat", ModelTraits(cap_field="max_tokens"))
    assert moved["max_tokens"] == 5 and "max_completion_tokens" not in moved
    both = chat(("user", "q"), max_tokens=9000)
    apply_cap(both, Cap(600), "chat", ModelTraits(cap_field="both"))
    assert (both["max_tokens"], both["max_completion_tokens"]) == (600, 600)


def test_responses_and_messages_caps_use_their_own_fields():
    responses = {"model": "m", "input": "q", "max_output_tokens": 4000}
    apply_cap(responses, Cap(600), "responses", ModelTraits())
    anthropic = {"model": "m", "messages": [], "max_tokens": 4000}
    apply_cap(anthropic, Cap(600), "messages", ModelTraits())
    assert responses["max_output_tokens"] == 600 and anthropic["max_tokens"] == 600


@pytest.mark.parametrize("shape,body", [
    ("chat", chat(("user", "q"), tools=[{"type": "function"}])),
    ("chat", chat(("user", "q"), response_format={"type": "json_schema", "json_schema": {}})),
    ("responses", {"input": "q", "text": {"format": {"type": "json_schema"}}}),
    ("responses", {"input": "q", "tools": [{"type": "function"}]}),
    ("messages", {"messages": [], "tools": [{"name": "t"}]}),
])
def test_caps_stay_off_tool_and_structured_requests_by_default(shape, body):
    assert not cap_allowed(body, shape, CapPolicy())
    assert cap_allowed(body, shape, CapPolicy(tools=True, structured_output=True))


@given(client=st.one_of(st.none(), st.integers(1, 10_000), st.floats(1, 10_000)),
       field=st.sampled_from(["max_tokens", "max_completion_tokens"]),
       limit=st.integers(1, 5_000), add=st.booleans(), reasoning=st.booleans(),
       cap_field=st.sampled_from(["auto", "max_tokens", "max_completion_tokens", "both"]))
def test_a_capped_request_never_asks_for_more_than_cap_or_client(client, field, limit, add, reasoning, cap_field):
    body = chat(("user", "q"), **({field: client} if client is not None else {}))
    apply_cap(body, Cap(limit, add), "chat", ModelTraits(cap_field=cap_field, reasoning=reasoning))
    sent = [body[k] for k in ("max_tokens", "max_completion_tokens") if k in body]
    if client is None and not add:
        assert sent == []
    else:
        assert sent and all(v <= min(limit, client if client is not None else limit) for v in sent)
    if cap_field == "auto" and sent:
        assert len(sent) == 1  # never both fields unless configured


# -- apply_plan: what counts as applied ----------------------------------------------------------

RULE = Rule("concise", (("length", "concise"),), None, 0.7, "Be brief.", cap=Cap(600, add=True))


def test_apply_plan_reports_undelivered_directives_and_leaves_the_body_alone():
    p = plan((RULE,), [BeliefView("length", "concise", 0.9)], "*", InjectionPolicy())
    body = chat(("user", "q"))
    assert not apply_plan(body, p, InjectionPolicy(without_system_role="skip"), traits=NO_SYSTEM)
    assert body == chat(("user", "q"))  # no cap either: nothing of the plan reached the model
    assert apply_plan(body, p, InjectionPolicy(), traits=NO_SYSTEM)
    assert body["max_tokens"] == 600 and "Be brief." in body["messages"][0]["content"]


def test_empty_plan_is_not_applied():
    assert not apply_plan(chat(("user", "q")), Plan(), InjectionPolicy())
