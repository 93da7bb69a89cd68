"""The one shape every File > Import dialog has: a read-only path with a Browse button, a summary line, the
per-line report, and Import / Cancel. Import hands the report to the service's writer; the dialog stays
open until the service says the rows are on disk (or why not), so nothing is lost on a failed write.

A file chosen with Browse is read on a thread of its own (``load_in_background``): parsing a large XLSX
and planning it against the registry takes a second or more, and the station's screen (the camera's
preview, the verdict) must not freeze meanwhile. ``load`` reads on the calling thread (scripts, tests).

Subclasses read the file, render the report and give their texts; every user-visible string stays in the
subclass (its own translation context), so the translations did not move when this base was folded out."""

from __future__ import annotations

import logging
from abc import abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar
from uuid import UUID

from PySide6.QtCore import QEvent, Signal, SignalInstance, Slot
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

from checkpoint.station.background import BackgroundRead

ReportT = TypeVar("ReportT")

_log = logging.getLogger(__name__)


class ImportService(Protocol[ReportT]):
    """What the dialog needs of a station import service: ``read`` makes a file's report (Qt-free, so it
    may run on another thread when ``reads_beside_writes``; it raises the service's file error or
    ``StorageError``); ``store`` queues the report on the writer and answers False when it cannot even
    queue it (the service has already said why); ``import_failed(message)`` comes back from the writer."""

    import_failed: SignalInstance

    @property
    def reads_beside_writes(self) -> bool: ...

    def read(self, path: Path) -> ReportT: ...

    def store(self, report: ReportT, operator_id: UUID | None) -> bool: ...


@dataclass(frozen=True, slots=True)
class ImportTexts:
    """The dialog's words, already translated by the subclass (asked again on every language change)."""

    title: str
    browse: str
    file_filter: str
    intro: str
    import_: str
    importing: str
    reading: str  # shown while the file is read


class FileImportDialog(QDialog, Generic[ReportT]):
    """Given the import service and who imports. ``load(path)`` reads a file, ``load_in_background(path)``
    (the Browse button) reads it on a thread of its own; Import stores what the report accepts.
    Subclasses implement ``_texts``, ``_problem`` and ``_show``, and connect their service's ``imported``
    signal (its argument differs per service) to a slot that closes.

    Signals:
        loaded(): a file was read (its report, or why it cannot be read, is shown).
    """

    loaded = Signal()

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
        self._problem_text = ""
        self._path: Path | None = None
        self._reads = BackgroundRead("ImportFileRead", self)
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

    @property
    def reading(self) -> bool:
        """Whether a file is being read on its thread."""
        return self._reads.busy

    def load(self, path: Path) -> ReportT | None:
        """Reads ``path`` here and shows its report; None (and the reason) when the file cannot be read."""
        self._begin(path)
        try:
            report = self._service.read(path)
        except Exception as error:  # worded by the subclass; a bug is logged and worded too
            self._finish(None, error)
        else:
            self._finish(report, None)
        return self._report

    def load_in_background(self, path: Path) -> None:
        """Reads ``path`` on a thread of its own (``loaded`` when done; Browse and Import wait meanwhile).
        A service whose reads cannot run beside the writer (an in-memory database) reads here."""
        if self._reads.busy:
            return
        if not self._service.reads_beside_writes:
            self.load(path)
            return
        self._begin(path)
        self.browse_button.setEnabled(False)
        self.summary.setText(self._texts().reading)
        service = self._service

        def work(_stop: object) -> tuple[ReportT | None, Exception | None]:
            try:
                return service.read(path), None
            except Exception as error:  # a file or storage error: worded on the GUI thread
                return None, error

        def done(result: tuple[ReportT | None, Exception | None]) -> None:
            self._finish(*result)

        self._reads.start(work, on_done=done, on_error=lambda error: self._finish(None, error))

    def _begin(self, path: Path) -> None:
        self._path = path
        self.path_edit.setText(str(path))
        self._report = None
        self._problem_text = ""
        self.import_button.setEnabled(False)

    def _finish(self, report: ReportT | None, error: Exception | None) -> None:
        self.browse_button.setEnabled(True)
        if error is not None:
            text = self._problem(error)
            if text is None:
                _log.error("reading %s failed", self._path, exc_info=error)
                text = self._unreadable(error)
            self._problem_text = text
        self._report = report
        self._show_report()
        self.loaded.emit()

    def reject(self) -> None:
        self._reads.stop()  # a read under way is dropped: nothing of it is shown or kept
        super().reject()

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
    def _problem(self, error: Exception) -> str | None:
        """Why the file cannot be read (translated) for an error the service raises; None: not one of
        those (a bug: logged, and shown as ``_unreadable``)."""

    @abstractmethod
    def _unreadable(self, error: Exception) -> str:
        """The words for an unexpected error while reading (translated)."""

    @abstractmethod
    def _show(self, report: ReportT) -> None:
        """Fills ``summary`` and ``details`` and enables ``import_button`` when something can be imported."""

    def _show_report(self) -> None:
        report = self._report
        if report is None:
            self.details.clear()
            self.import_button.setEnabled(False)
            texts = self._texts()
            self.summary.setText(texts.reading if self._reads.busy else self._problem_text or texts.intro)
            return
        self._show(report)

    @Slot()
    def _on_browse_clicked(self) -> None:
        texts = self._texts()
        name, _filter = QFileDialog.getOpenFileName(self, texts.title, "", texts.file_filter)
        if name:
            self.load_in_background(Path(name))

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
