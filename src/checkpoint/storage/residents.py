"""The residents registry on disk: households and members, append-only and chained (schema 0009).

A change is a new version that names the one it replaces (``supersedes``); nothing is updated or
deleted, so the registry as it was on any day can be told from the records, and ``db verify`` checks them
with the rest of the chain. The registry is the set of versions nobody superseded.

Personal data passes through :func:`resident_row` and :func:`household_row` (-> stored columns),
:func:`to_resident` and :func:`to_household` (stored columns ->) and :meth:`ResidentManager.id_search_key`
(an ID number -> what every search by ID number compares). A member's ID number and phone are stored like a
person check's (``storage/pii.py``): **sealed** under the database's data key, bound to the version's uuid
and the field (a ciphertext moved to another row or column does not open); as a **keyed hash**
(``id_number_hmac``, indexed: look-ups and duplicate detection compare it, and it equals a person check's
hash of the same number); and **masked** for display. The chain hashes these stored columns
(``_records.HASHED``), so ``db verify`` needs no key and an edited ciphertext, hash or mask breaks the
chain. Since 0012 a member's name and household and a household's code, address and notes are sealed too
(``_records.SEALED_TEXT``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from checkpoint.domain.records import AuditAction
from checkpoint.domain.residents import (
    Household,
    ImportAction,
    ImportedRow,
    Member,
    RegistryPlan,
    Residency,
    ResidentStatus,
    plan_import,
)
from checkpoint.domain.validators import normalise_id_number
from checkpoint.storage import _records as rec
from checkpoint.storage import _sealed as sealed
from checkpoint.storage._models import household_t, resident_t
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind
from checkpoint.storage.pii import PiiCipher, PiiError, PiiKind, mask

if TYPE_CHECKING:
    from checkpoint.storage.database import Database

__all__ = [
    "KeyedRegistry",
    "ResidentManager",
    "household_row",
    "resident_row",
    "to_household",
    "to_resident",
]


Row = Mapping[Any, Any]


# -- the three functions personal data passes through ------------------------------------------------


def _sealed_columns(cipher: PiiCipher, row_id: uuid.UUID, field: PiiKind, value: str) -> dict[str, str]:
    return {
        f"{field.value}_sealed": cipher.seal(value, row_id, field.value),
        f"{field.value}_hmac": cipher.keyed_hash(field, value),
        f"{field.value}_masked": mask(field, value) if value else "",
    }


def resident_row(member: Member, cipher: PiiCipher) -> dict[str, Any]:
    """The stored columns of a member version (without chain columns); ``uuid`` is the version's id. The
    ID number (normal form) and phone are sealed to that uuid, hashed and masked; no plain copy is kept."""
    if not isinstance(member, Member):
        raise InvalidRecordError(f"not a registry member: {type(member).__name__}")
    id_number = normalise_id_number(member.id_number)
    row = {
        "uuid": member.id,
        "household": member.household,
        "name": member.name,
        **_sealed_columns(cipher, member.id, PiiKind.ID_NUMBER, id_number),
        **_sealed_columns(cipher, member.id, PiiKind.PHONE, member.phone.strip()),
        "relation": member.relation,
        "residency": rec.as_enum(Residency, member.residency, "residency").value,
        "status": rec.as_enum(ResidentStatus, member.status, "resident status").value,
        "status_from": None if member.status_from is None else rec.utc(member.status_from, "status from"),
        "status_until": None if member.status_until is None else rec.utc(member.status_until, "status until"),
        "source": member.source,
        "supersedes": member.supersedes,
    }
    sealed.seal_text(rec.RESIDENT, row, cipher, member.id)  # name and household too (since 0012)
    return row


def to_resident(stored: Row, cipher: PiiCipher) -> Member:
    """The member version of a stored row, its ID number and phone opened; a value that does not open
    (edited, moved from another row, another key) is a corrupt-storage error naming the row, not the
    value."""
    row = sealed.open_text(rec.RESIDENT, stored, cipher, stored["uuid"])
    try:
        id_number, phone = (
            cipher.open(row[f"{field}_sealed"], row["uuid"], field) for field in sealed.PII_FIELDS
        )
    except PiiError as exc:
        raise StorageError(StorageErrorKind.CORRUPT, f"personal data that does not open: {exc}") from exc
    try:
        return Member(
            id=row["uuid"],
            household=row["household"],
            name=row["name"],
            id_number=id_number,
            phone=phone,
            relation=row["relation"],
            residency=Residency(row["residency"]),
            status=ResidentStatus(row["status"]),
            status_from=row["status_from"],
            status_until=row["status_until"],
            source=row["source"],
            supersedes=row["supersedes"],
        )
    except (ValueError, TypeError) as exc:
        raise StorageError(StorageErrorKind.CORRUPT, f"unreadable resident {row['uuid']}: {exc}") from exc


# -- households ------------------------------------------------------------------------------------------


def household_row(household: Household, cipher: PiiCipher) -> dict[str, Any]:
    """The stored columns of a household version: code, address and notes sealed (since 0012), the code
    also as a keyed hash."""
    if not isinstance(household, Household):
        raise InvalidRecordError(f"not a household: {type(household).__name__}")
    row = {
        "uuid": household.id,
        "code": household.code,
        "address": household.address,
        "notes": household.notes,
        "exit_every_days": household.exit_every_days,
        "exits_per_period": household.exits_per_period,
        "source": household.source,
        "supersedes": household.supersedes,
    }
    sealed.seal_text(rec.HOUSEHOLD, row, cipher, household.id)
    return row


def to_household(stored: Row, cipher: PiiCipher) -> Household:
    row = sealed.open_text(rec.HOUSEHOLD, stored, cipher, stored["uuid"])
    try:
        return Household(
            id=row["uuid"],
            code=row["code"],
            address=row["address"],
            notes=row["notes"],
            exit_every_days=row["exit_every_days"],
            exits_per_period=row["exits_per_period"],
            source=row["source"],
            supersedes=row["supersedes"],
        )
    except (ValueError, TypeError) as exc:
        raise StorageError(StorageErrorKind.CORRUPT, f"unreadable household {row['uuid']}: {exc}") from exc


# -- reading helpers ---------------------------------------------------------------------------------


def _current(table: Table) -> Any:
    """The versions nobody superseded, in the order they were written."""
    replaced = select(table.c.supersedes).where(table.c.supersedes.is_not(None))
    return select(table).where(table.c.uuid.not_in(replaced)).order_by(table.c.recorded_at, table.c.seq)


def _version(session: Session) -> tuple[int, int]:
    households = session.execute(select(func.max(household_t.c.id))).scalar_one_or_none()
    members = session.execute(select(func.max(resident_t.c.id))).scalar_one_or_none()
    return households or 0, members or 0


class KeyedRegistry(NamedTuple):
    """The registry as one read transaction saw it: its version (``ResidentManager.registry_version``), the
    current households, and the current members each with their stored ID-number search key
    (``id_number_hmac``)."""

    version: tuple[int, int]
    households: list[Household]
    members: list[tuple[str, Member]]


class ResidentManager:
    """The residents registry: households and members (``db.residents``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def id_search_key(self, id_number: str) -> str:
        """What a search by ID number compares: the keyed hash of its normal form (``id_number_hmac``); ""
        for no ID number. The same number however typed (case, spaces, separators, full-width digits) gives
        the same key; without the data key nobody can compute it."""
        return self._db.pii.keyed_hash(PiiKind.ID_NUMBER, normalise_id_number(id_number))

    def _households(self, session: Session) -> list[Household]:
        return [to_household(row, self._db.pii) for row in session.execute(_current(household_t)).mappings()]

    def registry(self) -> tuple[list[Household], list[Member]]:
        """The current households and members, read in one transaction."""
        with self._db.reading() as session:
            households = [
                to_household(row, self._db.pii) for row in session.execute(_current(household_t)).mappings()
            ]
            rows = list(session.execute(_current(resident_t)).mappings())
        return households, [to_resident(row, self._db.pii) for row in rows]

    def registry_version(self) -> tuple[int, int]:
        """Changes whenever a household or member version is written (the newest seq of each table): a
        cache compares it instead of reading the whole registry again."""
        with self._db.reading() as session:
            return _version(session)

    def keyed_registry(self) -> KeyedRegistry:
        """The current registry with its version and each member's search key, read in one transaction (so
        the version names exactly what was read). The keys are the stored ones: nothing is hashed again, the
        same as :meth:`id_search_key` gives for the member's ID number (the chain vouches for them)."""
        with self._db.reading() as session:
            version = _version(session)
            households = [
                to_household(row, self._db.pii) for row in session.execute(_current(household_t)).mappings()
            ]
            rows = list(session.execute(_current(resident_t)).mappings())
        members = [(row["id_number_hmac"], to_resident(row, self._db.pii)) for row in rows]
        return KeyedRegistry(version, households, members)

    def current_households(self) -> list[Household]:
        return self.registry()[0]

    def current_members(self) -> list[Member]:
        return self.registry()[1]

    def members_by_id(self, id_number: str) -> list[Member]:
        """The current member(s) with this ID number (the one search by ID number; an index look-up)."""
        key = self.id_search_key(id_number)
        if not key:
            return []
        replaced = select(resident_t.c.supersedes).where(resident_t.c.supersedes.is_not(None))
        query = select(resident_t).where(
            resident_t.c.id_number_hmac == key, resident_t.c.uuid.not_in(replaced)
        )
        with self._db.reading() as session:
            rows = list(session.execute(query).mappings())
        return [to_resident(row, self._db.pii) for row in rows]

    def store_import(
        self,
        rows: Sequence[ImportedRow],
        at: datetime,
        operator_id: uuid.UUID | None,
        source: str = "",
    ) -> RegistryPlan:
        """Plans the import against the registry as it is inside the write transaction (so two imports never
        both supersede one version) and appends the new household and member versions, chained, with an
        audit ``residents_imported`` entry, in one transaction. Returns what was written; a plan with nothing
        to write writes nothing at all."""
        at = rec.utc(at, "import time")
        with self._db.writing() as unit:
            session = unit.session
            self._db.operators.check(session, operator_id)
            households = [
                to_household(row, self._db.pii) for row in session.execute(_current(household_t)).mappings()
            ]
            members = [
                to_resident(row, self._db.pii) for row in session.execute(_current(resident_t)).mappings()
            ]
            plan = plan_import(rows, households, members, source=source)
            if not plan.households and not plan.members:
                return plan
            recorded_at = self._db.now()
            written: dict[str, list[dict[str, Any]]] = {rec.HOUSEHOLD: [], rec.RESIDENT: []}
            for kind, values in (
                *((rec.HOUSEHOLD, household_row(h, self._db.pii)) for h in plan.households),
                *((rec.RESIDENT, resident_row(m, self._db.pii)) for m in plan.members),
            ):
                values["operator_id"] = operator_id
                values["recorded_at"] = recorded_at
                unit.seal(kind, values)
                written[kind].append(values)
            for kind, table in ((rec.HOUSEHOLD, household_t), (rec.RESIDENT, resident_t)):
                if written[kind]:
                    session.execute(insert(table), written[kind])
            detail = (
                f"{plan.count(ImportAction.NEW)} new, {plan.count(ImportAction.UPDATED)} updated members, "
                f"{len(plan.households)} household versions" + (f" from {source}" if source else "")
            )
            self._db.audit.append_in(unit, AuditAction.RESIDENTS_IMPORTED, detail, at, operator_id)
            return plan
