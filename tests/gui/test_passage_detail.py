"""The passage detail view, as a shift leader asks the log "which occupant had the fever?": a double-click
on the row shows every person with their checks; the leader corrects the record from there, as a new
record pointing at the old one (nothing edited in place), and an operator may look but not correct."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import (
    AuditAction,
    CodeColour,
    Direction,
    Itinerary,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.pass_log_model import Column
from checkpoint.ui.passage_detail import FEVER_BACKGROUND, PassageDetailDialog, PersonColumn
from checkpoint.ui.style import Theme, apply_style

TIMEOUT = 10_000
DRIVER_ID = "110105195003070019"


def car_with_a_fever(services: StationServices) -> Passage:
    """A car of three at the highway exit, the second passenger at 38.1 °C: held and handed over."""
    session = services.session
    now = services.clock()
    persons = (
        PersonCheck(
            name="张建国",
            id_number=DRIVER_ID,
            phone="13800138000",
            code_text="https://jkm.example.gov.cn/h5/code?token=aaaa",
            code_colour=CodeColour.GREEN,
            itinerary=Itinerary.GREEN,
            test_age_days=1,
            temperature=36.5,
            is_driver=True,
            attested_at=now,
        ),
        PersonCheck(
            code_text="https://jkm.example.gov.cn/h5/code?token=bbbb",
            code_colour=CodeColour.GREEN,
            itinerary=Itinerary.GREEN,
            test_age_days=0,
            temperature=38.1,
            attested_at=now,
        ),
        PersonCheck(code_colour=CodeColour.GREEN, temperature=36.7, attested_at=now),
    )
    draft = PassageDraft(
        at=now,
        direction=Direction.IN,
        subject=SubjectKind.VEHICLE,
        outcome=Outcome.HOLD,
        gate_id=session.gate.id,
        operator_id=session.operator.id,
        shift_id=session.shift.id,
        reasons=(Reason.FEVER,),
        persons=persons,
        vehicle=Vehicle("湘A12345", "car", "长沙", "岳阳"),
    )
    passage = services.writer.database.passages.append_passage(draft)
    return passage


def double_click_row(qtbot: QtBot, table: QTableView, row: int, column: int = 0) -> None:
    """A double-click as the mouse makes it: a click, then the second press that makes it double
    (QTest's mouseDClick alone is only that second half)."""
    point = table.visualRect(table.model().index(row, column)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def open_from_log(qtbot: QtBot, window: MainWindow, passage: Passage) -> PassageDetailDialog:
    window.show_log()
    log = window.log_view
    log.model.refresh()
    shown = [log.model.passage(r) for r in range(log.model.rowCount())]
    row = next(r for r, p in enumerate(shown) if p is not None and p.uuid == passage.uuid)
    double_click_row(qtbot, log.table, row, Column.PLATE)
    qtbot.waitUntil(lambda: window.passage_dialog is not None)
    dialog = window.passage_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=TIMEOUT)
    return dialog


def cell(dialog: PassageDetailDialog, row: int, column: int) -> str:
    item = dialog.persons_table.item(row, column)
    assert item is not None
    return item.text()


def test_a_double_click_in_the_log_shows_who_had_the_fever(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    passage = car_with_a_fever(services)
    dialog = open_from_log(qtbot, window, passage)
    assert dialog.isVisible() and dialog.passage_id == passage.uuid
    assert f"No. {passage.seq}" in dialog.title_label.text() and "湘A12345" in dialog.title_label.text()
    assert dialog.persons_table.rowCount() == 3
    temperatures = [cell(dialog, r, PersonColumn.TEMPERATURE) for r in range(3)]
    assert temperatures == ["36.5", "38.1", "36.7"]
    fever = dialog.persons_table.item(1, PersonColumn.TEMPERATURE)
    assert fever is not None and fever.background().color() == FEVER_BACKGROUND
    # masked, as in the log: the driver's name and numbers never in full here
    assert cell(dialog, 0, PersonColumn.NAME) == "张*国"
    assert DRIVER_ID not in cell(dialog, 0, PersonColumn.ID_NUMBER)
    assert "(driver)" in cell(dialog, 0, PersonColumn.NUMBER)
    assert "Hold" in dialog.title_label.text()
    assert "Temperature" in dialog._fields["reasons"][1].text()
    assert dialog._fields["recorded_by"][1].text() == services.session.operator.name
    assert dialog._fields["gate"][1].text() == services.session.gate.name
    assert not dialog.chain_label.isVisible()


def test_a_leader_corrects_the_record_as_a_new_record_pointing_at_it(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    """The fever was a misreading: rechecked at 36.9 °C, the car passed. The leader corrects the record
    from its detail view; the old one stays, the new one names it and the reason, audited."""
    passage = car_with_a_fever(services)
    dialog = open_from_log(qtbot, window, passage)
    rows_before = window.log_view.model.rowCount()
    assert dialog.correct_button.isVisible() and dialog.correct_button.isEnabled()
    qtbot.mouseClick(dialog.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.correction_dialog is not None)
    correction = dialog.correction_dialog
    assert correction is not None
    qtbot.mouseClick(correction.ok_button, Qt.MouseButton.LeftButton)
    assert "Say why" in correction.problem_label.text()  # no reason, no correction
    correction.outcome_combo.setCurrentIndex(correction.outcome_combo.findData(Outcome.PASS))
    spin = correction.temperature_spins[1]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "36.9")
    qtbot.keyClicks(correction.reason_edit, "rechecked 36.9 after 10 min, passed")
    with qtbot.waitSignal(window.passage_details.corrected, timeout=TIMEOUT) as done:
        qtbot.mouseClick(correction.ok_button, Qt.MouseButton.LeftButton)
    fixed = done.args[0]
    assert isinstance(fixed, Passage)
    qtbot.waitUntil(lambda: dialog.correction_dialog is None)

    database = services.writer.database
    assert fixed.corrects == passage.uuid and fixed.outcome is Outcome.PASS
    assert fixed.at == passage.at and fixed.shift_id == passage.shift_id
    assert [p.temperature for p in fixed.persons] == [36.5, 36.9, 36.7]
    assert fixed.persons[0].id_number == DRIVER_ID  # carried over as recorded, sealed again
    assert Reason.CORRECTION in fixed.reasons
    assert fixed.correction_reason == "rechecked 36.9 after 10 min, passed"
    original = database.passages.passage(passage.uuid)
    assert original is not None and original.outcome is Outcome.HOLD  # never edited
    assert [p.uuid for p in database.passages.corrections_of(passage.uuid)] == [fixed.uuid]
    audit = [e for e in database.audit.audit_entries() if e.action is AuditAction.CORRECTION]
    assert len(audit) == 1 and "rechecked 36.9" in audit[0].detail
    assert audit[0].operator_id == services.session.operator.id
    assert database.verify().ok
    qtbot.waitUntil(lambda: window.log_view.model.rowCount() == rows_before + 1)

    # the view now says it was corrected, by whom and why, and leads to the correction
    qtbot.waitUntil(lambda: dialog.chain_label.isVisible())
    assert f"Corrected by No. {fixed.seq}" in dialog.chain_label.text()
    assert "rechecked 36.9" in dialog.chain_label.text()
    assert not dialog.correct_button.isVisible()  # correct the newest record, not this one
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.detail.passage.uuid == fixed.uuid)
    assert f"This record corrects No. {passage.seq}" in dialog.chain_label.text()
    assert cell(dialog, 1, PersonColumn.TEMPERATURE) == "36.9"
    assert dialog.correct_button.isVisible() and dialog.correct_button.isEnabled()


def test_an_operator_sees_the_details_but_cannot_correct(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    passage = car_with_a_fever(services)
    operator = services.writer.database.operators.ensure_operator("小王", Role.OPERATOR)
    services.auth.adopt(operator)
    dialog = open_from_log(qtbot, window, passage)
    assert dialog.persons_table.rowCount() == 3
    assert not dialog.correct_button.isVisible()
    assert dialog.open_correction() is None  # the rights decide, not the button

    def refusals() -> list[str]:
        entries = services.writer.database.audit.audit_entries()
        return [e.detail for e in entries if e.action is AuditAction.ACCESS_REFUSED]

    qtbot.waitUntil(lambda: bool(refusals()))  # written by the writer
    assert refusals()[-1].endswith("correct")


def test_a_double_click_in_tracing_shows_the_passage_unmasked_only_when_full_details_are_on(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    passage = car_with_a_fever(services)
    window.show_trace()
    trace = window.trace_view
    qtbot.keyClicks(trace.plate_edit, "A12345")  # the plate without its province is refused...
    trace.plate_edit.setText("湘A12345")  # (QTest types ASCII only)
    with qtbot.waitSignal(trace.results_ready, timeout=TIMEOUT):
        qtbot.keyClick(trace.plate_edit, Qt.Key.Key_Return)
    double_click_row(qtbot, trace.table, 0)
    qtbot.waitUntil(lambda: window.passage_dialog is not None)
    dialog = window.passage_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=TIMEOUT)
    assert dialog.passage_id == passage.uuid
    assert DRIVER_ID not in cell(dialog, 0, PersonColumn.ID_NUMBER)
    dialog.close()

    with qtbot.waitSignal(trace.unmasked_changed, timeout=TIMEOUT):
        trace.unmask_check.click()
        qtbot.waitUntil(lambda: trace.reason_dialog is not None)
        reason = trace.reason_dialog
        assert reason is not None
        qtbot.keyClicks(reason.reason_edit, "case 0715-07")
        qtbot.keyClick(reason.reason_edit, Qt.Key.Key_Return)
    double_click_row(qtbot, trace.table, 0)
    qtbot.waitUntil(lambda: window.passage_dialog is not None and window.passage_dialog.detail is not None)
    unmasked = window.passage_dialog
    assert unmasked is not None
    assert cell(unmasked, 0, PersonColumn.ID_NUMBER) == DRIVER_ID


def header_cut(table: QTableView) -> list[str]:
    """The headings wider than their column."""
    header = table.horizontalHeader()
    model = table.model()
    cut = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or column == model.columnCount() - 1:
            continue  # the last column stretches
        wanted = header.sectionSizeFromContents(column).width()
        if header.sectionSize(column) < wanted:
            cut.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
    return cut


def test_the_log_headings_fit_at_1366x768(qtbot: QtBot, window: MainWindow) -> None:
    """With the station's own style (big bold headings), as at the gate: "Direction", "Persons" and
    "Temperature" used to be cut."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, Theme.NIGHT)  # what the station runs with (test_kiosk leaves it so too)
    window.resize(1366, 768)
    window.show_log()
    assert header_cut(window.log_view.table) == []
    window.set_language("zh_CN")
    try:
        assert header_cut(window.log_view.table) == []
    finally:
        window.set_language("en")
