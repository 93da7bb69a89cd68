"""The cipher and the data key file: sealed values open only where they were sealed, keyed hashes find
the same number however it is typed, and the key file is private."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from checkpoint.domain.masking import matches_sealed
from checkpoint.storage.keys import (
    DataKeyMissingError,
    KeyExistsError,
    KeyFileError,
    KeyPermissionError,
    create_data_key,
    load_data_key,
)
from checkpoint.storage.pii import PiiCipher, PiiError, PiiKind

ROW = uuid.UUID("5d1f0b7e-2f7c-4c55-9a57-0000000000aa")


@pytest.fixture
def cipher() -> PiiCipher:
    return PiiCipher(bytes(range(32)))


def test_a_sealed_value_opens_in_its_row_and_field_only(cipher: PiiCipher) -> None:
    sealed = cipher.seal("44030119990101123X", ROW, "id_number")
    assert "44030119990101123X" not in sealed
    assert cipher.open(sealed, ROW, "id_number") == "44030119990101123X"
    assert cipher.open(sealed, str(ROW), "id_number") == "44030119990101123X"
    with pytest.raises(PiiError, match="does not open"):
        cipher.open(sealed, uuid.uuid4(), "id_number")
    with pytest.raises(PiiError, match="does not open"):
        cipher.open(sealed, ROW, "phone")
    with pytest.raises(PiiError, match="does not open"):
        PiiCipher(bytes(32)).open(sealed, ROW, "id_number")


def test_sealing_twice_gives_two_ciphertexts(cipher: PiiCipher) -> None:
    """A fresh nonce each time: equal values cannot be told apart by their ciphertexts."""
    assert cipher.seal("13912345678", ROW, "phone") != cipher.seal("13912345678", ROW, "phone")


@pytest.mark.parametrize("bad", ["v1:", "v1:!!!!", "v2:AAAA", "plain", "v1:" + "A" * 40])
def test_garbage_is_a_pii_error_not_a_crash(cipher: PiiCipher, bad: str) -> None:
    with pytest.raises(PiiError):
        cipher.open(bad, ROW, "id_number")


def test_empty_stays_empty(cipher: PiiCipher) -> None:
    assert cipher.seal("", ROW, "phone") == ""
    assert cipher.open("", ROW, "phone") == ""
    assert cipher.keyed_hash(PiiKind.PHONE, " - ") == ""


def test_keyed_hash_normalises_and_depends_on_the_key(cipher: PiiCipher) -> None:
    one = cipher.keyed_hash(PiiKind.ID_NUMBER, "44030119990101123X")
    assert one == cipher.keyed_hash("id_number", " 440301 19990101 123x ")
    assert len(one) == 32
    phone = cipher.keyed_hash(PiiKind.PHONE, "13912345678")
    assert phone == cipher.keyed_hash(PiiKind.PHONE, "139-1234 5678")
    assert cipher.keyed_hash(PiiKind.ID_NUMBER, "13912345678") != phone  # kinds never collide
    assert PiiCipher(bytes(32)).keyed_hash(PiiKind.ID_NUMBER, "44030119990101123X") != one
    assert cipher.key_id != PiiCipher(bytes(32)).key_id


def test_a_data_key_is_exactly_32_bytes() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        PiiCipher(b"short")


def test_the_free_text_rule_for_sealed_numbers() -> None:
    assert not matches_sealed("1234", "440301199901011234", "")  # fragments never: only whole numbers
    assert not matches_sealed("4403", "440301199901011234", "")
    assert not matches_sealed("19990101", "440301199901011234", "")  # the birth date is hidden
    assert matches_sealed("440301199901011234", "440301199901011234", "")
    assert matches_sealed("139 1234 5678", "", "13912345678")
    assert not matches_sealed("1391234", "", "13912345678")
    assert not matches_sealed("", "440301199901011234", "13912345678")


# --- the key file -----------------------------------------------------------------------------------------


@pytest.mark.expected_log  # making a new data key is a warning
def test_create_then_load_a_private_key(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    key = create_data_key(folder)
    assert len(key) == 32
    assert load_data_key(folder) == key
    assert (folder / "data.key").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    with pytest.raises(KeyExistsError):
        create_data_key(folder)
    assert create_data_key(folder, force=True) != key


@pytest.mark.expected_log  # making a new data key is a warning
def test_missing_open_or_malformed_keys_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    with pytest.raises(DataKeyMissingError):
        load_data_key(folder)
    create_data_key(folder)
    path = folder / "data.key"
    path.chmod(0o640)
    with pytest.raises(KeyPermissionError, match="chmod 600"):
        load_data_key(folder)
    path.chmod(0o600)
    folder.chmod(0o755)
    with pytest.raises(KeyPermissionError, match="chmod 700"):
        load_data_key(folder)
    folder.chmod(0o700)
    for text in (b"not base64 at all\n", b"AAAA\n"):
        path.write_bytes(text)
        with pytest.raises(KeyFileError, match="not a data key"):
            load_data_key(folder)
