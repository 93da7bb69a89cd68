"""One message channel for non-UI code to tell the operator something (qutebrowser ``utils/message``)."""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import QObject, Signal

_log = logging.getLogger(__name__)


class MessageLevel(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2


class MessageBus(QObject):
    """Carries translated messages to whatever shows them.

    Signals:
        message(int, str): a ``MessageLevel`` and the text, already translated.
    """

    message = Signal(int, str)

    def info(self, text: str) -> None:
        _log.info("%s", text)
        self.message.emit(int(MessageLevel.INFO), text)

    def warning(self, text: str) -> None:
        _log.warning("%s", text)
        self.message.emit(int(MessageLevel.WARNING), text)

    def error(self, text: str) -> None:
        _log.error("%s", text)
        self.message.emit(int(MessageLevel.ERROR), text)
