"""The Qt binding must not corrupt the interpreter over a long shift.

PySide6 6.12.0 dropped a reference to ``True`` on every ``Signal.emit`` on Python 3.11 (whose bools are not
immortal): a station emitting preview and decode signals 60 times a second aborts within minutes
("bool_dealloc: deallocating True or False"). pyproject.toml excludes that release; this test keeps any
other release with the same fault out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    happened = Signal(object)


def test_emitting_signals_does_not_leak_references_to_true(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True)
    for index in range(2000):
        emitter.happened.emit(index)
    after = sys.getrefcount(True)
    assert len(received) == 2000
    assert abs(after - before) < 50, f"True lost {before - after} references over 2000 emits"
