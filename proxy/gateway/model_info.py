"""What litellm's model map says about a model: whether it keeps system messages, and whether it
is an OpenAI reasoning model (which refuses ``max_tokens``).

Read from the JSON file inside the litellm package, without importing litellm (seconds) and
without the network; parsed once per process (~50 ms, on the first personalised request that
needs it), then a dictionary lookup.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from pathlib import Path

import orjson

log = logging.getLogger("beliefloop.proxy")

_MAP_FILE = "model_prices_and_context_window_backup.json"
_OPENAI_PROVIDERS = ("openai", "azure", "text-completion-openai")


@functools.lru_cache(maxsize=1)
def _facts() -> dict[str, tuple[bool | None, bool]]:
    """model name -> (keeps system messages, or None when the map does not say; reasoning).

    Only models the map says something about are kept; each is also listed under its bare name
    (the part after the provider prefix) unless a model of that bare name is listed itself."""
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / _MAP_FILE
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        log.warning("litellm's model map is unreadable (%s): model traits come from config only", error)
        return {}
    facts: dict[str, tuple[bool | None, bool]] = {}
    bare: dict[str, tuple[bool | None, bool]] = {}
    for name, info in data.items():
        if not isinstance(info, dict):
            continue
        system = info.get("supports_system_messages")
        reasoning = bool(info.get("supports_reasoning")) and info.get("litellm_provider") in _OPENAI_PROVIDERS
        if system is not False and not reasoning:
            continue
        fact = (False if system is False else None, reasoning)
        facts[name] = fact
        bare.setdefault(name.rsplit("/", 1)[-1], fact)
    for name, fact in bare.items():
        facts.setdefault(name, fact)
    return facts


@functools.lru_cache(maxsize=4096)
def model_facts(model: str) -> tuple[bool | None, bool]:
    """(keeps system messages: True/False, or None when unknown; OpenAI reasoning model) for a
    model name as a client or a ``model_list`` route names it (``o3-mini``, ``openai/o3-mini``)."""
    facts = _facts()
    found = facts.get(model) or facts.get(model.split("/", 1)[-1]) or facts.get(model.rsplit("/", 1)[-1])
    return found if found is not None else (None, False)


__all__ = ["model_facts"]
