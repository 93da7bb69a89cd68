"""``checkpoint demo-data``: fill a database with a realistic synthetic history."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime

from checkpoint.cli.access import open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, db_url, parse_time, progress
from checkpoint.station.demo import fill_demo_history, scale_for


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--days", type=int, metavar="N", help="days of history (default: 365 with --passages)"
    )
    parser.add_argument(
        "--passages", type=int, metavar="N", help="about N passages in all (the traffic is scaled to fit)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", default="highway-exit", choices=["highway-exit", "compound-gate"])
    parser.add_argument("--end", type=parse_time, metavar="T", help="end of the history (default: now)")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    if args.days is None and args.passages is None:
        raise CommandError("give --days N, --passages N or both")
    days = args.days if args.days is not None else 365
    if days < 1:
        raise CommandError("--days must be at least 1")
    if args.passages is not None and args.passages < 1:
        raise CommandError("--passages must be at least 1")
    scale = 1.0 if args.passages is None else scale_for(args.passages, days, args.profile)
    started = time.perf_counter()
    database = open_db(args)
    try:
        summary = fill_demo_history(
            database,
            days=days,
            end=(args.end or datetime.now(UTC)).astimezone(),  # shifts follow local time
            seed=args.seed,
            profile=args.profile,
            scale=scale,
            progress=progress("passages"),
        )
    finally:
        database.close()
    elapsed = time.perf_counter() - started
    print(file=sys.stderr)
    print(
        f"{summary.passages} passages in {summary.shifts} shifts over {days} days "
        f"({elapsed:.0f} s, {summary.passages / max(elapsed, 1e-9):.0f} passages/s): {db_url(args)}"
    )
    return EXIT_OK
