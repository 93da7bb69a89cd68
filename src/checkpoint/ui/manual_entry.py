"""Degraded mode: the operator types the person's identity when there is no phone or the platform is down.

The ID number is checked as it is typed (GB 11643: length, characters, check digit, region, birth date),
each problem in plain words; the phone is optional and checked when given. OK is possible only when
everything typed is valid; the passage is then flagged for a later re-check.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.records import PersonFlag
from checkpoint.domain.validators import validate_id_number, validate_mobile
from checkpoint.station.session import ManualIdentity
from checkpoint.station.texts import enum_text
from checkpoint.ui.style import repolish

MANUAL_KEY = QKeySequence("Ctrl+M")  # opens this dialog from the station screen

_STYLE = "QLabel#problem { color: #ff6b5e; font-weight: bold; } QLabel#fine { color: #3fb950; }"


class ManualEntryDialog(QDialog):
    """Asks for name, ID number, phone and the reason; ``identity()`` is the result after Accept.

    ``clock`` is the station's time: an ID number whose birth date is after its local date is refused."""

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self._clock = clock
        self.name_edit = QLineEdit(self)
        self.id_edit = QLineEdit(self)
        self.id_edit.setMaxLength(24)
        self.id_message = QLabel(self)
        self.phone_edit = QLineEdit(self)
        self.phone_message = QLabel(self)
        self.no_phone = QRadioButton(self)
        self.platform_down = QRadioButton(self)
        self.no_phone.setChecked(True)
        self._reasons = QButtonGroup(self)
        self._reasons.addButton(self.no_phone)
        self._reasons.addButton(self.platform_down)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)

        form = QFormLayout()
        self._captions = [QLabel(self) for _ in range(4)]
        form.addRow(self._captions[0], self.name_edit)
        form.addRow(self._captions[1], self.id_edit)
        form.addRow("", self.id_message)
        form.addRow(self._captions[2], self.phone_edit)
        form.addRow("", self.phone_message)
        reasons = QHBoxLayout()
        reasons.addWidget(self.no_phone)
        reasons.addWidget(self.platform_down)
        reasons.addStretch(1)
        form.addRow(self._captions[3], reasons)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        for edit in (self.name_edit, self.id_edit, self.phone_edit):
            edit.textChanged.connect(self._on_edit_text_changed)
        self.retranslate_ui()
        self._on_edit_text_changed()
        self.resize(560, self.sizeHint().height())

    def _today(self) -> date:
        return self._clock().astimezone().date()

    def identity(self) -> ManualIdentity:
        """What was typed, normalised (only meaningful when ``is_valid()``)."""
        check = validate_id_number(self.id_edit.text(), self._today())
        phone = self.phone_edit.text().strip()
        reason = PersonFlag.PLATFORM_DOWN if self.platform_down.isChecked() else PersonFlag.NO_PHONE
        return ManualIdentity(
            name=" ".join(self.name_edit.text().split()),
            id_number=check.normalised,
            phone=validate_mobile(phone).normalised if phone else "",
            reason=reason,
        )

    def is_valid(self) -> bool:
        phone = self.phone_edit.text().strip()
        return (
            bool(self.name_edit.text().strip())
            and validate_id_number(self.id_edit.text(), self._today()).ok
            and (not phone or validate_mobile(phone).ok)
        )

    def accept(self) -> None:
        if self.is_valid():
            super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Manual entry (no phone / platform down)"))
        self._intro.setText(
            self.tr(
                "Type the name and ID number from the ID card. The record is flagged for a later re-check."
            )
        )
        for label, text in zip(
            self._captions,
            (self.tr("Name"), self.tr("ID number"), self.tr("Phone (optional)"), self.tr("Reason")),
            strict=True,
        ):
            label.setText(text)
        self.no_phone.setText(self.tr("No phone"))
        self.platform_down.setText(self.tr("Platform down"))
        self._on_edit_text_changed()

    @Slot()
    def _on_edit_text_changed(self) -> None:
        typed = self.id_edit.text().strip()
        check = validate_id_number(typed, self._today())
        if not typed:
            self._say(self.id_message, "", ok=True)
        elif check.ok:
            born = check.birth_date.isoformat() if check.birth_date else ""
            self._say(self.id_message, f"✔ {check.region} · {born}", ok=True)
        elif check.problem is not None:
            self._say(self.id_message, enum_text(check.problem), ok=False)
        phone = self.phone_edit.text().strip()
        phone_check = validate_mobile(phone)
        if not phone or phone_check.ok:
            self._say(self.phone_message, "", ok=True)
        elif phone_check.problem is not None:
            self._say(self.phone_message, enum_text(phone_check.problem), ok=False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.is_valid())

    @staticmethod
    def _say(label: QLabel, text: str, *, ok: bool) -> None:
        label.setObjectName("fine" if ok else "problem")
        repolish(label)  # the dialog's style selects on the object name
        label.setText(text)
        label.setVisible(bool(text))
