"""Issuing the deployment's own passes: the one path for ``checkpoint passes issue`` and the GUI's
Issue pass dialog.

``new_pass`` builds a pass's content from its kind's fields and validity (a default number of days per
kind), ``issue_and_record`` signs it with the deployment's key and records it in the registry of issued
passes (chained, audited ``pass_issued``), and ``pass_caption`` is the card's caption under the QR code
(Chinese and English on one card: it is printed, not shown in the interface's language).
``PassIssueService`` runs the signing and recording on the writer thread for the GUI.

Who may issue: ``Permission.ISSUE_PASSES`` (shift leaders and administrators); the signing key itself
and revocations stay an administrator's (``Permission.PASSES``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography.hazmat.primitives.asymmetric import ed25519
from PySide6.QtCore import QCoreApplication, Signal

from checkpoint.domain.credentials import (
    ExitSlip,
    PassContentError,
    PassKind,
    ResidentPass,
    StationPass,
    SupplyVehiclePass,
    VisitorPass,
    issue_pass,
)
from checkpoint.domain.records import Operator
from checkpoint.domain.roles import Permission, allowed
from checkpoint.station.writer_service import WriterService
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError, StorageError
from checkpoint.storage.keys import KeyFileError, load_private_key

DEFAULT_DAYS: dict[PassKind, int] = {
    PassKind.EXIT_SLIP: 7,
    PassKind.RESIDENT: 365,
    PassKind.VISITOR: 1,
    PassKind.SUPPLY_VEHICLE: 30,
}
KIND_CAPTION: dict[PassKind, str] = {
    PassKind.EXIT_SLIP: "出门条 Exit slip",
    PassKind.RESIDENT: "居民通行证 Resident pass",
    PassKind.VISITOR: "访客预约 Visitor",
    PassKind.SUPPLY_VEHICLE: "保供车辆通行证 Supply vehicle",
}
# The fields each kind asks for, in the order a form shows them (the pass's own field names).
KIND_FIELDS: dict[PassKind, tuple[str, ...]] = {
    PassKind.EXIT_SLIP: ("household_id", "member_name", "exit_every_days", "return_within_hours"),
    PassKind.RESIDENT: ("household_id", "name", "building", "unit"),
    PassKind.VISITOR: ("visitor_name", "host_household_id", "host_name", "purpose"),
    PassKind.SUPPLY_VEHICLE: ("plate", "route", "company"),
}
NUMBER_FIELDS = {"exit_every_days": 2, "return_within_hours": 4}  # with their defaults
_TYPES: dict[PassKind, type[StationPass]] = {
    PassKind.EXIT_SLIP: ExitSlip,
    PassKind.RESIDENT: ResidentPass,
    PassKind.VISITOR: VisitorPass,
    PassKind.SUPPLY_VEHICLE: SupplyVehiclePass,
}


def station_issuer(database: Database) -> str:
    """The issuer a pass names when none is given: this station."""
    return f"station-{database.station_id}"


def new_pass(
    kind: PassKind,
    fields: Mapping[str, str | int],
    *,
    issuer: str,
    now: datetime,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    days: int | None = None,
) -> StationPass:
    """A pass of ``kind`` with its kind's ``fields``, valid from ``valid_from`` (default: now) until
    ``valid_until`` or for ``days`` days (default: the kind's usual days). Raises ``PassContentError``."""
    now = now.replace(microsecond=0)
    start = valid_from or now
    if valid_until is not None and days is not None:
        raise PassContentError("give the end of validity or a number of days, not both")
    if days is not None and days < 1:
        raise PassContentError("the number of days must be at least 1")
    end = valid_until or start + timedelta(days=days or DEFAULT_DAYS[kind])
    wanted = KIND_FIELDS[kind]
    values: dict[str, str | int] = {}
    for name in wanted:
        value = fields.get(name, NUMBER_FIELDS.get(name, ""))
        values[name] = value.strip() if isinstance(value, str) else value
    return _TYPES[kind](
        pass_id=uuid.uuid4(),
        issuer=issuer,
        issued_at=now,
        valid_from=start,
        valid_until=end,
        **values,
    )


def pass_caption(content: StationPass) -> list[str]:
    """The lines under the QR code on the printed card."""
    local = "%Y-%m-%d %H:%M"
    details = content.details()
    lines = [KIND_CAPTION[content.kind]]
    lines.append(
        " · ".join(str(v) for k, v in details.items() if k not in ("exit_every_days", "return_within_hours"))
    )
    if content.kind is PassKind.EXIT_SLIP:
        lines.append(
            f"每 {details['exit_every_days']} 天一次, {details['return_within_hours']} 小时内返回 "
            f"(once per {details['exit_every_days']} days, back within {details['return_within_hours']} h)"
        )
    lines.append(f"{content.valid_from.astimezone():{local}} – {content.valid_until.astimezone():{local}}")
    lines.append(str(content.pass_id))
    return lines


@dataclass(frozen=True, slots=True)
class IssuedCard:
    """A signed, recorded pass: its QR payload, its content and the card's caption."""

    payload: str
    content: StationPass
    caption: tuple[str, ...]


def issue_and_record(
    database: Database, content: StationPass, key: ed25519.Ed25519PrivateKey, operator_id: uuid.UUID | None
) -> IssuedCard:
    """Signs ``content`` and records it as issued by ``operator_id`` (audited). Raises
    ``PassContentError`` (nothing signed), ``InvalidRecordError`` or ``StorageError`` (signed, not recorded:
    the payload must not be handed out)."""
    payload = issue_pass(content, key)
    details = content.details()
    household = str(details.get("household_id") or details.get("host_household_id") or "")
    summary = " ".join(str(v) for v in details.values())
    database.passes.record_pass_issued(
        str(content.pass_id), content.kind.value, summary, content.issued_at, operator_id, household=household
    )
    return IssuedCard(payload, content, tuple(pass_caption(content)))


class PassIssueService(WriterService):
    """Issues passes for the GUI: the key is read, the pass signed and recorded on the writer thread.

    Signals:
        issued(object): an ``IssuedCard`` (on record: it may be printed and handed out).
        failed(str): a translated message; nothing was issued.
    """

    issued = Signal(object)
    failed = Signal(str)

    def issue(
        self,
        kind: PassKind,
        fields: Mapping[str, str | int],
        operator: Operator,
        *,
        valid_from: datetime | None = None,
        days: int | None = None,
    ) -> bool:
        """Starts issuing; False (and ``failed``) at once when ``operator`` may not issue passes."""
        if not allowed(operator.role, Permission.ISSUE_PASSES):
            self.failed.emit(
                QCoreApplication.translate(
                    "PassIssueService", "Only a shift leader or an administrator may issue passes."
                )
            )
            return False
        now = self._clock()
        wanted = dict(fields)

        def job(database: Database) -> IssuedCard | str:
            try:
                key = load_private_key()
            except KeyFileError as error:
                return QCoreApplication.translate(
                    "PassIssueService",
                    "No signing key on this station ({detail}). An administrator makes one with "
                    "'checkpoint passes keygen'.",
                ).format(detail=error)
            try:
                content = new_pass(
                    kind, wanted, issuer=station_issuer(database), now=now, valid_from=valid_from, days=days
                )
                return issue_and_record(database, content, key, operator.id)
            except PassContentError as error:
                return QCoreApplication.translate("PassIssueService", "Not issued: {detail}").format(
                    detail=error
                )
            except InvalidRecordError as error:
                return QCoreApplication.translate(
                    "PassIssueService", "Not issued (not recorded): {detail}"
                ).format(detail=error)

        self._writer.submit(job, on_done=self._on_done, on_error=self._on_storage_error)
        return True

    def _on_done(self, result: IssuedCard | str) -> None:
        if isinstance(result, str):
            self.failed.emit(result)
            return
        self._messages.info(
            QCoreApplication.translate("PassIssueService", "Pass issued and recorded: {id}").format(
                id=result.content.pass_id
            )
        )
        self.issued.emit(result)

    def _on_storage_error(self, error: StorageError) -> None:
        self._announce_storage_error(error, self.failed)
