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
from typing import Any

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


def _add_unmask(parser: argparse.ArgumentParser, note: str) -> None:
    suffix = f"; {note}" if note else ""
    parser.add_argument(
        "--unmask",
        action="store_true",
        help=f"full names, ID numbers and phones (audited){suffix}",
    )
    _add_signed_in(parser, "a shift leader or administrator")


def _add_signed_in(parser: argparse.ArgumentParser, who: str) -> None:
    """``--operator NAME`` and ``--pin-stdin``: who does this, signed in with their PIN (audited)."""
    parser.add_argument("--operator", metavar="NAME", help=f"who does this: {who} (asked for their PIN)")
    _add_pin_stdin(parser)


def _add_pin_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN (then any new PIN) from stdin, one per line, instead of asking on the terminal",
    )


def _add_operators(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    operators = commands.add_parser("operators", help="operators, roles and PINs (administrators)")
    actions = operators.add_subparsers(dest="operators_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add an operator with a PIN (the first administrator needs no --operator)"
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=["operator", "shift_leader", "administrator"])
    listing = actions.add_parser("list", help="every operator: role, PIN set, enabled")
    listing.add_argument("--json", action="store_true")
    set_pin = actions.add_parser("set-pin", help="give an operator a new PIN (also lifts a lock-out)")
    set_pin.add_argument("name", metavar="NAME")
    disable = actions.add_parser("disable", help="an operator can no longer sign in")
    disable.add_argument("name", metavar="NAME")
    enable = actions.add_parser("enable", help="an operator can sign in again")
    enable.add_argument("name", metavar="NAME")
    for parser in (add, listing, set_pin, disable, enable):
        parser.add_argument(
            "--operator", metavar="NAME", help="the administrator doing this (asked for a PIN)"
        )
        _add_pin_stdin(parser)
        _add_db(parser)


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
    export.add_argument(
        "what",
        choices=["handover", "anomalies"],
        help="handover: the shift handover sheet; anomalies: the hand-off list of persons to follow up",
    )
    export.add_argument(
        "--format", required=True, choices=["xlsx", "pdf", "csv"], dest="fmt", help="pdf: handover only"
    )
    export.add_argument("--out", required=True, type=Path, metavar="PATH")
    export.add_argument("--from", dest="since", type=parse_time, metavar="T", help="window start (ISO-8601)")
    export.add_argument("--to", dest="until", type=parse_time, metavar="T", help="window end (ISO-8601)")
    export.add_argument("--shift", metavar="ID", help="a shift's UUID (instead of --from/--to)")
    export.add_argument(
        "--lang", choices=["zh_CN", "en"], help="language of the sheet (default: system locale)"
    )
    _add_unmask(export, "anomalies only")
    _add_db(export)

    trace = commands.add_parser("trace", help="tracing: passages by plate, ID number, phone or name")
    trace.add_argument("--plate", default="", metavar="P", help="exact plate, e.g. 湘A12345")
    trace.add_argument("--id", dest="id_number", default="", metavar="N", help="18-character ID number")
    trace.add_argument("--phone", default="", metavar="P", help="mobile number")
    trace.add_argument("--name", default="", metavar="N", help="exact full name")
    trace.add_argument("--from", dest="since", type=parse_time, metavar="T", help="window start (ISO-8601)")
    trace.add_argument("--to", dest="until", type=parse_time, metavar="T", help="window end (ISO-8601)")
    trace.add_argument("--json", action="store_true", help="one JSON object per passage, with its persons")
    trace.add_argument(
        "--out", type=Path, metavar="FILE", help="also write the result to FILE.xlsx or FILE.csv"
    )
    trace.add_argument("--lang", choices=["zh_CN", "en"], help="language of the --out file")
    _add_unmask(trace, "")
    _add_db(trace)

    residents = commands.add_parser("residents", help="the residents registry: import a file, list it")
    resident_actions = residents.add_subparsers(dest="residents_command", metavar="ACTION", required=True)
    resident_import = resident_actions.add_parser(
        "import", help="import households and members from a CSV or XLSX file (a report of every row)"
    )
    resident_import.add_argument("file", type=Path, metavar="FILE")
    resident_import.add_argument("--dry-run", action="store_true", help="report only; store nothing")
    resident_import.add_argument("--lang", choices=["zh_CN", "en"], help="language of the report")
    _add_signed_in(resident_import, "an administrator")
    _add_db(resident_import)
    resident_list = resident_actions.add_parser("list", help="households and members (masked)")
    resident_list.add_argument("--json", action="store_true", help="one JSON object per household")
    _add_signed_in(resident_list, "a shift leader or administrator")
    _add_db(resident_list)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    verify = db_commands.add_parser(
        "verify", help="integrity check and hash-chain check (a failure is written to the audit trail)"
    )
    verify.add_argument("--json", action="store_true")
    verify.add_argument(
        "--operator", metavar="NAME", help="optional: who checks (asked for a PIN); a success is audited too"
    )
    _add_pin_stdin(verify)
    _add_db(verify)

    purge = commands.add_parser(
        "purge", help="retention: remove old passages, keeping the counts the reports need (audited)"
    )
    purge.add_argument(
        "--older-than",
        type=int,
        default=None,
        metavar="DAYS",
        help="remove passages older than DAYS days (default: the 'retention/days' setting, else 30)",
    )
    purge.add_argument("--dry-run", action="store_true", help="show what would go; change nothing")
    _add_signed_in(purge, "an administrator")
    purge.add_argument("--json", action="store_true")
    _add_db(purge)

    demo = commands.add_parser("demo-data", help="fill a database with a realistic synthetic history")
    demo.add_argument("--days", type=int, metavar="N", help="days of history (default: 365 with --passages)")
    demo.add_argument(
        "--passages", type=int, metavar="N", help="about N passages in all (the traffic is scaled to fit)"
    )
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--profile", default="highway-exit", choices=["highway-exit", "compound-gate"])
    demo.add_argument("--end", type=parse_time, metavar="T", help="end of the history (default: now)")
    _add_db(demo)

    _add_passes(commands)
    _add_operators(commands)

    bench = commands.add_parser("bench", help="benchmarks")
    bench_commands = bench.add_subparsers(dest="bench_command", metavar="WHAT", required=True)
    decode = bench_commands.add_parser("decode", help="decoders and pipeline on image folders")
    decode.add_argument("--data", type=Path, required=True, metavar="DIR")
    decode.add_argument(
        "--max-side", type=int, metavar="N", help="scale images to at most N pixels on the long side"
    )
    decode.add_argument("--frames", type=int, default=3, metavar="N", help="camera frames per still image")
    decode.add_argument(
        "--no-code-frames",
        type=int,
        default=150,
        metavar="N",
        help="1280x720 frames without a code (0: skip)",
    )
    decode.add_argument("--json", action="store_true")
    bench_log = bench_commands.add_parser(
        "log", help="log view, scrolling, tracing and handover exports on a (large) database"
    )
    bench_log.add_argument("--json", action="store_true")
    _add_db(bench_log)
    bench_verify = bench_commands.add_parser("verify", help="time to verify one DCC and one station pass")
    bench_verify.add_argument(
        "--data", type=Path, metavar="DIR", help="DCC test vectors (dgc-testdata layout) to take a DCC from"
    )
    bench_verify.add_argument("--repeat", type=int, default=500, metavar="N", help="verifications to time")
    bench_verify.add_argument("--json", action="store_true")
    bench_pipeline = bench_commands.add_parser(
        "pipeline",
        help="the real station offscreen on the demo camera: scan-to-verdict latency, preview and decode "
        "rates, GUI stalls, memory, start-up",
    )
    bench_pipeline.add_argument(
        "--seconds", type=float, default=30.0, metavar="N", help="how long to measure the running station"
    )
    bench_pipeline.add_argument("--json", action="store_true")
    return parser


def _add_passes(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    passes = commands.add_parser("passes", help="issue and check the deployment's own signed passes")
    actions = passes.add_subparsers(dest="passes_command", metavar="ACTION", required=True)

    keygen = actions.add_parser("keygen", help="make the deployment's signing key pair (administrators)")
    keygen.add_argument(
        "--force", action="store_true", help="replace an existing key (old passes stop verifying)"
    )
    keygen.add_argument("--json", action="store_true")
    _add_signed_in(keygen, "an administrator")
    _add_db(keygen)

    issue = actions.add_parser("issue", help="sign a pass; print its payload and write a printable PNG")
    kinds = issue.add_subparsers(dest="kind", metavar="KIND", required=True)
    exit_slip = kinds.add_parser("exit-slip", help="出门条: one member of a household goes out")
    exit_slip.add_argument("--household", required=True, metavar="ID")
    exit_slip.add_argument("--name", required=True, help="the member's name")
    exit_slip.add_argument("--every-days", type=int, default=2, metavar="N", help="one exit per N days")
    exit_slip.add_argument("--return-hours", type=int, default=4, metavar="H", help="back within H hours")
    resident = kinds.add_parser("resident", help="居民通行证: a resident's pass")
    resident.add_argument("--household", required=True, metavar="ID")
    resident.add_argument("--name", required=True)
    resident.add_argument("--building", required=True)
    resident.add_argument("--unit", required=True)
    visitor = kinds.add_parser("visitor", help="访客预约: a visitor's pre-registration")
    visitor.add_argument("--name", required=True, help="the visitor's name")
    visitor.add_argument("--host-household", required=True, metavar="ID")
    visitor.add_argument("--host-name", required=True)
    visitor.add_argument("--purpose", required=True)
    vehicle = kinds.add_parser("supply-vehicle", help="保供车辆通行证: a supply vehicle's standing pass")
    vehicle.add_argument("--plate", required=True)
    vehicle.add_argument("--route", required=True)
    vehicle.add_argument("--company", required=True)
    for kind_parser in (exit_slip, resident, visitor, vehicle):
        kind_parser.add_argument(
            "--from", dest="valid_from", type=parse_time, metavar="T", help="default: now"
        )
        kind_parser.add_argument("--until", dest="valid_until", type=parse_time, metavar="T")
        kind_parser.add_argument(
            "--days", type=int, metavar="N", help="valid N days from --from (instead of --until)"
        )
        kind_parser.add_argument(
            "--issuer", help="issuer id printed in the pass (default: this station's id)"
        )
        kind_parser.add_argument("--png", type=Path, metavar="OUT", help="write a printable QR card here")
        kind_parser.add_argument("--json", action="store_true")
        _add_signed_in(kind_parser, "a shift leader or an administrator")
        _add_db(kind_parser)

    verify = actions.add_parser("verify", help="check a pass payload or an image of one")
    verify.add_argument("input", metavar="PAYLOAD|IMAGE")
    verify.add_argument("--at", type=parse_time, metavar="ISO-8601", help="validation clock (default: now)")
    verify.add_argument("--json", action="store_true")
    _add_db(verify)

    revoke = actions.add_parser("revoke", help="revoke a pass (recorded in the log, checked at every gate)")
    revoke.add_argument("pass_id", metavar="PASS_ID")
    revoke.add_argument("--reason", required=True)
    _add_signed_in(revoke, "an administrator")
    _add_db(revoke)


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
        "passes": _cmd_passes,
        "trace": _cmd_trace,
        "residents": _cmd_residents,
        "operators": _cmd_operators,
        "purge": _cmd_purge,
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


def _station_keys():  # type: ignore[no-untyped-def]
    from checkpoint.storage.keys import KeyFileError, load_station_keys

    try:
        return load_station_keys()
    except KeyFileError as error:
        raise CommandError(str(error)) from error


def _cmd_scan(args: argparse.Namespace) -> int:
    from checkpoint.camera.scan import ScanInputError, Verification, scan_image_file, scan_payload
    from checkpoint.domain.credentials import TrustListError
    from checkpoint.storage.keys import load_trust_store

    try:
        trust = load_trust_store(Path(p) for p in args.trust) if args.trust else None
    except TrustListError as error:
        raise CommandError(f"--trust: {error}") from error
    verification = Verification(trust=trust, station_keys=_station_keys(), at=args.at or datetime.now(UTC))
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
        verdict = ""
        if code["kind"] in ("dcc", "station-pass"):
            problems = ", ".join(str(e) for e in code["errors"]) if code["errors"] else "ok"  # type: ignore[attr-defined]
            verdict = f" signature={code['signature']} expired={code['expired']} ({problems})"
        print(f"{item}: [{code['kind']}]{verdict} {code['text']}", flush=True)


def _cmd_passes(args: argparse.Namespace) -> int:
    handlers = {
        "keygen": _cmd_passes_keygen,
        "issue": _cmd_passes_issue,
        "verify": _cmd_passes_verify,
        "revoke": _cmd_passes_revoke,
    }
    return handlers[args.passes_command](args)


def _cmd_passes_keygen(args: argparse.Namespace) -> int:
    from checkpoint.domain.credentials.passes import key_id
    from checkpoint.domain.records import AuditAction
    from checkpoint.domain.roles import Permission
    from checkpoint.storage.keys import PRIVATE_KEY_FILE, KeyFileError, create_deployment_key, keys_dir

    database = _open_db(args)
    try:
        operator = authorise(args, database, Permission.PASSES)  # before any key file is touched
        try:
            key = create_deployment_key(force=args.force)
        except KeyFileError as error:
            raise CommandError(str(error)) from error
        kid = key_id(key.public_key()).hex()
        database.append_audit(
            AuditAction.KEY_CREATED, f"deployment key {kid}", datetime.now(UTC), operator.id
        )
    finally:
        database.close()
    path = keys_dir() / PRIVATE_KEY_FILE
    if args.json:
        print(json.dumps({"key_id": kid, "private_key": str(path), "folder": str(keys_dir())}))
    else:
        print(f"deployment key {kid} written to {path} (mode 600); copy the .pub.pem file to every gate")
    return EXIT_OK


def _pass_fields(args: argparse.Namespace) -> dict[str, str | int]:
    """The kind's fields as the command line gives them (the pass's own field names)."""
    if args.kind == "exit-slip":
        return {
            "household_id": args.household,
            "member_name": args.name,
            "exit_every_days": args.every_days,
            "return_within_hours": args.return_hours,
        }
    if args.kind == "resident":
        return {
            "household_id": args.household,
            "name": args.name,
            "building": args.building,
            "unit": args.unit,
        }
    if args.kind == "visitor":
        return {
            "visitor_name": args.name,
            "host_household_id": args.host_household,
            "host_name": args.host_name,
            "purpose": args.purpose,
        }
    return {"plate": args.plate, "route": args.route, "company": args.company}


def _cmd_passes_issue(args: argparse.Namespace) -> int:
    """Signs, records and (with --png) prints a pass: the station service the GUI's Issue pass uses."""
    from checkpoint.domain.credentials import PassContentError, PassKind
    from checkpoint.domain.roles import Permission
    from checkpoint.station.passes import issue_and_record, new_pass, station_issuer
    from checkpoint.storage.database import InvalidRecordError, StorageError
    from checkpoint.storage.keys import KeyFileError, load_private_key

    database = _open_db(args)
    try:
        operator = authorise(args, database, Permission.ISSUE_PASSES)
        try:
            key = load_private_key()
        except KeyFileError as error:
            raise CommandError(str(error)) from error
        try:
            content = new_pass(
                PassKind(args.kind),
                _pass_fields(args),
                issuer=args.issuer or station_issuer(database),
                now=datetime.now(UTC),
                valid_from=args.valid_from,
                valid_until=args.valid_until,
                days=args.days,
            )
            card = issue_and_record(database, content, key, operator.id)
        except PassContentError as error:
            raise CommandError(str(error)) from error
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(
                f"the pass was signed but not recorded (do not hand it out): {error}"
            ) from error
        if args.png is not None:
            from checkpoint.station.pass_card import PassCardError, write_pass_card

            try:
                write_pass_card(card.payload, card.caption, args.png)
            except PassCardError as error:
                raise CommandError(f"the pass is recorded, but its card was not written: {error}") from error
    finally:
        database.close()
    if args.json:
        out = {"payload": card.payload, "pass": content.to_json(), "png": str(args.png) if args.png else None}
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(card.payload)
    return EXIT_OK


def _cmd_passes_verify(args: argparse.Namespace) -> int:
    from checkpoint.camera.scan import ScanInputError, Verification, scan_image_file
    from checkpoint.domain.credentials import PassVerdict, pass_verdict
    from checkpoint.domain.records import CodeKind

    keys = _station_keys()
    if not len(keys):
        raise CommandError(
            "no deployment public key in the keys folder: copy deployment-ed25519.pub.pem there"
        )
    database = _open_db(args)
    try:
        revoked = database.revoked_pass_ids()
    finally:
        database.close()
    verification = Verification(station_keys=keys, revoked=revoked, at=args.at or datetime.now(UTC))
    path = Path(args.input)
    if not args.input.startswith("CPS1:") and path.is_file():
        try:
            codes = [c for c in scan_image_file(path, verification) if c.kind is CodeKind.STATION_PASS]
        except ScanInputError as error:
            raise CommandError(str(error)) from error
        if not codes:
            raise CommandError(f"{path}: no station pass found in the image")
        code = codes[0]
    else:
        code = verification.inspect(args.input.strip())
    verdict = pass_verdict(code)
    if args.json:
        print(json.dumps({"verdict": verdict.value, **code.to_json()}, ensure_ascii=False))
    else:
        print(verdict.value)
        if isinstance(code.payload, dict):
            for key, value in code.payload.items():
                print(f"  {key}: {value}")
        if code.errors:
            print(f"  errors: {', '.join(code.errors)}")
    return EXIT_OK if verdict is PassVerdict.VALID else EXIT_FAILURE


def _cmd_passes_revoke(args: argparse.Namespace) -> int:
    import uuid

    from checkpoint.domain.roles import Permission
    from checkpoint.storage.database import InvalidRecordError, StorageError

    try:
        pass_id = str(uuid.UUID(args.pass_id))
    except ValueError as error:
        raise CommandError(f"not a pass id: {args.pass_id!r}") from error
    database = _open_db(args)
    try:
        operator = authorise(args, database, Permission.PASSES)
        try:
            database.revoke_pass(pass_id, args.reason, datetime.now(UTC), operator.id)
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(f"not revoked: {error}") from error
    finally:
        database.close()
    print(f"revoked {pass_id}: {args.reason.strip()}")
    return EXIT_OK


def _install_language(lang: str | None) -> None:
    """Load the translations the exported files are worded in (QtCore only, no widgets)."""
    from PySide6.QtCore import QCoreApplication

    from checkpoint.station.i18n import LanguageSwitcher, system_language

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    languages = LanguageSwitcher(parent=app)
    languages.set_language(lang or system_language())


def _read_pin(args: argparse.Namespace, prompt: str) -> str:
    """One PIN: a line of stdin with --pin-stdin, else asked on the terminal without echo."""
    if args.pin_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise CommandError("--pin-stdin: no PIN on stdin")
        return line.strip()
    if not sys.stdin.isatty():
        raise CommandError("no terminal to ask for the PIN: give it on stdin with --pin-stdin")
    import getpass

    return getpass.getpass(prompt)


_SIGN_IN_REFUSALS = {
    "wrong_pin": "wrong PIN",
    "unknown_operator": "no operator by that name",
    "no_pin": "this operator has no PIN yet (an administrator sets one: checkpoint operators set-pin)",
    "disabled": "this operator is disabled",
}


def _command_words(args: argparse.Namespace) -> str:
    """The sub-command as typed, e.g. ``export anomalies`` or ``passes issue``: what a refusal names."""
    words = [str(args.command)]
    for attribute in ("what", "passes_command", "residents_command", "operators_command", "db_command"):
        value = getattr(args, attribute, None)
        if value:
            words.append(str(value))
    return " ".join(words)


def authorise(args: argparse.Namespace, database: Any, permission: Any) -> Any:
    """The operator named by --operator, signed in with their PIN and allowed ``permission``.

    Every attempt is in the audit trail: the sign-in (or its failure) and, for any refusal, an
    ``access_refused`` entry naming the command. Raises CommandError with a one-line reason.
    """
    from checkpoint.domain.records import AuditAction
    from checkpoint.domain.roles import SignInOutcome, allowed, minimum_role
    from checkpoint.storage.database import StorageError

    name = (getattr(args, "operator", None) or "").strip()
    role_name = minimum_role(permission).value.replace("_", " ")
    needed = f"{'an' if role_name[0] in 'aeiou' else 'a'} {role_name}"
    now = datetime.now(UTC)

    def refuse(reason: str, who: Any = None) -> CommandError:
        role = f" ({who.role.value})" if who is not None else ""
        detail = (
            f"{name or 'nobody'}{role}: {permission.value} (command line: {_command_words(args)}): {reason}"
        )
        try:
            database.append_audit(AuditAction.ACCESS_REFUSED, detail, now, who.id if who else None)
        except StorageError as error:
            return CommandError(f"{reason} (not in the audit trail: {error.kind.value})")
        return CommandError(reason)

    if not name:
        raise refuse(f"this needs --operator NAME ({needed} or above) and their PIN")
    try:
        pin = _read_pin(args, f"PIN for {name}: ")
    except CommandError as error:
        raise refuse(str(error)) from None
    try:
        result = database.sign_in(name, pin, now)
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    if result.outcome is SignInOutcome.LOCKED_OUT:
        until = result.locked_until.astimezone()
        raise refuse(
            f"refused: {name} is locked out after wrong PINs until {until:%H:%M:%S}", result.operator
        )
    if not result.ok:
        reason = _SIGN_IN_REFUSALS.get(result.outcome.value, result.outcome.value)
        raise refuse(f"refused: {reason}", result.operator)
    operator = result.operator
    if not allowed(operator.role, permission):
        raise refuse(
            f"refused: {name} is {operator.role.value.replace('_', ' ')}: this needs {needed} or above",
            operator,
        )
    return operator


def _cmd_operators(args: argparse.Namespace) -> int:
    from checkpoint.domain.records import Role
    from checkpoint.domain.roles import Permission, pin_problem
    from checkpoint.storage.database import InvalidRecordError, StorageError

    database = _open_db(args)
    try:
        now = datetime.now(UTC)
        first = args.operators_command == "add" and not database.has_administrator()
        if first and args.role != "administrator":
            raise CommandError("the first operator must be an administrator (--role administrator)")
        by = None if first else authorise(args, database, Permission.MANAGE_OPERATORS)
        by_id = by.id if by is not None else None
        accounts = {a.operator.name: a for a in database.operator_accounts()}
        command = args.operators_command
        if command == "list":
            rows = [
                {
                    "name": a.operator.name,
                    "role": a.operator.role.value,
                    "pin": a.has_pin,
                    "enabled": a.enabled,
                }
                for a in accounts.values()
            ]
            for row in rows:
                print(
                    json.dumps(row, ensure_ascii=False)
                    if args.json
                    else f"{row['name']}\t{row['role']}\t{'PIN' if row['pin'] else 'no PIN'}\t"
                    f"{'enabled' if row['enabled'] else 'disabled'}"
                )
            return EXIT_OK
        name = args.name.strip()
        if command != "add" and name not in accounts:
            raise CommandError(f"no operator named {name!r}")
        try:
            if command in ("add", "set-pin"):
                pin = _read_pin(args, f"new PIN for {name}: ")
                again = pin if args.pin_stdin else _read_pin(args, "the same PIN again: ")
                problem = pin_problem(pin, again)
                if problem is not None:
                    raise CommandError(f"PIN refused: {problem.value.replace('_', ' ')} (4 to 8 digits)")
                if command == "add":
                    database.add_operator(name, Role(args.role), now, by_id, pin=pin)
                    print(f"added {name} ({args.role})")
                else:
                    database.set_operator_pin(accounts[name].operator.id, pin, now, by_id)
                    print(f"new PIN set for {name}")
            else:
                database.set_operator_enabled(accounts[name].operator.id, command == "enable", now, by_id)
                print(f"{name} {command}d")
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(f"not done: {error}") from error
    finally:
        database.close()
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    import uuid

    from checkpoint.domain.roles import Permission
    from checkpoint.exports import ExportError
    from checkpoint.station.exporting import export_anomalies_file, export_handover_file
    from checkpoint.station.texts import anomaly_labels, handover_labels
    from checkpoint.storage.database import StorageError

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
    database = _open_db(args)
    try:
        operator = authorise(args, database, Permission.UNMASK if args.unmask else Permission.EXPORT)
        _install_language(args.lang)
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
        return EXIT_OK
    finally:
        database.close()


def _trace_line(passage: Any, gate_name: str, mask: bool) -> str:
    from checkpoint.domain.anomalies import mask_id_number
    from checkpoint.domain.handover import mask_name

    people = []
    for person in passage.persons:
        name = mask_name(person.name) if mask else person.name
        identity = mask_id_number(person.id_number) if mask else person.id_number
        label = " ".join(part for part in (name, identity) if part) or "?"
        people.append(f"{label} [{person.code_colour.value}]")
    plate = passage.vehicle.plate if passage.vehicle else "-"
    at = passage.at.astimezone().strftime("%Y-%m-%d %H:%M:%S%z")
    return (
        f"{at}  {gate_name}  {passage.direction.value:3}  {plate}  "
        f"{'; '.join(people) or '-'}  {passage.outcome.value}"
    )


def _cmd_trace(args: argparse.Namespace) -> int:
    from checkpoint.domain.roles import Permission
    from checkpoint.domain.tracing import TraceQueryError, passage_json, trace_query
    from checkpoint.exports import ExportError
    from checkpoint.station.exporting import audit_trace, export_trace_file, trace_passages
    from checkpoint.station.texts import trace_labels
    from checkpoint.storage.database import StorageError

    now = datetime.now(UTC)
    try:
        query = trace_query(
            plate=args.plate,
            id_number=args.id_number,
            phone=args.phone,
            name=args.name,
            since=args.since,
            until=args.until,
            today=now.astimezone().date(),
        )
    except TraceQueryError as error:
        raise CommandError(str(error)) from error
    fmt = ""
    if args.out is not None:
        fmt = args.out.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv"):
            raise CommandError(f"--out must end in .xlsx or .csv: {args.out}")
    database = _open_db(args)
    try:
        operator = authorise(args, database, Permission.UNMASK if args.unmask else Permission.TRACE)
        unmasked_by = operator if args.unmask else None
        mask = unmasked_by is None
        try:
            passages = trace_passages(database, query)
            gates = {gate.id: gate.name for gate in database.gates()}
            if args.out is not None:
                _install_language(args.lang)
                export_trace_file(
                    database,
                    args.out,
                    fmt,
                    passages,
                    query,
                    labels=trace_labels(),
                    now=now,
                    unmasked_by=unmasked_by,
                    operator_id=operator.id,
                )
            else:  # who looked up whom is in the audit trail, masked or not
                audit_trace(
                    database, query, len(passages), now=now, unmasked_by=unmasked_by, operator_id=operator.id
                )
        except ExportError as error:
            raise CommandError(f"nothing was written ({error.kind.value}): {error}") from error
        except StorageError as error:
            raise CommandError(f"database error ({error.kind.value}): {error}") from error
    finally:
        database.close()
    for passage in passages:
        gate_name = gates.get(passage.gate_id, str(passage.gate_id)[:8])
        if args.json:
            print(json.dumps(passage_json(passage, gate_name=gate_name, mask=mask), ensure_ascii=False))
        else:
            print(_trace_line(passage, gate_name, mask))
    if passages:
        first, last = passages[0].at.astimezone(), passages[-1].at.astimezone()
        summary = f"{len(passages)} passages, {first:%Y-%m-%d %H:%M} .. {last:%Y-%m-%d %H:%M}"
    else:
        summary = "no passages found"
    if args.out is not None:
        summary += f"; written to {args.out}"
    print(summary, file=sys.stderr)
    return EXIT_OK


def _cmd_residents(args: argparse.Namespace) -> int:
    if args.residents_command == "import":
        return _cmd_residents_import(args)
    return _cmd_residents_list(args)


def _cmd_residents_import(args: argparse.Namespace) -> int:
    from checkpoint.domain.masking import mask_name
    from checkpoint.domain.residents import ImportAction
    from checkpoint.domain.residents_import import ResidentRejectCode
    from checkpoint.domain.roles import Permission
    from checkpoint.station.residents import ResidentsFileError, read_residents_file
    from checkpoint.station.texts import import_action_text, resident_file_error_text, resident_reject_text
    from checkpoint.storage.database import InvalidRecordError, StorageError
    from checkpoint.storage.residents import store_import

    now = datetime.now(UTC)
    database = _open_db(args)
    try:
        operator = authorise(args, database, Permission.IMPORT_RESIDENTS)
        _install_language(args.lang)
        try:
            report = read_residents_file(args.file, database, today_at=now)
        except ResidentsFileError as error:
            raise CommandError(str(error)) from error
        parsed = report.file
        if parsed.error is not None:
            detail = f" ({parsed.error_detail})" if parsed.error_detail else ""
            raise CommandError(f"nothing imported: {resident_file_error_text(parsed.error)}{detail}")
        plan = report.plan
        if not args.dry_run and report.importable:
            try:
                plan = store_import(database, parsed.rows, now, operator.id, report.source)
            except (StorageError, InvalidRecordError) as error:
                raise CommandError(f"nothing imported: {error}") from error
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    finally:
        database.close()
    lines: list[tuple[int, str]] = [
        (
            row.line,
            f"{row.line}\t{import_action_text(row.action)}\t{row.member.household}\t{mask_name(row.member.name)}",
        )
        for row in plan.rows
    ]
    lines += [
        (r.line, f"{r.line}\t{resident_reject_text(r.reason_code)}\t{r.detail}") for r in parsed.rejected
    ]
    for line, _row, registered in plan.conflicts:
        text = resident_reject_text(ResidentRejectCode.REGISTERED_TO_OTHER)
        lines.append((line, f"{line}\t{text}\t{mask_name(registered.name)}"))
    for _line, text in sorted(lines, key=lambda item: item[0]):
        print(text)
    verb = "would import" if args.dry_run else "imported"
    print(
        f"{verb}: {plan.count(ImportAction.NEW)} new, {plan.count(ImportAction.UPDATED)} updated, "
        f"{plan.count(ImportAction.UNCHANGED)} unchanged members, {len(plan.households)} households; "
        f"{len(parsed.rejected) + len(plan.conflicts)} rows rejected",
        file=sys.stderr,
    )
    return EXIT_OK


def _cmd_residents_list(args: argparse.Namespace) -> int:
    from checkpoint.domain.masking import mask_name, mask_number, mask_phone
    from checkpoint.domain.records import AuditAction
    from checkpoint.domain.roles import Permission
    from checkpoint.storage.database import StorageError
    from checkpoint.storage.residents import registry

    database = _open_db(args)
    try:
        # The registry (with quarantine status) leaves the station: a leader's export, audited.
        operator = authorise(args, database, Permission.EXPORT)
        households, members = registry(database)
        database.append_audit(
            AuditAction.EXPORT,
            f"residents list households={len(households)} members={len(members)} masked",
            datetime.now(UTC),
            operator.id,
        )
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    finally:
        database.close()
    by_code = {h.code: h for h in households}
    grouped: dict[str, list[Any]] = {code: [] for code in by_code}
    for member in members:
        grouped.setdefault(member.household, []).append(member)
    now = datetime.now(UTC)
    for code, listed in grouped.items():
        household = by_code.get(code)
        people = [
            {
                "name": mask_name(m.name),
                "id_number": mask_number(m.id_number),
                "phone": mask_phone(m.phone) if m.phone else "",
                "relation": m.relation,
                "residency": m.residency.value,
                "status": m.status_at(now).value,
                "status_until": m.status_until.isoformat() if m.status_until else None,
            }
            for m in listed
        ]
        if args.json:
            document = {
                "household": code,
                "address": household.address if household else "",
                "notes": household.notes if household else "",
                "exit_every_days": household.exit_every_days if household else None,
                "exits_per_period": household.exits_per_period if household else None,
                "members": people,
            }
            print(json.dumps(document, ensure_ascii=False))
            continue
        print(f"{code}  {household.address if household else ''}".rstrip())
        for person in people:
            print(f"  {person['name']}  {person['id_number']}  {person['relation']}  {person['status']}")
    print(f"{len(grouped)} households, {len(members)} members", file=sys.stderr)
    return EXIT_OK


_BREAK_WORDS = {
    "hash_mismatch": "edited outside the application",
    "link_mismatch": "inserted outside the application (its link to the record before it is wrong)",
    "seq_gap": "missing (deleted outside the application)",
}


def _cmd_db(args: argparse.Namespace) -> int:
    """``db verify``: open to anyone (a read-only self-check); a failure is an audited event."""
    from checkpoint.domain.roles import Permission
    from checkpoint.station.db_check import check_database, record_text
    from checkpoint.storage.database import StorageError

    database = _open_db(args)
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


def _cmd_purge(args: argparse.Namespace) -> int:
    from checkpoint.domain.roles import Permission
    from checkpoint.storage.database import InvalidRecordError, StorageError
    from checkpoint.storage.retention import cutoff, plan_purge, purge

    if args.older_than is None:
        from checkpoint.station.retention import retention_days

        days = retention_days()
    else:
        days = args.older_than
    now = datetime.now(UTC)
    try:
        before = cutoff(now, days)
    except InvalidRecordError as error:
        raise CommandError(f"--older-than: {error}") from error
    database = _open_db(args)
    try:
        operator_id = authorise(args, database, Permission.PURGE).id  # before anything is read
        try:
            if args.dry_run:
                plan = plan_purge(database, before)
            else:
                result = purge(
                    database,
                    before,
                    at=now,
                    operator_id=operator_id,
                    progress=None
                    if args.json
                    else lambda n: print(f"\r{n} passages removed", end="", file=sys.stderr, flush=True),
                )
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(f"nothing more was purged: {error}") from error
    finally:
        database.close()
    if args.dry_run:
        _print_purge_plan(args, plan, days)
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


def _print_purge_plan(args: argparse.Namespace, plan: Any, days: int) -> None:
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


def _cmd_demo_data(args: argparse.Namespace) -> int:
    import time

    from checkpoint.station.demo import fill_demo_history, scale_for

    if args.days is None and args.passages is None:
        raise CommandError("give --days N, --passages N or both")
    days = args.days if args.days is not None else 365
    if days < 1:
        raise CommandError("--days must be at least 1")
    if args.passages is not None and args.passages < 1:
        raise CommandError("--passages must be at least 1")
    scale = 1.0 if args.passages is None else scale_for(args.passages, days, args.profile)
    started = time.perf_counter()
    database = _open_db(args)
    try:
        summary = fill_demo_history(
            database,
            days=days,
            end=(args.end or datetime.now(UTC)).astimezone(),  # shifts follow local time
            seed=args.seed,
            profile=args.profile,
            scale=scale,
            progress=lambda n: print(f"\r{n} passages", end="", file=sys.stderr, flush=True),
        )
    finally:
        database.close()
    elapsed = time.perf_counter() - started
    print(file=sys.stderr)
    print(
        f"{summary.passages} passages in {summary.shifts} shifts over {days} days "
        f"({elapsed:.0f} s, {summary.passages / max(elapsed, 1e-9):.0f} passages/s): {_db_url(args)}"
    )
    return EXIT_OK


def _cmd_bench(args: argparse.Namespace) -> int:
    if args.bench_command == "verify":
        return _cmd_bench_verify(args)
    if args.bench_command == "pipeline":
        return _cmd_bench_pipeline(args)
    if args.bench_command == "log":
        return _cmd_bench_log(args)
    return _cmd_bench_decode(args)


def _cmd_bench_log(args: argparse.Namespace) -> int:
    from checkpoint.storage.database import StorageError
    from checkpoint.ui.bench_log import BenchDataError, ensure_app, format_log_bench, run_log_bench

    try:
        ensure_app()
        _install_language(None)
        report = run_log_bench(_db_url(args))
    except BenchDataError as error:
        raise CommandError(str(error)) from error
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_log_bench(report))
    return EXIT_OK


def _dcc_from_vectors(folder: Path) -> tuple[str, str, object, datetime]:
    """The first test vector whose DCC verifies with its own certificate at its own clock."""
    import base64

    from checkpoint.domain.codes import Signature
    from checkpoint.domain.credentials import TrustListError, TrustStore, inspect_payload

    for path in sorted(folder.glob("**/2DCode/raw/*.json")):
        try:
            vector = json.loads(path.read_text(encoding="utf-8"))
            trust = TrustStore()
            trust.add_certificate_bytes(base64.b64decode(vector["TESTCTX"]["CERTIFICATE"]))
            at = datetime.fromisoformat(vector["TESTCTX"]["VALIDATIONCLOCK"])
            payload = vector["PREFIX"]
        except (OSError, ValueError, KeyError, TypeError, TrustListError):
            continue
        if inspect_payload(payload, trust=trust, at=at).signature is Signature.VALID:
            return str(path.relative_to(folder)), payload, trust, at
    raise CommandError(f"no DCC test vector that verifies under {folder}")


def _cmd_bench_verify(args: argparse.Namespace) -> int:
    import statistics
    import time

    from checkpoint.domain.credentials import inspect_payload
    from checkpoint.domain.credentials.samples import signed_dcc, signed_exit_slip

    if args.repeat < 1:
        raise CommandError("--repeat must be at least 1")
    now = datetime.now(UTC)
    if args.data is not None:
        if not args.data.is_dir():
            raise CommandError(f"not a folder: {args.data}")
        source, dcc, trust, dcc_at = _dcc_from_vectors(args.data)
    else:
        sample = signed_dcc(now)
        source, dcc, trust, dcc_at = "self-signed P-256 sample", sample.payload, sample.trust, now
    station = signed_exit_slip(now)

    def timing(run) -> dict[str, float]:  # type: ignore[no-untyped-def]
        run()  # warm-up
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        return {
            "median_ms": round(statistics.median(times), 3),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 3),
            "max_ms": round(times[-1], 3),
        }

    results = {
        "dcc": {
            "source": source,
            **timing(lambda: inspect_payload(dcc, trust=trust, at=dcc_at)),  # type: ignore[arg-type]
        },
        "station_pass": {
            "source": "exit slip, fresh Ed25519 key",
            **timing(
                lambda: inspect_payload(
                    station.payload, trust=None, at=now, station_keys=station.station_keys
                )
            ),
        },
        "repeat": args.repeat,
        "target_ms": 5.0,
    }
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for name in ("dcc", "station_pass"):
            r: Any = results[name]
            print(
                f"{name:13} median {r['median_ms']:.3f} ms  p95 {r['p95_ms']:.3f} ms  "
                f"max {r['max_ms']:.3f} ms  ({r['source']})"
            )
        print(f"{args.repeat} verifications each; target under 5 ms")
    return EXIT_OK


def _cmd_bench_decode(args: argparse.Namespace) -> int:
    from checkpoint.camera.bench import BenchDataError, format_decode_bench, run_decode_bench

    if not args.data.is_dir():
        raise CommandError(f"not a folder: {args.data}")
    try:
        report = run_decode_bench(
            args.data, args.max_side, frames=args.frames, no_code_frames=args.no_code_frames
        )
    except BenchDataError as error:
        raise CommandError(str(error)) from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_decode_bench(report))
    return EXIT_OK


def _cmd_bench_pipeline(args: argparse.Namespace) -> int:
    """A measurement: exits 0 even when a target is missed (the report says so)."""
    from checkpoint.pipeline_bench import PipelineBenchError, run_pipeline_bench
    from checkpoint.station.bench_pipeline import format_pipeline_report

    if not args.seconds > 0:
        raise CommandError(f"--seconds must be positive, got {args.seconds}")
    try:
        report = run_pipeline_bench(args.seconds)
    except PipelineBenchError as error:
        raise CommandError(str(error)) from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(format_pipeline_report(report))
    return EXIT_OK
