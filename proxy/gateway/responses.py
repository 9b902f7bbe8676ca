"""``POST /v1/responses``: the Responses API door.

Personalised like chat: the directives go into ``instructions``, after the client's own (or,
translated, into the chat request's system message). The conversation is the
``previous_response_id`` chain and the ``input`` items, as chat messages, so learning reads it as
it reads a chat history (``instructions`` belong to one request and are stored beside it).
Native (``upstream.responses: native``): the request goes to the upstream's ``/responses`` as it
came plus the directives. Translated (``translate``, and every
``model_list`` route): it becomes chat completions, the chain is expanded from beliefloop's own
records, and the reply is rebuilt as a Responses API response, events and all.
"""

from __future__ import annotations

from typing import Any, Mapping

from starlette.requests import Request
from starlette.responses import Response

from beliefs.records import Identity
from proxy.errors import InvalidRequest, NotFound, ProxyError
from proxy.runtime import Runtime

from .assemble import Assembled, assemble_response_json, assemble_response_sse
from .chat import check_model, parse_json_object
from .flow import Exchange, handle
from .identity import identify
from .routing import Route
from .sse import event
from .translate import translated
from .translate_responses import (
    ResponseBuilder,
    input_messages,
    instructions_message,
    request_to_chat,
    response_from_completion,
    without_instructions,
)


class ResponsesDoor:
    name = "responses"
    final_event = b"event: response.completed"

    def parse(self, raw: bytes, request: Request) -> tuple[dict[str, Any], bytes]:
        body = parse_json_object(raw)
        check_model(body)
        given = body.get("input")
        if given is not None and not isinstance(given, (str, list)):
            raise InvalidRequest("'input' must be a string or an array of items", param="input",
                                 code="invalid_input")
        for field in ("instructions", "previous_response_id"):
            if body.get(field) is not None and not isinstance(body[field], str):
                raise InvalidRequest(f"'{field}' must be a string", param=field, code="invalid_value")
        return body, raw

    def identify(self, headers: Mapping[str, str], body: dict[str, Any], tenant: str) -> Identity | None:
        return identify(headers, body, tenant)

    async def open(self, runtime: Runtime, body: dict[str, Any], raw: bytes, tenant: str,
                   identity: Identity | None, route: Route, response_id: str) -> Exchange:
        if route.native and identity is None:
            # Nothing will read the conversation, and the upstream keeps its own chains.
            return Exchange([], "responses", body, raw, "/responses")
        turn = input_messages(body.get("input"))
        previous = body.get("previous_response_id")
        chain: list[dict[str, Any]] = []
        if previous is not None:
            found = await _chain(runtime, tenant, previous)
            if found is None and not route.native:
                raise NotFound(f"Previous response with id '{previous}' not found.",
                               param="previous_response_id", code="previous_response_not_found")
            chain = found or []
        # ``instructions`` belong to one request (a chained request does not inherit them), so
        # they are not part of the conversation learning reads; they are stored with it.
        conversation = [*chain, *turn]
        stored = [*instructions_message(body), *conversation]
        chains = runtime.gateway.chains

        def keep_turn(assembled: Assembled) -> None:
            if assembled.completion_id and assembled.message is not None:
                chains.add(tenant, assembled.completion_id, previous, [*turn, assembled.message])

        if route.native:
            return Exchange(conversation, "responses", body, raw, "/responses", stored=stored, after=keep_turn)
        chat = request_to_chat(body, stored, route.traits)
        public_id = "resp_" + response_id.removeprefix("blr_")
        created_at = int(runtime.service.clock())
        stream = body.get("stream") is True
        builder = ResponseBuilder(body, public_id, created_at, stream=stream)

        def translate(reply: Any) -> Any:
            return translated(reply, builder, lambda c: response_from_completion(c, body, public_id, created_at))

        def stream_error(error: ProxyError) -> bytes:
            return builder.fail(error.code, error.message)

        return Exchange(conversation, "chat", chat, None, "/chat/completions", stored=stored, translate=translate,
                        after=keep_turn, stream_error=stream_error)

    def assemble_json(self, raw: bytes) -> Assembled:
        return assemble_response_json(raw)

    def assemble_sse(self, raw: bytes, finished: bool) -> Assembled:
        assembled = assemble_response_sse(raw)
        return Assembled(assembled.text, assembled.completion_id, assembled.complete and finished,
                         assembled.message)

    def stream_error(self, error: ProxyError) -> bytes:
        return event("error", {"type": "error", "code": error.code, "message": error.message, "param": None})

    def error_response(self, error: BaseException) -> Response | None:
        return None


async def _chain(runtime: Runtime, tenant: str, previous: str) -> list[dict[str, Any]] | None:
    """The conversation ``previous`` ended, as chat messages: from memory, and where a link fell
    out of memory, from the store (text only: tool calls of the turns before it are not kept)."""
    resolved = runtime.gateway.chains.resolve(tenant, previous)
    if resolved.missing is None:
        return resolved.messages
    found = await runtime.service.recall(tenant, resolved.missing)
    if found is None:
        return None
    record, stored = found
    before = without_instructions(list(stored or []))
    return [*before, {"role": "assistant", "content": record.text or ""}, *resolved.messages]


RESPONSES = ResponsesDoor()


async def responses(request: Request) -> Response:
    return await handle(request, RESPONSES)


__all__ = ["ResponsesDoor", "responses"]
