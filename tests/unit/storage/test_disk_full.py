"""A database on a disk that is already full says "disk full", not "disk I/O error". The disk is a real
2 MB tmpfs, filled, in a private mount namespace (``unshare``): skipped where the kernel allows none."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checkpoint.storage.errors import StorageError, StorageErrorKind, on_full_disk

CHILD = textwrap.dedent(
    """
    import json, os, sys
    from datetime import UTC, datetime
    from checkpoint.domain.records import Role
    from checkpoint.storage.database import open_database
    from checkpoint.storage.errors import StorageError

    folder = sys.argv[1]
    url = f"sqlite:///{folder}/station.sqlite3"
    open_database(url).close()  # a station that worked yesterday
    fd = os.open(os.path.join(folder, "filler"), os.O_WRONLY | os.O_CREAT)
    try:
        while True:  # today something else filled the disk
            os.write(fd, bytes(65536))
    except OSError:
        pass
    os.close(fd)
    result = {}
    try:
        open_database(url).close()
        result["open"] = "opened"
    except StorageError as error:
        result["open"] = error.kind.value
        result["detail"] = error.detail
    print(json.dumps(result))
    """
)


def _in_a_full_tmpfs(tmp_path: Path) -> dict[str, str]:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare(1) to mount a private tmpfs")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        [
            unshare,
            "-rm",
            "sh",
            "-c",
            'mount -t tmpfs -o size=2m tmpfs "$0" || exit 77; exec "$1" -c "$2" "$0"',
            str(mount),
            sys.executable,
            CHILD,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode == 77 or "unshare failed" in done.stderr or "Operation not permitted" in done.stderr:
        pytest.skip(f"no private tmpfs here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
def test_opening_on_a_full_disk_says_disk_full(tmp_path: Path) -> None:
    result = _in_a_full_tmpfs(tmp_path)
    assert result["open"] == "disk_full", result  # the attack: it said "other: disk I/O error"
    assert "bytes free in" in result["detail"] and "disk I/O error" in result["detail"]


def test_only_an_io_error_on_a_folder_without_room_is_disk_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    io_error = StorageError(StorageErrorKind.OTHER, "OperationalError: disk I/O error")
    free = {"bytes": 0}
    monkeypatch.setattr(
        shutil, "disk_usage", lambda _folder: shutil._ntuple_diskusage(10**9, 10**9, free["bytes"])
    )
    assert on_full_disk(io_error, tmp_path).kind is StorageErrorKind.DISK_FULL
    free["bytes"] = 10**9  # room left: an I/O error is something else (a failing disk)
    assert on_full_disk(io_error, tmp_path) is io_error
    locked = StorageError(StorageErrorKind.LOCKED, "OperationalError: database is locked")
    free["bytes"] = 0
    assert on_full_disk(locked, tmp_path) is locked
    assert on_full_disk(io_error, None) is io_error  # not a file database
