"""``checkpoint passes keygen|issue|verify|revoke`` and ``bench verify`` end to end, real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checkpoint.camera.scan_command import scan_image_file
from checkpoint.cli import main
from checkpoint.storage.keys import PRIVATE_KEY_FILE, keys_dir
from tests.cli.cli_staff import ADMIN, LEADER, as_, pin_line, refusals, signed_in


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def test_keygen_issue_verify_revoke(
    staffed_default_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["passes", "keygen", *as_(monkeypatch, ADMIN)]) == 0
    capsys.readouterr()
    assert main(["passes", "keygen", *as_(monkeypatch, ADMIN)]) == 1
    assert "already exists" in capsys.readouterr().err
    rc, issued = run_json(
        capsys, "passes", "issue", "visitor", "--name", "王芳", "--host-household", "3-2-501",
        "--host-name", "张伟", "--purpose", "送药", "--days", "2", "--json", *as_(monkeypatch, ADMIN),
    )  # fmt: skip
    assert rc == 0 and issued["pass"]["visitor_name"] == "王芳"
    payload = issued["payload"]
    rc, checked = run_json(capsys, "passes", "verify", payload, "--json")
    assert (rc, checked["verdict"]) == (0, "valid")
    rc, later = run_json(capsys, "passes", "verify", payload, "--json", "--at", "2099-01-01T00:00:00Z")
    assert (rc, later["verdict"]) == (1, "expired")
    forged = payload[:-3] + ("A" if payload[-3] != "A" else "B") + payload[-2:]
    rc, bad = run_json(capsys, "passes", "verify", forged, "--json")
    assert rc == 1 and bad["verdict"] in ("forged", "not-a-pass")
    revoke = ["passes", "revoke", issued["pass"]["id"], "--reason", "host cancelled"]
    assert main([*revoke, *as_(monkeypatch, ADMIN)]) == 0
    capsys.readouterr()
    rc, revoked = run_json(capsys, "passes", "verify", payload, "--json")
    assert (rc, revoked["verdict"]) == (1, "revoked")


def test_issue_without_a_key_or_with_bad_fields_fails_in_one_line(
    staffed_default_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["passes", "issue", "supply-vehicle", "--plate", "京A12345", "--route", "r", "--company", "c"]
    assert main([*args, *as_(monkeypatch, ADMIN)]) == 1
    assert "passes keygen" in capsys.readouterr().err
    assert main(["passes", "keygen", *as_(monkeypatch, ADMIN)]) == 0
    assert main([*args, "--days", "3", "--until", "2030-01-01", *as_(monkeypatch, ADMIN)]) == 1
    assert main(["passes", "revoke", "not-a-uuid", "--reason", "x", *as_(monkeypatch, ADMIN)]) == 1


def test_the_key_and_revocations_need_an_administrator_issuing_a_leader(
    staffed_default_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    needs = "checkpoint: error: refused: 吴带班 is shift leader: this needs an administrator or above\n"
    assert main(["passes", "keygen", *as_(monkeypatch, LEADER)]) == 1
    assert capsys.readouterr().err == needs
    assert not (keys_dir() / PRIVATE_KEY_FILE).exists()  # no key was made
    assert main(["passes", "keygen", *as_(monkeypatch, ADMIN)]) == 0
    capsys.readouterr()
    issue = ["passes", "issue", "exit-slip", "--household", "3-2-501", "--name", "张伟"]
    # a shift leader issues passes (as in the GUI's Issue pass dialog: the same station service)
    assert main([*issue, *as_(monkeypatch, LEADER)]) == 0
    assert capsys.readouterr().out.startswith("CPS1:")
    assert main(issue) == 1
    assert capsys.readouterr().err.endswith(
        "checkpoint: error: this needs --operator NAME (a shift leader or above) and their PIN\n"
    )
    revoke = ["passes", "revoke", "0b7d3c4e-7a0e-4b6f-9a43-3f0a7d0c2e11", "--reason", "lost"]
    assert main([*revoke, *as_(monkeypatch, LEADER)]) == 1
    assert capsys.readouterr().out == ""  # nothing revoked
    commands = [d.split("(command line: ")[1].split(")")[0] for d in refusals(staffed_default_db)]
    assert commands == ["passes keygen", "passes issue", "passes revoke"]


@pytest.mark.slow
def test_issue_writes_a_card_whose_qr_verifies(staffed_default_db: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "checkpoint"]
    admin, pin = signed_in(ADMIN), pin_line(ADMIN)
    subprocess.run(
        [*command, "passes", "keygen", *admin], input=pin, text=True, env=env, check=True, capture_output=True
    )
    card = tmp_path / "出门条.png"
    done = subprocess.run(
        [*command, "passes", "issue", "exit-slip", "--household", "3-2-501", "--name", "张伟", "--png", card,
         *admin],
        input=pin, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    payload = done.stdout.strip()
    [code] = scan_image_file(card)
    assert code.text == payload
    verified = subprocess.run(
        [*command, "passes", "verify", str(card)], env=env, capture_output=True, text=True
    )
    assert verified.returncode == 0 and verified.stdout.startswith("valid")
    assert "张伟" in verified.stdout


def test_bench_verify_reports_both_under_budget(capsys: pytest.CaptureFixture[str]) -> None:
    rc, report = run_json(capsys, "bench", "verify", "--repeat", "50", "--json")
    assert rc == 0
    assert report["dcc"]["median_ms"] < 5 and report["station_pass"]["median_ms"] < 5
