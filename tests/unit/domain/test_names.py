"""The one name normaliser: the spellings of one name that watchlists, residents and tracing must join."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkpoint.domain import t2s_table, watchlist
from checkpoint.domain.names import normalise_name


@pytest.mark.parametrize(
    "spelling",
    [
        "欧阳娜娜",
        "欧阳 娜娜",  # a space between family and given name
        "欧阳\u3000娜娜",  # an ideographic space
        " 欧阳娜娜\t",
        "欧阳\u200b娜娜",  # zero-width space
        "欧\u200c阳\u200d娜\u2060娜\ufeff",  # joiners, word joiner, byte-order mark
        "\u200e欧阳娜娜\u200f",  # direction marks
        "歐陽娜娜",  # traditional
        "歐陽 娜娜",
        "欧陽娜娜",  # mixed
    ],
)
def test_spellings_of_one_chinese_name_fold_together(spelling: str) -> None:
    assert normalise_name(spelling) == "欧阳娜娜"


def test_latin_names_fold_case_and_width() -> None:
    assert (
        normalise_name("Erika Mustermann")
        == normalise_name("ＥＲＩＫＡ　ＭＵＳＴＥＲＭＡＮＮ")
        == "erikamustermann"
    )
    assert normalise_name("MÜLLER") == normalise_name("müller")


def test_middle_dots_of_transcribed_names_are_dropped() -> None:
    folded = {
        normalise_name(n) for n in ("阿卜杜·艾尼", "阿卜杜・艾尼", "阿卜杜･艾尼", "阿卜杜•艾尼", "阿卜杜艾尼")
    }
    assert folded == {"阿卜杜艾尼"}


def test_different_names_stay_different() -> None:
    assert normalise_name("于娜") != normalise_name("余娜")
    assert normalise_name("张伟") != normalise_name("张玮")
    assert normalise_name("ERIKA MUSTERMANN") != normalise_name("MUSTERMANN ERIKA")  # no reordering


def test_nothing_but_invisible_characters_is_no_name() -> None:
    assert normalise_name("\u200b \u3000\ufeff") == ""


@given(st.text(alphabet=st.sampled_from("欧阳娜歐陽 \u200bAaÄäßǰ\u0301·ＡＢ1１")))
def test_folding_twice_changes_nothing(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once


def test_watchlists_and_residents_use_the_one_normaliser() -> None:
    for spelling in ("欧阳 娜娜", "歐陽娜娜", "欧阳\u200b娜娜"):
        assert watchlist.normalise_name(spelling) == normalise_name(spelling)


def test_the_table_is_frozen() -> None:
    """Stored keyed hashes depend on the table: a change needs a migration re-hashing every name."""
    digest = hashlib.sha256(t2s_table.PAIRS.encode()).hexdigest()
    assert len(t2s_table.PAIRS) == 2 * 3222
    assert digest == DIGEST, digest


DIGEST = "e89bde8439a4551e03814304430eb76b5216acf3282418000939c90702e6e5f9"
