"""The live counters strip: this hour and this shift, by outcome and by direction, vehicles / persons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from checkpoint.domain.records import Direction, Outcome
from checkpoint.station.counters import Count, LiveCounters, Tally
from checkpoint.station.texts import enum_text

_OUTCOMES = (Outcome.PASS, Outcome.TURN_BACK, Outcome.HOLD)
_DIRECTIONS = (Direction.IN, Direction.OUT)


class CountersView(QWidget):
    """Two rows (this hour, this shift) of "vehicles / persons" cells: total, each outcome, each direction.

    Given the ``LiveCounters``; follows its ``changed`` signal.
    """

    def __init__(self, counters: LiveCounters, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countersView")
        self._counters = counters
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(0)
        self._headers = [QLabel(self) for _ in range(1 + 1 + len(_OUTCOMES) + len(_DIRECTIONS))]
        for column, header in enumerate(self._headers):
            header.setObjectName("sectionLabel")
            layout.addWidget(header, 0, column)
        self._cells: dict[str, list[QLabel]] = {}
        for row, key in enumerate(("hour", "shift"), start=1):
            labels = [QLabel(self) for _ in self._headers]
            for column, label in enumerate(labels):
                label.setObjectName("counterCell" if column else "sectionLabel")
                if column:
                    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                layout.addWidget(label, row, column)
            self._cells[key] = labels
        for column in range(1, len(self._headers)):
            layout.setColumnStretch(column, 1)
        counters.changed.connect(self._on_counters_changed)
        self.retranslate_ui()

    def cell_text(self, row: str, column: int) -> str:
        """The text of a cell: ``row`` is "hour" or "shift"; column 1 is the total, then outcomes, then
        directions."""
        return self._cells[row][column].text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        texts = [
            self.tr("vehicles / persons"),
            self.tr("Total"),
            *(enum_text(o) for o in _OUTCOMES),
            *(enum_text(d) for d in _DIRECTIONS),
        ]
        for header, text in zip(self._headers, texts, strict=True):
            header.setText(text)
        self._cells["hour"][0].setText(self.tr("This hour"))
        self._cells["shift"][0].setText(self.tr("This shift"))
        self._show()

    @Slot()
    def _on_counters_changed(self) -> None:
        self._show()

    def _show(self) -> None:
        for key, tally in (("hour", self._counters.hour()), ("shift", self._counters.shift())):
            counts = self._counts(tally)
            for label, count in zip(self._cells[key][1:], counts, strict=True):
                label.setText(f"{count.vehicles} / {count.persons}")

    @staticmethod
    def _counts(tally: Tally) -> list[Count]:
        return [
            tally.total(),
            *(tally.by_outcome(o) for o in _OUTCOMES),
            *(tally.by_direction(d) for d in _DIRECTIONS),
        ]
