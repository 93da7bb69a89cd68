"""The translation tables (``station/texts.py``, ``station/shift_texts.py``), walked whole: every code of
every table has words, every source text is a finished entry of the zh_CN catalogue, and the one lookup
returns that catalogue's words."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from enum import Enum
from typing import Any

import pytest

from checkpoint.paths import translations_dir
from checkpoint.station import shift_texts, texts
from checkpoint.station.i18n import LanguageSwitcher

# (context, enum, table, lookup) for every enum table
ENUM_TABLES = [
    *(("Texts", kind, table, texts.enum_text) for kind, table in texts.TABLES.items()),
    *(("ShiftTexts", kind, table, shift_texts.shift_enum_text) for kind, table in shift_texts.TABLES.items()),
]
CODE_LOOKUPS = {
    "vehicle_kind": texts.vehicle_kind_text,
    "verified_fact": texts.verified_fact_text,
    "certificate_type": texts.certificate_type_text,
}


def _catalogue(language: str) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element, for every live entry of a catalogue."""
    entries = {}
    for context in ET.parse(translations_dir() / f"checkpoint_{language}.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") not in ("vanished", "obsolete"):
                entries[(name, message.findtext("source") or "")] = translation
    return entries


ZH_CN = _catalogue("zh_CN")


def _sources() -> Iterator[tuple[str, str]]:
    for context, _kind, table, _lookup in ENUM_TABLES:
        for source in table.values():
            yield context, source
    for table in texts.CODE_TABLES.values():
        for source in table.values():
            yield "Texts", source


@pytest.fixture()
def chinese(qapp: object) -> Iterator[None]:
    switcher = LanguageSwitcher()
    switcher.set_language("zh_CN")
    yield
    switcher.uninstall()


@pytest.mark.parametrize(
    ("context", "kind", "table", "lookup"), ENUM_TABLES, ids=lambda v: getattr(v, "__name__", "")
)
def test_every_member_of_the_enum_has_an_entry(
    context: str, kind: type[Enum], table: Mapping[Any, str], lookup: object
) -> None:
    assert [member for member in kind if member not in table] == []
    assert [key for key in table if not isinstance(key, kind)] == []


def test_every_entry_is_a_finished_translation_in_the_catalogue() -> None:
    problems = []
    for context, source in _sources():
        translation = ZH_CN.get((context, source))
        if translation is None:
            problems.append(f"{context}: {source!r} is not in the catalogue")
        elif translation.get("type") == "unfinished" or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} is not translated")
    assert problems == [], "run resources/translations/update_translations.py and translate what it lists"


def test_the_lookup_gives_the_english_source_text(qapp: object) -> None:
    for _context, kind, table, lookup in ENUM_TABLES:
        for member in kind:
            assert lookup(member) == table[member]
    for name, table in texts.CODE_TABLES.items():
        for code, source in table.items():
            assert CODE_LOOKUPS[name](code) == source


def test_the_lookup_gives_the_catalogue_words_in_chinese(chinese: None) -> None:
    for context, kind, table, lookup in ENUM_TABLES:
        for member in kind:
            words = ZH_CN[(context, table[member])].text
            assert lookup(member) == words, member
            if words != table[member]:  # the catalogue says it reads differently in Chinese
                assert lookup(member) != table[member]
    for name, table in texts.CODE_TABLES.items():
        for code, source in table.items():
            assert CODE_LOOKUPS[name](code) == ZH_CN[("Texts", source)].text


def test_a_code_no_table_knows_prints_as_it_is(qapp: object) -> None:
    class Stranger(Enum):
        ODD = "odd_value"

    assert texts.enum_text(Stranger.ODD) == "odd_value"
    assert shift_texts.shift_enum_text(Stranger.ODD) == "odd_value"
    assert texts.vehicle_kind_text("tractor") == "tractor"
