"""Gate profiles as files: the shipped ones, the shift leader's edited copies, and every earlier version.

Shipped profiles live in ``resources/profiles/<name>.toml`` and are never written. An edited profile is
``config_dir()/profiles/<name>.toml``; saving one validates it first (an invalid profile is refused with
every problem), bumps its version, keeps the version it replaces as ``<name>.v<version>.toml`` (so a
record's ``rules_version`` can always be looked up), writes atomically, audits ``RULES_CHANGED`` through
the one writer and emits ``profile_changed``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import tomlkit
from PySide6.QtCore import QObject, Signal

from checkpoint import paths
from checkpoint.domain.records import AuditAction
from checkpoint.domain.rules import (
    MAX_PROFILE_CHARS,
    ProblemCode,
    Profile,
    ProfileError,
    ProfileProblem,
    next_version,
    parse_profile,
    version_key,
)
from checkpoint.station.texts import enum_text
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.errors import StorageError

_log = logging.getLogger(__name__)

SUFFIX = ".toml"
_CURRENT = re.compile(r"([a-z0-9][a-z0-9_-]{0,63})\.toml\Z")
_KEPT = re.compile(r"([a-z0-9][a-z0-9_-]{0,63})\.v([0-9][0-9.]*)\.toml\Z")


class ProfileNotFoundError(LookupError):
    """No shipped or edited profile has this name (or no kept file has this version)."""


class ProfileStoreError(OSError):
    """An edited profile could not be written (disk full, read-only folder...)."""


def _read(path: Path) -> str:
    """A profile file's text, read no further than a valid profile can reach: an oversized file gives
    more than ``MAX_PROFILE_CHARS`` characters, which ``parse_profile`` refuses as too large."""
    with path.open("rb") as handle:
        data = handle.read(MAX_PROFILE_CHARS * 4 + 1)  # UTF-8 takes at most 4 bytes a character
    if len(data) > MAX_PROFILE_CHARS * 4:
        return data.decode("utf-8", errors="replace")
    return data.decode("utf-8")


def shipped_profiles_dir() -> Path:
    return paths.resources_dir() / "profiles"


def edited_profiles_dir() -> Path:
    return paths.config_dir() / "profiles"


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _with_version(text: str, version: str) -> str:
    """The text with ``[profile] version`` replaced, comments and layout kept (tomlkit)."""
    document = tomlkit.parse(text)
    section = document["profile"]
    assert isinstance(section, dict)  # tomlkit tables are dicts; the text was validated before
    old = section.get("version")
    section["version"] = int(version) if isinstance(old, int) and version.isdigit() else version
    return tomlkit.dumps(document)


class ProfileStore(QObject):
    """Loads, validates and saves gate profiles; keeps every earlier version readable.

    Signals:
        profile_changed(str): a profile was saved (its name); sessions using it reload it.
        audit_failed(str): the RULES_CHANGED audit entry could not be written (storage error text).
    """

    profile_changed = Signal(str)
    audit_failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter | None = None,
        *,
        shipped_dir: Path | None = None,
        edited_dir: Path | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._shipped = shipped_dir or shipped_profiles_dir()
        self._edited = edited_dir or edited_profiles_dir()
        self._clock = clock or (lambda: datetime.now(UTC))

    @property
    def edited_dir(self) -> Path:
        return self._edited

    # -- reading -----------------------------------------------------------------------------------------

    @staticmethod
    def _names(folder: Path) -> set[str]:
        if not folder.is_dir():
            return set()
        return {m.group(1) for p in folder.iterdir() if (m := _CURRENT.match(p.name))}

    def available(self) -> list[str]:
        """Every profile name, shipped or edited, sorted."""
        return sorted(self._names(self._shipped) | self._names(self._edited))

    def is_edited(self, name: str) -> bool:
        return (self._edited / f"{name}{SUFFIX}").is_file()

    def shipped_text(self, name: str) -> str:
        path = self._shipped / f"{name}{SUFFIX}"
        if not _CURRENT.match(path.name) or not path.is_file():
            raise ProfileNotFoundError(name)
        return _read(path)

    def text(self, name: str) -> str:
        """The profile's current text: the edited copy when there is one, else the shipped file."""
        path = self._edited / f"{name}{SUFFIX}"
        if _CURRENT.match(path.name) and path.is_file():
            return _read(path)
        return self.shipped_text(name)

    def validate(self, name: str, text: str) -> Profile:
        """The profile ``text`` describes, if it is valid and is called ``name``; else ``ProfileError``."""
        profile = parse_profile(text)
        if profile.name != name:
            raise ProfileError(
                [ProfileProblem(ProblemCode.NAME_MISMATCH, "profile.name", f'"{profile.name}"')]
            )
        return profile

    def load(self, name: str) -> Profile:
        """The profile in force. Raises ``ProfileNotFoundError`` or ``ProfileError``."""
        return self.validate(name, self.text(name))

    def load_shipped(self, name: str) -> Profile:
        return self.validate(name, self.shipped_text(name))

    def versions(self, name: str) -> list[str]:
        """Every version that can still be read, oldest first (kept files, the shipped one, the current)."""
        found: set[str] = set()
        if self._edited.is_dir():
            found |= {
                m.group(2) for p in self._edited.iterdir() if (m := _KEPT.match(p.name)) and m[1] == name
            }
        for loader in (self.load_shipped, self.load):
            with contextlib.suppress(ProfileNotFoundError, ProfileError):
                found.add(loader(name).version)
        return sorted(found, key=version_key)

    def load_version(self, name: str, version: str) -> Profile:
        """An earlier (or the current) version, e.g. to explain a record's ``rules_version``."""
        for loader in (self.load, self.load_shipped):
            with contextlib.suppress(ProfileNotFoundError, ProfileError):
                profile = loader(name)
                if profile.version == version:
                    return profile
        path = self._edited / f"{name}.v{version}{SUFFIX}"
        if not _KEPT.match(path.name) or not path.is_file():
            raise ProfileNotFoundError(f"{name}/{version}")
        return self.validate(name, _read(path))

    # -- saving ------------------------------------------------------------------------------------------

    def save(self, name: str, text: str, operator_id: UUID | None = None) -> Profile:
        """Validates ``text``, gives it the next version, keeps the old one, writes, audits.

        Raises ``ProfileError`` (nothing written) when the text is invalid, ``ProfileStoreError`` when the
        file cannot be written. Returns the profile as saved.
        """
        if self._writer is None:
            raise RuntimeError("this profile store is read-only (no writer for the audit trail)")
        proposed = self.validate(name, text)
        try:
            old_text = self.text(name)
            current: Profile | None = self.validate(name, old_text)
        except ProfileNotFoundError:
            old_text, current = "", None
        except ProfileError:  # the edited file was broken by hand: keep it, count on from the shipped one
            current = None
            with contextlib.suppress(ProfileNotFoundError, ProfileError):
                current = self.load_shipped(name)
        new_version = next_version(current.version) if current else proposed.version
        if version_key(proposed.version) > version_key(new_version):
            new_version = proposed.version  # the leader chose a higher version: keep it
        new_text = _with_version(text, new_version)
        saved = self.validate(name, new_text)
        try:
            if current is not None and old_text:
                kept = self._edited / f"{name}.v{current.version}{SUFFIX}"
                if not kept.exists():
                    _write_atomically(kept, old_text)
            _write_atomically(self._edited / f"{name}{SUFFIX}", new_text)
        except OSError as error:
            raise ProfileStoreError(error.errno, f"cannot save profile {name}: {error.strerror}") from error
        old_version = current.version if current else "-"
        detail = f"profile {name}: version {old_version} -> {saved.version} ({saved.rules_version})"
        at = self._clock()
        self._writer.submit(
            lambda db: db.audit.append_audit(AuditAction.RULES_CHANGED, detail, at, operator_id),
            on_error=self._on_audit_error,
        )
        _log.info("rules changed: %s", detail)
        self.profile_changed.emit(name)
        return saved

    def _on_audit_error(self, error: StorageError) -> None:
        _log.error("rules change not audited: %s", error)
        self.audit_failed.emit(enum_text(error.kind))
