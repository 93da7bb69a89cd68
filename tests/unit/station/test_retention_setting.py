"""The retention period comes from the settings file, and a bad value never widens the purge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from checkpoint.station.retention import RETENTION_DAYS_KEY, retention_days
from checkpoint.storage.retention import DEFAULT_RETENTION_DAYS


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (None, DEFAULT_RETENTION_DAYS),
        ("90", 90),
        ("1", 1),
        ("0", DEFAULT_RETENTION_DAYS),
        ("-5", DEFAULT_RETENTION_DAYS),
        ("thirty", DEFAULT_RETENTION_DAYS),
        ("99999", DEFAULT_RETENTION_DAYS),
    ],
)
def test_retention_days_from_settings(tmp_path: Path, stored: str | None, expected: int) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if stored is not None:
        settings.setValue(RETENTION_DAYS_KEY, stored)
    assert retention_days(settings) == expected
