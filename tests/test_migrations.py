"""Alembic migrations: the models match the migrated schema, and upgrades keep every row."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from beliefs.memory import migrate
from beliefs.memory.sql_store import SQLModel, SqlStore, make_engine
from beliefs.records import Identity
from tests.databases import database_url  # noqa: F401  (fixture)


def test_models_match_the_migrated_schema(database_url):
    engine = make_engine(database_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_upgrade_from_the_previous_schema_keeps_data(database_url):
    engine = make_engine(database_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO belief_evidence VALUES ('default', 'u1', '*', 'length', 'concise', 2.5, 0, 0, 3, 100)"))
        for i, at in enumerate((100.0, 200.0, 300.0)):
            connection.execute(text(
                "INSERT INTO response_record (id, tenant, user_id, context, prefix_hash, model, created_at, "
                f"complete) VALUES ('r{i}', 'default', 'u1', '*', 'p', 'm', {at}, true)"))
    migrate.upgrade(engine)
    store = SqlStore(engine)
    row = store.load_self_model(Identity("default", "u1")).evidence[("*", "length")]["concise"]
    assert (row.implicit, row.observations) == (2.5, 3)
    profile = store.get_profile(Identity("default", "u1"))
    assert (profile.first_seen, profile.last_seen, profile.requests) == (100.0, 300.0, 3)
    assert store.get_response(None, "r2") is not None


def test_postgres_style_start_refuses_an_old_schema(database_url):
    engine = make_engine(database_url)
    migrate.upgrade(engine, "0001")
    try:
        SqlStore.from_url(database_url, migrate=False)
    except migrate.SchemaOutOfDate as error:
        assert "beliefloop db upgrade" in str(error)
    else:
        raise AssertionError("an out-of-date schema must be refused")
