"""``POST /v1/messages``: Anthropic's Messages API, answered by any configured model.

The user is ``X-BeliefLoop-User`` or ``metadata.user_id``; the directives go into ``system``
(translated: the chat request's system message, so every injection mode and model trait applies
as on chat). Translated to chat completions by default, so a Claude-style client reaches any
upstream or ``model_list`` route; ``upstream.messages: native`` forwards to an upstream that
speaks the Messages API itself. Errors on this door are Anthropic-shaped, as the anthropic SDK
expects them.
"""

from __future__ import annotations

import logging
from typing import Any, Mapping

import orjson
from starlette.requests import Request
from starlette.responses import Response

from beliefs.records import GLOBAL_CONTEXT, Identity
from proxy.errors import InvalidRequest, ProxyError, UpstreamRejected
from proxy.runtime import Runtime

from .assemble import Assembled, assemble_message_json, assemble_message_sse
from .chat import check_model, parse_json_object
from .flow import Exchange, handle
from .identity import CONTEXT_HEADER, USER_HEADER, clean_id
from .routing import Route
from .translate import translated
from .translate_messages import (
    MessageBuilder,
    conversation,
    error_body,
    error_event,
    message_from_completion,
    new_message_id,
    request_to_chat,
)

log = logging.getLogger("beliefloop.proxy")


class MessagesDoor:
    name = "messages"
    final_event = b"event: message_stop"

    def parse(self, raw: bytes, request: Request) -> tuple[dict[str, Any], bytes]:
        body = parse_json_object(raw)
        check_model(body)
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise InvalidRequest("messages: at least one message is required", param="messages",
                                 code="missing_messages")
        for index, message in enumerate(messages):
            if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
                raise InvalidRequest(f"messages.{index}: a message needs a role of user or assistant",
                                     param=f"messages.{index}", code="invalid_messages")
        return body, raw

    def identify(self, headers: Mapping[str, str], body: dict[str, Any], tenant: str) -> Identity | None:
        """``X-BeliefLoop-User``, else ``metadata.user_id``, in the ``X-BeliefLoop-Context`` context."""
        context_raw = headers.get(CONTEXT_HEADER)
        context = clean_id(context_raw, "X-BeliefLoop-Context") if context_raw else GLOBAL_CONTEXT
        if headers.get(USER_HEADER) is not None:
            return Identity(tenant, clean_id(headers[USER_HEADER], "X-BeliefLoop-User"), context)
        metadata = body.get("metadata")
        if isinstance(metadata, dict) and metadata.get("user_id") is not None:
            return Identity(tenant, clean_id(metadata["user_id"], "metadata.user_id"), context)
        return None

    async def open(self, runtime: Runtime, body: dict[str, Any], raw: bytes, tenant: str,
                   identity: Identity | None, route: Route, response_id: str) -> Exchange:
        if route.native:
            return Exchange(conversation(body) if identity is not None else [], "messages", body, raw, "/messages")
        messages = conversation(body)
        chat = request_to_chat(body, messages, route.traits)
        message_id = new_message_id()
        builder = MessageBuilder(message_id, body["model"], stream=body.get("stream") is True)

        def translate(reply: Any) -> Any:
            return translated(reply, builder, lambda c: message_from_completion(c, message_id, body["model"]))

        return Exchange(messages, "chat", chat, None, "/chat/completions", translate=translate)

    def assemble_json(self, raw: bytes) -> Assembled:
        return assemble_message_json(raw)

    def assemble_sse(self, raw: bytes, finished: bool) -> Assembled:
        assembled = assemble_message_sse(raw)
        return Assembled(assembled.text, assembled.completion_id, assembled.complete and finished)

    def stream_error(self, error: ProxyError) -> bytes:
        return error_event(error.status, error.message)

    def error_response(self, error: BaseException) -> Response | None:
        """Every error on this door in Anthropic's shape: ``{"type": "error", "error": {"type",
        "message"}}`` with the same status (an upstream's own message is kept)."""
        if not isinstance(error, ProxyError):
            log.exception("unhandled error", exc_info=error)
            return Response(error_body(500, "internal error in beliefloop"), 500, media_type="application/json")
        message = error.message
        if isinstance(error, UpstreamRejected):
            message = _upstream_message(error.body) or message
        return Response(error_body(error.status, message), error.status, headers=error.headers,
                        media_type="application/json")


def _upstream_message(body: bytes) -> str | None:
    try:
        parsed = orjson.loads(body)
    except orjson.JSONDecodeError:
        return body[:500].decode("utf-8", "replace") or None
    found = parsed.get("error") if isinstance(parsed, dict) else None
    if isinstance(found, dict) and isinstance(found.get("message"), str):
        return found["message"]
    return None


MESSAGES = MessagesDoor()


async def messages(request: Request) -> Response:
    return await handle(request, MESSAGES)


__all__ = ["MessagesDoor", "messages"]
