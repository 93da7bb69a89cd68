"""The one shape every File > Import dialog has: a read-only path with a Browse button, a summary line, the
per-line report, and Import / Cancel. Import hands the report to the service's writer; the dialog stays
open until the service says the rows are on disk (or why not), so nothing is lost on a failed write.

Subclasses read the file, render the report and give their texts; every user-visible string stays in the
subclass (its own translation context), so the translations did not move when this base was folded out."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar
from uuid import UUID

from PySide6.QtCore import QEvent, SignalInstance, Slot
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

ReportT = TypeVar("ReportT")
ReportIn = TypeVar("ReportIn", contravariant=True)


class ImportService(Protocol[ReportIn]):
    """What the dialog needs of a station import service: ``store`` queues the report on the writer and
    answers False when it cannot even queue it (the service has already said why);
    ``import_failed(message)`` comes back from the writer."""

    import_failed: SignalInstance

    def store(self, report: ReportIn, operator_id: UUID | None) -> bool: ...


@dataclass(frozen=True, slots=True)
class ImportTexts:
    """The dialog's words, already translated by the subclass (asked again on every language change)."""

    title: str
    browse: str
    file_filter: str
    intro: str
    import_: str
    importing: str


class FileImportDialog(QDialog, Generic[ReportT]):
    """Given the import service and who imports. ``load(path)`` reads a file (the Browse button uses it);
    Import stores what the report accepts. Subclasses implement ``_texts``, ``_read`` and ``_show``, and
    connect their service's ``imported`` signal (its argument differs per service) to a slot that closes."""

    def __init__(
        self,
        service: ImportService[ReportT],
        operator_id: UUID | None,
        size: tuple[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._operator_id = operator_id
        self._report: ReportT | None = None
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
        service.import_failed.connect(self._on_service_import_failed)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(*size)
        self.retranslate_ui()

    @property
    def report(self) -> ReportT | None:
        return self._report

    def load(self, path: Path) -> ReportT | None:
        """Reads ``path`` and shows its report; None (and the reason) when the file cannot be read."""
        self._path = path
        self.path_edit.setText(str(path))
        self._report = None
        self._problem = ""
        read = self._read(path)
        if isinstance(read, str):
            self._problem = read
        else:
            self._report = read
        self._show_report()
        return self._report

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        texts = self._texts()
        self.setWindowTitle(texts.title)
        self.browse_button.setText(texts.browse)
        self.import_button.setText(texts.import_)
        self._show_report()

    @abstractmethod
    def _texts(self) -> ImportTexts:
        """The dialog's words in the current language."""

    @abstractmethod
    def _read(self, path: Path) -> ReportT | str:
        """The file's report, or why it cannot be read (translated)."""

    @abstractmethod
    def _show(self, report: ReportT) -> None:
        """Fills ``summary`` and ``details`` and enables ``import_button`` when something can be imported."""

    def _show_report(self) -> None:
        report = self._report
        if report is None:
            self.details.clear()
            self.import_button.setEnabled(False)
            self.summary.setText(self._problem or self._texts().intro)
            return
        self._show(report)

    @Slot()
    def _on_browse_clicked(self) -> None:
        texts = self._texts()
        name, _filter = QFileDialog.getOpenFileName(self, texts.title, "", texts.file_filter)
        if name:
            self.load(Path(name))

    @Slot()
    def _on_import_clicked(self) -> None:
        report = self._report
        if report is None or not self._service.store(report, self._operator_id):
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self._texts().importing)

    @Slot(str)
    def _on_service_import_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.import_button.setEnabled(True)
