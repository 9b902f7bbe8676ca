"""The doors in the OpenAPI schema, without putting FastAPI on the hot path.

The doors (chat, Azure chat, Responses, Messages, and the ``/v1`` pass-through) are plain
Starlette routes: no dependency solving or body validation per request, each handler parses the
body once itself. So FastAPI does not describe them; the models and operations here do. They are
rendered into ``/openapi.json`` once, when the schema is first asked for, and never validate a
request. Unknown fields are allowed everywhere, as the doors forward them untouched. One module
per door; :mod:`.common` holds what they share.
"""

from __future__ import annotations

from typing import Any

from ..passthrough import METHODS
from ..routes import AZURE_CHAT_PATH, CHAT_PATHS, MESSAGES_PATHS, RESPONSES_PATHS
from . import chat, messages, responses
from .common import ErrorResponse, add_models
from .passthrough import passthrough_operations

PASSTHROUGH_PATH = "/v1/{path}"


def document_gateway(schema: dict[str, Any]) -> dict[str, Any]:
    """Add every door's paths and models to an OpenAPI schema built by FastAPI (in place)."""
    add_models(schema, ErrorResponse, *chat.MODELS, *responses.MODELS, *messages.MODELS)
    paths = schema.setdefault("paths", {})
    for path in CHAT_PATHS:
        paths[path] = chat.chat_operation(path)
    paths[AZURE_CHAT_PATH] = chat.azure_operation()
    for path in RESPONSES_PATHS:
        paths[path] = responses.responses_operation(path)
    for path in MESSAGES_PATHS:
        paths[path] = messages.messages_operation()
    paths[PASSTHROUGH_PATH] = passthrough_operations(METHODS)
    return schema


__all__ = ["PASSTHROUGH_PATH", "document_gateway"]
