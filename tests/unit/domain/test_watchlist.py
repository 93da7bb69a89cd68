"""Watchlist matching: who is found by which identifier, and who is not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from checkpoint.domain.records import PersonCheck
from checkpoint.domain.watchlist import (
    MatchField,
    WatchlistAction,
    WatchlistEntry,
    WatchlistKind,
    is_active,
    match,
    normalise_phone,
    normalise_plate,
)

T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
QUARANTINE = WatchlistEntry(
    WatchlistKind.HOME_QUARANTINE, name="张伟", id_number="11010519491231002x", phone="13912345678"
)
ONLY_NAME = WatchlistEntry(WatchlistKind.PERSON_OF_INTEREST, name="李 四")
PLATE = WatchlistEntry(WatchlistKind.PLATE_OF_INTEREST, WatchlistAction.BLOCK, plate="沪B·99999")


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (PersonCheck(id_number="11010519491231002X"), MatchField.ID_NUMBER),  # x and X are one check digit
        (PersonCheck(id_number="1101 0519 4912 3100 2x"), MatchField.ID_NUMBER),
        (PersonCheck(phone="+86 139-1234-5678"), MatchField.PHONE),
        (PersonCheck(phone="008613912345678"), MatchField.PHONE),
        (PersonCheck(name="张 伟"), MatchField.NAME),
        (PersonCheck(name="张伟", phone="13912345678", id_number="11010519491231002X"), MatchField.ID_NUMBER),
    ],
)
def test_person_is_found_by_the_most_specific_identifier(person: PersonCheck, expected: MatchField) -> None:
    hits = match([QUARANTINE], person, "")
    assert [(h.entry, h.matched_on) for h in hits] == [(QUARANTINE, expected)]
    assert hits[0].must_acknowledge


@pytest.mark.parametrize(
    "person",
    [
        PersonCheck(name="张伟", id_number="110105194912310039"),  # same name, another person's ID
        PersonCheck(name="张伟", phone="13800138000"),  # same name, another phone
        PersonCheck(name="张卫"),
        PersonCheck(),
    ],
)
def test_a_different_identifier_vetoes_a_name_match(person: PersonCheck) -> None:
    assert match([QUARANTINE], person, "") == []


def test_plates_match_normalised_and_names_alone_still_match() -> None:
    hits = match(
        [QUARANTINE, ONLY_NAME, PLATE], PersonCheck(name="李四", id_number="440301199901011234"), "沪b 99999"
    )
    assert [(h.entry.kind, h.matched_on) for h in hits] == [
        (WatchlistKind.PERSON_OF_INTEREST, MatchField.NAME),
        (WatchlistKind.PLATE_OF_INTEREST, MatchField.PLATE),
    ]
    assert [h.must_acknowledge for h in hits] == [False, True]
    assert match([PLATE], None, "沪B99999")[0].matched_on is MatchField.PLATE
    assert match([PLATE], PersonCheck(name="x"), "") == []


def test_entries_out_of_their_time_are_left_out() -> None:
    week = WatchlistEntry(
        WatchlistKind.HOME_QUARANTINE, name="王五", valid_from=T0, valid_until=T0 + timedelta(days=7)
    )
    person = PersonCheck(name="王五")
    assert match([week], person, at=T0 - timedelta(seconds=1)) == []
    assert len(match([week], person, at=T0)) == 1
    assert match([week], person, at=T0 + timedelta(days=7)) == []
    assert is_active(week, T0 + timedelta(days=6))
    assert len(match([week], person)) == 1  # without a time: the caller already chose the entries


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": WatchlistKind.PLATE_OF_INTEREST, "name": "张伟"},  # a plate entry without a plate
        {"kind": WatchlistKind.PERSON_OF_INTEREST, "plate": "京A12345"},  # a person entry without a person
        {"kind": WatchlistKind.PERSON_OF_INTEREST, "name": "  "},
        {"kind": "martian", "name": "张伟"},
        {"kind": WatchlistKind.PERSON_OF_INTEREST, "name": "张伟", "valid_from": datetime(2026, 1, 1)},
        {"kind": WatchlistKind.PERSON_OF_INTEREST, "name": "张伟", "valid_from": T0, "valid_until": T0},
    ],
)
def test_impossible_entries_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        WatchlistEntry(**fields)  # type: ignore[arg-type]


def test_normal_forms() -> None:
    assert normalise_phone("+86 139 1234 5678") == "13912345678"
    assert normalise_phone("861391234567") == "861391234567"  # 12 digits: not a prefixed mobile
    assert normalise_plate(" 粤z·1234港 ") == "粤Z1234港"
