"""verify(): the integrity check and the hash chain catch edited, inserted and removed records.

Tampering is done the way someone would: with raw sqlite3 on the closed database file.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from storage_helpers import Post

from checkpoint.domain.chain import chain_hash
from checkpoint.domain.records import Passage, PassageDraft
from checkpoint.storage import ChainProblem, Database, VerifyReport, open_database


@pytest.fixture
def chain(db: Database, post: Post, draft: Callable[..., PassageDraft]) -> list[Passage]:
    passages = [db.append_passage(draft(i)) for i in range(6)]
    db.close()
    return passages


@pytest.fixture
def raw(db_path: Path, chain: list[Passage]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(db_path, isolation_level=None)
    yield connection
    connection.close()


def _reverify(db_path: Path) -> VerifyReport:
    database = open_database(f"sqlite:///{db_path}")
    try:
        return database.verify()
    finally:
        database.close()


def test_untouched_chain_verifies(db_path: Path, chain: list[Passage]) -> None:
    report = _reverify(db_path)
    assert report.ok
    assert report.integrity_ok and report.integrity_messages == []
    assert report.records_checked == 4 + 6
    assert report.first_break is None


def test_edited_passage_is_named(db_path: Path, chain: list[Passage], raw: sqlite3.Connection) -> None:
    victim = chain[2]
    raw.execute("UPDATE passage SET outcome = 'turn_back' WHERE uuid = ?", (str(victim.uuid),))
    report = _reverify(db_path)
    assert not report.ok
    brk = report.first_break
    assert (brk.seq, brk.kind, brk.uuid, brk.problem) == (
        victim.seq,
        "passage",
        str(victim.uuid),
        ChainProblem.HASH_MISMATCH,
    )


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE person_check SET temperature = 36.5 WHERE passage_uuid = ? AND position = 0",
        "UPDATE person_check SET name = '张卫' WHERE passage_uuid = ? AND position = 1",
        "DELETE FROM person_check WHERE passage_uuid = ? AND position = 1",
        "UPDATE vehicle SET plate = '京A12346' WHERE passage_uuid = ?",
        "UPDATE passage SET reasons = 'not json' WHERE uuid = ?",
    ],
)
def test_edited_person_check_or_vehicle_breaks_its_passage(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection, tamper: str
) -> None:
    victim = chain[4]
    assert raw.execute(tamper, (str(victim.uuid),)).rowcount == 1
    brk = _reverify(db_path).first_break
    assert (brk.seq, brk.uuid, brk.problem) == (victim.seq, str(victim.uuid), ChainProblem.HASH_MISMATCH)


def test_edited_gate_is_named(
    db_path: Path, post: Post, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    raw.execute("UPDATE gate SET profile = 'compound-gate'")
    brk = _reverify(db_path).first_break
    assert (brk.seq, brk.kind, brk.uuid, brk.problem) == (
        2,
        "gate",
        str(post.gate.id),
        ChainProblem.HASH_MISMATCH,
    )


def _copy_passage(raw: sqlite3.Connection, source: Passage, **overrides: object) -> str:
    """Insert a copy of ``source`` under a new uuid (person checks too); returns the new uuid."""
    new_uuid = str(uuid.uuid4())
    columns = [r[1] for r in raw.execute("PRAGMA table_info(passage)") if r[1] != "id"]
    values = dict(
        zip(
            columns,
            raw.execute(
                f"SELECT {', '.join(columns)} FROM passage WHERE uuid = ?", (str(source.uuid),)
            ).fetchone(),
            strict=True,
        )
    )
    values.update(uuid=new_uuid, **overrides)
    raw.execute(
        f"INSERT INTO passage ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    return new_uuid


def test_inserted_row_with_a_reused_seq_is_a_link_mismatch(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    # seq 2 belongs to the gate: the passage table has no such seq, so its unique constraint lets this in
    forged = _copy_passage(raw, chain[0], seq=2)
    brk = _reverify(db_path).first_break
    assert (brk.seq, brk.kind, brk.uuid, brk.problem) == (2, "passage", forged, ChainProblem.LINK_MISMATCH)


def test_inserted_row_at_the_end_with_a_valid_hash_is_still_caught(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    # A careful forger links the new row to the last one and hashes it; the chain head still knows.
    last = chain[-1]
    forged = _copy_passage(
        raw, last, seq=last.seq + 1, prev_hash=last.hash, hash=chain_hash(last.hash, "passage", {})
    )
    brk = _reverify(db_path).first_break
    assert (brk.seq, brk.uuid, brk.problem) == (last.seq + 1, forged, ChainProblem.LINK_MISMATCH)


def test_inserted_row_with_a_wrong_link_is_a_link_mismatch(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    # Make room by moving the last record up one, then slip a copy of an older one in before it.
    last = chain[-1]
    raw.execute("UPDATE chain_head SET seq = seq + 1")
    raw.execute("UPDATE passage SET seq = seq + 1 WHERE uuid = ?", (str(last.uuid),))
    forged = _copy_passage(raw, chain[0], seq=last.seq)
    brk = _reverify(db_path).first_break
    assert (brk.seq, brk.uuid, brk.problem) == (last.seq, forged, ChainProblem.LINK_MISMATCH)


def test_deleted_row_is_a_gap_at_its_seq(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    victim = chain[3]
    raw.execute("DELETE FROM person_check WHERE passage_uuid = ?", (str(victim.uuid),))
    raw.execute("DELETE FROM vehicle WHERE passage_uuid = ?", (str(victim.uuid),))
    raw.execute("DELETE FROM passage WHERE uuid = ?", (str(victim.uuid),))
    report = _reverify(db_path)
    brk = report.first_break
    assert (brk.seq, brk.uuid, brk.problem) == (victim.seq, None, ChainProblem.SEQ_GAP)
    assert str(chain[4].uuid) in brk.detail


def test_deleted_newest_row_is_a_gap_too(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    victim = chain[-1]
    raw.execute("PRAGMA foreign_keys = OFF")  # the careless way: leave its person checks behind
    raw.execute("DELETE FROM passage WHERE uuid = ?", (str(victim.uuid),))
    brk = _reverify(db_path).first_break
    assert (brk.seq, brk.problem) == (victim.seq, ChainProblem.SEQ_GAP)


def test_integrity_check_failure_is_reported(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    # Break an index behind SQLite's back: the table says one thing, the index another.
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute(
        "UPDATE sqlite_schema SET sql = replace(sql, '(plate)', '(kind)') WHERE name = 'ix_vehicle_plate'"
    )
    raw.execute("PRAGMA writable_schema = OFF")
    raw.close()
    report = _reverify(db_path)
    assert not report.integrity_ok
    assert not report.ok
    assert report.integrity_messages
    assert report.first_break is None
