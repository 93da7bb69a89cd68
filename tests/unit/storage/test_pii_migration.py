"""Schema 0006 on a database written by 0003 with plain ID numbers and phones: the first open with the key
seals them (audited), the plain text is gone from the file, old hashes still verify, tracing still finds.

The 0003 database is built the way 0003 wrote it: Alembic up to revision 0003, then rows inserted with raw
SQL and hashed over 0003's canonical form (spelled out here, independent of the code under test).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine

from checkpoint.domain.chain import GENESIS, chain_hash
from checkpoint.domain.records import AuditAction
from checkpoint.storage.database import open_database
from checkpoint.storage.engine import alembic_config
from checkpoint.storage.errors import StorageError
from checkpoint.storage.integrity import ChainProblem
from checkpoint.storage.keys import data_key_path
from checkpoint.storage.passage_filter import PassageFilter
from tests.unit.storage.storage_helpers import T0

STATION = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000101")
GATE = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000102")
OPERATOR = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000103")
PASSAGE = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000104")
ENTRY = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000105")
ID_NUMBER = "44030119990101123X"
PHONE = "13912345678"
WATCHED_ID = "110105194912310021"
WATCHED_PHONE = "13600001111"


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _stored(value: datetime) -> str:
    """How SQLAlchemy stores a UTC datetime in SQLite."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _build_0003(path: Path) -> None:
    """A 0003 database: station, audit, gate, operator, a passage of two people (one with ID number and
    phone) and a watchlist entry with ID number and phone, all in plain text as 0003 stored them."""
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    engine.dispose()

    now = T0 - timedelta(days=3)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("BEGIN")
    raw.execute(
        "INSERT INTO station (uuid, created_at, is_home) VALUES (?, ?, 1)", (str(STATION), _stored(now))
    )
    head, seq = GENESIS, 0

    def chained(table: str, kind: str, extra: dict[str, Any], fields: dict[str, Any]) -> None:
        nonlocal head, seq
        seq += 1
        record_uuid = str(extra.pop("uuid", uuid.uuid4()))
        common = {"uuid": record_uuid, "station_id": str(STATION), "seq": seq, "recorded_at": _iso(now)}
        digest = chain_hash(head, kind, {**common, **fields})
        row = {**extra, **{k: v for k, v in common.items() if k != "recorded_at"}}
        row.update(prev_hash=head, hash=digest, recorded_at=_stored(now))
        raw.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        head = digest

    audit = {"at": _stored(now), "action": "database_created", "operator_id": None, "detail": "old"}
    chained("audit", "audit", dict(audit), {**audit, "at": _iso(now)})
    gate = {"name": "老门岗", "profile": "compound-gate"}
    chained("gate", "gate", {**gate, "uuid": GATE}, gate)
    operator = {"name": "李值班", "role": "operator"}
    chained("operator", "operator", {**operator, "uuid": OPERATOR}, operator)
    passage = {
        "at": now,
        "direction": "out",
        "subject": "pedestrian",
        "outcome": "pass",
        "gate_id": str(GATE),
        "operator_id": str(OPERATOR),
        "shift_id": None,
        "rules_version": "compound-gate@1",
        "note": "",
        "corrects": None,
        "correction_reason": "",
    }
    persons: list[dict[str, Any]] = [
        {
            "position": i,
            "name": name,
            "id_number": id_number,
            "phone": phone,
            "code_text": "JKM:0123456789",
            "code_kind": "health-code",
            "code_colour": "green",
            "itinerary": "none",
            "test_age_days": None,
            "temperature": 36.5,
            "is_driver": False,
            "verified": [],
        }
        for i, (name, id_number, phone) in enumerate([("赵一", ID_NUMBER, PHONE), ("钱二", "", "")])
    ]
    chained(
        "passage",
        "passage",
        {**passage, "uuid": PASSAGE, "at": _stored(now), "reasons": "[]"},
        {**passage, "at": _iso(now), "reasons": [], "persons": persons, "vehicle": None},
    )
    for person in persons:
        raw.execute(
            "INSERT INTO person_check (passage_uuid, position, name, id_number, phone, code_text, code_kind,"
            " code_colour, itinerary, test_age_days, temperature, verified, is_driver)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(PASSAGE),
                person["position"],
                person["name"],
                person["id_number"],
                person["phone"],
                person["code_text"],
                "health-code",
                "green",
                "none",
                None,
                36.5,
                json.dumps([]),
                False,
            ),
        )
    entry = {
        "kind": "home_quarantine",
        "action": "block",
        "name": "李四",
        "id_number": WATCHED_ID,
        "phone": WATCHED_PHONE,
        "plate": "",
        "reason": "居家隔离",
        "valid_from": None,
        "valid_until": None,
        "source": "street.csv",
        "operator_id": str(OPERATOR),
    }
    chained("watchlist_entry", "watchlist_entry", {**entry, "uuid": ENTRY}, entry)
    raw.execute("INSERT INTO chain_head (station_id, seq, hash) VALUES (?, ?, ?)", (str(STATION), seq, head))
    raw.execute("COMMIT")
    raw.close()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    _build_0003(path)
    with sqlite3.connect(path) as raw:  # the premise: the plain values are there
        assert raw.execute(
            "SELECT count(*) FROM person_check WHERE id_number = ?", (ID_NUMBER,)
        ).fetchone() == (1,)
    raw.close()
    return path


def _file_bytes(path: Path) -> bytes:
    files = [path, path.with_name(path.name + "-wal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


@pytest.mark.expected_log  # sealing an old database's personal data is a warning
def test_plain_values_are_sealed_on_open_and_the_old_chain_still_verifies(old_db: Path) -> None:
    database = open_database(f"sqlite:///{old_db}")
    try:
        report = database.verify()
        assert report.ok, report
        assert report.records_checked == 6  # five old records and the sealing's audit entry
        [sealing] = [e for e in database.audit.audit_entries() if e.action is AuditAction.DATA_SEALED]
        assert sealing.detail.startswith("2 person checks, 1 watchlist entries")  # names too since 0012
        old = database.passages.passage(PASSAGE)
        assert old is not None
        assert [(p.id_number, p.phone) for p in old.persons] == [(ID_NUMBER, PHONE), ("", "")]
        assert database.passages.passage_keys(PassageFilter(id_number=ID_NUMBER.lower())) == [old.seq]
        assert database.passages.passage_keys(PassageFilter(phone=PHONE)) == [old.seq]
        assert database.passages.passage_keys(PassageFilter(name="趙 一")) == [old.seq]
        [entry] = database.watchlists.watchlist_entries(T0)
        assert (entry.id, entry.id_number, entry.phone) == (ENTRY, WATCHED_ID, WATCHED_PHONE)
    finally:
        database.close()
    data = _file_bytes(old_db)
    for secret in (ID_NUMBER, PHONE, WATCHED_ID, WATCHED_PHONE, "赵一", "钱二", "李四", "JKM:0123456789"):
        assert secret.encode() not in data, secret

    again = open_database(f"sqlite:///{old_db}")  # sealing happens once
    try:
        assert [e.action for e in again.audit.audit_entries()].count(AuditAction.DATA_SEALED) == 1
        assert again.verify().ok
    finally:
        again.close()


@pytest.mark.expected_log  # sealing an old database's personal data is a warning
def test_an_old_rows_keyed_hash_edited_after_sealing_is_caught(old_db: Path) -> None:
    """Its keyed hash came after its chain hash, so verify checks it against the opened plain value."""
    open_database(f"sqlite:///{old_db}").close()
    with sqlite3.connect(old_db) as raw:
        raw.execute("UPDATE person_check SET id_number_hmac = ? WHERE id_number_sealed <> ''", ("0" * 32,))
    raw.close()
    database = open_database(f"sqlite:///{old_db}")
    try:
        report = database.verify()
        assert report.first_break is not None
        assert (report.first_break.uuid, report.first_break.problem) == (
            str(PASSAGE),
            ChainProblem.HASH_MISMATCH,
        )
    finally:
        database.close()


@pytest.mark.expected_log  # sealing an old database's personal data is a warning
def test_an_old_database_sealed_with_a_key_needs_that_key(old_db: Path) -> None:
    open_database(f"sqlite:///{old_db}").close()
    data_key_path().unlink()
    with pytest.raises(StorageError, match="data key is missing"):
        open_database(f"sqlite:///{old_db}")


@pytest.mark.expected_log  # an old file is tightened and sealed; opening without the data key warns
def test_without_the_key_verify_checks_the_links_and_counts_what_it_could_not_open(old_db: Path) -> None:
    open_database(f"sqlite:///{old_db}").close()  # sealed on open, as the station does
    data_key_path().unlink()
    with pytest.raises(StorageError):
        open_database(f"sqlite:///{old_db}")
    database = open_database(f"sqlite:///{old_db}", need_data_key=False)
    try:
        assert database.data_key_missing and "data key is missing" in database.data_key_problem
        report = database.verify()
        assert report.ok and not report.data_key
        assert report.records_checked == 6
        assert report.unchecked_without_key == 2  # the plain-era passage and watchlist entry
    finally:
        database.close()
    assert not data_key_path().exists()
