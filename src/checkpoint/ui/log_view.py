"""The log screen: the lazy pass-log table under a filter bar (time window, free text, flagged only) with a
count."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkpoint.station.log import LogService, PassageFilter
from checkpoint.station.session import StationSession
from checkpoint.ui.pass_log_model import Column, PassLogModel
from checkpoint.ui.qtime import FollowClock, minute_end, minute_start, show_minute

FILTER_DELAY_MS = 300
COLUMN_WIDTHS = {  # at 1366x768 every column but the reasons shows; a heading never wider than these
    Column.TIME: 190,
    Column.DIRECTION: 80,
    Column.SUBJECT: 100,
    Column.PLATE: 120,
    Column.PERSONS: 90,
    Column.NAMES: 200,
    Column.COLOURS: 160,
    Column.TEMPERATURE: 80,
    Column.OUTCOME: 150,
}
_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def start_of_today(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


class LogView(QWidget):
    """Shows the pass log of a time window (open-ended by default, so new passages appear live).

    Given the log service and the session (for the current shift, the ``passage_recorded`` signal and the
    station's time, ``session.now``).

    Signals:
        passage_opened(object): a passage's uuid was opened (double-click, Enter): the window shows its
            details.
    """

    passage_opened = Signal(object)

    def __init__(self, log: LogService, session: StationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.since_edit = QDateTimeEdit(self)
        self.until_edit = QDateTimeEdit(self)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_DATETIME_FORMAT)
        self.until_check = QCheckBox(self)
        self.today_button = QPushButton(self)
        self.shift_button = QPushButton(self)
        self.day_button = QPushButton(self)
        self.text_filter = QLineEdit(self)
        self.text_filter.setClearButtonEnabled(True)
        self.flagged_check = QCheckBox(self)
        self.count_label = QLabel(self)
        self._since_caption = QLabel(self)
        self._search_caption = QLabel(self)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)

        # without an end the To field shows now (it follows the clock); ticked, it starts from now's minute
        self._follow_until = FollowClock(self.until_edit, session.now, self)
        self._set_window(start_of_today(session.now()), None)
        self.model = PassLogModel(
            log, self._current_filter(), fever_c=session.profile.thresholds.fever_c, parent=self
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.activated.connect(self._on_table_activated)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring: millions of rows
        vertical.setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)

        self._build_layout()
        self.since_edit.dateTimeChanged.connect(self._on_window_edited)
        self.until_edit.dateTimeChanged.connect(self._on_until_edit_changed)
        self.until_check.toggled.connect(self._on_window_edited)
        self.text_filter.textChanged.connect(self._on_text_filter_changed)
        self.flagged_check.toggled.connect(self._on_flagged_check_toggled)
        session.draft_changed.connect(self._on_session_draft_changed)
        self.today_button.clicked.connect(self._on_today_clicked)
        self.shift_button.clicked.connect(self._on_shift_clicked)
        self.day_button.clicked.connect(self._on_day_clicked)
        self.model.rowsInserted.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)
        session.passage_recorded.connect(self.model.append_passage)
        self.retranslate_ui()

    def _build_layout(self) -> None:
        window = QHBoxLayout()
        window.addWidget(self._since_caption)
        window.addWidget(self.since_edit)
        window.addWidget(self.until_check)
        window.addWidget(self.until_edit)
        window.addSpacing(12)
        window.addWidget(self.today_button)
        window.addWidget(self.shift_button)
        window.addWidget(self.day_button)
        window.addStretch(1)
        search = QHBoxLayout()
        search.addWidget(self._search_caption)
        search.addWidget(self.text_filter, 1)
        search.addWidget(self.flagged_check)
        search.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(window)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)

    # Filter ----------------------------------------------------------------------------------------

    def _current_filter(self) -> PassageFilter:
        # what the fields show: From from :00 of its minute, To through the end of its minute (ui/qtime)
        until = minute_end(self.until_edit.dateTime()) if self.until_check.isChecked() else None
        return PassageFilter(
            since=minute_start(self.since_edit.dateTime()),
            until=until,
            text=self.text_filter.text().strip(),
            flagged=self.flagged_check.isChecked(),
        )

    @Slot()
    def apply_filter(self) -> None:
        """Reloads the table for what the filter bar says now (the edits call it after a short delay)."""
        self._filter_timer.stop()
        wanted = self._current_filter()
        if wanted != self.model.passage_filter:
            self.model.set_filter(wanted)

    def set_window(self, since: datetime, until: datetime | None) -> None:
        """Shows the passages from ``since`` to ``until`` (None: open-ended, new passages appear)."""
        self._set_window(since, until)
        self.apply_filter()

    def _set_window(self, since: datetime, until: datetime | None) -> None:
        for widget in (self.since_edit, self.until_edit, self.until_check):
            widget.blockSignals(True)
        show_minute(self.since_edit, since)
        self.until_check.setChecked(until is not None)
        self._follow_until.set_following(until is None)
        if until is not None:
            show_minute(self.until_edit, until)
        self.until_edit.setEnabled(until is not None)
        for widget in (self.since_edit, self.until_edit, self.until_check):
            widget.blockSignals(False)

    @Slot()
    def _on_window_edited(self) -> None:
        self._follow_until.set_following(not self.until_check.isChecked())
        self.until_edit.setEnabled(self.until_check.isChecked())
        self._filter_timer.start()

    @Slot()
    def _on_until_edit_changed(self) -> None:
        self.until_check.setChecked(True)  # picking an end time means the window has an end
        self._on_window_edited()

    @Slot(str)
    def _on_text_filter_changed(self, _text: str) -> None:
        self._filter_timer.start()

    @Slot(bool)
    def _on_flagged_check_toggled(self, _checked: bool) -> None:
        self.apply_filter()

    @Slot()
    def _on_session_draft_changed(self) -> None:
        self.model.set_fever_threshold(self._session.profile.thresholds.fever_c)

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        passage = self.model.passage(index.row()) if index.isValid() else None
        if passage is not None:
            self.passage_opened.emit(passage.uuid)

    @Slot()
    def _on_today_clicked(self) -> None:
        self.set_window(start_of_today(self._session.now()), None)

    @Slot()
    def _on_shift_clicked(self) -> None:
        self.set_window(self._session.shift.opened_at, None)

    @Slot()
    def _on_day_clicked(self) -> None:
        self.set_window(self._session.now() - timedelta(hours=24), None)

    # Texts -----------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._since_caption.setText(self.tr("From"))
        self.until_check.setText(self.tr("To"))
        self.until_check.setToolTip(self.tr("Without an end, new passages appear as they are recorded."))
        self.today_button.setText(self.tr("Today"))
        self.shift_button.setText(self.tr("This shift"))
        self.day_button.setText(self.tr("Last 24 h"))
        self._search_caption.setText(self.tr("Search"))
        self.text_filter.setPlaceholderText(
            self.tr("Part of a plate, name or note; a whole ID number or phone")
        )
        self.flagged_check.setText(self.tr("Flagged only (re-check)"))
        self.flagged_check.setToolTip(
            self.tr("Passages recorded in degraded mode (ID typed by hand, no phone, platform down).")
        )
        self.model.retranslate()
        self._fit_headings()
        self._show_count()

    def _fit_headings(self) -> None:
        """A column narrower than its heading (in this language, with the station's style) widens to it."""
        header = self.table.horizontalHeader()
        for column in COLUMN_WIDTHS:
            wanted = header.sectionSizeFromContents(column).width()
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    @Slot()
    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n passage(s)", "", count))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
