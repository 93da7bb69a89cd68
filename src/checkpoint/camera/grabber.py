"""The camera and decode threads (plain ``threading``; the station layer turns callbacks into signals).

``FrameGrabber`` owns the source: it opens it, reads frames and keeps only the newest; when the source
fails it reports LOST and reconnects by itself with backoff. ``DecodeWorker`` takes the newest frame
whenever it is free, decodes it and reports every result; frames that arrive meanwhile are dropped,
never queued.
"""

from __future__ import annotations

import enum
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from checkpoint.camera.sources import CameraError, CameraErrorKind, FrameSource
from checkpoint.domain.codes import DecodedCode

BACKOFF_START = 0.5
BACKOFF_MAX = 5.0
# How much nicer than the rest of the process the decoder runs: when the CPU is short, the GUI thread
# (preview, verdict) and the writer go first; the decoder still gets every idle cycle.
DECODER_NICENESS = 5


def lower_thread_priority(step: int = DECODER_NICENESS) -> bool:
    """Makes the calling thread ``step`` nicer (Linux: a thread has its own nice value). False where
    that is not possible; the thread then simply runs at the process's priority."""
    if not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return False
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + step))
    except OSError:
        return False
    return True


class CameraStatus(enum.StrEnum):
    STARTING = "starting"
    LIVE = "live"
    LOST = "lost"
    RECONNECTING = "reconnecting"
    ENDED = "ended"
    FAILED = "failed"  # the source cannot be built at all (bad spec); no retry


@dataclass(frozen=True, slots=True, eq=False)
class Frame:
    image: np.ndarray
    index: int  # monotonic, from 1, across reconnects
    captured_at: float  # time.monotonic()


@dataclass(frozen=True, slots=True)
class DecodeResult:
    frame: Frame
    codes: list[DecodedCode]
    decode_ms: float


class FrameGrabber:
    """A daemon thread that reads a frame source and keeps only its newest frame.

    ``on_status(status, message)`` is called from the grabber thread: STARTING, then LIVE once frames
    flow; LOST (message: the error) and RECONNECTING while the source is down, LIVE again when it is
    back; ENDED when a file ends (no retry); FAILED when ``source_factory`` itself raises (no retry).
    """

    def __init__(
        self,
        source_factory: Callable[[], FrameSource],
        on_status: Callable[[CameraStatus, str], None],
        *,
        backoff_start: float = BACKOFF_START,
        backoff_max: float = BACKOFF_MAX,
    ) -> None:
        self._factory = source_factory
        self._on_status = on_status
        self._backoff_start = backoff_start
        self._backoff_max = backoff_max
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._index = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.status = CameraStatus.STARTING
        self.fps = 0.0
        self.source: FrameSource | None = None  # once built: for exposure and focus (camera.controls)

    # ------------------------------------------------------------------------------------- control

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("FrameGrabber already started")
        self._thread = threading.Thread(target=self._run, name="camera-grabber", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop and join the thread; True when it has ended within ``timeout``."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # ------------------------------------------------------------------------------------ consumers

    def latest(self) -> Frame | None:
        with self._cond:
            return self._latest

    def wait_for_frame(self, after_index: int, timeout: float) -> Frame | None:
        """The newest frame with an index above ``after_index``; None after ``timeout`` or on stop."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._stop.is_set():
                if self._latest is not None and self._latest.index > after_index:
                    return self._latest
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._cond.wait(remaining)
            return None

    # --------------------------------------------------------------------------------------- thread

    def _report(self, status: CameraStatus, message: str = "") -> None:
        self.status = status
        self._on_status(status, message)

    def _run(self) -> None:
        self._report(CameraStatus.STARTING)
        try:
            source = self._factory()
        except CameraError as exc:
            self._report(CameraStatus.FAILED, str(exc))
            return
        self.source = source
        backoff = self._backoff_start
        first = True
        while not self._stop.is_set():
            try:
                if not first:
                    self._report(CameraStatus.RECONNECTING)
                source.open()
            except CameraError as exc:
                first = False
                self._report(CameraStatus.LOST, str(exc))
                if self._stop.wait(backoff):
                    break
                backoff = min(backoff * 2, self._backoff_max)
                continue
            first = False
            self.fps = source.fps
            try:
                ended = self._read_until_error(source, on_live=self._report)
                backoff = self._backoff_start
                if ended is not None:
                    self._report(CameraStatus.ENDED, str(ended))
                    break
            except CameraError as exc:
                self._report(CameraStatus.LOST, str(exc))
                if self._stop.wait(backoff):
                    break
                backoff = min(backoff * 2, self._backoff_max)
            finally:
                source.close()
        with self._cond:
            self._cond.notify_all()

    def _read_until_error(
        self, source: FrameSource, on_live: Callable[[CameraStatus, str], None]
    ) -> CameraError | None:
        """Read frames until stop (returns None), the end of a file (returns that error), or a failure
        (raises CameraError)."""
        live = False
        while not self._stop.is_set():
            try:
                image = source.read()
            except CameraError as exc:
                if exc.kind is CameraErrorKind.ENDED:
                    return exc
                raise
            if image is None:
                continue
            captured_at = time.monotonic()  # as the frame arrives: scan-to-verdict latency starts here
            if not live:
                live = True
                on_live(CameraStatus.LIVE, source.spec)
            with self._cond:
                self._index += 1
                self._latest = Frame(image=image, index=self._index, captured_at=captured_at)
                self._cond.notify_all()
        return None


class DecodeWorker:
    """A daemon thread that decodes the newest frame whenever it is free.

    ``on_result`` is called from the worker thread for every decoded frame, with or without codes.
    ``frames_dropped`` counts frames the camera delivered that were never decoded.
    """

    def __init__(
        self,
        grabber: FrameGrabber,
        decode: Callable[[np.ndarray], list[DecodedCode]],
        on_result: Callable[[DecodeResult], None],
    ) -> None:
        self._grabber = grabber
        self._decode = decode
        self._on_result = on_result
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.frames_decoded = 0
        self.frames_dropped = 0

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("DecodeWorker already started")
        self._thread = threading.Thread(target=self._run, name="camera-decoder", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop and join the thread (an ongoing decode finishes first); True when it has ended."""
        self._stop.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        lower_thread_priority()
        last = 0
        while not self._stop.is_set():
            # Short waits so stop() is noticed promptly even when no frames come.
            frame = self._grabber.wait_for_frame(last, timeout=0.1)
            if frame is None:
                if not self._grabber.running:
                    self._stop.wait(0.1)  # the grabber has ended: idle until stopped, do not spin
                continue
            if last:
                self.frames_dropped += frame.index - last - 1
            last = frame.index
            start = time.perf_counter()
            codes = self._decode(frame.image)
            elapsed = (time.perf_counter() - start) * 1000.0
            self.frames_decoded += 1
            self._on_result(DecodeResult(frame=frame, codes=codes, decode_ms=elapsed))
