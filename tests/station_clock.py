"""The clock tests give the station (STYLE habit 18: a clock is passed, never read from the machine).

It starts at :data:`START`, years away from any real date, and moves on with real elapsed time
(``time.monotonic``), so debouncing, idle timeouts and ``qtbot.waitUntil`` behave as on a real station.
A widget or a test that reads the machine's date instead of this clock is years off the station's time,
so that mistake fails on every run, not only once a hard-coded date has gone by.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

START = datetime(2031, 7, 14, 23, 45, tzinfo=UTC)
"""A quarter to midnight UTC: already the 15th in China (07:45) and in Kiritimati, still the 14th in the
Americas, so a date taken in UTC where the local one is meant (or the other way round) shows. Every zone's
offset is a whole, half or three-quarter hour, so in every zone the local time is at least 15 minutes from
a full hour: a test's few seconds cross no hour, shift or day boundary. No zone changes summer time in
mid-July."""


class TickingClock:
    """Aware UTC datetimes from ``start`` on, ticking with ``time.monotonic``; callable like any clock the
    station takes. :meth:`advance` and :meth:`set` move it at once (a shift rollover, an idle timeout)."""

    def __init__(self, start: datetime = START) -> None:
        self._lock = threading.Lock()  # the writer thread reads it too
        self._start = start
        self._started = time.monotonic()

    def __call__(self) -> datetime:
        with self._lock:
            return self._start + timedelta(seconds=time.monotonic() - self._started)

    def advance(self, by: timedelta) -> None:
        with self._lock:
            self._start += by

    def set(self, at: datetime) -> None:
        """From now on the clock reads ``at`` (aware), and ticks on from there."""
        with self._lock:
            self._start = at
            self._started = time.monotonic()
