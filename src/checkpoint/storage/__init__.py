"""Storage: the station's append-only, hash-chained records on SQLite or PostgreSQL (SQLAlchemy + Alembic).

Returns domain objects only; ORM classes stay private to this package.
"""

from checkpoint.storage.database import (
    ChainBreak,
    ChainProblem,
    Database,
    IssuedPass,
    PassageFilter,
    PassUse,
    VerifyReport,
    open_database,
)
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind

__all__ = [
    "ChainBreak",
    "ChainProblem",
    "Database",
    "InvalidRecordError",
    "IssuedPass",
    "PassUse",
    "PassageFilter",
    "StorageError",
    "StorageErrorKind",
    "VerifyReport",
    "open_database",
]
