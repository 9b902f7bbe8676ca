"""Alembic environment: runs on the connection beliefloop hands over (see beliefs/migrate.py)."""

from alembic import context

from beliefs.memory.sql_store import SQLModel

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
