"""The demo camera: a synthetic 30 fps webcam watching people hold phones with codes up to it.

Each "hold" shows one phone (rounded dark bezel, light- or dark-mode screen with a header bar, a code
and a caption) over a noisy background, tilted in perspective, slightly blurred, with a glare blob and
moire stripes; it lasts ``hold_seconds`` (about 1.5 s), the phone shakes by a few pixels, then the phone
goes away for a gap. Now and then the phone shows a page without a code (an itinerary card). The
payloads rotate through station passes (``CPS1:``), EU-DCC-like strings (``HC1:`` + Base45, synthetic),
health-code URLs and Chinese text (UTF-8 and GBK bytes).

Everything is decided by the seed and the frame number, so a seed gives the same frames every run.
What a hold shows is rendered once (about 55 ms on a 1280x720 frame), ahead of time on a short-lived
background thread while the previous holds and gaps are on screen, so no frame comes late when a new
phone appears; a frame then costs a crop and a noise add (under 1 ms).
"""

from __future__ import annotations

import functools
import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import segno

from checkpoint.camera.grabber import lower_thread_priority

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

CHINESE_TEXTS: tuple[str, ...] = (
    "通行证 张三 3栋2单元",
    "出门条 李四 5栋1单元 当日18:00前返回",
    "访客登记 王五 事由:送餐 被访人:8栋302",
    "保供车辆通行证 沪A·D1234 蔬菜配送",
)
HEALTH_HOSTS: tuple[str, ...] = (
    "https://jkm.example.gov.cn/h5/code?token=",
    "https://ykm.example.gov.cn/ykm/qr?t=",
    "https://healthcode.example.gov.cn/hc/v2/",
)
_JITTER = 4  # hand shake, pixels either way
_NOISE_VARIANTS = 4  # sensor noise patterns, used in turn
_NOISE_STEP = 8  # rows between two of them
# Holds rendered ahead of the one on screen: the next hold starts rendering a whole gap before it is due.
_RENDER_AHEAD = 2


def base45_encode(data: bytes) -> str:
    """RFC 9285 Base45."""
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        c, n = n % 45, n // 45
        d, e = n % 45, n // 45
        out += [BASE45[c], BASE45[d], BASE45[e]]
    if len(data) % 2:
        n = data[-1]
        out += [BASE45[n % 45], BASE45[n // 45]]
    return "".join(out)


def demo_payloads(seed: int) -> list[str | bytes | None]:
    """One round of what the demo phones show, in order: a payload (text, or GBK bytes) or None (no code)."""
    rng = random.Random(seed)
    rounds: list[str | bytes | None] = []
    for i in range(4):
        pass_body = bytes(rng.getrandbits(8) for _ in range(rng.randint(90, 130)))
        rounds.append("CPS1:" + base45_encode(pass_body))
        dcc_body = bytes(rng.getrandbits(8) for _ in range(rng.randint(240, 280)))
        rounds.append("HC1:NCF" + base45_encode(dcc_body))
        token = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        rounds.append(HEALTH_HOSTS[i % len(HEALTH_HOSTS)] + token)
        text = CHINESE_TEXTS[i % len(CHINESE_TEXTS)]
        rounds.append(text if i % 2 == 0 else text.encode("gbk"))
        if i % 2 == 1:
            rounds.append(None)  # an itinerary card: a page without a code
    return rounds


def payload_text(payload: str | bytes) -> str:
    """The text a decoder should report for a demo payload."""
    return payload if isinstance(payload, str) else payload.decode("gbk")


@dataclass(frozen=True, slots=True)
class _Segment:
    number: int  # from 0: with the seed, it decides everything the segment shows
    frames: int
    payload: str | bytes | None
    phone: bool  # False: the phone is away


class _Render:
    """One scene rendered on its own short-lived thread; ``scene()`` waits for it if need be.

    A thread per render rather than a pool: nothing idles between holds, and a camera that is dropped
    without ``close()`` leaves no worker behind.
    """

    def __init__(self, work: Callable[[], np.ndarray]) -> None:
        self._work = work
        self._done = threading.Event()
        self._scene: np.ndarray | None = None
        self._error: BaseException | None = None
        # Not a daemon: the interpreter waits for a render under way at exit (a few dozen ms) instead of
        # killing it inside OpenCV, which aborts the process.
        self._thread = threading.Thread(target=self._run, name="demo-render")
        self._thread.start()

    def _run(self) -> None:
        lower_thread_priority()  # like the decoder: the station's GUI thread goes first
        try:
            self._scene = self._work()
        except BaseException as error:  # re-raised in the reading thread, where it belongs
            self._error = error
        finally:
            self._done.set()

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    def scene(self) -> np.ndarray:
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._scene is not None
        return self._scene


def _rounded_rect(
    img: np.ndarray, x0: int, y0: int, x1: int, y1: int, r: int, colour: tuple[int, ...]
) -> None:
    cv2.rectangle(img, (x0 + r, y0), (x1 - r, y1), colour, -1)
    cv2.rectangle(img, (x0, y0 + r), (x1, y1 - r), colour, -1)
    for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
        cv2.circle(img, (cx, cy), r, colour, -1, lineType=cv2.LINE_AA)


def _code_image(payload: str | bytes, side: int) -> np.ndarray:
    qr = segno.make(payload, micro=False)
    matrix = np.array(qr.matrix, dtype=np.uint8)
    quiet = 4
    modules = matrix.shape[0] + 2 * quiet
    scale = max(1, side // modules)
    grid = np.full((modules, modules), 255, np.uint8)
    grid[quiet:-quiet, quiet:-quiet] = np.where(matrix > 0, 0, 255)
    return cv2.resize(grid, (modules * scale, modules * scale), interpolation=cv2.INTER_NEAREST)


def render_phone(
    payload: str | bytes | None, dark: bool, rng: random.Random
) -> tuple[np.ndarray, np.ndarray]:
    """A phone (BGR) and its mask, upright, 440x820 px, showing ``payload`` (or a page without a code)."""
    w, h = 440, 820
    phone = np.zeros((h, w, 3), np.uint8)
    mask = np.zeros((h, w), np.uint8)
    _rounded_rect(mask, 0, 0, w - 1, h - 1, 56, (255,))
    _rounded_rect(phone, 0, 0, w - 1, h - 1, 56, (28, 28, 30))
    sx0, sy0, sx1, sy1 = 18, 40, w - 19, h - 41
    screen_bg = (32, 30, 30) if dark else (246, 246, 244)
    ink = (225, 225, 225) if dark else (40, 40, 40)
    _rounded_rect(phone, sx0, sy0, sx1, sy1, 36, screen_bg)
    header = [(70, 150, 60), (180, 110, 30), (60, 60, 190)][rng.randrange(3)]
    cv2.rectangle(phone, (sx0, sy0 + 36), (sx1, sy0 + 110), header, -1)
    title = rng.choice(["Health Code", "Station Pass", "EU DCC", "Resident Pass"])
    cv2.putText(
        phone, title, (sx0 + 24, sy0 + 86), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (255, 255, 255), 2, cv2.LINE_AA
    )
    cv2.putText(phone, "9:41", (sx0 + 30, sy0 + 26), cv2.FONT_HERSHEY_SIMPLEX, 0.6, ink, 1, cv2.LINE_AA)
    if payload is None:
        for i in range(9):
            y = sy0 + 160 + i * 52
            cv2.rectangle(phone, (sx0 + 30, y), (sx1 - 30 - rng.randrange(120), y + 18), ink, -1)
        return phone, mask
    box = 370
    bx0 = (w - box) // 2
    by0 = sy0 + 140
    cv2.rectangle(phone, (bx0, by0), (bx0 + box, by0 + box), (255, 255, 255), -1)
    code = _code_image(payload, box - 10)
    off = (box - code.shape[0]) // 2
    phone[by0 + off : by0 + off + code.shape[0], bx0 + off : bx0 + off + code.shape[1]] = code[:, :, None]
    caption_y = by0 + box + 50
    cv2.putText(
        phone, "Show this code at the gate", (sx0 + 34, caption_y), cv2.FONT_HERSHEY_SIMPLEX, 0.68, ink, 1
    )
    stamp = f"2022-05-{rng.randint(1, 28):02d} {rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"
    cv2.putText(phone, stamp, (sx0 + 100, caption_y + 44), cv2.FONT_HERSHEY_SIMPLEX, 0.8, ink, 2, cv2.LINE_AA)
    return phone, mask


class DemoCamera:
    """A FrameSource that synthesises a webcam view of phones showing codes (see the module docstring)."""

    is_live = True

    def __init__(
        self,
        seed: int = 0,
        fps: float = 30.0,
        size: tuple[int, int] = (1280, 720),
        *,
        hold_seconds: float = 1.5,
        gap_seconds: tuple[float, float] = (0.5, 1.0),
        paced: bool = True,
        payloads: Sequence[str | bytes | None] | None = None,
    ) -> None:
        """``payloads``: what the phones show, in turn (None: a page without a code); by default the
        seed's mix of every kind (``demo_payloads``). The pipeline bench shows its own signed passes."""
        if fps <= 0 or size[0] < 320 or size[1] < 240:
            raise ValueError(f"fps must be positive and size at least 320x240, got {fps}, {size}")
        if payloads is not None and not payloads:
            raise ValueError("payloads must not be empty")
        self.spec = "demo"
        self.seed = seed
        self.fps = fps
        self.size = size
        self.hold_frames = max(1, round(hold_seconds * fps))
        self.gap_seconds = gap_seconds
        self.paced = paced
        self._payloads = list(payloads) if payloads is not None else demo_payloads(seed)
        self._opened = False
        self._current: str | bytes | None = None
        self._scene = np.zeros((1, 1, 3), np.uint8)
        self._due: float | None = None
        self.frame_index = 0
        self._left = 0
        self._segments: Iterator[_Segment] = iter(())
        self._ahead: deque[tuple[_Segment, _Render | None]] = deque()
        self._backgrounds: list[np.ndarray] = []
        self._noise: list[tuple[np.ndarray, np.ndarray]] = []
        self._rng = random.Random(seed)  # the hand shake, frame by frame
        # Backgrounds and noise are built by open(), not here: building a source must be cheap.

    # ------------------------------------------------------------------------------------ protocol

    def open(self) -> None:
        self._reset()
        self._opened = True

    def close(self) -> None:
        self._opened = False
        for _seg, render in self._ahead:  # a render under way finishes (tens of ms) and is dropped
            if render is not None:
                render.join(1.0)
        self._ahead.clear()

    def read(self) -> np.ndarray | None:
        if not self._opened:
            from checkpoint.camera.sources import CameraError, CameraErrorKind

            raise CameraError(CameraErrorKind.DISCONNECTED, "demo camera is not open")
        if self.paced:
            now = time.monotonic()
            if self._due is not None and now < self._due:
                time.sleep(self._due - now)
                now = self._due
            self._due = now + 1.0 / self.fps
        if self._left == 0:
            self._start_segment()
        self._left -= 1
        self.frame_index += 1
        return self._frame()

    # -------------------------------------------------------------------------------------- public

    def current_payload(self) -> str | None:
        """The text of the code on screen in the frame last read, or None when no code is showing."""
        return None if self._current is None else payload_text(self._current)

    # ------------------------------------------------------------------------------------- private

    def _reset(self) -> None:
        self._rng = random.Random(self.seed)
        np_rng = np.random.default_rng(self.seed)
        w, h = self.size
        self._due = None
        self.frame_index = 0
        self._left = 0
        self._current = None
        self._segments = self._timeline()
        self._ahead.clear()
        # Backgrounds: low-frequency blotches plus texture, a little larger than the frame (for shake).
        big = (h + 2 * _JITTER, w + 2 * _JITTER)
        self._backgrounds = []
        for _ in range(3):
            # A dim room: large grey shapes with a colour cast, fine texture on top.
            cells = (big[0] // 90 + 2, big[1] // 90 + 2)
            grey = np_rng.integers(50, 190, (*cells, 1)).astype(np.int16)
            tint = np_rng.integers(-18, 18, (*cells, 3)).astype(np.int16)
            low = np.clip(grey + tint, 0, 255).astype(np.uint8)
            bg = cv2.resize(low, (big[1], big[0]), interpolation=cv2.INTER_CUBIC)
            tex = (np_rng.standard_normal((*big, 1), dtype=np.float32) * 8).astype(np.int16)
            self._backgrounds.append(np.clip(bg.astype(np.int16) + tex, 0, 255).astype(np.uint8))
        # Sensor noise, added per frame as (plus - minus) with saturation: _NOISE_VARIANTS frame-sized
        # windows of one taller pair of planes (four times cheaper to make than four pairs; open() is
        # on the way to live scanning).
        rows = h + _NOISE_STEP * (_NOISE_VARIANTS - 1)
        plus, minus = (
            np.abs(np_rng.standard_normal((rows, w, 1), dtype=np.float32) * 5)
            .astype(np.uint8)
            .repeat(3, axis=2)
            for _ in range(2)
        )
        self._noise = [
            (plus[i * _NOISE_STEP : i * _NOISE_STEP + h], minus[i * _NOISE_STEP : i * _NOISE_STEP + h])
            for i in range(_NOISE_VARIANTS)
        ]
        self._scene = self._backgrounds[0]
        self._render_ahead()  # the first phone is ready by the time the camera is read

    def _timeline(self) -> Iterator[_Segment]:
        rng = random.Random(f"{self.seed}:timeline")
        number = 0
        while True:
            for payload in self._payloads:
                # A gap first: nobody at the gate when the camera comes on, and the first frame is not
                # kept waiting for the first phone to render.
                gap = rng.uniform(*self.gap_seconds)
                yield _Segment(number, max(1, round(gap * self.fps)), None, phone=False)
                yield _Segment(number + 1, self.hold_frames, payload, phone=True)
                number += 2

    def _render_ahead(self) -> None:
        """Starts rendering the segments after the one on screen, up to ``_RENDER_AHEAD`` of them."""
        while len(self._ahead) < _RENDER_AHEAD:
            seg = next(self._segments)
            self._ahead.append(
                (
                    seg,
                    _Render(functools.partial(self._scene_of, seg, self._backgrounds)) if seg.phone else None,
                )
            )

    def _start_segment(self) -> None:
        """The next segment goes on screen (its scene is ready, or nearly); the one after starts rendering."""
        self._render_ahead()
        seg, render = self._ahead.popleft()
        self._render_ahead()
        self._left = seg.frames
        self._current = seg.payload
        self._scene = render.scene() if render is not None else self._scene_of(seg)

    def _scene_of(self, seg: _Segment, backgrounds: list[np.ndarray] | None = None) -> np.ndarray:
        """What a segment shows; decided by the seed and the segment's number alone (safe on any thread)."""
        backgrounds = backgrounds or self._backgrounds
        rng = random.Random(f"{self.seed}:{seg.number}")
        bg = backgrounds[rng.randrange(len(backgrounds))]
        return self._compose(seg.payload, bg, rng) if seg.phone else bg

    def _compose(self, payload: str | bytes | None, bg: np.ndarray, rng: random.Random) -> np.ndarray:
        scene = bg.copy()
        big_h, big_w = scene.shape[:2]
        phone, mask = render_phone(payload, dark=rng.random() < 0.4, rng=rng)
        ph, pw = phone.shape[:2]
        # Place the phone: its height 78-92 % of the frame, somewhere near the middle, tilted.
        target_h = big_h * rng.uniform(0.78, 0.92)
        scale = target_h / ph
        cx = big_w / 2 + rng.uniform(-0.2, 0.2) * big_w
        cy = big_h / 2 + rng.uniform(-0.03, 0.03) * big_h
        angle = math.radians(rng.uniform(-12, 12))
        src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], dtype=np.float32)
        dst = []
        for x, y in src:
            # Perspective: shrink one side a little (the phone leans away).
            dx, dy = (x - pw / 2) * scale, (y - ph / 2) * scale
            dx *= 1 + rng.uniform(-0.05, 0.05)
            dy *= 1 + rng.uniform(-0.05, 0.05)
            rx = dx * math.cos(angle) - dy * math.sin(angle)
            ry = dx * math.sin(angle) + dy * math.cos(angle)
            dst.append([cx + rx, cy + ry])
        m = cv2.getPerspectiveTransform(src, np.array(dst, dtype=np.float32))
        warped = cv2.warpPerspective(phone, m, (big_w, big_h), flags=cv2.INTER_LINEAR)
        wmask = cv2.warpPerspective(mask, m, (big_w, big_h), flags=cv2.INTER_LINEAR)
        cv2.copyTo(warped, wmask, scene)
        # Glare and moire touch only the phone: work on its bounding box (a third of the frame).
        xs = [p[0] for p in dst]
        ys = [p[1] for p in dst]
        x0, x1 = max(0, int(min(xs))), min(big_w, int(max(xs)) + 1)
        y0, y1 = max(0, int(min(ys))), min(big_h, int(max(ys)) + 1)
        bh, bw = y1 - y0, x1 - x0
        # Glare: a soft bright blob somewhere on the phone, moderate.
        glare = np.zeros((bh, bw), np.float32)
        gx = int(cx - x0 + rng.uniform(-0.25, 0.25) * pw * scale)
        gy = int(cy - y0 + rng.uniform(-0.35, 0.35) * ph * scale)
        cv2.circle(glare, (gx, gy), int(rng.uniform(50, 110)), 1.0, -1)
        glare = cv2.GaussianBlur(glare, (0, 0), 30) * rng.uniform(60, 110)
        # Moire: faint interference stripes at an angle, as a screen filmed by a camera shows them.
        yy, xx = np.mgrid[0:bh, 0:bw].astype(np.float32)
        theta = rng.uniform(0, math.pi)
        period = rng.uniform(5.0, 9.0)
        stripes = np.sin((xx * math.cos(theta) + yy * math.sin(theta)) * (2 * math.pi / period))
        beat = 0.5 + 0.5 * np.sin((xx * math.sin(theta) - yy * math.cos(theta)) * (2 * math.pi / 180.0))
        inside = wmask[y0:y1, x0:x1].astype(np.float32) / 255.0
        moire = stripes * beat * rng.uniform(6.0, 12.0) * inside
        region = scene[y0:y1, x0:x1].astype(np.float32) + (glare * inside + moire)[:, :, None]
        scene[y0:y1, x0:x1] = np.clip(region, 0, 255).astype(np.uint8)
        sigma = rng.uniform(0.5, 1.1)
        return cv2.GaussianBlur(scene, (0, 0), sigma)

    def _frame(self) -> np.ndarray:
        w, h = self.size
        rng = self._rng
        dx, dy = rng.randint(0, 2 * _JITTER), rng.randint(0, 2 * _JITTER)
        crop = self._scene[dy : dy + h, dx : dx + w]
        plus, minus = self._noise[self.frame_index % len(self._noise)]
        return np.asarray(cv2.subtract(cv2.add(crop, plus), minus))
