"""The ``/v1/{path}`` pass-through in OpenAPI: one operation per method it relays."""

from __future__ import annotations

from typing import Any

from .common import REQUEST_ID, REQUEST_ID_REPLY, error

_DESCRIPTION = ("Not personalised: every other path under /v1 (embeddings, completions, models/{id}, "
                "audio/*, files, batches, GET /v1/responses/{id}, ...) is passed through to the upstream "
                "unchanged, the body streamed up and the reply streamed back with the upstream's own "
                "status, headers and body, 5xx included. Authenticated and rate-limited like chat; a "
                "key bound to models may only name those (in JSON bodies and models/{id}). "
                "GET /v1/models/{id} of a model_list route is answered by beliefloop.")


def passthrough_operations(methods: list[str]) -> dict[str, Any]:
    """The OpenAPI path item of ``/v1/{path}``, for each of ``methods``."""
    item: dict[str, Any] = {}
    for method in methods:
        operation: dict[str, Any] = {
            "tags": ["pass-through"],
            "summary": f"{method} any other /v1 path, passed through to the upstream",
            "operationId": f"passthrough_{method.lower()}",
            "description": _DESCRIPTION,
            "parameters": [
                {"name": "path", "in": "path", "required": True, "schema": {"type": "string"},
                 "description": "the rest of the path, slashes included (e.g. embeddings, models/gpt-4o)"},
                REQUEST_ID,
            ],
            "responses": {
                "default": {"description": "the upstream's reply as it is (status, headers, body)",
                            "headers": REQUEST_ID_REPLY, "content": {"*/*": {"schema": {}}}},
                "401": error("missing or unknown client key"),
                "403": error("the key may not use this model"),
                "413": error("body over upstream.passthrough_max_body_bytes"),
                "429": error("rate limited here (the upstream's own 429 comes back as it is)"),
                "502": error("upstream unreachable"),
            },
        }
        if method in ("POST", "PUT", "PATCH"):
            operation["requestBody"] = {"required": False, "description": "forwarded as it arrives",
                                        "content": {"*/*": {"schema": {}}}}
        item[method.lower()] = operation
    return item


__all__ = ["passthrough_operations"]
