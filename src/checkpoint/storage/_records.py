"""Rows <-> domain objects, and the exact fields each chained record kind hashes.

Why one module of this length: the hashed field lists are one frozen table that ``verify`` and every writer
read, beside the row conversions that must produce exactly those fields; splitting them would put the two
halves of one contract in different places.

The hashed field lists are frozen: they are part of every stored hash. The same functions build the
fields when a record is written and when ``verify`` re-reads it, so what is checked is exactly what was
stored.

Fields added later (schema 0002: a person check's ``attested_at``, ``flags``, ``pass_id``, ``household``)
enter a person's canonical form **only when they differ from their default** (None, no flags, ""). A
record written before the change has the defaults in the new columns (the migration's server defaults),
so its canonical bytes, and therefore its hash, are exactly what they were: old chains keep verifying
with no chain version. A record with, say, a pass id hashes it, and anyone who later gives an old record
a flag or a pass id (or clears a new record's) changes its canonical bytes and breaks the hash. The
canonical form stays unambiguous because each new field has one default and keeps its own key.

Personal data (ID numbers and phones since schema 0006; names, households, payloads and free text since
0012) enters the hash as ``_sealed`` says: the hashed field lists above stay as they were.
"""

from __future__ import annotations

import enum
import functools
import json
import math
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from checkpoint.domain.records import (
    FINAL_OUTCOMES,
    AuditAction,
    AuditEntry,
    CodeColour,
    CodeKind,
    Direction,
    Gate,
    Itinerary,
    Operator,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    PersonFlag,
    Reason,
    Role,
    Shift,
    SubjectKind,
    Vehicle,
)
from checkpoint.domain.watchlist import WatchlistAction, WatchlistEntry, WatchlistKind
from checkpoint.storage import _sealed as sealed
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind

GATE = "gate"
GATE_PROFILE = "gate_profile"
OPERATOR = "operator"
SHIFT = "shift"
SHIFT_CLOSE = "shift_close"
PASSAGE = "passage"
AUDIT = "audit"
ISSUED_PASS = "issued_pass"
PASS_REVOCATION = "pass_revocation"
WATCHLIST_ENTRY = "watchlist_entry"
WATCHLIST_END = "watchlist_end"
SHIFT_DETAIL = "shift_detail"
SHIFT_RECONCILIATION = "shift_reconciliation"
HOUSEHOLD = "household"
RESIDENT = "resident"
OPERATOR_PIN = "operator_pin"
OPERATOR_STATUS = "operator_status"
OPERATOR_RECOVERY = "operator_recovery"
PURGE = "purge"
PASSAGE_SUMMARY = "passage_summary"
PASSAGE_OVERRIDE = "passage_override"

_COMMON = ("uuid", "station_id", "seq", "recorded_at")

HASHED: dict[str, tuple[str, ...]] = {
    GATE: (*_COMMON, "name", "profile"),
    GATE_PROFILE: (*_COMMON, "gate_id", "profile", "at", "operator_id"),
    OPERATOR: (*_COMMON, "name", "role"),
    SHIFT: (*_COMMON, "gate_id", "leader_id", "opened_at", "label"),
    SHIFT_CLOSE: (*_COMMON, "shift_id", "closed_at"),
    AUDIT: (*_COMMON, "at", "action", "operator_id", "detail"),
    ISSUED_PASS: (*_COMMON, "pass_id", "kind", "summary", "household", "at", "operator_id"),
    PASS_REVOCATION: (*_COMMON, "pass_id", "reason", "at", "operator_id"),
    WATCHLIST_ENTRY: (
        *_COMMON,
        "kind",
        "action",
        "name",
        "id_number",
        "phone",
        "plate",
        "reason",
        "valid_from",
        "valid_until",
        "source",
        "operator_id",
    ),
    WATCHLIST_END: (*_COMMON, "entry_id", "ended_at", "reason", "operator_id"),
    SHIFT_DETAIL: (*_COMMON, "shift_id", "at", "operator_id", "payload"),
    SHIFT_RECONCILIATION: (*_COMMON, "shift_id", "at", "operator_id", "payload"),
    HOUSEHOLD: (
        *_COMMON,
        "code",
        "address",
        "notes",
        "exit_every_days",
        "exits_per_period",
        "source",
        "supersedes",
        "operator_id",
    ),
    RESIDENT: (  # ID number and phone as stored, sealed (see storage.residents): verify needs no key
        *_COMMON,
        "household",
        "name",
        "id_number_sealed",
        "id_number_hmac",
        "id_number_masked",
        "phone_sealed",
        "phone_hmac",
        "phone_masked",
        "relation",
        "residency",
        "status",
        "status_from",
        "status_until",
        "source",
        "supersedes",
        "operator_id",
    ),
    OPERATOR_PIN: (*_COMMON, "operator_id", "pin_hash", "at", "set_by"),  # since 0004
    OPERATOR_STATUS: (*_COMMON, "operator_id", "enabled", "at", "set_by"),  # since 0004
    OPERATOR_RECOVERY: (*_COMMON, "operator_id", "code_hash", "at", "set_by"),  # since 0011
    PURGE: (*_COMMON, "before", "first_at", "last_at", "passages", "last_hash", "at", "operator_id"),
    PASSAGE_SUMMARY: (*_COMMON, "purge_uuid", "gate_id", "shift_id", "hour", "counts"),
    PASSAGE_OVERRIDE: (
        *_COMMON,
        "passage_uuid",
        "at",
        "operator_id",
        "proposed",
        "chosen",
        "reason",
        "detail",
    ),
    PASSAGE: (
        *_COMMON,
        "at",
        "direction",
        "subject",
        "outcome",
        "gate_id",
        "operator_id",
        "shift_id",
        "rules_version",
        "note",
        "corrects",
        "correction_reason",
    ),
}
PERSON_HASHED = (
    "position",
    "name",
    "id_number",
    "phone",
    "code_text",
    "code_kind",
    "code_colour",
    "itinerary",
    "test_age_days",
    "temperature",
    "is_driver",
)
VEHICLE_HASHED = ("plate", "kind", "origin", "destination")
PERSON_HASHED_UNLESS_DEFAULT = ("attested_at", "pass_id", "household")  # since 0002; and "flags"

Row = Mapping[Any, Any]  # a RowMapping or a dict of column values
_E = TypeVar("_E", bound=enum.Enum)
assert set(sealed.SEALED_TEXT) <= {*HASHED, sealed.PERSON}


def record_fields(kind: str, row: Row) -> dict[str, object]:
    """The hashed fields of a record of ``kind`` (sealed text as the module docstring says)."""
    fields = {name: row[name] for name in HASHED[kind]}
    if kind in sealed.SEALED_TEXT and row["pii_form"] >= sealed.PII_TEXT_FORM:
        fields.update(sealed.text_canonical(kind, row))
    return fields


def watchlist_fields(row: Row) -> dict[str, object]:
    """The hashed fields of a watchlist entry (personal data as the module docstring says)."""
    fields = record_fields(WATCHLIST_ENTRY, row)
    fields.update(sealed.pii_canonical(row))
    return fields


def passage_fields(row: Row, persons: Sequence[Row], vehicle: Row | None) -> dict[str, object]:
    """The hashed fields of a passage, including its person checks (in order) and its vehicle."""
    fields = record_fields(PASSAGE, row)
    fields["reasons"] = json.loads(row["reasons"])
    fields["persons"] = [_person_fields(p) for p in persons]
    fields["vehicle"] = None if vehicle is None else {name: vehicle[name] for name in VEHICLE_HASHED}
    return fields


def purge_fields(row: Row, gaps: Sequence[Row]) -> dict[str, object]:
    """The hashed fields of a purge, including the seq runs it removed (by first seq): editing, adding or
    dropping a gap row breaks the purge's hash, so a gap is accepted only as the purge recorded it."""
    fields: dict[str, object] = {name: row[name] for name in HASHED[PURGE]}
    ordered = sorted(gaps, key=lambda g: g["first_seq"])
    fields["gaps"] = [[g["first_seq"], g["last_seq"], g["prev_hash"], g["hash"]] for g in ordered]
    return fields


def _person_fields(p: Row) -> dict[str, object]:
    fields: dict[str, object] = {name: p[name] for name in PERSON_HASHED}
    fields.update(sealed.pii_canonical(p))
    fields["verified"] = json.loads(p["verified"])
    sealed_text = sealed.text_canonical(sealed.PERSON, p) if p["pii_form"] >= sealed.PII_TEXT_FORM else {}
    fields.update({name: value for name, value in sealed_text.items() if name in PERSON_HASHED})
    for name in PERSON_HASHED_UNLESS_DEFAULT:  # see the module docstring
        value = sealed_text.get(name, p[name])
        if value:
            fields[name] = value
    flags = json.loads(p["flags"])
    if flags != []:
        fields["flags"] = flags
    return fields


# --- drafts -> rows (validated) ---------------------------------------------------------------------


def utc(value: datetime, what: str) -> datetime:
    """``value`` in UTC; refuses naive datetimes."""
    require_aware(value, what)
    return value.astimezone(UTC)


def require_aware(value: datetime, what: str) -> None:
    if not isinstance(value, datetime):
        raise InvalidRecordError(f"{what} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidRecordError(f"{what} must be timezone-aware, got {value!r}")


def as_enum(kind: type[Any], value: object, what: str) -> Any:
    try:
        return kind(value)
    except ValueError as exc:
        raise InvalidRecordError(f"{what}: {value!r} is not a {kind.__name__}") from exc


def as_text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidRecordError(f"{what} must be text, got {type(value).__name__}")
    return value


def passage_rows(draft: PassageDraft) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]:
    """The passage, person-check and vehicle rows for a draft, without station, seq and hashes yet.

    Raises :class:`InvalidRecordError` for anything the records do not allow; references (gate, operator,
    shift, corrected passage) are checked by the caller against the database.
    """
    require_aware(draft.at, "passage time")
    outcome = as_enum(Outcome, draft.outcome, "outcome")
    if outcome not in FINAL_OUTCOMES:
        raise InvalidRecordError(f"a recorded passage needs a final outcome, not {outcome.value!r}")
    subject = as_enum(SubjectKind, draft.subject, "subject")
    if subject is SubjectKind.VEHICLE and draft.vehicle is None:
        raise InvalidRecordError("a vehicle passage needs its vehicle")
    if subject is SubjectKind.PEDESTRIAN and draft.vehicle is not None:
        raise InvalidRecordError("a pedestrian passage has no vehicle")
    if draft.corrects is None and draft.correction_reason:
        raise InvalidRecordError("a correction reason without the passage it corrects")
    if draft.corrects is not None:
        if not draft.correction_reason.strip():
            raise InvalidRecordError("a correction needs its reason")
        if draft.corrects == draft.uuid:
            raise InvalidRecordError("a passage cannot correct itself")
    reasons = [as_enum(Reason, r, "reason").value for r in draft.reasons]
    row: dict[str, Any] = {
        "uuid": draft.uuid,
        "at": draft.at.astimezone(UTC),
        "direction": as_enum(Direction, draft.direction, "direction").value,
        "subject": subject.value,
        "outcome": outcome.value,
        "gate_id": draft.gate_id,
        "operator_id": draft.operator_id,
        "shift_id": draft.shift_id,
        "reasons": json.dumps(reasons),
        "rules_version": as_text(draft.rules_version, "rules version"),
        "note": as_text(draft.note, "note"),
        "corrects": draft.corrects,
        "correction_reason": as_text(draft.correction_reason, "correction reason"),
    }
    persons = [_person_row(draft.uuid, i, p) for i, p in enumerate(draft.persons)]
    vehicle = None if draft.vehicle is None else _vehicle_row(draft.uuid, draft.vehicle)
    return row, persons, vehicle


def _person_row(passage_uuid: uuid.UUID, position: int, p: PersonCheck) -> dict[str, Any]:
    what = f"person {position + 1}"
    temperature: float | None = None
    if p.temperature is not None:
        if isinstance(p.temperature, bool) or not isinstance(p.temperature, int | float):
            raise InvalidRecordError(f"{what}: temperature must be a number")
        temperature = float(p.temperature)
        if not math.isfinite(temperature):
            raise InvalidRecordError(f"{what}: temperature must be finite")
    if p.test_age_days is not None and (
        isinstance(p.test_age_days, bool) or not isinstance(p.test_age_days, int) or p.test_age_days < 0
    ):
        raise InvalidRecordError(f"{what}: test age must be a whole number of days, 0 or more")
    verified = [as_text(v, f"{what}: verified fact") for v in p.verified]
    flags = [as_enum(PersonFlag, f, f"{what}: flag").value for f in p.flags]
    if len(set(flags)) != len(flags):
        raise InvalidRecordError(f"{what}: a flag is given twice")
    attested_at = None if p.attested_at is None else utc(p.attested_at, f"{what}: attestation time")
    return {
        "passage_uuid": passage_uuid,
        "position": position,
        "name": as_text(p.name, f"{what}: name"),
        "id_number": as_text(p.id_number, f"{what}: ID number"),
        "phone": as_text(p.phone, f"{what}: phone"),
        "code_text": as_text(p.code_text, f"{what}: code text"),
        "code_kind": as_enum(CodeKind, p.code_kind, f"{what}: code kind").value,
        "code_colour": as_enum(CodeColour, p.code_colour, f"{what}: code colour").value,
        "itinerary": as_enum(Itinerary, p.itinerary, f"{what}: itinerary").value,
        "test_age_days": p.test_age_days,
        "temperature": temperature,
        "verified": json.dumps(verified, ensure_ascii=False),
        "is_driver": bool(p.is_driver),
        "attested_at": attested_at,
        "flags": json.dumps(flags),
        "pass_id": as_text(p.pass_id, f"{what}: pass id").strip(),
        "household": as_text(p.household, f"{what}: household").strip(),
    }


def _vehicle_row(passage_uuid: uuid.UUID, v: Vehicle) -> dict[str, Any]:
    return {
        "passage_uuid": passage_uuid,
        "plate": as_text(v.plate, "plate").strip(),
        "kind": as_text(v.kind, "vehicle kind"),
        "origin": as_text(v.origin, "origin"),
        "destination": as_text(v.destination, "destination"),
    }


# --- rows -> domain ---------------------------------------------------------------------------------


def _corrupt(what: str, exc: Exception) -> StorageError:
    return StorageError(StorageErrorKind.CORRUPT, f"unreadable {what}: {type(exc).__name__}: {exc}")


def to_gate(row: Row, profile: str | None = None) -> Gate:
    """The gate of a gate row; ``profile`` is its latest ``gate_profile`` record's, if it has one."""
    return Gate(
        id=row["uuid"],
        station_id=row["station_id"],
        name=row["name"],
        profile=row["profile"] if profile is None else profile,
    )


def to_operator(row: Row) -> Operator:
    try:
        return Operator(id=row["uuid"], name=row["name"], role=Role(row["role"]))
    except ValueError as exc:
        raise _corrupt("operator", exc) from exc


def to_shift(row: Row, closed_at: datetime | None) -> Shift:
    return Shift(
        id=row["uuid"],
        gate_id=row["gate_id"],
        leader_id=row["leader_id"],
        opened_at=row["opened_at"],
        closed_at=closed_at,
        label=row["label"],
    )


def to_audit(row: Row) -> AuditEntry:
    try:
        action = AuditAction(row["action"])
    except ValueError as exc:
        raise _corrupt("audit entry", exc) from exc
    return AuditEntry(
        uuid=row["uuid"],
        station_id=row["station_id"],
        seq=row["seq"],
        at=row["at"],
        action=action,
        operator_id=row["operator_id"],
        detail=row["detail"],
        hash=row["hash"],
    )


def to_passage(row: Row, persons: Sequence[PersonCheck], vehicle: Row | None) -> Passage:
    """A stored passage with its person checks (``to_person``) and its vehicle row."""
    try:
        return Passage(
            uuid=row["uuid"],
            station_id=row["station_id"],
            seq=row["seq"],
            at=row["at"],
            direction=_member(Direction, row["direction"]),
            subject=_member(SubjectKind, row["subject"]),
            outcome=_member(Outcome, row["outcome"]),
            gate_id=row["gate_id"],
            operator_id=row["operator_id"],
            shift_id=row["shift_id"],
            reasons=_reasons(row["reasons"]),
            rules_version=row["rules_version"],
            persons=tuple(persons),
            vehicle=None if vehicle is None else _to_vehicle(vehicle),
            note=row["note"],
            corrects=row["corrects"],
            correction_reason=row["correction_reason"],
            recorded_at=row["recorded_at"],
            hash=row["hash"],
        )
    except (ValueError, TypeError) as exc:
        raise _corrupt(f"passage {row['uuid']}", exc) from exc


@functools.cache
def _member(kind: type[_E], value: Any) -> _E:
    """``kind(value)`` for a stored enum value, remembered (reading a long log converts millions); an
    unknown value raises ValueError like ``kind(value)`` and is not remembered."""
    return kind(value)


# Reasons, flags and verified credentials are short JSON lists that repeat on nearly every row: reading
# a long log parses each distinct list once (a malformed one raises, and is not remembered).
@functools.lru_cache(maxsize=4096)
def _json_tuple(text: str) -> tuple[Any, ...]:
    return tuple(json.loads(text))


@functools.lru_cache(maxsize=4096)
def _reasons(text: str) -> tuple[Reason, ...]:
    return tuple(Reason(r) for r in json.loads(text))


@functools.lru_cache(maxsize=4096)
def _flags(text: str) -> tuple[PersonFlag, ...]:
    return tuple(PersonFlag(f) for f in json.loads(text))


def to_person(p: Row, id_number: str, phone: str) -> PersonCheck:
    """A stored person check, with its ID number and phone as given (opened or masked)."""
    try:
        return PersonCheck(
            name=p["name"],
            id_number=id_number,
            phone=phone,
            code_text=p["code_text"],
            code_kind=_member(CodeKind, p["code_kind"]),
            code_colour=_member(CodeColour, p["code_colour"]),
            itinerary=_member(Itinerary, p["itinerary"]),
            test_age_days=p["test_age_days"],
            temperature=p["temperature"],
            verified=_json_tuple(p["verified"]),
            is_driver=bool(p["is_driver"]),
            attested_at=p["attested_at"],
            flags=_flags(p["flags"]),
            pass_id=p["pass_id"],
            household=p["household"],
        )
    except (ValueError, TypeError) as exc:
        raise _corrupt(f"person check {p['passage_uuid']}/{p['position']}", exc) from exc


def _to_vehicle(v: Row) -> Vehicle:
    return Vehicle(plate=v["plate"], kind=v["kind"], origin=v["origin"], destination=v["destination"])


def watchlist_row(entry: WatchlistEntry) -> dict[str, Any]:
    """The stored columns of a watchlist entry (without chain columns); ``uuid`` is the entry's id."""
    if not isinstance(entry, WatchlistEntry):
        raise InvalidRecordError(f"not a watchlist entry: {type(entry).__name__}")
    return {
        "uuid": entry.id,
        "kind": as_enum(WatchlistKind, entry.kind, "watchlist kind").value,
        "action": as_enum(WatchlistAction, entry.action, "watchlist action").value,
        "name": entry.name.strip(),
        "id_number": entry.id_number.strip(),
        "phone": entry.phone.strip(),
        "plate": entry.plate.strip(),
        "reason": entry.reason,
        "valid_from": None if entry.valid_from is None else utc(entry.valid_from, "valid from"),
        "valid_until": None if entry.valid_until is None else utc(entry.valid_until, "valid until"),
        "source": entry.source,
    }


def to_watchlist_entry(row: Row) -> WatchlistEntry:
    try:
        return WatchlistEntry(
            id=row["uuid"],
            kind=WatchlistKind(row["kind"]),
            action=WatchlistAction(row["action"]),
            name=row["name"],
            id_number=row["id_number"],
            phone=row["phone"],
            plate=row["plate"],
            reason=row["reason"],
            valid_from=row["valid_from"],
            valid_until=row["valid_until"],
            source=row["source"],
        )
    except (ValueError, TypeError) as exc:
        raise _corrupt(f"watchlist entry {row['uuid']}", exc) from exc
