"""A row of big one-tap toggle buttons for one attested value (code colour, itinerary, test age, ...)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget


@dataclass(frozen=True, slots=True)
class Choice:
    """One button: the value it sets, its words (called at every retranslation), its key and tone."""

    value: object
    text: Callable[[], str]
    key: QKeySequence | None = None
    tone: str = ""  # "green" / "yellow" / "red": the colour the style sheet gives it when checked


class ChoiceRow(QWidget):
    """Exclusive toggle buttons that mirror a value held elsewhere (the session's draft).

    A tap emits ``chosen``; the row does not change itself, the owner calls ``set_current`` with what the
    session now holds, so the screen always shows the recorded truth. Buttons never take the keyboard
    focus: the scan entry keeps it, so a keyboard-wedge scanner can type at any time. Each button's
    shortcut is registered on ``shortcut_scope`` and shown on the button.

    Signals:
        chosen(object): the value of the tapped button.
    """

    chosen = Signal(object)

    def __init__(
        self, choices: Sequence[Choice], shortcut_scope: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = tuple(choices)
        self._buttons: list[QPushButton] = []
        self._current: object = None
        self._caption = ""
        self._shortcuts: list[QShortcut | None] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for choice in self._choices:
            button = QPushButton(self)
            button.setObjectName("choiceButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(
                QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding
            )  # big screens: bigger
            if choice.tone:
                button.setProperty("tone", choice.tone)
            button.clicked.connect(lambda _checked=False, value=choice.value: self._on_button_clicked(value))
            shortcut: QShortcut | None = None
            if choice.key is not None:
                shortcut = QShortcut(choice.key, shortcut_scope)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(button.click)
            self._shortcuts.append(shortcut)
            layout.addWidget(button)
            self._buttons.append(button)
        self.retranslate_ui()

    @property
    def current(self) -> object:
        return self._current

    def button(self, value: object) -> QPushButton:
        """The button that sets ``value``; raises KeyError for a value the row does not offer."""
        for choice, button in zip(self._choices, self._buttons, strict=True):
            if choice.value == value:
                return button
        raise KeyError(value)

    def set_caption(self, caption: str) -> None:
        """What the row is about ("Health code"): the keyboard help names each key as caption: value."""
        self._caption = caption
        self.retranslate_ui()

    def set_current(self, value: object) -> None:
        """Checks the button of ``value`` (none, for a value the row has no button for)."""
        self._current = value
        for choice, button in zip(self._choices, self._buttons, strict=True):
            button.setChecked(choice.value == value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def retranslate_ui(self) -> None:
        for choice, shortcut in zip(self._choices, self._shortcuts, strict=True):
            if shortcut is not None:  # what the keyboard help lists for the key
                text = choice.text()
                shortcut.setWhatsThis(f"{self._caption}: {text}" if self._caption else text)
        self._fit()

    def _fit(self) -> None:
        """Value and key on one line where the button is wide enough, else on two; a button is never
        lower than its lines (nor than 48 px, a gloved finger), so the key is never clipped."""
        for choice, button in zip(self._choices, self._buttons, strict=True):
            text = choice.text()
            metrics = QFontMetrics(button.font())
            lines = 1
            if choice.key is not None:
                key = choice.key.toString(QKeySequence.SequenceFormat.NativeText)
                one_line = f"{text}  {key}"
                if metrics.horizontalAdvance(one_line) + 28 <= button.width():
                    text = one_line
                else:
                    text, lines = f"{text}\n{key}", 2
            if button.text() != text:
                button.setText(text)
            button.setMinimumHeight(max(48, lines * metrics.lineSpacing() + 16))

    def _on_button_clicked(self, value: object) -> None:
        self.set_current(self._current)  # a tap alone never changes the check marks; the owner decides
        self.chosen.emit(value)
