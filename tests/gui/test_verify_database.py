"""File > Verify the database: the result in the operator's language, the audit entry, and a failure that
stays in the banner until someone dismisses it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import AuditAction, Role
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.messages import MessageLevel
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow


def trail(services: StationServices) -> list[tuple[AuditAction, str]]:
    return [(e.action, e.detail) for e in services.writer.database.audit_entries()]


def verify(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    with qtbot.waitSignal(window.database_check.finished, timeout=10_000):
        window.verify_action.trigger()
    box = window.verify_box
    assert box is not None and box.isVisible()
    return box


def test_an_intact_database_says_how_many_records_and_is_audited(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    assert window.verify_action.isEnabled()  # the station's administrator is signed in
    box = verify(qtbot, window)
    count = services.writer.database.verify().records_checked - 1  # the entry written after the check
    assert box.text() == f"The database is intact: {count} records checked, none changed, added or removed."
    assert box.icon() is QMessageBox.Icon.Information
    action, detail = trail(services)[-1]
    assert action is AuditAction.VERIFY_OK and detail.startswith(f"records={count} ")
    box.accept()
    qtbot.waitUntil(lambda: window.verify_box is None)


def test_an_edited_record_is_named_in_chinese_audited_and_the_banner_stays(
    qtbot: QtBot, window: MainWindow, services: StationServices, languages: LanguageSwitcher
) -> None:
    database_file = Path(services.db_url.removeprefix("sqlite:///"))
    con = sqlite3.connect(database_file)
    with con:
        seq = con.execute("SELECT min(seq) FROM audit").fetchone()[0]
        con.execute("UPDATE audit SET detail = 'edited' WHERE seq = ?", (seq,))
    con.close()
    languages.set_language("zh_CN")
    box = verify(qtbot, window)
    assert box.icon() is QMessageBox.Icon.Critical
    assert f"第 {seq} 条记录（一条审计记录）在程序之外被修改" in box.text()
    assert "请保持这台电脑原样" in box.text()
    assert window.banner.isVisible() and window.banner.level is MessageLevel.ERROR
    assert window.banner.text() == box.text()
    action, detail = trail(services)[-1]
    assert action is AuditAction.VERIFY_FAILED
    assert f"hash chain BROKEN at record #{seq} (audit " in detail
    box.accept()
    qtbot.waitUntil(lambda: window.verify_box is None)
    assert window.banner.isVisible()  # an error stays until dismissed


def test_an_operator_may_not_verify_and_the_refusal_is_audited(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    services.writer.database.add_operator("小王", Role.OPERATOR, datetime.now(UTC), None, pin="1357")
    with qtbot.waitSignal(services.auth.signed_in, timeout=5000):
        services.auth.sign_in("小王", "1357")
    assert not window.verify_action.isEnabled()
    window.verify_database()  # reached another way: refused, nothing queued
    assert not window.database_check.running
    assert (
        window.banner.text()
        == "This needs a shift leader: switch operator (Ctrl+Shift+L) and sign in as one."
    )
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    assert trail(services)[-1] == (AuditAction.ACCESS_REFUSED, "小王 (operator): view_audit")
