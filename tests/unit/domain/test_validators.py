"""Validators for what gate staff type: ID numbers, mobile numbers and plates, with the problem named."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkpoint.domain.validators import (
    IdProblem,
    PhoneProblem,
    PlateKind,
    PlateProblem,
    validate_id_number,
    validate_mobile,
    validate_plate,
)

TODAY = date(2022, 5, 1)


@pytest.mark.parametrize(
    ("text", "normalised", "born", "region_part"),
    [
        ("11010519491231002X", "11010519491231002X", date(1949, 12, 31), "北京市"),
        ("11010519491231002x", "11010519491231002X", date(1949, 12, 31), "北京市"),
        ("360426199101010071", "360426199101010071", date(1991, 1, 1), "德安县"),
        ("3604 2619 9101 0100 71", "360426199101010071", date(1991, 1, 1), "江西省"),
        ("３６０４２６１９９１０１０１００７１", "360426199101010071", date(1991, 1, 1), "江西省"),
        ("440304200002291236", "440304200002291236", date(2000, 2, 29), "广东省"),
        ("650102202001010011", "650102202001010011", date(2020, 1, 1), "新疆"),
        ("810000199001011230", "810000199001011230", date(1990, 1, 1), "香港"),
    ],
)
def test_valid_id_numbers(text: str, normalised: str, born: date, region_part: str) -> None:
    check = validate_id_number(text, TODAY)
    assert check.ok, check.problem
    assert check.problem is None
    assert check.normalised == normalised
    assert check.birth_date == born
    assert region_part in check.region


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", IdProblem.EMPTY),
        ("   ", IdProblem.EMPTY),
        ("36042619910101007", IdProblem.BAD_LENGTH),
        ("360426910101007", IdProblem.BAD_LENGTH),  # old 15-digit number
        ("3604261991010100711", IdProblem.BAD_LENGTH),
        ("36042619910101007A", IdProblem.BAD_CHARACTERS),
        ("3604261991010X0071", IdProblem.BAD_CHARACTERS),
        ("360426199101010072", IdProblem.BAD_CHECK_DIGIT),
        ("110105194912310021", IdProblem.BAD_CHECK_DIGIT),
        ("990101199001011230", IdProblem.BAD_REGION),
        ("110101199002301236", IdProblem.BAD_BIRTH_DATE),  # 30 February
        ("110101203001011236", IdProblem.BIRTH_IN_FUTURE),
    ],
)
def test_invalid_id_numbers(text: str, problem: IdProblem) -> None:
    check = validate_id_number(text, TODAY)
    assert not check.ok
    assert check.problem is problem


def test_birth_today_is_fine_and_tomorrow_is_not() -> None:
    assert validate_id_number("650102202001010011", date(2020, 1, 1)).ok
    assert validate_id_number("650102202001010011", date(2019, 12, 31)).problem is IdProblem.BIRTH_IN_FUTURE


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-19912345678", "19912345678"),
        ("008615012345678", "15012345678"),
        ("(+86) 166 0000 1111", "16600001111"),
        ("１３８１２３４５６７８", "13812345678"),
    ],
)
def test_valid_mobiles(text: str, normalised: str) -> None:
    check = validate_mobile(text)
    assert check.ok, check.problem
    assert check.normalised == normalised


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", PhoneProblem.EMPTY),
        (" - ", PhoneProblem.EMPTY),
        ("1381234567", PhoneProblem.BAD_LENGTH),
        ("138123456789", PhoneProblem.BAD_LENGTH),
        ("+8613812345", PhoneProblem.BAD_LENGTH),
        ("12812345678", PhoneProblem.BAD_PREFIX),
        ("23812345678", PhoneProblem.BAD_PREFIX),
        ("010-12345678", PhoneProblem.BAD_PREFIX),  # a landline is not a mobile
        ("1381234567a", PhoneProblem.BAD_CHARACTERS),
        ("+1 415 555 0100", PhoneProblem.BAD_CHARACTERS),
    ],
)
def test_invalid_mobiles(text: str, problem: PhoneProblem) -> None:
    check = validate_mobile(text)
    assert not check.ok
    assert check.problem is problem


@pytest.mark.parametrize(
    ("text", "normalised", "kind"),
    [
        ("京A12345", "京A12345", PlateKind.STANDARD),
        ("京a·12345", "京A12345", PlateKind.STANDARD),
        ("粤B 8G8L2", "粤B8G8L2", PlateKind.STANDARD),
        ("沪A.D3456", "沪AD3456", PlateKind.STANDARD),
        ("川Ａ１２３４５", "川A12345", PlateKind.STANDARD),
        ("粤BD12345", "粤BD12345", PlateKind.NEW_ENERGY),
        ("京AF0236", "京AF0236", PlateKind.STANDARD),
        ("京AF02367", "京AF02367", PlateKind.NEW_ENERGY),
        ("沪ADE1234", "沪ADE1234", PlateKind.NEW_ENERGY),
        ("苏E12345D", "苏E12345D", PlateKind.NEW_ENERGY),
        ("浙A12345F", "浙A12345F", PlateKind.NEW_ENERGY),
        ("京A1234警", "京A1234警", PlateKind.POLICE),
        ("鲁B1234学", "鲁B1234学", PlateKind.COACH),
        ("冀C1234挂", "冀C1234挂", PlateKind.TRAILER),
        ("沪A1234领", "沪A1234领", PlateKind.CONSULATE),
        ("粤Z1234港", "粤Z1234港", PlateKind.HONG_KONG),
        ("粤Z 5678 澳", "粤Z5678澳", PlateKind.MACAU),
        ("京A1234试", "京A1234试", PlateKind.TRIAL),
        ("使014578", "使014578", PlateKind.EMBASSY),
        ("VA12345", "VA12345", PlateKind.MILITARY),
        ("KB·00001", "KB00001", PlateKind.MILITARY),
        ("WJ京12345", "WJ京12345", PlateKind.ARMED_POLICE),
        ("WJ1234消", "WJ1234消", PlateKind.ARMED_POLICE),
    ],
)
def test_valid_plates(text: str, normalised: str, kind: PlateKind) -> None:
    check = validate_plate(text)
    assert check.ok, check.problem
    assert check.normalised == normalised
    assert check.kind is kind


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", PlateProblem.EMPTY),
        (" · ", PlateProblem.EMPTY),
        ("A12345", PlateProblem.BAD_PROVINCE),
        ("港A12345", PlateProblem.BAD_PROVINCE),
        ("京", PlateProblem.BAD_AUTHORITY),
        ("京I12345", PlateProblem.BAD_AUTHORITY),
        ("京O12345", PlateProblem.BAD_AUTHORITY),
        ("京112345", PlateProblem.BAD_AUTHORITY),
        ("京A1234", PlateProblem.BAD_LENGTH),
        ("京A1234567", PlateProblem.BAD_LENGTH),
        ("京A1O345", PlateProblem.BAD_CHARACTERS),
        ("京A12I45", PlateProblem.BAD_CHARACTERS),
        ("京A12#45", PlateProblem.BAD_CHARACTERS),
        ("京A123警", PlateProblem.BAD_LENGTH),
        ("京A12警45", PlateProblem.BAD_SUFFIX),
        ("京A1234港", PlateProblem.BAD_SUFFIX),  # Hong Kong plates are issued as 粤Z
        ("京A12X45D", PlateProblem.BAD_NEW_ENERGY),
        ("京AX12345", PlateProblem.BAD_NEW_ENERGY),  # X is not an energy letter
        ("京AD1234A", PlateProblem.BAD_NEW_ENERGY),
        ("使01457", PlateProblem.BAD_LENGTH),
        ("VA1234", PlateProblem.BAD_LENGTH),
    ],
)
def test_invalid_plates(text: str, problem: PlateProblem) -> None:
    check = validate_plate(text)
    assert not check.ok
    assert check.problem is problem


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_validators_never_raise(text: str) -> None:
    for check in (validate_id_number(text, TODAY), validate_mobile(text), validate_plate(text)):
        assert check.ok == (check.problem is None)


_PLATEISH = st.text(alphabet="京粤沪使警学挂领港澳WJVAKBDFXIO0123456789 ·.-", max_size=10)


@settings(max_examples=2000, deadline=None)
@given(_PLATEISH)
def test_plate_like_strings_never_raise_and_valid_ones_are_normal_form(text: str) -> None:
    check = validate_plate(text)
    assert check.ok == (check.problem is None)
    if check.ok:
        assert validate_plate(check.normalised) == check


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="0123456789Xx -", min_size=15, max_size=22))
def test_id_like_strings_never_raise(text: str) -> None:
    check = validate_id_number(text, TODAY)
    assert check.ok == (check.problem is None)
    if check.ok:
        assert check.birth_date is not None
        assert check.birth_date <= TODAY
