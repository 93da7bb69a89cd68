"""From camera frames and scanner keystrokes to debounced scan events, on the GUI thread's terms.

The camera and decoder run in their own threads (``camera.grabber``); this service turns what they
report into Qt signals. The GUI thread never waits on them: the preview is refreshed by a timer that
takes the newest frame if there is one, and decode results arrive as queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import cv2
import numpy as np
from PySide6.QtCore import QObject, QPointF, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPolygonF

from checkpoint.camera.controls import CameraControls
from checkpoint.camera.grabber import CameraStatus, DecodeResult, DecodeWorker, Frame, FrameGrabber
from checkpoint.camera.pipeline import FramePipeline
from checkpoint.camera.sources import FrameSource, open_source
from checkpoint.domain.codes import MAX_CODE_CHARS, Backend, classify
from checkpoint.domain.records import CodeKind
from checkpoint.station.debounce import Debouncer

PREVIEW_INTERVAL_MS = 15  # polled at ~66 Hz so a 30 fps camera is shown at its own rate


@dataclass(frozen=True, slots=True)
class PreviewFrame:
    image: QImage
    index: int
    captured_at: float  # time.monotonic() at capture


@dataclass(frozen=True, slots=True)
class Detection:
    frame_index: int
    boxes: list[tuple[QPolygonF, str]]
    decode_ms: float


@dataclass(frozen=True, slots=True)
class ScanEvent:
    text: str
    kind: CodeKind
    backend: Backend
    at: datetime
    captured_at: float | None = None  # time.monotonic() of the frame it came from; None for typed codes


def to_qimage(image: np.ndarray) -> QImage:
    """A deep-copied RGB32 QImage of a BGR or grey frame.

    RGB32 (B, G, R, X bytes in memory: OpenCV's BGRA) is what the raster paint engine draws fastest: a
    1280x720 frame scaled into the preview costs 0.25 ms instead of 1.4 ms from RGB888, on every paint.
    """
    if image.ndim == 2:
        bgrx = cv2.cvtColor(image, cv2.COLOR_GRAY2BGRA)
    else:
        bgrx = cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)
    height, width = bgrx.shape[:2]
    return QImage(bgrx.data, width, height, bgrx.strides[0], QImage.Format.Format_RGB32).copy()


class _WorkerBridge(QObject):
    """Lives in the GUI thread; worker threads emit on it, Qt queues the call into the GUI thread."""

    decoded = Signal(object)
    status = Signal(object, str)


class ScanService(QObject):
    """The station's eyes: camera preview, detections and debounced scans (camera or keyboard wedge).

    Signals:
        frame_ready(PreviewFrame): a new camera frame to show.
        codes_detected(Detection): what the decoder found on a frame (possibly nothing).
        code_scanned(ScanEvent): a payload the operator should act on, already debounced.
        camera_status_changed(CameraStatus, str): live, lost, reconnecting, ... with a technical detail.
    """

    frame_ready = Signal(object)
    codes_detected = Signal(object)
    code_scanned = Signal(object)
    camera_status_changed = Signal(object, str)

    def __init__(
        self,
        camera_spec: str,
        *,
        debouncer: Debouncer | None = None,
        clock: Callable[[], datetime] | None = None,
        source_factory: Callable[[], FrameSource] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``source_factory`` builds the frame source instead of ``open_source(camera_spec)`` (the
        pipeline bench gives the demo camera its own passes); see also ``set_source_factory``."""
        super().__init__(parent)
        self._camera_spec = camera_spec
        self._source_factory = source_factory
        self._debouncer = debouncer or Debouncer()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._bridge = _WorkerBridge(self)
        self._bridge.decoded.connect(self._on_worker_decoded)
        self._bridge.status.connect(self._on_worker_status)
        self._grabber: FrameGrabber | None = None
        self._decoder: DecodeWorker | None = None
        self._last_shown_index = -1
        self._status = CameraStatus.STARTING
        self._timer = QTimer(self)
        self._timer.setInterval(PREVIEW_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def camera_spec(self) -> str:
        return self._camera_spec

    @property
    def status(self) -> CameraStatus:
        return self._status

    @property
    def debouncer(self) -> Debouncer:
        """The duplicate-scan filter (its window is a device setting, changed live)."""
        return self._debouncer

    def camera_controls(self) -> CameraControls:
        """Exposure and focus of the camera in use; nothing is supported until a device is open, nor for
        streams, files, folders and the demo camera."""
        source = self._grabber.source if self._grabber is not None else None
        return CameraControls.for_source(source) if source is not None else CameraControls(None)

    def switch_camera(self, spec: str) -> None:
        """Another camera, live: the threads of the old one are stopped and, if it ran, the new one starts."""
        running = self._grabber is not None
        self.stop()
        self._camera_spec = spec
        self._last_shown_index = -1
        if running:
            self.start()

    @property
    def frames_decoded(self) -> int:
        return self._decoder.frames_decoded if self._decoder else 0

    @property
    def frames_captured(self) -> int:
        """Frames the camera has delivered since ``start`` (what the preview and decoder could use)."""
        frame = self._grabber.latest() if self._grabber else None
        return frame.index if frame is not None else 0

    @property
    def camera_fps(self) -> float:
        """The frame rate the open source reports (0 before it is open)."""
        return self._grabber.fps if self._grabber else 0.0

    def set_source_factory(self, factory: Callable[[], FrameSource]) -> None:
        """Builds the frame source with ``factory`` from the next ``start`` on."""
        self._source_factory = factory

    def start(self) -> None:
        if self._grabber is not None:
            return
        spec = self._camera_spec
        factory = self._source_factory or (lambda: open_source(spec))
        self._grabber = FrameGrabber(factory, self._bridge.status.emit)
        # One pipeline a stream: its strategies take turns over this camera's consecutive frames.
        pipeline = FramePipeline()
        self._decoder = DecodeWorker(self._grabber, pipeline.decode, self._bridge.decoded.emit)
        self._grabber.start()
        self._decoder.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._decoder is not None:
            self._decoder.stop(2.0)
            self._decoder = None
        if self._grabber is not None:
            self._grabber.stop(2.0)
            self._grabber = None

    def submit_text(self, text: str, backend: Backend = Backend.KEYBOARD) -> bool:
        """A payload typed by a keyboard-wedge scanner (or pasted). Returns whether it was accepted: not
        when empty, or longer than any code can be (``MAX_CODE_CHARS``)."""
        payload = text.strip()
        if not payload or len(payload) > MAX_CODE_CHARS:
            return False
        return self._accept(payload, backend, None)

    def _accept(self, payload: str, backend: Backend, captured_at: float | None) -> bool:
        if not self._debouncer.accept(payload):
            return False
        self.code_scanned.emit(ScanEvent(payload, classify(payload), backend, self._clock(), captured_at))
        return True

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._grabber is None:
            return
        frame: Frame | None = self._grabber.latest()
        if frame is None or frame.index == self._last_shown_index:
            return
        self._last_shown_index = frame.index
        self.frame_ready.emit(PreviewFrame(to_qimage(frame.image), frame.index, frame.captured_at))

    @Slot(object)
    def _on_worker_decoded(self, result: DecodeResult) -> None:
        boxes = [
            (QPolygonF([QPointF(x, y) for x, y in code.points]), code.text)
            for code in result.codes
            if code.points
        ]
        self.codes_detected.emit(Detection(result.frame.index, boxes, result.decode_ms))
        for code in result.codes:
            self._accept(code.text, code.backend, result.frame.captured_at)

    @Slot(object, str)
    def _on_worker_status(self, status: CameraStatus, detail: str) -> None:
        self._status = status
        self.camera_status_changed.emit(status, detail)
