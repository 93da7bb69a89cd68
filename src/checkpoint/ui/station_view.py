"""The station screen: live preview, the scan entry, one-tap attestations, the proposal and the outcome keys.

Built for the gate: large type and big targets (gloves, night), everything reachable by keyboard too. The
scan entry keeps the keyboard focus at all times (buttons never take it), so a keyboard-wedge scanner can
type a payload and its Enter whenever a code is shown; that Enter only submits the scan, it never confirms
a passage. Outcomes are confirmed with F5 / F6 / F7 or a tap; attestation keys use Ctrl so they work while
the scan entry has the focus. A confirmation is shown only when the session says the passage is on disk.

Vehicle mode (Ctrl+Shift+V, or from the start on a highway exit gate) adds the vehicle panel: the plate
first, then each occupant's code scanned in turn; the attestation keys act on the selected occupant and
the outcome keys confirm the whole vehicle. ``return_seconds`` after a confirmation the band clears and the
screen is back to waiting for the next vehicle or person. Live counters sit under the outcome keys.

A recorded passage is told by the verdict band over the whole screen (``ConfirmationBand``): readable
from 2 m, it gives way to the next entry at once (a scan, a key, a tap). Every shortcut carries a
description (``whatsThis``) so the keyboard help lists it in the operator's language.

An outcome milder than the proposed TURN BACK or HOLD opens the override confirmation
(``OverrideDialog``): a reason, then Enter. On foot, scans that arrive while a person is being checked
wait in a queue, shown under the scan field, and come up when that person is recorded or cleared.

Why one module of this length: the screen's keys, focus rule (the scan entry never loses the keyboard)
and panels must be read together; its parts that stand alone already live beside it (vehicle panel,
occupants, confirmation, verdict band, override dialog, manual entry).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Slot
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.codes import MAX_CODE_CHARS
from checkpoint.domain.records import CodeColour, Direction, Itinerary, Outcome, Passage, Shift
from checkpoint.station.counters import LiveCounters
from checkpoint.station.scan import ScanService
from checkpoint.station.session import OverrideRequest, StationSession
from checkpoint.station.texts import (
    enum_text,
    test_age_text,
)
from checkpoint.ui.alarm_banner import ACKNOWLEDGE_KEY, AlarmBanner
from checkpoint.ui.banner import MessageBanner
from checkpoint.ui.choice import Choice, ChoiceRow
from checkpoint.ui.confirmation import ConfirmationBand
from checkpoint.ui.counters import CountersView
from checkpoint.ui.credential_view import CredentialView
from checkpoint.ui.manual_entry import MANUAL_KEY, ManualEntryDialog
from checkpoint.ui.override_dialog import OverrideDialog
from checkpoint.ui.preview import PreviewView
from checkpoint.ui.style import repolish
from checkpoint.ui.temperature import TemperatureEntry
from checkpoint.ui.vehicle_panel import (
    DESTINATION_KEY,
    NEXT_PERSON_KEY,
    ORIGIN_KEY,
    PLATE_KEY,
    PREVIOUS_PERSON_KEY,
    REMOVE_PERSON_KEY,
    SAME_AS_PREVIOUS_KEY,
    VehiclePanel,
)
from checkpoint.ui.verdict import VerdictView
from checkpoint.ui.visitor_entry import VisitorEntryDialog

OUTCOME_KEYS: dict[Outcome, QKeySequence] = {
    Outcome.PASS: QKeySequence(Qt.Key.Key_F5),
    Outcome.TURN_BACK: QKeySequence(Qt.Key.Key_F6),
    Outcome.HOLD: QKeySequence(Qt.Key.Key_F7),
}
CLEAR_KEY = QKeySequence(Qt.Key.Key_Escape)
TEMPERATURE_KEY = QKeySequence("Ctrl+T")
SCAN_KEY = QKeySequence("Ctrl+Shift+F")  # Ctrl+L locks the station (station/auth.py)
MODE_KEY = QKeySequence("Ctrl+Shift+V")
VISITOR_KEY = QKeySequence("Ctrl+Shift+N")
RETURN_SECONDS = 5
VEHICLE_PREVIEW_HEIGHT = 200
QWIDGETSIZE_MAX = (1 << 24) - 1  # default of the setting station/return_seconds


def _key(text: str) -> QKeySequence:
    return QKeySequence(text)


class StationView(QWidget):
    """The station screen. Given the scan service and the session; it subscribes to their signals."""

    def __init__(
        self,
        scan: ScanService,
        session: StationSession,
        parent: QWidget | None = None,
        *,
        home_province: str = "",
        counters: LiveCounters | None = None,
        return_seconds: int = RETURN_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._scan = scan
        self._session = session
        if counters is None:
            counters = LiveCounters(
                session.writer, session.gate.id, session.shift.id, clock=session.now, parent=self
            )
            counters.start()
        self.live_counters = counters
        self._last_scan_text = ""
        self._reserved_keys: set[str] = set()
        self._shortcut_texts: list[tuple[QShortcut, Callable[[], str]]] = []

        self.banner = MessageBanner(self)
        self.alarm_banner = AlarmBanner(self)
        self.credential = CredentialView(self)
        self.manual_button = QPushButton(self)
        self.manual_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.manual_button.clicked.connect(self.open_manual_entry)
        self.preview = PreviewView(self)
        self.confirmation = ConfirmationBand(self)
        self.confirmation.set_duration_ms(return_seconds * 1000)
        self.vehicle_panel = VehiclePanel(session, self, home_province, self)
        self.counters = CountersView(counters, self)
        self.mode_button = QPushButton(self)
        self.mode_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mode_button.clicked.connect(self._on_mode_clicked)
        self.scan_entry = QLineEdit(self)
        self.scan_entry.setObjectName("scanEntry")
        self.scan_entry.setClearButtonEnabled(True)
        self.scan_entry.setMaxLength(MAX_CODE_CHARS)  # no code is longer: a paste cannot flood the checks
        self._scan_caption = QLabel(self)
        self._last_caption = QLabel(self)
        self._last_caption.setObjectName("sectionLabel")
        self.scan_text = QLabel(self)
        self.scan_text.setObjectName("scanText")
        self.scan_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.scan_kind = QLabel(self)
        self.scan_kind.setObjectName("scanKind")
        self.queue_notice = QLabel(self)
        self.queue_notice.setObjectName("queueNotice")
        self.queue_notice.setWordWrap(True)
        self.queue_notice.setVisible(False)
        self.override_dialog: OverrideDialog | None = None

        self.direction_row = ChoiceRow(
            [
                Choice(Direction.IN, lambda: enum_text(Direction.IN), _key("Ctrl+I")),
                Choice(Direction.OUT, lambda: enum_text(Direction.OUT), _key("Ctrl+O")),
            ],
            self,
        )
        self.colour_row = ChoiceRow(
            [
                Choice(CodeColour.GREEN, lambda: enum_text(CodeColour.GREEN), _key("Ctrl+G"), "green"),
                Choice(CodeColour.YELLOW, lambda: enum_text(CodeColour.YELLOW), _key("Ctrl+Y"), "yellow"),
                Choice(CodeColour.RED, lambda: enum_text(CodeColour.RED), _key("Ctrl+R"), "red"),
            ],
            self,
        )
        self.itinerary_row = ChoiceRow(
            [
                Choice(Itinerary.GREEN, self._itinerary_green_text, _key("Ctrl+Shift+G"), "green"),
                Choice(Itinerary.STARRED, self._itinerary_starred_text, _key("Ctrl+Shift+S"), "yellow"),
                Choice(Itinerary.OTHER, self._itinerary_other_text, _key("Ctrl+Shift+O"), "red"),
            ],
            self,
        )
        self.test_row = ChoiceRow(
            [
                Choice(0, lambda: test_age_text(0), _key("Ctrl+0"), "green"),
                Choice(1, lambda: self._test_days_text(1), _key("Ctrl+1"), "green"),
                Choice(2, lambda: self._test_days_text(2), _key("Ctrl+2"), "green"),
                Choice(3, self._test_three_days_text, _key("Ctrl+3"), "yellow"),
                Choice(None, lambda: test_age_text(None), _key("Ctrl+N"), "red"),
            ],
            self,
        )
        self.temperature = TemperatureEntry(self)
        self.verdict = VerdictView(self)
        self.outcome_buttons: dict[Outcome, QPushButton] = {}
        for outcome in OUTCOME_KEYS:
            button = QPushButton(self)
            button.setObjectName("outcomeButton")
            button.setProperty("outcome", outcome.value)
            button.setProperty("proposed", False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _checked=False, o=outcome: self._confirm(o))
            self.outcome_buttons[outcome] = button
        self.clear_button = QPushButton(self)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.shift_counter = QLabel(self)
        self.shift_counter.setObjectName("shiftCounter")
        self.shift_counter.setWordWrap(True)  # two lines before it squeezes the buttons beside it
        self._row_captions = [QLabel(self) for _ in range(5)]
        for caption in self._row_captions:
            caption.setObjectName("sectionLabel")

        self._build_layout()
        self._add_shortcuts()
        self.scan_entry.installEventFilter(self)
        self.temperature.installEventFilter(self)
        for field in self.vehicle_panel.text_fields():
            field.installEventFilter(self)
        self.setFocusProxy(self.scan_entry)

        self.scan_entry.returnPressed.connect(self._on_scan_entry_return_pressed)
        self.temperature.temperature_changed.connect(self._on_temperature_changed)
        self.temperature.editingFinished.connect(self._on_temperature_editing_finished)
        self.direction_row.chosen.connect(lambda v: self._session.set_direction(v))
        self.colour_row.chosen.connect(lambda v: self._session.set_colour(v))
        self.itinerary_row.chosen.connect(lambda v: self._session.set_itinerary(v))
        self.test_row.chosen.connect(lambda v: self._session.set_test_age(v))
        scan.frame_ready.connect(self.preview.show_frame)
        scan.frame_ready.connect(self.confirmation.show_frame)
        scan.codes_detected.connect(self.preview.show_detection)
        scan.camera_status_changed.connect(self.preview.show_camera_status)
        session.draft_changed.connect(self._on_session_draft_changed)
        session.passage_recorded.connect(self._on_session_passage_recorded)
        session.record_failed.connect(self._on_session_record_failed)
        session.shift_count_changed.connect(self._on_session_shift_count_changed)
        session.recording_changed.connect(self._on_session_recording_changed)
        session.confirm_refused.connect(self._on_session_confirm_refused)
        session.alarms_acknowledged.connect(self._on_session_alarms_acknowledged)
        session.override_required.connect(self._on_session_override_required)
        session.queue_changed.connect(self._on_session_queue_changed)
        self.alarm_banner.acknowledge_requested.connect(self.acknowledge_alarms)
        session.passage_recorded.connect(counters.add)
        session.shift_changed.connect(self._on_session_shift_changed)
        session.mode_changed.connect(self._on_session_mode_changed)
        self.vehicle_panel.editing_done.connect(self.focus_scan_entry)
        self.confirmation.expired.connect(self._on_confirmation_expired)

        self._shift_count = session.shift_count
        self.retranslate_ui()
        self._on_session_mode_changed(session.vehicle_mode)
        self._on_session_draft_changed()

    # Layout ----------------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        scan_row = QHBoxLayout()
        scan_row.addWidget(self._scan_caption)
        scan_row.addWidget(self.scan_entry, 1)
        scan_row.addWidget(self.mode_button)

        left = QVBoxLayout()  # an alarm takes the camera's room, never the tap targets'
        left.addWidget(self.alarm_banner)
        left.addWidget(self.preview, 1)
        left.addLayout(scan_row)
        left.addWidget(self.queue_notice)
        left.addWidget(self.vehicle_panel, 4)
        left.addWidget(self._last_caption)
        left.addWidget(self.scan_text)
        left.addWidget(self.scan_kind)
        left.addWidget(self.credential)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        rows: list[QWidget] = [
            self.direction_row,
            self.colour_row,
            self.itinerary_row,
            self.test_row,
            self.temperature,
        ]
        for index, (caption, widget) in enumerate(zip(self._row_captions, rows, strict=True)):
            grid.addWidget(caption, index, 0)
            grid.addWidget(widget, index, 1)
            grid.setRowStretch(index, 1)
        grid.setColumnStretch(1, 1)

        outcomes = QHBoxLayout()
        for button in self.outcome_buttons.values():
            outcomes.addWidget(button)

        footer = QHBoxLayout()
        footer.addWidget(self.shift_counter, 1)
        footer.addWidget(self.manual_button)
        footer.addWidget(self.clear_button)

        right = QVBoxLayout()  # extra height on big screens goes to the tap targets first
        right.addLayout(grid, 4)
        right.addWidget(self.verdict, 1)
        right.addLayout(outcomes, 1)
        right.addWidget(self.counters)
        right.addLayout(footer)

        self._left = left
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.addWidget(self.banner)
        outer.addLayout(columns, 1)

    def _add_shortcuts(self) -> None:
        def add(key: QKeySequence, slot: object, describe: Callable[[], str]) -> None:
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcut_texts.append((shortcut, describe))

        for outcome, key in OUTCOME_KEYS.items():
            add(
                key,
                self.outcome_buttons[outcome].click,
                lambda o=outcome: self.tr("Record: {outcome}").format(outcome=enum_text(o)),  # type: ignore[misc]
            )
        add(CLEAR_KEY, self.clear_button.click, lambda: self.tr("Clear the entry / next vehicle"))
        add(TEMPERATURE_KEY, self._on_temperature_key, lambda: self.tr("Type the temperature"))
        add(SCAN_KEY, self.focus_scan_entry, lambda: self.tr("Back to the scan field"))
        add(ACKNOWLEDGE_KEY, self.acknowledge_alarms, lambda: self.tr("Acknowledge the alarm (recorded)"))
        add(MANUAL_KEY, self.manual_button.click, lambda: self.tr("No phone / platform down: enter by hand"))
        add(VISITOR_KEY, self.open_visitor_entry, lambda: self.tr("A walk-in visitor"))
        add(MODE_KEY, self.mode_button.click, lambda: self.tr("Switch vehicle / pedestrian mode"))
        panel = self.vehicle_panel
        add(PLATE_KEY, self._vehicle_only(panel.focus_plate), lambda: self.tr("Vehicle: the plate"))
        add(ORIGIN_KEY, self._vehicle_only(panel.focus_origin), lambda: self.tr("Vehicle: origin"))
        add(
            DESTINATION_KEY,
            self._vehicle_only(panel.focus_destination),
            lambda: self.tr("Vehicle: destination"),
        )
        add(
            PREVIOUS_PERSON_KEY,
            self._vehicle_only(lambda: self._step_occupant(-1)),
            lambda: self.tr("Vehicle: previous person"),
        )
        add(
            NEXT_PERSON_KEY,
            self._vehicle_only(lambda: self._step_occupant(1)),
            lambda: self.tr("Vehicle: next person"),
        )
        add(
            SAME_AS_PREVIOUS_KEY,
            self._vehicle_only(self._session.same_as_previous),
            lambda: self.tr("Vehicle: same checks as the previous person"),
        )
        add(
            REMOVE_PERSON_KEY,
            self._vehicle_only(self._remove_occupant),
            lambda: self.tr("Vehicle: remove the selected person"),
        )
        # every shortcut of the screen, the choice rows' included (they are registered on this widget)
        self._reserved_keys = {
            shortcut.key().toString()
            for shortcut in self.findChildren(QShortcut)
            if not shortcut.key().isEmpty()
        }

    def _vehicle_only(self, action: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            if self._session.vehicle_mode:
                action()

        return run

    def _step_occupant(self, step: int) -> None:
        vehicle = self._session.vehicle
        if vehicle is not None and vehicle.occupants:
            index = min(max(vehicle.selected + step, 0), len(vehicle.occupants) - 1)
            self._session.select_occupant(index)

    def _remove_occupant(self) -> None:
        vehicle = self._session.vehicle
        if vehicle is not None:
            self._session.remove_occupant(vehicle.selected)

    # Public ----------------------------------------------------------------------------------------

    def focus_start(self) -> None:
        """Where the next vehicle or person begins: the plate in vehicle mode, else the scan entry."""
        vehicle = self._session.vehicle
        if vehicle is not None and not vehicle.plate:
            self.vehicle_panel.focus_plate()
        else:
            self.focus_scan_entry()

    def focus_scan_entry(self) -> None:
        self.scan_entry.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scan_entry.selectAll()

    @Slot()
    def acknowledge_alarms(self) -> None:
        """The operator saw the alarms: recorded through the writer, then the banner goes."""
        if self._session.acknowledge_alarms():
            self.alarm_banner.show_alarms(self._session.open_alarms, pending=True)
        self.focus_scan_entry()

    @Slot()
    def open_manual_entry(self) -> ManualEntryDialog:
        """Degraded mode: the typed identity joins the current draft (flagged) when the dialog is accepted."""
        dialog = ManualEntryDialog(self._session.now, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._session.set_manual_identity(dialog.identity()))
        dialog.finished.connect(lambda _result: self.focus_scan_entry())
        dialog.show()
        return dialog

    @Slot()
    def open_visitor_entry(self) -> VisitorEntryDialog | None:
        """A walk-in visitor (on foot): the details join the current draft when the dialog is accepted;
        the passage is recorded on confirm as usual. None in vehicle mode."""
        if self._session.vehicle_mode:
            return None
        dialog = VisitorEntryDialog(self._session.now, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._session.set_visitor(dialog.details()))
        dialog.finished.connect(lambda _result: self.focus_scan_entry())
        dialog.show()
        return dialog

    def last_scan_text(self) -> str:
        """The full text of the last scanned code ("" when the draft has none)."""
        return self._last_scan_text

    # Events ----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Lets the station's Ctrl keys through although the entry fields would claim some (Ctrl+Y...)."""
        if event.type() == QEvent.Type.KeyPress and self.confirmation.outcome is not None:
            self.confirmation.clear()  # the operator types the next entry: the band gives way
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            pressed = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key()))).toString()
            if pressed in self._reserved_keys:
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_scan_text()
        self._fit_preview()

    def _fit_preview(self) -> None:
        """In vehicle mode the camera shares the column with the occupants: up to 40 % of the height (at
        least 200 px), and the occupants table takes what the preview does not use."""
        left = self._left
        if self._session.vehicle_mode:
            self.preview.setMaximumHeight(max(VEHICLE_PREVIEW_HEIGHT, self.height() * 2 // 5))
            left.setStretchFactor(self.preview, 3)
            left.setStretchFactor(self.vehicle_panel, 2)
        else:
            self.preview.setMaximumHeight(QWIDGETSIZE_MAX)
            left.setStretchFactor(self.preview, 1)
            left.setStretchFactor(self.vehicle_panel, 4)

    def retranslate_ui(self) -> None:
        self._scan_caption.setText(self.tr("Scan"))
        self.scan_entry.setPlaceholderText(self.tr("Scanner input or typed code, then Enter"))
        self._last_caption.setText(self.tr("Last scan"))
        captions = (self.tr("Direction"), self.tr("Health code"), self.tr("Itinerary"), self.tr("Test"))
        rows = (self.direction_row, self.colour_row, self.itinerary_row, self.test_row)
        for row, caption in zip(rows, captions, strict=True):
            row.set_caption(caption)
        for shortcut, describe in self._shortcut_texts:
            shortcut.setWhatsThis(describe())
        temperature = self.tr("Temperature\n{key}").format(
            key=TEMPERATURE_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        )
        for label, text in zip(self._row_captions, (*captions, temperature), strict=True):
            label.setText(text)
        for outcome, button in self.outcome_buttons.items():
            key = OUTCOME_KEYS[outcome].toString(QKeySequence.SequenceFormat.NativeText)
            button.setText(f"{enum_text(outcome)}\n{key}")
        esc = CLEAR_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        self.clear_button.setText(self.tr("Clear ({key})").format(key=esc))
        manual = MANUAL_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        self.manual_button.setText(self.tr("Enter by hand ({key})").format(key=manual))
        self.manual_button.setToolTip(self.tr("No phone / platform down ({key})").format(key=manual))
        mode = MODE_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        if self._session.vehicle_mode:
            self.mode_button.setText(self.tr("Pedestrians\n{key}").format(key=mode))
            self.clear_button.setText(self.tr("Next vehicle ({key})").format(key=esc))
        else:
            self.mode_button.setText(self.tr("Vehicle\n{key}").format(key=mode))
        self._show_shift_count()
        self._show_scan()
        self._show_queue()

    def _itinerary_green_text(self) -> str:
        return self.tr("Green", "itinerary card")

    def _itinerary_starred_text(self) -> str:
        return self.tr("Starred", "itinerary card")

    def _itinerary_other_text(self) -> str:
        return self.tr("Other colour", "itinerary card")

    def _test_days_text(self, days: int) -> str:
        return self.tr("%n day(s)", "test age", days)

    def _test_three_days_text(self) -> str:
        return self.tr("3+ days")

    # Session -> screen -----------------------------------------------------------------------------

    @Slot()
    def _on_session_draft_changed(self) -> None:
        draft = self._session.draft
        self.direction_row.set_current(draft.direction)
        self.colour_row.set_current(draft.colour)
        self.itinerary_row.set_current(draft.itinerary)
        test_age = draft.test_age_days
        self.test_row.set_current(min(test_age, 3) if test_age is not None else None)
        vehicle = self._session.vehicle
        started = not draft.is_blank or (vehicle is not None and bool(vehicle.plate or vehicle.occupants))
        if started and self.confirmation.outcome is not None and not self._session.recording:
            self.confirmation.clear()  # the next vehicle or person is under way: the band gives way
        if self.temperature.temperature() != draft.temperature:
            self.temperature.set_temperature(draft.temperature)
        session = self._session
        self.verdict.show_proposal(session.proposed, session.reasons)
        self.alarm_banner.show_alarms(session.open_alarms)
        self.credential.show_draft(draft)
        self.temperature.set_fever_threshold(self._session.profile.thresholds.fever_c)
        for outcome, button in self.outcome_buttons.items():
            proposed = outcome is session.proposed
            if bool(button.property("proposed")) != proposed:
                button.setProperty("proposed", proposed)
                repolish(button)
        self._show_scan()

    @Slot(object)
    def _on_session_passage_recorded(self, passage: Passage) -> None:
        self.banner.hide()
        self.confirmation.show_passage(passage, self._session.override_of(passage))
        if self._session.vehicle_mode:
            self.vehicle_panel.focus_plate()  # the next vehicle begins with its plate
        else:
            self.focus_scan_entry()

    @Slot(str)
    def _on_session_record_failed(self, message: str) -> None:
        self.confirmation.clear()
        self.banner.show_message(2, message)

    @Slot(str)
    def _on_session_confirm_refused(self, message: str) -> None:
        self.banner.show_message(2, message)

    @Slot(int)
    def _on_session_alarms_acknowledged(self, _count: int) -> None:
        self.banner.hide()

    @Slot(object)
    def _on_session_override_required(self, request: OverrideRequest) -> None:
        """An outcome milder than proposed: the operator confirms it with a reason, or goes back."""
        if self.override_dialog is not None:
            return
        dialog = OverrideDialog(request, self._session.operator.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.override_dialog = dialog

        def accepted() -> None:
            self._session.confirm(request.chosen, dialog.choice())

        def finished(_result: int) -> None:
            self.override_dialog = None
            self.window().activateWindow()  # the keyboard comes back to the station screen
            self.focus_scan_entry()

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(self._session.cancel_override)
        dialog.finished.connect(finished)
        dialog.show()

    @Slot(int)
    def _on_session_queue_changed(self, _count: int) -> None:
        self._show_queue()

    @Slot(int)
    def _on_session_shift_count_changed(self, count: int) -> None:
        self._shift_count = count
        self._show_shift_count()

    @Slot(object)
    def _on_session_shift_changed(self, shift: Shift) -> None:
        """A leader opened or closed a shift, or the clock rolled over: the counters count the new one."""
        self.live_counters.set_shift(shift.id)

    @Slot(bool)
    def _on_session_recording_changed(self, recording: bool) -> None:
        for button in self.outcome_buttons.values():
            button.setEnabled(not recording)

    # Screen -> session -----------------------------------------------------------------------------

    @Slot()
    def _on_scan_entry_return_pressed(self) -> None:
        text = self.scan_entry.text()
        self.scan_entry.clear()
        if text.strip():
            self._scan.submit_text(text)

    @Slot(object)
    def _on_temperature_changed(self, celsius: float | None) -> None:
        self._session.set_temperature(celsius)

    @Slot()
    def _on_temperature_editing_finished(self) -> None:
        if self.temperature.hasFocus():
            self.focus_scan_entry()

    @Slot()
    def _on_temperature_key(self) -> None:
        self.temperature.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.temperature.selectAll()

    @Slot()
    def _on_clear_clicked(self) -> None:
        self.confirmation.clear()
        self._session.clear()
        self.focus_start()

    @Slot()
    def _on_mode_clicked(self) -> None:
        self._session.set_vehicle_mode(not self._session.vehicle_mode)

    @Slot(bool)
    def _on_session_mode_changed(self, vehicle: bool) -> None:
        self.vehicle_panel.setVisible(vehicle)
        for label in (self._last_caption, self.scan_text, self.scan_kind, self.credential):
            label.setVisible(not vehicle)  # the occupants table shows every scan and what was verified
        # the occupants need the room: the camera keeps a smaller picture while a vehicle is decided
        self._fit_preview()
        self.retranslate_ui()
        if self.isVisible():
            self.focus_start()

    @Slot()
    def _on_confirmation_expired(self) -> None:
        """Back to scanning: the confirmation is gone; the next vehicle or person starts afresh."""
        vehicle = self._session.vehicle
        if not self._session.draft.is_blank or (vehicle is not None and (vehicle.plate or vehicle.occupants)):
            return  # the next one is already under way
        focus = QApplication.focusWidget()
        if focus is None or focus in (self.scan_entry, self.vehicle_panel.plate.field):
            self.focus_start()

    def _confirm(self, outcome: Outcome) -> None:
        if self.temperature.hasFocus():
            self.temperature.interpretText()  # a reading typed but not yet committed still counts
        self.banner.hide()
        self._session.confirm(outcome)
        self.focus_scan_entry()

    def _show_queue(self) -> None:
        queued = self._session.queued
        self.queue_notice.setVisible(bool(queued))
        if queued:
            first = queued[0]
            self.queue_notice.setText(
                self.tr(
                    "Waiting: %n more code(s) scanned, the first at {time}. Next once this person is "
                    "recorded, or cleared with Esc.",
                    "",
                    len(queued),
                ).format(time=first.at.astimezone().strftime("%H:%M:%S"))
            )

    def _show_shift_count(self) -> None:
        self.shift_counter.setText(self.tr("This shift: %n passage(s)", "", self._shift_count))

    def _show_scan(self) -> None:
        code = self._session.draft.code
        self._last_scan_text = code.text if code else ""
        if code is None:
            self.scan_kind.setText(self.tr("Waiting for a code: camera, scanner or keyboard"))
        else:
            self.scan_kind.setText(
                self.tr("{kind} · {time}").format(
                    kind=enum_text(code.kind), time=code.at.astimezone().strftime("%H:%M:%S")
                )
            )
        self._show_scan_text()

    def _show_scan_text(self) -> None:
        metrics = QFontMetrics(self.scan_text.font())
        width = max(40, self.scan_text.width())
        text = self._last_scan_text or "—"
        self.scan_text.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width))
        self.scan_text.setToolTip(self._last_scan_text)
