"""Tracing (流调): who passed, where, when, with whom, with what plate. The pure parts.

``trace_query`` checks what was asked before any database is touched: a plate and an ID number must be
well formed (``validators``), a phone a mainland mobile number, the window non-empty; at least one of
plate, ID number, phone or name must be given. It returns the normalised values the exact, indexed
queries of storage compare against (an ID number or phone through its keyed hash: they are stored sealed,
never in plain text). ``passage_json`` turns a found passage into the JSON object the
``checkpoint trace --json`` command prints, masked unless the caller may see the full data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from checkpoint.domain.masking import mask_id_number, mask_name, mask_phone
from checkpoint.domain.records import Passage
from checkpoint.domain.validators import (
    IdProblem,
    PhoneProblem,
    PlateProblem,
    validate_id_number,
    validate_mobile,
    validate_plate,
)


class TraceProblem(enum.StrEnum):
    NO_CRITERIA = "no_criteria"  # none of plate, ID number, phone, name
    BAD_PLATE = "bad_plate"
    BAD_ID_NUMBER = "bad_id_number"
    BAD_PHONE = "bad_phone"
    EMPTY_WINDOW = "empty_window"  # the window's end is not after its start
    NAIVE_TIME = "naive_time"  # a window bound without a timezone


class TraceQueryError(ValueError):
    """A tracing request that cannot be run. ``detail`` is the validator's problem code, if any."""

    def __init__(
        self,
        problem: TraceProblem,
        value: str = "",
        detail: IdProblem | PlateProblem | PhoneProblem | None = None,
    ) -> None:
        self.problem = problem
        self.value = value
        self.detail = detail
        text = {
            TraceProblem.NO_CRITERIA: "give at least one of --plate, --id, --phone, --name",
            TraceProblem.BAD_PLATE: f"not a valid plate: {value!r}",
            TraceProblem.BAD_ID_NUMBER: f"not a valid ID number: {value!r}",
            TraceProblem.BAD_PHONE: f"not a valid mobile number: {value!r}",
            TraceProblem.EMPTY_WINDOW: "the window's start must be before its end",
            TraceProblem.NAIVE_TIME: "window bounds need a timezone",
        }[problem]
        if detail is not None:
            text += f" ({detail.value.replace('_', ' ')})"
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class TraceQuery:
    """A validated tracing request: normalised plate, ID number and phone; exact name; window."""

    plate: str = ""
    id_number: str = ""
    phone: str = ""
    name: str = ""
    since: datetime | None = None
    until: datetime | None = None

    def describe(self) -> str:
        """For the audit trail: which criteria were used (identifiers masked)."""
        parts = []
        if self.plate:
            parts.append(f"plate={self.plate}")
        if self.id_number:
            parts.append(f"id={mask_id_number(self.id_number)}")
        if self.phone:
            parts.append(f"phone={mask_phone(self.phone)}")
        if self.name:
            parts.append(f"name={mask_name(self.name)}")
        if self.since is not None:
            parts.append(f"from={self.since.isoformat()}")
        if self.until is not None:
            parts.append(f"to={self.until.isoformat()}")
        return " ".join(parts)


def trace_query(
    *,
    plate: str = "",
    id_number: str = "",
    phone: str = "",
    name: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    today: date,
) -> TraceQuery:
    """Validate and normalise a tracing request. Raises ``TraceQueryError``."""
    if not any(v.strip() for v in (plate, id_number, phone, name)):
        raise TraceQueryError(TraceProblem.NO_CRITERIA)
    for bound in (since, until):
        if bound is not None and (bound.tzinfo is None or bound.utcoffset() is None):
            raise TraceQueryError(TraceProblem.NAIVE_TIME, bound.isoformat())
    if since is not None and until is not None and until <= since:
        raise TraceQueryError(TraceProblem.EMPTY_WINDOW)
    query_plate = ""
    if plate.strip():
        plate_check = validate_plate(plate)
        if not plate_check.ok:
            raise TraceQueryError(TraceProblem.BAD_PLATE, plate, plate_check.problem)
        query_plate = plate_check.normalised
    query_id = ""
    if id_number.strip():
        id_check = validate_id_number(id_number, today)
        if not id_check.ok:
            raise TraceQueryError(TraceProblem.BAD_ID_NUMBER, id_number, id_check.problem)
        query_id = id_check.normalised
    query_phone = ""
    if phone.strip():
        phone_check = validate_mobile(phone)
        if not phone_check.ok:
            raise TraceQueryError(TraceProblem.BAD_PHONE, phone, phone_check.problem)
        query_phone = phone_check.normalised
    return TraceQuery(query_plate, query_id, query_phone, name.strip(), since, until)


def passage_json(passage: Passage, *, gate_name: str = "", mask: bool = True) -> dict[str, Any]:
    """One found passage for ``checkpoint trace --json``: enum values as their stable strings."""
    vehicle = passage.vehicle
    persons = []
    for person in passage.persons:
        persons.append(
            {
                "name": mask_name(person.name) if mask else person.name,
                "id_number": mask_id_number(person.id_number) if mask else person.id_number,
                "phone": mask_phone(person.phone) if mask else person.phone,
                "code_colour": person.code_colour.value,
                "itinerary": person.itinerary.value,
                "temperature": person.temperature,
                "is_driver": person.is_driver,
            }
        )
    return {
        "uuid": str(passage.uuid),
        "seq": passage.seq,
        "at": passage.at.isoformat(),
        "gate_id": str(passage.gate_id),
        "gate": gate_name,
        "direction": passage.direction.value,
        "subject": passage.subject.value,
        "plate": vehicle.plate if vehicle else None,
        "vehicle_kind": vehicle.kind if vehicle else None,
        "origin": vehicle.origin if vehicle else None,
        "destination": vehicle.destination if vehicle else None,
        "outcome": passage.outcome.value,
        "reasons": [r.value for r in passage.reasons],
        "corrects": str(passage.corrects) if passage.corrects else None,
        "persons": persons,
    }
