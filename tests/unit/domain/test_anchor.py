"""Anchors as text: the QR code's form, and what someone types from a printed sheet."""

from __future__ import annotations

import uuid

import pytest

from checkpoint.domain.anchor import Anchor, AnchorError, parse_anchor

STATION = uuid.UUID("0b6f5a1e-2f7c-4c55-9a57-000000000101")
HASH = "3fa2c0de91b4e7a5" + "0123456789abcdef" * 3


def test_the_qr_text_is_the_form_verify_takes_and_reads_back_to_the_same_anchor() -> None:
    anchor = Anchor(2917, HASH, STATION)
    assert anchor.text() == f"CPA1:{STATION}:2917:{HASH}"
    assert parse_anchor(anchor.text()) == anchor
    assert parse_anchor(f"  cpa1:{STATION}:2917:{HASH.upper()}\n") == anchor
    assert parse_anchor(f"{STATION}:2917:{HASH}") == anchor


@pytest.mark.parametrize(
    "typed",
    [f"2917:{HASH}", f"2917:{HASH[:16]}", "2917:" + " ".join(HASH[i : i + 8] for i in range(0, 64, 8))],
)
def test_a_typed_anchor_may_leave_out_the_station_shorten_the_hash_or_group_it(typed: str) -> None:
    anchor = parse_anchor(typed)
    assert anchor.seq == 2917 and anchor.station_id is None
    assert anchor.matches(HASH) and not anchor.matches("f" + HASH[1:])
    assert anchor.is_full == (len(anchor.hash) == 64)


def test_the_short_form_is_itself_an_anchor() -> None:
    anchor = Anchor(2917, HASH, STATION)
    assert anchor.short() == f"2917:{HASH[:16]}"
    assert parse_anchor(anchor.short()).matches(HASH)
    assert anchor.grouped_hash().split() == [HASH[i : i + 8] for i in range(0, 64, 8)]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "an anchor is"),
        ("2917", "an anchor is"),
        (f"0:{HASH}", "not a record number"),
        (f"-3:{HASH}", "not a record number"),
        (f"abc:{HASH}", "not a record number"),
        ("2917:3fa2c0de", "not a hash"),  # fewer than 16 digits: too easy to forge
        (f"2917:{HASH}0", "not a hash"),
        ("2917:" + "g" * 64, "not a hash"),
        (f"not-a-uuid:2917:{HASH}", "not a station id"),
        (f"CPA1:2917:{HASH}", "CPA1:STATION:SEQ:HASH"),
        (f"CPS1:{STATION}:2917:{HASH}", "an anchor is"),
    ],
)
def test_what_is_not_an_anchor_is_refused_with_the_reason(text: str, says: str) -> None:
    with pytest.raises(AnchorError, match=says):
        parse_anchor(text)
