"""Residents' ID numbers and phones at rest: nowhere in the database file in plain text, yet the registry
reads back, a typed ID number finds its member through the keyed hash, ``verify`` needs no key, and an
edited or moved sealed value, keyed hash or mask is caught."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.domain.residents import ImportedRow
from checkpoint.domain.residents_import import parse_residents
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.errors import StorageError, StorageErrorKind
from checkpoint.storage.integrity import ChainProblem
from tests.unit.storage.storage_helpers import T0

HEADER = "户号,姓名,身份证号,手机号,与户主关系,状态"
ID_ZHANG = "11010519800101001" + resident_id_check_digit("11010519800101001")
ID_LI = "44030119990101123" + resident_id_check_digit("44030119990101123")
PHONE_ZHANG = "13812345678"
PHONE_LI = "13987654321"
SECRETS = (ID_ZHANG, ID_LI, PHONE_ZHANG, PHONE_LI, "198001010", "199901011")


def _rows(*lines: str) -> list[ImportedRow]:
    report = parse_residents("\n".join((HEADER, *lines)).encode(), today=T0.date())
    assert report.ok and not report.rejected, report.rejected
    return report.rows


@pytest.fixture
def registered(db: Database) -> Database:
    db.residents.store_import(
        _rows(
            f"3-2-501,张三,{ID_ZHANG.lower()},{PHONE_ZHANG},户主,正常",
            f"3-2-502,李四,{ID_LI},{PHONE_LI},户主,居家隔离",
        ),
        T0,
        None,
        source="住户.csv",
    )
    return db


def _raw(path: Path) -> Iterator[sqlite3.Connection]:
    raw = sqlite3.connect(path)
    try:
        yield raw
    finally:
        raw.close()


def _edit(path: Path, sql: str, *args: object) -> None:
    for raw in _raw(path):
        with raw:
            assert raw.execute(sql, args).rowcount == 1


def test_no_member_id_number_or_phone_in_any_column_or_in_the_file(
    registered: Database, db_path: Path
) -> None:
    registered.close()
    values: list[str] = []
    for raw in _raw(db_path):
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in raw.execute(f'SELECT * FROM "{table}"'):
                values.extend(str(v) for v in row)
        columns = {r[1] for r in raw.execute("PRAGMA table_info(resident)")}
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    text = "\n".join(values)
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    data = b"".join(f.read_bytes() for f in files if f.exists())
    for secret in SECRETS:
        assert secret not in text and secret.lower() not in text
        assert secret.encode() not in data
    assert not {"id_number", "phone", "id_key"} & columns
    # what is there instead: the masked forms, for display
    for number in (ID_ZHANG, ID_LI):
        assert f"{number[:4]}**********{number[-4:]}" in text
    assert "138****5678" in text and "139****4321" in text


def test_the_registry_reads_back_plain_and_a_typed_id_finds_its_member(registered: Database) -> None:
    _households, members = registered.residents.registry()
    assert [(m.name, m.id_number, m.phone) for m in members] == [
        ("张三", ID_ZHANG, PHONE_ZHANG),
        ("李四", ID_LI, PHONE_LI),
    ]
    full_width = ID_LI.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for typed in (ID_ZHANG.lower(), f" {ID_ZHANG[:6]} {ID_ZHANG[6:]} ", full_width):
        found = registered.residents.members_by_id(typed)
        assert [m.name for m in found] == (["李四"] if typed == full_width else ["张三"]), typed
    assert registered.residents.members_by_id("110105194912310021") == []
    assert registered.verify().ok


def test_the_search_key_is_the_keyed_hash_a_person_check_stores(registered: Database) -> None:
    """Residents and person checks share one keyed hash, and the look-up reads its index."""
    key = registered.residents.id_search_key(ID_ZHANG.lower())
    assert key == registered._pii.keyed_hash("id_number", ID_ZHANG) and len(key) == 32
    with registered._engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT id_number_hmac FROM resident ORDER BY seq").scalars()
        assert stored.all() == [key, registered._pii.keyed_hash("id_number", ID_LI)]
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT * FROM resident WHERE id_number_hmac = ?", (key,)
        ).all()
    assert "ix_resident_id_number_hmac" in " ".join(str(row) for row in plan)


def test_a_second_import_detects_duplicates_through_the_sealed_values(registered: Database) -> None:
    again = registered.residents.store_import(_rows(f"3-2-501,张叁,{ID_ZHANG},,,"), T0, None)
    assert [(line, old.name) for line, _row, old in again.conflicts] == [(2, "张三")]
    assert [m.name for m in registered.residents.registry()[1]] == ["张三", "李四"]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("id_number_sealed", "v1:" + "A" * 60),
        ("id_number_hmac", "0" * 32),
        ("id_number_masked", "1101**********9999"),
        ("phone_sealed", ""),
        ("phone_hmac", ""),
        ("phone_masked", "139****0000"),
    ],
)
def test_an_edited_sealed_hash_or_mask_column_breaks_verify(
    registered: Database, db_path: Path, column: str, value: str
) -> None:
    _edit(db_path, f"UPDATE resident SET {column} = ? WHERE name = '李四'", value)
    report = registered.verify()
    assert report.first_break is not None
    assert (report.first_break.kind, report.first_break.problem) == ("resident", ChainProblem.HASH_MISMATCH)


def test_a_ciphertext_moved_to_another_member_does_not_open(registered: Database, db_path: Path) -> None:
    _edit(
        db_path,
        "UPDATE resident SET id_number_sealed = "
        "(SELECT id_number_sealed FROM resident WHERE name = '张三') WHERE name = '李四'",
    )
    with pytest.raises(StorageError) as caught:
        registered.residents.registry()
    assert caught.value.kind is StorageErrorKind.CORRUPT and "does not open" in caught.value.detail
    assert ID_ZHANG not in caught.value.detail and ID_LI not in caught.value.detail


def test_verify_needs_no_key(registered: Database, db_path: Path) -> None:
    registered.close()
    for raw in _raw(db_path):
        with raw:
            raw.execute("DELETE FROM data_key")  # let the database accept another key
    other = open_database(f"sqlite:///{db_path}", data_key=bytes(32))
    try:
        assert other.verify().ok
        with pytest.raises(StorageError, match="does not open"):
            other.residents.registry()
        assert other.residents.members_by_id(ID_ZHANG) == []  # another key's hash finds nobody
    finally:
        other.close()
