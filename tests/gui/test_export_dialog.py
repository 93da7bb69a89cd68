"""The export dialog offers every handover format the export service writes, PDF included, and a PDF
export chosen in the dialog (File > Export handover...) writes a PDF file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from checkpoint import paths
from checkpoint.station.exporting import FORMATS
from checkpoint.station.services import StationServices
from checkpoint.ui.export_dialog import ExportDialog
from checkpoint.ui.main_window import MainWindow


def test_every_handover_format_is_offered(qtbot: QtBot, tmp_path: Path) -> None:
    since = datetime(2026, 11, 22, 0, 0, tzinfo=UTC)
    dialog = ExportDialog([], since, lambda: since + timedelta(hours=8), tmp_path, "handover_x")
    qtbot.addWidget(dialog)
    offered = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert offered == list(FORMATS)
    assert "pdf" in offered
    assert [dialog.format_combo.itemText(i) for i in range(dialog.format_combo.count())] == [
        "XLSX",
        "PDF",
        "CSV",
    ]
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert (dialog.fmt, dialog.path) == ("pdf", tmp_path / "handover_x.pdf")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.path == tmp_path / "handover_x.xlsx"


def test_a_pdf_chosen_in_the_dialog_is_written(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    seen: list[str] = []

    def choose_pdf() -> None:  # what the operator does once the modal dialog is up
        dialog = window.findChild(ExportDialog)
        if dialog is None or not dialog.isVisible():
            return
        timer.stop()
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
        assert dialog.shift_id == services.session.shift.id  # the current shift's sheet by default
        seen.append(str(dialog.path))
        dialog.buttons.accepted.emit()

    timer = QTimer()
    timer.timeout.connect(choose_pdf)
    timer.start(20)
    with qtbot.waitSignal(services.exports.export_finished, timeout=30_000) as finished:
        window.export_action.trigger()
    written = Path(str(finished.args[0]))
    assert [str(written)] == seen
    assert written.parent == paths.export_dir()
    assert written.suffix == ".pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert window.banner.isVisible() and str(written) in window.banner.text()
