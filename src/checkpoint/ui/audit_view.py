"""The audit trail for shift leaders and administrators: newest first, filtered by action and time window.

Sign-ins, exports, settings and rule changes, corrections, acknowledgements and a clock that went back
are all written to the audit trail by the code that does them; this screen only reads it, on the writer
thread (the one database worker, through ``station.audit_trail.AuditTrailService``), and shows each action
in words.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.records import AuditAction, AuditEntry, Role
from checkpoint.station.audit_trail import AuditRows, AuditTrailService
from checkpoint.station.messages import MessageBus
from checkpoint.station.texts import enum_text
from checkpoint.ui.qtime import FollowClock, minute_end, minute_start, show_minute
from checkpoint.ui.rows_model import RowsModel

AUDIT_ROLES = frozenset({Role.SHIFT_LEADER, Role.ADMINISTRATOR})
_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def may_view_audit(role: Role) -> bool:
    """Whether an operator with ``role`` may read the audit trail (the one place this is decided)."""
    return role in AUDIT_ROLES


class AuditColumn(enum.IntEnum):
    TIME = 0
    ACTION = 1
    OPERATOR = 2
    DETAIL = 3


class AuditModel(RowsModel[AuditEntry]):
    """Audit entries in the order given (the view gives them newest first)."""

    columns = AuditColumn

    @property
    def entries(self) -> list[AuditEntry]:
        return self.rows

    def set_entries(self, entries: list[AuditEntry], operators: dict[UUID, str]) -> None:
        self.set_rows(entries, dict(operators))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
        column = AuditColumn(index.column())
        if role == Qt.ItemDataRole.ToolTipRole and column is AuditColumn.DETAIL:
            return entry.detail
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is AuditColumn.TIME:
            return f"{entry.at.astimezone():%Y-%m-%d %H:%M:%S}"
        if column is AuditColumn.ACTION:
            return enum_text(entry.action)
        if column is AuditColumn.OPERATOR:
            if entry.operator_id is None:
                return ""
            return self._names.get(entry.operator_id, str(entry.operator_id))
        return entry.detail

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(AuditColumn):
            return None
        return {
            AuditColumn.TIME: self.tr("Time"),
            AuditColumn.ACTION: self.tr("Action"),
            AuditColumn.OPERATOR: self.tr("Operator"),
            AuditColumn.DETAIL: self.tr("Detail"),
        }[AuditColumn(section)]


class AuditView(QWidget):
    """Reads the audit trail through ``audit`` (on the writer thread) and shows it newest first. ``clock``
    is the station's time (the default window ends now).

    Signals:
        loaded(int): the entries matching the filter are shown (their number).
    """

    loaded = Signal(int)

    def __init__(
        self,
        audit: AuditTrailService,
        messages: MessageBus,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._messages = messages
        self.action_combo = QComboBox(self)
        self.action_combo.addItem("", None)
        for action in AuditAction:
            self.action_combo.addItem("", action)
        self.since_check = QCheckBox(self)
        self.since_edit = QDateTimeEdit(self)
        self.until_check = QCheckBox(self)
        self.until_edit = QDateTimeEdit(self)
        now = clock()
        for edit, value in ((self.since_edit, now - timedelta(days=7)), (self.until_edit, now)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_DATETIME_FORMAT)
            show_minute(edit, value)
            edit.setEnabled(False)
        self.refresh_button = QPushButton(self)
        self.count_label = QLabel(self)
        self._action_caption = QLabel(self)

        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (AuditColumn.TIME, 170),
            (AuditColumn.ACTION, 200),
            (AuditColumn.OPERATOR, 140),
        ):
            header.resizeSection(column, width)

        bar = QHBoxLayout()
        bar.addWidget(self._action_caption)
        bar.addWidget(self.action_combo)
        bar.addSpacing(12)
        bar.addWidget(self.since_check)
        bar.addWidget(self.since_edit)
        bar.addWidget(self.until_check)
        bar.addWidget(self.until_edit)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        # unticked, To is "now" and shows it; ticked, it starts from now's minute, not the opening's
        self._follow_until = FollowClock(self.until_edit, clock, self)
        self._follow_until.set_following(True)
        self.until_check.toggled.connect(lambda on: self._follow_until.set_following(not on))
        self.action_combo.currentIndexChanged.connect(self.refresh)
        self.since_check.toggled.connect(self.refresh)
        self.until_check.toggled.connect(self.refresh)
        self.since_edit.editingFinished.connect(self.refresh)
        self.until_edit.editingFinished.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.retranslate_ui()

    def set_action(self, action: AuditAction | None) -> None:
        """Shows only ``action`` (None: every action)."""
        self.action_combo.setCurrentIndex(self.action_combo.findData(action) if action is not None else 0)

    @Slot()
    def refresh(self) -> None:
        """Reads the trail again with the current filter (on the writer thread)."""
        action = self.action_combo.currentData()
        since = minute_start(self.since_edit.dateTime()) if self.since_check.isChecked() else None
        until = minute_end(self.until_edit.dateTime()) if self.until_check.isChecked() else None
        self._audit.read(action, since, until, on_done=self._on_loaded, on_failed=self._messages.error)

    def _on_loaded(self, result: AuditRows) -> None:
        entries, operators = result
        self.model.set_entries(entries, operators)
        self._show_count()
        self.loaded.emit(len(entries))

    def showEvent(self, event: QShowEvent) -> None:
        """Every time the trail is looked at, it is read afresh: it only grows."""
        super().showEvent(event)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._action_caption.setText(self.tr("Action"))
        self.action_combo.setItemText(0, self.tr("All actions"))
        for row in range(1, self.action_combo.count()):
            # the combo hands its data back as the plain value string
            self.action_combo.setItemText(row, enum_text(AuditAction(self.action_combo.itemData(row))))
        self.since_check.setText(self.tr("From"))
        self.until_check.setText(self.tr("To"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.model.retranslate()
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n entries", "", self.model.rowCount()))
