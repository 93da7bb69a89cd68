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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QPushButton, QToolBar, QWidget

from checkpoint.exports import ExportError
from checkpoint.station.exporting import ExportResult, ExportService, export_error_text
from checkpoint.station.messages import MessageBus

TOUCH_HEIGHT = 48


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


def preview_print_action(preview: QPrintPreviewDialog) -> QAction:
    """The preview's own Print action (its toolbar's; Qt names it only by its translated text)."""
    toolbar = preview.findChild(QToolBar)
    assert toolbar is not None, "QPrintPreviewDialog has a toolbar"
    actions = [action for action in toolbar.actions() if not action.isSeparator()]
    wanted = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    return next((action for action in actions if action.text() == wanted), actions[-1])


class PdfPrintPreview(QPrintPreviewDialog):
    """A print preview of a PDF file; its Print button prints exactly the PDF's pages.

    Qt's toolbar puts Print last, and at 1366x768 with the station's big controls it overflows behind the
    "»" button; so Print (and Close) are also big buttons under the pages, always in view.
    """

    def __init__(self, pdf_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = load_pdf(pdf_path, self)
        self.pdf_path = pdf_path
        self.print_action = preview_print_action(self)
        self.print_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for button in (self.print_button, self.close_button):
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.setAutoDefault(False)
        self.print_button.setDefault(True)
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 8)  # Qt's layout has none: the buttons would touch the edges
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            layout.addLayout(row)
        toolbar = self.findChild(QToolBar)
        for box in toolbar.findChildren(QComboBox) if toolbar is not None else []:
            box.setMinimumHeight(40)  # the zoom field: the station's big font is cut in Qt's height
        self.print_button.clicked.connect(self.print_action.trigger)
        self.close_button.clicked.connect(self.reject)
        self.paintRequested.connect(self._on_paint_requested)
        self.retranslate_ui()
        # Qt opens it at about 530 px square, where its own toolbar already hides Print: as large as the
        # window it belongs to (a 1366x768 screen's), never smaller than its toolbar
        window = parent.window() if parent is not None else None
        if window is not None:
            toolbar = self.findChild(QToolBar)
            least = toolbar.sizeHint().width() + 40 if toolbar is not None else 800
            self.resize(max(least, window.width() - 80), max(560, window.height() - 60))

    def changeEvent(self, event: QEvent) -> None:
        # Qt's own constructor sends change events before this one has made its buttons
        if event.type() == QEvent.Type.LanguageChange and "print_button" in self.__dict__:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Print preview"))
        self.print_button.setText(self.tr("&Print..."))
        self.close_button.setText(self.tr("Close"))

    def _on_paint_requested(self, printer: QPrinter) -> None:
        paint_pdf(self.document, printer)


class HandoverPrinter(QObject):
    """Writes a shift's handover PDF (by default the current shift's) to a temporary folder on the writer
    thread (through ``exports``).

    Signals:
        pdf_ready(str): the written PDF's path; the window opens the preview on it.
        failed(str): a translated message, also posted on the message bus.
    """

    pdf_ready = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        exports: ExportService,
        messages: MessageBus,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(parent)
        self._clock = clock  # the station's time: when the handover was generated
        self._exports = exports
        self._messages = messages
        # Removed when this object is collected or the program exits.
        self._folder = tempfile.TemporaryDirectory(prefix="checkpoint-print-")
        self._count = 0

    def write_current_shift(self, operator_id: uuid.UUID | None = None) -> Path:
        """Starts writing the handover of the current shift; returns the path it will be written to."""
        return self.write_shift(None, operator_id=operator_id)

    def write_shift(self, shift_id: uuid.UUID | None, operator_id: uuid.UUID | None = None) -> Path:
        """Starts writing the whole handover sheet of ``shift_id`` (None: the current shift); returns the
        path it will be written to."""
        self._count += 1
        path = Path(self._folder.name) / f"handover-{self._count}.pdf"
        self._exports.write_handover_pdf(
            path,
            operator_id,
            now=self._clock(),
            on_done=self._on_done,
            on_failed=self._fail,
            shift_id=shift_id,
        )
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
