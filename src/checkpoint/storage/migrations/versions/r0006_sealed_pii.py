"""Personal data at rest: person checks and watchlist entries gain sealed, keyed-hash and masked columns
for their ID number and phone; a ``data_key`` table names the data key the database is sealed with.

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-26

Columns are added in place with server defaults ("" and ``pii_form`` 0), so existing rows read back as
before and keep their hashes. A migration cannot see the data key, so the plain values of existing rows
are sealed by the program when it next opens the database with its key (``Database`` on open, with an
audit entry; see ``storage/_records.py`` on how sealed fields enter the hash). The indexes on the plain
columns go (they would only index empty strings from now on); the keyed hashes are indexed instead, and a
partial index lists the rows still in plain text.

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_PLAIN = "id_number <> '' OR phone <> ''"


def _pii_columns() -> list[sa.Column[object]]:
    columns: list[sa.Column[object]] = [
        sa.Column("pii_form", sa.Integer(), server_default="0", nullable=False)
    ]
    for field in ("id_number", "phone"):
        columns += [
            sa.Column(f"{field}_sealed", sa.Text(), server_default="", nullable=False),
            sa.Column(f"{field}_hmac", sa.String(length=64), server_default="", nullable=False),
            sa.Column(f"{field}_masked", sa.Text(), server_default="", nullable=False),
        ]
    return columns


def upgrade() -> None:
    for table in ("person_check", "watchlist_entry"):
        for column in _pii_columns():
            op.add_column(table, column)
    op.drop_index("ix_person_check_id_number", table_name="person_check")
    op.drop_index("ix_person_check_phone", table_name="person_check")
    op.create_index("ix_person_check_id_number_hmac", "person_check", ["id_number_hmac"])
    op.create_index("ix_person_check_phone_hmac", "person_check", ["phone_hmac"])
    op.create_index(
        "ix_person_check_plain_pii",
        "person_check",
        ["id"],
        sqlite_where=sa.text(_PLAIN),
        postgresql_where=sa.text(_PLAIN),
    )
    op.create_table(
        "data_key",
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name="pk_data_key"),
    )


def downgrade() -> None:
    # Without the key the sealed values cannot go back into the plain columns: refuse rather than lose them.
    sealed_rows = "SELECT 1 FROM {} WHERE id_number_sealed <> '' OR phone_sealed <> ''"
    query = f"{sealed_rows.format('person_check')} UNION ALL {sealed_rows.format('watchlist_entry')} LIMIT 1"
    sealed = op.get_bind().execute(sa.text(query)).first()
    if sealed is not None:
        raise RuntimeError("cannot downgrade below 0006: personal data is sealed and would be lost")
    op.drop_table("data_key")
    op.drop_index("ix_person_check_plain_pii", table_name="person_check")
    op.drop_index("ix_person_check_phone_hmac", table_name="person_check")
    op.drop_index("ix_person_check_id_number_hmac", table_name="person_check")
    op.create_index("ix_person_check_phone", "person_check", ["phone"])
    op.create_index("ix_person_check_id_number", "person_check", ["id_number"])
    for table in ("person_check", "watchlist_entry"):
        with op.batch_alter_table(table) as batch:
            for column in reversed(_pii_columns()):
                batch.drop_column(column.name)
