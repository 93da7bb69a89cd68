"""AuthService: a leader's rights fall back after the idle time while the same person keeps recording."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import Role
from checkpoint.domain.roles import Permission
from checkpoint.station.auth import AuthService
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import open_database

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


@pytest.fixture()
def writer(tmp_path: Path) -> Iterator[RecordWriter]:
    writer = RecordWriter(open_database(f"sqlite:///{tmp_path / 'station.sqlite3'}"))
    writer.start()
    yield writer
    writer.stop()
    writer.database.close()


def test_elevated_rights_expire_after_the_idle_time_and_come_back_with_the_pin(
    qtbot: QtBot, writer: RecordWriter
) -> None:
    now = [T0]
    leader = writer.database.operators.add_operator("王班长", Role.SHIFT_LEADER, T0, None, pin="2468")
    auth = AuthService(writer, idle_minutes=10, clock=lambda: now[0])
    auth.adopt(leader)
    assert auth.allows(Permission.EXPORT)
    now[0] = T0 + timedelta(minutes=9)
    auth.touch()  # a key press: the idle time starts again
    now[0] = T0 + timedelta(minutes=18)
    auth.check_idle()
    assert auth.allows(Permission.EXPORT)
    now[0] = T0 + timedelta(minutes=19)
    with qtbot.waitSignal(auth.expired) as expired:
        auth.check_idle()
    assert expired.args[0].startswith("Session expired: 王班长 works on as an operator.")
    assert auth.role is Role.OPERATOR and auth.operator == leader  # still recording, as themself
    assert auth.allows(Permission.RECORD) and not auth.allows(Permission.EXPORT)
    with qtbot.waitSignal(auth.signed_in, timeout=5000):
        assert auth.sign_in("王班长", "2468")
    assert auth.role is Role.SHIFT_LEADER and auth.allows(Permission.EXPORT)


def test_an_operator_has_nothing_to_expire(qtbot: QtBot, writer: RecordWriter) -> None:
    now = [T0]
    operator = writer.database.operators.add_operator("小王", Role.OPERATOR, T0, None, pin="1357")
    auth = AuthService(writer, idle_minutes=1, clock=lambda: now[0])
    auth.adopt(operator)
    now[0] = T0 + timedelta(hours=3)
    with qtbot.assertNotEmitted(auth.expired):
        auth.check_idle()
    assert auth.allows(Permission.RECORD)
