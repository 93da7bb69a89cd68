"""``checkpoint db``: ``verify`` (the integrity check, the hash chain, anchors, the search index; a failure
is audited), ``anchors`` (the anchors this station issued) and ``reindex`` (rebuild the search index)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_FAILURE, EXIT_OK, CommandError, add_db, add_pin_stdin
from checkpoint.domain.anchor import Anchor, AnchorError, parse_anchor
from checkpoint.domain.roles import Permission
from checkpoint.station.chain_check import ANCHOR_WORDS, anchor_text, check_database, index_text, record_text
from checkpoint.storage.errors import StorageError
from checkpoint.storage.integrity import VerifyReport


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="integrity check, hash chain, anchors and search index (a failure is audited)",
    )
    verify.add_argument(
        "--anchor",
        action="append",
        default=[],
        type=_anchor_argument,
        metavar="SEQ:HASH",
        help="an anchor from a handover sheet, hand-off or shift close (the text under the signatures or "
        "its QR code's text, CPA1:STATION:SEQ:HASH); fails unless the log still holds that record with "
        "that hash (repeatable)",
    )
    verify.add_argument(
        "--anchors",
        type=Path,
        metavar="FILE",
        help="anchors one per line (the first word of each line; blank lines and # comments skipped), "
        "e.g. a saved 'checkpoint db anchors'",
    )
    verify.add_argument("--json", action="store_true")
    _add_operator(verify, "optional: who checks (asked for a PIN); a success is audited too")
    add_db(verify)

    anchors = actions.add_parser(
        "anchors", help="the anchors this station issued on sheets and shift closes, oldest first"
    )
    anchors.add_argument("--json", action="store_true")
    add_db(anchors)

    reindex = actions.add_parser("reindex", help="rebuild the log's search index from the records (audited)")
    _add_operator(reindex, "optional: who rebuilds it (asked for a PIN)")
    add_db(reindex)


def _add_operator(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--operator", metavar="NAME", help=text)
    add_pin_stdin(parser)


def _anchor_argument(text: str) -> Anchor:
    try:
        return parse_anchor(text)
    except AnchorError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def read_anchors(path: Path) -> list[Anchor]:
    """The anchors of a file, one per line: the line's first word; blank lines and ``#`` comments skipped."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read the anchors file {path}: {error}") from error
    anchors = []
    for number, line in enumerate(lines, start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        try:
            anchors.append(parse_anchor(words[0]))
        except AnchorError as error:
            raise CommandError(f"{path}:{number}: {error}") from error
    return anchors


_BREAK_WORDS = {
    "hash_mismatch": "edited outside the application",
    "link_mismatch": "inserted outside the application (its link to the record before it is wrong)",
    "seq_gap": "missing (deleted outside the application)",
    "unvouched_gap": "missing, and a purge record that does not account for it stands in for it "
    "(deleted outside the application)",
}


def run(args: argparse.Namespace) -> int:
    if args.db_command == "anchors":
        return _list_anchors(args)
    if args.db_command == "reindex":
        return _reindex(args)
    return _verify(args)


def _verify(args: argparse.Namespace) -> int:
    """``db verify``: open to anyone (a read-only self-check, without the data key if need be); a failure
    is an audited event."""
    anchors = list(args.anchor) + (read_anchors(args.anchors) if args.anchors is not None else [])
    database = open_db(args, need_data_key=False)
    try:
        # --operator is optional: it puts the check (a success too) under that operator's name.
        operator = authorise(args, database, Permission.VIEW_LOG) if args.operator else None
        try:
            check = check_database(
                database,
                datetime.now(UTC),
                operator.id if operator is not None else None,
                audit_success=operator is not None,
                anchors=anchors,
            )
        except StorageError as error:
            raise CommandError(f"cannot verify the database ({error.kind.value}): {error}") from error
        key_reason = database.data_key_problem
    finally:
        database.close()
    report = check.report
    if args.json:
        print(json.dumps(_report_json(report, check.audited, key_reason), ensure_ascii=False))
    else:
        _print_report(report, key_reason)
    if report.ok:
        return EXIT_OK
    if check.audit_error is not None:
        recorded = f"could not be written to the audit trail ({check.audit_error.kind.value})"
    else:
        recorded = "written to the audit trail"
    print(
        f"checkpoint: error: the database failed verification: {_reason(report)}; {recorded}. "
        "Keep this PC as it is and call the administrator.",
        file=sys.stderr,
    )
    return EXIT_FAILURE


def _reason(report: VerifyReport) -> str:
    """The one problem the error line names: the chain first, then anchors, the file, the index."""
    brk = report.first_break
    if brk is not None:
        return f"{record_text(brk)} was {_BREAK_WORDS[brk.problem.value]}"
    failed = [check for check in report.anchors if not check.ok]
    if failed:
        more = f" (and {len(failed) - 1} more anchors)" if len(failed) > 1 else ""
        return anchor_text(failed[0]) + more
    if not report.integrity_ok:
        return "the integrity check failed: " + "; ".join(report.integrity_messages[:1])
    assert report.search_index is not None
    return (
        f"the search index does not match the records ({index_text(report.search_index)}): people may be "
        "missing from the log's search; 'checkpoint db reindex' rebuilds it"
    )


def _print_report(report: VerifyReport, key_reason: str) -> None:
    integrity = "ok" if report.integrity_ok else "FAILED: " + "; ".join(report.integrity_messages)
    print(f"integrity check: {integrity}")
    brk = report.first_break
    if brk is None:
        print(
            f"hash chain: ok ({report.records_checked} records; head #{report.head_seq} "
            f"{report.head_hash[:16]})"
        )
    else:
        print(f"hash chain: BROKEN at {record_text(brk)}: {_BREAK_WORDS[brk.problem.value]}")
    if report.purged:
        print(
            f"purged: {report.purged} records removed by retention purges, each run vouched for by its "
            "purge record"
        )
    index = report.search_index
    if index is not None:
        if index.ok:
            print(f"search index: ok ({index.rows} rows)")
        else:
            print(f"search index: BROKEN: {index_text(index)} (checkpoint db reindex rebuilds it)")
    if key_reason:
        if report.unchecked_without_key:
            print(
                f"data key: not available ({key_reason}): {report.unchecked_without_key} records written "
                "before schema 0006 hash plain ID numbers and phones and were not checked (their links were)"
            )
        else:
            print(f"data key: not available ({key_reason}); no record needed it")
    if not report.anchors:
        print(
            "anchors: none given (a history rewritten on this PC and rechained passes without them: "
            "checkpoint db verify --anchor CPA1:... from the sheets)"
        )
    for check in report.anchors:
        state = "ok" if check.ok else "FAILED"
        print(
            f"anchor {check.anchor.text()}: {state}" + ("" if check.ok else f": {ANCHOR_WORDS[check.status]}")
        )


def _report_json(report: VerifyReport, audited: bool, key_reason: str) -> dict[str, object]:
    brk = report.first_break
    index = report.search_index
    return {
        "ok": report.ok,
        "integrity_ok": report.integrity_ok,
        "integrity_messages": report.integrity_messages,
        "records_checked": report.records_checked,
        "head": {"seq": report.head_seq, "hash": report.head_hash},
        "first_break": None
        if brk is None
        else {
            "seq": brk.seq,
            "kind": brk.kind,
            "uuid": brk.uuid,
            "problem": brk.problem.value,
            "detail": brk.detail,
        },
        "purged": report.purged,
        "anchors": [
            {
                "anchor": check.anchor.text(),
                "ok": check.ok,
                "status": check.status.value,
                "found": check.found,
                "detail": check.detail,
            }
            for check in report.anchors
        ],
        "search_index": None
        if index is None
        else {
            "ok": index.ok,
            "rows": index.rows,
            "missing": index.missing,
            "extra": index.extra,
            "index_ok": index.index_ok,
            "first_passage": None
            if index.first_passage is None
            else {"seq": index.first_passage[0], "uuid": index.first_passage[1]},
        },
        "data_key": report.data_key,
        "data_key_problem": key_reason or None,
        "unchecked_without_key": report.unchecked_without_key,
        "audited": audited,
    }


def _list_anchors(args: argparse.Namespace) -> int:
    """``db anchors``: open to anyone (no personal data); one anchor a line, its first word what
    ``db verify --anchors`` reads."""
    database = open_db(args, need_data_key=False)
    try:
        issued = database.anchors.issued()
        names = {op.id: op.name for op in database.operators.all()}
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    finally:
        database.close()
    if args.json:
        rows = [
            {
                "anchor": item.anchor.text(),
                "station_id": str(item.anchor.station_id),
                "seq": item.anchor.seq,
                "hash": item.anchor.hash,
                "issued_at": item.at.isoformat(),
                "operator": names.get(item.operator_id) if item.operator_id else None,
                "purpose": item.purpose,
            }
            for item in issued
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for item in issued:
        who = names.get(item.operator_id, "") if item.operator_id else ""
        print(f"{item.anchor.text()}  {item.at.isoformat()}  {who}  {item.purpose}".rstrip())
    return EXIT_OK


def _reindex(args: argparse.Namespace) -> int:
    database = open_db(args, need_data_key=False)
    try:
        operator = authorise(args, database, Permission.VIEW_LOG) if args.operator else None
        try:
            rows = database.rebuild_search_index(datetime.now(UTC), operator.id if operator else None)
        except StorageError as error:
            raise CommandError(f"cannot rebuild the search index ({error.kind.value}): {error}") from error
    finally:
        database.close()
    if not database.has_search_index:
        print("search index: this database has none (PostgreSQL, or SQLite without FTS5 trigrams); audited")
    else:
        print(f"search index: rebuilt ({rows} rows); written to the audit trail")
    return EXIT_OK
