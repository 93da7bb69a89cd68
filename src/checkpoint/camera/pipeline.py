"""The frame decoder: a cheap pass on every frame, and extra strategies taking turns across frames.

A camera shows the same scene for many frames, so the work that finds hard codes is spread over them
instead of being done on each one (``FramePipeline``):

1. **Base pass**, every frame: zxing-cpp without the inverted-colour retry, asking it also for the
   symbols it located but could not decode ("suspects": finder patterns found, checksum failed).
2. **Second look**, only where there is something to look at: each suspect, and each code the previous
   frame read that this frame did not, is cropped, upscaled 2x and sharpened, then read again
   (``_second_look``); when that reads nothing, the crop is deblurred (Wiener filter) instead of
   sharpened. On a frame with nothing in it this costs nothing.
3. **Rotating strategies**, only when the frame gave no code or left a suspect unread: the next entry
   of ``FRAME_STRATEGIES``, or the next ``STRATEGIES_PER_FRAME`` when a suspect is left (a frame
   without a code pays for one). Consecutive frames of one scene get different treatments.

``decode_still`` (for ``checkpoint scan``, no frame budget) runs the same steps with every strategy
in turn until nothing is left to look for.

The strategies and their order come from measurement on the public image sets scaled to 1280 px
(``checkpoint bench decode``): added codes per millisecond on 1280x720 frames without a code, greedy,
each counted only for what it finds beyond the base pass and the strategies before it. The README
shows the figures. Every strategy is a general image treatment; none is tuned to an image.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from checkpoint.camera.decode import (
    MAX_DECODE_SIDE,
    PYZBAR_SIDE,
    merge_codes,
    pyzbar_read,
    rescaled,
    shrink,
    to_grey,
    zxing_read,
)
from checkpoint.domain.codes import DecodedCode, Point

Corners = tuple[Point, ...]

# The second look: regions are upscaled by this much, to at most this long side, at most this many a frame.
ROI_UPSCALE = 2.0
ROI_MAX_SIDE = 1024
ROI_LIMIT = 3

# Rotating strategies a frame may run when zxing-cpp located a symbol it could not read (otherwise one).
# Measured on the public sets with the deblur strategy: one a frame must choose in three frames between
# inversion (zxing-cpp samples) and local contrast / deblurring (BoofCV photos); two a frame read both
# (276 of 301 codes, against 272 at best with one). Two on every frame read the same 276 and cost ~2x
# on frames without a code; two only on frames with an unread symbol cost nothing there.
STRATEGIES_PER_FRAME = 2

BASE = "base"
SECOND_LOOK = "second-look"


@dataclass(frozen=True, slots=True)
class Strategy:
    """One way to look at a grey frame again; ``read`` returns codes in the grey frame's pixels."""

    name: str
    read: Callable[[np.ndarray], list[DecodedCode]]


def _sharpen(grey: np.ndarray, sigma: float) -> np.ndarray:
    """Unsharp mask: restores module edges that defocus and motion blur smear."""
    return cv2.addWeighted(grey, 2.0, cv2.GaussianBlur(grey, (0, 0), sigma), -1.0, 0)


# Deblurring (``deblur``): the defocus blur undone is a Gaussian of this sigma in pixels of a frame
# scaled to at most 1280 px, with this noise-to-signal ratio (the Wiener filter's regulariser). Measured
# on the public sets: sigma 2.5 reads the most blurred photos; a smaller ratio restores more but
# amplifies sensor noise and JPEG blocks into false edges.
DEBLUR_SIGMA = 2.5
DEBLUR_NOISE = 0.03


@functools.cache
def _wiener_taps(sigma: float, noise: float) -> np.ndarray:
    """The 1-D Wiener deconvolution filter of a Gaussian blur, as taps for a separable convolution.

    Computed once in the frequency domain (H* / (|H|^2 + noise)), cut to +-3 sigma and normalised so
    flat areas keep their grey level. Applied along rows then columns it is a close, far cheaper
    stand-in for the 2-D filter (the Gaussian is separable): ~3 ms on a 1280x720 frame.
    """
    n = 256
    width = int(sigma * 8) | 1
    psf = np.zeros(n)
    psf[:width] = cv2.getGaussianKernel(width, sigma)[:, 0]
    spectrum = np.fft.fft(np.roll(psf, -(width // 2)))
    taps = np.fft.fftshift(np.real(np.fft.ifft(np.conj(spectrum) / (np.abs(spectrum) ** 2 + noise))))
    reach = int(sigma * 3)
    cut = taps[n // 2 - reach : n // 2 + reach + 1]
    taps_f32: np.ndarray = (cut / cut.sum()).astype(np.float32)
    return taps_f32


def deblur(grey: np.ndarray, sigma: float = DEBLUR_SIGMA, noise: float = DEBLUR_NOISE) -> np.ndarray:
    """``grey`` with a Gaussian blur of ``sigma`` px undone as far as noise allows (Wiener filter):
    a defocused camera or a shaking hand merges a code's modules into grey; this separates them again."""
    taps = _wiener_taps(sigma, noise)
    return cv2.sepFilter2D(grey, -1, taps, taps, borderType=cv2.BORDER_REPLICATE)


def _zxing(grey: np.ndarray) -> list[DecodedCode]:
    return zxing_read(grey, invert=False)[0]


def _global_histogram(grey: np.ndarray) -> list[DecodedCode]:
    # One threshold for the frame: reads evenly lit codes whose modules the local binarizer breaks up.
    return zxing_read(grey, invert=False, binarizer=zxingcpp.Binarizer.GlobalHistogram)[0]


def _inverted(grey: np.ndarray) -> list[DecodedCode]:
    # Light modules on a dark ground: dark-mode screens and some app themes.
    return _zxing(cv2.bitwise_not(grey))


def _local_contrast(grey: np.ndarray) -> list[DecodedCode]:
    # CLAHE lifts a code out of glare or shade, the unsharp mask then restores blurred edges.
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
    return _zxing(_sharpen(clahe.apply(grey), 2.0))


def _deblurred(grey: np.ndarray) -> list[DecodedCode]:
    # Defocus and motion blur: the unsharp mask only steepens edges, the Wiener filter restores modules.
    return _zxing(deblur(grey))


def _scaled(factor: float) -> Callable[[np.ndarray], list[DecodedCode]]:
    def read(grey: np.ndarray) -> list[DecodedCode]:
        interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
        resized = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=interpolation)
        return rescaled(_zxing(resized), factor)

    return read


def _zbar(grey: np.ndarray) -> list[DecodedCode]:
    # A second decoder with its own detector; at 640 px it costs a third of full size for the same finds.
    small, factor = shrink(grey, PYZBAR_SIDE)
    return rescaled(pyzbar_read(small), factor)


def _adaptive(grey: np.ndarray) -> list[DecodedCode]:
    # Gaussian-weighted local threshold over ~a module cluster: uneven light across one code.
    binary = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 5)
    return zxing_read(binary, invert=False, binarizer=zxingcpp.Binarizer.BoolCast)[0]


def _smoothed(grey: np.ndarray) -> list[DecodedCode]:
    # De-moire: a median filter removes the fine stripes a filmed screen shows, keeps module edges.
    return _zxing(cv2.medianBlur(grey, 5))


# Two a frame, in pairs of a cheap and a dearer one so no pair costs much more than another (measured
# on 1280x720 frames without a code), the pairs in the order of added codes per millisecond on the public
# sets: global threshold and local contrast carry the zxing-cpp samples and the blurred photos, inversion
# the dark-mode screens and deblurring the photos out of focus (see the module docstring and the README).
FRAME_STRATEGIES: tuple[Strategy, ...] = (
    Strategy("global-threshold", _global_histogram),
    Strategy("local-contrast", _local_contrast),
    Strategy("inverted", _inverted),
    Strategy("deblur", _deblurred),
    Strategy("downscale-0.5", _scaled(0.5)),
    Strategy("upscale-1.5", _scaled(1.5)),
    Strategy("median", _smoothed),
    Strategy("zbar", _zbar),
    Strategy("adaptive-threshold", _adaptive),
)


# ------------------------------------------------------------------------------------- second look


def _box(points: Corners, width: int, height: int) -> tuple[int, int, int, int] | None:
    """The region around ``points`` with a margin of 30 % of the code's size (x0, y0, x1, y1)."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    margin = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.3 + 8
    x0, y0 = max(0, int(min(xs) - margin)), max(0, int(min(ys) - margin))
    x1, y1 = min(width, int(max(xs) + margin) + 1), min(height, int(max(ys) + margin) + 1)
    if x1 - x0 < 21 or y1 - y0 < 21:
        return None
    return x0, y0, x1, y1


def _second_look(grey: np.ndarray, regions: Sequence[Corners]) -> list[DecodedCode]:
    """Each region cropped, upscaled and sharpened (or deblurred), read again; codes in ``grey``'s
    pixels."""
    height, width = grey.shape
    found: list[DecodedCode] = []
    for region in regions[:ROI_LIMIT]:
        box = _box(region, width, height)
        if box is None:
            continue
        x0, y0, x1, y1 = box
        crop = grey[y0:y1, x0:x1]
        factor = max(1.0, min(ROI_UPSCALE, ROI_MAX_SIDE / max(crop.shape)))
        # Sharpened first (small codes); when that reads nothing, deblurred (codes out of focus).
        codes = _zxing(_sharpen(_upscaled(crop, factor), 3.0)) or _zxing(_upscaled(deblur(crop), factor))
        for code in codes:
            points = tuple((x / factor + x0, y / factor + y0) for x, y in code.points or ())
            found = merge_codes(found, [_moved(code, points or None)])
    return found


def _upscaled(region: np.ndarray, factor: float) -> np.ndarray:
    return cv2.resize(region, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def _moved(code: DecodedCode, points: Corners | None) -> DecodedCode:
    return DecodedCode(
        text=code.text, raw=code.raw, points=points, backend=code.backend, symbology=code.symbology
    )


def _covered(region: Corners, codes: Sequence[DecodedCode]) -> bool:
    """Whether a read code sits where ``region`` is (its centre within half the region's size)."""
    cx = sum(p[0] for p in region) / len(region)
    cy = sum(p[1] for p in region) / len(region)
    size = max(max(p[0] for p in region) - min(p[0] for p in region), 8.0)
    return any(c.centre is not None and math.dist(c.centre, (cx, cy)) <= size / 2 for c in codes)


# ---------------------------------------------------------------------------------------- the passes


@dataclass(slots=True)
class _Pass:
    """One frame's work in progress: codes so far (grey-frame pixels), where each came from, and what
    is still worth a look."""

    codes: list[DecodedCode]
    sources: list[str]
    open_regions: list[Corners]

    def add(self, codes: Sequence[DecodedCode], source: str) -> None:
        for code in codes:
            merged = merge_codes(self.codes, [code])
            if len(merged) > len(self.codes):
                self.codes = merged
                self.sources.append(source)
        self.open_regions = [r for r in self.open_regions if not _covered(r, self.codes)]

    @property
    def wanting(self) -> bool:
        """Whether another look may find more: nothing read yet, or a located symbol still unread."""
        return not self.codes or bool(self.open_regions)


def _base_pass(grey: np.ndarray, tracked: Sequence[Corners]) -> _Pass:
    codes, suspects = zxing_read(grey, invert=False, suspects=True)
    state = _Pass(list(codes), [BASE] * len(codes), [])
    regions = [s for s in suspects if not _covered(s, codes)]
    regions += [t for t in tracked if not _covered(t, codes)]
    if regions:
        state.add(_second_look(grey, regions), SECOND_LOOK)
    state.open_regions = [s for s in suspects if not _covered(s, state.codes)]
    return state


class FramePipeline:
    """The stateful decoder of one camera stream (see the module docstring); not thread-safe: one
    instance per decode thread. ``reset()`` when the stream changes; a change of frame size resets
    by itself.

    ``last_sources`` names, for each code the last ``decode`` returned, the step that read it first
    (``"base"``, ``"second-look"`` or a strategy's name).
    """

    def __init__(
        self,
        strategies: Sequence[Strategy] = FRAME_STRATEGIES,
        *,
        per_frame: int = STRATEGIES_PER_FRAME,
        max_side: int = MAX_DECODE_SIDE,
    ) -> None:
        self._strategies = tuple(strategies)
        self._per_frame = per_frame
        self._max_side = max_side
        self._next = 0
        self._shape: tuple[int, ...] | None = None
        self._tracked: list[Corners] = []  # where the previous frame read codes (grey-frame pixels)
        self.last_sources: tuple[str, ...] = ()

    def reset(self) -> None:
        """Forget the previous frames: the rotation starts over and nothing is tracked."""
        self._next = 0
        self._shape = None
        self._tracked = []
        self.last_sources = ()

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """The codes in one frame (BGR or grey uint8), corners in the frame's pixels; same input rules
        as ``decode.decode_image``."""
        grey = to_grey(image)
        if grey is None:
            self.last_sources = ()
            return []
        if grey.shape != self._shape:
            self.reset()
            self._shape = grey.shape
        small, factor = shrink(grey, self._max_side)
        state = _base_pass(small, self._tracked)
        # The second strategy only where zxing-cpp located a symbol it could not read: a frame without
        # a code (most frames) costs one strategy; a frame with a code that resists gets both.
        runs = self._per_frame if state.open_regions else 1
        for _ in range(min(runs, len(self._strategies))):
            if not state.wanting:
                break
            strategy = self._strategies[self._next]
            self._next = (self._next + 1) % len(self._strategies)
            state.add(strategy.read(small), strategy.name)
        self._tracked = [c.points for c in state.codes if c.points]
        self.last_sources = tuple(state.sources)
        return rescaled(state.codes, factor)


def decode_still(
    image: np.ndarray, strategies: Sequence[Strategy] = FRAME_STRATEGIES
) -> tuple[list[DecodedCode], tuple[str, ...]]:
    """Every code in one still image, trying every strategy in turn while something may be left to
    find; the codes (image pixels) and the step that read each."""
    grey = to_grey(image)
    if grey is None:
        return [], ()
    small, factor = shrink(grey, MAX_DECODE_SIDE)
    state = _base_pass(small, ())
    for strategy in strategies:
        if not state.wanting:
            break
        state.add(strategy.read(small), strategy.name)
    return rescaled(state.codes, factor), tuple(state.sources)
