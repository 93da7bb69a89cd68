"""A visible message strip: errors stay until the operator dismisses them, other messages time out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from checkpoint.station.messages import MessageLevel
from checkpoint.ui.style import repolish

TRANSIENT_MS = 6000

_LEVEL_NAMES = {MessageLevel.INFO: "info", MessageLevel.WARNING: "warning", MessageLevel.ERROR: "error"}


class MessageBanner(QWidget):
    """Shows one message at a time, coloured by level (the style sheet selects on ``level``).

    Signals:
        dismissed(): the operator closed the banner.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, transient_ms: int = TRANSIENT_MS) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._level = MessageLevel.INFO
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._close = QPushButton(self)
        self._close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._close.clicked.connect(self._on_close_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(transient_ms)
        self._timer.timeout.connect(self.hide)
        self.setVisible(False)
        self.retranslate_ui()

    @property
    def level(self) -> MessageLevel:
        return self._level

    def text(self) -> str:
        return self._label.text()

    @Slot(int, str)
    def show_message(self, level: int, text: str) -> None:
        """Errors stay until dismissed; info and warnings hide after a few seconds."""
        self._level = MessageLevel(level)
        self._label.setText(text)
        self.setProperty("level", _LEVEL_NAMES[self._level])
        repolish(self)
        repolish(self._label)
        self.setVisible(True)
        if self._level is MessageLevel.ERROR:
            self._timer.stop()
        else:
            self._timer.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._close.setText(self.tr("Dismiss"))

    @Slot()
    def _on_close_clicked(self) -> None:
        self._timer.stop()
        self.hide()
        self.dismissed.emit()
