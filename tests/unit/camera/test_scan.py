"""``checkpoint scan``'s core: codes in an image file or a stdin payload, and its bad inputs."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import cv2
import pytest

from checkpoint.camera.image_size import ImageRefusedError, check_image, image_size
from checkpoint.camera.scan_command import ScanInputError, scan_image_file, scan_payload
from checkpoint.camera.sources import ImageFolderSource
from checkpoint.domain.records import CodeKind
from tests.bounded import run_bounded
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


def png_bomb(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` grey pixels but carries the data of a few rows only:
    what a decoder allocates is what the header says."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (width + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def test_an_image_declaring_too_many_pixels_is_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The attack: an 875 KB PNG made `scan` take 5.4 GB; the header says how much a decoder will take.
    path = tmp_path / "bomb.png"
    path.write_bytes(png_bomb(30_000, 30_000))
    assert path.stat().st_size < 2_000

    def never(*_args: object) -> object:
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(cv2, "imdecode", never)
    with pytest.raises(ScanInputError, match=r"declares 30000 x 30000 pixels, more than 50,000,000"):
        scan_image_file(path)


@pytest.mark.slow
def test_scan_of_an_image_bomb_answers_within_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_bomb(20_000, 20_000))  # 400 MP: under OpenCV's own limit, 1.2 GB to decode
    result = run_bounded(
        f"""
        import contextlib, io, json
        from checkpoint.cli import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["scan", "--json", {str(path)!r}])
        print(json.dumps({{"code": code, "output": json.loads(out.getvalue())}}))
        """,
        memory_mib=1024,
    )
    assert result["code"] == 1
    output = result["output"]
    assert isinstance(output, dict) and output["codes"] == []
    assert "declares 20000 x 20000 pixels" in str(output["error"])


def test_image_sizes_are_read_from_every_format_the_station_takes(tmp_path: Path) -> None:
    image = qr_image("CPS1:ABC", scale=3)
    height, width = image.shape[:2]
    for suffix in (".png", ".jpg", ".bmp", ".webp", ".tiff", ".ppm"):
        ok, encoded = cv2.imencode(suffix, image)
        assert ok and image_size(encoded.tobytes()) == (width, height), suffix
    assert image_size(b"not an image at all") is None
    with pytest.raises(ImageRefusedError, match="not a PNG, JPEG"):
        check_image(b"\x00" * 100)


def test_the_image_folder_camera_skips_an_image_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-bomb.png").write_bytes(png_bomb(30_000, 30_000))
    cv2.imwrite(str(tmp_path / "b-code.png"), qr_image("CPS1:ABC", scale=4))
    decoded: list[int] = []
    real = cv2.imdecode

    def imdecode(buffer: Any, flags: int) -> Any:
        decoded.append(len(buffer))
        return real(buffer, flags)

    monkeypatch.setattr(cv2, "imdecode", imdecode)
    source = ImageFolderSource(tmp_path, fps=1000, loop=False)
    source.open()
    frame = source.read()
    assert frame is not None and len(decoded) == 1  # the bomb was skipped unread
    source.close()
