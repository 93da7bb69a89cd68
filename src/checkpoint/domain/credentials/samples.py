"""Freshly signed sample credentials with throwaway keys: for ``checkpoint bench verify``, demos and tests.

Nothing here is trusted anywhere: every call makes a new key that exists only in the returned objects.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import NameOID

from checkpoint.domain.credentials import cbor, cose, hcert
from checkpoint.domain.credentials.passes import ExitSlip, StationKeys, issue_pass
from checkpoint.domain.credentials.trust import TrustStore

SAMPLE_DCC = {
    "ver": "1.3.0",
    "nam": {"fn": "Muster", "fnt": "MUSTER", "gn": "Erika", "gnt": "ERIKA"},
    "dob": "1964-08-12",
    "v": [
        {
            "tg": "840539006",
            "vp": "1119349007",
            "mp": "EU/1/20/1528",
            "ma": "ORG-100030215",
            "dn": 2,
            "sd": 2,
            "dt": "2021-05-29",
            "co": "DE",
            "is": "Robert Koch-Institut",
            "ci": "URN:UVCI:01DE/IZ12345A/5CWLU12RNOB9RXSEOP6FG8#W",
        }
    ],
}


@dataclass(frozen=True)
class SignedSample:
    payload: str
    trust: TrustStore
    station_keys: StationKeys


def signed_dcc(at: dt.datetime, *, days: int = 365) -> SignedSample:
    """An ``HC1:`` DCC signed with a new P-256 key whose self-signed certificate is the only trusted one."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"), x509.NameAttribute(NameOID.COMMON_NAME, "DSC")]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(at - dt.timedelta(days=1))
        .not_valid_after(at + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )
    der = certificate.public_bytes(serialization.Encoding.DER)
    trust = TrustStore()
    trust.add_certificate_bytes(der)
    claims = {
        hcert.CLAIM_ISS: "DE",
        hcert.CLAIM_IAT: int(at.timestamp()) - 3600,
        hcert.CLAIM_EXP: int((at + dt.timedelta(days=days)).timestamp()),
        hcert.CLAIM_HCERT: {hcert.HCERT_EU_DCC: SAMPLE_DCC},
    }
    message = cose.sign_es256(cbor.dumps(claims), key, cose.kid_of_der(der))
    return SignedSample(hcert.wrap(message), trust, StationKeys.of([]))


def signed_exit_slip(at: dt.datetime) -> SignedSample:
    """A ``CPS1:`` exit slip signed with a new Ed25519 key, valid for a week from ``at``."""
    key = ed25519.Ed25519PrivateKey.generate()
    slip = ExitSlip(
        pass_id=uuid.uuid4(),
        issuer="sample-deployment",
        issued_at=at,
        valid_from=at,
        valid_until=at + dt.timedelta(days=7),
        household_id="3-2-501",
        member_name="张伟",
        exit_every_days=2,
        return_within_hours=4,
    )
    return SignedSample(issue_pass(slip, key), TrustStore(), StationKeys.of([key.public_key()]))
