"""``checkpoint passes issue KIND``: sign a pass, print its payload, write a printable QR card (audited).

The same station service as the GUI's *File > Issue pass...* (``station/passes.py``); a shift leader or an
administrator may issue (``Permission.ISSUE_PASSES``)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_signed_in, parse_time
from checkpoint.domain.credentials import PassContentError, PassKind
from checkpoint.domain.roles import Permission
from checkpoint.station.pass_card import PassCardError, write_pass_card
from checkpoint.station.passes import issue_and_record, new_pass, station_issuer
from checkpoint.storage.errors import InvalidRecordError, StorageError
from checkpoint.storage.keys import KeyFileError, load_private_key


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
        add_signed_in(kind_parser, "a shift leader or an administrator")
        add_db(kind_parser)


def run(args: argparse.Namespace) -> int:
    """Signs, records and (with --png) prints a pass: the station service the GUI's Issue pass uses."""
    database = open_db(args)
    try:
        operator = authorise(args, database, Permission.ISSUE_PASSES)
        try:
            key = load_private_key()
        except KeyFileError as error:
            raise CommandError(str(error)) from error
        try:
            content = new_pass(
                PassKind(args.kind),
                _pass_fields(args),
                issuer=args.issuer or station_issuer(database),
                now=datetime.now(UTC),
                valid_from=args.valid_from,
                valid_until=args.valid_until,
                days=args.days,
            )
            card = issue_and_record(database, content, key, operator.id)
        except PassContentError as error:
            raise CommandError(str(error)) from error
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(
                f"the pass was signed but not recorded (do not hand it out): {error}"
            ) from error
        if args.png is not None:
            try:
                write_pass_card(card.payload, card.caption, args.png)
            except PassCardError as error:
                raise CommandError(f"the pass is recorded, but its card was not written: {error}") from error
    finally:
        database.close()
    if args.json:
        out = {"payload": card.payload, "pass": content.to_json(), "png": str(args.png) if args.png else None}
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(card.payload)
    return EXIT_OK


def _pass_fields(args: argparse.Namespace) -> dict[str, str | int]:
    """The kind's fields as the command line gives them (the pass's own field names)."""
    if args.kind == "exit-slip":
        return {
            "household_id": args.household,
            "member_name": args.name,
            "exit_every_days": args.every_days,
            "return_within_hours": args.return_hours,
        }
    if args.kind == "resident":
        return {
            "household_id": args.household,
            "name": args.name,
            "building": args.building,
            "unit": args.unit,
        }
    if args.kind == "visitor":
        return {
            "visitor_name": args.name,
            "host_household_id": args.host_household,
            "host_name": args.host_name,
            "purpose": args.purpose,
        }
    return {"plate": args.plate, "route": args.route, "company": args.company}
