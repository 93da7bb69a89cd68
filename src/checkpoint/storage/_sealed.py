"""Personal data in stored rows: how it is sealed, opened and masked, and how it enters a record's hash.

Personal data at rest (schema 0006). A person check's and a watchlist entry's ``id_number`` and ``phone``
are no longer stored in plain text: each is kept *sealed* (AES-GCM, bound to its row and field), as a
*keyed hash* (HMAC, for search) and *masked* (for display) -- see ``storage/pii.py``. ``pii_form`` says
which canonical form the row's hash was taken over, and the hashed field lists (``_records.HASHED``)
stay as they were:

* ``pii_form`` 1 (every row written since 0006): the canonical ``id_number`` (``phone``) is the object
  ``{"hmac": ..., "masked": ..., "sealed": ...}`` of the stored columns, or "" when there is no value. The
  hash covers exactly the stored bytes, so ``db verify`` needs **no key** for these rows and still catches
  an edited ciphertext, keyed hash or mask; the plain text never enters anything stored.
* ``pii_form`` 0 (rows written before 0006): the canonical value stays the plain string it always was, so
  the stored hash is unchanged. When the program first opens such a database with its data key, it seals
  the plain values into the new columns and blanks the plain ones (in batches, with an audit entry): the one
  sanctioned in-place change, which leaves every canonical form as it was. Verifying these rows needs the
  key: ``verify`` opens the sealed value to rebuild the plain canonical string, and also checks that the
  keyed hash and mask still belong to it (they are not in the hash of a row written before they existed).

Flipping ``pii_form`` either way changes the canonical form (a string becomes an object), so it breaks the
hash too. A ciphertext moved to another row or field does not open (its associated data names the row).

Names, households, payloads and free text (schema 0012, :data:`SEALED_TEXT`) follow the same rule with
``pii_form`` 2: a row written since 0012 hashes each such field as the object of its stored parts
(``{"hmac", "masked", "sealed"}``, the parts it has) or "" when empty; a row written before hashes the plain
value, as it always did, and after the program seals it on open (the plain column blanked, ``pii_form``
unchanged) ``verify`` opens it with the key and checks its keyed hash and mask. Passages, residents,
households and issued passes gained a ``pii_form`` column for this (0: hashed plain, 2: hashed sealed).
"""

from __future__ import annotations

import uuid
from collections import ChainMap
from collections.abc import Mapping
from typing import Any

from checkpoint.storage.errors import StorageError, StorageErrorKind
from checkpoint.storage.pii import PiiCipher, PiiError, PiiKind, mask

Row = Mapping[Any, Any]  # a RowMapping or a dict of column values

PII_FIELDS = (PiiKind.ID_NUMBER.value, PiiKind.PHONE.value)
PII_PLAIN_FORM = 0  # hashed over the plain text (written before schema 0006)
PII_SEALED_FORM = 1  # hashed over the sealed, keyed-hash and masked columns
PII_TEXT_FORM = 2  # since 0012: names, households, payloads and free text hashed sealed as well
_PII_PARTS = ("hmac", "masked", "sealed")

PERSON = "person_check"  # not a chained kind of its own (its passage's hash covers it)

SEALED_TEXT: dict[str, dict[str, tuple[PiiKind | None, tuple[str, ...]]]] = {
    PERSON: {
        "name": (PiiKind.NAME, ("hmac", "masked", "sealed")),
        "household": (PiiKind.HOUSEHOLD, ("hmac", "sealed")),
        "code_text": (PiiKind.PAYLOAD, ("hmac", "sealed")),
    },
    "passage": {"note": (None, ("sealed",))},
    "watchlist_entry": {"name": (PiiKind.NAME, ("hmac", "masked", "sealed"))},
    "resident": {
        "name": (PiiKind.NAME, ("hmac", "masked", "sealed")),
        "household": (PiiKind.HOUSEHOLD, ("hmac", "sealed")),
    },
    "household": {
        "code": (PiiKind.HOUSEHOLD, ("hmac", "sealed")),
        "address": (None, ("sealed",)),
        "notes": (None, ("sealed",)),
    },
    "issued_pass": {"summary": (None, ("sealed",)), "household": (PiiKind.HOUSEHOLD, ("hmac", "sealed"))},
}
"""Since 0012: per record kind (``_records``' names) and person checks, the text fields stored sealed and
the parts each keeps: a keyed hash where something searches the field (its ``PiiKind`` decides the normal
form), a mask where a screen shows it masked."""


def text_canonical(kind: str, row: Row) -> dict[str, object]:
    canonical: dict[str, object] = {}
    for field, (_, parts) in SEALED_TEXT[kind].items():
        stored = {part: row[f"{field}_{part}"] for part in parts}
        canonical[field] = stored if any(stored.values()) else ""
    return canonical


def seal_text(kind: str, row: dict[str, Any], cipher: PiiCipher, row_id: uuid.UUID | str) -> None:
    """Turn a row's plain text fields of ``kind`` (:data:`SEALED_TEXT`) into their stored form, in place:
    sealed, keyed hash and mask filled, plain columns blank, ``pii_form`` 2."""
    for field, (pii_kind, parts) in SEALED_TEXT[kind].items():
        value = row[field]
        row[f"{field}_sealed"] = cipher.seal(value, row_id, field)
        if "hmac" in parts:
            assert pii_kind is not None
            row[f"{field}_hmac"] = cipher.keyed_hash(pii_kind, value)
        if "masked" in parts:
            assert pii_kind is not None
            row[f"{field}_masked"] = mask(pii_kind, value) if value else ""
        row[field] = ""
    row["pii_form"] = PII_TEXT_FORM


def open_text(
    kind: str, row: Row, cipher: PiiCipher, row_id: uuid.UUID | str, only: tuple[str, ...] | None = None
) -> Row:
    """A stored row with its sealed text fields of ``kind`` (or ``only`` these) in plain text again (a field
    never sealed keeps its plain column, one not opened stays ""): a read-only view over the row, not a
    copy (reading a long log opens millions). Raises :class:`StorageError` (corrupt) when a value does
    not open."""
    opened: dict[str, str] = {}
    for field in SEALED_TEXT[kind] if only is None else only:
        value = row[f"{field}_sealed"]
        if value:
            try:
                opened[field] = cipher.open(value, row_id, field)
            except PiiError as exc:
                raise StorageError(
                    StorageErrorKind.CORRUPT, f"personal data that does not open: {exc}"
                ) from exc
    return ChainMap(opened, row) if opened else row  # type: ignore[arg-type]


def legacy_text_consistent(kind: str, opened: Row, cipher: PiiCipher) -> bool:
    """For a row hashed over its plain text (``pii_form`` below 2, opened), whether its keyed hashes and
    masks belong to its values: they came after its hash, so the chain alone cannot vouch for them."""
    for field, (pii_kind, parts) in SEALED_TEXT[kind].items():
        if pii_kind is None:
            continue
        value = opened[field]
        if "hmac" in parts and opened[f"{field}_hmac"] != cipher.keyed_hash(pii_kind, value):
            return False
        if "masked" in parts and opened[f"{field}_masked"] != (mask(pii_kind, value) if value else ""):
            return False
    return True


def text_row_id(kind: str, row: Row) -> uuid.UUID | str:
    """What a row's sealed text is bound to: its record uuid, or a person check's passage and place."""
    return person_row_id(row["passage_uuid"], row["position"]) if kind == PERSON else row["uuid"]


def pii_canonical(row: Row) -> dict[str, object]:
    if row["pii_form"] == PII_PLAIN_FORM:
        return {field: row[field] for field in PII_FIELDS}
    canonical: dict[str, object] = {}
    for field in PII_FIELDS:
        parts = {part: row[f"{field}_{part}"] for part in _PII_PARTS}
        canonical[field] = parts if any(parts.values()) else ""
    return canonical


def person_row_id(passage_uuid: uuid.UUID, position: int) -> str:
    """What a person check's sealed values are bound to: it has no uuid of its own."""
    return f"{passage_uuid}/{position}"


def seal_pii(row: dict[str, Any], cipher: PiiCipher, row_id: uuid.UUID | str) -> None:
    """Turn a row's plain ``id_number`` and ``phone`` into the stored form (in place): sealed, keyed
    hash and mask filled, plain columns blank, ``pii_form`` 1."""
    for field in PII_FIELDS:
        value = row[field]
        row[f"{field}_sealed"] = cipher.seal(value, row_id, field)
        row[f"{field}_hmac"] = cipher.keyed_hash(field, value)
        row[f"{field}_masked"] = mask(field, value) if value else ""
        row[field] = ""
    row["pii_form"] = PII_SEALED_FORM


def open_pii(row: Row, cipher: PiiCipher, row_id: uuid.UUID | str) -> dict[str, Any]:
    """A copy of a stored row with its plain ``id_number`` and ``phone`` back; raises
    :class:`StorageError` (corrupt) when a sealed value does not open."""
    opened = dict(row)
    opened[PII_FIELDS[0]], opened[PII_FIELDS[1]] = opened_pii(row, cipher, row_id)
    return opened


def opened_pii(row: Row, cipher: PiiCipher, row_id: uuid.UUID | str) -> tuple[str, str]:
    """A stored row's plain ID number and phone; raises :class:`StorageError` (corrupt) when a sealed
    value does not open."""
    values = []
    for field in PII_FIELDS:
        sealed = row[f"{field}_sealed"]
        if not sealed:
            values.append(row[field])
            continue
        try:
            values.append(cipher.open(sealed, row_id, field))
        except PiiError as exc:
            raise StorageError(StorageErrorKind.CORRUPT, f"personal data that does not open: {exc}") from exc
    return values[0], values[1]


def masked_pii(row: Row) -> tuple[str, str]:
    """A stored row's ID number and phone in their masked forms (nothing is opened): for readers that
    show or count passages but never need the numbers themselves."""
    id_number = row["id_number_masked"] if row["id_number_sealed"] else row["id_number"]
    phone = row["phone_masked"] if row["phone_sealed"] else row["phone"]
    return id_number, phone


def legacy_pii_consistent(row: Row, cipher: PiiCipher) -> bool:
    """For a row in the plain-era form (opened), whether its keyed hashes and masks belong to its values:
    these columns came after its hash, so the chain alone cannot vouch for them."""
    for field in PII_FIELDS:
        value = row[field]
        expected = (cipher.keyed_hash(field, value), mask(field, value) if value else "")
        if (row[f"{field}_hmac"], row[f"{field}_masked"]) != expected:
            return False
    return True
