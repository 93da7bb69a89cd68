"""``checkpoint bench pipeline``: the real station, offscreen, measured against its budgets while it scans.

The station is built as ``app.py`` builds it (``build_services`` + ``MainWindow``, the same style, in
Chinese), in a temporary home folder (settings, pass key, SQLite database in ``TMPDIR``) so nothing of the
user's is touched. The gate runs the compound-gate profile with auto-record on: the demo camera shows
residents' passes signed by a deployment key made for the run, and each scan alone verifies the pass,
proposes PASS and records it, zero taps: every step between the frame and the confirmation is the
machine's, so the figure is the station's and not an operator's. The instruments are in
``checkpoint.bench.probes``.

Start-up is timed in fresh child processes running ``python -m checkpoint gui --camera demo`` offscreen
(so every import counts), from just before the process is launched to the first decoded frame reaching
the GUI thread after the window is shown (``app.STARTUP_PROBE_ENV``).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from checkpoint.bench import BenchError
from checkpoint.bench.probes import PipelineReport

FLOW = (
    "compound gate, auto-record (zero taps): a resident's signed pass on the demo camera is verified, "
    "PASS is proposed and recorded with no key pressed"
)
RESIDENTS = 40  # distinct passes: none comes round again within the debounce window
HOLD_SECONDS = 1.0  # each phone in front of the camera (the demo camera's default is 1.5 s)
GAP_SECONDS = (0.3, 0.6)  # between two people
WARMUP_S = 2.0  # camera open, first decodes, first record: not measured
STARTUP_RUNS = 3
STARTUP_TIMEOUT_S = 60.0


def run_pipeline_bench(seconds: float = 30.0, *, startup_runs: int = STARTUP_RUNS) -> PipelineReport:
    """Measures start-up (``startup_runs`` child processes), then the running station for ``seconds``."""
    if seconds <= 0:
        raise BenchError(f"--seconds must be positive, got {seconds}")
    with tempfile.TemporaryDirectory(prefix="checkpoint-bench-") as tmp:
        folder = Path(tmp)
        startups, shown, problem = time_startups(folder / "startup", startup_runs)
        with _home(folder / "station"):
            return _measure_station(seconds, startups, shown, problem)


@contextlib.contextmanager
def _home(folder: Path) -> Iterator[None]:
    """Points ``paths`` (settings, keys, data, logs) at ``folder`` for the run."""
    before = os.environ.get("CHECKPOINT_HOME")
    os.environ["CHECKPOINT_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("CHECKPOINT_HOME", None)
        else:
            os.environ["CHECKPOINT_HOME"] = before


# ------------------------------------------------------------------------------------------ start-up


def time_startups(folder: Path, runs: int) -> tuple[list[float], list[float], str]:
    """Seconds from launch to live scanning and to the window shown, one per run that got there; and
    the first problem met ("" when none)."""
    from checkpoint.app import STARTUP_PROBE_ENV

    live: list[float] = []
    shown: list[float] = []
    problem = ""
    for run in range(runs):
        home = folder / f"run{run}"
        home.mkdir(parents=True)
        probe = home / "startup.txt"
        # A station that has been set up: an administrator with a PIN, typed into the real sign-in
        # screen by the probe as soon as it shows (the PIN is checked; only a person's typing is left out).
        db_url = f"sqlite:///{home / 'station.sqlite3'}"
        _set_up_station(db_url, home)
        probe.write_text(f"operator {BENCH_OPERATOR}\npin {BENCH_PIN}\n", encoding="utf-8")
        env = dict(os.environ)
        env.update(
            {
                "CHECKPOINT_HOME": str(home),
                "QT_QPA_PLATFORM": "offscreen",
                STARTUP_PROBE_ENV: str(probe),
            }
        )
        env.pop("CHECKPOINT_DB", None)
        command = [
            sys.executable,
            "-m",
            "checkpoint",
            "gui",
            "--camera",
            "demo",
            "--lang",
            "zh_CN",
            "--db",
            db_url,
        ]
        launched = time.monotonic()
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=STARTUP_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            problem = problem or f"the station did not reach live scanning within {STARTUP_TIMEOUT_S:.0f} s"
            continue
        times = _probe_times(probe)
        if done.returncode != 0 or "live" not in times:
            tail = (done.stderr or "").strip().splitlines()[-1:] or ["no message"]
            problem = problem or f"the station exited with code {done.returncode}: {tail[0]}"
            continue
        live.append(times["live"] - launched)
        if "shown" in times:
            shown.append(times["shown"] - launched)
    return live, shown, problem


BENCH_OPERATOR, BENCH_PIN = "bench", "13579"


def _set_up_station(db_url: str, home: Path) -> None:
    """The database and keys a set-up station has (what the first-run wizard leaves behind)."""
    from datetime import UTC, datetime

    from checkpoint.domain.records import Role
    from checkpoint.storage.database import open_database
    from checkpoint.storage.keys import create_data_key

    database = open_database(db_url, data_key=create_data_key(home / "data" / "keys"))
    try:
        database.operators.add_operator(
            BENCH_OPERATOR, Role.ADMINISTRATOR, datetime.now(UTC), None, pin=BENCH_PIN
        )
    finally:
        database.close()


def _probe_times(path: Path) -> dict[str, float]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    times = {}
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        with contextlib.suppress(ValueError):
            times[name] = float(value)
    return times


# ------------------------------------------------------------------------------------ the station


def _resident_passes(count: int) -> list[str | bytes | None]:
    """``count`` residents' passes, signed by a deployment key made now in the (temporary) keys folder."""
    from checkpoint.domain.credentials import ResidentPass, issue_pass
    from checkpoint.storage.keys import create_deployment_key

    key = create_deployment_key()
    now = datetime.now(UTC).replace(microsecond=0)
    payloads: list[str | bytes | None] = []
    for i in range(count):
        content = ResidentPass(
            pass_id=uuid.uuid4(),
            issuer="基准小区",
            issued_at=now - timedelta(hours=1),
            valid_from=now - timedelta(hours=1),
            valid_until=now + timedelta(days=1),
            household_id=f"{1 + i // 8}-1-{101 + i % 8}",
            name=f"居民{i + 1:02d}",
            building=str(1 + i // 8),
            unit="1",
        )
        payloads.append(issue_pass(content, key))
    return payloads


def _measure_station(
    seconds: float, startups: list[float], shown: list[float], problem: str
) -> PipelineReport:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the QApplication is made: no screen needed

    from checkpoint.app import build_services, open_settings
    from checkpoint.bench.probes import FrameRateProbe, LatencyProbe, StallMonitor, peak_rss_mb
    from checkpoint.camera.demo import DemoCamera
    from checkpoint.station.i18n import LanguageSwitcher
    from checkpoint.storage.errors import StorageError
    from checkpoint.ui.main_window import MainWindow
    from checkpoint.ui.style import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from checkpoint.station.gc_guard import collect_on_gui_thread

    collector = collect_on_gui_thread(app)
    assert isinstance(app, QApplication)

    def spin(duration_s: float) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % early
        timer.timeout.connect(loop.quit)
        timer.start(round(duration_s * 1000))
        loop.exec()

    payloads = _resident_passes(RESIDENTS)
    settings = open_settings()
    settings.setValue("gate/name", "基准门岗")
    settings.setValue("gate/profile", "compound-gate")
    settings.setValue("operator/name", "bench")
    settings.setValue("station/auto_record", True)
    languages = LanguageSwitcher()
    languages.set_language("zh_CN")
    apply_style(app)
    from checkpoint import paths

    try:
        services = build_services(
            f"sqlite:///{paths.data_dir() / 'bench.sqlite3'}", "demo", settings=settings
        )
    except StorageError as error:
        languages.uninstall()
        raise BenchError(f"cannot open the bench database: {error}") from error
    services.scan.set_source_factory(
        lambda: DemoCamera(payloads=payloads, hold_seconds=HOLD_SECONDS, gap_seconds=GAP_SECONDS)
    )
    window = MainWindow(services, languages)
    view = window.station_view
    latency = LatencyProbe(services.scan, services.session, view.verdict, view.confirmation, parent=window)
    latency.watch_commits(services.writer.database)
    rates = FrameRateProbe(services.scan, view.preview, view.confirmation)
    stalls = StallMonitor(parent=window)
    try:
        services.start()
        window.show()
        spin(WARMUP_S)
        collector.settle()  # as the started station does (app.SETTLE_MS): long-lived objects frozen
        latency.reset()
        rates.start()
        stalls.start()
        started = time.monotonic()
        spin(seconds)
        measured = time.monotonic() - started
        camera_fps, preview_fps, decode_fps = rates.rates()
        stalls.stop()
        heartbeat = stalls.heartbeat
        return PipelineReport(
            flow=FLOW,
            seconds=measured,
            samples=list(latency.samples),
            camera_nominal_fps=services.scan.camera_fps,
            camera_fps=camera_fps,
            preview_fps=preview_fps,
            decode_fps=decode_fps,
            longest_stall_ms=heartbeat.longest_stall_s * 1000.0,
            stalls=heartbeat.stalls,
            peak_rss_mb=peak_rss_mb(),
            startup_s=startups,
            window_shown_s=shown,
            startup_error=problem,
            load_average=os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            cpus=os.cpu_count() or 0,
        )
    finally:
        stalls.stop()
        window.close()
        services.shutdown()
        window.deleteLater()
        languages.uninstall()
