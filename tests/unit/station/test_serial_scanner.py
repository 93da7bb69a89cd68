"""Serial scanners over a real pseudo-terminal: pyserial opens the slave side (through a symlink, as a
udev rule would name a scanner), the test writes to the master side as the scanner would."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from checkpoint.station.serial_scanner import (
    BAUD_KEY,
    MAX_LINE_BYTES,
    PORT_KEY,
    LineSplitter,
    SerialConfig,
    SerialConfigError,
    SerialScanner,
    SerialStatus,
    decode_payload,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals")


class Pty:
    """A pseudo-terminal whose slave is reachable through ``link``; ``unplug`` and ``plug`` it."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = -1
        self.slave = -1
        self.plug()

    def plug(self) -> None:
        self.master, self.slave = os.openpty()
        self.link.unlink(missing_ok=True)
        self.link.symlink_to(os.ttyname(self.slave))

    def unplug(self) -> None:
        self.link.unlink(missing_ok=True)
        self.close()

    def close(self) -> None:
        for fd in (self.master, self.slave):
            if fd >= 0:
                os.close(fd)
        self.master = self.slave = -1

    def send(self, data: bytes) -> None:
        os.write(self.master, data)


@pytest.fixture()
def pty(tmp_path: Path) -> Iterator[Pty]:
    device = Pty(tmp_path / "ttyScanner")
    yield device
    device.close()


def _config(port: Path | str, **overrides: float) -> SerialConfig:
    values: dict[str, float] = {"partial_timeout_s": 0.1, "first_retry_s": 0.05, "max_retry_s": 0.2}
    values.update(overrides)
    return SerialConfig(port=str(port), baud=115200, **values)


@pytest.fixture()
def scanner_of(qtbot: QtBot) -> Iterator[list[SerialScanner]]:
    made: list[SerialScanner] = []
    yield made
    for scanner in made:
        scanner.stop()


def _started(qtbot: QtBot, made: list[SerialScanner], config: SerialConfig) -> SerialScanner:
    scanner = SerialScanner(config)
    made.append(scanner)
    with qtbot.waitSignal(
        scanner.status_changed, timeout=3000, check_params_cb=lambda s, _d: s == SerialStatus.OPEN
    ):
        scanner.start()
    return scanner


def test_payloads_arrive_with_any_line_end_and_encoding(
    qtbot: QtBot, pty: Pty, scanner_of: list[SerialScanner]
) -> None:
    scanner = _started(qtbot, scanner_of, _config(pty.link))
    got: list[str] = []
    scanner.scanned.connect(got.append)
    pty.send(b"HC1:NCFOXN%TS3DH\r\n")
    pty.send(b"GATE-0042\r")
    pty.send("张三 粤B12345\r\n".encode("gb18030"))
    pty.send("李四\n".encode())
    pty.send(b"\r\n\r\n")  # empty lines are no payloads
    pty.send(b"LAST")
    pty.send(b"\n")
    qtbot.waitUntil(lambda: len(got) == 5, timeout=3000)
    assert got == ["HC1:NCFOXN%TS3DH", "GATE-0042", "张三 粤B12345", "李四", "LAST"]


def test_half_a_line_then_silence_is_partial(qtbot: QtBot, pty: Pty, scanner_of: list[SerialScanner]) -> None:
    scanner = _started(qtbot, scanner_of, _config(pty.link))
    scanned: list[str] = []
    scanner.scanned.connect(scanned.append)
    with qtbot.waitSignal(scanner.partial, timeout=3000) as blocker:
        pty.send(b"HC1:NCFOX")
    assert blocker.args == ["HC1:NCFOX"]
    with qtbot.waitSignal(scanner.scanned, timeout=3000) as blocker:
        pty.send(b"WHOLE\r\n")
    assert blocker.args == ["WHOLE"]
    assert scanned == ["WHOLE"]


def test_a_port_that_disappears_is_lost_then_reopened_when_it_returns(
    qtbot: QtBot, pty: Pty, scanner_of: list[SerialScanner]
) -> None:
    scanner = _started(qtbot, scanner_of, _config(pty.link))
    statuses: list[SerialStatus] = []
    scanner.status_changed.connect(lambda status, _detail: statuses.append(status))
    with qtbot.waitSignal(
        scanner.status_changed, timeout=3000, check_params_cb=lambda s, _d: s == SerialStatus.RECONNECTING
    ):
        pty.unplug()
    assert statuses[0] == SerialStatus.LOST
    with qtbot.waitSignal(
        scanner.status_changed, timeout=3000, check_params_cb=lambda s, _d: s == SerialStatus.OPEN
    ):
        pty.plug()
    with qtbot.waitSignal(scanner.scanned, timeout=3000) as blocker:
        pty.send(b"AFTER-RECONNECT\r\n")
    assert blocker.args == ["AFTER-RECONNECT"]


def test_a_port_missing_at_start_is_waited_for(
    qtbot: QtBot, tmp_path: Path, scanner_of: list[SerialScanner]
) -> None:
    link = tmp_path / "ttyLater"
    scanner = SerialScanner(_config(link))
    scanner_of.append(scanner)
    with qtbot.waitSignal(scanner.status_changed, timeout=3000) as blocker:
        scanner.start()
    assert blocker.args[0] == SerialStatus.RECONNECTING
    assert "next try" in blocker.args[1]
    devices: list[Pty] = []
    try:
        with qtbot.waitSignal(
            scanner.status_changed, timeout=3000, check_params_cb=lambda s, _d: s == SerialStatus.OPEN
        ):
            devices.append(Pty(link))
        device = devices[0]
        with qtbot.waitSignal(scanner.scanned, timeout=3000) as got:
            device.send(b"LATE\n")
        assert got.args == ["LATE"]
    finally:
        scanner.stop()
        for device in devices:
            device.close()


def test_a_baud_rate_the_driver_refuses_fails_without_retrying(
    qtbot: QtBot, pty: Pty, scanner_of: list[SerialScanner]
) -> None:
    scanner = SerialScanner(SerialConfig(port=str(pty.link), baud=123_456_789_012))
    scanner_of.append(scanner)
    with qtbot.waitSignal(scanner.status_changed, timeout=3000) as blocker:
        scanner.start()
    assert blocker.args[0] == SerialStatus.FAILED
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=3000)


def test_stop_returns_promptly_even_while_waiting_to_retry(qtbot: QtBot, tmp_path: Path) -> None:
    scanner = SerialScanner(SerialConfig(port=str(tmp_path / "nothing"), first_retry_s=30, max_retry_s=30))
    with qtbot.waitSignal(scanner.status_changed, timeout=3000):
        scanner.start()
    started = time.monotonic()
    scanner.stop()
    assert time.monotonic() - started < 5  # not the 30 s retry wait
    assert not scanner.is_running()


def test_settings_name_the_port_and_baud(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert SerialConfig.from_settings(settings) is None
    settings.setValue(PORT_KEY, "/dev/ttyACM0")
    assert SerialConfig.from_settings(settings) == SerialConfig(port="/dev/ttyACM0", baud=9600)
    settings.setValue(BAUD_KEY, "115200")
    assert SerialConfig.from_settings(settings) == SerialConfig(port="/dev/ttyACM0", baud=115200)
    settings.setValue(BAUD_KEY, "fast")
    with pytest.raises(SerialConfigError):
        SerialConfig.from_settings(settings)
    with pytest.raises(SerialConfigError):
        SerialConfig(port="  ")
    with pytest.raises(SerialConfigError):
        SerialConfig(port="COM3", baud=0)


def test_line_splitting_and_decoding() -> None:
    splitter = LineSplitter()
    assert splitter.feed(b"AB") == []
    assert splitter.feed(b"C\r\nDE\rF") == [b"ABC", b"DE"]
    assert splitter.pending
    assert splitter.feed(b"\n\n") == [b"F"]
    assert not splitter.pending
    assert decode_payload("健康码".encode("gbk")) == "健康码"
    assert decode_payload("健康码".encode()) == "健康码"
    assert decode_payload(b"\x00 ok \x00") == "ok"
    assert decode_payload(b"\xff\xff") != ""


def test_a_line_longer_than_any_code_is_dropped_and_never_held() -> None:
    # The attack: a serial device sends a line without end, a byte at a time or in large chunks.
    splitter = LineSplitter()
    flood = b"x" * (MAX_LINE_BYTES * 3)
    for start in range(0, len(flood), 4096):
        assert splitter.feed(flood[start : start + 4096]) == []
    assert not splitter.pending  # nothing of it is kept once it is longer than a code
    assert splitter.feed(b"tail of the flood\r\nCPS1:OK\n") == [b"CPS1:OK"]
    assert splitter.feed(b"x" * MAX_LINE_BYTES + b"\n") == [b"x" * MAX_LINE_BYTES]  # a long code still reads
