"""The measuring parts of ``checkpoint bench pipeline`` that are logic: percentiles, the stall detector
(on an injected clock), the targets and what the report says about them."""

from __future__ import annotations

import pytest

from checkpoint.bench.probes import (
    Heartbeat,
    LatencySample,
    PipelineReport,
    format_pipeline_report,
    percentile,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_percentiles_interpolate_between_ranks_and_none_without_values() -> None:
    assert percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert percentile([float(v) for v in range(1, 101)], 95) == pytest.approx(95.05)
    assert percentile([7.0], 95) == 7.0
    assert percentile([1.0, 9.0], 100) == 9.0
    assert percentile([], 50) is None
    with pytest.raises(ValueError, match=r"0\.\.100"):
        percentile([1.0], 101)


def test_the_longest_gap_between_heartbeats_less_the_interval_is_the_longest_stall() -> None:
    clock = FakeClock()
    beat = Heartbeat(0.005, limit_s=0.050, clock=clock)
    beat.start()
    for step in (0.005, 0.006, 0.005, 0.080, 0.005, 0.040):
        clock.now += step
        beat.beat()
    assert beat.beats == 6
    assert beat.longest_stall_s == pytest.approx(0.075)
    assert beat.stalls == 1  # 75 ms over the 50 ms limit; the 35 ms one is not

    beat.start()  # the warm-up is forgotten
    clock.now += 0.005
    beat.beat()
    assert beat.longest_stall_s == pytest.approx(0.0) and beat.stalls == 0


def _sample(captured: float, latency_ms: float) -> LatencySample:
    painted = captured + latency_ms / 1000.0
    return LatencySample(
        text="CPS1:x",
        captured_at=captured,
        scanned_at=captured + 0.01,
        proposal_painted_at=captured + 0.02,
        committed_at=painted - 0.005,
        painted_at=painted,
    )


def _report(latencies: list[float], **changes: object) -> PipelineReport:
    fields: dict[str, object] = {
        "flow": "test flow",
        "seconds": 10.0,
        "samples": [_sample(float(i), ms) for i, ms in enumerate(latencies)],
        "camera_nominal_fps": 30.0,
        "camera_fps": 30.0,
        "preview_fps": 29.9,
        "decode_fps": 28.0,
        "longest_stall_ms": 12.0,
        "stalls": 0,
        "peak_rss_mb": 250.0,
        "startup_s": [1.9, 2.1, 2.0],
        "window_shown_s": [1.2],
    }
    fields.update(changes)
    return PipelineReport(**fields)  # type: ignore[arg-type]


def test_a_report_within_every_target_says_so_in_text_and_json() -> None:
    report = _report([40.0, 50.0, 60.0, 45.0])
    data = report.to_json()
    assert data["scans"] == 4
    assert data["latency_ms"]["p50"] == 47.5
    assert data["startup_s"] == 2.0  # the median of the runs
    assert data["all_targets_met"] is True
    assert set(data["targets"]) == {
        "scan-to-verdict p95",
        "preview frame rate",
        "longest GUI stall",
        "peak resident memory",
        "start-up to live scanning",
    }
    text = format_pipeline_report(report)
    assert "all targets met" in text and "MISSED" not in text


def test_missed_targets_and_missing_figures_are_named() -> None:
    report = _report([40.0, 300.0], preview_fps=20.0, longest_stall_ms=80.0, peak_rss_mb=None, startup_s=[])
    verdicts = {t.name: t.ok for t in report.targets()}
    assert verdicts == {
        "scan-to-verdict p95": False,
        "preview frame rate": False,  # 20 of the camera's 30 fps
        "longest GUI stall": False,
        "peak resident memory": False,  # unknown counts as missed, never as passed
        "start-up to live scanning": False,
    }
    text = format_pipeline_report(report)
    assert "5 target(s) MISSED" in text and "exit code 0" in text
    assert report.to_json()["all_targets_met"] is False


def test_no_passage_recorded_is_a_missed_latency_target_not_a_pass() -> None:
    report = _report([])
    assert report.latency_ms(95) is None
    assert not next(t for t in report.targets() if t.name == "scan-to-verdict p95").ok
