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
first line is a ``#`` comment (a ``SETS`` line before the numbers is structure); anything else is
expected text. Files named ``*.result.txt`` are zxing-cpp metadata, not ground truth. Image loading and
``--max-side`` scaling are not timed.

Side by side, per set: each raw decoder once per image, the camera pipeline (``FramePipeline``) given
``FRAMES`` frames per still image (the same image fed to a fresh pipeline; a code counts when any frame
reads it; the time is the frames' sum), and ``decode_image`` as ``checkpoint scan`` runs it. Then the
no-code stream: frames of the demo camera with no code on screen (its gaps and code-less pages), at
1280x720, through raw zxing-cpp and through one long-lived pipeline, average and p95 per frame.
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

from checkpoint.bench import BenchError
from checkpoint.camera.decode import decode_image, decode_opencv, decode_pyzbar, decode_zxing, merge_codes
from checkpoint.camera.pipeline import FramePipeline
from checkpoint.camera.sources import IMAGE_SUFFIXES
from checkpoint.domain.codes import DecodedCode, Point

RAW_DECODERS: tuple[tuple[str, Callable[[np.ndarray], list[DecodedCode]]], ...] = (
    ("zxing-cpp", decode_zxing),
    ("pyzbar", decode_pyzbar),
    ("opencv", decode_opencv),
)
PIPELINE = "pipeline"  # FramePipeline, FRAMES frames per image
STILL = "still"  # decode_image: every strategy, for checkpoint scan
DECODER_NAMES: tuple[str, ...] = (*(name for name, _ in RAW_DECODERS), PIPELINE, STILL)
FRAMES = 3  # frames a still image gets: a tenth of a second of a 30 fps camera

# The pipeline's targets, checked in the report.
# The decoder's performance targets, checked in the report: the pipeline finds at least as many codes
# as the best single decoder and costs little on frames without a code (the camera runs at 30 fps).
TARGET_BOOFCV_RATIO = 1.3  # pipeline codes / best raw decoder's, BoofCV sets together
TARGET_NO_CODE_RATIO = 3.0  # pipeline / raw zxing-cpp, average ms on the no-code stream
TARGET_NO_CODE_P95_MS = 33.0

_NUMBER_LINE = re.compile(r"^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?(\s+-?\d+(\.\d+)?([eE][-+]?\d+)?)+\s*$")
_PART_STEM = re.compile(r"^(?P<msg>.+)-\d+$")


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
    # BoofCV's multi-polygon files put a ``SETS`` line before the numbers: it is structure, not text.
    data = [ln for ln in lines if not ln.lstrip().startswith("#") and ln.strip().upper() != "SETS"]
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
    def mean_ms(self) -> float:
        return statistics.fmean(self.times_ms) if self.times_ms else 0.0

    @property
    def p95_ms(self) -> float:
        return _percentile(self.times_ms, 95.0)

    def to_json(self) -> dict[str, object]:
        return {
            "decoder": self.decoder,
            "found": self.found,
            "total": self.total,
            "mean_ms": round(self.mean_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "total_ms": round(sum(self.times_ms), 1),
        }


@dataclass(slots=True)
class SetResult:
    name: str
    images: int
    decoders: list[DecoderResult]
    # Codes of this set the pipeline read, by the step that read them first ("base", "second-look", ...).
    pipeline_steps: dict[str, int] = field(default_factory=dict)

    def result(self, decoder: str) -> DecoderResult:
        return next(d for d in self.decoders if d.decoder == decoder)

    def best_raw(self) -> DecoderResult:
        return max((self.result(name) for name, _ in RAW_DECODERS), key=lambda d: d.found)

    def to_json(self) -> dict[str, object]:
        return {
            "set": self.name,
            "images": self.images,
            "decoders": [d.to_json() for d in self.decoders],
            "pipeline_steps": dict(self.pipeline_steps),
        }


@dataclass(slots=True)
class StreamResult:
    """Per-frame decode cost on frames without a code."""

    frames: int
    size: tuple[int, int]
    raw_zxing_ms: list[float]
    pipeline_ms: list[float]

    def to_json(self) -> dict[str, object]:
        return {
            "frames": self.frames,
            "size": list(self.size),
            "zxing-cpp": {
                "mean_ms": round(statistics.fmean(self.raw_zxing_ms), 2),
                "p95_ms": round(_percentile(self.raw_zxing_ms, 95.0), 2),
            },
            "pipeline": {
                "mean_ms": round(statistics.fmean(self.pipeline_ms), 2),
                "p95_ms": round(_percentile(self.pipeline_ms, 95.0), 2),
            },
        }


@dataclass(slots=True)
class DecodeBenchReport:
    data_dir: Path
    max_side: int | None
    sets: list[SetResult]
    frames: int = FRAMES
    stream: StreamResult | None = None

    def totals(self, prefix: str = "") -> list[DecoderResult]:
        """Every decoder over the sets whose name starts with ``prefix`` (times pooled)."""
        pooled = {name: DecoderResult(name) for name in DECODER_NAMES}
        for s in self.sets:
            if not s.name.startswith(prefix):
                continue
            for d in s.decoders:
                p = pooled[d.decoder]
                p.found += d.found
                p.total += d.total
                p.times_ms.extend(d.times_ms)
        return list(pooled.values())

    def targets(self) -> dict[str, object]:
        """The performance targets against this run's figures (a target is None when its data is missing)."""
        boof = {d.decoder: d for d in self.totals("boofcv/")}
        best = max((boof[name] for name, _ in RAW_DECODERS), key=lambda d: d.found)
        ratio = boof[PIPELINE].found / best.found if best.found else None
        zxing_sets = [s for s in self.sets if s.name.startswith("zxing-cpp/")]
        short = [s.name for s in zxing_sets if s.result(PIPELINE).found < s.best_raw().found]
        out: dict[str, object] = {
            "boofcv_pipeline": boof[PIPELINE].found if boof[PIPELINE].total else None,
            "boofcv_best_raw": best.found if best.total else None,
            "boofcv_best_raw_decoder": best.decoder if best.total else None,
            "boofcv_total": boof[PIPELINE].total,
            "boofcv_ratio": round(ratio, 3) if ratio is not None else None,
            "boofcv_ratio_target": TARGET_BOOFCV_RATIO,
            "zxing_sets_below_best_raw": short if zxing_sets else None,
        }
        if self.stream is not None:
            raw = statistics.fmean(self.stream.raw_zxing_ms)
            pipe = statistics.fmean(self.stream.pipeline_ms)
            out["no_code_ratio"] = round(pipe / raw, 2) if raw else None
            out["no_code_ratio_target"] = TARGET_NO_CODE_RATIO
            out["no_code_p95_ms"] = round(_percentile(self.stream.pipeline_ms, 95.0), 2)
            out["no_code_p95_target_ms"] = TARGET_NO_CODE_P95_MS
        return out

    def to_json(self) -> dict[str, object]:
        return {
            "data_dir": str(self.data_dir),
            "max_side": self.max_side,
            "frames_per_image": self.frames,
            "sets": [s.to_json() for s in self.sets],
            "total": [d.to_json() for d in self.totals()],
            "no_code_stream": self.stream.to_json() if self.stream else None,
            "targets": self.targets(),
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
        raise BenchError(f"not a folder: {data_dir}")
    folders = [data_dir, *(p for p in data_dir.rglob("*") if p.is_dir())]
    return sorted(f for f in folders if any(is_image(p) for p in f.iterdir()))


def is_image(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES


def load_image(path: Path, max_side: int | None) -> tuple[np.ndarray, float] | None:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        return None
    factor = 1.0
    if max_side is not None and max(image.shape[:2]) > max_side:
        factor = max_side / max(image.shape[:2])
        size = (max(1, round(image.shape[1] * factor)), max(1, round(image.shape[0] * factor)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return image, factor


def _timed(
    decode: Callable[[np.ndarray], list[DecodedCode]], image: np.ndarray
) -> tuple[list[DecodedCode], float]:
    start = time.perf_counter()
    codes = decode(image)
    return codes, (time.perf_counter() - start) * 1000.0


def pipeline_frames(image: np.ndarray, frames: int) -> tuple[list[DecodedCode], list[str], float]:
    """A fresh pipeline given ``frames`` copies of ``image``: every code any frame read (with the step
    that first read it) and the frames' total time."""
    pipeline = FramePipeline()
    codes: list[DecodedCode] = []
    steps: list[str] = []
    elapsed = 0.0
    for _ in range(frames):
        found, ms = _timed(pipeline.decode, image)
        elapsed += ms
        for code, step in zip(found, pipeline.last_sources, strict=True):
            merged = merge_codes(codes, [code])
            if len(merged) > len(codes):
                codes = merged
                steps.append(step)
    return codes, steps, elapsed


def _warm_up() -> None:
    """Load every backend once (zbar's library, OpenCV's detector) so the first image is not charged."""
    blank = np.full((64, 64), 255, np.uint8)
    for _, decode in RAW_DECODERS:
        decode(blank)
    decode_image(blank)


def run_decode_bench(
    data_dir: Path,
    max_side: int | None,
    progress: Callable[[str], None] | None = None,
    *,
    frames: int = FRAMES,
    no_code_frames: int = 150,
) -> DecodeBenchReport:
    """Run every decoder over every image set under ``data_dir``, then the no-code stream."""
    if max_side is not None and max_side < 32:
        raise BenchError(f"--max-side must be at least 32, got {max_side}")
    if frames < 1:
        raise BenchError(f"--frames must be at least 1, got {frames}")
    if no_code_frames < 0:
        raise BenchError(f"--no-code-frames must not be negative, got {no_code_frames}")
    folders = image_sets(data_dir)
    if not folders:
        raise BenchError(f"no folder with images under {data_dir}")
    _warm_up()
    sets: list[SetResult] = []
    for folder in folders:
        results = {name: DecoderResult(name) for name in DECODER_NAMES}
        steps: dict[str, int] = {}
        images = 0
        for path in sorted(p for p in folder.iterdir() if is_image(p)):
            expected = ground_truth(path)
            loaded = load_image(path, max_side)
            if expected is None or loaded is None:
                continue
            image, factor = loaded
            if isinstance(expected, ExpectedPolygons) and factor != 1.0:
                expected = expected.scaled(factor)
            images += 1
            runs = [(name, *_timed(decode, image)) for name, decode in RAW_DECODERS]
            pipeline_codes, pipeline_steps, pipeline_ms = pipeline_frames(image, frames)
            runs.append((PIPELINE, pipeline_codes, pipeline_ms))
            runs.append((STILL, *_timed(decode_image, image)))
            for name, codes, elapsed in runs:
                found, total = count_found(expected, codes)
                r = results[name]
                r.found += found
                r.total += total
                r.times_ms.append(elapsed)
            for code, step in zip(pipeline_codes, pipeline_steps, strict=True):
                if count_found(expected, [code])[0]:
                    steps[step] = steps.get(step, 0) + 1
        name = folder.relative_to(data_dir).as_posix() if folder != data_dir else folder.name
        sets.append(SetResult(name, images, list(results.values()), steps))
        if progress is not None:
            progress(name)
    stream = run_no_code_stream(no_code_frames) if no_code_frames else None
    return DecodeBenchReport(data_dir, max_side, sets, frames, stream)


def no_code_frames(count: int, seed: int = 7) -> list[np.ndarray]:
    """``count`` 1280x720 demo-camera frames with no code on screen (every third such frame, so the
    gaps, backgrounds and code-less phone pages all appear)."""
    from checkpoint.camera.demo import DemoCamera

    camera = DemoCamera(seed=seed, paced=False)
    camera.open()
    frames: list[np.ndarray] = []
    try:
        while len(frames) < count:
            frame = camera.read()
            if frame is not None and camera.current_payload() is None and camera.frame_index % 3 == 0:
                frames.append(frame)
    finally:
        camera.close()
    return frames


def run_no_code_stream(count: int) -> StreamResult:
    """Raw zxing-cpp and one long-lived pipeline on the same no-code frames, per-frame times."""
    frames = no_code_frames(count)
    pipeline = FramePipeline()
    raw_ms = [_timed(decode_zxing, f)[1] for f in frames]
    pipeline_ms = [_timed(pipeline.decode, f)[1] for f in frames]
    height, width = frames[0].shape[:2]
    return StreamResult(len(frames), (width, height), raw_ms, pipeline_ms)


# ---------------------------------------------------------------------------------------- the table


def format_decode_bench(report: DecodeBenchReport) -> str:
    """A readable table: one row per set, found codes per decoder side by side, then times and targets."""
    header = ("set", "codes", *DECODER_NAMES)
    rows: list[tuple[str, ...]] = []
    for s in report.sets:
        best = s.best_raw().found
        cells = []
        for name in DECODER_NAMES:
            found = s.result(name).found
            mark = "+" if name in (PIPELINE, STILL) and found > best else ""
            cells.append(f"{found}{mark}")
        rows.append((s.name, str(s.decoders[0].total), *cells))
    for label, prefix in (("BoofCV sets", "boofcv/"), ("zxing-cpp sets", "zxing-cpp/"), ("ALL", "")):
        totals = report.totals(prefix)
        if totals[0].total and (prefix == "" or any(s.name.startswith(prefix) for s in report.sets)):
            rows.append((label, str(totals[0].total), *(str(d.found) for d in totals)))
    timing = report.totals()
    rows.append(("mean ms / image", "", *(f"{d.mean_ms:.1f}" for d in timing)))
    rows.append(("p95 ms / image", "", *(f"{d.p95_ms:.1f}" for d in timing)))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(r: Sequence[str]) -> str:
        cells = [r[0].ljust(widths[0])] + [v.rjust(w) for v, w in zip(r[1:], widths[1:], strict=True)]
        return "  ".join(cells).rstrip()

    scale = f"long side scaled to at most {report.max_side} px" if report.max_side else "images at full size"
    lines = [
        f"decode bench: {report.data_dir} ({scale}); pipeline = {report.frames} frames per image, "
        "still = decode_image (checkpoint scan); + = more than the best raw decoder",
        fmt(header),
        fmt(["-" * w for w in widths]),
        *(fmt(r) for r in rows),
        "",
        "pipeline: codes by the step that read them first",
    ]
    for s in report.sets:
        steps = ", ".join(f"{k} {v}" for k, v in sorted(s.pipeline_steps.items(), key=lambda kv: -kv[1]))
        lines.append(f"  {s.name}: {steps or '-'}")
    if report.stream is not None:
        st = report.stream.to_json()
        raw, pipe = st["zxing-cpp"], st["pipeline"]
        assert isinstance(raw, dict) and isinstance(pipe, dict)
        lines += [
            "",
            f"no-code stream: {report.stream.frames} demo-camera frames {report.stream.size[0]}x"
            f"{report.stream.size[1]} without a code",
            f"  zxing-cpp  mean {raw['mean_ms']:.1f} ms  p95 {raw['p95_ms']:.1f} ms",
            f"  pipeline   mean {pipe['mean_ms']:.1f} ms  p95 {pipe['p95_ms']:.1f} ms",
        ]
    t = report.targets()
    lines += ["", "targets:"]
    if t["boofcv_total"]:
        lines.append(
            f"  BoofCV: pipeline {t['boofcv_pipeline']} / best raw ({t['boofcv_best_raw_decoder']}) "
            f"{t['boofcv_best_raw']} = {t['boofcv_ratio']}x of {t['boofcv_total']} codes "
            f"(target {TARGET_BOOFCV_RATIO}x)"
        )
    short = t["zxing_sets_below_best_raw"]
    if isinstance(short, list):
        lines.append(f"  zxing-cpp sets below the best raw decoder: {', '.join(short) if short else 'none'}")
    if "no_code_ratio" in t:
        lines.append(
            f"  no-code: {t['no_code_ratio']}x raw zxing-cpp (target <= {TARGET_NO_CODE_RATIO}x), "
            f"p95 {t['no_code_p95_ms']} ms (target <= {TARGET_NO_CODE_P95_MS:.0f} ms)"
        )
    return "\n".join(lines)
