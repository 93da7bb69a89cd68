"""The gate's device settings as one typed value: read from and written to the same ``settings.ini`` keys
the station reads, checked field by field, and applied to the running station without a restart.

``DeviceSettings.from_settings`` never fails: a value that cannot be read counts as its default (the
station does the same when it starts). ``check(...)`` lists what is wrong with values typed in the devices
screen as ``DeviceProblem`` codes (the UI says them in the operator's language); nothing is saved while
one is listed. ``save`` writes only the keys whose value changed and returns them for the audit trail;
``apply_device_settings`` gives the new values to the services: camera, duplicate window, serial scanner,
relay, prompt language. Sounds, volume and prompts are read by the feedback player on every verdict.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings

from checkpoint.camera.controls import CameraControls, Control, UnsupportedControlError
from checkpoint.domain.validators import PROVINCES
from checkpoint.station.debounce import DEFAULT_WINDOW_S
from checkpoint.station.feedback import DEFAULT_VOLUME, SOUND_KEY, VOICE_KEY, VOLUME_KEY
from checkpoint.station.relay import (
    HTTP_BODY_KEY,
    HTTP_METHOD_KEY,
    HTTP_METHODS,
    HTTP_URL_KEY,
    KIND_KEY,
    SERIAL_BAUD_KEY,
    SERIAL_COMMAND_KEY,
    SERIAL_PORT_KEY,
    SERIAL_REPLY_KEY,
    TIMEOUT_KEY,
    RelayConfig,
    RelayConfigError,
    RelayKind,
    parse_hex,
)
from checkpoint.station.serial_scanner import BAUD_KEY, DEFAULT_BAUD, PORT_KEY

CAMERA_KEY = "camera/spec"
EXPOSURE_KEY = "camera/exposure"  # empty: automatic exposure
FOCUS_KEY = "camera/focus"  # empty: autofocus
DUPLICATE_WINDOW_KEY = "scanner/duplicate_window_s"
VOICE_LANGUAGE_KEY = "feedback/voice_language"  # empty: the interface language
RETURN_SECONDS_KEY = "station/return_seconds"
HOME_PROVINCE_KEY = "station/home_province"  # the plate character preset for every vehicle; "": none
DEFAULT_RETURN_SECONDS = 5
VOICE_LANGUAGES = ("", "zh_CN", "en")
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
# Bounds that keep the station usable: a window of 0 would count a code held still once per frame.
DUPLICATE_WINDOW_RANGE = (0.5, 60.0)
RETURN_SECONDS_RANGE = (0, 120)
RELAY_TIMEOUT_RANGE = (0.1, 60.0)


class DeviceProblem(enum.StrEnum):
    """Why typed device settings cannot be saved (the UI names the field and says it in words)."""

    CAMERA_EMPTY = "camera_empty"
    BAUD = "baud"  # the scanner's baud rate is not a positive whole number
    DUPLICATE_WINDOW = "duplicate_window"
    RETURN_SECONDS = "return_seconds"
    VOLUME = "volume"
    RELAY_URL = "relay_url"  # not http(s):// with a host
    RELAY_METHOD = "relay_method"
    RELAY_TIMEOUT = "relay_timeout"
    RELAY_PORT = "relay_port"
    RELAY_BAUD = "relay_baud"
    RELAY_COMMAND = "relay_command"  # empty or not hexadecimal bytes
    RELAY_REPLY = "relay_reply"  # not hexadecimal bytes


def _text(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return default if value is None else str(value).strip()


def _number(settings: QSettings, key: str, default: float) -> float:
    try:
        value = float(_text(settings, key, str(default)))
    except ValueError:
        return default
    return value if math.isfinite(value) else default


def _optional_number(settings: QSettings, key: str) -> float | None:
    raw = _text(settings, key)
    try:
        value = float(raw) if raw else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    raw = _text(settings, key)
    if not raw:
        return default
    return raw.lower() in ("1", "true", "yes", "on")


def _is_hex(text: str) -> bool:
    try:
        parse_hex(text)
    except RelayConfigError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class RelaySettings:
    """The relay as typed: kept as text so a half-typed value is shown back, checked by ``problems``."""

    kind: RelayKind = RelayKind.NONE
    timeout_s: float = 2.0
    http_url: str = ""
    http_method: str = "POST"
    http_body: str = ""
    serial_port: str = ""
    serial_baud: int = 9600
    serial_command: str = ""
    serial_reply: str = ""

    def problems(self) -> list[DeviceProblem]:
        found: list[DeviceProblem] = []
        low, high = RELAY_TIMEOUT_RANGE
        if self.kind is not RelayKind.NONE and not low <= self.timeout_s <= high:
            found.append(DeviceProblem.RELAY_TIMEOUT)
        if self.kind is RelayKind.HTTP:
            parts = urlsplit(self.http_url.strip())
            if parts.scheme not in ("http", "https") or not parts.hostname:
                found.append(DeviceProblem.RELAY_URL)
            if self.http_method not in HTTP_METHODS:
                found.append(DeviceProblem.RELAY_METHOD)
        elif self.kind is RelayKind.SERIAL:
            if not self.serial_port.strip():
                found.append(DeviceProblem.RELAY_PORT)
            if self.serial_baud <= 0:
                found.append(DeviceProblem.RELAY_BAUD)
            if not self.serial_command.strip() or not _is_hex(self.serial_command):
                found.append(DeviceProblem.RELAY_COMMAND)
            if not _is_hex(self.serial_reply):
                found.append(DeviceProblem.RELAY_REPLY)
        return found

    def config(self) -> RelayConfig:
        """The relay's working configuration; ``RelayConfigError`` while ``problems`` lists something."""
        return RelayConfig(
            kind=self.kind,
            timeout_s=self.timeout_s,
            http_url=self.http_url.strip(),
            http_method=self.http_method,
            http_body=self.http_body,
            serial_port=self.serial_port.strip(),
            serial_baud=self.serial_baud,
            serial_command=parse_hex(self.serial_command),
            serial_reply=parse_hex(self.serial_reply),
        )


@dataclass(frozen=True, slots=True)
class DeviceSettings:
    camera_spec: str = "demo"
    exposure: float | None = None  # None: automatic
    focus: float | None = None  # None: autofocus
    scanner_port: str = ""  # "": no serial scanner
    scanner_baud: int = DEFAULT_BAUD
    duplicate_window_s: float = DEFAULT_WINDOW_S
    sound: bool = True
    volume: int = DEFAULT_VOLUME
    voice: bool = False
    voice_language: str = ""  # "": the interface language
    return_seconds: int = DEFAULT_RETURN_SECONDS
    home_province: str = ""  # one of PROVINCES, or "" (none preset)
    relay: RelaySettings = field(default_factory=RelaySettings)

    @classmethod
    def from_settings(cls, settings: QSettings, camera_spec: str) -> DeviceSettings:
        """What the settings file holds; ``camera_spec`` is the camera in use when the file names none."""
        try:
            kind = RelayKind(_text(settings, KIND_KEY, RelayKind.NONE.value).lower())
        except ValueError:
            kind = RelayKind.NONE
        language = _text(settings, VOICE_LANGUAGE_KEY)
        home = _text(settings, HOME_PROVINCE_KEY)
        relay = RelaySettings(
            kind=kind,
            timeout_s=_number(settings, TIMEOUT_KEY, 2.0),
            http_url=_text(settings, HTTP_URL_KEY),
            http_method=_text(settings, HTTP_METHOD_KEY, "POST").upper() or "POST",
            http_body=str(settings.value(HTTP_BODY_KEY, "") or ""),
            serial_port=_text(settings, SERIAL_PORT_KEY),
            serial_baud=int(_number(settings, SERIAL_BAUD_KEY, 9600)),
            serial_command=_text(settings, SERIAL_COMMAND_KEY),
            serial_reply=_text(settings, SERIAL_REPLY_KEY),
        )
        return cls(
            camera_spec=_text(settings, CAMERA_KEY) or camera_spec,
            exposure=_optional_number(settings, EXPOSURE_KEY),
            focus=_optional_number(settings, FOCUS_KEY),
            scanner_port=_text(settings, PORT_KEY),
            scanner_baud=int(_number(settings, BAUD_KEY, DEFAULT_BAUD)),
            duplicate_window_s=_number(settings, DUPLICATE_WINDOW_KEY, DEFAULT_WINDOW_S),
            sound=_flag(settings, SOUND_KEY, True),
            volume=int(_number(settings, VOLUME_KEY, DEFAULT_VOLUME)),
            voice=_flag(settings, VOICE_KEY, False),
            voice_language=language if language in VOICE_LANGUAGES else "",
            return_seconds=int(_number(settings, RETURN_SECONDS_KEY, DEFAULT_RETURN_SECONDS)),
            home_province=home if len(home) == 1 and home in PROVINCES else "",
            relay=relay,
        )

    def problems(self) -> list[DeviceProblem]:
        """Everything that keeps these values from being saved, in the order of the screen."""
        found: list[DeviceProblem] = []
        if not self.camera_spec.strip():
            found.append(DeviceProblem.CAMERA_EMPTY)
        if self.scanner_port.strip() and self.scanner_baud <= 0:
            found.append(DeviceProblem.BAUD)
        low, high = DUPLICATE_WINDOW_RANGE
        if not low <= self.duplicate_window_s <= high:
            found.append(DeviceProblem.DUPLICATE_WINDOW)
        if not 0 <= self.volume <= 100:
            found.append(DeviceProblem.VOLUME)
        first, last = RETURN_SECONDS_RANGE
        if not first <= self.return_seconds <= last:
            found.append(DeviceProblem.RETURN_SECONDS)
        found.extend(self.relay.problems())
        return found

    def values(self) -> dict[str, str]:
        """Every key as the settings file stores it."""

        def number(value: float) -> str:
            return f"{value:g}"

        relay = self.relay
        return {
            CAMERA_KEY: self.camera_spec.strip(),
            EXPOSURE_KEY: "" if self.exposure is None else number(self.exposure),
            FOCUS_KEY: "" if self.focus is None else number(self.focus),
            PORT_KEY: self.scanner_port.strip(),
            BAUD_KEY: str(self.scanner_baud),
            DUPLICATE_WINDOW_KEY: number(self.duplicate_window_s),
            SOUND_KEY: "true" if self.sound else "false",
            VOLUME_KEY: str(self.volume),
            VOICE_KEY: "true" if self.voice else "false",
            VOICE_LANGUAGE_KEY: self.voice_language,
            RETURN_SECONDS_KEY: str(self.return_seconds),
            HOME_PROVINCE_KEY: self.home_province,
            KIND_KEY: relay.kind.value,
            TIMEOUT_KEY: number(relay.timeout_s),
            HTTP_URL_KEY: relay.http_url.strip(),
            HTTP_METHOD_KEY: relay.http_method,
            HTTP_BODY_KEY: relay.http_body,
            SERIAL_PORT_KEY: relay.serial_port.strip(),
            SERIAL_BAUD_KEY: str(relay.serial_baud),
            SERIAL_COMMAND_KEY: relay.serial_command.strip(),
            SERIAL_REPLY_KEY: relay.serial_reply.strip(),
        }

    def save(self, settings: QSettings, before: DeviceSettings) -> list[str]:
        """Writes the keys whose value differs from ``before`` and returns them (sorted); the file is
        synced so a crash right after does not lose them."""
        old = before.values()
        changed = sorted(key for key, value in self.values().items() if old.get(key) != value)
        for key in changed:
            settings.setValue(key, self.values()[key])
        settings.sync()
        return changed


_PASSWORD_IN_URL = re.compile(r"://([^:/@]+):[^@]*@")


def audit_detail(settings: DeviceSettings, changed: list[str]) -> str:
    """The audit line of a save: each changed key and its new value (a URL's password masked)."""
    values = settings.values()
    parts = []
    for key in changed:
        value = values[key]
        if key == HTTP_URL_KEY:
            value = _PASSWORD_IN_URL.sub(r"://\1:***@", value)
        parts.append(f"{key}={value}")
    return "devices: " + "; ".join(parts)


def apply_camera_controls(controls: CameraControls, exposure: float | None, focus: float | None) -> None:
    """Exposure and focus as set (None: automatic) where the camera supports them; others are left alone."""
    supported = controls.supported()
    try:
        if exposure is None:
            if Control.AUTO_EXPOSURE in supported:
                controls.set_auto_exposure(True)
        elif Control.EXPOSURE in supported:
            controls.set_exposure(exposure)
        if focus is None:
            if Control.AUTO_FOCUS in supported:
                controls.set_auto_focus(True)
        elif Control.FOCUS in supported:
            controls.set_focus(focus)
    except UnsupportedControlError:
        pass  # the device refused a value it reported: it keeps its own
