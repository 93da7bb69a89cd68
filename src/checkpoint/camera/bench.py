"""``checkpoint bench decode``: how many codes each decoder finds in public image sets, and how fast.

Every folder under the data directory that directly holds images is one set. Two ground-truth forms
are understood (see ``testdata/qr-peer/SOURCE.md``):

* **zxing-cpp sets**: ``<stem>.txt`` holds the expected text (UTF-8, read without newline translation)
  or ``<stem>.bin`` the expected bytes. One code an image; it is found when a decoded code's text equals
  the expected text or its bytes equal the expected bytes. *Structured append* (qrcode-7): images named
  ``<msg>-<n>`` with no own ground truth share ``<msg>.txt``, the whole message; each image holds one
  symbol of it, found when a decoded code's text is a non-empty slice of the message. (Merging the
  parts into the message is not the decoder's job here.)
* **BoofCV sets**: ``<stem>.txt`` holds the corner polygons of every code: ``#`` comments, then points as
  ``x y`` lines, four a polygon (a line of 8 numbers is a whole polygon; a blank line or ``SETS`` closes a
  polygon early). A polygon is found when some decoded code's centre lies inside it; each polygon counts
  once.

A ``.txt`` is a BoofCV polygon file when its first non-comment line is two or more numbers and the
first line is a ``#`` comment; anything else is expected text. Files named ``*.result.txt`` are zxing-cpp
metadata, not ground truth. Image loading and ``--max-side`` scaling are not timed.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from checkpoint.camera.decode import decode_image, decode_opencv, decode_pyzbar, decode_zxing
from checkpoint.domain.codes import DecodedCode, Point

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".pgm", ".ppm"})

DECODERS: tuple[tuple[str, Callable[[np.ndarray], list[DecodedCode]]], ...] = (
    ("zxing-cpp", decode_zxing),
    ("pyzbar", decode_pyzbar),
    ("opencv", decode_opencv),
    ("pipeline", decode_image),
)

_NUMBER_LINE = re.compile(r"^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?(\s+-?\d+(\.\d+)?([eE][-+]?\d+)?)+\s*$")
_PART_STEM = re.compile(r"^(?P<msg>.+)-\d+$")


class BenchDataError(Exception):
    """The data directory is missing or holds no image set."""


# ------------------------------------------------------------------------------------- ground truth


@dataclass(frozen=True, slots=True)
class ExpectedText:
    """One code whose payload is known (zxing-cpp sets)."""

    text: str | None
    raw: bytes | None
    structured_part: bool = False

    def matches(self, code: DecodedCode) -> bool:
        if self.structured_part:
            return bool(code.text) and self.text is not None and code.text in self.text
        if self.raw is not None and code.raw == self.raw:
            return True
        return self.text is not None and (code.text == self.text or code.raw == self.text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class ExpectedPolygons:
    """The corner polygons of every code in an image (BoofCV sets)."""

    polygons: tuple[tuple[Point, ...], ...]

    def scaled(self, factor: float) -> ExpectedPolygons:
        return ExpectedPolygons(tuple(tuple((x * factor, y * factor) for x, y in p) for p in self.polygons))


Expected = ExpectedText | ExpectedPolygons


def parse_polygons(text: str) -> tuple[tuple[Point, ...], ...]:
    """The polygons of a BoofCV ground-truth file (format in the module docstring)."""
    polygons: list[tuple[Point, ...]] = []
    current: list[Point] = []

    def close() -> None:
        if len(current) >= 3:
            polygons.append(tuple(current))
        current.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        if not stripped or stripped.upper() == "SETS":
            close()
            continue
        numbers = [float(v) for v in stripped.split()]
        if len(numbers) % 2:
            raise ValueError(f"odd number of coordinates in polygon line: {stripped!r}")
        for i in range(0, len(numbers), 2):
            current.append((numbers[i], numbers[i + 1]))
            if len(current) == 4:
                close()
    close()
    return tuple(polygons)


def _is_polygon_file(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines or not lines[0].lstrip().startswith("#"):
        return False
    data = [ln for ln in lines if not ln.lstrip().startswith("#")]
    return bool(data) and _NUMBER_LINE.match(data[0]) is not None


def ground_truth(image: Path) -> Expected | None:
    """What ``image`` holds, from the files beside it; None when nothing says."""
    stem = image.with_suffix("")
    bin_file = stem.with_name(stem.name + ".bin")
    txt_file = stem.with_name(stem.name + ".txt")
    if bin_file.is_file():
        return ExpectedText(text=None, raw=bin_file.read_bytes())
    if txt_file.is_file():
        with txt_file.open(encoding="utf-8", newline="") as fh:
            content = fh.read()
        if _is_polygon_file(content):
            return ExpectedPolygons(parse_polygons(content))
        return ExpectedText(text=content, raw=None)
    part = _PART_STEM.match(stem.name)
    if part:
        message = stem.with_name(part["msg"] + ".txt")
        if message.is_file():
            with message.open(encoding="utf-8", newline="") as fh:
                return ExpectedText(text=fh.read(), raw=None, structured_part=True)
    return None


def point_in_polygon(point: Point, polygon: Sequence[Point]) -> bool:
    """Even-odd rule."""
    x, y = point
    inside = False
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < cross:
                inside = not inside
    return inside


def count_found(expected: Expected, codes: Sequence[DecodedCode]) -> tuple[int, int]:
    """(found, total) codes of one image."""
    if isinstance(expected, ExpectedText):
        return (1 if any(expected.matches(c) for c in codes) else 0), 1
    centres = [c.centre for c in codes if c.centre is not None]
    found = sum(1 for poly in expected.polygons if any(point_in_polygon(c, poly) for c in centres))
    return found, len(expected.polygons)


# ---------------------------------------------------------------------------------------- the bench


@dataclass(slots=True)
class DecoderResult:
    decoder: str
    found: int = 0
    total: int = 0
    times_ms: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else 0.0

    @property
    def p95_ms(self) -> float:
        return _percentile(self.times_ms, 95.0)

    def to_json(self) -> dict[str, object]:
        return {
            "decoder": self.decoder,
            "found": self.found,
            "total": self.total,
            "median_ms": round(self.median_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "total_ms": round(sum(self.times_ms), 1),
        }


@dataclass(slots=True)
class SetResult:
    name: str
    images: int
    decoders: list[DecoderResult]

    def to_json(self) -> dict[str, object]:
        return {"set": self.name, "images": self.images, "decoders": [d.to_json() for d in self.decoders]}


@dataclass(slots=True)
class DecodeBenchReport:
    data_dir: Path
    max_side: int | None
    sets: list[SetResult]

    def totals(self) -> list[DecoderResult]:
        """Every decoder over all sets (times pooled)."""
        pooled = {name: DecoderResult(name) for name, _ in DECODERS}
        for s in self.sets:
            for d in s.decoders:
                p = pooled[d.decoder]
                p.found += d.found
                p.total += d.total
                p.times_ms.extend(d.times_ms)
        return list(pooled.values())

    def to_json(self) -> dict[str, object]:
        return {
            "data_dir": str(self.data_dir),
            "max_side": self.max_side,
            "sets": [s.to_json() for s in self.sets],
            "total": [d.to_json() for d in self.totals()],
        }


def _percentile(values: Sequence[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def image_sets(data_dir: Path) -> list[Path]:
    """Folders under ``data_dir`` (itself included) that directly hold images, sorted."""
    if not data_dir.is_dir():
        raise BenchDataError(f"not a folder: {data_dir}")
    folders = [data_dir, *(p for p in data_dir.rglob("*") if p.is_dir())]
    return sorted(f for f in folders if any(_is_image(p) for p in f.iterdir()))


def _is_image(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES


def _load(path: Path, max_side: int | None) -> tuple[np.ndarray, float] | None:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        return None
    factor = 1.0
    if max_side is not None and max(image.shape[:2]) > max_side:
        factor = max_side / max(image.shape[:2])
        size = (max(1, round(image.shape[1] * factor)), max(1, round(image.shape[0] * factor)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return image, factor


def run_decode_bench(
    data_dir: Path,
    max_side: int | None,
    progress: Callable[[str], None] | None = None,
) -> DecodeBenchReport:
    """Run every decoder over every image set under ``data_dir``."""
    if max_side is not None and max_side < 32:
        raise BenchDataError(f"--max-side must be at least 32, got {max_side}")
    folders = image_sets(data_dir)
    if not folders:
        raise BenchDataError(f"no folder with images under {data_dir}")
    sets: list[SetResult] = []
    for folder in folders:
        results = {name: DecoderResult(name) for name, _ in DECODERS}
        images = 0
        for path in sorted(p for p in folder.iterdir() if _is_image(p)):
            expected = ground_truth(path)
            loaded = _load(path, max_side)
            if expected is None or loaded is None:
                continue
            image, factor = loaded
            if isinstance(expected, ExpectedPolygons) and factor != 1.0:
                expected = expected.scaled(factor)
            images += 1
            for name, decoder in DECODERS:
                start = time.perf_counter()
                codes = decoder(image)
                elapsed = (time.perf_counter() - start) * 1000.0
                found, total = count_found(expected, codes)
                r = results[name]
                r.found += found
                r.total += total
                r.times_ms.append(elapsed)
        name = folder.relative_to(data_dir).as_posix() if folder != data_dir else folder.name
        sets.append(SetResult(name, images, list(results.values())))
        if progress is not None:
            progress(name)
    return DecodeBenchReport(data_dir, max_side, sets)


def format_decode_bench(report: DecodeBenchReport) -> str:
    """A readable, aligned table: one row per set and decoder, then the totals."""
    header = ("set", "decoder", "found", "total", "%", "median ms", "p95 ms", "sum ms")
    rows: list[tuple[str, ...]] = []

    def add(set_name: str, d: DecoderResult) -> None:
        pct = 100.0 * d.found / d.total if d.total else 0.0
        rows.append(
            (
                set_name,
                d.decoder,
                str(d.found),
                str(d.total),
                f"{pct:.1f}",
                f"{d.median_ms:.1f}",
                f"{d.p95_ms:.1f}",
                f"{sum(d.times_ms):.0f}",
            )
        )

    for s in report.sets:
        for d in s.decoders:
            add(f"{s.name} ({s.images} img)", d)
    for d in report.totals():
        add("ALL", d)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(r: Sequence[str]) -> str:
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])]
        cells += [v.rjust(w) for v, w in zip(r[2:], widths[2:], strict=True)]
        return "  ".join(cells).rstrip()

    scale = f"long side scaled to at most {report.max_side} px" if report.max_side else "images at full size"
    lines = [f"decode bench: {report.data_dir} ({scale})", fmt(header), fmt(["-" * w for w in widths])]
    previous = None
    for r in rows:
        if previous is not None and r[0] != previous:
            lines.append("")
        lines.append(fmt(r))
        previous = r[0]
    return "\n".join(lines)
