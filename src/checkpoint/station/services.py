"""The small set of services the UI talks to, built once in ``app.py`` and passed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSettings

from checkpoint.station.audit_trail import AuditTrailService
from checkpoint.station.auth import AuthService
from checkpoint.station.devices import GateDevices
from checkpoint.station.exporting import ExportService
from checkpoint.station.log import LogService
from checkpoint.station.messages import MessageBus
from checkpoint.station.passage_detail import PassageDetailService
from checkpoint.station.passes import PassIssueService
from checkpoint.station.presence import Presence
from checkpoint.station.scan import ScanService
from checkpoint.station.session import StationSession
from checkpoint.station.shifts import ShiftService
from checkpoint.station.tracing import TracingService
from checkpoint.station.writer import RecordWriter


@dataclass(frozen=True, slots=True)
class StationServices:
    messages: MessageBus
    scan: ScanService
    session: StationSession
    log: LogService
    exports: ExportService
    writer: RecordWriter
    devices: GateDevices
    presence: Presence
    shifts: ShiftService
    tracing: TracingService
    audit: AuditTrailService
    passages: PassageDetailService  # one passage in full, and a leader's correction of it
    passes: PassIssueService  # issuing the deployment's own passes
    settings: QSettings
    db_url: str
    auth: AuthService  # who is signed in and with which rights
    clock: Callable[[], datetime]  # the station's time (aware): screens read "now" here, never the machine

    def start(self) -> None:
        """Starts the writer, the camera threads and the serial scanner (if one is configured)."""
        self.writer.start()
        self.presence.start()
        self.shifts.start()
        self.scan.start()
        self.devices.start()

    def shutdown(self) -> None:
        """Stops the camera threads and devices and lets the writer finish what it was given."""
        self.scan.stop()
        self.devices.stop()
        self.writer.stop()
        self.writer.database.close()
