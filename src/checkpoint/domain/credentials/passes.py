"""The deployment's own signed passes: exit slips, resident passes, visitor pre-registrations and
supply-vehicle passes.

Same machinery as the EU DCC: ``CPS1:`` + Base45(zlib(COSE_Sign1(CWT claims))), signed with the
deployment's Ed25519 key (COSE alg -8). Claims: 1 ``iss`` (the deployment or station that issued it),
4 ``exp`` (valid until), 5 ``nbf`` (valid from), 6 ``iat`` (issued at), 7 ``cti`` (the pass id, 16 bytes
of its UUID) and the private claim ``-65537`` holding the kind and the kind's fields as a text-keyed map.
The key id (COSE header 4) is the first 8 bytes of the SHA-256 of the raw 32-byte public key.
"""

from __future__ import annotations

import enum
import hashlib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any, ClassVar

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from checkpoint.domain.codes import STATION_PASS_PREFIX
from checkpoint.domain.credentials import cbor, cose, hcert
from checkpoint.domain.credentials.errors import ERROR_CBOR, CredentialError

CLAIM_PASS = -65537  # private-use claim (RFC 8392 section 4: below -65536)
MAX_TEXT = 200  # longest text field a pass may carry (a QR code must stay printable)


class PassKind(enum.StrEnum):
    EXIT_SLIP = "exit-slip"  # 出门条
    RESIDENT = "resident"  # 居民通行证
    VISITOR = "visitor"  # 访客预约
    SUPPLY_VEHICLE = "supply-vehicle"  # 保供车辆通行证


class PassContentError(ValueError):
    """Content that cannot be issued as a pass (empty name, window the wrong way round...)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StationPass:
    """What every pass carries. Times are timezone-aware; they are stored to the second."""

    KIND: ClassVar[PassKind]
    pass_id: uuid.UUID
    issuer: str  # the deployment or station id that issued it
    issued_at: datetime
    valid_from: datetime
    valid_until: datetime

    @property
    def kind(self) -> PassKind:
        return self.KIND

    def details(self) -> dict[str, str | int]:
        """The kind's own fields (everything but the common ones), in declaration order."""
        common = {f.name for f in fields(StationPass)}
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in common}

    def to_json(self) -> dict[str, object]:
        return {
            "id": str(self.pass_id),
            "kind": self.kind.value,
            "issuer": self.issuer,
            "issued_at": self.issued_at.isoformat(),
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat(),
            **self.details(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ExitSlip(StationPass):
    """出门条: one member of a household may go out once every N days and must be back within H hours."""

    KIND: ClassVar[PassKind] = PassKind.EXIT_SLIP
    household_id: str
    member_name: str
    exit_every_days: int
    return_within_hours: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ResidentPass(StationPass):
    KIND: ClassVar[PassKind] = PassKind.RESIDENT
    household_id: str
    name: str
    building: str
    unit: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VisitorPass(StationPass):
    """A visitor's pre-registration: who, whom they visit, why; valid_from/valid_until is the window."""

    KIND: ClassVar[PassKind] = PassKind.VISITOR
    visitor_name: str
    host_household_id: str
    host_name: str
    purpose: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SupplyVehiclePass(StationPass):
    KIND: ClassVar[PassKind] = PassKind.SUPPLY_VEHICLE
    plate: str
    route: str
    company: str


PASS_TYPES: dict[PassKind, type[StationPass]] = {
    t.KIND: t for t in (ExitSlip, ResidentPass, VisitorPass, SupplyVehiclePass)
}
_INT_FIELDS = {"exit_every_days": (1, 366), "return_within_hours": (1, 24 * 31)}


def _check_field(name: str, value: object) -> None:
    if name in _INT_FIELDS:
        low, high = _INT_FIELDS[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise PassContentError(f"{name} must be a whole number from {low} to {high}")
        return
    if not isinstance(value, str) or not value.strip():
        raise PassContentError(f"{name} must not be empty")
    if len(value) > MAX_TEXT:
        raise PassContentError(f"{name} is longer than {MAX_TEXT} characters")


def check_content(content: StationPass) -> None:
    """Raise :class:`PassContentError` for content that must not be issued."""
    for name in ("issued_at", "valid_from", "valid_until"):
        if getattr(content, name).tzinfo is None:
            raise PassContentError(f"{name} needs a time zone")
    if content.valid_until <= content.valid_from:
        raise PassContentError("valid_until must be after valid_from")
    _check_field("issuer", content.issuer)
    for name, value in content.details().items():
        _check_field(name, value)


def key_id(public_key: ed25519.Ed25519PublicKey) -> bytes:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).digest()[:8]


@dataclass(frozen=True, slots=True)
class StationKeys:
    """The deployment's public keys a gate accepts passes from, by key id."""

    by_kid: Mapping[bytes, ed25519.Ed25519PublicKey]

    @classmethod
    def of(cls, keys: Iterable[ed25519.Ed25519PublicKey]) -> StationKeys:
        return cls({key_id(k): k for k in keys})

    def __len__(self) -> int:
        return len(self.by_kid)


def _seconds(value: datetime) -> int:
    return int(value.timestamp())


def encode_claims(content: StationPass) -> bytes:
    return cbor.dumps(
        {
            hcert.CLAIM_ISS: content.issuer,
            hcert.CLAIM_EXP: _seconds(content.valid_until),
            hcert.CLAIM_NBF: _seconds(content.valid_from),
            hcert.CLAIM_IAT: _seconds(content.issued_at),
            hcert.CLAIM_CTI: content.pass_id.bytes,
            CLAIM_PASS: {"kind": content.kind.value, **content.details()},
        }
    )


def issue_pass(content: StationPass, private_key: ed25519.Ed25519PrivateKey) -> str:
    """The ``CPS1:`` payload of ``content`` signed with the deployment's key (for a QR code)."""
    check_content(content)
    message = cose.sign_ed25519(encode_claims(content), private_key, key_id(private_key.public_key()))
    return hcert.wrap(message, STATION_PASS_PREFIX)


def _claim_time(claims: Mapping[Any, Any], key: int, name: str) -> datetime:
    value = claims.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CredentialError(ERROR_CBOR, f"claim {name} missing or not an integer")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        raise CredentialError(ERROR_CBOR, f"claim {name} is out of range") from None


def decode_claims(payload: bytes) -> StationPass:
    """The pass inside a COSE payload; "cbor" error when any claim is missing or of the wrong shape."""
    claims = cbor.loads(payload)
    if not isinstance(claims, Mapping):
        raise CredentialError(ERROR_CBOR, "pass claims are not a map")
    content = claims.get(CLAIM_PASS)
    if not isinstance(content, Mapping):
        raise CredentialError(ERROR_CBOR, "no pass claim")
    try:
        kind = PassKind(str(content.get("kind")))
    except ValueError:
        raise CredentialError(ERROR_CBOR, "unknown pass kind") from None
    pass_type = PASS_TYPES[kind]
    cti = claims.get(hcert.CLAIM_CTI)
    if not isinstance(cti, bytes) or len(cti) != 16:
        raise CredentialError(ERROR_CBOR, "claim cti is not a 16-byte pass id")
    issuer = claims.get(hcert.CLAIM_ISS)
    wanted = {f.name for f in fields(pass_type)} - {f.name for f in fields(StationPass)}
    given = set(content) - {"kind"}
    if given != wanted:
        raise CredentialError(ERROR_CBOR, f"{kind.value} fields differ: {sorted(map(str, given ^ wanted))}")
    values: dict[str, Any] = {name: content[name] for name in wanted}
    try:
        for name, value in values.items():
            _check_field(name, value)
        _check_field("issuer", issuer)
    except PassContentError as error:
        raise CredentialError(ERROR_CBOR, str(error)) from None
    return pass_type(
        pass_id=uuid.UUID(bytes=cti),
        issuer=str(issuer),
        issued_at=_claim_time(claims, hcert.CLAIM_IAT, "iat"),
        valid_from=_claim_time(claims, hcert.CLAIM_NBF, "nbf"),
        valid_until=_claim_time(claims, hcert.CLAIM_EXP, "exp"),
        **values,
    )
