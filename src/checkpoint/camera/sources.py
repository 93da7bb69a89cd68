"""Frame sources: a camera by index, a network stream, a video file, an image folder, the demo camera.

``open_source(spec)`` picks the kind from the spec. Sources are opened by ``open()`` (errors are raised
there, as ``CameraError`` with a ``kind`` the UI translates) and read by ``read()``, which returns the
next BGR frame, or None when no frame is ready yet. Files and folders are paced at their frame rate so a
reader sees them as a camera would deliver them.
"""

from __future__ import annotations

import enum
import time
from pathlib import Path
from typing import Protocol, runtime_checkable

import cv2
import numpy as np

from checkpoint.camera.image_size import MAX_IMAGE_BYTES, ImageRefusedError, check_image

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".pgm", ".ppm"})
"""The files an image folder (and ``checkpoint bench decode``) reads as images."""


class CameraErrorKind(enum.StrEnum):
    NOT_FOUND = "not_found"  # no such device index, path or host
    CANNOT_OPEN = "cannot_open"  # it exists, but will not open (busy, no permission, not a video)
    UNREADABLE = "unreadable"  # opened, but no frame can be read from it
    DISCONNECTED = "disconnected"  # was delivering frames, then stopped (unplugged, stream dropped)
    ENDED = "ended"  # a file came to its end


class CameraError(Exception):
    """A frame source failed; ``kind`` says how (for the UI), the message says the details."""

    def __init__(self, kind: CameraErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.args[0]}"


@runtime_checkable
class FrameSource(Protocol):
    spec: str
    fps: float
    is_live: bool

    def open(self) -> None: ...

    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


# Consecutive failed reads after which a live source counts as disconnected.
DISCONNECT_AFTER_FAILURES = 5
# The frame rate assumed when a device or file reports none (or nonsense).
DEFAULT_FPS = 30.0


def _sane_fps(value: float) -> float:
    return value if 1.0 <= value <= 240.0 else DEFAULT_FPS


class _Pacer:
    """Spaces calls at 1/fps: ``wait()`` sleeps the rest of the period since the previous call."""

    def __init__(self, fps: float) -> None:
        self.period = 1.0 / fps
        self._next: float | None = None

    def wait(self) -> None:
        now = time.monotonic()
        if self._next is not None and now < self._next:
            time.sleep(self._next - now)
            now = self._next
        # After a stall the next frame is one period from now: no backlog of frames to catch up.
        self._next = now + self.period


class CaptureSource:
    """A camera by device index or a network stream (RTSP / HTTP), through cv2.VideoCapture."""

    is_live = True

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self.fps = DEFAULT_FPS
        self._cap: cv2.VideoCapture | None = None
        self._failures = 0

    @property
    def device_index(self) -> int | None:
        """The camera's device index, or None for a network stream."""
        return int(self.spec) if self.spec.isdigit() else None

    @property
    def capture(self) -> cv2.VideoCapture | None:
        """The open ``cv2.VideoCapture`` (for exposure and focus controls), or None when closed."""
        return self._cap

    def open(self) -> None:
        self.close()
        if self.spec.isdigit():
            index = int(self.spec)
            cap = cv2.VideoCapture(index)
            if not cap.isOpened():
                cap.release()
                raise CameraError(CameraErrorKind.NOT_FOUND, f"no camera with index {index}")
        else:
            cap = cv2.VideoCapture(self.spec, cv2.CAP_FFMPEG)
            if not cap.isOpened():
                cap.release()
                raise CameraError(CameraErrorKind.CANNOT_OPEN, f"cannot open stream {self.spec}")
        ok, frame = cap.read()
        if not ok or frame is None:
            cap.release()
            raise CameraError(CameraErrorKind.UNREADABLE, f"{self.spec} opened but gives no frames")
        self.fps = _sane_fps(float(cap.get(cv2.CAP_PROP_FPS) or 0.0))
        self._cap = cap
        self._failures = 0

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            raise CameraError(CameraErrorKind.DISCONNECTED, f"{self.spec} is not open")
        ok, frame = self._cap.read()  # blocks until the device delivers: the device paces us
        if ok and frame is not None:
            self._failures = 0
            return frame
        self._failures += 1
        if self._failures >= DISCONNECT_AFTER_FAILURES:
            raise CameraError(
                CameraErrorKind.DISCONNECTED, f"{self.spec}: {self._failures} reads in a row gave no frame"
            )
        return None

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class VideoFileSource:
    """A video file, paced at its own frame rate; ENDED at its end unless ``loop``."""

    is_live = False

    def __init__(self, path: Path, loop: bool = False) -> None:
        self.spec = str(path)
        self.path = path
        self.loop = loop
        self.fps = DEFAULT_FPS
        self._cap: cv2.VideoCapture | None = None
        self._pacer = _Pacer(self.fps)

    def open(self) -> None:
        self.close()
        if not self.path.is_file():
            raise CameraError(CameraErrorKind.NOT_FOUND, f"no such file: {self.path}")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise CameraError(CameraErrorKind.CANNOT_OPEN, f"not a video OpenCV can open: {self.path}")
        ok, _ = cap.read()
        if not ok:
            cap.release()
            raise CameraError(CameraErrorKind.UNREADABLE, f"no frame can be read from {self.path}")
        cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
        self.fps = _sane_fps(float(cap.get(cv2.CAP_PROP_FPS) or 0.0))
        self._pacer = _Pacer(self.fps)
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            raise CameraError(CameraErrorKind.DISCONNECTED, f"{self.spec} is not open")
        self._pacer.wait()
        ok, frame = self._cap.read()
        if ok and frame is not None:
            return frame
        if self.loop:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._cap.read()
            if ok and frame is not None:
                return frame
        raise CameraError(CameraErrorKind.ENDED, f"end of {self.spec}")

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class ImageFolderSource:
    """The images of a folder in name order, one a frame, paced at ``fps``; loops unless told not to."""

    is_live = False

    def __init__(self, path: Path, fps: float = 2.0, loop: bool = True) -> None:
        self.spec = str(path)
        self.path = path
        self.fps = fps
        self.loop = loop
        self._files: list[Path] = []
        self._next = 0
        self._pacer = _Pacer(fps)

    def open(self) -> None:
        if not self.path.is_dir():
            raise CameraError(CameraErrorKind.NOT_FOUND, f"no such folder: {self.path}")
        files = sorted(p for p in self.path.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
        readable = [p for p in files if cv2.haveImageReader(str(p))]
        if not readable:
            raise CameraError(CameraErrorKind.UNREADABLE, f"no readable image in {self.path}")
        self._files = readable
        self._next = 0
        self._pacer = _Pacer(self.fps)

    def read(self) -> np.ndarray | None:
        if not self._files:
            raise CameraError(CameraErrorKind.DISCONNECTED, f"{self.spec} is not open")
        self._pacer.wait()
        for _ in range(len(self._files)):
            if self._next >= len(self._files):
                if not self.loop:
                    raise CameraError(CameraErrorKind.ENDED, f"end of {self.spec}")
                self._next = 0
            path = self._files[self._next]
            self._next += 1
            frame = _read_image(path)
            if frame is not None:
                return frame
        raise CameraError(CameraErrorKind.UNREADABLE, f"no image in {self.path} can be read any more")

    def close(self) -> None:
        self._files = []


def _read_image(path: Path) -> np.ndarray | None:
    """An image file decoded, or None when it cannot be read or declares more pixels than the station
    decodes (the header is read first: ``image_size.check_image``)."""
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        data = path.read_bytes()
        check_image(data)
    except (OSError, ImageRefusedError):
        return None
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


def open_source(spec: str) -> FrameSource:
    """The frame source a spec names (not yet opened; ``open()`` raises CameraError).

    All digits: a device index. ``rtsp://``, ``http://``, ``https://``: a stream. An existing folder: its
    images. An existing file: a video. ``demo``: the synthetic demo camera.
    """
    spec = spec.strip()
    if not spec:
        raise CameraError(CameraErrorKind.NOT_FOUND, "empty camera spec")
    if spec.isdigit():
        return CaptureSource(spec)
    if spec.lower().startswith(("rtsp://", "http://", "https://")):
        return CaptureSource(spec)
    if spec == "demo":
        from checkpoint.camera.demo import DemoCamera

        return DemoCamera()
    path = Path(spec).expanduser()
    if path.is_dir():
        return ImageFolderSource(path)
    # A file, or a path that does not exist: VideoFileSource.open() says NOT_FOUND for the latter.
    return VideoFileSource(path)
