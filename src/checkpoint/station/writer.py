"""One writer: every database write goes through one worker thread (Anki ``qt/aqt/taskman``).

Jobs are plain callables taking the ``Database``; they run in order on the writer thread, and their
result or ``StorageError`` comes back to the GUI thread by a queued signal, where the caller's callbacks
run. Worker code never touches widgets. Anything that is not a ``StorageError`` is our bug: it is logged
with its traceback and reported as ``StorageErrorKind.OTHER`` so the station keeps working.

The UI never sees a ``StorageError``: the station services it calls hand its callbacks the reason in words
(``in_words``), as their ``failed(str)`` signals do.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from checkpoint.station.texts import enum_text
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError, StorageErrorKind

_log = logging.getLogger(__name__)

Job = Callable[[Database], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[StorageError], None]
OnFailed = Callable[[str], None]  # a UI callback: why a job failed, in the operator's words


def in_words(on_failed: OnFailed) -> OnError:
    """The ``on_error`` a service gives the writer for a UI callback: the failure's kind in words."""

    def on_error(error: StorageError) -> None:
        on_failed(enum_text(error.kind))

    return on_error


class RecordWriter(QObject):
    """Runs database jobs one at a time on its own thread.

    Signals:
        busy_changed(bool): whether jobs are waiting or running (the UI may show a small indicator).
    """

    busy_changed = Signal(bool)
    _finished = Signal(int, object, object)  # job id, result, StorageError | None

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._queue: queue.Queue[tuple[int, Job] | None] = queue.Queue()
        self._callbacks: dict[int, tuple[OnDone | None, OnError | None]] = {}
        self._ids = itertools.count(1)
        self._thread: threading.Thread | None = None
        self._finished.connect(self._on_job_finished)

    @property
    def database(self) -> Database:
        return self._database

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="RecordWriter", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finishes the jobs already submitted, then ends the thread."""
        if self._thread is None:
            return
        self._queue.put(None)
        self._thread.join(timeout)
        self._thread = None

    def submit(self, job: Job, on_done: OnDone | None = None, on_error: OnError | None = None) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._queue.put((job_id, job))
        return job_id

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job_id, job = item
            try:
                result = job(self._database)
            except StorageError as error:
                self._finished.emit(job_id, None, error)
            except Exception as error:  # our bug: log it, keep the station running
                _log.exception("database job failed")
                self._finished.emit(job_id, None, StorageError(StorageErrorKind.OTHER, repr(error)))
            else:
                self._finished.emit(job_id, result, None)

    @Slot(int, object, object)
    def _on_job_finished(self, job_id: int, result: Any, error: StorageError | None) -> None:
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        if error is not None:
            if on_error is not None:
                on_error(error)
        elif on_done is not None:
            on_done(result)
