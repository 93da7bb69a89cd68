"""The gate relay against a real HTTP server on 127.0.0.1 and a real pseudo-terminal: opened, refused,
error status, time-out, missing port, wrong reply; the caller is never blocked."""

from __future__ import annotations

import os
import select
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from checkpoint.station.relay import (
    HTTP_BODY_KEY,
    HTTP_URL_KEY,
    KIND_KEY,
    SERIAL_COMMAND_KEY,
    SERIAL_PORT_KEY,
    GateRelay,
    RelayConfig,
    RelayConfigError,
    RelayError,
    RelayKind,
    parse_hex,
)

PASSAGE = "6f1c2b8e-0d4a-4f57-9a51-3c2e1f0b7a99"
TIMEOUT_S = 0.3


class Controller(ThreadingHTTPServer):
    """A barrier controller: /open answers 200, /broken 500, /slow answers after the client gave up."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str, bytes]] = []
        self.release = threading.Event()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: Controller

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.requests.append((self.command, self.path, body))
        if self.path.startswith("/slow"):
            self.server.release.wait(5)
        status = 500 if self.path.startswith("/broken") else 200
        try:
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        except OSError:  # the relay gave up waiting (the /slow case)
            pass

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture()
def controller() -> Iterator[Controller]:
    server = Controller()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), name="test-controller")
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture()
def relays() -> Iterator[list[GateRelay]]:
    made: list[GateRelay] = []
    yield made
    for relay in made:
        relay.stop()


def _relay(made: list[GateRelay], config: RelayConfig) -> GateRelay:
    relay = GateRelay(config)
    made.append(relay)
    return relay


def _http(url: str, **overrides: object) -> RelayConfig:
    values: dict[str, object] = {"kind": RelayKind.HTTP, "http_url": url, "timeout_s": TIMEOUT_S}
    values.update(overrides)
    return RelayConfig(**values)  # type: ignore[arg-type]


def test_off_by_default_does_nothing(qtbot: QtBot, relays: list[GateRelay]) -> None:
    relay = _relay(relays, RelayConfig())
    assert not relay.enabled
    with qtbot.assertNotEmitted(relay.opened), qtbot.assertNotEmitted(relay.failed):
        assert relay.open_gate(PASSAGE) is False


def test_http_2xx_opens_and_the_passage_goes_into_url_and_body(
    qtbot: QtBot, controller: Controller, relays: list[GateRelay]
) -> None:
    relay = _relay(relays, _http(controller.url("/open?p={passage}"), http_body='{"passage": "{passage}"}'))
    with qtbot.waitSignal(relay.opened, timeout=3000) as blocker:
        assert relay.open_gate(PASSAGE)
    assert blocker.args == [PASSAGE]
    assert controller.requests == [("POST", f"/open?p={PASSAGE}", f'{{"passage": "{PASSAGE}"}}'.encode())]


def test_http_get_sends_no_body(qtbot: QtBot, controller: Controller, relays: list[GateRelay]) -> None:
    relay = _relay(relays, _http(controller.url("/open"), http_method="GET", http_body="ignored"))
    with qtbot.waitSignal(relay.opened, timeout=3000):
        relay.open_gate(PASSAGE)
    assert controller.requests == [("GET", "/open", b"")]


@pytest.mark.expected_log  # the relay's failure is a warning
def test_http_500_is_a_status_failure(qtbot: QtBot, controller: Controller, relays: list[GateRelay]) -> None:
    relay = _relay(relays, _http(controller.url("/broken")))
    with qtbot.waitSignal(relay.failed, timeout=3000) as blocker:
        relay.open_gate(PASSAGE)
    assert blocker.args[:2] == [PASSAGE, RelayError.HTTP_STATUS]
    assert "500" in blocker.args[2]


@pytest.mark.expected_log  # the relay's failure is a warning
def test_a_controller_that_hangs_times_out_without_blocking_the_caller(
    qtbot: QtBot, controller: Controller, relays: list[GateRelay]
) -> None:
    relay = _relay(relays, _http(controller.url("/slow")))
    with qtbot.waitSignal(relay.failed, timeout=3000) as blocker:
        relay.open_gate(PASSAGE)
        assert not blocker.signal_triggered  # the call came back before the controller answered
    assert blocker.args[:2] == [PASSAGE, RelayError.TIMEOUT]
    controller.release.set()


@pytest.mark.expected_log  # the relay's failure is a warning
def test_nothing_listening_is_refused(qtbot: QtBot, relays: list[GateRelay]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    relay = _relay(relays, _http(f"http://127.0.0.1:{port}/open"))
    with qtbot.waitSignal(relay.failed, timeout=3000) as blocker:
        relay.open_gate(PASSAGE)
    assert blocker.args[:2] == [PASSAGE, RelayError.REFUSED]


def test_requests_are_answered_in_order_and_each_once(
    qtbot: QtBot, controller: Controller, relays: list[GateRelay]
) -> None:
    relay = _relay(relays, _http(controller.url("/open/{passage}")))
    opened: list[str] = []
    relay.opened.connect(opened.append)
    for index in range(3):
        relay.open_gate(f"p{index}")
    qtbot.waitUntil(lambda: len(opened) == 3, timeout=3000)
    assert opened == ["p0", "p1", "p2"]
    assert [path for _m, path, _b in controller.requests] == ["/open/p0", "/open/p1", "/open/p2"]


@pytest.fixture()
def pty() -> Iterator[tuple[int, str]]:
    master, slave = os.openpty()
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def _read_master(master: int, count: int) -> bytes:
    data = b""
    while len(data) < count:
        ready, _, _ = select.select([master], [], [], 3.0)
        assert ready, f"relay wrote only {data!r}"
        data += os.read(master, count - len(data))
    return data


def _serial(port: str, **overrides: object) -> RelayConfig:
    values: dict[str, object] = {
        "kind": RelayKind.SERIAL,
        "serial_port": port,
        "serial_command": parse_hex("A0 01 01 A2"),
        "timeout_s": TIMEOUT_S,
    }
    values.update(overrides)
    return RelayConfig(**values)  # type: ignore[arg-type]


def test_serial_writes_the_command(qtbot: QtBot, pty: tuple[int, str], relays: list[GateRelay]) -> None:
    master, port = pty
    relay = _relay(relays, _serial(port))
    with qtbot.waitSignal(relay.opened, timeout=3000) as blocker:
        relay.open_gate(PASSAGE)
        assert _read_master(master, 4) == b"\xa0\x01\x01\xa2"
    assert blocker.args == [PASSAGE]


@pytest.mark.expected_log  # the relay's failure is a warning
def test_serial_reply_checked(qtbot: QtBot, pty: tuple[int, str], relays: list[GateRelay]) -> None:
    master, port = pty
    relay = _relay(relays, _serial(port, serial_reply=b"OK"))
    with qtbot.waitSignal(relay.opened, timeout=3000):
        relay.open_gate("first")
        _read_master(master, 4)
        os.write(master, b"OK")
    with qtbot.waitSignal(relay.failed, timeout=3000) as blocker:
        relay.open_gate("second")
        _read_master(master, 4)
        os.write(master, b"NO")
    assert blocker.args[:2] == ["second", RelayError.BAD_REPLY]
    with qtbot.waitSignal(relay.failed, timeout=3000) as blocker:
        relay.open_gate("third")
    assert blocker.args[:2] == ["third", RelayError.TIMEOUT]


@pytest.mark.expected_log  # the relay's failure is a warning
def test_a_missing_serial_port_is_reported(qtbot: QtBot, tmp_path: Path, relays: list[GateRelay]) -> None:
    relay = _relay(relays, _serial(str(tmp_path / "ttyRelay")))
    with qtbot.waitSignal(relay.failed, timeout=3000) as blocker:
        relay.open_gate(PASSAGE)
    assert blocker.args[:2] == [PASSAGE, RelayError.PORT_MISSING]


def test_config_from_settings_and_bad_settings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert RelayConfig.from_settings(settings) == RelayConfig()
    settings.setValue(KIND_KEY, "http")
    settings.setValue(HTTP_URL_KEY, "http://10.0.0.5/gate/open")
    settings.setValue(HTTP_BODY_KEY, '{"id": "{passage}"}')
    config = RelayConfig.from_settings(settings)
    assert (config.kind, config.http_method, config.timeout_s) == (RelayKind.HTTP, "POST", 2.0)
    settings.setValue(HTTP_URL_KEY, "ftp://gate")
    with pytest.raises(RelayConfigError):
        RelayConfig.from_settings(settings)
    settings.setValue(KIND_KEY, "serial")
    settings.setValue(SERIAL_PORT_KEY, "/dev/ttyUSB0")
    settings.setValue(SERIAL_COMMAND_KEY, "A0 01 01 ZZ")
    with pytest.raises(RelayConfigError):
        RelayConfig.from_settings(settings)
    settings.setValue(SERIAL_COMMAND_KEY, "0xA0,0x01,0x01,0xA2")
    assert RelayConfig.from_settings(settings).serial_command == b"\xa0\x01\x01\xa2"
    settings.setValue(KIND_KEY, "carrier-pigeon")
    with pytest.raises(RelayConfigError):
        RelayConfig.from_settings(settings)
    with pytest.raises(RelayConfigError):
        RelayConfig(kind=RelayKind.SERIAL, serial_port="COM3")  # no command
    with pytest.raises(RelayConfigError):
        RelayConfig(timeout_s=0)
