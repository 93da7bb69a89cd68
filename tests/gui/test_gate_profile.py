"""Switching the gate's profile: ``--profile`` at start, and the session's ``use_profile`` (what the
settings dialog's "Use for this gate" calls). Each switch is recorded and audited once; the station
proposes under the new rules at once; unknown profiles and operators without the role are refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from checkpoint.app import UnknownProfileError, build_services, build_session, run_gui
from checkpoint.domain.records import AuditAction, CodeColour, Itinerary, Reason, Role
from checkpoint.station.profiles import ProfileNotFoundError
from checkpoint.station.services import StationServices
from checkpoint.storage.database import Database
from tests.station_clock import TickingClock


def _switches(database: Database) -> list[str]:
    return [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED]


@pytest.fixture()
def start(tmp_path: Path, clock: TickingClock) -> Iterator[Callable[[str | None], StationServices]]:
    """Starts the station on one database as ``checkpoint gui [--profile NAME]`` would; shuts each down."""
    running: list[StationServices] = []
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"

    def start(profile: str | None) -> StationServices:
        for services in running:
            services.shutdown()
        running.clear()
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("gate/name", "G1 高速出口")
        settings.setValue("operator/name", "李明")
        services = build_services(url, "demo", settings=settings, profile=profile, clock=clock)
        services.writer.start()
        running.append(services)
        return services

    yield start
    for services in running:
        services.shutdown()


def test_profile_option_switches_a_stored_gate_once(start: Callable[[str | None], StationServices]) -> None:
    first = start(None)
    assert first.session.gate.profile == "highway-exit"
    gate_id = first.session.gate.id

    switched = start("compound-gate")
    session = switched.session
    assert (session.gate.id, session.gate.profile) == (gate_id, "compound-gate")
    assert session.profile.rules_version.startswith("compound-gate/")  # the session decides under it
    database = switched.writer.database
    assert _switches(database) == ["gate G1 高速出口: profile highway-exit -> compound-gate"]
    audit = next(e for e in database.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED)
    assert audit.operator_id == session.operator.id

    # the same option again, and a start without it (settings still name highway-exit): no further switch
    assert start("compound-gate").session.gate.profile == "compound-gate"
    later = start(None)
    assert later.session.gate.profile == "compound-gate"
    assert len(_switches(later.writer.database)) == 1
    assert later.writer.database.verify().ok


def test_an_unknown_profile_is_refused_before_the_database_is_touched(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    path = tmp_path / "station.sqlite3"
    with pytest.raises(UnknownProfileError) as raised:
        build_services(f"sqlite:///{path}", "demo", settings=settings, profile="airport")
    assert isinstance(raised.value, ValueError)
    message = str(raised.value)
    assert "'airport'" in message and "compound-gate" in message and "highway-exit" in message
    assert raised.value.known == ["compound-gate", "highway-exit"]
    assert not path.exists()


@pytest.mark.expected_log  # the unknown profile is logged
def test_the_gui_explains_an_unknown_profile(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[str] = []

    def read_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                widget.done(QMessageBox.StandardButton.Ok)

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(20)
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    code = run_gui(camera="demo", db_url=url, profile="airport", language="en", fullscreen=False)
    timer.stop()
    assert code == 2
    assert len(seen) == 1
    assert "airport" in seen[0] and "compound-gate, highway-exit" in seen[0]


def test_use_profile_switches_through_the_writer_and_reproposes(
    qtbot: QtBot, services: StationServices
) -> None:
    session = services.session
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(3)
    assert Reason.TEST_TOO_OLD in session.draft.reasons  # highway exit: a test within 48 hours

    with qtbot.waitSignal(session.gate_changed, timeout=5000) as changed:
        assert session.use_profile("compound-gate")
        assert session.switching_profile
        assert not session.use_profile("compound-gate")  # one switch at a time
        assert session.gate.profile == "highway-exit"  # not before it is on disk
    assert changed.args[0] == session.gate
    assert not session.switching_profile
    assert session.gate.profile == "compound-gate"
    assert session.profile.rules_version.startswith("compound-gate/")
    assert Reason.TEST_TOO_OLD not in session.draft.reasons  # the draft on screen, proposed again
    assert session.draft.test_age_days == 3  # and kept

    database = services.writer.database
    assert [g.profile for g in database.gates.all()] == ["compound-gate"]
    assert _switches(database) == ["gate G1 高速出口: profile highway-exit -> compound-gate"]
    assert not session.use_profile("compound-gate")  # already so: nothing to write


def test_use_profile_refuses_unknown_profiles_and_operators(services: StationServices) -> None:
    session = services.session
    with pytest.raises(ProfileNotFoundError):
        session.use_profile("airport")
    assert not session.switching_profile
    assert not services.writer.pending

    operator = services.writer.database.operators.ensure_operator("小王", Role.OPERATOR)
    plain = build_session(
        services.writer,
        session.gate,
        operator,
        session.shift,
        clock=services.clock,
        profiles=session.profiles,
        verifier=session.verifier,
    )
    with pytest.raises(PermissionError):
        plain.use_profile("compound-gate")
    assert not services.writer.pending
    assert _switches(services.writer.database) == []
