"""Station passes: issued, verified, and refused for the right reason when forged, foreign, expired or
revoked; keys on disk with safe permissions."""

from __future__ import annotations

import dataclasses
import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from checkpoint.domain.codes import Signature
from checkpoint.domain.credentials import (
    ExitSlip,
    PassContentError,
    PassVerdict,
    ResidentPass,
    StationKeys,
    SupplyVehiclePass,
    VisitorPass,
    base45,
    hcert,
    inspect_payload,
    issue_pass,
    pass_verdict,
)
from checkpoint.domain.records import CodeKind
from checkpoint.storage.keys import (
    KeyExistsError,
    KeyFileError,
    KeyPermissionError,
    create_deployment_key,
    load_private_key,
    load_station_keys,
)

T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
KEY = ed25519.Ed25519PrivateKey.generate()
KEYS = StationKeys.of([KEY.public_key()])
COMMON: dict[str, Any] = {
    "issuer": "compound-7",
    "issued_at": T0,
    "valid_from": T0,
    "valid_until": T0 + timedelta(days=7),
}
EXIT_SLIP = ExitSlip(
    pass_id=uuid.uuid4(),
    household_id="3-2-501",
    member_name="张伟",
    exit_every_days=2,
    return_within_hours=4,
    **COMMON,
)
CONTENTS = [
    EXIT_SLIP,
    ResidentPass(
        pass_id=uuid.uuid4(), household_id="3-2-501", name="李娜", building="3", unit="2-501", **COMMON
    ),
    VisitorPass(
        pass_id=uuid.uuid4(),
        visitor_name="王芳",
        host_household_id="3-2-501",
        host_name="张伟",
        purpose="送药",
        **COMMON,
    ),
    SupplyVehiclePass(
        pass_id=uuid.uuid4(), plate="京A·D12345", route="新发地—朝阳", company="保供物流", **COMMON
    ),
]


def verdict(payload: str, at: datetime = T0 + timedelta(hours=1), **kwargs: object) -> PassVerdict:
    code = inspect_payload(payload, trust=None, at=at, station_keys=kwargs.pop("keys", KEYS), **kwargs)  # type: ignore[arg-type]
    return pass_verdict(code)


@pytest.mark.parametrize("content", CONTENTS, ids=lambda c: c.kind.value)
def test_every_kind_round_trips(content: ExitSlip) -> None:
    payload = issue_pass(content, KEY)
    assert payload.startswith("CPS1:")
    code = inspect_payload(payload, trust=None, at=T0 + timedelta(hours=1), station_keys=KEYS)
    assert (code.kind, code.signature, code.expired, code.errors) == (
        CodeKind.STATION_PASS, Signature.VALID, False, ()
    )  # fmt: skip
    assert code.payload == content.to_json()
    assert pass_verdict(code) is PassVerdict.VALID


def test_a_changed_byte_is_forged() -> None:
    payload = issue_pass(CONTENTS[0], KEY)
    cose = bytearray(hcert.unwrap(payload, "CPS1:"))
    at = cose.find("张伟".encode())
    cose[at : at + 6] = "李伟".encode()  # the same length: only the signature can tell
    forged = "CPS1:" + base45.encode(hcert.deflate(bytes(cose)))
    code = inspect_payload(forged, trust=None, at=T0, station_keys=KEYS)
    assert code.signature is Signature.INVALID and "signature" in code.errors
    assert pass_verdict(code) is PassVerdict.FORGED


def test_a_pass_signed_with_another_key_is_refused_as_wrong_key() -> None:
    other = issue_pass(CONTENTS[1], ed25519.Ed25519PrivateKey.generate())
    assert verdict(other) is PassVerdict.WRONG_KEY
    assert verdict(issue_pass(CONTENTS[1], KEY), keys=StationKeys.of([])) is PassVerdict.WRONG_KEY


def test_expired_not_yet_valid_and_revoked() -> None:
    payload = issue_pass(CONTENTS[2], KEY)
    assert verdict(payload, at=T0 + timedelta(days=8)) is PassVerdict.EXPIRED
    assert verdict(payload, at=T0 - timedelta(minutes=1)) is PassVerdict.NOT_YET_VALID
    assert verdict(payload, revoked={str(CONTENTS[2].pass_id)}) is PassVerdict.REVOKED
    assert verdict(payload, revoked={str(uuid.uuid4())}) is PassVerdict.VALID


def test_content_that_must_not_be_issued() -> None:
    with pytest.raises(PassContentError):
        issue_pass(dataclasses.replace(EXIT_SLIP, member_name="  "), KEY)
    with pytest.raises(PassContentError):
        issue_pass(dataclasses.replace(EXIT_SLIP, valid_until=T0 - timedelta(days=1)), KEY)
    with pytest.raises(PassContentError):
        issue_pass(dataclasses.replace(EXIT_SLIP, exit_every_days=0), KEY)
    with pytest.raises(PassContentError):
        issue_pass(dataclasses.replace(EXIT_SLIP, valid_from=datetime(2026, 11, 22)), KEY)


def test_a_dcc_is_not_a_pass() -> None:
    assert verdict("HC1:6BF") is PassVerdict.NOT_A_PASS
    assert verdict("CPS1:garbage!") is PassVerdict.NOT_A_PASS


def test_key_files_are_private_and_not_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    key = create_deployment_key(folder)
    assert (folder.stat().st_mode & 0o777, (folder / "deployment-ed25519.pem").stat().st_mode & 0o777) == (
        0o700, 0o600
    )  # fmt: skip
    with pytest.raises(KeyExistsError):
        create_deployment_key(folder)
    loaded = load_private_key(folder)
    payload = issue_pass(CONTENTS[3], loaded)
    assert verdict(payload, keys=load_station_keys(folder)) is PassVerdict.VALID
    assert key.public_key() == loaded.public_key()
    replaced = create_deployment_key(folder, force=True)
    assert replaced.public_key() != key.public_key()
    assert verdict(payload, keys=load_station_keys(folder)) is PassVerdict.WRONG_KEY


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_readable_private_key_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    create_deployment_key(folder)
    (folder / "deployment-ed25519.pem").chmod(0o644)
    with pytest.raises(KeyPermissionError, match="chmod 600"):
        load_private_key(folder)


def test_missing_or_broken_keys_say_so(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="passes keygen"):
        load_private_key(tmp_path)
    assert len(load_station_keys(tmp_path / "nothing")) == 0
    (tmp_path / "bad.pub.pem").write_text("not a key")
    with pytest.raises(KeyFileError, match="not a PEM public key"):
        load_station_keys(tmp_path)
