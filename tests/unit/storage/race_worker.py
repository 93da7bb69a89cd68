"""Child process for the race tests: opens the database, says ``ready``, waits for ``go`` on stdin, then
does one thing against the shared SQLite file and prints what came of it (one line).

Usage: python race_worker.py DATABASE_URL ISO-TIME ACTION ARGS...

* ``disable TARGET BY``: ``BY`` disables the operator ``TARGET`` (prints ``done`` or ``refused:<reason>``)
* ``guess NAME PIN``: a sign-in attempt (prints the outcome)
* ``cli ARGS...``: ``checkpoint operators ...`` on the open database, with the rest of stdin as its stdin
  (prints ``exit <code>``)

Every worker is started before any is told ``go``, so the actions meet as closely as processes can.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime

from checkpoint.cli import main as cli_main
from checkpoint.cli import operators as operators_command
from checkpoint.storage.database import open_database
from checkpoint.storage.operators import OperatorRefusedError


def main(url: str, at_text: str, action: str, *args: str) -> None:
    at = datetime.fromisoformat(at_text)
    db = open_database(url)
    ids = {a.operator.name: a.operator.id for a in db.operators.operator_accounts()}
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    if action == "disable":
        target, by = args
        try:
            db.operators.set_operator_enabled(ids[target], False, at, ids[by])
            print("done", flush=True)
        except OperatorRefusedError as error:
            print(f"refused:{error.reason.value}", flush=True)
    elif action == "guess":
        name, pin = args
        print(db.operators.sign_in(name, pin, at).outcome.value, flush=True)
    elif action == "cli":
        sys.stdin = io.StringIO(sys.stdin.read())
        # the command works on the database opened before "go" (opening takes longer than the race)
        vars(operators_command)["open_db"] = lambda args: db
        print(f"exit {cli_main(list(args))}", flush=True)
        return  # the command closed it
    db.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
