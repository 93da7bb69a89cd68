"""The language a command's files and reports are worded in: the station's translations, loaded into a
QtCore application (no widgets) for the commands that write words (export, trace, residents, bench log)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from checkpoint.station.i18n import LanguageSwitcher, system_language


def install_language(lang: str | None) -> None:
    """Load the translations the exported files are worded in (QtCore only, no widgets)."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    languages = LanguageSwitcher(parent=app)
    languages.set_language(lang or system_language())
