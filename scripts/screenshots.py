"""Takes the README's screenshots of the real station under Xvfb (or any display).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py docs/screenshots

Fills a scratch database with a day of demo history, starts the real window on the demo camera, waits
for a live scan, and grabs the station and log screens in zh_CN and English at 1366x768 and 1920x1080.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from checkpoint.app import build_services
from checkpoint.domain.codes import Backend, classify
from checkpoint.domain.records import CodeColour, Itinerary, Role
from checkpoint.station.demo import fill_demo_history
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.scan import ScanEvent
from checkpoint.station.session import StationSession
from checkpoint.storage.database import open_database
from checkpoint.ui.first_run import FirstRunWizard
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.sign_in import SignInDialog, SignInPurpose
from checkpoint.ui.style import apply_style

SIZES = ((1366, 768), (1920, 1080))


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def scan_event(token: str) -> ScanEvent:
    return ScanEvent(token, classify(token), Backend.KEYBOARD, datetime.now(UTC))


def attest_green(session: StationSession) -> None:
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(0)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="checkpoint-shots-"))
    os.environ["CHECKPOINT_HOME"] = str(scratch)
    db_url = f"sqlite:///{scratch / 'station.sqlite3'}"
    database = open_database(db_url)
    fill_demo_history(database, days=1, end=datetime.now(UTC).astimezone(), seed=7)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    languages = LanguageSwitcher()
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("station/home_province", "湘")
    services = build_services(db_url, "demo", settings=settings, database=database)
    window = MainWindow(services, languages)
    scanned: list[ScanEvent] = []
    services.scan.code_scanned.connect(scanned.append)
    services.writer.start()
    services.scan.start()
    window.show()
    try:
        for width, height in SIZES:
            window.resize(width, height)
            for language in ("zh_CN", "en"):
                languages.set_language(language)
                window.show_station()
                scanned.clear()
                for _ in range(100):
                    wait(100)
                    if scanned:
                        break
                # Hold the draft still while grabbing: codes are given as a scanner would, and attested.
                session = services.session
                services.scan.code_scanned.disconnect(session.on_code_scanned)
                # A car of three at the highway exit (vehicle mode, the highway default).
                session.set_vehicle_mode(True)
                session.clear()
                QTest.keyClicks(window.station_view.vehicle_panel.plate.field, "A12345")  # 湘 is home
                for person, temperature in enumerate((36.5, 36.7, 36.4)):
                    session.on_code_scanned(
                        scan_event(f"https://jkm.example.gov.cn/h5/code?token=7f3a9c21e5b84d0{person}")
                    )
                    if person == 0:
                        attest_green(session)
                    else:
                        session.same_as_previous()
                    session.set_temperature(temperature)
                wait(400)
                window.grab().save(str(out / f"vehicle-{language}-{width}x{height}.png"))
                # One person on foot (pedestrian mode).
                session.set_vehicle_mode(False)
                session.clear()
                session.on_code_scanned(
                    scan_event("https://jkm.example.gov.cn/h5/code?token=7f3a9c21e5b84d06")
                )
                attest_green(session)
                session.set_temperature(36.6)
                wait(400)
                window.grab().save(str(out / f"station-{language}-{width}x{height}.png"))
                services.scan.code_scanned.connect(session.on_code_scanned)
                window.show_log()
                wait(500)
                window.grab().save(str(out / f"log-{language}-{width}x{height}.png"))
                if (width, height) == SIZES[0]:
                    for name, view in (
                        ("trace", window.trace_view),
                        ("audit", window.audit_view),
                        ("presence", window.presence_view),
                    ):
                        if view is not None:
                            window.tabs.setCurrentWidget(view)
                            wait(500)
                            window.grab().save(str(out / f"{name}-{language}-{width}x{height}.png"))
        # Sign-in, lock screen and the first-run wizard (issue 5), in both languages.
        database.add_operator("王建国", Role.SHIFT_LEADER, datetime.now(UTC), None, pin="2468")
        for language in ("zh_CN", "en"):
            languages.set_language(language)
            lock = window.lock_station()
            wait(500)
            window.grab().save(str(out / f"lock-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png"))
            lock.view.name_edit.setText("王建国")
            lock.view.pin_edit.setText("2468")
            lock.view.submit()
            for _ in range(50):
                wait(100)
                if window.lock_dialog is None:
                    break
            sign_in = SignInDialog(services.auth, SignInPurpose.START)
            sign_in.show()
            wait(500)
            sign_in.grab().save(str(out / f"sign-in-{language}.png"))
            sign_in.done(0)
            wizard_db = open_database(f"sqlite:///{scratch / f'wizard-{language}.sqlite3'}")
            wizard = FirstRunWizard(
                wizard_db, QSettings(str(scratch / "wizard.ini"), QSettings.Format.IniFormat)
            )
            wizard.show()
            for page in ("gate", "administrator"):
                wait(300)
                wizard.grab().save(str(out / f"wizard-{page}-{language}.png"))
                wizard.gate_page.name_edit.setText("幸福小区北门")
                wizard.next()
            wizard.close()
            wizard_db.close()
        # The camera unplugged: what the operator sees while it reconnects (scanner still works).
        window.resize(*SIZES[0])
        services.scan.stop()
        lost = build_services(db_url, "97", settings=settings, database=database)
        lost_window = MainWindow(lost, languages)
        lost.scan.start()
        lost_window.show()
        for language in ("zh_CN", "en"):
            languages.set_language(language)
            wait(1500)
            lost_window.resize(*SIZES[0])
            wait(300)
            lost_window.grab().save(str(out / f"camera-lost-{language}-{SIZES[0][0]}x{SIZES[0][1]}.png"))
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
