"""The Verifier's facts on a real database: passes, revocation, quotas, deadlines, watchlists, tokens,
missing keys and trust lists; and the alarms and masks built from them."""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import cbor2
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import NameOID

from checkpoint.domain.codes import parse_platforms
from checkpoint.domain.credentials import (
    ExitSlip,
    PassKind,
    PassVerdict,
    base45,
    cbor,
    cose,
    hcert,
    issue_pass,
)
from checkpoint.domain.credentials import trust as trust_module
from checkpoint.domain.credentials.samples import signed_dcc
from checkpoint.domain.records import (
    CodeKind,
    Direction,
    Outcome,
    PassageDraft,
    PersonCheck,
    Role,
    SubjectKind,
)
from checkpoint.domain.rules import GateFacts, Thresholds, WatchAction
from checkpoint.domain.watchlist import WatchlistAction, WatchlistEntry, WatchlistKind
from checkpoint.station.alarms import AlarmKind, alarms_for, mask_name, mask_number, mask_phone, mask_plate
from checkpoint.station.credentials import Screening, Verifier, gate_facts
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.keys import create_deployment_key

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
THRESHOLDS = Thresholds(exit_slip_days=2, return_hours=4)
PLATFORMS = """
[[platform]]
key = "guangdong"
name_zh = "粤康码"
name_en = "Guangdong Yuekang code"
patterns = ['^yk[:]']
"""


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'v.sqlite3'}", clock=lambda: NOW)
    yield database
    database.close()


@pytest.fixture()
def key(tmp_path: Path) -> ed25519.Ed25519PrivateKey:
    return create_deployment_key(tmp_path / "keys")


def make_verifier(db: Database, tmp_path: Path) -> Verifier:
    platforms = tmp_path / "platforms.toml"
    platforms.write_text(PLATFORMS, encoding="utf-8")
    return Verifier(
        db,
        clock=lambda: NOW,
        trust_folder=tmp_path / "trust",
        keys_folder=tmp_path / "keys",
        platforms_paths=[platforms],
    )


def slip(key: ed25519.Ed25519PrivateKey, household: str = "3-2-501", **changes: object) -> tuple[str, str]:
    pass_id = uuid.uuid4()
    fields: dict[str, object] = {
        "pass_id": pass_id,
        "issuer": "阳光小区",
        "issued_at": NOW - timedelta(days=1),
        "valid_from": NOW - timedelta(days=1),
        "valid_until": NOW + timedelta(days=6),
        "household_id": household,
        "member_name": "张小三",
        "exit_every_days": 2,
        "return_within_hours": 4,
    }
    fields.update(changes)
    return issue_pass(ExitSlip(**fields), key), str(pass_id)  # type: ignore[arg-type]


def record(db: Database, at: datetime, direction: Direction, **person: object) -> None:
    gate = db.gates.ensure_gate("东门", "compound-gate")
    operator = db.operators.ensure_operator("王保安", Role.OPERATOR)
    db.passages.append_passage(
        PassageDraft(
            at=at,
            direction=direction,
            subject=SubjectKind.PEDESTRIAN,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=operator.id,
            shift_id=None,
            persons=(PersonCheck(**person),),  # type: ignore[arg-type]
        )
    )


def test_a_valid_exit_slip_is_verified_with_its_holder_and_household(
    db: Database, key: ed25519.Ed25519PrivateKey, tmp_path: Path
) -> None:
    payload, pass_id = slip(key)
    v = make_verifier(db, tmp_path).verify(payload, THRESHOLDS)
    assert v.kind is CodeKind.STATION_PASS and v.pass_verdict is PassVerdict.VALID
    assert (v.pass_kind, v.pass_id, v.household, v.holder_name) == (
        PassKind.EXIT_SLIP,
        pass_id,
        "3-2-501",
        "张小三",
    )
    assert v.verified_facts() == ("pass_signature", "pass_validity", "name", "household")
    assert not v.quota_exceeded and not v.return_overdue and v.quota_days == 2
    facts = gate_facts(GateFacts(direction=Direction.OUT), v, Screening(), manual_id=False)
    assert facts.pass_kind is PassKind.EXIT_SLIP and facts.is_resident and not facts.pass_expired


def test_a_revoked_or_expired_slip_says_so(
    db: Database, key: ed25519.Ed25519PrivateKey, tmp_path: Path
) -> None:
    payload, pass_id = slip(key)
    db.passes.revoke_pass(pass_id, "lost", NOW - timedelta(minutes=5), None)
    verifier = make_verifier(db, tmp_path)
    revoked = verifier.verify(payload, THRESHOLDS)
    assert revoked.pass_verdict is PassVerdict.REVOKED
    assert gate_facts(GateFacts(), revoked, Screening(), False).pass_revoked
    old, _ = slip(key, valid_until=NOW - timedelta(hours=1))
    expired = verifier.verify(old, THRESHOLDS)
    assert expired.pass_verdict is PassVerdict.EXPIRED and "pass_validity" not in expired.verified_facts()


@pytest.mark.expected_log  # an unreadable key file is a warning
def test_without_the_deployment_key_passes_are_untrusted_not_an_error(
    db: Database, key: ed25519.Ed25519PrivateKey, tmp_path: Path
) -> None:
    payload, _ = slip(key)
    verifier = Verifier(
        db, clock=lambda: NOW, keys_folder=tmp_path / "nowhere", trust_folder=tmp_path / "none"
    )
    v = verifier.verify(payload, THRESHOLDS)
    assert v.keys_missing and v.pass_verdict is PassVerdict.WRONG_KEY and v.verified_facts() == ()
    assert verifier.problems == ()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.pub.pem").write_text("not a key")
    assert [p.what for p in Verifier(db, keys_folder=broken, trust_folder=tmp_path / "none").problems] == [
        "keys"
    ]


def test_the_household_quota_and_the_return_deadline_come_from_the_log(
    db: Database, key: ed25519.Ed25519PrivateKey, tmp_path: Path
) -> None:
    payload, pass_id = slip(key)
    record(db, NOW - timedelta(hours=5), Direction.OUT, pass_id=pass_id, household="3-2-501")
    v = make_verifier(db, tmp_path).verify(payload, THRESHOLDS)
    assert v.exits_in_window == 1 and v.quota_exceeded
    assert v.out_since == NOW - timedelta(hours=5) and v.return_overdue  # 5 h out, 4 h allowed
    person = PersonCheck(name="张小三")
    kinds = [a.kind for a in alarms_for(person, Direction.IN, v, Screening())]
    assert kinds == [AlarmKind.OVERDUE]
    assert [a.kind for a in alarms_for(person, Direction.OUT, v, Screening())] == [AlarmKind.OVER_QUOTA]
    # three days ago is outside the two-day window; back in since then: no open exit
    other, other_id = slip(key, household="9-9-909")
    record(db, NOW - timedelta(days=3), Direction.OUT, pass_id=other_id, household="9-9-909")
    record(
        db, NOW - timedelta(days=3) + timedelta(hours=2), Direction.IN, pass_id=other_id, household="9-9-909"
    )
    fine = make_verifier(db, tmp_path).verify(other, THRESHOLDS)
    assert not fine.quota_exceeded and fine.out_since is None and not fine.return_overdue


def test_watchlist_hits_make_quarantine_and_block_facts(db: Database, tmp_path: Path) -> None:
    db.watchlists.add_watchlist_entries(
        [
            WatchlistEntry(WatchlistKind.HOME_QUARANTINE, name="张小三", reason="密接"),
            WatchlistEntry(
                WatchlistKind.PERSON_OF_INTEREST, WatchlistAction.BLOCK, id_number="11010519491231002X"
            ),
        ],
        NOW,
        None,
    )
    verifier = make_verifier(db, tmp_path)
    quarantined = verifier.screen(PersonCheck(name="张 小三"))
    assert quarantined.quarantined and quarantined.action is WatchAction.NONE  # its own fact
    blocked = verifier.screen(PersonCheck(name="别人", id_number="11010519491231002x"))
    assert blocked.action is WatchAction.BLOCK and not blocked.quarantined
    assert verifier.screen(PersonCheck()) == Screening()
    out = alarms_for(PersonCheck(name="张小三"), Direction.OUT, None, quarantined)
    assert [(a.kind, a.subject, a.detail) for a in out] == [(AlarmKind.HOME_QUARANTINE, "张*三", "密接")]
    assert alarms_for(PersonCheck(name="张小三"), Direction.IN, None, quarantined) == ()  # coming home
    facts = gate_facts(GateFacts(direction=Direction.OUT), None, quarantined, manual_id=True)
    assert facts.quarantined and facts.manual_id and facts.watchlist_action is WatchAction.NONE


def test_a_platform_token_is_recognised_and_a_repeat_in_the_shift_is_found(
    db: Database, tmp_path: Path
) -> None:
    gate = db.gates.ensure_gate("东门", "compound-gate")
    operator = db.operators.ensure_operator("王保安", Role.OPERATOR)
    shift = db.shifts.open_shift(gate.id, operator.id, NOW - timedelta(hours=2))
    token = "yk:ABCDEF123"
    verifier = make_verifier(db, tmp_path)
    first = verifier.verify(token, THRESHOLDS, shift_id=shift.id)
    assert first.kind is CodeKind.HEALTH_CODE and first.platform is not None
    assert first.platform.name_zh == "粤康码" and first.previous_scan is None
    db.passages.append_passage(
        PassageDraft(
            at=NOW - timedelta(minutes=30),
            direction=Direction.IN,
            subject=SubjectKind.PEDESTRIAN,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=operator.id,
            shift_id=shift.id,
            persons=(PersonCheck(code_text=token, code_kind=CodeKind.HEALTH_CODE),),
        )
    )
    assert verifier.verify(token, THRESHOLDS, shift_id=shift.id).previous_scan == NOW - timedelta(minutes=30)


def test_a_dcc_without_a_trust_list_is_untrusted_and_with_one_valid(db: Database, tmp_path: Path) -> None:
    sample = signed_dcc(NOW)
    v = make_verifier(db, tmp_path).verify(sample.payload, THRESHOLDS)
    assert v.kind is CodeKind.DCC and v.trust_missing and v.signature.value == "untrusted"
    assert (v.holder_name, v.birth_date, v.certificate_type) == ("Muster Erika", "1964-08-12", "v")
    assert gate_facts(GateFacts(), v, Screening(), False).dcc_signature.value == "untrusted"


def test_masks_hide_the_middle() -> None:
    assert (mask_name("张三丰"), mask_name("张三"), mask_name("欧阳娜娜")) == ("张*丰", "张*", "欧**娜")
    assert mask_number("430102199001011234") == "4301**********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_plate("京A·12345") == "京A***45"
    assert parse_platforms(PLATFORMS)[0].key == "guangdong"


def _trusted_dcc(folder: Path) -> str:
    """A DCC whose signer's certificate is written to ``folder`` as a PEM file; returns the payload."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "DE")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "de.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    der = certificate.public_bytes(serialization.Encoding.DER)
    claims = {
        hcert.CLAIM_ISS: "DE",
        hcert.CLAIM_EXP: int((NOW + timedelta(days=30)).timestamp()),
        hcert.CLAIM_HCERT: {hcert.HCERT_EU_DCC: {"ver": "1.3.0", "nam": {"fn": "Muster"}, "v": []}},
    }
    return hcert.wrap(cose.sign_es256(cbor.dumps(claims), key, cose.kid_of_der(der)))


@pytest.mark.parametrize(
    ("bomb", "words"),
    [
        ("[" * 200_000 + "]" * 200_000, "nested deeper than"),  # the attack: RecursionError at start
        ('{"certificates": ' * 5_000 + "[]" + "}" * 5_000, "nested deeper than"),
        ('{"certificates": [' + '{"kid": "AAAA"},' * 70_000 + "{}]}", "larger than"),
    ],
    ids=["arrays", "objects", "oversized"],
)
def test_a_trust_list_bomb_is_left_out_with_a_clear_problem_and_the_rest_is_trusted(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    bomb: str,
    words: str,
) -> None:
    payload = _trusted_dcc(tmp_path / "trust")
    (tmp_path / "trust" / "bomb.json").write_text(bomb, encoding="utf-8")
    parsed: list[int] = []
    real_loads = json.loads

    def loads(text: str, **kwargs: Any) -> Any:
        parsed.append(len(text))
        return real_loads(text, **kwargs)

    monkeypatch.setattr(json, "loads", loads)
    monkeypatch.setattr(trust_module, "MAX_TRUST_LIST_CHARS", 1024 * 1024)  # so the test file stays small

    verifier = make_verifier(db, tmp_path)

    assert parsed == []  # the parser never saw the bomb
    assert [p.what for p in verifier.problems] == ["trust"]
    assert "bomb.json" in verifier.problems[0].detail and words in verifier.problems[0].detail
    assert verifier.verify(payload, THRESHOLDS).signature.value == "valid"  # de.pem still counts
    assert [r.getMessage() for r in caplog.records] == [f"verifier: trust: {verifier.problems[0].detail}"]


def re_encodings(text: str, prefix: str) -> list[str]:
    """Other texts of one signed code, all of which verify: other zlib levels, headers outside the
    signature, the COSE_Sign1 tag added."""
    message = cbor2.loads(hcert.unwrap(text, prefix))
    body = message.value if isinstance(message, cbor2.CBORTag) else message
    protected, unprotected, payload, signature = body
    variants = [
        cbor2.dumps(cbor2.CBORTag(18, [protected, unprotected, payload, signature])),
        cbor2.dumps([protected, {**unprotected, 99: b"seen before? not by this text"}, payload, signature]),
    ]
    texts = [prefix + base45.encode(zlib.compress(cbor2.dumps(body), level)) for level in (0, 1, 6)]
    texts += [prefix + base45.encode(zlib.compress(variant, 9)) for variant in variants]
    return [t for t in dict.fromkeys(texts) if t != text]


def test_a_signed_pass_re_encoded_is_still_seen_before(
    db: Database, key: ed25519.Ed25519PrivateKey, tmp_path: Path
) -> None:
    gate = db.gates.ensure_gate("东门", "compound-gate")
    operator = db.operators.ensure_operator("王保安", Role.OPERATOR)
    shift = db.shifts.open_shift(gate.id, operator.id, NOW - timedelta(hours=2))
    verifier = make_verifier(db, tmp_path)
    payload, pass_id = slip(key)
    db.passages.append_passage(
        PassageDraft(
            at=NOW - timedelta(minutes=30),
            direction=Direction.OUT,
            subject=SubjectKind.PEDESTRIAN,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=operator.id,
            shift_id=shift.id,
            persons=(PersonCheck(code_text=payload, code_kind=CodeKind.STATION_PASS, pass_id=pass_id),),
        )
    )
    # The attack: the same signed pass written as other texts, each of which verifies.
    variants = re_encodings(payload, "CPS1:")
    assert len(variants) >= 4
    for text in variants:
        again = verifier.verify(text, THRESHOLDS, shift_id=shift.id)
        assert again.signature_valid and again.pass_id == pass_id
        assert again.previous_scan == NOW - timedelta(minutes=30), text
    other, _ = slip(key)  # another pass of the same household is not "seen before"
    assert verifier.verify(other, THRESHOLDS, shift_id=shift.id).previous_scan is None


def test_a_dcc_re_encoded_is_still_seen_before(db: Database, tmp_path: Path) -> None:
    gate = db.gates.ensure_gate("G15", "highway-exit")
    operator = db.operators.ensure_operator("王保安", Role.OPERATOR)
    shift = db.shifts.open_shift(gate.id, operator.id, NOW - timedelta(hours=2))
    payload = _trusted_dcc(tmp_path / "trust")
    verifier = make_verifier(db, tmp_path)
    db.passages.append_passage(
        PassageDraft(
            at=NOW - timedelta(minutes=20),
            direction=Direction.IN,
            subject=SubjectKind.PEDESTRIAN,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=operator.id,
            shift_id=shift.id,
            persons=(PersonCheck(code_text=payload, code_kind=CodeKind.DCC),),
        )
    )
    for text in re_encodings(payload, "HC1:"):
        again = verifier.verify(text, THRESHOLDS, shift_id=shift.id)
        assert again.signature_valid and again.previous_scan == NOW - timedelta(minutes=20), text
