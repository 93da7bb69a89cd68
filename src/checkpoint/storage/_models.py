"""ORM tables (private to ``checkpoint.storage``; the rest of the program sees domain objects only).

Portable to SQLite and PostgreSQL: UUIDs are 36-character strings, times are UTC, no SQLite-only SQL.
Every chained record carries its ``uuid``, its ``station_id``, the station-wide ``seq`` (shared by all
chained kinds), ``prev_hash``, ``hash`` and ``recorded_at``. Person checks and vehicles belong to their
passage and are covered by the passage's hash. A shift is closed by a ``shift_close`` record, never by
editing the shift.

Any change here needs a new migration in ``migrations/versions`` (a test compares the two).

Why one module of this length: it is where every table is declared, once (``tests/unit/storage/
test_storage_layout.py``), and the migrations are compared with it as a whole; split by noun, a table's
foreign keys and the typed accessors at the end would reach across modules for every new kind.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from checkpoint.storage._types import (
    FLAGGED_CONDITION,
    PLAIN_NOTE_CONDITION,
    PLAIN_PII_CONDITION,
    SealedHousehold,
    SealedIdPhone,
    SealedName,
    UTCDateTime,
    UUIDText,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite needs exactly INTEGER PRIMARY KEY for a rowid alias; PostgreSQL gets a 64-bit key.
_BIG_ID = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class StationRow(Base):
    """A station known to this database; ``is_home`` marks the one this database belongs to."""

    __tablename__ = "station"

    id: Mapped[int] = mapped_column(_BIG_ID, primary_key=True, autoincrement=True)
    uuid: Mapped[UUID] = mapped_column(UUIDText, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    is_home: Mapped[bool] = mapped_column(Boolean, default=False)


class ChainHeadRow(Base):
    """The last seq and hash of a station's chain: the write lock row, and the check that no tail is cut."""

    __tablename__ = "chain_head"

    station_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("station.uuid"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class _Chained:
    """Columns shared by every chained record."""

    id: Mapped[int] = mapped_column(_BIG_ID, primary_key=True, autoincrement=True)
    uuid: Mapped[UUID] = mapped_column(UUIDText, unique=True)
    station_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("station.uuid"))
    seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GateRow(_Chained, Base):
    __tablename__ = "gate"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        UniqueConstraint("station_id", "name"),
    )

    name: Mapped[str] = mapped_column(Text)
    profile: Mapped[str] = mapped_column(Text)


class GateProfileRow(_Chained, Base):
    """A gate switched to another profile (since 0003); the gate row keeps the profile it was first given.

    A gate's profile is the one of its latest ``gate_profile`` record, else the gate's own.
    """

    __tablename__ = "gate_profile"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        Index(None, "gate_id", "seq"),
    )

    gate_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("gate.uuid"))
    profile: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class OperatorRow(_Chained, Base):
    __tablename__ = "operator"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        UniqueConstraint("station_id", "name"),
    )

    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(32))


class ShiftRow(_Chained, Base):
    __tablename__ = "shift"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        Index(None, "gate_id", "opened_at"),
    )

    gate_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("gate.uuid"))
    leader_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("operator.uuid"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    label: Mapped[str] = mapped_column(Text)


class ShiftCloseRow(_Chained, Base):
    """Closing a shift is a record of its own: the shift row is never updated."""

    __tablename__ = "shift_close"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    shift_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("shift.uuid"), unique=True)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PassageRow(_Chained, Base):
    __tablename__ = "passage"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        Index(None, "station_id", "at"),
        Index(None, "shift_id"),
        Index(None, "corrects"),
        Index(
            "ix_passage_plain_note",
            "id",
            sqlite_where=text(PLAIN_NOTE_CONDITION),
            postgresql_where=text(PLAIN_NOTE_CONDITION),
        ),
    )

    at: Mapped[datetime] = mapped_column(UTCDateTime)
    direction: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    gate_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("gate.uuid"))
    operator_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("operator.uuid"))
    shift_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("shift.uuid"), nullable=True)
    reasons: Mapped[str] = mapped_column(Text)  # JSON list of Reason values
    rules_version: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    corrects: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("passage.uuid"), nullable=True)
    correction_reason: Mapped[str] = mapped_column(Text)
    # since 0012: the note sealed (``pii_form`` 2: hashed sealed; 0: hashed over the plain note)
    pii_form: Mapped[int] = mapped_column(Integer, server_default="0")
    note_sealed: Mapped[str] = mapped_column(Text, server_default="")


class PersonCheckRow(SealedIdPhone, SealedName, SealedHousehold, Base):
    __tablename__ = "person_check"
    __table_args__ = (
        UniqueConstraint("passage_uuid", "position"),
        Index(None, "id_number_hmac"),
        Index(None, "phone_hmac"),
        Index(None, "pass_id"),
        Index(None, "name_hmac"),  # since 0012, instead of the plain name's and household's
        Index(None, "household_hmac"),
        # Only the (few) flagged checks: the degraded-mode filter reads this index alone. Queries must
        # spell the condition exactly like this (see FLAGGED_CONDITION) for SQLite to use it.
        Index(
            "ix_person_check_flagged",
            "passage_uuid",
            sqlite_where=text(FLAGGED_CONDITION),
            postgresql_where=text(FLAGGED_CONDITION),
        ),
        Index(
            "ix_person_check_plain_pii",
            "id",
            sqlite_where=text(PLAIN_PII_CONDITION),
            postgresql_where=text(PLAIN_PII_CONDITION),
        ),
    )

    id: Mapped[int] = mapped_column(_BIG_ID, primary_key=True, autoincrement=True)
    passage_uuid: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("passage.uuid"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    id_number: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(Text)
    code_text: Mapped[str] = mapped_column(Text)
    code_kind: Mapped[str] = mapped_column(String(32))
    code_colour: Mapped[str] = mapped_column(String(32))
    itinerary: Mapped[str] = mapped_column(String(32))
    test_age_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    temperature: Mapped[float | None] = mapped_column(Float(precision=53), nullable=True)
    verified: Mapped[str] = mapped_column(Text)  # JSON list of fact names
    is_driver: Mapped[bool] = mapped_column(Boolean)
    # since 0002
    attested_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    flags: Mapped[str] = mapped_column(Text, server_default="[]")  # JSON list of PersonFlag values
    pass_id: Mapped[str] = mapped_column(Text, server_default="")
    household: Mapped[str] = mapped_column(Text, server_default="")
    # since 0012 (with the mixins' columns): the code text sealed and as a keyed hash
    code_text_sealed: Mapped[str] = mapped_column(Text, server_default="")
    code_text_hmac: Mapped[str] = mapped_column(String(64), server_default="")


class VehicleRow(Base):
    __tablename__ = "vehicle"
    __table_args__ = (Index(None, "plate"),)

    id: Mapped[int] = mapped_column(_BIG_ID, primary_key=True, autoincrement=True)
    passage_uuid: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("passage.uuid"), unique=True)
    plate: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(Text)
    destination: Mapped[str] = mapped_column(Text)


class AuditRow(_Chained, Base):
    __tablename__ = "audit"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        Index(None, "station_id", "at"),
        Index(None, "operator_id", "seq"),  # since 0004: an operator's sign-in attempts (lock-out)
    )

    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(32))
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)
    detail: Mapped[str] = mapped_column(Text)


class IssuedPassRow(SealedHousehold, _Chained, Base):
    """A pass this deployment issued (the registry; the pass itself is the signed QR)."""

    __tablename__ = "issued_pass"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        UniqueConstraint("station_id", "pass_id"),
        Index(None, "pass_id"),
        Index(None, "household_hmac"),  # since 0012, instead of the plain household's
    )

    pass_id: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    household: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)
    pii_form: Mapped[int] = mapped_column(Integer, server_default="0")  # since 0012: 2 = summary sealed too
    summary_sealed: Mapped[str] = mapped_column(Text, server_default="")


class PassRevocationRow(_Chained, Base):
    """A pass revoked: a record of its own (any pass id, issued here or elsewhere in the deployment)."""

    __tablename__ = "pass_revocation"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        Index(None, "pass_id"),
    )

    pass_id: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class WatchlistEntryRow(SealedIdPhone, SealedName, _Chained, Base):
    """A watchlist entry; ``uuid`` is the entry's id. Ended by a ``watchlist_end`` record, never edited."""

    __tablename__ = "watchlist_entry"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    kind: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    id_number: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(Text)
    plate: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    source: Mapped[str] = mapped_column(Text)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class WatchlistEndRow(_Chained, Base):
    """The end of a watchlist entry (lifted quarantine, withdrawn notice)."""

    __tablename__ = "watchlist_end"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    entry_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("watchlist_entry.uuid"), unique=True)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class ShiftDetailRow(_Chained, Base):
    """What the leader recorded opening a shift (since 0005): staff, items received, matters reviewed.

    ``payload`` is the JSON of ``shift_handover.opening_payload``. A shift without one was opened by the
    clock (automatic).
    """

    __tablename__ = "shift_detail"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    shift_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("shift.uuid"), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)
    payload: Mapped[str] = mapped_column(Text)


class ShiftReconciliationRow(_Chained, Base):
    """What the leader recorded closing a shift (since 0005): counts reconciled, items handed over, open
    matters, the two leaders. ``payload`` is the JSON of ``shift_handover.closing_payload``."""

    __tablename__ = "shift_reconciliation"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    shift_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("shift.uuid"), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)
    payload: Mapped[str] = mapped_column(Text)


class HouseholdRow(_Chained, Base):
    """One version of a registered household (since 0009); a later version names it in ``supersedes``."""

    __tablename__ = "household"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        UniqueConstraint("supersedes"),  # one successor per version: concurrent imports cannot fork it
        Index(None, "code_hmac"),  # since 0012, instead of the plain code's
    )

    code: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    exit_every_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exits_per_period: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    supersedes: Mapped[UUID | None] = mapped_column(UUIDText, nullable=True)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)
    # since 0012: code, address and notes sealed (``pii_form`` 2); the plain columns stay ""
    pii_form: Mapped[int] = mapped_column(Integer, server_default="0")
    code_sealed: Mapped[str] = mapped_column(Text, server_default="")
    code_hmac: Mapped[str] = mapped_column(String(64), server_default="")
    address_sealed: Mapped[str] = mapped_column(Text, server_default="")
    notes_sealed: Mapped[str] = mapped_column(Text, server_default="")


class ResidentRow(SealedName, SealedHousehold, _Chained, Base):
    """One version of a registered member (since 0009). The ID number and phone are stored sealed, as keyed
    hashes and masked (``storage/pii.py``), written and read through ``storage.residents`` only;
    ``id_number_hmac`` is what every search by ID number compares."""

    __tablename__ = "resident"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        UniqueConstraint("supersedes"),
        Index(None, "id_number_hmac"),
        Index(None, "household_hmac"),  # since 0012, instead of the plain household's
    )

    household: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    id_number_sealed: Mapped[str] = mapped_column(Text)
    id_number_hmac: Mapped[str] = mapped_column(String(64))
    id_number_masked: Mapped[str] = mapped_column(Text)
    phone_sealed: Mapped[str] = mapped_column(Text)
    phone_hmac: Mapped[str] = mapped_column(String(64))
    phone_masked: Mapped[str] = mapped_column(Text)
    relation: Mapped[str] = mapped_column(Text)
    residency: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    status_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    source: Mapped[str] = mapped_column(Text)
    supersedes: Mapped[UUID | None] = mapped_column(UUIDText, nullable=True)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)
    pii_form: Mapped[int] = mapped_column(
        Integer, server_default="0"
    )  # since 0012: 2 = name, household sealed


class OperatorPinRow(_Chained, Base):
    """An operator's PIN set (since 0004): its argon2id hash, when and by whom. The newest one counts.

    A new PIN is a new record; the old hash stays in the chain (and no longer verifies anything).
    """

    __tablename__ = "operator_pin"
    __table_args__ = (UniqueConstraint("station_id", "seq"), Index(None, "operator_id", "seq"))

    operator_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("operator.uuid"))
    pin_hash: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    set_by: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class OperatorStatusRow(_Chained, Base):
    """An operator disabled or enabled again (since 0004). The newest one counts; none means enabled."""

    __tablename__ = "operator_status"
    __table_args__ = (UniqueConstraint("station_id", "seq"), Index(None, "operator_id", "seq"))

    operator_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("operator.uuid"))
    enabled: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    set_by: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class OperatorRecoveryRow(_Chained, Base):
    """An administrator's recovery code as its argon2id hash (since 0011); the newest one counts."""

    __tablename__ = "operator_recovery"
    __table_args__ = (UniqueConstraint("station_id", "seq"), Index(None, "operator_id", "seq"))

    operator_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("operator.uuid"))
    code_hash: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    set_by: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class DataKeyRow(Base):
    """The data key(s) this database's personal data is sealed with, by key id (never the key itself).

    Written when a database is first opened with a data key (since 0006), so a later open can tell a
    missing key ("restore it from the backup") and a wrong one from a database that has none yet.
    """

    __tablename__ = "data_key"

    key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PurgeRow(_Chained, Base):
    """A retention purge (since 0007): which passages went, and the hashes that vouch for the gap.

    ``before`` is the cut-off (passages with ``at`` before it were eligible), ``first_at``/``last_at`` the
    oldest and newest removed passage, ``passages`` how many went, ``last_hash`` the hash of the last
    removed record. The removed records' seq runs are in ``purge_gap`` and enter this record's hash.
    """

    __tablename__ = "purge"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    before: Mapped[datetime] = mapped_column(UTCDateTime)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
    passages: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("operator.uuid"), nullable=True)


class PurgeGapRow(Base):
    """One run of consecutive seq numbers a purge removed: the chain skips it from ``prev_hash`` to
    ``hash`` (the first removed record's link and the last one's hash). Covered by its purge's hash."""

    __tablename__ = "purge_gap"
    __table_args__ = (UniqueConstraint("station_id", "first_seq"),)

    id: Mapped[int] = mapped_column(_BIG_ID, primary_key=True, autoincrement=True)
    purge_uuid: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("purge.uuid"), index=True)
    station_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("station.uuid"))
    first_seq: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PassageSummaryRow(_Chained, Base):
    """The counts of purged passages of one gate, shift and clock hour (since 0007), kept so that the
    handover over a purged window still shows its totals. ``counts`` is a JSON object of the handover
    summary's fields (sorted keys); several summaries of one hour add up."""

    __tablename__ = "passage_summary"
    __table_args__ = (
        UniqueConstraint("station_id", "seq"),
        Index(None, "gate_id", "hour"),
    )

    purge_uuid: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("purge.uuid"))
    gate_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("gate.uuid"))
    shift_id: Mapped[UUID | None] = mapped_column(UUIDText, ForeignKey("shift.uuid"), nullable=True)
    hour: Mapped[datetime] = mapped_column(UTCDateTime)
    counts: Mapped[str] = mapped_column(Text)


# --- the tables, typed ------------------------------------------------------------------------------
# Storage queries through these Core ``Table`` objects (rows come back as mappings and become domain
# objects in ``_records``); the ORM classes above only declare them. One typed accessor instead of a
class PassageOverrideRow(_Chained, Base):
    """An override (since 0010): the operator recorded an outcome milder than the proposed TURN BACK or HOLD
    (``domain.overrides``). Written in the same transaction as its passage, chained like every record.

    ``passage_uuid`` has no foreign key on purpose: a retention purge removes old passages, while their
    overrides stay on record like the audit trail.
    """

    __tablename__ = "passage_override"
    __table_args__ = (UniqueConstraint("station_id", "seq"),)

    passage_uuid: Mapped[UUID] = mapped_column(UUIDText, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    operator_id: Mapped[UUID] = mapped_column(UUIDText, ForeignKey("operator.uuid"))
    proposed: Mapped[str] = mapped_column(String(16))
    chosen: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)


# ``Row.__table__  # type: ignore`` alias in every module: SQLAlchemy types ``__table__`` as a FromClause.


def _table(row: type[Base]) -> Table:
    table = row.__table__
    assert isinstance(table, Table), row
    return table


station_t = _table(StationRow)
chain_head_t = _table(ChainHeadRow)
gate_t = _table(GateRow)
gate_profile_t = _table(GateProfileRow)
operator_t = _table(OperatorRow)
operator_pin_t = _table(OperatorPinRow)
operator_status_t = _table(OperatorStatusRow)
operator_recovery_t = _table(OperatorRecoveryRow)
shift_t = _table(ShiftRow)
shift_close_t = _table(ShiftCloseRow)
shift_detail_t = _table(ShiftDetailRow)
shift_reconciliation_t = _table(ShiftReconciliationRow)
passage_t = _table(PassageRow)
person_check_t = _table(PersonCheckRow)
vehicle_t = _table(VehicleRow)
audit_t = _table(AuditRow)
issued_pass_t = _table(IssuedPassRow)
pass_revocation_t = _table(PassRevocationRow)
watchlist_entry_t = _table(WatchlistEntryRow)
watchlist_end_t = _table(WatchlistEndRow)
household_t = _table(HouseholdRow)
resident_t = _table(ResidentRow)
data_key_t = _table(DataKeyRow)
purge_t = _table(PurgeRow)
purge_gap_t = _table(PurgeGapRow)
passage_summary_t = _table(PassageSummaryRow)
passage_override_t = _table(PassageOverrideRow)
