"""The scan field and the scanners take no text longer than a code can be (``MAX_CODE_CHARS``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from checkpoint.domain.codes import MAX_CODE_CHARS
from checkpoint.station.scan import ScanEvent
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow


def test_a_pasted_flood_is_cut_to_the_longest_code_and_a_longer_payload_is_refused(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    # The attack: 30,000 characters of URL pasted into the scan field, classified on the GUI thread.
    flood = "http://" + "jkm" * 10_000
    entry = window.station_view.scan_entry
    entry.clear()
    entry.insert(flood)
    assert entry.maxLength() == MAX_CODE_CHARS and len(entry.text()) == MAX_CODE_CHARS

    scanned: list[ScanEvent] = []
    services.scan.code_scanned.connect(scanned.append)
    assert not services.scan.submit_text(flood)  # a scanner's (or a paste's) over-long payload
    assert not services.scan.submit_text("jkm:" + "a" * MAX_CODE_CHARS)
    assert scanned == []
    qtbot.keyClick(entry, Qt.Key.Key_Return)  # what the field holds is at most a code's length
    assert len(scanned) == 1 and len(scanned[0].text) == MAX_CODE_CHARS
