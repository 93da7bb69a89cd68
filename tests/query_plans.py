"""What SQL a piece of code runs, and how SQLite plans it: tests of the log's queries at scale read the
plan (which index, a sort or not) instead of timing anything."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event

from checkpoint.storage.database import Database


@dataclass(frozen=True)
class Statement:
    sql: str
    parameters: Any


@contextmanager
def selects(database: Database) -> Iterator[list[Statement]]:
    """The SELECT statements run on ``database`` inside the block, in order (filled as they run)."""
    found: list[Statement] = []

    def capture(conn: object, cursor: object, sql: str, parameters: Any, *args: object) -> None:
        if sql.startswith("SELECT"):
            found.append(Statement(sql, parameters))

    engine = database._engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", capture)


def plan(database: Database, statement: Statement) -> str:
    """SQLite's EXPLAIN QUERY PLAN for a captured statement, as one text."""
    with database._engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement.sql}", statement.parameters).all()
    return str(rows)
