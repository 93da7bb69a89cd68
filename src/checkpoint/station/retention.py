"""The station's retention setting: how many days of passages it keeps (``checkpoint purge`` default).

The key lives in the station's settings file beside the others (``retention/days``); a missing, unreadable
or out-of-range value falls back to ``DEFAULT_RETENTION_DAYS`` rather than purging more than intended.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from checkpoint import paths
from checkpoint.storage.retention import DEFAULT_RETENTION_DAYS

RETENTION_DAYS_KEY = "retention/days"
MAX_RETENTION_DAYS = 3650


def retention_days(settings: QSettings | None = None) -> int:
    """The configured retention period in days (1 .. ``MAX_RETENTION_DAYS``), else the default."""
    if settings is None:
        settings = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)
    try:
        days = int(str(settings.value(RETENTION_DAYS_KEY, DEFAULT_RETENTION_DAYS)))
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return days if 1 <= days <= MAX_RETENTION_DAYS else DEFAULT_RETENTION_DAYS
