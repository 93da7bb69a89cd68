"""verify(on_progress): a long verification says how far it got, can be stopped, and reads beside the
writer in its own transaction (what the GUI's File > Verify the database relies on)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from checkpoint.domain.records import PassageDraft
from checkpoint.storage.database import Database, open_database


class StopError(Exception):
    pass


def test_progress_is_reported_from_the_start_to_the_end(
    db: Database, draft: Callable[..., PassageDraft], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("checkpoint.storage.integrity._PROGRESS_EVERY", 4)
    db.passages.append_passages(draft(i) for i in range(10))
    seen: list[tuple[int, int]] = []
    report = db.verify(lambda checked, total: seen.append((checked, total)))
    assert report.ok and report.records_checked == 14  # station, gate, leader, shift and the passages
    assert seen == [(0, 14), (4, 14), (8, 14), (12, 14)]


def test_an_exception_from_the_progress_report_stops_the_walk(
    db: Database, draft: Callable[..., PassageDraft], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("checkpoint.storage.integrity._PROGRESS_EVERY", 4)
    db.passages.append_passages(draft(i) for i in range(10))
    seen: list[int] = []

    def stop_at_eight(checked: int, _total: int) -> None:
        seen.append(checked)
        if checked >= 8:
            raise StopError

    with pytest.raises(StopError):
        db.verify(stop_at_eight)
    assert seen == [0, 4, 8]
    assert db.verify().ok  # nothing was left open: the next check reads as always


def test_a_file_database_reads_beside_writes_and_sees_the_state_it_started_in(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    assert db.reads_beside_writes
    walking, written = threading.Event(), threading.Event()
    results: list[int] = []

    def held(checked: int, _total: int) -> None:
        if checked == 0:
            walking.set()
            assert written.wait(10)

    thread = threading.Thread(target=lambda: results.append(db.verify(held).records_checked))
    thread.start()
    assert walking.wait(10)
    db.passages.append_passage(draft(1))  # the writer is not held up by the walk's open read transaction
    written.set()
    thread.join(10)
    assert results == [4]  # station, gate, leader, shift: the passage came after the walk began
    assert db.verify().records_checked == 5


def test_an_in_memory_database_does_not_read_beside_writes() -> None:
    database = open_database("sqlite://")
    try:
        assert not database.reads_beside_writes
    finally:
        database.close()
