"""Tracing with full details: a leader's unmasked query is audited before it is shown, exported unmasked,
and falls back to masked when the leader's rights expire; an operator is refused."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from checkpoint.domain.masking import mask_id_number, mask_name
from checkpoint.domain.records import AuditAction, Operator, Passage, Role
from checkpoint.station.auth import AuthService
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.messages import MessageBus
from checkpoint.station.tracing import TracingService
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.passage_filter import PassageFilter
from checkpoint.ui.trace_view import TraceColumn, TraceView
from tests.station_clock import TickingClock

END = datetime.fromisoformat("2026-11-23T08:00:00+08:00")


@pytest.fixture()
def auth(writer: RecordWriter, clock: TickingClock) -> AuthService:
    return AuthService(writer, idle_minutes=1, clock=clock)


@pytest.fixture()
def leader(writer: RecordWriter, auth: AuthService) -> Operator:
    operator = writer.database.operators.ensure_operator("带班王", Role.SHIFT_LEADER)
    auth.adopt(operator)
    return operator


@pytest.fixture()
def trace(
    qtbot: QtBot, writer: RecordWriter, auth: AuthService, languages: LanguageSwitcher, clock: TickingClock
) -> TraceView:
    view = TraceView(TracingService(writer, clock=clock), MessageBus(), clock=clock, auth=auth)
    qtbot.addWidget(view)
    return view


def _traced(writer: RecordWriter) -> Passage:
    """A vehicle whose driver gave an ID number."""
    found = [
        p
        for p in writer.database.passages.iter_passages(PassageFilter())
        if p.vehicle and p.persons and p.persons[0].id_number and len(p.persons[0].name) > 1
    ]
    return found[len(found) // 2]


def _persons(view: TraceView) -> str:
    model = view.model
    return " ".join(model.data(model.index(r, TraceColumn.PERSONS)) for r in range(model.rowCount()))


def _exports(writer: RecordWriter) -> list[tuple[str, object]]:
    return [
        (e.detail, e.operator_id)
        for e in writer.database.audit.audit_entries()
        if e.action is AuditAction.EXPORT
    ]


CASE = "case 2026-1123-07"


def _give_reason(qtbot: QtBot, trace: TraceView, reason: str = CASE) -> None:
    """The leader types the case number into the question full details ask, and presses Enter."""
    qtbot.waitUntil(lambda: trace.reason_dialog is not None and trace.reason_dialog.isVisible())
    dialog = trace.reason_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason_edit, reason)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)


def _search_plate(qtbot: QtBot, trace: TraceView, plate: str) -> None:
    trace.plate_edit.setText(plate)
    with qtbot.waitSignal(trace.results_ready, timeout=5000):
        trace.search_button.click()


def test_full_details_show_the_whole_id_for_a_leader_after_the_audit_entry_is_written(
    qtbot: QtBot, trace: TraceView, writer: RecordWriter, leader: Operator, tmp_path: Path
) -> None:
    target = _traced(writer)
    assert target.vehicle is not None
    plate, driver = target.vehicle.plate, target.persons[0]
    _search_plate(qtbot, trace, plate)
    shown = _persons(trace)
    assert mask_id_number(driver.id_number) in shown and driver.id_number not in shown
    assert not trace.unmask_label.isVisible()
    assert _exports(writer) == []  # a masked search shows nothing the log does not: not audited

    at_show: list[list[tuple[str, object]]] = []
    trace.unmasked_changed.connect(lambda _on: at_show.append(_exports(writer)))
    assert trace.unmask_check.isEnabled()
    with qtbot.waitSignal(trace.unmasked_changed, timeout=5000) as changed:
        trace.unmask_check.click()
        _give_reason(qtbot, trace)
    assert changed.args == [True]
    shown = _persons(trace)
    assert driver.id_number in shown and driver.name in shown
    assert trace.unmasked and trace.unmask_label.text().endswith(f"asked by 带班王 for: {CASE}")
    # the audit entry was there when the full data reached the screen
    assert len(at_show[0]) == 1
    detail, who = at_show[0][0]
    assert detail.startswith(f"trace plate={plate} passages=") and detail.endswith(
        f"UNMASKED by 带班王 (shift_leader) for: {CASE}"
    )
    assert who == leader.id

    out = tmp_path / "trace.csv"
    with qtbot.waitSignal(trace.export_finished, timeout=5000):
        trace.export_to(out, "csv")
    text = out.read_text(encoding="utf-8-sig")
    assert driver.id_number in text and driver.name in text
    detail, who = _exports(writer)[-1]
    assert str(out) in detail and detail.endswith(f"(shift_leader) for: {CASE}") and who == leader.id

    with qtbot.waitSignal(trace.unmasked_changed) as changed:
        trace.unmask_check.click()  # off again
    assert changed.args == [False]
    assert driver.id_number not in _persons(trace)
    masked_out = tmp_path / "masked.csv"
    with qtbot.waitSignal(trace.export_finished, timeout=5000):
        trace.export_to(masked_out, "csv")
    text = masked_out.read_text(encoding="utf-8-sig")
    assert driver.id_number not in text and mask_name(driver.name) in text
    assert _exports(writer)[-1][0].endswith(" masked")


def test_full_details_fall_back_to_masked_when_the_leaders_session_expires(
    qtbot: QtBot,
    trace: TraceView,
    writer: RecordWriter,
    auth: AuthService,
    leader: Operator,
    clock: TickingClock,
) -> None:
    target = _traced(writer)
    assert target.vehicle is not None
    trace.unmask_check.click()  # on before any search: the first search is unmasked (and audited)
    _give_reason(qtbot, trace)
    assert _exports(writer) == []
    with qtbot.waitSignal(trace.unmasked_changed, timeout=5000):
        _search_plate(qtbot, trace, target.vehicle.plate)
    assert target.persons[0].id_number in _persons(trace)

    clock.advance(timedelta(minutes=2))
    with qtbot.waitSignal(trace.unmasked_changed) as changed:
        auth.check_idle()
    assert changed.args == [False]
    assert auth.expired_elevation
    assert target.persons[0].id_number not in _persons(trace)
    assert not trace.unmask_check.isChecked() and not trace.unmask_check.isEnabled()
    assert not trace.unmask_label.isVisible() and not trace.unmasked
    assert len(_exports(writer)) == 1  # only the leader's one unmasked search


@pytest.mark.expected_log  # the refusal is a warning
def test_an_operator_asking_for_full_details_is_refused_and_the_refusal_audited(
    qtbot: QtBot, trace: TraceView, writer: RecordWriter, auth: AuthService
) -> None:
    operator = writer.database.operators.ensure_operator("小王", Role.OPERATOR)
    auth.adopt(operator)
    assert not trace.unmask_check.isEnabled()
    trace.unmask_check.setEnabled(True)  # even if the toggle were reached, the rights decide
    trace.unmask_check.click()
    assert not trace.unmask_check.isChecked() and not trace.unmasked
    qtbot.waitUntil(lambda: writer.pending == 0)
    refusals = [
        e.detail for e in writer.database.audit.audit_entries() if e.action is AuditAction.ACCESS_REFUSED
    ]
    assert refusals == ["小王 (operator): unmask"]


def test_full_details_need_a_case_number_or_reason(
    qtbot: QtBot, trace: TraceView, writer: RecordWriter, leader: Operator
) -> None:
    """Ticking "Show full details" asked for nothing: now it asks which case, and without one (Esc, or
    nothing typed) the persons stay masked and nothing is audited."""
    target = _traced(writer)
    assert target.vehicle is not None
    _search_plate(qtbot, trace, target.vehicle.plate)
    trace.unmask_check.click()
    qtbot.waitUntil(lambda: trace.reason_dialog is not None and trace.reason_dialog.isVisible())
    dialog = trace.reason_dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()  # nothing typed: no OK
    qtbot.keyClicks(dialog.reason_edit, "x")
    assert not dialog.ok_button.isEnabled()  # a key is no reason
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: trace.reason_dialog is None)
    assert not trace.unmask_check.isChecked() and not trace.unmasked
    assert target.persons[0].id_number not in _persons(trace)
    assert _exports(writer) == []

    with qtbot.waitSignal(trace.unmasked_changed, timeout=5000):
        trace.unmask_check.click()
        _give_reason(qtbot, trace, "health commission 0715")
    assert target.persons[0].id_number in _persons(trace)
    assert _exports(writer)[-1][0].endswith("for: health commission 0715")
