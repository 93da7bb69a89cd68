"""The big coloured band that says a passage IS recorded; shown only once it is on disk."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from checkpoint.domain.records import Outcome, Passage
from checkpoint.station.texts import outcome_text
from checkpoint.ui.style import repolish

CONFIRMATION_MS = 4000


class ConfirmationBand(QWidget):
    """A green / amber / red band with the recorded outcome; it clears itself after a few seconds.

    The band keeps its place when clear (empty and neutral) so the screen does not jump.

    Signals:
        expired(): the band cleared itself after its duration (the station returns to scanning).
    """

    expired = Signal()

    def __init__(self, parent: QWidget | None = None, duration_ms: int = CONFIRMATION_MS) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._outcome: Outcome | None = None
        self._label = QLabel(self)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self._label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duration_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.setMinimumHeight(72)

    @property
    def outcome(self) -> Outcome | None:
        """The outcome on show, None when the band is clear."""
        return self._outcome

    @property
    def duration_ms(self) -> int:
        return self._timer.interval()

    def set_duration_ms(self, duration_ms: int) -> None:
        """How long a confirmation stays; 0 keeps it until the next one or ``clear``."""
        self._timer.setInterval(max(0, duration_ms))

    def text(self) -> str:
        return self._label.text()

    @Slot(object)
    def show_passage(self, passage: Passage) -> None:
        self._outcome = passage.outcome
        self.setProperty("outcome", passage.outcome.value)
        repolish(self)
        self.retranslate_ui()
        if self._timer.interval() > 0:
            self._timer.start()

    def clear(self) -> None:
        self._timer.stop()
        self._outcome = None
        self._label.clear()
        self.setProperty("outcome", "")
        repolish(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        if self._outcome is not None:
            self._label.setText(self.tr("Recorded: {outcome}").format(outcome=outcome_text(self._outcome)))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.clear()
        self.expired.emit()
