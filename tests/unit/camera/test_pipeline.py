"""The frame pipeline: each strategy on a generated image it exists for, and the rotation over frames."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from checkpoint.camera.decode import decode_image, zxing_read
from checkpoint.camera.pipeline import (
    BASE,
    FRAME_STRATEGIES,
    SECOND_LOOK,
    FramePipeline,
    Strategy,
    deblur,
    decode_still,
)
from checkpoint.domain.codes import Backend, DecodedCode
from tests.camera_helpers import qr_image

PAYLOAD = "CPS1:LOW-CONTRAST-TEST"
STRATEGY = {s.name: s for s in FRAME_STRATEGIES}


def _scene(payload: str | bytes = PAYLOAD, scale: int = 6) -> np.ndarray:
    """A grey 640x480 frame with one code on a white ground."""
    code = qr_image(payload, scale=scale, colour=False)
    canvas = np.full((480, 640), 255, np.uint8)
    h, w = code.shape
    canvas[100 : 100 + h, 150 : 150 + w] = code
    return canvas


def _inverted() -> np.ndarray:
    """Light modules on a dark ground, as a dark-mode screen shows them."""
    return cv2.bitwise_not(_scene())


def _faint_under_glare() -> np.ndarray:
    """Modules 15 grey levels apart, under a brightness ramp across the frame (glare)."""
    faint = _scene().astype(np.float32) / 255 * 15 + 110
    ramp = np.linspace(0, 90, faint.shape[1], dtype=np.float32)[None, :]
    return np.clip(faint + ramp, 0, 255).astype(np.uint8)


def _out_of_focus() -> np.ndarray:
    """Modules of 5 px under a Gaussian defocus of sigma 3 px and a little sensor noise: the modules
    have run into one another, as in a photo taken too close for the lens."""
    blurred = cv2.GaussianBlur(_scene(scale=5), (0, 0), 3.0).astype(np.float32)
    noise = np.random.default_rng(0).normal(0, 2, blurred.shape)
    image: np.ndarray = np.clip(blurred + noise, 0, 255).astype(np.uint8)
    return image


def _texts(codes: list[DecodedCode]) -> list[str]:
    return [c.text for c in codes]


def test_base_pass_misses_what_the_strategies_are_for() -> None:
    # The premise of every test below: zxing-cpp as the base pass runs it reads none of these.
    for image in (_inverted(), _faint_under_glare(), _out_of_focus()):
        assert zxing_read(image, invert=False)[0] == []


def test_inverted_strategy_reads_a_dark_mode_code() -> None:
    assert _texts(STRATEGY["inverted"].read(_inverted())) == [PAYLOAD]
    assert STRATEGY["local-contrast"].read(_inverted()) == []  # only the inversion does it


def test_local_contrast_recovers_a_faint_code_under_glare() -> None:
    assert _texts(STRATEGY["local-contrast"].read(_faint_under_glare())) == [PAYLOAD]
    assert STRATEGY["global-threshold"].read(_faint_under_glare()) == []


def test_deblur_strategy_reads_a_code_out_of_focus_that_no_other_strategy_reads() -> None:
    image = _out_of_focus()
    assert _texts(STRATEGY["deblur"].read(image)) == [PAYLOAD]
    assert [name for name, s in STRATEGY.items() if name != "deblur" and s.read(image)] == []


def test_deblur_keeps_flat_areas_and_steepens_a_blurred_edge() -> None:
    edge = np.zeros((40, 40), np.uint8)
    edge[:, 20:] = 200
    blurred = cv2.GaussianBlur(edge, (0, 0), 2.5)
    restored = deblur(blurred).astype(int)
    assert abs(restored[20, 2] - 0) <= 2 and abs(restored[20, 37] - 200) <= 2  # grey levels kept
    # The ramp across the edge is shorter: two pixels either side of it are further apart.
    assert restored[20, 22] - restored[20, 17] > int(blurred[20, 22]) - int(blurred[20, 17]) + 40


def test_zbar_strategy_reads_true_gbk_text() -> None:
    text = "通行证 张三 3栋2单元"
    [code] = STRATEGY["zbar"].read(_scene(text.encode("gbk")))
    assert (code.text, code.backend) == (text, Backend.PYZBAR)


@pytest.mark.parametrize(
    "name", ["global-threshold", "upscale-1.5", "downscale-0.5", "adaptive-threshold", "median"]
)
def test_every_strategy_reads_a_plain_code_with_corners_in_frame_pixels(name: str) -> None:
    [code] = STRATEGY[name].read(_scene())
    assert code.text == PAYLOAD
    assert code.centre is not None
    # The code spans x 150..(150+w), y 100..(100+h) of the frame; its centre is the middle of that.
    side = qr_image(PAYLOAD, scale=6).shape[0]
    assert code.centre == pytest.approx((150 + side / 2, 100 + side / 2), abs=6)


def test_second_look_reads_a_located_but_blurred_code() -> None:
    blurred = cv2.GaussianBlur(_scene(), (0, 0), 3.5)
    codes, suspects = zxing_read(blurred, invert=False, suspects=True)
    assert codes == [] and suspects  # zxing-cpp finds the symbol but cannot decode it
    pipeline = FramePipeline(strategies=())
    assert _texts(pipeline.decode(blurred)) == [PAYLOAD]
    assert pipeline.last_sources == (SECOND_LOOK,)


def test_second_look_deblurs_a_located_code_that_sharpening_cannot_read() -> None:
    image = _out_of_focus()
    codes, suspects = zxing_read(image, invert=False, suspects=True)
    assert codes == [] and suspects
    pipeline = FramePipeline(strategies=())
    assert _texts(pipeline.decode(image)) == [PAYLOAD]
    assert pipeline.last_sources == (SECOND_LOOK,)


def test_strategies_take_turns_across_frames_and_only_when_nothing_was_read() -> None:
    calls: list[str] = []

    def recorder(name: str) -> Strategy:
        def read(grey: np.ndarray) -> list[DecodedCode]:
            calls.append(name)
            return []

        return Strategy(name, read)

    pipeline = FramePipeline([recorder("a"), recorder("b"), recorder("c")], per_frame=1)
    blank = np.full((480, 640, 3), 200, np.uint8)
    for _ in range(4):
        assert pipeline.decode(blank) == []
    assert calls == ["a", "b", "c", "a"]
    assert _texts(pipeline.decode(_scene())) == [PAYLOAD]  # read by the base pass: no extra work
    assert pipeline.last_sources == (BASE,)
    assert calls == ["a", "b", "c", "a"]
    pipeline.reset()
    pipeline.decode(blank)
    assert calls[-1] == "a"
    pipeline.decode(blank)
    pipeline.decode(np.full((240, 320), 200, np.uint8))  # another stream size: starts over
    assert calls[-2:] == ["b", "a"]


def _damaged() -> np.ndarray:
    """A code whose middle is inverted, beyond what error correction repairs: zxing-cpp locates it,
    nothing reads it."""
    frame = _scene()
    side = qr_image(PAYLOAD, scale=6).shape[0]
    cy, cx = 100 + side // 2, 150 + side // 2
    frame[cy - 20 : cy + 20, cx - 20 : cx + 20] = 255 - frame[cy - 20 : cy + 20, cx - 20 : cx + 20]
    return frame


def test_a_frame_with_an_unread_symbol_gets_two_strategies_an_empty_frame_one() -> None:
    calls: list[str] = []

    def recorder(name: str) -> Strategy:
        def read(grey: np.ndarray) -> list[DecodedCode]:
            calls.append(name)
            return []

        return Strategy(name, read)

    damaged = _damaged()
    assert zxing_read(damaged, invert=False, suspects=True)[1]  # located, not read
    pipeline = FramePipeline([recorder(n) for n in "abc"], per_frame=2)
    assert pipeline.decode(damaged) == []
    assert calls == ["a", "b"]
    assert pipeline.decode(np.full((480, 640), 200, np.uint8)) == []
    assert calls == ["a", "b", "c"]
    pipeline.decode(damaged)
    assert calls == ["a", "b", "c", "a", "b"]


def test_a_fresh_pipeline_reads_an_inverted_code_within_three_frames() -> None:
    pipeline = FramePipeline()
    found = [_texts(pipeline.decode(_inverted())) for _ in range(3)]
    assert [PAYLOAD] in found


def test_points_are_in_input_pixels_when_the_pipeline_downscales() -> None:
    frame = np.full((1400, 2400), 255, np.uint8)
    code = qr_image(PAYLOAD, scale=10, colour=False)
    frame[600 : 600 + code.shape[0], 1500 : 1500 + code.shape[1]] = code
    [found] = FramePipeline(max_side=1200).decode(frame)
    assert found.centre == pytest.approx((1500 + code.shape[1] / 2, 600 + code.shape[0] / 2), abs=8)


def test_pipeline_on_frames_without_a_code_returns_nothing() -> None:
    rng = np.random.default_rng(1)
    noise = cv2.GaussianBlur(rng.integers(0, 256, (720, 1280, 3), dtype=np.uint8), (5, 5), 0)
    pipeline = FramePipeline()
    for _ in range(len(FRAME_STRATEGIES)):
        assert pipeline.decode(noise) == []


def test_decode_still_runs_every_strategy_in_turn() -> None:
    codes, sources = decode_still(_faint_under_glare())
    assert _texts(codes) == [PAYLOAD]
    assert sources == ("local-contrast",)
    assert _texts(decode_image(_inverted())) == [PAYLOAD]
