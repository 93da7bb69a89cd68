"""Who is out and who is inside: residents out now and visitors inside now, overdue ones highlighted.

Given a ``Presence``; rebuilt whenever it changes (every recorded passage) and once a minute, so an
overdue mark appears when its time passes. Names are masked; the lists are short (people out now).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.masking import mask_name
from checkpoint.station.presence import Presence

OVERDUE_BRUSH = QBrush(QColor("#b3261e"))
OVERDUE_TEXT = QBrush(QColor("#ffffff"))
REFRESH_MS = 60_000


def _time(at: datetime | None) -> str:
    return at.astimezone().strftime("%m-%d %H:%M") if at is not None else ""


def _table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan entry keeps the keyboard
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class PresenceView(QWidget):
    """Two lists: residents out now (out since, due back, overdue) and visitors inside (host, purpose,
    expected exit, overdue). A tab for the main window."""

    def __init__(self, presence: Presence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presence = presence
        self._out_caption = QLabel(self)
        self._out_caption.setObjectName("sectionLabel")
        self._inside_caption = QLabel(self)
        self._inside_caption.setObjectName("sectionLabel")
        self.residents = _table(self, 5)
        self.visitors = _table(self, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self._out_caption)
        layout.addWidget(self.residents, 1)
        layout.addWidget(self._inside_caption)
        layout.addWidget(self.visitors, 1)
        presence.changed.connect(self._on_presence_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(presence.recompute)
        self._timer.start()
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.residents.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Household"), self.tr("Out since"), self.tr("Due back"), ""]
        )
        self.visitors.setHorizontalHeaderLabels(
            [
                self.tr("Visitor"),
                self.tr("Host household"),
                self.tr("Host"),
                self.tr("Purpose"),
                self.tr("Expected exit"),
                "",
            ]
        )
        self._show()

    @Slot()
    def _on_presence_changed(self) -> None:
        self._show()

    def _show(self) -> None:
        current = self._presence.current
        overdue = self.tr("OVERDUE")
        out = current.residents_out
        late = sum(1 for r in out if r.overdue)
        self._out_caption.setText(
            self.tr("Residents out now: {count} ({late} overdue)").format(count=len(out), late=late)
        )
        self.residents.setRowCount(len(out))
        for row, resident in enumerate(out):
            cells: tuple[str, ...] = (
                mask_name(resident.name),
                resident.household,
                _time(resident.since),
                _time(resident.due),
                overdue if resident.overdue else "",
            )
            self._fill(self.residents, row, cells, resident.overdue)
        inside = current.visitors_inside
        late = sum(1 for v in inside if v.overdue)
        self._inside_caption.setText(
            self.tr("Visitors inside now: {count} ({late} past their expected exit)").format(
                count=len(inside), late=late
            )
        )
        self.visitors.setRowCount(len(inside))
        for row, visitor in enumerate(inside):
            cells = (
                mask_name(visitor.name),
                visitor.host_household,
                mask_name(visitor.host_name),
                visitor.purpose,
                _time(visitor.expected_exit),
                overdue if visitor.overdue else "",
            )
            self._fill(self.visitors, row, cells, visitor.overdue)

    @staticmethod
    def _fill(table: QTableWidget, row: int, cells: tuple[str, ...], overdue: bool) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if overdue:
                item.setBackground(OVERDUE_BRUSH)
                item.setForeground(OVERDUE_TEXT)
            table.setItem(row, column, item)
