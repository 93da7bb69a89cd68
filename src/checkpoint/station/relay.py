"""The gate relay (off by default): on a pass, an HTTP request or a serial command opens the barrier.

``GateRelay.open_gate(passage_uuid)`` queues the request to a worker thread and returns at once, so a
barrier controller that hangs never blocks the GUI thread or scanning. The outcome comes back by signal:
``opened(passage_uuid)`` or ``failed(passage_uuid, RelayError, detail)``; the station shows a failure to the
operator and writes it to the audit trail.

HTTP: any 2xx answer opens; the URL and body may contain ``{passage}``, replaced by the passage's UUID.
Serial: the command bytes (given in hex, e.g. ``A0 01 01 A2`` for the common LCUS USB relay boards) are
written to the port; when a reply is configured, the relay must answer with exactly those bytes.

Settings (``RelayConfig.from_settings``): ``relay/kind`` (none | http | serial), ``relay/timeout_s`` (2),
``relay/http_url``, ``relay/http_method`` (POST), ``relay/http_body``, ``relay/serial_port``,
``relay/serial_baud`` (9600), ``relay/serial_command`` (hex), ``relay/serial_reply`` (hex, optional).
"""

from __future__ import annotations

import enum
import errno
import logging
import queue
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

import serial
from PySide6.QtCore import QObject, QSettings, Signal

_log = logging.getLogger(__name__)

KIND_KEY = "relay/kind"
TIMEOUT_KEY = "relay/timeout_s"
HTTP_URL_KEY = "relay/http_url"
HTTP_METHOD_KEY = "relay/http_method"
HTTP_BODY_KEY = "relay/http_body"
SERIAL_PORT_KEY = "relay/serial_port"
SERIAL_BAUD_KEY = "relay/serial_baud"
SERIAL_COMMAND_KEY = "relay/serial_command"
SERIAL_REPLY_KEY = "relay/serial_reply"

PASSAGE_PLACEHOLDER = "{passage}"
HTTP_METHODS = ("GET", "POST", "PUT")


class RelayKind(enum.StrEnum):
    NONE = "none"
    HTTP = "http"
    SERIAL = "serial"


class RelayError(enum.StrEnum):
    """Why the barrier did not open (the UI turns these into words)."""

    TIMEOUT = "timeout"  # no answer within the time-out
    REFUSED = "refused"  # nothing listens at that address
    UNREACHABLE = "unreachable"  # no route, unknown host, network down
    HTTP_STATUS = "http_status"  # the controller answered with an error status (detail: the status)
    PORT_MISSING = "port_missing"  # no such serial port (unplugged?)
    PORT_ERROR = "port_error"  # the port exists but cannot be opened or written (busy, permissions)
    BAD_REPLY = "bad_reply"  # the relay answered something other than the configured reply


class RelayConfigError(ValueError):
    """Relay settings that cannot work (the settings screen shows the message)."""


def parse_hex(text: str) -> bytes:
    """``"A0 01 01 A2"``, ``"a00101a2"``, ``"0xA0,0x01"`` -> bytes; RelayConfigError when not hex."""
    cleaned = text.replace(",", " ").replace("0x", "").replace("0X", "")
    try:
        return bytes.fromhex(cleaned)
    except ValueError:
        raise RelayConfigError(f"not hexadecimal bytes: {text!r}") from None


@dataclass(frozen=True, slots=True)
class RelayConfig:
    kind: RelayKind = RelayKind.NONE
    timeout_s: float = 2.0
    http_url: str = ""
    http_method: str = "POST"
    http_body: str = ""
    serial_port: str = ""
    serial_baud: int = 9600
    serial_command: bytes = b""
    serial_reply: bytes = b""

    def __post_init__(self) -> None:
        if not 0 < self.timeout_s <= 60:
            raise RelayConfigError(f"relay time-out must be between 0 and 60 s, not {self.timeout_s}")
        if self.kind == RelayKind.HTTP:
            parts = urlsplit(self.http_url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise RelayConfigError(
                    f"relay URL must be http:// or https:// with a host: {self.http_url!r}"
                )
            if self.http_method not in HTTP_METHODS:
                raise RelayConfigError(f"relay HTTP method must be one of {', '.join(HTTP_METHODS)}")
        elif self.kind == RelayKind.SERIAL:
            if not self.serial_port.strip():
                raise RelayConfigError("relay serial port is empty")
            if self.serial_baud <= 0:
                raise RelayConfigError(f"relay baud rate must be positive, not {self.serial_baud}")
            if not self.serial_command:
                raise RelayConfigError("relay serial command is empty")

    @classmethod
    def from_settings(cls, settings: QSettings) -> RelayConfig:
        """The relay settings; ``RelayConfigError`` names the first one that cannot work."""

        def text(key: str, default: str = "") -> str:
            return str(settings.value(key, default) or default).strip()

        def number(key: str, default: float) -> float:
            raw = text(key, str(default))
            try:
                return float(raw)
            except ValueError:
                raise RelayConfigError(f"{key} is not a number: {raw!r}") from None

        try:
            kind = RelayKind(text(KIND_KEY, RelayKind.NONE.value).lower())
        except ValueError:
            raise RelayConfigError(f"{KIND_KEY} must be none, http or serial") from None
        return cls(
            kind=kind,
            timeout_s=number(TIMEOUT_KEY, 2.0),
            http_url=text(HTTP_URL_KEY),
            http_method=text(HTTP_METHOD_KEY, "POST").upper(),
            http_body=str(settings.value(HTTP_BODY_KEY, "") or ""),
            serial_port=text(SERIAL_PORT_KEY),
            serial_baud=int(number(SERIAL_BAUD_KEY, 9600)),
            serial_command=parse_hex(text(SERIAL_COMMAND_KEY)),
            serial_reply=parse_hex(text(SERIAL_REPLY_KEY)),
        )


class RelayOpenError(Exception):
    """The barrier did not open: ``kind`` for the UI, ``detail`` for the audit trail."""

    def __init__(self, kind: RelayError, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def _is_timeout(error: BaseException) -> bool:
    return isinstance(error, TimeoutError | socket.timeout)


def open_by_http(config: RelayConfig, passage_uuid: str) -> None:
    """One HTTP request; returns on a 2xx answer, else raises RelayOpenError."""
    url = config.http_url.replace(PASSAGE_PLACEHOLDER, passage_uuid)
    body = config.http_body.replace(PASSAGE_PLACEHOLDER, passage_uuid)
    data = body.encode("utf-8") if body and config.http_method != "GET" else None
    request = urllib.request.Request(url, data=data, method=config.http_method)
    if data is not None:
        kind = "application/json" if body.lstrip().startswith(("{", "[")) else "text/plain"
        request.add_header("Content-Type", f"{kind}; charset=utf-8")
    try:
        with urllib.request.urlopen(request, timeout=config.timeout_s) as response:
            response.read()
            status = int(response.status)
    except urllib.error.HTTPError as error:
        raise RelayOpenError(RelayError.HTTP_STATUS, f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, BaseException) and _is_timeout(reason):
            raise RelayOpenError(RelayError.TIMEOUT, f"no answer within {config.timeout_s:g} s") from None
        if isinstance(reason, ConnectionRefusedError):
            raise RelayOpenError(
                RelayError.REFUSED, f"connection refused by {urlsplit(url).netloc}"
            ) from None
        raise RelayOpenError(RelayError.UNREACHABLE, str(reason)) from None
    except OSError as error:  # a time-out or reset while reading the answer
        if _is_timeout(error):
            raise RelayOpenError(RelayError.TIMEOUT, f"no answer within {config.timeout_s:g} s") from None
        raise RelayOpenError(RelayError.UNREACHABLE, str(error)) from None
    if not 200 <= status < 300:
        raise RelayOpenError(RelayError.HTTP_STATUS, f"HTTP {status}")


def open_by_serial(config: RelayConfig) -> None:
    """Writes the command (and checks the reply, when one is configured), else raises RelayOpenError."""
    try:
        port = serial.Serial(
            config.serial_port,
            config.serial_baud,
            timeout=config.timeout_s,
            write_timeout=config.timeout_s,
        )
    except serial.SerialException as error:
        if getattr(error, "errno", None) == errno.ENOENT or "FileNotFoundError" in str(error):
            raise RelayOpenError(RelayError.PORT_MISSING, f"no serial port {config.serial_port}") from None
        raise RelayOpenError(RelayError.PORT_ERROR, str(error)) from None
    except (ValueError, OverflowError) as error:
        raise RelayOpenError(RelayError.PORT_ERROR, str(error)) from None
    try:
        port.write(config.serial_command)
        port.flush()
        if config.serial_reply:
            answer = port.read(len(config.serial_reply))
            if not answer:
                raise RelayOpenError(RelayError.TIMEOUT, f"no reply within {config.timeout_s:g} s")
            if answer != config.serial_reply:
                raise RelayOpenError(RelayError.BAD_REPLY, f"replied {answer.hex(' ')}")
    except serial.SerialTimeoutException:
        raise RelayOpenError(RelayError.TIMEOUT, f"write not done within {config.timeout_s:g} s") from None
    except serial.SerialException as error:
        raise RelayOpenError(RelayError.PORT_ERROR, str(error)) from None
    finally:
        port.close()


_STOP = object()


class GateRelay(QObject):
    """Opens the barrier for passed passages, in a worker thread; off while its kind is NONE.

    Signals (emitted from the worker thread; connected slots in the GUI thread run queued):
        opened(str): the passage UUID whose barrier opened.
        failed(str, object, str): the passage UUID, a ``RelayError`` and a detail for the audit trail.
    """

    opened = Signal(str)
    failed = Signal(str, object, str)

    def __init__(self, config: RelayConfig | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config or RelayConfig()
        self._queue: queue.Queue[object] = queue.Queue()
        self._thread: threading.Thread | None = None

    @property
    def config(self) -> RelayConfig:
        return self._config

    @property
    def enabled(self) -> bool:
        return self._config.kind != RelayKind.NONE

    def set_config(self, config: RelayConfig) -> None:
        """New settings apply to the requests queued after this call."""
        self._config = config

    def open_gate(self, passage_uuid: str) -> bool:
        """Queues the request and returns at once; False (and no signal) when the relay is off."""
        if not self.enabled:
            return False
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="gate-relay", daemon=True)
            self._thread.start()
        self._queue.put((passage_uuid, self._config))
        return True

    def stop(self, timeout_s: float | None = None) -> None:
        """Finishes what is queued (each request bounded by its time-out) and joins the worker."""
        thread = self._thread
        if thread is None:
            return
        self._queue.put(_STOP)
        thread.join(timeout_s if timeout_s is not None else self._config.timeout_s * 2 + 1)
        if thread.is_alive():
            _log.error("gate relay worker did not stop")
        self._thread = None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            assert isinstance(item, tuple)
            passage_uuid, config = item
            self._open(str(passage_uuid), config)

    def _open(self, passage_uuid: str, config: RelayConfig) -> None:
        try:
            if config.kind == RelayKind.HTTP:
                open_by_http(config, passage_uuid)
            elif config.kind == RelayKind.SERIAL:
                open_by_serial(config)
            else:
                return
        except RelayOpenError as failure:
            _log.warning("gate relay failed for %s: %s %s", passage_uuid, failure.kind.value, failure.detail)
            self.failed.emit(passage_uuid, failure.kind, failure.detail)
            return
        except Exception as error:  # never let a relay fault kill the worker: report it as a failure
            _log.exception("gate relay crashed for %s", passage_uuid)
            self.failed.emit(passage_uuid, RelayError.PORT_ERROR, f"{type(error).__name__}: {error}")
            return
        self.opened.emit(passage_uuid)
