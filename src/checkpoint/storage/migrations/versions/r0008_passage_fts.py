"""The log's free-text index: FTS5 trigram over names, plates and notes (never ID numbers or phones).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22

Builds the index for every passage already recorded and the triggers that keep it in step (see
``checkpoint.storage.fts``). On PostgreSQL, or an SQLite without the trigram tokenizer, it creates
nothing and the filter keeps its ``LIKE`` scan. No stored record changes; hashes are untouched.

Frozen history: this script must keep producing exactly this schema. Change the schema with a new revision.
"""

from __future__ import annotations

from alembic import op

from checkpoint.storage import fts

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    fts.create_index(op.get_bind())


def downgrade() -> None:
    fts.drop_index(op.get_bind())
