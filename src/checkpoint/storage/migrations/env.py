"""Alembic environment: runs on the connection ``open_database`` passes in (no alembic.ini at runtime).

For development, ``alembic`` can be pointed at this folder with a URL in ``sqlalchemy.url``; then this
script opens its own engine.

The revisions do not apply in the order of their ids: 0001 → 0002 → 0003 → 0005 → 0009 → 0004 → 0006 →
0007 → 0008 → 0010 → 0011 → 0012 (each names the one before it in ``down_revision``; several were written
in parallel and chained afterwards). The ids are stored in every database in the field, so they are never
renumbered; ``versions/README.md`` lists what each revision adds.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from checkpoint.storage._models import Base
from checkpoint.storage.fts import include_name


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no connection passed in and no sqlalchemy.url configured")
    engine = create_engine(url)
    try:
        with engine.begin() as own:
            _run(own)
    finally:
        engine.dispose()


_main()
