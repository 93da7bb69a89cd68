"""Asks a shift leader for the case number or reason before full personal data is shown (tracing).

Full names, ID numbers and phones are shown for a case, not out of curiosity: what is typed here goes
into the audit entry of every unmasked search and export while full details stay on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_REASON = 3  # characters: "流调3" at least, never an empty or one-key reason
TOUCH_HEIGHT = 48


class UnmaskReasonDialog(QDialog):
    """A case number or reason (at least ``MIN_REASON`` characters); OK stays off until there is one."""

    def __init__(self, operator_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operator_name = operator_name
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(200)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for widget in (self.reason_edit, *self.buttons.buttons()):
            widget.setMinimumHeight(TOUCH_HEIGHT)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.reason_edit)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_reason_edit_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        self._on_reason_edit_changed("")
        self.setMinimumWidth(560)
        self.reason_edit.setFocus()

    @property
    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())

    @property
    def ok_button(self) -> QWidget:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Show full details"))
        self.message_label.setText(
            self.tr(
                "Full names, ID numbers and phones are shown for a case. Type its case number or the "
                "reason: it is kept in the audit trail with your name ({name}) for every search and "
                "export while full details are on."
            ).format(name=self._operator_name)
        )
        self.reason_edit.setPlaceholderText(self.tr("e.g. case 2031-0715-07, health commission request"))

    @Slot(str)
    def _on_reason_edit_changed(self, _text: str) -> None:
        self.ok_button.setEnabled(len(self.reason) >= MIN_REASON)
