"""Import target for multi-worker uvicorn (``proxy.asgi:app_from_env``, a factory).

Worker processes cannot receive a built app object, so each builds its own from the environment
the CLI prepared (``BELIEFLOOP_CONFIG``, ``BELIEFLOOP_METRICS_DIR`` and the other overrides),
read once here. ``beliefloop serve`` has already configured logging in each worker (uvicorn applies
its log config there); run directly under another server, the config's logging settings apply.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI

from . import logs
from .app import create_app
from .settings import load_settings


def app_from_env() -> FastAPI:
    settings = load_settings()
    if not logging.getLogger().handlers:
        logs.configure(settings.logging.format, settings.logging.level)
    return create_app(settings)


__all__ = ["app_from_env"]
