"""One entry point for every scanned payload: what it is, whether its signature holds, whether it is
still valid at the clock, and its content.

``inspect_payload`` never raises: each input ends in a :class:`ScannedCode`, and a payload that cannot be
read says why in ``errors`` (stable codes from :mod:`checkpoint.domain.credentials.errors`).
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Collection
from datetime import datetime

from checkpoint.domain.codes import (
    DCC_PREFIX,
    MAX_CODE_CHARS,
    STATION_PASS_PREFIX,
    ScannedCode,
    Signature,
    classify,
)
from checkpoint.domain.credentials import cbor, cose, hcert, passes
from checkpoint.domain.credentials.errors import (
    ERROR_ALGORITHM,
    ERROR_EXPIRED,
    ERROR_KEY_USAGE,
    ERROR_NO_KID,
    ERROR_NO_TRUST,
    ERROR_NOT_YET_VALID,
    ERROR_REVOKED,
    ERROR_SIGNATURE,
    ERROR_SIGNER_VALIDITY,
    ERROR_TOO_LARGE,
    ERROR_UNTRUSTED_KID,
    CredentialError,
)
from checkpoint.domain.credentials.passes import StationKeys
from checkpoint.domain.credentials.trust import TrustStore, utc
from checkpoint.domain.records import CodeKind

ERROR_INTERNAL = "internal"  # a bug of ours; the fuzz tests assert it never appears


def inspect_payload(
    text: str,
    *,
    trust: TrustStore | None,
    at: datetime,
    station_keys: StationKeys | None = None,
    revoked: Collection[str] = frozenset(),
) -> ScannedCode:
    """Decode and verify one payload at the clock ``at``.

    ``trust`` holds the DCC signers, ``station_keys`` the deployment's pass keys, ``revoked`` the ids of
    revoked passes (as text). Without a trust store a DCC's signature is ``untrusted`` ("no-trust-list").
    """
    try:
        at = utc(at)
        stripped = text.strip()
        if len(stripped) > MAX_CODE_CHARS:  # no code carries this much: not looked at any further
            return ScannedCode(text=text, kind=CodeKind.UNKNOWN, errors=(ERROR_TOO_LARGE,))
        kind = classify(text)
        if kind is CodeKind.DCC:
            return _inspect_dcc(text, stripped, trust, at)
        if kind is CodeKind.STATION_PASS:
            return _inspect_pass(text, stripped, station_keys, at, revoked)
        return ScannedCode(text=text, kind=kind)
    except Exception as error:  # the contract is "never raises"; the code names the bug for the log
        return ScannedCode(
            text=text, kind=CodeKind.UNKNOWN, errors=(f"{ERROR_INTERNAL}:{type(error).__name__}",)
        )


def signed_content_id(text: str) -> str | None:
    """What the signature of an ``HC1:`` or ``CPS1:`` code covers, as an id: the SHA-256 of its protected
    header and payload (None for any other text, or one that does not unwrap to a COSE_Sign1).

    One signed code can be written as many texts that all verify: another zlib level or none, another
    spelling of the same Base45, headers outside the signature, a CBOR tag around it. Every such text has
    the one id, so "scanned before" compares ids, not texts. Never raises.
    """
    stripped = text.strip()
    if len(stripped) > MAX_CODE_CHARS:
        return None
    prefix = next((p for p in (DCC_PREFIX, STATION_PASS_PREFIX) if stripped.startswith(p)), None)
    if prefix is None:
        return None
    try:
        message = cose.decode_sign1(hcert.unwrap(stripped, prefix))
    except CredentialError:
        return None
    except Exception:  # the contract is "never raises": an unreadable code has no id
        return None
    digest = hashlib.sha256()
    for part in (prefix.encode("ascii"), message.protected_bytes, message.payload):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _window_errors(
    at: datetime, start: datetime | None, end: datetime | None
) -> tuple[bool | None, list[str]]:
    errors: list[str] = []
    if start is not None and at < start:
        errors.append(ERROR_NOT_YET_VALID)
    if end is None:
        return None, errors
    expired = at > end
    if expired:
        errors.append(ERROR_EXPIRED)
    return expired, errors


def _inspect_dcc(text: str, stripped: str, trust: TrustStore | None, at: datetime) -> ScannedCode:
    try:
        message = cose.decode_sign1(hcert.unwrap(stripped))
        claims = hcert.decode_claims(message.payload)
    except CredentialError as error:
        return ScannedCode(text=text, kind=CodeKind.DCC, errors=(error.code,))
    expired, errors = _window_errors(at, claims.issued_at, claims.expires_at)
    signature, signature_errors = _verify_dcc(message, claims, trust, at)
    return ScannedCode(
        text=text,
        kind=CodeKind.DCC,
        signature=signature,
        expired=expired,
        payload=cbor.to_json(claims.hcert),
        errors=(*signature_errors, *errors),
    )


def _verify_dcc(
    message: cose.Sign1, claims: hcert.CwtClaims, trust: TrustStore | None, at: datetime
) -> tuple[Signature, list[str]]:
    if message.algorithm not in cose.SUPPORTED_ALGORITHMS:
        return Signature.INVALID, [ERROR_ALGORITHM]
    if trust is None or not len(trust):
        return Signature.UNTRUSTED, [ERROR_NO_TRUST]
    kid = message.kid
    if kid is None:
        return Signature.UNTRUSTED, [ERROR_NO_KID]
    signers = trust.signers_for(kid)
    if not signers:
        return Signature.UNTRUSTED, [ERROR_UNTRUSTED_KID]
    signer = next((s for s in signers if cose.verify(message, s.public_key)), None)
    if signer is None:
        return Signature.INVALID, [ERROR_SIGNATURE]
    errors = []
    if not signer.valid_at(at):
        errors.append(ERROR_SIGNER_VALIDITY)
    if not signer.may_sign(hcert.entry_types(claims.hcert)):
        errors.append(ERROR_KEY_USAGE)
    return (Signature.UNTRUSTED if errors else Signature.VALID), errors


def _inspect_pass(
    text: str, stripped: str, keys: StationKeys | None, at: datetime, revoked: Collection[str]
) -> ScannedCode:
    try:
        message = cose.decode_sign1(hcert.unwrap(stripped, STATION_PASS_PREFIX))
        content = passes.decode_claims(message.payload)
    except CredentialError as error:
        return ScannedCode(text=text, kind=CodeKind.STATION_PASS, errors=(error.code,))
    expired, errors = _window_errors(at, content.valid_from, content.valid_until)
    if str(content.pass_id) in revoked:
        errors.insert(0, ERROR_REVOKED)
    signature, signature_errors = _verify_pass(message, keys)
    return ScannedCode(
        text=text,
        kind=CodeKind.STATION_PASS,
        signature=signature,
        expired=expired,
        payload=content.to_json(),
        errors=(*signature_errors, *errors),
    )


def _verify_pass(message: cose.Sign1, keys: StationKeys | None) -> tuple[Signature, list[str]]:
    if message.algorithm != cose.ALG_EDDSA:
        return Signature.INVALID, [ERROR_ALGORITHM]
    if keys is None or not len(keys):
        return Signature.UNTRUSTED, [ERROR_NO_TRUST]
    kid = message.kid
    key = keys.by_kid.get(kid) if kid is not None else None
    if key is None:
        return Signature.UNTRUSTED, [ERROR_UNTRUSTED_KID]
    if not cose.verify(message, key):
        return Signature.INVALID, [ERROR_SIGNATURE]
    return Signature.VALID, []


class PassVerdict(enum.StrEnum):
    """What ``checkpoint passes verify`` and the gate say about a station pass, worst first."""

    NOT_A_PASS = "not-a-pass"  # not CPS1:, or unreadable
    FORGED = "forged"  # signature does not match: changed or made by someone else with our key id
    WRONG_KEY = "wrong-key"  # signed by a key this deployment does not hold
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_YET_VALID = "not-yet-valid"
    VALID = "valid"


def pass_verdict(code: ScannedCode) -> PassVerdict:
    """The one verdict for a pass, worst first (forged before revoked before expired)."""
    if code.kind is not CodeKind.STATION_PASS or code.payload is None:
        return PassVerdict.NOT_A_PASS
    if code.signature is Signature.INVALID:
        return PassVerdict.FORGED
    if code.signature is not Signature.VALID:
        return PassVerdict.WRONG_KEY
    if ERROR_REVOKED in code.errors:
        return PassVerdict.REVOKED
    if code.expired:
        return PassVerdict.EXPIRED
    if ERROR_NOT_YET_VALID in code.errors:
        return PassVerdict.NOT_YET_VALID
    return PassVerdict.VALID
