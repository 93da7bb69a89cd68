"""Open shift / Close shift: the shift leader's two dialogs (keyboard and touch: big rows, Ctrl+Return).

Both are given the ``ShiftService`` and the context it read from the log; accepting asks the service to
record, and the dialog closes only once the record is on disk. Problems (a difference without its
explanation, an item missing without a note...) are listed in the operator's language and nothing is
written; an operator who is not a shift leader or administrator is refused.

Why one module of this length: Open shift and Close shift are two faces of one form (staff, received
items, the tally and its explanations); they share its rows and editors, and a change to one is a change
to both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeySequence, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.records import Shift
from checkpoint.domain.shift_handover import (
    CountLine,
    Finding,
    Item,
    ItemCondition,
    ItemLine,
    MatterDecision,
    MatterReview,
    Metric,
    Problem,
    ShiftClosing,
    ShiftOpening,
)
from checkpoint.station.shift_texts import (
    finding_text,
    shift_enum_text,
)
from checkpoint.station.shifts import CloseContext, OpenContext, ShiftService

ROW_HEIGHT = 48  # a gloved finger hits a row
MAX_QUANTITY = 99_999
PROBLEM_BACKGROUND = QColor("#7a1f1f")  # the row a refusal points at (white text stays readable on it)


class QuantitySpin(QSpinBox):
    """A count in a form that scrolls: the wheel changes it only once it has the focus (over an unfocused
    box the wheel scrolls the form), and focusing it selects its number, so typing replaces it ("2" over
    "1" is 2, not 21 or 12)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: a wheel passing over is no click

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            event.ignore()  # to the parents: the form scrolls
            return
        super().wheelEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # after the click that gave the focus has placed its cursor
        QTimer.singleShot(0, self, self.selectAll)


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab moves between the fields, arrows within the table
    return table


def _spin(value: int, minimum: int = 0) -> QuantitySpin:
    spin = QuantitySpin()
    spin.setRange(minimum, MAX_QUANTITY)
    spin.setValue(value)
    return spin


def _conditions(condition: ItemCondition) -> QComboBox:
    box = QComboBox()
    for value in ItemCondition:
        box.addItem(shift_enum_text(value), value)
    box.setCurrentIndex(list(ItemCondition).index(condition))
    return box


def _button(parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setMinimumHeight(ROW_HEIGHT)
    button.setAutoDefault(False)  # Enter in a field never clicks a row button
    return button


class _ShiftDialog(QDialog):
    """What both dialogs share: the problems label, the buttons, the service's answers."""

    def __init__(self, service: ShiftService, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._service = service
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # An action-role button: the box would make an accept-role one the default, and then Enter in a
        # field (adding a name) would submit the whole dialog. Ctrl+Return submits.
        self._ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self._ok_button.clicked.connect(self.submit)
        for button in self.buttons.buttons():
            button.setMinimumHeight(ROW_HEIGHT)
            if isinstance(button, QPushButton):  # Enter adds a name or moves on; Ctrl+Return submits
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        service.failed.connect(self._on_service_failed)
        self.resize(900, 680)

    @property
    def ok_button(self) -> QPushButton:
        return self._ok_button

    def show_problems(self, problems: tuple[Finding, ...] | list[str]) -> None:
        lines = [p if isinstance(p, str) else finding_text(p) for p in problems]
        self.problems_label.setText("\n".join(f"• {line}" for line in lines))
        self.problems_label.setVisible(bool(lines))

    def _refused(self) -> bool:
        if self._service.may_lead():
            return False
        self.show_problems(
            [
                QCoreApplication.translate(
                    "ShiftDialog", "Only a shift leader or an administrator may open or close a shift."
                )
            ]
        )
        self.ok_button.setEnabled(False)
        return True

    def submit(self) -> None:
        raise NotImplementedError

    @Slot(str)
    def _on_service_failed(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.show_problems([message])

    @Slot(object)
    def _on_service_done(self, _shift: object) -> None:
        self.accept()


class OpenShiftDialog(_ShiftDialog):
    """Open shift: staff on duty (picked from the operators or typed), items received, matters taken
    over (each acknowledged or carried on)."""

    def __init__(self, service: ShiftService, context: OpenContext, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self._context = context
        self.leader_label = QLabel(self)
        self.staff_picker = QComboBox(self)
        self.staff_picker.setEditable(True)
        self.staff_picker.addItems(list(context.staff))
        self.staff_picker.setCurrentText("")
        self.staff_picker.setMinimumHeight(ROW_HEIGHT)
        picker_line = self.staff_picker.lineEdit()
        assert picker_line is not None
        picker_line.returnPressed.connect(self.add_staff)
        self.add_staff_button = _button(self)
        self.add_staff_button.clicked.connect(self.add_staff)
        self.remove_staff_button = _button(self)
        self.remove_staff_button.clicked.connect(self._on_remove_staff_clicked)
        self.staff_table = _table(1)
        self.staff_table.horizontalHeader().setVisible(False)
        self.items_table = _table(4)
        self.add_item_button = _button(self)
        self.add_item_button.clicked.connect(lambda: self.add_item(Item("", 1)))
        self.remove_item_button = _button(self)
        self.remove_item_button.clicked.connect(
            lambda: self.items_table.removeRow(self.items_table.currentRow())
        )
        self.matters_table = _table(3)
        self.staff_caption, self.items_caption, self.matters_caption = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )

        staff_row = QHBoxLayout()
        staff_row.addWidget(self.staff_picker, 1)
        staff_row.addWidget(self.add_staff_button)
        staff_row.addWidget(self.remove_staff_button)
        item_row = QHBoxLayout()
        item_row.addStretch(1)
        item_row.addWidget(self.add_item_button)
        item_row.addWidget(self.remove_item_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.leader_label)
        layout.addWidget(self.staff_caption)
        layout.addLayout(staff_row)
        layout.addWidget(self.staff_table, 1)
        layout.addWidget(self.items_caption)
        layout.addWidget(self.items_table, 2)
        layout.addLayout(item_row)
        layout.addWidget(self.matters_caption)
        layout.addWidget(self.matters_table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

        self._add_staff_name(context.leader)
        for item in context.items:
            self.add_item(item)
        for matter in context.matters:
            self._add_matter(matter)
        self.matters_caption.setVisible(bool(context.matters))
        self.matters_table.setVisible(bool(context.matters))
        service.opened.connect(self._on_service_done)
        self.retranslate_ui()
        self.show_problems([])
        self._refused()
        self.staff_picker.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Open shift"))
        self.leader_label.setText(self.tr("Shift leader: {name}").format(name=self._context.leader))
        self.staff_caption.setText(self.tr("Staff on duty (pick or type a name, then Enter)"))
        self.add_staff_button.setText(self.tr("Add"))
        self.remove_staff_button.setText(self.tr("Remove"))
        self.items_caption.setText(self.tr("Items received (equipment, keys, supplies)"))
        self.items_table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Quantity"), self.tr("Condition"), self.tr("Note")]
        )
        self.add_item_button.setText(self.tr("Add item"))
        self.remove_item_button.setText(self.tr("Remove item"))
        self.matters_caption.setText(self.tr("Open matters handed over by the previous shift"))
        self.matters_table.setHorizontalHeaderLabels(
            [self.tr("Matter"), self.tr("Decision"), self.tr("Note")]
        )
        self.ok_button.setText(self.tr("Open shift"))

    # -- staff, items, matters -----------------------------------------------------------------------

    @Slot()
    def add_staff(self) -> None:
        self._add_staff_name(self.staff_picker.currentText())
        self.staff_picker.setCurrentText("")

    def _add_staff_name(self, name: str) -> None:
        name = " ".join(name.split())
        if not name or name in self.staff():
            return
        row = self.staff_table.rowCount()
        self.staff_table.insertRow(row)
        self.staff_table.setItem(row, 0, QTableWidgetItem(name))

    @Slot()
    def _on_remove_staff_clicked(self) -> None:
        self.staff_table.removeRow(self.staff_table.currentRow())

    def staff(self) -> tuple[str, ...]:
        names = (self.staff_table.item(row, 0) for row in range(self.staff_table.rowCount()))
        return tuple(item.text().strip() for item in names if item is not None)

    def add_item(self, item: Item) -> int:
        row = self.items_table.rowCount()
        self.items_table.insertRow(row)
        self.items_table.setItem(row, 0, QTableWidgetItem(item.name))
        self.items_table.setCellWidget(row, 1, _spin(item.quantity))
        self.items_table.setCellWidget(row, 2, _conditions(item.condition))
        self.items_table.setItem(row, 3, QTableWidgetItem(item.note))
        return row

    def _add_matter(self, matter: MatterReview) -> None:
        row = self.matters_table.rowCount()
        self.matters_table.insertRow(row)
        text = QTableWidgetItem(matter.text)
        text.setFlags(text.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.matters_table.setItem(row, 0, text)
        box = QComboBox()
        box.addItem(self.tr("(choose)"), None)
        for decision in MatterDecision:
            box.addItem(shift_enum_text(decision), decision)
        self.matters_table.setCellWidget(row, 1, box)
        self.matters_table.setItem(row, 2, QTableWidgetItem(matter.note))

    def set_matter_decision(self, row: int, decision: MatterDecision) -> None:
        box = self.matters_table.cellWidget(row, 1)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(decision))

    def opening(self) -> ShiftOpening:
        items = []
        for row in range(self.items_table.rowCount()):
            name, spin, box, note = (
                self.items_table.item(row, 0),
                self.items_table.cellWidget(row, 1),
                self.items_table.cellWidget(row, 2),
                self.items_table.item(row, 3),
            )
            assert isinstance(spin, QSpinBox) and isinstance(box, QComboBox)
            items.append(
                Item(
                    name.text() if name else "",
                    spin.value(),
                    ItemCondition(box.currentData()),  # Qt hands the enum back as its text
                    note.text() if note else "",
                )
            )
        matters = []
        for row in range(self.matters_table.rowCount()):
            text, box, note = (
                self.matters_table.item(row, 0),
                self.matters_table.cellWidget(row, 1),
                self.matters_table.item(row, 2),
            )
            assert isinstance(box, QComboBox)
            matters.append(
                MatterReview(text.text() if text else "", box.currentData(), note.text() if note else "")
            )
        return ShiftOpening(self._context.leader, self.staff(), tuple(items), tuple(matters))

    def submit(self) -> None:
        if self._refused():
            return
        if self.staff_picker.currentText().strip():
            self.add_staff()
        problems = self._service.open_shift(self.opening())
        self.show_problems(problems)
        if not problems:
            self.ok_button.setEnabled(False)  # until the service answers


class CloseShiftDialog(_ShiftDialog):
    """Close shift: the log's counts beside the hand tally, the items handed over, the open matters for
    the next shift and the outgoing and incoming leaders. Differences must be explained."""

    def __init__(self, service: ShiftService, context: CloseContext, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self._context = context
        self.shift_label = QLabel(self)
        self.counts_table = _table(5)
        self.items_table = _table(6)
        self.add_item_button = _button(self)
        self.add_item_button.clicked.connect(lambda: self.add_item(Item("", 1), None))
        self.matters_edit = QPlainTextEdit(self)
        self.matters_edit.setTabChangesFocus(True)
        self.matters_edit.setPlainText("\n".join(context.matters))
        self.outgoing_edit = QLineEdit(context.leader, self)
        self.incoming_edit = QLineEdit(self)
        for edit in (self.outgoing_edit, self.incoming_edit):
            edit.setMinimumHeight(ROW_HEIGHT)
        self.counts_caption, self.items_caption, self.matters_caption = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self._metrics: list[Metric] = []
        for metric, logged in context.counts.items():
            self._add_count(metric, logged)
        for item in context.received:
            self.add_item(Item(item.name, item.quantity), item.quantity)

        leaders = QFormLayout()
        self.outgoing_caption, self.incoming_caption = QLabel(self), QLabel(self)
        leaders.addRow(self.outgoing_caption, self.outgoing_edit)
        leaders.addRow(self.incoming_caption, self.incoming_edit)
        item_row = QHBoxLayout()
        item_row.addStretch(1)
        item_row.addWidget(self.add_item_button)
        # Every count row shows at once (no table scrolling inside the dialog); on a small screen the whole
        # form scrolls instead, and the problems and the buttons stay in view.
        counts = self.counts_table
        counts.setMinimumHeight(
            counts.horizontalHeader().sizeHint().height()
            + counts.rowCount() * counts.verticalHeader().defaultSectionSize()
            + 2 * counts.frameWidth()
            + 4
        )
        counts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items_table.setMinimumHeight(3 * ROW_HEIGHT)
        self.matters_edit.setMinimumHeight(2 * ROW_HEIGHT)
        body = QWidget(self)
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.shift_label)
        form.addWidget(self.counts_caption)
        form.addWidget(self.counts_table, 3)
        form.addWidget(self.items_caption)
        form.addWidget(self.items_table, 2)
        form.addLayout(item_row)
        form.addWidget(self.matters_caption)
        form.addWidget(self.matters_edit, 1)
        form.addLayout(leaders)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setWidget(body)
        self._body = body
        self._marked: list[QTableWidgetItem] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        service.closed.connect(self._on_service_done)
        self.retranslate_ui()
        self.show_problems([])
        self._refused()
        self.counts_table.setFocus()

    def retranslate_ui(self) -> None:
        shift = self._context.shift
        self.setWindowTitle(self.tr("Close shift"))
        self.shift_label.setText(
            self.tr("Shift {label}, opened {time}").format(
                label=shift.label, time=f"{shift.opened_at.astimezone():%Y-%m-%d %H:%M}"
            )
        )
        self.counts_caption.setText(
            self.tr("Counts: the log and your tally (leave the tally at \u2014 where none was kept)")
        )
        self.counts_table.setHorizontalHeaderLabels(
            [
                self.tr("Count"),
                self.tr("Log"),
                self.tr("Tally"),
                self.tr("Difference"),
                self.tr("Explanation"),
            ]
        )
        self.items_caption.setText(self.tr("Items handed over"))
        self.items_table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Received"),
                self.tr("Handed over"),
                self.tr("Condition"),
                self.tr("Difference"),
                self.tr("Explanation"),
            ]
        )
        self.add_item_button.setText(self.tr("Add item"))
        self.matters_caption.setText(self.tr("Open matters for the next shift (one per line)"))
        self.outgoing_caption.setText(self.tr("Outgoing shift leader"))
        self.incoming_caption.setText(self.tr("Incoming shift leader"))
        self.ok_button.setText(self.tr("Close shift"))
        for row in range(self.counts_table.rowCount()):
            self._show_difference(row)
        for row in range(self.items_table.rowCount()):
            self._show_status(row)

    # -- counts --------------------------------------------------------------------------------------

    def _add_count(self, metric: Metric, logged: int) -> None:
        row = self.counts_table.rowCount()
        self.counts_table.insertRow(row)
        self._metrics.append(metric)
        for column, text in ((0, shift_enum_text(metric)), (1, str(logged)), (3, "")):
            cell = QTableWidgetItem(text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.counts_table.setItem(row, column, cell)
        tally = _spin(-1, minimum=-1)
        tally.setSpecialValueText("\u2014")  # no tally kept
        tally.valueChanged.connect(lambda _value, r=row: self._show_difference(r))
        self.counts_table.setCellWidget(row, 2, tally)
        self.counts_table.setItem(row, 4, QTableWidgetItem(""))

    def tally_spin(self, metric: Metric) -> QSpinBox:
        spin = self.counts_table.cellWidget(self._metrics.index(metric), 2)
        assert isinstance(spin, QSpinBox)
        return spin

    def set_explanation(self, metric: Metric, text: str) -> None:
        cell = self.counts_table.item(self._metrics.index(metric), 4)
        assert cell is not None
        cell.setText(text)

    def _count_line(self, row: int) -> CountLine:
        spin = self.counts_table.cellWidget(row, 2)
        assert isinstance(spin, QSpinBox)
        logged = self._context.counts[self._metrics[row]]
        explanation = self.counts_table.item(row, 4)
        tallied = None if spin.value() < 0 else spin.value()
        return CountLine(self._metrics[row], logged, tallied, explanation.text() if explanation else "")

    def _show_difference(self, row: int) -> None:
        line = self._count_line(row)
        cell = self.counts_table.item(row, 3)
        if cell is not None:
            cell.setText("" if line.tallied is None else f"{line.difference:+d}" if line.difference else "0")

    # -- items ---------------------------------------------------------------------------------------

    def add_item(self, item: Item, received: int | None) -> int:
        row = self.items_table.rowCount()
        self.items_table.insertRow(row)
        self.items_table.setItem(row, 0, QTableWidgetItem(item.name))
        received_cell = QTableWidgetItem("" if received is None else str(received))
        received_cell.setFlags(received_cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        received_cell.setData(Qt.ItemDataRole.UserRole, received)
        self.items_table.setItem(row, 1, received_cell)
        handed = _spin(item.quantity)
        handed.valueChanged.connect(lambda _value, r=row: self._show_status(r))
        self.items_table.setCellWidget(row, 2, handed)
        condition = _conditions(item.condition)
        condition.currentIndexChanged.connect(lambda _index, r=row: self._show_status(r))
        self.items_table.setCellWidget(row, 3, condition)
        status = QTableWidgetItem("")
        status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.items_table.setItem(row, 4, status)
        self.items_table.setItem(row, 5, QTableWidgetItem(item.note))
        self._show_status(row)
        return row

    def _item_line(self, row: int) -> ItemLine:
        name, received, handed, condition, explanation = (
            self.items_table.item(row, 0),
            self.items_table.item(row, 1),
            self.items_table.cellWidget(row, 2),
            self.items_table.cellWidget(row, 3),
            self.items_table.item(row, 5),
        )
        assert isinstance(handed, QSpinBox) and isinstance(condition, QComboBox)
        return ItemLine(
            name.text() if name else "",
            received.data(Qt.ItemDataRole.UserRole) if received else None,
            handed.value(),
            ItemCondition(condition.currentData()),
            explanation.text() if explanation else "",
        )

    def item_row(self, name: str) -> int:
        for row in range(self.items_table.rowCount()):
            cell = self.items_table.item(row, 0)
            if cell is not None and cell.text() == name:
                return row
        raise KeyError(name)

    def _show_status(self, row: int) -> None:
        cell = self.items_table.item(row, 4)
        if cell is not None and self.items_table.cellWidget(row, 3) is not None:
            cell.setText(shift_enum_text(self._item_line(row).status))

    def closing(self) -> ShiftClosing:
        matters = tuple(line.strip() for line in self.matters_edit.toPlainText().splitlines() if line.strip())
        return ShiftClosing(
            self.outgoing_edit.text().strip(),
            self.incoming_edit.text().strip(),
            tuple(self._count_line(row) for row in range(self.counts_table.rowCount())),
            tuple(self._item_line(row) for row in range(self.items_table.rowCount())),
            matters,
        )

    def submit(self) -> None:
        if self._refused():
            return
        problems = self._service.close_shift(self.closing())
        self.show_problems(problems)
        self._point_at(problems)
        if not problems:
            self.ok_button.setEnabled(False)  # until the service answers

    # -- pointing at what stops the close ------------------------------------------------------------

    def problem_cell(self, finding: Finding) -> tuple[QTableWidget, int] | None:
        """The table row a finding is about (a count or an item), None for the leaders' fields."""
        if finding.problem in (Problem.DIFFERENCE_UNEXPLAINED, Problem.NEGATIVE_QUANTITY):
            for row, metric in enumerate(self._metrics):
                if metric.value == finding.subject:
                    return self.counts_table, row
        for row in range(self.items_table.rowCount()):
            cell = self.items_table.item(row, 0)
            name = cell.text().strip() if cell is not None else ""
            if (finding.problem is Problem.EMPTY_NAME and not name) or (name and name == finding.subject):
                return self.items_table, row
        return None

    def _point_at(self, problems: tuple[Finding, ...]) -> None:
        """Marks every offending row and brings the first into view with its explanation cell current: the
        form may be scrolled far from it, and the list above the buttons names it only in words."""
        for marked in self._marked:
            marked.setBackground(QBrush())
            marked.setForeground(QBrush())
        self._marked.clear()
        first: QWidget | None = None
        for finding in problems:
            found = self.problem_cell(finding)
            if found is None:
                if finding.problem is Problem.NO_OUTGOING_LEADER and first is None:
                    first = self.outgoing_edit
                continue
            table, row = found
            for column in range(table.columnCount()):
                cell = table.item(row, column)
                if cell is not None:
                    cell.setBackground(QBrush(PROBLEM_BACKGROUND))
                    cell.setForeground(QBrush(QColor("white")))
                    self._marked.append(cell)
            if first is None:
                first = table
                explanation = table.columnCount() - 1
                table.clearSelection()  # the selection's colour would hide the mark
                table.setCurrentCell(row, explanation, QItemSelectionModel.SelectionFlag.NoUpdate)
                table.scrollTo(table.model().index(row, explanation))
                rect = table.visualRect(table.model().index(row, explanation))
                centre = table.viewport().mapTo(self._body, rect.center())
                self.form_scroll.ensureVisible(centre.x(), centre.y(), 20, rect.height())
        if first is self.outgoing_edit:
            self.form_scroll.ensureWidgetVisible(self.outgoing_edit)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


class ClosedShiftDialog(QDialog):
    """The closing confirmation: the shift is closed and on record, and its handover sheet (交接班记录)
    is one button away, exported or printed (the full sheet: staff, items, reconciliation, leaders).

    Signals:
        export_requested(object): the closed shift's id; the window opens the export on that shift.
        print_requested(object): the closed shift's id; the window prints that shift's sheet.
    """

    export_requested = Signal(object)
    print_requested = Signal(object)

    def __init__(self, shift: Shift, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shift = shift
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.done_button = QPushButton(self)
        for button in (self.export_button, self.print_button, self.done_button):
            button.setMinimumHeight(ROW_HEIGHT)
            button.setAutoDefault(False)
        self.export_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.done_button.clicked.connect(self.accept)
        self.retranslate_ui()
        self.setMinimumWidth(640)
        self.export_button.setFocus()

    @property
    def shift(self) -> Shift:
        return self._shift

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Shift closed"))
        self.message_label.setText(
            self.tr(
                "Shift {label}, opened {time}, is closed and on record. Its handover sheet is made from "
                "the log: staff, items, the reconciliation and both leaders, with every passage."
            ).format(label=self._shift.label, time=f"{self._shift.opened_at.astimezone():%Y-%m-%d %H:%M}")
        )
        self.export_button.setText(self.tr("&Export this shift's handover sheet..."))
        self.print_button.setText(self.tr("&Print it..."))
        self.done_button.setText(self.tr("Done"))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        self.accept()
        self.export_requested.emit(self._shift.id)

    @Slot()
    def _on_print_button_clicked(self) -> None:
        self.accept()
        self.print_requested.emit(self._shift.id)
