"""Initial schema: stations, chain head, gates, operators, shifts and their closes, passages with person
checks and vehicles, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UUID = sa.String(length=36)


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _chained(table: str) -> list[sa.Column[object] | sa.Constraint]:
    """The columns and constraints every chained record has."""
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
        "station",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uuid", _UUID, nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("is_home", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_station"),
        sa.UniqueConstraint("uuid", name="uq_station_uuid"),
    )
    op.create_table(
        "chain_head",
        sa.Column("station_id", _UUID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("station_id", name="pk_chain_head"),
        sa.ForeignKeyConstraint(["station_id"], ["station.uuid"], name="fk_chain_head_station_id_station"),
    )
    op.create_table(
        "gate",
        *_chained("gate"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
        sa.UniqueConstraint("station_id", "name", name="uq_gate_station_id_name"),
    )
    op.create_table(
        "operator",
        *_chained("operator"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.UniqueConstraint("station_id", "name", name="uq_operator_station_id_name"),
    )
    op.create_table(
        "shift",
        *_chained("shift"),
        sa.Column("gate_id", _UUID, nullable=False),
        sa.Column("leader_id", _UUID, nullable=False),
        sa.Column("opened_at", _when(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["gate_id"], ["gate.uuid"], name="fk_shift_gate_id_gate"),
        sa.ForeignKeyConstraint(["leader_id"], ["operator.uuid"], name="fk_shift_leader_id_operator"),
    )
    op.create_index("ix_shift_gate_id_opened_at", "shift", ["gate_id", "opened_at"])
    op.create_table(
        "shift_close",
        *_chained("shift_close"),
        sa.Column("shift_id", _UUID, nullable=False),
        sa.Column("closed_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.uuid"], name="fk_shift_close_shift_id_shift"),
        sa.UniqueConstraint("shift_id", name="uq_shift_close_shift_id"),
    )
    op.create_table(
        "passage",
        *_chained("passage"),
        sa.Column("at", _when(), nullable=False),
        sa.Column("direction", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("gate_id", _UUID, nullable=False),
        sa.Column("operator_id", _UUID, nullable=False),
        sa.Column("shift_id", _UUID, nullable=True),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("rules_version", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("corrects", _UUID, nullable=True),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["gate_id"], ["gate.uuid"], name="fk_passage_gate_id_gate"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name="fk_passage_operator_id_operator"),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.uuid"], name="fk_passage_shift_id_shift"),
        sa.ForeignKeyConstraint(["corrects"], ["passage.uuid"], name="fk_passage_corrects_passage"),
    )
    op.create_index("ix_passage_station_id_at", "passage", ["station_id", "at"])
    op.create_index("ix_passage_shift_id", "passage", ["shift_id"])
    op.create_index("ix_passage_corrects", "passage", ["corrects"])
    op.create_table(
        "person_check",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("passage_uuid", _UUID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id_number", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("code_text", sa.Text(), nullable=False),
        sa.Column("code_kind", sa.String(length=32), nullable=False),
        sa.Column("code_colour", sa.String(length=32), nullable=False),
        sa.Column("itinerary", sa.String(length=32), nullable=False),
        sa.Column("test_age_days", sa.Integer(), nullable=True),
        sa.Column("temperature", sa.Float(precision=53), nullable=True),
        sa.Column("verified", sa.Text(), nullable=False),
        sa.Column("is_driver", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person_check"),
        sa.ForeignKeyConstraint(
            ["passage_uuid"], ["passage.uuid"], name="fk_person_check_passage_uuid_passage"
        ),
        sa.UniqueConstraint("passage_uuid", "position", name="uq_person_check_passage_uuid_position"),
    )
    op.create_index("ix_person_check_name", "person_check", ["name"])
    op.create_index("ix_person_check_id_number", "person_check", ["id_number"])
    op.create_index("ix_person_check_phone", "person_check", ["phone"])
    op.create_table(
        "vehicle",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("passage_uuid", _UUID, nullable=False),
        sa.Column("plate", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("destination", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_vehicle"),
        sa.ForeignKeyConstraint(["passage_uuid"], ["passage.uuid"], name="fk_vehicle_passage_uuid_passage"),
        sa.UniqueConstraint("passage_uuid", name="uq_vehicle_passage_uuid"),
    )
    op.create_index("ix_vehicle_plate", "vehicle", ["plate"])
    op.create_table(
        "audit",
        *_chained("audit"),
        sa.Column("at", _when(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("operator_id", _UUID, nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.uuid"], name="fk_audit_operator_id_operator"),
    )
    op.create_index("ix_audit_station_id_at", "audit", ["station_id", "at"])


def downgrade() -> None:
    for table in (
        "audit",
        "vehicle",
        "person_check",
        "passage",
        "shift_close",
        "shift",
        "operator",
        "gate",
        "chain_head",
        "station",
    ):
        op.drop_table(table)
