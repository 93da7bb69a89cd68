"""Column types every table uses (UUIDs as 36-character strings, times stored in UTC), the column groups of
sealed personal data (mixins for the ORM rows of ``_models``) and the conditions partial indexes are
spelled with (private to storage).

Portable to SQLite and PostgreSQL: the same text on both, aware datetimes in and out.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import DateTime, Dialect, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UUIDText(TypeDecorator[UUID]):
    """A UUID stored as its 36-character string (same text on SQLite and PostgreSQL)."""

    impl = String(36)
    cache_ok = True

    def process_bind_param(self, value: UUID | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(value if isinstance(value, UUID) else UUID(value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> UUID | None:
        return None if value is None else _parse_uuid(value)


@functools.lru_cache(maxsize=4096)
def _parse_uuid(text: str) -> UUID:
    """UUIDs are immutable; station, gate, operator and shift ids repeat on every row, so parse them once."""
    return UUID(text)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored in UTC; naive values are refused; results come back aware UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime refused (store UTC only): {value!r}")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


FLAGGED_CONDITION = "flags <> '[]'"
"""A person check with any flag: the partial index's condition, spelled once."""

PLAIN_PII_CONDITION = "id_number <> '' OR phone <> '' OR name <> '' OR household <> '' OR code_text <> ''"
"""A person check with personal data still in plain text (written before schema 0012 and not yet sealed):
the partial index's condition, spelled once. Empty once every row is sealed, so "is anything left to
seal?" costs one look into an empty index."""

PLAIN_NOTE_CONDITION = "note <> ''"
"""A passage whose note is still in plain text (written before schema 0012 and not yet sealed)."""


class SealedIdPhone:
    """ID number and phone sealed (since 0006, ``storage/pii.py``); the plain columns stay "" from then
    on. ``pii_form`` says which canonical form the hash covers (``_sealed``: 0 plain, 1 and 2 sealed)."""

    pii_form: Mapped[int] = mapped_column(Integer, server_default="0")
    id_number_sealed: Mapped[str] = mapped_column(Text, server_default="")
    id_number_hmac: Mapped[str] = mapped_column(String(64), server_default="")
    id_number_masked: Mapped[str] = mapped_column(Text, server_default="")
    phone_sealed: Mapped[str] = mapped_column(Text, server_default="")
    phone_hmac: Mapped[str] = mapped_column(String(64), server_default="")
    phone_masked: Mapped[str] = mapped_column(Text, server_default="")


class SealedName:
    """The name sealed, as a keyed hash and masked (since 0012); the plain ``name`` stays ""."""

    name_sealed: Mapped[str] = mapped_column(Text, server_default="")
    name_hmac: Mapped[str] = mapped_column(String(64), server_default="")
    name_masked: Mapped[str] = mapped_column(Text, server_default="")


class SealedHousehold:
    """The household sealed and as a keyed hash (since 0012); the plain ``household`` stays ""."""

    household_sealed: Mapped[str] = mapped_column(Text, server_default="")
    household_hmac: Mapped[str] = mapped_column(String(64), server_default="")
