"""``checkpoint residents list``: households and members, masked (a leader's export; audited)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_signed_in, terminal_safe
from checkpoint.domain.masking import mask_name, mask_number, mask_phone
from checkpoint.domain.records import AuditAction
from checkpoint.domain.residents import Member
from checkpoint.domain.roles import Permission
from checkpoint.storage.errors import StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per household")
    add_signed_in(parser, "a shift leader or administrator")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        # The registry (with quarantine status) leaves the station: a leader's export, audited.
        operator = authorise(args, database, Permission.EXPORT)
        households, members = database.residents.registry()
        database.audit.append_audit(
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
    grouped: dict[str, list[Member]] = {code: [] for code in by_code}
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
        print(terminal_safe(f"{code}  {household.address if household else ''}".rstrip()))
        for person in people:
            print(
                terminal_safe(
                    f"  {person['name']}  {person['id_number']}  {person['relation']}  {person['status']}"
                )
            )
    print(f"{len(grouped)} households, {len(members)} members", file=sys.stderr)
    return EXIT_OK
