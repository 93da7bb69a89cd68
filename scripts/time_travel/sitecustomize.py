"""Moves Python's clock when ``CHECKPOINT_TRAVEL_DAYS`` is set (``scripts/time-travel-test``).

Python imports ``sitecustomize`` at start-up from ``sys.path``; ``scripts/time-travel-test`` puts this folder
on ``PYTHONPATH``, so the test process and every Python process the tests start (the ``checkpoint`` command,
the crash-test writer, ``bench pipeline``) travel alike. The clock keeps ticking from the new instant;
``time.monotonic`` is left alone, so timeouts and debouncing behave as usual.

The destination is a ``timedelta``, not ``datetime.now(UTC) + ...``: time-machine sets ``TZ=UTC`` for a
destination in UTC, which would undo the time zone the script chose.
"""

import os
from datetime import timedelta

_days = os.environ.get("CHECKPOINT_TRAVEL_DAYS")
if _days:
    import time_machine

    time_machine.travel(timedelta(days=float(_days)), tick=True).start()
