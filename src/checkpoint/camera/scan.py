"""What ``checkpoint scan`` needs from the camera layer: codes from an image file or a typed payload."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from checkpoint.camera.decode import decode_image
from checkpoint.domain.codes import ScannedCode, classify, scanned_from_decoded


class ScanInputError(Exception):
    """An input that is not a readable image (missing, unreadable, not an image)."""


def scan_image_file(path: Path) -> list[ScannedCode]:
    """Every code in the image at ``path``, corners in the image's pixels (an empty list: no code)."""
    if not path.exists():
        raise ScanInputError(f"no such file: {path}")
    if not path.is_file():
        raise ScanInputError(f"not a file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScanInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not data:
        raise ScanInputError(f"empty file: {path}")
    # imdecode on bytes, not imread on a path: works for any file name (non-ASCII on Windows too).
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ScanInputError(f"not an image OpenCV can read: {path}")
    return [scanned_from_decoded(code) for code in decode_image(image)]


def scan_payload(text: str) -> ScannedCode:
    """One payload as a scanner typed it (one stdin line): classified, no corners."""
    payload = text.rstrip("\r\n")
    return ScannedCode(text=payload, kind=classify(payload))
