"""Who counts as an occupant, and how many persons a vehicle of each kind holds (settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from checkpoint.station.occupancy import DEFAULT_LIMITS, LIMIT_KEY, OccupantLimits


def test_defaults_and_settings(tmp_path: Path) -> None:
    limits = OccupantLimits()
    assert (limits.limit("car"), limits.limit("van"), limits.limit("bus")) == (7, 9, 60)
    assert limits.over("car", 8) and not limits.over("car", 7) and not limits.over("tractor", 99)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert OccupantLimits.from_settings(settings).limits == DEFAULT_LIMITS
    settings.setValue(LIMIT_KEY.format(kind="car"), 5)
    settings.setValue(LIMIT_KEY.format(kind="bus"), "lots")  # nonsense keeps the default
    settings.setValue(LIMIT_KEY.format(kind="van"), 0)  # so does a number no vehicle has
    read = OccupantLimits.from_settings(settings)
    assert (read.limit("car"), read.limit("bus"), read.limit("van")) == (5, 60, 9)
    assert settings.value("vehicle/max_occupants_car") in (5, "5")
