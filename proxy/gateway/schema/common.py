"""What every door's OpenAPI operation shares: open models, headers, error responses.

The doors are plain Starlette routes (no per-request validation), so these pieces only *describe*
them; nothing here runs on a request.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from ..flow import OPT_OUT_HEADER
from ..identity import CONTEXT_HEADER, USER_HEADER


class Open(BaseModel):
    """A described shape that allows unknown fields: the doors forward what they do not read."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class ErrorResponse(BaseModel):
    """Every error but /v1/messages', OpenAI-shaped (the official SDKs raise the matching class)."""

    error: ErrorDetail


def header(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "header", "required": False, "schema": {"type": "string"},
            "description": description}


def error(description: str, model: str = "ErrorResponse") -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}}}


def ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


REQUEST_ID = header("X-Request-Id", "your request id (1-128 of A-Z a-z 0-9 . _ : / + = @ -), echoed back")
#: The headers a personalised door reads besides the key; the user header is the door's own.
PERSONAL_HEADERS = [
    header(CONTEXT_HEADER, "a context such as work; default * (global)"),
    header(OPT_OUT_HEADER, "true: forget this user and never personalise them again"),
    REQUEST_ID,
]
USER = header(USER_HEADER, "the end user (overrides the body's own)")

REQUEST_ID_REPLY = {"x-request-id": {"description": "the request id (yours, or generated); in every log "
                                                    "line about it", "schema": {"type": "string"}}}
#: What every personalised door answers with.
REPLY_HEADERS = {
    "x-beliefloop-response-id": {"description": "name it in POST /v1/feedback", "schema": {"type": "string"}},
    "x-beliefloop-applied": {"description": "dimension=value;... delivered to the model (empty: none)",
                             "schema": {"type": "string"}},
    **REQUEST_ID_REPLY,
}


def door_errors(model: str = "ErrorResponse") -> dict[str, Any]:
    """The errors a personalised door answers with, in the door's own shape."""
    return {
        "400": error("malformed JSON, missing model or messages/input, invalid ids", model),
        "401": error("missing or unknown client key", model),
        "403": error("the key may not use this model", model),
        "413": error("body over max_body_bytes", model),
        "429": error("rate limited (here or upstream; retry-after is set)", model),
        "502": error("upstream unreachable or 5xx", model),
        "504": error("upstream timed out", model),
    }


def add_models(schema: dict[str, Any], *models: type[BaseModel]) -> None:
    """Render ``models`` (and what they refer to) into the schema's components."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in models:
        rendered = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(rendered.pop("$defs", {}))
        components[model.__name__] = rendered


__all__ = ["PERSONAL_HEADERS", "REPLY_HEADERS", "REQUEST_ID", "REQUEST_ID_REPLY", "USER", "ErrorResponse",
           "Open", "add_models", "door_errors", "error", "header", "ref"]
