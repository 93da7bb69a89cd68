"""``checkpoint residents import`` and ``list``: a report of every row, --dry-run stores nothing, a broken
file is a one-line error and imports nothing, the list is masked."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkpoint.cli import main
from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.storage.database import open_database
from tests.cli.cli_staff import ADMIN, LEADER, OPERATOR, add_staff, as_, pin_line, refusals, signed_in


def id_number(serial: int) -> str:
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    add_staff(url)
    return url


@pytest.fixture
def residents_csv(tmp_path: Path) -> Path:
    path = tmp_path / "residents.csv"
    lines = (
        "Household,Name,ID number,Phone,Status,Exit every days",
        f"3-2-501,张三,{id_number(1)},13800138000,normal,2",
        f"3-2-501,李四,{id_number(2)},,home quarantine,",
        "3-2-502,王五,110105194912310022,,,",
    )
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode())
    return path


def run(*args: str, by: str = ADMIN) -> subprocess.CompletedProcess[str]:
    # A child process: the report loads QtCore's translations into a QCoreApplication of its own.
    return subprocess.run(
        [sys.executable, "-m", "checkpoint", *args, *signed_in(by)],
        input=pin_line(by),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _members(db: str) -> list[str]:
    database = open_database(db)
    try:
        return [m.name for m in database.residents.registry()[1]]
    finally:
        database.close()


@pytest.mark.slow
def test_dry_run_then_import_then_again(db: str, residents_csv: Path) -> None:
    done = run("residents", "import", str(residents_csv), "--dry-run", "--lang", "en", "--db", db)
    out, err = done.stdout, done.stderr
    assert done.returncode == 0 and out.splitlines() == [
        "2\tnew\t3-2-501\t张*",
        "3\tnew\t3-2-501\t李*",
        "4\tID number not valid\tbad_check_digit: 110105194912310022",
    ]
    assert err.strip() == "would import: 2 new, 0 updated, 0 unchanged members, 1 households; 1 rows rejected"
    assert _members(db) == []
    done = run("residents", "import", str(residents_csv), "--lang", "zh_CN", "--db", db)
    assert (
        done.returncode == 0
        and done.stdout.splitlines()[2] == "4\t身份证号无效\tbad_check_digit: 110105194912310022"
    )  # in Chinese
    assert _members(db) == ["张三", "李四"]
    done = run("residents", "import", str(residents_csv), "--lang", "en", "--db", db)
    assert done.returncode == 0 and "0 new, 0 updated, 2 unchanged" in done.stderr


@pytest.mark.slow
def test_a_broken_file_is_one_line_and_imports_nothing(db: str, tmp_path: Path) -> None:
    broken = tmp_path / "residents.xlsx"
    broken.write_bytes(b"not a workbook at all")
    done = run("residents", "import", str(broken), "--lang", "en", "--db", db)
    assert done.returncode == 1
    assert done.stderr == "checkpoint: error: nothing imported: This is not a readable XLSX workbook.\n"
    done = run("residents", "import", str(tmp_path / "missing.csv"), "--db", db)
    assert done.returncode == 1 and "missing.csv" in done.stderr
    assert _members(db) == []


def test_list_is_masked_and_json(
    db: str, residents_csv: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from checkpoint.domain.residents_import import parse_residents

    database = open_database(db)
    try:
        report = parse_residents(residents_csv.read_bytes())
        database.residents.store_import(report.rows, datetime.now(UTC), None, "residents.csv")
    finally:
        database.close()
    assert main(["residents", "list", "--json", "--db", db, *as_(monkeypatch, LEADER)]) == 0
    [household] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert household["household"] == "3-2-501" and household["exit_every_days"] == 2
    assert [m["name"] for m in household["members"]] == ["张*", "李*"]
    assert household["members"][1]["status"] == "home_quarantined"
    assert id_number(1) not in json.dumps(household) and household["members"][0]["phone"] == "138****8000"


def test_import_needs_an_administrator_and_list_a_shift_leader(
    db: str, residents_csv: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Refused before the file is read or any translation loads: in-process is fine.
    for args in (["--dry-run"], []):
        assert (
            main(["residents", "import", str(residents_csv), *args, "--db", db, *as_(monkeypatch, LEADER)])
            == 1
        )
        assert capsys.readouterr().err == (
            f"checkpoint: error: refused: {LEADER} is shift leader: this needs an administrator or above\n"
        )
    assert main(["residents", "list", "--db", db, *as_(monkeypatch, OPERATOR)]) == 1
    assert "this needs a shift leader or above" in capsys.readouterr().err
    assert main(["residents", "list", "--db", db]) == 1
    assert capsys.readouterr().out == ""
    assert _members(db) == []
    commands = [d.split("(command line: ")[1].split(")")[0] for d in refusals(db)]
    assert commands == ["residents import", "residents import", "residents list", "residents list"]
