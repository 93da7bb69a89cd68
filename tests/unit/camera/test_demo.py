from __future__ import annotations

import time

import numpy as np
import pytest

from checkpoint.camera.decode import decode_image
from checkpoint.camera.demo import DemoCamera, base45_encode, demo_payloads
from checkpoint.domain.codes import classify
from checkpoint.domain.records import CodeKind


def test_base45_matches_rfc_9285_examples() -> None:
    assert base45_encode(b"AB") == "BB8"
    assert base45_encode(b"Hello!!") == "%69 VD92EX0"
    assert base45_encode(b"base-45") == "UJCLQE7W581"


def test_payload_rotation_covers_every_kind() -> None:
    payloads = demo_payloads(0)
    texts = [p if isinstance(p, str) else p.decode("gbk") for p in payloads if p is not None]
    kinds = {classify(t) for t in texts}
    assert {CodeKind.STATION_PASS, CodeKind.DCC, CodeKind.HEALTH_CODE, CodeKind.UNKNOWN} <= kinds
    assert any(isinstance(p, bytes) for p in payloads)  # GBK-encoded Chinese
    assert None in payloads  # a page without a code
    assert all(len(t) > 300 for t in texts if t.startswith("HC1:"))


def test_same_seed_same_frames() -> None:
    a, b = DemoCamera(seed=5, paced=False), DemoCamera(seed=5, paced=False)
    a.open()
    b.open()
    for _ in range(60):
        fa, fb = a.read(), b.read()
        assert fa is not None and fb is not None
        assert np.array_equal(fa, fb)
        assert a.current_payload() == b.current_payload()


def test_most_code_frames_decode_to_the_payload_on_screen() -> None:
    cam = DemoCamera(seed=11, paced=False, hold_seconds=0.2, gap_seconds=(0.1, 0.1))
    cam.open()
    code_frames = read = gap_false_positives = 0
    seen: set[str] = set()
    for _ in range(150):
        frame = cam.read()
        assert frame is not None and frame.shape == (720, 1280, 3)
        payload = cam.current_payload()
        codes = decode_image(frame)
        if payload is None:
            gap_false_positives += bool(codes)
            continue
        code_frames += 1
        if [c.text for c in codes] == [payload]:
            read += 1
            seen.add(payload)
    assert code_frames >= 80
    assert read >= 0.8 * code_frames
    assert gap_false_positives == 0
    assert any("通行证" in s or "出门条" in s for s in seen)


def test_code_is_held_about_one_and_a_half_seconds_then_a_gap() -> None:
    cam = DemoCamera(seed=2, paced=False)
    cam.open()
    runs: list[tuple[str | None, int]] = []
    for _ in range(200):
        cam.read()
        p = cam.current_payload()
        if runs and runs[-1][0] == p:
            runs[-1] = (p, runs[-1][1] + 1)
        else:
            runs.append((p, 1))
    code_runs = [n for p, n in runs[:-1] if p is not None]
    assert code_runs and all(n == 45 for n in code_runs)  # 1.5 s at 30 fps
    assert any(p is None for p, _ in runs)


def test_paced_reads_deliver_the_camera_frame_rate() -> None:
    cam = DemoCamera(seed=0, fps=50.0)
    cam.open()
    cam.read()
    start = time.monotonic()
    for _ in range(10):
        cam.read()
    elapsed = time.monotonic() - start
    assert 0.18 <= elapsed < 2.0  # paced to 50 fps (a loaded machine may only be slower)


def test_given_payloads_are_shown_in_turn_and_an_empty_list_is_refused() -> None:
    shown = ["CPS1:FIRST", "second 第二", None]
    cam = DemoCamera(seed=3, paced=False, hold_seconds=0.1, gap_seconds=(0.05, 0.05), payloads=shown)
    cam.open()
    seen: list[str | None] = []
    for _ in range(40):
        cam.read()
        payload = cam.current_payload()
        if payload is not None and (not seen or seen[-1] != payload):
            seen.append(payload)
    cam.close()
    assert seen[:4] == ["CPS1:FIRST", "second 第二", "CPS1:FIRST", "second 第二"]
    with pytest.raises(ValueError, match="payloads"):
        DemoCamera(payloads=[])


def test_a_reopened_camera_starts_its_frames_over() -> None:
    cam = DemoCamera(seed=7, paced=False, hold_seconds=0.2, gap_seconds=(0.1, 0.1))
    cam.open()
    first = [cam.read() for _ in range(20)]
    cam.close()
    cam.open()
    again = [cam.read() for _ in range(20)]
    cam.close()
    assert all(
        a is not None and b is not None and np.array_equal(a, b) for a, b in zip(first, again, strict=True)
    )
