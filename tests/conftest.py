"""Shared fixtures: each test builds its own app from its own settings; upstreams are faked at
the HTTP edge (respx or a loopback server) and clients are the official ``openai`` SDK."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, AsyncIterator

import httpx
import openai
import pytest
import yaml

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
# litellm defaults to an aiohttp transport; httpx lets respx fake the provider APIs.
os.environ.setdefault("DISABLE_AIOHTTP_TRANSPORT", "True")

from proxy import create_app, settings_from_dict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = "http://upstream.test/v1"
ADMIN_KEY = "admin-test-key"


def base_config(tmp_path: Path, **overrides: Any) -> dict[str, Any]:
    """The repository's config.yaml, pointed at a fake upstream and a temporary SQLite file."""
    data = yaml.safe_load((ROOT / "config.yaml").read_text())
    # httpx: respx fakes upstreams at the httpx edge. The default client (aiohttp) is exercised
    # against real loopback upstreams (test_live_loopback, test_upstream_clients, test_production).
    data["upstream"] = {**data.get("upstream", {}), "base_url": UPSTREAM, "api_key": "sk-upstream",
                        "client": "httpx"}
    data["database_url"] = f"sqlite:///{tmp_path / 'beliefs.db'}"
    data["admin_key"] = ADMIN_KEY
    # generous read timeout: CI machines are slow and shared; the fail-open path has its own tests
    data["storage"] = {"spool_dir": str(tmp_path / "spool"), "read_timeout_s": 10.0}
    # A test regenerates milliseconds after the first answer, which the same-body rule would
    # read as a retry; that rule has its own tests (test_retries_are_not_regenerations).
    data["learning"] = {**data.get("learning", {}), "retry_window_s": 0.0}
    for key, value in overrides.items():
        data[key] = value
    return data


@contextlib.asynccontextmanager
async def running(app) -> AsyncIterator[httpx.AsyncClient]:
    """Run the app's lifespan and yield an httpx client talking to it in-process."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://beliefloop.test") as client:
            yield client


def sdk(client: httpx.AsyncClient, **kwargs: Any) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(api_key="sk-client", base_url="http://beliefloop.test/v1",
                              http_client=client, max_retries=0, **kwargs)


def admin_headers() -> dict[str, str]:
    return {"authorization": f"Bearer {ADMIN_KEY}"}


@pytest.fixture
def config(tmp_path: Path) -> dict[str, Any]:
    return base_config(tmp_path)


@pytest.fixture
async def proxy(config: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings_from_dict(config), watch=False)
    async with running(app) as client:
        yield client
