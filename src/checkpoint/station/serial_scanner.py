"""Serial (RS-232 / USB-CDC / virtual COM) scanners, read by pyserial in a thread of their own.

A scanner in serial mode sends each payload as one line ended by CR, LF or CR LF. ``SerialScanner`` reads
the port in a worker thread, decodes each line (UTF-8, else GB18030, which covers the GBK output many
scanners sold in China default to), and hands payloads to the GUI thread by signal. A line that stops
without its terminator for ``partial_timeout_s`` is half a payload and is reported as such.

A port that disappears (cable pulled, USB adapter re-enumerated) is reported as LOST and reopened by itself,
first after ``first_retry_s`` and then at growing intervals up to ``max_retry_s``; a port that is missing at
start is waited for the same way. Settings that can never work (no port, a baud rate the driver refuses)
are FAILED and not retried. ``stop()`` returns within a read time-out (50 ms), not a retry interval.

Settings (``SerialConfig.from_settings``): ``scanner/serial_port`` (e.g. ``/dev/ttyACM0``, ``COM3``; empty:
no serial scanner), ``scanner/serial_baud`` (default 9600).
"""

from __future__ import annotations

import enum
import logging
import re
import threading
import time
from dataclasses import dataclass

import serial
from PySide6.QtCore import QObject, QSettings, Signal

from checkpoint.domain.codes import MAX_CODE_CHARS

_log = logging.getLogger(__name__)

PORT_KEY = "scanner/serial_port"
BAUD_KEY = "scanner/serial_baud"
DEFAULT_BAUD = 9600

_READ_TIMEOUT_S = 0.05


class SerialStatus(enum.StrEnum):
    OPEN = "open"  # reading
    LOST = "lost"  # was open, then failed (unplugged): a reconnect follows
    RECONNECTING = "reconnecting"  # cannot open it now; trying again later (the detail says when)
    FAILED = "failed"  # these settings cannot work; not retried
    STOPPED = "stopped"  # stop() was called


class SerialConfigError(ValueError):
    """Serial scanner settings that can never work."""


@dataclass(frozen=True, slots=True)
class SerialConfig:
    port: str
    baud: int = DEFAULT_BAUD
    partial_timeout_s: float = 0.5
    first_retry_s: float = 0.5
    max_retry_s: float = 5.0

    def __post_init__(self) -> None:
        if not self.port.strip():
            raise SerialConfigError("no serial port given")
        if self.baud <= 0:
            raise SerialConfigError(f"baud rate must be positive, not {self.baud}")
        if self.partial_timeout_s <= 0 or self.first_retry_s <= 0 or self.max_retry_s < self.first_retry_s:
            raise SerialConfigError("serial time-outs must be positive and the longest retry the longest")

    @classmethod
    def from_settings(cls, settings: QSettings) -> SerialConfig | None:
        """None when no port is configured; ``SerialConfigError`` for a baud rate that is not a number."""
        port = str(settings.value(PORT_KEY, "") or "").strip()
        if not port:
            return None
        raw = settings.value(BAUD_KEY, DEFAULT_BAUD)
        try:
            baud = int(str(raw))
        except ValueError:
            raise SerialConfigError(f"baud rate is not a number: {raw!r}") from None
        return cls(port=port, baud=baud)


MAX_LINE_BYTES = 4 * MAX_CODE_CHARS  # a code's text in UTF-8 at most
_LINE_END = re.compile(rb"[\r\n]")


def decode_payload(data: bytes) -> str:
    """UTF-8, else GB18030, else UTF-8 with replacement marks; NULs and outer whitespace removed."""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", errors="replace")
    return text.replace("\x00", "").strip()


class LineSplitter:
    """Bytes in, complete lines out; CR, LF and CR LF all end a line, empty lines are dropped.

    A line longer than :data:`MAX_LINE_BYTES` is no code (no code is that long): it is dropped whole, up
    to its line end, and never held in memory; each byte is looked at once however the line arrives.
    """

    def __init__(self) -> None:
        self._pending = bytearray()
        self._dropping = False  # inside a line that grew too long: skip to its end

    def feed(self, data: bytes) -> list[bytes]:
        lines: list[bytes] = []
        parts = _LINE_END.split(data)
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            if not self._dropping:
                self._pending += part
            if len(self._pending) > MAX_LINE_BYTES:
                self._pending.clear()
                self._dropping = True
            if last:
                break
            if self._pending:  # a line end: the line is complete
                lines.append(bytes(self._pending))
                self._pending.clear()
            self._dropping = False
        return lines

    def take_pending(self) -> bytes:
        pending = bytes(self._pending)
        self._pending.clear()
        return pending

    @property
    def pending(self) -> bool:
        return bool(self._pending)


class SerialScanner(QObject):
    """Reads payloads from a serial scanner in a worker thread; reconnects by itself.

    Signals (emitted from the worker thread; connected slots in the GUI thread run queued):
        scanned(str): one payload (one line).
        partial(str): bytes that stopped without a line end: half a payload.
        status_changed(object, str): a ``SerialStatus`` and a detail for the log or a tooltip (the error,
            the next retry).
    """

    scanned = Signal(str)
    partial = Signal(str)
    status_changed = Signal(object, str)

    def __init__(self, config: SerialConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status: SerialStatus | None = None

    @property
    def config(self) -> SerialConfig:
        return self._config

    @property
    def status(self) -> SerialStatus | None:
        return self._status

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.is_running():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"serial-scanner {self._config.port}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        """Closes the port and joins the worker (promptly: it wakes up every 50 ms)."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        thread.join(timeout_s)
        if thread.is_alive():
            _log.error("serial scanner thread on %s did not stop", self._config.port)
        self._thread = None

    # -- the worker thread ----------------------------------------------------------------------------

    def _set_status(self, status: SerialStatus, detail: str) -> None:
        self._status = status
        _log.info("serial scanner %s: %s %s", self._config.port, status.value, detail)
        self.status_changed.emit(status, detail)

    def _run(self) -> None:
        try:
            self._run_until_stopped()
        except Exception as error:  # our bug or a driver's: reported, never a silently dead scanner
            _log.exception("serial scanner on %s crashed", self._config.port)
            self._set_status(SerialStatus.FAILED, f"{type(error).__name__}: {error}")

    def _run_until_stopped(self) -> None:
        delay = self._config.first_retry_s
        while not self._stop.is_set():
            try:
                port = serial.Serial(self._config.port, self._config.baud, timeout=_READ_TIMEOUT_S)
            except (ValueError, OverflowError) as error:  # a baud rate or setting the driver refuses
                self._set_status(SerialStatus.FAILED, f"{type(error).__name__}: {error}")
                return
            except (serial.SerialException, OSError) as error:
                self._set_status(SerialStatus.RECONNECTING, f"{error}; next try in {delay:.1f} s")
                if self._stop.wait(delay):
                    break
                delay = min(delay * 2, self._config.max_retry_s)
                continue
            delay = self._config.first_retry_s
            self._set_status(SerialStatus.OPEN, f"{self._config.port} at {self._config.baud} baud")
            try:
                lost = self._read(port)
            finally:
                try:
                    port.close()
                except (serial.SerialException, OSError) as error:
                    _log.debug("closing %s: %s", self._config.port, error)
            if lost is not None:
                self._set_status(SerialStatus.LOST, lost)
        self._set_status(SerialStatus.STOPPED, "")

    def _read(self, port: serial.Serial) -> str | None:
        """Reads until stopped (None) or the port fails (the error, as text)."""
        splitter = LineSplitter()
        last_byte_at = time.monotonic()
        while not self._stop.is_set():
            try:
                data = port.read(port.in_waiting or 1)
            except (serial.SerialException, OSError) as error:
                if splitter.pending:
                    self.partial.emit(decode_payload(splitter.take_pending()))
                return str(error)
            now = time.monotonic()
            if data:
                last_byte_at = now
                for line in splitter.feed(data):
                    payload = decode_payload(line)
                    if payload:
                        self.scanned.emit(payload)
            elif splitter.pending and now - last_byte_at >= self._config.partial_timeout_s:
                half = decode_payload(splitter.take_pending())
                if half:
                    self.partial.emit(half)
        return None
