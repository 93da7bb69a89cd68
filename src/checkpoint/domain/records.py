"""The records a station keeps: gates, operators, shifts, passages with person checks and vehicles, audit.

Everything here is a frozen dataclass or an enum. Enums carry stable string values: they are what the
database stores and what exports and JSON print, so never renumber or rename a value. Turning a value into
words for people is the UI's job (one translation table there).

Records are append-only. A correction is a new passage whose ``corrects`` names the old one's uuid, with
who and why in ``correction_reason``; nothing is edited or deleted in place.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class Outcome(enum.StrEnum):
    """What happened to the vehicle or person at the gate."""

    PASS = "pass"  # 放行
    RECHECK = "recheck"  # 复检 (only proposed, never the final outcome of a recorded passage)
    TURN_BACK = "turn_back"  # 劝返
    HOLD = "hold"  # 留观 / 移交


FINAL_OUTCOMES: tuple[Outcome, ...] = (Outcome.PASS, Outcome.TURN_BACK, Outcome.HOLD)


class CodeColour(enum.StrEnum):
    """Health-code colour as the operator attests it (or a verified credential implies)."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"  # not shown / not checked


class Itinerary(enum.StrEnum):
    """Itinerary card (行程卡) as attested: always an attestation, never verified."""

    GREEN = "green"
    STARRED = "starred"
    OTHER = "other"  # another colour (yellow/red card)
    NONE = "none"  # not shown / not checked


class CodeKind(enum.StrEnum):
    """What a decoded payload is. Values are the ``kind`` strings of ``checkpoint scan --json``."""

    DCC = "dcc"
    STATION_PASS = "station-pass"
    HEALTH_CODE = "health-code"
    UNKNOWN = "unknown"


class SubjectKind(enum.StrEnum):
    """One passage is one vehicle (with its occupants) or one pedestrian."""

    VEHICLE = "vehicle"
    PEDESTRIAN = "pedestrian"


class Reason(enum.StrEnum):
    """Why an outcome was reached. Codes only; the UI translates them."""

    ALL_CHECKS_CLEAR = "all_checks_clear"
    OPERATOR_DECISION = "operator_decision"
    CODE_GREEN = "code_green"
    CODE_YELLOW = "code_yellow"
    CODE_RED = "code_red"
    CODE_NOT_SHOWN = "code_not_shown"
    ITINERARY_STARRED = "itinerary_starred"
    ITINERARY_OTHER = "itinerary_other"
    TEST_TOO_OLD = "test_too_old"
    NO_TEST = "no_test"
    FEVER = "fever"
    CORRECTION = "correction"
    # rules as data (domain/rules.py): credentials, passes, the compound's quotas, watchlists
    DCC_INVALID = "dcc_invalid"
    DCC_EXPIRED = "dcc_expired"
    PASS_VALID = "pass_valid"
    PASS_INVALID = "pass_invalid"
    PASS_REVOKED = "pass_revoked"
    PASS_EXPIRED = "pass_expired"
    NO_PASS = "no_pass"
    EXIT_QUOTA_EXCEEDED = "exit_quota_exceeded"
    RETURN_OVERDUE = "return_overdue"
    QUARANTINE_LEAVING = "quarantine_leaving"
    VISITOR_NOT_REGISTERED = "visitor_not_registered"
    VISITOR_WITH_HOST = "visitor_with_host"
    WATCHLIST_BLOCK = "watchlist_block"
    WATCHLIST_NOTIFY = "watchlist_notify"
    MANUAL_ID = "manual_id"
    PLATE_INVALID = "plate_invalid"
    NO_OCCUPANTS = "no_occupants"
    NO_RULE_MATCHED = "no_rule_matched"
    # the residents registry
    RESIDENT_KNOWN = "resident_known"
    RESIDENT_NO_EXIT = "resident_no_exit"
    RESIDENT_MOVED_OUT = "resident_moved_out"
    HOUSEHOLD_UNKNOWN = "household_unknown"


class Role(enum.StrEnum):
    OPERATOR = "operator"
    SHIFT_LEADER = "shift_leader"
    ADMINISTRATOR = "administrator"


class AuditAction(enum.StrEnum):
    """What the audit trail records."""

    DATABASE_CREATED = "database_created"
    SHIFT_OPENED = "shift_opened"
    SHIFT_CLOSED = "shift_closed"
    EXPORT = "export"
    CORRECTION = "correction"
    SETTINGS_CHANGED = "settings_changed"
    CLOCK_WENT_BACK = "clock_went_back"
    ALARM_ACKNOWLEDGED = "alarm_acknowledged"
    PASS_ISSUED = "pass_issued"
    PASS_REVOKED = "pass_revoked"
    WATCHLIST_IMPORTED = "watchlist_imported"
    RULES_CHANGED = "rules_changed"
    KEY_CREATED = "key_created"
    RELAY_FAILED = "relay_failed"
    RESIDENTS_IMPORTED = "residents_imported"
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCKED_OUT = "locked_out"
    SIGNED_OUT = "signed_out"
    OPERATOR_ADDED = "operator_added"
    PIN_SET = "pin_set"
    OPERATOR_DISABLED = "operator_disabled"
    OPERATOR_ENABLED = "operator_enabled"
    ACCESS_REFUSED = "access_refused"
    DATA_SEALED = "data_sealed"  # ID numbers and phones stored before sealing were sealed (schema 0006)
    VERIFY_FAILED = "verify_failed"  # db verify found a broken chain or a failed integrity check
    VERIFY_OK = "verify_ok"  # a signed-in operator verified the database and it was intact
    PURGE = "purge"  # a retention purge removed old passages (their counts are kept)
    PURGE_STARTED = "purge_started"  # with a purge's first day: who purges before when (a killed purge shows)
    ANCHOR_ISSUED = "anchor_issued"  # the log's anchor (domain.anchor) went out on a sheet or a shift close
    SEARCH_INDEX_REBUILT = "search_index_rebuilt"  # the log's free-text index was rebuilt (db reindex)
    RECOVERY_CODE_SET = "recovery_code_set"  # an administrator got a new recovery code (shown once)
    RECOVERED = "recovered"  # an administrator set a new PIN with their recovery code
    RECOVERY_FAILED = "recovery_failed"  # a recovery attempt with a wrong code or name


class PersonFlag(enum.StrEnum):
    """Marks on a person check that someone must look at again later."""

    MANUAL_ID = "manual_id"  # degraded mode: the ID number was typed, not read from a credential
    NO_PHONE = "no_phone"  # the person had no phone to show a code
    PLATFORM_DOWN = "platform_down"  # the provincial health-code platform did not answer


@dataclass(frozen=True, slots=True)
class Gate:
    id: UUID
    station_id: UUID
    name: str
    profile: str  # gate profile name, e.g. "highway-exit" or "compound-gate"


@dataclass(frozen=True, slots=True)
class Operator:
    id: UUID
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class Shift:
    id: UUID
    gate_id: UUID
    leader_id: UUID
    opened_at: datetime
    closed_at: datetime | None = None
    label: str = ""  # e.g. "2026-11-22 day shift"


@dataclass(frozen=True, slots=True)
class PersonCheck:
    """One person's checks within a passage: identity, credentials, attestations, temperature.

    ``code_text`` is the scanned payload as decoded (kept for the record and duplicate detection);
    ``code_colour``, ``itinerary`` and ``test_age_days`` are what the operator attested unless
    ``verified`` says otherwise.
    """

    name: str = ""
    id_number: str = ""
    phone: str = ""
    code_text: str = ""
    code_kind: CodeKind = CodeKind.UNKNOWN
    code_colour: CodeColour = CodeColour.NONE
    itinerary: Itinerary = Itinerary.NONE
    test_age_days: int | None = None  # calendar days since sampling; None = no test proof shown
    temperature: float | None = None  # degrees Celsius
    verified: tuple[str, ...] = ()  # names of facts verified by signature; everything else is attested
    is_driver: bool = False
    attested_at: datetime | None = None  # when the operator attested (the passage's operator is who)
    flags: tuple[PersonFlag, ...] = ()  # e.g. MANUAL_ID: to be re-checked later
    pass_id: str = ""  # id of the station pass shown, for quotas and revocation; "" if none
    household: str = ""  # household id an exit slip names (quotas and return deadlines); "" if none


@dataclass(frozen=True, slots=True)
class Vehicle:
    plate: str
    kind: str = ""  # car, truck, bus, ...
    origin: str = ""
    destination: str = ""


@dataclass(frozen=True, slots=True)
class PassageDraft:
    """A passage as the station proposes it, before storage gives it a sequence number and a hash."""

    at: datetime  # timezone-aware
    direction: Direction
    subject: SubjectKind
    outcome: Outcome
    gate_id: UUID
    operator_id: UUID
    shift_id: UUID | None
    reasons: tuple[Reason, ...] = ()
    rules_version: str = ""
    persons: tuple[PersonCheck, ...] = ()
    vehicle: Vehicle | None = None
    note: str = ""
    corrects: UUID | None = None
    correction_reason: str = ""
    uuid: UUID = field(default_factory=uuid4)


@dataclass(frozen=True, slots=True)
class Passage:
    """A recorded passage: the draft plus where it sits in its station's hash chain."""

    uuid: UUID
    station_id: UUID
    seq: int
    at: datetime
    direction: Direction
    subject: SubjectKind
    outcome: Outcome
    gate_id: UUID
    operator_id: UUID
    shift_id: UUID | None
    reasons: tuple[Reason, ...]
    rules_version: str
    persons: tuple[PersonCheck, ...]
    vehicle: Vehicle | None
    note: str
    corrects: UUID | None
    correction_reason: str
    recorded_at: datetime
    hash: str

    @property
    def person_count(self) -> int:
        return len(self.persons)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    uuid: UUID
    station_id: UUID
    seq: int
    at: datetime
    action: AuditAction
    operator_id: UUID | None
    detail: str
    hash: str
