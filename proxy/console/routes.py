"""Mount the console's routes on an app."""


from __future__ import annotations

from fastapi import FastAPI

from proxy.settings import Settings

from . import admin, dashboard, exports, me, pages
from .html import BRAND_STYLESHEET_PATH, STYLESHEET_PATH, brand_stylesheet, stylesheet
from .tokens import Signers


def install_console(app: FastAPI, settings: Settings) -> None:
    """Add the admin API, the exports, the ``/v1/me`` API, the preferences page, the dashboard
    and their stylesheet to ``app``; tokens are signed with the secret from ``settings.pages``."""
    app.state.signers = Signers.build(settings.pages.secret, settings.admin_key)
    app.include_router(admin.router)
    app.include_router(exports.router)
    app.add_api_route(STYLESHEET_PATH, stylesheet, methods=["GET"], tags=["pages"])
    app.add_api_route(BRAND_STYLESHEET_PATH, brand_stylesheet, methods=["GET"], tags=["pages"])
    app.include_router(me.router)
    app.include_router(me.admin_router)
    app.include_router(pages.router)
    app.include_router(dashboard.router)


__all__ = ["install_console"]
