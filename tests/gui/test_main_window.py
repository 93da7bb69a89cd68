"""The main window: screens by key, status bar, message banner, live language switch, export dialog."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from checkpoint import APP_NAME
from checkpoint.domain.records import CodeColour, Itinerary, Outcome
from checkpoint.station.messages import MessageLevel
from checkpoint.station.services import StationServices
from checkpoint.ui.export_dialog import ExportDialog
from checkpoint.ui.log_view import start_of_today
from checkpoint.ui.main_window import MainWindow, describe_db
from checkpoint.ui.pass_log_model import Column
from checkpoint.ui.qtime import from_qdatetime


def test_f1_and_f2_switch_between_station_and_log(qtbot: QtBot, window: MainWindow) -> None:
    assert window.tabs.currentWidget() is window.station_view
    qtbot.keyClick(window.station_view.scan_entry, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.log_view
    qtbot.keyClick(window.log_view.text_filter, Qt.Key.Key_F1)
    assert window.tabs.currentWidget() is window.station_view
    assert window.station_view.scan_entry.hasFocus()  # ready for the scanner again


def test_status_bar_names_gate_operator_shift_camera_and_database(
    window: MainWindow, services: StationServices
) -> None:
    assert window.gate_label.text() == "Gate: G1 高速出口"
    assert window.operator_label.text() == "Operator: 李明 (administrator)"
    assert services.session.shift.label in window.shift_label.text()
    assert window.camera_label.text() == "Camera starting"
    assert window.db_label.text().endswith("station.sqlite3")
    assert "G1 高速出口" in window.windowTitle() and APP_NAME in window.windowTitle()


def test_the_screens_show_the_station_clock_s_day_not_the_machine_s(
    window: MainWindow, services: StationServices
) -> None:
    """The fixtures run the station years away from the machine's date (``station_clock``): a screen that
    read the machine's clock would open on the wrong day."""
    now = services.clock()
    assert from_qdatetime(window.log_view.since_edit.dateTime()) == start_of_today(now)  # today's log
    local_day = now.astimezone().date()
    assert from_qdatetime(window.trace_view.until_edit.dateTime()).astimezone().date() == local_day
    assert window.audit_view is not None
    assert from_qdatetime(window.audit_view.until_edit.dateTime()).astimezone().date() == local_day


def test_database_urls_are_shown_without_passwords() -> None:
    assert describe_db("sqlite:////var/lib/cp/station.sqlite3") == "/var/lib/cp/station.sqlite3"
    assert (
        describe_db("postgresql://gate:s3cret@db.example:5432/cp")
        == "postgresql://gate:***@db.example:5432/cp"
    )


@pytest.mark.expected_log  # the error shown is logged
def test_errors_stay_in_the_banner_until_dismissed(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    services.messages.info("Handover written")
    assert window.statusBar().currentMessage() == "Handover written"
    assert window.banner.isVisible() and window.banner.level is MessageLevel.INFO
    services.messages.error("The disk is full. Free some space.")
    assert window.banner.isVisible() and window.banner.level is MessageLevel.ERROR
    assert window.banner.text() == "The disk is full. Free some space."
    assert window.banner.property("level") == "error"
    with qtbot.waitSignal(window.banner.dismissed):
        qtbot.mouseClick(window.banner._close, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()


def test_switching_the_language_retranslates_the_window_live(
    window: MainWindow, services: StationServices
) -> None:
    station = window.station_view
    assert window.file_menu.title() == "&File"
    assert station.itinerary_row.button(Itinerary.STARRED).text().startswith("Starred")
    window.language_actions["zh_CN"].trigger()
    assert window.file_menu.title() == "文件(&F)"
    assert window.language_menu.title() == "语言(&L)"
    assert window.export_action.text() == "导出交接班记录(&E)…"
    assert window.tabs.tabText(0) == "查验台 (F1)"
    assert window.gate_label.text() == "卡口：G1 高速出口"
    assert station._scan_caption.text() == "扫码"
    assert station.itinerary_row.button(Itinerary.STARRED).text().startswith("带星号")
    assert station.clear_button.text().startswith("清空")
    assert station.shift_counter.text() == "本班次：0 条"
    assert window.log_view.model.headerData(Column.PLATE, Qt.Orientation.Horizontal) == "车牌"
    assert window.log_view.today_button.text() == "今天"
    assert window.language_actions["zh_CN"].isChecked()
    assert services.settings.value("ui/language") == "zh_CN"  # remembered for the next start
    window.language_actions["en"].trigger()
    assert window.file_menu.title() == "&File"
    assert station._scan_caption.text() == "Scan"
    assert station.itinerary_row.button(Itinerary.STARRED).text().startswith("Starred")


def test_the_log_view_shows_a_recorded_passage_live_and_filters_it(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    log = window.log_view
    session = services.session
    session.set_colour(CodeColour.GREEN)
    with qtbot.waitSignal(session.passage_recorded):
        qtbot.keyClick(window.station_view.scan_entry, Qt.Key.Key_F6)
    assert log.model.rowCount() == 1
    assert log.model.data(log.model.index(0, Column.OUTCOME)) == "Turn back"
    assert log.count_label.text() == "1 passage"
    with qtbot.waitSignal(log.model.modelReset, timeout=2000):
        log.text_filter.setText("京Z99999")  # applied after a short delay, not on every keystroke
    assert log.model.rowCount() == 0
    assert log.count_label.text() == "0 passages"
    with qtbot.waitSignal(log.model.modelReset, timeout=2000):
        log.text_filter.clear()
    assert log.model.rowCount() == 1
    log.set_window(services.clock() + timedelta(hours=1), None)
    assert log.model.rowCount() == 0
    qtbot.mouseClick(log.shift_button, Qt.MouseButton.LeftButton)
    assert log.model.passage_filter.since is not None
    assert log.model.rowCount() == 1
    first = log.model.passage(0)
    assert first is not None and first.outcome is Outcome.TURN_BACK


def test_export_dialog_defaults_formats_and_checks(qtbot: QtBot, tmp_path: Path) -> None:
    since = datetime(2026, 11, 22, 0, 0, 30, tzinfo=UTC)
    now = since + timedelta(hours=8)
    dialog = ExportDialog([], since, lambda: now, tmp_path, "handover_x")
    qtbot.addWidget(dialog)
    # no shift to offer: a time window, from the shown minute's first second up to now
    assert not dialog.shift_radio.isEnabled() and dialog.window_radio.isChecked()
    assert (dialog.since, dialog.until, dialog.shift_id) == (since.replace(second=0), None, None)
    assert dialog.fmt == "xlsx" and dialog.path == tmp_path / "handover_x.xlsx"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    assert dialog.path == tmp_path / "handover_x.csv"
    dialog.now_check.setChecked(False)
    dialog.until_edit.setDateTime(dialog.since_edit.dateTime().addSecs(-60))
    dialog.buttons.accepted.emit()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert "after its start" in dialog.error_label.text()
    dialog.until_edit.setDateTime(dialog.since_edit.dateTime().addSecs(3600))
    assert dialog.until == since.replace(second=0) + timedelta(hours=1, minutes=1)  # through its minute
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.csv"))
    dialog.buttons.accepted.emit()
    assert "does not exist" in dialog.error_label.text()
    dialog.path_edit.setText(str(tmp_path / "x.csv"))
    dialog.buttons.accepted.emit()
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_an_export_reports_where_the_file_went(
    qtbot: QtBot, window: MainWindow, services: StationServices, tmp_path: Path
) -> None:
    target = tmp_path / "handover.csv"
    now = services.clock()
    with qtbot.waitSignal(services.exports.export_finished, timeout=10_000):
        services.exports.export_handover(target, "csv", now - timedelta(hours=1), now + timedelta(minutes=1))
    assert target.is_file()
    assert window.banner.isVisible() and str(target) in window.banner.text()
