"""The only module that knows where config, data, logs, exports and resources live.

Tests and portable installs point everything elsewhere with ``CHECKPOINT_HOME`` (one folder holding
``config/``, ``data/``, ``logs/`` and ``exports/``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from checkpoint import APP_ID, ORG_NAME

_HOME_ENV = "CHECKPOINT_HOME"
DB_ENV = "CHECKPOINT_DB"
DB_FILENAME = "checkpoint.sqlite3"


def _home() -> Path | None:
    value = os.environ.get(_HOME_ENV)
    return Path(value) if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_ID, ORG_NAME))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_ID, ORG_NAME))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_ID, ORG_NAME))


def export_dir() -> Path:
    home = _home()
    return home / "exports" if home else Path(platformdirs.user_documents_dir()) / APP_ID


def default_db_url() -> str:
    """``CHECKPOINT_DB`` when set, else the SQLite file in the user data folder."""
    return os.environ.get(DB_ENV) or f"sqlite:///{data_dir() / DB_FILENAME}"


def resources_dir() -> Path:
    """Icons, sounds, translations, styles and demo assets.

    In a PyInstaller bundle they sit beside the executable's unpacked files; in a wheel they are
    installed as ``checkpoint/resources``; in a source checkout they are the repository's ``resources/``.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"
