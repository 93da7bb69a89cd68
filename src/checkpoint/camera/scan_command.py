"""What ``checkpoint scan`` needs from the camera layer: codes from an image file or a typed payload,
decoded and verified (EU DCC signatures against a trust store, station passes against the deployment's
keys) at a validation clock."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np

from checkpoint.camera.decode import decode_image
from checkpoint.camera.image_size import MAX_IMAGE_BYTES, ImageRefusedError, check_image
from checkpoint.domain.codes import ScannedCode
from checkpoint.domain.credentials import StationKeys, TrustStore, inspect_payload


class ScanInputError(Exception):
    """An input that is not a readable image (missing, unreadable, not an image)."""


@dataclasses.dataclass(frozen=True, slots=True)
class Verification:
    """What a scan checks against: DCC signers, the deployment's pass keys, revoked passes, the clock
    (``None``: now)."""

    trust: TrustStore | None = None
    station_keys: StationKeys | None = None
    revoked: Collection[str] = frozenset()
    at: datetime | None = None

    def inspect(self, text: str) -> ScannedCode:
        return inspect_payload(
            text,
            trust=self.trust,
            at=self.at or datetime.now(UTC),
            station_keys=self.station_keys,
            revoked=self.revoked,
        )


def scan_image_file(path: Path, verification: Verification | None = None) -> list[ScannedCode]:
    """Every code in the image at ``path``, verified, corners in the image's pixels (empty: no code)."""
    if not path.exists():
        raise ScanInputError(f"no such file: {path}")
    if not path.is_file():
        raise ScanInputError(f"not a file: {path}")
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise ScanInputError(f"{path}: larger than an image of a code can be ({MAX_IMAGE_BYTES} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise ScanInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not data:
        raise ScanInputError(f"empty file: {path}")
    try:  # the header's size, before a decoder allocates what it declares
        check_image(data)
    except ImageRefusedError as error:
        raise ScanInputError(f"{path}: {error}") from None
    # imdecode on bytes, not imread on a path: works for any file name (non-ASCII on Windows too).
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ScanInputError(f"not an image OpenCV can read: {path}")
    checks = verification or Verification()
    return [
        dataclasses.replace(checks.inspect(code.text), points=code.points) for code in decode_image(image)
    ]


def scan_payload(text: str, verification: Verification | None = None) -> ScannedCode:
    """One payload as a scanner typed it (one stdin line): classified and verified, no corners."""
    return (verification or Verification()).inspect(text.rstrip("\r\n"))
