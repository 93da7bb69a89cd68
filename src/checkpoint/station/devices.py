"""The gate's devices around the screen: sounds and spoken prompts, the barrier relay, scanners.

``GateDevices`` connects them to the station: a recorded passage is announced (tone, then the spoken
phrase when voice is on) and, for a PASS, opens the barrier when a relay is configured; a new alarm plays
the alarm tone; codes from a serial scanner or a keyboard-wedge scanner go to the same debounced path as
the camera's. A relay or scanner that fails is reported to the operator and, for the relay, recorded in
the audit trail; none of them ever blocks scanning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Slot

from checkpoint.camera.grabber import CameraStatus
from checkpoint.domain.codes import Backend
from checkpoint.domain.records import AuditAction, Outcome, Passage
from checkpoint.station.device_settings import (
    CAMERA_KEY,
    VOICE_LANGUAGE_KEY,
    DeviceSettings,
    apply_camera_controls,
    audit_detail,
)
from checkpoint.station.feedback import FeedbackKind, FeedbackPlayer
from checkpoint.station.messages import MessageBus
from checkpoint.station.relay import GateRelay, RelayConfig, RelayConfigError, RelayError
from checkpoint.station.scan import ScanService
from checkpoint.station.serial_scanner import (
    BAUD_KEY,
    PORT_KEY,
    SerialConfig,
    SerialConfigError,
    SerialScanner,
    SerialStatus,
)
from checkpoint.station.session import StationSession
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database

_log = logging.getLogger(__name__)


def relay_error_text(kind: RelayError) -> str:
    texts = {
        RelayError.TIMEOUT: QCoreApplication.translate(
            "GateDevices", "the barrier controller did not answer in time"
        ),
        RelayError.REFUSED: QCoreApplication.translate(
            "GateDevices", "the barrier controller refused the connection"
        ),
        RelayError.UNREACHABLE: QCoreApplication.translate(
            "GateDevices", "the barrier controller cannot be reached"
        ),
        RelayError.HTTP_STATUS: QCoreApplication.translate(
            "GateDevices", "the barrier controller answered with an error"
        ),
        RelayError.PORT_MISSING: QCoreApplication.translate(
            "GateDevices", "the barrier's serial port is missing"
        ),
        RelayError.PORT_ERROR: QCoreApplication.translate("GateDevices", "the barrier's serial port failed"),
        RelayError.BAD_REPLY: QCoreApplication.translate(
            "GateDevices", "the barrier controller gave an unexpected reply"
        ),
    }
    return texts.get(kind, str(kind))


def serial_status_text(status: SerialStatus) -> str:
    texts = {
        SerialStatus.OPEN: QCoreApplication.translate("GateDevices", "Serial scanner connected"),
        SerialStatus.LOST: QCoreApplication.translate("GateDevices", "Serial scanner lost"),
        SerialStatus.RECONNECTING: QCoreApplication.translate(
            "GateDevices", "Serial scanner lost, reconnecting"
        ),
        SerialStatus.FAILED: QCoreApplication.translate("GateDevices", "Serial scanner cannot be used"),
        SerialStatus.STOPPED: QCoreApplication.translate("GateDevices", "Serial scanner stopped"),
    }
    return texts.get(status, str(status))


class GateDevices(QObject):
    """Feedback, relay and serial scanner, wired to the session; built and owned by the composition root."""

    def __init__(
        self,
        settings: QSettings,
        session: StationSession,
        scan: ScanService,
        writer: RecordWriter,
        messages: MessageBus,
        *,
        language: Callable[[], str],
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._session = session
        self._scan = scan
        self._writer = writer
        self._messages = messages
        self._language = language
        self._clock = clock or (lambda: datetime.now(UTC))
        self._alarms_open = 0
        self.feedback = FeedbackPlayer(settings, parent=self)
        self.relay = GateRelay(self._relay_config(settings), parent=self)
        self.serial = self._serial_scanner(settings)
        session.passage_recorded.connect(self._on_session_passage_recorded)
        session.draft_changed.connect(self._on_session_draft_changed)
        self.relay.failed.connect(self._on_relay_failed)
        scan.camera_status_changed.connect(self._on_scan_camera_status_changed)
        self._started = False

    def start(self) -> None:
        self._started = True
        if self.serial is not None:
            self.serial.start()

    def settings(self) -> DeviceSettings:
        """The device settings as the settings file holds them now."""
        return DeviceSettings.from_settings(self._settings, self._scan.camera_spec)

    def save_settings(self, new: DeviceSettings) -> list[str]:
        """Saves ``new`` (checked: no ``problems``), applies it to the running station and records the
        change in the audit trail as SETTINGS_CHANGED. Returns the keys that changed (none: nothing done)."""
        before = self.settings()
        changed = new.save(self._settings, before)
        if not changed:
            return changed
        self._apply(new, changed)
        detail = audit_detail(new, changed)
        at = self._clock()
        operator_id = self._session.operator.id

        def audit(database: Database) -> object:
            return database.audit.append_audit(AuditAction.SETTINGS_CHANGED, detail, at, operator_id)

        def not_audited(error: Exception) -> None:
            _log.error("device settings change not audited: %s", error)
            self._messages.error(
                QCoreApplication.translate(
                    "GateDevices", "The device settings were saved but NOT audited: {reason}"
                ).format(reason=str(error))
            )

        self._writer.submit(audit, on_error=not_audited)
        return changed

    def _apply(self, new: DeviceSettings, changed: list[str]) -> None:
        """The running station follows the new settings at once: nothing waits for a restart."""
        self._scan.debouncer.set_window_s(new.duplicate_window_s)
        if CAMERA_KEY in changed and new.camera_spec != self._scan.camera_spec:
            self._scan.switch_camera(new.camera_spec)
        else:
            apply_camera_controls(self._scan.camera_controls(), new.exposure, new.focus)
        if PORT_KEY in changed or BAUD_KEY in changed:
            if self.serial is not None:
                self.serial.stop()
                self.serial.deleteLater()
            self.serial = self._serial_scanner(self._settings)
            if self.serial is not None and self._started:
                self.serial.start()
        self.relay.set_config(new.relay.config())

    def stop(self) -> None:
        if self.serial is not None:
            self.serial.stop()
        self.relay.stop()
        self.feedback.stop()

    @Slot(str)
    def submit_scanned(self, text: str) -> None:
        """A code a keyboard-wedge scanner typed (recognised by its typing speed)."""
        self._scan.submit_text(text, Backend.KEYBOARD)

    @Slot(str)
    def report_partial(self, text: str) -> None:
        """Half a payload from a scanner: nothing is recorded; the operator scans again."""
        _log.info("partial scan discarded: %d characters", len(text))
        self._messages.warning(
            QCoreApplication.translate("GateDevices", "The scanner sent only part of a code. Scan it again.")
        )

    def _relay_config(self, settings: QSettings) -> RelayConfig:
        try:
            return RelayConfig.from_settings(settings)
        except RelayConfigError as error:
            self._messages.error(
                QCoreApplication.translate(
                    "GateDevices", "The barrier relay is switched off: {detail}"
                ).format(detail=str(error))
            )
            return RelayConfig()

    def _serial_scanner(self, settings: QSettings) -> SerialScanner | None:
        try:
            config = SerialConfig.from_settings(settings)
        except SerialConfigError as error:
            self._messages.error(
                QCoreApplication.translate("GateDevices", "The serial scanner is not used: {detail}").format(
                    detail=str(error)
                )
            )
            return None
        if config is None:
            return None
        scanner = SerialScanner(config, parent=self)
        scanner.scanned.connect(lambda text: self._scan.submit_text(text, Backend.SERIAL))
        scanner.partial.connect(self.report_partial)
        scanner.status_changed.connect(self._on_serial_status_changed)
        return scanner

    @Slot(object)
    def _on_session_passage_recorded(self, passage: Passage) -> None:
        language = str(self._settings.value(VOICE_LANGUAGE_KEY, "") or "") or self._language()
        self.feedback.announce(passage.outcome, language)
        if passage.outcome is Outcome.PASS:
            self.relay.open_gate(str(passage.uuid))

    @Slot()
    def _on_session_draft_changed(self) -> None:
        count = len(self._session.draft.open_alarms)
        if count > self._alarms_open:
            self.feedback.play(FeedbackKind.ALARM)
        self._alarms_open = count

    @Slot(object, str)
    def _on_scan_camera_status_changed(self, status: CameraStatus, _detail: str) -> None:
        if status is CameraStatus.LIVE:  # a camera (re)opened: it gets the exposure and focus set for it
            current = self.settings()
            apply_camera_controls(self._scan.camera_controls(), current.exposure, current.focus)

    @Slot(str, object, str)
    def _on_relay_failed(self, passage_uuid: str, kind: RelayError, detail: str) -> None:
        reason = relay_error_text(kind)
        self._messages.error(
            QCoreApplication.translate(
                "GateDevices", "The barrier did NOT open: {reason}. Open it by hand; the passage is recorded."
            ).format(reason=reason)
        )
        at = self._clock()
        operator_id = self._session.operator.id

        def audit(database: Database) -> object:
            return database.audit.append_audit(
                AuditAction.RELAY_FAILED, f"passage {passage_uuid}: {kind.value}: {detail}", at, operator_id
            )

        self._writer.submit(audit, on_error=lambda error: _log.error("relay failure not audited: %s", error))

    @Slot(object, str)
    def _on_serial_status_changed(self, status: SerialStatus, detail: str) -> None:
        _log.info("serial scanner %s: %s", status, detail)
        text = serial_status_text(status)
        if status in (SerialStatus.LOST, SerialStatus.RECONNECTING, SerialStatus.FAILED):
            self._messages.warning(text)
        elif status is SerialStatus.OPEN:
            self._messages.info(text)
