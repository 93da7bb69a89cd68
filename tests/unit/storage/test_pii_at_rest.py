"""Personal data at rest: no ID number or phone anywhere in the database file, yet tracing, watchlists and
verification work; tampering is caught; a missing or wrong data key is a clear error and writes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from checkpoint.domain.records import PassageDraft, PersonCheck
from checkpoint.domain.watchlist import WatchlistEntry, WatchlistKind
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.errors import StorageError, StorageErrorKind
from checkpoint.storage.integrity import ChainProblem
from checkpoint.storage.keys import create_data_key, data_key_path
from checkpoint.storage.passage_filter import PassageFilter, filter_conditions
from tests.unit.storage.storage_helpers import T0, Post

ID_NUMBER = "44030119990101123X"
PHONE = "13912345678"
WATCHED_ID = "110105194912310021"
WATCHED_PHONE = "13600001111"


@pytest.fixture
def walker() -> PersonCheck:
    return PersonCheck(name="陈小明", id_number=ID_NUMBER, phone=PHONE, code_text="JKM:ab12")


@pytest.fixture
def recorded(
    db: Database, post: Post, draft: Callable[..., PassageDraft], walker: PersonCheck
) -> PassageDraft:
    sent = draft(5, persons=(walker,), subject="pedestrian", vehicle=None)
    db.passages.append_passage(sent)
    db.watchlists.add_watchlist_entries(
        [
            WatchlistEntry(
                WatchlistKind.HOME_QUARANTINE, name="李四", id_number=WATCHED_ID, phone=WATCHED_PHONE
            )
        ],
        T0,
        post.leader.id,
    )
    return sent


def _raw(path: Path) -> Iterator[sqlite3.Connection]:
    raw = sqlite3.connect(path)
    try:
        yield raw
    finally:
        raw.close()


def _all_text(path: Path) -> str:
    """Every value of every column of every table (sqlite_* included), as one text."""
    values: list[str] = []
    for raw in _raw(path):
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in raw.execute(f'SELECT * FROM "{table}"'):
                values.extend(str(v) for v in row)
    return "\n".join(values)


def _checkpointed_bytes(path: Path) -> bytes:
    for raw in _raw(path):
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [path, path.with_name(path.name + "-wal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


SECRETS = (ID_NUMBER, ID_NUMBER.lower(), PHONE, WATCHED_ID, WATCHED_PHONE, "199901011")


def test_no_id_number_or_phone_anywhere_in_the_file(
    db: Database, db_path: Path, recorded: PassageDraft
) -> None:
    db.close()
    text = _all_text(db_path)
    data = _checkpointed_bytes(db_path)
    for secret in SECRETS:
        assert secret not in text
        assert secret.encode() not in data
    # what is there instead: the masked forms, for display
    assert "4403**********123X" in text
    assert "139****5678" in text


def test_reads_give_back_the_plain_values_and_tracing_finds_them(
    db: Database, recorded: PassageDraft, walker: PersonCheck
) -> None:
    stored = db.passages.passage(recorded.uuid)
    assert stored is not None
    assert stored.persons == (walker,)
    # the same person however the number is typed: case, spaces, separators
    for wanted in (
        PassageFilter(id_number=ID_NUMBER),
        PassageFilter(id_number=ID_NUMBER.lower()),
        PassageFilter(phone="139-1234-5678"),
        PassageFilter(text=ID_NUMBER.lower()),
    ):
        assert db.passages.passage_keys(wanted) == [stored.seq], wanted
    assert db.passages.passage_keys(PassageFilter(id_number="110105194912310021")) == []
    [entry] = db.watchlists.watchlist_entries(T0 + timedelta(hours=1))
    assert (entry.id_number, entry.phone) == (WATCHED_ID, WATCHED_PHONE)
    assert db.verify().ok


def test_a_report_that_never_shows_numbers_reads_them_masked(
    db: Database, recorded: PassageDraft, walker: PersonCheck
) -> None:
    [plain] = db.passages.iter_passages(PassageFilter())
    [masked] = db.passages.iter_passages(PassageFilter(), personal_data=False)
    assert plain.persons == (walker,)
    person = masked.persons[0]
    assert (person.id_number, person.phone) == ("4403**********123X", "139****5678")
    assert person.name == walker.name and person.code_text == walker.code_text
    assert masked.uuid == plain.uuid and masked.hash == plain.hash


def test_a_person_seen_twice_in_the_shift_is_found_by_the_keyed_hash(
    db: Database, post: Post, recorded: PassageDraft
) -> None:
    assert db.passages.person_seen_in_shift(post.shift.id, id_number=ID_NUMBER.lower()) == T0 + timedelta(
        minutes=5
    )
    assert db.passages.person_seen_in_shift(post.shift.id, phone="139 1234 5678") == T0 + timedelta(minutes=5)
    assert db.passages.person_seen_in_shift(post.shift.id, id_number=WATCHED_ID) is None
    assert db.passages.person_seen_in_shift(post.shift.id) is None


def _edit(path: Path, sql: str, *args: object) -> None:
    for raw in _raw(path):
        with raw:
            assert raw.execute(sql, args).rowcount == 1


def test_an_edited_ciphertext_is_a_clear_storage_error_and_breaks_the_chain(
    db: Database, db_path: Path, recorded: PassageDraft
) -> None:
    seq = db.passages.passage_keys(PassageFilter())[0]
    _edit(
        db_path,
        "UPDATE person_check SET id_number_sealed = substr(id_number_sealed, 1, 20) || "
        "CASE substr(id_number_sealed, 21, 1) WHEN 'A' THEN 'B' ELSE 'A' END || substr(id_number_sealed, 22) "
        "WHERE passage_uuid = ?",
        str(recorded.uuid),
    )
    with pytest.raises(StorageError) as caught:
        db.passages.passage(recorded.uuid)
    assert caught.value.kind is StorageErrorKind.CORRUPT
    assert "id_number" in caught.value.detail and ID_NUMBER not in caught.value.detail
    breaks = db.verify().first_break
    assert breaks is not None
    assert (breaks.seq, breaks.problem) == (seq, ChainProblem.HASH_MISMATCH)


def test_a_ciphertext_moved_to_another_person_does_not_open(
    db: Database, db_path: Path, draft: Callable[..., PassageDraft], walker: PersonCheck
) -> None:
    first = draft(1, persons=(walker,), subject="pedestrian", vehicle=None)
    second = draft(
        2,
        persons=(PersonCheck(name="王五", id_number="110105194912310021"),),
        subject="pedestrian",
        vehicle=None,
    )
    db.passages.append_passages([first, second])
    _edit(
        db_path,
        "UPDATE person_check SET id_number_sealed = "
        "(SELECT id_number_sealed FROM person_check WHERE passage_uuid = ?) WHERE passage_uuid = ?",
        str(first.uuid),
        str(second.uuid),
    )
    with pytest.raises(StorageError, match="does not open"):
        db.passages.passage(second.uuid)
    stored = db.passages.passage(first.uuid)
    assert stored is not None and stored.persons[0].id_number == ID_NUMBER


def test_an_edited_keyed_hash_is_caught_by_verify(
    db: Database, db_path: Path, recorded: PassageDraft
) -> None:
    # pointing the keyed hash elsewhere would hide the person from tracing
    _edit(
        db_path,
        "UPDATE person_check SET id_number_hmac = ? WHERE passage_uuid = ?",
        "0" * 32,
        str(recorded.uuid),
    )
    assert db.passages.passage_keys(PassageFilter(id_number=ID_NUMBER)) == []
    report = db.verify()
    assert not report.ok
    assert report.first_break is not None and report.first_break.problem is ChainProblem.HASH_MISMATCH


def test_an_edited_watchlist_id_is_caught_by_verify(
    db: Database, db_path: Path, recorded: PassageDraft
) -> None:
    _edit(db_path, "UPDATE watchlist_entry SET id_number_masked = '1101**********9999'")
    report = db.verify()
    assert report.first_break is not None
    assert (report.first_break.kind, report.first_break.problem) == (
        "watchlist_entry",
        ChainProblem.HASH_MISMATCH,
    )


def test_verify_needs_no_key_for_rows_written_sealed(
    db: Database, db_path: Path, recorded: PassageDraft
) -> None:
    """The hash of a sealed row covers what is stored: another key still verifies the chain."""
    db.close()
    for raw in _raw(db_path):
        with raw:
            raw.execute("DELETE FROM data_key")  # let the database accept another key
    other = open_database(f"sqlite:///{db_path}", data_key=bytes(32))
    try:
        assert other.verify().ok
        with pytest.raises(StorageError, match="does not open"):
            other.passages.passage(recorded.uuid)
    finally:
        other.close()


# --- the data key ---------------------------------------------------------------------------------------


def test_a_new_database_gets_a_private_data_key_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = data_key_path()
    path.unlink()  # a home as a new station has it
    assert not path.exists()
    database = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    database.close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert "created a new data key" in caplog.text and str(path) in caplog.text


def test_a_missing_key_is_a_clear_error_and_no_new_key_is_made(
    db: Database, db_path: Path, recorded: PassageDraft
) -> None:
    db.close()
    key = data_key_path()
    key.unlink()
    before = _checkpointed_bytes(db_path)
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{db_path}")
    assert caught.value.kind is StorageErrorKind.DATA_KEY
    assert "data key is missing" in caught.value.detail and f"restore {key}" in caught.value.detail
    assert not key.exists()
    assert _checkpointed_bytes(db_path) == before


@pytest.mark.expected_log  # making a new data key is a warning
def test_another_key_is_refused(db: Database, db_path: Path, recorded: PassageDraft) -> None:
    db.close()
    create_data_key(force=True)
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{db_path}")
    assert caught.value.kind is StorageErrorKind.DATA_KEY
    assert "is not this database's" in caught.value.detail


def test_a_key_others_can_read_is_refused(db: Database, db_path: Path) -> None:
    db.close()
    data_key_path().chmod(0o644)
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{db_path}")
    assert caught.value.kind is StorageErrorKind.DATA_KEY
    assert "chmod 600" in caught.value.detail


def test_tracing_by_id_and_phone_reads_the_keyed_hash_indexes(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    people = [
        PersonCheck(name=f"人{i}", id_number=f"11010519491231{i:04d}", phone=f"139{i:08d}")
        for i in range(2000)
    ]
    db.passages.append_passages(
        draft(i, persons=(p,), subject="pedestrian", vehicle=None) for i, p in enumerate(people)
    )
    wanted = people[1234]
    plans = []
    for f in (PassageFilter(id_number=wanted.id_number), PassageFilter(phone=wanted.phone)):
        [found] = db.passages.fetch_passages(db.passages.passage_keys(f))  # its time: `checkpoint bench log`
        assert found.persons == (wanted,)
        query = filter_conditions(db, f)[-1]
        with db._engine.connect() as connection:
            compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
            plans.append(
                " ".join(
                    str(row)
                    for row in connection.exec_driver_sql(
                        f"EXPLAIN QUERY PLAN SELECT 1 FROM passage WHERE {compiled}"
                    )
                )
            )
    assert "ix_person_check_id_number_hmac" in plans[0]
    assert "ix_person_check_phone_hmac" in plans[1]
    with db._engine.connect() as connection:  # "anything left to seal?" on open reads an empty partial index
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM person_check WHERE id_number <> '' OR phone <> '' LIMIT 1"
        ).all()
    assert "ix_person_check_plain_pii" in " ".join(str(row) for row in plan)
