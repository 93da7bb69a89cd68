"""The signer certificates a station trusts for EU DCCs.

Sources (bytes or text; reading files is the storage layer's job, see ``checkpoint.storage.keys``):

* X.509 certificates, PEM (one or many per file) or DER. The key id is the first 8 bytes of the SHA-256
  of the certificate's DER (hcert specification, section 3.3.1).
* Trust-list JSON as the EU DCC gateway and national backends publish it: a list of entries, or an object
  with a ``certificates`` list, each entry having ``kid`` (base64) and ``rawData`` (the certificate, base64
  DER); entries with ``publicKey`` / ``publicKeyPem`` (a bare SubjectPublicKeyInfo) are accepted too.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from checkpoint.domain.credentials.cose import PublicKey, kid_of_der
from checkpoint.domain.documents import DocumentLimitError, load_json

# Extended key usages that limit what a DCC signer may sign (hcert specification, section 5.1.1).
OID_TEST = ("1.3.6.1.4.1.1847.2021.1.1", "1.3.6.1.4.1.0.1847.2021.1.1")
OID_VACCINATION = ("1.3.6.1.4.1.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.2")
OID_RECOVERY = ("1.3.6.1.4.1.1847.2021.1.3", "1.3.6.1.4.1.0.1847.2021.1.3")
_USAGE_OF_ENTRY = {"t": OID_TEST, "v": OID_VACCINATION, "r": OID_RECOVERY}
ALL_DCC_OIDS = frozenset(OID_TEST + OID_VACCINATION + OID_RECOVERY)


def _oid_der(dotted: str) -> bytes:
    """The DER encoding (tag, length, value) of an object identifier."""
    parts = [int(p) for p in dotted.split(".")]
    body = bytearray([parts[0] * 40 + parts[1]])
    for part in parts[2:]:
        chunk = [part & 0x7F]
        part >>= 7
        while part:
            chunk.append(0x80 | (part & 0x7F))
            part >>= 7
        body += bytes(reversed(chunk))
    return bytes([0x06, len(body)]) + bytes(body)


_OID_DER = {oid: _oid_der(oid) for oid in ALL_DCC_OIDS}


MAX_TRUST_LIST_CHARS = 16 * 1024 * 1024  # the whole EU gateway list is a few MB
MAX_TRUST_LIST_DEPTH = 16  # a trust list nests four deep: {"certificates": [{"kid": ...}]}


class TrustListError(ValueError):
    """A certificate or trust list that cannot be read (the message says which entry and why)."""


@dataclass(frozen=True, slots=True)
class TrustedSigner:
    """One trusted signing key: its key id, public key and, when known, its certificate's limits."""

    kid: bytes
    public_key: PublicKey
    subject: str = ""
    country: str = ""
    not_before: datetime | None = None
    not_after: datetime | None = None
    usages: frozenset[str] = frozenset()  # the DCC extended key usage OIDs it carries (empty: any)

    def valid_at(self, at: datetime) -> bool:
        if self.not_before is not None and at < self.not_before:
            return False
        return not (self.not_after is not None and at > self.not_after)

    def may_sign(self, entry_types: Iterable[str]) -> bool:
        """Whether the key usage allows every certificate type present (``v``, ``t``, ``r``)."""
        if not self.usages:
            return True
        return all(any(oid in self.usages for oid in _USAGE_OF_ENTRY[t]) for t in entry_types)


def signer_from_certificate(certificate: x509.Certificate, kid: bytes | None = None) -> TrustedSigner:
    public_key = certificate.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey | ed25519.Ed25519PublicKey):
        raise TrustListError(f"unsupported key type {type(public_key).__name__}")
    der = certificate.public_bytes(serialization.Encoding.DER)
    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        usages = frozenset(oid.dotted_string for oid in usage) & ALL_DCC_OIDS
    except x509.ExtensionNotFound:
        usages = frozenset()
    except ValueError:
        # Some issuers' certificates break DER rules in an extension (an encoded DEFAULT, an empty
        # extended key usage); cryptography then refuses all extensions. The DCC usage OIDs are
        # distinctive enough to find in the DER directly.
        usages = frozenset(oid for oid, encoded in _OID_DER.items() if encoded in der)
    country = ""
    try:
        names = certificate.subject.get_attributes_for_oid(x509.NameOID.COUNTRY_NAME)
        country = str(names[0].value) if names else ""
        subject = certificate.subject.rfc4514_string()
    except ValueError:
        subject = ""
    return TrustedSigner(
        kid=kid if kid is not None else kid_of_der(der),
        public_key=public_key,
        subject=subject,
        country=country,
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        usages=usages,
    )


def certificates_from_bytes(data: bytes) -> list[x509.Certificate]:
    """Every certificate in a PEM file (one or many) or the one in a DER file."""
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError as error:
        raise TrustListError(f"not a PEM or DER certificate: {error}") from error


@dataclass
class TrustStore:
    """Trusted DCC signers by key id. Several signers may share a kid (8 bytes): all are tried."""

    _by_kid: dict[bytes, list[TrustedSigner]] = field(default_factory=dict)

    def add(self, signer: TrustedSigner) -> None:
        signers = self._by_kid.setdefault(signer.kid, [])
        if all(s.public_key != signer.public_key for s in signers):
            signers.append(signer)

    def add_certificate_bytes(self, data: bytes) -> int:
        """Add the certificates of a PEM or DER file; returns how many."""
        certificates = certificates_from_bytes(data)
        for certificate in certificates:
            self.add(signer_from_certificate(certificate))
        return len(certificates)

    def add_trust_list(self, text: str) -> int:
        """Add the entries of a trust-list JSON document; returns how many. A document larger than
        :data:`MAX_TRUST_LIST_CHARS` or nested deeper than :data:`MAX_TRUST_LIST_DEPTH` is refused unread."""
        try:
            document = load_json(text, max_chars=MAX_TRUST_LIST_CHARS, max_depth=MAX_TRUST_LIST_DEPTH)
        except DocumentLimitError as error:
            raise TrustListError(f"refused: {error}") from None
        except ValueError as error:
            raise TrustListError(f"not JSON: {error}") from error
        entries = _entries(document)
        for index, entry in enumerate(entries):
            try:
                self.add(_signer_from_entry(entry))
            except TrustListError as error:
                raise TrustListError(f"entry {index}: {error}") from error
        return len(entries)

    def signers_for(self, kid: bytes) -> tuple[TrustedSigner, ...]:
        return tuple(self._by_kid.get(kid, ()))

    def __iter__(self) -> Iterator[TrustedSigner]:
        for signers in self._by_kid.values():
            yield from signers

    def __len__(self) -> int:
        return sum(len(s) for s in self._by_kid.values())


def _entries(document: Any) -> list[Mapping[str, Any]]:
    if isinstance(document, Mapping):
        for key in ("certificates", "dscTrustList", "trustList", "entries"):
            if isinstance(document.get(key), list):
                document = document[key]
                break
        else:
            if all(isinstance(v, str) for v in document.values()):  # {kid: certificate}
                return [{"kid": k, "rawData": v} for k, v in document.items()]
            raise TrustListError("no list of certificates (expected a list or a 'certificates' list)")
    if not isinstance(document, list):
        raise TrustListError("not a list of certificate entries")
    if not all(isinstance(entry, Mapping) for entry in document):
        raise TrustListError("an entry is not an object")
    return list(document)


def _b64(text: object, what: str) -> bytes:
    if not isinstance(text, str):
        raise TrustListError(f"{what} is not a text")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=False)
    except (binascii.Error, ValueError) as error:
        raise TrustListError(f"{what} is not base64") from error


def _signer_from_entry(entry: Mapping[str, Any]) -> TrustedSigner:
    kid = _b64(entry["kid"], "kid") if "kid" in entry else None
    raw = entry.get("rawData") or entry.get("certificate") or entry.get("rawX509data")
    if raw is not None:
        certificates = certificates_from_bytes(_b64(raw, "rawData"))
        signer = signer_from_certificate(certificates[0], kid)
        country = entry.get("country")
        if isinstance(country, str) and not signer.country:
            signer = dataclasses.replace(signer, country=country)
        return signer
    if kid is None:
        raise TrustListError("an entry without a certificate needs a 'kid'")
    pem = entry.get("publicKeyPem")
    try:
        if isinstance(pem, str):
            key = serialization.load_pem_public_key(pem.encode("ascii"))
        elif "publicKey" in entry:
            key = serialization.load_der_public_key(_b64(entry["publicKey"], "publicKey"))
        else:
            raise TrustListError("no 'rawData', 'publicKey' or 'publicKeyPem'")
    except (ValueError, UnicodeError) as error:
        raise TrustListError(f"unreadable public key: {error}") from error
    if not isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey | ed25519.Ed25519PublicKey):
        raise TrustListError(f"unsupported key type {type(key).__name__}")
    return TrustedSigner(kid=kid, public_key=key, country=str(entry.get("country", "")))


def utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
