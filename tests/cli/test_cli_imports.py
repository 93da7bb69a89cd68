"""What a command loads: only its own module (``checkpoint.cli``'s lazy command table), so help and the
light commands stay quick and Qt-free; only ``gui`` and the GUI benches load Qt widgets."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from checkpoint.cli import COMMANDS, build_parser

PROBE = """
import json, sys
from checkpoint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "sqlalchemy", "cv2")
print(json.dumps([name for name in heavy if name in sys.modules]), file=sys.__stderr__)
"""


def loaded(*args: str) -> set[str]:
    """The heavy libraries loaded by ``checkpoint <args>`` (stdin empty, run to its end or its error)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        input="",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["gui", "--help"], ["bench", "--help"], ["passes", "--help"]],
    ids=" ".join,
)
def test_help_loads_neither_qt_nor_the_database(args: list[str]) -> None:
    assert loaded(*args) == set()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["bench", "decode", "--data", "/nonexistent"], {"cv2"}),
        (["bench", "verify", "--repeat", "0"], set()),
        (["passes", "revoke", "not-a-uuid", "--reason", "x"], {"sqlalchemy"}),
        (["residents", "list"], {"sqlalchemy"}),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_command_loads_what_it_needs_and_no_qt(args: list[str], expected: set[str]) -> None:
    assert loaded(*args) == expected


def test_scan_loads_no_qt() -> None:
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} & loaded("scan", "-")


def _sub_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = next(
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    ).choices[name]
    return sub


def test_every_command_in_the_table_has_a_module_that_declares_and_runs_it() -> None:
    parser = build_parser(everything=True)
    for command in COMMANDS:
        for leaf in command.commands or (command,):
            found = _sub_parser(parser, command.name)
            if leaf is not command:
                found = _sub_parser(found, leaf.name)
            assert callable(found.get_default("handler")), (command.name, leaf.name)
