"""A walk-in visitor: name, host household, host, purpose and expected exit time.

OK is possible once the visitor's name and a host (household or name) are typed. The expected exit is a
time today (tomorrow when it is earlier than now: a visit over midnight). The session then proposes under
the rules' ``visitor_has_host`` and the passage is recorded on confirm as usual, with the details in its
note (who is inside shows them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QTime, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from checkpoint.station.presence import VisitorDetails

DEFAULT_VISIT = timedelta(hours=2)


class VisitorEntryDialog(QDialog):
    """Asks for the visitor's details; ``details()`` is the result after Accept."""

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock  # the station's time: the default exit and "today" or "tomorrow"
        self.name_edit = QLineEdit(self)
        self.household_edit = QLineEdit(self)
        self.host_edit = QLineEdit(self)
        self.purpose_edit = QLineEdit(self)
        self.exit_edit = QTimeEdit(self)
        self.exit_edit.setDisplayFormat("HH:mm")
        local = (self._clock() + DEFAULT_VISIT).astimezone()
        self.exit_edit.setTime(QTime(local.hour, local.minute))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._captions = [QLabel(self) for _ in range(5)]
        form = QFormLayout()
        edits = (self.name_edit, self.household_edit, self.host_edit, self.purpose_edit, self.exit_edit)
        for caption, edit in zip(self._captions, edits, strict=True):
            form.addRow(caption, edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.name_edit, self.household_edit, self.host_edit):
            edit.textChanged.connect(self._on_edit_text_changed)
        self.retranslate_ui()
        self._on_edit_text_changed()
        self.resize(520, self.sizeHint().height())

    def expected_exit(self) -> datetime:
        """The exit time as a moment: today at the chosen time, tomorrow when that is already past."""
        now = self._clock().astimezone()
        chosen = self.exit_edit.time()
        at = now.replace(hour=chosen.hour(), minute=chosen.minute(), second=0, microsecond=0)
        return at + timedelta(days=1) if at < now else at

    def is_valid(self) -> bool:
        host = self.household_edit.text().strip() or self.host_edit.text().strip()
        return bool(self.name_edit.text().strip() and host)

    def details(self) -> VisitorDetails:
        """What was typed, spaces tidied (only meaningful when ``is_valid()``)."""

        def tidy(edit: QLineEdit) -> str:
            return " ".join(edit.text().split())

        return VisitorDetails(
            name=tidy(self.name_edit),
            host_household=tidy(self.household_edit),
            host_name=tidy(self.host_edit),
            purpose=tidy(self.purpose_edit),
            expected_exit=self.expected_exit(),
        )

    def accept(self) -> None:
        if self.is_valid():
            super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Walk-in visitor"))
        self._intro.setText(
            self.tr("Who is visiting whom: the visitor's name and the host household or the host's name.")
        )
        texts = (
            self.tr("Visitor's name"),
            self.tr("Host household"),
            self.tr("Host's name"),
            self.tr("Purpose"),
            self.tr("Expected exit"),
        )
        for caption, text in zip(self._captions, texts, strict=True):
            caption.setText(text)
        self.household_edit.setPlaceholderText(self.tr("e.g. 5-1-302"))

    @Slot()
    def _on_edit_text_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.is_valid())
