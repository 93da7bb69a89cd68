"""The settings screen for rules: choose the profile this gate decides under, edit a profile's TOML with
live validation, save a version."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSignalBlocker, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.records import Gate
from checkpoint.domain.rules import (
    PERSON_FACTS,
    VEHICLE_FACTS,
    ProblemCode,
    Profile,
    ProfileError,
    ProfileProblem,
)
from checkpoint.station.profiles import ProfileNotFoundError, ProfileStore, ProfileStoreError
from checkpoint.station.session import StationSession


def problem_text(problem: ProfileProblem) -> str:
    """One problem of a profile in the user's language, with where it is."""
    key, value = problem.key, problem.value
    message = {
        ProblemCode.SYNTAX: QCoreApplication.translate("ProfileProblems", "Not valid TOML: {value}"),
        ProblemCode.MISSING_SECTION: QCoreApplication.translate(
            "ProfileProblems", "The section [{key}] is missing."
        ),
        ProblemCode.MISSING_KEY: QCoreApplication.translate("ProfileProblems", "{key} is missing."),
        ProblemCode.UNKNOWN_KEY: QCoreApplication.translate(
            "ProfileProblems", "{key} is not a known setting."
        ),
        ProblemCode.BAD_TYPE: QCoreApplication.translate(
            "ProfileProblems", "{key} has the wrong form: {value}"
        ),
        ProblemCode.BAD_NAME: QCoreApplication.translate(
            "ProfileProblems", "Profile name {value}: use lower-case letters, digits and dashes."
        ),
        ProblemCode.BAD_VERSION: QCoreApplication.translate(
            "ProfileProblems", 'Version {value}: use a whole number from 1, or a form like "1.2.0".'
        ),
        ProblemCode.BAD_THRESHOLD: QCoreApplication.translate(
            "ProfileProblems", "{key} = {value} is not a sensible value."
        ),
        ProblemCode.UNKNOWN_THRESHOLD: QCoreApplication.translate(
            "ProfileProblems", "{key} is not a known threshold."
        ),
        ProblemCode.EMPTY_CONDITION: QCoreApplication.translate(
            "ProfileProblems", "{key} names no condition."
        ),
        ProblemCode.UNKNOWN_FACT: QCoreApplication.translate(
            "ProfileProblems", "{value} is not a known fact."
        ),
        ProblemCode.BAD_FACT_VALUE: QCoreApplication.translate("ProfileProblems", "{key} cannot be {value}."),
        ProblemCode.UNKNOWN_OPERATOR: QCoreApplication.translate(
            "ProfileProblems", "{key}: {value} is not an operator for this fact."
        ),
        ProblemCode.UNKNOWN_OUTCOME: QCoreApplication.translate(
            "ProfileProblems", "Outcome {value} is unknown (pass, recheck, turn_back or hold)."
        ),
        ProblemCode.UNKNOWN_REASON: QCoreApplication.translate(
            "ProfileProblems", "Reason {value} is unknown."
        ),
        ProblemCode.NAME_MISMATCH: QCoreApplication.translate(
            "ProfileProblems", "The profile is called {value}; it must keep the name it is saved under."
        ),
    }[problem.code].format(key=key, value=value)
    if problem.line and problem.rule:
        return QCoreApplication.translate("ProfileProblems", "Line {line}, rule {rule}: {message}").format(
            line=problem.line, rule=problem.rule, message=message
        )
    if problem.line:
        return QCoreApplication.translate("ProfileProblems", "Line {line}: {message}").format(
            line=problem.line, message=message
        )
    if problem.rule:
        return QCoreApplication.translate("ProfileProblems", "Rule {rule}: {message}").format(
            rule=problem.rule, message=message
        )
    return message


class SettingsDialog(QDialog):
    """Edits the gate profiles. Save is enabled only for a valid, changed profile and a role that may.

    Given the profile store, the profile this gate decides under and who is editing (for the audit). Given
    the station ``session`` too, it offers to switch this gate to another profile ("Use for this gate"):
    the switch is recorded through the writer and the session proposes under the new rules at once.
    """

    def __init__(
        self,
        profiles: ProfileStore,
        gate_profile: str,
        operator_id: UUID | None = None,
        *,
        may_edit: bool = True,
        session: StationSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._session = session
        self._switch_pending = False
        self._gate_profile = session.gate.profile if session is not None else gate_profile
        self._operator_id = operator_id
        self._may_edit = may_edit
        self._name = ""
        self._loaded_text = ""
        self._valid: Profile | None = None
        self._problems: tuple[ProfileProblem, ...] = ()
        self._note = ""

        self.profile_label = QLabel(self)
        self.profile_combo = QComboBox(self)
        self.gate_label = QLabel(self)
        self.gate_profile_combo = QComboBox(self)
        self.use_button = QPushButton(self)
        if session is None:  # nothing to switch through: the gate's profile is only named
            self.gate_profile_combo.hide()
            self.use_button.hide()
        self.editor = QPlainTextEdit(self)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setReadOnly(not may_edit)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.problems_list = QListWidget(self)
        self.problems_list.setMaximumHeight(140)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.revert_button.setEnabled(may_edit)

        gate_row = QHBoxLayout()
        gate_row.addWidget(self.gate_label)
        gate_row.addWidget(self.gate_profile_combo, 1)
        gate_row.addWidget(self.use_button)
        top = QHBoxLayout()
        top.addWidget(self.profile_label)
        top.addWidget(self.profile_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(gate_row)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.problems_list)
        layout.addWidget(self.buttons)

        for name in profiles.available():
            self.profile_combo.addItem(name, name)
            self.gate_profile_combo.addItem(name, name)
        self._select_gate_profile()
        self.profile_combo.currentIndexChanged.connect(self._on_profile_combo_current_index_changed)
        self.gate_profile_combo.currentIndexChanged.connect(self._on_gate_profile_combo_current_index_changed)
        self.use_button.clicked.connect(self.use_for_gate)
        if session is not None:
            session.gate_changed.connect(self._on_session_gate_changed)
            session.record_failed.connect(self._on_session_record_failed)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert_to_shipped)
        self.close_button.clicked.connect(self.reject)

        self.resize(900, 700)
        self.retranslate_ui()
        start = self.profile_combo.findData(self._gate_profile)
        self.profile_combo.setCurrentIndex(max(start, 0))
        self._load(str(self.profile_combo.currentData() or ""))

    # -- public --------------------------------------------------------------------------------------------

    @property
    def profile_name(self) -> str:
        return self._name

    @property
    def problems(self) -> tuple[ProfileProblem, ...]:
        return self._problems

    @property
    def gate_profile(self) -> str:
        """The profile this gate decides under."""
        return self._gate_profile

    def select_gate_profile(self, name: str) -> None:
        """Chooses ``name`` in the gate's profile chooser (nothing is switched before "Use for this gate")."""
        index = self.gate_profile_combo.findData(name)
        if index >= 0:
            self.gate_profile_combo.setCurrentIndex(index)

    @Slot()
    def use_for_gate(self) -> bool:
        """Switches this gate to the chosen profile; False when that is not allowed or not a change."""
        if self._session is None or not self.use_button.isEnabled():
            return False
        name = str(self.gate_profile_combo.currentData() or "")
        try:
            started = self._session.use_profile(name)
        except (ProfileNotFoundError, ProfileError, OSError):
            self._note = self.tr("The profile {name} cannot be read; the gate keeps {current}.").format(
                name=name, current=self._gate_profile
            )
            started = False
        else:
            if started:
                self._switch_pending = True
                self._note = self.tr("Switching this gate to {name}...").format(name=name)
        self._update_state()
        return started

    def select_profile(self, name: str) -> None:
        index = self.profile_combo.findData(name)
        if index >= 0:
            self.profile_combo.setCurrentIndex(index)

    @Slot()
    def save(self) -> Profile | None:
        """Saves the editor's text as the next version; returns the saved profile (None if refused)."""
        if not self.save_button.isEnabled():
            return None
        try:
            saved = self._profiles.save(self._name, self.editor.toPlainText(), self._operator_id)
        except ProfileError as error:
            self._show_problems(error.problems)
            return None
        except ProfileStoreError as error:
            self._note = self.tr("The profile could not be saved: {error}").format(
                error=error.strerror or error
            )
            self._update_state()
            return None
        self._load(self._name)
        self._note = self.tr("Saved as version {version}. New passages are decided under {rules}.").format(
            version=saved.version, rules=saved.rules_version
        )
        self._update_state()
        return saved

    @Slot()
    def revert_to_shipped(self) -> None:
        """Puts the shipped text in the editor; saving it makes it the next version."""
        try:
            text = self._profiles.shipped_text(self._name)
        except ProfileNotFoundError:
            self._note = self.tr(
                "This profile was not shipped with the station; there is nothing to revert to."
            )
            self._update_state()
            return
        self.editor.setPlainText(text)
        self._note = self.tr("The shipped rules are in the editor. Save to use them.")
        self._update_state()

    # -- internals -----------------------------------------------------------------------------------------

    def _load(self, name: str) -> None:
        self._name = name
        self._note = ""
        try:
            text = self._profiles.text(name) if name else ""
        except (ProfileNotFoundError, OSError):
            text = ""
        self._loaded_text = text
        with QSignalBlocker(self.editor):
            self.editor.setPlainText(text)
        self._validate()

    def _select_gate_profile(self) -> None:
        with QSignalBlocker(self.gate_profile_combo):
            self.gate_profile_combo.setCurrentIndex(
                max(self.gate_profile_combo.findData(self._gate_profile), 0)
            )

    def _validate(self) -> None:
        try:
            self._valid = self._profiles.validate(self._name, self.editor.toPlainText())
            self._problems = ()
        except ProfileError as error:
            self._valid = None
            self._problems = error.problems
        self._update_state()

    def _show_problems(self, problems: tuple[ProfileProblem, ...]) -> None:
        self._valid = None
        self._problems = problems
        self._update_state()

    def _update_state(self) -> None:
        self.problems_list.clear()
        for problem in self._problems:
            self.problems_list.addItem(problem_text(problem))
        self.problems_list.setVisible(bool(self._problems))
        changed = self.editor.toPlainText() != self._loaded_text
        self.save_button.setEnabled(self._may_edit and self._valid is not None and changed)
        chosen = str(self.gate_profile_combo.currentData() or "")
        self.gate_profile_combo.setEnabled(self._may_edit and self._session is not None)
        self.use_button.setEnabled(
            self._may_edit
            and self._session is not None
            and not self._session.switching_profile
            and bool(chosen)
            and chosen != self._gate_profile
        )
        if not self._may_edit:
            status = self.tr("Only a shift leader or an administrator may change the rules.")
        elif self._problems:
            status = self.tr("{count} problem(s): fix them to save.").format(count=len(self._problems))
        elif self._valid is not None:
            status = self.tr("Valid: {rules} person rules, {vehicle} vehicle rules.").format(
                rules=len(self._valid.rules), vehicle=len(self._valid.vehicle_rules)
            )
        else:
            status = ""
        self.status_label.setText(" ".join(part for part in (status, self._note) if part))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings: gate rules"))
        self.profile_label.setText(self.tr("Profile:"))
        if self._session is not None:
            self.gate_label.setText(self.tr("This gate decides under:"))
        else:
            self.gate_label.setText(
                self.tr("This gate decides under: {name}").format(name=self._gate_profile)
            )
        chinese = QLocale().language() == QLocale.Language.Chinese
        for index in range(self.profile_combo.count()):
            name = str(self.profile_combo.itemData(index))
            title = ""
            try:
                profile = self._profiles.load(name)
                title = profile.title_zh if chinese else profile.title_en
            except (ProfileNotFoundError, ProfileError, OSError):
                pass
            self.profile_combo.setItemText(index, f"{title} ({name})" if title else name)
            self.gate_profile_combo.setItemText(index, f"{title} ({name})" if title else name)
        self.use_button.setText(self.tr("&Use for this gate"))
        self.use_button.setToolTip(
            self.tr("New passages at this gate are decided under the chosen profile; the switch is recorded.")
        )
        self.save_button.setText(self.tr("&Save"))
        self.revert_button.setText(self.tr("&Revert to shipped"))
        self.close_button.setText(self.tr("&Close"))
        self.editor.setToolTip(
            self.tr("Person facts: {person}\nVehicle facts: {vehicle}").format(
                person=", ".join(PERSON_FACTS), vehicle=", ".join(VEHICLE_FACTS)
            )
        )
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(int)
    def _on_profile_combo_current_index_changed(self, _index: int) -> None:
        name = str(self.profile_combo.currentData() or "")
        if name == self._name:
            return
        if self.editor.toPlainText() != self._loaded_text:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Discard the changes to {name}?").format(name=self._name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                with QSignalBlocker(self.profile_combo):
                    self.profile_combo.setCurrentIndex(self.profile_combo.findData(self._name))
                return
        self._load(name)

    @Slot(int)
    def _on_gate_profile_combo_current_index_changed(self, _index: int) -> None:
        self._update_state()

    @Slot(object)
    def _on_session_gate_changed(self, gate: Gate) -> None:
        self._switch_pending = False
        self._gate_profile = gate.profile
        self._select_gate_profile()
        rules = self._session.profile.rules_version if self._session is not None else gate.profile
        self._note = self.tr("This gate now decides under {rules}.").format(rules=rules)
        self.retranslate_ui()

    @Slot(str)
    def _on_session_record_failed(self, message: str) -> None:
        if not self._switch_pending:
            return  # a passage's failure: the station screen shows it
        self._switch_pending = False
        self._note = message
        self._select_gate_profile()
        self._update_state()

    @Slot()
    def _on_editor_text_changed(self) -> None:
        self._note = ""
        self._validate()
