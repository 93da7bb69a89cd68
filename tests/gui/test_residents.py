"""File > Import residents... and the Residents tab on the real window: a GBK CSV's report names every
row, Import stores it, the tab lists the households with masked members and their status; a broken file
imports nothing; the report follows the language."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.domain.office_text import CHINA_STANDARD_TIME
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow

TIMEOUT_MS = 5000


def child_text(item: QTreeWidgetItem, index: int) -> str:
    child = item.child(index)
    assert child is not None
    return child.text(0)


def id_number(serial: int) -> str:
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


def gbk_csv(tmp_path: Path, quarantine_end: date) -> Path:
    """Three rows: a resident, his wife in home quarantine until (all of) ``quarantine_end``, and a row
    with a wrong check digit."""
    path = tmp_path / "住户登记.csv"
    text = "\r\n".join(
        (
            "楼栋,单元,房号,姓名,身份证号,手机号,与户主关系,状态,结束日期",
            f"3,2,501,张三,{id_number(1)},13800138000,户主,正常,",
            f"3,2,501,李四,{id_number(2)},,配偶,居家隔离,{quarantine_end:%Y-%m-%d}",
            "3,2,502,王五,110105194912310022,,,正常,",
            "",
        )
    )
    path.write_bytes(text.encode("gbk"))  # what office software on a Chinese Windows writes
    return path


def test_import_a_gbk_csv_and_see_the_registry(
    qtbot: QtBot, window: MainWindow, services: StationServices, tmp_path: Path
) -> None:
    # Ten days from the station's date in China: still in quarantine at the station's time (the machine's
    # date plays no part; a hard-coded end date made this test fail once that day had gone by).
    end = services.clock().astimezone(CHINA_STANDARD_TIME).date() + timedelta(days=10)
    dialog = window.open_residents_import_dialog()
    report = dialog.load(gbk_csv(tmp_path, end))
    assert report is not None and report.ok and report.importable
    assert dialog.summary.text() == (
        "2 new, 0 updated, 0 unchanged members; 1 households new or changed; 1 rows rejected."
    )
    lines = dialog.details.toPlainText().splitlines()
    assert lines[0] == "✔ Line 2: new — 张*, 3-2-501"  # masked
    assert lines[1] == "✔ Line 3: new — 李*, 3-2-501 [Home quarantine]"
    assert lines[2].startswith("✘ Line 4: ID number not valid — Wrong check digit")
    with qtbot.waitSignal(services.session.residents.imported, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [m.name for m in services.writer.database.residents.registry()[1]] == ["张三", "李四"]

    view = window.residents_view
    with qtbot.waitSignal(services.session.residents.listed, timeout=TIMEOUT_MS):
        window.tabs.setCurrentWidget(view)
    household = view.tree.topLevelItem(0)
    assert household is not None and household.text(0) == "3-2-501"
    first, second = household.child(0), household.child(1)
    assert first is not None and second is not None
    assert (first.text(0), first.text(3), first.text(4)) == (
        "张*",
        "1101**********" + id_number(1)[-4:],
        "138****8000",
    )
    until = datetime.combine(end + timedelta(days=1), time(), CHINA_STANDARD_TIME).astimezone()  # all the day
    assert second.text(5) == f"Home quarantine until {until:%Y-%m-%d %H:%M}"  # shown in this PC's time
    assert view.count_label.text() == "1 households, 2 members; 1 must not leave."
    view.search_edit.setText("李四")
    assert household is not view.tree.topLevelItem(0)  # rebuilt
    only = view.tree.topLevelItem(0)
    assert only is not None and only.childCount() == 1 and child_text(only, 0) == "李*"
    view.search_edit.setText("9-9-909")
    assert view.tree.topLevelItemCount() == 0


def test_a_chosen_file_is_read_beside_the_screen_then_reported(
    qtbot: QtBot, window: MainWindow, services: StationServices, tmp_path: Path
) -> None:
    """Browse reads on a thread of its own: the dialog says it is reading, and the station's screen keeps
    running; then the report, or why the file cannot be read."""
    dialog = window.open_residents_import_dialog()
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        dialog.load_in_background(gbk_csv(tmp_path, services.clock().date() + timedelta(days=10)))
        assert dialog.reading and not dialog.browse_button.isEnabled()
        assert dialog.summary.text().startswith("Reading the file")
        assert not dialog.import_button.isEnabled()
    assert not dialog.reading and dialog.browse_button.isEnabled() and dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("2 new, 0 updated")
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        dialog.load_in_background(tmp_path / "已删除.csv")
    assert dialog.summary.text().startswith("The file cannot be read")
    assert dialog.report is None and not dialog.import_button.isEnabled()


def test_a_member_who_moved_out_is_listed_greyed_with_the_date(
    qtbot: QtBot, window: MainWindow, services: StationServices, tmp_path: Path
) -> None:
    path = tmp_path / "迁出.csv"
    lines = ("户号,姓名,身份证号,状态,开始日期", f"3-2-501,赵六,{id_number(6)},已迁出,2026-11-01", "")
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    dialog = window.open_residents_import_dialog()
    report = dialog.load(path)
    assert report is not None and report.importable
    assert dialog.details.toPlainText().splitlines()[0] == "✔ Line 2: new — 赵*, 3-2-501 [Moved out]"
    with qtbot.waitSignal(services.session.residents.imported, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    view = window.residents_view
    with qtbot.waitSignal(services.session.residents.listed, timeout=TIMEOUT_MS):
        window.tabs.setCurrentWidget(view)
    household = view.tree.topLevelItem(0)
    assert household is not None
    member = household.child(0)
    assert member is not None
    moved = datetime(2026, 11, 1, tzinfo=CHINA_STANDARD_TIME).astimezone()  # the file's dates are CST
    assert member.text(5) == f"Moved out since {moved:%Y-%m-%d}"  # shown in this PC's time
    assert member.foreground(0).color() == member.foreground(5).color() != view.palette().text().color()
    assert view.count_label.text() == "1 households, 1 members; 0 must not leave."


def test_a_broken_xlsx_imports_nothing_and_says_why_in_chinese(
    qtbot: QtBot, window: MainWindow, services: StationServices, tmp_path: Path, languages: LanguageSwitcher
) -> None:
    broken = tmp_path / "住户.xlsx"
    broken.write_bytes(b"PK\x03\x04 this zip was cut off in the middle")
    dialog = window.open_residents_import_dialog()
    assert dialog.load(broken) is not None
    assert not dialog.import_button.isEnabled()
    assert "This is not a readable XLSX workbook." in dialog.summary.text()
    languages.set_language("zh_CN")
    assert "无法导入" in dialog.summary.text() and "XLSX" in dialog.summary.text()
    assert services.writer.database.residents.registry() == ([], [])


def test_an_xlsx_with_wrong_columns_names_them(window: MainWindow, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "手机号"])
    sheet.append(["张三", "13800138000"])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "residents.xlsx"
    path.write_bytes(buffer.getvalue())
    dialog = window.open_residents_import_dialog()
    dialog.load(path)
    assert (
        "name, ID number and household" in dialog.summary.text() and "(姓名, 手机号)" in dialog.summary.text()
    )
    assert not dialog.import_button.isEnabled()
