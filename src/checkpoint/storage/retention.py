"""Retention: remove passages older than N days, keeping the counts the reports need and the chain whole.

A purge goes one UTC day at a time, each day in one write transaction:

1. the day's passages are chosen, except those a kept (newer, or other-day) correction names: a kept
   correction must keep pointing at its original, and the handover links the two;
2. their counts are kept as chained ``passage_summary`` records, one per gate, shift and clock hour,
   counted by the handover's own rules (``domain.handover.summarise_hours``);
3. a chained ``purge`` record says what went (cut-off, how many, oldest and newest, the hash of the last
   removed record) and lists the runs of seq numbers removed with the hashes on both sides
   (``purge_gap``; the runs enter the purge record's hash);
4. the passages, their person checks and vehicles (and, by trigger, their search index rows) are deleted.

The first day that removes anything also appends a ``purge_started`` audit entry (who, which cut-off) in
its own transaction, and the last step is one ``purge`` audit entry for the whole run. A purge killed
midway therefore leaves either nothing, or whole days each vouched for by its purge record, under an
audited start whose end is missing; running it again finishes it.

``Database.verify`` walks over a recorded run from its first record's ``prev_hash`` to its last one's
``hash``; a record removed any other way is still a gap that breaks the chain. One audit entry records
the whole purge. Issued passes, watchlists, shifts and the audit trail are never purged.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from checkpoint.domain.handover import PurgedHour, summarise_hours
from checkpoint.domain.records import AuditAction
from checkpoint.storage import _records as rec
from checkpoint.storage._models import (
    passage_summary_t,
    passage_t,
    person_check_t,
    purge_gap_t,
    purge_t,
    vehicle_t,
)
from checkpoint.storage.chain import IN_CHUNK, WriteUnit
from checkpoint.storage.errors import InvalidRecordError

if TYPE_CHECKING:
    from checkpoint.storage.database import Database

DEFAULT_RETENTION_DAYS = 30
"""Days of passages a station keeps when nobody says otherwise (``checkpoint purge --older-than``)."""

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class PurgePlan:
    """What a purge before ``before`` would remove (the dry run), and what it must keep."""

    before: datetime
    passages: int
    oldest: datetime | None
    newest: datetime | None
    per_month: tuple[tuple[str, int], ...]  # ("2026-01", passages), oldest first, UTC months
    kept_for_corrections: int  # older passages kept because a kept correction names them


@dataclass(frozen=True, slots=True)
class PurgeResult:
    before: datetime
    passages: int
    days: int  # purge records written (one per UTC day that had passages to remove)
    summaries: int  # hourly summary records written
    oldest: datetime | None
    newest: datetime | None


def cutoff(now: datetime, days: int) -> datetime:
    """The cut-off of "older than ``days`` days" at ``now``; refuses fewer than one day."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise InvalidRecordError(f"the retention period must be a whole number of days, 1 or more: {days!r}")
    return rec.utc(now, "now") - timedelta(days=days)


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _runs(rows: Sequence[Any]) -> Iterator[dict[str, Any]]:
    """Maximal runs of consecutive seq numbers among ``rows`` (sorted by seq), with the hashes around."""
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index].seq != rows[index - 1].seq + 1:
            yield {
                "first_seq": rows[start].seq,
                "last_seq": rows[index - 1].seq,
                "prev_hash": rows[start].prev_hash,
                "hash": rows[index - 1].hash,
            }
            start = index


class RetentionManager:
    """Purges of old passages and the counts they keep (``db.retention``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def plan_purge(self, before: datetime) -> PurgePlan:
        """The dry run: counts only, nothing changes."""
        before = rec.utc(before, "cut-off")
        p = passage_t.c
        old = (p.station_id == self._db.station_id, p.at < before)
        month = func.strftime("%Y-%m", p.at) if self._db.is_sqlite else func.to_char(p.at, "YYYY-MM")
        with self._db.reading() as session:
            total, oldest, newest = session.execute(
                select(func.count(), func.min(p.at), func.max(p.at)).where(*old)
            ).one()
            months = session.execute(
                select(month, func.count()).where(*old).group_by(month).order_by(month)
            ).all()
            kept = len(self._kept_for_corrections(session, None, before))
        return PurgePlan(
            before=before,
            passages=int(total) - kept,
            oldest=None if oldest is None else _aware(oldest),
            newest=None if newest is None else _aware(newest),
            per_month=tuple((str(m), int(n)) for m, n in months),
            kept_for_corrections=kept,
        )

    def purge(
        self,
        before: datetime,
        *,
        at: datetime,
        operator_id: uuid.UUID | None,
        progress: Callable[[int], None] | None = None,
    ) -> PurgeResult:
        """Remove this station's passages older than ``before`` (see the module docstring); returns what went.

        ``at`` is when the purge was asked for (the purge and audit records' time), ``operator_id`` who asked
        (the CLI and GUI check the role). ``progress`` gets the running count of removed passages.
        """
        before = rec.utc(before, "cut-off")
        at = rec.utc(at, "purge time")
        if before > at:
            raise InvalidRecordError("the cut-off of a purge cannot be in the future")
        with self._db.reading() as session:
            self._db.operators.check(session, operator_id)
            first = session.execute(
                select(func.min(passage_t.c.at)).where(
                    passage_t.c.station_id == self._db.station_id, passage_t.c.at < before
                )
            ).scalar_one_or_none()
        removed = days = summaries = 0
        oldest: datetime | None = None
        newest: datetime | None = None
        if first is not None:
            day = _aware(first).replace(hour=0, minute=0, second=0, microsecond=0)
            while day < before:
                done = self._purge_span(
                    day, min(day + _DAY, before), before, at, operator_id, announce=days == 0
                )
                if done is not None:
                    count, kept_hours, span_oldest, span_newest = done
                    removed += count
                    days += 1
                    summaries += kept_hours
                    oldest = span_oldest if oldest is None else min(oldest, span_oldest)
                    newest = span_newest if newest is None else max(newest, span_newest)
                    if progress is not None:
                        progress(removed)
                day += _DAY
        detail = f"purge: {removed} passages before {before.isoformat()}"
        if removed:
            assert oldest is not None and newest is not None
            detail += f" ({oldest.isoformat()} .. {newest.isoformat()}; {days} purge records)"
        self._db.audit.append_audit(AuditAction.PURGE, detail, at, operator_id)
        return PurgeResult(before, removed, days, summaries, oldest, newest)

    def purged_hours(self, gate_id: uuid.UUID, since: datetime, until: datetime) -> list[PurgedHour]:
        """The counts purges kept for ``gate_id`` in hours starting in ``[since, until)``, oldest first."""
        s = passage_summary_t.c
        query = (
            select(s.gate_id, s.shift_id, s.hour, s.counts)
            .where(s.gate_id == gate_id, s.hour >= rec.utc(since, "since"), s.hour < rec.utc(until, "until"))
            .order_by(s.hour, s.seq)
        )
        with self._db.reading() as session:
            rows = session.execute(query).all()
        return [PurgedHour(g, sh, _aware(h), json.loads(c)) for g, sh, h, c in rows]

    def _kept_for_corrections(
        self, session: Session, span: tuple[datetime, datetime] | None, before: datetime
    ) -> set[uuid.UUID]:
        """Passages of the span (or all before ``before``) that must stay: a correction outside the purged
        set names them (directly, or through a correction that must itself stay)."""
        p = passage_t.c
        inside: tuple[ColumnElement[bool], ...]
        if span is None:
            inside = (p.station_id == self._db.station_id, p.at < before)
            outside = p.at >= before
        else:
            inside = (p.station_id == self._db.station_id, p.at >= span[0], p.at < span[1])
            outside = or_(p.at < span[0], p.at >= span[1])
        named = select(p.uuid).where(*inside)
        keep = set(
            session.execute(
                select(p.corrects).where(p.corrects.is_not(None), outside, p.corrects.in_(named))
            ).scalars()
        )
        if not keep:
            return keep
        # Corrections inside the span: a kept one keeps what it corrects, and so on down the chain.
        links = dict(
            session.execute(select(p.uuid, p.corrects).where(*inside, p.corrects.is_not(None))).all()
        )
        grew = True
        while grew:
            grew = False
            for corrector, corrected in links.items():
                if corrector in keep and corrected not in keep:
                    keep.add(corrected)
                    grew = True
        return keep

    def _purge_span(
        self,
        since: datetime,
        until: datetime,
        before: datetime,
        at: datetime,
        operator_id: uuid.UUID | None,
        *,
        announce: bool,
    ) -> tuple[int, int, datetime, datetime] | None:
        p = passage_t.c
        with self._db.writing() as unit:
            session = unit.session
            rows = session.execute(
                select(p.id, p.uuid, p.seq, p.prev_hash, p.hash, p.at)
                .where(p.station_id == self._db.station_id, p.at >= since, p.at < until)
                .order_by(p.seq)
            ).all()
            keep = self._kept_for_corrections(session, (since, until), before) if rows else set()
            rows = [row for row in rows if row.uuid not in keep]
            if not rows:
                return None
            if announce:  # with the first removal, so a purge that dies before it leaves no trace at all
                self._db.audit.append_in(
                    unit,
                    AuditAction.PURGE_STARTED,
                    f"purge: passages before {before.isoformat()}",
                    at,
                    operator_id,
                )
            passages = []
            for start in range(0, len(rows), IN_CHUNK):
                chunk = [row.id for row in rows[start : start + IN_CHUNK]]
                found = session.execute(select(passage_t).where(p.id.in_(chunk))).mappings().all()
                passages.extend(self._db.passages.complete(session, found))
            kept_hours = summarise_hours(passages)
            gaps = list(_runs(rows))
            purge_values: dict[str, Any] = {
                "uuid": uuid.uuid4(),
                "recorded_at": self._db.now(),
                "before": before,
                "first_at": min(row.at for row in rows),
                "last_at": max(row.at for row in rows),
                "passages": len(rows),
                "last_hash": rows[-1].hash,
                "at": at,
                "operator_id": operator_id,
            }
            unit.seal(rec.PURGE, purge_values, partial(rec.purge_fields, gaps=gaps))
            session.execute(insert(purge_t).values(purge_values))
            session.execute(
                insert(purge_gap_t),
                [
                    {**gap, "purge_uuid": purge_values["uuid"], "station_id": self._db.station_id}
                    for gap in gaps
                ],
            )
            self._append_summaries(unit, purge_values["uuid"], kept_hours)
            uuids = [row.uuid for row in rows]
            for start in range(0, len(uuids), IN_CHUNK):
                chunk = uuids[start : start + IN_CHUNK]
                session.execute(delete(person_check_t).where(person_check_t.c.passage_uuid.in_(chunk)))
                session.execute(delete(vehicle_t).where(vehicle_t.c.passage_uuid.in_(chunk)))
            # Corrections before what they correct (the foreign key): newest first, one statement per chunk.
            ordered = sorted(passages, key=lambda passage: passage.corrects is None)
            ids = {row.uuid: row.id for row in rows}
            for start in range(0, len(ordered), IN_CHUNK):
                chunk_ids = [ids[passage.uuid] for passage in ordered[start : start + IN_CHUNK]]
                session.execute(delete(passage_t).where(p.id.in_(chunk_ids)))
            return (
                len(rows),
                len(kept_hours),
                _aware(purge_values["first_at"]),
                _aware(purge_values["last_at"]),
            )

    def _append_summaries(self, unit: WriteUnit, purge_id: uuid.UUID, kept: Sequence[PurgedHour]) -> None:
        recorded_at = self._db.now()
        values = []
        for hour in kept:
            row: dict[str, Any] = {
                "uuid": uuid.uuid4(),
                "recorded_at": recorded_at,
                "purge_uuid": purge_id,
                "gate_id": hour.gate_id,
                "shift_id": hour.shift_id,
                "hour": hour.hour,
                "counts": json.dumps(dict(hour.counts), sort_keys=True),
            }
            unit.seal(rec.PASSAGE_SUMMARY, row)
            values.append(row)
        if values:
            unit.session.execute(insert(passage_summary_t), values)
