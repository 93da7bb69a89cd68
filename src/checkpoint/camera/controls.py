"""Camera choice and controls: which cameras there are, and exposure and focus where a device allows them.

``list_cameras()`` names the cameras: on Linux the ``/dev/videoN`` capture nodes with the names the
kernel gives them in ``/sys/class/video4linux/videoN/name`` (metadata nodes, which every UVC webcam adds,
are left out); elsewhere the first few device indices OpenCV can open.

``CameraControls.for_source(source)`` wraps an opened device source (a camera by index). It probes once
which controls the device accepts (``supported()``); a stream, a file, a folder or the demo camera
supports none. Setting a control the device does not accept raises ``UnsupportedControlError``. Values are the
driver's own units (V4L2: exposure in 100 µs steps, focus 0-255 or so); the UI shows them as a slider over
what the device accepts.

Thread note: the controls talk to the device while the camera thread reads frames; V4L2 and DirectShow
accept control changes from another thread while streaming.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2

from checkpoint.camera.sources import CaptureSource, FrameSource

SYSFS_VIDEO = Path("/sys/class/video4linux")
DEV = Path("/dev")
# Indices probed where there is no sysfs to read (Windows, macOS).
PROBE_INDICES = 4


class Control(enum.StrEnum):
    AUTO_EXPOSURE = "auto_exposure"
    EXPOSURE = "exposure"
    AUTO_FOCUS = "auto_focus"
    FOCUS = "focus"


_PROPERTY = {
    Control.AUTO_EXPOSURE: cv2.CAP_PROP_AUTO_EXPOSURE,
    Control.EXPOSURE: cv2.CAP_PROP_EXPOSURE,
    Control.AUTO_FOCUS: cv2.CAP_PROP_AUTOFOCUS,
    Control.FOCUS: cv2.CAP_PROP_FOCUS,
}


class UnsupportedControlError(ValueError):
    """The device (or the kind of source) does not accept this control."""

    def __init__(self, control: Control) -> None:
        super().__init__(f"the camera does not support {control.value}")
        self.control = control


@dataclass(frozen=True, slots=True)
class CameraInfo:
    index: int  # what ``checkpoint gui --camera N`` and ``open_source("N")`` take
    device: str  # /dev/video0, or "camera 0" where there are no device files
    name: str  # as the driver names it ("HD Pro Webcam C920")

    @property
    def spec(self) -> str:
        return str(self.index)


def list_cameras(sysfs_root: Path | None = None, dev_root: Path | None = None) -> list[CameraInfo]:
    """The cameras, by index. Linux reads sysfs (``sysfs_root``, for tests); elsewhere indices are probed."""
    root = sysfs_root if sysfs_root is not None else SYSFS_VIDEO
    if sysfs_root is not None or sys.platform.startswith("linux"):
        return _from_sysfs(root, dev_root if dev_root is not None else DEV)
    return _probed()


def _from_sysfs(root: Path, dev_root: Path) -> list[CameraInfo]:
    cameras: list[CameraInfo] = []
    if not root.is_dir():
        return cameras
    for entry in root.iterdir():
        suffix = entry.name.removeprefix("video")
        if not entry.name.startswith("video") or not suffix.isdigit():
            continue
        # A UVC camera has a capture node (index 0) and a metadata node (index 1) per device.
        node_index = _read(entry / "index")
        if node_index not in (None, "0"):
            continue
        name = _read(entry / "name") or entry.name
        cameras.append(CameraInfo(index=int(suffix), device=str(dev_root / entry.name), name=name))
    return sorted(cameras, key=lambda camera: camera.index)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def _probed() -> list[CameraInfo]:
    cameras: list[CameraInfo] = []
    for index in range(PROBE_INDICES):
        cap = cv2.VideoCapture(index)
        try:
            if cap.isOpened():
                cameras.append(CameraInfo(index=index, device=f"camera {index}", name=f"Camera {index + 1}"))
        finally:
            cap.release()
    return cameras


class CaptureLike(Protocol):
    """What the controls need of a ``cv2.VideoCapture``."""

    def get(self, prop_id: int, /) -> float: ...

    def set(self, prop_id: int, value: float, /) -> bool: ...

    def getBackendName(self) -> str: ...


class CameraControls:
    """Exposure and focus of one opened device; nothing is supported for other sources."""

    def __init__(self, capture: CaptureLike | None) -> None:
        self._capture = capture
        self._supported = self._probe() if capture is not None else frozenset()
        backend = capture.getBackendName() if capture is not None else ""
        # CAP_PROP_AUTO_EXPOSURE takes the driver's values: V4L2 3 = auto, 1 = manual;
        # DirectShow / Media Foundation 0.75 = auto, 0.25 = manual.
        self._auto_on, self._auto_off = (3.0, 1.0) if backend == "V4L2" else (0.75, 0.25)

    @classmethod
    def for_source(cls, source: FrameSource) -> CameraControls:
        """Controls of an opened camera-by-index source; none for streams, files, folders, the demo."""
        if isinstance(source, CaptureSource) and source.device_index is not None:
            return cls(source.capture)
        return cls(None)

    def supported(self) -> set[Control]:
        return set(self._supported)

    def auto_exposure(self) -> bool:
        value = self._get(Control.AUTO_EXPOSURE)
        return abs(value - self._auto_on) < abs(value - self._auto_off)

    def set_auto_exposure(self, on: bool) -> None:
        self._set(Control.AUTO_EXPOSURE, self._auto_on if on else self._auto_off)

    def exposure(self) -> float:
        return self._get(Control.EXPOSURE)

    def set_exposure(self, value: float) -> None:
        """A manual exposure value; auto exposure is switched off first where the device has it."""
        self._require(Control.EXPOSURE)
        if Control.AUTO_EXPOSURE in self._supported:
            self.set_auto_exposure(False)
        self._set(Control.EXPOSURE, value)

    def auto_focus(self) -> bool:
        return self._get(Control.AUTO_FOCUS) >= 0.5

    def set_auto_focus(self, on: bool) -> None:
        self._set(Control.AUTO_FOCUS, 1.0 if on else 0.0)

    def focus(self) -> float:
        return self._get(Control.FOCUS)

    def set_focus(self, value: float) -> None:
        """A manual focus value; autofocus is switched off first where the device has it."""
        self._require(Control.FOCUS)
        if Control.AUTO_FOCUS in self._supported:
            self.set_auto_focus(False)
        self._set(Control.FOCUS, value)

    def _probe(self) -> frozenset[Control]:
        """A control is supported when the device reports a value and takes that same value back."""
        assert self._capture is not None
        found = set()
        for control, prop in _PROPERTY.items():
            value = self._capture.get(prop)
            if value == -1:
                continue
            if self._capture.set(prop, value):
                found.add(control)
        return frozenset(found)

    def _require(self, control: Control) -> CaptureLike:
        if control not in self._supported or self._capture is None:
            raise UnsupportedControlError(control)
        return self._capture

    def _get(self, control: Control) -> float:
        return float(self._require(control).get(_PROPERTY[control]))

    def _set(self, control: Control, value: float) -> None:
        if not self._require(control).set(_PROPERTY[control], float(value)):
            raise UnsupportedControlError(control)
