"""The passage detail view: one passage in full, opened from the log or tracing (double-click or Enter).

Every person of the passage with their checks (health code and what was verified or attested, itinerary,
test, temperature, flags), the reasons of the outcome, who recorded it and when, and its place among
corrections (the record it corrects, the record that corrects it, with the reason). Names, ID numbers and
phones are masked, unless it was opened from tracing results shown in full (already audited).

A shift leader or administrator corrects the record from here (``CorrectionDialog``): the correction is a
new record pointing at this one (``station/passage_detail.py``); nothing is edited in place.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.masking import mask_id_number, mask_name, mask_phone
from checkpoint.domain.records import FINAL_OUTCOMES, CodeKind, Direction, Passage, PersonCheck
from checkpoint.domain.roles import Permission
from checkpoint.station.auth import AuthService, refusal_text
from checkpoint.station.passage_detail import (
    MAX_TEMPERATURE,
    MIN_TEMPERATURE,
    Correction,
    PassageDetail,
    PassageDetailService,
    correction_problem,
)
from checkpoint.station.passage_detail import refusal_text as correction_refusal_text
from checkpoint.station.texts import enum_text, test_age_text, vehicle_kind_text, verified_fact_text

TOUCH_HEIGHT = 48
FEVER_BACKGROUND = QColor("#8f1f18")
_TIME = "%Y-%m-%d %H:%M:%S"


class PersonColumn:
    NUMBER, NAME, ID_NUMBER, PHONE, CODE, ITINERARY, TEST, TEMPERATURE, CHECKS = range(9)
    COUNT = 9


def _local(value: datetime) -> str:
    return f"{value.astimezone():{_TIME}}"


class PassageDetailDialog(QDialog):
    """One passage in full. Given the detail service, the passage's uuid, whether it may be shown unmasked
    (tracing results shown in full), the sign-in service (who may correct) and the fever threshold."""

    def __init__(
        self,
        service: PassageDetailService,
        passage_id: UUID,
        *,
        unmasked: bool = False,
        auth: AuthService | None = None,
        fever_c: float = 37.3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._wanted = passage_id
        self._unmasked = unmasked
        self._auth = auth
        self._fever_c = fever_c
        self.detail: PassageDetail | None = None
        self.correction_dialog: CorrectionDialog | None = None

        self.title_label = QLabel(self)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.chain_label = QLabel(self)
        self.chain_label.setObjectName("passageChain")
        self.chain_label.setWordWrap(True)
        self.chain_label.setStyleSheet("color: #e65100; font-weight: bold;")
        self.mask_label = QLabel(self)
        self.mask_label.setWordWrap(True)
        self._fields: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        keys = (
            ("gate", "shift"),
            ("direction", "subject"),
            ("outcome", "reasons"),
            ("recorded_by", "recorded_at"),
            ("rules", "note"),
        )
        for row, pair in enumerate(keys):
            for half, key in enumerate(pair):
                caption, value = QLabel(self), QLabel(self)
                caption.setObjectName("detailCaption")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(caption, row, 2 * half, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, row, 2 * half + 1, Qt.AlignmentFlag.AlignTop)
                self._fields[key] = (caption, value)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.persons_table = QTableWidget(0, PersonColumn.COUNT, self)
        self.persons_table.verticalHeader().setVisible(False)
        self.persons_table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT)
        self.persons_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.persons_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.persons_table.setWordWrap(False)
        header = self.persons_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PersonColumn.CHECKS, QHeaderView.ResizeMode.Stretch)

        self.other_button = QPushButton(self)  # to the record this one corrects, or that corrects it
        self.correct_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for button in (self.other_button, self.correct_button, self.close_button):
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.setAutoDefault(False)
        self._other: UUID | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.chain_label)
        layout.addLayout(grid)
        layout.addWidget(self.mask_label)
        layout.addWidget(self.persons_table, 1)
        layout.addLayout(buttons)

        self.other_button.clicked.connect(self._on_other_button_clicked)
        self.correct_button.clicked.connect(self.open_correction)
        self.close_button.clicked.connect(self.accept)
        service.loaded.connect(self._on_service_loaded)
        service.missing.connect(self._on_service_missing)
        service.corrected.connect(self._on_service_corrected)
        if auth is not None:
            auth.role_changed.connect(self._on_auth_role_changed)
        self.resize(1100, 640)
        self.retranslate_ui()
        service.load(passage_id)

    # Showing ---------------------------------------------------------------------------------------

    @property
    def passage_id(self) -> UUID:
        return self._wanted

    def show_passage(self, passage_id: UUID) -> None:
        """Loads another record of the chain into this view."""
        self._wanted = passage_id
        self.detail = None
        self._show()
        self._service.load(passage_id)

    @Slot(object)
    def _on_service_loaded(self, detail: PassageDetail) -> None:
        if detail.passage.uuid != self._wanted:
            return  # another view's record
        self.detail = detail
        self._show()

    @Slot(object)
    def _on_service_missing(self, passage_id: object) -> None:
        if passage_id == self._wanted:
            self.title_label.setText(self.tr("This record is no longer on record (removed by retention)."))

    @Slot(object)
    def _on_service_corrected(self, correction: Passage) -> None:
        if correction.corrects == self._wanted:
            self._service.load(self._wanted)  # now "corrected by" the new record

    @Slot(object)
    def _on_auth_role_changed(self, _role: object) -> None:
        self._show_buttons()

    def _show(self) -> None:
        detail = self.detail
        self.persons_table.setRowCount(0)
        if detail is None:
            self.title_label.setText(self.tr("Loading..."))
            self.chain_label.hide()
            for _caption, value in self._fields.values():
                value.clear()
            self._show_buttons()
            return
        passage = detail.passage
        parts = [self.tr("No. {seq}").format(seq=passage.seq), _local(passage.at)]
        if passage.vehicle is not None:
            parts.append(passage.vehicle.plate)
        parts.append(enum_text(passage.outcome))
        self.title_label.setText("  ·  ".join(parts))
        self._show_chain(detail)
        shift = detail.shift
        values = {
            "gate": detail.gate_name,
            "shift": shift.label if shift is not None and shift.label else "",
            "direction": enum_text(passage.direction),
            "subject": self._subject_text(passage),
            "outcome": enum_text(passage.outcome),
            "reasons": "; ".join(enum_text(reason) for reason in passage.reasons),
            "recorded_by": detail.operator_name(passage.operator_id),
            "recorded_at": _local(passage.recorded_at),
            "rules": passage.rules_version,
            "note": passage.note,
        }
        for key, (_caption, value) in self._fields.items():
            value.setText(values[key] or "\u2014")
        for index, person in enumerate(passage.persons):
            self._add_person(index, person)
        self._show_buttons()

    def _subject_text(self, passage: Passage) -> str:
        vehicle = passage.vehicle
        if vehicle is None:
            return enum_text(passage.subject)
        parts = [enum_text(passage.subject)]
        if vehicle.kind:
            parts.append(vehicle_kind_text(vehicle.kind))
        if vehicle.origin or vehicle.destination:
            parts.append(f"{vehicle.origin or '?'} \u2192 {vehicle.destination or '?'}")
        return ", ".join(parts)

    def _show_chain(self, detail: PassageDetail) -> None:
        passage = detail.passage
        lines = []
        self._other = None
        if detail.corrected_by:
            newest = detail.corrected_by[-1]
            self._other = newest.uuid
            lines.append(
                self.tr(
                    "Corrected by No. {seq} on {time} by {name}: {reason}. That record counts, this one "
                    "stays for the record."
                ).format(
                    seq=newest.seq,
                    time=_local(newest.recorded_at),
                    name=detail.operator_name(newest.operator_id),
                    reason=newest.correction_reason,
                )
            )
        if passage.corrects is not None:
            if self._other is None:
                self._other = passage.corrects
            seq = detail.corrects.seq if detail.corrects is not None else "?"
            lines.append(
                self.tr("This record corrects No. {seq}: {reason} (by {name}, {time})").format(
                    seq=seq,
                    name=detail.operator_name(passage.operator_id),
                    time=_local(passage.recorded_at),
                    reason=passage.correction_reason,
                )
            )
        self.chain_label.setText("\n".join(lines))
        self.chain_label.setVisible(bool(lines))

    def _masked(self, person: PersonCheck) -> tuple[str, str, str]:
        if self._unmasked:
            return person.name, person.id_number, person.phone
        return mask_name(person.name), mask_id_number(person.id_number), mask_phone(person.phone)

    def _add_person(self, index: int, person: PersonCheck) -> None:
        table = self.persons_table
        row = table.rowCount()
        table.insertRow(row)
        name, id_number, phone = self._masked(person)
        number = str(index + 1) + (" " + self.tr("(driver)") if person.is_driver else "")
        verified = set(person.verified)
        code = enum_text(person.code_colour)
        if person.code_kind in (CodeKind.DCC, CodeKind.STATION_PASS):
            code += f" ({enum_text(person.code_kind)})"
        checks = []
        if verified:
            checks.append(
                self.tr("verified: {facts}").format(
                    facts=", ".join(verified_fact_text(fact) for fact in person.verified)
                )
            )
        if person.attested_at is not None:  # what was not verified, the operator attested (and when)
            checks.append(
                self.tr("attested at {time}").format(time=f"{person.attested_at.astimezone():%H:%M:%S}")
            )
        elif not verified:
            checks.append(self.tr("attested by the operator"))
        checks.extend(enum_text(flag) for flag in person.flags)
        if person.pass_id:
            checks.append(self.tr("pass {id}").format(id=person.pass_id[:8]))
        if person.household:
            checks.append(self.tr("household {id}").format(id=person.household))
        temperature = "" if person.temperature is None else f"{person.temperature:.1f}"
        cells = {
            PersonColumn.NUMBER: number,
            PersonColumn.NAME: name or "\u2014",
            PersonColumn.ID_NUMBER: id_number or "\u2014",
            PersonColumn.PHONE: phone or "\u2014",
            PersonColumn.CODE: code,
            PersonColumn.ITINERARY: enum_text(person.itinerary),
            PersonColumn.TEST: test_age_text(person.test_age_days),
            PersonColumn.TEMPERATURE: temperature or "\u2014",
            PersonColumn.CHECKS: "; ".join(checks),
        }
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
        if person.temperature is not None and person.temperature >= self._fever_c:
            cell = table.item(row, PersonColumn.TEMPERATURE)
            assert cell is not None
            cell.setBackground(QBrush(FEVER_BACKGROUND))
            cell.setForeground(QBrush(QColor("white")))

    def _show_buttons(self) -> None:
        detail = self.detail
        self.other_button.setVisible(self._other is not None and detail is not None)
        if detail is not None and detail.corrected_by:
            self.other_button.setText(self.tr("Show the correction"))
        else:
            self.other_button.setText(self.tr("Show the corrected record"))
        may = self._auth is not None and self._auth.allows(Permission.CORRECT)
        # a record already corrected is not corrected again: its correction is (one click away)
        self.correct_button.setVisible(may and (detail is None or detail.current))
        self.correct_button.setEnabled(detail is not None and detail.current)

    # Actions ---------------------------------------------------------------------------------------

    @Slot()
    def _on_other_button_clicked(self) -> None:
        if self._other is not None:
            self.show_passage(self._other)

    @Slot()
    def open_correction(self) -> CorrectionDialog | None:
        """Correct...: a shift leader's correction of this record (refused, and audited, for others)."""
        auth = self._auth
        if self.detail is None or auth is None:
            return None
        if not auth.allows(Permission.CORRECT):
            auth.record_refusal(Permission.CORRECT)
            self.mask_label.setText(refusal_text(Permission.CORRECT))
            return None
        dialog = CorrectionDialog(self._service, self.detail, auth, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_correction_dialog_finished)
        self.correction_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_correction_dialog_finished(self, _result: int) -> None:
        self.correction_dialog = None

    # Text ------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Passage details"))
        captions = {
            "gate": self.tr("Gate"),
            "shift": self.tr("Shift"),
            "direction": self.tr("Direction"),
            "subject": self.tr("Kind"),
            "outcome": self.tr("Outcome"),
            "reasons": self.tr("Reasons"),
            "recorded_by": self.tr("Recorded by"),
            "recorded_at": self.tr("Recorded at"),
            "rules": self.tr("Rules version"),
            "note": self.tr("Note"),
        }
        for key, (caption, _value) in self._fields.items():
            caption.setText(captions[key])
        self.persons_table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Phone"),
                self.tr("Health code"),
                self.tr("Itinerary"),
                self.tr("Test"),
                self.tr("\u00b0C"),
                self.tr("Checks"),
            ]
        )
        self.mask_label.setText(
            self.tr("Full personal data (tracing, audited).")
            if self._unmasked
            else self.tr("Names, ID numbers and phones are masked; tracing shows them in full, audited.")
        )
        self.correct_button.setText(self.tr("&Correct..."))
        self.close_button.setText(self.tr("Close"))
        self._show()


class CorrectionDialog(QDialog):
    """A leader's correction of a record: outcome, direction, plate, each person's temperature, and the
    reason (required). Recorded as a new record pointing at the old one; closes once it is on disk."""

    def __init__(
        self, service: PassageDetailService, detail: PassageDetail, auth: AuthService, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._detail = detail
        self._auth = auth
        passage = detail.passage
        self.intro_label = QLabel(self)
        self.intro_label.setWordWrap(True)
        self.outcome_combo = QComboBox(self)
        for outcome in FINAL_OUTCOMES:
            self.outcome_combo.addItem(enum_text(outcome), outcome)
        self.outcome_combo.setCurrentIndex(max(0, self.outcome_combo.findData(passage.outcome)))
        self.direction_combo = QComboBox(self)
        for direction in Direction:
            self.direction_combo.addItem(enum_text(direction), direction)
        self.direction_combo.setCurrentIndex(self.direction_combo.findData(passage.direction))
        self.plate_edit = QLineEdit(passage.vehicle.plate if passage.vehicle else "", self)
        self.temperature_spins: list[QDoubleSpinBox] = []
        for person in passage.persons:
            spin = QDoubleSpinBox(self)
            spin.setDecimals(1)
            spin.setSingleStep(0.1)
            spin.setRange(MIN_TEMPERATURE - 0.1, MAX_TEMPERATURE)
            spin.setSpecialValueText("\u2014")  # none taken
            spin.setValue(person.temperature if person.temperature is not None else spin.minimum())
            spin.setSuffix(" \u00b0C")
            self.temperature_spins.append(spin)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(200)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("dialogError")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.ok_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        for widget in (
            self.outcome_combo,
            self.direction_combo,
            self.plate_edit,
            self.reason_edit,
            self.ok_button,
            self.cancel_button,
            *self.temperature_spins,
        ):
            widget.setMinimumHeight(TOUCH_HEIGHT)
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)

        self._captions = {key: QLabel(self) for key in ("outcome", "direction", "plate", "reason")}
        form = QFormLayout()
        form.addRow(self._captions["outcome"], self.outcome_combo)
        form.addRow(self._captions["direction"], self.direction_combo)
        if passage.vehicle is not None:
            form.addRow(self._captions["plate"], self.plate_edit)
        else:
            self.plate_edit.hide()
            self._captions["plate"].hide()
        self._person_captions: list[QLabel] = []
        for spin in self.temperature_spins:
            caption = QLabel(self)
            self._person_captions.append(caption)
            form.addRow(caption, spin)
        form.addRow(self._captions["reason"], self.reason_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.reason_edit.returnPressed.connect(self.submit)
        service.corrected.connect(self._on_service_corrected)
        service.failed.connect(self._on_service_failed)
        self.setMinimumWidth(620)
        self.retranslate_ui()
        self.reason_edit.setFocus()

    def correction(self) -> Correction:
        temperatures = tuple(
            None if spin.value() < MIN_TEMPERATURE else round(spin.value(), 1)
            for spin in self.temperature_spins
        )
        return Correction(
            self.outcome_combo.currentData(),
            self.direction_combo.currentData(),
            self.plate_edit.text(),
            temperatures,
            self.reason_edit.text(),
        )

    @Slot()
    def submit(self) -> None:
        operator = self._auth.operator
        if operator is None or not self._auth.allows(Permission.CORRECT):
            self.problem_label.setText(refusal_text(Permission.CORRECT))
            return
        correction = self.correction()
        problem = correction_problem(self._detail.passage, correction)
        if problem is not None:
            self.problem_label.setText(correction_refusal_text(problem))
            return
        self.problem_label.clear()
        self.ok_button.setEnabled(False)  # until it is on disk
        self._service.correct(self._detail.passage.uuid, correction, operator)

    @Slot(object)
    def _on_service_corrected(self, correction: Passage) -> None:
        if correction.corrects == self._detail.passage.uuid:
            self.accept()

    @Slot(str)
    def _on_service_failed(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.problem_label.setText(message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        passage = self._detail.passage
        self.setWindowTitle(self.tr("Correct No. {seq}").format(seq=passage.seq))
        self.intro_label.setText(
            self.tr(
                "The record stays as it is: the correction is a new record that points at it, with your "
                "name and the reason, and counts in its place."
            )
        )
        self._captions["outcome"].setText(self.tr("Outcome"))
        self._captions["direction"].setText(self.tr("Direction"))
        self._captions["plate"].setText(self.tr("Plate"))
        self._captions["reason"].setText(self.tr("Reason (required)"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. recheck 36.8 \u00b0C, plate misread"))
        for index, (caption, person) in enumerate(zip(self._person_captions, passage.persons, strict=True)):
            name = mask_name(person.name)
            caption.setText(
                self.tr("Temperature, person {n}").format(n=index + 1) + (f" ({name})" if name else "")
            )
        self.ok_button.setText(self.tr("Record the correction"))
        self.cancel_button.setText(self.tr("Cancel"))
