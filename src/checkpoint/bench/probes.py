"""The instruments of ``checkpoint bench pipeline``: what the running station is measured with, and the
report they fill.

The bench itself (``checkpoint.bench.pipeline``) builds the real station offscreen as ``app.py`` does and
attaches these to it:

* ``LatencyProbe``, scan-to-verdict latency. A frame's capture time (``time.monotonic()`` taken in the
  camera thread as the frame arrives) travels with it: ``Frame.captured_at`` -> ``DecodeResult`` ->
  ``ScanEvent.captured_at`` -> the session's draft. The probe pairs each recorded passage with the scan of
  its code, notes when the writer's commit returned (on the writer thread) and when the confirmation band
  was next painted (a real ``QEvent.Paint``, caught by an event filter). The band is shown only once the
  passage is on disk, so "captured -> band painted" covers decode, rules, commit and paint. The
  proposal's first paint after the scan is measured as well (what the operator sees before the record).
* ``FrameRateProbe``: frames the preview painted (a paint after a new frame arrived), frames the camera
  delivered and frames decoded, per second.
* ``Heartbeat`` and ``StallMonitor``: a 5 ms timer on the GUI thread; the longest gap between two ticks,
  less the interval, is the longest time the GUI thread was busy with something else (a stall).
* ``peak_rss_mb``: the process's resident-memory high-water mark.

All times are ``time.monotonic()`` seconds, the clock the camera thread stamps frames with (on Linux the
same clock in every process, so a child process's start-up can be timed against its parent's launch).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot

from checkpoint.domain.records import Passage, PassageDraft
from checkpoint.station.scan import ScanEvent, ScanService
from checkpoint.station.session import StationSession
from checkpoint.storage.database import Database

Clock = Callable[[], float]

HEARTBEAT_MS = 5
STALL_LIMIT_MS = 50.0  # the GUI thread never stalls longer: the operator sees no frozen preview
LATENCY_P95_LIMIT_MS = 100.0
MEMORY_LIMIT_MB = 400.0
STARTUP_LIMIT_S = 3.0
PREVIEW_SHARE = 0.95  # "at the camera's rate": at least this share of the frames the camera delivered


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0..100) by linear interpolation between ranks; None for no values."""
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def peak_rss_mb() -> float | None:
    """The resident-memory high-water mark of this process in MB (``VmHWM``), None where unknown."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024.0 * 1024.0) if sys.platform == "darwin" else peak / 1024.0  # bytes there, KiB here


# ------------------------------------------------------------------------------------------- stalls


class Heartbeat:
    """The gaps between the ticks of a timer that should tick every ``interval_s``.

    A gap much longer than the interval means the thread running the timer was busy elsewhere: the
    longest gap less the interval is the longest stall. ``stalls`` counts gaps over ``limit_s`` extra.
    """

    def __init__(self, interval_s: float, *, limit_s: float = STALL_LIMIT_MS / 1000.0, clock: Clock) -> None:
        self.interval_s = interval_s
        self.limit_s = limit_s
        self._clock = clock
        self._last: float | None = None
        self.beats = 0
        self.longest_gap_s = 0.0
        self.stalls = 0

    def start(self) -> None:
        """Forgets what was measured; the next gap counts from now."""
        self._last = self._clock()
        self.beats = 0
        self.longest_gap_s = 0.0
        self.stalls = 0

    def beat(self) -> None:
        now = self._clock()
        if self._last is None:
            self._last = now
            return
        gap = now - self._last
        self._last = now
        self.beats += 1
        self.longest_gap_s = max(self.longest_gap_s, gap)
        if gap - self.interval_s > self.limit_s:
            self.stalls += 1

    @property
    def longest_stall_s(self) -> float:
        return max(0.0, self.longest_gap_s - self.interval_s)


class StallMonitor(QObject):
    """A precise ``HEARTBEAT_MS`` timer on the thread it lives in (the GUI thread), feeding a Heartbeat."""

    def __init__(
        self, interval_ms: int = HEARTBEAT_MS, clock: Clock = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.heartbeat = Heartbeat(interval_ms / 1000.0, clock=clock)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.heartbeat.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.heartbeat.beat()


# ------------------------------------------------------------------------------------------ latency


@dataclass(frozen=True, slots=True)
class LatencySample:
    """One recorded passage, timed from the capture of the frame its code was read from."""

    text: str
    captured_at: float
    scanned_at: float  # the debounced scan reached the GUI thread
    proposal_painted_at: float | None  # the proposal was first painted after the scan
    committed_at: float | None  # the writer's commit returned (writer thread)
    painted_at: float  # the confirmation band was painted after the passage was recorded

    @property
    def total_ms(self) -> float:
        return (self.painted_at - self.captured_at) * 1000.0

    @property
    def commit_ms(self) -> float | None:
        return None if self.committed_at is None else (self.committed_at - self.captured_at) * 1000.0

    @property
    def proposal_ms(self) -> float | None:
        if self.proposal_painted_at is None:
            return None
        return (self.proposal_painted_at - self.captured_at) * 1000.0


class LatencyProbe(QObject):
    """Times every passage recorded from a camera scan (see the module docstring).

    ``proposal`` and ``confirmation`` are the widgets that show the proposed outcome and the recorded
    one; the probe watches their paint events and never changes them.
    """

    def __init__(
        self,
        scan: ScanService,
        session: StationSession,
        proposal: QObject,
        confirmation: QObject,
        *,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._proposal = proposal
        self._confirmation = confirmation
        self._scans: dict[str, tuple[float, float]] = {}  # code text -> (captured, scanned)
        self._proposal_paints: dict[str, float] = {}
        self._proposal_waiting: str | None = None
        self._recorded: list[tuple[str, Passage]] = []  # waiting for the band's paint
        self._committed: dict[UUID, float] = {}  # passage uuid -> commit returned
        self.samples: list[LatencySample] = []
        scan.code_scanned.connect(self._on_scan_code_scanned)
        session.passage_recorded.connect(self._on_session_passage_recorded)
        proposal.installEventFilter(self)
        confirmation.installEventFilter(self)

    def watch_commits(self, database: Database) -> None:
        """Notes when each ``append_passage`` returns, on the writer thread (the commit is then on disk)."""
        append = database.passages.append_passage
        committed = self._committed
        clock = self._clock

        def timed_append_passage(draft: PassageDraft) -> Passage:
            passage = append(draft)
            committed[passage.uuid] = clock()
            return passage

        database.passages.append_passage = timed_append_passage  # type: ignore[method-assign]

    def reset(self) -> None:
        """Drops what was measured so far (the warm-up)."""
        self.samples.clear()
        self._recorded.clear()
        self._scans.clear()
        self._proposal_paints.clear()
        self._proposal_waiting = None

    @Slot(object)
    def _on_scan_code_scanned(self, event: ScanEvent) -> None:
        if event.captured_at is None:
            return  # typed or wedge-scanned: no frame to time from
        self._scans[event.text] = (event.captured_at, self._clock())
        self._proposal_paints.pop(event.text, None)
        self._proposal_waiting = event.text

    @Slot(object)
    def _on_session_passage_recorded(self, passage: Passage) -> None:
        text = passage.persons[0].code_text if passage.persons else ""
        if text in self._scans:
            self._recorded.append((text, passage))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            now = self._clock()
            if watched is self._proposal and self._proposal_waiting is not None:
                self._proposal_paints[self._proposal_waiting] = now
                self._proposal_waiting = None
            elif watched is self._confirmation and self._recorded:
                for text, passage in self._recorded:
                    captured, scanned = self._scans.pop(text)
                    self.samples.append(
                        LatencySample(
                            text=text,
                            captured_at=captured,
                            scanned_at=scanned,
                            proposal_painted_at=self._proposal_paints.pop(text, None),
                            committed_at=self._committed.pop(passage.uuid, None),
                            painted_at=now,
                        )
                    )
                self._recorded.clear()
        return False


# -------------------------------------------------------------------------------------- frame rates


class FrameRateProbe(QObject):
    """Frames delivered by the camera, painted by the preview and decoded, between ``start`` and ``rates``.

    A paint of any of ``painters`` (the preview, and the verdict band's live inset while the band covers
    the preview) counts as a painted frame when a new frame arrived since the last paint.
    """

    def __init__(self, scan: ScanService, *painters: QObject, clock: Clock = time.monotonic) -> None:
        super().__init__(painters[0])
        self._scan = scan
        self._clock = clock
        self._new_frame = False
        self.painted = 0
        self._started_at = clock()
        self._captured_at_start = 0
        self._decoded_at_start = 0
        scan.frame_ready.connect(self._on_scan_frame_ready)
        for painter in painters:
            painter.installEventFilter(self)

    def start(self) -> None:
        self.painted = 0
        self._new_frame = False
        self._started_at = self._clock()
        self._captured_at_start = self._scan.frames_captured
        self._decoded_at_start = self._scan.frames_decoded

    def rates(self) -> tuple[float, float, float]:
        """Frames per second since ``start``: (camera delivered, preview painted, decoded)."""
        elapsed = max(1e-9, self._clock() - self._started_at)
        captured = self._scan.frames_captured - self._captured_at_start
        decoded = self._scan.frames_decoded - self._decoded_at_start
        return captured / elapsed, self.painted / elapsed, decoded / elapsed

    @Slot(object)
    def _on_scan_frame_ready(self, _frame: object) -> None:
        self._new_frame = True

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._new_frame:
            self._new_frame = False
            self.painted += 1
        return False


# ------------------------------------------------------------------------------------------- report


@dataclass(frozen=True, slots=True)
class Target:
    """One figure beside its target; ``ok`` is False when the figure is missing."""

    name: str
    value: float | None
    unit: str
    target: str  # as printed, e.g. "< 100"
    ok: bool


@dataclass(frozen=True, slots=True)
class PipelineReport:
    flow: str
    seconds: float
    samples: list[LatencySample]
    camera_nominal_fps: float
    camera_fps: float
    preview_fps: float
    decode_fps: float
    longest_stall_ms: float
    stalls: int
    peak_rss_mb: float | None
    startup_s: list[float] = field(default_factory=list)  # one per child process; failed runs left out
    window_shown_s: list[float] = field(default_factory=list)
    startup_error: str = ""
    load_average: float | None = None  # the machine's 1-minute load average at the end of the run
    cpus: int = 0

    def latency_ms(self, q: float) -> float | None:
        return percentile([s.total_ms for s in self.samples], q)

    def commit_ms(self, q: float) -> float | None:
        return percentile([s.commit_ms for s in self.samples if s.commit_ms is not None], q)

    def proposal_ms(self, q: float) -> float | None:
        return percentile([s.proposal_ms for s in self.samples if s.proposal_ms is not None], q)

    @property
    def startup_median_s(self) -> float | None:
        return percentile(self.startup_s, 50)

    def targets(self) -> list[Target]:
        p95 = self.latency_ms(95)
        startup = self.startup_median_s
        preview_floor = PREVIEW_SHARE * self.camera_fps
        rss = self.peak_rss_mb
        return [
            Target(
                "scan-to-verdict p95",
                p95,
                "ms",
                f"< {LATENCY_P95_LIMIT_MS:.0f}",
                p95 is not None and p95 < LATENCY_P95_LIMIT_MS,
            ),
            Target(
                "preview frame rate",
                self.preview_fps,
                "fps",
                f">= {preview_floor:.1f} (camera {self.camera_fps:.1f})",
                self.camera_fps > 0 and self.preview_fps >= preview_floor,
            ),
            Target(
                "longest GUI stall",
                self.longest_stall_ms,
                "ms",
                f"<= {STALL_LIMIT_MS:.0f}",
                self.longest_stall_ms <= STALL_LIMIT_MS,
            ),
            Target(
                "peak resident memory",
                rss,
                "MB",
                f"< {MEMORY_LIMIT_MB:.0f}",
                rss is not None and rss < MEMORY_LIMIT_MB,
            ),
            Target(
                "start-up to live scanning",
                startup,
                "s",
                f"< {STARTUP_LIMIT_S:.0f}",
                startup is not None and startup < STARTUP_LIMIT_S,
            ),
        ]

    def to_json(self) -> dict[str, Any]:
        def rounded(value: float | None, digits: int = 1) -> float | None:
            return None if value is None else round(value, digits)

        return {
            "flow": self.flow,
            "seconds": round(self.seconds, 1),
            "scans": len(self.samples),
            "latency_ms": {
                "p50": rounded(self.latency_ms(50)),
                "p95": rounded(self.latency_ms(95)),
                "max": rounded(self.latency_ms(100)),
            },
            "commit_ms": {"p50": rounded(self.commit_ms(50)), "p95": rounded(self.commit_ms(95))},
            "proposal_ms": {"p50": rounded(self.proposal_ms(50)), "p95": rounded(self.proposal_ms(95))},
            "camera_nominal_fps": rounded(self.camera_nominal_fps),
            "camera_fps": rounded(self.camera_fps),
            "preview_fps": rounded(self.preview_fps),
            "decode_fps": rounded(self.decode_fps),
            "longest_stall_ms": rounded(self.longest_stall_ms),
            "stalls_over_limit": self.stalls,
            "peak_rss_mb": rounded(self.peak_rss_mb),
            "startup_s": rounded(self.startup_median_s, 2),
            "startup_runs_s": [round(s, 2) for s in self.startup_s],
            "window_shown_s": rounded(percentile(self.window_shown_s, 50), 2),
            "startup_error": self.startup_error or None,
            "load_average": rounded(self.load_average, 2),
            "cpus": self.cpus,
            "targets": {
                t.name: {"value": rounded(t.value, 2), "unit": t.unit, "target": t.target, "ok": t.ok}
                for t in self.targets()
            },
            "all_targets_met": all(t.ok for t in self.targets()),
        }


def _figure(value: float | None, unit: str, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f} {unit}"


def format_pipeline_report(report: PipelineReport) -> str:
    """What ``checkpoint bench pipeline`` prints: the flow, the figures, each target with pass / MISSED."""
    lines = [
        f"flow: {report.flow}",
        f"measured for {report.seconds:.0f} s after a warm-up; {len(report.samples)} passages recorded",
        "",
        "scan to verdict (frame captured -> passage committed and its confirmation painted):",
        f"  p50 {_figure(report.latency_ms(50), 'ms')}, p95 {_figure(report.latency_ms(95), 'ms')}, "
        f"max {_figure(report.latency_ms(100), 'ms')}",
        f"  of which to the commit: p50 {_figure(report.commit_ms(50), 'ms')}, "
        f"p95 {_figure(report.commit_ms(95), 'ms')}",
        f"  proposal painted (before the record): p50 {_figure(report.proposal_ms(50), 'ms')}, "
        f"p95 {_figure(report.proposal_ms(95), 'ms')}",
        f"camera {report.camera_fps:.1f} fps delivered (nominal {report.camera_nominal_fps:.0f}), "
        f"preview {report.preview_fps:.1f} fps painted, decoder {report.decode_fps:.1f} frames/s",
        f"GUI thread: longest stall {report.longest_stall_ms:.1f} ms "
        f"({report.stalls} over {STALL_LIMIT_MS:.0f} ms), {HEARTBEAT_MS} ms heartbeat",
        f"start-up (launch -> first decoded frame after the window is shown), median of "
        f"{len(report.startup_s)}: {_figure(report.startup_median_s, 's', 2)}; runs "
        + (", ".join(f"{s:.2f}" for s in report.startup_s) or "none")
        + (
            f"; window shown after {percentile(report.window_shown_s, 50):.2f} s"
            if report.window_shown_s
            else ""
        ),
    ]
    if report.startup_error:
        lines.append(f"start-up problem: {report.startup_error}")
    if report.load_average is not None:
        busy = report.cpus and report.load_average > report.cpus
        lines.append(
            f"machine: {report.cpus} CPUs, load average {report.load_average:.1f}"
            + (" (busier than its CPUs: the figures include waiting for a CPU)" if busy else "")
        )
    lines.append("")
    targets = report.targets()
    names = max(len(t.name) for t in targets)
    values = max(len(_figure(t.value, t.unit, 2)) for t in targets)
    for t in targets:
        verdict = "pass" if t.ok else "MISSED"
        lines.append(
            f"  {t.name.ljust(names)}  {_figure(t.value, t.unit, 2).rjust(values)}  "
            f"target {t.target} {t.unit}  {verdict}"
        )
    missed = [t.name for t in targets if not t.ok]
    lines.append("")
    if missed:
        lines.append(f"{len(missed)} target(s) MISSED: {', '.join(missed)} (a measurement: exit code 0)")
    else:
        lines.append("all targets met")
    return "\n".join(lines)
