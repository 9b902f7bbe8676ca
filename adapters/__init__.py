"""Belief -> configuration: rule matching, directive templates and prompt injection."""

from .inject import Directive, InjectionPolicy, Plan, apply_plan, plan, system_text
from .rules import ANY_VALUE, HeldBelief, Match, Rule, match_rules
from .templates import TemplateError, check_template, render

__all__ = [
    "ANY_VALUE", "HeldBelief", "Directive", "InjectionPolicy", "Match", "Plan", "Rule",
    "TemplateError", "apply_plan", "check_template", "match_rules", "plan", "render", "system_text",
]
