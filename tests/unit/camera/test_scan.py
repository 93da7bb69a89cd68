"""``checkpoint scan``'s core: codes in an image file or a stdin payload, and its bad inputs."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from checkpoint.camera.scan_command import ScanInputError, scan_image_file, scan_payload
from checkpoint.domain.records import CodeKind
from tests.camera_helpers import qr_image


def test_scan_image_file_reports_codes_with_points(tmp_path: Path) -> None:
    path = tmp_path / "通行证.png"
    cv2.imwrite(str(tmp_path / "tmp.png"), qr_image("CPS1:ABC", scale=4))
    (tmp_path / "tmp.png").rename(path)
    [code] = scan_image_file(path)
    assert code.kind is CodeKind.STATION_PASS
    assert code.text == "CPS1:ABC"
    assert code.points is not None and len(code.points) == 4


@pytest.mark.parametrize("content", [None, b"", b"this is not an image"], ids=["missing", "empty", "garbage"])
def test_scan_image_file_bad_input_raises(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "input.png"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ScanInputError):
        scan_image_file(path)


def test_scan_image_file_on_a_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(ScanInputError):
        scan_image_file(tmp_path)


def test_scan_payload_classifies_one_line() -> None:
    code = scan_payload("HC1:NCFOXN%TS3DH\n")
    assert (code.text, code.kind, code.points) == ("HC1:NCFOXN%TS3DH", CodeKind.DCC, None)
    assert scan_payload("https://jkm.example.gov.cn/h5/code?token=1").kind is CodeKind.HEALTH_CODE
