"""The alarm strip: big, red or amber, one line per open alarm, until the operator acknowledges it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from checkpoint.station.alarms import Alarm, AlarmKind, AlarmLevel
from checkpoint.station.texts import enum_text
from checkpoint.ui.style import repolish

ACKNOWLEDGE_KEY = QKeySequence("Ctrl+K")

_STYLE = """
AlarmBanner { border-radius: 6px; }
AlarmBanner[level="red"] { background: #b3261e; }
AlarmBanner[level="amber"] { background: #b86e00; }
AlarmBanner QLabel { color: white; font-size: 17pt; font-weight: bold; }
AlarmBanner QPushButton { font-size: 13pt; font-weight: bold; padding: 4px 12px; }
"""


class AlarmBanner(QFrame):
    """Shows the draft's open alarms with their reason and masked subject; hidden when there is none.

    Signals:
        acknowledge_requested(): the operator pressed the button (the view owns the shortcut too).
    """

    acknowledge_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setProperty("level", AlarmLevel.AMBER.value)
        self._alarms: tuple[Alarm, ...] = ()
        self._pending = False
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self._on_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setVisible(False)
        self.retranslate_ui()

    @property
    def alarms(self) -> tuple[Alarm, ...]:
        return self._alarms

    @property
    def level(self) -> AlarmLevel | None:
        return self._alarms[0].level if self._alarms else None

    def text(self) -> str:
        return self.label.text()

    def show_alarms(self, alarms: tuple[Alarm, ...], pending: bool = False) -> None:
        """The open alarms (most severe first); ``pending`` while an acknowledgement is being written."""
        self._alarms = alarms
        self._pending = pending
        level = AlarmLevel.RED if any(a.level is AlarmLevel.RED for a in alarms) else AlarmLevel.AMBER
        if self.property("level") != level.value:
            self.setProperty("level", level.value)
            repolish(self)
        self._show_text()
        self.setVisible(bool(alarms))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        key = ACKNOWLEDGE_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        self.button.setText(self.tr("Acknowledge\n{key}").format(key=key))
        self._show_text()

    def _line(self, alarm: Alarm) -> str:
        words = enum_text(alarm.kind)
        if alarm.kind is AlarmKind.OVERDUE and alarm.since is not None:
            words = self.tr("{what} (out since {time}, {hours} h allowed)").format(
                what=words, time=alarm.since.astimezone().strftime("%m-%d %H:%M"), hours=alarm.hours
            )
        elif alarm.kind is AlarmKind.OVER_QUOTA:
            words = self.tr("{what} (one exit per {days} days)").format(what=words, days=alarm.hours)
        elif alarm.detail:
            words = f"{words}: {alarm.detail}"
        return f"⚠ {words} — {alarm.subject}" if alarm.subject else f"⚠ {words}"

    def _show_text(self) -> None:
        self.label.setText("\n".join(self._line(alarm) for alarm in self._alarms))
        self.button.setEnabled(not self._pending)

    @Slot()
    def _on_button_clicked(self) -> None:
        self.acknowledge_requested.emit()
