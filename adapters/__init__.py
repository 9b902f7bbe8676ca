"""Belief -> configuration: rule matching, directive templates, prompt injection and token caps."""

from .caps import Cap, CapPolicy
from .inject import Directive, InjectionPolicy, Plan, apply_plan, plan, system_text
from .rules import ANY_VALUE, HeldBelief, Match, Rule, match_rules
from .templates import TemplateError, check_template, render
from .traits import CapField, ModelTraits, Shape

__all__ = [
    "ANY_VALUE", "Cap", "CapField", "CapPolicy", "Directive", "HeldBelief", "InjectionPolicy", "Match",
    "ModelTraits", "Plan", "Rule", "Shape", "TemplateError", "apply_plan", "check_template",
    "match_rules", "plan", "render", "system_text",
]
