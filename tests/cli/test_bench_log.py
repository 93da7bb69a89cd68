"""``checkpoint bench log`` and ``checkpoint purge`` as an administrator runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checkpoint.cli import main
from tests.cli.cli_staff import ADMIN, LEADER, add_staff, as_, refusals


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checkpoint", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture()
def demo_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["demo-data", "--passages", "1500", "--days", "3", "--db", url]) == 0
    return url


@pytest.mark.slow
def test_bench_log_json_reports_every_figure_beside_its_target(demo_db: str) -> None:
    result = run("bench", "log", "--json", "--db", demo_db)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["passages"] > 1000
    names = [figure["name"] for figure in report["figures"]]
    for expected in (
        "log view opens (today)",
        "log view opens (whole log)",
        "scroll: worst batch fetched and painted",
        "trace by plate",
        "trace by ID number",
        "handover export XLSX",
        "handover export PDF",
    ):
        assert expected in names
    for figure in report["figures"]:
        assert figure["ms"] > 0 and figure["target_ms"] > 0
        assert figure["ok"] == (figure["ms"] <= figure["target_ms"])
    exports = [f for f in report["figures"] if f["name"].startswith("handover export")]
    assert all(f["detail"] == f"{report['passages']} passages" for f in exports)


def test_bench_log_on_an_empty_database_says_so(tmp_path: Path) -> None:
    result = run("bench", "log", "--db", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("checkpoint: error:") and "demo-data" in result.stderr


def test_purge_dry_run_then_purge_then_verify(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_staff(demo_db)
    dry = ["purge", "--older-than", "1", "--dry-run", "--json", "--db", demo_db]
    assert main([*dry, *as_(monkeypatch, ADMIN)]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["dry_run"] is True and plan["passages"] > 0
    assert sum(plan["per_month"].values()) == plan["passages"] + plan["kept_for_corrections"]
    assert main([*dry, *as_(monkeypatch, ADMIN)]) == 0
    again = json.loads(capsys.readouterr().out)
    del again["before"], plan["before"]  # "now" moved on a little
    assert again == plan  # the dry run changed nothing

    assert main(["purge", "--older-than", "1", "--json", "--db", demo_db, *as_(monkeypatch, ADMIN)]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["passages"] == plan["passages"] and done["summaries"] > 0
    assert main(["db", "verify", "--json", "--db", demo_db]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_only_an_administrator_may_purge(
    demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_staff(demo_db)
    assert main(["purge", "--older-than", "1", "--db", demo_db, *as_(monkeypatch, LEADER)]) == 1
    assert "administrator" in capsys.readouterr().err
    assert main(["purge", "--older-than", "1", "--db", demo_db]) == 1  # nobody signed in
    assert any("purge" in detail for detail in refusals(demo_db))


@pytest.mark.parametrize("days", ["0", "-3"])
def test_purge_refuses_a_period_under_one_day(
    demo_db: str, days: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["purge", "--older-than", days, "--db", demo_db]) == 1
    assert "--older-than" in capsys.readouterr().err
