"""File > Import watchlist...: pick a CSV, read the report (accepted, every rejected line with its reason,
file-level errors), import on confirm through the writer."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from checkpoint.domain.watchlist_import import ImportReport
from checkpoint.station.texts import (
    enum_text,
    file_problem_text,
    reject_detail_text,
)
from checkpoint.station.watchlists import WatchlistFileError, WatchlistService
from checkpoint.ui.file_import import FileImportDialog, ImportTexts


class ImportDialog(FileImportDialog[ImportReport]):
    """Given the watchlist service and who imports. ``load(path)`` reads a file (the Browse button uses it);
    Import stores the accepted entries and closes when the writer has them on disk."""

    def __init__(
        self, service: WatchlistService, operator_id: UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, operator_id, (760, 480), parent)
        service.imported.connect(self._on_service_imported)

    def _texts(self) -> ImportTexts:
        return ImportTexts(
            title=self.tr("Import watchlist"),
            browse=self.tr("Choose CSV file..."),
            file_filter=self.tr("CSV files (*.csv *.txt);;All files (*)"),
            intro=self.tr(
                "A CSV list of home quarantine, persons or plates of interest (UTF-8 or GBK, "
                "Chinese or English headers)."
            ),
            import_=self.tr("Import"),
            importing=self.tr("Importing..."),
            reading=self.tr("Reading the file..."),
        )

    def _problem(self, error: Exception) -> str | None:
        return self._unreadable(error) if isinstance(error, WatchlistFileError) else None

    def _unreadable(self, error: Exception) -> str:
        return self.tr("The file cannot be read: {reason}").format(reason=error)

    def _show(self, report: ImportReport) -> None:
        if report.error is not None:
            detail = f" ({report.error_detail})" if report.error_detail else ""
            self.summary.setText(
                self.tr("Nothing can be imported: {reason}").format(
                    reason=file_problem_text(report.error, report.error_detail)
                )
                + detail
            )
            self.details.clear()
            self.import_button.setEnabled(False)
            return
        self.summary.setText(
            self.tr("{accepted} entries can be imported, {rejected} lines are rejected.").format(
                accepted=len(report.accepted), rejected=len(report.rejected)
            )
        )
        lines = [
            self.tr("Line {line}: {reason} — {detail}\n    {raw}").format(
                line=row.line,
                reason=enum_text(row.reason_code),
                detail=reject_detail_text(row.detail),
                raw=row.raw.strip(),
            )
            for row in report.rejected
        ]
        counts: dict[str, int] = {}
        for entry in report.accepted:
            key = f"{enum_text(entry.kind)} / {enum_text(entry.action)}"
            counts[key] = counts.get(key, 0) + 1
        accepted = [f"✔ {key}: {count}" for key, count in sorted(counts.items())]
        if report.ignored_columns:
            accepted.append(
                self.tr("Columns not used: {columns}").format(columns=", ".join(report.ignored_columns))
            )
        self.details.setPlainText("\n".join([*accepted, *lines]))
        self.import_button.setEnabled(bool(report.accepted))

    @Slot(int)
    def _on_service_imported(self, count: int) -> None:
        self.summary.setText(self.tr("%n new entries imported.", "", count))
        self.accept()
