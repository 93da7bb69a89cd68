"""Retention: purge records, the seq runs they removed, and the hourly counts kept for the reports.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22

New tables only: existing rows, their canonical forms and hashes are untouched.

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _chained(table: str) -> list[sa.schema.SchemaItem]:
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


def upgrade() -> None:
    op.create_table(
        "purge",
        *_chained("purge"),
        sa.Column("before", _when(), nullable=False),
        sa.Column("first_at", _when(), nullable=False),
        sa.Column("last_at", _when(), nullable=False),
        sa.Column("passages", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("operator_id", _UUID, nullable=True),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name="fk_purge_operator_id_operator"),
    )
    op.create_table(
        "purge_gap",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("purge_uuid", _UUID, nullable=False),
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_purge_gap"),
        sa.UniqueConstraint("station_id", "first_seq", name="uq_purge_gap_station_id_first_seq"),
        sa.ForeignKeyConstraint(["purge_uuid"], ["purge.uuid"], name="fk_purge_gap_purge_uuid_purge"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name="fk_purge_gap_station_id_station"),
    )
    op.create_index("ix_purge_gap_purge_uuid", "purge_gap", ["purge_uuid"])
    op.create_table(
        "passage_summary",
        *_chained("passage_summary"),
        sa.Column("purge_uuid", _UUID, nullable=False),
        sa.Column("gate_id", _UUID, nullable=False),
        sa.Column("shift_id", _UUID, nullable=True),
        sa.Column("hour", _when(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["purge_uuid"], ["purge.uuid"], name="fk_passage_summary_purge_uuid_purge"),
        sa.ForeignKeyConstraint(["gate_id"], ["gate.uuid"], name="fk_passage_summary_gate_id_gate"),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.uuid"], name="fk_passage_summary_shift_id_shift"),
    )
    op.create_index("ix_passage_summary_gate_id_hour", "passage_summary", ["gate_id", "hour"])


def downgrade() -> None:
    op.drop_table("passage_summary")
    op.drop_table("purge_gap")
    op.drop_table("purge")
