"""Alembic environment: migrations run on the connection handed in by
gridoffice.db.migrate (foreign keys already off), in batch mode for SQLite."""
from alembic import context

import gridoffice.domain.tables  # noqa: F401  (registers every table)
from gridoffice.domain.base import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
