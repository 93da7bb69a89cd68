"""A gate's profile can be switched: ``gate_profile`` records, chained like every other record.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

A new table only: existing rows, their canonical forms and hashes are untouched, so an upgraded database
keeps verifying. A gate with no ``gate_profile`` record keeps the profile its gate row names.

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    table = "gate_profile"
    op.create_table(
        table,
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uuid", _UUID, nullable=False),
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", _when(), nullable=False),
        sa.Column("gate_id", _UUID, nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("operator_id", _UUID, nullable=True),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
        sa.UniqueConstraint("station_id", "seq", name=f"uq_{table}_station_id_seq"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name=f"fk_{table}_station_id_station"),
        sa.ForeignKeyConstraint(["gate_id"], ["gate.uuid"], name=f"fk_{table}_gate_id_gate"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name=f"fk_{table}_operator_id_operator"),
    )
    op.create_index("ix_gate_profile_gate_id_seq", table, ["gate_id", "seq"])


def downgrade() -> None:
    op.drop_table("gate_profile")
