"""Who is out and who is inside: residents out now and visitors inside now, overdue ones highlighted.

Given a ``Presence``; rebuilt whenever it changes (every recorded passage) and once a minute, so an
overdue mark appears when its time passes. Names are masked; the lists are short (people out now).

Given the session too, each visitor inside has a "has left" button (one tap; Alt+1 to Alt+9 for the
first nine rows): it records the visitor's OUT passage, and the visitor leaves the list once it is on disk.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.masking import mask_name
from checkpoint.station.presence import Presence, VisitorInside
from checkpoint.station.session import StationSession
from checkpoint.ui.help_overlay import HELP_HIDDEN, HELP_KEYS

OVERDUE_BRUSH = QBrush(QColor("#b3261e"))
OVERDUE_TEXT = QBrush(QColor("#ffffff"))
REFRESH_MS = 60_000
LEFT_KEYS = tuple(QKeySequence(f"Alt+{n}") for n in range(1, 10))  # visitor n has left


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

    def __init__(
        self, presence: Presence, parent: QWidget | None = None, *, session: StationSession | None = None
    ) -> None:
        super().__init__(parent)
        self._presence = presence
        self._session = session
        self._leaving: set[tuple[str, str]] = set()  # visitors whose OUT is being written
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the Alt+n keys work while this tab is shown
        self.message = QLabel(self)
        self.message.setObjectName("sectionLabel")
        self.message.setWordWrap(True)
        self.message.hide()
        self._out_caption = QLabel(self)
        self._out_caption.setObjectName("sectionLabel")
        self._inside_caption = QLabel(self)
        self._inside_caption.setObjectName("sectionLabel")
        self.residents = _table(self, 5)
        self.visitors = _table(self, 7 if session is not None else 6)
        if session is not None:
            self.visitors.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.ResizeToContents)
        self._left_shortcuts: list[QShortcut] = []
        if session is not None:
            for row, key in enumerate(LEFT_KEYS):
                shortcut = QShortcut(key, self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda r=row: self.visitor_left(r))
                self._left_shortcuts.append(shortcut)
        layout = QVBoxLayout(self)
        layout.addWidget(self._out_caption)
        layout.addWidget(self.residents, 1)
        layout.addWidget(self._inside_caption)
        layout.addWidget(self.message)
        layout.addWidget(self.visitors, 1)
        presence.changed.connect(self._on_presence_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(presence.recompute)
        self._timer.start()
        self.retranslate_ui()

    def visitor_left(self, row: int) -> bool:
        """Records that the visitor in ``row`` has left (an OUT passage); False when there is no such row
        or it is already being recorded."""
        inside = self._presence.current.visitors_inside
        if self._session is None or not 0 <= row < len(inside):
            return False
        visitor = inside[row]
        key = self._visitor_key(visitor)
        if key in self._leaving:
            return False
        self._leaving.add(key)
        self.message.hide()
        self._session.visitor_left(visitor, on_failed=lambda text: self._on_visitor_left_failed(key, text))
        self._show()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._session is not None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _visitor_key(visitor: VisitorInside) -> tuple[str, str]:
        return (visitor.pass_id or visitor.name, visitor.since.isoformat())

    def _on_visitor_left_failed(self, key: tuple[str, str], text: str) -> None:
        self._leaving.discard(key)
        self.message.setText(text)
        self.message.show()
        self._show()

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
                "",
            ][: self.visitors.columnCount()]
        )
        native = QKeySequence.SequenceFormat.NativeText
        for row, shortcut in enumerate(self._left_shortcuts):
            if row == 0:  # one line of the keyboard help for the nine keys
                shortcut.setProperty(
                    HELP_KEYS, f"{LEFT_KEYS[0].toString(native)} … {LEFT_KEYS[-1].toString(native)}"
                )
                shortcut.setWhatsThis(self.tr("Out / inside: visitor 1 to 9 has left"))
            else:
                shortcut.setProperty(HELP_HIDDEN, True)
        self._show()

    @Slot()
    def _on_presence_changed(self) -> None:
        inside = {self._visitor_key(v) for v in self._presence.current.visitors_inside}
        self._leaving &= inside  # recorded: they are off the list
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
            if self._session is not None:
                self.visitors.setCellWidget(row, 6, self._left_button(row, visitor))
        self.visitors.resizeRowsToContents()

    def _left_button(self, row: int, visitor: VisitorInside) -> QPushButton:
        button = QPushButton(self.visitors)
        button.setObjectName("leftButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(48)
        if self._visitor_key(visitor) in self._leaving:
            button.setText(self.tr("Recording..."))
            button.setEnabled(False)
        elif row < len(LEFT_KEYS):
            key = LEFT_KEYS[row].toString(QKeySequence.SequenceFormat.NativeText)
            button.setText(self.tr("Has left ({key})").format(key=key))
        else:
            button.setText(self.tr("Has left"))
        button.clicked.connect(lambda _checked=False, r=row: self.visitor_left(r))
        return button

    @staticmethod
    def _fill(table: QTableWidget, row: int, cells: tuple[str, ...], overdue: bool) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if overdue:
                item.setBackground(OVERDUE_BRUSH)
                item.setForeground(OVERDUE_TEXT)
            table.setItem(row, column, item)
