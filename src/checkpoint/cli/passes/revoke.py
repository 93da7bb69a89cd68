"""``checkpoint passes revoke``: revoke a pass (recorded in the log, checked at every gate; audited)."""

from __future__ import annotations

import argparse
import uuid
from datetime import UTC, datetime

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_signed_in
from checkpoint.domain.roles import Permission
from checkpoint.storage.errors import InvalidRecordError, StorageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pass_id", metavar="PASS_ID")
    parser.add_argument("--reason", required=True)
    add_signed_in(parser, "an administrator")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    try:
        pass_id = str(uuid.UUID(args.pass_id))
    except ValueError as error:
        raise CommandError(f"not a pass id: {args.pass_id!r}") from error
    database = open_db(args)
    try:
        operator = authorise(args, database, Permission.PASSES)
        try:
            database.passes.revoke_pass(pass_id, args.reason, datetime.now(UTC), operator.id)
        except (StorageError, InvalidRecordError) as error:
            raise CommandError(f"not revoked: {error}") from error
    finally:
        database.close()
    print(f"revoked {pass_id}: {args.reason.strip()}")
    return EXIT_OK
