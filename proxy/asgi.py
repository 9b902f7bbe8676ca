"""Import target for multi-worker uvicorn (``proxy.asgi:app_from_env``, a factory).

Worker processes cannot receive a built app object, so each builds its own from the environment
the CLI prepared (``BELIEFLOOP_CONFIG`` and the other overrides), read once here.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI

from .app import create_app
from .settings import load_settings


def app_from_env() -> FastAPI:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per upstream call is noise
    return create_app(load_settings())


__all__ = ["app_from_env"]
