"""Overrides on record (``domain.overrides``): a passage and its override in one write unit, and the
overrides of a time window for the handover sheet and the anomaly hand-off.

An override is a chained ``passage_override`` record naming its passage: who overrode, the proposed and
the recorded outcome, the reason and what the operator typed. It is appended in the same write unit as
the passage (``db.passages`` joins the unit opened here), so a passage recorded over a proposal it
overrides is never on disk without its override. The passage has no foreign key to it: a retention purge
removes old passages, and their overrides stay on record like the audit trail.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from checkpoint.domain.overrides import Override, OverrideReason, override_problems
from checkpoint.domain.records import Outcome, Passage, PassageDraft
from checkpoint.storage import _records as rec
from checkpoint.storage._models import passage_override_t, passage_t
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


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


class OverrideManager:
    """This station's overrides (``db.overrides``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def append_passage(self, draft: PassageDraft, override: Override) -> Passage:
        """Records ``draft`` and its ``override`` in one write unit; both are on disk when this returns.

        The passage's outcome must be the override's recorded one. Idempotent on ``draft.uuid`` like
        ``db.passages.append_passage``. Raises ``InvalidRecordError`` for an override the records do not
        allow (nothing is written then).
        """
        if override.passage_uuid != draft.uuid:
            raise InvalidRecordError("an override must name the passage it is recorded with")
        if override.chosen is not draft.outcome:
            raise InvalidRecordError("the override's recorded outcome is not the passage's outcome")
        values = override_row(override)
        with self._db.writing() as unit:
            stored = unit.session.execute(
                select(passage_t.c.id).where(passage_t.c.uuid == draft.uuid)
            ).first()
            passage = self._db.passages.append_passage(draft)  # joins this unit
            if stored is None:
                self._db.operators.check(unit.session, override.operator_id)
                unit.append(rec.PASSAGE_OVERRIDE, values)
            return passage

    def between(
        self, since: datetime, until: datetime, gate_id: uuid.UUID | None = None
    ) -> dict[uuid.UUID, Override]:
        """This station's overrides of passages at ``since <= at < until`` (of one gate, when given), by
        the passage they belong to. Overrides of passages a purge removed are not returned."""
        since = rec.utc(since, "since")
        until = rec.utc(until, "until")
        o = passage_override_t.c
        query = (
            select(passage_override_t)
            .select_from(passage_override_t.join(passage_t, passage_t.c.uuid == o.passage_uuid))
            .where(o.station_id == self._db.station_id, o.at >= since, o.at < until)
            .order_by(o.seq)
        )
        if gate_id is not None:
            query = query.where(passage_t.c.gate_id == gate_id)
        with self._db.reading() as session:
            return {row["passage_uuid"]: to_override(row) for row in session.execute(query).mappings()}
