"""Importing and listing the residents registry at the station (the gate's look-up is
:mod:`checkpoint.station.resident_registry`).

:class:`ResidentService` reads a CSV or XLSX file into a :class:`ResidentsReport` (every row, and what an
import would do against the registry now) and stores it through the one writer; the registry is
re-planned inside the write transaction, so what is written is always consistent with what is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, Signal

from checkpoint.domain.residents import Household, Member, RegistryPlan, plan_import
from checkpoint.domain.residents_import import ResidentsFile, parse_residents
from checkpoint.station.background import BackgroundRead
from checkpoint.station.resident_registry import Build, Install, ResidentRegistry
from checkpoint.station.texts import enum_text
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError

_log = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024  # a compound's registry is a few MB; more is the wrong file


@dataclass(frozen=True)
class ResidentsReport:
    """A file read (every row) and what importing it would do to the registry as it is now."""

    file: ResidentsFile
    plan: RegistryPlan = field(default_factory=RegistryPlan)
    source: str = ""

    @property
    def ok(self) -> bool:
        return self.file.ok

    @property
    def importable(self) -> bool:
        """Something would be written (new or changed members or households)."""
        return self.file.ok and bool(self.plan.members or self.plan.households)


class ResidentsFileError(OSError):
    """The file cannot be read (missing, unreadable, too large); the message says which."""


def read_residents_file(path: Path, database: Database, *, today_at: datetime) -> ResidentsReport:
    """Reads and checks a registry file and plans it against the registry (Qt-free: the CLI uses it)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ResidentsFileError(f"{path.name}: {size // (1024 * 1024)} MB is too large for a registry")
        data = path.read_bytes()
    except ResidentsFileError:
        raise
    except OSError as error:
        raise ResidentsFileError(f"{path}: {error.strerror or error}") from error
    parsed = parse_residents(data, filename=path.name, today=today_at.astimezone().date(), source=path.name)
    if not parsed.ok:
        return ResidentsReport(parsed, source=path.name)
    households, members = database.residents.registry()
    return ResidentsReport(parsed, plan_import(parsed.rows, households, members, source=path.name), path.name)


class ResidentService(QObject):
    """Reads registry files, stores them through the writer and lists the registry for the screens.

    Signals:
        imported(object): the ``RegistryPlan`` written (a re-import of the same file writes nothing), once
            the gate's look-ups use the new registry.
        import_failed(str): a translated message; nothing was stored.
        listed(object, object): the current households and members (``load``), in the order written.
        list_failed(str): a translated message.
    """

    imported = Signal(object)
    import_failed = Signal(str)
    listed = Signal(object, object)
    list_failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter,
        registry: ResidentRegistry,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._registry = registry
        self._clock = clock or (lambda: datetime.now(UTC))
        self._reads = BackgroundRead("ResidentRegistry", self)
        if writer.database.reads_beside_writes:  # not an in-memory database: read it on a thread of its own
            registry.rebuild_with(self._rebuild)
            registry.refresh()  # read before the first scan asks, when it can be

    def _rebuild(self, build: Build, install: Install) -> None:
        """The registry read again on its own thread and swapped in here, on the GUI thread."""

        def failed(error: StorageError) -> None:
            _log.warning("residents registry not read: %s", error)
            install(None)

        if not self._reads.start(lambda _stop: build(), on_done=install, on_error=failed):
            install(build())  # the registry asks for one read at a time; should it not, read here

    @property
    def registry(self) -> ResidentRegistry:
        return self._registry

    @property
    def reads_beside_writes(self) -> bool:
        """Whether ``read`` may run on another thread (it reads the registry to plan the import)."""
        return self._writer.database.reads_beside_writes

    def read(self, path: Path) -> ResidentsReport:
        """The report for a CSV or XLSX file. Raises ``ResidentsFileError`` when it cannot be read and
        ``StorageError`` when the registry cannot be read to compare with. Qt-free: the import dialog
        runs it on a thread of its own."""
        return read_residents_file(path, self._writer.database, today_at=self._clock())

    def store(self, report: ResidentsReport, operator_id: UUID | None) -> bool:
        """Stores the report's valid rows; False when the file was not read or there is nothing to store."""
        if not report.importable:
            return False
        rows, source, at = list(report.file.rows), report.source, self._clock()
        self._writer.submit(
            lambda db: db.residents.store_import(rows, at, operator_id, source),
            on_done=self._on_stored,
            on_error=self._on_store_error,
        )
        return True

    def load(self) -> None:
        """Reads the registry on the writer's thread; ``listed`` brings it."""
        self._writer.submit(
            (lambda db: db.residents.registry()), on_done=self._on_loaded, on_error=self._on_load_error
        )

    def _on_stored(self, plan: RegistryPlan) -> None:
        _log.info(
            "residents import: %d member versions, %d households", len(plan.members), len(plan.households)
        )
        # told once the gate looks members up in the new registry (the person on screen is checked again)
        self._registry.refresh(then=lambda: self.imported.emit(plan))

    def _on_store_error(self, error: StorageError) -> None:
        self.import_failed.emit(
            QCoreApplication.translate("ResidentService", "The residents were NOT imported: {reason}").format(
                reason=enum_text(error.kind)
            )
        )

    def _on_loaded(self, result: tuple[list[Household], list[Member]]) -> None:
        households, members = result
        self.listed.emit(households, members)

    def _on_load_error(self, error: StorageError) -> None:
        self.list_failed.emit(
            QCoreApplication.translate(
                "ResidentService", "The residents registry cannot be read: {reason}"
            ).format(reason=enum_text(error.kind))
        )
