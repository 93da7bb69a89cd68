"""Schema 0002 on a database written by 0001: upgraded in place, old hashes still verify, new fields stored.

The 0001 database is built the way 0001 wrote it: Alembic up to revision 0001, then rows inserted with raw
SQL and hashed over 0001's canonical form (spelled out here, independent of the code under test).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine

from checkpoint.domain.chain import GENESIS, chain_hash
from checkpoint.domain.records import CodeKind, PassageDraft, PersonCheck, PersonFlag, Role
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.engine import alembic_config, schema_head
from checkpoint.storage.integrity import ChainProblem
from checkpoint.storage.passage_filter import PassageFilter, filter_conditions
from tests.unit.storage.storage_helpers import T0, Post, make_draft

STATION = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000001")
GATE = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000002")
OPERATOR = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000003")
PASSAGE = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-000000000004")


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _stored(value: datetime) -> str:
    """How SQLAlchemy stores a UTC datetime in SQLite."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _build_0001(path: Path) -> str:
    """A 0001 database with a station, a gate, an operator and one two-person passage; returns its hash."""
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()

    now = T0 - timedelta(days=3)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("BEGIN")
    raw.execute(
        "INSERT INTO station (uuid, created_at, is_home) VALUES (?, ?, 1)", (str(STATION), _stored(now))
    )
    head, seq = GENESIS, 0

    def chained(table: str, kind: str, extra: dict[str, Any], fields: dict[str, Any]) -> str:
        nonlocal head, seq
        seq += 1
        record_uuid = str(extra.pop("uuid", uuid.uuid4()))
        common = {"uuid": record_uuid, "station_id": str(STATION), "seq": seq, "recorded_at": _iso(now)}
        digest = chain_hash(head, kind, {**common, **fields})
        row = {
            **extra,
            "uuid": record_uuid,
            "station_id": str(STATION),
            "seq": seq,
            "prev_hash": head,
            "hash": digest,
            "recorded_at": _stored(now),
        }
        raw.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        head = digest
        return digest

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
            "id_number": "",
            "phone": "",
            "code_text": "JKM:0123456789",
            "code_kind": "health-code",
            "code_colour": "green",
            "itinerary": "none",
            "test_age_days": None,
            "temperature": 36.5,
            "is_driver": False,
            "verified": [],
        }
        for i, name in enumerate(["赵一", "钱二"])
    ]
    digest = chained(
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
                "",
                "",
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
    raw.execute("INSERT INTO chain_head (station_id, seq, hash) VALUES (?, ?, ?)", (str(STATION), seq, head))
    raw.execute("COMMIT")
    raw.close()
    return digest


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    _build_0001(path)
    return path


def test_0001_database_upgrades_in_place_and_its_chain_stays_valid(old_db: Path) -> None:
    database = open_database(f"sqlite:///{old_db}")
    try:
        with database._engine.connect() as connection:
            assert (
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == schema_head()
            )
        assert database.station_id == STATION
        report = database.verify()
        assert report.ok, report
        assert report.records_checked == 4
        old = database.passages.passage(PASSAGE)
        assert old is not None
        assert [p.name for p in old.persons] == ["赵一", "钱二"]
        assert all(p.flags == () and p.pass_id == "" and p.attested_at is None for p in old.persons)

        # new records with the new fields join the same chain
        gate = database.gates.ensure_gate("老门岗", "compound-gate")
        shift = database.shifts.open_shift(gate.id, OPERATOR, T0, "夜班")
        post = Post(gate, database.operators.ensure_operator("李值班", Role.OPERATOR), shift)
        new_person = PersonCheck(
            name="孙三",
            id_number="11010519491231002X",
            attested_at=T0 + timedelta(minutes=1),
            flags=(PersonFlag.MANUAL_ID, PersonFlag.PLATFORM_DOWN),
            pass_id="slip-7",
            household="3-2-501",
        )
        sent = make_draft(post, 2, persons=(new_person,), vehicle=None, subject="pedestrian")
        stored = database.passages.append_passage(sent)
        assert stored.persons == (new_person,)
        database.passes.revoke_pass("slip-6", "lost", T0, OPERATOR)
        assert database.verify().ok
    finally:
        database.close()

    again = open_database(f"sqlite:///{old_db}")
    try:
        assert again.passages.passage(sent.uuid) == stored
        assert again.verify().ok
    finally:
        again.close()


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("flags", '["manual_id"]'),
        ("pass_id", "slip-1"),
        ("household", "1-1-101"),
        ("attested_at", "2026-11-19 08:00:00.000000"),
    ],
)
def test_giving_an_old_record_a_new_field_breaks_its_hash(old_db: Path, column: str, value: str) -> None:
    open_database(f"sqlite:///{old_db}").close()  # upgrade
    with sqlite3.connect(old_db) as raw:
        raw.execute(f"UPDATE person_check SET {column} = ? WHERE position = 1", (value,))
    raw.close()
    database = open_database(f"sqlite:///{old_db}")
    try:
        brk = database.verify().first_break
        assert brk is not None
        assert (brk.uuid, brk.problem) == (str(PASSAGE), ChainProblem.HASH_MISMATCH)
    finally:
        database.close()


@pytest.mark.parametrize(
    ("column", "value"),
    [("flags", "[]"), ("pass_id", ""), ("household", ""), ("attested_at", None), ("flags", '["no_phone"]')],
)
def test_clearing_or_changing_a_new_field_breaks_the_hash(
    db: Database, db_path: Path, draft: Callable[..., PassageDraft], column: str, value: str | None
) -> None:
    person = PersonCheck(
        name="周四",
        code_kind=CodeKind.STATION_PASS,
        attested_at=T0,
        flags=(PersonFlag.MANUAL_ID,),
        pass_id="slip-9",
        household="9-9-909",
    )
    stored = db.passages.append_passage(draft(1, persons=(person,)))
    db.close()
    with sqlite3.connect(db_path) as raw:
        assert (
            raw.execute(
                f"UPDATE person_check SET {column} = ? WHERE passage_uuid = ?", (value, str(stored.uuid))
            ).rowcount
            == 1
        )
    raw.close()
    database = open_database(f"sqlite:///{db_path}")
    try:
        brk = database.verify().first_break
        assert brk is not None
        assert (brk.uuid, brk.problem) == (str(stored.uuid), ChainProblem.HASH_MISMATCH)
    finally:
        database.close()


def test_flagged_filter_finds_degraded_mode_checks_through_its_index(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    plain = [db.passages.append_passage(draft(i)) for i in range(5)]
    typed = PersonCheck(name="吴五", id_number="11010519491231002X", flags=(PersonFlag.MANUAL_ID,))
    no_phone = PersonCheck(name="郑六", flags=(PersonFlag.NO_PHONE,))
    flagged = [
        db.passages.append_passage(draft(10, persons=(PersonCheck(name="甲"), typed))),
        db.passages.append_passage(draft(11, persons=(no_phone,))),
    ]
    keys = db.passages.passage_keys(PassageFilter(flagged=True))
    assert keys == [flagged[1].seq, flagged[0].seq]
    assert db.passages.count_passages(PassageFilter(flagged=True, since=T0 + timedelta(minutes=11))) == 1
    assert db.passages.count_passages(PassageFilter()) == len(plain) + 2
    found = db.passages.fetch_passages(keys)
    assert found[1].persons[1].flags == (PersonFlag.MANUAL_ID,)

    query = filter_conditions(db, PassageFilter(flagged=True))[-1]
    with db._engine.connect() as connection:
        compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN SELECT 1 FROM passage WHERE {compiled}").all()
    assert "ix_person_check_flagged" in " ".join(str(row) for row in plan)
