"""``/docs`` works offline (Swagger UI from the package, no CDN) and the schema names every route,
the doors included (chat, Azure, Responses, Messages, the /v1 pass-through)."""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import urlsplit

import pytest
from starlette.routing import Mount

from proxy import create_app, settings_from_dict
from proxy.docs import DOCS_ROUTES
from tests.fake_upstream import LiveServer


async def test_the_docs_page_loads_its_assets_from_the_proxy_itself(proxy):
    page = await proxy.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(urlsplit(source).netloc == "" for source in sources), sources
    assert "cdn" not in page.text.lower()
    for source in sources:
        asset = await proxy.get(source)
        assert asset.status_code == 200, source
    assert (await proxy.get("/redoc")).status_code == 404  # ReDoc has no bundled copy: off


def served(routes) -> list[tuple[str, set[str]]]:
    """(path, methods) of every route the app answers; newer FastAPI keeps included routers as
    branches (``effective_candidates``) instead of copying their routes in."""
    found = []
    for route in routes:
        branches = getattr(route, "effective_candidates", None)
        if branches is not None:
            found += served(branches())
            continue
        if isinstance(route, Mount):
            continue
        methods = getattr(getattr(route, "original_route", route), "methods", None)
        path = getattr(route, "path_format", route.path)  # {user_id:user} is {user_id} in OpenAPI
        found.append((path, {m.lower() for m in (methods or ()) if m != "HEAD"}))
    return found


async def test_every_route_is_in_the_schema_with_its_methods(proxy):
    app = proxy._transport.app  # type: ignore[attr-defined]
    schema = (await proxy.get("/openapi.json")).json()
    routes = [(path, methods) for path, methods in served(app.routes) if path not in DOCS_ROUTES]
    assert len(routes) > 25 and any(path == "/admin/users/{user_id}/beliefs" for path, _ in routes)
    assert ("/v1/{path}", {"get", "post", "put", "patch", "delete"}) in routes  # the catch-all is seen
    missing = [(path, sorted(methods - set(schema["paths"].get(path, {})))) for path, methods in routes
               if not methods <= set(schema["paths"].get(path, {}))]
    assert missing == []


async def test_the_chat_route_is_documented_with_its_body_headers_and_errors(proxy):
    schema = (await proxy.get("/openapi.json")).json()
    for path in ("/v1/chat/completions", "/chat/completions"):
        operation = schema["paths"][path]["post"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        assert body == "#/components/schemas/ChatCompletionRequest"
        assert {"200", "400", "401", "413", "429", "502", "504"} <= set(operation["responses"])
        assert {"x-beliefloop-applied", "x-beliefloop-response-id", "x-request-id"} <= set(
            operation["responses"]["200"]["headers"])
        assert "X-BeliefLoop-User" in [p["name"].title().replace("Beliefloop", "BeliefLoop")
                                       for p in operation["parameters"]]
    request = schema["components"]["schemas"]["ChatCompletionRequest"]
    assert request["required"] == ["model", "messages"] and request["additionalProperties"] is True
    assert schema["components"]["schemas"]["ErrorResponse"]["properties"]["error"]
    assert len({op["operationId"] for path in schema["paths"].values() for op in path.values()}) == sum(
        len(path) for path in schema["paths"].values())  # operation ids are unique


def _door(schema: dict, path: str) -> dict:
    """The POST operation of a personalised door, with what every such door must describe."""
    operation = schema["paths"][path]["post"]
    assert {"200", "400", "401", "413", "429", "502", "504"} <= set(operation["responses"])
    assert {"x-beliefloop-applied", "x-beliefloop-response-id", "x-request-id"} <= set(
        operation["responses"]["200"]["headers"])
    assert {"application/json", "text/event-stream"} <= set(operation["responses"]["200"]["content"])
    names = {p["name"].lower() for p in operation["parameters"]}
    assert {"x-beliefloop-user", "x-beliefloop-context", "x-request-id"} <= names
    return operation


def _body(schema: dict, operation: dict) -> dict:
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def _error_ref(operation: dict, status: str) -> str:
    return operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]


async def test_the_responses_route_is_documented_with_its_body_headers_and_errors(proxy):
    schema = (await proxy.get("/openapi.json")).json()
    for path in ("/v1/responses", "/responses"):
        operation = _door(schema, path)
        request = _body(schema, operation)
        assert request["required"] == ["model"] and request["additionalProperties"] is True
        assert {"input", "instructions", "previous_response_id", "user"} <= set(request["properties"])
        assert _error_ref(operation, "404") == "#/components/schemas/ErrorResponse"  # unknown chain link
        reply = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        assert reply == "#/components/schemas/ResponseObject"


async def test_the_messages_route_is_documented_with_anthropic_errors_and_keys(proxy):
    schema = (await proxy.get("/openapi.json")).json()
    operation = _door(schema, "/v1/messages")
    assert "x-api-key" in {p["name"].lower() for p in operation["parameters"]}
    request = _body(schema, operation)
    assert request["required"] == ["model", "messages"] and request["additionalProperties"] is True
    metadata = schema["components"]["schemas"]["MessagesMetadata"]
    assert "user_id" in metadata["properties"]
    for status in ("400", "401", "429", "502"):
        assert _error_ref(operation, status) == "#/components/schemas/AnthropicError"
    error = schema["components"]["schemas"]["AnthropicError"]
    assert set(error["properties"]) == {"type", "error"}
    detail = schema["components"]["schemas"][error["properties"]["error"]["$ref"].rsplit("/", 1)[1]]
    assert set(detail["required"]) == {"type", "message"}


async def test_the_azure_route_is_documented_with_its_deployment_and_api_version(proxy):
    schema = (await proxy.get("/openapi.json")).json()
    operation = _door(schema, "/openai/deployments/{deployment}/chat/completions")
    where = {p["name"]: (p["in"], p["required"]) for p in operation["parameters"]}
    assert where["deployment"] == ("path", True) and where["api-version"] == ("query", False)
    assert where["api-key"] == ("header", False)
    request = _body(schema, operation)
    assert request["required"] == ["messages"]  # the deployment names the model
    assert _error_ref(operation, "400") == "#/components/schemas/ErrorResponse"


async def test_the_passthrough_is_documented_for_every_method_as_not_personalised(proxy):
    schema = (await proxy.get("/openapi.json")).json()
    item = schema["paths"]["/v1/{path}"]
    assert set(item) == {"get", "post", "put", "patch", "delete"}
    for method, operation in item.items():
        assert "not personalised" in operation["description"].lower()
        assert "upstream" in operation["summary"]
        assert "default" in operation["responses"] and "x-request-id" in operation["responses"]["default"]["headers"]
        assert "x-beliefloop-applied" not in operation["responses"]["default"]["headers"]
        assert {"401", "413", "502"} <= set(operation["responses"])
        assert ("requestBody" in operation) == (method in ("post", "put", "patch"))
        path = [p for p in operation["parameters"] if p["in"] == "path"]
        assert [(p["name"], p["required"]) for p in path] == [("path", True)]


async def test_the_schema_is_valid_openapi(proxy):
    schema = (await proxy.get("/openapi.json")).json()
    try:
        from openapi_spec_validator import validate
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("openapi-spec-validator is required in CI")
        pytest.skip("no openapi-spec-validator")
    validate(schema)


def _chromium() -> str | None:
    return os.environ.get("BELIEFLOOP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def test_swagger_ui_renders_the_doors_with_the_network_cut_off(config):
    """A real browser, every request outside the proxy refused: the page must still render."""
    chromium = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium and playwright are required in CI")
        pytest.skip("no Chromium or playwright")
    app = create_app(settings_from_dict(config), watch=False)
    with LiveServer(app) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            outside = []

            def only_the_proxy(route) -> None:
                if route.request.url.startswith(server.url):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", only_the_proxy)
            page.goto(f"{server.url}/docs")
            chat = page.locator(".opblock-summary-path", has_text="/v1/chat/completions")
            chat.first.wait_for(timeout=20_000)
            assert page.locator(".opblock-summary-path", has_text="/readyz").count() == 1
            for door in ("/v1/messages", "/openai/deployments/{deployment}/chat/completions"):
                assert page.locator(".opblock-summary-path", has_text=door).count() == 1, door
            assert page.locator(".opblock-summary-path", has_text="/v1/{path}").count() == 5  # each method
            assert outside == []
        finally:
            browser.close()
