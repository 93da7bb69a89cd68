"""Overrides: an outcome milder than the proposed TURN BACK or HOLD, recorded beside its passage.

Revision ID: 0010
Revises: 0008
Create Date: 2031-07-15

New table only: existing rows, their canonical forms and hashes are untouched, so an upgraded database
keeps verifying. ``passage_uuid`` names the passage without a foreign key (a retention purge removes
passages; their overrides stay on record).

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)
_TABLE = "passage_override"


def upgrade() -> None:
    op.create_table(
        _TABLE,
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uuid", _UUID, nullable=False),
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("passage_uuid", _UUID, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator_id", _UUID, nullable=False),
        sa.Column("proposed", sa.String(length=16), nullable=False),
        sa.Column("chosen", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{_TABLE}"),
        sa.UniqueConstraint("uuid", name=f"uq_{_TABLE}_uuid"),
        sa.UniqueConstraint("station_id", "seq", name=f"uq_{_TABLE}_station_id_seq"),
        sa.UniqueConstraint("passage_uuid", name=f"uq_{_TABLE}_passage_uuid"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name=f"fk_{_TABLE}_station_id_station"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name=f"fk_{_TABLE}_operator_id_operator"),
    )
    op.create_index(f"ix_{_TABLE}_at", _TABLE, ["at"])


def downgrade() -> None:
    op.drop_table(_TABLE)
