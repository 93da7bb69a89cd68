"""``checkpoint bench log``: the log's performance budgets (DESIGN.md) measured on a real database.

Everything runs through the code the station runs: the log screen is the real ``LogView`` with its lazy
``PassLogModel`` (offscreen Qt), scrolling moves the real table, tracing goes through ``trace_passages``
like ``checkpoint trace``, and the handover exports go through ``export_handover_file`` like the CLI and
the GUI (so each export also writes its audit entry, as a real one would). Figures are wall-clock
milliseconds on this machine; targets are DESIGN.md's "Performance budgets".
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from checkpoint.bench import BenchError
from checkpoint.domain.records import Passage
from checkpoint.domain.tracing import trace_query
from checkpoint.station.exporting import export_handover_file, trace_passages
from checkpoint.station.log import LogService, PassageFilter
from checkpoint.station.texts import handover_labels
from checkpoint.storage.database import Database, open_database

EXPORT_PASSAGES = 20_000
SCROLL_STEPS = 40
DRAG_STEPS = 25
TRACE_REPEAT = 5

TARGET_OPEN_MS = 1000.0
TARGET_SCROLL_MS = 50.0  # one batch fetched and painted within a few frames: no visible stall
TARGET_TRACE_MS = 50.0
TARGET_XLSX_MS = 3000.0
TARGET_PDF_MS = 5000.0


@dataclass
class Figure:
    name: str
    ms: float
    target_ms: float
    detail: str = ""
    cpu_ms: float | None = None  # this process's CPU time: comparable when other work shares the cores

    @property
    def ok(self) -> bool:
        return self.ms <= self.target_ms

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ms": round(self.ms, 1),
            "cpu_ms": None if self.cpu_ms is None else round(self.cpu_ms, 1),
            "target_ms": self.target_ms,
            "ok": self.ok,
            "detail": self.detail,
        }


@dataclass
class LogBenchReport:
    db_url: str
    passages: int
    open_db_ms: float
    figures: list[Figure] = field(default_factory=list)
    max_rss_mb: float = 0.0  # peak resident memory of the bench process (the whole log's keys included)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.figures)

    def to_json(self) -> dict[str, Any]:
        return {
            "db": self.db_url,
            "passages": self.passages,
            "open_db_ms": round(self.open_db_ms, 1),
            "max_rss_mb": round(self.max_rss_mb, 1),
            "ok": self.ok,
            "figures": [f.to_json() for f in self.figures],
        }


def format_log_bench(report: LogBenchReport) -> str:
    lines = [
        f"{report.passages} passages in {report.db_url} (opened in {report.open_db_ms:.0f} ms)",
        f"{'measure':38} {'wall ms':>10} {'cpu ms':>10} {'target':>10}",
    ]
    for f in report.figures:
        mark = "ok" if f.ok else "MISSED"
        cpu = "" if f.cpu_ms is None else f"{f.cpu_ms:.1f}"
        lines.append(
            f"{f.name:38} {f.ms:10.1f} {cpu:>10} {'< ' + format(f.target_ms, '.0f'):>10}  {mark}  {f.detail}"
        )
    lines.append(f"peak resident memory {report.max_rss_mb:.0f} MB")
    return "\n".join(lines)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


class _Clock:
    """Wall and CPU time of one measured step."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def figure(self, name: str, target_ms: float, detail: str = "") -> Figure:
        wall = (time.perf_counter() - self.wall) * 1000.0
        return Figure(name, wall, target_ms, detail, (time.process_time() - self.cpu) * 1000.0)


def ensure_app() -> Any:
    """The widget application the log view needs (offscreen unless a platform is set); made once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from checkpoint.station.gc_guard import collect_on_gui_thread

    app = QApplication.instance() or QApplication([])
    if not isinstance(app, QApplication):
        raise BenchError("a non-widget Qt application is already running")
    collect_on_gui_thread(app)  # garbage collection as in the station: on the GUI thread's timer
    return app


def run_log_bench(db_url: str, *, export_passages: int = EXPORT_PASSAGES) -> LogBenchReport:
    """Open the database (migrating it if needed) and measure; raises ``BenchError``/``StorageError``."""
    app = ensure_app()
    start = time.perf_counter()
    database = open_database(db_url)
    open_ms = _ms(start)
    try:
        total = database.passages.count_passages(PassageFilter())
        if total == 0 or not database.gates.all():
            raise BenchError("the database has no passages: fill it with 'checkpoint demo-data' first")
        report = LogBenchReport(db_url, total, open_ms)
        recent = database.passages.fetch_passages(
            database.passages.passage_keys(PassageFilter(since=_last_day(database)))[:50]
        )
        plate = next((p.vehicle.plate for p in recent if p.vehicle is not None and p.vehicle.plate), "")
        name = next((person.name for p in recent for person in p.persons if len(person.name) >= 3), "")
        searches = [(label, text) for label, text in (("name", name), ("plate part", plate[-4:])) if text]
        _bench_log_view(app, database, report, searches)
        _bench_trace(database, recent, report)
        _bench_exports(database, report, export_passages)
        report.max_rss_mb = _peak_rss_mb()
        return report
    finally:
        database.close()


def _peak_rss_mb() -> float:
    try:
        import resource  # Unix only
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def _last_day(database: Database) -> datetime:
    """The start of the newest day with passages (``iter_passages`` newest first, one batch)."""
    newest = next(database.passages.iter_passages(PassageFilter(), oldest_first=False))
    return newest.at - timedelta(days=1)


def _bench_log_view(
    app: Any, database: Database, report: LogBenchReport, searches: list[tuple[str, str]]
) -> None:
    from checkpoint.app import build_session
    from checkpoint.station.writer import RecordWriter
    from checkpoint.ui.log_view import LogView

    gate = database.gates.all()[0]
    operator = database.operators.all()[0]
    shifts = database.shifts.all()
    if not shifts:
        raise BenchError("the database has no shift: fill it with 'checkpoint demo-data' first")
    writer = RecordWriter(database)  # never started: the log view only reads
    session = build_session(writer, gate, operator, database.shifts.current_shift(gate.id) or shifts[-1])
    log = LogService(database)

    def painted(view: LogView) -> float:
        view.show()
        app.processEvents()
        return float(view.model.fetches)

    from checkpoint.station.gc_guard import collect_on_gui_thread

    collect_on_gui_thread(app).settle()  # as a started station does (start-up's objects frozen)
    clock = _Clock()
    view = LogView(log, session)
    view.resize(1280, 800)
    painted(view)
    report.figures.append(
        clock.figure("log view opens (today)", TARGET_OPEN_MS, f"{view.model.rowCount()} rows")
    )

    clock = _Clock()
    view.set_window(datetime(2000, 1, 1, tzinfo=UTC), None)
    painted(view)
    report.figures.append(
        clock.figure("log view opens (whole log)", TARGET_OPEN_MS, f"{view.model.rowCount()} rows")
    )

    bar = view.table.verticalScrollBar()
    rows = view.model.rowCount()
    step = max(1, min(rows // (SCROLL_STEPS + 1), view.model._batch_size))
    steps: list[Figure] = []
    for index in range(1, SCROLL_STEPS + 1):
        before = view.model.fetches
        clock = _Clock()
        bar.setValue(min(bar.maximum(), index * step))
        app.processEvents()
        if view.model.fetches > before:
            steps.append(clock.figure("scroll: worst batch fetched and painted", TARGET_SCROLL_MS))
    if steps:
        worst = max(steps, key=lambda f: f.ms)
        worst.detail = f"median {statistics.median(f.ms for f in steps):.1f} ms over {len(steps)} batches"
        report.figures.append(worst)
    # Dragging the scroll bar's handle to the middle of the log: the view repaints at each position the
    # handle passes (DRAG_STEPS of them, about half a second of dragging), each far from the last.
    start_value = bar.value()
    drag: list[Figure] = []
    for index in range(1, DRAG_STEPS + 1):
        clock = _Clock()
        bar.setValue(start_value + (bar.maximum() // 2 - start_value) * index // DRAG_STEPS)
        app.processEvents()
        drag.append(clock.figure("scroll: drag to the middle, worst step", TARGET_SCROLL_MS))
    worst = max(drag, key=lambda f: f.ms)
    worst.detail = f"{DRAG_STEPS} steps of {(bar.maximum() // 2 - start_value) // DRAG_STEPS} rows"
    report.figures.append(worst)
    clock = _Clock()  # the End key or the handle thrown to the bottom: the oldest passages
    bar.setValue(bar.maximum())
    app.processEvents()
    report.figures.append(clock.figure("scroll: jump to the oldest passage", TARGET_SCROLL_MS))

    for label, fragment in searches:
        clock = _Clock()
        view.text_filter.setText(fragment)
        view.apply_filter()
        painted(view)
        report.figures.append(
            clock.figure(
                f"search {label} {fragment!r}, whole log", TARGET_OPEN_MS, f"{view.model.rowCount()} rows"
            )
        )
    view.close()
    view.deleteLater()
    session.deleteLater()
    app.processEvents()


def _timed(name: str, run: Callable[[], list[Passage]]) -> Figure:
    """The median of a few runs after a warm-up (the first query also loads the planner's statistics)."""
    run()
    runs = []
    found = 0
    for _ in range(TRACE_REPEAT):
        clock = _Clock()
        found = len(run())
        runs.append(clock.figure(name, TARGET_TRACE_MS))
    runs.sort(key=lambda f: f.ms)
    median = runs[len(runs) // 2]
    median.detail = f"worst {runs[-1].ms:.1f} ms, {found} passages"
    return median


def _bench_trace(database: Database, recent: list[Passage], report: LogBenchReport) -> None:
    """Trace a plate and an ID number seen recently (what a tracer typically asks about)."""
    today = datetime.now(UTC).date()
    plate = next((p.vehicle.plate for p in recent if p.vehicle is not None), "")
    id_number = next((person.id_number for p in recent for person in p.persons if person.id_number), "")
    for label, query in (
        ("plate", trace_query(plate=plate, today=today) if plate else None),
        ("ID number", trace_query(id_number=id_number, today=today) if id_number else None),
    ):
        if query is None:
            continue
        report.figures.append(_timed(f"trace by {label}", partial(trace_passages, database, query)))


def _bench_exports(database: Database, report: LogBenchReport, count: int) -> None:
    keys = database.passages.passage_keys(PassageFilter(since=_last_day(database) - timedelta(days=30)))
    window = database.passages.fetch_passages([keys[0], keys[min(count, len(keys)) - 1]])
    if len(window) < 2:
        return
    until = window[0].at + timedelta(seconds=1)
    since = window[1].at
    labels = handover_labels()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="checkpoint-bench-") as folder:
        for fmt, target in (("xlsx", TARGET_XLSX_MS), ("pdf", TARGET_PDF_MS)):
            clock = _Clock()
            result = export_handover_file(
                database,
                Path(folder) / f"handover.{fmt}",
                fmt,
                since=since,
                until=until,
                labels=labels,
                now=now,
            )
            report.figures.append(
                clock.figure(f"handover export {fmt.upper()}", target, f"{result.passages} passages")
            )
