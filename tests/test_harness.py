"""The harness of tests/conftest.py: Qt fixtures mark a test ``gui``, and a logged warning fails a test that
did not say it expects one."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")
ROOT = CONFTEST.parents[1]


def test_a_qt_fixture_marks_the_test_gui(qapp: object, request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("gui") is not None


def test_a_test_without_qt_is_not_gui(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("gui") is None


@pytest.mark.expected_log
def test_a_test_marked_expected_log_may_log_a_warning() -> None:
    logging.getLogger("checkpoint.harness").warning("expected by the mark")


def test_a_test_reading_caplog_may_log_an_error(caplog: pytest.LogCaptureFixture) -> None:
    logging.getLogger("checkpoint.harness").error("expected through caplog")
    assert "expected through caplog" in caplog.text


@pytest.mark.slow
def test_an_unexpected_warning_fails_the_test(tmp_path: Path) -> None:
    """Run in a pytest of its own (with this harness), since the failure is the point."""
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_logs.py").write_text(
        "import logging\n"
        "import pytest\n\n"
        "def test_quiet():\n"
        "    logging.getLogger('checkpoint.x').info('fine')\n\n"
        "def test_warns():\n"
        "    logging.getLogger('checkpoint.x').warning('nobody expected this')\n\n"
        "def test_errs_on_another_logger():\n"
        "    logging.getLogger('somewhere.else').error('nor this')\n\n"
        "@pytest.mark.expected_log\n"
        "def test_marked():\n"
        "    logging.getLogger('checkpoint.x').warning('said so')\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", str(tmp_path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # the harness imports tests.station_clock
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "4 passed, 2 errors" in run.stdout, (
        run.stdout
    )  # test_warns and test_errs pass, then fail at teardown
    assert "WARNING checkpoint.x: nobody expected this" in run.stdout
    assert "ERROR somewhere.else: nor this" in run.stdout
    assert "said so" not in run.stdout
