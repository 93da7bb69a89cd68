"""Key files: the deployment's Ed25519 pass-signing key pair, its data key, and DCC trust stores from disk.

Layout, in ``checkpoint.paths.data_dir() / "keys"`` (folder mode 0700):

* ``deployment-ed25519.pem`` -- the private key (PKCS#8 PEM, mode 0600), only on the admin's PC that
  issues passes;
* ``deployment-ed25519.pub.pem`` -- its public key. Gates that only verify need just the public key
  files: every ``*.pub.pem`` in the folder is accepted (copy an old key's public file there to keep its
  passes valid after ``keygen --force``);
* ``data.key`` -- the deployment's **data key** (32 random bytes, base64, mode 0600): it seals ID numbers
  and phones at rest (``storage.pii``). Every station of the deployment needs the same file (tracing
  across stations compares keyed hashes made with it). Without it the personal data in the database
  cannot be read or searched: it must be in the backups, beside the database.

Permission policy (POSIX): a private key or data key file that group or others may read, or inside a
folder they may enter, is **refused** (:class:`KeyPermissionError`), as ssh does -- a copied-around
signing key would let anyone print passes, a data key read anyone's ID number. Fix
with ``chmod 600`` / ``chmod 700``.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from checkpoint import paths
from checkpoint.domain.credentials.passes import StationKeys
from checkpoint.domain.credentials.trust import TrustListError, TrustStore

PRIVATE_KEY_FILE = "deployment-ed25519.pem"
PUBLIC_KEY_FILE = "deployment-ed25519.pub.pem"
PUBLIC_SUFFIX = ".pub.pem"
TRUST_SUFFIXES = (".pem", ".crt", ".cer", ".der", ".json")
MAX_TRUST_FILES = 10_000  # a folder of one certificate per signer of every country is a few thousand
MAX_TRUST_FILE_BYTES = 16 * 1024 * 1024  # the whole EU gateway list is a few MB
MAX_PUBLIC_KEY_BYTES = 64 * 1024  # a PEM public key is a few hundred bytes
DATA_KEY_FILE = "data.key"
DATA_KEY_BYTES = 32

_log = logging.getLogger(__name__)


class KeyFileError(Exception):
    """A key file that is missing, unreadable or not a key (the message says which and what to do)."""


class KeyExistsError(KeyFileError):
    """``keygen`` without ``force`` when a deployment key already exists."""


class KeyPermissionError(KeyFileError):
    """A private key that group or others can read."""


class DataKeyMissingError(KeyFileError):
    """No data key file in the keys folder."""


def keys_dir() -> Path:
    return paths.data_dir() / "keys"


def _posix() -> bool:
    return sys.platform != "win32"


def create_deployment_key(folder: Path | None = None, *, force: bool = False) -> ed25519.Ed25519PrivateKey:
    """Make a new key pair and write it; refuses to replace an existing key unless ``force``."""
    folder = folder or keys_dir()
    private_path = folder / PRIVATE_KEY_FILE
    if private_path.exists() and not force:
        raise KeyExistsError(f"a deployment key already exists: {private_path} (use --force to replace it)")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if _posix():
            folder.chmod(0o700)
        key = ed25519.Ed25519PrivateKey.generate()
        private_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        public_pem = key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        _write_atomic(private_path, private_pem, 0o600)
        _write_atomic(folder / PUBLIC_KEY_FILE, public_pem, 0o644)
    except OSError as error:
        raise KeyFileError(f"cannot write the key in {folder}: {error.strerror or error}") from error
    return key


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, path)


def load_private_key(folder: Path | None = None) -> ed25519.Ed25519PrivateKey:
    """The deployment's signing key; refuses a missing, unreadable or too widely readable one."""
    folder = folder or keys_dir()
    path = folder / PRIVATE_KEY_FILE
    if not path.is_file():
        raise KeyFileError(f"no deployment key at {path}: make one with 'checkpoint passes keygen'")
    _check_private(path, folder)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise KeyFileError(f"cannot read {path}: {error.strerror or error}") from error
    except (ValueError, TypeError) as error:
        raise KeyFileError(f"{path} is not an unencrypted PEM private key") from error
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an Ed25519 key")
    return key


def _check_private(path: Path, folder: Path) -> None:
    """Refuses a secret file (or its folder) that group or others may read or enter."""
    if not _posix():
        return
    for item, allowed in ((path, 0o600), (folder, 0o700)):
        mode = stat.S_IMODE(item.stat().st_mode)
        if mode & 0o077:
            raise KeyPermissionError(
                f"{item} is open to other users (mode {mode:o}); run: chmod {allowed:o} {item}"
            )


def data_key_path(folder: Path | None = None) -> Path:
    return (folder or keys_dir()) / DATA_KEY_FILE


def create_data_key(folder: Path | None = None, force: bool = False) -> bytes:
    """Make a new data key (32 random bytes) and write it (mode 0600 in a 0700 folder); returns it.

    Refuses to replace an existing one unless ``force`` (:class:`KeyExistsError`): a replaced data key
    makes every ID number and phone sealed with the old one unreadable. The first-run wizard calls this.
    """
    folder = folder or keys_dir()
    path = data_key_path(folder)
    if path.exists() and not force:
        raise KeyExistsError(f"a data key already exists: {path}")
    key = secrets.token_bytes(DATA_KEY_BYTES)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if _posix():
            folder.chmod(0o700)
        _write_atomic(path, base64.b64encode(key) + b"\n", 0o600)
    except OSError as error:
        raise KeyFileError(f"cannot write the data key in {folder}: {error.strerror or error}") from error
    _log.warning("created a new data key for personal data at %s: back it up with the database", path)
    return key


def load_data_key(folder: Path | None = None) -> bytes:
    """The deployment's data key; refuses a missing (:class:`DataKeyMissingError`), unreadable, malformed
    or too widely readable (:class:`KeyPermissionError`) one."""
    folder = folder or keys_dir()
    path = data_key_path(folder)
    if not path.is_file():
        raise DataKeyMissingError(f"no data key at {path}")
    _check_private(path, folder)
    try:
        text = path.read_bytes()
    except OSError as error:
        raise KeyFileError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise KeyFileError(f"{path} is not a data key (base64 of {DATA_KEY_BYTES} bytes)") from error
    if len(key) != DATA_KEY_BYTES:
        raise KeyFileError(f"{path} is not a data key ({len(key)} bytes, not {DATA_KEY_BYTES})")
    return key


def load_station_keys(folder: Path | None = None) -> StationKeys:
    """Every public key (``*.pub.pem``) in the keys folder; empty when there is none."""
    folder = folder or keys_dir()
    keys: list[ed25519.Ed25519PublicKey] = []
    if not folder.is_dir():
        return StationKeys.of(keys)
    for path in sorted(folder.glob("*" + PUBLIC_SUFFIX)):
        try:
            if path.stat().st_size > MAX_PUBLIC_KEY_BYTES:
                raise KeyFileError(f"{path} is not a PEM public key (over {MAX_PUBLIC_KEY_BYTES} bytes)")
            key = serialization.load_pem_public_key(path.read_bytes())
        except OSError as error:
            raise KeyFileError(f"cannot read {path}: {error.strerror or error}") from error
        except ValueError as error:
            raise KeyFileError(f"{path} is not a PEM public key") from error
        if not isinstance(key, ed25519.Ed25519PublicKey):
            raise KeyFileError(f"{path} is not an Ed25519 public key")
        keys.append(key)
    return StationKeys.of(keys)


def load_trust_store(sources: Iterable[Path], skipped: list[TrustListError] | None = None) -> TrustStore:
    """A trust store from certificate files (PEM/DER), trust-list JSON files, or folders of them.

    A file that cannot be read (too large, nested too deep, not a certificate...) raises
    :class:`TrustListError`; with ``skipped`` it is left out instead and its error appended there, so the
    station starts with every other file. A folder holds at most :data:`MAX_TRUST_FILES` files.
    """
    store = TrustStore()
    for source in sources:
        if source.is_dir():
            files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in TRUST_SUFFIXES)
            if not files:
                raise TrustListError(f"{source}: no certificate or trust-list files")
            if len(files) > MAX_TRUST_FILES:
                raise TrustListError(f"{source}: {len(files)} files, more than {MAX_TRUST_FILES}")
        elif source.is_file():
            files = [source]
        else:
            raise TrustListError(f"{source}: no such file or folder")
        for path in files:
            try:
                _add_trust_file(store, path)
            except TrustListError as error:
                if skipped is None:
                    raise
                skipped.append(error)
    return store


def _add_trust_file(store: TrustStore, path: Path) -> None:
    try:
        size = path.stat().st_size
        if size > MAX_TRUST_FILE_BYTES:
            raise TrustListError(f"{path}: refused: {size} bytes, larger than {MAX_TRUST_FILE_BYTES}")
        data = path.read_bytes()
    except OSError as error:
        raise TrustListError(f"{path}: cannot read: {error.strerror or error}") from error
    try:
        if data.lstrip()[:1] in (b"[", b"{"):
            store.add_trust_list(data.decode("utf-8-sig"))
        else:
            store.add_certificate_bytes(data)
    except (TrustListError, UnicodeDecodeError) as error:
        raise TrustListError(f"{path}: {error}") from error
