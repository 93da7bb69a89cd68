"""Plate entry: a province button (a picker grid of the 31 abbreviations, the gate's home province first)
and a field for the rest, validated as typed.

Keyboard: the field takes letters and digits directly (lower case is upper-cased); Ctrl+P opens the picker,
where the province's two-letter code (GD for 粤, BJ for 京, ...) picks it, as does a tap; Enter in the
field finishes the plate. A plate typed in full with its Chinese character (or an embassy, military or
armed-police plate) is taken as typed; the "—" in the picker leaves the province out.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.validators import PROVINCES, PlateCheck, PlateProblem, validate_plate
from checkpoint.station.texts import enum_text

PICKER_KEY = QKeySequence("Ctrl+P")

# ISO 3166-2:CN codes: unique two letters per province, the short key sequence of the picker
PROVINCE_CODES: dict[str, str] = dict(
    zip(
        PROVINCES,
        re.findall(r"\w\w", "BJTJHESXNMLNJLHLSHJSZJAHFJJXSDHAHBHNGDGXHICQSCGZYNXZSNGSQHNXXJ"),
        strict=True,
    )
)
NO_PROVINCE = ""


def province_order(home: str) -> list[str]:
    """The 31 abbreviations, the home province first."""
    rest = [p for p in PROVINCES if p != home]
    return [home, *rest] if home in PROVINCES else rest


def compose_plate(province: str, rest: str) -> str:
    """The plate from the picked province and the typed rest; a rest that names its own province (or is a
    plate without one: embassy, military, armed police) is taken as it is."""
    rest = rest.strip()
    if not rest:
        return ""
    if rest[0] in PROVINCES or rest[0] == "使" or rest.upper().startswith("WJ") or not province:
        return rest
    return province + rest


class ProvincePicker(QDialog):
    """A compact grid of the provinces; two letters of a province's code or a tap pick one."""

    def __init__(self, home: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Province"))
        self._picked: str | None = None
        self._typed = ""
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(4)
        for index, province in enumerate([*province_order(home), NO_PROVINCE]):
            code = PROVINCE_CODES.get(province, "")
            button = QPushButton(f"{province or '—'}\n{code}", self)
            button.setObjectName("provinceButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(56, 56)
            button.clicked.connect(lambda _checked=False, p=province: self._pick(p))
            grid.addWidget(button, index // 8, index % 8)
            self.buttons[province] = button
        self._hint = QLabel(self.tr("Type the two letters under a province, or tap it. Esc: keep."), self)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self._hint)

    @property
    def picked(self) -> str | None:
        return self._picked

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        if len(text) == 1 and "A" <= text <= "Z":
            self._typed = (self._typed + text)[-2:]
            for province, code in PROVINCE_CODES.items():
                if code == self._typed:
                    self._pick(province)
                    return
            return
        super().keyPressEvent(event)

    def _pick(self, province: str) -> None:
        self._picked = province
        self.accept()


class PlateEntry(QWidget):
    """Province button + the rest of the plate, with a live message while the plate is not valid.

    Signals:
        plate_changed(str): the composed plate as typed so far.
        finished(): Enter in the field.
    """

    plate_changed = Signal(str)
    finished = Signal()

    def __init__(self, home: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home if home in PROVINCES else ""
        self._province = self._home
        self.province_button = QPushButton(self)
        self.province_button.setObjectName("provinceButton")
        self.province_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.province_button.clicked.connect(self.open_picker)
        self.field = QLineEdit(self)
        self.field.setObjectName("plateField")
        self.field.setMaxLength(10)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.returnPressed.connect(self.finished)
        self.message = QLabel(self)
        self.message.setObjectName("plateMessage")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.province_button)
        row.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        shortcut = QShortcut(PICKER_KEY, self.field)
        self._picker_shortcut = shortcut
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.open_picker)
        self.picker: ProvincePicker | None = None
        self.retranslate_ui()

    @property
    def province(self) -> str:
        return self._province

    def plate(self) -> str:
        return compose_plate(self._province, self.field.text())

    def check(self) -> PlateCheck:
        return validate_plate(self.plate())

    def set_province(self, province: str) -> None:
        self._province = province if province in PROVINCES else NO_PROVINCE
        self._changed()

    def reset(self) -> None:
        """A new vehicle: the home province, an empty field."""
        self._province = self._home
        self.field.clear()
        self._changed(emit=False)

    @Slot()
    def open_picker(self) -> ProvincePicker:
        picker = ProvincePicker(self._home, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.setModal(True)
        picker.accepted.connect(lambda: self._on_picker_accepted(picker))
        picker.finished.connect(lambda _r: self.field.setFocus(Qt.FocusReason.OtherFocusReason))
        picker.finished.connect(lambda _r: setattr(self, "picker", None))
        self.picker = picker
        picker.show()
        return picker

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        key = PICKER_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        self.field.setPlaceholderText(self.tr("e.g. A12345 · province: {key}").format(key=key))
        self._picker_shortcut.setWhatsThis(self.tr("Plate: pick the province"))
        self._changed(emit=False)

    def _on_picker_accepted(self, picker: ProvincePicker) -> None:
        if picker.picked is not None:
            self.set_province(picker.picked)

    @Slot(str)
    def _on_field_text_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            position = self.field.cursorPosition()
            self.field.setText(upper)
            self.field.setCursorPosition(position)
        self._changed()

    def _changed(self, emit: bool = True) -> None:
        self.province_button.setText(f"{self._province or '—'} ▾")
        check = self.check()
        if check.ok or not self.field.text().strip():
            self.message.setText("" if check.ok else enum_text(PlateProblem.EMPTY))
            self.message.setProperty("invalid", False)
        else:
            self.message.setText(enum_text(check.problem or PlateProblem.BAD_CHARACTERS))
            self.message.setProperty("invalid", True)
        self.message.setVisible(bool(self.message.text()))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        if emit:
            self.plate_changed.emit(self.plate())
