"""Shift leaders' records: ``shift_detail`` (opening) and ``shift_reconciliation`` (close), chained.

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-25

New tables only: existing rows, their canonical forms and hashes are untouched, so an upgraded database
keeps verifying. Shifts without a ``shift_detail`` were opened by the clock (automatic).

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _create(table: str) -> None:
    op.create_table(
        table,
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uuid", _UUID, nullable=False),
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", _when(), nullable=False),
        sa.Column("shift_id", _UUID, nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("operator_id", _UUID, nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
        sa.UniqueConstraint("shift_id", name=f"uq_{table}_shift_id"),
        sa.UniqueConstraint("station_id", "seq", name=f"uq_{table}_station_id_seq"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name=f"fk_{table}_station_id_station"),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.uuid"], name=f"fk_{table}_shift_id_shift"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name=f"fk_{table}_operator_id_operator"),
    )


def upgrade() -> None:
    _create("shift_detail")
    _create("shift_reconciliation")


def downgrade() -> None:
    op.drop_table("shift_reconciliation")
    op.drop_table("shift_detail")
