"""Vehicle mode of the station session on a real database and writer: occupants, one outcome, one passage."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from checkpoint.app import build_session
from checkpoint.domain.codes import Backend
from checkpoint.domain.records import (
    CodeColour,
    CodeKind,
    Itinerary,
    Outcome,
    Passage,
    Reason,
    Role,
    SubjectKind,
)
from checkpoint.station.scan import ScanEvent
from checkpoint.station.session import ManualIdentity, StationSession, vehicle_first
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import open_database

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
GOOD_ID = "11010519491231002X"


@pytest.fixture()
def session(tmp_path: Path, qtbot: QtBot) -> Iterator[StationSession]:
    db = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    gate = db.gates.ensure_gate("G1", "highway-exit")
    operator = db.operators.ensure_operator("李明", Role.SHIFT_LEADER)
    shift = db.shifts.open_shift(gate.id, operator.id, NOW)
    writer = RecordWriter(db)
    writer.start()
    yield build_session(writer, gate, operator, shift, clock=lambda: NOW, vehicle_mode=True)
    writer.stop()
    db.close()


def scan(session: StationSession, text: str) -> None:
    session.on_code_scanned(ScanEvent(text, CodeKind.HEALTH_CODE, Backend.KEYBOARD, NOW))


def green(session: StationSession, temperature: float = 36.5) -> None:
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(1)
    session.set_temperature(temperature)


def test_highway_gates_start_with_vehicles() -> None:
    assert vehicle_first("highway-exit") and not vehicle_first("compound-gate")


def test_each_scan_adds_a_person_and_attestations_act_on_the_selected_one(session: StationSession) -> None:
    session.set_plate("粤A12345")
    assert session.proposed is Outcome.RECHECK and session.reasons == (Reason.NO_OCCUPANTS,)
    scan(session, "token-1")
    green(session)
    scan(session, "token-2")
    assert session.vehicle is not None and len(session.vehicle.occupants) == 2
    assert session.vehicle.selected == 1 and session.draft.colour is CodeColour.NONE
    session.set_colour(CodeColour.YELLOW)
    assert session.vehicle.occupants[0].colour is CodeColour.GREEN  # the first person is untouched
    assert session.proposed is Outcome.TURN_BACK
    assert Reason.CODE_YELLOW in session.reasons and Reason.ALL_CHECKS_CLEAR not in session.reasons
    scan(session, "token-1")  # the same phone again selects that person, adds nobody
    assert len(session.vehicle.occupants) == 2 and session.vehicle.selected == 0
    session.remove_occupant(1)
    assert len(session.vehicle.occupants) == 1 and session.proposed is Outcome.PASS


def test_an_invalid_plate_asks_for_a_recheck_and_no_plate_is_refused(
    session: StationSession, qtbot: QtBot
) -> None:
    scan(session, "token-1")
    green(session)
    session.set_plate("粤A1234")
    assert session.proposed is Outcome.RECHECK and Reason.PLATE_INVALID in session.reasons
    session.set_plate("粤AD12345")  # a new-energy plate
    assert session.proposed is Outcome.PASS
    session.set_plate("")
    with qtbot.waitSignal(session.confirm_refused):
        assert not session.confirm(Outcome.PASS)


def test_manual_entry_adds_a_person_and_same_as_previous_copies_the_attestations(
    session: StationSession,
) -> None:
    session.set_plate("京B23456")
    scan(session, "token-1")
    green(session)
    session.set_manual_identity(ManualIdentity("张小三", GOOD_ID))
    assert session.vehicle is not None and len(session.vehicle.occupants) == 2
    assert session.same_as_previous()
    person = session.vehicle.occupants[1]
    assert (person.colour, person.itinerary, person.test_age_days, person.temperature) == (
        CodeColour.GREEN,
        Itinerary.GREEN,
        1,
        None,  # a temperature is measured per person, never copied
    )
    assert person.manual is not None and Reason.MANUAL_ID in session.reasons


def test_confirm_records_one_vehicle_passage_with_the_driver_first(
    session: StationSession, qtbot: QtBot
) -> None:
    session.set_plate("粤 a·12345")
    session.set_vehicle_kind("truck")
    session.set_origin("深圳")
    session.set_destination("广州")
    for index in range(3):
        scan(session, f"token-{index}")
        green(session, 36.4 + index / 10)
    with qtbot.waitSignal(session.passage_recorded) as recorded:
        assert session.confirm(Outcome.PASS)
    passage: Passage = recorded.args[0]
    assert passage.subject is SubjectKind.VEHICLE and passage.outcome is Outcome.PASS
    assert passage.vehicle is not None
    assert (passage.vehicle.plate, passage.vehicle.kind, passage.vehicle.origin) == (
        "粤A12345",
        "truck",
        "深圳",
    )
    assert passage.vehicle.destination == "广州"
    assert [p.is_driver for p in passage.persons] == [True, False, False]
    assert [p.code_text for p in passage.persons] == ["token-0", "token-1", "token-2"]
    assert session.vehicle is not None and session.vehicle.occupants == () and session.vehicle.plate == ""
    stored = session.writer.database.passages.passage(passage.uuid)
    assert stored is not None and stored.vehicle == passage.vehicle and len(stored.persons) == 3


def test_overriding_the_proposal_is_recorded_as_the_operators_decision(
    session: StationSession, qtbot: QtBot
) -> None:
    session.set_plate("粤A12345")
    with qtbot.waitSignal(session.passage_recorded) as recorded:
        assert session.confirm(Outcome.TURN_BACK)  # turned back before anyone was checked
    passage: Passage = recorded.args[0]
    assert passage.persons == ()
    assert passage.reasons == (Reason.NO_OCCUPANTS, Reason.OPERATOR_DECISION)


def test_switching_to_pedestrians_drops_the_vehicle(session: StationSession, qtbot: QtBot) -> None:
    scan(session, "token-1")
    with qtbot.waitSignal(session.mode_changed) as changed:
        session.set_vehicle_mode(False)
    assert changed.args == [False]
    assert session.vehicle is None and session.draft.code is None
    scan(session, "token-2")
    assert session.draft.subject is SubjectKind.PEDESTRIAN and session.draft.code is not None


def test_a_person_typed_again_in_the_shift_is_recognised_by_the_keyed_hash(
    session: StationSession, qtbot: QtBot
) -> None:
    session.set_plate("京B23456")
    session.set_manual_identity(ManualIdentity("张小三", GOOD_ID))
    assert session.vehicle is not None
    assert session.vehicle.occupants[0].manual is not None
    assert session.vehicle.occupants[0].manual.seen_at is None
    green(session)
    with qtbot.waitSignal(session.passage_recorded):
        assert session.confirm(Outcome.PASS)
    session.set_plate("京B23457")
    session.set_manual_identity(ManualIdentity("张小三", GOOD_ID.lower()))  # typed differently
    again = session.vehicle.occupants[0].manual
    assert again is not None and again.seen_at == NOW
