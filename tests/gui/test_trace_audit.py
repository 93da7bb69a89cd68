"""The tracing screen on a demo history (search, refusal, masked export, audited) and the audit trail."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from checkpoint.domain.masking import mask_name
from checkpoint.domain.records import AuditAction, Passage, Role
from checkpoint.station.audit_trail import AuditTrailService
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.messages import MessageBus
from checkpoint.station.tracing import TracingService
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database
from checkpoint.storage.passage_filter import PassageFilter
from checkpoint.ui.audit_view import AuditColumn, AuditView, may_view_audit
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.trace_view import TraceColumn, TraceView
from tests.station_clock import TickingClock

END = datetime.fromisoformat("2026-11-23T08:00:00+08:00")


@pytest.fixture()
def trace(qtbot: QtBot, writer: RecordWriter, languages: LanguageSwitcher, clock: TickingClock) -> TraceView:
    view = TraceView(TracingService(writer, clock=clock), MessageBus(), clock=clock)
    qtbot.addWidget(view)
    return view


def _vehicle_with_driver(database: Database) -> Passage:
    found = [p for p in database.passages.iter_passages(PassageFilter()) if p.vehicle and p.persons]
    return found[len(found) // 2]


def _shown(view: TraceView, column: TraceColumn) -> list[str]:
    model = view.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_a_plate_seen_in_the_history_is_found_and_exported_masked_and_audited(
    qtbot: QtBot, trace: TraceView, writer: RecordWriter, tmp_path: Path
) -> None:
    target = _vehicle_with_driver(writer.database)
    assert target.vehicle is not None
    plate = target.vehicle.plate
    expected = [
        p for p in writer.database.passages.iter_passages(PassageFilter(plate=plate)) if p.vehicle is not None
    ]
    trace.plate_edit.setText(f" {plate.lower()} ")  # typed loosely: normalised like the CLI
    with qtbot.waitSignal(trace.results_ready) as ready:
        trace.search_button.click()
    assert ready.args == [len(expected)]
    ModelTester(None).check(trace.model)
    assert set(_shown(trace, TraceColumn.PLATE)) == {plate}
    assert f"{target.at.astimezone():%Y-%m-%d %H:%M:%S}" in _shown(trace, TraceColumn.TIME)
    assert set(_shown(trace, TraceColumn.GATE)) == {"Gate 1"}
    driver = target.persons[0].name
    persons = " ".join(_shown(trace, TraceColumn.PERSONS))
    assert mask_name(driver) in persons and driver not in persons
    assert trace.export_button.isEnabled()
    assert "found" in trace.count_label.text()

    out = tmp_path / "out" / "trace.csv"
    out.parent.mkdir()
    with qtbot.waitSignal(trace.export_finished) as written:
        trace.export_to(out, "csv")
    assert written.args == [str(out)]
    text = out.read_text(encoding="utf-8-sig")
    assert plate in text and mask_name(driver) in text and driver not in text
    assert len(list(csv.reader(text.splitlines()))) > len(expected)  # a header and a row per person
    entries = [e for e in writer.database.audit.audit_entries() if e.action is AuditAction.EXPORT]
    assert entries and f"plate={plate}" in entries[-1].detail and str(out) in entries[-1].detail

    xlsx = tmp_path / "out" / "trace.xlsx"
    with qtbot.waitSignal(trace.export_finished):
        trace.export_to(xlsx, "xlsx")
    assert xlsx.stat().st_size > 0


def test_a_malformed_plate_or_no_criteria_is_refused_with_the_reason(qtbot: QtBot, trace: TraceView) -> None:
    with qtbot.waitSignal(trace.query_refused) as refused:
        trace.search_button.click()
    assert "at least one of plate" in refused.args[0]
    trace.plate_edit.setText("京I12345")
    with qtbot.waitSignal(trace.query_refused) as refused:
        trace.search_button.click()
    assert refused.args[0].startswith("Not a valid plate: 京I12345 (")
    assert trace.problem_label.text() == refused.args[0]
    trace.plate_edit.clear()
    trace.id_edit.setText("110101199003071234")
    with qtbot.waitSignal(trace.query_refused) as refused:
        trace.search_button.click()
    assert "Not a valid ID number" in refused.args[0]
    assert trace.model.rowCount() == 0 and not trace.export_button.isEnabled()


def test_a_window_that_ends_before_it_starts_is_refused(qtbot: QtBot, trace: TraceView) -> None:
    trace.name_edit.setText("张伟")
    trace.since_check.setChecked(True)
    trace.until_check.setChecked(True)
    trace.until_edit.setDateTime(trace.since_edit.dateTime().addSecs(-3600))
    with qtbot.waitSignal(trace.query_refused) as refused:
        trace.search_button.click()
    assert refused.args == ["The window's start must be before its end"]


def test_the_audit_trail_shows_entries_newest_first_and_filters(
    qtbot: QtBot, writer: RecordWriter, languages: LanguageSwitcher, clock: TickingClock
) -> None:
    database = writer.database
    leader = database.operators.ensure_operator("审计员", Role.ADMINISTRATOR)
    base = clock() - timedelta(days=3)
    database.audit.append_audit(AuditAction.RULES_CHANGED, "old rules", base, leader.id)
    database.audit.append_audit(
        AuditAction.CLOCK_WENT_BACK, "clock went back from A to B", base + timedelta(days=1)
    )
    database.audit.append_audit(AuditAction.RULES_CHANGED, "new rules", base + timedelta(days=2), leader.id)
    view = AuditView(AuditTrailService(writer), MessageBus(), clock=clock)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded) as loaded:
        view.refresh()
    total = loaded.args[0]
    assert total == len(database.audit.audit_entries())
    ModelTester(None).check(view.model)
    model = view.model
    seqs = [entry.seq for entry in model.entries]
    assert seqs == sorted(seqs, reverse=True)  # newest first
    top = model.entries[0]
    assert top.detail == "new rules"
    assert model.data(model.index(0, AuditColumn.ACTION)) == "Rules changed"
    assert model.data(model.index(0, AuditColumn.OPERATOR)) == "审计员"

    with qtbot.waitSignal(view.loaded) as loaded:
        view.set_action(AuditAction.RULES_CHANGED)
    assert [model.data(model.index(r, AuditColumn.DETAIL)) for r in range(model.rowCount())] == [
        "new rules",
        "old rules",
    ]
    assert view.count_label.text() == "2 entries"

    view.since_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int((base + timedelta(hours=12)).timestamp())))
    with qtbot.waitSignal(view.loaded):
        view.since_check.setChecked(True)
    assert [model.entries[r].detail for r in range(model.rowCount())] == ["new rules"]

    with qtbot.waitSignal(view.loaded):
        view.set_action(None)
    assert "clock went back from A to B" in [e.detail for e in model.entries]
    assert all(e.at >= base + timedelta(hours=12) - timedelta(minutes=1) for e in model.entries)


def test_the_window_offers_tracing_and_the_audit_trail_to_a_shift_leader(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.audit_view is not None  # the station's operator is a shift leader today
    window.trace_action.trigger()
    assert window.tabs.currentWidget() is window.trace_view
    with qtbot.waitSignal(window.audit_view.loaded) as loaded:
        window.audit_action.trigger()
    assert window.tabs.currentWidget() is window.audit_view
    actions = [e.action for e in window.audit_view.model.entries]
    assert loaded.args[0] >= 2 and AuditAction.SHIFT_OPENED in actions
    assert [window.tabs.tabText(i) for i in (2, 3)] == ["Tracing (F9)", "Audit trail (F10)"]


def test_only_shift_leaders_and_administrators_may_read_the_audit_trail() -> None:
    assert may_view_audit(Role.SHIFT_LEADER) and may_view_audit(Role.ADMINISTRATOR)
    assert not may_view_audit(Role.OPERATOR)


def test_the_audit_tab_reads_the_trail_when_it_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    view = window.audit_view
    assert view is not None
    with qtbot.waitSignal(view.loaded, timeout=5000) as loaded:
        window.tabs.setCurrentWidget(view)
    assert loaded.args[0] >= 1  # at least the database's creation and the shift's opening
