"""What every command shares, cheap to import (the standard library and ``paths`` only): exit codes, the
one-line error, times on the command line, the options several commands take, and output helpers (text
from outside is printed through :func:`terminal_safe` or :func:`json_line`)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from checkpoint import paths

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


# Characters that steer a terminal or reorder what it shows: C0 (ESC, BEL, CR, LF, TAB...), DEL, C1
# (CSI...), the line and paragraph separators and the bidirectional marks and overrides.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` for one line of a terminal: control, separator and bidirectional characters (from a
    scanned payload, a file, the database) escaped as ``\\x1b`` / ``\\u202e``, so what is printed cannot
    move the cursor, ring, clear the screen, fake another line or reorder the line."""
    return _UNSAFE.sub(_escape, text)


def json_line(document: object) -> str:
    """One JSON document on one line, ASCII-safe for a terminal: what ``json.dumps`` leaves raw (DEL, C1,
    the separators, the bidirectional marks) is written as a ``\\u`` escape too. Still exact JSON."""
    text = json.dumps(document, ensure_ascii=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def print_error(message: str) -> None:
    """``checkpoint: error: <message>`` on stderr: the one line a failure prints (terminal-safe)."""
    print(f"checkpoint: error: {terminal_safe(message)}", file=sys.stderr)


def progress(unit: str) -> Callable[[int], None]:
    """A counter for a long run, rewritten in place on stderr: ``\\r<n> <unit>``."""

    def show(count: int) -> None:
        print(f"\r{count} {unit}", end="", file=sys.stderr, flush=True)

    return show


def parse_time(text: str) -> datetime:
    """ISO-8601; a time without a zone is local time. Returned in UTC."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 time: {text!r}") from error
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC)


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"database URL (default: ${paths.DB_ENV} or the SQLite file in the user data folder)",
    )


def db_url(args: argparse.Namespace) -> str:
    return str(args.db) if getattr(args, "db", None) else paths.default_db_url()


def add_unmask(parser: argparse.ArgumentParser, note: str) -> None:
    suffix = f"; {note}" if note else ""
    parser.add_argument(
        "--unmask",
        action="store_true",
        help=f"full names, ID numbers and phones (audited){suffix}",
    )
    add_signed_in(parser, "a shift leader or administrator")


def add_signed_in(parser: argparse.ArgumentParser, who: str) -> None:
    """``--operator NAME`` and ``--pin-stdin``: who does this, signed in with their PIN (audited)."""
    parser.add_argument("--operator", metavar="NAME", help=f"who does this: {who} (asked for their PIN)")
    add_pin_stdin(parser)


def add_pin_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN (then any new PIN) from stdin, one per line, instead of asking on the terminal",
    )
