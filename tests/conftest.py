"""The strict headless harness (STYLE habit 12): offscreen Qt, no real user folders, no dangling threads."""

from __future__ import annotations

import base64
import gc
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.station_clock import TickingClock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"
TESTDATA = SHARED / "testdata"


TEST_DATA_KEY = bytes(range(32))
"""The data key (``storage.keys``) every test home starts with, so a database that a module- or
session-scoped fixture filled opens in every test; tests of a missing or wrong key remove or replace it."""


def give_data_key(home: Path, key: bytes = TEST_DATA_KEY) -> Path:
    """Put ``key`` where the station looks for its data key under ``home`` (mode 0600 in a 0700 folder)."""
    folder = home / "data" / "keys"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    path = folder / "data.key"
    path.write_bytes(base64.b64encode(key) + b"\n")
    path.chmod(0o600)
    return path


@pytest.fixture(autouse=True, scope="session")
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Fixtures wider than one test (a demo history per module) also stay out of the real user folders."""
    home = tmp_path_factory.mktemp("session-home")
    give_data_key(home)
    saved = os.environ.get("CHECKPOINT_HOME")
    os.environ["CHECKPOINT_HOME"] = str(home)
    yield home
    if saved is None:
        os.environ.pop("CHECKPOINT_HOME", None)
    else:
        os.environ["CHECKPOINT_HOME"] = saved


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config/data/log/export folders; the real user folders are never touched."""
    home = tmp_path_factory.mktemp("home")
    give_data_key(home)
    monkeypatch.setenv("CHECKPOINT_HOME", str(home))
    monkeypatch.delenv("CHECKPOINT_DB", raising=False)
    return home


@pytest.fixture(autouse=True, scope="session")
def _collector_off() -> Iterator[None]:
    """Cycles are collected on the main thread only (after each test), never by a worker thread that
    happens to allocate: a Qt object destroyed on the writer thread deadlocks against the GUI thread
    (see ``checkpoint.station.gc_guard``, which does the same for the application)."""
    gc.disable()
    yield
    gc.unfreeze()  # what the tests froze is freed before exit (no nanobind "leaked" lines)
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_on_main_thread() -> Iterator[None]:
    """What a test left as cyclic garbage is collected here, on the main thread; what survives is frozen
    out of later collections (as the started station does, ``gc_guard.settle``), so each collection
    visits only what the last test made instead of the whole heap (STYLE habit 18). That took the suite
    from about 16 minutes of CPU to about 4."""
    yield
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """A test fails if it leaves a thread of ours running (napari ``_dangling_qthreads`` idea)."""
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    for thread in leftover:
        thread.join(timeout=3.0)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"threads left running: {still}"


# pytest-qt's fixtures: a test that uses one of them, directly or through a fixture built on them (the GUI
# fixtures of tests/gui/conftest.py), builds Qt objects and is a GUI test wherever it lives.
QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester", "qtlog", "qapp_args", "qapp_cls"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks ``gui`` every test whose fixtures include a Qt one (``-m "not gui"`` leaves them out)."""
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


class _LogFailHandler(logging.Handler):
    """Keeps every record at WARNING or above that reaches it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _fail_on_unexpected_log(request: pytest.FixtureRequest) -> Iterator[None]:
    """A warning or error logged during a test fails it (qutebrowser's ``logfail``), as Qt's own warnings do
    (``qt_log_level_fail``): it is either a bug or something the test should say it expects. A test
    expects log lines by reading them through ``caplog`` or by carrying ``@pytest.mark.expected_log``."""
    handler = _LogFailHandler()
    loggers = [logging.getLogger(), logging.getLogger("checkpoint")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    expected = "caplog" in request.fixturenames or request.node.get_closest_marker("expected_log") is not None
    unexpected = list({id(record): record for record in handler.records}.values())
    if unexpected and not expected:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in unexpected)
        pytest.fail(f"unexpected log lines (read them with caplog or mark the test expected_log):\n{lines}")


@pytest.fixture()
def clock() -> TickingClock:
    """The station's clock for this test: years from today, ticking (``station_clock``)."""
    return TickingClock()


@pytest.fixture()
def testdata() -> Path:
    if not TESTDATA.is_dir():
        pytest.skip("../shared/testdata is not beside this checkout")
    return TESTDATA
