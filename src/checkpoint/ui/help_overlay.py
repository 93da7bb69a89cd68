"""The keyboard help: every shortcut of the window, read from the window itself so it never goes stale.

``collect_shortcuts(window)`` walks the window's ``QAction``s (menus: their text) and ``QShortcut``s (the
station screen: their ``whatsThis``, which each owner sets in the operator's language). An action or a
shortcut added anywhere in the window shows up in the help without anything else to change; a shortcut
without a description is listed with its key alone, and a test keeps that from happening.

``HelpOverlay`` covers the window with the list (two columns of key and meaning, by section); any key, a
tap or the help key again closes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# A run of keys told as one line (Alt+1 … Alt+9): the first shortcut carries the keys to show in HELP_KEYS,
# the others are marked HELP_HIDDEN.
HELP_KEYS = "helpKeys"
HELP_HIDDEN = "helpHidden"


@dataclass(frozen=True, slots=True)
class ShortcutEntry:
    """One line of the help: the keys as the operator types them, what they do, where they work."""

    keys: str
    text: str
    screen: bool  # True: a key of the station screen; False: a menu command (works on every screen)


def _native(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def collect_shortcuts(root: QObject) -> list[ShortcutEntry]:
    """Every visible action with a key and every enabled shortcut under ``root``, in creation order;
    the station screen's keys first, then the menus'."""
    screen: list[ShortcutEntry] = []
    menus: list[ShortcutEntry] = []
    seen: set[tuple[str, str]] = set()
    for shortcut in root.findChildren(QShortcut):
        if shortcut.key().isEmpty() or not shortcut.isEnabled() or shortcut.property(HELP_HIDDEN):
            continue
        keys = str(shortcut.property(HELP_KEYS) or "") or _native(shortcut.key())
        entry = ShortcutEntry(keys, shortcut.whatsThis(), True)
        if (entry.keys, entry.text) not in seen:
            seen.add((entry.keys, entry.text))
            screen.append(entry)
    for action in root.findChildren(QAction):
        sequences = [key for key in action.shortcuts() if not key.isEmpty()]
        if not sequences or not action.isVisible():
            continue
        entry = ShortcutEntry(" / ".join(_native(key) for key in sequences), action.iconText(), False)
        if (entry.keys, entry.text) not in seen:
            seen.add((entry.keys, entry.text))
            menus.append(entry)
    return [*screen, *menus]


class HelpOverlay(QWidget):
    """The keyboard shortcuts over the whole window; closed by any key or a tap.

    Signals:
        closed(): the overlay was closed (the window gives the focus back to the scan entry).
    """

    closed = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._window = window
        self._entries: list[ShortcutEntry] = []
        self.title = QLabel(self)
        self.title.setObjectName("helpTitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("sectionLabel")
        self.tables = (self._table(), self._table())
        columns = QHBoxLayout()
        columns.setSpacing(16)
        for table in self.tables:
            columns.addWidget(table, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(columns, 1)
        window.installEventFilter(self)
        self.hide()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 2, self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.setShowGrid(False)
        return table

    @property
    def entries(self) -> list[ShortcutEntry]:
        """What the overlay lists now (read from the window when it was opened)."""
        return list(self._entries)

    def listed_texts(self) -> list[str]:
        """Every "keys — meaning" line on show, sections excluded."""
        lines = []
        for table in self.tables:
            for row in range(table.rowCount()):
                key, text = table.item(row, 0), table.item(row, 1)
                if key is not None and text is not None and key.text():
                    lines.append(f"{key.text()} — {text.text()}")
        return lines

    def open(self) -> None:
        """Reads the window's shortcuts afresh and shows them over it."""
        self._entries = collect_shortcuts(self._window)
        self.retranslate_ui()
        self.setGeometry(self._window.rect())
        self.raise_()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_overlay(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Keyboard shortcuts"))
        self.hint.setText(self.tr("Any key or a tap closes this list."))
        rows: list[tuple[str, str, bool]] = []
        for screen, caption in (
            (True, self.tr("Station screen")),
            (False, self.tr("Menus (every screen)")),
        ):
            entries = [entry for entry in self._entries if entry.screen is screen]
            if entries:
                rows.append(("", caption, True))
                rows.extend((entry.keys, entry.text or "—", False) for entry in entries)
        half = (len(rows) + 1) // 2
        for table, part in zip(self.tables, (rows[:half], rows[half:]), strict=True):
            table.setRowCount(len(part))
            for row, (keys, text, heading) in enumerate(part):
                key_item = QTableWidgetItem(keys)
                text_item = QTableWidgetItem(text)
                font = key_item.font()
                font.setBold(True)
                key_item.setFont(font)
                if heading:
                    text_item.setFont(font)
                table.setItem(row, 0, key_item)
                table.setItem(row, 1, text_item)
            table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._window.rect())
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self._entries = collect_shortcuts(self._window)
            self.retranslate_ui()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            return  # a modifier alone is the start of a key, not the end of reading
        event.accept()
        self.close_overlay()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.close_overlay()
