"""``checkpoint bench log``: the log view, scrolling, tracing and handover exports on a (large) database."""

from __future__ import annotations

import argparse
import json

from checkpoint.bench import BenchError
from checkpoint.bench.log import ensure_app, format_log_bench, run_log_bench
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, db_url
from checkpoint.cli.language import install_language
from checkpoint.storage.errors import StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    try:
        ensure_app()
        install_language(None)
        report = run_log_bench(db_url(args))
    except BenchError as error:
        raise CommandError(str(error)) from error
    except StorageError as error:
        raise CommandError(f"database error ({error.kind.value}): {error}") from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_log_bench(report))
    return EXIT_OK
