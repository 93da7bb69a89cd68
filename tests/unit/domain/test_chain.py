"""The hash chain's serialisation is stored data: these tests pin it."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from checkpoint.domain.chain import GENESIS, canonical_bytes, chain_hash
from checkpoint.domain.records import Direction, Outcome, Reason

_FIXED = {
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "seq": 7,
    "at": datetime(2026, 11, 22, 8, 30, 0, 123456, tzinfo=UTC),
    "direction": Direction.IN,
    "outcome": Outcome.PASS,
    "reasons": (Reason.CODE_GREEN, Reason.ALL_CHECKS_CLEAR),
    "temperature": 36.6,
    "persons": [{"name": "张三", "is_driver": True, "test_age_days": None}],
    "note": "",
}


def test_canonical_bytes_are_sorted_compact_utf8() -> None:
    assert (
        canonical_bytes("passage", _FIXED)
        == (
            '{"fields":{"at":"2026-11-22T08:30:00.123456Z","direction":"in","note":"","outcome":"pass",'
            '"persons":[{"is_driver":true,"name":"张三","test_age_days":null}],'
            '"reasons":["code_green","all_checks_clear"],"seq":7,"temperature":36.6,'
            '"uuid":"12345678-1234-5678-1234-567812345678"},"kind":"passage"}'
        ).encode()
    )


def test_golden_hash_is_stable() -> None:
    # If this changes, every stored chain breaks: never update the constant without a migration.
    assert chain_hash(GENESIS, "passage", _FIXED) == (
        "08725b3f8681eb4b6992e1db3bee9cc16e8b8dfd393fee8aaf935bd92de55c32"
    )


def test_key_order_does_not_matter_but_values_do() -> None:
    reordered = dict(reversed(list(_FIXED.items())))
    assert chain_hash(GENESIS, "passage", reordered) == chain_hash(GENESIS, "passage", _FIXED)
    edited = {**_FIXED, "temperature": 36.7}
    assert chain_hash(GENESIS, "passage", edited) != chain_hash(GENESIS, "passage", _FIXED)


def test_kind_and_previous_hash_are_part_of_the_hash() -> None:
    base = chain_hash(GENESIS, "passage", _FIXED)
    assert chain_hash(GENESIS, "audit", _FIXED) != base
    assert chain_hash("f" * 64, "passage", _FIXED) != base


def test_same_instant_in_another_timezone_hashes_the_same() -> None:
    shanghai = timezone(timedelta(hours=8))
    local = {**_FIXED, "at": datetime(2026, 11, 22, 16, 30, 0, 123456, tzinfo=shanghai)}
    assert chain_hash(GENESIS, "passage", local) == chain_hash(GENESIS, "passage", _FIXED)


def test_tuples_and_lists_serialise_alike() -> None:
    assert canonical_bytes("k", {"a": (1, 2)}) == canonical_bytes("k", {"a": [1, 2]})


def test_int_enum_uses_its_value() -> None:
    class Level(enum.IntEnum):
        HIGH = 3

    assert canonical_bytes("k", {"a": Level.HIGH}) == b'{"fields":{"a":3},"kind":"k"}'


@pytest.mark.parametrize(
    "fields",
    [
        {"at": datetime(2026, 1, 1)},  # naive: which timezone?
        {"t": float("nan")},
        {"t": float("inf")},
    ],
)
def test_ambiguous_values_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        canonical_bytes("passage", fields)


def test_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError):
        canonical_bytes("passage", {"blob": b"\x00"})
    with pytest.raises(TypeError):
        canonical_bytes("passage", {"m": {1: "x"}})


@pytest.mark.parametrize("prev", ["", "0" * 63, "G" * 64, "A" * 64])
def test_bad_previous_hash_is_refused(prev: str) -> None:
    with pytest.raises(ValueError):
        chain_hash(prev, "passage", _FIXED)


def test_empty_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        canonical_bytes("", {})
