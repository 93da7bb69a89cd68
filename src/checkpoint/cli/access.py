"""The station's database as the commands open it, and the operator who runs a command: named by
``--operator``, signed in with their PIN, allowed what the command needs, every attempt audited."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime

from checkpoint.cli.common import CommandError, db_url
from checkpoint.domain.records import AuditAction, Operator
from checkpoint.domain.roles import Permission, SignInOutcome, allowed, minimum_role
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.errors import StorageError


def open_db(args: argparse.Namespace, *, need_data_key: bool = True) -> Database:
    """The database of ``--db`` (else the default one), migrated; a failure is a CommandError.
    ``need_data_key=False`` opens it without its data key too (``db verify``: what needs the key is
    reported as not checked)."""
    try:
        return open_database(db_url(args), need_data_key=need_data_key)
    except StorageError as error:
        raise CommandError(f"cannot open the database ({error.kind.value}): {error}") from error


def read_pin(args: argparse.Namespace, prompt: str) -> str:
    """One PIN: a line of stdin with --pin-stdin, else asked on the terminal without echo."""
    if args.pin_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise CommandError("--pin-stdin: no PIN on stdin")
        return line.strip()
    if not sys.stdin.isatty():
        raise CommandError("no terminal to ask for the PIN: give it on stdin with --pin-stdin")
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


def authorise(args: argparse.Namespace, database: Database, permission: Permission) -> Operator:
    """The operator named by --operator, signed in with their PIN and allowed ``permission``.

    Every attempt is in the audit trail: the sign-in (or its failure) and, for any refusal, an
    ``access_refused`` entry naming the command. Raises CommandError with a one-line reason.
    """
    name = (getattr(args, "operator", None) or "").strip()
    role_name = minimum_role(permission).value.replace("_", " ")
    needed = f"{'an' if role_name[0] in 'aeiou' else 'a'} {role_name}"
    now = datetime.now(UTC)

    def refuse(reason: str, who: Operator | None = None) -> CommandError:
        role = f" ({who.role.value})" if who is not None else ""
        detail = (
            f"{name or 'nobody'}{role}: {permission.value} (command line: {_command_words(args)}): {reason}"
        )
        try:
            database.audit.append_audit(AuditAction.ACCESS_REFUSED, detail, now, who.id if who else None)
        except StorageError as error:
            return CommandError(f"{reason} (not in the audit trail: {error.kind.value})")
        return CommandError(reason)

    if not name:
        raise refuse(f"this needs --operator NAME ({needed} or above) and their PIN")
    try:
        pin = read_pin(args, f"PIN for {name}: ")
    except CommandError as error:
        raise refuse(str(error)) from None
    try:
        result = database.operators.sign_in(name, pin, now)
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    if result.outcome is SignInOutcome.LOCKED_OUT:
        assert result.locked_until is not None  # a lock-out has an end
        until = result.locked_until.astimezone()
        raise refuse(
            f"refused: {name} is locked out after wrong PINs until {until:%H:%M:%S}", result.operator
        )
    if not result.ok:
        reason = _SIGN_IN_REFUSALS.get(result.outcome.value, result.outcome.value)
        raise refuse(f"refused: {reason}", result.operator)
    operator = result.operator
    assert operator is not None  # signed in
    if not allowed(operator.role, permission):
        raise refuse(
            f"refused: {name} is {operator.role.value.replace('_', ' ')}: this needs {needed} or above",
            operator,
        )
    return operator
