"""The size an image file declares, read from its header before anything decodes it.

A decoder allocates width x height pixels as the header says, whatever the file's own size: an 875 KB
PNG that declares 40,000 x 40,000 pixels makes OpenCV reserve gigabytes. :func:`check_image` reads the
header of the formats the station takes (PNG, JPEG, GIF, BMP, WebP, TIFF, PNM) and refuses an image of
more than :data:`MAX_IMAGE_PIXELS` pixels, or a format it cannot read the size of, with a clear message;
only then is the image handed to ``cv2.imdecode``. Pure bytes in, numbers or an error out.
"""

from __future__ import annotations

import re
import struct

MAX_IMAGE_PIXELS = 50_000_000  # a 50-megapixel photo (8,160 x 6,120); a camera frame is 1 to 2 MP
MAX_IMAGE_BYTES = 64 * 1024 * 1024  # an image file larger than this is not a photo of a code

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # start-of-frame markers (not DHT/JPG/DAC)
_PNM_HEADER = re.compile(rb"P[1-6](?:\s+|#[^\n]*\n)+(\d+)(?:\s+|#[^\n]*\n)+(\d+)")


class ImageRefusedError(ValueError):
    """An image the station does not decode: too many pixels, or a size it cannot read (the message
    says which)."""


def check_image(data: bytes) -> tuple[int, int]:
    """The image's width and height from its header, if it may be decoded; else :class:`ImageRefusedError`."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRefusedError(
            f"{len(data)} bytes is larger than an image of a code can be ({MAX_IMAGE_BYTES})"
        )
    size = image_size(data)
    if size is None:
        raise ImageRefusedError("not a PNG, JPEG, GIF, BMP, WebP, TIFF or PNM image with a readable size")
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageRefusedError(f"the image declares {width} x {height} pixels")
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageRefusedError(
            f"the image declares {width} x {height} pixels, more than {MAX_IMAGE_PIXELS:,} (not decoded)"
        )
    return width, height


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height as the header of a PNG, JPEG, GIF, BMP, WebP, TIFF or PNM image says; None for
    anything else or a header cut short."""
    try:
        if data.startswith(_PNG) and data[12:16] == b"IHDR":
            return _unpack(">II", data, 16)
        if data.startswith(b"\xff\xd8"):
            return _jpeg_size(data)
        if data[:6] in (b"GIF87a", b"GIF89a"):
            return _unpack("<HH", data, 6)
        if data.startswith(b"BM"):
            return _bmp_size(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp_size(data)
        if data[:4] in (b"II*\x00", b"MM\x00*"):
            return _tiff_size(data)
        found = _PNM_HEADER.match(data[:1024])
        if found is not None:
            return int(found.group(1)), int(found.group(2))
    except struct.error:  # a header cut short
        return None
    return None


def _unpack(layout: str, data: bytes, at: int) -> tuple[int, int]:
    first, second = struct.unpack_from(layout, data, at)
    return int(first), int(second)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xDA)):  # no length: TEM, RSTn, SOI, EOI
            at += 2
            continue
        (length,) = struct.unpack_from(">H", data, at + 2)
        if marker in _JPEG_SOF:
            height, width = _unpack(">HH", data, at + 5)
            return width, height
        if marker == 0xDA or length < 2:  # the scan began without a frame header: no size
            return None
        at += 2 + length
    return None


def _bmp_size(data: bytes) -> tuple[int, int]:
    (header,) = struct.unpack_from("<I", data, 14)
    if header == 12:  # BITMAPCOREHEADER
        return _unpack("<HH", data, 18)
    width, height = struct.unpack_from("<ii", data, 18)
    return abs(int(width)), abs(int(height))  # a negative height is a top-down bitmap


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 ":
        width, height = _unpack("<HH", data, 26)
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        b0, b1, b2, b3 = data[21:25]
        return 1 + (b0 | (b1 & 0x3F) << 8), 1 + (b1 >> 6 | b2 << 2 | (b3 & 0x0F) << 10)
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    return None


def _tiff_size(data: bytes) -> tuple[int, int] | None:
    """The first image's size (the one a decoder reads) from the first IFD's width and length tags."""
    order = "<" if data[:2] == b"II" else ">"
    (ifd,) = struct.unpack_from(f"{order}I", data, 4)
    (count,) = struct.unpack_from(f"{order}H", data, ifd)
    found: dict[int, int] = {}
    for index in range(min(count, 512)):
        tag, kind, _n = struct.unpack_from(f"{order}HHI", data, ifd + 2 + index * 12)
        if tag in (256, 257):
            layout = f"{order}H" if kind == 3 else f"{order}I"
            (found[tag],) = struct.unpack_from(layout, data, ifd + 2 + index * 12 + 8)
    if 256 in found and 257 in found:
        return found[256], found[257]
    return None
