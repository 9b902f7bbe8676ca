"""Render a rule's directive from its template and *validated* belief values only.

A template may name ``{<dimension>}`` (the matched value) and ``{language_name}``; anything else
is rejected when the config is loaded. Values come from closed sets, so no user text can reach a
system prompt through a template.
"""

from __future__ import annotations

import string
from typing import Iterable, Mapping

from beliefs.dimensions import LANGUAGE_NAMES


class TemplateError(ValueError):
    """A template names a placeholder that no belief can fill."""


def placeholders(template: str) -> set[str]:
    """Names used in ``{...}`` fields of a str.format template."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as error:
        raise TemplateError(f"bad template {template!r}: {error}") from None


def check_template(template: str, dimensions: Iterable[str]) -> None:
    """Reject fields other than the rule's own dimensions and ``language_name``."""
    allowed = set(dimensions) | ({"language_name"} if "language" in set(dimensions) else set())
    for name in placeholders(template):
        if name not in allowed:
            raise TemplateError(
                f"template field {{{name}}} is not allowed; use one of: {', '.join(sorted(allowed)) or 'none'}"
            )


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill a checked template with validated values (dimension -> value)."""
    fields = dict(values)
    if "language" in fields:
        fields["language_name"] = LANGUAGE_NAMES.get(fields["language"], fields["language"])
    return template.format_map(fields)


__all__ = ["TemplateError", "check_template", "placeholders", "render"]
