"""The strict headless harness (STYLE habit 12): offscreen Qt, no real user folders, no dangling threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"
TESTDATA = SHARED / "testdata"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config/data/log/export folders; the real user folders are never touched."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CHECKPOINT_HOME", str(home))
    monkeypatch.delenv("CHECKPOINT_DB", raising=False)
    return home


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


@pytest.fixture()
def testdata() -> Path:
    if not TESTDATA.is_dir():
        pytest.skip("../shared/testdata is not beside this checkout")
    return TESTDATA
