"""Schema migrations (Alembic), applied through beliefloop's own engine.

The revisions in ``beliefs/memory/migrations/versions`` are append-only. SQLite databases are upgraded
on start; PostgreSQL is upgraded explicitly (``beliefloop db upgrade``) so several workers never
race to migrate, and a server on an old schema refuses to start with a clear message.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

_SCRIPTS = Path(__file__).resolve().parent / "migrations"


class SchemaOutOfDate(RuntimeError):
    """The database is not at the schema this code needs."""


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()  # type: ignore[return-value]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (default: the newest)."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def require_current(engine: Engine) -> None:
    """Raise :class:`SchemaOutOfDate` unless the database is at the head revision."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise SchemaOutOfDate(
            f"database schema is at {current or 'nothing'}, this beliefloop needs {head}: "
            "run `beliefloop db upgrade` against it first"
        )


__all__ = ["SchemaOutOfDate", "current_revision", "head_revision", "require_current", "upgrade"]
