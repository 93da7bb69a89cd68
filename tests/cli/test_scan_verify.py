"""``checkpoint scan --json --at --trust``: DCCs verified against certificates, folders and trust lists."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from checkpoint.cli import main

DCC_DIR = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "dcc"
pytestmark = pytest.mark.skipif(not DCC_DIR.is_dir(), reason="../shared/testdata/dcc is not here")


def vector(name: str) -> dict[str, Any]:
    folder, stem = name.split("/")
    data: dict[str, Any] = json.loads(
        (DCC_DIR / folder / "2DCode" / "raw" / f"{stem}.json").read_text(encoding="utf-8")
    )
    return data


def scan(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, payload: str, *args: str
) -> dict:  # type: ignore[type-arg]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(payload + "\n"))
    assert main(["scan", "--json", *args, "-"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    [code] = json.loads(line)["codes"]
    return code  # type: ignore[no-any-return]


@pytest.fixture()
def co3_cert(tmp_path: Path) -> Path:
    path = tmp_path / "signer.der"
    path.write_bytes(base64.b64decode(vector("common/CO3")["TESTCTX"]["CERTIFICATE"]))
    return path


def test_a_trusted_dcc_is_valid_with_its_certificate_json(
    co3_cert: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    v = vector("common/CO3")
    code = scan(
        capsys, monkeypatch, v["PREFIX"], "--at", v["TESTCTX"]["VALIDATIONCLOCK"], "--trust", str(co3_cert)
    )
    assert (code["kind"], code["signature"], code["expired"], code["errors"]) == ("dcc", "valid", False, [])
    assert code["payload"]["nam"]["fnt"] == "MUSTERFRAU<GOESSINGER"


def test_without_trust_the_dcc_is_untrusted_and_later_it_is_expired(
    co3_cert: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    v = vector("common/CO3")
    code = scan(capsys, monkeypatch, v["PREFIX"], "--at", v["TESTCTX"]["VALIDATIONCLOCK"])
    assert (code["signature"], code["errors"]) == ("untrusted", ["no-trust-list"])
    code = scan(capsys, monkeypatch, v["PREFIX"], "--at", "2030-01-01T00:00:00Z", "--trust", str(co3_cert))
    assert code["expired"] is True and "expired" in code["errors"]


def test_trust_list_json_and_pem_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    v = vector("common/CO1")  # RSA 2048
    der = base64.b64decode(v["TESTCTX"]["CERTIFICATE"])
    from checkpoint.domain.credentials.cose import kid_of_der

    trust_list = tmp_path / "dsc.json"
    entry = {
        "kid": base64.b64encode(kid_of_der(der)).decode(),
        "country": "AT",
        "rawData": base64.b64encode(der).decode(),
    }
    trust_list.write_text(json.dumps({"certificates": [entry]}))
    at = v["TESTCTX"]["VALIDATIONCLOCK"]
    assert (
        scan(capsys, monkeypatch, v["PREFIX"], "--at", at, "--trust", str(trust_list))["signature"] == "valid"
    )
    folder = tmp_path / "pem"
    folder.mkdir()
    pem = "-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(der).decode() + "-----END CERTIFICATE-----\n"
    (folder / "at.pem").write_text(pem)
    assert scan(capsys, monkeypatch, v["PREFIX"], "--at", at, "--trust", str(folder))["signature"] == "valid"


def test_a_broken_signature_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    v = vector("common/CO5")
    cert = tmp_path / "c.der"
    cert.write_bytes(base64.b64decode(v["TESTCTX"]["CERTIFICATE"]))
    code = scan(
        capsys, monkeypatch, v["PREFIX"], "--at", v["TESTCTX"]["VALIDATIONCLOCK"], "--trust", str(cert)
    )
    assert (code["signature"], code["errors"]) == ("invalid", ["signature"])


def test_unreadable_payloads_say_why(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert scan(capsys, monkeypatch, "HC1:!!!")["errors"] == ["base45"]
    from checkpoint.domain.credentials import base45

    not_compressed = bytes.fromhex(vector("common/CO3")["COSE"])  # Base45 of raw COSE, as common/Z2
    assert scan(capsys, monkeypatch, "HC1:" + base45.encode(not_compressed))["errors"] == ["zlib"]


def test_a_bad_trust_path_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.pem").write_text("nonsense")
    for path in (tmp_path / "missing.pem", tmp_path / "x.pem"):
        assert main(["scan", "--trust", str(path), "-"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("checkpoint: error: --trust:") and err.count("\n") == 1
