"""Child process for the purge-killed test: purges, and stops inside one day's transaction to be killed.

Usage: python purge_child.py DATABASE_URL BEFORE_ISO STOP_IN_DAY
The purge runs as ``checkpoint purge`` runs it; inside day STOP_IN_DAY's write transaction (after its
summaries are appended, before its passages are deleted and it commits) it prints ``inside N`` and
waits to be killed. STOP_IN_DAY 0 lets the purge finish (it prints ``done``).
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from typing import Any

from checkpoint.storage.database import open_database
from checkpoint.storage.retention import RetentionManager


def main(url: str, before_text: str, stop_in_day: int) -> None:
    before = datetime.fromisoformat(before_text)
    at = before + timedelta(days=1)
    database = open_database(url, clock=lambda: at)
    original = RetentionManager._append_summaries
    days = 0

    def summaries(self: RetentionManager, *args: Any) -> None:
        nonlocal days
        original(self, *args)
        days += 1
        if days == stop_in_day:
            print(f"inside {days}", flush=True)
            time.sleep(120)  # killed here, the transaction open

    RetentionManager._append_summaries = summaries  # type: ignore[method-assign, assignment]
    database.retention.purge(before, at=at, operator_id=None)
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
