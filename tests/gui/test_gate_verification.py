"""The gate verifies what it scans: station passes typed by a wedge scanner, forged passes, quarantine
alarms that must be acknowledged, manual entry in degraded mode, and the household's exit quota."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from checkpoint.app import build_services
from checkpoint.domain.codes import STATION_PASS_PREFIX
from checkpoint.domain.credentials import (
    ExitSlip,
    PassVerdict,
    ResidentPass,
    StationPass,
    cose,
    hcert,
    issue_pass,
)
from checkpoint.domain.credentials.passes import encode_claims, key_id
from checkpoint.domain.records import AuditAction, Direction, Outcome, Passage, PersonFlag, Reason
from checkpoint.station.alarms import AlarmKind, AlarmLevel
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.services import StationServices
from checkpoint.storage.keys import create_deployment_key
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.pass_log_model import FLAG_MARK, Column
from checkpoint.ui.station_view import StationView
from tests.station_clock import TickingClock

from .test_station_view import RECORD_TIMEOUT_MS, wedge

Station = tuple[StationServices, MainWindow, ed25519.Ed25519PrivateKey]
GOOD_ID = "11010519491231002X"
BAD_CHECK_DIGIT_ID = "110105194912310021"


@pytest.fixture()
def make_station(
    tmp_path: Path, qtbot: QtBot, languages: LanguageSwitcher, clock: TickingClock
) -> Iterator[Callable[[str], Station]]:
    """A station on a temp database whose deployment key exists (the gate trusts its passes)."""
    built: list[StationServices] = []

    def make(profile: str) -> Station:
        key = create_deployment_key()
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("gate/name", "阳光小区 东门")
        settings.setValue("gate/profile", profile)
        settings.setValue("operator/name", "王保安")
        settings.setValue("station/auto_record", False)  # these tests press the outcome keys themselves
        services = build_services(
            f"sqlite:///{tmp_path / 'station.sqlite3'}", "demo", settings=settings, clock=clock
        )
        services.session.set_vehicle_mode(False)  # these tests drive people on foot, at either gate
        services.writer.start()
        built.append(services)
        window = MainWindow(services, languages)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        qtbot.waitUntil(window.station_view.scan_entry.hasFocus)  # activation is delivered by an event
        return services, window, key

    yield make
    for services in built:
        services.shutdown()


def _window(now: datetime) -> dict[str, datetime]:
    return {
        "issued_at": now - timedelta(hours=1),
        "valid_from": now - timedelta(hours=1),
        "valid_until": now + timedelta(days=7),
    }


def exit_slip(
    key: ed25519.Ed25519PrivateKey, now: datetime, name: str = "张小三", household: str = "3-2-501"
) -> str:
    slip = ExitSlip(
        pass_id=uuid.uuid4(),
        issuer="阳光小区",
        household_id=household,
        member_name=name,
        exit_every_days=2,
        return_within_hours=4,
        **_window(now),
    )
    return issue_pass(slip, key)


def resident_pass(now: datetime, name: str = "李四") -> StationPass:
    return ResidentPass(
        pass_id=uuid.uuid4(),
        issuer="阳光小区",
        household_id="5-1-302",
        name=name,
        building="5",
        unit="1",
        **_window(now),
    )


def forged(content: StationPass, key: ed25519.Ed25519PrivateKey) -> str:
    """Signed by someone else who copied our key id: what a forger can do without our private key."""
    message = cose.sign_ed25519(
        encode_claims(content), ed25519.Ed25519PrivateKey.generate(), key_id(key.public_key())
    )
    return hcert.wrap(message, STATION_PASS_PREFIX)


def confirm(qtbot: QtBot, station: StationView, services: StationServices) -> Passage:
    with qtbot.waitSignal(services.session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        qtbot.keyClick(station.scan_entry, Qt.Key.Key_F5)
    passage: Passage = recorded.args[0]
    return passage


def confirm_override(
    qtbot: QtBot, station: StationView, services: StationServices, reason: Qt.Key
) -> Passage:
    """PASS over a proposed TURN BACK or HOLD: F5, the override's reason by its number key, Enter."""
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: station.override_dialog is not None)
    dialog = station.override_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, reason)
    with qtbot.waitSignal(services.session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    passage: Passage = recorded.args[0]
    return passage


def go_out(qtbot: QtBot, station: StationView) -> None:
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)


def test_a_valid_resident_pass_is_verified_and_proposed_for_pass(
    qtbot: QtBot, make_station: Callable[[str], Station]
) -> None:
    services, window, key = make_station("compound-gate")
    station = window.station_view
    wedge(qtbot, station, issue_pass(resident_pass(services.clock(), "李四"), key))

    draft = services.session.draft
    assert draft.verification is not None and draft.verification.pass_verdict is PassVerdict.VALID
    assert draft.proposed is Outcome.PASS and Reason.PASS_VALID in draft.reasons  # no tap needed
    assert station.credential.state == "ok"
    assert "Signature valid" in station.credential.text() and "李*" in station.credential.text()
    assert not station.alarm_banner.isVisible()

    passage = confirm(qtbot, station, services)
    person = passage.persons[0]
    assert passage.outcome is Outcome.PASS and passage.rules_version.startswith("compound-gate/")
    assert person.code_text.startswith("CPS1:") and person.code_kind.value == "station-pass"
    assert {"pass_signature", "pass_validity", "name"} <= set(person.verified)
    assert (person.name, person.household) == ("李四", "5-1-302") and person.pass_id


def test_a_forged_pass_is_turned_back_with_the_reason_in_words(
    qtbot: QtBot, make_station: Callable[[str], Station]
) -> None:
    services, window, key = make_station("compound-gate")
    station = window.station_view
    wedge(qtbot, station, forged(resident_pass(services.clock()), key))

    draft = services.session.draft
    assert draft.proposed is Outcome.TURN_BACK and Reason.PASS_INVALID in draft.reasons
    assert station.credential.state == "bad"
    assert "FORGED" in station.credential.text()
    # the operator overrides (rechecked by hand): recorded, but nothing "verified"
    passage = confirm_override(qtbot, station, services, Qt.Key.Key_1)
    assert passage.persons[0].verified == () and passage.persons[0].pass_id == ""
    assert Reason.OPERATOR_DECISION in passage.reasons


def test_a_quarantined_resident_leaving_raises_an_alarm_that_must_be_acknowledged(
    qtbot: QtBot, make_station: Callable[[str], Station], tmp_path: Path
) -> None:
    services, window, key = make_station("compound-gate")
    session = services.session
    csv = tmp_path / "隔离名单.csv"
    csv.write_text("类型,姓名,原因\n居家隔离,张小三,密接\n居家隔离,,没有身份\n", encoding="gbk")
    dialog = window.open_import_dialog()
    assert dialog is not None
    report = dialog.load(csv)
    assert report is not None and len(report.accepted) == 1 and len(report.rejected) == 1
    assert (
        "Line 3" in dialog.details.toPlainText()
        and "No ID number, phone or name" in dialog.details.toPlainText()
    )
    with qtbot.waitSignal(session.watchlists.imported, timeout=RECORD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    station = window.station_view
    assert not dialog.isVisible()  # closed once the entries are on disk
    window.activateWindow()  # offscreen has no window manager to give the focus back
    qtbot.waitUntil(station.scan_entry.hasFocus)  # the window put it back where the scanner types
    go_out(qtbot, station)
    wedge(qtbot, station, exit_slip(key, services.clock(), name="张小三"))
    draft = session.draft
    assert draft.proposed is Outcome.HOLD and Reason.QUARANTINE_LEAVING in draft.reasons
    assert [a.kind for a in draft.open_alarms] == [AlarmKind.HOME_QUARANTINE]
    assert station.alarm_banner.isVisible() and station.alarm_banner.level is AlarmLevel.RED
    assert "张*三" in station.alarm_banner.text() and "张小三" not in station.alarm_banner.text()

    before = session.shift_count
    with qtbot.waitSignal(session.confirm_refused) as refused:
        qtbot.keyClick(station.scan_entry, Qt.Key.Key_F5)
    assert "acknowledge" in refused.args[0].lower()
    assert station.banner.isVisible() and session.shift_count == before  # nothing recorded

    with qtbot.waitSignal(session.alarms_acknowledged, timeout=RECORD_TIMEOUT_MS):
        qtbot.keyClick(station.scan_entry, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert not station.alarm_banner.isVisible()
    audit = services.writer.database.audit.audit_entries()
    acknowledged = [entry for entry in audit if entry.action is AuditAction.ALARM_ACKNOWLEDGED]
    assert len(acknowledged) == 1 and "home_quarantine" in acknowledged[0].detail
    assert "张*三" in acknowledged[0].detail
    assert any(entry.action is AuditAction.WATCHLIST_IMPORTED for entry in audit)

    # the leader let them go: allowed once acknowledged, as an override with its reason
    passage = confirm_override(qtbot, station, services, Qt.Key.Key_2)
    assert passage.outcome is Outcome.PASS and passage.direction is Direction.OUT
    assert Reason.QUARANTINE_LEAVING in passage.reasons and Reason.OPERATOR_DECISION in passage.reasons


def test_manual_entry_checks_the_id_and_records_a_flagged_passage(
    qtbot: QtBot, make_station: Callable[[str], Station]
) -> None:
    services, window, _key = make_station("highway-exit")
    station = window.station_view
    # an ordinary passage first (turned back, as proposed when nobody was checked), which the flagged
    # filter must leave out
    with qtbot.waitSignal(services.session.passage_recorded, timeout=RECORD_TIMEOUT_MS):
        qtbot.keyClick(station.scan_entry, Qt.Key.Key_F6)

    dialog = station.open_manual_entry()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name_edit.setText("王五")  # typed through an input method: keyClicks cannot send Chinese
    qtbot.keyClicks(dialog.id_edit, BAD_CHECK_DIGIT_ID)
    assert "check digit" in dialog.id_message.text() and not ok.isEnabled()
    dialog.id_edit.setText(GOOD_ID)
    assert dialog.id_message.text().startswith("✔") and ok.isEnabled()
    dialog.platform_down.setChecked(True)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    draft = services.session.draft
    assert draft.manual is not None and Reason.MANUAL_ID in draft.reasons
    assert "4301" not in station.credential.text() and "1101**********002X" in station.credential.text()

    passage = confirm_override(qtbot, station, services, Qt.Key.Key_5)  # platform down, by hand
    person = passage.persons[0]
    assert person.flags == (PersonFlag.MANUAL_ID, PersonFlag.PLATFORM_DOWN)
    assert (person.name, person.id_number) == ("王五", GOOD_ID)

    log = window.log_view
    assert log.model.rowCount() == 2
    log.flagged_check.setChecked(True)
    flagged = log.model.passage(0)
    assert log.model.rowCount() == 1 and flagged is not None and flagged.uuid == passage.uuid
    assert str(log.model.data(log.model.index(0, Column.NAMES))).startswith(FLAG_MARK)


def test_a_second_exit_of_the_household_within_the_quota_days_is_turned_back(
    qtbot: QtBot, make_station: Callable[[str], Station]
) -> None:
    services, window, key = make_station("compound-gate")
    station = window.station_view
    go_out(qtbot, station)
    wedge(qtbot, station, exit_slip(key, services.clock(), name="张小三", household="3-2-501"))
    assert services.session.draft.proposed is Outcome.PASS
    confirm(qtbot, station, services)

    wedge(qtbot, station, exit_slip(key, services.clock(), name="张小四", household="3-2-501"))
    draft = services.session.draft
    assert draft.proposed is Outcome.TURN_BACK and Reason.EXIT_QUOTA_EXCEEDED in draft.reasons
    assert [a.kind for a in draft.open_alarms] == [AlarmKind.OVER_QUOTA]
    assert "Household exits in the last 2 days: 1" in station.credential.text()
