"""``checkpoint db verify``: the integrity check and the hash-chain check (a failure is audited)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_FAILURE, EXIT_OK, CommandError, add_db, add_pin_stdin
from checkpoint.domain.roles import Permission
from checkpoint.station.chain_check import check_database, record_text
from checkpoint.storage.errors import StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", help="integrity check and hash-chain check (a failure is written to the audit trail)"
    )
    verify.add_argument("--json", action="store_true")
    verify.add_argument(
        "--operator", metavar="NAME", help="optional: who checks (asked for a PIN); a success is audited too"
    )
    add_pin_stdin(verify)
    add_db(verify)


_BREAK_WORDS = {
    "hash_mismatch": "edited outside the application",
    "link_mismatch": "inserted outside the application (its link to the record before it is wrong)",
    "seq_gap": "missing (deleted outside the application)",
}


def run(args: argparse.Namespace) -> int:
    """``db verify``: open to anyone (a read-only self-check); a failure is an audited event."""
    database = open_db(args)
    try:
        # --operator is optional: it puts the check (a success too) under that operator's name.
        operator = authorise(args, database, Permission.VIEW_LOG) if args.operator else None
        try:
            check = check_database(
                database,
                datetime.now(UTC),
                operator.id if operator is not None else None,
                audit_success=operator is not None,
            )
        except StorageError as error:
            raise CommandError(f"cannot verify the database ({error.kind.value}): {error}") from error
    finally:
        database.close()
    report = check.report
    brk = report.first_break
    if args.json:
        data = {
            "ok": report.ok,
            "integrity_ok": report.integrity_ok,
            "integrity_messages": report.integrity_messages,
            "records_checked": report.records_checked,
            "first_break": None
            if brk is None
            else {
                "seq": brk.seq,
                "kind": brk.kind,
                "uuid": brk.uuid,
                "problem": brk.problem.value,
                "detail": brk.detail,
            },
            "audited": check.audited,
        }
        print(json.dumps(data, ensure_ascii=False))
    else:
        integrity = "ok" if report.integrity_ok else "FAILED: " + "; ".join(report.integrity_messages)
        print(f"integrity check: {integrity}")
        if brk is None:
            print(f"hash chain: ok ({report.records_checked} records)")
        else:
            print(f"hash chain: BROKEN at {record_text(brk)}: {_BREAK_WORDS[brk.problem.value]}")
    if report.ok:
        return EXIT_OK
    if brk is not None:
        reason = f"{record_text(brk)} was {_BREAK_WORDS[brk.problem.value]}"
    else:
        reason = "the integrity check failed: " + "; ".join(report.integrity_messages[:1])
    if check.audit_error is not None:
        recorded = f"could not be written to the audit trail ({check.audit_error.kind.value})"
    else:
        recorded = "written to the audit trail"
    print(
        f"checkpoint: error: the database failed verification: {reason}; {recorded}. "
        "Keep this PC as it is and call the administrator.",
        file=sys.stderr,
    )
    return EXIT_FAILURE
