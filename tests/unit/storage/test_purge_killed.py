"""A purge killed midway (SIGKILL, a real process) leaves nothing, or whole purged days that verify and
an audited start; running it again finishes the job."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from checkpoint.domain.records import AuditAction
from checkpoint.station.demo import fill_demo_history
from checkpoint.storage.database import open_database
from checkpoint.storage.passage_filter import PassageFilter

CHILD = Path(__file__).with_name("purge_child.py")
END = datetime(2031, 7, 14, 12, 0, tzinfo=UTC)
BEFORE = END - timedelta(days=1)  # the history's first two days go


def _state(url: str) -> tuple[int, list[AuditAction], int]:
    """Passages left, the purge-related audit actions in order, and purge records; verify must pass."""
    database = open_database(url)
    try:
        report = database.verify()
        assert report.ok, (report.first_break, report.search_index)
        actions: list[AuditAction] = [
            e.action
            for e in database.audit.audit_entries()
            if e.action in (AuditAction.PURGE_STARTED, AuditAction.PURGE)
        ]
        return database.passages.count_passages(PassageFilter()), actions, report.purged
    finally:
        database.close()


def _purge_and_kill(url: str, stop_in_day: int) -> None:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), url, BEFORE.isoformat(), str(stop_in_day)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == f"inside {stop_in_day}", (line, child.stderr.read() if child.stderr else "")
        child.kill()
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert child.returncode == -9


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    database = open_database(url, clock=lambda: END)
    try:
        fill_demo_history(database, days=3, end=END, scale=0.05)
    finally:
        database.close()
    return url


def test_a_purge_killed_in_its_first_day_leaves_nothing(url: str) -> None:
    before = _state(url)
    _purge_and_kill(url, stop_in_day=1)
    assert _state(url) == before == (before[0], [], 0)


def test_a_purge_killed_in_a_later_day_leaves_whole_days_an_audited_start_and_a_chain_that_verifies(
    url: str,
) -> None:
    passages, _, _ = _state(url)
    _purge_and_kill(url, stop_in_day=2)
    left, actions, purged = _state(url)
    assert 0 < purged == passages - left
    assert actions == [AuditAction.PURGE_STARTED]  # started, never finished: the trail says so

    again = [sys.executable, str(CHILD), url, BEFORE.isoformat(), "0"]
    done = subprocess.run(again, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "done", done.stderr
    left_after, actions, purged_after = _state(url)
    assert left_after < left and purged_after == passages - left_after
    assert actions == [AuditAction.PURGE_STARTED, AuditAction.PURGE_STARTED, AuditAction.PURGE]
