"""Camera enumeration from a fake sysfs tree, and exposure/focus controls: none for sources that are not
devices, and what a device accepts (a fake V4L2 device standing in for a webcam this machine lacks)."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from checkpoint.camera.controls import (
    CameraControls,
    CameraInfo,
    Control,
    UnsupportedControlError,
    list_cameras,
)
from checkpoint.camera.sources import CaptureSource, open_source


def _node(root: Path, name: str, label: str, index: str | None) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "name").write_text(label + "\n", encoding="utf-8")
    if index is not None:
        (folder / "index").write_text(index + "\n")


def test_cameras_are_listed_by_index_with_their_names_and_without_metadata_nodes(tmp_path: Path) -> None:
    sysfs = tmp_path / "video4linux"
    _node(sysfs, "video2", "USB 2.0 Camera: 高拍仪", "0")
    _node(sysfs, "video0", "HD Pro Webcam C920", "0")
    _node(sysfs, "video1", "HD Pro Webcam C920", "1")  # its metadata node
    _node(sysfs, "video10", "bcm2835-codec-decode", None)  # older kernels: no index file
    (sysfs / "v4l-subdev0").mkdir()
    assert list_cameras(sysfs, Path("/dev")) == [
        CameraInfo(0, "/dev/video0", "HD Pro Webcam C920"),
        CameraInfo(2, "/dev/video2", "USB 2.0 Camera: 高拍仪"),
        CameraInfo(10, "/dev/video10", "bcm2835-codec-decode"),
    ]
    assert list_cameras(sysfs)[1].spec == "2"


def test_no_sysfs_folder_means_no_cameras(tmp_path: Path) -> None:
    assert list_cameras(tmp_path / "missing") == []


def test_sources_that_are_not_devices_support_no_control(tmp_path: Path) -> None:
    folder = tmp_path / "frames"
    folder.mkdir()
    for source in (
        open_source("demo"),
        open_source(str(folder)),
        open_source(str(tmp_path / "clip.mp4")),
        open_source("rtsp://192.0.2.1/stream"),
        open_source("0"),  # a device that is not open (none here): nothing to control yet
    ):
        controls = CameraControls.for_source(source)
        assert controls.supported() == set()
        with pytest.raises(UnsupportedControlError):
            controls.set_exposure(100)
        with pytest.raises(UnsupportedControlError):
            controls.focus()


class FakeV4L2Camera:
    """Answers like OpenCV's V4L2 backend: -1 for a control the device lacks, False when it refuses."""

    def __init__(self, values: dict[int, float], read_only: frozenset[int] = frozenset()) -> None:
        self.values = dict(values)
        self.read_only = read_only
        self.writes: list[tuple[int, float]] = []

    def get(self, prop_id: int) -> float:
        return self.values.get(prop_id, -1.0)

    def set(self, prop_id: int, value: float) -> bool:
        if prop_id not in self.values or prop_id in self.read_only:
            return False
        self.values[prop_id] = value
        self.writes.append((prop_id, value))
        return True

    def getBackendName(self) -> str:
        return "V4L2"


def test_a_webcam_with_exposure_but_fixed_focus() -> None:
    device = FakeV4L2Camera({cv2.CAP_PROP_AUTO_EXPOSURE: 3.0, cv2.CAP_PROP_EXPOSURE: 156.0})
    controls = CameraControls(device)
    assert controls.supported() == {Control.AUTO_EXPOSURE, Control.EXPOSURE}
    assert controls.auto_exposure() is True
    controls.set_exposure(40)
    assert controls.auto_exposure() is False  # manual exposure switches auto off first
    assert controls.exposure() == 40
    assert device.writes[-2:] == [(cv2.CAP_PROP_AUTO_EXPOSURE, 1.0), (cv2.CAP_PROP_EXPOSURE, 40.0)]
    controls.set_auto_exposure(True)
    assert device.values[cv2.CAP_PROP_AUTO_EXPOSURE] == 3.0
    with pytest.raises(UnsupportedControlError) as raised:
        controls.set_focus(10)
    assert raised.value.control == Control.FOCUS


def test_a_camera_with_autofocus_and_a_control_it_reports_but_refuses() -> None:
    device = FakeV4L2Camera(
        {cv2.CAP_PROP_AUTOFOCUS: 1.0, cv2.CAP_PROP_FOCUS: 30.0, cv2.CAP_PROP_EXPOSURE: 5.0},
        read_only=frozenset({cv2.CAP_PROP_EXPOSURE}),
    )
    controls = CameraControls(device)
    assert controls.supported() == {Control.AUTO_FOCUS, Control.FOCUS}
    assert controls.auto_focus() is True
    controls.set_focus(120)
    assert (controls.auto_focus(), controls.focus()) == (False, 120.0)
    with pytest.raises(UnsupportedControlError):
        controls.set_exposure(10)


def test_the_capture_of_a_device_source_is_what_the_controls_use() -> None:
    source = CaptureSource("3")
    assert source.device_index == 3
    assert source.capture is None  # not open
    assert CaptureSource("rtsp://192.0.2.1/x").device_index is None
