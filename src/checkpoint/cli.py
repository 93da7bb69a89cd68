"""The ``checkpoint`` command (DESIGN.md, "The checkpoint command").

Sub-commands other than ``gui`` import no Qt widgets; ``export`` loads QtCore only for the translation
table. Every command exits non-zero with a one-line error on bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from checkpoint import APP_NAME, __version__, paths

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


def parse_time(text: str) -> datetime:
    """ISO-8601; a time without a zone is local time. Returned in UTC."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 time: {text!r}") from error
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"database URL (default: ${paths.DB_ENV} or the SQLite file in the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="checkpoint", description=f"{APP_NAME}: scan, decide and record.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="start the station (the default)")
    gui.add_argument(
        "--camera", metavar="SPEC", help="device index, RTSP/HTTP URL, video file, image folder or 'demo'"
    )
    _add_db(gui)
    gui.add_argument(
        "--profile", metavar="NAME", default=None, help="gate profile (highway-exit, compound-gate)"
    )
    gui.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default: system locale)")
    gui.add_argument("--fullscreen", action="store_true", help="start in full-screen mode")

    scan = commands.add_parser(
        "scan", help="decode codes in images or stdin payloads, without GUI or database"
    )
    scan.add_argument("--json", action="store_true", help="one JSON object per input")
    scan.add_argument("--at", type=parse_time, metavar="ISO-8601", help="validation clock (default: now)")
    scan.add_argument("--trust", action="append", default=[], metavar="PATH", help="signer certificates")
    scan.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="image file, or '-' for one payload per stdin line"
    )

    export = commands.add_parser("export", help="write the shift leader's files")
    export.add_argument("what", choices=["handover"], help="which file")
    export.add_argument("--format", required=True, choices=["xlsx", "csv"], dest="fmt")
    export.add_argument("--out", required=True, type=Path, metavar="PATH")
    export.add_argument("--from", dest="since", type=parse_time, metavar="T", help="window start (ISO-8601)")
    export.add_argument("--to", dest="until", type=parse_time, metavar="T", help="window end (ISO-8601)")
    export.add_argument("--shift", metavar="ID", help="a shift's UUID (instead of --from/--to)")
    export.add_argument(
        "--lang", choices=["zh_CN", "en"], help="language of the sheet (default: system locale)"
    )
    _add_db(export)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    verify = db_commands.add_parser("verify", help="integrity check and hash-chain check")
    verify.add_argument("--json", action="store_true")
    _add_db(verify)

    demo = commands.add_parser("demo-data", help="fill a database with a realistic synthetic history")
    demo.add_argument("--days", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--profile", default="highway-exit", choices=["highway-exit", "compound-gate"])
    demo.add_argument("--end", type=parse_time, metavar="T", help="end of the history (default: now)")
    _add_db(demo)

    bench = commands.add_parser("bench", help="benchmarks")
    bench_commands = bench.add_subparsers(dest="bench_command", metavar="WHAT", required=True)
    decode = bench_commands.add_parser("decode", help="decoders and pipeline on image folders")
    decode.add_argument("--data", type=Path, required=True, metavar="DIR")
    decode.add_argument(
        "--max-side", type=int, metavar="N", help="scale images to at most N pixels on the long side"
    )
    decode.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # OpenCV's own log lines would break the one-line-error promise; our errors say what went wrong.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "OFF")
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    if command == "gui" and args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    handlers = {
        "gui": _cmd_gui,
        "scan": _cmd_scan,
        "export": _cmd_export,
        "db": _cmd_db,
        "demo-data": _cmd_demo_data,
        "bench": _cmd_bench,
    }
    try:
        return handlers[command](args)
    except CommandError as error:
        print(f"checkpoint: error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130


def _db_url(args: argparse.Namespace) -> str:
    return str(args.db) if getattr(args, "db", None) else paths.default_db_url()


def _open_db(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from checkpoint.storage.database import StorageError, open_database

    try:
        return open_database(_db_url(args))
    except StorageError as error:
        raise CommandError(f"cannot open the database ({error.kind.value}): {error}") from error


def _cmd_gui(args: argparse.Namespace) -> int:
    from checkpoint.app import run_gui

    return run_gui(
        camera=args.camera,
        db_url=_db_url(args),
        profile=args.profile,
        language=args.lang,
        fullscreen=args.fullscreen,
    )


def _cmd_scan(args: argparse.Namespace) -> int:
    from checkpoint.camera.scan import ScanInputError, scan_image_file, scan_payload

    failures = 0
    for item in args.inputs:
        if item == "-":
            for line in sys.stdin:
                text = line.rstrip("\r\n")
                if not text.strip():
                    continue
                _print_scan(args, text, [scan_payload(text).to_json()], None)
            continue
        try:
            codes = [code.to_json() for code in scan_image_file(Path(item))]
        except ScanInputError as error:
            failures += 1
            _print_scan(args, item, [], str(error))
            continue
        _print_scan(args, item, codes, None)
    return EXIT_FAILURE if failures else EXIT_OK


def _print_scan(
    args: argparse.Namespace, item: str, codes: list[dict[str, object]], error: str | None
) -> None:
    if args.json:
        print(json.dumps({"input": item, "codes": codes, "error": error}, ensure_ascii=False), flush=True)
        return
    if error is not None:
        print(f"checkpoint: error: {item}: {error}", file=sys.stderr)
        return
    if not codes:
        print(f"{item}: no code found", flush=True)
    for code in codes:
        print(f"{item}: [{code['kind']}] {code['text']}", flush=True)


def _cmd_export(args: argparse.Namespace) -> int:
    import uuid

    from PySide6.QtCore import QCoreApplication

    from checkpoint.exports import ExportError
    from checkpoint.station.exporting import export_handover_file
    from checkpoint.station.i18n import LanguageSwitcher, system_language
    from checkpoint.station.texts import handover_labels
    from checkpoint.storage.database import StorageError

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    languages = LanguageSwitcher(parent=app)
    languages.set_language(args.lang or system_language())
    database = _open_db(args)
    try:
        shift_id = None
        if args.shift:
            try:
                shift_id = uuid.UUID(args.shift)
            except ValueError as error:
                raise CommandError(f"not a shift id: {args.shift!r}") from error
        try:
            result = export_handover_file(
                database,
                args.out,
                args.fmt,
                since=args.since,
                until=args.until,
                shift_id=shift_id,
                labels=handover_labels(),
                now=datetime.now(UTC),
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
        return EXIT_OK
    finally:
        database.close()


def _cmd_db(args: argparse.Namespace) -> int:
    database = _open_db(args)
    try:
        report = database.verify()
    finally:
        database.close()
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
        }
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK if report.ok else EXIT_FAILURE
    integrity = "ok" if report.integrity_ok else "FAILED: " + "; ".join(report.integrity_messages)
    print(f"integrity check: {integrity}")
    if brk is None:
        print(f"hash chain: ok ({report.records_checked} records)")
    else:
        what = {
            "hash_mismatch": "edited outside the application",
            "link_mismatch": "inserted outside the application (its link to the record before it is wrong)",
            "seq_gap": "missing (deleted outside the application)",
        }[brk.problem.value]
        record = f"record #{brk.seq}" + (f" ({brk.kind} {brk.uuid})" if brk.uuid else "")
        print(f"hash chain: BROKEN at {record}: {what}")
    return EXIT_OK if report.ok else EXIT_FAILURE


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from checkpoint.station.demo import fill_demo_history

    if args.days < 1:
        raise CommandError("--days must be at least 1")
    database = _open_db(args)
    try:
        summary = fill_demo_history(
            database,
            days=args.days,
            end=(args.end or datetime.now(UTC)).astimezone(),  # shifts follow local time
            seed=args.seed,
            profile=args.profile,
            progress=lambda n: print(f"\r{n} passages", end="", file=sys.stderr, flush=True),
        )
    finally:
        database.close()
    print(file=sys.stderr)
    print(f"{summary.passages} passages in {summary.shifts} shifts over {args.days} days: {_db_url(args)}")
    return EXIT_OK


def _cmd_bench(args: argparse.Namespace) -> int:
    from checkpoint.camera.bench import BenchDataError, format_decode_bench, run_decode_bench

    if not args.data.is_dir():
        raise CommandError(f"not a folder: {args.data}")
    try:
        report = run_decode_bench(args.data, args.max_side)
    except BenchDataError as error:
        raise CommandError(str(error)) from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_decode_bench(report))
    return EXIT_OK
