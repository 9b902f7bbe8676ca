"""The Anthropic Messages door in OpenAPI: ``/v1/messages``. Descriptive only; its errors are
Anthropic-shaped, as the anthropic SDK expects them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ..identity import USER_HEADER
from .common import PERSONAL_HEADERS, REPLY_HEADERS, Open, door_errors, header, ref


class AnthropicMessage(Open):
    role: Literal["user", "assistant"]
    content: str | list[dict[str, Any]] = Field(description="text, or text/image/document/tool blocks")


class MessagesMetadata(Open):
    user_id: str | None = Field(default=None, description="the end user, unless X-BeliefLoop-User is sent")


class MessagesRequest(Open):
    """Anthropic's Messages API body, answered by any configured model (translated to chat
    completions, or forwarded with ``upstream.messages: native``); the directives go into
    ``system``, after the client's own."""

    model: str = Field(description="upstream model, or a model_list name routed through litellm")
    messages: list[AnthropicMessage] = Field(min_length=1)
    system: str | list[dict[str, Any]] | None = Field(default=None, description="the client's own system prompt")
    max_tokens: int | None = None
    stream: bool | None = Field(default=None, description="true: message_start ... message_stop events")
    metadata: MessagesMetadata | None = None
    tools: list[dict[str, Any]] | None = Field(default=None, description="client tools; server tools are refused")


class AnthropicUsage(Open):
    input_tokens: int
    output_tokens: int


class AnthropicMessageReply(Open):
    id: str
    type: Literal["message"] = "message"
    role: Literal["assistant"] = "assistant"
    model: str
    content: list[dict[str, Any]] = Field(description="text and tool_use blocks")
    stop_reason: str | None = None
    stop_sequence: str | None = None
    usage: AnthropicUsage


class AnthropicErrorDetail(BaseModel):
    type: str = Field(description="invalid_request_error, authentication_error, rate_limit_error, api_error, ...")
    message: str


class AnthropicError(BaseModel):
    """Every error of /v1/messages (the anthropic SDK raises the matching class)."""

    type: Literal["error"] = "error"
    error: AnthropicErrorDetail


MODELS = (MessagesRequest, AnthropicMessageReply, AnthropicError)


def messages_operation() -> dict[str, Any]:
    """The OpenAPI path item of ``/v1/messages``."""
    return {"post": {
        "tags": ["messages"],
        "summary": "Create a message (Anthropic Messages API), personalised for the user",
        "operationId": "messages_v1",
        "description": "For the anthropic SDK and Claude-style clients. The user is X-BeliefLoop-User, "
                       "else metadata.user_id. Errors are Anthropic-shaped: "
                       '{"type": "error", "error": {"type", "message"}}.',
        "parameters": [
            header("x-api-key", "the beliefloop client key, as Anthropic clients send it (or Authorization: Bearer)"),
            header("anthropic-version", "accepted; sent on with upstream.messages: native"),
            header(USER_HEADER, "the end user (overrides metadata.user_id)"),
            *PERSONAL_HEADERS,
        ],
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref(MessagesRequest)}}},
        "responses": {
            "200": {"description": "the message", "headers": REPLY_HEADERS, "content": {
                "application/json": {"schema": ref(AnthropicMessageReply)},
                "text/event-stream": {"schema": {"type": "string"}}}},
            **door_errors("AnthropicError"),
        },
    }}


__all__ = ["MODELS", "AnthropicError", "AnthropicMessageReply", "MessagesRequest", "messages_operation"]
