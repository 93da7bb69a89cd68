"""``checkpoint operators add|list|set-pin|disable|enable|recover|recovery-code``: operators, roles and PINs.

Administrators manage operators (``--operator`` and their PIN). Two doors open without one, and each only
once it is the right one: ``add`` makes the station's **first** administrator while it has none on
record at all, and ``recover`` gives a locked-out administrator a new PIN with the
recovery code they were shown once when it was made. Both decisions are taken by the storage inside
the write transaction.
"""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import UTC, datetime

from checkpoint.cli.access import authorise, open_db, read_pin
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_pin_stdin
from checkpoint.domain.records import Role
from checkpoint.domain.roles import Permission, RecoveryOutcome, new_recovery_code, pin_problem
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError, StorageError
from checkpoint.storage.operators import OperatorRefusal, OperatorRefusedError

PIN_RULES = "4 to 8 digits, not a repeat, a run or one of the most common PINs"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="operators_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add an operator with a PIN (the station's first administrator needs no --operator)"
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
    code = actions.add_parser(
        "recovery-code", help="make a new recovery code for an administrator (shown once; the old one ends)"
    )
    code.add_argument("name", metavar="NAME")
    for action in (add, listing, set_pin, disable, enable, code):
        action.add_argument(
            "--operator", metavar="NAME", help="the administrator doing this (asked for a PIN)"
        )
        add_pin_stdin(action)
        add_db(action)
    recover = actions.add_parser(
        "recover",
        help="a locked-out administrator: their recovery code, then a new PIN (audited; a new code is shown)",
    )
    recover.add_argument("name", metavar="NAME")
    recover.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the recovery code, then the new PIN, from stdin, one per line",
    )
    add_db(recover)


def run(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        now = datetime.now(UTC)
        if args.operators_command == "recover":
            _recover(args, database, now)
            return EXIT_OK
        if args.operators_command == "add" and not (args.operator or "").strip():
            _add_first_administrator(args, database, now)
            return EXIT_OK
        by = authorise(args, database, Permission.MANAGE_OPERATORS)
        by_id = by.id
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
            if command == "add":
                pin = _new_pin(args, name)
                code = new_recovery_code() if args.role == "administrator" else None
                database.operators.add_operator(
                    name, Role(args.role), now, by_id, pin=pin, recovery_code=code
                )
                print(f"added {name} ({args.role})")
                if code is not None:
                    _print_code(name, code)
            elif command == "set-pin":
                pin = _new_pin(args, name)
                database.operators.set_operator_pin(accounts[name].operator.id, pin, now, by_id)
                print(f"new PIN set for {name}")
            elif command == "recovery-code":
                if accounts[name].operator.role is not Role.ADMINISTRATOR:
                    raise CommandError(f"{name} is not an administrator: only administrators have one")
                _print_code(name, _issue_code(database, name, now, by_id))
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


def _add_first_administrator(args: argparse.Namespace, database: Database, now: datetime) -> None:
    """``operators add`` without ``--operator``: the station's first administrator, and only that.

    Whether the station has an administrator is decided by the storage inside the write transaction
    (``add_first_administrator``): once one is on record (even disabled or locked out), every addition
    needs an administrator's ``--operator`` and PIN.
    """
    name = args.name.strip()
    if database.operators.has_any_administrator():
        authorise(args, database, Permission.MANAGE_OPERATORS)  # refuses (and audits): no --operator
    if args.role != "administrator":
        raise CommandError("the first operator must be an administrator (--role administrator)")
    pin = _new_pin(args, name)
    code = new_recovery_code()
    try:
        database.operators.add_first_administrator(name, pin, now, recovery_code=code)
    except OperatorRefusedError as error:
        if error.reason is OperatorRefusal.ADMINISTRATOR_EXISTS:  # another process made one meanwhile
            authorise(args, database, Permission.MANAGE_OPERATORS)  # refuses (and audits): no --operator
        raise CommandError(f"not done: {error}") from error
    except (StorageError, InvalidRecordError) as error:
        raise CommandError(f"not done: {error}") from error
    print(f"added {name} (administrator)")
    _print_code(name, code)


def _recover(args: argparse.Namespace, database: Database, now: datetime) -> None:
    """The recovery code, then a new PIN: the administrator's PIN is replaced (which ends a lock-out) and
    a new recovery code replaces the one used (printed once). A disabled administrator is refused."""
    name = args.name.strip()
    code = read_pin(args, f"recovery code of {name}: ")
    pin = _new_pin(args, name)
    new_code = new_recovery_code()
    try:
        result = database.operators.recover(name, code, pin, now, new_code=new_code)
    except (StorageError, InvalidRecordError) as error:
        raise CommandError(f"not done: {error}") from error
    if result is RecoveryOutcome.UNKNOWN_OPERATOR:
        raise CommandError(f"no administrator named {name!r}")
    if result is RecoveryOutcome.NO_CODE:
        raise CommandError(
            f"{name} has no recovery code: another administrator makes one "
            "(checkpoint operators recovery-code NAME --operator ADMIN)"
        )
    if result is RecoveryOutcome.DISABLED:
        raise CommandError(f"refused: {name} is disabled (another administrator enables them again)")
    if result is RecoveryOutcome.WRONG_CODE:
        raise CommandError("refused: wrong recovery code (the attempt is in the audit trail)")
    print(f"{name}: new PIN set, lock-out lifted")
    _print_code(name, new_code)


def _issue_code(database: Database, name: str, now: datetime, by: uuid.UUID) -> str:
    operator_id = {a.operator.name: a.operator.id for a in database.operators.operator_accounts()}[name]
    code = new_recovery_code()
    database.operators.set_recovery_code(operator_id, code, now, by)
    return code


def _print_code(name: str, code: str) -> None:
    print(
        f"recovery code of {name}: {code}\n"
        "  write it down and keep it away from the station: it is shown only now. With it, a locked-out\n"
        "  administrator sets a new PIN: checkpoint operators recover NAME"
    )


def _new_pin(args: argparse.Namespace, name: str) -> str:
    """A new PIN, typed twice on a terminal (once with --pin-stdin), checked against the PIN rules."""
    pin = read_pin(args, f"new PIN for {name}: ")
    again = pin if args.pin_stdin else read_pin(args, "the same PIN again: ")
    problem = pin_problem(pin, again)
    if problem is not None:
        raise CommandError(f"PIN refused: {problem.value.replace('_', ' ')} ({PIN_RULES})")
    return pin
