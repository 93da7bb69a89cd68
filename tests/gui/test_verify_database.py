"""File > Verify the database: the result in the operator's language, the audit entry, and a failure that
stays in the banner until someone dismisses it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import (
    AuditAction,
    Direction,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
)
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.messages import MessageLevel
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow


def trail(services: StationServices) -> list[tuple[AuditAction, str]]:
    return [(e.action, e.detail) for e in services.writer.database.audit.audit_entries()]


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


@pytest.mark.expected_log  # the failed check is an error
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


@pytest.mark.expected_log  # the refusal is a warning
def test_an_operator_may_not_verify_and_the_refusal_is_audited(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    services.writer.database.operators.add_operator("小王", Role.OPERATOR, services.clock(), None, pin="1357")
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


Progress = Callable[[int, int], None] | None


def a_passage(services: StationServices) -> PassageDraft:
    session = services.session
    return PassageDraft(
        at=services.clock(),
        direction=Direction.IN,
        subject=SubjectKind.PEDESTRIAN,
        outcome=Outcome.PASS,
        gate_id=session.gate.id,
        operator_id=session.operator.id,
        shift_id=session.shift.id,
        reasons=(Reason.ALL_CHECKS_CLEAR,),
        persons=(PersonCheck(name="王芳"),),
    )


class HeldWalk:
    """``Database.verify`` as it is, held at its first progress report (the chain's head read, the read
    transaction open) until the test lets it go: a walk over millions of records, made to last."""

    def __init__(self, services: StationServices, monkeypatch: pytest.MonkeyPatch) -> None:
        database = services.writer.database
        self.walking = threading.Event()
        self.go_on = threading.Event()
        self.thread_name = ""
        real = database.verify

        def held(on_progress: Progress = None) -> object:
            def report(checked: int, total: int) -> None:
                if not self.walking.is_set():
                    self.thread_name = threading.current_thread().name
                    self.walking.set()
                    assert self.go_on.wait(10), "the test never let the walk go on"
                if on_progress is not None:
                    on_progress(checked, total)

            return real(report)

        monkeypatch.setattr(database, "verify", held)


def test_a_passage_is_written_while_a_long_verification_walks_the_chain(
    qtbot: QtBot, window: MainWindow, services: StationServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = services.writer.database.verify().records_checked
    walk = HeldWalk(services, monkeypatch)
    window.verify_action.trigger()
    assert walk.walking.wait(10)
    assert walk.thread_name not in ("RecordWriter", threading.main_thread().name)
    committed: list[Passage] = []
    services.writer.submit(
        lambda db: db.passages.append_passage(a_passage(services)), on_done=committed.append
    )
    qtbot.waitUntil(lambda: bool(committed), timeout=5000)  # it would wait behind a writer job
    assert window.database_check.running and window.verify_box is None
    with qtbot.waitSignal(window.database_check.finished, timeout=10_000) as finished:
        walk.go_on.set()
    # the walk saw the database as it was when it started: the passage came after
    assert finished.args[0].report.records_checked == before
    assert window.verify_box is not None and window.verify_box.icon() is QMessageBox.Icon.Information
    assert trail(services)[-1][0] is AuditAction.VERIFY_OK  # audited after the passage, by the writer
    monkeypatch.undo()
    assert services.writer.database.verify().records_checked == before + 2  # the passage, the entry


def test_a_second_request_while_one_runs_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, services: StationServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = HeldWalk(services, monkeypatch)
    window.verify_action.trigger()
    assert walk.walking.wait(10)
    assert not window.database_check.verify(services.session.operator.id)
    assert window.banner.isVisible()
    assert window.banner.text().startswith("The database is already being verified (0 of about ")
    with qtbot.waitSignal(window.database_check.finished, timeout=10_000):
        walk.go_on.set()
    oks = [action for action, _detail in trail(services) if action is AuditAction.VERIFY_OK]
    assert len(oks) == 1  # one check, one entry


def test_closing_the_station_stops_a_verification_under_way(
    qtbot: QtBot, window: MainWindow, services: StationServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = services.writer.database
    walking = threading.Event()

    def endless(on_progress: Progress = None) -> object:
        assert on_progress is not None
        while True:  # a walk that would take hours; each report is where a stop is seen
            walking.set()
            on_progress(5000, 5_000_000)
            threading.Event().wait(0.005)

    monkeypatch.setattr(database, "verify", endless)
    window.verify_action.trigger()
    assert walking.wait(10)
    qtbot.waitUntil(lambda: "5000 of about 5000000 records" in window.statusBar().currentMessage())
    window.close()
    assert not window.database_check.running
    assert not [t for t in threading.enumerate() if t.name == "DatabaseCheck"]
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    assert window.verify_box is None
    assert trail(services)[-1][0] not in (AuditAction.VERIFY_OK, AuditAction.VERIFY_FAILED)
