from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from checkpoint.bench.decode import count_found, ground_truth
from checkpoint.camera.decode import (
    decode_image,
    decode_opencv,
    decode_pyzbar,
    decode_zxing,
    text_from_bytes,
)
from checkpoint.domain.codes import Backend, DecodedCode
from tests.camera_helpers import qr_image

CHINESE = "通行证 张三 3栋2单元"
ZXING_SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "testdata" / "qr-peer" / "zxing-cpp"

Decoder = Callable[[np.ndarray], list[DecodedCode]]
BYTE_EXACT_BACKENDS: list[tuple[Decoder, Backend]] = [
    (decode_zxing, Backend.ZXING),
    (decode_pyzbar, Backend.PYZBAR),
    (decode_image, Backend.ZXING),
]


@pytest.mark.parametrize(("decode", "backend"), BYTE_EXACT_BACKENDS)
@pytest.mark.parametrize(
    ("payload", "text"),
    [
        ("CPS1:HELLO-GATE-7", "CPS1:HELLO-GATE-7"),
        (CHINESE.encode("utf-8"), CHINESE),
        (CHINESE.encode("gbk"), CHINESE),
        ("出门条 李四".encode("gb18030"), "出门条 李四"),
    ],
)
def test_backends_read_true_text_and_bytes(
    decode: Decoder, backend: Backend, payload: str | bytes, text: str
) -> None:
    codes = decode(qr_image(payload))
    assert [c.text for c in codes] == [text]
    assert codes[0].backend is backend
    raw = payload if isinstance(payload, bytes) else payload.encode()
    assert codes[0].raw == raw


@pytest.mark.parametrize("payload", [CHINESE.encode("utf-8"), CHINESE.encode("gbk"), b"HELLO 123"])
def test_opencv_backend_reads_true_text(payload: bytes) -> None:
    # OpenCV widens non-UTF-8 bytes as latin-1; the backend narrows them back.
    codes = decode_opencv(qr_image(payload))
    assert [(c.text, c.raw, c.backend) for c in codes] == [
        (payload.decode("utf-8", errors="replace") if payload.isascii() else CHINESE, payload, Backend.OPENCV)
    ]


def test_points_are_corners_in_input_pixels_also_when_downscaled() -> None:
    code = qr_image("HELLO", scale=10, border=4)  # 21 modules + 8 quiet = 290 px, code at 40..250
    canvas = np.full((2400, 3200, 3), 255, np.uint8)  # larger than the pipeline's decode size
    canvas[1000:1290, 2000:2290] = code
    [found] = decode_image(canvas)
    xs = [p[0] for p in found.points or ()]
    ys = [p[1] for p in found.points or ()]
    assert min(xs) == pytest.approx(2040, abs=6) and max(xs) == pytest.approx(2250, abs=6)
    assert min(ys) == pytest.approx(1040, abs=6) and max(ys) == pytest.approx(1250, abs=6)


def test_grey_and_bgra_inputs_decode() -> None:
    grey = qr_image("GREY", colour=False)
    assert [c.text for c in decode_image(grey)] == ["GREY"]
    bgra = cv2.cvtColor(qr_image("BGRA"), cv2.COLOR_BGR2BGRA)
    assert [c.text for c in decode_image(bgra)] == ["BGRA"]


def test_two_codes_in_one_frame_are_both_reported_once() -> None:
    canvas = np.full((400, 800, 3), 255, np.uint8)
    a, b = qr_image("LEFT"), qr_image("RIGHT")
    canvas[50 : 50 + a.shape[0], 50 : 50 + a.shape[1]] = a
    canvas[50 : 50 + b.shape[0], 450 : 450 + b.shape[1]] = b
    assert sorted(c.text for c in decode_image(canvas)) == ["LEFT", "RIGHT"]


def test_no_code_frame_is_empty() -> None:
    # Random noise is the worst case for false positives; how long it takes is the bench's business.
    rng = np.random.default_rng(1)
    frame = cv2.GaussianBlur(rng.integers(0, 256, (720, 1280, 3), dtype=np.uint8), (5, 5), 0)
    assert decode_image(frame) == []


@pytest.mark.parametrize(
    "shape",
    [(0,), (0, 0), (1, 1), (20, 20), (1, 5000), (5000, 1), (3, 3, 3), (40, 40, 2), (40, 40, 5), (0, 10, 3)],
)
def test_odd_uint8_shapes_return_nothing(shape: tuple[int, ...]) -> None:
    if len(shape) == 1:
        with pytest.raises(ValueError):
            decode_image(np.zeros(shape, np.uint8))
    else:
        assert decode_image(np.zeros(shape, np.uint8)) == []


@pytest.mark.parametrize(
    "bad", [np.zeros((50, 50), np.float32), np.zeros((50, 50), np.uint16), np.zeros((2, 2, 2, 2), np.uint8)]
)
def test_wrong_dtype_or_ndim_is_value_error(bad: np.ndarray) -> None:
    with pytest.raises(ValueError):
        decode_image(bad)


@settings(max_examples=40, deadline=None)
@given(
    arrays(
        np.uint8,
        st.one_of(
            st.tuples(st.integers(0, 80), st.integers(0, 80)),
            st.tuples(st.integers(0, 80), st.integers(0, 80), st.sampled_from([1, 3, 4])),
        ),
    )
)
def test_garbage_arrays_never_raise(image: np.ndarray) -> None:
    assert isinstance(decode_image(image), list)


def test_text_from_bytes_order() -> None:
    assert text_from_bytes("票".encode()) == "票"
    assert text_from_bytes(CHINESE.encode("gbk")) == CHINESE
    assert text_from_bytes("モバイル".encode("shift_jis")) == "モバイル"  # full-width kana: Japanese
    assert text_from_bytes("阿".encode("gbk")) == "阿"  # reads as half-width kana in Shift_JIS: still GBK
    assert text_from_bytes(b"\xff\xfe\x00") == "\xff\xfe\x00"  # nothing else fits: latin-1
    assert text_from_bytes(b"\x8d\x00", eci_text="declared") == "declared"


def _sample_found(folder: str) -> int:
    found = 0
    for image_path in sorted((ZXING_SAMPLES / folder).iterdir()):
        if image_path.suffix not in {".png", ".jpg", ".webp"}:
            continue
        expected = ground_truth(image_path)
        image = cv2.imread(str(image_path), cv2.IMREAD_COLOR)
        if expected is None or image is None:
            continue
        found += count_found(expected, decode_image(image))[0]
    return found


@pytest.mark.skipif(not ZXING_SAMPLES.is_dir(), reason="public test images not present")
@pytest.mark.parametrize(
    ("folder", "minimum"), [("qrcode-1", 8), ("qrcode-2", 54), ("qrcode-4", 18), ("qrcode-7", 4)]
)
def test_public_zxing_samples_regression_pin(folder: str, minimum: int) -> None:
    # Measured: qrcode-1 8/8, qrcode-2 54/56 (incl. Shift_JIS and GBK texts), qrcode-4 18/24, qrcode-7 4/4.
    assert _sample_found(folder) >= minimum
