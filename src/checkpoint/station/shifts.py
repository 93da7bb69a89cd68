"""Shift names from the clock: three shifts a day (00-08, 08-16, 16-24), local time.

The label is language-neutral ("2026-11-22 08:00-16:00") because it is stored with the record and read
by people of either language.
"""

from __future__ import annotations

from datetime import datetime

SHIFT_STARTS = (0, 8, 16)


def shift_label(at: datetime) -> str:
    local = at.astimezone()
    start = max(hour for hour in SHIFT_STARTS if hour <= local.hour)
    end = start + 8
    return f"{local:%Y-%m-%d} {start:02d}:00-{end:02d}:00"
