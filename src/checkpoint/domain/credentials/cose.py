"""COSE_Sign1 (RFC 9052): decode, verify and (for our own passes) sign.

A signed message is ``[protected: bstr, unprotected: map, payload: bstr, signature: bstr]``, optionally
under CBOR tag 18 (COSE_Sign1) and tag 61 (CWT). The signature covers the ``Sig_structure``
``["Signature1", protected, external_aad = b"", payload]``. ECDSA signatures are raw ``r || s`` in COSE;
``cryptography`` wants DER, so they are converted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from checkpoint.domain.credentials import cbor
from checkpoint.domain.credentials.errors import ERROR_COSE, CredentialError

HEADER_ALG = 1
HEADER_KID = 4
TAG_SIGN1 = 18
TAG_CWT = 61

ALG_ES256 = -7
ALG_ES384 = -35
ALG_ES512 = -36
ALG_EDDSA = -8
ALG_PS256 = -37
ALG_PS384 = -38
ALG_PS512 = -39
ALG_RS256 = -257

_ECDSA: dict[int, tuple[type[hashes.HashAlgorithm], int]] = {
    ALG_ES256: (hashes.SHA256, 32),
    ALG_ES384: (hashes.SHA384, 48),
    ALG_ES512: (hashes.SHA512, 66),
}
_PSS: dict[int, type[hashes.HashAlgorithm]] = {
    ALG_PS256: hashes.SHA256,
    ALG_PS384: hashes.SHA384,
    ALG_PS512: hashes.SHA512,
}
SUPPORTED_ALGORITHMS = frozenset({*_ECDSA, *_PSS, ALG_RS256, ALG_EDDSA})

PublicKey = ec.EllipticCurvePublicKey | rsa.RSAPublicKey | ed25519.Ed25519PublicKey


@dataclass(frozen=True, slots=True)
class Sign1:
    """A decoded COSE_Sign1 message (not yet verified)."""

    protected_bytes: bytes
    protected: Mapping[Any, Any]
    unprotected: Mapping[Any, Any]
    payload: bytes
    signature: bytes

    @property
    def algorithm(self) -> int | None:
        alg = self.protected.get(HEADER_ALG, self.unprotected.get(HEADER_ALG))
        return alg if isinstance(alg, int) and not isinstance(alg, bool) else None

    @property
    def kid(self) -> bytes | None:
        """The key id: the protected header's when present (it is signed), else the unprotected one's."""
        for headers in (self.protected, self.unprotected):
            kid = headers.get(HEADER_KID)
            if isinstance(kid, bytes) and kid:
                return kid
        return None

    def to_be_signed(self) -> bytes:
        return cbor.dumps(["Signature1", self.protected_bytes, b"", self.payload])


def decode_sign1(data: bytes) -> Sign1:
    """Parse a COSE_Sign1 message; :class:`CredentialError` ("cbor" or "cose") when it is not one."""
    item = cbor.loads(data)
    if isinstance(item, cbor2.CBORTag) and item.tag == TAG_CWT:
        item = item.value
    if isinstance(item, cbor2.CBORTag):
        if item.tag != TAG_SIGN1:
            raise CredentialError(ERROR_COSE, f"CBOR tag {item.tag}, not COSE_Sign1 (18)")
        item = item.value
    if not isinstance(item, list | tuple) or len(item) != 4:
        raise CredentialError(ERROR_COSE, "not an array of four items")
    protected_bytes, unprotected, payload, signature = item
    if not isinstance(protected_bytes, bytes):
        raise CredentialError(ERROR_COSE, "protected header is not a byte string")
    if not isinstance(unprotected, Mapping):
        raise CredentialError(ERROR_COSE, "unprotected header is not a map")
    if not isinstance(payload, bytes):
        raise CredentialError(ERROR_COSE, "payload is not a byte string")
    if not isinstance(signature, bytes):
        raise CredentialError(ERROR_COSE, "signature is not a byte string")
    protected: Mapping[Any, Any] = {}
    if protected_bytes:
        decoded = cbor.loads(protected_bytes)
        if not isinstance(decoded, Mapping):
            raise CredentialError(ERROR_COSE, "protected header is not a map")
        protected = decoded
    return Sign1(protected_bytes, protected, unprotected, payload, signature)


def verify(message: Sign1, key: PublicKey) -> bool:
    """Whether ``message``'s signature is right for ``key`` under its algorithm (False if they mismatch)."""
    alg = message.algorithm
    data = message.to_be_signed()
    signature = message.signature
    try:
        if alg in _ECDSA and isinstance(key, ec.EllipticCurvePublicKey):
            hash_type, size = _ECDSA[alg]
            if len(signature) != 2 * size:
                return False
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hash_type()))
        elif alg in _PSS and isinstance(key, rsa.RSAPublicKey):
            hash_type = _PSS[alg]
            key.verify(signature, data, padding.PSS(padding.MGF1(hash_type()), padding.PSS.AUTO), hash_type())
        elif alg == ALG_RS256 and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif alg == ALG_EDDSA and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True


def sign_ed25519(payload: bytes, private_key: ed25519.Ed25519PrivateKey, kid: bytes) -> bytes:
    """A tagged COSE_Sign1 message over ``payload``, EdDSA (-8), with ``kid`` in the protected header."""
    protected_bytes = cbor.dumps({HEADER_ALG: ALG_EDDSA, HEADER_KID: kid})
    to_sign = cbor.dumps(["Signature1", protected_bytes, b"", payload])
    signature = private_key.sign(to_sign)
    return cbor.dumps(cbor2.CBORTag(TAG_SIGN1, [protected_bytes, {}, payload, signature]))


def sign_es256(payload: bytes, private_key: ec.EllipticCurvePrivateKey, kid: bytes) -> bytes:
    """A tagged COSE_Sign1 message, ES256 (-7): how a DCC issuer signs (for benches and tests)."""
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    protected_bytes = cbor.dumps({HEADER_ALG: ALG_ES256, HEADER_KID: kid})
    to_sign = cbor.dumps(["Signature1", protected_bytes, b"", payload])
    r, s = decode_dss_signature(private_key.sign(to_sign, ec.ECDSA(hashes.SHA256())))
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return cbor.dumps(cbor2.CBORTag(TAG_SIGN1, [protected_bytes, {}, payload, signature]))


def kid_of_der(certificate_der: bytes) -> bytes:
    """The DCC key id: the first 8 bytes of the SHA-256 of the signer certificate's DER."""
    return hashlib.sha256(certificate_der).digest()[:8]
