"""``checkpoint purge``: retention. Removes old passages, keeping the counts the reports need (audited)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_signed_in, progress
from checkpoint.domain.roles import Permission
from checkpoint.station.retention import retention_days
from checkpoint.storage.errors import InvalidRecordError, StorageError
from checkpoint.storage.retention import PurgePlan, cutoff


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--older-than",
        type=int,
        default=None,
        metavar="DAYS",
        help="remove passages older than DAYS days (default: the 'retention/days' setting, else 30)",
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would go; change nothing")
    add_signed_in(parser, "an administrator")
    parser.add_argument("--json", action="store_true")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    days = retention_days() if args.older_than is None else args.older_than
    now = datetime.now(UTC)
    try:
        before = cutoff(now, days)
    except InvalidRecordError as error:
        raise CommandError(f"--older-than: {error}") from error
    database = open_db(args)
    try:
        operator_id = authorise(args, database, Permission.PURGE).id  # before anything is read
        try:
            if args.dry_run:
                plan = database.retention.plan_purge(before)
            else:
                result = database.retention.purge(
                    before,
                    at=now,
                    operator_id=operator_id,
                    progress=None if args.json else progress("passages removed"),
                )
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(f"nothing more was purged: {error}") from error
    finally:
        database.close()
    if args.dry_run:
        _print_plan(args, plan, days)
        return EXIT_OK
    if not args.json:
        print(file=sys.stderr)
    span = (
        f", {result.oldest:%Y-%m-%d %H:%M} .. {result.newest:%Y-%m-%d %H:%M} UTC"
        if result.oldest and result.newest
        else ""
    )
    if args.json:
        print(
            json.dumps(
                {
                    "dry_run": False,
                    "before": result.before.isoformat(),
                    "passages": result.passages,
                    "purge_records": result.days,
                    "summaries": result.summaries,
                    "oldest": result.oldest.isoformat() if result.oldest else None,
                    "newest": result.newest.isoformat() if result.newest else None,
                }
            )
        )
    else:
        print(
            f"purged {result.passages} passages older than {days} days "
            f"(before {result.before:%Y-%m-%d %H:%M} UTC){span}; kept {result.summaries} hourly summaries; "
            "audited"
        )
    return EXIT_OK


def _print_plan(args: argparse.Namespace, plan: PurgePlan, days: int) -> None:
    if args.json:
        data = {
            "dry_run": True,
            "before": plan.before.isoformat(),
            "passages": plan.passages,
            "oldest": plan.oldest.isoformat() if plan.oldest else None,
            "newest": plan.newest.isoformat() if plan.newest else None,
            "per_month": dict(plan.per_month),
            "kept_for_corrections": plan.kept_for_corrections,
        }
        print(json.dumps(data))
        return
    print(
        f"dry run: nothing changed. Passages older than {days} days "
        f"(before {plan.before:%Y-%m-%d %H:%M} UTC):"
    )
    if plan.oldest is None:
        print("  none")
        return
    print(
        f"  {plan.passages} would be removed, "
        f"{plan.oldest:%Y-%m-%d %H:%M} .. {plan.newest:%Y-%m-%d %H:%M} UTC"
    )
    for month, count in plan.per_month:
        print(f"  {month}: {count}")
    if plan.kept_for_corrections:
        print(f"  {plan.kept_for_corrections} kept: a newer correction names them")
    print("  their counts per gate, shift and hour would be kept for the reports")
