"""``checkpoint scan``: decode codes in images or stdin payloads, without GUI or database."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from checkpoint.camera.scan_command import ScanInputError, Verification, scan_image_file, scan_payload
from checkpoint.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    CommandError,
    json_line,
    parse_time,
    print_error,
    terminal_safe,
)
from checkpoint.domain.credentials import StationKeys, TrustListError
from checkpoint.storage.keys import KeyFileError, load_station_keys, load_trust_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per input")
    parser.add_argument("--at", type=parse_time, metavar="ISO-8601", help="validation clock (default: now)")
    parser.add_argument("--trust", action="append", default=[], metavar="PATH", help="signer certificates")
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="image file, or '-' for one payload per stdin line"
    )


def run(args: argparse.Namespace) -> int:
    try:
        trust = load_trust_store(Path(p) for p in args.trust) if args.trust else None
    except TrustListError as error:
        raise CommandError(f"--trust: {error}") from error
    verification = Verification(trust=trust, station_keys=station_keys(), at=args.at or datetime.now(UTC))
    failures = 0
    for item in args.inputs:
        if item == "-":
            for line in sys.stdin:
                text = line.rstrip("\r\n")
                if not text.strip():
                    continue
                _print_scan(args, text, [scan_payload(text, verification).to_json()], None)
            continue
        try:
            codes = [code.to_json() for code in scan_image_file(Path(item), verification)]
        except ScanInputError as error:
            failures += 1
            _print_scan(args, item, [], str(error))
            continue
        _print_scan(args, item, codes, None)
    return EXIT_FAILURE if failures else EXIT_OK


def station_keys() -> StationKeys:
    """The deployment's public keys in the keys folder: station passes verify against them."""
    try:
        return load_station_keys()
    except KeyFileError as error:
        raise CommandError(str(error)) from error


def _print_scan(
    args: argparse.Namespace, item: str, codes: list[dict[str, object]], error: str | None
) -> None:
    if args.json:
        print(json_line({"input": item, "codes": codes, "error": error}), flush=True)
        return
    if error is not None:
        print_error(f"{item}: {error}")
        return
    if not codes:
        print(f"{terminal_safe(item)}: no code found", flush=True)
    for code in codes:
        verdict = ""
        if code["kind"] in ("dcc", "station-pass"):
            errors = cast("list[object]", code["errors"])
            problems = ", ".join(str(e) for e in errors) if errors else "ok"
            verdict = f" signature={code['signature']} expired={code['expired']} ({problems})"
        # the payload is anyone's: ESC, BEL, CR or a line break in it must not reach the terminal raw
        text = terminal_safe(f"{item}: [{code['kind']}]{verdict} {code['text']}")
        print(text, flush=True)
