"""Printing the handover (File > Print handover..., Ctrl+Shift+P): the current shift's PDF is written on the
writer thread and the preview prints exactly its pages. The printer here is a PDF file; no dialog opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import CodeColour
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.messages import MessageLevel
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.print_preview import (
    HandoverPrinter,
    PdfLoadError,
    PdfPrintPreview,
    load_pdf,
    paint_pdf,
)
from checkpoint.ui.style import Theme, apply_style


def _record_turn_backs(qtbot: QtBot, window: MainWindow, services: StationServices, count: int) -> None:
    session = services.session
    session.set_colour(CodeColour.GREEN)
    for _ in range(count):
        with qtbot.waitSignal(session.passage_recorded, timeout=10_000):
            qtbot.keyClick(window.station_view.scan_entry, Qt.Key.Key_F6)


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printer.setOutputFileName(str(path))
    return printer


def _ink(document: QPdfDocument, page: int) -> int:
    image = document.render(page, QSize(400, 566)).convertToFormat(QImage.Format.Format_Grayscale8)
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).value() < 200
    )


def test_the_printed_handover_has_the_pdf_pages(
    qtbot: QtBot, window: MainWindow, services: StationServices, tmp_path: Path
) -> None:
    _record_turn_backs(qtbot, window, services, 3)
    printer = HandoverPrinter(services.exports, services.messages, clock=services.clock)
    with qtbot.waitSignal(printer.pdf_ready, timeout=30_000) as ready:
        expected = printer.write_current_shift(operator_id=services.session.operator.id)
    source_path = Path(str(ready.args[0]))
    assert source_path == expected and source_path.read_bytes().startswith(b"%PDF-")
    source = load_pdf(source_path)
    assert source.pageCount() >= 1

    printed_path = tmp_path / "printed.pdf"
    assert paint_pdf(source, _pdf_printer(printed_path)) == source.pageCount()
    printed = load_pdf(printed_path)
    assert printed.pageCount() == source.pageCount()
    assert _ink(printed, 0) > 100  # the sheet is on the page, not a blank sheet
    # The printed page carries the PDF's content at the same place: compare the two first pages.
    assert abs(_ink(printed, 0) - _ink(source, 0)) < 0.25 * _ink(source, 0)


def test_the_preview_prints_through_its_paint_handler(
    qtbot: QtBot, window: MainWindow, services: StationServices, tmp_path: Path
) -> None:
    _record_turn_backs(qtbot, window, services, 1)
    printer = HandoverPrinter(services.exports, services.messages, clock=services.clock)
    with qtbot.waitSignal(printer.pdf_ready, timeout=30_000) as ready:
        printer.write_current_shift()
    preview = PdfPrintPreview(Path(str(ready.args[0])), window)  # built, never shown
    qtbot.addWidget(preview)
    printed_path = tmp_path / "from_preview.pdf"
    preview.paintRequested.emit(_pdf_printer(printed_path))  # what its Print button does
    assert load_pdf(printed_path).pageCount() == preview.document.pageCount()


def test_the_file_menu_offers_print_handover_on_ctrl_shift_p(
    window: MainWindow, languages: LanguageSwitcher
) -> None:
    assert window.print_action in window.file_menu.actions()
    assert window.print_action.shortcut() == QKeySequence("Ctrl+Shift+P")
    assert window.print_action.text() == "&Print handover..."
    languages.set_language("zh_CN")
    assert window.print_action.text() == "打印交接班记录(&P)…"


@pytest.mark.expected_log  # the error shown is logged
def test_a_pdf_that_cannot_be_opened_is_reported_in_words(
    window: MainWindow, services: StationServices, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    with pytest.raises(PdfLoadError):
        load_pdf(broken)
    seen: list[tuple[int, str]] = []
    services.messages.message.connect(lambda level, text: seen.append((level, text)))
    assert window.open_print_preview(broken) is None
    assert seen == [(MessageLevel.ERROR, f"The handover could not be opened for printing: {broken}")]


def test_print_is_in_view_at_1366x768(
    qtbot: QtBot, window: MainWindow, services: StationServices, languages: LanguageSwitcher
) -> None:
    """With the station's big controls the preview's toolbar hid Print behind "»" at 1366x768: the
    leader pressed Ctrl+Shift+P and found no way to print. Print is now a big button under the pages."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, Theme.NIGHT)  # the station's style, as at the gate
    _record_turn_backs(qtbot, window, services, 1)
    window.resize(1366, 768)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window.station_view.scan_entry,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.findChild(PdfPrintPreview) is not None, timeout=30_000)
    preview = window.findChild(PdfPrintPreview)
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    qtbot.wait(50)  # laid out at the size it opens with (it used to open at 533x533)
    assert preview.width() <= 1366 and preview.height() <= 768
    toolbar = preview.findChild(QToolBar)
    assert toolbar is not None
    tool = toolbar.widgetForAction(preview.print_action)
    assert tool is not None and tool.isVisible()  # not behind "»"
    button = preview.print_button
    assert button.isVisible() and button.height() >= 48
    assert preview.rect().contains(button.geometry())
    for language, word in (("en", "Print"), ("zh_CN", "打印")):
        languages.set_language(language)
        assert word in button.text()
    languages.set_language("en")

    shown: list[str] = []

    def close_print_dialog() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QPrintDialog):
            shown.append(modal.windowTitle())
            modal.reject()

    timer = QTimer()
    timer.timeout.connect(close_print_dialog)
    timer.start(50)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # Qt's own Print: the print dialog opens
    qtbot.waitUntil(lambda: bool(shown))
    timer.stop()
    preview.reject()
