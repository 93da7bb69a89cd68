"""Naming a province in the picker: character, name, code, pinyin; the home province first among equals."""

from __future__ import annotations

import pytest

from checkpoint.domain.provinces import PROVINCE_TABLE, names_longer, provinces_named, provinces_starting
from checkpoint.domain.validators import PROVINCES


@pytest.mark.parametrize("query", ["豫", "河南", "HA", "ha", "Ha", "yu", "YU", "henan", "HeNan", " henan "])
def test_henan_is_found_by_every_name(query: str) -> None:
    assert provinces_named(query)[0] == "豫"


def test_a_shared_name_offers_the_home_province_first() -> None:
    assert provinces_named("yu") == ["豫", "渝"]
    assert provinces_named("yu", home="渝") == ["渝", "豫"]
    assert provinces_named("gui", home="贵") == ["贵", "桂"]


def test_every_province_has_unique_code_and_character() -> None:
    assert "".join(p.short for p in PROVINCE_TABLE) == PROVINCES
    for province in PROVINCE_TABLE:
        assert provinces_named(province.code) == [province.short]
        assert provinces_named(province.short) == [province.short]
        assert provinces_named(province.name) == [province.short]


def test_what_is_still_offered_and_whether_a_name_goes_on() -> None:
    assert provinces_starting("he") == ["冀", "黑", "豫"]  # HE, hei/heilongjiang, henan
    assert names_longer("ha")  # HA is 豫, but hainan (琼) goes on
    assert not names_longer("bj") and not names_longer("henan")
    assert provinces_named("") == [] and provinces_named("xyz") == []
