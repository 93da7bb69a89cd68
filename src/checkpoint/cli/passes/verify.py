"""``checkpoint passes verify``: check a pass payload or an image of one (exit 1 unless valid)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.camera.scan_command import ScanInputError, Verification, scan_image_file
from checkpoint.cli.access import open_db
from checkpoint.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    CommandError,
    add_db,
    json_line,
    parse_time,
    terminal_safe,
)
from checkpoint.cli.scan import station_keys
from checkpoint.domain.credentials import PassVerdict, pass_verdict
from checkpoint.domain.records import CodeKind


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="PAYLOAD|IMAGE")
    parser.add_argument("--at", type=parse_time, metavar="ISO-8601", help="validation clock (default: now)")
    parser.add_argument("--json", action="store_true")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    keys = station_keys()
    if not len(keys):
        raise CommandError(
            "no deployment public key in the keys folder: copy deployment-ed25519.pub.pem there"
        )
    database = open_db(args)
    try:
        revoked = database.passes.revoked_pass_ids()
    finally:
        database.close()
    verification = Verification(station_keys=keys, revoked=revoked, at=args.at or datetime.now(UTC))
    path = Path(args.input)
    if not args.input.startswith("CPS1:") and path.is_file():
        try:
            codes = [c for c in scan_image_file(path, verification) if c.kind is CodeKind.STATION_PASS]
        except ScanInputError as error:
            raise CommandError(str(error)) from error
        if not codes:
            raise CommandError(f"{path}: no station pass found in the image")
        code = codes[0]
    else:
        code = verification.inspect(args.input.strip())
    verdict = pass_verdict(code)
    if args.json:
        print(json_line({"verdict": verdict.value, **code.to_json()}))
    else:
        print(verdict.value)
        if isinstance(code.payload, dict):
            for key, value in code.payload.items():
                print(terminal_safe(f"  {key}: {value}"))
        if code.errors:
            print(f"  errors: {', '.join(code.errors)}")
    return EXIT_OK if verdict is PassVerdict.VALID else EXIT_FAILURE
