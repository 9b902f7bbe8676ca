"""Database fixtures: SQLite always; a real PostgreSQL when one is provided.

PostgreSQL comes from ``BELIEFLOOP_TEST_POSTGRES_URL`` (a role allowed to create databases);
``.ci/run`` installs and starts a server and sets it. Locally the PostgreSQL cases are skipped
when it is unset; in CI (``CI`` set) a missing server is a failure, never a skip.
"""

from __future__ import annotations

import os
import uuid
from typing import Iterator

import psycopg
import pytest

ENV = "BELIEFLOOP_TEST_POSTGRES_URL"


def postgres_admin_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{ENV} must be set in CI (.ci/run starts PostgreSQL)")
        pytest.skip(f"PostgreSQL not available: set {ENV}")
    return url


def fresh_postgres_database() -> Iterator[str]:
    """Create an empty database for one test and drop it afterwards; yields its URL."""
    admin = postgres_admin_url()
    name = f"bl_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """Each test using this runs once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'beliefs.db'}"
    else:
        yield from fresh_postgres_database()
