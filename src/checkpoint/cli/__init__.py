"""The ``checkpoint`` command (DESIGN.md, "The checkpoint command"): a module per command, loaded when run.

``COMMANDS`` lists every command with the line its parent's ``--help`` shows (pip's ``commands_dict``).
A command's module, ``checkpoint.cli.<name>`` (``demo-data``: ``demo_data``), declares its arguments in
``add_arguments(parser)`` beside its handler ``run(args) -> int`` and imports what it needs at its top;
it is imported only when the command line names it. A group whose sub-commands need different imports
(``residents``, ``passes``, ``bench``) is a package with a module per sub-command (poetry's
``console/commands/env/``); ``db`` and ``operators`` share their imports and are one module each.

So ``checkpoint --help`` and ``--version`` load neither Qt nor SQLAlchemy, ``scan`` no Qt, and only
``gui``, ``bench log`` and ``bench pipeline`` load Qt widgets (``passes issue`` paints its QR card with
QtGui; ``export``, ``trace``, ``residents import`` and ``purge`` load QtCore for translations and
settings). tests/cli/test_cli_imports.py holds the command line to that.

Every command exits non-zero with a one-line error on bad input: 1 for a failure (``CommandError``), 2
for a usage error (argparse), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import keyword
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from checkpoint import APP_NAME, __version__
from checkpoint.cli.common import EXIT_FAILURE, CommandError, print_error

__all__ = ["COMMANDS", "Command", "build_parser", "main"]

MAX_IMAGE_PIXELS_FOR_OPENCV = 64_000_000  # camera.image_size refuses more than 50 MP before decoding


@dataclass(frozen=True, slots=True)
class Command:
    """A command as its parent's help lists it. A leaf has a module; a group (``commands``) has a module
    for each of its sub-commands, chosen by the argument ``dest``."""

    name: str
    help: str
    commands: tuple[Command, ...] = ()
    dest: str = ""
    metavar: str = ""


COMMANDS: tuple[Command, ...] = (
    Command("gui", "start the station (the default)"),
    Command("scan", "decode codes in images or stdin payloads, without GUI or database"),
    Command("export", "write the shift leader's files"),
    Command("trace", "tracing: passages by plate, ID number, phone or name"),
    Command(
        "residents",
        "the residents registry: import a file, list it",
        dest="residents_command",
        metavar="ACTION",
        commands=(
            Command(
                "import", "import households and members from a CSV or XLSX file (a report of every row)"
            ),
            Command("list", "households and members (masked)"),
        ),
    ),
    Command("db", "database maintenance"),
    Command("purge", "retention: remove old passages, keeping the counts the reports need (audited)"),
    Command("demo-data", "fill a database with a realistic synthetic history"),
    Command(
        "passes",
        "issue and check the deployment's own signed passes",
        dest="passes_command",
        metavar="ACTION",
        commands=(
            Command("keygen", "make the deployment's signing key pair (administrators)"),
            Command("issue", "sign a pass; print its payload and write a printable PNG"),
            Command("verify", "check a pass payload or an image of one"),
            Command("revoke", "revoke a pass (recorded in the log, checked at every gate)"),
        ),
    ),
    Command("operators", "operators, roles and PINs (administrators)"),
    Command(
        "bench",
        "benchmarks",
        dest="bench_command",
        metavar="WHAT",
        commands=(
            Command("decode", "decoders and pipeline on image folders"),
            Command("log", "log view, scrolling, tracing and handover exports on a (large) database"),
            Command("verify", "time to verify one DCC and one station pass"),
            Command(
                "pipeline",
                "the real station offscreen on the demo camera: scan-to-verdict latency, preview and decode "
                "rates, GUI stalls, memory, start-up",
            ),
        ),
    ),
)

Handler = Callable[[argparse.Namespace], int]

if TYPE_CHECKING:
    _SubParsersAction = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _SubParsersAction = argparse._SubParsersAction


class _LazyCommands(_SubParsersAction):
    """Sub-commands whose parsers are filled (their module imported) only when the command line names one.

    ``checkpoint --help`` needs each command's name and help line only; a command's own arguments are
    declared by its module just before argparse hands it the rest of the command line.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._unfilled: dict[str, Callable[[argparse.ArgumentParser], None]] = {}

    def add_command(self, command: Command, fill: Callable[[argparse.ArgumentParser], None]) -> None:
        self.add_parser(command.name, help=command.help)
        self._unfilled[command.name] = fill

    def fill(self, name: str) -> None:
        fill = self._unfilled.pop(name, None)
        if fill is not None:
            fill(self.choices[name])

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, list) and values:
            self.fill(str(values[0]))  # an unknown name is argparse's to refuse
        super().__call__(parser, namespace, values, option_string)


def _add_commands(
    parser: argparse.ArgumentParser,
    commands: tuple[Command, ...],
    path: tuple[str, ...],
    everything: bool,
    **subparsers: Any,
) -> None:
    action = cast(_LazyCommands, parser.add_subparsers(action=_LazyCommands, **subparsers))
    for command in commands:
        action.add_command(command, partial(_fill, command, (*path, command.name), everything))
        if everything:
            action.fill(command.name)


def _fill(command: Command, path: tuple[str, ...], everything: bool, parser: argparse.ArgumentParser) -> None:
    if command.commands:
        _add_commands(
            parser,
            command.commands,
            path,
            everything,
            dest=command.dest,
            metavar=command.metavar,
            required=True,
        )
        return
    module = importlib.import_module(_module_name(path))
    module.add_arguments(parser)
    parser.set_defaults(handler=module.run)


def _module_name(path: tuple[str, ...]) -> str:
    """``("demo-data",)`` -> ``checkpoint.cli.demo_data``; a keyword gets an underscore (``import_``)."""
    names = [word.replace("-", "_") for word in path]
    return ".".join(["checkpoint.cli", *(f"{name}_" if keyword.iskeyword(name) else name for name in names)])


def build_parser(*, everything: bool = False) -> argparse.ArgumentParser:
    """The ``checkpoint`` parser. A command's arguments are declared when a parse reaches it, or, with
    ``everything``, now (every command module imported: for walking the whole tree)."""
    parser = argparse.ArgumentParser(prog="checkpoint", description=f"{APP_NAME}: scan, decide and record.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_commands(parser, COMMANDS, (), everything, dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # OpenCV's own log lines would break the one-line-error promise; our errors say what went wrong.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "OFF")
    # OpenCV's own ceiling on what a decoder allocates, behind the header check (camera.image_size)
    os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_IMAGE_PIXELS_FOR_OPENCV))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # no command: the station
        args = parser.parse_args(["gui", *(argv or [])])
    handler: Handler = args.handler
    try:
        return handler(args)
    except CommandError as error:
        print_error(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
