"""Rule matching, composition, templates and injection: pure functions tested directly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters import Cap, InjectionPolicy, Plan, Rule, apply_plan, match_rules, plan, render
from adapters.templates import TemplateError, check_template
from beliefs.records import BeliefView

CONCISE = Rule("concise", (("length", "concise"),), None, 0.7, "Be brief.", cap=Cap(600))
EXPERT = Rule("expert", (("expertise", "expert"),), None, 0.7, "Skip basics.")
BOTH = Rule("concise-expert", (("length", "concise"), ("expertise", "expert")), None, 0.7, "Terse.")
CLINICAL = Rule("clinical", (("length", "concise"), ("expertise", "expert")), "healthcare", 0.7, "Clinical.")
LANGUAGE = Rule("language", (("language", "*"),), None, 0.7, "Answer in {language_name}.")
RULES = (CONCISE, EXPERT, BOTH, CLINICAL, LANGUAGE)


def views(**pairs: tuple[str, float]) -> dict[str, BeliefView]:
    return {d: BeliefView(d, v, c) for d, (v, c) in pairs.items()}


def names(matches) -> list[str]:
    return [m.rule.name for m in matches]


def test_single_belief_matches_its_rule():
    assert names(match_rules(RULES, views(length=("concise", 0.8)), "*")) == ["concise"]


def test_more_specific_rule_replaces_the_general_ones():
    beliefs = views(length=("concise", 0.8), expertise=("expert", 0.9))
    assert names(match_rules(RULES, beliefs, "*")) == ["concise-expert"]
    assert names(match_rules(RULES, beliefs, "healthcare")) == ["clinical"]


def test_belief_below_min_confidence_does_not_match():
    assert match_rules(RULES, views(length=("concise", 0.69)), "*") == []


def test_wildcard_rule_matches_any_value_and_renders_it():
    (match,) = match_rules(RULES, views(language=("es", 0.9)), "*")
    assert render(match.rule.system, {"language": "es"}) == "Answer in Spanish."


def test_unrelated_rules_all_apply():
    beliefs = views(length=("concise", 0.8), language=("de", 0.75))
    assert names(match_rules(RULES, beliefs, "*")) == ["concise", "language"]


@given(st.dictionaries(st.sampled_from(["length", "expertise", "language"]),
                       st.tuples(st.sampled_from(["concise", "detailed", "expert", "beginner", "de"]),
                                 st.floats(0, 1))),
       st.sampled_from(["*", "healthcare", "work"]))
def test_no_matched_rule_is_a_strict_subset_of_another(pairs, context):
    beliefs = {d: BeliefView(d, v, c) for d, (v, c) in pairs.items()}
    matches = match_rules(RULES, beliefs, context)
    conditions = [m.conditions() for m in matches]
    assert not any(a < b for a in conditions for b in conditions)
    for m in matches:
        assert all(b.confidence >= m.rule.min_confidence for b in m.beliefs)


@pytest.mark.parametrize("template,fragment", [("Use {secret}", "{secret}"), ("Bad {", "bad template")])
def test_templates_only_name_their_dimensions(template, fragment):
    with pytest.raises(TemplateError) as raised:
        check_template(template, ["length"])
    assert fragment in str(raised.value)


def test_plan_orders_by_confidence_and_caps_tokens():
    p = plan(RULES, [BeliefView("length", "concise", 0.75), BeliefView("language", "fr", 0.95)], "*",
             InjectionPolicy())
    assert [d.rule for d in p.directives] == ["language", "concise"]
    assert p.cap == Cap(600)
    assert p.applied_header() == "language=fr;length=concise"


def test_apply_plan_adds_a_system_message_and_keeps_other_fields():
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "seed": 1, "max_tokens": 9000}
    p = plan(RULES, [BeliefView("length", "concise", 0.8)], "*", InjectionPolicy())
    assert apply_plan(body, p, InjectionPolicy())
    assert body["messages"][0]["role"] == "system" and "Be brief." in body["messages"][0]["content"]
    assert body["messages"][1:] == [{"role": "user", "content": "hi"}]
    assert body["seed"] == 1 and body["max_tokens"] == 600


def test_merge_into_a_content_list_system_message():
    body = {"messages": [{"role": "system", "content": [{"type": "text", "text": "App."}]},
                         {"role": "user", "content": "hi"}]}
    p = plan(RULES, [BeliefView("expertise", "expert", 0.8)], "*", InjectionPolicy())
    apply_plan(body, p, InjectionPolicy(mode="merge"))
    assert len(body["messages"]) == 2
    assert body["messages"][0]["content"][-1]["text"].endswith("Skip basics.")


def test_empty_plan_leaves_the_body_alone():
    body = {"messages": [{"role": "user", "content": "hi"}]}
    assert not apply_plan(body, Plan(), InjectionPolicy())
    assert body == {"messages": [{"role": "user", "content": "hi"}]}


# -- graded wording ----------------------------------------------------------------------------

GRADED = Rule("concise", (("length", "concise"),), None, 0.92, "Keep answers short.", cap=Cap(600),
              tentative="Lean towards shorter answers.", tentative_confidence=0.8)


def test_belief_between_tentative_and_firm_confidence_gets_the_tentative_wording():
    p = plan((GRADED,), [BeliefView("length", "concise", 0.85)], "*", InjectionPolicy())
    assert [d.text for d in p.directives] == ["Lean towards shorter answers."]
    assert p.directives[0].wording == "tentative"
    assert p.applied_header() == "length=concise~tentative"


def test_tentative_wording_never_cuts_the_reply():
    p = plan((GRADED,), [BeliefView("length", "concise", 0.85)], "*", InjectionPolicy())
    assert p.cap is None


def test_belief_at_firm_confidence_gets_the_firm_wording_and_cap():
    p = plan((GRADED,), [BeliefView("length", "concise", 0.92)], "*", InjectionPolicy())
    assert [d.text for d in p.directives] == ["Keep answers short."]
    assert p.applied_header() == "length=concise" and p.cap == Cap(600)


def test_belief_below_tentative_confidence_gets_nothing():
    assert not plan((GRADED,), [BeliefView("length", "concise", 0.79)], "*", InjectionPolicy())


def test_rule_without_tentative_wording_waits_for_firm_confidence():
    firm_only = Rule("concise", (("length", "concise"),), None, 0.92, "Keep answers short.",
                     tentative_confidence=0.5)
    assert not plan((firm_only,), [BeliefView("length", "concise", 0.9)], "*", InjectionPolicy())


@given(st.floats(0, 1))
def test_wording_is_firm_exactly_from_min_confidence(confidence):
    matches = match_rules((GRADED,), views(length=("concise", confidence)), "*")
    if confidence < 0.8:
        assert matches == []
    else:
        (match,) = matches
        assert match.wording == ("firm" if confidence >= 0.92 else "tentative")


def test_tentative_specific_rule_does_not_silence_a_firm_general_one():
    both = Rule("concise-expert", (("length", "concise"), ("expertise", "expert")), None, 0.92, "Terse.",
                tentative="Lean terse.", tentative_confidence=0.8)
    beliefs = views(length=("concise", 0.95), expertise=("expert", 0.85))
    assert names(match_rules((GRADED, both), beliefs, "*")) == ["concise", "concise-expert"]
    p = plan((GRADED, both), beliefs.values(), "*", InjectionPolicy())
    assert p.applied_header() == "expertise=expert~tentative;length=concise"
    firm = views(length=("concise", 0.95), expertise=("expert", 0.95))
    assert names(match_rules((GRADED, both), firm, "*")) == ["concise-expert"]
