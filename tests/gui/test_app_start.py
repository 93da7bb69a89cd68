"""Starting on a database it must not touch: a visible message, exit code 1, the file unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from checkpoint.app import run_gui
from checkpoint.storage.database import open_database


def _close_message_boxes_into(seen: list[str]) -> QTimer:
    """Reads and closes every message box that opens, as an operator would after reading it."""
    timer = QTimer()

    def check() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                widget.done(QMessageBox.StandardButton.Ok)

    timer.timeout.connect(check)
    timer.start(20)
    return timer


@pytest.mark.expected_log  # the refused start is logged
def test_a_database_from_a_newer_version_is_refused_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    open_database(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    con.close()
    before = path.read_bytes()
    seen: list[str] = []
    timer = _close_message_boxes_into(seen)
    url = f"sqlite:///{path}"
    code = run_gui(camera="demo", db_url=url, profile=None, language="zh_CN", fullscreen=False)
    timer.stop()
    assert code == 1
    assert len(seen) == 1
    assert "更新版本" in seen[0]  # "made by a newer version", in the operator's language
    assert path.read_bytes() == before


@pytest.mark.expected_log  # the refused start is logged
def test_an_unwritable_data_folder_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    seen: list[str] = []
    timer = _close_message_boxes_into(seen)
    url = f"sqlite:///{blocker / 'data' / 'station.sqlite3'}"
    code = run_gui(camera="demo", db_url=url, profile=None, language="en", fullscreen=False)
    timer.stop()
    assert code == 1
    assert len(seen) == 1
    assert "cannot be written" in seen[0]
