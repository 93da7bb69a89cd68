"""Composition root: builds every object once and wires them (no globals anywhere else)."""

from __future__ import annotations

import getpass
import glob
import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from checkpoint import APP_ID, APP_NAME, ORG_NAME, __version__, paths
from checkpoint.domain.records import Gate, Operator, Role, Shift
from checkpoint.station.audit_trail import AuditTrailService
from checkpoint.station.auth import DEFAULT_IDLE_MINUTES, IDLE_SETTING, AuthService
from checkpoint.station.clock_guard import ClockGuard
from checkpoint.station.credentials import Verifier
from checkpoint.station.debounce import Debouncer
from checkpoint.station.device_settings import DeviceSettings
from checkpoint.station.devices import GateDevices
from checkpoint.station.exporting import ExportService
from checkpoint.station.gc_guard import collect_on_gui_thread
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.log import LogService
from checkpoint.station.messages import MessageBus
from checkpoint.station.occupancy import OccupantLimits
from checkpoint.station.passage_detail import PassageDetailService
from checkpoint.station.passes import PassIssueService
from checkpoint.station.presence import Presence
from checkpoint.station.profiles import ProfileStore
from checkpoint.station.residents import ResidentService
from checkpoint.station.scan import ScanService
from checkpoint.station.services import StationServices
from checkpoint.station.session import StationSession, auto_record_default, vehicle_first
from checkpoint.station.shifts import ShiftService, current_or_new_shift
from checkpoint.station.tracing import TracingService
from checkpoint.station.watchlists import WatchlistService
from checkpoint.station.wedge import WedgeConfig, WedgeDetector
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.passage_filter import PassageFilter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from checkpoint.ui.sign_in import SignInDialog

_log = logging.getLogger(__name__)

DEFAULT_GATE_NAME = "Gate 1"
DEFAULT_PROFILE = "highway-exit"
# ``checkpoint bench pipeline`` times start-up in a child process that has this set to a file: the
# station writes when its window was shown and when the first decoded frame reached the GUI thread.
STARTUP_PROBE_ENV = "CHECKPOINT_STARTUP_PROBE"
SETTLE_MS = 5000  # after start-up, the long-lived objects are frozen out of garbage collection


def default_camera_spec() -> str:
    """The first webcam when the system has one, else the built-in demo camera."""
    if sys.platform.startswith("linux"):
        return "0" if glob.glob("/dev/video*") else "demo"
    return "0"


def open_settings() -> QSettings:
    """The settings file; when its folder cannot be made the station still runs, on defaults."""
    try:
        paths.config_dir().mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _log.warning("settings folder %s cannot be created: %s", paths.config_dir(), error)
    return QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)


def setup_logging() -> None:
    """A rotating log file in the log folder: what the crash log and support read. Once per process."""
    root = logging.getLogger()
    if any(getattr(h, "_checkpoint", False) for h in root.handlers):
        return
    try:
        paths.log_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir() / "checkpoint.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    handler._checkpoint = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def system_clock() -> datetime:
    """The machine's clock (aware, UTC): the station's time unless a test or a script passes another."""
    return datetime.now(UTC)


def build_services(
    db_url: str,
    camera_spec: str,
    *,
    settings: QSettings | None = None,
    profile: str | None = None,
    clock: Callable[[], datetime] | None = None,
    database: Database | None = None,
    operator: Operator | None = None,
    auth: AuthService | None = None,
    writer: RecordWriter | None = None,
) -> StationServices:
    """Opens the database (raises ``StorageError``) and builds the services; nothing is started yet.

    ``operator`` is who signed in (``auth``, on ``writer``, checked the PIN: ``run_gui``). Without one,
    tests and scripts get the operator named by the settings (``operator/name``, else the login name) as
    an administrator, taken as signed in without a PIN (the GUI never starts this way).

    ``profile`` (``--profile``) is the profile this gate decides under from now on: a gate on record
    with another one is switched to it (recorded and audited). A name no profile file has raises
    :class:`UnknownProfileError` before the database is opened.
    """
    now = clock or system_clock
    settings = settings or open_settings()
    if profile is not None:
        profile = check_profile_name(profile)
    database = database or open_database(db_url)
    gate_name = str(settings.value("gate/name", DEFAULT_GATE_NAME))
    gate_profile = profile or str(settings.value("gate/profile", DEFAULT_PROFILE))
    gate = database.gates.ensure_gate(gate_name, gate_profile)
    if operator is None:
        operator = database.operators.ensure_operator(_operator_name(settings), Role.ADMINISTRATOR)
    if profile is not None and gate.profile != profile:
        _log.info("gate %s switched from profile %s to %s (--profile)", gate.name, gate.profile, profile)
        gate = database.gates.set_gate_profile(gate.id, profile, now(), operator.id)
    messages = MessageBus()
    # The clock against the newest record before anything new is written; then every record's time is
    # read through the guard, which notices a clock going backwards while the station runs.
    clock_guard = ClockGuard(now, messages, operator_id=operator.id)
    clock_guard.check_start(database)
    shift = current_or_new_shift(database, gate.id, operator.id, now())
    shift_count = database.passages.count_passages(PassageFilter(since=None, until=None, shift_id=shift.id))

    writer = writer or RecordWriter(database)
    if auth is None:
        auth = AuthService(writer, idle_minutes=idle_minutes(settings), clock=now)
    if auth.operator is None:
        auth.adopt(operator)
    clock_guard.watch(writer)
    window_s = DeviceSettings.from_settings(settings, camera_spec).duplicate_window_s
    scan = ScanService(camera_spec, debouncer=Debouncer(window_s), clock=now)
    verifier = Verifier(database, clock=now)
    for problem in verifier.problems:  # shown once the window listens; logged now
        _log.warning("verifier: %s: %s", problem.what, problem.detail)
    profiles = ProfileStore(writer, clock=now)
    session = build_session(
        writer,
        gate,
        operator,
        shift,
        shift_count=shift_count,
        clock=clock_guard.now,
        profiles=profiles,
        verifier=verifier,
        vehicle_mode=vehicle_first(gate.profile),  # highway exits: vehicles first
        auto_record=bool_setting(settings.value("station/auto_record"), auto_record_default(gate.profile)),
        occupant_limits=OccupantLimits.from_settings(settings),
    )
    presence = Presence(writer, lambda: session.profile.thresholds.return_hours, clock=clock_guard.now)
    session.passage_recorded.connect(presence.add)
    auth.signed_in.connect(session.set_operator)
    clock_guard.setParent(session)  # lives as long as the session that reads the time through it
    profiles.audit_failed.connect(
        lambda reason: messages.error(
            QCoreApplication.translate("App", "The rules change was saved but NOT audited: {reason}").format(
                reason=reason
            )
        )
    )
    session.watchlists.import_failed.connect(messages.error)
    session.watchlists.imported.connect(
        lambda count: messages.info(
            QCoreApplication.translate("App", "%n new watchlist entries imported.", "", count)
        )
    )
    scan.code_scanned.connect(session.on_code_scanned)
    exports = ExportService(writer, messages, clock=now)
    shifts = ShiftService(writer, session, messages, clock=clock_guard.now, parent=session)
    devices = GateDevices(
        settings, session, scan, writer, messages, language=lambda: QLocale().name(), clock=now
    )
    return StationServices(
        messages=messages,
        scan=scan,
        session=session,
        log=LogService(database),
        exports=exports,
        writer=writer,
        devices=devices,
        presence=presence,
        shifts=shifts,
        tracing=TracingService(writer, clock=clock_guard.now),
        audit=AuditTrailService(writer),
        passages=PassageDetailService(writer, messages, clock=clock_guard.now),
        passes=PassIssueService(writer, messages, clock=clock_guard.now),
        settings=settings,
        db_url=db_url,
        auth=auth,
        clock=clock_guard.now,
    )


def build_session(
    writer: RecordWriter,
    gate: Gate,
    operator: Operator,
    shift: Shift,
    *,
    shift_count: int = 0,
    clock: Callable[[], datetime] | None = None,
    profiles: ProfileStore | None = None,
    verifier: Verifier | None = None,
    vehicle_mode: bool = False,
    auto_record: bool = False,
    occupant_limits: OccupantLimits | None = None,
) -> StationSession:
    """The station session and the services it works through, which it is given: the verifier (one on
    ``writer``'s database unless given), the gate profiles (a store on ``writer`` unless given), and the
    watchlist and residents imports. What is built here is owned by the session (Qt parent)."""
    verifier = verifier or Verifier(writer.database, clock=clock)
    watchlists = WatchlistService(writer, verifier, clock=clock)
    residents = ResidentService(writer, verifier.residents, clock=clock)
    own_profiles = profiles is None
    profiles = profiles or ProfileStore(writer, clock=clock)
    session = StationSession(
        writer,
        gate,
        operator,
        shift,
        verifier=verifier,
        profiles=profiles,
        watchlists=watchlists,
        residents=residents,
        shift_count=shift_count,
        clock=clock,
        vehicle_mode=vehicle_mode,
        auto_record=auto_record,
        occupant_limits=occupant_limits,
    )
    watchlists.setParent(session)
    residents.setParent(session)
    if own_profiles:
        profiles.setParent(session)
    return session


class UnknownProfileError(ValueError):
    """``--profile`` names no shipped or edited profile; the message lists the known ones."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown gate profile {name!r}; known profiles: {', '.join(known) or 'none'}")
        self.name = name
        self.known = known


def bool_setting(value: object, default: bool) -> bool:
    """A yes/no from the settings file, which stores them as text ("true", "false", "1", "0")."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def idle_minutes(settings: QSettings) -> int:
    """``auth/idle_minutes``: how long a shift leader's or administrator's rights last unused (10)."""
    try:
        return max(1, int(str(settings.value(IDLE_SETTING, DEFAULT_IDLE_MINUTES))))
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def check_profile_name(name: str, profiles: ProfileStore | None = None) -> str:
    """``name`` stripped, if a profile file (shipped or edited) has it; else :class:`UnknownProfileError`."""
    known = (profiles or ProfileStore()).available()
    name = name.strip()
    if name not in known:
        raise UnknownProfileError(name, known)
    return name


def _operator_name(settings: QSettings) -> str:
    stored = settings.value("operator/name")
    if stored:
        return str(stored)
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "operator"


def run_gui(
    *,
    camera: str | None,
    db_url: str,
    profile: str | None,
    language: str | None,
    fullscreen: bool,
    clock: Callable[[], datetime] = system_clock,
) -> int:
    """Starts the station window; returns the process exit code. ``clock`` is the station's time."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from checkpoint.station.i18n import system_language
    from checkpoint.ui.style import apply_style, theme_from_settings

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collect_on_gui_thread(app)  # cycles holding Qt objects die on this thread, never on a worker's
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland matches the window to the menu entry and its icon by this
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "checkpoint-station.svg")))
    settings = open_settings()
    languages = LanguageSwitcher()
    try:
        languages.set_language(language or str(settings.value("ui/language", "")) or system_language())
        apply_style(app, theme_from_settings(settings))
        return _run_station(
            app,
            settings,
            languages,
            camera=camera,
            db_url=db_url,
            profile=profile,
            fullscreen=fullscreen,
            clock=clock,
        )
    finally:
        languages.uninstall()


def _type_probe_sign_in(probe: Path, dialog: SignInDialog) -> None:
    from PySide6.QtCore import QTimer

    lines = dict(line.partition(" ")[::2] for line in probe.read_text(encoding="utf-8").splitlines())

    def type_it() -> None:
        probe.write_text(f"signin {time.monotonic()}\n", encoding="utf-8")
        dialog.view.name_edit.setText(lines.get("operator", ""))
        dialog.view.pin_edit.setText(lines.get("pin", ""))
        dialog.view.submit()

    QTimer.singleShot(0, type_it)


def _report_startup(path: Path, app: QApplication, services: StationServices) -> None:
    """Writes ``shown <t>`` and ``live <t>`` (``time.monotonic()``) to ``path`` at the first decoded frame
    after the window is shown, then quits: the start-up half of ``checkpoint bench pipeline``."""
    shown = time.monotonic()
    written = False

    def live(_detection: object) -> None:
        nonlocal written
        if written:
            return
        written = True
        with path.open("a", encoding="utf-8") as out:
            out.write(f"shown {shown}\nlive {time.monotonic()}\n")
        app.quit()

    services.scan.codes_detected.connect(live)


def _run_station(
    app: QApplication,
    settings: QSettings,
    languages: LanguageSwitcher,
    *,
    camera: str | None,
    db_url: str,
    profile: str | None,
    fullscreen: bool,
    clock: Callable[[], datetime],
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from checkpoint.station.texts import enum_text
    from checkpoint.storage.errors import StorageError
    from checkpoint.ui.main_window import MainWindow

    spec = camera or str(settings.value("camera/spec", "")) or default_camera_spec()
    try:
        if profile is not None:
            profile = check_profile_name(profile)
        database = open_database(db_url)
    except UnknownProfileError as error:
        _log.error("%s", error)
        QMessageBox.critical(
            None,
            APP_NAME,
            app.translate("App", "There is no gate profile {name}. Known profiles: {known}").format(
                name=error.name, known=", ".join(error.known)
            ),
        )
        return 2
    except StorageError as error:
        _log.error("cannot open database %s: %s", db_url, error)
        QMessageBox.critical(
            None,
            APP_NAME,
            app.translate("App", "The station cannot open its database:\n{reason}\n\n{url}").format(
                reason=enum_text(error.kind), url=db_url
            ),
        )
        return 1
    probe = os.environ.get(STARTUP_PROBE_ENV)
    signed_in = _sign_in_at_start(database, settings, clock, Path(probe) if probe else None)
    if signed_in is None:
        database.close()
        return 0
    auth, writer = signed_in
    services = build_services(
        db_url,
        spec,
        settings=settings,
        profile=profile,
        database=database,
        operator=auth.operator,
        auth=auth,
        writer=writer,
        clock=clock,
    )
    # The camera opens and the decoder warms up on their threads while the window is built (start-up
    # to live scanning); what they report waits in the event queue until the window listens.
    services.scan.start()
    try:
        window = MainWindow(services, languages)
    except BaseException:
        services.scan.stop()
        raise
    # A keyboard-wedge scanner is recognised by its typing speed wherever the focus is; its keystrokes
    # never reach a text field.
    wedge = WedgeDetector(WedgeConfig.from_settings(settings), parent=app)
    wedge.scanned.connect(services.devices.submit_scanned)
    wedge.partial.connect(services.devices.report_partial)
    wedge.install(app)
    services.start()  # the writer and devices; the camera is already running
    if fullscreen:
        window.showFullScreen()
    else:
        window.show()
    _log.info("station started: camera=%s db=%s pid=%s", spec, db_url, os.getpid())
    # once started, freeze the long-lived objects so later collections do not visit them (gc_guard)
    QTimer.singleShot(SETTLE_MS, collect_on_gui_thread(app).settle)
    if probe:
        _report_startup(Path(probe), app, services)
    try:
        return app.exec()
    finally:
        wedge.uninstall(app)
        window.close()
        services.auth.sign_out("station closed")
        services.shutdown()


def _sign_in_at_start(
    database: Database, settings: QSettings, clock: Callable[[], datetime], probe: Path | None = None
) -> tuple[AuthService, RecordWriter] | None:
    """The first-run wizard when no administrator can sign in, then the sign-in screen.

    Returns the signed-in ``AuthService`` and its running writer; None when the person gave up (the
    writer is stopped then). Under the start-up probe (``checkpoint bench pipeline``) the probe file
    holds ``operator NAME`` and ``pin PIN`` lines, typed into the real sign-in screen as soon as it
    shows (the PIN is checked as always), so the measured start-up leaves out only a person's typing.
    """
    from checkpoint.station.first_run import FirstRunService, needs_first_run
    from checkpoint.ui.first_run import FirstRunWizard
    from checkpoint.ui.sign_in import SignInDialog, SignInPurpose

    if needs_first_run(database):
        wizard = FirstRunWizard(FirstRunService(database, settings, clock=clock), settings)
        if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
            return None
    writer = RecordWriter(database)
    writer.start()
    auth = AuthService(writer, idle_minutes=idle_minutes(settings), clock=clock)
    dialog = SignInDialog(auth, SignInPurpose.START)
    if probe is not None:
        _type_probe_sign_in(probe, dialog)
    if dialog.exec() != SignInDialog.DialogCode.Accepted or auth.operator is None:
        writer.stop()
        return None
    return auth, writer
