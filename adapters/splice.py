"""Put directive text where the model will read it, in each request shape beliefloop writes.

The modes (``injection.mode``):

* ``merge`` (default): appended to the app's first system/developer message (the Responses API's
  ``instructions``, Anthropic's ``system``), creating one only when there is none. Survives chat
  templates that keep only the first system message (llama.cpp's built-in formats, many others),
  and keeps the app's own prompt a stable prefix for prompt caching.
* ``prepend``: a system message of its own before the app's (``instructions``/``system``: before
  the app's text).
* ``user``: at the head of the first user message, delimited.

A model without a system role (``ModelTraits.system_role`` False) gets the text at the head of the
first user message whatever the mode, unless ``without_system_role`` is ``skip``: then nothing is
delivered. Every function returns whether the text was delivered, which is what
``x-beliefloop-applied`` reports. Pure: lists are replaced, never mutated, so the client's
conversation as it was sent stays intact for the records.
"""

from __future__ import annotations

from typing import Any, Literal

from .traits import ModelTraits, Shape

InjectionMode = Literal["merge", "prepend", "user"]
WithoutSystemRole = Literal["user", "skip"]
_SYSTEM_ROLES = ("system", "developer")
_OPEN, _CLOSE = "<user_preferences>", "</user_preferences>"


def delimited(text: str) -> str:
    """The directives as they head a user message: fenced off from what the user wrote."""
    return f"{_OPEN}\n{text}\n{_CLOSE}"


def splice(body: dict[str, Any], text: str, shape: Shape, mode: InjectionMode,
           traits: ModelTraits, without_system_role: WithoutSystemRole = "user") -> bool:
    """Deliver ``text`` into ``body``; False (and ``body`` unchanged) when it cannot be delivered."""
    in_user = mode == "user" or (not traits.system_role and shape != "messages")
    if in_user and not traits.system_role and without_system_role == "skip" and shape != "messages":
        return False
    if shape == "chat":
        return _chat_user(body, text) if in_user else _chat_system(body, text, mode)
    if shape == "responses":
        return _responses_user(body, text) if in_user else _instructions(body, text, mode)
    return _messages_user(body, text) if in_user else _anthropic_system(body, text, mode)


def _joined(own: Any, text: str, mode: InjectionMode, part_type: str = "text") -> Any:
    """The app's text (a string or a list of parts) with ``text`` after it (``prepend``: before)."""
    if isinstance(own, str) and own:
        return f"{text}\n\n{own}" if mode == "prepend" else f"{own}\n\n{text}"
    if isinstance(own, list) and own:
        part = {"type": part_type, "text": text}
        return [part, *own] if mode == "prepend" else [*own, part]
    return text


def _headed(content: Any, text: str, part_type: str) -> Any:
    """A user message's content with the delimited directives first."""
    block = delimited(text)
    if isinstance(content, str):
        return f"{block}\n\n{content}" if content else block
    if isinstance(content, list):
        return [{"type": part_type, "text": block}, *content]
    return block


# -- chat completions -----------------------------------------------------------------------

def _chat_system(body: dict[str, Any], text: str, mode: InjectionMode) -> bool:
    messages = body["messages"]
    if mode == "merge":
        for index, message in enumerate(messages):
            if isinstance(message, dict) and message.get("role") in _SYSTEM_ROLES:
                merged = {**message, "content": _joined(message.get("content"), text, "merge")}
                body["messages"] = [*messages[:index], merged, *messages[index + 1:]]
                return True
    body["messages"] = [{"role": "system", "content": text}, *messages]
    return True


def _first_user(items: list[Any]) -> int | None:
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("role") == "user" and item.get("type", "message") == "message":
            return index
    return None


def _head_first_user(body: dict[str, Any], key: str, text: str, part_type: str) -> bool:
    """Put ``text`` at the head of the first user item of ``body[key]`` (a new list; the
    client's is never mutated); False when there is no such item."""
    items = body.get(key)
    if not isinstance(items, list):
        return False
    index = _first_user(items)
    if index is None:
        return False
    item = items[index]
    headed = {**item, "content": _headed(item.get("content"), text, part_type)}
    body[key] = [*items[:index], headed, *items[index + 1:]]
    return True


def _chat_user(body: dict[str, Any], text: str) -> bool:
    return _head_first_user(body, "messages", text, "text")


# -- the Responses API ------------------------------------------------------------------------

def _instructions(body: dict[str, Any], text: str, mode: InjectionMode) -> bool:
    own = body.get("instructions")
    body["instructions"] = _joined(own if isinstance(own, str) else None, text, mode)
    return True


def _responses_user(body: dict[str, Any], text: str) -> bool:
    given = body.get("input")
    if isinstance(given, str):
        body["input"] = _headed(given, text, "input_text")
        return True
    return _head_first_user(body, "input", text, "input_text")


# -- Anthropic Messages -----------------------------------------------------------------------

def _anthropic_system(body: dict[str, Any], text: str, mode: InjectionMode) -> bool:
    # Appending after the app's blocks keeps a cache_control breakpoint on them valid.
    body["system"] = _joined(body.get("system"), text, "prepend" if mode == "prepend" else "merge")
    return True


def _messages_user(body: dict[str, Any], text: str) -> bool:
    return _head_first_user(body, "messages", text, "text")


__all__ = ["InjectionMode", "WithoutSystemRole", "delimited", "splice"]
