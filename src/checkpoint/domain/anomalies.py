"""Person lists from the log: the anomaly hand-off and the rows of a tracing export.

The anomaly hand-off (异常人员移交清单) goes to the destination community or health staff: one row per
person they must follow up, with the identity they need to find that person. A person is on it when
their passage was turned back or held (every occupant), or when they themselves showed a yellow or red
code, a starred or other-colour itinerary card, or fever, or when the passage hit a watchlist, or when the
operator recorded it milder than the proposed TURN BACK or HOLD (an override: every occupant, with the
override). Only the latest version of a corrected passage counts.

Masked by default: 张*三, 4301**********1234, 138****5678. Unmasking is the caller's decision (by role)
and the caller's audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from checkpoint.domain.handover import FEVER_THRESHOLD, Anomaly, anomalies_of, mask_name
from checkpoint.domain.masking import mask_id_number as mask_id_number
from checkpoint.domain.masking import mask_phone as mask_phone
from checkpoint.domain.overrides import Override
from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Itinerary,
    Outcome,
    Passage,
    PersonCheck,
    Reason,
    SubjectKind,
)

WATCHLIST_REASONS = frozenset({Reason.WATCHLIST_BLOCK, Reason.WATCHLIST_NOTIFY})


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person of one passage, as a person list prints it (``position`` counts from 0).

    A passage without person checks (an empty vehicle) gives one row with ``position`` -1 and empty
    identity, so a turned-back vehicle is never missing from the list.
    """

    passage_uuid: UUID
    seq: int
    at: datetime
    gate_id: UUID
    direction: Direction
    subject: SubjectKind
    plate: str
    origin: str
    destination: str
    position: int
    name: str
    id_number: str
    phone: str
    code_colour: CodeColour
    itinerary: Itinerary
    temperature: float | None
    outcome: Outcome
    anomalies: tuple[Anomaly, ...]
    reasons: tuple[Reason, ...]
    override: Override | None = None  # the passage was recorded milder than proposed

    @property
    def watchlist_hit(self) -> bool:
        return any(r in WATCHLIST_REASONS for r in self.reasons)


def person_anomalies(
    passage: Passage, person: PersonCheck | None, overridden: bool = False
) -> tuple[Anomaly, ...]:
    """Why this person is on the hand-off list: the passage's outcome, an override of its proposal and
    the person's own checks."""
    if person is None:
        return anomalies_of(passage.outcome, (), (), 0, overridden)
    fever = 1 if person.temperature is not None and person.temperature >= FEVER_THRESHOLD else 0
    return anomalies_of(passage.outcome, (person.code_colour,), (person.itinerary,), fever, overridden)


def person_rows(passage: Passage, *, mask: bool = True, override: Override | None = None) -> list[PersonRow]:
    """Every person of ``passage`` as a row (one row for a passage without persons)."""
    vehicle = passage.vehicle
    persons: Sequence[PersonCheck | None] = passage.persons or (None,)
    rows: list[PersonRow] = []
    for position, person in enumerate(persons):
        name = person.name if person else ""
        id_number = person.id_number if person else ""
        phone = person.phone if person else ""
        if mask:
            name, id_number, phone = mask_name(name), mask_id_number(id_number), mask_phone(phone)
        rows.append(
            PersonRow(
                passage_uuid=passage.uuid,
                seq=passage.seq,
                at=passage.at,
                gate_id=passage.gate_id,
                direction=passage.direction,
                subject=passage.subject,
                plate=vehicle.plate if vehicle else "",
                origin=vehicle.origin if vehicle else "",
                destination=vehicle.destination if vehicle else "",
                position=position if person else -1,
                name=name,
                id_number=id_number,
                phone=phone,
                code_colour=person.code_colour if person else CodeColour.NONE,
                itinerary=person.itinerary if person else Itinerary.NONE,
                temperature=person.temperature if person else None,
                outcome=passage.outcome,
                anomalies=person_anomalies(passage, person, override is not None),
                reasons=passage.reasons,
                override=override,
            )
        )
    return rows


def current_passages(passages: Iterable[Passage]) -> list[Passage]:
    """The passages no later passage in the same stream corrects, in time order."""
    kept: dict[UUID, Passage] = {}
    corrected: set[UUID] = set()
    for passage in passages:
        kept[passage.uuid] = passage
        if passage.corrects is not None:
            corrected.add(passage.corrects)
    return sorted((p for u, p in kept.items() if u not in corrected), key=lambda p: (p.at, p.seq))


def anomaly_handoff(
    passages: Iterable[Passage], *, mask: bool = True, overrides: Mapping[UUID, Override] | None = None
) -> list[PersonRow]:
    """The hand-off list: the persons to follow up, in time order (see the module docstring).
    ``overrides`` are the window's overrides by passage."""
    rows: list[PersonRow] = []
    overrides = overrides or {}
    for passage in current_passages(passages):
        for row in person_rows(passage, mask=mask, override=overrides.get(passage.uuid)):
            if row.anomalies or row.watchlist_hit:
                rows.append(row)
    return rows
