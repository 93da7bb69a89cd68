"""Print preview and printing of the shift handover sheet.

The handover is first written as a PDF (the same file File > Export handover... writes) on the writer
thread; the preview then paints each PDF page onto the printer page, scaled to fit with its aspect kept,
so what prints is exactly the PDF. Printing goes through the preview's own Print button.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from checkpoint.exports import ExportError
from checkpoint.station.exporting import ExportResult, export_error_text, export_handover_file
from checkpoint.station.messages import MessageBus
from checkpoint.station.texts import enum_text, handover_labels
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError


class PdfLoadError(ValueError):
    """The PDF to print could not be opened (missing, damaged or not a PDF)."""


def load_pdf(path: Path, parent: QObject | None = None) -> QPdfDocument:
    """Opens ``path``; raises ``PdfLoadError`` if it is not a readable PDF with at least one page."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    status = document.load(str(path))
    if status != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise PdfLoadError(f"cannot open {path} as a PDF ({status.name})")
    return document


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paints every page of ``document`` on its own printer page, centred and scaled to fit with the
    aspect kept; returns the number of pages painted."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        dpi = printer.resolution()
        area = printer.pageLayout().paintRectPixels(dpi)
        target = QRect(0, 0, area.width(), area.height())
        for page in range(document.pageCount()):
            if page > 0:
                printer.newPage()
            points = document.pagePointSize(page)
            # Render at the printer's resolution: PDF points are 1/72 inch.
            wanted = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            size = wanted.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, size)
            x = (target.width() - size.width()) // 2
            y = (target.height() - size.height()) // 2
            painter.drawImage(QRect(x, y, size.width(), size.height()), image)
    finally:
        painter.end()
    return document.pageCount()


class PdfPrintPreview(QPrintPreviewDialog):
    """A print preview of a PDF file; its Print button prints exactly the PDF's pages."""

    def __init__(self, pdf_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = load_pdf(pdf_path, self)
        self.pdf_path = pdf_path
        self.setWindowTitle(self.tr("Print preview"))
        self.paintRequested.connect(self._on_paint_requested)

    def _on_paint_requested(self, printer: QPrinter) -> None:
        paint_pdf(self.document, printer)


class HandoverPrinter(QObject):
    """Writes the current shift's handover PDF to a temporary folder on the writer thread.

    Signals:
        pdf_ready(str): the written PDF's path; the window opens the preview on it.
        failed(str): a translated message, also posted on the message bus.
    """

    pdf_ready = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter,
        messages: MessageBus,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(parent)
        self._clock = clock  # the station's time: when the handover was generated
        self._writer = writer
        self._messages = messages
        # Removed when this object is collected or the program exits.
        self._folder = tempfile.TemporaryDirectory(prefix="checkpoint-print-")
        self._count = 0

    def write_current_shift(self, operator_id: uuid.UUID | None = None) -> Path:
        """Starts writing the handover of the current shift; returns the path it will be written to."""
        self._count += 1
        path = Path(self._folder.name) / f"handover-{self._count}.pdf"
        labels = handover_labels()  # on the GUI thread, in the operator's language
        now = self._clock()

        def job(database: Database) -> ExportResult | ExportError | ValueError:
            try:
                return export_handover_file(
                    database, path, "pdf", labels=labels, now=now, operator_id=operator_id
                )
            except (ExportError, ValueError) as error:
                return error

        self._writer.submit(job, on_done=self._on_done, on_error=self._on_storage_error)
        return path

    def _on_done(self, result: ExportResult | ExportError | ValueError) -> None:
        if isinstance(result, ExportResult):
            self.pdf_ready.emit(str(result.path))
            return
        if isinstance(result, ExportError):
            message = export_error_text(result.kind)
        else:
            message = QCoreApplication.translate("HandoverPrinter", "Nothing to print: {detail}").format(
                detail=str(result)
            )
        self._fail(message)

    def _on_storage_error(self, error: StorageError) -> None:
        self._fail(enum_text(error.kind))

    def _fail(self, message: str) -> None:
        self._messages.error(message)
        self.failed.emit(message)

    def cannot_open(self, path: Path) -> None:
        """Reports a written PDF the preview could not open."""
        self._fail(
            QCoreApplication.translate(
                "HandoverPrinter", "The handover could not be opened for printing: {path}"
            ).format(path=path)
        )
