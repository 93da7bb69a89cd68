"""File > Import residents...: pick a CSV or XLSX file, read the report (every row: new, updated,
unchanged or rejected with its reason; file-level errors), import on confirm through the writer."""

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

from checkpoint.domain.masking import mask_name
from checkpoint.domain.residents import ImportAction, RegistryPlan, ResidentStatus
from checkpoint.domain.residents_import import ResidentRejectCode
from checkpoint.station.residents import ResidentService, ResidentsFileError, ResidentsReport
from checkpoint.station.texts import (
    import_action_text,
    resident_file_error_text,
    resident_reject_text,
    resident_status_text,
    storage_error_text,
)
from checkpoint.storage.database import StorageError


class ResidentsImportDialog(QDialog):
    """Given the residents service and who imports. ``load(path)`` reads a file (the Browse button uses
    it); Import stores the valid rows and closes once the writer has them on disk."""

    def __init__(
        self, service: ResidentService, operator_id: UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._operator_id = operator_id
        self._report: ResidentsReport | None = None
        self._problem = ""
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
        self.resize(820, 520)
        self.retranslate_ui()

    @property
    def report(self) -> ResidentsReport | None:
        return self._report

    def load(self, path: Path) -> ResidentsReport | None:
        """Reads ``path`` and shows its report; None (and the reason) when the file cannot be read."""
        self._path = path
        self.path_edit.setText(str(path))
        self._report = None
        self._problem = ""
        try:
            self._report = self._service.read(path)
        except ResidentsFileError as error:
            self._problem = self.tr("The file cannot be read: {reason}").format(reason=error)
        except StorageError as error:
            self._problem = self.tr("The registry cannot be read: {reason}").format(
                reason=storage_error_text(error.kind)
            )
        self._show_report()
        return self._report

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import residents"))
        self.browse_button.setText(self.tr("Choose CSV or XLSX file..."))
        self.import_button.setText(self.tr("Import"))
        self._show_report()

    def _show_report(self) -> None:
        report = self._report
        if report is None:
            self.details.clear()
            self.import_button.setEnabled(False)
            self.summary.setText(
                self._problem
                or self.tr(
                    "A list of households and members (CSV in UTF-8 or GBK, or XLSX; Chinese or English "
                    "headers): household or building/unit/room, name, ID number, phone, relation, "
                    "resident or tenant, status."
                )
            )
            return
        parsed = report.file
        if parsed.error is not None:
            detail = f" ({parsed.error_detail})" if parsed.error_detail else ""
            self.summary.setText(
                self.tr("Nothing can be imported: {reason}").format(
                    reason=resident_file_error_text(parsed.error)
                )
                + detail
            )
            self.details.clear()
            self.import_button.setEnabled(False)
            return
        plan = report.plan
        rejected = len(parsed.rejected) + len(plan.conflicts)
        self.summary.setText(
            self.tr(
                "{new} new, {updated} updated, {unchanged} unchanged members; {households} households "
                "new or changed; {rejected} rows rejected."
            ).format(
                new=plan.count(ImportAction.NEW),
                updated=plan.count(ImportAction.UPDATED),
                unchanged=plan.count(ImportAction.UNCHANGED),
                households=len(plan.households),
                rejected=rejected,
            )
        )
        self.details.setPlainText("\n".join(self._lines(report)))
        self.import_button.setEnabled(report.importable)

    def _lines(self, report: ResidentsReport) -> list[str]:
        lines: list[tuple[int, str]] = []
        for row in report.plan.rows:
            member = row.member
            status = ""
            if member.status is not ResidentStatus.NORMAL:
                status = f" [{resident_status_text(member.status)}]"
            lines.append(
                (
                    row.line,
                    self.tr("✔ Line {line}: {action} — {name}, {household}{status}").format(
                        line=row.line,
                        action=import_action_text(row.action),
                        name=mask_name(member.name),
                        household=member.household,
                        status=status,
                    ),
                )
            )
        rejected = [(r.line, r.reason_code, r.detail, r.raw) for r in report.file.rejected]
        for line, _row, registered in report.plan.conflicts:
            detail = mask_name(registered.name)
            rejected.append((line, ResidentRejectCode.REGISTERED_TO_OTHER, detail, ""))
        for line, code, detail, raw in rejected:
            text = self.tr("✘ Line {line}: {reason} — {detail}").format(
                line=line, reason=resident_reject_text(code), detail=detail
            )
            lines.append((line, f"{text}\n    {raw.strip()}" if raw.strip() else text))
        ignored = report.file.ignored_columns
        head = [self.tr("Columns not used: {columns}").format(columns=", ".join(ignored))] if ignored else []
        return head + [text for _line, text in sorted(lines, key=lambda item: item[0])]

    @Slot()
    def _on_browse_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import residents"),
            "",
            self.tr("Residents lists (*.xlsx *.csv *.txt);;All files (*)"),
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

    @Slot(object)
    def _on_service_imported(self, plan: RegistryPlan) -> None:
        self.summary.setText(self.tr("%n member records written.", "", len(plan.members)))
        self.accept()

    @Slot(str)
    def _on_service_import_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.import_button.setEnabled(True)
