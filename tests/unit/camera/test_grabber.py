from __future__ import annotations

import os
import sys
import threading
import time

import numpy as np
import pytest

from checkpoint.camera.decode import decode_image
from checkpoint.camera.demo import DemoCamera
from checkpoint.camera.grabber import (
    CameraStatus,
    DecodeResult,
    DecodeWorker,
    FrameGrabber,
    lower_thread_priority,
)
from checkpoint.camera.sources import CameraError, CameraErrorKind
from checkpoint.domain.codes import DecodedCode


class FlakySource:
    """A fake camera: fails to open ``open_failures`` times, then delivers ``frames_per_session`` frames
    (each filled with its serial number) before unplugging; ``sessions`` connections in all."""

    is_live = True
    fps = 200.0

    def __init__(self, open_failures: int = 0, frames_per_session: int = 10**9, end_after: int | None = None):
        self.spec = "fake"
        self.open_failures = open_failures
        self.frames_per_session = frames_per_session
        self.end_after = end_after
        self.opens = 0
        self.closes = 0
        self.serial = 0
        self._left = 0

    def open(self) -> None:
        self.opens += 1
        if self.open_failures > 0:
            self.open_failures -= 1
            raise CameraError(CameraErrorKind.NOT_FOUND, "unplugged")
        self._left = self.frames_per_session

    def read(self) -> np.ndarray | None:
        time.sleep(1 / self.fps)
        if self.end_after is not None and self.serial >= self.end_after:
            raise CameraError(CameraErrorKind.ENDED, "end of file")
        if self._left <= 0:
            raise CameraError(CameraErrorKind.DISCONNECTED, "cable pulled")
        self._left -= 1
        self.serial += 1
        return np.full((4, 4), self.serial % 256, np.uint8)

    def close(self) -> None:
        self.closes += 1


class StatusLog:
    def __init__(self) -> None:
        self.items: list[CameraStatus] = []
        self.cond = threading.Condition()

    def __call__(self, status: CameraStatus, message: str) -> None:
        with self.cond:
            self.items.append(status)
            self.cond.notify_all()

    def wait_for(self, predicate: object, timeout: float = 5.0) -> bool:
        assert callable(predicate)
        with self.cond:
            return bool(self.cond.wait_for(lambda: predicate(self.items), timeout))


def test_newest_frame_wins_and_indices_are_monotonic() -> None:
    source = FlakySource()
    log = StatusLog()
    grabber = FrameGrabber(lambda: source, log)
    grabber.start()
    try:
        first = grabber.wait_for_frame(0, timeout=5)
        assert first is not None
        later = grabber.wait_for_frame(first.index + 5, timeout=5)
        assert later is not None and later.index > first.index + 5
        latest = grabber.latest()
        assert latest is not None and latest.index >= later.index
        # Only the newest is kept: what latest() gives is the last frame the source produced.
        assert int(latest.image[0, 0]) in {source.serial % 256, (source.serial - 1) % 256}
        assert log.items[:2] == [CameraStatus.STARTING, CameraStatus.LIVE]
    finally:
        assert grabber.stop(2.0)


def test_reconnects_after_unplug_and_failed_opens() -> None:
    source = FlakySource(open_failures=2, frames_per_session=5)
    log = StatusLog()
    grabber = FrameGrabber(lambda: source, log, backoff_start=0.01, backoff_max=0.04)
    grabber.start()
    try:
        assert log.wait_for(lambda items: items.count(CameraStatus.LIVE) >= 2)
        items = list(log.items)
        assert items[:3] == [CameraStatus.STARTING, CameraStatus.LOST, CameraStatus.RECONNECTING]
        after_live = items[items.index(CameraStatus.LIVE) :]
        assert after_live[:3] == [CameraStatus.LIVE, CameraStatus.LOST, CameraStatus.RECONNECTING]
        frame = grabber.wait_for_frame(5, timeout=5)
        assert frame is not None and frame.index > 5  # indices keep counting across reconnects
        assert source.closes >= 1
    finally:
        assert grabber.stop(2.0)


def test_file_end_is_reported_once_without_retry() -> None:
    source = FlakySource(end_after=3)
    log = StatusLog()
    grabber = FrameGrabber(lambda: source, log, backoff_start=0.01)
    grabber.start()
    assert log.wait_for(lambda items: CameraStatus.ENDED in items)
    assert grabber.stop(2.0)
    assert source.opens == 1
    assert log.items == [CameraStatus.STARTING, CameraStatus.LIVE, CameraStatus.ENDED]


def test_factory_error_is_failed() -> None:
    def factory() -> FlakySource:
        raise CameraError(CameraErrorKind.NOT_FOUND, "bad spec")

    log = StatusLog()
    grabber = FrameGrabber(factory, log)
    grabber.start()
    assert log.wait_for(lambda items: CameraStatus.FAILED in items)
    assert grabber.stop(1.0)


def test_stop_is_prompt_while_reconnecting_with_long_backoff() -> None:
    source = FlakySource(open_failures=10**6)
    log = StatusLog()
    grabber = FrameGrabber(lambda: source, log, backoff_start=5.0, backoff_max=5.0)
    grabber.start()
    assert log.wait_for(lambda items: CameraStatus.LOST in items)
    assert grabber.stop(2.0)  # joined within 2 s: not after the 5 s backoff
    assert not grabber.running


def test_decode_worker_drops_frames_it_cannot_keep_up_with() -> None:
    source = FlakySource()
    grabber = FrameGrabber(lambda: source, StatusLog())
    results: list[DecodeResult] = []
    got = threading.Event()

    def slow_decode(image: np.ndarray) -> list[DecodedCode]:
        time.sleep(0.03)  # the decoder is slower than the 200 fps camera (this is the fake decoder's cost)
        return []

    def on_result(result: DecodeResult) -> None:
        results.append(result)
        if len(results) >= 8:
            got.set()

    worker = DecodeWorker(grabber, slow_decode, on_result)
    grabber.start()
    worker.start()
    try:
        assert got.wait(5)
    finally:
        assert worker.stop(2.0)
        assert grabber.stop(2.0)
    indices = [r.frame.index for r in results]
    assert indices == sorted(set(indices))
    assert worker.frames_dropped > 0
    assert worker.frames_decoded == len(results)
    assert all(r.decode_ms >= 25 for r in results)


def test_demo_camera_through_grabber_and_worker_reads_codes() -> None:
    grabber = FrameGrabber(lambda: DemoCamera(seed=4), StatusLog())
    found: list[str] = []
    decoded = threading.Event()

    def on_result(result: DecodeResult) -> None:
        found.extend(c.text for c in result.codes)
        if found:
            decoded.set()

    worker = DecodeWorker(grabber, decode_image, on_result)
    grabber.start()
    worker.start()
    try:
        assert decoded.wait(10)
    finally:
        assert worker.stop(2.0)
        assert grabber.stop(2.0)
    assert found[0].startswith("CPS1:")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_a_lowered_thread_is_nicer_and_the_rest_of_the_process_is_not() -> None:
    seen: dict[str, int] = {}

    def worker() -> None:
        tid = threading.get_native_id()
        before = os.getpriority(os.PRIO_PROCESS, tid)
        assert lower_thread_priority(3)
        seen["before"], seen["after"] = before, os.getpriority(os.PRIO_PROCESS, tid)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(5)
    assert seen["after"] == min(19, seen["before"] + 3)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == seen["before"]
