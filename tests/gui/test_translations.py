"""The catalogues are complete and compiled: no unfinished entry, no string in the source missing from them,
and the committed .qm files are exactly what lrelease makes of the .ts files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from checkpoint.domain.records import CodeColour, CodeKind, Direction, Itinerary, Outcome, Reason, SubjectKind
from checkpoint.paths import translations_dir
from checkpoint.station.i18n import LanguageSwitcher

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LANGUAGES = ("zh_CN", "en")


def unfinished_entries(ts: Path) -> list[str]:
    """Every live entry (not vanished/obsolete) without a finished, non-empty translation."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes" and translation is not None:
                texts = [form.text for form in translation.iter("numerusform")]
            else:
                texts = [translation.text if translation is not None else None]
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not all(text and text.strip() for text in texts)
            ):
                problems.append(f"{name}: {message.findtext('source')!r}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_source_is_translated(tmp_path: Path, language: str) -> None:
    """lupdate over the whole package into a copy: nothing new, nothing unfinished."""
    ts = tmp_path / f"checkpoint_{language}.ts"
    shutil.copy(translations_dir() / ts.name, ts)
    subprocess.run(
        [
            *(str(BIN / "pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-silent"),
            *(str(ROOT / "src" / "checkpoint"), "-ts", str(ts)),
        ],
        check=True,
    )
    assert unfinished_entries(ts) == [], (
        "run `.venv/bin/python resources/translations/update_translations.py` and translate what it lists"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(tmp_path: Path, language: str) -> None:
    ts = translations_dir() / f"checkpoint_{language}.ts"
    qm = translations_dir() / f"checkpoint_{language}.qm"
    assert qm.is_file(), f"{qm.name} is missing"
    # Compared by content, not by date: a clone sets file times in checkout order, while a .qm that is
    # older than its .ts in the sense that matters (compiled before the last edit) differs from a fresh one.
    fresh = tmp_path / qm.name
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} differs from what lrelease makes of {ts.name}"


def test_the_checker_sees_an_unfinished_entry(tmp_path: Path) -> None:
    ts = tmp_path / "broken.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>X</name>"
        '<message><source>Done</source><translation type="unfinished"></translation></message>'
        "<message><source>Empty</source><translation></translation></message>"
        '<message><source>Gone</source><translation type="vanished">走了</translation></message>'
        "<message><source>Fine</source><translation>好</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert unfinished_entries(ts) == ["X: 'Done'", "X: 'Empty'"]


def test_every_domain_value_reads_in_chinese(languages: LanguageSwitcher) -> None:
    from checkpoint.station.texts import enum_text

    values = [*Outcome, *Direction, *SubjectKind, *CodeColour, *Itinerary, *CodeKind, *Reason]
    english = {value: enum_text(value) for value in values}
    languages.set_language("zh_CN")
    untranslated = [value for value in values if enum_text(value) == english[value]]
    assert untranslated == []
    assert QCoreApplication.translate("Texts", "Turn back") == "劝返"
