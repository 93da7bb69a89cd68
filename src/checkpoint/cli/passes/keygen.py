"""``checkpoint passes keygen``: the deployment's signing key pair (administrators; audited)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from checkpoint.cli.access import authorise, open_db
from checkpoint.cli.common import EXIT_OK, CommandError, add_db, add_signed_in
from checkpoint.domain.credentials.passes import key_id
from checkpoint.domain.records import AuditAction
from checkpoint.domain.roles import Permission
from checkpoint.storage.keys import PRIVATE_KEY_FILE, KeyFileError, create_deployment_key, keys_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="replace an existing key (old passes stop verifying)"
    )
    parser.add_argument("--json", action="store_true")
    add_signed_in(parser, "an administrator")
    add_db(parser)


def run(args: argparse.Namespace) -> int:
    database = open_db(args)
    try:
        operator = authorise(args, database, Permission.PASSES)  # before any key file is touched
        try:
            key = create_deployment_key(force=args.force)
        except KeyFileError as error:
            raise CommandError(str(error)) from error
        kid = key_id(key.public_key()).hex()
        database.audit.append_audit(
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
