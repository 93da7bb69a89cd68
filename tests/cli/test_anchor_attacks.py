"""An insider's attacks on the log, each done as the insider would do it, then ``checkpoint db verify``.

The insider has the PC, its files and the station's own code: they edit the SQLite file with sqlite3 and
recompute the hashes with ``domain.chain.chain_hash`` over the fields the station hashes (what
``Database.chained_records`` gives). Such a rechained history passes ``db verify`` on its own: the chain
has no key. It fails against an anchor (``domain.anchor``) taken after the change, read here off the QR
code of the handover PDF the shift leader printed. Deleting a record behind a forged ``purge_gap`` row and
deleting search-index rows are caught without any anchor.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from checkpoint.camera.decode import decode_image
from checkpoint.cli import main
from checkpoint.domain.anchor import Anchor, parse_anchor
from checkpoint.domain.chain import GENESIS, chain_hash
from checkpoint.domain.records import (
    AuditAction,
    CodeColour,
    CodeKind,
    Direction,
    Itinerary,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
)
from checkpoint.station.demo import fill_demo_history
from checkpoint.station.exporting import export_handover_file
from checkpoint.storage.chain import CHAINED_TABLES
from checkpoint.storage.database import open_database
from tests.cli.cli_staff import LEADER, PINS, as_
from tests.station_clock import START, TickingClock

NAME = "袁卫东"  # the held person: a name the demo history does not use


def url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class Station:
    path: Path  # the database as the station left it (each test attacks a copy)
    anchor: Anchor  # scanned from the QR code of the handover PDF
    victim: uuid.UUID  # the held, red-code, 37.6 °C passage
    victim_seq: int


def _read_qr(pdf: Path) -> str:
    """The text of the QR code on the printed PDF, as a scanner at the station would read it."""

    def _read(page: Path) -> np.ndarray:
        image = cv2.imread(str(page))
        assert image is not None, page
        return image

    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(stem)], check=True)
    texts = [
        code.text
        for page in sorted(pdf.parent.glob(f"{stem.name}-*.png"))
        for code in decode_image(_read(page))
        if code.text.startswith("CPA1:")
    ]
    assert len(texts) == 1, texts
    return texts[0]


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Station:
    """A day of a highway exit, a held passage, more traffic, then the leader's handover PDF (its anchor),
    then a little more traffic after the sheet."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils missing (scripts/test installs it)")
    folder = tmp_path_factory.mktemp("attacks")
    path = folder / "station.sqlite3"
    clock = TickingClock(START)
    database = open_database(url(path), clock=clock)
    try:
        fill_demo_history(database, days=1, end=START - timedelta(hours=1), scale=0.2)
        leader = database.operators.add_operator(LEADER, Role.SHIFT_LEADER, clock(), None, pin=PINS[LEADER])
        gate = database.gates.all()[0]
        shift = database.shifts.open_shift(gate.id, leader.id, clock(), "夜班")

        def passage(minutes: int, held: bool = False) -> PassageDraft:
            person = PersonCheck(
                name=NAME if held else "路人甲",
                code_text=f"https://jkm.example.gov.cn/q?t={minutes}",
                code_kind=CodeKind.HEALTH_CODE,
                code_colour=CodeColour.RED if held else CodeColour.GREEN,
                itinerary=Itinerary.GREEN,
                test_age_days=1,
                temperature=37.6 if held else 36.4,
            )
            return PassageDraft(
                at=START + timedelta(minutes=minutes),
                direction=Direction.IN,
                subject=SubjectKind.PEDESTRIAN,
                outcome=Outcome.HOLD if held else Outcome.PASS,
                gate_id=gate.id,
                operator_id=leader.id,
                shift_id=shift.id,
                reasons=(Reason.CODE_RED, Reason.FEVER)
                if held
                else (Reason.CODE_GREEN, Reason.ALL_CHECKS_CLEAR),
                rules_version="highway-exit@1",
                persons=(person,),
            )

        held = database.passages.append_passage(passage(1, held=True))
        for minute in range(2, 8):
            database.passages.append_passage(passage(minute))
        pdf = folder / "handover.pdf"
        sheet_time = START + timedelta(minutes=8)
        result = export_handover_file(database, pdf, "pdf", now=sheet_time, operator_id=leader.id)
        assert result.passages == 7
        for minute in range(8, 10):
            database.passages.append_passage(passage(minute))
    finally:
        database.close()
    scanned = _read_qr(pdf)
    assert result.anchor is not None and scanned == result.anchor.text()
    return Station(path, parse_anchor(scanned), held.uuid, held.seq)


@pytest.fixture
def copy(station: Station, tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite3"
    shutil.copy(station.path, target)
    return target


# -- what the insider does ---------------------------------------------------------------------------


def sql(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Raw SQL on the closed file, as with the sqlite3 shell (no foreign keys, no triggers of ours)."""
    con = sqlite3.connect(path)
    with con:
        for statement in statements:
            con.execute(statement, params if "?" in statement else ())
    con.close()


def rechain(path: Path, from_seq: int) -> None:
    """Recompute every hash from ``from_seq`` on with the station's own code and move the chain head:
    the edited history is a whole chain again."""
    database = open_database(url(path))
    try:
        links = database.chained_records(from_seq - 1)
        before = database.chained_records(from_seq - 2, 1) if from_seq > 1 else []
    finally:
        database.close()
    prev = before[0].hash if before else GENESIS
    con = sqlite3.connect(path)
    with con:
        for link in links:
            assert link.fields is not None
            new = chain_hash(prev, link.kind, link.fields)
            con.execute(
                f"UPDATE {CHAINED_TABLES[link.kind].name} SET prev_hash = ?, hash = ? WHERE uuid = ?",
                (prev, new, link.uuid),
            )
            prev = new
        con.execute("UPDATE chain_head SET seq = ?, hash = ?", (links[-1].seq, prev))
    con.close()


def renumber_after(path: Path, seq: int) -> None:
    """Every record after ``seq`` moves down one number (the hole a deletion left is closed)."""
    con = sqlite3.connect(path)
    with con:
        for table in CHAINED_TABLES.values():
            rows = con.execute(f"SELECT id FROM {table.name} WHERE seq > ? ORDER BY seq", (seq,)).fetchall()
            for (row_id,) in rows:
                con.execute(f"UPDATE {table.name} SET seq = seq - 1 WHERE id = ?", (row_id,))
    con.close()


def cut_tail(path: Path, records: int) -> None:
    """Delete the newest ``records`` records and point the chain head at the new last one."""
    con = sqlite3.connect(path)
    with con:
        head = con.execute("SELECT seq FROM chain_head").fetchone()[0]
        keep = head - records
        con.execute(
            "DELETE FROM person_check WHERE passage_uuid IN (SELECT uuid FROM passage WHERE seq > ?)", (keep,)
        )
        con.execute(
            "DELETE FROM vehicle WHERE passage_uuid IN (SELECT uuid FROM passage WHERE seq > ?)", (keep,)
        )
        for table in CHAINED_TABLES.values():
            con.execute(f"DELETE FROM {table.name} WHERE seq > ?", (keep,))
        last = [
            found[0]
            for table in CHAINED_TABLES.values()
            if (found := con.execute(f"SELECT hash FROM {table.name} WHERE seq = ?", (keep,)).fetchone())
        ]
        con.execute("UPDATE chain_head SET seq = ?, hash = ?", (keep, last[0]))
    con.close()


def verify(path: Path, *anchors: Anchor | str) -> int:
    arguments = ["db", "verify", "--db", url(path)]
    for anchor in anchors:
        arguments += ["--anchor", anchor if isinstance(anchor, str) else anchor.text()]
    return main(arguments)


# -- the attacks ---------------------------------------------------------------------------------------


def test_the_station_s_own_log_verifies_against_the_sheet_s_anchor(
    station: Station, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(copy, station.anchor) == 0
    assert f"anchor {station.anchor.text()}: ok" in capsys.readouterr().out


def test_a_held_red_code_fever_passage_rewritten_to_a_green_pass_and_rechained_fails_the_anchor(
    station: Station, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(
        copy,
        "UPDATE passage SET outcome = 'pass', reasons = '[\"code_green\", \"all_checks_clear\"]' "
        "WHERE uuid = ?",
        "UPDATE person_check SET code_colour = 'green', temperature = 36.5 WHERE passage_uuid = ?",
        params=(str(station.victim),),
    )
    rechain(copy, station.victim_seq)

    assert verify(copy) == 0  # without an anchor the rewritten history is a whole chain: say so
    assert "anchors: none given" in capsys.readouterr().out
    assert verify(copy, station.anchor) == 1
    error = capsys.readouterr().err.strip()
    assert f"anchor {station.anchor.text()}" in error and "rewritten or renumbered" in error
    assert len(error.splitlines()) == 1


def test_a_middle_record_deleted_and_the_rest_renumbered_and_rechained_fails_the_anchor(
    station: Station, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(
        copy,
        "DELETE FROM person_check WHERE passage_uuid = ?",
        "DELETE FROM vehicle WHERE passage_uuid = ?",
        "DELETE FROM passage WHERE uuid = ?",
        params=(str(station.victim),),
    )
    renumber_after(copy, station.victim_seq)
    rechain(copy, station.victim_seq)

    assert verify(copy) == 0
    assert verify(copy, station.anchor) == 1
    assert f"anchor {station.anchor.text()}" in capsys.readouterr().err


@pytest.mark.parametrize("records", [1, 2, 10])
def test_the_newest_records_cut_with_the_chain_head_moved_back_fail_an_anchor_taken_after_them(
    station: Station, copy: Path, records: int, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(url(copy), clock=TickingClock(START + timedelta(hours=1)))
    try:  # a later sheet: its anchor is now the newest record
        later = database.anchors.issue("handover pdf /media/usb/later.pdf", database.now())
    finally:
        database.close()
    cut_tail(copy, records)

    assert verify(copy) == 0
    assert verify(copy, later) == 1
    error = capsys.readouterr().err
    assert f"anchor {later.text()}" in error and "no longer holds that record" in error
    # an anchor from before the cut still holds: the cut is found only by an anchor taken after it
    assert verify(copy, station.anchor) == (0 if records <= later.seq - station.anchor.seq else 1)


def test_the_anchor_is_taken_as_the_sheet_prints_it_short_or_typed_in_groups(
    station: Station, copy: Path
) -> None:
    anchor = station.anchor
    sql(copy, "UPDATE passage SET outcome = 'pass' WHERE uuid = ?", params=(str(station.victim),))
    rechain(copy, station.victim_seq)
    for typed in (anchor.short(), f"{anchor.seq}:{anchor.grouped_hash()}", anchor.text().lower()):
        assert verify(copy, typed) == 1


def test_a_forged_purge_gap_row_does_not_hide_a_deleted_audit_entry(
    station: Station, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(copy)
    target = con.execute("SELECT seq FROM audit WHERE action = 'operator_added'").fetchone()[0]
    con.close()
    sql(
        copy,
        "INSERT INTO purge_gap(purge_uuid, station_id, first_seq, last_seq, prev_hash, hash) "
        f"SELECT uuid, station_id, seq, seq, prev_hash, hash FROM audit WHERE seq = {target}",
        f"DELETE FROM audit WHERE seq = {target}",
    )
    assert verify(copy) == 1
    error = capsys.readouterr().err
    assert f"record #{target}" in error and "purge record that does not account for it" in error


def test_a_person_s_search_index_rows_deleted_is_named_and_reindex_repairs_it_audited(
    copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the index holds plates only since names are sealed (0012): a vehicle's row goes
    sql(copy, "DELETE FROM passage_fts WHERE rowid = (SELECT min(rowid) FROM passage_fts)")
    assert verify(copy) == 1
    captured = capsys.readouterr()
    assert "search index: BROKEN: 1 rows missing or altered" in captured.out
    assert "the search index does not match the records" in captured.err

    assert main(["db", "reindex", "--db", url(copy), *as_(monkeypatch, LEADER)]) == 0
    assert verify(copy) == 0
    database = open_database(url(copy))
    try:
        rebuilt = [e for e in database.audit.audit_entries() if e.action is AuditAction.SEARCH_INDEX_REBUILT]
        assert len(rebuilt) == 1 and rebuilt[0].operator_id is not None
    finally:
        database.close()


def test_the_anchors_the_station_issued_are_listed_and_read_back_by_verify(
    station: Station, copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "anchors", "--db", url(copy), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["anchor"] for item in listed] == [station.anchor.text()]
    assert listed[0]["purpose"].startswith("handover pdf ") and listed[0]["operator"] == LEADER

    assert main(["db", "anchors", "--db", url(copy)]) == 0
    saved = tmp_path / "anchors.txt"
    saved.write_text("# sent to the district\n" + capsys.readouterr().out, encoding="utf-8")
    assert main(["db", "verify", "--db", url(copy), "--anchors", str(saved)]) == 0
    sql(copy, "UPDATE passage SET outcome = 'pass' WHERE uuid = ?", params=(str(station.victim),))
    rechain(copy, station.victim_seq)
    assert main(["db", "verify", "--db", url(copy), "--anchors", str(saved)]) == 1


def test_an_anchor_of_another_station_or_not_an_anchor_is_refused_in_words(
    station: Station, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = Anchor(station.anchor.seq, station.anchor.hash, uuid.UUID(int=7))
    assert verify(copy, other) == 1
    assert "another station's" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        verify(copy, "2917:not-a-hash")
    assert usage.value.code == 2
    assert "not a hash" in capsys.readouterr().err


@pytest.mark.expected_log  # opening without the data key warns, by design
def test_verify_runs_without_the_data_key_and_says_so(
    station: Station, copy: Path, _isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (_isolated_home / "data" / "keys" / "data.key").unlink()
    assert verify(copy, station.anchor) == 0
    out = capsys.readouterr().out
    assert "data key: not available" in out and "no record needed it" in out
    assert not (_isolated_home / "data" / "keys" / "data.key").exists()  # and no key was made for it
