"""Passes the deployment issues (exit slips, resident and visitor passes): the registry, revocations, uses.

Issuing and revoking are chained records with their audit entries; a pass is revoked by a record, never
by an edit, and revocations from anywhere in the deployment count (the district feed will bring them).
Uses are read from the passages: every passage in which a person showed the pass, or that belongs to the
household an exit slip names. Quotas and return deadlines are computed from those.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from checkpoint.domain.records import AuditAction, Direction, Outcome
from checkpoint.storage import _records as rec
from checkpoint.storage._models import issued_pass_t, pass_revocation_t, passage_t, person_check_t
from checkpoint.storage.chain import IN_CHUNK
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


@dataclass(frozen=True)
class PassUse:
    """One passage in which a person showed a given pass (or belonged to a given household)."""

    at: datetime
    direction: Direction
    passage_uuid: uuid.UUID
    outcome: Outcome


@dataclass(frozen=True)
class IssuedPass:
    """A pass in the registry of issued passes, with its revocation when there is one."""

    pass_id: str
    kind: str
    summary: str
    household: str
    at: datetime
    operator_id: uuid.UUID | None
    revoked_at: datetime | None = None
    revocation_reason: str = ""


class PassManager:
    """The registry of issued passes, their revocations and their uses (``db.passes``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record_pass_issued(
        self,
        pass_id: str,
        kind: str,
        summary: str,
        at: datetime,
        operator_id: uuid.UUID | None,
        household: str = "",
    ) -> IssuedPass:
        """Add a pass to the registry of issued passes (chained) with an audit ``pass_issued`` entry.

        ``household`` is the household id an exit slip names (see :meth:`household_uses`). Recording the
        same pass id again with the same kind, summary and household returns the stored pass and appends
        nothing; with different content it is refused.
        """
        pass_id = self._pass_id(pass_id)
        kind = rec.as_text(kind, "pass kind").strip()
        if not kind:
            raise InvalidRecordError("a pass needs its kind")
        summary = rec.as_text(summary, "pass summary")
        household = rec.as_text(household, "household").strip()
        at = rec.utc(at, "issue time")
        with self._db.writing() as unit:
            session = unit.session
            self._db.operators.check(session, operator_id)
            row = (
                session.execute(
                    select(issued_pass_t).where(
                        issued_pass_t.c.station_id == self._db.station_id, issued_pass_t.c.pass_id == pass_id
                    )
                )
                .mappings()
                .first()
            )
            if row is not None:
                if (row["kind"], row["summary"], row["household"]) != (kind, summary, household):
                    raise InvalidRecordError(f"pass {pass_id} is already on record with other content")
                return self._issued(session, [row])[0]
            values = unit.append(
                rec.ISSUED_PASS,
                {
                    "pass_id": pass_id,
                    "kind": kind,
                    "summary": summary,
                    "household": household,
                    "at": at,
                    "operator_id": operator_id,
                },
            )
            self._db.audit.append_in(unit, AuditAction.PASS_ISSUED, f"{kind} {pass_id}", at, operator_id)
            return self._issued(session, [values])[0]

    def issued_passes(self, household: str = "") -> list[IssuedPass]:
        """The registry of issued passes (all stations in this database), oldest first; with
        ``household``, that household's passes only."""
        query = select(issued_pass_t)
        if household.strip():
            query = query.where(issued_pass_t.c.household == household.strip())
        with self._db.reading() as session:
            rows = list(session.execute(query.order_by(issued_pass_t.c.at, issued_pass_t.c.seq)).mappings())
            return self._issued(session, rows)

    def revoke_pass(self, pass_id: str, reason: str, at: datetime, operator_id: uuid.UUID | None) -> None:
        """Revoke a pass (issued here or anywhere in the deployment): a chained revocation record and an
        audit ``pass_revoked`` entry. Revoking a pass that is already revoked appends nothing."""
        pass_id = self._pass_id(pass_id)
        reason = rec.as_text(reason, "revocation reason").strip()
        if not reason:
            raise InvalidRecordError("a revocation needs its reason")
        at = rec.utc(at, "revocation time")
        with self._db.writing() as unit:
            session = unit.session
            self._db.operators.check(session, operator_id)
            already = session.execute(
                select(pass_revocation_t.c.id).where(pass_revocation_t.c.pass_id == pass_id).limit(1)
            ).first()
            if already is not None:
                return
            unit.append(
                rec.PASS_REVOCATION,
                {"pass_id": pass_id, "reason": reason, "at": at, "operator_id": operator_id},
            )
            self._db.audit.append_in(unit, AuditAction.PASS_REVOKED, f"{pass_id}: {reason}", at, operator_id)

    def revoked_pass_ids(self, at: datetime | None = None) -> frozenset[str]:
        """Every revoked pass id; with ``at``, those revoked at or before that time."""
        query = select(pass_revocation_t.c.pass_id).distinct()
        if at is not None:
            query = query.where(pass_revocation_t.c.at <= rec.utc(at, "time"))
        with self._db.reading() as session:
            return frozenset(session.execute(query).scalars())

    def pass_uses(self, pass_id: str, since: datetime | None = None) -> list[PassUse]:
        """Every passage in which someone showed pass ``pass_id`` (at or after ``since``), oldest first,
        whatever its outcome (a turned-back exit is a use too; quotas count only ``pass``)."""
        pass_id = self._pass_id(pass_id)
        return self._uses(
            select(person_check_t.c.passage_uuid).where(person_check_t.c.pass_id == pass_id), since
        )

    def household_uses(self, household: str, since: datetime | None = None) -> list[PassUse]:
        """Every passage of a household, oldest first.

        The household key is the household id the exit slip carries (e.g. ``3-2-501``, whatever the
        registry uses), compared exactly after trimming. A passage belongs to the household when one of its
        person checks names the household (the gate copies it from the verified slip) or shows a pass the
        registry lists for that household. Quotas and return deadlines use these, so a slip issued at one
        gate and used at another counts once the records meet in one database.
        """
        household = rec.as_text(household, "household").strip()
        if not household:
            raise InvalidRecordError("a household id must not be empty")
        pc = person_check_t.c
        holders = union(
            select(pc.passage_uuid).where(pc.household == household),
            select(pc.passage_uuid).where(
                pc.pass_id.in_(select(issued_pass_t.c.pass_id).where(issued_pass_t.c.household == household))
            ),
        )
        return self._uses(holders, since)

    def count_exits(self, household: str, since: datetime) -> int:
        """How many times the household went out (outcome ``pass``, direction ``out``) at or after
        ``since``: the "one exit per N days" quota counts these with ``since = now - N days``."""
        return sum(
            1
            for use in self.household_uses(household, since)
            if use.direction is Direction.OUT and use.outcome is Outcome.PASS
        )

    def last_exit_without_return(self, *, pass_id: str = "", household: str = "") -> datetime | None:
        """When the pass holder (or the household) last went out, if nobody has come back in since.

        Give exactly one of ``pass_id`` and ``household``. Only passages with outcome ``pass`` count. The
        gate compares the result with "back within H hours" to raise the overdue alarm; None means no exit
        is open (never out, or back in after the last exit).
        """
        if bool(pass_id.strip()) == bool(household.strip()):
            raise InvalidRecordError("give exactly one of pass_id and household")
        uses = self.pass_uses(pass_id) if pass_id.strip() else self.household_uses(household)
        open_exit: datetime | None = None
        for use in uses:
            if use.outcome is not Outcome.PASS:
                continue
            open_exit = use.at if use.direction is Direction.OUT else None
        return open_exit

    @staticmethod
    def _pass_id(pass_id: str) -> str:
        pass_id = rec.as_text(pass_id, "pass id").strip()
        if not pass_id:
            raise InvalidRecordError("a pass id must not be empty")
        return pass_id

    def _issued(self, session: Session, rows: Sequence[Mapping[Any, Any]]) -> list[IssuedPass]:
        ids = list({row["pass_id"] for row in rows})
        first: dict[str, tuple[datetime, str]] = {}
        for start in range(0, len(ids), IN_CHUNK):
            found = session.execute(
                select(pass_revocation_t.c.pass_id, pass_revocation_t.c.at, pass_revocation_t.c.reason)
                .where(pass_revocation_t.c.pass_id.in_(ids[start : start + IN_CHUNK]))
                .order_by(pass_revocation_t.c.at, pass_revocation_t.c.seq)
            )
            for pass_id, at, reason in found:
                first.setdefault(pass_id, (at, reason))
        return [
            IssuedPass(
                pass_id=row["pass_id"],
                kind=row["kind"],
                summary=row["summary"],
                household=row["household"],
                at=row["at"],
                operator_id=row["operator_id"],
                revoked_at=first[row["pass_id"]][0] if row["pass_id"] in first else None,
                revocation_reason=first[row["pass_id"]][1] if row["pass_id"] in first else "",
            )
            for row in rows
        ]

    def _uses(self, holders: Any, since: datetime | None) -> list[PassUse]:
        """Passages whose uuid is in ``holders`` (a select of passage uuids), oldest first.

        Passages that a later correction replaces are left out (the correction counts instead). Records of
        every station in the database count: a pass used at another gate of the deployment counts too.
        """
        p = passage_t
        superseded = select(p.c.corrects).where(p.c.corrects.is_not(None))
        query = select(p.c.at, p.c.direction, p.c.uuid, p.c.outcome).where(
            p.c.uuid.in_(holders), p.c.uuid.not_in(superseded)
        )
        if since is not None:
            query = query.where(p.c.at >= rec.utc(since, "since"))
        with self._db.reading() as session:
            rows = session.execute(query.order_by(p.c.at, p.c.seq)).all()
        try:
            return [PassUse(at, Direction(d), uid, Outcome(o)) for at, d, uid, o in rows]
        except ValueError as exc:
            raise StorageError(StorageErrorKind.CORRUPT, f"unreadable passage: {exc}") from exc
