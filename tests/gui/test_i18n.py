"""The language switcher: system default, loading our catalogue and Qt's, unknown languages refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from checkpoint.station.i18n import LanguageError, LanguageSwitcher, system_language


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh_HK", "zh_CN"), ("en_US", "en"), ("de_DE", "en")],
)
def test_default_language_follows_the_system_locale(locale: str, expected: str) -> None:
    assert system_language(QLocale(locale)) == expected


def test_both_languages_are_offered(languages: LanguageSwitcher) -> None:
    assert languages.available_languages() == ["zh_CN", "en"]


def test_switching_installs_our_texts_and_qts_own(languages: LanguageSwitcher) -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    switched: list[str] = []
    languages.language_changed.connect(switched.append)
    languages.set_language("zh_CN")
    assert languages.language == "zh_CN"
    assert switched == ["zh_CN"]
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase_zh_CN.qm
    languages.set_language("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_an_unknown_language_is_refused_and_nothing_changes(languages: LanguageSwitcher) -> None:
    with pytest.raises(LanguageError, match="fr"):
        languages.set_language("fr")
    assert languages.language == "en"


@pytest.mark.parametrize(("language", "colon"), [("en", ": "), ("zh_CN", "：")])
def test_an_import_reject_reads_as_one_sentence_with_its_value(
    languages: LanguageSwitcher, language: str, colon: str
) -> None:
    """ "…Read the card again.: 1101…" read badly in the residents import's report."""
    from checkpoint.station.texts import reject_detail_text

    languages.set_language(language)
    text = reject_detail_text("bad_check_digit: 110105194912310022")
    words, _, value = text.rpartition(colon)
    assert value == "110105194912310022"
    assert words and not words.endswith((".", "。", ":", "：")), text
    assert reject_detail_text("a note from the file") == "a note from the file"
