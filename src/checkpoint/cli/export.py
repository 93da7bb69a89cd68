"""``checkpoint export``: the shift leader's files (the handover sheet, the anomaly hand-off list)."""

from __future__ import annotations

import argparse
import uuid
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_unmask, parse_time
from checkpoint.cli.language import install_language
from checkpoint.domain.anchor import Anchor
from checkpoint.domain.roles import Permission
from checkpoint.exports import ExportError
from checkpoint.station.exporting import export_anomalies_file, export_handover_file
from checkpoint.station.texts import anomaly_labels, handover_labels
from checkpoint.storage.errors import StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what",
        choices=["handover", "anomalies"],
        help="handover: the shift handover sheet; anomalies: the hand-off list of persons to follow up",
    )
    parser.add_argument(
        "--format", required=True, choices=["xlsx", "pdf", "csv"], dest="fmt", help="pdf: handover only"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="PATH")
    parser.add_argument("--from", dest="since", type=parse_time, metavar="T", help="window start (ISO-8601)")
    parser.add_argument("--to", dest="until", type=parse_time, metavar="T", help="window end (ISO-8601)")
    parser.add_argument("--shift", metavar="ID", help="a shift's UUID (instead of --from/--to)")
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], help="language of the sheet (default: system locale)"
    )
    add_unmask(parser, "anomalies only")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    if args.what == "anomalies" and args.fmt == "pdf":
        raise CommandError("the anomaly hand-off is written as xlsx or csv, not pdf")
    if args.what == "handover" and args.unmask:
        raise CommandError("--unmask applies to 'export anomalies'; the handover sheet is always masked")
    shift_id = None
    if args.shift:
        try:
            shift_id = uuid.UUID(args.shift)
        except ValueError as error:
            raise CommandError(f"not a shift id: {args.shift!r}") from error
    database = open_db(args)
    try:
        operator = authorise(args, database, Permission.UNMASK if args.unmask else Permission.EXPORT)
        install_language(args.lang)
        try:
            if args.what == "anomalies":
                anomalies = export_anomalies_file(
                    database,
                    args.out,
                    args.fmt,
                    since=args.since,
                    until=args.until,
                    shift_id=shift_id,
                    labels=anomaly_labels(),
                    now=datetime.now(UTC),
                    unmasked_by=operator if args.unmask else None,
                    operator_id=operator.id,
                )
                masking = "UNMASKED (audited)" if anomalies.unmasked else "masked"
                print(
                    f"{anomalies.path}: {anomalies.rows} persons in {anomalies.passages} passages, {masking}"
                )
                _print_anchor(anomalies.anchor)
                return EXIT_OK
            result = export_handover_file(
                database,
                args.out,
                args.fmt,
                since=args.since,
                until=args.until,
                shift_id=shift_id,
                labels=handover_labels(),
                now=datetime.now(UTC),
                operator_id=operator.id,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        except ExportError as error:
            raise CommandError(f"nothing was written ({error.kind.value}): {error}") from error
        except StorageError as error:
            raise CommandError(f"database error ({error.kind.value}): {error}") from error
        print(
            f"{result.path}: {result.passages} passages, {result.window_start:%Y-%m-%d %H:%M} .. "
            f"{result.window_end:%Y-%m-%d %H:%M} UTC"
        )
        _print_anchor(result.anchor)
        return EXIT_OK
    finally:
        database.close()


def _print_anchor(anchor: Anchor | None) -> None:
    """The anchor the file carries: what ``checkpoint db verify --anchor`` takes later."""
    if anchor is not None:
        print(f"log anchor: {anchor.text()}")
