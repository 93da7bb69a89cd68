"""``checkpoint residents import``: households and members from a CSV or XLSX file, a report of every row
(administrators; audited). ``--dry-run`` reports what would be imported and stores nothing."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_signed_in, terminal_safe
from checkpoint.cli.language import install_language
from checkpoint.domain.masking import mask_name
from checkpoint.domain.residents import ImportAction
from checkpoint.domain.residents_import import ResidentRejectCode
from checkpoint.domain.roles import Permission
from checkpoint.station.residents import ResidentsFileError, read_residents_file
from checkpoint.station.texts import enum_text, file_problem_text
from checkpoint.storage.errors import InvalidRecordError, StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--dry-run", action="store_true", help="report only; store nothing")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the report")
    add_signed_in(parser, "an administrator")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    database = open_db(args)
    try:
        operator = authorise(args, database, Permission.IMPORT_RESIDENTS)
        install_language(args.lang)
        try:
            report = read_residents_file(args.file, database, today_at=now)
        except ResidentsFileError as error:
            raise CommandError(str(error)) from error
        parsed = report.file
        if parsed.error is not None:
            detail = f" ({parsed.error_detail})" if parsed.error_detail else ""
            raise CommandError(
                f"nothing imported: {file_problem_text(parsed.error, parsed.error_detail)}{detail}"
            )
        plan = report.plan
        if not args.dry_run and report.importable:
            try:
                plan = database.residents.store_import(parsed.rows, now, operator.id, report.source)
            except (StorageError, InvalidRecordError) as error:
                raise CommandError(f"nothing imported: {error}") from error
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    finally:
        database.close()
    lines: list[tuple[int, str]] = [
        (
            row.line,
            f"{row.line}\t{enum_text(row.action)}\t{row.member.household}\t{mask_name(row.member.name)}",
        )
        for row in plan.rows
    ]
    lines += [(r.line, f"{r.line}\t{enum_text(r.reason_code)}\t{r.detail}") for r in parsed.rejected]
    for line, _row, registered in plan.conflicts:
        text = enum_text(ResidentRejectCode.REGISTERED_TO_OTHER)
        lines.append((line, f"{line}\t{text}\t{mask_name(registered.name)}"))
    for _line, text in sorted(lines, key=lambda item: item[0]):
        print("\t".join(terminal_safe(field) for field in text.split("\t")))  # fields from the file
    verb = "would import" if args.dry_run else "imported"
    print(
        f"{verb}: {plan.count(ImportAction.NEW)} new, {plan.count(ImportAction.UPDATED)} updated, "
        f"{plan.count(ImportAction.UNCHANGED)} unchanged members, {len(plan.households)} households; "
        f"{len(parsed.rejected) + len(plan.conflicts)} rows rejected",
        file=sys.stderr,
    )
    return EXIT_OK
