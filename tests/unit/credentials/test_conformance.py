"""The EU DCC public test vectors: every expectation agrees, or the vector is listed as faulty with why."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from checkpoint.domain.credentials import cbor, cose, hcert
from tests.unit.credentials.conformance_report import (
    DEFAULT_DATA,
    EXPECTATIONS,
    FAULTY,
    Vector,
    load_vectors,
    observe,
    report,
    score,
)

pytestmark = pytest.mark.skipif(not DEFAULT_DATA.is_dir(), reason="../shared/testdata/dcc is not here")

VECTORS = load_vectors(DEFAULT_DATA) if DEFAULT_DATA.is_dir() else []
BY_NAME = {v.name: v for v in VECTORS}


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_vector_expectations(vector: Vector) -> None:
    for expectation, expected in vector.expected.items():
        observed = observe(vector, expectation)
        known = FAULTY.get((vector.name, expectation))
        if known is None:
            assert observed == expected, f"{expectation}: vector says {expected}, we find {observed}"
        else:
            # A known-faulty vector: the disagreement must be exactly the one recorded, so a fix
            # upstream (or a change here) is noticed.
            assert observed != expected
            assert observed == known[0], f"{expectation}: recorded {known[0]}, now {observed}"


def test_every_faulty_entry_names_a_carried_expectation() -> None:
    for name, expectation in FAULTY:
        assert name in BY_NAME, name
        assert expectation in BY_NAME[name].expected, (name, expectation)


def test_the_whole_set_is_scored_without_unexplained_disagreements() -> None:
    scores, unexpected = score(VECTORS)
    assert unexpected == []
    assert len(VECTORS) == 197
    assert sum(s.carried for s in scores.values()) > 1400
    for expectation in EXPECTATIONS:
        s = scores[expectation]
        assert s.agreed + s.faulty == s.carried


def test_the_committed_report_is_current() -> None:
    committed = Path(__file__).resolve().parents[3] / "docs" / "conformance.md"
    assert committed.read_text(encoding="utf-8") == report(DEFAULT_DATA)


# Why the faulty vectors are faulty, shown on the data itself.


def test_es_vectors_are_p384_signed_with_sha256_under_the_es256_label() -> None:
    for name in ("ES/401", "ES/402", "ES/403"):
        vector = BY_NAME[name]
        message = cose.decode_sign1(vector.cose())
        assert message.algorithm == cose.ALG_ES256
        certificate = x509.load_der_x509_certificate(base64.b64decode(vector.data["TESTCTX"]["CERTIFICATE"]))
        key = certificate.public_key()
        assert isinstance(key, ec.EllipticCurvePublicKey)
        assert key.curve.name == "secp384r1"
        assert len(message.signature) == 96
        r = int.from_bytes(message.signature[:48], "big")
        s = int.from_bytes(message.signature[48:], "big")
        # Verifies only as P-384 + SHA-256, a combination no COSE algorithm id denotes.
        key.verify(encode_dss_signature(r, s), message.to_be_signed(), ec.ECDSA(hashes.SHA256()))


def test_fr_test_pcr_json_is_two_hours_off_the_signed_cbor() -> None:
    vector = BY_NAME["FR/test_pcr_ok"]
    signed = hcert.decode_claims(cose.decode_sign1(vector.cose()).payload).hcert
    assert signed["t"][0]["sc"] == "2021-05-16T14:34:56Z"
    assert vector.data["JSON"]["t"][0]["sc"] == "2021-05-16T12:34:56Z"


def test_is3_has_no_dcc_usage_oid_and_co15_says_that_allows_every_type() -> None:
    certificate = x509.load_der_x509_certificate(
        base64.b64decode(BY_NAME["IS/3"].data["TESTCTX"]["CERTIFICATE"])
    )
    usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [oid.dotted_string for oid in usage] == ["2.23.136.1.1.14.2"]
    assert BY_NAME["common/CO15"].expected["EXPECTEDKEYUSAGE"] is True


def test_bg_old_version_has_null_statements_and_a_time_in_dob() -> None:
    dcc = BY_NAME["BG/1"].data["JSON"]
    assert dcc["t"] is None and dcc["r"] is None
    assert dcc["dob"] == "1978-01-26T00:00:00"
    assert cbor.to_json(dcc) == dcc
