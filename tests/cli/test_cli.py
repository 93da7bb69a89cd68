"""The ``checkpoint`` command as an administrator or a script uses it: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import segno

from checkpoint.cli import main
from tests.cli.cli_staff import LEADER, add_staff, pin_line, signed_in


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checkpoint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture()
def qr_png(tmp_path: Path) -> Path:
    path = tmp_path / "pass.png"
    segno.make("通行证 张三 3栋2单元", error="m").save(str(path), scale=8, border=4)
    return path


def test_scan_json_reports_text_kind_and_corners(qr_png: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--json", str(qr_png)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["input"] == str(qr_png)
    assert result["error"] is None
    (code,) = result["codes"]
    assert code["text"] == "通行证 张三 3栋2单元"
    assert code["kind"] == "unknown"
    assert code["signature"] == "none"
    assert len(code["points"]) == 4


def test_scan_stdin_one_object_per_line_in_order() -> None:
    lines = "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH\nhttps://jkm.example.gov.cn/h5/code?token=abc123\n\x00\x01garbage\n"
    done = run("scan", "--json", "-", stdin=lines)
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["codes"][0]["kind"] for r in results] == ["dcc", "health-code", "unknown"]


def test_scan_unreadable_image_is_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    done = run("scan", str(broken))
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "broken.png" in done.stderr


def test_scan_json_keeps_going_after_a_bad_input(qr_png: Path, tmp_path: Path) -> None:
    done = run("scan", "--json", str(tmp_path / "missing.png"), str(qr_png))
    assert done.returncode == 1
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["error"] and first["codes"] == []
    assert second["codes"][0]["text"] == "通行证 张三 3栋2单元"


def test_bad_time_is_a_usage_error() -> None:
    done = run("scan", "--at", "yesterday", "-", stdin="")
    assert done.returncode == 2
    assert "ISO-8601" in done.stderr


def test_demo_data_then_verify_then_export(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert main(["demo-data", "--days", "1", "--db", db, "--end", "2026-11-20T08:00:00+08:00"]) == 0
    assert main(["db", "verify", "--db", db]) == 0
    add_staff(db)
    out = tmp_path / "handover.xlsx"
    window = ["--from", "2026-11-19T08:00:00+08:00", "--to", "2026-11-20T08:00:00+08:00", "--db", db]
    window += signed_in(LEADER)
    # In a child process: the export loads QtCore's translations into a QCoreApplication of its own.
    done = run(
        "export", "handover", "--format", "xlsx", "--out", str(out), "--lang", "zh_CN", *window,
        stdin=pin_line(LEADER),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    summary = book.worksheets[0]
    texts = [str(c) for row in summary.iter_rows(values_only=True) for c in row if c is not None]
    assert "交接班记录" in texts
    passages = book.worksheets[1]
    assert passages.max_row > 100  # a day at a highway exit
    assert passages.freeze_panes == "A2"
    csv_out = tmp_path / "handover.csv"
    done = run(
        "export", "handover", "--format", "csv", "--out", str(csv_out), "--lang", "en", *window,
        stdin=pin_line(LEADER),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    header = csv_out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Plate" in header


def test_verify_names_the_edited_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "station.sqlite3"
    db = f"sqlite:///{path}"
    assert main(["demo-data", "--days", "1", "--db", db]) == 0
    con = sqlite3.connect(path)
    with con:
        seq = con.execute("SELECT seq FROM passage ORDER BY seq LIMIT 1 OFFSET 10").fetchone()[0]
        con.execute("UPDATE passage SET outcome = 'pass', direction = 'out' WHERE seq = ?", (seq,))
    con.close()
    capsys.readouterr()
    assert main(["db", "verify", "--db", db]) == 1
    out = capsys.readouterr().out
    assert f"record #{seq}" in out
    assert "edited" in out


def test_export_to_missing_folder_writes_nothing_and_says_so(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert main(["demo-data", "--days", "1", "--db", db]) == 0
    add_staff(db)
    done = run(
        "export", "handover", "--format", "xlsx", "--out", str(tmp_path / "nope" / "h.xlsx"), "--db", db,
        *signed_in(LEADER), stdin=pin_line(LEADER),
    )  # fmt: skip
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "nope").exists()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    db = f"sqlite:///{path}"
    assert main(["demo-data", "--days", "1", "--db", db]) == 0
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    con.close()  # the last connection checkpoints the WAL into the file
    before = path.read_bytes()
    done = run("db", "verify", "--db", db)
    assert done.returncode == 1
    assert "newer" in done.stderr.lower()
    assert len(done.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_unwritable_data_folder_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run("db", "verify", "--db", f"sqlite:///{blocker / 'sub' / 'station.sqlite3'}")
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
