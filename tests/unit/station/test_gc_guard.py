"""Cycles that hold Qt objects are collected on the GUI thread, never on a worker's."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checkpoint.station.gc_guard import INTERVAL_MS, GuiThreadCollector, collect_on_gui_thread


class _Cycle(QObject):
    destroyed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a reference cycle: only the cycle collector frees it
        self.destroyed.connect(lambda: _Cycle.destroyed_in.append(threading.current_thread().name))


@pytest.fixture()
def collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    gc.collect()
    guard = GuiThreadCollector(qapp)
    yield guard
    guard.stop()
    guard.deleteLater()
    gc.disable()  # the suite keeps automatic collection off (tests/conftest.py)


def test_automatic_collection_is_off_and_the_timer_collects_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled()
    _Cycle.destroyed_in.clear()
    for _ in range(50):
        _Cycle()

    def churn() -> None:  # a worker allocating a lot: Python would have collected here
        junk = [[i] for i in range(100_000)]
        del junk

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.destroyed_in == []  # nothing died on the worker
    kept: list[list[object]] = [
        [] for _ in range(gc.get_threshold()[0] + 1)
    ]  # generation 0 past its threshold
    qtbot.waitUntil(lambda: len(_Cycle.destroyed_in) == 50, timeout=20 * INTERVAL_MS + 5_000)
    assert set(_Cycle.destroyed_in) == {threading.main_thread().name}
    assert len(kept) > gc.get_threshold()[0]


def test_installing_twice_keeps_one_collector(qapp: QApplication) -> None:
    first = collect_on_gui_thread(qapp)
    try:
        assert collect_on_gui_thread(qapp) is first
    finally:
        first.stop()
        first.setParent(None)
        first.deleteLater()
        gc.disable()


def test_settling_freezes_what_lives_and_later_cycles_are_still_collected(
    collector: GuiThreadCollector,
) -> None:
    """After start-up the long-lived objects are frozen, so a full collection no longer visits them
    (a shorter stall); garbage made afterwards is still found."""
    try:
        long_lived = [{"row": i} for i in range(20_000)]
        collector.settle()
        assert gc.get_freeze_count() >= len(long_lived)
        _Cycle.destroyed_in.clear()
        for _ in range(5):
            _Cycle()
        assert gc.collect(2) > 0
        assert _Cycle.destroyed_in == [threading.main_thread().name] * 5
    finally:
        gc.unfreeze()


_FROZEN_CYCLE_AT_EXIT = """
import gc, sys
import numpy as np, zxingcpp
from PySide6.QtCore import QCoreApplication
from checkpoint.station.gc_guard import GuiThreadCollector

class Holder:
    pass

app = QCoreApplication([])
holder = Holder()
holder.me = holder  # a cycle holding zxing-cpp objects, alive when the program settles
holder.read = zxingcpp.read_barcodes  # as the decoder keeps it
holder.found = zxingcpp.read_barcodes(np.zeros((20, 20), np.uint8))
GuiThreadCollector(app).settle()
del holder
"""


def test_a_settled_program_exits_without_nanobind_leak_reports() -> None:
    """Frozen cycles are never collected at shutdown: zxing-cpp's nanobind then printed "leaked
    instances / types / functions" at every exit of the station, which reads like a crash."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _FROZEN_CYCLE_AT_EXIT], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "leaked" not in done.stderr, done.stderr
