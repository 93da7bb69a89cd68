"""A printable pass card: the QR code of a signed pass with a readable caption (Chinese included) below.

Qt paints the caption so the system's CJK font is found through fontconfig; outside the GUI a
``QGuiApplication`` on the offscreen platform is made when none exists (``checkpoint passes issue``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import segno
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter


class PassCardError(Exception):
    """The card could not be written (folder missing, disk full, not writable)."""


def _gui_application() -> QGuiApplication:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise PassCardError("a non-GUI Qt application is running; cannot paint text")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1])


def render_pass_card(payload: str, caption: Sequence[str], *, module_px: int = 8) -> QImage:
    """The card as an image: quiet zone, QR code (error correction M), then one caption line each."""
    _gui_application()
    qr = segno.make(payload, error="m", micro=False)
    matrix = [list(row) for row in qr.matrix]
    border = 4
    side = (len(matrix) + 2 * border) * module_px
    font = QFont()
    font.setPixelSize(max(18, module_px * 3))
    metrics = QFontMetrics(font)
    line_height = metrics.lineSpacing() + module_px // 2
    width = max(side, *(metrics.horizontalAdvance(line) + 4 * module_px for line in caption), 1)
    height = side + line_height * len(caption) + (2 * module_px if caption else 0)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        left = (width - side) // 2 + border * module_px
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        left + x * module_px,
                        (border + y) * module_px,
                        module_px,
                        module_px,
                        Qt.GlobalColor.black,
                    )
        painter.setFont(font)
        painter.setPen(QColor("black"))
        top = side
        for line in caption:
            painter.drawText(QRect(0, top, width, line_height), Qt.AlignmentFlag.AlignHCenter, line)
            top += line_height
    finally:
        painter.end()
    return image


def write_pass_card(payload: str, caption: Sequence[str], path: Path, *, module_px: int = 8) -> None:
    """Write the card as PNG at ``path`` atomically (a failed write leaves nothing behind)."""
    image = render_pass_card(payload, caption, module_px=module_px)
    temporary = path.with_name(f".{path.name}.tmp.png")
    if not path.parent.is_dir():
        raise PassCardError(f"no such folder: {path.parent}")
    if not image.save(str(temporary)):
        temporary.unlink(missing_ok=True)
        raise PassCardError(f"cannot write {path}")
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise PassCardError(f"cannot write {path}: {error.strerror or error}") from error
