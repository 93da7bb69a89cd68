"""Column types every table uses: UUIDs as 36-character strings, times stored in UTC (private to storage).

Portable to SQLite and PostgreSQL: the same text on both, aware datetimes in and out.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import DateTime, Dialect, String
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
