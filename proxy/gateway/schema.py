"""The chat route in the OpenAPI schema, without putting FastAPI on the hot path.

``POST /v1/chat/completions`` is a plain Starlette route (no dependency solving or body validation
per request: the handler parses the body once itself), so FastAPI does not describe it. These
models exist only to describe it: they are rendered into ``/openapi.json`` once, when the schema is
first asked for, and never validate a request. Unknown fields are allowed everywhere, as the
route forwards them untouched.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .identity import CONTEXT_HEADER, USER_HEADER


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ChatMessage(_Open):
    """One message; ``content`` is text or a list of content parts."""

    role: str = Field(description="system, developer, user, assistant or tool")
    content: str | list[dict[str, Any]] | None = None


class ChatCompletionRequest(_Open):
    """OpenAI's chat completion body. Every field is forwarded untouched, except that a system
    message with the user's directives is spliced into ``messages`` and ``max_tokens`` /
    ``max_completion_tokens`` may be lowered by a rule's cap."""

    model: str = Field(description="upstream model, or a model_list name routed through litellm")
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool | None = Field(default=None, description="true: server-sent events ending in data: [DONE]")
    user: str | None = Field(default=None, description="the end user, unless X-BeliefLoop-User is sent")
    safety_identifier: str | None = Field(default=None, description="the end user, when neither of the above is sent")
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    stream_options: dict[str, Any] | None = Field(
        default=None, description='{"include_usage": true} makes a stream report token usage (counted in /metrics)')


class ChatChoice(_Open):
    index: int
    message: ChatMessage
    finish_reason: str | None = None


class Usage(_Open):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(_Open):
    """The upstream's reply, passed through byte for byte."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChatChoice]
    usage: Usage | None = None


class ErrorDetail(BaseModel):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class ErrorResponse(BaseModel):
    """Every error, OpenAI-shaped (the official SDKs raise the matching class)."""

    error: ErrorDetail


def _header(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "header", "required": False, "schema": {"type": "string"},
            "description": description}


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}}


_REPLY_HEADERS = {
    "x-beliefloop-response-id": {"description": "name it in POST /v1/feedback", "schema": {"type": "string"}},
    "x-beliefloop-applied": {"description": "dimension=value;... applied to this request (empty: none)",
                             "schema": {"type": "string"}},
    "x-request-id": {"description": "the request id (yours, or generated); in every log line about it",
                     "schema": {"type": "string"}},
}


def chat_operation(path: str) -> dict[str, Any]:
    """The OpenAPI path item of one chat path."""
    return {"post": {
        "tags": ["chat"],
        "summary": "Create a chat completion, personalised for the user",
        "operationId": "chat_completions" + ("_v1" if path.startswith("/v1/") else ""),
        "description": "OpenAI-compatible. Identifies the user (X-BeliefLoop-User, else the body's user, "
                       "else safety_identifier), reads the signals the request carries, injects the "
                       "directives of the beliefs held with enough confidence, forwards and streams back. "
                       "Without a user the body goes upstream unchanged.",
        "parameters": [
            _header(USER_HEADER, "the end user (overrides the body's user)"),
            _header(CONTEXT_HEADER, "a context such as work; default * (global)"),
            _header("X-BeliefLoop-Opt-Out", "true: forget this user and never personalise them again"),
            _header("X-Request-Id", "your request id (1-128 of A-Z a-z 0-9 . _ : / + = @ -), echoed back"),
        ],
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/ChatCompletionRequest"}}}},
        "responses": {
            "200": {"description": "the upstream's reply", "headers": _REPLY_HEADERS, "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/ChatCompletion"}},
                "text/event-stream": {"schema": {"type": "string"}}}},
            "400": _error("malformed JSON, missing model or messages, invalid ids"),
            "401": _error("missing or unknown client key"),
            "403": _error("the key may not use this model"),
            "413": _error("body over max_body_bytes"),
            "429": _error("rate limited (here or upstream; retry-after is set)"),
            "502": _error("upstream unreachable or 5xx"),
            "504": _error("upstream timed out"),
        },
    }}


def document_chat(schema: dict[str, Any], paths: tuple[str, ...]) -> dict[str, Any]:
    """Add the chat paths and their models to an OpenAPI schema built by FastAPI (in place)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ChatCompletionRequest, ChatCompletion, ErrorResponse):
        rendered = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(rendered.pop("$defs", {}))
        components[model.__name__] = rendered
    for path in paths:
        schema["paths"][path] = chat_operation(path)
    return schema


__all__ = ["ChatCompletion", "ChatCompletionRequest", "ErrorResponse", "chat_operation", "document_chat"]
