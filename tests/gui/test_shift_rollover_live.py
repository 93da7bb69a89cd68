"""A clock rollover while the station runs: the automatic shift changes and the counters follow it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from checkpoint.app import build_services
from checkpoint.station.shifts import next_clock_boundary
from checkpoint.ui.station_view import StationView


# the fake clock is behind the records the sign-in wrote with the real one: the clock guard says so
@pytest.mark.expected_log
@pytest.mark.slow
def test_the_clock_rolls_an_automatic_shift_over_and_the_counters_follow(
    qtbot: QtBot, tmp_path: Path
) -> None:
    now = [datetime(2026, 11, 22, 9, 0).astimezone().astimezone(UTC)]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    services = build_services(
        f"sqlite:///{tmp_path / 'db.sqlite3'}", "demo", settings=settings, clock=lambda: now[0]
    )
    services.writer.start()
    try:
        view = StationView(services.scan, services.session)
        qtbot.addWidget(view)
        first = services.session.shift
        services.shifts.follow_clock()  # still the same clock shift: nothing changes
        now[0] = next_clock_boundary(now[0]) + timedelta(minutes=1)
        with qtbot.waitSignal(services.shifts.shift_changed, timeout=10_000) as changed:
            services.shifts.follow_clock()
        assert changed.args[0].automatic and changed.args[0].shift.id != first.id
        assert services.session.shift.id == changed.args[0].shift.id
        assert view.live_counters.shift_id == services.session.shift.id
        closed = services.writer.database.shifts.shift(first.id)
        assert closed is not None and closed.closed_at == now[0]
    finally:
        services.shutdown()
