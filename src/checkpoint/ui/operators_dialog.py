"""File > Operators... (administrators): who may sign in at this station, with which role and PIN.

The list shows each operator's role, whether they are enabled, whether they have a PIN and, when wrong
PINs locked them out, until when. An administrator adds an operator (name, role, PIN typed twice), gives
the selected operator a new PIN (which lifts a lock-out) or disables and enables them. The changes are
made by ``OperatorsService`` on the writer thread and audited by the storage; the dialog only shows the
outcome. Big rows, fields and buttons, as on the sign-in screen: the station is often used by touch.
"""

from __future__ import annotations

import enum
import uuid
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.records import Role
from checkpoint.domain.roles import PIN_MAX_DIGITS, ROLES_BY_RANK
from checkpoint.station.operators import OperatorsService, OperatorStatus
from checkpoint.station.texts import enum_text
from checkpoint.ui.rows_model import RowsModel

ROW_HEIGHT = 56  # px, as on the sign-in screen
CONTROL_HEIGHT = 48  # px: fields and buttons a gloved finger hits
_ERROR_STYLE = "color: #c62828; font-weight: bold;"
_DONE_STYLE = "color: #2e7d32; font-weight: bold;"


class OperatorColumn(enum.IntEnum):
    NAME = 0
    ROLE = 1
    ENABLED = 2
    PIN = 3
    LOCKED_UNTIL = 4


class OperatorsModel(RowsModel[OperatorStatus]):
    """The station's operators, oldest first, with their state now."""

    columns = OperatorColumn

    def set_statuses(self, statuses: list[OperatorStatus]) -> None:
        self.set_rows(statuses, {})

    def row_of(self, operator_id: uuid.UUID) -> int:
        """The row of an operator, or -1."""
        for row, status in enumerate(self.rows):
            if status.operator.id == operator_id:
                return row
        return -1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        status = self.row_at(index)
        if status is None:
            return None
        column = OperatorColumn(index.column())
        if role == Qt.ItemDataRole.ForegroundRole and column is OperatorColumn.LOCKED_UNTIL:
            return Qt.GlobalColor.red if status.locked_until is not None else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        account = status.account
        if column is OperatorColumn.NAME:
            return account.operator.name
        if column is OperatorColumn.ROLE:
            return enum_text(account.operator.role)
        if column is OperatorColumn.ENABLED:
            return self.tr("yes") if account.enabled else self.tr("disabled")
        if column is OperatorColumn.PIN:
            return self.tr("set") if account.has_pin else self.tr("none")
        if status.locked_until is None:
            return ""
        return self.tr("until {time}").format(time=f"{status.locked_until.astimezone():%H:%M}")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(OperatorColumn):
            return None
        return {
            OperatorColumn.NAME: self.tr("Name"),
            OperatorColumn.ROLE: self.tr("Role"),
            OperatorColumn.ENABLED: self.tr("Enabled"),
            OperatorColumn.PIN: self.tr("PIN"),
            OperatorColumn.LOCKED_UNTIL: self.tr("Locked out"),
        }[OperatorColumn(section)]


def _pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_DIGITS)
    edit.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", edit))
    return edit


class OperatorsDialog(QDialog):
    """The operators list with add, new PIN, disable and enable. Given the service that makes the changes.

    The selected operator is the one a new PIN or disabling applies to.
    """

    def __init__(self, service: OperatorsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.title = QLabel(self)
        title_font = self.title.font()
        title_font.setPointSize(title_font.pointSize() + 6)
        title_font.setBold(True)
        self.title.setFont(title_font)

        self.model = OperatorsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(560)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        # The selected operator: new PIN, disable / enable.
        self.selected_box = QGroupBox(self)
        self.new_pin_edit = _pin_edit(self.selected_box)
        self.new_pin_again_edit = _pin_edit(self.selected_box)
        self.set_pin_button = QPushButton(self.selected_box)
        self.enable_button = QPushButton(self.selected_box)
        self._new_pin_label = QLabel(self.selected_box)
        self._new_pin_again_label = QLabel(self.selected_box)
        selected_form = QFormLayout(self.selected_box)
        selected_form.addRow(self._new_pin_label, self.new_pin_edit)
        selected_form.addRow(self._new_pin_again_label, self.new_pin_again_edit)
        selected_form.addRow(self.set_pin_button)
        selected_form.addRow(self.enable_button)

        # A new operator.
        self.add_box = QGroupBox(self)
        self.name_edit = QLineEdit(self.add_box)
        self.role_combo = QComboBox(self.add_box)
        for role in ROLES_BY_RANK:
            self.role_combo.addItem("", role)
        self.pin_edit = _pin_edit(self.add_box)
        self.pin_again_edit = _pin_edit(self.add_box)
        self.add_button = QPushButton(self.add_box)
        self._add_labels = {key: QLabel(self.add_box) for key in ("name", "role", "pin", "again")}
        add_form = QFormLayout(self.add_box)
        add_form.addRow(self._add_labels["name"], self.name_edit)
        add_form.addRow(self._add_labels["role"], self.role_combo)
        add_form.addRow(self._add_labels["pin"], self.pin_edit)
        add_form.addRow(self._add_labels["again"], self.pin_again_edit)
        add_form.addRow(self.add_button)

        self.message = QLabel(self)
        self.message.setObjectName("operatorsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # a recovery code
        self.refresh_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)

        for widget in (
            self.new_pin_edit,
            self.new_pin_again_edit,
            self.set_pin_button,
            self.enable_button,
            self.name_edit,
            self.role_combo,
            self.pin_edit,
            self.pin_again_edit,
            self.add_button,
            self.refresh_button,
            self.close_button,
        ):
            font = widget.font()
            font.setPointSize(font.pointSize() + 4)
            widget.setFont(font)
            widget.setMinimumHeight(CONTROL_HEIGHT)
        table_font = self.table.font()
        table_font.setPointSize(table_font.pointSize() + 4)
        self.table.setFont(table_font)

        side = QVBoxLayout()
        side.addWidget(self.selected_box)
        side.addWidget(self.add_box)
        side.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.table, 3)
        columns.addLayout(side, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self.add_button.clicked.connect(self.add_operator)
        self.pin_again_edit.returnPressed.connect(self.add_operator)
        self.set_pin_button.clicked.connect(self.set_pin)
        self.new_pin_again_edit.returnPressed.connect(self.set_pin)
        self.enable_button.clicked.connect(self.toggle_enabled)
        self.refresh_button.clicked.connect(service.refresh)
        self.close_button.clicked.connect(self.accept)
        service.accounts_ready.connect(self._on_service_accounts_ready)
        service.changed.connect(self._on_service_changed)
        service.refused.connect(self._on_service_refused)

        self.resize(1100, 640)
        self.retranslate_ui()
        self._update_selected()
        service.refresh()

    # Actions ---------------------------------------------------------------------------------------

    @property
    def selected(self) -> OperatorStatus | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0]) if rows else None

    def select(self, operator_id: uuid.UUID) -> None:
        row = self.model.row_of(operator_id)
        if row >= 0:
            self.table.selectRow(row)

    @Slot()
    def add_operator(self) -> None:
        role = self.role_combo.currentData()
        self.service.add_operator(
            self.name_edit.text(), Role(role), self.pin_edit.text(), self.pin_again_edit.text()
        )

    @Slot()
    def set_pin(self) -> None:
        status = self.selected
        if status is None:
            self._show(self.tr("Choose an operator in the list first."), error=True)
            return
        self.service.set_pin(status.operator.id, self.new_pin_edit.text(), self.new_pin_again_edit.text())

    @Slot()
    def toggle_enabled(self) -> None:
        status = self.selected
        if status is None:
            self._show(self.tr("Choose an operator in the list first."), error=True)
            return
        self.service.set_enabled(status.operator.id, not status.account.enabled)

    # Service ---------------------------------------------------------------------------------------

    @Slot(list)
    def _on_service_accounts_ready(self, statuses: list[OperatorStatus]) -> None:
        chosen = self.selected
        self.model.set_statuses(statuses)
        if chosen is not None:
            self.select(chosen.operator.id)
        self._update_selected()

    @Slot(str)
    def _on_service_changed(self, text: str) -> None:
        for edit in (self.new_pin_edit, self.new_pin_again_edit, self.pin_edit, self.pin_again_edit):
            edit.clear()
        self.name_edit.clear()
        self._show(text, error=False)

    @Slot(str)
    def _on_service_refused(self, text: str) -> None:
        self._show(text, error=True)

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(_ERROR_STYLE if error else _DONE_STYLE)
        self.message.setText(text)

    @Slot()
    def _on_table_selection_changed(self) -> None:
        self._update_selected()

    def _update_selected(self) -> None:
        status = self.selected
        self.selected_box.setEnabled(status is not None)
        if status is None:
            self.selected_box.setTitle(self.tr("Selected operator"))
            self.enable_button.setText(self.tr("&Disable"))
            return
        self.selected_box.setTitle(self.tr("Selected: {name}").format(name=status.operator.name))
        self.enable_button.setText(self.tr("&Enable") if not status.account.enabled else self.tr("&Disable"))

    # Text ------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Operators"))
        self.title.setText(self.tr("Operators of this station"))
        self._new_pin_label.setText(self.tr("New PIN"))
        self._new_pin_again_label.setText(self.tr("New PIN again"))
        self.set_pin_button.setText(self.tr("Set new &PIN (lifts a lock-out)"))
        self.add_box.setTitle(self.tr("Add an operator"))
        self._add_labels["name"].setText(self.tr("Name"))
        self._add_labels["role"].setText(self.tr("Role"))
        self._add_labels["pin"].setText(self.tr("PIN (4-8 digits)"))
        self._add_labels["again"].setText(self.tr("PIN again"))
        for index, role in enumerate(ROLES_BY_RANK):
            self.role_combo.setItemText(index, enum_text(role))
        self.add_button.setText(self.tr("&Add operator"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.close_button.setText(self.tr("&Close"))
        self.model.retranslate()
        self._update_selected()
