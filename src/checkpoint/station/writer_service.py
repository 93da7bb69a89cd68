"""The base of the station services whose work runs on the one writer thread: they hold the writer, the
message bus and the clock, and a storage failure reaches the operator the same way from each of them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, SignalInstance

from checkpoint.station.messages import MessageBus
from checkpoint.station.texts import enum_text
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.errors import StorageError


class WriterService(QObject):
    """Given the writer, the message bus and (for tests) a clock; the clock is the system's UTC clock
    otherwise. Subclasses submit jobs with ``self._writer.submit`` and declare their own signals."""

    def __init__(
        self,
        writer: RecordWriter,
        messages: MessageBus,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._messages = messages
        self._clock = clock or (lambda: datetime.now(UTC))

    def _announce_storage_error(self, error: StorageError, failed: SignalInstance) -> None:
        """A job the writer could not do: the reason, translated, on the message bus and on ``failed``."""
        message = enum_text(error.kind)
        self._messages.error(message)
        failed.emit(message)
