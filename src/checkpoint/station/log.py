"""Read access to the pass log for the log view: keys first, rows in batches as they are painted.

Reads run on the calling (GUI) thread: SQLite in WAL mode serves them without waiting on the writer, and
each call touches only an indexed key range or one batch of rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from checkpoint.domain.records import Passage
from checkpoint.storage.database import Database, PassageFilter

__all__ = ["LogService", "PassageFilter"]


class LogService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def keys(self, passage_filter: PassageFilter) -> list[int]:
        return self._database.passage_keys(passage_filter)

    def fetch(self, keys: Sequence[int]) -> list[Passage]:
        return self._database.fetch_passages(keys)

    def count(self, passage_filter: PassageFilter) -> int:
        return self._database.count_passages(passage_filter)
