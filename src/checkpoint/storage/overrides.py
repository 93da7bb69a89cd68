"""Overrides on record (``domain.overrides``): a passage and its override in one transaction, and the
overrides of a time window for the handover sheet and the anomaly hand-off.

An override is a chained ``passage_override`` record naming its passage: who overrode, the proposed and
the recorded outcome, the reason and what the operator typed. It is written in the same transaction as
the passage, so a passage recorded over a proposal it overrides is never on disk without its override.

These are functions over :class:`Database` (its write transaction and chain), kept here so the shared
database module stays small, like ``storage.shift_records``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select

from checkpoint.domain.overrides import Override, OverrideReason, override_problems
from checkpoint.domain.records import Outcome, Passage, PassageDraft
from checkpoint.storage import _records as rec
from checkpoint.storage._models import PassageOverrideRow, PassageRow
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind

_override_t: Table = PassageOverrideRow.__table__  # type: ignore[assignment]
_passage_t: Table = PassageRow.__table__  # type: ignore[assignment]


def override_row(override: Override) -> dict[str, Any]:
    """The stored columns of an override (without chain columns); raises ``InvalidRecordError``."""
    proposed = rec.as_enum(Outcome, override.proposed, "proposed outcome")
    chosen = rec.as_enum(Outcome, override.chosen, "recorded outcome")
    reason = rec.as_enum(OverrideReason, override.reason, "override reason")
    detail = rec.as_text(override.detail, "override detail").strip()
    problems = override_problems(proposed, chosen, reason, detail)
    if problems:
        raise InvalidRecordError("override not allowed: " + ", ".join(p.value for p in problems))
    return {
        "passage_uuid": override.passage_uuid,
        "at": rec.utc(override.at, "override time"),
        "operator_id": override.operator_id,
        "proposed": proposed.value,
        "chosen": chosen.value,
        "reason": reason.value,
        "detail": detail,
    }


def to_override(row: Any) -> Override:
    try:
        return Override(
            passage_uuid=row["passage_uuid"],
            at=row["at"],
            operator_id=row["operator_id"],
            proposed=Outcome(row["proposed"]),
            chosen=Outcome(row["chosen"]),
            reason=OverrideReason(row["reason"]),
            detail=row["detail"],
        )
    except (ValueError, TypeError) as exc:
        raise StorageError(StorageErrorKind.CORRUPT, f"unreadable override {row['uuid']}: {exc}") from exc


def append_passage_with_override(db: Database, draft: PassageDraft, override: Override) -> Passage:
    """Records ``draft`` and its ``override`` in one transaction; both are on disk when this returns.

    The passage's outcome must be the override's recorded one. Idempotent on ``draft.uuid`` like
    ``Database.append_passage``. Raises ``InvalidRecordError`` for an override the records do not allow.
    """
    if override.passage_uuid != draft.uuid:
        raise InvalidRecordError("an override must name the passage it is recorded with")
    if override.chosen is not draft.outcome:
        raise InvalidRecordError("the override's recorded outcome is not the passage's outcome")
    values = override_row(override)
    with db._writing() as (session, chain):
        inserted = db._insert_passages(session, chain, [draft])
        if inserted:
            db._check_operator(session, override.operator_id)
            db._append(session, chain, rec.PASSAGE_OVERRIDE, values)
            row, persons, vehicle = inserted[0]
            return rec.to_passage(row, [db._person(p) for p in persons], vehicle)
    stored = db.passage(draft.uuid)
    if stored is None:
        raise InvalidRecordError(
            f"passage {draft.uuid} exists but does not belong to station {db.station_id}"
        )
    return stored


def overrides_between(
    db: Database, since: datetime, until: datetime, gate_id: uuid.UUID | None = None
) -> dict[uuid.UUID, Override]:
    """This station's overrides of passages at ``since <= at < until`` (of one gate, when given), by the
    passage they belong to. Overrides of passages a purge removed are not returned."""
    since = rec.utc(since, "since")
    until = rec.utc(until, "until")
    o = _override_t.c
    query = (
        select(_override_t)
        .select_from(_override_t.join(_passage_t, _passage_t.c.uuid == o.passage_uuid))
        .where(o.station_id == db.station_id, o.at >= since, o.at < until)
        .order_by(o.seq)
    )
    if gate_id is not None:
        query = query.where(_passage_t.c.gate_id == gate_id)
    with db._reading() as session:
        return {row["passage_uuid"]: to_override(row) for row in session.execute(query).mappings()}
