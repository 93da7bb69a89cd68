"""``strings`` on the database file finds no personal data: a demo history (``fill_demo_history``) and a
record of every other kind that holds some (a visitor with a host household and a note, a scanned payload
naming its holder, a watchlist entry, the residents registry, an issued pass), searched for in the main
file and the WAL, in UTF-8 and UTF-16, the free-text index's tables included (they are in the file).

What stays plain on purpose (README, "Personal data at rest"): plates, times, outcomes, colours and
temperatures, and masked forms (张*三, 4403**********1234).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.domain.records import (
    CodeColour,
    CodeKind,
    Direction,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    SubjectKind,
)
from checkpoint.domain.residents_import import parse_residents
from checkpoint.domain.watchlist import WatchlistAction, WatchlistEntry, WatchlistKind
from checkpoint.station.demo import fill_demo_history
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.passage_filter import PassageFilter

END = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
VISITOR = "欧阳娜娜"
HOST = "司马建国"
HOUSEHOLD = "7-3-1201"
NOTE = f"visitor|household={HOUSEHOLD}|host={HOST}|purpose=探亲|exit="
PAYLOAD = f"https://jkm.example.gov.cn/verify?name={VISITOR}&dob=1990-02-03&token=8f2a41c9"
WATCHED = "诸葛亮亮"
WATCHED_ID = "11010519491231002" + resident_id_check_digit("11010519491231002")
RESIDENT = "东方明珠"
RESIDENT_ID = "44030119990101123" + resident_id_check_digit("44030119990101123")
ADDRESS = "幸福路88号7栋3单元1201室"
SUMMARY = f"{HOUSEHOLD} {RESIDENT} 1 24"


def _record_the_rest(db: Database) -> None:
    """Every kind of record with personal data that the demo history does not write."""
    gate, operator = db.gates.all()[0], db.operators.all()[0]
    at = END + timedelta(minutes=5)
    visitor = PersonCheck(
        name=VISITOR,
        code_text=PAYLOAD,
        code_kind=CodeKind.HEALTH_CODE,
        code_colour=CodeColour.GREEN,
        household=HOUSEHOLD,
        phone="13712345678",
    )
    db.passages.append_passage(
        PassageDraft(
            at=at,
            direction=Direction.IN,
            subject=SubjectKind.PEDESTRIAN,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=operator.id,
            shift_id=None,
            reasons=(Reason.ALL_CHECKS_CLEAR,),
            persons=(visitor,),
            note=NOTE,
        )
    )
    entry = WatchlistEntry(
        kind=WatchlistKind.HOME_QUARANTINE, action=WatchlistAction.BLOCK, name=WATCHED, id_number=WATCHED_ID
    )
    db.watchlists.add_watchlist_entries([entry], at, operator.id)
    member = f"{HOUSEHOLD},{RESIDENT},{RESIDENT_ID},13698765432,户主,正常,{ADDRESS}"
    csv = f"户号,姓名,身份证号,手机号,与户主关系,状态,地址\n{member}"
    report = parse_residents(csv.encode(), today=END.date())
    assert report.ok and not report.rejected, report.rejected
    db.residents.store_import(report.rows, at, operator.id, source="住户.csv")
    db.passes.record_pass_issued(
        str(uuid.uuid4()), "exit_slip", SUMMARY, at, operator.id, household=HOUSEHOLD
    )


def _secrets(db: Database) -> set[str]:
    """The demo's actual personal data as the station reads it back, and the rest recorded here."""
    found: set[str] = {VISITOR, HOST, HOUSEHOLD, NOTE, PAYLOAD, WATCHED, WATCHED_ID, RESIDENT, RESIDENT_ID}
    found |= {ADDRESS, SUMMARY, "13712345678", "13698765432", "1990-02-03"}
    for passage in db.passages.iter_passages(PassageFilter()):
        if passage.note:
            found.add(passage.note)
        for person in passage.persons:
            found.update(v for v in (person.name, person.id_number, person.phone) if v)
            found.update(v for v in (person.household, person.code_text) if v)
    return found


def _forms(value: str) -> Iterable[bytes]:
    """How a value could sit in the file: UTF-8, and UTF-16 in either byte order. A UTF-16 form shorter
    than six bytes (a two-character name) is not looked for: four given bytes turn up by chance in
    megabytes of page headers, integers and ciphertext."""
    yield value.encode("utf-8")
    for codec in ("utf-16-le", "utf-16-be"):
        encoded = value.encode(codec)
        if len(encoded) >= 6:
            yield encoded


def _leaks(path: Path, secrets: set[str]) -> list[str]:
    files = [path, path.with_name(path.name + "-wal")]
    data = b"".join(f.read_bytes() for f in files if f.exists())
    return sorted(value for value in secrets for form in _forms(value) if form in data)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("at-rest") / "demo.sqlite3"


def test_no_personal_data_in_the_file_or_its_wal(demo: Path) -> None:
    db = open_database(f"sqlite:///{demo}")
    try:
        summary = fill_demo_history(db, days=1, end=END, profile="compound-gate")
        assert summary.passages > 100
        _record_the_rest(db)
        secrets = _secrets(db)
        assert len(secrets) > 300  # the premise: the demo's people are all there, read back in full
        assert demo.with_name(demo.name + "-wal").exists()  # the WAL is searched while it holds pages
        assert _leaks(demo, secrets) == []
        plates = {p.vehicle.plate for p in db.passages.iter_passages(PassageFilter()) if p.vehicle}
    finally:
        db.close()
    assert _leaks(demo, secrets) == []
    data = demo.read_bytes()
    # The search works: plates, kept plain on purpose, are found in the same bytes.
    assert plates and all(plate.encode() in data for plate in plates)


def test_the_sealed_demo_still_finds_its_people(demo: Path) -> None:
    db = open_database(f"sqlite:///{demo}")
    try:
        assert db.verify().ok
        assert len(db.passages.passage_keys(PassageFilter(name="歐陽 娜娜"))) == 1
        assert len(db.passages.passage_keys(PassageFilter(text=HOUSEHOLD))) == 1
        assert [m.name for m in db.residents.current_members()] == [RESIDENT]
        assert [e.name for e in db.watchlists.watchlist_entries(END + timedelta(hours=1))] == [WATCHED]
        [issued] = db.passes.issued_passes(household="7栋3单元1201")
        assert (issued.summary, issued.household) == (SUMMARY, HOUSEHOLD)
    finally:
        db.close()
