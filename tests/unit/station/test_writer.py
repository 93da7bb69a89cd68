"""What the writer's failures look like to the UI: the reason in words, never a storage error."""

from __future__ import annotations

from checkpoint.station.texts import storage_error_text
from checkpoint.station.writer import in_words
from checkpoint.storage.errors import StorageError, StorageErrorKind


def test_a_ui_callback_gets_the_failure_in_words(qapp: object) -> None:
    said: list[str] = []
    in_words(said.append)(StorageError(StorageErrorKind.DISK_FULL, "database or disk is full"))
    assert said == ["The disk is full. Free some space."]


def test_a_storage_error_raised_to_the_ui_is_worded_and_any_other_is_not(qapp: object) -> None:
    assert storage_error_text(StorageError(StorageErrorKind.READ_ONLY, "attempt to write")) == (
        "The database file is read-only."
    )
    assert storage_error_text(OSError("no such file")) is None
