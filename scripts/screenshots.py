"""Takes the README's screenshots of the real station under Xvfb (or any display).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py docs/screenshots [NAME...]

Fills a scratch database with a day of demo history, starts the real window on the demo camera, waits
for a live scan, then takes every shot in ``SHOTS`` in zh_CN and English at 1366x768 and 1920x1080 as
``<name>-<language>-<width>x<height>.png`` (only the NAMEs given, when some are). It prints the verdict
word's ink height at each size (the README quotes it).

To add a screen: write ``def shot_<name>(shots: Shots) -> QWidget`` that puts the window (or a dialog it
opens) in the state to show and returns the widget to grab, and list it in ``SHOTS``; whatever it opens
it closes in ``shots.cleanup``. A shot in ``SCREEN_SHOTS`` is grabbed from the screen as it is (a dialog
over the station, as the operator sees it), only at the sizes the screen has room for.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from checkpoint.app import build_services
from checkpoint.domain.codes import Backend, classify
from checkpoint.domain.credentials import PassKind
from checkpoint.domain.overrides import OverrideReason
from checkpoint.domain.records import CodeColour, Direction, Itinerary, Outcome, Passage, Role
from checkpoint.domain.roles import LOCKOUT_FAILURES, Permission
from checkpoint.domain.shift_handover import (
    Item,
    ItemLine,
    Metric,
    ShiftClosing,
    ShiftOpening,
    ShiftRecord,
)
from checkpoint.station.demo import fill_demo_history
from checkpoint.station.first_run import FirstRunService
from checkpoint.station.gc_guard import collect_on_gui_thread
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.presence import VisitorDetails
from checkpoint.station.scan import ScanEvent
from checkpoint.station.services import StationServices
from checkpoint.station.session import StationSession
from checkpoint.station.shift_sheets import recent_shifts
from checkpoint.storage.database import open_database
from checkpoint.storage.keys import PRIVATE_KEY_FILE, create_deployment_key, keys_dir
from checkpoint.storage.passage_filter import PassageFilter
from checkpoint.ui.first_run import FirstRunWizard
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.residents_import import ResidentsImportDialog
from checkpoint.ui.shift_dialogs import CloseShiftDialog, OpenShiftDialog
from checkpoint.ui.sign_in import SignInDialog, SignInPurpose
from checkpoint.ui.style import Theme, apply_style

SIZES = ((1366, 768), (1920, 1080))
LANGUAGES = ("zh_CN", "en")


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout_ms: int = 5000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        wait(50)
        waited += 50


def scan_event(token: str) -> ScanEvent:
    return ScanEvent(token, classify(token), Backend.KEYBOARD, datetime.now(UTC))


def attest_green(session: StationSession) -> None:
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(0)


@dataclass
class Shots:
    """What a shot works with: the running window and services, and what to undo after the grab."""

    app: QApplication
    window: MainWindow
    services: StationServices
    languages: LanguageSwitcher
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    @property
    def session(self) -> StationSession:
        return self.services.session

    def record(self, outcome: Outcome) -> Passage:
        """Confirms the draft and waits until the passage is on disk."""
        recorded: list[Passage] = []
        self.session.passage_recorded.connect(recorded.append)
        self.session.confirm(outcome)
        wait_for(lambda: bool(recorded))
        self.session.passage_recorded.disconnect(recorded.append)
        return recorded[0]


def _car_of_three(shots: Shots) -> None:
    session = shots.session
    session.set_vehicle_mode(True)
    session.clear()
    QTest.keyClicks(shots.window.station_view.vehicle_panel.plate.field, "A12345")  # 湘 is home
    for person, temperature in enumerate((36.5, 36.7, 36.4)):
        session.on_code_scanned(
            scan_event(f"https://jkm.example.gov.cn/h5/code?token=7f3a9c21e5b84d0{person}")
        )
        if person == 0:
            attest_green(session)
        else:
            session.same_as_previous()
        session.set_temperature(temperature)


def _one_person(shots: Shots, token: str = "7f3a9c21e5b84d06") -> None:
    session = shots.session
    session.set_vehicle_mode(False)
    session.clear()
    session.on_code_scanned(scan_event(f"https://jkm.example.gov.cn/h5/code?token={token}"))
    attest_green(session)
    session.set_temperature(36.6)


def shot_vehicle(shots: Shots) -> QWidget:
    """A car of three at the highway exit (vehicle mode), decided, not yet recorded."""
    shots.window.show_station()
    _car_of_three(shots)
    return shots.window


def shot_province_picker(shots: Shots) -> QWidget:
    """The province picker (Ctrl+P) over a new vehicle, "he" typed: the provinces it can still be."""
    shots.window.show_station()
    shots.session.set_vehicle_mode(True)
    plate = shots.window.station_view.vehicle_panel.plate
    plate.field.setFocus()
    plate.open_picker()
    QTest.keyClicks(plate.field, "he")
    shots.cleanup.append(plate.close_picker)
    return shots.window


def shot_station(shots: Shots) -> QWidget:
    """One person on foot, attested green."""
    shots.window.show_station()
    _one_person(shots)
    return shots.window


def shot_verdict_pass(shots: Shots) -> QWidget:
    """The verdict band after a recorded PASS of a car of three."""
    shots.window.show_station()
    _car_of_three(shots)
    shots.record(Outcome.PASS)
    shots.cleanup.append(shots.window.station_view.confirmation.clear)
    return shots.window


def shot_verdict_turn_back(shots: Shots) -> QWidget:
    """The verdict band after a person is turned back (a yellow code)."""
    shots.window.show_station()
    _one_person(shots, "0badc0de12345678")
    shots.session.set_colour(CodeColour.YELLOW)
    shots.record(Outcome.TURN_BACK)
    shots.cleanup.append(shots.window.station_view.confirmation.clear)
    return shots.window


def shot_vehicle_notices(shots: Shots) -> QWidget:
    """A car with more persons than a car holds, and a code from outside that was not added."""
    shots.window.show_station()
    _car_of_three(shots)
    session = shots.session
    session.on_code_scanned(scan_event("WIFI:S:ServiceArea;T:WPA;P:88888888;;"))
    for person in range(3, 8):
        session.on_code_scanned(
            scan_event(f"https://jkm.example.gov.cn/h5/code?token=7f3a9c21e5b84d0{person}")
        )
    return shots.window


def _override(shots: Shots, reason: OverrideReason | None) -> QWidget:
    """A yellow code turned back by the rules; the operator pressed PASS: the override confirmation."""
    shots.window.show_station()
    _one_person(shots, "0badc0de87654321")
    shots.session.set_colour(CodeColour.YELLOW)
    shots.session.confirm(Outcome.PASS)  # asks for the override (the station view opens the dialog)
    station = shots.window.station_view
    wait_for(lambda: station.override_dialog is not None)
    dialog = station.override_dialog
    assert dialog is not None
    if reason is not None:
        dialog.choose(reason)
    shots.cleanup.append(dialog.reject)
    return dialog


def shot_override(shots: Shots) -> QWidget:
    """The override confirmation as it opens: no reason chosen yet."""
    return _override(shots, None)


def shot_override_reason(shots: Shots) -> QWidget:
    """The override confirmation with a reason chosen: Enter records it."""
    return _override(shots, OverrideReason.LEADER_APPROVED)


def shot_day_theme(shots: Shots) -> QWidget:
    """The station in the day theme (sunlight on the screen)."""
    shots.window.show_station()
    _one_person(shots)
    apply_style(shots.app, Theme.DAY)
    shots.cleanup.append(lambda: apply_style(shots.app, Theme.NIGHT))
    return shots.window


def shot_help(shots: Shots) -> QWidget:
    """The keyboard help over the station screen."""
    shots.window.show_station()
    shots.window.toggle_help()
    shots.cleanup.append(shots.window.help_overlay.close_overlay)
    return shots.window


def _tab(name: str) -> Callable[[Shots], QWidget]:
    def shot(shots: Shots) -> QWidget:
        view = getattr(shots.window, name)
        if name == "log_view":
            shots.window.show_log()
        else:
            shots.window.tabs.setCurrentWidget(view)
        return shots.window

    return shot


def shot_presence(shots: Shots) -> QWidget:
    """Out / inside with a walk-in visitor who can be marked as gone (the "has left" button)."""
    session = shots.session
    if not shots.services.presence.current.visitors_inside:
        session.set_vehicle_mode(False)
        session.clear()
        session.set_direction(Direction.IN)
        session.set_visitor(
            VisitorDetails(
                "赵六", "5-1-302", "李四", "送货", datetime.now(UTC).astimezone() + timedelta(hours=2)
            )
        )
        attest_green(session)
        shots.record(Outcome.PASS)
        shots.window.station_view.confirmation.clear()
    shots.window.tabs.setCurrentWidget(shots.window.presence_view)
    return shots.window


def _devices(page: int) -> Callable[[Shots], QWidget]:
    def shot(shots: Shots) -> QWidget:
        dialog = shots.window.open_devices_dialog()
        dialog.tabs.setCurrentIndex(page)
        if page == 3:  # the barrier: an HTTP controller, as a gate would have it
            dialog.relay_kind.setCurrentIndex(dialog.relay_kind.findData("http"))
            dialog.relay_url.setText("http://192.168.1.50/open?passage={passage}")
        shots.cleanup.append(dialog.reject)
        return dialog

    return shot


RESIDENTS_CSV = """楼栋,单元,房号,姓名,身份证号,手机号,与户主关系,居住类型,状态,结束日期,出门周期,出门次数
3,2,501,张建国,110105195003070019,13800138000,户主,常住,正常,,2,1
3,2,501,李秀英,110105195206150027,13900139000,配偶,常住,居家隔离,{until},,
3,2,502,王磊,110105198808080015,,户主,租户,正常,,,
3,2,502,王小明,110105201801010019,,子女,租户,正常,,,
3,2,502,孙立,110105197503030039,,户主,租户,已迁出,,,
5,1,302,赵敏,110105199001010029,13700137000,户主,常住,禁止外出,,,
5,1,302,赵六,110105194912310022,,父亲,常住,正常,,,
"""


def shot_residents_import(shots: Shots) -> QWidget:
    """The residents import's report for a GBK CSV (one row rejected: a wrong check digit); imported after
    the grab so the Residents tab has households to show."""
    path = Path(os.environ["CHECKPOINT_HOME"]) / "住户登记.csv"
    until = f"{datetime.now(UTC).astimezone() + timedelta(days=7):%Y-%m-%d}"
    path.write_bytes(RESIDENTS_CSV.format(until=until).encode("gbk"))
    dialog: ResidentsImportDialog = shots.window.open_residents_import_dialog()
    dialog.load(path)
    wait(300)

    def finish() -> None:
        if dialog.import_button.isEnabled():  # not yet imported (the first language)
            dialog.import_button.click()
            wait(800)
        else:
            dialog.reject()

    shots.cleanup.append(finish)
    return dialog


LEADER, LEADER_PIN = "王建国", "2468"


def _leader(shots: Shots) -> None:
    database = shots.services.writer.database
    if not any(account.operator.name == LEADER for account in database.operators.operator_accounts()):
        database.operators.add_operator(LEADER, Role.SHIFT_LEADER, datetime.now(UTC), None, pin=LEADER_PIN)


def shot_lock(shots: Shots) -> QWidget:
    """The locked station (Ctrl+L): only a sign-in opens it again."""
    _leader(shots)
    lock = shots.window.lock_station()

    def unlock() -> None:
        lock.view.name_edit.setText(LEADER)
        lock.view.pin_edit.setText(LEADER_PIN)
        lock.view.submit()
        auth = shots.services.auth
        wait_for(
            lambda: (
                shots.window.lock_dialog is None
                and auth.operator is not None
                and auth.operator.name == LEADER
            )
        )
        wait(300)  # the sign-in's signals are delivered before the next shot takes other rights

    shots.cleanup.append(unlock)
    return lock


def shot_sign_in(shots: Shots) -> QWidget:
    """The sign-in screen at start: operators, PIN and the keypad."""
    _leader(shots)
    dialog = SignInDialog(shots.services.auth, SignInPurpose.START)
    dialog.show()
    shots.cleanup.append(lambda: dialog.done(0))
    return dialog


LOCKED, LOCKED_PIN = "小李", "1357"


ADMIN, ADMIN_PIN = "赵管理", "8642"


def _administrator(shots: Shots) -> None:
    """An administrator signed in through the real sign-in (a shot before may have signed in a leader,
    locked the station, or let the rights expire)."""
    auth = shots.services.auth
    if auth.allows(Permission.MANAGE_OPERATORS):
        return
    database = shots.services.writer.database
    if not any(account.operator.name == ADMIN for account in database.operators.operator_accounts()):
        database.operators.add_operator(ADMIN, Role.ADMINISTRATOR, datetime.now(UTC), None, pin=ADMIN_PIN)
    auth.sign_in(ADMIN, ADMIN_PIN)
    wait_for(lambda: auth.allows(Permission.MANAGE_OPERATORS))
    wait(300)


def shot_operators(shots: Shots) -> QWidget:
    """File > Operators...: a shift leader and an operator locked out by wrong PINs, the latter chosen."""
    _leader(shots)
    _administrator(shots)
    database = shots.services.writer.database
    if not any(account.operator.name == LOCKED for account in database.operators.operator_accounts()):
        database.operators.add_operator(LOCKED, Role.OPERATOR, datetime.now(UTC), None, pin=LOCKED_PIN)
        for _ in range(LOCKOUT_FAILURES):
            database.operators.sign_in(LOCKED, "0000", datetime.now(UTC))
    dialog = shots.window.open_operators_dialog()
    assert dialog is not None
    wait_for(lambda: dialog.model.rowCount() >= 3)
    locked = next(s for s in dialog.model.rows if s.operator.name == LOCKED)
    dialog.select(locked.operator.id)
    shots.cleanup.append(dialog.reject)
    return dialog


def shot_trace_unmasked(shots: Shots) -> QWidget:
    """Tracing a plate from the demo history with "Show full details" on (a leader; audited)."""
    _administrator(shots)
    view = shots.window.trace_view
    plates = [
        p.vehicle.plate
        for p in shots.services.writer.database.passages.iter_passages(PassageFilter())
        if p.vehicle is not None and p.persons
    ]
    shots.window.show_trace()
    view.plate_edit.setText(plates[len(plates) // 2])
    view.search()
    view.unmask_check.setChecked(True)  # asks which case first
    wait_for(lambda: view.reason_dialog is not None)
    assert view.reason_dialog is not None
    view.reason_dialog.reason_edit.setText("流调 2031-0715-07")
    view.reason_dialog.accept()
    wait_for(lambda: view.unmasked)
    shots.cleanup.append(view.show_masked)
    return shots.window


def _wizard(page: int) -> Callable[[Shots], QWidget]:
    def shot(shots: Shots) -> QWidget:
        folder = Path(tempfile.mkdtemp(prefix="wizard-", dir=os.environ["CHECKPOINT_HOME"]))
        database = open_database(f"sqlite:///{folder / 'station.sqlite3'}")
        settings = QSettings(str(folder / "wizard.ini"), QSettings.Format.IniFormat)
        wizard = FirstRunWizard(FirstRunService(database, settings, clock=shots.services.clock), settings)
        wizard.show()
        for _ in range(page):
            wizard.gate_page.name_edit.setText("幸福小区北门")
            wizard.next()
        shots.cleanup.append(database.close)
        shots.cleanup.append(wizard.close)
        return wizard

    return shot


_DialogT = TypeVar("_DialogT", bound=QDialog)


def _shown_dialog(shots: Shots, kind: type[_DialogT]) -> _DialogT | None:
    """The dialog of ``kind`` on screen (a closed one may wait for its deletion a while longer)."""
    shown = [d for d in shots.window.findChildren(kind) if d.isVisible()]
    return shown[-1] if shown else None


def _shift_dialog(kind: type[QDialog], request: str) -> Callable[[Shots], QWidget]:
    """A shift leader's dialog, as the Shift menu opens it (the service reads its context first)."""

    def shot(shots: Shots) -> QWidget:
        getattr(shots.services.shifts, request)()
        wait_for(lambda: _shown_dialog(shots, kind) is not None)
        dialog = _shown_dialog(shots, kind)
        assert dialog is not None
        shots.cleanup.append(dialog.reject)
        return dialog

    return shot


def _led_and_closed_shift(shots: Shots) -> None:
    """Once: a leader's shift opened and closed (handed over to 李四), so the list shows leaders."""
    shifts = shots.services.shifts
    if any(record.opening is not None for record in recent_shifts_of(shots)):
        return
    opened: list[object] = []
    shifts.opened.connect(opened.append)
    shifts.open_shift(ShiftOpening(LEADER, (LEADER, "陈静"), (Item("对讲机", 4),)))
    wait_for(lambda: bool(opened))
    closed: list[object] = []
    shifts.closed.connect(closed.append)
    shifts.close_shift(ShiftClosing(LEADER, "李四", (), (ItemLine("对讲机", 4, 4),)))
    wait_for(lambda: bool(closed))
    wait_for(lambda: shots.window.closed_shift_dialog is not None)
    if shots.window.closed_shift_dialog is not None:
        shots.window.closed_shift_dialog.reject()
    shots.window.banner.hide()


def recent_shifts_of(shots: Shots) -> list[ShiftRecord]:
    database = shots.services.writer.database
    return recent_shifts(database, shots.session.gate.id, datetime.now(UTC))


def shot_export(window_mode: bool) -> Callable[[Shots], QWidget]:
    """File > Export handover...: a shift's full sheet (the gate's recent shifts), or a time window."""

    def shot(shots: Shots) -> QWidget:
        _led_and_closed_shift(shots)
        shots.window.open_export_dialog()
        wait_for(lambda: shots.window.export_dialog is not None)
        dialog = shots.window.export_dialog
        assert dialog is not None
        if window_mode:
            dialog.window_radio.setChecked(True)
        shots.cleanup.append(dialog.reject)
        return dialog

    return shot


def shot_shift_closed(shots: Shots) -> QWidget:
    """The closing confirmation with the closed shift's sheet one button away (shown for the current
    shift here: the shot does not close it)."""
    shots.window._on_shifts_closed(shots.session.shift)
    dialog = shots.window.closed_shift_dialog
    assert dialog is not None
    shots.cleanup.append(dialog.reject)
    return dialog


def shot_shift_close_refused(shots: Shots) -> QWidget:
    """A close refused: the first row with an unexplained difference is scrolled to and marked."""
    shots.services.shifts.request_close()
    wait_for(lambda: _shown_dialog(shots, CloseShiftDialog) is not None)
    dialog = _shown_dialog(shots, CloseShiftDialog)
    assert dialog is not None
    dialog.tally_spin(Metric.FEVER).setValue(2)
    dialog.submit()
    shots.cleanup.append(dialog.reject)
    return dialog


def _corrected_passage(shots: Shots) -> Passage:
    """A demo passage that a later record corrects (the history has a few: a mistyped plate)."""
    database = shots.services.writer.database
    corrections = [p for p in database.passages.iter_passages(PassageFilter()) if p.corrects is not None]
    original = database.passages.passage(corrections[-1].corrects) if corrections else None
    assert original is not None, "the demo history has corrections"
    return original


def _busy_vehicle(shots: Shots) -> Passage:
    database = shots.services.writer.database
    cars = [
        p
        for p in database.passages.iter_passages(PassageFilter())
        if p.vehicle is not None and len(p.persons) >= 3 and p.corrects is None
    ]
    return cars[len(cars) // 2]


def shot_passage_detail(shots: Shots) -> QWidget:
    """The log's double-click: a car's every occupant with their checks (masked), who and when."""
    dialog = shots.window.open_passage_detail(_busy_vehicle(shots).uuid)
    wait_for(lambda: dialog.detail is not None)
    shots.cleanup.append(dialog.reject)
    return dialog


def shot_passage_corrected(shots: Shots) -> QWidget:
    """A record a leader corrected: what corrects it, by whom and why; the correction one click away."""
    dialog = shots.window.open_passage_detail(_corrected_passage(shots).uuid)
    wait_for(lambda: dialog.detail is not None)
    shots.cleanup.append(dialog.reject)
    return dialog


def shot_correction(shots: Shots) -> QWidget:
    """Correct...: the leader's correction of a record, recorded as a new record pointing at it."""
    detail = shots.window.open_passage_detail(_busy_vehicle(shots).uuid)
    wait_for(lambda: detail.detail is not None)
    dialog = detail.open_correction()
    assert dialog is not None
    dialog.reason_edit.setText("复测体温 36.8 °C，放行")
    shots.cleanup.append(detail.reject)
    shots.cleanup.append(dialog.reject)
    return dialog


def shot_unmask_reason(shots: Shots) -> QWidget:
    """Show full details asks for the case number or reason (kept in the audit trail)."""
    view = shots.window.trace_view
    shots.window.show_trace()
    view.unmask_check.setChecked(True)
    wait_for(lambda: view.reason_dialog is not None)
    dialog = view.reason_dialog
    assert dialog is not None
    dialog.reason_edit.setText("流调 2031-0715-07 卫健委协查")
    shots.cleanup.append(dialog.reject)
    return dialog


def shot_issue_pass(shots: Shots) -> QWidget:
    """File > Issue pass...: an exit slip signed, recorded and shown large, to print or save."""
    if not (keys_dir() / PRIVATE_KEY_FILE).exists():
        create_deployment_key()
    dialog = shots.window.open_issue_pass_dialog()
    assert dialog is not None
    dialog.set_kind(PassKind.EXIT_SLIP)
    dialog.inputs[PassKind.EXIT_SLIP]["household_id"].setText("3-2-501")  # type: ignore[union-attr]
    dialog.inputs[PassKind.EXIT_SLIP]["member_name"].setText("张建国")  # type: ignore[union-attr]
    dialog.issue()
    wait_for(lambda: dialog.card is not None)
    shots.cleanup.append(dialog.reject)
    shots.cleanup.append(shots.window.banner.hide)  # "Pass issued": not a message for the next shots
    return dialog


def shot_print_preview(shots: Shots) -> QWidget:
    """File > Print handover...: the preview as large as the window, Print in view."""
    ready: list[str] = []
    printer = shots.window.handover_printer
    printer.pdf_ready.disconnect(shots.window._on_handover_printer_pdf_ready)
    printer.pdf_ready.connect(ready.append)
    try:
        printer.write_current_shift()
        wait_for(lambda: bool(ready), 30_000)
    finally:
        printer.pdf_ready.disconnect(ready.append)
        printer.pdf_ready.connect(shots.window._on_handover_printer_pdf_ready)
    preview = shots.window.open_print_preview(Path(ready[0]))
    assert preview is not None
    shots.cleanup.append(preview.reject)
    return preview


SHOTS: dict[str, Callable[[Shots], QWidget]] = {
    "vehicle": shot_vehicle,
    "station": shot_station,
    "verdict-pass": shot_verdict_pass,
    "verdict-turn-back": shot_verdict_turn_back,
    "vehicle-notices": shot_vehicle_notices,
    "province-picker": shot_province_picker,
    "override": shot_override,
    "override-reason": shot_override_reason,
    "day-theme": shot_day_theme,
    "help": shot_help,
    "log": _tab("log_view"),
    "trace": _tab("trace_view"),
    "trace-unmasked": shot_trace_unmasked,
    "audit": _tab("audit_view"),
    "presence": shot_presence,
    "residents-import": shot_residents_import,
    "residents": _tab("residents_view"),
    "operators": shot_operators,
    "sign-in": shot_sign_in,
    "lock": shot_lock,
    "wizard-gate": _wizard(0),
    "wizard-administrator": _wizard(1),
    "devices-camera": _devices(0),
    "devices-scanners": _devices(1),
    "devices-sounds": _devices(2),
    "devices-barrier": _devices(3),
    "shift-open": _shift_dialog(OpenShiftDialog, "request_open"),
    "shift-close": _shift_dialog(CloseShiftDialog, "request_close"),
    "shift-close-refused": shot_shift_close_refused,
    "shift-closed": shot_shift_closed,
    "export-shift": shot_export(window_mode=False),
    "export-window": shot_export(window_mode=True),
    "passage-detail": shot_passage_detail,
    "passage-corrected": shot_passage_corrected,
    "correction": shot_correction,
    "unmask-reason": shot_unmask_reason,
    "issue-pass": shot_issue_pass,
    "print-preview": shot_print_preview,
}
# Shown at the size they open with (the preview sizes itself to the window; the others are dialogs that
# fit a 1366x768 screen as they are).
NATURAL_SIZE = {
    "print-preview",
    "shift-closed",
    "unmask-reason",
    "correction",
    "export-shift",
    "export-window",
}


SCREEN_SHOTS = frozenset({"override", "override-reason"})


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    wanted = set(sys.argv[2:]) or set(SHOTS) | {"camera-lost"}
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="checkpoint-shots-"))
    os.environ["CHECKPOINT_HOME"] = str(scratch)
    db_url = f"sqlite:///{scratch / 'station.sqlite3'}"
    database = open_database(db_url)
    fill_demo_history(database, days=1, end=datetime.now(UTC).astimezone(), seed=7)
    app = QApplication(sys.argv[:1])
    collect_on_gui_thread(app)
    apply_style(app)
    languages = LanguageSwitcher()
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("station/home_province", "湘")
    settings.setValue("feedback/sound", False)
    settings.setValue("auth/idle_minutes", 600)  # no input events here: rights must not lapse mid-run
    services = build_services(db_url, "demo", settings=settings, database=database)
    window = MainWindow(services, languages)
    window.station_view.confirmation.set_duration_ms(0)  # the band stays until the shot is taken
    scanned: list[ScanEvent] = []
    services.scan.code_scanned.connect(scanned.append)
    services.writer.start()
    services.presence.start()
    services.shifts.start()
    services.scan.start()
    window.show()
    shots = Shots(app, window, services, languages)
    try:
        for width, height in SIZES:
            window.resize(width, height)
            for language in LANGUAGES:
                languages.set_language(language)
                window.show_station()
                scanned.clear()
                wait_for(lambda: bool(scanned), 10_000)  # the preview shows a live camera
                # Hold the drafts still while grabbing: codes are given as a scanner would, and attested.
                services.scan.code_scanned.disconnect(services.session.on_code_scanned)
                for name, take in SHOTS.items():
                    if name not in wanted:
                        continue
                    if name not in ("lock", "sign-in"):
                        _administrator(shots)  # every other shot as the administrator sees it
                        window._apply_rights()
                    widget = take(shots)
                    screen = app.primaryScreen()
                    path = str(out / f"{name}-{language}-{width}x{height}.png")
                    if name in SCREEN_SHOTS:
                        wait(500)
                        room = screen.size()
                        if room.width() >= width and room.height() >= height:
                            window.move(0, 0)
                            wait(200)
                            screen.grabWindow(0, 0, 0, width, height).save(path)
                    else:
                        if widget is not window and name not in NATURAL_SIZE:
                            widget.resize(min(width - 80, 1100), min(height - 80, 720))
                        wait(500)
                        widget.grab().save(path)
                    if name.startswith("verdict"):
                        band = window.station_view.confirmation
                        print(
                            f"{name} {language} {width}x{height}: word {band.word()!r} "
                            f"ink {band.word_height_px():.0f} px, font {band.word_font().pixelSize()} px"
                        )
                    for undo in reversed(shots.cleanup):
                        undo()
                    shots.cleanup.clear()
                    shots.session.clear()
                services.scan.code_scanned.connect(services.session.on_code_scanned)
        if "camera-lost" in wanted:
            # The camera unplugged: what the operator sees while it reconnects (scanner still works).
            services.scan.stop()
            lost = build_services(db_url, "97", settings=settings, database=database)
            lost_window = MainWindow(lost, languages)
            lost.scan.start()
            lost_window.show()
            for width, height in SIZES:
                for language in LANGUAGES:
                    languages.set_language(language)
                    lost_window.resize(width, height)
                    wait(1500)
                    lost_window.grab().save(str(out / f"camera-lost-{language}-{width}x{height}.png"))
            lost.scan.stop()
            lost_window.close()
    finally:
        window.close()
        services.shutdown()
        del window, services
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
