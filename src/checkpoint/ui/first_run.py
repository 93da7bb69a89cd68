"""The first-run wizard: the gate and its kind, the first administrator and their PIN, the keys.

Shown at start while no administrator can sign in (``station.first_run.needs_first_run``). Nothing is
written until Finish; then ``FirstRunService.complete`` writes it all (on the GUI thread: nothing else runs
yet). A problem keeps the wizard open with the reason in words.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QFontDatabase, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from checkpoint.domain.records import Operator
from checkpoint.domain.roles import PIN_MAX_DIGITS, new_recovery_code
from checkpoint.station.device_settings import HOME_PROVINCE_KEY
from checkpoint.station.first_run import (
    PROFILES,
    FirstRunError,
    FirstRunService,
    FirstRunSetup,
    KeysNotWrittenError,
    SetupProblem,
    SetupRefusedError,
    check_setup,
)
from checkpoint.ui.plate_entry import fill_province_combo

_ERROR_STYLE = "color: #c62828; font-weight: bold;"


def _pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_DIGITS)
    edit.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", edit))
    return edit


class GatePage(QWizardPage):
    def __init__(
        self, gate_name: str, profile: str, home_province: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit(gate_name, self)
        self.name_edit.textChanged.connect(self.completeChanged)
        self.name_label = QLabel(self)
        self.kind_label = QLabel(self)
        self.profiles = QButtonGroup(self)
        self.profile_buttons: dict[str, QRadioButton] = {}
        form = QFormLayout(self)
        form.addRow(self.name_label, self.name_edit)
        kinds = QVBoxLayout()
        for index, name in enumerate(PROFILES):
            button = QRadioButton(self)
            button.setChecked(name == profile or (profile not in PROFILES and index == 0))
            self.profiles.addButton(button, index)
            self.profile_buttons[name] = button
            kinds.addWidget(button)
        form.addRow(self.kind_label, kinds)
        self.province_label = QLabel(self)
        self.home_province = QComboBox(self)
        fill_province_combo(self.home_province, home_province, "")
        form.addRow(self.province_label, self.home_province)

    @property
    def profile(self) -> str:
        return PROFILES[max(0, self.profiles.checkedId())]

    def isComplete(self) -> bool:
        return bool(self.name_edit.text().strip())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The gate"))
        self.setSubTitle(
            self.tr(
                "Name this gate as it appears on the handover sheet, choose its kind and the province "
                "of its local plates."
            )
        )
        self.name_label.setText(self.tr("Gate name"))
        self.kind_label.setText(self.tr("Kind"))
        self.province_label.setText(self.tr("Home province (plates)"))
        self.home_province.setItemText(0, self.tr("None: the province is picked for every vehicle"))
        self.profile_buttons["highway-exit"].setText(self.tr("Highway exit: every vehicle and person"))
        self.profile_buttons["compound-gate"].setText(self.tr("Compound gate: residents and visitors"))


class AdministratorPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit(self)
        self.pin_edit = _pin_edit(self)
        self.again_edit = _pin_edit(self)
        self.name_label = QLabel(self)
        self.pin_label = QLabel(self)
        self.again_label = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.pin_label, self.pin_edit)
        form.addRow(self.again_label, self.again_edit)
        form.addRow(self.message)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        try:
            check_setup(wizard.setup())
        except FirstRunError as error:
            self.message.setText(error.text())
            if error.problem is SetupProblem.PIN:
                self.pin_edit.clear()
                self.again_edit.clear()
                self.pin_edit.setFocus()
            return False
        self.message.clear()
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "The administrator adds the other operators and sets their PINs. "
                "Choose a PIN of 4 to 8 digits that is not a repeat, a run, a year or a common PIN."
            )
        )
        self.name_label.setText(self.tr("Name"))
        self.pin_label.setText(self.tr("PIN"))
        self.again_label.setText(self.tr("PIN again"))


class FinishPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.recovery_caption = QLabel(self)
        self.recovery_caption.setWordWrap(True)
        self.recovery_code = QLabel(self)
        self.recovery_code.setObjectName("recoveryCode")
        self.recovery_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setPointSize(code_font.pointSize() + 6)
        code_font.setBold(True)
        self.recovery_code.setFont(code_font)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.recovery_caption)
        layout.addWidget(self.recovery_code)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        setup = wizard.setup()
        self.summary.setText(
            self.tr(
                "Gate: {gate}\nAdministrator: {name}\n\nFinish creates the administrator and the "
                "deployment's pass-signing key in {folder} (an existing key is kept). Copy its .pub.pem "
                "file to every other gate of the deployment.\n\nID numbers and phones are sealed with the "
                "data key {data_key}: back it up (with the pass-signing key) on a USB stick kept by the "
                "administrator. Without it they cannot be read again."
            ).format(
                gate=setup.gate_name.strip(),
                name=setup.admin_name.strip(),
                folder=wizard.first_run.keys_folder,
                data_key=wizard.first_run.data_key_file,
            )
        )
        self.recovery_code.setText(setup.recovery_code)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.recovery_caption.setText(
            self.tr(
                "The administrator's recovery code, shown only now: write it down and keep it away from the "
                "station. If wrong PINs lock the administrator out, it sets a new PIN "
                "(checkpoint operators recover)."
            )
        )
        if self.wizard() is not None and self.isVisible():
            self.initializePage()


class FirstRunWizard(QWizard):
    """Gate, first administrator with PIN, deployment keys. ``administrator`` is set once accepted.

    Given the first-run service (which writes the set-up at the station's time) and the settings (the gate
    it starts from)."""

    def __init__(
        self, first_run: FirstRunService, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.first_run = first_run
        self.administrator: Operator | None = None
        self.key_lines: list[str] = []
        self._recovery_code = new_recovery_code()  # shown on the last page; only its hash is stored
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.gate_page = GatePage(
            str(settings.value("gate/name", "")),
            str(settings.value("gate/profile", PROFILES[0])),
            str(settings.value(HOME_PROVINCE_KEY, "")),
            self,
        )
        self.admin_page = AdministratorPage(self)
        self.finish_page = FinishPage(self)
        for page in (self.gate_page, self.admin_page, self.finish_page):
            self.addPage(page)
        self.resize(720, 480)
        self.retranslate_ui()

    def setup(self) -> FirstRunSetup:
        return FirstRunSetup(
            gate_name=self.gate_page.name_edit.text(),
            profile=self.gate_page.profile,
            admin_name=self.admin_page.name_edit.text(),
            pin=self.admin_page.pin_edit.text(),
            pin_again=self.admin_page.again_edit.text(),
            recovery_code=self._recovery_code,
            home_province=str(self.gate_page.home_province.currentData()),
        )

    def accept(self) -> None:
        try:
            self.administrator, self.key_lines = self.first_run.complete(self.setup())
        except FirstRunError as error:
            self.finish_page.message.setText(error.text())
            return
        except SetupRefusedError as error:
            self.finish_page.message.setText(error.reason)
            return
        except KeysNotWrittenError as error:
            self.finish_page.message.setText(
                self.tr("The key could not be written: {reason}").format(reason=str(error))
            )
            return
        super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up this station"))
        for page in (self.gate_page, self.admin_page, self.finish_page):
            page.retranslate_ui()
