"""``checkpoint trace``: passages by plate, ID number, phone or name (masked unless ``--unmask``; audited)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_unmask, parse_time, terminal_safe
from checkpoint.cli.language import install_language
from checkpoint.domain.anomalies import mask_id_number
from checkpoint.domain.handover import mask_name
from checkpoint.domain.records import Passage
from checkpoint.domain.roles import Permission
from checkpoint.domain.tracing import TraceQueryError, passage_json, trace_query
from checkpoint.exports import ExportError
from checkpoint.station.exporting import audit_trace, export_trace_file, trace_passages
from checkpoint.station.texts import trace_labels
from checkpoint.storage.errors import StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plate", default="", metavar="P", help="exact plate, e.g. 湘A12345")
    parser.add_argument("--id", dest="id_number", default="", metavar="N", help="18-character ID number")
    parser.add_argument("--phone", default="", metavar="P", help="mobile number")
    parser.add_argument("--name", default="", metavar="N", help="exact full name")
    parser.add_argument("--from", dest="since", type=parse_time, metavar="T", help="window start (ISO-8601)")
    parser.add_argument("--to", dest="until", type=parse_time, metavar="T", help="window end (ISO-8601)")
    parser.add_argument("--json", action="store_true", help="one JSON object per passage, with its persons")
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help="also write the result to FILE.xlsx or FILE.csv"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the --out file")
    add_unmask(parser, "")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
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
    database = open_db(args)
    try:
        operator = authorise(args, database, Permission.UNMASK if args.unmask else Permission.TRACE)
        unmasked_by = operator if args.unmask else None
        mask = unmasked_by is None
        try:
            passages = trace_passages(database, query)
            gates = {gate.id: gate.name for gate in database.gates.all()}
            if args.out is not None:
                install_language(args.lang)
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
            print(terminal_safe(_trace_line(passage, gate_name, mask)))
    if passages:
        first, last = passages[0].at.astimezone(), passages[-1].at.astimezone()
        summary = f"{len(passages)} passages, {first:%Y-%m-%d %H:%M} .. {last:%Y-%m-%d %H:%M}"
    else:
        summary = "no passages found"
    if args.out is not None:
        summary += f"; written to {args.out}"
    print(summary, file=sys.stderr)
    return EXIT_OK


def _trace_line(passage: Passage, gate_name: str, mask: bool) -> str:
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
