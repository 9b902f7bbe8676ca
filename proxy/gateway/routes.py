"""Mount the gateway's routes on an app."""


from __future__ import annotations

from fastapi import Depends, FastAPI
from starlette.routing import Route

from proxy.metrics import count_feedback

from . import feedback
from .chat import chat_completions

CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")


def install_gateway(app: FastAPI) -> None:
    """Add the client-facing routes to ``app``."""
    # Plain Starlette routes for the hot path: no dependency solving or body validation per
    # request (the handler parses the body once itself); errors still go through the handlers.
    for path in CHAT_PATHS:
        app.router.routes.append(Route(path, chat_completions, methods=["POST"]))
    app.include_router(feedback.router, dependencies=[Depends(count_feedback)])


__all__ = ["CHAT_PATHS", "install_gateway"]
