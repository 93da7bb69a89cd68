"""Shift names from the clock: three shifts a day (00-08, 08-16, 16-24), in the gate's local time.

The label is language-neutral ("2026-11-22 08:00-16:00") because it is stored with the record and read
by people of either language.
"""

from __future__ import annotations

from datetime import datetime

SHIFT_HOURS = 8
SHIFT_STARTS: tuple[int, ...] = (0, 8, 16)


def shift_start_hour(at: datetime) -> int:
    return max(hour for hour in SHIFT_STARTS if hour <= at.hour)


def shift_label(at: datetime) -> str:
    """The label of the shift that ``at`` falls in (``at`` as given: pass local time)."""
    start = shift_start_hour(at)
    return f"{at:%Y-%m-%d} {start:02d}:00-{start + SHIFT_HOURS:02d}:00"


def led_shift_label(at: datetime, leader: str) -> str:
    """The label of a shift a leader opened at ``at`` (local time): when, and who leads it."""
    return f"{at:%Y-%m-%d %H:%M} {leader.strip()}".strip()
