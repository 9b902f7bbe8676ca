"""The Responses API in terms of chat completions, both ways (for upstreams without ``/responses``).

* :func:`input_messages`: ``instructions`` + ``input`` items as chat messages. Also how the
  Responses door hands a conversation to learning, so edits and regenerations read the same.
* :func:`request_to_chat`: a Responses request as a chat completions request.
* :class:`ResponseBuilder`: chat output (a completion, or stream chunks) as a Responses API
  response, with the stream's events in the order OpenAI sends them (created, in_progress,
  output_item.added, content_part.added, output_text.delta..., done events, completed).

Pure: dicts in, dicts and event bytes out.
"""

from __future__ import annotations

import os
from typing import Any, Iterable

from adapters import ModelTraits
from adapters.caps import chat_cap_fields
from proxy.errors import InvalidRequest

from .sse import event
from .translate import ChatChunkReader

#: Marks the chat message that carries a request's ``instructions`` (they belong to one request,
#: not to the chain that later requests continue).
INSTRUCTIONS_NAME = "instructions"

#: Responses fields with no chat counterpart (or handled explicitly below); everything else is
#: passed on as it came (temperature, top_p, user, service_tier, vendor fields...).
_HANDLED = frozenset({
    "model", "input", "instructions", "previous_response_id", "max_output_tokens", "text", "reasoning",
    "tools", "tool_choice", "store", "include", "truncation", "background", "conversation", "prompt",
    "stream", "stream_options", "metadata", "top_logprobs", "max_tool_calls",
})


# -- request -----------------------------------------------------------------------------------

def instructions_message(body: dict[str, Any]) -> list[dict[str, Any]]:
    text = body.get("instructions")
    return [{"role": "system", "content": text, "name": INSTRUCTIONS_NAME}] if isinstance(text, str) and text else []


def without_instructions(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A stored conversation minus the ``instructions`` of the request that made it."""
    if messages and isinstance(messages[0], dict) and messages[0].get("name") == INSTRUCTIONS_NAME:
        return messages[1:]
    return messages


def input_messages(given: Any) -> list[dict[str, Any]]:
    """``input`` (a string or a list of items) as chat messages. Function calls join the assistant
    message before them as ``tool_calls``; their outputs become tool messages; reasoning items,
    item references and hosted tool calls have no chat form and are left out."""
    if isinstance(given, str):
        return [{"role": "user", "content": given}]
    messages: list[dict[str, Any]] = []
    for item in given if isinstance(given, list) else ():
        if not isinstance(item, dict):
            continue
        kind = item.get("type") or ("message" if "role" in item else None)
        if kind == "message":
            role = item.get("role")
            if role == "assistant":
                messages.append({"role": "assistant", "content": _text(item.get("content"))})
            elif role in ("user", "system", "developer"):
                messages.append({"role": role, "content": _parts(item.get("content"))})
        elif kind == "function_call":
            call = {"id": item.get("call_id") or item.get("id") or "", "type": "function",
                    "function": {"name": item.get("name") or "", "arguments": item.get("arguments") or ""}}
            last = messages[-1] if messages else None
            if last is not None and last["role"] == "assistant":
                last.setdefault("tool_calls", []).append(call)
            else:
                messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
        elif kind == "function_call_output":
            output = item.get("output")
            messages.append({"role": "tool", "tool_call_id": item.get("call_id") or "",
                             "content": output if isinstance(output, str) else _text(output)})
    return messages


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content
                       if isinstance(p, dict) and isinstance(p.get("text"), str))
    return ""


def _parts(content: Any) -> Any:
    """Input content parts as chat content parts (text, images, files)."""
    if not isinstance(content, list):
        return content if isinstance(content, str) else ""
    parts = []
    for part in content:
        if not isinstance(part, dict):
            continue
        kind = part.get("type")
        if kind in ("input_text", "output_text", "text") and isinstance(part.get("text"), str):
            parts.append({"type": "text", "text": part["text"]})
        elif kind == "input_image" and isinstance(part.get("image_url"), str):
            image = {"url": part["image_url"]}
            if part.get("detail"):
                image["detail"] = part["detail"]
            parts.append({"type": "image_url", "image_url": image})
        elif kind == "input_file":
            file = {k: part[k] for k in ("file_data", "file_id", "filename") if isinstance(part.get(k), str)}
            if file:
                parts.append({"type": "file", "file": file})
    return parts


def _tool(tool: Any, index: int) -> dict[str, Any]:
    if not isinstance(tool, dict) or tool.get("type") != "function":
        kind = tool.get("type") if isinstance(tool, dict) else type(tool).__name__
        raise InvalidRequest(f"tools[{index}]: tool type {kind!r} needs an upstream with the Responses API "
                             "(upstream.responses: native); only function tools are translated",
                             param=f"tools[{index}]", code="unsupported_tool")
    function = {k: tool[k] for k in ("name", "description", "parameters", "strict") if tool.get(k) is not None}
    return {"type": "function", "function": function}


def _tool_choice(choice: Any) -> Any:
    if isinstance(choice, str):
        return choice
    if isinstance(choice, dict) and choice.get("type") == "function":
        return {"type": "function", "function": {"name": choice.get("name")}}
    if isinstance(choice, dict) and choice.get("type") == "allowed_tools":
        return choice.get("mode", "auto")
    raise InvalidRequest("tool_choice: only auto, none, required and function choices are translated",
                         param="tool_choice", code="unsupported_tool_choice")


def request_to_chat(body: dict[str, Any], messages: list[dict[str, Any]], traits: ModelTraits) -> dict[str, Any]:
    """The chat completions request for a Responses request whose conversation is ``messages``."""
    for field in ("conversation", "prompt"):
        if body.get(field) is not None:
            raise InvalidRequest(f"{field!r} needs an upstream with the Responses API (upstream.responses: native)",
                                 param=field, code="unsupported_parameter")
    if body.get("background"):
        raise InvalidRequest("background responses need an upstream with the Responses API",
                             param="background", code="unsupported_parameter")
    chat: dict[str, Any] = {k: v for k, v in body.items() if k not in _HANDLED}
    chat["model"] = body["model"]
    chat["messages"] = [{k: v for k, v in m.items() if k != "name"} if m.get("name") == INSTRUCTIONS_NAME else m
                        for m in messages]
    if body.get("stream") is True:
        chat["stream"] = True
        chat["stream_options"] = {"include_usage": True}
    limit = body.get("max_output_tokens")
    if limit is not None:
        for field in chat_cap_fields(traits, ()):
            chat[field] = limit
    tools = body.get("tools")
    if tools:
        chat["tools"] = [_tool(tool, i) for i, tool in enumerate(tools)]
    if body.get("tool_choice") is not None:
        chat["tool_choice"] = _tool_choice(body["tool_choice"])
    text = body.get("text")
    if isinstance(text, dict):
        fmt = text.get("format")
        if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
            schema = {k: fmt[k] for k in ("name", "schema", "strict", "description") if fmt.get(k) is not None}
            chat["response_format"] = {"type": "json_schema", "json_schema": schema}
        elif isinstance(fmt, dict) and fmt.get("type") == "json_object":
            chat["response_format"] = {"type": "json_object"}
        if text.get("verbosity") is not None:
            chat["verbosity"] = text["verbosity"]
    reasoning = body.get("reasoning")
    if isinstance(reasoning, dict) and reasoning.get("effort"):
        chat["reasoning_effort"] = reasoning["effort"]
    if body.get("top_logprobs"):
        chat["logprobs"] = True
        chat["top_logprobs"] = body["top_logprobs"]
    return chat


# -- reply ---------------------------------------------------------------------------------------

def _new_id(prefix: str) -> str:
    return prefix + os.urandom(12).hex()


def usage_of(chat_usage: Any) -> dict[str, Any] | None:
    """Chat usage as Responses usage."""
    if not isinstance(chat_usage, dict):
        return None
    prompt = chat_usage.get("prompt_tokens") or 0
    completion = chat_usage.get("completion_tokens") or 0
    cached = (chat_usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0
    reasoning = (chat_usage.get("completion_tokens_details") or {}).get("reasoning_tokens") or 0
    return {"input_tokens": prompt, "input_tokens_details": {"cached_tokens": cached},
            "output_tokens": completion, "output_tokens_details": {"reasoning_tokens": reasoning},
            "total_tokens": chat_usage.get("total_tokens") or prompt + completion}


class ResponseBuilder(ChatChunkReader):
    """Assembles a Responses API response from chat output; with ``stream``, also the events.

    ``start``, ``feed`` (one chat chunk) and ``finish`` return the event bytes to send (empty
    without ``stream``); ``response`` is the final object.
    """

    def __init__(self, request: dict[str, Any], response_id: str, created_at: int, *, stream: bool) -> None:
        self.request, self.id, self.created_at, self.stream = request, response_id, created_at, stream
        self.model = request.get("model")
        self.output: list[dict[str, Any]] = []
        self.usage: dict[str, Any] | None = None
        self.finish_reason: str | None = None
        self._sequence = 0
        self._text: dict[str, Any] | None = None  # the message item being written
        self._text_index = 0
        self._text_parts: list[str] = []
        self._calls: dict[int, dict[str, Any]] = {}  # chat tool-call index -> function_call item
        self._call_index: dict[int, int] = {}  # chat tool-call index -> output index
        self._call_args: dict[int, list[str]] = {}
        self._open_calls: list[int] = []
        self._events: list[bytes] = []

    # events

    def _emit(self, kind: str, **fields: Any) -> None:
        if self.stream:
            self._events.append(event(kind, {"type": kind, "sequence_number": self._sequence, **fields}))
            self._sequence += 1

    def response(self, status: str | None = None) -> dict[str, Any]:
        r = self.request
        incomplete = None
        if status is None:
            status = "completed"
            if self.finish_reason in ("length", "content_filter"):
                status = "incomplete"
                incomplete = {"reason": "max_output_tokens" if self.finish_reason == "length" else "content_filter"}
        return {
            "id": self.id, "object": "response", "created_at": self.created_at, "status": status,
            "background": False, "error": None, "incomplete_details": incomplete,
            "instructions": r.get("instructions"), "max_output_tokens": r.get("max_output_tokens"),
            "model": self.model, "output": list(self.output),
            "parallel_tool_calls": r.get("parallel_tool_calls", True),
            "previous_response_id": r.get("previous_response_id"),
            "reasoning": r.get("reasoning") or {"effort": None, "summary": None},
            "store": r.get("store", True), "temperature": r.get("temperature", 1.0),
            "text": r.get("text") or {"format": {"type": "text"}},
            "tool_choice": r.get("tool_choice", "auto"), "tools": r.get("tools") or [],
            "top_p": r.get("top_p", 1.0), "truncation": r.get("truncation") or "disabled",
            "usage": self.usage, "user": r.get("user"), "metadata": r.get("metadata") or {},
        }

    def start(self) -> bytes:
        self._emit("response.created", response=self.response("in_progress"))
        self._emit("response.in_progress", response=self.response("in_progress"))
        return self._flush()

    def feed(self, chunk: dict[str, Any]) -> bytes:
        if isinstance(chunk.get("model"), str):
            self.model = chunk["model"]
        return super().feed(chunk)

    def _take_usage(self, usage: dict[str, Any]) -> None:
        self.usage = usage_of(usage)

    def finish(self) -> bytes:
        self._close_text()
        self._close_calls()
        final = self.response()
        self._emit(f"response.{final['status']}", response=final)
        return self._flush()

    def fail(self, code: str | None, message: str) -> bytes:
        """An ``error`` event: the upstream failed mid-stream."""
        self.stream = True  # an error is told even by a builder that was not emitting
        self._emit("error", code=code, message=message, param=None)
        return self._flush()

    # output items

    def _write_text(self, delta: str) -> None:
        if self._open_calls:
            self._close_calls()
        if self._text is None:
            self._text = {"id": _new_id("msg_"), "type": "message", "status": "in_progress",
                          "role": "assistant", "content": []}
            self.output.append(self._text)
            self._text_index = index = len(self.output) - 1
            self._emit("response.output_item.added", output_index=index, item=dict(self._text))
            self._emit("response.content_part.added", item_id=self._text["id"], output_index=index,
                       content_index=0, part={"type": "output_text", "text": "", "annotations": [], "logprobs": []})
        self._text_parts.append(delta)
        self._emit("response.output_text.delta", item_id=self._text["id"], output_index=self._text_index,
                   content_index=0, delta=delta, logprobs=[])

    def _close_text(self) -> None:
        item = self._text
        if item is None:
            return
        index = self._text_index
        text = "".join(self._text_parts)
        part = {"type": "output_text", "text": text, "annotations": [], "logprobs": []}
        self._emit("response.output_text.done", item_id=item["id"], output_index=index, content_index=0,
                   text=text, logprobs=[])
        self._emit("response.content_part.done", item_id=item["id"], output_index=index, content_index=0, part=part)
        done = {**item, "status": "completed", "content": [part]}
        self.output[index] = done
        self._emit("response.output_item.done", output_index=index, item=done)
        self._text, self._text_parts = None, []

    def _write_call(self, call: dict[str, Any]) -> None:
        position = call.get("index", 0)
        function = call.get("function") or {}
        item = self._calls.get(position)
        if item is None:
            self._close_text()
            item = {"id": _new_id("fc_"), "type": "function_call", "status": "in_progress",
                    "call_id": call.get("id") or _new_id("call_"), "name": function.get("name") or "",
                    "arguments": ""}
            self._calls[position] = item
            self._call_args[position] = []
            self._open_calls.append(position)
            self.output.append(item)
            self._call_index[position] = len(self.output) - 1
            self._emit("response.output_item.added", output_index=len(self.output) - 1, item=dict(item))
        elif function.get("name") and not item["name"]:
            item["name"] = function["name"]
        arguments = function.get("arguments")
        if isinstance(arguments, str) and arguments:
            self._call_args[position].append(arguments)
            self._emit("response.function_call_arguments.delta", item_id=item["id"],
                       output_index=self._call_index[position], delta=arguments)

    def _close_calls(self) -> None:
        for position in self._open_calls:
            item = self._calls[position]
            index = self._call_index[position]
            arguments = "".join(self._call_args[position])
            done = {**item, "status": "completed", "arguments": arguments}
            self._calls[position] = done
            self.output[index] = done
            self._emit("response.function_call_arguments.done", item_id=item["id"], output_index=index,
                       name=item["name"], arguments=arguments)
            self._emit("response.output_item.done", output_index=index, item=done)
        self._open_calls = []


def response_from_completion(completion: dict[str, Any], request: dict[str, Any], response_id: str,
                             created_at: int) -> dict[str, Any]:
    """A non-stream chat completion as a Responses API response."""
    builder = ResponseBuilder(request, response_id, created_at, stream=False)
    builder.feed({"model": completion.get("model"), "usage": completion.get("usage"),
                  "choices": [_as_delta(choice) for choice in completion.get("choices") or ()
                              if isinstance(choice, dict)]})
    builder.finish()
    return builder.response()


def _as_delta(choice: dict[str, Any]) -> dict[str, Any]:
    message = choice.get("message") or {}
    calls = [{**call, "index": i} for i, call in enumerate(message.get("tool_calls") or ()) if isinstance(call, dict)]
    return {"index": choice.get("index", 0), "finish_reason": choice.get("finish_reason"),
            "delta": {"content": message.get("content"), "tool_calls": calls}}


def assistant_message(output: Iterable[Any]) -> dict[str, Any]:
    """A response's output items as one assistant chat message (text and tool calls)."""
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for item in output:
        if not isinstance(item, dict):
            continue
        if item.get("type") == "message":
            texts.append(_text(item.get("content")))
        elif item.get("type") == "function_call":
            calls.append({"id": item.get("call_id") or "", "type": "function",
                          "function": {"name": item.get("name") or "", "arguments": item.get("arguments") or ""}})
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts or not calls else None}
    if calls:
        message["tool_calls"] = calls
    return message


__all__ = ["INSTRUCTIONS_NAME", "ResponseBuilder", "assistant_message", "input_messages", "instructions_message",
           "request_to_chat", "response_from_completion", "usage_of", "without_instructions"]
