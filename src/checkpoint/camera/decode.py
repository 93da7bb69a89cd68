"""Decoding: the backends the decode pipeline is built from, and ``decode_image`` for still images.

The pipeline itself (its strategies, and ``FramePipeline`` for camera streams) is ``camera.pipeline``.
The raw backends (``decode_zxing``, ``decode_pyzbar``, ``decode_opencv``) are public for the decode
benchmark.

Text is always decoded from the code's raw bytes here, never taken from a library's guess: UTF-8
(strict) first, then the charset an ECI header declares, then Shift_JIS when the bytes clearly read as
Japanese, then GB18030 (a superset of GBK and GB2312, what Chinese health-code and pass generators
emit without an ECI), then latin-1. zbar would otherwise guess Shift_JIS / ISO-8859-1 for GBK bytes and
re-encode them into garbage; we switch it to binary output (``ZBAR_CFG_BINARY``) to get the true bytes.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Sequence

import cv2
import numpy as np
import zxingcpp

from checkpoint.domain.codes import Backend, DecodedCode, Point

# Images whose long side exceeds this are scaled down before decoding (points are mapped back).
# A webcam frame (up to 1920x1080) is decoded as it is; a 12 MP photo is shrunk (zxing-cpp finds the
# same codes in the public photo sets at 1920 as at full size, in 3/4 of the time).
MAX_DECODE_SIDE = 1920

# zbar, the second opinion, looks at the frame scaled to at most this: it then costs ~6 ms instead of
# ~20 ms on a 1280x720 frame without a code, and on the public image sets it finds the same extra codes.
PYZBAR_SIDE = 640

# The smallest image that can hold a QR code (21 modules, no quiet zone, 1 px a module).
_MIN_SIDE = 21

# The QR family only. Aztec (which the EU DCC allows, though issuers use QR) costs 10 ms more on a
# 1280x720 frame without a code, DataMatrix 15 ms, PDF417 6 ms: the live budget cannot carry them.
# Kept as text and made into zxing-cpp's BarcodeFormats per call (5 µs): a nanobind object in a module
# global outlives the interpreter's clean-up when a Qt connection keeps this module's functions alive, and
# nanobind then prints "leaked instances / types / functions" at every exit of the station.
_ZXING_FORMATS = "QRCode,MicroQRCode,rMQRCode"

# Symbology identifiers (ISO/IEC 15424) of QR codes that carry an ECI header.
_ECI_IDENTIFIERS = frozenset({"]Q2", "]Q4", "]Q6", "]d2", "]d5", "]d6", "]z3", "]z4", "]z5", "]L2"})


# ---------------------------------------------------------------------------------------------- text


def _is_japanese(text: str) -> bool:
    """Whether a Shift_JIS reading of some bytes is plausibly Japanese rather than misread Chinese.

    Full-width kana are decisive: GBK's common hanzi never read as kana in Shift_JIS. Half-width katakana
    count only when every voiced mark follows a kana that takes it and no kanji appear (GBK bytes read as
    Shift_JIS give a random mix of half-width kana and kanji).
    """
    if any("\u3040" <= ch <= "\u30ff" for ch in text):
        return True
    half = [ch for ch in text if "\uff66" <= ch <= "\uff9f"]
    if not half or any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    voiced_bases = "ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ"
    marks = 0
    for i, ch in enumerate(text):
        if ch in "ﾞﾟ":
            if i == 0 or text[i - 1] not in voiced_bases:
                return False
            marks += 1
    return marks > 0 or len(half) >= 4


def text_from_bytes(raw: bytes, eci_text: str | None = None) -> str:
    """The text a code's bytes most likely mean (see the module docstring for the order)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if eci_text is not None:
        return eci_text
    try:
        sjis = raw.decode("shift_jis")
    except UnicodeDecodeError:
        sjis = None
    if sjis is not None and _is_japanese(sjis):
        return sjis
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


# -------------------------------------------------------------------------------------------- input


def to_grey(image: np.ndarray) -> np.ndarray | None:
    """A contiguous single-channel uint8 view of ``image``, or None when no code can be in it."""
    if not isinstance(image, np.ndarray):
        raise ValueError(f"expected a numpy array, got {type(image).__name__}")
    if image.dtype != np.uint8:
        raise ValueError(f"expected a uint8 image, got dtype {image.dtype}")
    if image.ndim not in (2, 3):
        raise ValueError(f"expected a 2-D (grey) or 3-D (BGR) image, got {image.ndim} dimensions")
    if image.shape[0] < _MIN_SIDE or image.shape[1] < _MIN_SIDE:
        return None
    if image.ndim == 3:
        channels = image.shape[2]
        if channels == 1:
            image = image[:, :, 0]
        elif channels == 3:
            image = cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_BGR2GRAY)
        elif channels == 4:
            image = cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_BGRA2GRAY)
        else:
            return None
    return np.ascontiguousarray(image)


def shrink(grey: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """``grey`` scaled so its long side is at most ``max_side``, and the factor used (<= 1)."""
    long_side = max(grey.shape[0], grey.shape[1])
    if long_side <= max_side:
        return grey, 1.0
    factor = max_side / long_side
    size = (max(1, round(grey.shape[1] * factor)), max(1, round(grey.shape[0] * factor)))
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA), factor


def _scale_points(points: Sequence[Point], factor: float) -> tuple[Point, ...]:
    if factor == 1.0:
        return tuple((float(x), float(y)) for x, y in points)
    # Pixel centres: x_orig + 0.5 = (x_small + 0.5) / factor.
    return tuple(((x + 0.5) / factor - 0.5, (y + 0.5) / factor - 0.5) for x, y in points)


# ----------------------------------------------------------------------------------------- backends


def _zxing(
    grey: np.ndarray,
    *,
    invert: bool = True,
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage,
) -> list[DecodedCode]:
    return zxing_read(grey, invert=invert, binarizer=binarizer)[0]


def zxing_read(
    grey: np.ndarray,
    *,
    invert: bool = True,
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage,
    suspects: bool = False,
) -> tuple[list[DecodedCode], list[tuple[Point, ...]]]:
    """zxing-cpp on a grey image: the codes it read and, with ``suspects``, the corners of symbols it
    located but could not decode (checksum or format errors): where a second look is worthwhile."""
    try:
        barcodes = zxingcpp.read_barcodes(
            grey,
            formats=zxingcpp.barcode_formats_from_str(_ZXING_FORMATS),
            text_mode=zxingcpp.TextMode.Plain,
            try_invert=invert,
            binarizer=binarizer,
            return_errors=suspects,
        )
    except (RuntimeError, ValueError):
        return [], []
    found = []
    failed = []
    for bc in barcodes:
        pos = bc.position
        points = tuple(
            (float(p.x), float(p.y)) for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
        )
        if not bc.valid:
            failed.append(points)
            continue
        raw = bytes(bc.bytes)
        eci_text = bc.text if bc.symbology_identifier in _ECI_IDENTIFIERS else None
        found.append(
            DecodedCode(
                text=text_from_bytes(raw, eci_text),
                raw=raw,
                points=points,
                backend=Backend.ZXING,
                symbology=bc.format.name,
            )
        )
    return found, failed


# zbar's config ids (zbar.h). pyzbar's enum predates ZBAR_CFG_BINARY (zbar >= 0.23).
_ZBAR_QRCODE = 64
_ZBAR_CFG_ENABLE = 0
_ZBAR_CFG_BINARY = 4
_ZBAR_Y800 = 0x30303859  # fourcc 'Y800' (8-bit grey), as pyzbar's 'L800'


def pyzbar_read(grey: np.ndarray) -> list[DecodedCode]:
    from pyzbar import wrapper as zb  # loads libzbar; imported late so a missing lib fails here only

    height, width = grey.shape
    scanner = zb.zbar_image_scanner_create()
    try:
        # Only QR: zbar's 1-D scanners cost time and misfire on noise; zxing-cpp covers the other 2-D codes.
        zb.zbar_image_scanner_set_config(scanner, 0, _ZBAR_CFG_ENABLE, 0)
        zb.zbar_image_scanner_set_config(scanner, _ZBAR_QRCODE, _ZBAR_CFG_ENABLE, 1)
        zb.zbar_image_scanner_set_config(scanner, _ZBAR_QRCODE, _ZBAR_CFG_BINARY, 1)
        img = zb.zbar_image_create()
        try:
            zb.zbar_image_set_format(img, _ZBAR_Y800)
            zb.zbar_image_set_size(img, width, height)
            # zbar reads the pixels in place (no copy, no cleanup): ``grey`` outlives the scan.
            zb.zbar_image_set_data(img, grey.ctypes.data_as(ctypes.c_void_p), grey.nbytes, None)
            if zb.zbar_scan_image(scanner, img) < 0:
                return []
            found = []
            symbol = zb.zbar_image_first_symbol(img)
            while symbol:
                raw = ctypes.string_at(
                    zb.zbar_symbol_get_data(symbol), zb.zbar_symbol_get_data_length(symbol)
                )
                n = zb.zbar_symbol_get_loc_size(symbol)
                points = tuple(
                    (float(zb.zbar_symbol_get_loc_x(symbol, i)), float(zb.zbar_symbol_get_loc_y(symbol, i)))
                    for i in range(n)
                )
                found.append(
                    DecodedCode(
                        text=text_from_bytes(raw),
                        raw=raw,
                        points=points or None,
                        backend=Backend.PYZBAR,
                        symbology="QRCode",
                    )
                )
                symbol = zb.zbar_symbol_next(symbol)
            return found
        finally:
            zb.zbar_image_destroy(img)
    finally:
        zb.zbar_image_scanner_destroy(scanner)


_opencv_detector: cv2.QRCodeDetectorAruco | None = None


def _opencv(grey: np.ndarray) -> list[DecodedCode]:
    global _opencv_detector
    if _opencv_detector is None:
        _opencv_detector = cv2.QRCodeDetectorAruco()
    try:
        ok, texts, points, _ = _opencv_detector.detectAndDecodeMulti(grey)
    except (cv2.error, UnicodeDecodeError):
        # OpenCV hands back payloads as UTF-8 only: a GBK or Shift_JIS code fails the whole frame.
        return []
    if not ok or points is None:
        return []
    found = []
    for text, corners in zip(texts, points, strict=False):
        if not text:
            continue  # detected but not decoded
        raw = _opencv_raw(text)
        found.append(
            DecodedCode(
                text=text_from_bytes(raw),
                raw=raw,
                points=tuple((float(x), float(y)) for x, y in corners),
                backend=Backend.OPENCV,
            )
        )
    return found


def _opencv_raw(text: str) -> bytes:
    """The bytes behind OpenCV's text: it keeps valid UTF-8 and widens anything else as latin-1."""
    try:
        widened = text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")
    try:
        widened.decode("utf-8")
    except UnicodeDecodeError:
        return widened  # not UTF-8: OpenCV widened these bytes
    return text.encode("utf-8")


def _run(backend: str, image: np.ndarray, max_side: int) -> list[DecodedCode]:
    grey = to_grey(image)
    if grey is None:
        return []
    small, factor = shrink(grey, max_side)
    reader = {"zxing": _zxing, "pyzbar": pyzbar_read, "opencv": _opencv}[backend]
    return rescaled(reader(small), factor)


def _with_points(code: DecodedCode, points: tuple[Point, ...] | None) -> DecodedCode:
    return DecodedCode(
        text=code.text, raw=code.raw, points=points, backend=code.backend, symbology=code.symbology
    )


def decode_zxing(image: np.ndarray) -> list[DecodedCode]:
    """zxing-cpp alone, on the full image (no downscaling of ours)."""
    return _run("zxing", image, max_side=1 << 30)


def decode_pyzbar(image: np.ndarray) -> list[DecodedCode]:
    """zbar (through pyzbar's ctypes wrapper) alone, QR only, on the full image."""
    return _run("pyzbar", image, max_side=1 << 30)


def decode_opencv(image: np.ndarray) -> list[DecodedCode]:
    """OpenCV's ArUco-based QR detector alone, on the full image."""
    return _run("opencv", image, max_side=1 << 30)


# ----------------------------------------------------------------------------------------- pipeline


def _same_code(a: DecodedCode, b: DecodedCode) -> bool:
    """Same payload at (about) the same place: within half the larger code's size."""
    if a.raw != b.raw:
        return False
    if not a.points or not b.points:
        return True
    ca, cb = a.centre, b.centre
    assert ca is not None and cb is not None
    size = max(_extent(a.points), _extent(b.points))
    return math.dist(ca, cb) <= max(size / 2, 4.0)


def _extent(points: Sequence[Point]) -> float:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def merge_codes(first: list[DecodedCode], second: list[DecodedCode]) -> list[DecodedCode]:
    """``first`` plus every code of ``second`` not already in it (same bytes at the same place)."""
    merged = list(first)
    for code in second:
        if not any(_same_code(code, seen) for seen in merged):
            merged.append(code)
    return merged


def decode_image(image: np.ndarray) -> list[DecodedCode]:
    """Every code in a BGR (3-channel) or grey uint8 image, with corners in the image's pixels.

    For still images (no frame budget): every strategy of ``camera.pipeline`` in turn while something
    may be left to find. A camera stream uses ``pipeline.FramePipeline`` instead, which spreads them
    over frames. Never raises for a uint8 array of any size (returns []); raises ValueError for another
    dtype or a number of dimensions other than 2 or 3.
    """
    # Imported here: the pipeline builds on this module's backends.
    from checkpoint.camera.pipeline import decode_still

    return decode_still(image)[0]


def rescaled(codes: list[DecodedCode], factor: float) -> list[DecodedCode]:
    if factor == 1.0:
        return codes
    return [_with_points(c, _scale_points(c.points, factor) if c.points else None) for c in codes]
