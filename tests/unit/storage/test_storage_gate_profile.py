"""Switching a gate's profile: an appended, chained, audited record; the gate row is never edited.

A gate reads back with the profile of its latest switch (``gates()``, ``ensure_gate``), asking for the
profile it already has appends nothing, ``verify()`` catches an edited, removed or forged switch, and a
database of schema 0002 upgrades in place and keeps verifying.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from checkpoint.domain.chain import chain_hash
from checkpoint.domain.records import AuditAction, CodeColour, Gate, PersonCheck, Role
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.engine import alembic_config, schema_head
from checkpoint.storage.errors import InvalidRecordError
from checkpoint.storage.integrity import ChainProblem, VerifyReport
from tests.unit.storage.storage_helpers import T0, Post, make_draft

GATE_NAME = "G15 东出口"


def _switches(db: Database) -> list[str]:
    return [e.detail for e in db.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED]


def _reverify(path: Path) -> VerifyReport:
    database = open_database(f"sqlite:///{path}")
    try:
        return database.verify()
    finally:
        database.close()


def test_a_switch_is_what_the_gate_reads_back_everywhere(db: Database, db_path: Path, post: Post) -> None:
    switched = db.gates.set_gate_profile(post.gate.id, "compound-gate", T0, post.leader.id)
    assert switched == Gate(post.gate.id, db.station_id, GATE_NAME, "compound-gate")
    assert [g.profile for g in db.gates.all()] == ["compound-gate"]
    # the profile a caller offers does not change an existing gate: switching is recorded, not implied
    assert db.gates.ensure_gate(GATE_NAME, "highway-exit").profile == "compound-gate"
    assert _switches(db) == [f"gate {GATE_NAME}: profile highway-exit -> compound-gate"]
    audit = next(e for e in db.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED)
    assert (audit.at, audit.operator_id) == (T0, post.leader.id)
    db.close()

    again = open_database(f"sqlite:///{db_path}")
    try:
        assert again.gates.ensure_gate(GATE_NAME, "highway-exit").profile == "compound-gate"
        with sqlite3.connect(db_path) as raw:  # the gate row still names the profile it was first given
            assert raw.execute("SELECT profile FROM gate").fetchall() == [("highway-exit",)]
        raw.close()
    finally:
        again.close()


def test_the_same_profile_again_appends_nothing(db: Database, post: Post) -> None:
    db.gates.set_gate_profile(post.gate.id, "compound-gate", T0, post.leader.id)
    count = db.verify().records_checked
    for _ in range(2):
        assert db.gates.set_gate_profile(post.gate.id, " compound-gate ", T0, None).profile == "compound-gate"
    assert db.verify().records_checked == count
    assert len(_switches(db)) == 1


def test_switching_back_and_forth_keeps_the_latest(db: Database, post: Post) -> None:
    other = db.gates.ensure_gate("G15 西入口", "compound-gate")
    for minutes, profile in enumerate(["compound-gate", "highway-exit", "compound-gate", "highway-exit"]):
        db.gates.set_gate_profile(post.gate.id, profile, T0 + timedelta(minutes=minutes), None)
    db.gates.set_gate_profile(other.id, "market-gate", T0, None)
    assert [(g.name, g.profile) for g in db.gates.all()] == [
        (GATE_NAME, "highway-exit"),
        ("G15 西入口", "market-gate"),
    ]
    assert _switches(db)[-2:] == [
        f"gate {GATE_NAME}: profile compound-gate -> highway-exit",
        "gate G15 西入口: profile compound-gate -> market-gate",
    ]
    assert db.verify().ok


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"gate_id": uuid.uuid4()}, "no gate"),
        ({"profile": "  "}, "needs a name"),
        ({"profile": 7}, "must be text"),
        ({"at": datetime(2026, 11, 22, 8, 0)}, "timezone-aware"),
        ({"operator_id": uuid.uuid4()}, "no operator"),
    ],
)
def test_bad_switches_are_refused_and_change_nothing(
    db: Database, post: Post, change: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {
        "gate_id": post.gate.id,
        "profile": "compound-gate",
        "at": T0,
        "operator_id": post.leader.id,
    }
    arguments.update(change)
    count = db.verify().records_checked
    with pytest.raises(InvalidRecordError, match=message):
        db.gates.set_gate_profile(**arguments)  # type: ignore[arg-type]
    assert db.verify().records_checked == count
    assert db.gates.all()[0].profile == "highway-exit"


def test_another_stations_gate_cannot_be_switched(db: Database, db_path: Path, post: Post) -> None:
    db.close()
    other = open_database(f"sqlite:///{db_path}", station_id=uuid.uuid4())
    try:
        with pytest.raises(InvalidRecordError, match="no gate"):
            other.gates.set_gate_profile(post.gate.id, "compound-gate", T0, None)
    finally:
        other.close()


# --- verify() covers the switches ------------------------------------------------------------------------


@pytest.fixture
def switched(db: Database, db_path: Path, post: Post) -> str:
    """A passage, a switch (and its audit), a passage; closed. Returns the switch record's uuid."""
    db.passages.append_passage(make_draft(post, 1))
    db.gates.set_gate_profile(post.gate.id, "compound-gate", T0 + timedelta(minutes=2), post.leader.id)
    db.passages.append_passage(make_draft(post, 3, rules_version="compound-gate@1"))
    assert db.verify().ok
    db.close()
    with sqlite3.connect(db_path) as raw:
        found: str = raw.execute("SELECT uuid FROM gate_profile").fetchone()[0]
    raw.close()
    return found


def test_untouched_switch_verifies(db_path: Path, switched: str) -> None:
    report = _reverify(db_path)
    assert report.ok, report
    # audit, gate, operator, shift; passage; switch + audit; passage
    assert report.records_checked == 4 + 1 + 2 + 1


@pytest.mark.parametrize(
    "change",
    ["profile = 'highway-exit'", "at = '2030-01-01 00:00:00.000000'", "operator_id = NULL"],
)
def test_an_edited_switch_is_named(db_path: Path, switched: str, change: str) -> None:
    with sqlite3.connect(db_path) as raw:
        assert raw.execute(f"UPDATE gate_profile SET {change}").rowcount == 1
    raw.close()
    brk = _reverify(db_path).first_break
    assert brk is not None
    assert (brk.kind, brk.uuid, brk.problem) == ("gate_profile", switched, ChainProblem.HASH_MISMATCH)


def test_a_removed_switch_is_a_gap(db_path: Path, switched: str) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    seq = raw.execute("SELECT seq FROM gate_profile").fetchone()[0]
    raw.execute("DELETE FROM gate_profile")
    raw.close()
    brk = _reverify(db_path).first_break
    assert brk is not None
    assert (brk.seq, brk.uuid, brk.problem) == (seq, None, ChainProblem.SEQ_GAP)


def test_a_forged_switch_at_the_end_is_caught(db_path: Path, switched: str) -> None:
    # Switch the gate behind the station's back: a copy linked to the last record with a proper hash.
    raw = sqlite3.connect(db_path, isolation_level=None)
    columns = [r[1] for r in raw.execute("PRAGMA table_info(gate_profile)") if r[1] != "id"]
    values = dict(
        zip(columns, raw.execute(f"SELECT {', '.join(columns)} FROM gate_profile").fetchone(), strict=True)
    )
    head_seq, head_hash = raw.execute("SELECT seq, hash FROM chain_head").fetchone()
    values.update(
        uuid=str(uuid.uuid4()),
        profile="highway-exit",
        seq=head_seq + 1,
        prev_hash=head_hash,
        hash=chain_hash(head_hash, "gate_profile", {}),
    )
    raw.execute(
        f"INSERT INTO gate_profile ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    raw.close()
    brk = _reverify(db_path).first_break
    assert brk is not None
    assert (brk.seq, brk.kind, brk.uuid, brk.problem) == (
        head_seq + 1,
        "gate_profile",
        values["uuid"],
        ChainProblem.LINK_MISMATCH,
    )


# --- a 0002 database ---------------------------------------------------------------------------------------


def test_a_0002_database_upgrades_in_place_and_keeps_verifying(tmp_path: Path) -> None:
    # Records of every kind 0002 knows (written the same way at 0002), then the schema taken back to 0002.
    path = tmp_path / "old.sqlite3"
    old = open_database(f"sqlite:///{path}")
    gate = old.gates.ensure_gate("老门岗", "compound-gate")
    leader = old.operators.ensure_operator("李值班", Role.SHIFT_LEADER)
    shift = old.shifts.open_shift(gate.id, leader.id, T0, "夜班")
    # no ID number or phone: sealed personal data cannot be taken back below 0006 without the key
    anonymous = (PersonCheck(name="张伟", code_colour=CodeColour.GREEN, temperature=36.6, is_driver=True),)
    old.passages.append_passage(make_draft(Post(gate, leader, shift), 1, persons=anonymous))
    old.close()
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002",)]
        assert "gate_profile" not in {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
    raw.close()

    database = open_database(f"sqlite:///{path}")
    try:
        with database._engine.connect() as connection:
            assert (
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == schema_head()
            )
        report = database.verify()
        assert report.ok, report
        assert report.records_checked == 5
        assert database.gates.all()[0].profile == "compound-gate"
        database.gates.set_gate_profile(gate.id, "highway-exit", T0 + timedelta(hours=1), leader.id)
        assert database.gates.ensure_gate("老门岗", "compound-gate").profile == "highway-exit"
        assert database.verify().ok
    finally:
        database.close()


def test_reading_a_gate_uses_the_switch_index(db: Database, post: Post) -> None:
    db.gates.set_gate_profile(post.gate.id, "compound-gate", T0, None)
    with db._engine.connect() as connection:
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT gate_id, profile FROM gate_profile"
            " WHERE station_id = ? AND gate_id IN (?) ORDER BY gate_id, seq",
            (str(db.station_id), str(post.gate.id)),
        ).all()
    assert "ix_gate_profile_gate_id_seq" in " ".join(str(row) for row in plan)
