"""Mount the gateway's routes on an app."""


from __future__ import annotations

from fastapi import Depends, FastAPI
from starlette.routing import Route

from proxy.metrics import count_feedback

from . import feedback
from .chat import azure_chat_completions, chat_completions
from .messages import messages
from .passthrough import METHODS, passthrough
from .responses import responses

CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
RESPONSES_PATHS = ("/v1/responses", "/responses")
MESSAGES_PATHS = ("/v1/messages",)
AZURE_CHAT_PATH = "/openai/deployments/{deployment}/chat/completions"


def install_gateway(app: FastAPI) -> None:
    """Add the client-facing routes to ``app``: the personalised doors and feedback."""
    # Plain Starlette routes for the hot path: no dependency solving or body validation per
    # request (the handler parses the body once itself); errors still go through the handlers.
    doors = [(CHAT_PATHS, chat_completions), (RESPONSES_PATHS, responses), (MESSAGES_PATHS, messages),
             ((AZURE_CHAT_PATH,), azure_chat_completions)]
    for paths, endpoint in doors:
        for path in paths:
            app.router.routes.append(Route(path, endpoint, methods=["POST"]))
    app.include_router(feedback.router, dependencies=[Depends(count_feedback)])


def install_passthrough(app: FastAPI) -> None:
    """Pass every other ``/v1`` request through to the upstream. Install it last: it matches any
    path under ``/v1``, so every route of beliefloop's own must come before it."""
    app.router.routes.append(Route("/v1/{path:path}", passthrough, methods=METHODS, include_in_schema=False))


__all__ = ["AZURE_CHAT_PATH", "CHAT_PATHS", "MESSAGES_PATHS", "RESPONSES_PATHS", "install_gateway",
           "install_passthrough"]
