"""``checkpoint export handover --format pdf`` and ``checkpoint export anomalies`` on a demo history."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkpoint.cli import main
from checkpoint.domain.records import AuditAction
from checkpoint.storage.database import open_database
from tests.cli.cli_staff import LEADER, OPERATOR, add_staff, as_, pin_line, refusals, signed_in

WINDOW = ["--from", "2026-11-22T08:00:00+08:00", "--to", "2026-11-22T16:00:00+08:00"]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    # A child process: exports load QtCore's translations into a QCoreApplication of their own.
    return subprocess.run(
        [sys.executable, "-m", "checkpoint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def give_pins(db: str, pins: dict[str, str]) -> None:
    """The demo history's operators have no PIN: an administrator sets theirs."""
    database = open_database(db)
    try:
        accounts = {a.operator.name: a.operator for a in database.operators.operator_accounts()}
        for name, pin in pins.items():
            database.operators.set_operator_pin(accounts[name].id, pin, datetime.now(UTC), None)
    finally:
        database.close()


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


def export_audits(db: str) -> list[str]:
    database = open_database(db)
    try:
        return [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.EXPORT]
    finally:
        database.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_handover_pdf_in_chinese_is_written_and_audited(db: str, tmp_path: Path) -> None:
    out = tmp_path / "交接班.pdf"
    done = run(
        "export", "handover", "--format", "pdf", "--out", str(out), "--lang", "zh_CN", "--db", db, *WINDOW,
        *signed_in(LEADER), stdin=pin_line(LEADER),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "passages" in done.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for caption in (
        "交接班记录",
        "值班人员",
        "各时段通行量",
        "劝返名单",
        "留观移交名单",
        "交班带班领导（签字）",
    ):
        assert caption in text
    (audit,) = export_audits(db)
    assert audit.startswith("handover pdf ")


def test_anomaly_handoff_is_masked_by_default(db: str, tmp_path: Path) -> None:
    out = tmp_path / "anomalies.csv"
    done = run(
        "export", "anomalies", "--format", "csv", "--out", str(out), "--lang", "zh_CN", "--db", db, *WINDOW,
        *signed_in(LEADER), stdin=pin_line(LEADER),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows, "a highway day shift always has someone turned back"
    assert all("**********" in r["身份证号"] for r in rows if r["身份证号"])
    assert all(r["手机号"][3:7] == "****" for r in rows if r["手机号"])
    assert {r["处置结果"] for r in rows} >= {"劝返"}
    (audit,) = export_audits(db)
    assert audit.startswith("anomalies csv ") and audit.endswith(" masked")


def test_unmask_is_refused_for_an_operator_and_allowed_for_a_shift_leader(db: str, tmp_path: Path) -> None:
    give_pins(db, {"李秀英": "1357", "王建国": "2468"})
    refused = tmp_path / "refused.xlsx"
    done = run(
        "export", "anomalies", "--format", "xlsx", "--out", str(refused), "--unmask", "--operator", "李秀英",
        "--pin-stdin", "--db", db, *WINDOW, stdin="1357\n",
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "checkpoint: error: refused: 李秀英 is operator: this needs a shift leader or above"
    ]
    done = run(
        "export", "anomalies", "--format", "xlsx", "--out", str(refused), "--unmask", "--operator", "王建国",
        "--pin-stdin", "--db", db, *WINDOW, stdin="0000\n",
    )  # fmt: skip
    assert done.stderr.strip().splitlines() == ["checkpoint: error: refused: wrong PIN"]
    assert not refused.exists()
    done = run(
        "export", "anomalies", "--format", "csv", "--out", str(refused), "--unmask", "--db", db, *WINDOW
    )
    assert done.returncode == 1 and "--operator" in done.stderr
    assert export_audits(db) == []
    assert len(refusals(db)) == 3  # each refusal names the command

    allowed = tmp_path / "full.csv"
    done = run(
        "export", "anomalies", "--format", "csv", "--out", str(allowed), "--unmask", "--operator", "王建国",
        "--pin-stdin", "--lang", "en", "--db", db, *WINDOW, stdin="2468\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "UNMASKED" in done.stdout
    with allowed.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = [r["ID number"] for r in rows]
    assert ids and all(len(i) == 18 and "*" not in i for i in ids if i)
    (audit,) = export_audits(db)
    assert "UNMASKED by 王建国 (shift_leader)" in audit


def test_an_operator_may_not_export_even_masked(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process: the refusal comes before any translation or file is loaded.
    for what, fmt in (("handover", "xlsx"), ("anomalies", "csv")):
        out = tmp_path / f"{what}.{fmt}"
        args = ["export", what, "--format", fmt, "--out", str(out), "--db", db, *WINDOW]
        assert main([*args, *as_(monkeypatch, OPERATOR)]) == 1
        assert capsys.readouterr().err == (
            f"checkpoint: error: refused: {OPERATOR} is operator: this needs a shift leader or above\n"
        )
        assert main(args) == 1
        assert capsys.readouterr().err == (
            "checkpoint: error: this needs --operator NAME (a shift leader or above) and their PIN\n"
        )
        assert not out.exists()
    assert export_audits(db) == []
    details = refusals(db)
    assert len(details) == 4
    assert details[0].startswith(f"{OPERATOR} (operator): export (command line: export handover)")
    assert details[1].startswith("nobody: export (command line: export handover)")


def test_anomalies_as_pdf_and_unmasked_handover_are_refused(db: str, tmp_path: Path) -> None:
    assert main(["export", "anomalies", "--format", "pdf", "--out", str(tmp_path / "a.pdf"), "--db", db]) == 1
    assert (
        main(
            [
                "export",
                "handover",
                "--format",
                "pdf",
                "--out",
                str(tmp_path / "h.pdf"),
                "--unmask",
                "--db",
                db,
            ]
        )
        == 1
    )
    assert not list(tmp_path.glob("*.pdf"))
