"""``checkpoint bench pipeline``: the real station offscreen on the demo camera, measured while it scans.

A measurement: it exits 0 even when a target is missed (the report says so).
"""

from __future__ import annotations

import argparse
import json

from checkpoint.bench import BenchError
from checkpoint.bench.pipeline import run_pipeline_bench
from checkpoint.bench.probes import format_pipeline_report
from checkpoint.cli.common import EXIT_OK, CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seconds", type=float, default=30.0, metavar="N", help="how long to measure the running station"
    )
    parser.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    if not args.seconds > 0:
        raise CommandError(f"--seconds must be positive, got {args.seconds}")
    try:
        report = run_pipeline_bench(args.seconds)
    except BenchError as error:
        raise CommandError(str(error)) from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(format_pipeline_report(report))
    return EXIT_OK
