"""``checkpoint passes issue KIND``: sign a pass, print its payload, write a printable QR card (audited)."""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_signed_in, parse_time
from checkpoint.domain.credentials import (
    ExitSlip,
    PassContentError,
    ResidentPass,
    StationPass,
    SupplyVehiclePass,
    VisitorPass,
    issue_pass,
)
from checkpoint.domain.roles import Permission
from checkpoint.station.pass_card import PassCardError, write_pass_card
from checkpoint.storage.errors import InvalidRecordError, StorageError
from checkpoint.storage.keys import KeyFileError, load_private_key

_PASS_DEFAULT_DAYS = {"exit-slip": 7, "resident": 365, "visitor": 1, "supply-vehicle": 30}

_KIND_CAPTION = {
    "exit-slip": "出门条 Exit slip",
    "resident": "居民通行证 Resident pass",
    "visitor": "访客预约 Visitor",
    "supply-vehicle": "保供车辆通行证 Supply vehicle",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    exit_slip = kinds.add_parser("exit-slip", help="出门条: one member of a household goes out")
    exit_slip.add_argument("--household", required=True, metavar="ID")
    exit_slip.add_argument("--name", required=True, help="the member's name")
    exit_slip.add_argument("--every-days", type=int, default=2, metavar="N", help="one exit per N days")
    exit_slip.add_argument("--return-hours", type=int, default=4, metavar="H", help="back within H hours")
    resident = kinds.add_parser("resident", help="居民通行证: a resident's pass")
    resident.add_argument("--household", required=True, metavar="ID")
    resident.add_argument("--name", required=True)
    resident.add_argument("--building", required=True)
    resident.add_argument("--unit", required=True)
    visitor = kinds.add_parser("visitor", help="访客预约: a visitor's pre-registration")
    visitor.add_argument("--name", required=True, help="the visitor's name")
    visitor.add_argument("--host-household", required=True, metavar="ID")
    visitor.add_argument("--host-name", required=True)
    visitor.add_argument("--purpose", required=True)
    vehicle = kinds.add_parser("supply-vehicle", help="保供车辆通行证: a supply vehicle's standing pass")
    vehicle.add_argument("--plate", required=True)
    vehicle.add_argument("--route", required=True)
    vehicle.add_argument("--company", required=True)
    for kind_parser in (exit_slip, resident, visitor, vehicle):
        kind_parser.add_argument(
            "--from", dest="valid_from", type=parse_time, metavar="T", help="default: now"
        )
        kind_parser.add_argument("--until", dest="valid_until", type=parse_time, metavar="T")
        kind_parser.add_argument(
            "--days", type=int, metavar="N", help="valid N days from --from (instead of --until)"
        )
        kind_parser.add_argument(
            "--issuer", help="issuer id printed in the pass (default: this station's id)"
        )
        kind_parser.add_argument("--png", type=Path, metavar="OUT", help="write a printable QR card here")
        kind_parser.add_argument("--json", action="store_true")
        add_signed_in(kind_parser, "an administrator")
        add_db(kind_parser)


def run(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        operator = authorise(args, database, Permission.PASSES)
        try:
            key = load_private_key()
        except KeyFileError as error:
            raise CommandError(str(error)) from error
        content = _pass_content(args, f"station-{database.station_id}")
        try:
            payload = issue_pass(content, key)
        except PassContentError as error:
            raise CommandError(str(error)) from error
        if args.png is not None:
            try:
                write_pass_card(payload, _pass_caption(content), args.png)
            except PassCardError as error:
                raise CommandError(str(error)) from error
        details = content.details()
        household = str(details.get("household_id") or details.get("host_household_id") or "")
        summary = " ".join(str(v) for v in details.values())
        try:
            database.passes.record_pass_issued(
                str(content.pass_id),
                content.kind.value,
                summary,
                content.issued_at,
                operator.id,
                household=household,
            )
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(f"the pass was signed but not recorded: {error}") from error
    finally:
        database.close()
    if args.json:
        out = {"payload": payload, "pass": content.to_json(), "png": str(args.png) if args.png else None}
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(payload)
    return EXIT_OK


def _pass_content(args: argparse.Namespace, issuer: str) -> StationPass:
    now = datetime.now(UTC).replace(microsecond=0)
    valid_from = args.valid_from or now
    if args.valid_until is not None and args.days is not None:
        raise CommandError("give --until or --days, not both")
    if args.days is not None and args.days < 1:
        raise CommandError("--days must be at least 1")
    valid_until = args.valid_until or valid_from + timedelta(days=args.days or _PASS_DEFAULT_DAYS[args.kind])
    common: dict[str, Any] = {
        "pass_id": uuid.uuid4(),
        "issuer": args.issuer or issuer,
        "issued_at": now,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    if args.kind == "exit-slip":
        return ExitSlip(
            **common,
            household_id=args.household,
            member_name=args.name,
            exit_every_days=args.every_days,
            return_within_hours=args.return_hours,
        )
    if args.kind == "resident":
        return ResidentPass(
            **common, household_id=args.household, name=args.name, building=args.building, unit=args.unit
        )
    if args.kind == "visitor":
        return VisitorPass(
            **common,
            visitor_name=args.name,
            host_household_id=args.host_household,
            host_name=args.host_name,
            purpose=args.purpose,
        )
    return SupplyVehiclePass(**common, plate=args.plate, route=args.route, company=args.company)


def _pass_caption(content: StationPass) -> list[str]:
    local = "%Y-%m-%d %H:%M"
    details = content.details()
    lines = [_KIND_CAPTION[content.kind.value]]
    lines.append(
        " · ".join(str(v) for k, v in details.items() if k not in ("exit_every_days", "return_within_hours"))
    )
    if content.kind.value == "exit-slip":
        lines.append(
            f"每 {details['exit_every_days']} 天一次, {details['return_within_hours']} 小时内返回 "
            f"(once per {details['exit_every_days']} days, back within {details['return_within_hours']} h)"
        )
    lines.append(f"{content.valid_from.astimezone():{local}} – {content.valid_until.astimezone():{local}}")
    lines.append(str(content.pass_id))
    return lines
