"""The devices screen: camera, scanners, sounds and spoken prompts, the barrier relay, the verdict's time.

Every value lands in the same ``settings.ini`` key the station reads at start (``station.device_settings``)
and applies at once on Save: the camera restarts on the new source, the serial scanner reopens, the relay
takes the new target, the next verdict follows the sound, prompt and return-time settings. Exposure and
focus move the live picture as the slider moves (Cancel puts the saved values back); a camera that does not
offer them (streams, files, the demo camera, many webcams) has the sliders disabled with a note.

"Test the barrier" runs the relay as typed, in the background, and shows what happened; it never records
anything. Only a shift leader or an administrator may save (DESIGN: settings); a save is audited as
SETTINGS_CHANGED with the keys that changed.

Why one module of this length: the screen's pages share one settings object, one Save and one audit
entry; each page is a small class here, and a page moved out would only import the rest back.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from serial.tools import list_ports

from checkpoint.camera.controls import CameraControls, Control, list_cameras
from checkpoint.station.device_settings import (
    BAUD_RATES,
    DUPLICATE_WINDOW_RANGE,
    RELAY_TIMEOUT_RANGE,
    RETURN_SECONDS_RANGE,
    DeviceProblem,
    DeviceSettings,
    RelaySettings,
    apply_camera_controls,
)
from checkpoint.station.devices import GateDevices, relay_error_text
from checkpoint.station.feedback import FeedbackKind
from checkpoint.station.relay import HTTP_METHODS, GateRelay, RelayError, RelayKind
from checkpoint.station.scan import ScanService
from checkpoint.ui.plate_entry import fill_province_combo

DEMO_SPEC = "demo"
OTHER_SPEC = "\x00other"  # the camera list's "URL, file or folder" entry (never a real spec)
EXPOSURE_RANGE = (1, 5000)  # V4L2 exposure_absolute: 100 µs steps
FOCUS_RANGE = (0, 255)
TEST_PASSAGE = "test"  # what the relay's {passage} becomes in a test


def problem_text(problem: DeviceProblem) -> str:
    """One reason the devices cannot be saved, naming the field, in the operator's language."""
    texts = {
        DeviceProblem.CAMERA_EMPTY: QCoreApplication.translate(
            "DeviceProblems", "Camera: choose a camera or type a URL, a file or a folder."
        ),
        DeviceProblem.BAUD: QCoreApplication.translate(
            "DeviceProblems", "Serial scanner: the baud rate must be a positive whole number."
        ),
        DeviceProblem.DUPLICATE_WINDOW: QCoreApplication.translate(
            "DeviceProblems", "Duplicate scans: the window must be from {low:g} to {high:g} seconds."
        ).format(low=DUPLICATE_WINDOW_RANGE[0], high=DUPLICATE_WINDOW_RANGE[1]),
        DeviceProblem.RETURN_SECONDS: QCoreApplication.translate(
            "DeviceProblems", "Return to scanning: from {low} to {high} seconds."
        ).format(low=RETURN_SECONDS_RANGE[0], high=RETURN_SECONDS_RANGE[1]),
        DeviceProblem.VOLUME: QCoreApplication.translate("DeviceProblems", "Volume: from 0 to 100."),
        DeviceProblem.RELAY_URL: QCoreApplication.translate(
            "DeviceProblems", "Barrier: the URL must start with http:// or https:// and name a host."
        ),
        DeviceProblem.RELAY_METHOD: QCoreApplication.translate(
            "DeviceProblems", "Barrier: the method must be GET, POST or PUT."
        ),
        DeviceProblem.RELAY_TIMEOUT: QCoreApplication.translate(
            "DeviceProblems", "Barrier: the time-out must be from {low:g} to {high:g} seconds."
        ).format(low=RELAY_TIMEOUT_RANGE[0], high=RELAY_TIMEOUT_RANGE[1]),
        DeviceProblem.RELAY_PORT: QCoreApplication.translate(
            "DeviceProblems", "Barrier: choose or type the relay's serial port."
        ),
        DeviceProblem.RELAY_BAUD: QCoreApplication.translate(
            "DeviceProblems", "Barrier: the relay's baud rate must be a positive whole number."
        ),
        DeviceProblem.RELAY_COMMAND: QCoreApplication.translate(
            "DeviceProblems", "Barrier: the command must be bytes in hexadecimal, e.g. A0 01 01 A2."
        ),
        DeviceProblem.RELAY_REPLY: QCoreApplication.translate(
            "DeviceProblems", "Barrier: the expected reply must be empty or bytes in hexadecimal."
        ),
    }
    return texts[problem]


def _serial_ports() -> list[str]:
    """The serial ports the system has now (USB adapters, built-in ports, CDC scanners)."""
    try:
        return sorted(port.device for port in list_ports.comports())
    except OSError:
        return []


def _whole(text: str) -> int:
    """A whole number typed in an editable list; -1 (refused by the checks) when it is not one."""
    try:
        return int(text.strip())
    except ValueError:
        return -1


def _port_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def _baud_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for rate in BAUD_RATES:
        combo.addItem(str(rate))
    return combo


def _set_combo_text(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setEditText(text)


class DevicesDialog(QDialog):
    """Edits the device settings; Save applies them to the running station through ``GateDevices``.

    Signals:
        saved(DeviceSettings, list): the settings saved and the keys that changed (the window applies
            what belongs to the screen, the verdict's return time).
        relay_tested(bool, str): a barrier test ended: opened or not, and what the screen says about it.
    """

    saved = Signal(object, list)
    relay_tested = Signal(bool, str)

    def __init__(
        self,
        devices: GateDevices,
        scan: ScanService,
        *,
        may_edit: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._devices = devices
        self._scan = scan
        self._may_edit = may_edit
        self._loaded = devices.settings()
        self._controls: CameraControls = scan.camera_controls()
        self._test_relay: GateRelay | None = None
        self._test_started = 0.0
        self._captions: list[tuple[QLabel, Callable[[], str]]] = []
        self.tabs = QTabWidget(self)
        self._build_camera_page()
        self._build_scanner_page()
        self._build_feedback_page()
        self._build_relay_page()
        self._build_station_page()
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("deviceProblems")
        self.problems_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self._show(self._loaded)
        self._connect_changes()
        self.retranslate_ui()
        self._update_state()
        self.resize(900, 640)

    # Pages -----------------------------------------------------------------------------------------

    def _caption(self, text: Callable[[], str], parent: QWidget) -> QLabel:
        label = QLabel(parent)
        self._captions.append((label, text))
        return label

    def _note(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName("deviceNote")
        label.setWordWrap(True)
        return label

    def _build_camera_page(self) -> None:
        page = QWidget(self)
        self.camera_combo = QComboBox(page)
        for camera in list_cameras():
            self.camera_combo.addItem(f"{camera.index}: {camera.name} ({camera.device})", camera.spec)
        self.camera_combo.addItem("", DEMO_SPEC)
        self.camera_combo.addItem("", OTHER_SPEC)
        self.camera_other = QLineEdit(page)
        self.camera_browse = QPushButton(page)
        self.camera_browse.clicked.connect(self._on_camera_browse_clicked)
        other = QHBoxLayout()
        other.addWidget(self.camera_other, 1)
        other.addWidget(self.camera_browse)
        self.auto_exposure = QCheckBox(page)
        self.exposure = QSlider(Qt.Orientation.Horizontal, page)
        self.exposure.setRange(*EXPOSURE_RANGE)
        self.auto_focus = QCheckBox(page)
        self.focus = QSlider(Qt.Orientation.Horizontal, page)
        self.focus.setRange(*FOCUS_RANGE)
        self.camera_note = self._note(page)
        form = QFormLayout(page)
        form.addRow(self._caption(lambda: self.tr("Camera"), page), self.camera_combo)
        form.addRow(self._caption(lambda: self.tr("URL, file or folder"), page), other)
        form.addRow(self._caption(lambda: self.tr("Exposure"), page), self.auto_exposure)
        form.addRow("", self.exposure)
        form.addRow(self._caption(lambda: self.tr("Focus"), page), self.auto_focus)
        form.addRow("", self.focus)
        form.addRow(self.camera_note)
        self.camera_page = page
        self.tabs.addTab(page, "")

    def _build_scanner_page(self) -> None:
        page = QWidget(self)
        self.scanner_port = _port_combo(page)
        self.scanner_port.addItem("")  # no serial scanner
        for port in _serial_ports():
            self.scanner_port.addItem(port)
        self.scanner_baud = _baud_combo(page)
        self.duplicate_window = QDoubleSpinBox(page)
        self.duplicate_window.setRange(*DUPLICATE_WINDOW_RANGE)
        self.duplicate_window.setDecimals(1)
        self.duplicate_window.setSingleStep(0.5)
        self.scanner_note = self._note(page)
        form = QFormLayout(page)
        form.addRow(self._caption(lambda: self.tr("Serial scanner port"), page), self.scanner_port)
        form.addRow(self._caption(lambda: self.tr("Baud rate"), page), self.scanner_baud)
        form.addRow(
            self._caption(lambda: self.tr("Same code counts once within"), page), self.duplicate_window
        )
        form.addRow(self.scanner_note)
        self.tabs.addTab(page, "")

    def _build_feedback_page(self) -> None:
        page = QWidget(self)
        self.sound = QCheckBox(page)
        self.volume = QSlider(Qt.Orientation.Horizontal, page)
        self.volume.setRange(0, 100)
        self.volume_value = QLabel(page)
        self.volume.valueChanged.connect(lambda value: self.volume_value.setText(f"{value}"))
        self.sound_test = QPushButton(page)
        self.sound_test.clicked.connect(self._on_sound_test_clicked)
        volume = QHBoxLayout()
        volume.addWidget(self.volume, 1)
        volume.addWidget(self.volume_value)
        volume.addWidget(self.sound_test)
        self.voice = QCheckBox(page)
        self.voice_language = QComboBox(page)
        for code in ("", "zh_CN", "en"):
            self.voice_language.addItem("", code)
        self.feedback_note = self._note(page)
        form = QFormLayout(page)
        form.addRow(self._caption(lambda: self.tr("Tones"), page), self.sound)
        form.addRow(self._caption(lambda: self.tr("Volume"), page), volume)
        form.addRow(self._caption(lambda: self.tr("Spoken prompts"), page), self.voice)
        form.addRow(self._caption(lambda: self.tr("Prompt language"), page), self.voice_language)
        form.addRow(self.feedback_note)
        self.tabs.addTab(page, "")

    def _build_relay_page(self) -> None:
        page = QWidget(self)
        self.relay_kind = QComboBox(page)
        for kind in RelayKind:
            self.relay_kind.addItem("", kind.value)
        self.relay_url = QLineEdit(page)
        self.relay_method = QComboBox(page)
        for method in HTTP_METHODS:
            self.relay_method.addItem(method)
        self.relay_body = QLineEdit(page)
        self.relay_port = _port_combo(page)
        for port in _serial_ports():
            self.relay_port.addItem(port)
        self.relay_baud = _baud_combo(page)
        self.relay_command = QLineEdit(page)
        self.relay_reply = QLineEdit(page)
        self.relay_timeout = QDoubleSpinBox(page)
        self.relay_timeout.setRange(*RELAY_TIMEOUT_RANGE)
        self.relay_timeout.setDecimals(1)
        self.relay_test = QPushButton(page)
        self.relay_test.clicked.connect(self.test_relay)
        self.relay_result = QLabel(page)
        self.relay_result.setObjectName("relayResult")
        self.relay_result.setWordWrap(True)
        test = QHBoxLayout()
        test.addWidget(self.relay_test)
        test.addWidget(self.relay_result, 1)
        self.relay_note = self._note(page)
        form = QFormLayout(page)
        form.addRow(self._caption(lambda: self.tr("Open the barrier by"), page), self.relay_kind)
        self._http_rows = [
            (self._caption(lambda: self.tr("URL"), page), self.relay_url),
            (self._caption(lambda: self.tr("Method"), page), self.relay_method),
            (self._caption(lambda: self.tr("Body"), page), self.relay_body),
        ]
        self._serial_rows = [
            (self._caption(lambda: self.tr("Serial port"), page), self.relay_port),
            (self._caption(lambda: self.tr("Baud rate"), page), self.relay_baud),
            (self._caption(lambda: self.tr("Command (hex)"), page), self.relay_command),
            (self._caption(lambda: self.tr("Expected reply (hex)"), page), self.relay_reply),
        ]
        for label, field in (*self._http_rows, *self._serial_rows):
            form.addRow(label, field)
        form.addRow(self._caption(lambda: self.tr("Time-out"), page), self.relay_timeout)
        form.addRow(test)
        form.addRow(self.relay_note)
        self._relay_form = form
        self.tabs.addTab(page, "")

    def _build_station_page(self) -> None:
        page = QWidget(self)
        self.return_seconds = QSpinBox(page)
        self.return_seconds.setRange(*RETURN_SECONDS_RANGE)
        self.home_province = QComboBox(page)
        fill_province_combo(self.home_province, "", "")
        self.station_note = self._note(page)
        form = QFormLayout(page)
        form.addRow(self._caption(lambda: self.tr("Back to scanning after"), page), self.return_seconds)
        form.addRow(self._caption(lambda: self.tr("Home province (plates)"), page), self.home_province)
        form.addRow(self.station_note)
        self.tabs.addTab(page, "")

    # Values ----------------------------------------------------------------------------------------

    def _show(self, values: DeviceSettings) -> None:
        index = self.camera_combo.findData(values.camera_spec)
        if index < 0:
            index = self.camera_combo.findData(OTHER_SPEC)
            self.camera_other.setText(values.camera_spec)
        self.camera_combo.setCurrentIndex(index)
        self.auto_exposure.setChecked(values.exposure is None)
        if values.exposure is not None:
            self.exposure.setValue(int(values.exposure))
        elif Control.EXPOSURE in self._controls.supported():
            self.exposure.setValue(int(self._controls.exposure()))
        self.auto_focus.setChecked(values.focus is None)
        if values.focus is not None:
            self.focus.setValue(int(values.focus))
        elif Control.FOCUS in self._controls.supported():
            self.focus.setValue(int(self._controls.focus()))
        _set_combo_text(self.scanner_port, values.scanner_port)
        _set_combo_text(self.scanner_baud, str(values.scanner_baud))
        self.duplicate_window.setValue(values.duplicate_window_s)
        self.sound.setChecked(values.sound)
        self.volume.setValue(max(0, min(100, values.volume)))
        self.volume_value.setText(str(self.volume.value()))
        self.voice.setChecked(values.voice)
        self.voice_language.setCurrentIndex(max(0, self.voice_language.findData(values.voice_language)))
        relay = values.relay
        self.relay_kind.setCurrentIndex(max(0, self.relay_kind.findData(relay.kind.value)))
        self.relay_url.setText(relay.http_url)
        self.relay_method.setCurrentIndex(max(0, self.relay_method.findText(relay.http_method)))
        self.relay_body.setText(relay.http_body)
        _set_combo_text(self.relay_port, relay.serial_port)
        _set_combo_text(self.relay_baud, str(relay.serial_baud))
        self.relay_command.setText(relay.serial_command)
        self.relay_reply.setText(relay.serial_reply)
        self.relay_timeout.setValue(relay.timeout_s)
        self.return_seconds.setValue(
            max(RETURN_SECONDS_RANGE[0], min(RETURN_SECONDS_RANGE[1], values.return_seconds))
        )
        self.home_province.setCurrentIndex(max(0, self.home_province.findData(values.home_province)))

    def values(self) -> DeviceSettings:
        """The settings as the screen shows them now (checked by ``problems``, not yet saved)."""
        spec = self.camera_combo.currentData()
        if spec == OTHER_SPEC:
            spec = self.camera_other.text().strip()
        relay = RelaySettings(
            kind=RelayKind(self.relay_kind.currentData()),
            timeout_s=self.relay_timeout.value(),
            http_url=self.relay_url.text().strip(),
            http_method=self.relay_method.currentText(),
            http_body=self.relay_body.text(),
            serial_port=self.relay_port.currentText().strip(),
            serial_baud=_whole(self.relay_baud.currentText()),
            serial_command=self.relay_command.text().strip(),
            serial_reply=self.relay_reply.text().strip(),
        )
        return DeviceSettings(
            camera_spec=str(spec),
            exposure=None if self.auto_exposure.isChecked() else float(self.exposure.value()),
            focus=None if self.auto_focus.isChecked() else float(self.focus.value()),
            scanner_port=self.scanner_port.currentText().strip(),
            scanner_baud=_whole(self.scanner_baud.currentText()),
            duplicate_window_s=round(self.duplicate_window.value(), 1),
            sound=self.sound.isChecked(),
            volume=self.volume.value(),
            voice=self.voice.isChecked(),
            voice_language=str(self.voice_language.currentData()),
            return_seconds=self.return_seconds.value(),
            home_province=str(self.home_province.currentData()),
            relay=relay,
        )

    def problems(self) -> list[str]:
        """What keeps Save disabled, in words."""
        return [problem_text(problem) for problem in self.values().problems()]

    # Actions ---------------------------------------------------------------------------------------

    @Slot()
    def save(self) -> bool:
        """Saves, applies and audits; False (nothing saved) while a problem is listed or the role may not."""
        values = self.values()
        if not self._may_edit or values.problems():
            self._update_state()
            return False
        changed = self._devices.save_settings(values)
        self._loaded = values
        self.saved.emit(values, changed)
        self.accept()
        return True

    @Slot()
    def test_relay(self) -> bool:
        """Runs the barrier as typed, in the background; ``relay_tested`` tells the result. False when
        the relay is off or its settings cannot work (the result label says which)."""
        relay = self.values().relay
        problems = relay.problems()
        if relay.kind is RelayKind.NONE or problems:
            text = problem_text(problems[0]) if problems else self.tr("The barrier relay is off.")
            self._show_relay_result(False, text)
            self.relay_tested.emit(False, text)
            return False
        if self._test_relay is None:
            self._test_relay = GateRelay(parent=self)
            self._test_relay.opened.connect(self._on_test_relay_opened)
            self._test_relay.failed.connect(self._on_test_relay_failed)
        self._test_relay.set_config(relay.config())
        self._test_started = time.monotonic()
        self.relay_test.setEnabled(False)
        self._show_relay_result(None, self.tr("Testing..."))
        self._test_relay.open_gate(TEST_PASSAGE)
        return True

    def done(self, result: int) -> None:
        if self._test_relay is not None:
            self._test_relay.stop()  # bounded by the time-out: the test thread never outlives the screen
        if result != QDialog.DialogCode.Accepted:
            # the sliders moved the live picture: Cancel gives the camera its saved values back
            apply_camera_controls(self._scan.camera_controls(), self._loaded.exposure, self._loaded.focus)
        super().done(result)

    # Events ----------------------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for combo in (
            self.camera_combo,
            self.voice_language,
            self.relay_kind,
            self.relay_method,
            self.home_province,
        ):
            combo.currentIndexChanged.connect(self._update_state)
        for editable in (self.scanner_port, self.scanner_baud, self.relay_port, self.relay_baud):
            editable.editTextChanged.connect(self._update_state)
        for line in (
            self.camera_other,
            self.relay_url,
            self.relay_body,
            self.relay_command,
            self.relay_reply,
        ):
            line.textChanged.connect(self._update_state)
        for box in (self.auto_exposure, self.auto_focus, self.sound, self.voice):
            box.toggled.connect(self._update_state)
        self.exposure.valueChanged.connect(self._on_exposure_value_changed)
        self.focus.valueChanged.connect(self._on_focus_value_changed)

    @Slot()
    def _update_state(self) -> None:
        other = self.camera_combo.currentData() == OTHER_SPEC
        self.camera_other.setEnabled(other)
        self.camera_browse.setEnabled(other)
        supported = self._controls.supported()
        self.auto_exposure.setEnabled(Control.EXPOSURE in supported)
        self.exposure.setEnabled(Control.EXPOSURE in supported and not self.auto_exposure.isChecked())
        self.auto_focus.setEnabled(Control.FOCUS in supported)
        self.focus.setEnabled(Control.FOCUS in supported and not self.auto_focus.isChecked())
        kind = RelayKind(self.relay_kind.currentData())
        for rows, shown in (
            (self._http_rows, kind is RelayKind.HTTP),
            (self._serial_rows, kind is RelayKind.SERIAL),
        ):
            for label, field in rows:
                label.setVisible(shown)
                field.setVisible(shown)
        self.relay_timeout.setEnabled(kind is not RelayKind.NONE)
        self.relay_test.setEnabled(kind is not RelayKind.NONE and self._test_idle())
        self.volume.setEnabled(self.sound.isChecked())
        self.voice_language.setEnabled(self.voice.isChecked())
        problems = self.problems()
        if not self._may_edit:
            problems.insert(0, self.tr("Only a shift leader or an administrator may change the devices."))
        self.problems_label.setText("\n".join(f"• {p}" for p in problems))
        self.problems_label.setVisible(bool(problems))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self._may_edit and not self.values().problems())

    def _test_idle(self) -> bool:
        return not self.relay_test.property("busy")

    @Slot(int)
    def _on_exposure_value_changed(self, value: int) -> None:
        if self.exposure.isEnabled() and Control.EXPOSURE in self._controls.supported():
            self._controls.set_exposure(float(value))  # the operator sees the picture change

    @Slot(int)
    def _on_focus_value_changed(self, value: int) -> None:
        if self.focus.isEnabled() and Control.FOCUS in self._controls.supported():
            self._controls.set_focus(float(value))

    @Slot()
    def _on_camera_browse_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("A video file"), "", self.tr("Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)")
        )
        if path:
            self.camera_other.setText(path)

    @Slot()
    def _on_sound_test_clicked(self) -> None:
        self._devices.feedback.play(FeedbackKind.PASS)

    @Slot(str)
    def _on_test_relay_opened(self, _passage: str) -> None:
        seconds = time.monotonic() - self._test_started
        text = self.tr("The barrier controller answered: opened ({seconds:.2f} s).").format(seconds=seconds)
        self._show_relay_result(True, text)
        self.relay_tested.emit(True, text)

    @Slot(str, object, str)
    def _on_test_relay_failed(self, _passage: str, kind: RelayError, detail: str) -> None:
        text = self.tr("The barrier did NOT open: {reason} ({detail}).").format(
            reason=relay_error_text(kind), detail=detail
        )
        self._show_relay_result(False, text)
        self.relay_tested.emit(False, text)

    def _show_relay_result(self, ok: bool | None, text: str) -> None:
        self.relay_test.setProperty("busy", ok is None)
        self.relay_test.setEnabled(ok is not None)
        self.relay_result.setText(text)
        self.relay_result.setProperty("ok", "" if ok is None else ("true" if ok else "false"))
        self.relay_result.style().unpolish(self.relay_result)
        self.relay_result.style().polish(self.relay_result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Devices"))
        for index, title in enumerate(
            (
                self.tr("Camera"),
                self.tr("Scanners"),
                self.tr("Sounds and prompts"),
                self.tr("Barrier"),
                self.tr("Verdict"),
            )
        ):
            self.tabs.setTabText(index, title)
        for label, text in self._captions:
            label.setText(text())
        self.camera_combo.setItemText(
            self.camera_combo.findData(DEMO_SPEC), self.tr("Demo camera (no device)")
        )
        self.camera_combo.setItemText(
            self.camera_combo.findData(OTHER_SPEC), self.tr("A stream URL, a video file or an image folder")
        )
        self.camera_other.setPlaceholderText(self.tr("rtsp://192.168.1.20/stream, /media/gate.mp4, ..."))
        self.camera_browse.setText(self.tr("Choose a file..."))
        self.auto_exposure.setText(self.tr("Automatic"))
        self.auto_focus.setText(self.tr("Autofocus"))
        if {Control.EXPOSURE, Control.FOCUS} <= self._controls.supported():
            note = self.tr("The sliders change the live picture at once; Cancel puts the saved values back.")
        elif self._controls.supported() & {Control.EXPOSURE, Control.FOCUS}:
            note = self.tr("This camera offers only some of these controls; the others are disabled.")
        else:
            note = self.tr(
                "The camera in use offers no exposure or focus control (streams, files, the demo camera "
                "and many webcams do not), so these are disabled."
            )
        self.camera_note.setText(
            note + "\n" + self.tr("A new camera starts as soon as you save; the scanners keep working.")
        )
        port_edit = self.scanner_port.lineEdit()
        if port_edit is not None:  # the empty entry is "no serial scanner"
            port_edit.setPlaceholderText(self.tr("none; or /dev/ttyACM0, COM3, ..."))
        self.duplicate_window.setSuffix(self.tr(" s"))
        self.scanner_note.setText(
            self.tr(
                "Keyboard-wedge (USB) scanners need no setting: they are recognised by their typing speed. "
                "A serial scanner reconnects by itself when unplugged. Changes apply when you save."
            )
        )
        self.sound.setText(self.tr("Tones for pass, check, deny and alarms"))
        self.sound_test.setText(self.tr("Play"))
        self.voice.setText(self.tr("Speak the verdict after its tone"))
        for index, name in enumerate((self.tr("The interface language"), "中文 (zh_CN)", "English (en)")):
            self.voice_language.setItemText(index, name)
        self.feedback_note.setText(self.tr("Sounds, volume and prompts apply from the next verdict."))
        kinds = {
            RelayKind.NONE.value: self.tr("Off (the barrier is opened by hand)"),
            RelayKind.HTTP.value: self.tr("An HTTP request"),
            RelayKind.SERIAL.value: self.tr("A command on a serial port"),
        }
        for index in range(self.relay_kind.count()):
            self.relay_kind.setItemText(index, kinds[str(self.relay_kind.itemData(index))])
        self.relay_url.setPlaceholderText(self.tr("http://192.168.1.50/open?passage={passage}"))
        self.relay_body.setPlaceholderText(self.tr("optional; {passage} is the passage's id"))
        self.relay_command.setPlaceholderText("A0 01 01 A2")
        self.relay_reply.setPlaceholderText(self.tr("optional"))
        self.relay_timeout.setSuffix(self.tr(" s"))
        self.relay_test.setText(self.tr("Test the barrier"))
        self.relay_note.setText(
            self.tr(
                "On every recorded PASS the barrier is opened in the background; a barrier that does not "
                "open is shown at once and written to the audit trail. The test records nothing."
            )
        )
        self.return_seconds.setSuffix(self.tr(" s"))
        self.home_province.setItemText(0, self.tr("None: the province is picked for every vehicle"))
        self.station_note.setText(
            self.tr(
                "The verdict covers the station screen after each recorded passage and goes after this "
                "time, at a tap or as soon as the next entry begins; 0 keeps it until then."
            )
        )
        self._update_state()
