"""The vehicle part of the station screen: plate, kind, origin and destination, the occupants.

Shown in vehicle mode. The plate field has the focus when a vehicle begins (the plate comes first on a
highway exit); Enter there, in origin or in destination hands the focus back to the scan entry, where the
scanner types each occupant's code. Every key is shown on screen.

Under the occupants a notice says when codes were seen that are not a person's (never added) and when the
vehicle has more persons than its kind holds (the settings ``vehicle/max_occupants_<kind>``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCompleter, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from checkpoint.station.session import VEHICLE_KINDS, StationSession
from checkpoint.station.texts import enum_text, vehicle_kind_text
from checkpoint.ui.choice import Choice, ChoiceRow
from checkpoint.ui.manual_entry import MANUAL_KEY
from checkpoint.ui.occupants import OccupantsTable
from checkpoint.ui.plate_entry import PICKER_KEY, PlateEntry

PLATE_KEY = QKeySequence(Qt.Key.Key_F3)  # F1, F2: station and log (main window)
ORIGIN_KEY = QKeySequence(Qt.Key.Key_F4)
DESTINATION_KEY = QKeySequence(Qt.Key.Key_F8)
PREVIOUS_PERSON_KEY = QKeySequence("Ctrl+Up")
NEXT_PERSON_KEY = QKeySequence("Ctrl+Down")
SAME_AS_PREVIOUS_KEY = QKeySequence("Ctrl+D")
REMOVE_PERSON_KEY = QKeySequence("Ctrl+Del")
KIND_KEYS = tuple(QKeySequence(f"Alt+{n}") for n in range(1, len(VEHICLE_KINDS) + 1))
RECENT_LIMIT = 20


def _native(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.NativeText)


class RouteField(QLineEdit):
    """Free text with the recent values offered as it is typed (most recent first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recent = QStringListModel(self)
        completer = QCompleter(self._recent, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def recent(self) -> list[str]:
        return self._recent.stringList()

    def remember(self, value: str) -> None:
        value = value.strip()
        if value:
            values = [value, *(v for v in self._recent.stringList() if v != value)]
            self._recent.setStringList(values[:RECENT_LIMIT])


class VehiclePanel(QWidget):
    """Plate entry, vehicle kind, origin, destination and the occupants table, following the session.

    Signals:
        editing_done(): Enter in the plate, origin or destination field (the scan entry takes the focus).
    """

    editing_done = Signal()

    def __init__(
        self,
        session: StationSession,
        shortcut_scope: QWidget,
        home_province: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.plate = PlateEntry(home_province, self)
        self.kind_row = ChoiceRow(
            [
                Choice(kind, lambda k=kind: vehicle_kind_text(k), key)  # type: ignore[misc]
                for kind, key in zip(VEHICLE_KINDS, KIND_KEYS, strict=True)
            ],
            shortcut_scope,
            self,
        )
        self.origin = RouteField(self)
        self.origin.setObjectName("originField")
        self.destination = RouteField(self)
        self.destination.setObjectName("destinationField")
        self.occupants = OccupantsTable(self)
        self.hints = QLabel(self)
        self.hints.setObjectName("keyHints")
        self.hints.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("vehicleNotice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self._captions = [QLabel(self) for _ in range(4)]
        for caption in self._captions:
            caption.setObjectName("sectionLabel")

        for field in (self.plate.field, self.origin, self.destination, self.plate.province_button):
            field.setMinimumHeight(48)  # touch-sized, like every button of the station screen
        self.plate.province_button.setMinimumWidth(64)
        # The plate is the vehicle's identity: never squeeze it below a full new-energy plate.
        self.plate.field.setMinimumWidth(150)
        self.occupants.setMinimumHeight(120)
        # Plate and kind side by side; the kind buttons get half the panel's width so their second line
        # (the key) never clips at 1366x768.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addWidget(self._captions[0], 0, 0)
        grid.addWidget(self.plate, 0, 1)
        grid.addWidget(self._captions[1], 0, 2)
        grid.addWidget(self.kind_row, 0, 3)
        grid.addWidget(self._captions[2], 1, 0)
        grid.addWidget(self.origin, 1, 1)
        grid.addWidget(self._captions[3], 1, 2)
        grid.addWidget(self.destination, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        self.kind_row.setMinimumWidth(4 * 78)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.occupants, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.hints)

        self.plate.plate_changed.connect(self._on_plate_plate_changed)
        self.plate.finished.connect(self.editing_done)
        self.kind_row.chosen.connect(lambda kind: self._session.set_vehicle_kind(str(kind)))
        self.origin.textEdited.connect(lambda text: self._session.set_origin(text))
        self.destination.textEdited.connect(lambda text: self._session.set_destination(text))
        self.origin.returnPressed.connect(self.editing_done)
        self.destination.returnPressed.connect(self.editing_done)
        self.occupants.occupant_selected.connect(self._on_occupants_occupant_selected)
        session.draft_changed.connect(self._on_session_draft_changed)
        session.passage_recorded.connect(self._on_session_passage_recorded)
        self.retranslate_ui()
        self._on_session_draft_changed()

    def text_fields(self) -> tuple[QLineEdit, ...]:
        return (self.plate.field, self.origin, self.destination)

    def focus_plate(self) -> None:
        self.plate.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.plate.field.selectAll()

    def focus_origin(self) -> None:
        self.origin.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.origin.selectAll()

    def focus_destination(self) -> None:
        self.destination.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.destination.selectAll()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        captions = (
            self.tr("Plate {key}").format(key=_native(PLATE_KEY)),
            self.tr("Kind"),
            self.tr("From {key}").format(key=_native(ORIGIN_KEY)),
            self.tr("To {key}").format(key=_native(DESTINATION_KEY)),
        )
        for label, text in zip(self._captions, captions, strict=True):
            label.setText(text)
        self.origin.setPlaceholderText(self.tr("Origin"))
        self.destination.setPlaceholderText(self.tr("Destination"))
        kinds = "/".join(_native(k) for k in (KIND_KEYS[0], KIND_KEYS[-1]))
        self.hints.setText(
            self.tr(
                "Scan each person's code: it adds them. Province {picker} · kind {kinds} · "
                "person {up}/{down} · same as previous {same} · remove person {remove} · "
                "next vehicle Esc"
            ).format(
                picker=_native(PICKER_KEY),
                kinds=kinds,
                up=_native(PREVIOUS_PERSON_KEY),
                down=_native(NEXT_PERSON_KEY),
                same=_native(SAME_AS_PREVIOUS_KEY),
                remove=_native(REMOVE_PERSON_KEY),
            )
        )
        self._show_notice()

    @Slot(str)
    def _on_plate_plate_changed(self, plate: str) -> None:
        self._session.set_plate(plate)

    @Slot(int)
    def _on_occupants_occupant_selected(self, row: int) -> None:
        self._session.select_occupant(row)

    @Slot()
    def _on_session_draft_changed(self) -> None:
        vehicle = self._session.vehicle
        if vehicle is None:
            return
        self.kind_row.set_current(vehicle.kind)
        if not vehicle.plate and self.plate.plate().strip():
            self.plate.reset()  # a new vehicle
        for field, value in ((self.origin, vehicle.origin), (self.destination, vehicle.destination)):
            if field.text().strip() != value:
                field.setText(value)
        self.occupants.show_occupants(vehicle.occupants, vehicle.selected)
        self._show_notice()

    def _show_notice(self) -> None:
        """Codes not added as persons, and more persons than a vehicle of this kind holds."""
        session = self._session
        vehicle = session.vehicle
        lines: list[str] = []
        if vehicle is not None and session.over_capacity:
            lines.append(
                self.tr(
                    "%n person(s): a {kind} holds {limit}. Check the rows; {remove} removes one.",
                    "",
                    len(vehicle.occupants),
                ).format(
                    kind=vehicle_kind_text(vehicle.kind).lower(),
                    limit=session.occupant_limit,
                    remove=_native(REMOVE_PERSON_KEY),
                )
            )
        if vehicle is not None and vehicle.not_added:
            kinds = ", ".join(dict.fromkeys(enum_text(event.kind) for event in vehicle.not_added))
            lines.append(
                self.tr(
                    "Not added: %n code(s) not from a person ({kinds}). No code? {manual}",
                    "",
                    len(vehicle.not_added),
                ).format(kinds=kinds, manual=_native(MANUAL_KEY))
            )
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))

    @Slot(object)
    def _on_session_passage_recorded(self, passage: object) -> None:
        vehicle = getattr(passage, "vehicle", None)
        if vehicle is not None:
            self.origin.remember(vehicle.origin)
            self.destination.remember(vehicle.destination)
