"""Watchlists: people who must not leave (home quarantine), persons and plates of interest, and matching.

Entries are frozen records. A list is append-only: an entry is ended by a later record (storage keeps it),
never edited or deleted. Matching is pure: :func:`match` takes the entries, one person check and the
vehicle's plate, and returns every hit with the field that matched. What a hit means at the gate (an alarm
that must be acknowledged, a block, a notice) is the rules' decision; :attr:`WatchlistHit.must_acknowledge`
gives the default reading.

Identifiers are compared in a normal form on both sides, so a list typed one way still finds a person
recorded another way:

- ID numbers: full-width digits to ASCII, separators removed, upper case (``x`` becomes ``X``);
- phones: digits only, a ``+86`` / ``0086`` / ``86`` country prefix before an 11-digit mobile removed;
- plates: upper case, without spaces, dots, middle dots or hyphens (``京A·12345`` is ``京A12345``);
- names: :func:`checkpoint.domain.names.normalise_name` (NFKC, spaces and invisible characters removed,
  traditional Chinese folded to simplified, case folded): the one form residents and tracing use too.

ID numbers and plates use the same normal forms as :mod:`checkpoint.domain.validators`.

Which identifier decides: the most specific one both sides have. If the entry and the person both carry
an ID number, the ID numbers decide (equal: a hit, different: no hit, whatever the names say). Otherwise
the phone decides the same way, and only if neither can be compared does the name. Plates are matched
against the vehicle's plate for any entry that has one.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4

from checkpoint.domain import names, validators
from checkpoint.domain.records import PersonCheck

__all__ = [
    "MatchField",
    "WatchlistAction",
    "WatchlistEntry",
    "WatchlistHit",
    "WatchlistKind",
    "is_active",
    "match",
    "normalise_id_number",
    "normalise_name",
    "normalise_phone",
    "normalise_plate",
]


class WatchlistKind(enum.StrEnum):
    HOME_QUARANTINE = "home_quarantine"  # 居家隔离: must not leave; leaving is an alarm to acknowledge
    PERSON_OF_INTEREST = "person_of_interest"  # 重点人员
    PLATE_OF_INTEREST = "plate_of_interest"  # 重点车辆


class WatchlistAction(enum.StrEnum):
    NOTIFY = "notify"  # tell the operator, let the rules go on
    BLOCK = "block"  # stop: not admitted / not let out


class MatchField(enum.StrEnum):
    """Which identifier made a hit."""

    ID_NUMBER = "id_number"
    PHONE = "phone"
    NAME = "name"
    PLATE = "plate"


_PERSON_KINDS = (WatchlistKind.HOME_QUARANTINE, WatchlistKind.PERSON_OF_INTEREST)


@dataclass(frozen=True, slots=True)
class WatchlistEntry:
    """One entry. ``valid_from`` None: since always; ``valid_until`` None: until ended (exclusive bound).

    Person kinds need an ID number, a phone or a name; a plate of interest needs a plate. Times must be
    timezone-aware. ``source`` says where the entry came from (a file name, an authority).
    """

    kind: WatchlistKind
    action: WatchlistAction = WatchlistAction.NOTIFY
    name: str = ""
    id_number: str = ""
    phone: str = ""
    plate: str = ""
    reason: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    source: str = ""
    id: UUID = field(default_factory=uuid4)

    def __post_init__(self) -> None:
        try:
            kind = WatchlistKind(self.kind)
            WatchlistAction(self.action)
        except ValueError as exc:
            raise ValueError(f"watchlist entry: {exc}") from exc
        for name in ("name", "id_number", "phone", "plate", "reason", "source"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"watchlist entry: {name} must be text")
        for name in ("valid_from", "valid_until"):
            value = getattr(self, name)
            if value is not None and (
                not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None
            ):
                raise ValueError(f"watchlist entry: {name} must be a timezone-aware datetime or None")
        if (
            self.valid_from is not None
            and self.valid_until is not None
            and self.valid_until <= self.valid_from
        ):
            raise ValueError("watchlist entry: valid_until must be after valid_from")
        if kind is WatchlistKind.PLATE_OF_INTEREST:
            if not normalise_plate(self.plate):
                raise ValueError("watchlist entry: a plate of interest needs a plate")
        elif not (
            normalise_id_number(self.id_number) or normalise_phone(self.phone) or normalise_name(self.name)
        ):
            raise ValueError("watchlist entry: a person entry needs an ID number, a phone or a name")


@dataclass(frozen=True, slots=True)
class WatchlistHit:
    entry: WatchlistEntry
    matched_on: MatchField

    @property
    def must_acknowledge(self) -> bool:
        """Home quarantine and BLOCK entries raise an alarm the operator must acknowledge."""
        return self.entry.kind is WatchlistKind.HOME_QUARANTINE or self.entry.action is WatchlistAction.BLOCK


_NON_DIGITS = re.compile(r"[^0-9]+")


def normalise_id_number(text: str) -> str:
    """Full-width digits to ASCII, separators removed, upper case (``x`` check digit -> ``X``)."""
    return validators.normalise_id_number(text)


def normalise_phone(text: str) -> str:
    """Digits only; a ``+86``/``0086``/``86`` prefix before an 11-digit mobile number is dropped."""
    digits = _NON_DIGITS.sub("", unicodedata.normalize("NFKC", text))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11 and digits[len(prefix)] == "1":
            return digits[len(prefix) :]
    return digits


def normalise_plate(text: str) -> str:
    """Upper case, full-width to ASCII, without spaces, dots, middle dots, hyphens or underscores."""
    return validators.normalise_plate(text)


def normalise_name(text: str) -> str:
    """The one form names are compared in (``domain.names``): 欧阳 娜娜 and 歐陽娜娜 are 欧阳娜娜."""
    return names.normalise_name(text)


def is_active(entry: WatchlistEntry, at: datetime) -> bool:
    """Whether ``at`` lies in ``valid_from <= at < valid_until`` (open bounds where None)."""
    if entry.valid_from is not None and at < entry.valid_from:
        return False
    return entry.valid_until is None or at < entry.valid_until


def _person_match(entry: WatchlistEntry, person: PersonCheck) -> MatchField | None:
    for field_name, normalise, kind in (
        ("id_number", normalise_id_number, MatchField.ID_NUMBER),
        ("phone", normalise_phone, MatchField.PHONE),
        ("name", normalise_name, MatchField.NAME),
    ):
        listed = normalise(getattr(entry, field_name))
        shown = normalise(getattr(person, field_name))
        if listed and shown:
            return kind if listed == shown else None
    return None


def match(
    entries: Iterable[WatchlistEntry],
    person_check: PersonCheck | None,
    plate: str = "",
    *,
    at: datetime | None = None,
) -> list[WatchlistHit]:
    """Every entry that names this person (or this plate), in the entries' order, one hit per entry.

    With ``at``, entries not active at that time are left out (storage already returns active entries
    only). ``person_check`` may be None to check a plate alone.
    """
    wanted_plate = normalise_plate(plate)
    hits: list[WatchlistHit] = []
    for entry in entries:
        if at is not None and not is_active(entry, at):
            continue
        hit: MatchField | None = None
        if person_check is not None and entry.kind in _PERSON_KINDS:
            hit = _person_match(entry, person_check)
        if hit is None and wanted_plate and normalise_plate(entry.plate) == wanted_plate:
            hit = MatchField.PLATE
        if hit is not None:
            hits.append(WatchlistHit(entry, hit))
    return hits
