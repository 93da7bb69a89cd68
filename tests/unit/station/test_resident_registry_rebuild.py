"""The gate's residents registry is read again off the GUI thread: after an import (and when the minute's
check finds a change) the new registry is built on a thread of its own and swapped in on the GUI thread;
look-ups meanwhile answer from the registry as it was, and never wait for the read."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.domain.records import PersonCheck
from checkpoint.domain.residents import ResidentStatus
from checkpoint.domain.residents_import import parse_residents
from checkpoint.station.resident_registry import ResidentRegistry, read_snapshot
from checkpoint.station.residents import ResidentService
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.residents import KeyedRegistry, ResidentManager

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
TIMEOUT_MS = 5000
HEADER = "户号,姓名,身份证号,手机号,状态"


def id_number(serial: int) -> str:
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


def registry_file(*rows: str) -> bytes:
    return "\n".join((HEADER, *rows)).encode()


BEFORE = registry_file(f"5-1-302,李四,{id_number(1)},13800138000,正常", f"5-1-302,王五,{id_number(2)},,正常")


class SpiedRead:
    """``keyed_registry`` as it is, noting the thread each read runs on; armed, a read waits for the test
    (a registry of thousands of members takes that long)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.threads: list[str] = []
        self.held = False
        self.reading = threading.Event()
        self.go_on = threading.Event()
        real = ResidentManager.keyed_registry

        def spied(residents: ResidentManager) -> KeyedRegistry:
            self.threads.append(threading.current_thread().name)
            if self.held:
                self.reading.set()
                assert self.go_on.wait(10), "the test never let the read go on"
            return real(residents)

        monkeypatch.setattr(ResidentManager, "keyed_registry", spied)


@pytest.fixture()
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    db.residents.store_import(
        parse_residents(BEFORE, today=NOW.date()).rows, NOW - timedelta(days=1), None, "a.csv"
    )
    yield db
    db.close()


@pytest.fixture()
def writer(database: Database) -> Iterator[RecordWriter]:
    writer = RecordWriter(database)
    writer.start()
    yield writer
    writer.stop()


def import_file(qtbot: QtBot, service: ResidentService, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "住户.csv"
    path.write_bytes(data)
    report = service.read(path)
    assert report.importable
    assert service.store(report, None)


def test_after_an_import_the_new_registry_is_read_off_the_gui_thread_and_swapped_in(
    qtbot: QtBot, writer: RecordWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = SpiedRead(monkeypatch)
    registry = ResidentRegistry(writer.database, clock=lambda: NOW)
    service = ResidentService(writer, registry, clock=lambda: NOW)
    qtbot.waitUntil(lambda: not registry.rebuilding, timeout=TIMEOUT_MS)  # read before the first scan
    assert registry.find_by_id(id_number(1)) is not None
    spy.held = True
    imported: list[object] = []
    service.imported.connect(imported.append)
    after = registry_file(
        f"5-1-302,李四,{id_number(1)},13800138000,居家隔离",  # now in home quarantine
        f"5-1-302,王五,{id_number(2)},,正常",
        f"5-1-303,赵六,{id_number(3)},,正常",  # a new member
    )
    import_file(qtbot, service, tmp_path, after)
    qtbot.waitUntil(spy.reading.is_set, timeout=TIMEOUT_MS)  # stored; the new registry is being read
    # meanwhile the gate answers at once, from the registry as it was
    assert registry.rebuilding
    li_si = registry.find_by_id(id_number(1))
    assert li_si is not None and li_si.status is ResidentStatus.NORMAL
    assert registry.find_by_id(id_number(3)) is None
    match = registry.match(PersonCheck(name="王五", id_number=id_number(2)), at=NOW)
    assert match is not None and match.member is not None and match.member.name == "王五"
    assert not imported  # the session re-checks the person on screen only once the new registry is in
    with qtbot.waitSignal(service.imported, timeout=TIMEOUT_MS):
        spy.go_on.set()
    li_si = registry.find_by_id(id_number(1))
    assert li_si is not None and li_si.status is ResidentStatus.HOME_QUARANTINED
    zhao = registry.find_by_id(id_number(3).lower())
    assert zhao is not None and zhao.household == "5-1-303"
    assert spy.threads and threading.main_thread().name not in spy.threads
    assert set(spy.threads) == {"ResidentRegistry"}


def test_a_change_found_by_the_minutes_check_is_read_off_the_gui_thread(
    qtbot: QtBot, writer: RecordWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = SpiedRead(monkeypatch)
    now = [NOW]
    registry = ResidentRegistry(writer.database, clock=lambda: now[0])
    ResidentService(writer, registry, clock=lambda: now[0])
    qtbot.waitUntil(lambda: not registry.rebuilding, timeout=TIMEOUT_MS)
    # another station's import, straight into the database
    writer.database.residents.store_import(
        parse_residents(registry_file(f"7-1-101,孙七,{id_number(4)},,正常"), today=NOW.date()).rows,
        NOW,
        None,
        "b.csv",
    )
    spy.held = True
    now[0] = NOW + timedelta(minutes=1)
    person = PersonCheck(name="孙七", id_number=id_number(4))
    assert registry.match(person, at=now[0]) is not None  # answered at once ...
    assert registry.find_by_id(id_number(4)) is None  # ... from the registry as it was
    assert spy.reading.wait(10)
    spy.go_on.set()
    qtbot.waitUntil(lambda: registry.find_by_id(id_number(4)) is not None, timeout=TIMEOUT_MS)
    assert threading.main_thread().name not in spy.threads


def test_the_look_up_keys_are_the_stored_keyed_hashes(database: Database) -> None:
    snapshot = read_snapshot(database)
    assert sorted(snapshot.by_key) == sorted(database.residents.id_search_key(id_number(n)) for n in (1, 2))
    for key, member in snapshot.by_key.items():
        assert key == database.residents.id_search_key(member.id_number)
    assert [m.name for m in snapshot.by_household["5-1-302"]] == ["李四", "王五"]


def test_without_a_station_the_registry_is_read_where_it_is_asked(database: Database) -> None:
    registry = ResidentRegistry(database, clock=lambda: NOW)  # the command line, a Qt-free use
    assert set(registry.households) == {"5-1-302"}
    database.residents.store_import(
        parse_residents(registry_file(f"7-1-101,孙七,{id_number(4)},,正常"), today=NOW.date()).rows,
        NOW,
        None,
        "b.csv",
    )
    done: list[bool] = []
    registry.refresh(then=lambda: done.append(True))
    assert done == [True] and registry.find_by_id(id_number(4)) is not None
