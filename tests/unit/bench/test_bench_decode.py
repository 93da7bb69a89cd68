"""The decode bench: ground truth in both forms, codes found per decoder, the no-code stream, bad data."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.camera_helpers import qr_image

from checkpoint.bench import BenchError
from checkpoint.bench.decode import (
    ExpectedPolygons,
    ExpectedText,
    format_decode_bench,
    ground_truth,
    parse_polygons,
    point_in_polygon,
    run_decode_bench,
)

BOOF_TXT = """# list of hand selected 2D points
10.5 20.0
110.0 20.0
110.0 120.0
10.0 120.0
"""


def test_parse_boofcv_polygons_in_both_layouts() -> None:
    assert parse_polygons(BOOF_TXT) == (((10.5, 20.0), (110.0, 20.0), (110.0, 120.0), (10.0, 120.0)),)
    two = "# points\n0 0 10 0 10 10 0 10\n20 20 30 20 30 30 20 30\n"
    assert len(parse_polygons(two)) == 2
    with pytest.raises(ValueError):
        parse_polygons("# x\n1 2 3\n")


def test_point_in_polygon() -> None:
    square = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    assert point_in_polygon((5, 5), square)
    assert not point_in_polygon((15, 5), square)


def _fixture(tmp_path: Path) -> Path:
    zx = tmp_path / "zx"
    zx.mkdir()
    cv2.imwrite(str(zx / "a.png"), qr_image("alpha\r\nline"))
    (zx / "a.txt").write_bytes(b"alpha\r\nline")  # CRLF kept: read without newline translation
    cv2.imwrite(str(zx / "b.png"), qr_image(b"\x01\xfe\x80binary"))
    (zx / "b.bin").write_bytes(b"\x01\xfe\x80binary")
    cv2.imwrite(str(zx / "c.png"), np.full((100, 100, 3), 255, np.uint8))  # nothing to find
    (zx / "c.txt").write_text("never")
    (zx / "c.result.txt").write_text("symbologyIdentifier=]Q1")
    for i, part in enumerate(["first half ", "second half"], start=1):
        cv2.imwrite(str(zx / f"m-{i}.png"), qr_image(part))
    (zx / "m.txt").write_text("first half second half")
    boof = tmp_path / "boof"
    boof.mkdir()
    canvas = np.full((600, 800, 3), 255, np.uint8)
    code = qr_image("BOOF", scale=5)
    canvas[100 : 100 + code.shape[0], 200 : 200 + code.shape[1]] = code
    cv2.imwrite(str(boof / "image001.jpg"), canvas)
    s = code.shape[0]
    (boof / "image001.txt").write_text(
        "# list of hand selected 2D points\n"
        f"200 100\n{200 + s} 100\n{200 + s} {100 + s}\n200 {100 + s}\n"
        "# a second code nobody can read\n600 400\n700 400\n700 500\n600 500\n"
    )
    return tmp_path


def test_ground_truth_kinds(tmp_path: Path) -> None:
    data = _fixture(tmp_path)
    assert ground_truth(data / "zx" / "a.png") == ExpectedText(text="alpha\r\nline", raw=None)
    assert ground_truth(data / "zx" / "b.png") == ExpectedText(text=None, raw=b"\x01\xfe\x80binary")
    part = ground_truth(data / "zx" / "m-2.png")
    assert isinstance(part, ExpectedText) and part.structured_part
    boof = ground_truth(data / "boof" / "image001.jpg")
    assert isinstance(boof, ExpectedPolygons) and len(boof.polygons) == 2


@pytest.mark.parametrize("max_side", [None, 400])
def test_bench_counts_found_codes_per_decoder(tmp_path: Path, max_side: int | None) -> None:
    report = run_decode_bench(_fixture(tmp_path), max_side, no_code_frames=0)
    by_set = {s.name: {d.decoder: d for d in s.decoders} for s in report.sets}
    assert set(by_set) == {"zx", "boof"}
    for decoder in ("pipeline", "still"):
        zx = by_set["zx"][decoder]
        assert (zx.found, zx.total) == (4, 5)  # a, b, both parts; not the blank image
        assert len(zx.times_ms) == 5
        assert (by_set["boof"][decoder].found, by_set["boof"][decoder].total) == (1, 2)
    assert by_set["zx"]["zxing-cpp"].found == 4
    assert report.sets[1].pipeline_steps == {"base": 4}  # sets sorted: boof, zx
    table = format_decode_bench(report)
    header = next(line for line in table.splitlines() if line.startswith("set"))
    assert header.split() == ["set", "codes", "zxing-cpp", "pyzbar", "opencv", "pipeline", "still"]
    assert "ALL" in table and "no-code stream" not in table
    payload = report.to_json()
    json.dumps(payload)
    assert payload["max_side"] == max_side and payload["frames_per_image"] == 3
    assert payload["no_code_stream"] is None


def test_bench_no_code_stream_and_targets(tmp_path: Path) -> None:
    report = run_decode_bench(_fixture(tmp_path), None, frames=1, no_code_frames=6)
    assert report.stream is not None
    assert report.stream.frames == 6 and report.stream.size == (1280, 720)
    assert len(report.stream.pipeline_ms) == len(report.stream.raw_zxing_ms) == 6
    targets = report.targets()
    assert targets["zxing_sets_below_best_raw"] is None  # no set named zxing-cpp/...: nothing to compare
    assert targets["boofcv_total"] == 0
    assert isinstance(targets["no_code_ratio"], float)
    assert "no-code stream: 6 demo-camera frames 1280x720" in format_decode_bench(report)


def test_bench_rejects_bad_numbers(tmp_path: Path) -> None:
    with pytest.raises(BenchError):
        run_decode_bench(_fixture(tmp_path), None, frames=0)
    with pytest.raises(BenchError):
        run_decode_bench(tmp_path, None, no_code_frames=-1)


def test_boofcv_sets_file_with_several_polygons_is_ground_truth(tmp_path: Path) -> None:
    # BoofCV's files for images with several codes start their data with a SETS line.
    path = tmp_path / "image001.jpg"
    cv2.imwrite(str(path), np.full((50, 50, 3), 255, np.uint8))
    (tmp_path / "image001.txt").write_text(
        "# list of hand selected 2D points\nSETS\n0 0 10 0 10 10 0 10\nSETS\n20 20 30 20 30 30 20 30\n"
    )
    expected = ground_truth(path)
    assert isinstance(expected, ExpectedPolygons) and len(expected.polygons) == 2


def test_bench_without_images_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BenchError):
        run_decode_bench(tmp_path, None)
    with pytest.raises(BenchError):
        run_decode_bench(tmp_path / "nope", None)
