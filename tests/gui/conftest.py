"""GUI tests: every test here is marked ``gui`` and runs offscreen on real services and a temp database."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from checkpoint.station.i18n import LanguageSwitcher
from tests.station_clock import TickingClock

if TYPE_CHECKING:
    from checkpoint.station.services import StationServices
    from checkpoint.station.writer import RecordWriter
    from checkpoint.ui.main_window import MainWindow

GUI_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.gui)


def _build(tmp_path: Path, camera: str, clock: TickingClock) -> StationServices:
    from checkpoint.app import build_services  # the composition root pulls in every layer

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("gate/name", "G1 高速出口")
    settings.setValue("operator/name", "李明")
    services = build_services(
        f"sqlite:///{tmp_path / 'station.sqlite3'}", camera, settings=settings, clock=clock
    )
    # The gate runs the highway-exit profile, which starts in vehicle mode; these tests drive the
    # pedestrian flow unless they switch (tests/gui/test_vehicle_flow.py does).
    services.session.set_vehicle_mode(False)
    return services


@pytest.fixture()
def make_services(tmp_path: Path, clock: TickingClock) -> Iterator[Callable[[str], StationServices]]:
    """Builds the real station services on a temp database for a camera spec; the writer runs, the camera
    is started by the test. Everything is shut down (threads joined) afterwards. The station's time is
    ``clock`` (years from today, ticking: ``station_clock``), never the machine's."""
    built: list[StationServices] = []

    def make(camera: str) -> StationServices:
        folder = tmp_path / f"station{len(built)}"
        folder.mkdir()
        services = _build(folder, camera, clock)
        services.writer.start()
        built.append(services)
        return services

    yield make
    for services in built:
        services.shutdown()


@pytest.fixture()
def services(make_services: Callable[[str], StationServices]) -> StationServices:
    """The real services with the demo camera (not started)."""
    return make_services("demo")


@pytest.fixture()
def languages(qapp: object) -> Iterator[LanguageSwitcher]:
    """Starts in English; removes its translators afterwards so no test leaks a language into the next."""
    switcher = LanguageSwitcher()
    switcher.set_language("en")
    yield switcher
    switcher.uninstall()


@pytest.fixture()
def window(qtbot: QtBot, services: StationServices, languages: LanguageSwitcher) -> MainWindow:
    from checkpoint.ui.main_window import MainWindow

    main = MainWindow(services, languages)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitActive(main)
    return main


# The tracing tests (test_trace_audit.py, test_trace_unmask.py) search one day of demo history: built once
# per test module, copied per test so every test writes its audit entries into its own database.
DEMO_END = datetime.fromisoformat("2026-11-23T08:00:00+08:00")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-day demo history ending at ``DEMO_END`` (a fifth of the usual traffic), closed on disk."""
    from checkpoint.station.demo import fill_demo_history
    from checkpoint.storage.database import open_database

    path = tmp_path_factory.mktemp("demo") / "station.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        fill_demo_history(database, days=1, end=DEMO_END, scale=0.2)
    finally:
        database.close()
    return path


@pytest.fixture()
def writer(demo_file: Path, tmp_path: Path) -> Iterator[RecordWriter]:
    """A running writer on this test's own copy of ``demo_file``; stopped and closed afterwards."""
    from checkpoint.station.writer import RecordWriter
    from checkpoint.storage.database import open_database

    copy = tmp_path / "station.sqlite3"
    shutil.copy(demo_file, copy)
    database = open_database(f"sqlite:///{copy}")
    records = RecordWriter(database)
    records.start()
    yield records
    records.stop()
    database.close()
