"""Compound gate in the session on a real database and writer: a clear case is recorded by the scan
alone, anything else waits for the operator; walk-in visitors; who is out and who is inside."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from pytestqt.qtbot import QtBot

from checkpoint.app import build_session
from checkpoint.domain.codes import Backend
from checkpoint.domain.credentials import ExitSlip, ResidentPass, issue_pass
from checkpoint.domain.records import CodeKind, Direction, Outcome, Passage, Reason, Role
from checkpoint.station.credentials import Verifier
from checkpoint.station.presence import Presence, VisitorDetails
from checkpoint.station.scan import ScanEvent
from checkpoint.station.session import StationSession, auto_record_default, needs_attestation
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import open_database
from checkpoint.storage.keys import create_deployment_key

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
TIMEOUT_MS = 5000


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture()
def key(tmp_path: Path) -> ed25519.Ed25519PrivateKey:
    return create_deployment_key(tmp_path / "keys")


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def session(
    tmp_path: Path, qtbot: QtBot, key: ed25519.Ed25519PrivateKey, clock: Clock
) -> Iterator[StationSession]:
    db = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    gate = db.gates.ensure_gate("东门", "compound-gate")
    operator = db.operators.ensure_operator("王保安", Role.OPERATOR)
    shift = db.shifts.open_shift(gate.id, operator.id, NOW - timedelta(hours=1))
    writer = RecordWriter(db)
    writer.start()
    verifier = Verifier(
        db, clock=clock, trust_folder=tmp_path / "trust", keys_folder=tmp_path / "keys", platforms_paths=[]
    )
    yield build_session(writer, gate, operator, shift, clock=clock, verifier=verifier, auto_record=True)
    writer.stop()
    db.close()


def _window() -> dict[str, datetime]:
    return {"issued_at": NOW - timedelta(days=1), "valid_from": NOW - timedelta(days=1)}


def resident(key: ed25519.Ed25519PrivateKey, name: str = "李四") -> str:
    content = ResidentPass(
        pass_id=uuid.uuid4(),
        issuer="阳光小区",
        household_id="5-1-302",
        name=name,
        building="5",
        unit="1",
        valid_until=NOW + timedelta(days=7),
        **_window(),
    )
    return issue_pass(content, key)


def slip(key: ed25519.Ed25519PrivateKey, hours: int = 4, household: str = "3-2-501") -> str:
    content = ExitSlip(
        pass_id=uuid.uuid4(),
        issuer="阳光小区",
        household_id=household,
        member_name="张小三",
        exit_every_days=2,
        return_within_hours=hours,
        valid_until=NOW + timedelta(days=6),
        **_window(),
    )
    return issue_pass(content, key)


def scan(session: StationSession, text: str) -> None:
    session.on_code_scanned(ScanEvent(text, CodeKind.STATION_PASS, Backend.KEYBOARD, NOW))


def test_defaults_and_the_profiles_attestations() -> None:
    assert auto_record_default("compound-gate") and not auto_record_default("highway-exit")


def test_a_valid_resident_pass_is_recorded_by_the_scan_alone(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot
) -> None:
    assert not needs_attestation(session.profile)
    session.set_direction(Direction.OUT)
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS) as recorded:
        scan(session, resident(key))
    passage: Passage = recorded.args[0]
    assert passage.outcome is Outcome.PASS and passage.direction is Direction.OUT
    assert passage.persons[0].name == "李四" and Reason.OPERATOR_DECISION not in passage.reasons
    assert session.draft.is_blank and session.draft.direction is Direction.OUT  # ready for the next one


def test_without_the_setting_the_operator_confirms(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot
) -> None:
    session.set_auto_record(False)
    scan(session, resident(key))
    assert session.draft.proposed is Outcome.PASS and not session.recording
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS):
        assert session.confirm(Outcome.PASS)


def test_a_pass_signed_by_another_key_or_an_alarm_waits_for_the_operator(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot
) -> None:
    scan(session, resident(ed25519.Ed25519PrivateKey.generate()))  # not this deployment's key
    assert session.draft.proposed is Outcome.TURN_BACK and not session.recording
    session.clear()

    session.set_direction(Direction.OUT)
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS):
        scan(session, slip(key, household="9-9-909"))  # the household's one exit: recorded at once
    scan(session, slip(key, household="9-9-909"))  # a second member the same day: over quota, alarm
    assert session.draft.alarms and not session.recording
    assert session.shift_count == 1


def test_a_second_person_scanned_while_the_first_is_written_stays_and_is_recorded_too(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot
) -> None:
    recorded: list[Passage] = []
    session.passage_recorded.connect(recorded.append)
    scan(session, resident(key, "李四"))
    scan(session, resident(key, "王五"))  # the writer has not answered yet
    qtbot.waitUntil(lambda: len(recorded) == 2, timeout=TIMEOUT_MS)
    assert [p.persons[0].name for p in recorded] == ["李四", "王五"]
    assert session.draft.is_blank


def test_a_walk_in_visitor_with_a_host_is_proposed_pass_and_recorded_with_the_note(
    session: StationSession, qtbot: QtBot
) -> None:
    assert session.draft.proposed is not Outcome.PASS
    expected = NOW + timedelta(hours=2)
    session.set_visitor(VisitorDetails("赵六", "5-1-302", "李四", "送货", expected))
    draft = session.draft
    assert draft.facts().visitor_has_host and draft.proposed is Outcome.PASS
    assert Reason.VISITOR_WITH_HOST in draft.reasons and not session.recording  # the operator confirms
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT_MS) as recorded:
        session.confirm(Outcome.PASS)
    passage: Passage = recorded.args[0]
    assert passage.persons[0].name == "赵六"
    assert VisitorDetails.from_note("赵六", passage.note) == VisitorDetails(
        "赵六", "5-1-302", "李四", "送货", expected
    )


def test_a_visitor_needs_a_name_and_a_host() -> None:
    with pytest.raises(ValueError, match="name"):
        VisitorDetails(" ", "5-1-302")
    with pytest.raises(ValueError, match="host"):
        VisitorDetails("赵六", "", "")
    with pytest.raises(ValueError, match="timezone"):
        VisitorDetails("赵六", "5-1-302", expected_exit=datetime(2026, 11, 22, 12))


def test_presence_follows_exits_returns_and_visitors(
    session: StationSession, key: ed25519.Ed25519PrivateKey, qtbot: QtBot, clock: Clock
) -> None:
    presence = Presence(session.writer, lambda: session.profile.thresholds.return_hours, clock=clock)
    session.passage_recorded.connect(presence.add)
    with qtbot.waitSignal(presence.changed, timeout=TIMEOUT_MS):
        presence.start()
    assert presence.ready and not presence.current.residents_out

    session.set_direction(Direction.OUT)
    short = slip(key, hours=1)
    with qtbot.waitSignal(presence.changed, timeout=TIMEOUT_MS):
        scan(session, short)  # out with a slip that says back within 1 hour
    with qtbot.waitSignal(presence.changed, timeout=TIMEOUT_MS):
        scan(session, resident(key, "李四"))
    out = presence.current.residents_out
    assert [r.name for r in out] == ["张小三", "李四"] and not any(r.overdue for r in out)
    assert [r.return_hours for r in out] == [1, 4]

    clock.now = NOW + timedelta(hours=2)
    presence.recompute()
    assert [r.overdue for r in presence.current.residents_out] == [True, False]

    session.set_direction(Direction.IN)
    session.set_visitor(VisitorDetails("赵六", "5-1-302", "李四", "送货", NOW + timedelta(hours=3)))
    with qtbot.waitSignal(presence.changed, timeout=TIMEOUT_MS):
        session.confirm(Outcome.PASS)
    inside = presence.current.visitors_inside
    assert [(v.name, v.host_household, v.overdue) for v in inside] == [("赵六", "5-1-302", False)]

    session.set_auto_record(False)
    scan(session, short)  # back, 1 hour late: the overdue alarm, acknowledged, then let in
    assert Reason.RETURN_OVERDUE in session.draft.reasons
    with qtbot.waitSignal(session.alarms_acknowledged, timeout=TIMEOUT_MS):
        session.acknowledge_alarms()
    with qtbot.waitSignal(presence.changed, timeout=TIMEOUT_MS):
        session.confirm(Outcome.PASS)
    assert [r.name for r in presence.current.residents_out] == ["李四"]

    clock.now = NOW + timedelta(hours=4)
    session.set_direction(Direction.OUT)
    session.set_visitor(VisitorDetails("赵六", "5-1-302", "李四", "送货", NOW + timedelta(hours=3)))
    presence.recompute()
    assert presence.current.visitors_inside[0].overdue
    with qtbot.waitSignal(presence.changed, timeout=TIMEOUT_MS):
        session.confirm(Outcome.PASS)  # the visitor leaves
    assert presence.current.visitors_inside == ()

    reread = Presence(session.writer, lambda: 4, clock=clock)  # the same from the log alone
    with qtbot.waitSignal(reread.changed, timeout=TIMEOUT_MS):
        reread.start()
    assert reread.current == presence.current
