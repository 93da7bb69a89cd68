"""Plate entry: a province button (a picker grid of the 31 abbreviations, the gate's home province first)
and a field for the rest, validated as typed.

Keyboard: the field takes letters and digits directly (lower case is upper-cased); Ctrl+P opens the picker
over the window while the field keeps the focus, and what is typed names the province: its character (豫),
two-letter code (HA), pinyin (yu, henan), any case; a name nothing else goes on from picks at once, Enter
picks the first offered, and a key that goes on from no name picks the one before it and is the plate's
("haC77777" is 豫C77777: no key is lost while a window comes and goes). A tap picks too; Enter in the
field finishes the plate. A plate typed in full with its Chinese character (or an embassy, military or
armed-police plate) is taken as typed; the "—" in the picker leaves the province out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.provinces import PROVINCE_TABLE, names_longer, provinces_named, provinces_starting
from checkpoint.domain.validators import PROVINCES, PlateCheck, PlateProblem, validate_plate
from checkpoint.station.texts import enum_text

PICKER_KEY = QKeySequence("Ctrl+P")

# ISO 3166-2:CN codes: unique two letters per province, the short key sequence of the picker
PROVINCE_CODES: dict[str, str] = {p.short: p.code for p in PROVINCE_TABLE}
NO_PROVINCE = ""


def province_order(home: str) -> list[str]:
    """The 31 abbreviations, the home province first."""
    rest = [p for p in PROVINCES if p != home]
    return [home, *rest] if home in PROVINCES else rest


def fill_province_combo(combo: QComboBox, home: str, none_text: str) -> None:
    """The home-province choices: none, then each province as 豫 河南 · HA; ``home`` selected."""
    combo.clear()
    combo.addItem(none_text, "")
    for province in PROVINCE_TABLE:
        combo.addItem(f"{province.short} {province.name} · {province.code}", province.short)
    combo.setCurrentIndex(max(0, combo.findData(home if home in PROVINCES else "")))


def compose_plate(province: str, rest: str) -> str:
    """The plate from the picked province and the typed rest; a rest that names its own province (or is a
    plate without one: embassy, military, armed police) is taken as it is."""
    rest = rest.strip()
    if not rest:
        return ""
    if rest[0] in PROVINCES or rest[0] == "使" or rest.upper().startswith("WJ") or not province:
        return rest
    return province + rest


class ProvincePicker(QFrame):
    """A compact grid of the provinces shown over the window while the plate field keeps the focus (so no
    key is lost to a window coming and going); PlateEntry gives it what is typed. A province is named by its
    character, its two-letter code or its pinyin (豫, HA, yu, henan), or tapped.

    Signals:
        picked(str): a province (NO_PROVINCE for none) was chosen.
    """

    picked = Signal(str)

    def __init__(self, home: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provincePicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._home = home
        self.query = ""
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(4)
        for index, province in enumerate([*province_order(home), NO_PROVINCE]):
            code = PROVINCE_CODES.get(province, "")
            button = QPushButton(f"{province or '—'}\n{code}", self)
            button.setObjectName("provinceButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(56, 56)
            button.clicked.connect(lambda _checked=False, p=province: self.picked.emit(p))
            grid.addWidget(button, index // 8, index % 8)
            self.buttons[province] = button
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self._hint)
        self._show_query()

    def type_text(self, char: str) -> bool:
        """One typed character; False when it is not the picker's: the province named before it is picked
        and the character belongs to the plate."""
        if char == "\b":
            self.query = self.query[:-1]
        elif provinces_starting(self.query + char, self._home):
            self.query += char
            named = provinces_named(self.query, self._home)
            if named and not names_longer(self.query):
                self.picked.emit(named[0])
                return True
        elif provinces_named(self.query, self._home):
            self.choose()
            return False
        self._show_query()
        return True

    def choose(self) -> bool:
        """Enter: the province the query names (or the first it begins), if any."""
        found = provinces_named(self.query, self._home) or provinces_starting(self.query, self._home)
        if not self.query or not found:
            return False
        self.picked.emit(found[0])
        return True

    def _show_query(self) -> None:
        offered = set(provinces_starting(self.query, self._home)) if self.query else None
        for province, button in self.buttons.items():
            button.setEnabled(offered is None or province in offered)
        if self.query:
            self._hint.setText(
                self.tr("Province: {query} · Enter: pick the first · Esc: keep").format(query=self.query)
            )
        else:
            self._hint.setText(self.tr("Type the province (豫, HA, yu or henan), or tap it. Esc: keep."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_query()
        super().changeEvent(event)


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
        self.picker: ProvincePicker | None = None
        self.province_button = QPushButton(self)
        self.province_button.setObjectName("provinceButton")
        self.province_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.province_button.clicked.connect(self.open_picker)
        self.field = QLineEdit(self)
        self.field.setObjectName("plateField")
        self.field.setMaxLength(10)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.returnPressed.connect(self.finished)
        self.field.installEventFilter(self)
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

    def set_home(self, home: str) -> None:
        """The gate's home province changed (the devices screen): the next vehicle starts with it, as does
        this one while nothing is typed."""
        home = home if home in PROVINCES else ""
        if self._province == self._home and not self.field.text():
            self._province = home
        self._home = home
        self._changed(emit=False)

    def reset(self) -> None:
        """A new vehicle: the home province, an empty field."""
        self.close_picker()
        self._province = self._home
        self.field.clear()
        self._changed(emit=False)

    @Slot()
    def open_picker(self) -> ProvincePicker:
        """Shows the picker over the window, below the plate; the field keeps the focus and its keys go to
        the picker until a province is picked (the keys after it go on into the field)."""
        if self.picker is not None:
            return self.picker
        window = self.window()
        picker = ProvincePicker(self._home, window)
        picker.picked.connect(self._on_picker_picked)
        picker.adjustSize()
        below = self.mapTo(window, QPoint(0, self.province_button.height()))
        x = max(0, min(below.x(), window.width() - picker.width()))
        y = max(0, min(below.y(), window.height() - picker.height()))
        picker.move(x, y)
        self.picker = picker
        self.field.installEventFilter(self)  # again: first in line, before the station's filter on the field
        picker.show()
        picker.raise_()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        return picker

    def close_picker(self) -> None:
        picker, self.picker = self.picker, None
        if picker is not None:
            picker.hide()
            picker.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While the picker is open, the field's keys name the province; Esc keeps the one there was."""
        picker = self.picker
        if picker is None or watched is not self.field:
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self.close_picker()
        elif kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            handled = self._picker_key(picker, event, kind == QEvent.Type.KeyPress)
            if handled and kind == QEvent.Type.ShortcutOverride:
                event.accept()
            return handled
        elif kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            rest = self._picker_text(picker, event.commitString())
            if rest:
                self.field.insert(rest)
                self._on_field_text_edited(self.field.text())
            return True
        return super().eventFilter(watched, event)

    def _picker_key(self, picker: ProvincePicker, event: QKeyEvent, press: bool) -> bool:
        """Whether the key is the picker's (a press is acted on; an override only claims the key)."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if press:
                self.close_picker()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if press and not picker.choose():
                self.close_picker()
            return True
        if key == Qt.Key.Key_Backspace:
            if press:
                picker.type_text("\b")
            return True
        text = event.text()
        if not text or not text.isprintable() or text.isspace():
            return False
        if not press:
            return True
        return not self._picker_text(picker, text)

    def _picker_text(self, picker: ProvincePicker, text: str) -> str:
        """Gives the text to the picker; returns what is left for the field once a province is picked."""
        for index, char in enumerate(text):
            if self.picker is not picker:
                return text[index:]
            if not picker.type_text(char):
                return text[index:]
        return ""

    @Slot(str)
    def _on_picker_picked(self, province: str) -> None:
        self.close_picker()
        self.set_province(province)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        key = PICKER_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        self.field.setPlaceholderText(self.tr("e.g. A12345 · province: {key}").format(key=key))
        self._picker_shortcut.setWhatsThis(self.tr("Plate: pick the province"))
        self._changed(emit=False)

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
