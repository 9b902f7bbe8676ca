"""Anthropic's Messages API in terms of chat completions, both ways.

* :func:`conversation`: ``system`` + ``messages`` as chat messages (text, images, documents,
  tool use and tool results). Also how the Messages door hands a conversation to learning.
* :func:`request_to_chat`: a Messages request as a chat completions request.
* :class:`MessageBuilder`: chat output (a completion, or stream chunks) as an Anthropic message,
  with the stream's events (message_start, content_block_start/delta/stop, message_delta,
  message_stop).

Pure: dicts in, dicts and event bytes out. Tool-use ids are kept as the chat tool-call ids, so
a tool_result sent back names the call the upstream made.
"""

from __future__ import annotations

import os
from typing import Any

import orjson

from adapters import ModelTraits
from adapters.caps import chat_cap_fields
from proxy.errors import InvalidRequest

from .sse import event
from .translate import ChatChunkReader

_STOP_REASONS = {"stop": "end_turn", "length": "max_tokens", "tool_calls": "tool_use",
                 "function_call": "tool_use", "content_filter": "refusal"}


# -- request -----------------------------------------------------------------------------------

def _block_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n\n".join(b["text"] for b in content
                           if isinstance(b, dict) and b.get("type") == "text" and isinstance(b.get("text"), str))
    return ""


def _image(source: Any) -> dict[str, Any] | None:
    if not isinstance(source, dict):
        return None
    if source.get("type") == "base64" and isinstance(source.get("data"), str):
        url = f"data:{source.get('media_type', 'image/png')};base64,{source['data']}"
    elif source.get("type") == "url" and isinstance(source.get("url"), str):
        url = source["url"]
    else:
        return None
    return {"type": "image_url", "image_url": {"url": url}}


def _document(block: dict[str, Any]) -> dict[str, Any] | None:
    source = block.get("source")
    if not isinstance(source, dict):
        return None
    if source.get("type") == "text" and isinstance(source.get("data"), str):
        return {"type": "text", "text": source["data"]}
    if source.get("type") == "base64" and isinstance(source.get("data"), str):
        media = source.get("media_type", "application/pdf")
        return {"type": "file", "file": {"file_data": f"data:{media};base64,{source['data']}",
                                         "filename": block.get("title") or "document.pdf"}}
    return None


def _user(content: Any) -> list[dict[str, Any]]:
    """One Anthropic user turn as chat messages: tool results first (as tool messages, which must
    follow the assistant's tool calls), then what the user wrote."""
    if isinstance(content, str):
        return [{"role": "user", "content": content}]
    tools: list[dict[str, Any]] = []
    parts: list[dict[str, Any]] = []
    for block in content if isinstance(content, list) else ():
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "text" and isinstance(block.get("text"), str):
            parts.append({"type": "text", "text": block["text"]})
        elif kind == "image":
            image = _image(block.get("source"))
            if image is not None:
                parts.append(image)
        elif kind == "document":
            document = _document(block)
            if document is not None:
                parts.append(document)
        elif kind == "tool_result":
            text = _block_text(block.get("content"))
            tools.append({"role": "tool", "tool_call_id": block.get("tool_use_id") or "",
                          "content": f"Error: {text}" if block.get("is_error") else text})
    if not parts:
        return tools
    if all(p["type"] == "text" for p in parts):
        return [*tools, {"role": "user", "content": "\n\n".join(p["text"] for p in parts)}]
    return [*tools, {"role": "user", "content": parts}]


def _assistant(content: Any) -> dict[str, Any]:
    if isinstance(content, str):
        return {"role": "assistant", "content": content}
    texts, calls = [], []
    for block in content if isinstance(content, list) else ():
        if not isinstance(block, dict):
            continue
        if block.get("type") == "text" and isinstance(block.get("text"), str):
            texts.append(block["text"])
        elif block.get("type") == "tool_use":
            calls.append({"id": block.get("id") or "", "type": "function",
                          "function": {"name": block.get("name") or "",
                                       "arguments": orjson.dumps(block.get("input") or {}).decode()}})
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts or not calls else None}
    if calls:
        message["tool_calls"] = calls
    return message


def conversation(body: dict[str, Any]) -> list[dict[str, Any]]:
    """``system`` and ``messages`` as chat messages (thinking blocks have no chat form)."""
    messages: list[dict[str, Any]] = []
    system = _block_text(body.get("system"))
    if system:
        messages.append({"role": "system", "content": system})
    for message in body.get("messages") or ():
        if not isinstance(message, dict):
            continue
        if message.get("role") == "assistant":
            messages.append(_assistant(message.get("content")))
        elif message.get("role") == "user":
            messages.extend(_user(message.get("content")))
    return messages


def _tool(tool: Any, index: int) -> dict[str, Any]:
    if not isinstance(tool, dict) or tool.get("type") not in (None, "custom") or "input_schema" not in tool:
        kind = tool.get("type") if isinstance(tool, dict) else type(tool).__name__
        raise InvalidRequest(f"tools.{index}: Anthropic server tool {kind!r} cannot be answered by a chat "
                             "completions model; only custom tools (name, input_schema) are translated",
                             param=f"tools.{index}", code="unsupported_tool")
    function = {"name": tool.get("name"), "parameters": tool.get("input_schema") or {"type": "object"}}
    if tool.get("description"):
        function["description"] = tool["description"]
    return {"type": "function", "function": function}


def _tool_choice(choice: Any) -> Any:
    kind = choice.get("type") if isinstance(choice, dict) else None
    if kind == "tool":
        return {"type": "function", "function": {"name": choice.get("name")}}
    return {"auto": "auto", "any": "required", "none": "none"}.get(kind or "", "auto")


def request_to_chat(body: dict[str, Any], messages: list[dict[str, Any]], traits: ModelTraits) -> dict[str, Any]:
    """The chat completions request for a Messages request whose conversation is ``messages``."""
    chat: dict[str, Any] = {"model": body["model"], "messages": messages}
    if body.get("max_tokens") is not None:
        for field in chat_cap_fields(traits, ()):
            chat[field] = body["max_tokens"]
    for field in ("temperature", "top_p"):
        if body.get(field) is not None:
            chat[field] = body[field]
    if body.get("stop_sequences"):
        chat["stop"] = body["stop_sequences"]
    metadata = body.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("user_id"), str):
        chat["user"] = metadata["user_id"]
    tools = body.get("tools")
    if tools:
        chat["tools"] = [_tool(tool, i) for i, tool in enumerate(tools)]
        choice = body.get("tool_choice")
        if choice is not None:
            chat["tool_choice"] = _tool_choice(choice)
            if isinstance(choice, dict) and choice.get("disable_parallel_tool_use"):
                chat["parallel_tool_calls"] = False
    if body.get("stream") is True:
        chat["stream"] = True
        chat["stream_options"] = {"include_usage": True}
    return chat


# -- reply ---------------------------------------------------------------------------------------

def new_message_id() -> str:
    return "msg_" + os.urandom(12).hex()


def usage_of(chat_usage: Any) -> dict[str, Any]:
    if not isinstance(chat_usage, dict):
        return {"input_tokens": 0, "output_tokens": 0}
    cached = (chat_usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0
    usage = {"input_tokens": (chat_usage.get("prompt_tokens") or 0) - cached,
             "output_tokens": chat_usage.get("completion_tokens") or 0}
    if cached:
        usage["cache_read_input_tokens"] = cached
    return usage


class MessageBuilder(ChatChunkReader):
    """Assembles an Anthropic message from chat output; with ``stream``, also the events.

    ``start``, ``feed`` (one chat chunk) and ``finish`` return the event bytes to send (empty
    without ``stream``); ``message`` is the final object.
    """

    def __init__(self, message_id: str, model: str, *, stream: bool) -> None:
        self.id, self.model, self.stream = message_id, model, stream
        self.content: list[dict[str, Any]] = []
        self.usage: dict[str, Any] = {"input_tokens": 0, "output_tokens": 0}
        self.finish_reason: str | None = None
        self._open: int | None = None  # index of the block being written
        self._kind: str | None = None  # its type: text or tool_use
        self._texts: list[str] = []
        self._calls: dict[int, int] = {}  # chat tool-call index -> content block index
        self._args: dict[int, list[str]] = {}
        self._current_call: int | None = None
        self._events: list[bytes] = []

    def _emit(self, kind: str, **fields: Any) -> None:
        if self.stream:
            self._events.append(event(kind, {"type": kind, **fields}))

    def message(self) -> dict[str, Any]:
        return {"id": self.id, "type": "message", "role": "assistant", "model": self.model,
                "content": list(self.content), "stop_reason": self._stop_reason(), "stop_sequence": None,
                "usage": dict(self.usage)}

    def _stop_reason(self) -> str | None:
        if self.finish_reason is None:
            return None
        return _STOP_REASONS.get(self.finish_reason, "end_turn")

    def start(self) -> bytes:
        self._emit("message_start", message={**self.message(), "stop_reason": None})
        return self._flush()

    def _take_usage(self, usage: dict[str, Any]) -> None:
        self.usage = usage_of(usage)

    def finish(self) -> bytes:
        self._close()
        if self.finish_reason is None:
            self.finish_reason = "stop"
        self._emit("message_delta", delta={"stop_reason": self._stop_reason(), "stop_sequence": None},
                   usage=dict(self.usage))
        self._emit("message_stop")
        return self._flush()

    def _close(self) -> None:
        if self._open is None:
            return
        index = self._open
        if self._kind == "text":
            self.content[index] = {"type": "text", "text": "".join(self._texts)}
        else:
            position = self._current_call
            arguments = "".join(self._args.get(position, ())) if position is not None else ""
            try:
                parsed = orjson.loads(arguments) if arguments else {}
            except orjson.JSONDecodeError:
                parsed = {}
            self.content[index] = {**self.content[index], "input": parsed if isinstance(parsed, dict) else {}}
        self._emit("content_block_stop", index=index)
        self._open, self._kind, self._texts, self._current_call = None, None, [], None

    def _write_text(self, delta: str) -> None:
        if self._kind != "text":
            self._close()
            self.content.append({"type": "text", "text": ""})
            self._open, self._kind = len(self.content) - 1, "text"
            self._emit("content_block_start", index=self._open, content_block={"type": "text", "text": ""})
        self._texts.append(delta)
        self._emit("content_block_delta", index=self._open, delta={"type": "text_delta", "text": delta})

    def _write_call(self, call: dict[str, Any]) -> None:
        position = call.get("index", 0)
        function = call.get("function") or {}
        if position not in self._calls:
            self._close()
            block = {"type": "tool_use", "id": call.get("id") or "toolu_" + os.urandom(12).hex(),
                     "name": function.get("name") or "", "input": {}}
            self.content.append(block)
            self._calls[position] = len(self.content) - 1
            self._args[position] = []
            self._open, self._kind, self._current_call = len(self.content) - 1, "tool_use", position
            self._emit("content_block_start", index=self._open, content_block=dict(block))
        arguments = function.get("arguments")
        if isinstance(arguments, str) and arguments:
            self._args[position].append(arguments)
            if self._current_call == position:
                self._emit("content_block_delta", index=self._open,
                           delta={"type": "input_json_delta", "partial_json": arguments})


def message_from_completion(completion: dict[str, Any], message_id: str, model: str) -> dict[str, Any]:
    """A non-stream chat completion as an Anthropic message."""
    builder = MessageBuilder(message_id, completion.get("model") or model, stream=False)
    for choice in completion.get("choices") or ():
        if isinstance(choice, dict) and choice.get("index", 0) == 0:
            message = choice.get("message") or {}
            calls = [{**c, "index": i} for i, c in enumerate(message.get("tool_calls") or ()) if isinstance(c, dict)]
            builder.feed({"usage": completion.get("usage"), "choices": [
                {"index": 0, "finish_reason": choice.get("finish_reason"),
                 "delta": {"content": message.get("content"), "tool_calls": calls}}]})
            break
    else:
        builder.feed({"usage": completion.get("usage")})
    builder.finish()
    return builder.message()


_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
                404: "not_found_error", 413: "request_too_large", 422: "invalid_request_error",
                429: "rate_limit_error", 529: "overloaded_error"}


def error_type(status: int) -> str:
    """Anthropic's error type for an HTTP status."""
    return _ERROR_TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")


def error_body(status: int, message: str) -> bytes:
    return orjson.dumps({"type": "error", "error": {"type": error_type(status), "message": message}})


def error_event(status: int, message: str) -> bytes:
    """A mid-stream ``error`` event (the anthropic SDK raises it)."""
    return event("error", {"type": "error", "error": {"type": error_type(status), "message": message}})


__all__ = ["MessageBuilder", "conversation", "error_body", "error_event", "error_type", "message_from_completion",
           "new_message_id", "request_to_chat", "usage_of"]
