"""The one path for issuing passes (CLI and GUI): content from a kind's fields, validity, caption, signed
and recorded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from checkpoint.domain.credentials import (
    ExitSlip,
    PassContentError,
    PassKind,
    PassVerdict,
    StationKeys,
    VisitorPass,
    inspect_payload,
    pass_verdict,
)
from checkpoint.domain.records import AuditAction, Role
from checkpoint.station.passes import DEFAULT_DAYS, issue_and_record, new_pass, pass_caption
from checkpoint.storage.database import Database, open_database

NOW = datetime(2031, 7, 15, 7, 45, 12, 345, tzinfo=UTC)
KEY = ed25519.Ed25519PrivateKey.generate()


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield database
    database.close()


def test_a_kind_s_fields_and_its_usual_days() -> None:
    slip = new_pass(
        PassKind.EXIT_SLIP, {"household_id": " 3-2-501 ", "member_name": "张伟"}, issuer="s", now=NOW
    )
    assert isinstance(slip, ExitSlip)
    assert (slip.household_id, slip.member_name) == ("3-2-501", "张伟")
    assert (slip.exit_every_days, slip.return_within_hours) == (2, 4)  # the defaults
    assert slip.valid_from == NOW.replace(microsecond=0)
    assert slip.valid_until - slip.valid_from == timedelta(days=DEFAULT_DAYS[PassKind.EXIT_SLIP])
    visitor = new_pass(
        PassKind.VISITOR,
        {"visitor_name": "王芳", "host_household_id": "3-2-501", "host_name": "张伟", "purpose": "送药"},
        issuer="s",
        now=NOW,
        days=2,
    )
    assert isinstance(visitor, VisitorPass) and visitor.valid_until - visitor.valid_from == timedelta(days=2)
    with pytest.raises(PassContentError):
        new_pass(PassKind.VISITOR, {}, issuer="s", now=NOW, days=2, valid_until=NOW + timedelta(days=1))
    with pytest.raises(PassContentError):
        new_pass(PassKind.VISITOR, {}, issuer="s", now=NOW, days=0)


def test_issued_passes_verify_and_are_recorded(db: Database) -> None:
    leader = db.operators.ensure_operator("带班王", Role.SHIFT_LEADER)
    content = new_pass(
        PassKind.EXIT_SLIP, {"household_id": "3-2-501", "member_name": "张伟"}, issuer="s", now=NOW
    )
    card = issue_and_record(db, content, KEY, leader.id)
    assert card.caption == tuple(pass_caption(content))
    assert card.caption[0] == "出门条 Exit slip" and "3-2-501 · 张伟" in card.caption
    code = inspect_payload(card.payload, trust=None, at=NOW, station_keys=StationKeys.of([KEY.public_key()]))
    assert pass_verdict(code) is PassVerdict.VALID
    [issued] = db.passes.issued_passes()
    assert issued.pass_id == str(content.pass_id) and issued.household == "3-2-501"
    assert [e.operator_id for e in db.audit.audit_entries() if e.action is AuditAction.PASS_ISSUED] == [
        leader.id
    ]
    with pytest.raises(PassContentError):  # an empty field is never signed
        issue_and_record(
            db,
            new_pass(PassKind.EXIT_SLIP, {"household_id": "3-2-501"}, issuer="s", now=NOW),
            KEY,
            leader.id,
        )
    assert len(db.passes.issued_passes()) == 1
