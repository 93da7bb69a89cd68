"""Watchlist imports at the station: read a CSV into a report, then store the accepted entries on confirm.

Reading is pure (``domain.watchlist_import``) and quick; storing goes through the one writer (chained
entries and an audit ``watchlist_imported`` entry in one transaction), after which the verifier's cache is
refreshed so the very next scan is checked against the new list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, Signal

from checkpoint.domain.watchlist_import import ImportReport, parse_watchlist_csv
from checkpoint.station.credentials import Verifier
from checkpoint.station.texts import enum_text
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.errors import StorageError

_log = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024  # a district list is a few MB; more is the wrong file


class WatchlistFileError(OSError):
    """The file cannot be read (missing, unreadable, too large); the message says which."""


class WatchlistService(QObject):
    """Reads watchlist files and stores their entries through the writer.

    Signals:
        imported(int): entries newly stored (a re-import of the same lines stores none).
        import_failed(str): a translated message; nothing was stored.
    """

    imported = Signal(int)
    import_failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter,
        verifier: Verifier,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._verifier = verifier
        self._clock = clock or (lambda: datetime.now(UTC))

    @property
    def reads_beside_writes(self) -> bool:
        """``read`` touches no database: it may always run on another thread."""
        return True

    def read(self, path: Path) -> ImportReport:
        """The report for a CSV file (accepted entries, rejected lines, file-level error). Qt-free: the
        import dialog runs it on a thread of its own."""
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise WatchlistFileError(
                    f"{path.name}: {size // (1024 * 1024)} MB is too large for a watchlist"
                )
            data = path.read_bytes()
        except WatchlistFileError:
            raise
        except OSError as error:
            raise WatchlistFileError(f"{path}: {error.strerror or error}") from error
        return parse_watchlist_csv(data, today=self._clock().astimezone().date(), source=path.name)

    def store(self, report: ImportReport, operator_id: UUID | None) -> bool:
        """Stores the report's accepted entries; False when there is nothing to store."""
        entries = list(report.accepted)
        if not report.ok or not entries:
            return False
        at = self._clock()
        self._writer.submit(
            lambda db: db.watchlists.add_watchlist_entries(entries, at, operator_id),
            on_done=self._on_stored,
            on_error=self._on_store_error,
        )
        return True

    def _on_stored(self, count: int) -> None:
        self._verifier.refresh_watchlist()
        _log.info("watchlist import: %d new entries", count)
        self.imported.emit(count)

    def _on_store_error(self, error: StorageError) -> None:
        self.import_failed.emit(
            QCoreApplication.translate("WatchlistService", "The watchlist was NOT imported: {reason}").format(
                reason=enum_text(error.kind)
            )
        )
