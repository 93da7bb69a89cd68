"""Asks for what the handover export needs: a shift or a time window, the format and the file.

**A shift** (the default) writes that shift's whole handover sheet (交接班记录), the one ``checkpoint
export handover --shift ID`` writes: its window, staff, items received and handed over, open matters, the
reconciliation and both leaders. The gate's recent shifts are offered newest first with their leaders and
times; the current shift is the first.

**A time window** writes the passages between From and To as the fields show them (``ui/qtime``: From
from second :00 of its minute, To through the end of its minute). To is *now* unless unticked: it follows
the station's clock while the dialog is open and the export runs up to the moment it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.shift_handover import ShiftRecord
from checkpoint.station.exporting import FORMATS
from checkpoint.ui.qtime import FollowClock, minute_end, minute_start, show_minute

EXPORT_FORMATS: tuple[str, ...] = FORMATS  # what the handover export writes (xlsx, pdf, csv)
_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
TOUCH_HEIGHT = 48  # every field and button: a gloved finger hits it


def _local(value: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return f"{value.astimezone():{fmt}}"


class ExportDialog(QDialog):
    """A shift (from ``shifts``, newest first; ``chosen`` preselects one) or a time window (From: ``since``,
    To: now, following ``clock``), a format and a file path in ``folder``."""

    def __init__(
        self,
        shifts: Sequence[ShiftRecord],
        since: datetime,
        clock: Callable[[], datetime],
        folder: Path,
        stem: str,
        parent: QWidget | None = None,
        *,
        chosen: UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self._shifts = list(shifts)
        self._clock = clock
        self.shift_radio = QRadioButton(self)
        self.window_radio = QRadioButton(self)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.shift_radio)
        self._mode.addButton(self.window_radio)
        # a list, not a drop-down: the recent shifts, their times and leaders at a glance, a row a finger
        self.shift_list = QListWidget(self)
        self.shift_list.setMinimumHeight(5 * TOUCH_HEIGHT + 4)
        self.since_edit = QDateTimeEdit(self)
        self.until_edit = QDateTimeEdit(self)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_DATETIME_FORMAT)
        show_minute(self.since_edit, since)
        self.now_check = QCheckBox(self)
        self._follow = FollowClock(self.until_edit, clock, self)
        self.format_combo = QComboBox(self)
        for fmt in EXPORT_FORMATS:
            self.format_combo.addItem(fmt.upper(), fmt)
        self.path_edit = QLineEdit(str(folder / f"{stem}.xlsx"), self)
        self.browse_button = QPushButton(self)
        self.window_note = QLabel(self)
        # two lines of its own (a word-wrapped label gets too little height in this form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("dialogError")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._of_caption = QLabel(self)
        self._shift_caption = QLabel(self)
        self._format_caption = QLabel(self)
        self._since_caption = QLabel(self)
        self._until_caption = QLabel(self)
        self._file_caption = QLabel(self)
        for widget in (
            self.shift_radio,
            self.window_radio,
            self.since_edit,
            self.until_edit,
            self.format_combo,
            self.path_edit,
            self.browse_button,
            *self.buttons.buttons(),
        ):
            widget.setMinimumHeight(TOUCH_HEIGHT)

        mode_row = QHBoxLayout()
        mode_row.addWidget(self.shift_radio)
        mode_row.addWidget(self.window_radio)
        mode_row.addStretch(1)
        until_row = QHBoxLayout()
        until_row.addWidget(self.now_check)
        until_row.addWidget(self.until_edit, 1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self._of_caption, mode_row)
        form.addRow(self._shift_caption, self.shift_list)
        form.addRow(self._since_caption, self.since_edit)
        form.addRow(self._until_caption, until_row)
        form.addRow("", self.window_note)
        form.addRow(self._format_caption, self.format_combo)
        form.addRow(self._file_caption, path_row)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.shift_radio.toggled.connect(self._on_mode_toggled)
        self.now_check.toggled.connect(self._on_now_check_toggled)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        # one size for both modes (no jump when switching), tall enough for the window's wrapped rule
        self.setMinimumSize(760, 560)
        self.retranslate_ui()
        self.now_check.setChecked(True)
        index = next((i for i, r in enumerate(self._shifts) if r.shift.id == chosen), 0)
        self.shift_list.setCurrentRow(index)
        if self._shifts:
            self.shift_radio.setChecked(True)
        else:
            self.window_radio.setChecked(True)
            self.shift_radio.setEnabled(False)
        self._on_mode_toggled()

    # What was asked --------------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    @property
    def shift_id(self) -> UUID | None:
        """The chosen shift (its whole sheet), or None for a time window."""
        if not self.shift_radio.isChecked() or not self._shifts:
            return None
        return self._shifts[max(0, self.shift_list.currentRow())].shift.id

    @property
    def since(self) -> datetime | None:
        """The window's start as shown (its minute from :00); None when a shift is chosen."""
        if self.shift_id is not None:
            return None
        return minute_start(self.since_edit.dateTime())

    @property
    def until(self) -> datetime | None:
        """The window's end: the end of the shown minute, or None for *now* (when the file is written)."""
        if self.shift_id is not None or self.now_check.isChecked():
            return None
        return minute_end(self.until_edit.dateTime())

    # Text ------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export handover"))
        self._of_caption.setText(self.tr("Handover of"))
        self.shift_radio.setText(self.tr("A shift (the full sheet)"))
        self.window_radio.setText(self.tr("A time window"))
        self._shift_caption.setText(self.tr("Shift"))
        self._format_caption.setText(self.tr("Format"))
        self._since_caption.setText(self.tr("From"))
        self._until_caption.setText(self.tr("To"))
        self.now_check.setText(self.tr("Now"))
        self.now_check.setToolTip(self.tr("Up to the moment the file is written."))
        self.window_note.setText(
            self.tr(
                "From: from second :00 of its minute. To: through the end of its minute.\n"
                "Passages only; staff, items and reconciliation are on a shift's full sheet."
            )
        )
        self._file_caption.setText(self.tr("File"))
        self.browse_button.setText(self.tr("Choose..."))
        index = self.shift_list.currentRow()
        self.shift_list.clear()
        for record in self._shifts:
            item = QListWidgetItem(self.shift_text(record), self.shift_list)
            item.setData(Qt.ItemDataRole.UserRole, str(record.shift.id))
            item.setSizeHint(QSize(0, TOUCH_HEIGHT))
        self.shift_list.setCurrentRow(max(0, index))

    def shift_text(self, record: ShiftRecord) -> str:
        """A shift as the list shows it: its times, its leaders, open or automatic."""
        shift = record.shift
        opened = _local(shift.opened_at)
        if shift.closed_at is None:
            times = self.tr("{opened} - now (open)").format(opened=opened)
        else:
            same_day = shift.closed_at.astimezone().date() == shift.opened_at.astimezone().date()
            closed = _local(shift.closed_at, "%H:%M" if same_day else "%Y-%m-%d %H:%M")
            times = f"{opened} - {closed}"
        if record.opening is None:
            who = self.tr("automatic")
        elif record.closing is not None and record.closing.incoming_leader:
            who = self.tr("{leader}, handed over to {incoming}").format(
                leader=record.opening.leader, incoming=record.closing.incoming_leader
            )
        else:
            who = record.opening.leader
        return f"{times}  ·  {who}"

    # Slots -----------------------------------------------------------------------------------------

    @Slot()
    def _on_mode_toggled(self) -> None:
        """Only the rows of the chosen mode show: the shift list, or From, To and the window's rule."""
        by_shift = self.shift_radio.isChecked()
        self.shift_list.setEnabled(by_shift)
        for widget in (self.since_edit, self.now_check, self.window_note):
            widget.setEnabled(not by_shift)
        self.until_edit.setEnabled(not by_shift and not self.now_check.isChecked())
        self._form.setRowVisible(1, by_shift)
        for row in (2, 3, 4):
            self._form.setRowVisible(row, not by_shift)
        self.error_label.clear()

    @Slot(bool)
    def _on_now_check_toggled(self, now: bool) -> None:
        self._follow.set_following(now)
        self.until_edit.setEnabled(not now and self.window_radio.isChecked())

    @Slot(int)
    def _on_format_combo_changed(self, _index: int) -> None:
        current = self.path
        if current.suffix.lower().lstrip(".") in EXPORT_FORMATS:
            self.path_edit.setText(str(current.with_suffix(f".{self.fmt}")))

    @Slot()
    def _on_browse_clicked(self) -> None:
        pattern = self.tr("{name} files (*.{ext})").format(name=self.fmt.upper(), ext=self.fmt)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export handover"), str(self.path), pattern)
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != f".{self.fmt}":
                path = path.with_name(path.name + f".{self.fmt}")
            self.path_edit.setText(str(path))

    @Slot()
    def _on_buttons_accepted(self) -> None:
        problem = self._problem()
        if problem:
            self.error_label.setText(problem)
            return
        self._follow.set_following(False)
        self.accept()

    def _problem(self) -> str:
        if not self.path_edit.text().strip():
            return self.tr("Choose a file to write.")
        if self.shift_id is None:
            since = minute_start(self.since_edit.dateTime())
            until = self.until if self.until is not None else self._clock()
            if until <= since:
                return self.tr("The end of the window must be after its start.")
        if not self.path.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(folder=self.path.parent)
        return ""
