"""Shifts: opened and closed at a gate, by a leader or by the clock, as chained records.

A shift is a ``shift`` record; a ``shift_close`` record closes it (the shift row is never changed). A gate
has at most one open shift.

A leader's opening is a ``shift`` record plus a ``shift_detail`` record (staff, items received, matters
reviewed); a leader's close is a ``shift_close`` plus a ``shift_reconciliation`` record (counts, items
handed over, open matters, both leaders). Each step is one transaction with its audit entries
(``shift_opened`` / ``shift_closed``), so a shift is never half-opened or half-closed.

A shift without a ``shift_detail`` is *automatic*: the station opened it by the clock so that it never
records without a shift. :meth:`ShiftManager.follow_clock` rolls automatic shifts over at the clock's
shift boundaries and never closes a leader's shift. Closing a leader's shift opens the next one
automatically at once; the incoming leader's opening then closes that automatic shift (usually a minute
old and empty).
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.records import AuditAction, Shift
from checkpoint.domain.shift_handover import (
    PayloadError,
    ShiftClosing,
    ShiftOpening,
    ShiftRecord,
    closing_from_payload,
    closing_payload,
    closing_problems,
    opening_from_payload,
    opening_payload,
    opening_problems,
)
from checkpoint.storage import _records as rec
from checkpoint.storage._models import shift_close_t, shift_detail_t, shift_reconciliation_t, shift_t
from checkpoint.storage.chain import WriteUnit, is_recorded
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


class ShiftConflict(enum.StrEnum):
    LEADER_SHIFT_OPEN = "leader_shift_open"  # a leader's shift is open: it must be closed first
    NOT_OPEN = "not_open"  # the shift to close is already closed (or unknown)
    INCOMPLETE = "incomplete"  # the opening or close has unresolved problems (see shift_handover)


class ShiftConflictError(InvalidRecordError):
    """An opening or close the records do not allow now; ``conflict`` says why (the UI words it)."""

    def __init__(self, conflict: ShiftConflict, detail: str) -> None:
        super().__init__(detail)
        self.conflict = conflict


def _document(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class ShiftClosed(NamedTuple):
    """A leader's close: the automatic shift that follows it, and the log's anchor the close issued."""

    next_shift: Shift
    anchor: Anchor


class ShiftManager:
    """This station's shifts, with the leaders' openings and closes (``db.shifts``)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._known: set[uuid.UUID] = set()

    def exists(self, session: Session, shift_id: uuid.UUID) -> bool:
        """Whether this station has the shift (read in ``session``; found ones are remembered)."""
        return is_recorded(session, shift_t, shift_id, self._db.station_id, self._known)

    def open_shift(self, gate_id: uuid.UUID, leader_id: uuid.UUID, at: datetime, label: str = "") -> Shift:
        """Append a shift at ``gate_id`` led by ``leader_id``. A gate has at most one open shift."""
        at = rec.utc(at, "shift opening time")
        label = rec.as_text(label, "shift label")
        with self._db.writing() as unit:
            session = unit.session
            if not self._db.gates.exists(session, gate_id):
                raise InvalidRecordError(f"no gate {gate_id}")
            if not self._db.operators.exists(session, leader_id):
                raise InvalidRecordError(f"no operator {leader_id}")
            open_one = session.execute(
                self._shift_query().where(shift_t.c.gate_id == gate_id, shift_close_t.c.id.is_(None)).limit(1)
            ).first()
            if open_one is not None:
                raise InvalidRecordError(
                    f"gate {gate_id} already has an open shift {open_one.uuid}: close it first"
                )
            values = unit.append(
                rec.SHIFT,
                {"gate_id": gate_id, "leader_id": leader_id, "opened_at": at, "label": label},
            )
            self._known.add(values["uuid"])
            return rec.to_shift(values, None)

    def close_shift(self, shift_id: uuid.UUID, at: datetime) -> Shift:
        """Close an open shift by appending a shift-close record (the shift row is never changed)."""
        at = rec.utc(at, "shift closing time")
        with self._db.writing() as unit:
            session = unit.session
            row = session.execute(self._shift_query().where(shift_t.c.uuid == shift_id)).mappings().first()
            if row is None:
                raise InvalidRecordError(f"no shift {shift_id}")
            if row["closed_at"] is not None:
                raise InvalidRecordError(
                    f"shift {shift_id} was already closed at {row['closed_at'].isoformat()}"
                )
            if at < row["opened_at"]:
                raise InvalidRecordError("a shift cannot close before it opened")
            unit.append(rec.SHIFT_CLOSE, {"shift_id": shift_id, "closed_at": at})
            return rec.to_shift(row, at)

    def current_shift(self, gate_id: uuid.UUID) -> Shift | None:
        """The latest open shift at the gate, if any."""
        with self._db.reading() as session:
            row = (
                session.execute(
                    self._shift_query()
                    .where(shift_t.c.gate_id == gate_id, shift_close_t.c.id.is_(None))
                    .order_by(shift_t.c.opened_at.desc(), shift_t.c.seq.desc())
                    .limit(1)
                )
                .mappings()
                .first()
            )
            return None if row is None else self._to_shift(row)

    def all(self, since: datetime | None = None) -> list[Shift]:
        """Shifts oldest first; with ``since``, those still open or closed at or after it."""
        query = self._shift_query()
        if since is not None:
            rec.require_aware(since, "since")
            query = query.where(or_(shift_close_t.c.id.is_(None), shift_close_t.c.closed_at >= since))
        with self._db.reading() as session:
            rows = session.execute(query.order_by(shift_t.c.opened_at, shift_t.c.seq)).mappings()
            return [self._to_shift(row) for row in rows]

    def shift(self, shift_id: uuid.UUID) -> Shift | None:
        with self._db.reading() as session:
            row = session.execute(self._shift_query().where(shift_t.c.uuid == shift_id)).mappings().first()
            return None if row is None else self._to_shift(row)

    def _shift_query(self) -> Any:
        return (
            select(shift_t, shift_close_t.c.closed_at)
            .select_from(shift_t.outerjoin(shift_close_t, shift_close_t.c.shift_id == shift_t.c.uuid))
            .where(shift_t.c.station_id == self._db.station_id)
        )

    @staticmethod
    def _to_shift(row: Mapping[Any, Any]) -> Shift:
        return rec.to_shift(row, row["closed_at"])

    def follow_clock(self, gate_id: uuid.UUID, operator_id: uuid.UUID, at: datetime, label: str) -> Shift:
        """The gate's shift at ``at`` when no leader has opened one: the open shift if it is a leader's or
        still the clock shift ``label``; else the automatic shift is closed and a new one opened (audited)."""
        at = rec.utc(at, "shift time")
        label = rec.as_text(label, "shift label")
        with self._db.writing() as unit:
            session = unit.session
            self._check_refs(session, gate_id, operator_id)
            row = self._open_row(session, gate_id)
            if row is not None and (row["label"] == label or _is_led(session, row["uuid"])):
                return rec.to_shift(row, None)
            if row is not None:
                self._close(unit, row, at, operator_id, "automatic, by the clock")
            return self._open(unit, gate_id, operator_id, at, label, "automatic, by the clock")

    def open_led_shift(
        self,
        gate_id: uuid.UUID,
        leader_id: uuid.UUID,
        at: datetime,
        label: str,
        opening: ShiftOpening,
    ) -> Shift:
        """A leader opens a shift: the automatic shift open at the gate (if any) is closed, then the shift and
        its ``shift_detail`` are appended, all audited, in one transaction.

        Raises ``ShiftConflictError`` when a leader's shift is still open or the opening has problems.
        """
        at = rec.utc(at, "shift opening time")
        label = rec.as_text(label, "shift label")
        problems = opening_problems(opening)
        if problems:
            raise ShiftConflictError(
                ShiftConflict.INCOMPLETE,
                "opening incomplete: " + ", ".join(p.problem.value for p in problems),
            )
        document = _document(opening_payload(opening))
        with self._db.writing() as unit:
            session = unit.session
            self._check_refs(session, gate_id, leader_id)
            row = self._open_row(session, gate_id)
            if row is not None:
                if _is_led(session, row["uuid"]):
                    raise ShiftConflictError(
                        ShiftConflict.LEADER_SHIFT_OPEN,
                        f"shift {row['uuid']} {row['label']} is open: its leader must close it first",
                    )
                self._close(unit, row, at, leader_id, f"a leader opened shift {label}")
            shift = self._open(unit, gate_id, leader_id, at, label, f"opened by {opening.leader}")
            unit.append(
                rec.SHIFT_DETAIL,
                {"shift_id": shift.id, "at": at, "operator_id": leader_id, "payload": document},
            )
            return shift

    def close_led_shift(
        self,
        shift_id: uuid.UUID,
        at: datetime,
        operator_id: uuid.UUID,
        closing: ShiftClosing,
        next_label: str,
    ) -> ShiftClosed:
        """A leader closes the open shift ``shift_id`` with its reconciliation; the next shift opens at once,
        automatic (labelled ``next_label``), until the incoming leader opens theirs. One transaction, audited,
        with the log's anchor issued right after the close's records (``db.anchors``), so the anchor the
        leaders are shown pins the close they sign.

        Returns the new automatic shift and the anchor. Raises ``ShiftConflictError`` when the shift is not
        open or a difference is not explained.
        """
        at = rec.utc(at, "shift closing time")
        problems = closing_problems(closing)
        if problems:
            raise ShiftConflictError(
                ShiftConflict.INCOMPLETE, "close incomplete: " + ", ".join(p.problem.value for p in problems)
            )
        document = _document(closing_payload(closing))
        with self._db.writing() as unit:
            session = unit.session
            self._db.operators.check(session, operator_id)
            row = session.execute(self._shift_query().where(shift_t.c.uuid == shift_id)).mappings().first()
            if row is None or row["closed_at"] is not None:
                raise ShiftConflictError(ShiftConflict.NOT_OPEN, f"shift {shift_id} is not open")
            self._close(unit, row, at, operator_id, f"closed by {closing.outgoing_leader}")
            unit.append(
                rec.SHIFT_RECONCILIATION,
                {"shift_id": shift_id, "at": at, "operator_id": operator_id, "payload": document},
            )
            anchor = self._db.anchors.issue_in(unit, f"shift close {shift_id}", at, operator_id)
            following = self._open(
                unit, row["gate_id"], operator_id, at, next_label, "automatic, after a close"
            )
            return ShiftClosed(following, anchor)

    def shift_record(self, shift_id: uuid.UUID) -> ShiftRecord | None:
        """The shift with its leaders' opening and close (None where there is none), or None if unknown."""
        shift = self.shift(shift_id)
        if shift is None:
            return None
        try:
            with self._db.reading() as session:
                opening = _payload(shift_detail_t, session, shift_id)
                closing = _payload(shift_reconciliation_t, session, shift_id)
            return ShiftRecord(
                shift,
                None if opening is None else opening_from_payload(opening),
                None if closing is None else closing_from_payload(closing),
            )
        except PayloadError as exc:
            raise StorageError(StorageErrorKind.CORRUPT, f"shift {shift_id}: {exc}") from exc

    def latest_closing(self, gate_id: uuid.UUID) -> ShiftClosing | None:
        """The most recent leader's close at the gate: its open matters go to the next leader's opening."""
        r = shift_reconciliation_t.c
        query = (
            select(r.payload)
            .select_from(shift_reconciliation_t.join(shift_t, shift_t.c.uuid == r.shift_id))
            .where(shift_t.c.gate_id == gate_id, r.station_id == self._db.station_id)
            .order_by(r.seq.desc())
            .limit(1)
        )
        with self._db.reading() as session:
            text = session.execute(query).scalar_one_or_none()
        if text is None:
            return None
        try:
            return closing_from_payload(json.loads(text))
        except (ValueError, PayloadError) as exc:
            raise StorageError(StorageErrorKind.CORRUPT, f"unreadable shift close at gate {gate_id}") from exc

    def _open_row(self, session: Session, gate_id: uuid.UUID) -> Any:
        return (
            session.execute(
                self._shift_query()
                .where(shift_t.c.gate_id == gate_id, shift_close_t.c.id.is_(None))
                .order_by(shift_t.c.opened_at.desc(), shift_t.c.seq.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )

    def _check_refs(self, session: Session, gate_id: uuid.UUID, operator_id: uuid.UUID) -> None:
        if not self._db.gates.exists(session, gate_id):
            raise InvalidRecordError(f"no gate {gate_id}")
        self._db.operators.check(session, operator_id)

    def _close(self, unit: WriteUnit, row: Any, at: datetime, operator_id: uuid.UUID, why: str) -> None:
        if at < row["opened_at"]:
            raise InvalidRecordError("a shift cannot close before it opened")
        unit.append(rec.SHIFT_CLOSE, {"shift_id": row["uuid"], "closed_at": at})
        self._db.audit.append_in(
            unit, AuditAction.SHIFT_CLOSED, f"shift {row['uuid']} {row['label']} ({why})", at, operator_id
        )

    def _open(
        self,
        unit: WriteUnit,
        gate_id: uuid.UUID,
        leader_id: uuid.UUID,
        at: datetime,
        label: str,
        why: str,
    ) -> Shift:
        values = unit.append(
            rec.SHIFT,
            {"gate_id": gate_id, "leader_id": leader_id, "opened_at": at, "label": label},
        )
        self._known.add(values["uuid"])
        self._db.audit.append_in(
            unit, AuditAction.SHIFT_OPENED, f"shift {values['uuid']} {label} ({why})", at, leader_id
        )
        return rec.to_shift(values, None)


def _is_led(session: Session, shift_id: uuid.UUID) -> bool:
    return (
        session.execute(select(shift_detail_t.c.id).where(shift_detail_t.c.shift_id == shift_id)).first()
        is not None
    )


def _payload(table: Table, session: Session, shift_id: uuid.UUID) -> dict[str, Any] | None:
    text = session.execute(select(table.c.payload).where(table.c.shift_id == shift_id)).scalar_one_or_none()
    if text is None:
        return None
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise StorageError(StorageErrorKind.CORRUPT, f"unreadable {table.name} of shift {shift_id}") from exc
    if not isinstance(document, dict):
        raise StorageError(StorageErrorKind.CORRUPT, f"unreadable {table.name} of shift {shift_id}")
    return document
