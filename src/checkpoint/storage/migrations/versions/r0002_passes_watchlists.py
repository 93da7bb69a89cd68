"""Person checks gain attestation time, flags, pass id and household; issued passes, pass revocations,
watchlist entries and their ends.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Columns are added in place (no table copy, so a big log upgrades in seconds); their server defaults are
the domain defaults, so existing rows read back exactly as before and keep their hashes (see
``storage/_records.py`` on how new person-check fields enter the hash).

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)
_FLAGGED = "flags <> '[]'"


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _chained(table: str) -> list[sa.Column[object] | sa.Constraint]:
    """The columns and constraints every chained record has (as in 0001)."""
    return [
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uuid", _UUID, nullable=False),
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
        sa.UniqueConstraint("station_id", "seq", name=f"uq_{table}_station_id_seq"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name=f"fk_{table}_station_id_station"),
    ]


def _operator_fk(table: str) -> list[sa.Column[object] | sa.Constraint]:
    return [
        sa.Column("operator_id", _UUID, nullable=True),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name=f"fk_{table}_operator_id_operator"),
    ]


def upgrade() -> None:
    op.add_column("person_check", sa.Column("attested_at", _when(), nullable=True))
    op.add_column("person_check", sa.Column("flags", sa.Text(), server_default="[]", nullable=False))
    op.add_column("person_check", sa.Column("pass_id", sa.Text(), server_default="", nullable=False))
    op.add_column("person_check", sa.Column("household", sa.Text(), server_default="", nullable=False))
    op.create_index("ix_person_check_pass_id", "person_check", ["pass_id"])
    op.create_index("ix_person_check_household", "person_check", ["household"])
    op.create_index(
        "ix_person_check_flagged",
        "person_check",
        ["passage_uuid"],
        sqlite_where=sa.text(_FLAGGED),
        postgresql_where=sa.text(_FLAGGED),
    )
    op.create_table(
        "issued_pass",
        *_chained("issued_pass"),
        sa.Column("pass_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("household", sa.Text(), nullable=False),
        sa.Column("at", _when(), nullable=False),
        *_operator_fk("issued_pass"),
        sa.UniqueConstraint("station_id", "pass_id", name="uq_issued_pass_station_id_pass_id"),
    )
    op.create_index("ix_issued_pass_pass_id", "issued_pass", ["pass_id"])
    op.create_index("ix_issued_pass_household", "issued_pass", ["household"])
    op.create_table(
        "pass_revocation",
        *_chained("pass_revocation"),
        sa.Column("pass_id", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", _when(), nullable=False),
        *_operator_fk("pass_revocation"),
    )
    op.create_index("ix_pass_revocation_pass_id", "pass_revocation", ["pass_id"])
    op.create_table(
        "watchlist_entry",
        *_chained("watchlist_entry"),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id_number", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("plate", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("valid_from", _when(), nullable=True),
        sa.Column("valid_until", _when(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        *_operator_fk("watchlist_entry"),
    )
    op.create_table(
        "watchlist_end",
        *_chained("watchlist_end"),
        sa.Column("entry_id", _UUID, nullable=False),
        sa.Column("ended_at", _when(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        *_operator_fk("watchlist_end"),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["watchlist_entry.uuid"], name="fk_watchlist_end_entry_id_watchlist_entry"
        ),
        sa.UniqueConstraint("entry_id", name="uq_watchlist_end_entry_id"),
    )


def downgrade() -> None:
    for table in ("watchlist_end", "watchlist_entry", "pass_revocation", "issued_pass"):
        op.drop_table(table)
    for index in ("ix_person_check_flagged", "ix_person_check_household", "ix_person_check_pass_id"):
        op.drop_index(index, table_name="person_check")
    with op.batch_alter_table("person_check") as batch:
        for column in ("household", "pass_id", "flags", "attested_at"):
            batch.drop_column(column)
