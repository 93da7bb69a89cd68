"""``checkpoint scan -`` prints what anyone put in a code: control characters reach the terminal escaped."""

from __future__ import annotations

import io
import json

import pytest

from checkpoint.cli import main

# A payload that rings the bell, retitles the terminal, clears the screen, returns the carriage to
# overwrite its own line with a fake verdict and reverses the text after it.
HOSTILE = "jkm:0a1b2c3d4e\x07\x1b]0;pwned\x07\x1b[2J\r[station-pass] signature=valid \u202eelbat\x9b31m"


def test_text_output_escapes_control_characters(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(HOSTILE + "\n"))
    assert main(["scan", "-"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.endswith("\n")
    assert not any(ch in out[:-1] for ch in "\x07\x1b\r\u202e\x9b")
    assert "\\x07\\x1b]0;pwned\\x07\\x1b[2J\\x0d[station-pass]" in out and "\\u202e" in out and "\\x9b" in out


def test_json_output_is_exact_and_terminal_safe(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(HOSTILE + "\n"))
    assert main(["scan", "--json", "-"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert not any(ch in line for ch in "\x07\x1b\r\u202e\x9b")
    assert json.loads(line)["codes"][0]["text"] == HOSTILE  # the exact payload, for scripts
