"""verify(): the integrity check and the hash chain catch edited, inserted and removed records.

Tampering is done the way someone would: with raw sqlite3 on the closed database file.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from checkpoint.domain.chain import chain_hash
from checkpoint.domain.records import Passage, PassageDraft
from checkpoint.domain.watchlist import WatchlistEntry, WatchlistKind
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.integrity import ChainProblem, VerifyReport
from tests.unit.storage.storage_helpers import T0, Post, make_draft


@pytest.fixture
def chain(db: Database, post: Post, draft: Callable[..., PassageDraft]) -> list[Passage]:
    passages = [db.passages.append_passage(draft(i)) for i in range(6)]
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
    assert brk is not None
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
    assert brk is not None
    assert (brk.seq, brk.uuid, brk.problem) == (victim.seq, str(victim.uuid), ChainProblem.HASH_MISMATCH)


def test_edited_gate_is_named(
    db_path: Path, post: Post, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    raw.execute("UPDATE gate SET profile = 'compound-gate'")
    brk = _reverify(db_path).first_break
    assert brk is not None
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
    assert brk is not None
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
    assert brk is not None
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
    assert brk is not None
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
    assert brk is not None
    assert (brk.seq, brk.uuid, brk.problem) == (victim.seq, None, ChainProblem.SEQ_GAP)
    assert str(chain[4].uuid) in brk.detail


def test_deleted_newest_row_is_a_gap_too(
    db_path: Path, chain: list[Passage], raw: sqlite3.Connection
) -> None:
    victim = chain[-1]
    raw.execute("PRAGMA foreign_keys = OFF")  # the careless way: leave its person checks behind
    raw.execute("DELETE FROM passage WHERE uuid = ?", (str(victim.uuid),))
    brk = _reverify(db_path).first_break
    assert brk is not None
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


# --- the tables added by schema 0002 -------------------------------------------------------------------


@pytest.fixture
def registry(db: Database, post: Post) -> dict[str, str]:
    """One record of each 0002 kind (after the passages), closed; returns kind -> uuid."""
    db.passages.append_passage(make_draft(post, 1))
    db.passes.record_pass_issued("slip-1", "exit-slip", "3-2-501", T0, post.leader.id, household="3-2-501")
    db.passes.revoke_pass("slip-1", "lost", T0, post.leader.id)
    entry = WatchlistEntry(WatchlistKind.PLATE_OF_INTEREST, plate="沪B99999")
    db.watchlists.add_watchlist_entries([entry], T0, None)
    db.watchlists.end_watchlist_entry(entry.id, T0, None, "withdrawn")
    db.passages.append_passage(make_draft(post, 2))
    db.close()
    raw = sqlite3.connect(db_path_of(db))
    try:
        return {
            table: raw.execute(f"SELECT uuid FROM {table}").fetchone()[0]
            for table in ("issued_pass", "pass_revocation", "watchlist_entry", "watchlist_end")
        }
    finally:
        raw.close()


def db_path_of(db: Database) -> str:
    return db.url.removeprefix("sqlite:///")


def test_new_tables_verify_untouched(db: Database, registry: dict[str, str]) -> None:
    report = _reverify(Path(db_path_of(db)))
    assert report.ok, report
    # 4 set-up records, 2 passages, issued + audit, revocation + audit, entry + audit, end
    assert report.records_checked == 4 + 2 + 2 + 2 + 2 + 1


@pytest.mark.parametrize(
    ("table", "change"),
    [
        ("issued_pass", "household = '3-2-502'"),
        ("pass_revocation", "pass_id = 'slip-2'"),
        ("watchlist_entry", "plate = '沪B99998'"),
        ("watchlist_entry", "valid_until = '2030-01-01 00:00:00.000000'"),
        ("watchlist_end", "ended_at = '2030-01-01 00:00:00.000000'"),
    ],
)
def test_edited_rows_in_new_tables_are_named(
    db: Database, registry: dict[str, str], table: str, change: str
) -> None:
    path = db_path_of(db)
    with sqlite3.connect(path) as raw:
        assert raw.execute(f"UPDATE {table} SET {change}").rowcount == 1
    raw.close()
    brk = _reverify(Path(path)).first_break
    assert brk is not None
    assert (brk.kind, brk.uuid, brk.problem) == (table, registry[table], ChainProblem.HASH_MISMATCH)


@pytest.mark.parametrize("table", ["pass_revocation", "watchlist_end", "issued_pass"])
def test_deleted_rows_in_new_tables_are_gaps(db: Database, registry: dict[str, str], table: str) -> None:
    path = db_path_of(db)
    raw = sqlite3.connect(path, isolation_level=None)
    seq = raw.execute(f"SELECT seq FROM {table}").fetchone()[0]
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute(f"DELETE FROM {table}")
    raw.close()
    brk = _reverify(Path(path)).first_break
    assert brk is not None
    assert (brk.seq, brk.problem) == (seq, ChainProblem.SEQ_GAP)


def test_inserted_revocation_is_caught(db: Database, registry: dict[str, str]) -> None:
    # Revoke someone's pass behind the station's back: copy the revocation row under a new uuid and seq.
    path = db_path_of(db)
    raw = sqlite3.connect(path, isolation_level=None)
    columns = [r[1] for r in raw.execute("PRAGMA table_info(pass_revocation)") if r[1] != "id"]
    values = dict(
        zip(columns, raw.execute(f"SELECT {', '.join(columns)} FROM pass_revocation").fetchone(), strict=True)
    )
    head = raw.execute("SELECT seq FROM chain_head").fetchone()[0]
    values.update(uuid=str(uuid.uuid4()), pass_id="slip-9", seq=head + 1)
    raw.execute(
        f"INSERT INTO pass_revocation ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    raw.close()
    brk = _reverify(Path(path)).first_break
    assert brk is not None
    assert (brk.seq, brk.kind, brk.uuid, brk.problem) == (
        head + 1,
        "pass_revocation",
        values["uuid"],
        ChainProblem.LINK_MISMATCH,
    )
