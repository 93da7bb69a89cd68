"""Slow reads off the GUI thread and off the writer: one read at a time on its own short-lived thread.

The writer (``station/writer.py``) owns every write and must stay free for passages; the GUI thread must
never wait on the disk (DESIGN.md). A read that takes long -- walking the whole hash chain, reading the
residents registry again after an import -- therefore runs here, in its own read transaction (SQLite in
WAL mode lets it read beside the writer; see ``Database.reads_beside_writes``), and its result or
``StorageError`` comes back to the GUI thread by a queued signal, where the caller's callbacks run.

The work is a plain callable given a ``threading.Event``: set when the station closes, so a long read can
give up at its next step by raising :class:`ReadStoppedError`. Nothing Qt is created on the thread; the work's
result should be plain Python objects (collected on the GUI thread, see ``station/gc_guard.py``).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from checkpoint.storage.errors import StorageError, StorageErrorKind

_log = logging.getLogger(__name__)

Work = Callable[[threading.Event], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[StorageError], None]


class ReadStoppedError(Exception):
    """Raised by a read that saw its stop event: it gave up, and nobody is told of a result."""


class BackgroundRead(QObject):
    """Runs one read at a time on its own thread; the result comes back on the GUI thread.

    Signals: none public (the callbacks given to :meth:`start` run on the GUI thread).
    """

    _finished = Signal(int, object, object)  # run number, result, StorageError | None

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._runs = itertools.count(1)
        self._run = 0
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._callbacks: tuple[OnDone, OnError] | None = None
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        """Whether a read is under way (its callbacks have not run yet)."""
        return self._thread is not None

    def start(self, work: Work, on_done: OnDone, on_error: OnError) -> bool:
        """Starts ``work`` on a new thread; False (nothing started) while another read is under way."""
        if self._thread is not None:
            return False
        self._run = next(self._runs)
        self._stop = threading.Event()
        self._callbacks = (on_done, on_error)
        thread = threading.Thread(
            target=_read, args=(work, self._stop, self._run, self._finished), name=self._name, daemon=True
        )
        self._thread = thread
        thread.start()
        return True

    def stop(self, timeout: float = 10.0) -> bool:
        """Asks the read under way to give up and waits up to ``timeout`` seconds for its thread to end;
        its callbacks never run. False when the thread is still busy after that (a single long statement
        such as SQLite's integrity check cannot be cut short; the thread is a daemon and dies with the
        process)."""
        thread = self._thread
        if thread is None:
            return True
        self._stop.set()
        self._run = 0  # a result already on its way is dropped
        self._thread = None
        self._callbacks = None
        thread.join(timeout)
        if thread.is_alive():
            _log.warning("%s did not stop within %.0f s; left to end with the process", self._name, timeout)
            return False
        return True

    @Slot(int, object, object)
    def _on_finished(self, run: int, result: Any, error: StorageError | None) -> None:
        if run != self._run or self._thread is None or self._callbacks is None:
            return  # stopped meanwhile
        thread, (on_done, on_error) = self._thread, self._callbacks
        self._thread, self._callbacks = None, None
        thread.join()  # it has emitted its last signal and is returning
        if error is not None:
            on_error(error)
        else:
            on_done(result)


def _read(work: Work, stop: threading.Event, run: int, finished: Any) -> None:
    """The thread's body: no Qt object is made or dropped here, only the queued signal is emitted."""
    try:
        result: Any = work(stop)
        error: StorageError | None = None
    except ReadStoppedError:
        return
    except StorageError as refused:
        result, error = None, refused
    except Exception as bug:  # our bug: log it, keep the station running
        _log.exception("background read failed")
        result, error = None, StorageError(StorageErrorKind.OTHER, repr(bug))
    try:
        finished.emit(run, result, error)
    except RuntimeError:  # its owner was deleted meanwhile (the station closed): nobody to tell
        _log.info("background read finished after its owner was gone")
