"""The occupants of the vehicle being decided: one row per person, everything checked at a glance.

Each row: position (the first is the driver), who (masked; "Person 2" until a name is known), the health
code colour as attested ("not attested" until then: the code was scanned, its colour not yet read off the
phone), itinerary card, test, temperature, what was verified, and the person's own outcome with its
reasons. The selected row is the person the attestation keys act on; a tap selects a row. Colours follow
the theme and the outcome scheme of the whole station (green pass, blue check, amber turn back, red hold).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from checkpoint.domain.masking import mask_id_number, mask_name, mask_phone
from checkpoint.domain.records import CodeColour, Itinerary, Outcome
from checkpoint.station.session import DraftState
from checkpoint.station.texts import (
    enum_text,
    test_age_text,
    verified_fact_text,
)
from checkpoint.ui.style import Theme, current_theme, theme_colours

_TONE_COLOURS = {"green": "pass_text", "blue": "recheck_text", "amber": "turn_back_text", "red": "hold_text"}
_OUTCOME_TONES = {
    Outcome.PASS: "green",
    Outcome.RECHECK: "blue",
    Outcome.TURN_BACK: "amber",
    Outcome.HOLD: "red",
}


@functools.cache
def _tones(theme: Theme) -> dict[str, QColor]:
    """The tones in the theme's text colours (legible on its table background, day or night)."""
    colours = theme_colours(theme)
    return {tone: QColor(colours[name]) for tone, name in _TONE_COLOURS.items()}


def person_label(draft: DraftState) -> str:
    """Who the occupant is, masked: name and ID number (or phone); "" while unknown (the kind of code
    shown is no person: the table says "Person 2" then)."""
    person = draft.screened_person()
    parts = []
    if person.name:
        parts.append(mask_name(person.name))
    if person.id_number:
        parts.append(mask_id_number(person.id_number))
    elif person.phone:
        parts.append(mask_phone(person.phone))
    return " ".join(parts)


class OccupantsTable(QTableWidget):
    """Rows of occupants; ``show_occupants`` fills it from the session's vehicle.

    Signals:
        occupant_selected(int): a row was tapped.
    """

    occupant_selected = Signal(int)
    COLUMNS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("occupantsTable")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan entry keeps the focus
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.cellClicked.connect(self._on_cell_clicked)
        self._occupants: tuple[DraftState, ...] = ()
        self._selected = -1
        self.retranslate_ui()

    def row_texts(self, row: int) -> list[str]:
        """The texts of one row, as shown."""
        return [self.item(row, column).text() for column in range(self.COLUMNS)]  # type: ignore[union-attr]

    def show_occupants(self, occupants: Sequence[DraftState], selected: int) -> None:
        self._occupants = tuple(occupants)
        self._selected = selected
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.StyleChange:
            self._fill()  # day / night theme: the tones follow
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                "#",
                self.tr("Person"),
                self.tr("Code"),
                self.tr("Itinerary"),
                self.tr("Test"),
                self.tr("°C"),
                self.tr("Verified"),
                self.tr("Outcome · reasons"),
            ]
        )
        self._fill()

    def _fill(self) -> None:
        app = QApplication.instance()
        tones = _tones(current_theme(app) if isinstance(app, QApplication) else Theme.NIGHT)
        self.setRowCount(len(self._occupants))
        for row, draft in enumerate(self._occupants):
            position = self.tr("{n} driver").format(n=row + 1) if row == 0 else str(row + 1)
            temperature = "—" if draft.temperature is None else f"{draft.temperature:.1f}"
            verified = draft.verification.verified_facts() if draft.verification else ()
            reasons = ", ".join(enum_text(r) for r in draft.reasons)
            colour_tone = {CodeColour.GREEN: "green", CodeColour.YELLOW: "amber", CodeColour.RED: "red"}
            itinerary_tone = {Itinerary.GREEN: "green", Itinerary.STARRED: "amber", Itinerary.OTHER: "red"}
            colour = (
                enum_text(draft.colour)
                if draft.colour is not CodeColour.NONE
                else self.tr("Not attested", "health code colour")
            )
            itinerary = (
                enum_text(draft.itinerary)
                if draft.itinerary is not Itinerary.NONE
                else self.tr("Not attested", "itinerary card")
            )
            cells = [
                (position, ""),
                (person_label(draft) or self.tr("Person {n}").format(n=row + 1), ""),
                (colour, colour_tone.get(draft.colour, "blue")),
                (itinerary, itinerary_tone.get(draft.itinerary, "blue")),
                (test_age_text(draft.test_age_days), ""),
                (temperature, "red" if "fever" in {r.value for r in draft.reasons} else ""),
                (", ".join(verified_fact_text(f) for f in verified) or "—", ""),
                (f"{enum_text(draft.proposed)} · {reasons}", _OUTCOME_TONES[draft.proposed]),
            ]
            for column, (text, tone) in enumerate(cells):
                item = QTableWidgetItem(text)
                if tone:
                    item.setForeground(QBrush(tones[tone]))
                self.setItem(row, column, item)
        if 0 <= self._selected < self.rowCount():
            self.selectRow(self._selected)
            self.scrollTo(self.model().index(self._selected, 0))
        else:
            self.clearSelection()

    @Slot(int, int)
    def _on_cell_clicked(self, row: int, _column: int) -> None:
        self.occupant_selected.emit(row)
