"""Regression pins: how many codes the camera pipeline reads in each public image set.

Each image is scaled to 1280 px on the long side (a webcam frame) and given three frames, as
``checkpoint bench decode --max-side 1280`` does. The pins are the figures measured when the pipeline
was tuned; a change that reads fewer codes in any set fails here. A change that reads more should raise
the pin (and the table in docs/development.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checkpoint.bench.decode import (
    FRAMES,
    ExpectedPolygons,
    count_found,
    ground_truth,
    is_image,
    load_image,
    pipeline_frames,
)

# ../shared/testdata beside the project's root folder.
DATA = Path(__file__).resolve().parents[3].parent / "shared" / "testdata" / "qr-peer"

# set: (pipeline found, codes in the set, raw zxing-cpp found) at --max-side 1280, 3 frames.
PINS: dict[str, tuple[int, int, int]] = {
    "boofcv/blurred": (53, 65, 36),
    "boofcv/monitor": (17, 17, 17),
    "boofcv/nominal": (74, 78, 71),
    "zxing-cpp/qrcode-1": (8, 8, 8),
    "zxing-cpp/qrcode-2": (54, 56, 53),
    "zxing-cpp/qrcode-3": (18, 18, 18),
    "zxing-cpp/qrcode-4": (17, 24, 15),
    "zxing-cpp/qrcode-5": (16, 16, 16),
    "zxing-cpp/qrcode-6": (15, 15, 15),
    "zxing-cpp/qrcode-7": (4, 4, 4),
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DATA.is_dir(), reason="public test images (../shared/testdata) not present"),
]


def _pipeline_hits(folder: Path) -> tuple[int, int]:
    found = total = 0
    for path in sorted(p for p in folder.iterdir() if is_image(p)):
        expected = ground_truth(path)
        loaded = load_image(path, 1280)
        if expected is None or loaded is None:
            continue
        image, factor = loaded
        if isinstance(expected, ExpectedPolygons) and factor != 1.0:
            expected = expected.scaled(factor)
        codes, _, _ = pipeline_frames(image, FRAMES)
        f, t = count_found(expected, codes)
        found += f
        total += t
    return found, total


@pytest.mark.parametrize("name", sorted(PINS))
def test_pipeline_reads_at_least_the_pinned_codes(name: str) -> None:
    pinned, codes, raw_zxing = PINS[name]
    found, total = _pipeline_hits(DATA / name)
    assert total == codes  # the set or its ground truth changed: re-measure
    assert found >= pinned, f"{name}: the pipeline read {found} of {total} codes, pinned at {pinned}"
    assert found >= raw_zxing  # never below the best raw decoder on any set
