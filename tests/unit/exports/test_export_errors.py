"""A failed export leaves nothing behind and says why, in a kind the UI can word."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

import pytest

from checkpoint.domain.handover import HandoverReport
from checkpoint.exports import ExportError, ExportErrorKind, write_handover_csv, write_handover_xlsx
from checkpoint.exports.atomic import atomic_write
from checkpoint.exports.errors import classify_os_error
from tests.unit.exports.exports_fixtures import ZH_LABELS

WRITERS = [write_handover_xlsx, write_handover_csv]


def write(handle: BinaryIO, data: bytes) -> None:
    handle.write(data)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_missing_folder_is_folder_missing(report: HandoverReport, tmp_path: Path, writer: object) -> None:
    target = tmp_path / "no such folder" / "handover.out"
    with pytest.raises(ExportError) as caught:
        writer(report, target, ZH_LABELS)  # type: ignore[operator]
    assert caught.value.kind is ExportErrorKind.FOLDER_MISSING
    assert caught.value.path == target
    assert not target.parent.exists()


@pytest.mark.parametrize("writer", WRITERS)
def test_a_parent_that_is_a_file_is_folder_missing(
    report: HandoverReport, tmp_path: Path, writer: object
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    with pytest.raises(ExportError) as caught:
        writer(report, not_a_folder / "handover.out", ZH_LABELS)  # type: ignore[operator]
    assert caught.value.kind is ExportErrorKind.FOLDER_MISSING
    assert not_a_folder.read_text() == "x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
@pytest.mark.parametrize("writer", WRITERS)
def test_a_read_only_folder_is_permission_denied(
    report: HandoverReport, tmp_path: Path, writer: object
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError) as caught:
            writer(report, folder / "handover.out", ZH_LABELS)  # type: ignore[operator]
        assert caught.value.kind is ExportErrorKind.PERMISSION_DENIED
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_full_disk_keeps_the_previous_file_and_leaves_no_temp(
    report: HandoverReport, tmp_path: Path, writer: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handover.out"
    target.write_bytes(b"yesterday's export")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)  # the disk fills up while the file is flushed
    with pytest.raises(ExportError) as caught:
        writer(report, target, ZH_LABELS)  # type: ignore[operator]
    assert caught.value.kind is ExportErrorKind.DISK_FULL
    assert target.read_bytes() == b"yesterday's export"
    assert [p.name for p in tmp_path.iterdir()] == ["handover.out"]


def test_a_bug_in_the_writer_propagates_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"

    def broken(handle: object) -> None:
        handle.write(b"half a file")  # type: ignore[attr-defined]
        raise KeyError("missing label")

    with pytest.raises(KeyError):
        atomic_write(target, broken)
    assert list(tmp_path.iterdir()) == []


def test_a_target_that_is_a_folder_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(ExportError) as caught:
        atomic_write(tmp_path / "out", lambda handle: write(handle, b"data"))
    assert caught.value.kind is ExportErrorKind.OTHER
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_successful_write_replaces_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    target.write_bytes(b"old")
    atomic_write(target, lambda handle: write(handle, b"new content"))
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["x.bin"]


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (FileNotFoundError(errno.ENOENT, "x"), ExportErrorKind.FOLDER_MISSING),
        (NotADirectoryError(errno.ENOTDIR, "x"), ExportErrorKind.FOLDER_MISSING),
        (PermissionError(errno.EACCES, "x"), ExportErrorKind.PERMISSION_DENIED),
        (OSError(errno.EROFS, "read-only file system"), ExportErrorKind.PERMISSION_DENIED),
        (OSError(errno.ENOSPC, "x"), ExportErrorKind.DISK_FULL),
        (OSError(errno.EDQUOT, "quota"), ExportErrorKind.DISK_FULL),
        (OSError(errno.EIO, "i/o"), ExportErrorKind.OTHER),
        (PermissionError("no errno"), ExportErrorKind.PERMISSION_DENIED),
    ],
)
def test_os_errors_are_classified_by_what_the_user_can_do(error: OSError, kind: ExportErrorKind) -> None:
    assert classify_os_error(error) is kind
