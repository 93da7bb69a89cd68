"""The residents registry: ``household`` and ``resident`` records, chained like every other record.

Revision ID: 0009
Revises: 0005
Create Date: 2026-11-25

New tables only: existing rows, their canonical forms and hashes are untouched, so an upgraded database
keeps verifying. Each table holds versions; a version names the one it replaces in ``supersedes``.
A member's ID number and phone are never stored in plain text: each is kept sealed, as a keyed hash and
masked, like a person check's since 0006 (``storage/pii.py``); the keyed hash of the ID number is indexed
for look-ups and duplicate detection.

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0005"
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
        *columns,
        sa.Column("supersedes", _UUID, nullable=True),
        sa.Column("operator_id", _UUID, nullable=True),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
        sa.UniqueConstraint("station_id", "seq", name=f"uq_{table}_station_id_seq"),
        sa.UniqueConstraint("supersedes", name=f"uq_{table}_supersedes"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name=f"fk_{table}_station_id_station"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name=f"fk_{table}_operator_id_operator"),
    )


def upgrade() -> None:
    _chained(
        "household",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("exit_every_days", sa.Integer(), nullable=True),
        sa.Column("exits_per_period", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
    )
    op.create_index("ix_household_code", "household", ["code"])
    _chained(
        "resident",
        sa.Column("household", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id_number_sealed", sa.Text(), nullable=False),
        sa.Column("id_number_hmac", sa.String(length=64), nullable=False),
        sa.Column("id_number_masked", sa.Text(), nullable=False),
        sa.Column("phone_sealed", sa.Text(), nullable=False),
        sa.Column("phone_hmac", sa.String(length=64), nullable=False),
        sa.Column("phone_masked", sa.Text(), nullable=False),
        sa.Column("relation", sa.Text(), nullable=False),
        sa.Column("residency", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("status_from", _when(), nullable=True),
        sa.Column("status_until", _when(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
    )
    op.create_index("ix_resident_id_number_hmac", "resident", ["id_number_hmac"])
    op.create_index("ix_resident_household", "resident", ["household"])


def downgrade() -> None:
    op.drop_table("resident")
    op.drop_table("household")
