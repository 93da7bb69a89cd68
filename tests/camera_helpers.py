"""Helpers for the camera tests: generated QR images."""

from __future__ import annotations

import io

import cv2
import numpy as np
import segno


def qr_image(data: str | bytes, scale: int = 6, border: int = 4, colour: bool = True) -> np.ndarray:
    """A segno QR code as a BGR (or grey) uint8 image."""
    buf = io.BytesIO()
    segno.make(data, micro=False).save(buf, kind="png", scale=scale, border=border)
    flag = cv2.IMREAD_COLOR if colour else cv2.IMREAD_GRAYSCALE
    image = cv2.imdecode(np.frombuffer(buf.getvalue(), np.uint8), flag)
    assert image is not None
    return image
