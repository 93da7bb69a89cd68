"""File > Import watchlist...: pick a CSV, read the report (accepted, every rejected line with its reason,
file-level errors), import on confirm through the writer."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.importing import ImportReport
from checkpoint.station.texts import file_error_text, reject_text, watchlist_action_text, watchlist_kind_text
from checkpoint.station.watchlists import WatchlistFileError, WatchlistService


class ImportDialog(QDialog):
    """Given the watchlist service and who imports. ``load(path)`` reads a file (the Browse button uses it);
    Import stores the accepted entries and closes when the writer has them on disk."""

    def __init__(
        self, service: WatchlistService, operator_id: UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._operator_id = operator_id
        self._report: ImportReport | None = None
        self._path: Path | None = None
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_import_clicked)
        self.buttons.rejected.connect(self.reject)
        service.imported.connect(self._on_service_imported)
        service.import_failed.connect(self._on_service_import_failed)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self.retranslate_ui()

    @property
    def report(self) -> ImportReport | None:
        return self._report

    def load(self, path: Path) -> ImportReport | None:
        """Reads ``path`` and shows its report; None (and the reason) when the file cannot be read."""
        self._path = path
        self.path_edit.setText(str(path))
        try:
            self._report = self._service.read(path)
        except WatchlistFileError as error:
            self._report = None
            self.summary.setText(self.tr("The file cannot be read: {reason}").format(reason=error))
            self.details.clear()
            self.import_button.setEnabled(False)
            return None
        self._show_report()
        return self._report

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import watchlist"))
        self.browse_button.setText(self.tr("Choose CSV file..."))
        self.import_button.setText(self.tr("Import"))
        if self._report is not None:
            self._show_report()
        elif self._path is None:
            self.summary.setText(
                self.tr(
                    "A CSV list of home quarantine, persons or plates of interest (UTF-8 or GBK, "
                    "Chinese or English headers)."
                )
            )

    def _show_report(self) -> None:
        report = self._report
        if report is None:
            return
        if report.error is not None:
            detail = f" ({report.error_detail})" if report.error_detail else ""
            self.summary.setText(
                self.tr("Nothing can be imported: {reason}").format(reason=file_error_text(report.error))
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
                line=row.line, reason=reject_text(row.reason_code), detail=row.detail, raw=row.raw.strip()
            )
            for row in report.rejected
        ]
        counts: dict[str, int] = {}
        for entry in report.accepted:
            key = f"{watchlist_kind_text(entry.kind)} / {watchlist_action_text(entry.action)}"
            counts[key] = counts.get(key, 0) + 1
        accepted = [f"✔ {key}: {count}" for key, count in sorted(counts.items())]
        if report.ignored_columns:
            accepted.append(
                self.tr("Columns not used: {columns}").format(columns=", ".join(report.ignored_columns))
            )
        self.details.setPlainText("\n".join([*accepted, *lines]))
        self.import_button.setEnabled(bool(report.accepted))

    @Slot()
    def _on_browse_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import watchlist"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if name:
            self.load(Path(name))

    @Slot()
    def _on_import_clicked(self) -> None:
        report = self._report
        if report is None or not self._service.store(report, self._operator_id):
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing..."))

    @Slot(int)
    def _on_service_imported(self, count: int) -> None:
        self.summary.setText(self.tr("%n new entries imported.", "", count))
        self.accept()

    @Slot(str)
    def _on_service_import_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.import_button.setEnabled(True)
