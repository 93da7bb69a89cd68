"""``checkpoint bench verify``: the time to verify one DCC and one station pass."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.bench import BenchError
from checkpoint.bench.verify import format_verify_bench, run_verify_bench
from checkpoint.cli.common import EXIT_OK, CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, metavar="DIR", help="DCC test vectors (dgc-testdata layout) to take a DCC from"
    )
    parser.add_argument("--repeat", type=int, default=500, metavar="N", help="verifications to time")
    parser.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    try:
        report = run_verify_bench(args.data, args.repeat, datetime.now(UTC))
    except BenchError as error:
        raise CommandError(str(error)) from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_verify_bench(report))
    return EXIT_OK
