from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from checkpoint.camera.demo import DemoCamera
from checkpoint.camera.sources import (
    CameraError,
    CameraErrorKind,
    CaptureSource,
    ImageFolderSource,
    VideoFileSource,
    open_source,
)


def _write_video(path: Path, frames: int, fps: float = 50.0) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (64, 48))
    assert writer.isOpened()
    for i in range(frames):
        writer.write(np.full((48, 64, 3), i * 20 % 256, np.uint8))
    writer.release()


def test_open_source_picks_the_kind(tmp_path: Path) -> None:
    video = tmp_path / "clip.avi"
    _write_video(video, 3)
    assert isinstance(open_source("0"), CaptureSource)
    assert isinstance(open_source("rtsp://10.0.0.5/stream1"), CaptureSource)
    assert isinstance(open_source("https://cam.example/mjpg"), CaptureSource)
    assert isinstance(open_source(str(tmp_path)), ImageFolderSource)
    assert isinstance(open_source(str(video)), VideoFileSource)
    assert isinstance(open_source("demo"), DemoCamera)


def test_video_file_plays_at_its_rate_then_ends(tmp_path: Path) -> None:
    video = tmp_path / "clip.avi"
    _write_video(video, 4, fps=50.0)
    source = open_source(str(video))
    source.open()
    assert source.fps == pytest.approx(50.0)
    assert not source.is_live
    frames = [source.read() for _ in range(4)]
    assert all(f is not None and f.shape == (48, 64, 3) for f in frames)
    with pytest.raises(CameraError) as info:
        source.read()
    assert info.value.kind is CameraErrorKind.ENDED
    source.close()


def test_looping_video_starts_again(tmp_path: Path) -> None:
    video = tmp_path / "clip.avi"
    _write_video(video, 2, fps=100.0)
    source = VideoFileSource(video, loop=True)
    source.open()
    assert all(source.read() is not None for _ in range(5))
    source.close()


def test_image_folder_loops_in_name_order(tmp_path: Path) -> None:
    for name, value in [("b.png", 200), ("a.png", 100)]:
        cv2.imwrite(str(tmp_path / name), np.full((30, 40, 3), value, np.uint8))
    (tmp_path / "notes.txt").write_text("not an image")
    source = ImageFolderSource(tmp_path, fps=200.0)
    source.open()
    values = []
    for _ in range(4):
        frame = source.read()
        assert frame is not None
        values.append(int(frame[0, 0, 0]))
    assert values == [100, 200, 100, 200]
    source.close()


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda d: "97", CameraErrorKind.NOT_FOUND),
        (lambda d: str(d / "missing.mp4"), CameraErrorKind.NOT_FOUND),
        (lambda d: _corrupt_video(d), CameraErrorKind.CANNOT_OPEN),
        (lambda d: _folder_without_images(d), CameraErrorKind.UNREADABLE),
    ],
    ids=["missing-index", "missing-file", "corrupt-video", "folder-without-images"],
)
def test_bad_sources_fail_at_open_with_a_kind(tmp_path: Path, make: object, kind: CameraErrorKind) -> None:
    assert callable(make)
    source = open_source(make(tmp_path))
    with pytest.raises(CameraError) as info:
        source.open()
    assert info.value.kind is kind


def _corrupt_video(folder: Path) -> str:
    path = folder / "broken.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 20)
    return str(path)


def _folder_without_images(folder: Path) -> str:
    empty = folder / "shots"
    empty.mkdir()
    (empty / "readme.txt").write_text("nothing here")
    (empty / "fake.png").write_bytes(b"not a png")
    return str(empty)
