"""Operators sign in with a PIN: ``operator_pin`` and ``operator_status`` records, chained like every other.

Revision ID: 0004
Revises: 0009
Create Date: 2026-11-25

New tables and one new index on the audit trail (an operator's sign-in attempts, read for the lock-out):
existing rows, their canonical forms and hashes are untouched, so an upgraded database keeps verifying.
An operator with no ``operator_pin`` record has no PIN yet; one with no ``operator_status`` is enabled.

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _chained(table: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        table,
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uuid", _UUID, nullable=False),
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", _when(), nullable=False),
        sa.Column("operator_id", _UUID, nullable=False),
        *columns,
        sa.Column("at", _when(), nullable=False),
        sa.Column("set_by", _UUID, nullable=True),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
        sa.UniqueConstraint("station_id", "seq", name=f"uq_{table}_station_id_seq"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name=f"fk_{table}_station_id_station"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name=f"fk_{table}_operator_id_operator"),
        sa.ForeignKeyConstraint(["set_by"], ["operator.uuid"], name=f"fk_{table}_set_by_operator"),
    )
    op.create_index(f"ix_{table}_operator_id_seq", table, ["operator_id", "seq"])


def upgrade() -> None:
    _chained("operator_pin", sa.Column("pin_hash", sa.Text(), nullable=False))
    _chained("operator_status", sa.Column("enabled", sa.Boolean(), nullable=False))
    op.create_index("ix_audit_operator_id_seq", "audit", ["operator_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_operator_id_seq", table_name="audit")
    op.drop_table("operator_status")
    op.drop_table("operator_pin")
