"""Alembic environment: always run on a connection the store hands over (never from a URL)."""

from alembic import context

from caseworker.models import Base
from caseworker.store.schema import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
