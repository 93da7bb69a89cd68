"""The home province in settings.ini (``station/home_province``): read as the station reads it, written only
when changed, a value that is no province read as none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from checkpoint.station.device_settings import HOME_PROVINCE_KEY, DeviceSettings


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_home_province_is_read_and_saved_under_the_key_the_station_reads(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert HOME_PROVINCE_KEY == "station/home_province"
    before = DeviceSettings.from_settings(settings, "demo")
    assert before.home_province == ""
    after = DeviceSettings(camera_spec=before.camera_spec, home_province="豫")
    assert after.save(settings, before) == [HOME_PROVINCE_KEY]
    assert _settings(tmp_path).value(HOME_PROVINCE_KEY) == "豫"
    assert DeviceSettings.from_settings(_settings(tmp_path), "demo").home_province == "豫"


def test_a_value_that_is_no_province_counts_as_none(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    for junk in ("HA", "豫渝", "A"):
        settings.setValue(HOME_PROVINCE_KEY, junk)
        assert DeviceSettings.from_settings(settings, "demo").home_province == ""
