"""``checkpoint operators add|list|set-pin|disable|enable``: operators, roles and PINs (administrators)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from checkpoint.cli.access import authorise, open_db, read_pin
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_pin_stdin
from checkpoint.domain.records import Role
from checkpoint.domain.roles import Permission, pin_problem
from checkpoint.storage.errors import InvalidRecordError, StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="operators_command", metavar="ACTION", required=True)
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
    for action in (add, listing, set_pin, disable, enable):
        action.add_argument(
            "--operator", metavar="NAME", help="the administrator doing this (asked for a PIN)"
        )
        add_pin_stdin(action)
        add_db(action)


def run(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        now = datetime.now(UTC)
        first = args.operators_command == "add" and not database.operators.has_administrator()
        if first and args.role != "administrator":
            raise CommandError("the first operator must be an administrator (--role administrator)")
        by = None if first else authorise(args, database, Permission.MANAGE_OPERATORS)
        by_id = by.id if by is not None else None
        accounts = {a.operator.name: a for a in database.operators.operator_accounts()}
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
                pin = read_pin(args, f"new PIN for {name}: ")
                again = pin if args.pin_stdin else read_pin(args, "the same PIN again: ")
                problem = pin_problem(pin, again)
                if problem is not None:
                    raise CommandError(f"PIN refused: {problem.value.replace('_', ' ')} (4 to 8 digits)")
                if command == "add":
                    database.operators.add_operator(name, Role(args.role), now, by_id, pin=pin)
                    print(f"added {name} ({args.role})")
                else:
                    database.operators.set_operator_pin(accounts[name].operator.id, pin, now, by_id)
                    print(f"new PIN set for {name}")
            else:
                database.operators.set_operator_enabled(
                    accounts[name].operator.id, command == "enable", now, by_id
                )
                print(f"{name} {command}d")
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(f"not done: {error}") from error
    finally:
        database.close()
    return EXIT_OK
