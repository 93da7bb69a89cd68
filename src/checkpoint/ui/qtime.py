"""Between the domain's timezone-aware datetimes and Qt's date-time widgets (one place for the rule)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime


def to_qdatetime(value: datetime) -> QDateTime:
    """An aware datetime as a QDateTime (shown in the system's local time)."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """A QDateTime as an aware UTC datetime, to the second."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)
