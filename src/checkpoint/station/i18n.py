"""Live language switching: our own ``checkpoint_<lang>.qm`` plus Qt's ``qtbase_<lang>.qm`` (Picard style).

Installing or removing a translator makes Qt send a ``LanguageChange`` event to every widget; each of our
widgets rebuilds its texts in ``retranslate_ui()`` from ``changeEvent``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from checkpoint.paths import translations_dir

_log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("zh_CN", "en")

# Each language is offered under its own name, so nobody has to read a foreign script to find theirs.
LANGUAGE_NAMES: dict[str, str] = {"zh_CN": "中文", "en": "English"}


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` as a text of ``context`` for ``pyside6-lupdate`` and returns it unchanged.

    The translation tables hold source texts and translate one when it is looked up. lupdate knows the
    marker by its name; Qt's own one is typed as returning ``object``, this one keeps the tables typed.
    """
    del context  # read by lupdate, not at run time
    return source


class LanguageError(ValueError):
    """An unknown language code was asked for."""


def system_language(locale: QLocale | None = None) -> str:
    """``zh_CN`` for any Chinese system locale, else English."""
    name = (locale or QLocale.system()).name()
    return "zh_CN" if name.lower().startswith("zh") else SOURCE_LANGUAGE


class LanguageSwitcher(QObject):
    """Owns the installed translators and swaps them when the operator picks another language.

    Signals:
        language_changed(str): the new language code, after the translators are installed.
    """

    language_changed = Signal(str)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder if folder is not None else translations_dir()
        self._qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        self._installed: list[QTranslator] = []
        self._language = ""

    @property
    def language(self) -> str:
        """The current language code ("" before the first ``set_language``)."""
        return self._language

    def available_languages(self) -> list[str]:
        """The source language and every language whose compiled catalogue is present."""
        return [
            lang
            for lang in SUPPORTED_LANGUAGES
            if lang == SOURCE_LANGUAGE or (self._folder / f"checkpoint_{lang}.qm").is_file()
        ]

    def set_language(self, language: str) -> None:
        """Installs the translators for ``language``; widgets retranslate on the LanguageChange event."""
        if language not in SUPPORTED_LANGUAGES:
            raise LanguageError(
                f"unknown language {language!r}; choose one of {', '.join(SUPPORTED_LANGUAGES)}"
            )
        if language == self._language:
            return
        if QCoreApplication.instance() is None:
            raise RuntimeError("a QCoreApplication must exist before a language is set")
        self.uninstall()
        for folder, stem in ((self._folder, "checkpoint"), (self._qt_folder, "qtbase")):
            translator = QTranslator(self)
            if translator.load(f"{stem}_{language}", str(folder)):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            else:
                _log.warning("no %s translations for %s in %s", stem, language, folder)
        QLocale.setDefault(QLocale(language))
        self._language = language
        self._deliver_language_change()
        self.language_changed.emit(language)

    def uninstall(self) -> None:
        """Removes our translators (the source texts show again); the next ``set_language`` reinstalls."""
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self._language = ""
        QLocale.setDefault(QLocale.system())
        self._deliver_language_change()

    @staticmethod
    def _deliver_language_change() -> None:
        """Qt posts LanguageChange; delivering it now means every widget reads the new language on return."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
