"""The residents registry (住户登记): households and their members, and what the gate learns from it.

A **household** is one flat, named by its building-unit-room code (``3-2-501``), with an address, notes and
optionally its own exit quota (``exits_per_period`` exits every ``exit_every_days`` days; none: the exit
slip's and the profile's apply). A **member** belongs to one household: name, ID number, phone, relation
to the head of the household (free text: 户主, 配偶, 子女...), resident or tenant, and a status (normal,
home-quarantined, no-exit) with optional dates.

Records are frozen and append-only. A change is a new version of the member (or household) that
supersedes the one before; storage keeps every version and the registry is the set of versions nobody
superseded. A member is known by their ID number (normal form), a household by its code (normal form).

Pure and Qt-free: :func:`plan_import` compares what a file says with the registry and says, row by row,
what an import would add, change or leave as it is; :class:`ResidentMatch` is what a look-up at the gate
found (the member, their household, the effective status, the household's exits in its quota window).
"""

from __future__ import annotations

import enum
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime

from checkpoint.domain.validators import normalise_id_number
from checkpoint.domain.watchlist import normalise_name

__all__ = [
    "Household",
    "ImportAction",
    "ImportedRow",
    "Member",
    "PlannedRow",
    "RegistryPlan",
    "Residency",
    "ResidentMatch",
    "ResidentStatus",
    "household_code",
    "lookup",
    "plan_import",
]

MAX_QUOTA_DAYS = 366
MAX_QUOTA_EXITS = 99


class ResidentStatus(enum.StrEnum):
    """A member's standing at the gate. Stable words: the records and the rules use them."""

    NORMAL = "normal"
    HOME_QUARANTINED = "home_quarantined"  # 居家隔离: must not leave
    NO_EXIT = "no_exit"  # 禁止外出 (e.g. a sealed building): must not leave
    MOVED_OUT = "moved_out"  # 已迁出: no longer lives here (from status_from); checked as a visitor


class Residency(enum.StrEnum):
    RESIDENT = "resident"  # 常住 / 户籍 / 业主
    TENANT = "tenant"  # 租户


RESTRICTED = frozenset({ResidentStatus.HOME_QUARANTINED, ResidentStatus.NO_EXIT})

_CODE_SEPARATORS = re.compile(r"号楼|栋|幢|座|楼|单元|室|号|[-/_.·\s]+")
_CODE_PART = re.compile(r"[0-9A-Z]{1,8}\Z")


def household_code(text: str) -> str:
    """The normal form of a household code (``3-2-501``), or "" when ``text`` is not one.

    Accepts what people type: ``3-2-501``, ``3栋2单元501``, ``3号楼2单元501室``, ``3/2/501``, full-width
    forms, lower-case letters (``a-1-101`` is ``A-1-101``). Two to four parts of 1-8 letters or digits.
    """
    folded = unicodedata.normalize("NFKC", text).strip().upper()
    parts = [part for part in _CODE_SEPARATORS.split(folded) if part]
    if not 2 <= len(parts) <= 4 or not all(_CODE_PART.match(part) for part in parts):
        return ""
    return "-".join(parts)


@dataclass(frozen=True, slots=True)
class Household:
    """One version of a household. ``id`` is this version's record id; ``supersedes`` the one before."""

    code: str
    address: str = ""
    notes: str = ""
    exit_every_days: int | None = None  # None: no quota of its own
    exits_per_period: int = 1
    source: str = ""
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    supersedes: uuid.UUID | None = None

    def __post_init__(self) -> None:
        if household_code(self.code) != self.code:
            raise ValueError(f"household: not a household code in normal form: {self.code!r}")
        for name in ("address", "notes", "source"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"household: {name} must be text")
        days = self.exit_every_days
        if days is not None and (isinstance(days, bool) or not 1 <= days <= MAX_QUOTA_DAYS):
            raise ValueError(f"household: exit_every_days must be 1..{MAX_QUOTA_DAYS} or None")
        exits = self.exits_per_period
        if isinstance(exits, bool) or not isinstance(exits, int) or not 1 <= exits <= MAX_QUOTA_EXITS:
            raise ValueError(f"household: exits_per_period must be 1..{MAX_QUOTA_EXITS}")

    @property
    def has_quota(self) -> bool:
        return self.exit_every_days is not None

    def same_content(self, other: Household) -> bool:
        """Equal apart from record id, source and what it supersedes."""
        return _content(self) == _content(other)


@dataclass(frozen=True, slots=True)
class Member:
    """One version of a member. ``status_from``/``status_until`` bound the status (exclusive end)."""

    household: str
    name: str
    id_number: str
    phone: str = ""
    relation: str = ""
    residency: Residency = Residency.RESIDENT
    status: ResidentStatus = ResidentStatus.NORMAL
    status_from: datetime | None = None
    status_until: datetime | None = None
    source: str = ""
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    supersedes: uuid.UUID | None = None

    def __post_init__(self) -> None:
        try:
            Residency(self.residency)
            ResidentStatus(self.status)
        except ValueError as exc:
            raise ValueError(f"member: {exc}") from exc
        if household_code(self.household) != self.household:
            raise ValueError(f"member: not a household code in normal form: {self.household!r}")
        for name in ("name", "id_number", "phone", "relation", "source"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"member: {name} must be text")
        if not normalise_name(self.name):
            raise ValueError("member: a member needs a name")
        if not normalise_id_number(self.id_number):
            raise ValueError("member: a member needs an ID number")
        for name in ("status_from", "status_until"):
            value = getattr(self, name)
            if value is not None and (
                not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None
            ):
                raise ValueError(f"member: {name} must be a timezone-aware datetime or None")
        if (
            self.status_from is not None
            and self.status_until is not None
            and self.status_until <= self.status_from
        ):
            raise ValueError("member: status_until must be after status_from")

    @property
    def key(self) -> str:
        """Who this member is across versions: the ID number in normal form."""
        return normalise_id_number(self.id_number)

    def status_at(self, at: datetime) -> ResidentStatus:
        """The status in force at ``at``: outside its dates a member is NORMAL."""
        if self.status_from is not None and at < self.status_from:
            return ResidentStatus.NORMAL
        if self.status_until is not None and at >= self.status_until:
            return ResidentStatus.NORMAL
        return ResidentStatus(self.status)

    def same_content(self, other: Member) -> bool:
        return _content(self) == _content(other)


def _content(record: Household | Member) -> tuple[object, ...]:
    skip = ("id", "supersedes", "source")
    return tuple(getattr(record, f.name) for f in fields(record) if f.name not in skip)


# -- import planning -----------------------------------------------------------------------------------


class ImportAction(enum.StrEnum):
    """What importing a row does (or did) to the registry."""

    NEW = "new"  # a member not registered before
    UPDATED = "updated"  # a new version supersedes the registered one
    UNCHANGED = "unchanged"  # the registry already says exactly this: nothing is written


@dataclass(frozen=True, slots=True)
class PlannedRow:
    line: int
    action: ImportAction
    member: Member  # as it will be stored (for UNCHANGED: as registered)


@dataclass(frozen=True, slots=True)
class RegistryPlan:
    """What an import writes: new versions of households and members, row by row."""

    rows: tuple[PlannedRow, ...] = ()
    households: tuple[Household, ...] = ()  # new or superseding versions to store
    conflicts: tuple[tuple[int, Member, Member], ...] = ()  # (line, row, registered): ID under another name

    @property
    def members(self) -> tuple[Member, ...]:
        """The member versions to store."""
        return tuple(row.member for row in self.rows if row.action is not ImportAction.UNCHANGED)

    def count(self, action: ImportAction) -> int:
        return sum(1 for row in self.rows if row.action is action)


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """A valid row of a file: the member and the household details it gives ("" / None: not given)."""

    line: int
    member: Member
    address: str = ""
    notes: str = ""
    exit_every_days: int | None = None
    exits_per_period: int | None = None
    given: frozenset[str] = frozenset()  # the member fields whose column the file has and the row fills


def _merged_household(registered: Household | None, code: str, rows: Sequence[ImportedRow]) -> Household:
    base = registered or Household(code=code)
    changes: dict[str, object] = {}
    for row in rows:
        if row.address:
            changes["address"] = row.address
        if row.notes:
            changes["notes"] = row.notes
        if row.exit_every_days is not None:
            changes["exit_every_days"] = row.exit_every_days
            changes["exits_per_period"] = row.exits_per_period or 1
    return replace(base, **changes)  # type: ignore[arg-type]


def _merged_member(registered: Member | None, row: ImportedRow) -> Member:
    """The file's values where the row gives them, the registry's where it does not."""
    if registered is None:
        return row.member
    changes = {name: getattr(row.member, name) for name in row.given}
    if "status" in row.given:  # a status comes with its own dates (none given: open-ended)
        changes["status_from"] = row.member.status_from
        changes["status_until"] = row.member.status_until
    changes["household"] = row.member.household
    changes["name"] = row.member.name
    return replace(registered, **changes)


def plan_import(
    rows: Sequence[ImportedRow],
    households: Iterable[Household],
    members: Iterable[Member],
    *,
    source: str = "",
) -> RegistryPlan:
    """Compares the file's valid rows with the registry (the current versions) and plans the versions to
    store. A row whose ID number is registered under another name is a conflict (not imported: most
    likely a mistyped ID number); every other row is NEW, UPDATED (superseding the registered version) or
    UNCHANGED. Households are stored when new or when the file changes their details."""
    by_code = {h.code: h for h in households}
    by_key = {m.key: m for m in members}
    planned: list[PlannedRow] = []
    conflicts: list[tuple[int, Member, Member]] = []
    rows_by_household: dict[str, list[ImportedRow]] = {}
    for row in rows:
        registered = by_key.get(row.member.key)
        if registered is not None and normalise_name(registered.name) != normalise_name(row.member.name):
            conflicts.append((row.line, row.member, registered))
            continue
        rows_by_household.setdefault(row.member.household, []).append(row)
        merged = _merged_member(registered, row)
        if registered is None:
            planned.append(PlannedRow(row.line, ImportAction.NEW, replace(merged, source=source)))
        elif merged.same_content(registered):
            planned.append(PlannedRow(row.line, ImportAction.UNCHANGED, registered))
        else:
            version = replace(merged, id=uuid.uuid4(), supersedes=registered.id, source=source)
            planned.append(PlannedRow(row.line, ImportAction.UPDATED, version))
    stored: list[Household] = []
    for code, household_rows in rows_by_household.items():
        registered_household = by_code.get(code)
        merged_household = _merged_household(registered_household, code, household_rows)
        if registered_household is None:
            stored.append(replace(merged_household, source=source))
        elif not merged_household.same_content(registered_household):
            stored.append(
                replace(merged_household, id=uuid.uuid4(), supersedes=registered_household.id, source=source)
            )
    return RegistryPlan(tuple(planned), tuple(stored), tuple(conflicts))


# -- the gate's look-up --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResidentMatch:
    """What the registry says about a person at the gate.

    ``member`` is None when nobody matched; ``claimed_household`` is the household the person's pass (or a
    visitor's host) names, in normal form when it is one. ``registry_in_use`` is False while no household
    is registered at all: then nothing is "unknown". ``exits_in_window`` counts the household's exits in
    its own quota window (only looked up when it has a quota).
    """

    member: Member | None = None
    household: Household | None = None
    claimed_household: str = ""
    registry_in_use: bool = False
    status: ResidentStatus = ResidentStatus.NORMAL
    exits_in_window: int = 0

    @property
    def known(self) -> bool:
        """A member who lives here now (one who has moved out is listed, but no longer known)."""
        return self.member is not None and self.status is not ResidentStatus.MOVED_OUT

    @property
    def moved_out(self) -> bool:
        return self.member is not None and self.status is ResidentStatus.MOVED_OUT

    @property
    def household_unknown(self) -> bool:
        """A household was claimed that the registry (in use) does not list."""
        return self.registry_in_use and bool(self.claimed_household) and self.household is None

    @property
    def restricted(self) -> bool:
        """The member must not leave (home quarantine or no-exit, in force now)."""
        return self.member is not None and self.status in RESTRICTED

    @property
    def quota_days(self) -> int:
        household = self.household
        return household.exit_every_days or 0 if household is not None else 0

    @property
    def quota_exceeded(self) -> bool:
        """The member's household used up its own exit quota (only for a known member)."""
        household = self.household
        if not self.known or household is None or not household.has_quota:
            return False
        return self.exits_in_window >= household.exits_per_period


def lookup(
    find_by_id: Callable[[str], Member | None],
    members_by_household: Mapping[str, Sequence[Member]],
    households: Mapping[str, Household],
    *,
    id_number: str = "",
    name: str = "",
    household: str = "",
    at: datetime,
) -> ResidentMatch:
    """Finds a member by ID number (``find_by_id``: the registry's one search by ID), else by household
    and name (a pass carries those). ``household`` is the code the person claims; a member found by ID
    number brings their own household."""
    claimed = household_code(household) if household.strip() else ""
    if household.strip() and not claimed:
        claimed = unicodedata.normalize("NFKC", household).strip()  # not a code at all: surely unknown
    member: Member | None = None
    if normalise_id_number(id_number):
        member = find_by_id(id_number)
    wanted = normalise_name(name)
    if member is None and claimed and wanted:
        member = next(
            (m for m in members_by_household.get(claimed, ()) if normalise_name(m.name) == wanted), None
        )
    home = member.household if member is not None else claimed
    return ResidentMatch(
        member=member,
        household=households.get(home) if home else None,
        claimed_household=claimed,
        registry_in_use=bool(households),
        status=member.status_at(at) if member is not None else ResidentStatus.NORMAL,
    )
