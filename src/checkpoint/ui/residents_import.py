"""File > Import residents...: pick a CSV or XLSX file, read the report (every row: new, updated,
unchanged or rejected with its reason; file-level errors), import on confirm through the writer."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from checkpoint.domain.masking import mask_name
from checkpoint.domain.residents import ImportAction, RegistryPlan, ResidentStatus
from checkpoint.domain.residents_import import ResidentRejectCode
from checkpoint.station.residents import ResidentService, ResidentsFileError, ResidentsReport
from checkpoint.station.texts import (
    enum_text,
    file_problem_text,
    reject_detail_text,
    storage_error_text,
)
from checkpoint.ui.file_import import FileImportDialog, ImportTexts


class ResidentsImportDialog(FileImportDialog[ResidentsReport]):
    """Given the residents service and who imports. ``load(path)`` reads a file (the Browse button uses
    it); Import stores the valid rows and closes once the writer has them on disk."""

    def __init__(
        self, service: ResidentService, operator_id: UUID | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, operator_id, (820, 520), parent)
        service.imported.connect(self._on_service_imported)

    def _texts(self) -> ImportTexts:
        return ImportTexts(
            title=self.tr("Import residents"),
            browse=self.tr("Choose CSV or XLSX file..."),
            file_filter=self.tr("Residents lists (*.xlsx *.csv *.txt);;All files (*)"),
            intro=self.tr(
                "A list of households and members (CSV in UTF-8 or GBK, or XLSX; Chinese or English "
                "headers): household or building/unit/room, name, ID number, phone, relation, "
                "resident or tenant, status."
            ),
            import_=self.tr("Import"),
            importing=self.tr("Importing..."),
            reading=self.tr("Reading the file and comparing it with the registry..."),
        )

    def _problem(self, error: Exception) -> str | None:
        if isinstance(error, ResidentsFileError):
            return self._unreadable(error)
        reason = storage_error_text(error)
        if reason is not None:
            return self.tr("The registry cannot be read: {reason}").format(reason=reason)
        return None

    def _unreadable(self, error: Exception) -> str:
        return self.tr("The file cannot be read: {reason}").format(reason=error)

    def _show(self, report: ResidentsReport) -> None:
        parsed = report.file
        if parsed.error is not None:
            detail = f" ({parsed.error_detail})" if parsed.error_detail else ""
            self.summary.setText(
                self.tr("Nothing can be imported: {reason}").format(
                    reason=file_problem_text(parsed.error, parsed.error_detail)
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
                status = f" [{enum_text(member.status)}]"
            lines.append(
                (
                    row.line,
                    self.tr("✔ Line {line}: {action} — {name}, {household}{status}").format(
                        line=row.line,
                        action=enum_text(row.action),
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
                line=line, reason=enum_text(code), detail=reject_detail_text(detail)
            )
            lines.append((line, f"{text}\n    {raw.strip()}" if raw.strip() else text))
        ignored = report.file.ignored_columns
        head = [self.tr("Columns not used: {columns}").format(columns=", ".join(ignored))] if ignored else []
        return head + [text for _line, text in sorted(lines, key=lambda item: item[0])]

    @Slot(object)
    def _on_service_imported(self, plan: RegistryPlan) -> None:
        self.summary.setText(self.tr("%n member records written.", "", len(plan.members)))
        self.accept()
