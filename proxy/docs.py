"""``/docs`` (Swagger UI) and ``/openapi.json``, served without a CDN.

FastAPI's default page loads Swagger UI from a CDN, so it is blank offline or behind a strict
egress policy. Here the assets come from the ``swagger-ui-bundle-v2`` package (Swagger UI 5, which
reads OpenAPI 3.1) and are served from ``/docs/assets``. The schema names every route: FastAPI's
own, plus the doors (chat, Azure, Responses, Messages, the ``/v1`` pass-through), which are plain
Starlette routes kept off FastAPI's request machinery for speed and described by
:mod:`proxy.gateway.schema`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

from proxy.gateway.schema import document_gateway

DOCS_PATH = "/docs"
ASSETS_PATH = "/docs/assets"
#: Routes that serve the documentation itself (left out of the schema they serve).
DOCS_ROUTES = frozenset({DOCS_PATH, ASSETS_PATH, "/openapi.json"})


def _assets_dir() -> str:
    from swagger_ui_bundle import swagger_ui_path

    return str(swagger_ui_path)


def install_docs(app: FastAPI) -> None:
    """Serve Swagger UI from bundled assets and complete the schema with the doors. Build
    the app with ``docs_url=None, redoc_url=None`` (ReDoc has no bundled copy: off)."""
    app.mount(ASSETS_PATH, StaticFiles(directory=_assets_dir()), name="docs-assets")

    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} - API",
            swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon-32x32.png")

    app.add_route(DOCS_PATH, swagger_ui, include_in_schema=False)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            app.openapi_schema = document_gateway(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


__all__ = ["ASSETS_PATH", "DOCS_PATH", "DOCS_ROUTES", "install_docs"]
