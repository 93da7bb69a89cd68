"""The residents registry at a compound gate, on a real database and writer: a registered resident's clear
case records with zero taps, a quarantined or no-exit member leaving raises the alarm that stays until
acknowledged, an unknown household is checked, the household's own quota applies."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from pytestqt.qtbot import QtBot

from checkpoint.app import build_session
from checkpoint.domain.codes import Backend
from checkpoint.domain.credentials import ResidentPass, issue_pass
from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.domain.records import AuditAction, CodeKind, Direction, Outcome, Passage, Reason, Role
from checkpoint.domain.residents_import import parse_residents
from checkpoint.station.alarms import AlarmKind
from checkpoint.station.credentials import Verifier
from checkpoint.station.scan import ScanEvent
from checkpoint.station.session import ManualIdentity, StationSession
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.keys import create_deployment_key

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
TIMEOUT_MS = 5000


def id_number(serial: int) -> str:
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


REGISTRY = "\n".join(
    (
        "户号,姓名,身份证号,状态,出门周期,出门次数",
        f"5-1-302,李四,{id_number(1)},正常,,",
        f"5-1-302,李隔离,{id_number(2)},居家隔离,,",
        f"5-1-302,李封控,{id_number(3)},禁止外出,,",
        f"6-1-101,赵限额,{id_number(4)},正常,2,1",
        f"5-1-302,李搬走,{id_number(5)},已迁出,,",
    )
)


@pytest.fixture()
def key(tmp_path: Path) -> ed25519.Ed25519PrivateKey:
    return create_deployment_key(tmp_path / "keys")


@pytest.fixture()
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    report = parse_residents(REGISTRY.encode(), today=NOW.date())
    assert not report.rejected
    db.residents.store_import(report.rows, NOW - timedelta(days=1), None, "住户.csv")
    yield db
    db.close()


@pytest.fixture()
def session(
    tmp_path: Path, qtbot: QtBot, key: ed25519.Ed25519PrivateKey, database: Database
) -> Iterator[StationSession]:
    gate = database.gates.ensure_gate("东门", "compound-gate")
    operator = database.operators.ensure_operator("王保安", Role.OPERATOR)
    shift = database.shifts.open_shift(gate.id, operator.id, NOW - timedelta(hours=1))
    writer = RecordWriter(database)
    writer.start()
    clock = lambda: NOW  # noqa: E731
    verifier = Verifier(
        database,
        clock=clock,
        trust_folder=tmp_path / "trust",
        keys_folder=tmp_path / "keys",
        platforms_paths=[],
    )
    session = build_session(writer, gate, operator, shift, clock=clock, verifier=verifier, auto_record=True)
    session.set_direction(Direction.OUT)
    yield session
    writer.stop()


def resident_pass(key: ed25519.Ed25519PrivateKey, name: str, household: str = "5-1-302") -> str:
    content = ResidentPass(
        pass_id=uuid.uuid4(),
        issuer="阳光小区",
        household_id=household,
        name=name,
        building=household.split("-")[0],
        unit="1",
        issued_at=NOW - timedelta(days=1),
        valid_from=NOW - timedelta(days=1),
        valid_until=NOW + timedelta(days=7),
    )
    return issue_pass(content, key)


def scan(session: StationSession, text: str) -> None:
    session.on_code_scanned(ScanEvent(text, CodeKind.STATION_PASS, Backend.KEYBOARD, NOW))


def test_a_registered_residents_clear_case_is_recorded_with_zero_taps(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS) as recorded:
        scan(session, resident_pass(key, "李 四"))  # the pass spells the name with a space
    passage: Passage = recorded.args[0]
    assert passage.outcome is Outcome.PASS and Reason.RESIDENT_KNOWN in passage.reasons
    assert passage.persons[0].household == "5-1-302" and session.draft.is_blank


def test_a_quarantined_member_going_out_raises_the_alarm_until_acknowledged(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot, database: Database
) -> None:
    scan(session, resident_pass(key, "李隔离"))
    assert not session.recording  # not recorded by the scan: the operator must see this
    draft = session.draft
    assert draft.proposed is Outcome.HOLD and Reason.QUARANTINE_LEAVING in draft.reasons
    assert [alarm.kind for alarm in session.open_alarms] == [AlarmKind.HOME_QUARANTINE]
    assert session.open_alarms[0].subject == "李*离"  # masked on screen
    with qtbot.waitSignal(session.confirm_refused, timeout=TIMEOUT_MS):
        assert not session.confirm(Outcome.PASS)
    with qtbot.waitSignal(session.alarms_acknowledged, timeout=TIMEOUT_MS):
        assert session.acknowledge_alarms()
    assert not session.open_alarms and session.draft.alarms  # still shown, now acknowledged
    entry = database.audit.audit_entries()[-1]
    assert entry.action is AuditAction.ALARM_ACKNOWLEDGED
    # the household is on screen but only masked in the audit trail, which keeps text plain (it is sealed
    # everywhere it is stored: strings on the file must not find it)
    assert json.loads(entry.detail) == {"kind": "home_quarantine", "subject": "李*离", "detail": "5-*-***"}
    assert "5-1-302" not in entry.detail


def test_a_no_exit_member_is_held_with_its_own_alarm_but_may_come_home(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot
) -> None:
    code = resident_pass(key, "李封控")
    scan(session, code)
    assert session.draft.proposed is Outcome.HOLD and Reason.RESIDENT_NO_EXIT in session.draft.reasons
    assert [alarm.kind for alarm in session.open_alarms] == [AlarmKind.NO_EXIT]
    session.clear()
    session.set_direction(Direction.IN)
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS) as recorded:
        scan(session, code)
    assert recorded.args[0].outcome is Outcome.PASS


def test_a_household_the_registry_does_not_list_is_checked(
    session: StationSession, key: ed25519.Ed25519PrivateKey
) -> None:
    scan(session, resident_pass(key, "钱外来", household="9-9-909"))
    draft = session.draft
    assert not session.recording and draft.proposed is Outcome.RECHECK
    assert Reason.HOUSEHOLD_UNKNOWN in draft.reasons and Reason.RESIDENT_KNOWN not in draft.reasons


def test_a_typed_id_number_finds_the_member_coming_home(session: StationSession, qtbot: QtBot) -> None:
    session.set_direction(Direction.IN)
    session.set_manual_identity(ManualIdentity("李四", id_number(1).lower()))
    draft = session.draft
    assert draft.proposed is Outcome.PASS and Reason.RESIDENT_KNOWN in draft.reasons
    assert not session.recording  # typed by hand: the operator confirms, and it is flagged
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS) as recorded:
        session.confirm(Outcome.PASS)
    assert recorded.args[0].persons[0].household == "5-1-302"


def test_the_households_own_quota_applies_on_the_next_exit(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot
) -> None:
    code = resident_pass(key, "赵限额", household="6-1-101")
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS):
        scan(session, code)  # the first exit in two days: fine
    scan(session, code)
    draft = session.draft
    assert draft.proposed is Outcome.TURN_BACK and Reason.EXIT_QUOTA_EXCEEDED in draft.reasons
    assert [alarm.kind for alarm in session.open_alarms] == [AlarmKind.OVER_QUOTA]


def test_a_member_who_moved_out_is_checked_as_a_visitor_not_waved_through(
    session: StationSession, key: ed25519.Ed25519PrivateKey
) -> None:
    """Still listed (the registry keeps every version), but moved out: the old pass or the typed ID
    number no longer makes a "registered resident", and the operator sees why."""
    session.set_direction(Direction.IN)
    scan(session, resident_pass(key, "李搬走"))  # a pass issued before the move, still signed and valid
    draft = session.draft
    assert not session.recording  # no zero-tap pass
    assert draft.proposed is Outcome.RECHECK and Reason.RESIDENT_MOVED_OUT in draft.reasons
    assert Reason.RESIDENT_KNOWN not in draft.reasons
    session.clear()
    session.set_manual_identity(ManualIdentity("李搬走", id_number(5)))
    draft = session.draft  # no pass and no host: a visitor nobody registered, and why
    assert draft.proposed is Outcome.TURN_BACK and Reason.VISITOR_NOT_REGISTERED in draft.reasons
    assert Reason.RESIDENT_MOVED_OUT in draft.reasons and Reason.RESIDENT_KNOWN not in draft.reasons
