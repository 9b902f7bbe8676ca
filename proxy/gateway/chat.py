"""``POST /v1/chat/completions`` (and Azure-style deployment paths): the chat door.

The conversation is the ``messages`` list itself, and the body goes upstream as chat completions,
as the client's bytes when nothing was injected. The flow it runs is :mod:`proxy.gateway.flow`.
"""

from __future__ import annotations

from typing import Any, Mapping

import orjson
from starlette.requests import Request
from starlette.responses import Response

from beliefs.records import Identity
from proxy.errors import InvalidRequest, ProxyError
from proxy.runtime import Runtime

from .assemble import Assembled, assemble_json, assemble_sse
from .flow import APPLIED_HEADER, RESPONSE_ID_HEADER, Exchange, handle, read_body
from .identity import identify
from .routing import Route


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """Parse once; the body must be a JSON object."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise InvalidRequest(f"could not parse the JSON body: {error}", code="invalid_json") from None
    if not isinstance(body, dict):
        raise InvalidRequest("the JSON body must be an object", code="invalid_json")
    return body


def check_model(body: Mapping[str, Any]) -> None:
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise InvalidRequest("you must provide a model parameter", param="model", code="missing_model")


def parse_chat_body(raw: bytes) -> dict[str, Any]:
    """Parse once and check only what the proxy relies on; every other field passes untouched."""
    body = parse_json_object(raw)
    check_model(body)
    check_messages(body)
    return body


def check_messages(body: Mapping[str, Any]) -> None:
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise InvalidRequest("'messages' must be a non-empty array", param="messages", code="missing_messages")
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or not isinstance(message.get("role"), str):
            raise InvalidRequest(f"messages[{index}] must be an object with a 'role'",
                                 param=f"messages[{index}]", code="invalid_messages")


class ChatDoor:
    name = "chat"
    final_event = b"data: [DONE]"

    def parse(self, raw: bytes, request: Request) -> tuple[dict[str, Any], bytes]:
        return parse_chat_body(raw), raw

    def identify(self, headers: Mapping[str, str], body: dict[str, Any], tenant: str) -> Identity | None:
        return identify(headers, body, tenant)

    async def open(self, runtime: Runtime, body: dict[str, Any], raw: bytes, tenant: str,
                   identity: Identity | None, route: Route, response_id: str) -> Exchange:
        # apply_plan replaces the messages list, never mutates it: this stays as the client sent it.
        return Exchange(body["messages"], "chat", body, raw, "/chat/completions")

    def assemble_json(self, raw: bytes) -> Assembled:
        return assemble_json(raw)

    def assemble_sse(self, raw: bytes, finished: bool) -> Assembled:
        assembled = assemble_sse(raw)
        return Assembled(assembled.text, assembled.completion_id, assembled.complete and finished)

    def stream_error(self, error: ProxyError) -> bytes:
        return b"data: " + orjson.dumps({"error": {"message": error.message, "type": error.type,
                                                   "code": error.code}}) + b"\n\n"

    def error_response(self, error: BaseException) -> Response | None:
        return None


class AzureChatDoor(ChatDoor):
    """``/openai/deployments/{deployment}/chat/completions?api-version=...``: the deployment names
    the model (Azure bodies usually carry none); ``api-version`` is accepted and not needed."""

    def parse(self, raw: bytes, request: Request) -> tuple[dict[str, Any], bytes]:
        body = parse_json_object(raw)
        deployment = request.path_params["deployment"]
        check_messages(body)
        if body.get("model") != deployment:
            body["model"] = deployment
            raw = orjson.dumps(body)
        return body, raw


CHAT, AZURE_CHAT = ChatDoor(), AzureChatDoor()


async def chat_completions(request: Request) -> Response:
    return await handle(request, CHAT)


async def azure_chat_completions(request: Request) -> Response:
    return await handle(request, AZURE_CHAT)


__all__ = ["APPLIED_HEADER", "RESPONSE_ID_HEADER", "AzureChatDoor", "ChatDoor", "azure_chat_completions",
           "chat_completions", "check_messages", "check_model", "parse_chat_body", "parse_json_object", "read_body"]
