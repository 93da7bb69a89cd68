"""Takes the README's screenshots of the real station under Xvfb (or any display).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py docs/screenshots

Fills a scratch database with a day of demo history, starts the real window on the demo camera, waits
for a live scan, and grabs the station and log screens in zh_CN and English at 1366x768 and 1920x1080.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from checkpoint.app import build_services
from checkpoint.domain.codes import Backend, classify
from checkpoint.domain.records import CodeColour, Itinerary
from checkpoint.station.demo import fill_demo_history
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.scan import ScanEvent
from checkpoint.station.session import StationSession
from checkpoint.storage.database import open_database
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.residents_import import ResidentsImportDialog
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


RESIDENTS_CSV = """楼栋,单元,房号,姓名,身份证号,手机号,与户主关系,居住类型,状态,结束日期,出门周期,出门次数
3,2,501,张建国,110105195003070019,13800138000,户主,常住,正常,,2,1
3,2,501,李秀英,110105195206150027,13900139000,配偶,常住,居家隔离,{until},,
3,2,502,王磊,110105198808080015,,户主,租户,正常,,,
3,2,502,王小明,110105201801010019,,子女,租户,正常,,,
5,1,302,赵敏,110105199001010029,13700137000,户主,常住,禁止外出,,,
5,1,302,赵六,110105194912310022,,父亲,常住,正常,,,
"""


def import_residents(window: MainWindow, folder: Path, out: Path, language: str, size: str) -> None:
    """Grabs the residents import's report (one row rejected: a wrong check digit), then imports it."""
    path = folder / "住户登记.csv"
    until = f"{datetime.now(UTC).astimezone() + timedelta(days=7):%Y-%m-%d}"
    path.write_bytes(RESIDENTS_CSV.format(until=until).encode("gbk"))
    dialog: ResidentsImportDialog = window.open_residents_import_dialog()
    dialog.load(path)
    wait(300)
    dialog.grab().save(str(out / f"residents-import-{language}-{size}.png"))
    if not dialog.import_button.isEnabled():  # imported already (the other language): nothing new
        dialog.reject()
        return
    dialog.import_button.click()
    wait(800)


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
                    import_residents(window, scratch, out, language, f"{width}x{height}")
                    for name, view in (
                        ("trace", window.trace_view),
                        ("audit", window.audit_view),
                        ("presence", window.presence_view),
                        ("residents", window.residents_view),
                    ):
                        if view is not None:
                            window.tabs.setCurrentWidget(view)
                            wait(500)
                            window.grab().save(str(out / f"{name}-{language}-{width}x{height}.png"))
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
