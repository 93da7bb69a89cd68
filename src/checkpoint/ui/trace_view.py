"""The tracing screen (流调): who passed, when, with what plate; by plate, ID number, phone, name and window.

The request is checked as ``checkpoint trace`` checks it (``domain.tracing.trace_query``) before anything
runs, with the same problems in the operator's words. The query and the export run on the writer thread
(the one database worker, through ``station.tracing.TracingService``), so the screen never waits on the
disk. Results are shown and exported masked; an export is written to the audit trail
(``export_trace_file``). A masked search itself is not audited: it shows nothing the pass log does not.

"Show full details" (``Permission.UNMASK``: shift leaders and administrators) runs the shown query again
unmasked; the audit entry (the query, who asked) is written on the writer thread *before* the results come
back to be shown, as ``checkpoint trace --unmask`` does (``audit_trace``). Every search while it is on is
audited the same way, and an export of unmasked results is unmasked and audited as such. It falls back to
masked whenever the rights in force change (another sign-in, the station locked, a leader's session
expired): whoever stands at the screen then has not asked, and has not been recorded as asking.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkpoint import paths
from checkpoint.domain.masking import mask_id_number, mask_name, mask_phone
from checkpoint.domain.records import Operator, Passage, PersonCheck
from checkpoint.domain.roles import Permission
from checkpoint.domain.tracing import TraceQuery, TraceQueryError, trace_query
from checkpoint.exports import ExportError
from checkpoint.station.auth import AuthService, refusal_text
from checkpoint.station.exporting import PersonListResult, export_error_text
from checkpoint.station.messages import MessageBus
from checkpoint.station.texts import (
    enum_text,
    trace_problem_text,
)
from checkpoint.station.tracing import TraceFound, TracingService
from checkpoint.ui.qtime import FollowClock, minute_end, minute_start, show_minute
from checkpoint.ui.rows_model import RowsModel
from checkpoint.ui.unmask_reason import UnmaskReasonDialog

_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
TRACE_FORMATS = ("xlsx", "csv")


class TraceColumn(enum.IntEnum):
    TIME = 0
    GATE = 1
    DIRECTION = 2
    PLATE = 3
    PERSONS = 4
    OUTCOME = 5


def person_text(person: PersonCheck, *, unmasked: bool) -> str:
    """One person of a found passage: name, ID number and phone, masked unless ``unmasked``; "" when
    none was recorded (a health-code scan carries none)."""
    if unmasked:
        parts = (person.name, person.id_number, person.phone)
    else:
        parts = (mask_name(person.name), mask_id_number(person.id_number), mask_phone(person.phone))
    return " ".join(part for part in parts if part)


class TraceResultModel(RowsModel[Passage]):
    """The passages a tracing query found, newest first (as the log); persons masked unless ``unmasked``."""

    columns = TraceColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unmasked = False

    @property
    def unmasked(self) -> bool:
        return self._unmasked

    def set_unmasked(self, unmasked: bool) -> None:
        """Shows the persons in full or masked (the rows stay)."""
        if unmasked == self._unmasked:
            return
        self._unmasked = unmasked
        if self.rowCount():
            column = TraceColumn.PERSONS
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    @property
    def passages(self) -> list[Passage]:
        return self.rows

    def set_results(self, passages: list[Passage], gate_names: dict[Any, str]) -> None:
        self.set_rows(passages, gate_names)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        passage = self.row_at(index)
        if passage is None:
            return None
        column = TraceColumn(index.column())
        if role == Qt.ItemDataRole.ToolTipRole and column is TraceColumn.PERSONS:
            # a car of five does not fit the column: one person a line
            lines = (person_text(person, unmasked=self._unmasked) for person in passage.persons)
            return "\n".join(line or "-" for line in lines)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is TraceColumn.TIME:
            return f"{passage.at.astimezone():%Y-%m-%d %H:%M:%S}"
        if column is TraceColumn.GATE:
            return self._names.get(passage.gate_id, "")
        if column is TraceColumn.DIRECTION:
            return enum_text(passage.direction)
        if column is TraceColumn.PLATE:
            return passage.vehicle.plate if passage.vehicle is not None else ""
        if column is TraceColumn.PERSONS:
            return self.persons_text(passage)
        return enum_text(passage.outcome)

    def persons_text(self, passage: Passage) -> str:
        """The persons of a passage in one cell: how many, then those with a name or number recorded,
        and how many without (a car of three scanned by health code reads "3 persons, no name
        recorded", not "-; -; -")."""
        texts = (person_text(person, unmasked=self._unmasked) for person in passage.persons)
        known = [text for text in texts if text]
        count = passage.person_count
        head = self.tr("%n person(s)", "", count)
        if not known:
            return self.tr("{count}, no name recorded").format(count=head) if count else head
        text = f"{head}: {'; '.join(known)}"
        unnamed = count - len(known)
        if unnamed:
            text += self.tr(" (+{n} without a name)").format(n=unnamed)
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(TraceColumn):
            return None
        return {
            TraceColumn.TIME: self.tr("Time"),
            TraceColumn.GATE: self.tr("Gate"),
            TraceColumn.DIRECTION: self.tr("Direction"),
            TraceColumn.PLATE: self.tr("Plate"),
            TraceColumn.PERSONS: self.tr("Persons"),
            TraceColumn.OUTCOME: self.tr("Outcome"),
        }[TraceColumn(section)]


class TraceView(QWidget):
    """Tracing queries and their export.

    Given the tracing service (queries and exports on the writer thread), the message bus (export results
    and failures), the station's clock (the default window, "today", the export's file name) and the
    sign-in service (``auth``: who may unmask; without it the view stays masked).

    Signals:
        results_ready(int): a query finished with this many passages (the table shows them).
        unmasked_changed(bool): the shown persons are now in full (True, audited) or masked (False).
        query_refused(str): the request was malformed; the translated reason (also shown on the screen).
        export_finished(str): the written file's path.
        export_failed(str): a translated reason; nothing was written.
        passage_opened(object, bool): a found passage's uuid was opened (double-click, Enter), and whether
            it is shown in full (its query audited as unmasked): the window shows its details.
    """

    passage_opened = Signal(object, bool)
    results_ready = Signal(int)
    query_refused = Signal(str)
    export_finished = Signal(str)
    export_failed = Signal(str)
    unmasked_changed = Signal(bool)

    def __init__(
        self,
        tracing: TracingService,
        messages: MessageBus,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime],
        auth: AuthService | None = None,
    ) -> None:
        super().__init__(parent)
        self._tracing = tracing
        self._messages = messages
        self._clock = clock
        self._auth = auth
        self._query: TraceQuery | None = None
        # Who asked for full details (set while the toggle is on), and under whose audit entry the shown
        # results were unmasked (None: they are masked).
        self._unmask_by: Operator | None = None
        self._shown_unmasked_by: Operator | None = None
        self._unmask_reason = ""  # the case number or reason given for full details (audited)
        self.reason_dialog: UnmaskReasonDialog | None = None

        self.plate_edit = QLineEdit(self)
        self.id_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.since_check = QCheckBox(self)
        self.since_edit = QDateTimeEdit(self)
        self.until_check = QCheckBox(self)
        self.until_edit = QDateTimeEdit(self)
        now = clock()
        for edit, value in ((self.since_edit, now - timedelta(days=14)), (self.until_edit, now)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_DATETIME_FORMAT)
            show_minute(edit, value)
            edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        # unticked, To is "now" and shows it; ticked, it starts from now's minute, not the opening's
        self._follow_until = FollowClock(self.until_edit, clock, self)
        self._follow_until.set_following(True)
        self.until_check.toggled.connect(lambda on: self._follow_until.set_following(not on))
        self.search_button = QPushButton(self)
        self.search_button.setDefault(True)
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(False)
        self.unmask_check = QCheckBox(self)
        self.unmask_check.setObjectName("traceUnmask")
        self.unmask_label = QLabel(self)
        self.unmask_label.setObjectName("traceUnmasked")
        self.unmask_label.setStyleSheet("color: #e65100; font-weight: bold;")
        self.unmask_label.hide()
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("traceProblem")
        self.problem_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem_label.setWordWrap(True)
        self.count_label = QLabel(self)

        self.model = TraceResultModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in (
            (TraceColumn.TIME, 170),
            (TraceColumn.GATE, 150),
            (TraceColumn.DIRECTION, 70),
            (TraceColumn.PLATE, 110),
            (TraceColumn.PERSONS, 420),
        ):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._on_table_activated)

        self._captions = {name: QLabel(self) for name in ("plate", "id", "phone", "name", "since", "until")}
        form = QFormLayout()
        form.addRow(self._captions["plate"], self.plate_edit)
        form.addRow(self._captions["id"], self.id_edit)
        form.addRow(self._captions["phone"], self.phone_edit)
        form.addRow(self._captions["name"], self.name_edit)
        for key, check, edit in (
            ("since", self.since_check, self.since_edit),
            ("until", self.until_check, self.until_edit),
        ):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(edit, 1)
            form.addRow(self._captions[key], row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.unmask_check)
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.unmask_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.table, 1)

        self.search_button.clicked.connect(self.search)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        for field in (self.plate_edit, self.id_edit, self.phone_edit, self.name_edit):
            field.returnPressed.connect(self.search)
        self.unmask_check.toggled.connect(self._on_unmask_check_toggled)
        if auth is not None:
            auth.role_changed.connect(self._on_auth_role_changed)
            auth.locked.connect(self.show_masked)
        self._apply_rights()
        self.retranslate_ui()

    # Query -----------------------------------------------------------------------------------------

    def build_query(self, today: date | None = None) -> TraceQuery:
        """The request as typed, checked like ``checkpoint trace``; raises ``TraceQueryError``."""
        return trace_query(
            plate=self.plate_edit.text(),
            id_number=self.id_edit.text(),
            phone=self.phone_edit.text(),
            name=self.name_edit.text(),
            since=minute_start(self.since_edit.dateTime()) if self.since_check.isChecked() else None,
            until=minute_end(self.until_edit.dateTime()) if self.until_check.isChecked() else None,
            today=today or self._clock().astimezone().date(),
        )

    @Slot()
    def search(self) -> None:
        """Checks the request; a good one runs on the writer thread and fills the table."""
        try:
            query = self.build_query()
        except TraceQueryError as error:
            text = trace_problem_text(error)
            self.problem_label.setText(text)
            self.query_refused.emit(text)
            return
        self.problem_label.clear()
        self._run(query)

    def _run(self, query: TraceQuery) -> None:
        """Runs ``query`` on the writer thread: unmasked (and audited first) while full details are on."""
        self.search_button.setEnabled(False)
        self._tracing.find(
            query,
            self._unmask_by,
            on_done=self._on_query_done,
            on_failed=self._on_query_failed,
            reason=self._unmask_reason,
        )

    def _on_query_done(self, result: TraceFound) -> None:
        query, found, gate_names, unmasked_by = result
        self._query = query
        # Shown in full only if still asked for by the same person (the toggle may have gone off since).
        full = (
            unmasked_by is not None and self._unmask_by is not None and unmasked_by.id == self._unmask_by.id
        )
        self._shown_unmasked_by = unmasked_by if full else None
        self.model.set_results(found, gate_names)
        self._fit_columns()
        self._show_masking()
        self.search_button.setEnabled(True)
        self.export_button.setEnabled(bool(found))
        self._show_count()
        self.results_ready.emit(len(found))
        if unmasked_by is None and self._unmask_by is not None:
            self._run(query)  # full details were asked for while this masked search ran

    def _on_query_failed(self, text: str) -> None:
        self.search_button.setEnabled(True)
        self.problem_label.setText(text)
        self._messages.error(text)

    # Export ----------------------------------------------------------------------------------------

    def export_to(self, path: Path, fmt: str) -> None:
        """Writes the shown results to ``path`` on the writer thread, masked or in full as shown; audited."""
        if self._query is None:
            return
        if fmt not in TRACE_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(TRACE_FORMATS)}")
        unmasked_by = self._shown_unmasked_by
        self._tracing.export(
            path,
            fmt,
            self.model.passages,
            self._query,
            unmasked_by,
            on_done=self._on_export_done,
            on_failed=self._export_failed,
            reason=self._unmask_reason if unmasked_by is not None else "",
        )

    def _on_export_done(self, result: PersonListResult | ExportError) -> None:
        if isinstance(result, ExportError):
            self._export_failed(export_error_text(result.kind))
            return
        self._messages.info(
            self.tr("Tracing results written: {path} ({count} passages)").format(
                path=result.path, count=result.passages
            )
        )
        self.export_finished.emit(str(result.path))

    def _export_failed(self, text: str) -> None:
        self._messages.error(text)
        self.export_failed.emit(text)

    @Slot()
    def _on_export_button_clicked(self) -> None:
        folder = paths.export_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.home()
        stem = self.tr("tracing") + f"_{self._clock().astimezone():%Y%m%d-%H%M}"
        chosen, selected = QFileDialog.getSaveFileName(
            self,
            self.tr("Export tracing results"),
            str(folder / f"{stem}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        fmt = (
            "csv"
            if path.suffix.lower() == ".csv" or ("csv" in selected.lower() and not path.suffix)
            else "xlsx"
        )
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        self.export_to(path, fmt)

    # Full details ----------------------------------------------------------------------------------

    @property
    def unmasked(self) -> bool:
        """Whether the shown persons are in full (their query was audited as unmasked)."""
        return self._shown_unmasked_by is not None

    @Slot(bool)
    def _on_unmask_check_toggled(self, on: bool) -> None:
        if not on:
            self.show_masked()
            return
        auth = self._auth
        if auth is None or auth.operator is None or not auth.allows(Permission.UNMASK):
            if auth is not None:
                auth.record_refusal(Permission.UNMASK)
            self._messages.warning(refusal_text(Permission.UNMASK))
            self._set_check(False)
            return
        dialog = UnmaskReasonDialog(auth.operator.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_reason_given(dialog.reason))
        dialog.rejected.connect(self.show_masked)
        dialog.finished.connect(self._on_reason_dialog_finished)
        self.reason_dialog = dialog
        dialog.open()

    def _on_reason_given(self, reason: str) -> None:
        """Full details for the case ``reason``, asked for by whoever is signed in now."""
        auth = self._auth
        if auth is None or auth.operator is None or not auth.allows(Permission.UNMASK):
            self.show_masked()  # the rights changed while the question was open
            return
        self._unmask_by = auth.operator
        self._unmask_reason = reason
        if self._query is not None:
            self._run(self._query)  # the shown query again, unmasked; audited before it is shown

    @Slot(int)
    def _on_reason_dialog_finished(self, _result: int) -> None:
        self.reason_dialog = None

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        passage = self.model.row_at(index)
        if passage is not None:
            self.passage_opened.emit(passage.uuid, self.unmasked)

    @Slot()
    def show_masked(self) -> None:
        """Back to masked: the toggle goes off and the shown persons are masked again."""
        self._unmask_by = None
        self._shown_unmasked_by = None
        self._unmask_reason = ""
        self._set_check(False)
        self._show_masking()

    def _set_check(self, on: bool) -> None:
        self.unmask_check.blockSignals(True)
        self.unmask_check.setChecked(on)
        self.unmask_check.blockSignals(False)

    @Slot(object)
    def _on_auth_role_changed(self, _role: object) -> None:
        self.show_masked()
        self._apply_rights()

    def _apply_rights(self) -> None:
        auth = self._auth
        self.unmask_check.setVisible(auth is not None)
        self.unmask_check.setEnabled(auth is not None and auth.allows(Permission.UNMASK))

    def _show_masking(self) -> None:
        full = self._shown_unmasked_by is not None
        if self.model.unmasked != full:
            self.model.set_unmasked(full)
            self.unmasked_changed.emit(full)
        self._show_unmask_label()

    def _show_unmask_label(self) -> None:
        by = self._shown_unmasked_by
        self.unmask_label.setVisible(by is not None)
        if by is not None:
            self.unmask_label.setText(
                self.tr(
                    "Full personal data shown, recorded in the audit trail as asked by {name} for: {reason}"
                ).format(name=by.name, reason=self._unmask_reason)
            )

    # Text ------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._captions["plate"].setText(self.tr("Plate"))
        self._captions["id"].setText(self.tr("ID number"))
        self._captions["phone"].setText(self.tr("Phone"))
        self._captions["name"].setText(self.tr("Name"))
        self._captions["since"].setText(self.tr("From"))
        self._captions["until"].setText(self.tr("To"))
        self.since_check.setText(self.tr("limit"))
        self.until_check.setText(self.tr("limit"))
        self.plate_edit.setPlaceholderText(self.tr("e.g. 京A12345"))
        self.name_edit.setPlaceholderText(self.tr("exact name"))
        self.search_button.setText(self.tr("&Search"))
        self.export_button.setText(self.tr("E&xport..."))
        self.unmask_check.setText(self.tr("Show &full details (audited)"))
        self._show_unmask_label()
        self.model.retranslate()
        self._fit_columns()
        self._show_count()

    def _fit_columns(self) -> None:
        """Time, gate, direction and plate as wide as their words (at 1366x768 the fixed widths cut the
        time's seconds and the English "Direction"); persons keep their width, the outcome takes the rest."""
        for column in (TraceColumn.TIME, TraceColumn.GATE, TraceColumn.DIRECTION, TraceColumn.PLATE):
            self.table.resizeColumnToContents(column)

    def _show_count(self) -> None:
        if self._query is None:
            self.count_label.clear()
            return
        self.count_label.setText(self.tr("%n passage(s) found", "", self.model.rowCount()))
