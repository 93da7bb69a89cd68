"""``checkpoint bench pipeline`` end to end in a child process: it runs the station offscreen and prints
one JSON object with every figure beside its target (the figures themselves are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.slow
def test_bench_pipeline_json_has_every_figure_and_target() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checkpoint", "bench", "pipeline", "--seconds", "3", "--json"],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert "auto-record" in report["flow"]
    assert report["seconds"] >= 2.9
    assert isinstance(report["scans"], int)
    for group in ("latency_ms", "commit_ms", "proposal_ms"):
        assert set(report[group]) >= {"p50", "p95"}
    for figure in ("camera_fps", "preview_fps", "decode_fps", "longest_stall_ms", "peak_rss_mb"):
        assert isinstance(report[figure], float), figure
    assert report["camera_nominal_fps"] == 30.0
    assert report["decode_fps"] > 0  # the station really scanned
    assert report["cpus"] >= 1
    assert len(report["startup_runs_s"]) == 3, report["startup_error"]
    assert report["startup_s"] > 0
    targets = report["targets"]
    assert set(targets) == {
        "scan-to-verdict p95",
        "preview frame rate",
        "longest GUI stall",
        "peak resident memory",
        "start-up to live scanning",
    }
    assert all(set(t) == {"value", "unit", "target", "ok"} for t in targets.values())
    assert report["all_targets_met"] == all(t["ok"] for t in targets.values())
    # The station exits cleanly: no "nanobind: leaked ..." report, which reads like a crash.
    assert "leaked" not in done.stderr, done.stderr[-2000:]


def test_bench_pipeline_refuses_a_duration_that_is_not_positive() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checkpoint", "bench", "pipeline", "--seconds", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1] == "checkpoint: error: --seconds must be positive, got 0.0"
