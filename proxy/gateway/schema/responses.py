"""The Responses API door in OpenAPI: ``/v1/responses`` and ``/responses``. Descriptive only."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .common import PERSONAL_HEADERS, REPLY_HEADERS, USER, Open, door_errors, error, ref


class ResponseRequest(Open):
    """OpenAI's Responses API body. Forwarded as it came (native) or translated to chat completions
    (``upstream.responses: translate`` and ``model_list`` routes); the directives go into
    ``instructions``, after the client's own."""

    model: str = Field(description="upstream model, or a model_list name routed through litellm")
    input: str | list[dict[str, Any]] | None = Field(
        default=None, description="text, or a list of input items read as the conversation")
    instructions: str | None = Field(default=None, description="the client's own; the directives follow them")
    previous_response_id: str | None = Field(
        default=None, description="continue a chain (translated: an unknown id is 404 previous_response_not_found)")
    stream: bool | None = Field(default=None, description="true: the Responses API event stream")
    user: str | None = Field(default=None, description="the end user, unless X-BeliefLoop-User is sent")
    safety_identifier: str | None = Field(default=None, description="the end user, when neither of the above is sent")
    max_output_tokens: int | None = None
    tools: list[dict[str, Any]] | None = Field(
        default=None, description="function tools everywhere; hosted tools need upstream.responses: native")


class ResponseUsage(Open):
    input_tokens: int
    output_tokens: int
    total_tokens: int


class ResponseObject(Open):
    """The upstream's response (native) or the one rebuilt from a chat completion (translated)."""

    id: str
    object: Literal["response"] = "response"
    created_at: int
    status: str = Field(description="completed, incomplete, failed, ...")
    model: str
    output: list[dict[str, Any]] = Field(description="message and function_call items")
    usage: ResponseUsage | None = None


MODELS = (ResponseRequest, ResponseObject)


def responses_operation(path: str) -> dict[str, Any]:
    """The OpenAPI path item of one Responses API path."""
    return {"post": {
        "tags": ["responses"],
        "summary": "Create a response (Responses API), personalised for the user",
        "operationId": "responses" + ("_v1" if path.startswith("/v1/") else ""),
        "description": "For client.responses, the OpenAI Agents SDK and litellm.responses(). The user is "
                       "found as on chat; input items and previous_response_id chains are read as the "
                       "conversation. The other Responses endpoints (GET /v1/responses/{id}, input_items, "
                       "cancel, delete) are passed through to the upstream.",
        "parameters": [USER, *PERSONAL_HEADERS],
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref(ResponseRequest)}}},
        "responses": {
            "200": {"description": "the response", "headers": REPLY_HEADERS, "content": {
                "application/json": {"schema": ref(ResponseObject)},
                "text/event-stream": {"schema": {"type": "string", "description":
                                      "response.created ... response.output_text.delta ... response.completed"}}}},
            **door_errors(),
            "404": error("previous_response_id unknown (translated mode)"),
        },
    }}


__all__ = ["MODELS", "ResponseObject", "ResponseRequest", "responses_operation"]
