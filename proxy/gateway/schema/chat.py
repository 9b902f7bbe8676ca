"""The chat doors in OpenAPI: ``/v1/chat/completions``, ``/chat/completions`` and Azure's
deployment path. Descriptive only (see :mod:`proxy.gateway.schema`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .common import PERSONAL_HEADERS, REPLY_HEADERS, USER, Open, door_errors, header, ref


class ChatMessage(Open):
    """One message; ``content`` is text or a list of content parts."""

    role: str = Field(description="system, developer, user, assistant or tool")
    content: str | list[dict[str, Any]] | None = None


class ChatCompletionRequest(Open):
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


class AzureChatCompletionRequest(ChatCompletionRequest):
    """The chat body as Azure clients send it: the deployment in the path names the model."""

    model: str | None = Field(default=None, description="ignored: the deployment names the model")


class ChatChoice(Open):
    index: int
    message: ChatMessage
    finish_reason: str | None = None


class Usage(Open):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(Open):
    """The upstream's reply, passed through byte for byte."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChatChoice]
    usage: Usage | None = None


MODELS = (ChatCompletionRequest, AzureChatCompletionRequest, ChatCompletion)
_DESCRIPTION = ("OpenAI-compatible. Identifies the user (X-BeliefLoop-User, else the body's user, else "
                "safety_identifier), reads the signals the request carries, injects the directives of the "
                "beliefs held with enough confidence, forwards and streams back. Without a user the body "
                "goes upstream unchanged.")


def _operation(operation_id: str, summary: str, description: str, parameters: list[dict[str, Any]],
               body: type[Open]) -> dict[str, Any]:
    return {"post": {
        "tags": ["chat"], "summary": summary, "operationId": operation_id, "description": description,
        "parameters": parameters,
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref(body)}}},
        "responses": {
            "200": {"description": "the upstream's reply", "headers": REPLY_HEADERS, "content": {
                "application/json": {"schema": ref(ChatCompletion)},
                "text/event-stream": {"schema": {"type": "string"}}}},
            **door_errors(),
        },
    }}


def chat_operation(path: str) -> dict[str, Any]:
    """The OpenAPI path item of one chat path."""
    return _operation("chat_completions" + ("_v1" if path.startswith("/v1/") else ""),
                      "Create a chat completion, personalised for the user", _DESCRIPTION,
                      [USER, *PERSONAL_HEADERS], ChatCompletionRequest)


def azure_operation() -> dict[str, Any]:
    """The OpenAPI path item of Azure's deployment path."""
    parameters = [
        {"name": "deployment", "in": "path", "required": True, "schema": {"type": "string"},
         "description": "the model (a body's model is replaced by it)"},
        {"name": "api-version", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "accepted and not needed"},
        header("api-key", "the beliefloop client key, as Azure clients send it (or Authorization: Bearer)"),
        USER, *PERSONAL_HEADERS,
    ]
    return _operation("azure_chat_completions", "Create a chat completion for an Azure deployment",
                      "For AzureOpenAI clients; otherwise as POST /v1/chat/completions. " + _DESCRIPTION,
                      parameters, AzureChatCompletionRequest)


__all__ = ["MODELS", "AzureChatCompletionRequest", "ChatCompletion", "ChatCompletionRequest", "azure_operation",
           "chat_operation"]
