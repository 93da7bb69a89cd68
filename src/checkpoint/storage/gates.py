"""Gates: the station's gates and the profile each one runs (``gate_profile`` records switch it).

A gate row is never changed: its profile is the one of its latest ``gate_profile`` record, or the one it
was recorded with. A switch is chained and audited (``settings_changed``). The district feed will send
gate profiles too (see ``Database``: a feed is applied in one write unit).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkpoint.domain.records import AuditAction, Gate
from checkpoint.storage import _records as rec
from checkpoint.storage._models import gate_profile_t, gate_t
from checkpoint.storage.chain import IN_CHUNK, is_recorded
from checkpoint.storage.errors import InvalidRecordError

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


class GateManager:
    """This station's gates (``db.gates``)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._known: set[uuid.UUID] = set()

    def exists(self, session: Session, gate_id: uuid.UUID) -> bool:
        """Whether this station has the gate (read in ``session``; found gates are remembered)."""
        return is_recorded(session, gate_t, gate_id, self._db.station_id, self._known)

    def ensure_gate(self, name: str, profile: str) -> Gate:
        """The gate called ``name`` with its current profile, appending it with ``profile`` if new.

        An existing gate keeps its profile whatever ``profile`` says: switching is
        :meth:`set_gate_profile`, which is recorded and audited.
        """
        name = rec.as_text(name, "gate name").strip()
        if not name:
            raise InvalidRecordError("a gate needs a name")
        profile = rec.as_text(profile, "gate profile").strip()
        with self._db.writing() as unit:
            session = unit.session
            row = (
                session.execute(
                    select(gate_t).where(gate_t.c.station_id == self._db.station_id, gate_t.c.name == name)
                )
                .mappings()
                .first()
            )
            if row is not None:
                return rec.to_gate(row, self._latest_profiles(session, [row["uuid"]]).get(row["uuid"]))
            values = unit.append(rec.GATE, {"name": name, "profile": profile})
            return rec.to_gate(values)

    def all(self) -> list[Gate]:
        """This station's gates in the order they were recorded, each with its current profile."""
        with self._db.reading() as session:
            rows = list(
                session.execute(
                    select(gate_t).where(gate_t.c.station_id == self._db.station_id).order_by(gate_t.c.seq)
                ).mappings()
            )
            latest = self._latest_profiles(session, [row["uuid"] for row in rows])
            return [rec.to_gate(row, latest.get(row["uuid"])) for row in rows]

    def set_gate_profile(
        self, gate_id: uuid.UUID, profile: str, at: datetime, operator_id: uuid.UUID | None
    ) -> Gate:
        """Switch the gate to ``profile`` from ``at`` on: a chained ``gate_profile`` record and an audit
        ``settings_changed`` entry ("gate <name>: profile a -> b"). Returns the gate as it is now.

        The gate row is never changed. Asking for the profile the gate already has appends nothing. The
        profile name is not checked against the profile files here (storage does not know them); the
        caller checks it.
        """
        profile = rec.as_text(profile, "gate profile").strip()
        if not profile:
            raise InvalidRecordError("a gate profile needs a name")
        at = rec.utc(at, "profile switch time")
        with self._db.writing() as unit:
            session = unit.session
            self._db.operators.check(session, operator_id)
            row = (
                session.execute(
                    select(gate_t).where(gate_t.c.uuid == gate_id, gate_t.c.station_id == self._db.station_id)
                )
                .mappings()
                .first()
            )
            if row is None:
                raise InvalidRecordError(f"no gate {gate_id}")
            gate = rec.to_gate(row, self._latest_profiles(session, [gate_id]).get(gate_id))
            if gate.profile == profile:
                return gate
            unit.append(
                rec.GATE_PROFILE,
                {"gate_id": gate_id, "profile": profile, "at": at, "operator_id": operator_id},
            )
            self._db.audit.append_in(
                unit,
                AuditAction.SETTINGS_CHANGED,
                f"gate {gate.name}: profile {gate.profile} -> {profile}",
                at,
                operator_id,
            )
            return rec.to_gate(row, profile)

    def _latest_profiles(self, session: Session, gate_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The profile of each gate's latest ``gate_profile`` record (gates never switched are absent).

        Switches are rare (a handful per gate over its life), so reading them all in seq order is cheap;
        the (gate_id, seq) index keeps it so.
        """
        latest: dict[uuid.UUID, str] = {}
        g = gate_profile_t.c
        for start in range(0, len(gate_ids), IN_CHUNK):
            found = session.execute(
                select(g.gate_id, g.profile)
                .where(g.station_id == self._db.station_id, g.gate_id.in_(gate_ids[start : start + IN_CHUNK]))
                .order_by(g.gate_id, g.seq)
            )
            for gate_id, profile in found:
                latest[gate_id] = profile
        return latest
