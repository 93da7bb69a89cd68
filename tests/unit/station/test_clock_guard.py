"""A system clock that goes backwards is noticed, audited with both times and told to the operator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from checkpoint.app import build_services
from checkpoint.domain.records import AuditAction, Role
from checkpoint.station.clock_guard import ClockGuard
from checkpoint.station.messages import MessageBus, MessageLevel
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database, open_database

NINE = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test sets."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'c.sqlite3'}", clock=lambda: NINE)
    yield database
    database.close()


def _clock_entries(database: Database) -> list[str]:
    return [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.CLOCK_WENT_BACK]


@pytest.mark.expected_log  # the clock going back is logged and shown
def test_a_start_with_the_clock_behind_the_newest_record_is_audited_and_shown(
    qtbot: QtBot, db: Database
) -> None:
    messages = MessageBus()
    leader = db.operators.ensure_operator("王班长", Role.SHIFT_LEADER)
    guard = ClockGuard(Clock(NINE - timedelta(hours=3)), messages, operator_id=leader.id)
    with qtbot.waitSignal(messages.message) as shown:  # told once the event loop runs
        jump = guard.check_start(db)
    assert jump is not None and jump.back_by == timedelta(hours=3)
    level, text = shown.args
    assert level == MessageLevel.ERROR
    assert "went back" in text and "check the time" in text
    [detail] = _clock_entries(db)
    assert NINE.isoformat() in detail and (NINE - timedelta(hours=3)).isoformat() in detail
    entry = next(e for e in db.audit.audit_entries() if e.action is AuditAction.CLOCK_WENT_BACK)
    assert entry.operator_id == leader.id
    assert db.verify().ok


def test_a_clock_a_little_behind_or_ahead_is_left_alone(qtbot: QtBot, db: Database) -> None:
    messages = MessageBus()
    for at in (NINE - timedelta(seconds=90), NINE + timedelta(days=2)):
        guard = ClockGuard(Clock(at), messages)
        with qtbot.assertNotEmitted(messages.message, wait=20):
            assert guard.check_start(db) is None
    assert _clock_entries(db) == []


@pytest.mark.expected_log  # the clock going back is logged and shown
def test_a_clock_going_back_while_running_is_audited_once_per_jump(qtbot: QtBot, db: Database) -> None:
    messages = MessageBus()
    clock = Clock(NINE)
    guard = ClockGuard(clock, messages)
    writer = RecordWriter(db)
    writer.start()
    try:
        guard.check_start(db)
        guard.watch(writer)
        clock.at = NINE + timedelta(minutes=10)
        assert guard.now() == clock.at
        clock.at = NINE + timedelta(minutes=9)  # one minute back: within the tolerance
        guard.now()
        assert guard.jumps == []
        clock.at = NINE - timedelta(hours=1)
        with (
            qtbot.waitSignal(writer.busy_changed, check_params_cb=lambda busy: not busy),
            qtbot.waitSignal(guard.clock_went_back) as jumped,
        ):
            assert guard.now() == NINE - timedelta(hours=1)  # the time is not altered
        assert jumped.args[0].before == NINE + timedelta(minutes=9)
        clock.at = NINE - timedelta(minutes=59)  # runs on from the new time: no second report
        guard.now()
        assert len(guard.jumps) == 1
        [detail] = _clock_entries(db)
        assert "to " + (NINE - timedelta(hours=1)).isoformat() in detail
    finally:
        writer.stop()


@pytest.mark.expected_log  # the clock going back is logged and shown
def test_build_services_checks_the_clock_against_the_log_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    open_database(url).close()  # written now, by the real clock
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yesterday = datetime.now(UTC) - timedelta(days=1)
    services = build_services(url, "demo", settings=settings, clock=lambda: yesterday)
    try:
        with qtbot.waitSignal(services.messages.message) as shown:
            pass
        assert shown.args[0] == MessageLevel.ERROR
        database = services.writer.database
        assert len(_clock_entries(database)) == 1
    finally:
        services.shutdown()
