"""The log's free-text index: FTS5 trigram over names, plates and notes (never ID numbers or phones).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22

Builds the index for every passage already recorded and the triggers that keep it in step (see
``checkpoint.storage.fts``). On PostgreSQL, or an SQLite without the trigram tokenizer, it creates
nothing and the filter keeps its ``LIKE`` scan. No stored record changes; hashes are untouched.

Since 0012 names and notes are sealed and the index holds plates only: 0012 replaces this index, so its
SQL is kept here as 0008 ran it (``storage.fts`` has 0012's).

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection

from checkpoint.storage import fts

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

_TABLE = "passage_fts"

_CREATE = f"""
CREATE VIRTUAL TABLE {_TABLE} USING fts5(body, passage_id UNINDEXED, tokenize='trigram')
"""

TRIGGERS = (
    f"""CREATE TRIGGER {_TABLE}_person_ai AFTER INSERT ON person_check WHEN new.name <> '' BEGIN
        INSERT INTO {_TABLE}(rowid, body, passage_id)
        VALUES (new.id * 4 + 1, new.name, (SELECT id FROM passage WHERE uuid = new.passage_uuid));
    END""",
    f"""CREATE TRIGGER {_TABLE}_person_ad AFTER DELETE ON person_check BEGIN
        DELETE FROM {_TABLE} WHERE rowid = old.id * 4 + 1;
    END""",
    f"""CREATE TRIGGER {_TABLE}_vehicle_ai AFTER INSERT ON vehicle WHEN new.plate <> '' BEGIN
        INSERT INTO {_TABLE}(rowid, body, passage_id)
        VALUES (new.id * 4 + 2, new.plate, (SELECT id FROM passage WHERE uuid = new.passage_uuid));
    END""",
    f"""CREATE TRIGGER {_TABLE}_vehicle_ad AFTER DELETE ON vehicle BEGIN
        DELETE FROM {_TABLE} WHERE rowid = old.id * 4 + 2;
    END""",
    f"""CREATE TRIGGER {_TABLE}_note_ai AFTER INSERT ON passage WHEN new.note <> '' BEGIN
        INSERT INTO {_TABLE}(rowid, body, passage_id) VALUES (new.id * 4 + 3, new.note, new.id);
    END""",
    f"""CREATE TRIGGER {_TABLE}_note_ad AFTER DELETE ON passage BEGIN
        DELETE FROM {_TABLE} WHERE rowid = old.id * 4 + 3;
    END""",
)
TRIGGER_NAMES = tuple(
    f"{_TABLE}_{name}"
    for name in ("person_ai", "person_ad", "vehicle_ai", "vehicle_ad", "note_ai", "note_ad")
)

_BACKFILL = (
    f"""INSERT INTO {_TABLE}(rowid, body, passage_id)
        SELECT pc.id * 4 + 1, pc.name, p.id FROM person_check pc JOIN passage p ON p.uuid = pc.passage_uuid
        WHERE pc.name <> ''""",
    f"""INSERT INTO {_TABLE}(rowid, body, passage_id)
        SELECT v.id * 4 + 2, v.plate, p.id FROM vehicle v JOIN passage p ON p.uuid = v.passage_uuid
        WHERE v.plate <> ''""",
    f"""INSERT INTO {_TABLE}(rowid, body, passage_id)
        SELECT id * 4 + 3, note, id FROM passage WHERE note <> ''""",
)


def create_0008_index(connection: Connection) -> None:
    """The index as 0008 made it (also what 0012's downgrade restores)."""
    if connection.dialect.name != "sqlite" or not fts.trigram_supported(connection):
        return
    connection.exec_driver_sql(_CREATE)
    for statement in (*TRIGGERS, *_BACKFILL):
        connection.exec_driver_sql(statement)


def drop_0008_index(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {_TABLE}")
        for name in TRIGGER_NAMES:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    create_0008_index(op.get_bind())


def downgrade() -> None:
    drop_0008_index(op.get_bind())
