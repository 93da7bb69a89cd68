"""Administrators hold a recovery code: ``operator_recovery`` records, chained like every other.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27

A locked-out administrator sets a new PIN with the recovery code they were shown once (``checkpoint
operators recover``); the code is stored only as its argon2id hash, the newest record per operator
counts. A new table: existing rows and their hashes are untouched, so an upgraded database keeps verifying.

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)


def upgrade() -> None:
    table = "operator_recovery"
    op.create_table(
        table,
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uuid", _UUID, nullable=False),
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator_id", _UUID, nullable=False),
        sa.Column("code_hash", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", _UUID, nullable=True),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
        sa.UniqueConstraint("station_id", "seq", name=f"uq_{table}_station_id_seq"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name=f"fk_{table}_station_id_station"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name=f"fk_{table}_operator_id_operator"),
        sa.ForeignKeyConstraint(["set_by"], ["operator.uuid"], name=f"fk_{table}_set_by_operator"),
    )
    op.create_index(f"ix_{table}_operator_id_seq", table, ["operator_id", "seq"])


def downgrade() -> None:
    op.drop_table("operator_recovery")
