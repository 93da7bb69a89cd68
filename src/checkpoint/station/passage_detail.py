"""One passage in full, and its correction by a shift leader.

``load_passage_detail`` reads what the passage detail view shows: the passage with every person check,
the gate, the shift, who recorded it, the record it corrects and the records that correct it.

A correction never edits the record (``domain/records.py``): it is a new passage with the same event time,
gate and shift, whose ``corrects`` names the old one and whose ``correction_reason`` says why, recorded by
the leader who made it, with ``Reason.CORRECTION`` among its reasons and an audit entry
(``AuditAction.CORRECTION``). The log, the counters, the handover and tracing then count the correction
in place of the old record, which stays on record beside it. Only the newest record of a chain is
corrected (a record already corrected points to its correction instead).

``PassageDetailService`` runs both on the writer thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Signal

from checkpoint.domain.records import (
    FINAL_OUTCOMES,
    Direction,
    Operator,
    Outcome,
    Passage,
    PassageDraft,
    Reason,
    Shift,
)
from checkpoint.domain.roles import Permission, allowed
from checkpoint.domain.validators import validate_plate
from checkpoint.station.texts import enum_text
from checkpoint.station.writer_service import WriterService
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError, StorageError

MAX_TEMPERATURE = 45.0
MIN_TEMPERATURE = 30.0


@dataclass(frozen=True, slots=True)
class PassageDetail:
    """A passage with what the detail view names: gate, shift, operators, and its place in a correction
    chain (``corrects``: the record it replaces; ``corrected_by``: the records that replace it)."""

    passage: Passage
    gate_name: str
    shift: Shift | None
    operator_names: Mapping[UUID, str]
    corrects: Passage | None
    corrected_by: tuple[Passage, ...]

    @property
    def current(self) -> bool:
        """No later record corrects it: this is the record that counts."""
        return not self.corrected_by

    def operator_name(self, operator_id: UUID) -> str:
        return self.operator_names.get(operator_id, str(operator_id)[:8])


@dataclass(frozen=True, slots=True)
class Correction:
    """What a leader changes in a passage, and why. ``plate`` is ignored for a pedestrian; a temperature
    is given per person (None: none taken)."""

    outcome: Outcome
    direction: Direction
    plate: str
    temperatures: tuple[float | None, ...]
    reason: str


class CorrectionRefusedError(ValueError):
    """The correction cannot be recorded; ``problem`` is a code the UI words."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


NO_REASON = "no_reason"
NOTHING_CHANGED = "nothing_changed"
ALREADY_CORRECTED = "already_corrected"
BAD_PLATE = "bad_plate"
BAD_TEMPERATURE = "bad_temperature"
NOT_FINAL = "not_final"
NOT_ALLOWED = "not_allowed"
NOT_FOUND = "not_found"


def load_passage_detail(database: Database, passage_id: UUID) -> PassageDetail | None:
    """The passage and what the detail view shows with it; None if it is not on record (purged)."""
    passage = database.passages.passage(passage_id)
    if passage is None:
        return None
    gates = {gate.id: gate.name for gate in database.gates.all()}
    shift = database.shifts.shift(passage.shift_id) if passage.shift_id is not None else None
    corrects = database.passages.passage(passage.corrects) if passage.corrects is not None else None
    return PassageDetail(
        passage,
        gates.get(passage.gate_id, ""),
        shift,
        {op.id: op.name for op in database.operators.all()},
        corrects,
        tuple(database.passages.corrections_of(passage.uuid)),
    )


def correction_problem(original: Passage, correction: Correction) -> str | None:
    """Why the correction cannot be recorded as given (a code), or None."""
    if not correction.reason.strip():
        return NO_REASON
    if correction.outcome not in FINAL_OUTCOMES:
        return NOT_FINAL
    if len(correction.temperatures) != len(original.persons):
        return BAD_TEMPERATURE
    for value in correction.temperatures:
        if value is not None and not MIN_TEMPERATURE <= value <= MAX_TEMPERATURE:
            return BAD_TEMPERATURE
    plate_changed = original.vehicle is not None and correction.plate.strip() != original.vehicle.plate
    if plate_changed and not validate_plate(correction.plate).ok:
        return BAD_PLATE
    unchanged = (
        correction.outcome is original.outcome
        and correction.direction is original.direction
        and (original.vehicle is None or correction.plate.strip() == original.vehicle.plate)
        and correction.temperatures == tuple(p.temperature for p in original.persons)
    )
    return NOTHING_CHANGED if unchanged else None


def correct_passage(
    database: Database, passage_id: UUID, correction: Correction, operator: Operator, now: datetime
) -> Passage:
    """Records ``correction`` of the passage ``passage_id`` by ``operator`` (a shift leader or an
    administrator) as a new passage pointing at it, with its audit entry. Raises ``CorrectionRefusedError``.
    """
    if not allowed(operator.role, Permission.CORRECT):
        raise CorrectionRefusedError(NOT_ALLOWED)
    # in full: the correction carries the persons as recorded
    original = database.passages.passage(passage_id)
    if original is None:
        raise CorrectionRefusedError(NOT_FOUND)
    if database.passages.corrections_of(passage_id):
        raise CorrectionRefusedError(ALREADY_CORRECTED)
    problem = correction_problem(original, correction)
    if problem is not None:
        raise CorrectionRefusedError(problem)
    vehicle = original.vehicle
    if vehicle is not None:
        plate = correction.plate.strip()
        vehicle = dataclasses.replace(vehicle, plate=validate_plate(plate).normalised or plate)
    reason = " ".join(correction.reason.split())
    draft = PassageDraft(
        at=original.at,  # the event's time: the correction says what happened then
        direction=correction.direction,
        subject=original.subject,
        outcome=correction.outcome,
        gate_id=original.gate_id,
        operator_id=operator.id,  # who corrected it (the original names who recorded it)
        shift_id=original.shift_id,
        reasons=(*(r for r in original.reasons if r is not Reason.CORRECTION), Reason.CORRECTION),
        rules_version=original.rules_version,
        persons=tuple(
            dataclasses.replace(person, temperature=temperature)
            for person, temperature in zip(original.persons, correction.temperatures, strict=True)
        ),
        vehicle=vehicle,
        note=original.note,
        corrects=original.uuid,
        correction_reason=reason,
    )
    detail = f"passage No. {original.seq} ({original.uuid}) corrected by {draft.uuid}: {reason}"
    try:  # the correction and its audit entry in one write unit
        return database.passages.append_correction(draft, detail, now)
    except InvalidRecordError as error:
        raise CorrectionRefusedError(str(error)) from error


def refusal_text(problem: str) -> str:
    """A refused correction in the operator's words."""
    texts = {
        NO_REASON: QCoreApplication.translate("Correction", "Say why the record is corrected."),
        NOTHING_CHANGED: QCoreApplication.translate("Correction", "Nothing was changed."),
        ALREADY_CORRECTED: QCoreApplication.translate(
            "Correction", "This record was corrected already: correct the newest record instead."
        ),
        BAD_PLATE: QCoreApplication.translate("Correction", "The plate is not a valid plate."),
        BAD_TEMPERATURE: QCoreApplication.translate(
            "Correction", "A temperature must be between 30 and 45 \u00b0C."
        ),
        NOT_FINAL: QCoreApplication.translate("Correction", "Choose pass, turn back or hold."),
        NOT_ALLOWED: QCoreApplication.translate(
            "Correction", "Only a shift leader or an administrator may correct a record."
        ),
        NOT_FOUND: QCoreApplication.translate("Correction", "The record is no longer on record."),
    }
    return texts.get(
        problem,
        QCoreApplication.translate("Correction", "The correction was not recorded: {detail}").format(
            detail=problem
        ),
    )


class PassageDetailService(WriterService):
    """Reads passage details and records corrections on the writer thread.

    Signals:
        loaded(object): a ``PassageDetail`` asked for with ``load``.
        missing(object): the asked passage's uuid: it is not on record.
        corrected(object): the correction's ``Passage``, on disk (the log and counters add it).
        failed(str): a translated message: nothing was recorded.
    """

    loaded = Signal(object)
    missing = Signal(object)
    corrected = Signal(object)
    failed = Signal(str)

    def load(self, passage_id: UUID) -> None:
        def done(detail: PassageDetail | None) -> None:
            if detail is None:
                self.missing.emit(passage_id)
            else:
                self.loaded.emit(detail)

        self._writer.submit(
            lambda database: load_passage_detail(database, passage_id),
            on_done=done,
            on_error=lambda error: self._announce_storage_error(error, self.failed),
        )

    def correct(self, passage_id: UUID, correction: Correction, operator: Operator) -> None:
        now = self._clock()

        def job(database: Database) -> Passage | CorrectionRefusedError:
            try:
                return correct_passage(database, passage_id, correction, operator, now)
            except CorrectionRefusedError as error:
                return error

        self._writer.submit(job, on_done=self._on_corrected, on_error=self._on_write_error)

    def _on_corrected(self, result: Passage | CorrectionRefusedError) -> None:
        if isinstance(result, CorrectionRefusedError):
            self.failed.emit(refusal_text(result.problem))
            return
        self._messages.info(
            QCoreApplication.translate(
                "Correction", "Correction recorded as No. {seq}; the old record stays beside it."
            ).format(seq=result.seq)
        )
        self.corrected.emit(result)

    def _on_write_error(self, error: StorageError) -> None:
        self.failed.emit(
            QCoreApplication.translate(
                "Correction", "The correction was NOT recorded: {reason} Nothing was lost; try again."
            ).format(reason=enum_text(error.kind))
        )
