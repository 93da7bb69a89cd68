"""``checkpoint trace`` as a tracer uses it on a demo history: found with its time, refused when malformed."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkpoint.cli import main
from checkpoint.domain.records import AuditAction, Passage
from checkpoint.storage.database import open_database
from checkpoint.storage.passage_filter import PassageFilter
from tests.cli.cli_staff import LEADER, OPERATOR, add_staff, as_, pin_line, refusals, signed_in


@pytest.fixture(scope="module")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "station.sqlite3"
    assert (
        main(["demo-data", "--days", "1", "--db", f"sqlite:///{path}", "--end", "2026-11-23T08:00:00+08:00"])
        == 0
    )
    add_staff(f"sqlite:///{path}")
    return path


@pytest.fixture
def db(demo_db_file: Path, tmp_path: Path) -> str:
    copy = tmp_path / "station.sqlite3"
    shutil.copy(demo_db_file, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(scope="module")
def seen(demo_db_file: Path) -> list[Passage]:
    """Vehicles with a driver from the middle of the history, as storage returns them."""
    database = open_database(f"sqlite:///{demo_db_file}")
    try:
        found = [p for p in database.passages.iter_passages(PassageFilter()) if p.vehicle and p.persons]
    finally:
        database.close()
    return found[len(found) // 2 : len(found) // 2 + 50]


def audits(db: str) -> list[str]:
    database = open_database(db)
    try:
        return [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.EXPORT]
    finally:
        database.close()


def test_a_plate_seen_in_the_history_is_found_with_its_time(
    db: str, seen: list[Passage], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = seen[0]
    assert target.vehicle is not None
    signed = as_(monkeypatch, LEADER)
    assert main(["trace", "--plate", target.vehicle.plate.lower(), "--json", "--db", db, *signed]) == 0
    out, err = capsys.readouterr()
    found = [json.loads(line) for line in out.splitlines()]
    assert target.uuid.hex in {obj["uuid"].replace("-", "") for obj in found}
    assert all(obj["plate"] == target.vehicle.plate for obj in found)
    mine = next(obj for obj in found if obj["uuid"] == str(target.uuid))
    assert datetime.fromisoformat(mine["at"]) == target.at
    assert mine["persons"][0]["id_number"].count("*") == 10  # masked
    assert f"{len(found)} passages" in err
    (audit,) = audits(db)  # who looked up which plate, even masked on screen
    assert audit == f"trace plate={target.vehicle.plate} passages={len(found)} masked"


def test_an_id_number_is_found_and_the_window_narrows_it(
    db: str, seen: list[Passage], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = seen[1]
    person = target.persons[0]
    assert main(["trace", "--id", person.id_number, "--db", db, *as_(monkeypatch, LEADER)]) == 0
    lines = capsys.readouterr().out.splitlines()
    stamp = target.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert any(line.startswith(stamp) and target.outcome.value in line for line in lines)
    before = target.at.isoformat()
    signed = as_(monkeypatch, LEADER)
    assert main(["trace", "--id", person.id_number, "--to", before, "--db", db, *signed]) == 0
    assert not any(line.startswith(stamp) for line in capsys.readouterr().out.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plate", "ABC123"], "not a valid plate: 'ABC123' (bad province)"),
        (["--id", "110105194912310021"], "not a valid ID number: '110105194912310021' (bad check digit)"),
        (["--phone", "555-1234"], "not a valid mobile number"),
        ([], "give at least one of --plate, --id, --phone, --name"),
        (["--out", "x.pdf", "--name", "张三"], "--out must end in .xlsx or .csv"),
    ],
)
def test_malformed_queries_are_one_line_errors(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No --db: validation happens before any database is opened (none is created either).
    assert main(["trace", *args]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_unmasked_trace_needs_a_leader_and_is_audited(
    db: str, seen: list[Passage], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(db)
    accounts = {a.operator.name: a.operator for a in database.operators.operator_accounts()}
    for who in ("张伟", "刘洋"):
        database.operators.set_operator_pin(accounts[who].id, "2468", datetime.now(UTC), None)
    database.close()
    target = seen[2]
    name = target.persons[0].name
    monkeypatch.setattr(sys, "stdin", io.StringIO("2468\n2468\n"))
    assert main(["trace", "--name", name, "--unmask", "--operator", "张伟", "--pin-stdin", "--db", db]) == 1
    assert "refused" in capsys.readouterr().err
    assert main(["trace", "--name", name, "--unmask", "--operator", "刘洋", "--pin-stdin", "--db", db]) == 0
    assert target.persons[0].id_number in capsys.readouterr().out
    (audit,) = audits(db)
    assert audit.startswith("trace name=") and "UNMASKED by 刘洋" in audit
    assert name not in audit  # the audit line itself names the person masked


def test_an_operator_may_not_trace_and_the_refusal_is_audited(
    db: str, seen: list[Passage], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = seen[4]
    assert target.vehicle is not None
    plate = ["trace", "--plate", target.vehicle.plate, "--db", db]
    assert main([*plate, *as_(monkeypatch, OPERATOR)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == (
        f"checkpoint: error: refused: {OPERATOR} is operator: this needs a shift leader or above\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("0000\n"))
    assert main([*plate, *signed_in(LEADER)]) == 1
    assert capsys.readouterr().err == "checkpoint: error: refused: wrong PIN\n"
    assert main(plate) == 1
    assert "--operator NAME" in capsys.readouterr().err
    assert audits(db) == []
    assert [d.split(": ", 1)[1] for d in refusals(db)] == [
        "trace (command line: trace): refused: 郑值守 is operator: this needs a shift leader or above",
        "trace (command line: trace): refused: wrong PIN",
        "trace (command line: trace): this needs --operator NAME (a shift leader or above) and their PIN",
    ]


def test_trace_result_written_to_csv_one_row_per_person(db: str, seen: list[Passage], tmp_path: Path) -> None:
    target = seen[3]
    assert target.vehicle is not None
    out = tmp_path / "trace.csv"
    done = subprocess.run(
        [sys.executable, "-m", "checkpoint", "trace", "--plate", target.vehicle.plate, "--out", str(out),
         "--lang", "zh_CN", "--db", db, *signed_in(LEADER)],
        input=pin_line(LEADER), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    mine = [r for r in rows if r["记录编号"] == str(target.uuid)]
    assert len(mine) == len(target.persons)
    assert all(r["车牌"] == target.vehicle.plate for r in rows)
    (audit,) = audits(db)
    assert audit.startswith(f"trace plate={target.vehicle.plate}") and str(out) in audit
