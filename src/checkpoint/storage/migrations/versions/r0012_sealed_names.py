"""Names, households, scanned payloads and free text sealed like ID numbers and phones (since 0006).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

Each field gains a sealed column and, where something searches it, a keyed-hash column (indexed instead of
the plain column) and, for names, a masked one (``storage/pii.py``, ``_records.SEALED_TEXT``):

* person checks: name, household, code text (the scanned pass or certificate, verbatim);
* passages: the note (it names a visitor's host and household);
* watchlist entries: the name;
* residents: name and household; households: code, address and notes;
* issued passes: the summary (names, household) and the household.

Columns are added with server defaults ("" and ``pii_form`` 0), so existing rows read back as before and
keep their hashes. A migration cannot see the data key, so the plain values of existing rows are sealed by
the program when it next opens the database with its key (``Database`` on open, in batches, with an audit
entry), exactly as 0006 did: such rows keep the ``pii_form`` their hash was taken in (their hash covers the
plain values; ``db verify`` opens them with the key) and rows written from now on get ``pii_form`` 2
(their hash covers the sealed columns: ``db verify`` needs no key). Partial indexes list the person checks
and passages still holding plain text, so "anything left to seal?" is one look into an empty index.

The log's free-text index (0008) indexed names and notes: it is rebuilt over plates only
(``storage.fts``), and its old pages are zeroed (``secure_delete``).

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from checkpoint.storage import fts

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None

_OLD_PLAIN = "id_number <> '' OR phone <> ''"
_PLAIN = "id_number <> '' OR phone <> '' OR name <> '' OR household <> '' OR code_text <> ''"
_PLAIN_NOTE = "note <> ''"

# table -> the sealed fields and their parts, as added here
_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "person_check": {
        "name": ("sealed", "hmac", "masked"),
        "household": ("sealed", "hmac"),
        "code_text": ("sealed", "hmac"),
    },
    "passage": {"note": ("sealed",)},
    "watchlist_entry": {"name": ("sealed", "hmac", "masked")},
    "resident": {"name": ("sealed", "hmac", "masked"), "household": ("sealed", "hmac")},
    "household": {"code": ("sealed", "hmac"), "address": ("sealed",), "notes": ("sealed",)},
    "issued_pass": {"summary": ("sealed",), "household": ("sealed", "hmac")},
}
_NEW_FORM_COLUMN = ("passage", "resident", "household", "issued_pass")  # the others have it since 0006

# (table, plain column whose index goes, keyed-hash column indexed instead)
_INDEXES = (
    ("person_check", "name", "name_hmac"),
    ("person_check", "household", "household_hmac"),
    ("resident", "household", "household_hmac"),
    ("household", "code", "code_hmac"),
    ("issued_pass", "household", "household_hmac"),
)


def _columns(table: str) -> list[sa.Column[object]]:
    columns: list[sa.Column[object]] = []
    if table in _NEW_FORM_COLUMN:
        columns.append(sa.Column("pii_form", sa.Integer(), server_default="0", nullable=False))
    for field, parts in _FIELDS[table].items():
        for part in parts:
            kind = sa.String(length=64) if part == "hmac" else sa.Text()
            columns.append(sa.Column(f"{field}_{part}", kind, server_default="", nullable=False))
    return columns


def upgrade() -> None:
    for table in _FIELDS:
        for column in _columns(table):
            op.add_column(table, column)
    for table, plain, keyed in _INDEXES:
        op.drop_index(f"ix_{table}_{plain}", table_name=table)
        op.create_index(f"ix_{table}_{keyed}", table, [keyed])
    op.drop_index("ix_person_check_plain_pii", table_name="person_check")
    op.create_index(
        "ix_person_check_plain_pii",
        "person_check",
        ["id"],
        sqlite_where=sa.text(_PLAIN),
        postgresql_where=sa.text(_PLAIN),
    )
    op.create_index(
        "ix_passage_plain_note",
        "passage",
        ["id"],
        sqlite_where=sa.text(_PLAIN_NOTE),
        postgresql_where=sa.text(_PLAIN_NOTE),
    )
    bind = op.get_bind()
    if fts.has_index(bind):  # names and notes leave the free-text index: plates only
        fts.drop_index(bind)
        fts.create_index(bind)


def downgrade() -> None:
    # Without the key the sealed values cannot go back into the plain columns: refuse rather than lose them.
    checks = [
        f"SELECT 1 FROM {table} WHERE {' OR '.join(f'{field}_sealed <> ' + repr('') for field in fields)}"
        for table, fields in _FIELDS.items()
    ]
    sealed = op.get_bind().execute(sa.text(" UNION ALL ".join(checks) + " LIMIT 1")).first()
    if sealed is not None:
        raise RuntimeError("cannot downgrade below 0012: personal data is sealed and would be lost")
    bind = op.get_bind()
    had_index = fts.has_index(bind)
    fts.drop_index(bind)  # its triggers would stop the tables' rebuild below
    op.drop_index("ix_passage_plain_note", table_name="passage")
    op.drop_index("ix_person_check_plain_pii", table_name="person_check")
    op.create_index(
        "ix_person_check_plain_pii",
        "person_check",
        ["id"],
        sqlite_where=sa.text(_OLD_PLAIN),
        postgresql_where=sa.text(_OLD_PLAIN),
    )
    for table, plain, keyed in reversed(_INDEXES):
        op.drop_index(f"ix_{table}_{keyed}", table_name=table)
        op.create_index(f"ix_{table}_{plain}", table, [plain])
    for table in reversed(list(_FIELDS)):
        with op.batch_alter_table(table) as batch:
            for column in reversed(_columns(table)):
                batch.drop_column(column.name)
    if had_index:  # 0008's index over names, plates and notes, as 0008 made it
        op.get_context().script.get_revision("0008").module.create_0008_index(bind)  # type: ignore[union-attr]
