"""Alembic environment: run against the connection the Storage hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from console.core.storage import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through console.core.storage.Storage.migrate()")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
