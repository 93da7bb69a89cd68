"""Alarms at the gate: what must stay on screen until the operator acknowledges it.

Raised from the verified facts, the watchlist hits and the residents registry of the current draft: a
quarantined person leaving (watchlist or registry), a registered resident who must not leave, a watchlist
BLOCK or NOTIFY hit, an exit slip's holder back after the deadline, a household's exit quota used up (the
slip's or the registry's). Each alarm names its subject masked (``张*三``, ``4301**********1234``)
because the screen is seen by whoever stands at the gate. Qt-free; the session keeps which alarms were
acknowledged.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from checkpoint.domain.masking import mask_household
from checkpoint.domain.masking import mask_name as mask_name
from checkpoint.domain.masking import mask_number as mask_number
from checkpoint.domain.masking import mask_phone as mask_phone
from checkpoint.domain.masking import mask_plate as mask_plate
from checkpoint.domain.records import Direction, PersonCheck
from checkpoint.domain.residents import ResidentStatus
from checkpoint.domain.watchlist import WatchlistAction, WatchlistHit, WatchlistKind
from checkpoint.station.credentials import Screening, Verification


class AlarmKind(enum.StrEnum):
    """Stable words: they are what the audit trail's ``alarm_acknowledged`` entries say."""

    HOME_QUARANTINE = "home_quarantine"
    WATCHLIST_BLOCK = "watchlist_block"
    WATCHLIST_NOTIFY = "watchlist_notify"
    OVERDUE = "overdue"
    OVER_QUOTA = "over_quota"
    NO_EXIT = "no_exit"  # the residents registry says: must not leave (not quarantine)


class AlarmLevel(enum.StrEnum):
    RED = "red"  # stop: quarantine, block
    AMBER = "amber"  # look: notify, overdue, over quota


LEVELS = {
    AlarmKind.HOME_QUARANTINE: AlarmLevel.RED,
    AlarmKind.WATCHLIST_BLOCK: AlarmLevel.RED,
    AlarmKind.WATCHLIST_NOTIFY: AlarmLevel.AMBER,
    AlarmKind.OVERDUE: AlarmLevel.AMBER,
    AlarmKind.OVER_QUOTA: AlarmLevel.AMBER,
    AlarmKind.NO_EXIT: AlarmLevel.RED,
}


@dataclass(frozen=True, slots=True)
class Alarm:
    kind: AlarmKind
    subject: str  # masked name, ID number, phone or plate
    detail: str = ""  # the watchlist's reason, the pass id...: recorded with the acknowledgement
    since: datetime | None = None  # OVERDUE: when the holder went out
    hours: int = 0  # OVERDUE: the deadline; OVER_QUOTA: days of the window
    household: bool = False  # ``detail`` is a household code: shown on screen, masked in the audit trail

    def recorded_detail(self) -> str:
        """The detail as the acknowledgement records it: a household code only masked (sealed elsewhere)."""
        return mask_household(self.detail) if self.household else self.detail

    @property
    def level(self) -> AlarmLevel:
        return LEVELS[self.kind]

    @property
    def key(self) -> str:
        """Identifies the alarm within a draft (acknowledging it once is enough)."""
        return f"{self.kind.value}|{self.subject}|{self.detail}"


def subject_of(person: PersonCheck, plate: str = "", hit: WatchlistHit | None = None) -> str:
    """The masked subject an alarm names: what matched, else the best identifier the person has."""
    if hit is not None and hit.entry.kind is WatchlistKind.PLATE_OF_INTEREST:
        return mask_plate(plate or hit.entry.plate)
    parts = []
    if person.name:
        parts.append(mask_name(person.name))
    if person.id_number:
        parts.append(mask_number(person.id_number))
    elif person.phone:
        parts.append(mask_phone(person.phone))
    if not parts and hit is not None:
        entry = hit.entry
        if entry.name:
            parts.append(mask_name(entry.name))
        if entry.id_number:
            parts.append(mask_number(entry.id_number))
    return " ".join(parts)


def alarms_for(
    person: PersonCheck,
    direction: Direction,
    verification: Verification | None,
    screening: Screening,
    plate: str = "",
) -> tuple[Alarm, ...]:
    """Every alarm the draft raises, most severe first."""
    found: list[Alarm] = []
    for hit in screening.hits:
        subject = subject_of(person, plate, hit)
        reason = hit.entry.reason
        if hit.entry.kind is WatchlistKind.HOME_QUARANTINE:
            if direction is Direction.OUT:  # coming home is what quarantine asks for
                found.append(Alarm(AlarmKind.HOME_QUARANTINE, subject, reason))
        elif hit.entry.action is WatchlistAction.BLOCK:
            found.append(Alarm(AlarmKind.WATCHLIST_BLOCK, subject, reason))
        else:
            found.append(Alarm(AlarmKind.WATCHLIST_NOTIFY, subject, reason))
    v = verification
    if v is not None and v.signature_valid:
        subject = subject_of(person) or v.pass_id
        if direction is Direction.IN and v.return_overdue:
            found.append(Alarm(AlarmKind.OVERDUE, subject, v.pass_id, v.out_since, v.return_hours))
        if direction is Direction.OUT and v.quota_exceeded and v.household:
            found.append(
                Alarm(AlarmKind.OVER_QUOTA, subject, v.household, hours=v.quota_days, household=True)
            )
    resident = screening.resident
    if resident is not None and resident.member is not None and direction is Direction.OUT:
        subject = subject_of(person) or mask_name(resident.member.name)
        household = resident.member.household
        if resident.status is ResidentStatus.HOME_QUARANTINED:
            found.append(Alarm(AlarmKind.HOME_QUARANTINE, subject, household, household=True))
        elif resident.status is ResidentStatus.NO_EXIT:
            found.append(Alarm(AlarmKind.NO_EXIT, subject, household, household=True))
        if resident.quota_exceeded:
            found.append(
                Alarm(AlarmKind.OVER_QUOTA, subject, household, hours=resident.quota_days, household=True)
            )
    unique: dict[str, Alarm] = {}
    for alarm in found:
        unique.setdefault(alarm.key, alarm)
    order = list(AlarmKind)
    return tuple(sorted(unique.values(), key=lambda a: order.index(a.kind)))


def open_alarms(alarms: Sequence[Alarm], acknowledged: frozenset[str]) -> tuple[Alarm, ...]:
    return tuple(alarm for alarm in alarms if alarm.key not in acknowledged)
