"""Personal data at rest: ID numbers and phones sealed with the deployment's data key.

Each value is stored three ways, none of them the plain text:

* **sealed** -- AES-256-GCM under the data key, a fresh random 96-bit nonce per value, and associated data
  naming the row and the field (``"<row>|<field>"``). A ciphertext copied into another row or another
  column no longer opens, and any edited byte fails the tag: both are a :class:`PiiError`, never a wrong
  value. Text form: ``v1:`` + urlsafe base64 of nonce || ciphertext || tag.
* **keyed hash** -- HMAC-SHA256 of the *normalised* value (ID upper-case without spaces, phone digits only)
  under a sub-key derived from the data key with HKDF, truncated to 128 bits (32 hex digits). Equal values
  give equal hashes across every station of the deployment, so tracing and duplicate detection compare
  them through an index; without the key nobody can test a guessed ID number against them (an unkeyed hash
  of the ~10^9 plausible ID numbers of a region is a dictionary attack away from the plain text).
* **masked** -- ``domain.masking``'s display form (4301**********1234, 138****5678) for screens and lists
  that may not show more.

The data key never leaves this object; :attr:`PiiCipher.key_id` names it (an HKDF output, not the key) so a
database can tell that it was given another deployment's key. Storage modules that keep ID numbers or phones
(person checks, watchlist entries, the residents registry) all go through :class:`PiiCipher`.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from checkpoint.domain.masking import (
    mask_id_number,
    mask_phone,
    normalise_id_number,
    normalise_phone,
)
from checkpoint.storage.errors import StorageError, StorageErrorKind

_PREFIX = "v1:"
_NONCE_BYTES = 12
_HASH_HEX = 32  # 128 bits: collisions among billions of values stay out of reach; half the index of 256
_SALT = b"checkpoint-station/pii"


class PiiKind(enum.StrEnum):
    """What a value is: it decides the normalisation before hashing and the mask."""

    ID_NUMBER = "id_number"
    PHONE = "phone"


class PiiError(Exception):
    """A sealed value that does not open: edited, moved to another row or field, or sealed with another
    key. The message names the row and field, never the value."""


def normalise(kind: PiiKind | str, value: str) -> str:
    """The form the keyed hash is taken of: ID number upper-case without spaces, phone digits only."""
    return normalise_id_number(value) if PiiKind(kind) is PiiKind.ID_NUMBER else normalise_phone(value)


def mask(kind: PiiKind | str, value: str) -> str:
    """The display form of a value (``domain.masking``)."""
    return mask_id_number(value) if PiiKind(kind) is PiiKind.ID_NUMBER else mask_phone(value)


def _derive(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=info).derive(key)


def _associated(row: uuid.UUID | str, field: str) -> bytes:
    return f"{row}|{field}".encode()


class PiiCipher:
    """Seals, opens and hashes personal data with one deployment data key (32 bytes). Thread-safe."""

    def __init__(self, data_key: bytes) -> None:
        if not isinstance(data_key, bytes) or len(data_key) != 32:
            raise ValueError("a data key is exactly 32 bytes")
        self._aead = AESGCM(_derive(data_key, b"seal v1"))
        self._hash_key = _derive(data_key, b"keyed hash v1")
        self.key_id = _derive(data_key, b"key id v1")[:8].hex()

    def seal(self, value: str, row: uuid.UUID | str, field: str) -> str:
        """``value`` sealed for column ``field`` of the row identified by ``row``; "" stays ""."""
        if not value:
            return ""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, value.encode(), _associated(row, field))
        return _PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def open(self, sealed: str, row: uuid.UUID | str, field: str) -> str:
        """The plain value of ``sealed`` (as stored for ``row`` and ``field``); raises :class:`PiiError`."""
        if not sealed:
            return ""
        if not sealed.startswith(_PREFIX):
            raise PiiError(f"{field} of {row}: not a sealed value")
        try:
            raw = base64.urlsafe_b64decode(sealed[len(_PREFIX) :].encode("ascii"))
        except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
            raise PiiError(f"{field} of {row}: not a sealed value") from exc
        if len(raw) <= _NONCE_BYTES + 16:
            raise PiiError(f"{field} of {row}: sealed value is truncated")
        try:
            plain = self._aead.decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _associated(row, field))
        except InvalidTag as exc:
            raise PiiError(
                f"{field} of {row}: does not open (altered, moved from another row, or another data key)"
            ) from exc
        try:
            return plain.decode()
        except UnicodeDecodeError as exc:  # only reachable with the right key and a wrong writer
            raise PiiError(f"{field} of {row}: sealed value is not text") from exc

    def keyed_hash(self, kind: PiiKind | str, value: str) -> str:
        """The search key of ``value``: HMAC-SHA256 of its normalised form (32 hex digits); "" for none."""
        kind = PiiKind(kind)
        normal = normalise(kind, value)
        if not normal:
            return ""
        message = f"{kind.value}\x00{normal}".encode()
        return hmac.new(self._hash_key, message, hashlib.sha256).hexdigest()[:_HASH_HEX]


class MissingKeyCipher(PiiCipher):
    """Stands in for the cipher of a database opened without its data key (``open_database(...,
    need_data_key=False)``, what ``db verify`` does): everything that needs the key raises
    ``StorageError`` (``DATA_KEY``) with ``reason``; what needs none (masks, sealed forms) still works."""

    def __init__(self, reason: str) -> None:  # no key: nothing of PiiCipher's own state is made
        self.key_id = ""
        self.reason = reason

    def _refuse(self) -> StorageError:
        return StorageError(StorageErrorKind.DATA_KEY, self.reason)

    def seal(self, value: str, row: uuid.UUID | str, field: str) -> str:
        if not value:
            return ""
        raise self._refuse()

    def open(self, sealed: str, row: uuid.UUID | str, field: str) -> str:
        if not sealed:
            return ""
        raise self._refuse()

    def keyed_hash(self, kind: PiiKind | str, value: str) -> str:
        raise self._refuse()
