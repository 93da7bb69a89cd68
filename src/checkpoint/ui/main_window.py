"""The main window: menus, the station and log screens, the message banner and the status bar.

Why one module of this length: every action, its shortcut and the role that may use it are declared
here in one place, which the keyboard help overlay and the permission greying read; screens and dialogs
live in their own modules and never call each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checkpoint import APP_NAME, __version__, paths
from checkpoint.camera.grabber import CameraStatus
from checkpoint.domain.records import Operator, Shift
from checkpoint.domain.roles import Permission
from checkpoint.domain.shift_handover import ShiftRecord
from checkpoint.station.auth import LOCK_KEY, SWITCH_KEY, refusal_text
from checkpoint.station.chain_check import DatabaseCheck
from checkpoint.station.chain_check_service import DatabaseCheckService, check_text
from checkpoint.station.device_settings import HOME_PROVINCE_KEY, DeviceSettings
from checkpoint.station.i18n import LANGUAGE_NAMES, LanguageSwitcher
from checkpoint.station.messages import MessageLevel
from checkpoint.station.operators import OperatorsService
from checkpoint.station.services import StationServices
from checkpoint.station.shifts import CloseContext, OpenContext
from checkpoint.station.texts import enum_text, load_problem_text
from checkpoint.ui.audit_view import AuditView
from checkpoint.ui.banner import MessageBanner
from checkpoint.ui.devices_settings import DevicesDialog
from checkpoint.ui.export_dialog import ExportDialog
from checkpoint.ui.help_overlay import HelpOverlay
from checkpoint.ui.import_dialog import ImportDialog
from checkpoint.ui.log_view import LogView
from checkpoint.ui.operators_dialog import OperatorsDialog
from checkpoint.ui.pass_dialog import IssuePassDialog
from checkpoint.ui.passage_detail import PassageDetailDialog
from checkpoint.ui.presence_view import PresenceView
from checkpoint.ui.print_preview import HandoverPrinter, PdfLoadError, PdfPrintPreview
from checkpoint.ui.residents_import import ResidentsImportDialog
from checkpoint.ui.residents_view import ResidentsView
from checkpoint.ui.settings_dialog import SettingsDialog
from checkpoint.ui.shift_dialogs import ClosedShiftDialog, CloseShiftDialog, OpenShiftDialog
from checkpoint.ui.sign_in import SignInDialog, SignInPurpose
from checkpoint.ui.station_view import StationView
from checkpoint.ui.style import THEME_KEY, Theme, apply_style, current_theme
from checkpoint.ui.trace_view import TraceView

STATION_KEY = QKeySequence(Qt.Key.Key_F1)
LOG_KEY = QKeySequence(Qt.Key.Key_F2)
TRACE_KEY = QKeySequence(Qt.Key.Key_F9)
AUDIT_KEY = QKeySequence(Qt.Key.Key_F10)
FULLSCREEN_KEY = QKeySequence(Qt.Key.Key_F11)
THEME_KEY_SEQUENCE = QKeySequence("Ctrl+Shift+T")
# F1 is the station screen: the keyboard help is Shift+F1 or Ctrl+/ (never a key a scanner types alone).
HELP_KEYS = (QKeySequence("Shift+F1"), QKeySequence("Ctrl+/"))
STATUS_MESSAGE_MS = 8000

_DialogT = TypeVar("_DialogT", bound=QDialog)


def _int_setting(value: object, default: int) -> int:
    try:
        return max(0, int(str(value)))
    except ValueError:
        return default


class _ActivityFilter(QObject):
    """Key presses, clicks and touches anywhere in the application keep a leader's rights alive."""

    _EVENTS = frozenset(
        {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel}
    )

    def __init__(self, touch: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._touch = touch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS:
            self._touch()
        return False


def describe_db(url: str) -> str:
    """The database as a person reads it: the file for SQLite, the URL without its password otherwise."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///") or ":memory:"
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


class MainWindow(QMainWindow):
    """The station's one window. Given the services and the language switcher; builds the two screens."""

    def __init__(
        self, services: StationServices, languages: LanguageSwitcher, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._languages = languages
        self._camera_status = CameraStatus.STARTING
        self._camera_detail = ""

        self.banner = MessageBanner(self)
        settings = services.settings
        self.station_view = StationView(
            services.scan,
            services.session,
            self,
            home_province=str(settings.value(HOME_PROVINCE_KEY, "")),
            return_seconds=_int_setting(settings.value("station/return_seconds", 5), 5),
        )
        self.log_view = LogView(services.log, services.session, self)
        self.trace_view = TraceView(
            services.tracing, services.messages, self, clock=services.clock, auth=services.auth
        )
        self.presence_view = PresenceView(services.presence, self, session=services.session)
        # One passage in full (log, tracing: double-click or Enter), and a leader's correction of it.
        self.passage_details = services.passages
        self.passage_dialog: PassageDetailDialog | None = None
        self.log_view.passage_opened.connect(self.open_passage_detail)
        self.trace_view.passage_opened.connect(self.open_passage_detail)
        # a correction is a new passage: the log, the counters and the presence lists count it
        self.passage_details.corrected.connect(self.log_view.model.append_passage)
        self.passage_details.corrected.connect(self.station_view.live_counters.add)
        self.passage_details.corrected.connect(services.presence.add)
        self._auth = services.auth
        # The audit trail is built only once a signed-in operator may read it.
        self.audit_view: AuditView | None = None
        if self._auth.allows(Permission.VIEW_AUDIT):
            self.audit_view = AuditView(services.audit, services.messages, self, clock=services.clock)
        self.lock_dialog: SignInDialog | None = None
        self.tabs = QTabWidget(self)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.station_view, "")
        self.tabs.addTab(self.log_view, "")
        self.tabs.addTab(self.trace_view, "")
        if self.audit_view is not None:
            self.tabs.addTab(self.audit_view, "")
        self.tabs.addTab(self.presence_view, "")
        self.residents_view = ResidentsView(services.session.residents, self, clock=services.clock)
        self.tabs.addTab(self.residents_view, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.gate_label = QLabel(self)
        self.operator_label = QLabel(self)
        self.shift_label = QLabel(self)
        self.camera_label = QLabel(self)
        self.db_label = QLabel(self)
        for label in (self.gate_label, self.operator_label, self.shift_label, self.camera_label):
            self.statusBar().addPermanentWidget(label)
        self.statusBar().addPermanentWidget(self.db_label, 1)

        self._build_menus()
        self.help_overlay = HelpOverlay(self)
        self.help_overlay.closed.connect(self._on_help_overlay_closed)
        self._gated: list[tuple[QAction, Permission, QShortcut | None]] = []
        self._build_gates()
        self._activity = _ActivityFilter(self._auth.touch, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._activity)
        self._auth.role_changed.connect(self._on_auth_role_changed)
        self._auth.expired.connect(services.messages.warning)
        self._auth.locked.connect(self._on_auth_locked)
        services.session.operator_changed.connect(self._on_session_operator_changed)
        services.messages.message.connect(self._on_messages_message)
        for problem in services.session.verifier.problems:
            services.messages.warning(load_problem_text(problem.what, problem.detail))
        services.scan.camera_status_changed.connect(self._on_scan_camera_status_changed)
        languages.language_changed.connect(self._on_languages_language_changed)

        self.resize(1366, 768)
        self.setMinimumSize(1024, 640)
        geometry = services.settings.value("ui/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.retranslate_ui()
        self.show_station()

    # Menus -----------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda: self.open_export_dialog())
        self.export_dialog: ExportDialog | None = None
        self._export_choice: UUID | None = None
        self._services.exports.shifts_ready.connect(self._on_exports_shifts_ready)
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence("Ctrl+Shift+P"))  # Ctrl+P belongs to the vehicle panel
        self.print_action.triggered.connect(lambda: self.print_handover())
        self.handover_printer = HandoverPrinter(
            self._services.exports, self._services.messages, self, clock=self._services.clock
        )
        self.handover_printer.pdf_ready.connect(self._on_handover_printer_pdf_ready)
        self.handover_printer.failed.connect(self._on_handover_printer_failed)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings_dialog)
        self.devices_action = QAction(self)
        self.devices_action.triggered.connect(self.open_devices_dialog)
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.import_action.triggered.connect(self.open_import_dialog)
        self.residents_import_action = QAction(self)
        self.residents_import_action.triggered.connect(self.open_residents_import_dialog)
        self.issue_pass_action = QAction(self)
        self.issue_pass_action.triggered.connect(self.open_issue_pass_dialog)
        self.pass_issuer = self._services.passes
        self.manual_action = QAction(self)
        self.manual_action.triggered.connect(self._on_manual_action_triggered)
        self.reload_trust_action = QAction(self)
        self.reload_trust_action.triggered.connect(self.reload_trust)
        self.verify_action = QAction(self)
        self.verify_action.triggered.connect(self.verify_database)
        self.database_check = DatabaseCheckService(
            self._services.writer, self._services.messages, clock=self._services.clock, parent=self
        )
        self.database_check.finished.connect(self._on_database_check_finished)
        self.database_check.failed.connect(self._on_database_check_failed)
        self.database_check.progress.connect(self._on_database_check_progress)
        self.verify_box: QMessageBox | None = None
        self.operators_action = QAction(self)
        self.operators_action.triggered.connect(self.open_operators_dialog)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence(LOCK_KEY))
        self.lock_action.triggered.connect(self.lock_station)
        self.switch_action = QAction(self)
        self.switch_action.setShortcut(QKeySequence(SWITCH_KEY))
        self.switch_action.triggered.connect(self.switch_operator)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addAction(self.issue_pass_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.devices_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.residents_import_action)
        self.file_menu.addAction(self.manual_action)
        self.file_menu.addAction(self.reload_trust_action)
        self.file_menu.addAction(self.verify_action)
        self.file_menu.addAction(self.operators_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.switch_action)
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.station_action = QAction(self)
        self.station_action.setShortcut(STATION_KEY)
        self.station_action.triggered.connect(self.show_station)
        self.log_action = QAction(self)
        self.log_action.setShortcut(LOG_KEY)
        self.log_action.triggered.connect(self.show_log)
        self.trace_action = QAction(self)
        self.trace_action.setShortcut(TRACE_KEY)
        self.trace_action.triggered.connect(self.show_trace)
        self.audit_action = QAction(self)
        self.audit_action.setShortcut(AUDIT_KEY)
        self.audit_action.triggered.connect(self.show_audit)
        self.fullscreen_action = QAction(self)
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.setShortcut(FULLSCREEN_KEY)
        self.fullscreen_action.toggled.connect(self._on_fullscreen_action_toggled)
        self.day_theme_action = QAction(self)
        self.day_theme_action.setCheckable(True)
        self.day_theme_action.setShortcut(THEME_KEY_SEQUENCE)
        app = QApplication.instance()
        self.day_theme_action.setChecked(isinstance(app, QApplication) and current_theme(app) is Theme.DAY)
        self.day_theme_action.toggled.connect(self._on_day_theme_action_toggled)
        for action in (
            self.station_action,
            self.log_action,
            self.trace_action,
            self.audit_action,
            self.fullscreen_action,
            self.day_theme_action,
        ):
            self.view_menu.addAction(action)

        self.language_menu = bar.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for language in self._languages.available_languages():
            action = QAction(LANGUAGE_NAMES[language], self)
            action.setCheckable(True)
            action.setChecked(language == self._languages.language)
            action.setData(language)
            action.triggered.connect(lambda _checked=False, lang=language: self.set_language(lang))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[language] = action

        self.shift_menu = bar.addMenu("")
        self.open_shift_action = QAction(self)
        self.open_shift_action.triggered.connect(self._services.shifts.request_open)
        self.close_shift_action = QAction(self)
        self.close_shift_action.triggered.connect(self._services.shifts.request_close)
        self.shift_menu.addAction(self.open_shift_action)
        self.shift_menu.addAction(self.close_shift_action)
        self._services.shifts.open_context_ready.connect(self.open_shift_dialog)
        self._services.shifts.close_context_ready.connect(self.close_shift_dialog)
        self._services.shifts.closed.connect(self._on_shifts_closed)
        self.closed_shift_dialog: ClosedShiftDialog | None = None
        self._services.shifts.shift_changed.connect(lambda _current: self._show_status())

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcuts(list(HELP_KEYS))
        self.shortcuts_action.triggered.connect(self.toggle_help)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)

    # Rights ----------------------------------------------------------------------------------------

    def _build_gates(self) -> None:
        """Each privileged action with its permission; a refused shortcut says why instead of nothing."""
        gates = (
            (self.export_action, Permission.EXPORT),
            (self.print_action, Permission.PRINT),
            (self.issue_pass_action, Permission.ISSUE_PASSES),
            (self.settings_action, Permission.SETTINGS),
            (self.import_action, Permission.IMPORT_WATCHLIST),
            (self.residents_import_action, Permission.IMPORT_RESIDENTS),
            (self.devices_action, Permission.DEVICES),
            (self.open_shift_action, Permission.OPEN_CLOSE_SHIFT),
            (self.close_shift_action, Permission.OPEN_CLOSE_SHIFT),
            (self.reload_trust_action, Permission.TRUST_LISTS),
            (self.trace_action, Permission.TRACE),
            (self.audit_action, Permission.VIEW_AUDIT),
            (self.verify_action, Permission.VIEW_AUDIT),
            (self.operators_action, Permission.MANAGE_OPERATORS),
        )
        for action, permission in gates:
            refusal: QShortcut | None = None
            if not action.shortcut().isEmpty():
                refusal = QShortcut(action.shortcut(), self)
                refusal.activated.connect(lambda p=permission: self.refuse(p))
            self._gated.append((action, permission, refusal))
        self._apply_rights()

    def _apply_rights(self) -> None:
        auth = self._auth
        for action, permission, refusal in self._gated:
            allowed = auth.allows(permission)
            action.setEnabled(allowed)
            if refusal is not None:
                refusal.setEnabled(not allowed)
        if self.audit_view is None and auth.allows(Permission.VIEW_AUDIT):
            self.audit_view = AuditView(
                self._services.audit, self._services.messages, self, clock=self._services.clock
            )
            self.tabs.insertTab(self.tabs.indexOf(self.trace_view) + 1, self.audit_view, "")
        self.tabs.setTabVisible(self.tabs.indexOf(self.trace_view), auth.allows(Permission.TRACE))
        if self.audit_view is not None:
            self.tabs.setTabVisible(self.tabs.indexOf(self.audit_view), auth.allows(Permission.VIEW_AUDIT))
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.show_station()

    def permit(self, permission: Permission) -> bool:
        """Whether the signed-in operator may do ``permission`` now; if not, says why (and audits it)."""
        if self._auth.allows(permission):
            return True
        self.refuse(permission)
        return False

    def refuse(self, permission: Permission) -> None:
        self._services.messages.warning(refusal_text(permission))
        self._auth.record_refusal(permission)

    @Slot()
    def lock_station(self) -> SignInDialog:
        """Ctrl+L: the sign-in screen covers the station until someone signs in."""
        self._auth.lock()
        assert self.lock_dialog is not None
        return self.lock_dialog

    @Slot()
    def switch_operator(self) -> SignInDialog:
        """Another operator (or the same one, to get their full rights back after the idle time)."""
        dialog = SignInDialog(self._auth, SignInPurpose.SWITCH, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.station_view.focus_scan_entry())
        dialog.open()
        return dialog

    @Slot()
    def _on_auth_locked(self) -> None:
        dialog = SignInDialog(self._auth, SignInPurpose.LOCK, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setGeometry(self.geometry())
        dialog.finished.connect(self._on_lock_dialog_finished)
        self.lock_dialog = dialog
        dialog.open()

    @Slot(int)
    def _on_lock_dialog_finished(self, _result: int) -> None:
        self.lock_dialog = None
        self.station_view.focus_scan_entry()

    @Slot(object)
    def _on_auth_role_changed(self, _role: object) -> None:
        self._apply_rights()
        self.retranslate_ui()

    @Slot(object)
    def _on_session_operator_changed(self, _operator: Operator) -> None:
        self._show_status()

    # Public ----------------------------------------------------------------------------------------

    @Slot()
    def show_station(self) -> None:
        self.tabs.setCurrentWidget(self.station_view)
        self.station_view.focus_scan_entry()

    @Slot()
    def show_log(self) -> None:
        self.tabs.setCurrentWidget(self.log_view)

    @Slot()
    def show_trace(self) -> None:
        if not self.permit(Permission.TRACE):
            return
        self.tabs.setCurrentWidget(self.trace_view)
        self.trace_view.plate_edit.setFocus()

    @Slot()
    def show_audit(self) -> None:
        """The audit trail, read afresh; nothing happens for an operator who may not read it."""
        if not self.permit(Permission.VIEW_AUDIT) or self.audit_view is None:
            return
        self.tabs.setCurrentWidget(self.audit_view)
        self.audit_view.refresh()

    @Slot()
    def toggle_help(self) -> None:
        """The keyboard help over the window; the same key closes it."""
        if self.help_overlay.isVisible():
            self.help_overlay.close_overlay()
        else:
            self.help_overlay.open()

    def set_theme(self, theme: Theme) -> None:
        """Night or day colours for the whole application, live, remembered for the next start."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, theme)
        self._services.settings.setValue(THEME_KEY, theme.value)
        if self.day_theme_action.isChecked() != (theme is Theme.DAY):
            self.day_theme_action.setChecked(theme is Theme.DAY)

    def set_language(self, language: str) -> None:
        """Switches the language live and remembers it for the next start."""
        self._languages.set_language(language)
        self._services.settings.setValue("ui/language", language)

    @Slot()
    def open_export_dialog(self, shift_id: UUID | None = None) -> None:
        """File > Export handover...: the gate's recent shifts are read first (on the writer thread), then
        the dialog opens on them, with ``shift_id`` (else the current shift) chosen."""
        if not self.permit(Permission.EXPORT):
            return
        self._export_choice = shift_id
        self._services.exports.request_shifts(self._services.session.gate.id)

    @Slot(list)
    def _on_exports_shifts_ready(self, shifts: list[ShiftRecord]) -> None:
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            return
        session = self._services.session
        now = self._services.clock()
        folder = paths.export_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.home()
        stem = self.tr("handover") + f"_{now.astimezone():%Y%m%d-%H%M}"
        dialog = ExportDialog(
            shifts,
            session.shift.opened_at,
            self._services.clock,
            folder,
            stem,
            self,
            chosen=self._export_choice,
        )
        dialog.accepted.connect(lambda: self._on_export_dialog_accepted(dialog))
        dialog.finished.connect(self._on_export_dialog_finished)
        self.export_dialog = self._show_modal(dialog)

    def _on_export_dialog_accepted(self, dialog: ExportDialog) -> None:
        # the export service reports the result on the message bus, which the banner shows
        self._services.exports.export_handover(
            dialog.path,
            dialog.fmt,
            dialog.since,
            dialog.until,
            operator_id=self._services.session.operator.id,
            shift_id=dialog.shift_id,
        )
        self.statusBar().showMessage(self.tr("Exporting to {path}...").format(path=dialog.path))

    @Slot(int)
    def _on_export_dialog_finished(self, _result: int) -> None:
        self.export_dialog = None

    @Slot()
    def print_handover(self, shift_id: UUID | None = None) -> None:
        """Writes the handover PDF of ``shift_id`` (else the current shift) on the writer thread; the
        preview opens when ready."""
        if not self.permit(Permission.PRINT):
            return
        self.handover_printer.write_shift(shift_id, operator_id=self._services.session.operator.id)
        self.statusBar().showMessage(self.tr("Preparing the handover for printing..."))

    @Slot()
    def open_issue_pass_dialog(self) -> IssuePassDialog | None:
        """File > Issue pass...: shift leaders and administrators sign, record and print a pass."""
        if not self.permit(Permission.ISSUE_PASSES):
            return None
        dialog = IssuePassDialog(self.pass_issuer, self._auth, self._services.clock, self)
        return self._show_modal(dialog)

    @Slot(object)
    def _on_shifts_closed(self, shift: Shift) -> None:
        """The close is on disk: the confirmation offers that shift's handover sheet at once."""
        dialog = ClosedShiftDialog(shift, self)
        dialog.export_requested.connect(self.open_export_dialog)
        dialog.print_requested.connect(self.print_handover)
        dialog.finished.connect(self._on_closed_shift_dialog_finished)
        self.closed_shift_dialog = self._show_modal(dialog)

    @Slot(int)
    def _on_closed_shift_dialog_finished(self, _result: int) -> None:
        self.closed_shift_dialog = None

    def open_print_preview(self, path: Path) -> PdfPrintPreview | None:
        """The print preview of a handover PDF (window-modal, not blocking); None if it cannot be opened."""
        try:
            preview = PdfPrintPreview(path, self)
        except PdfLoadError:
            self.handover_printer.cannot_open(path)
            return None
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()
        return preview

    @Slot(str)
    def _on_handover_printer_pdf_ready(self, path: str) -> None:
        self.statusBar().clearMessage()
        self.open_print_preview(Path(path))

    @Slot(str)
    def _on_handover_printer_failed(self, _message: str) -> None:
        self.statusBar().clearMessage()  # the banner shows the message

    def _show_modal(self, dialog: _DialogT) -> _DialogT:
        """Shows a window-modal dialog that deletes itself on close and gives the scan entry its focus
        back, so the next scan after any dialog lands in the station view."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.station_view.focus_scan_entry())
        dialog.setModal(True)
        dialog.show()
        return dialog

    @Slot(object)
    @Slot(object, bool)
    def open_passage_detail(self, passage_id: UUID, unmasked: bool = False) -> PassageDetailDialog:
        """A passage in full; ``unmasked`` only for tracing results already shown (and audited) in full."""
        if self.passage_dialog is not None:
            self.passage_dialog.close()
        dialog = PassageDetailDialog(
            self.passage_details,
            passage_id,
            unmasked=unmasked,
            auth=self._auth,
            fever_c=self._services.session.profile.thresholds.fever_c,
            parent=self,
        )
        dialog.finished.connect(self._on_passage_dialog_finished)
        self.passage_dialog = self._show_modal(dialog)
        return dialog

    @Slot(int)
    def _on_passage_dialog_finished(self, _result: int) -> None:
        self.passage_dialog = None

    @Slot(object)
    def open_shift_dialog(self, context: OpenContext) -> OpenShiftDialog:
        """Open shift (Shift menu), once the service has read what the previous leader handed over."""
        dialog = OpenShiftDialog(self._services.shifts, context, self)
        return self._show_modal(dialog)

    @Slot(object)
    def close_shift_dialog(self, context: CloseContext) -> CloseShiftDialog:
        """Close shift (Shift menu), once the service has counted the shift's passages."""
        dialog = CloseShiftDialog(self._services.shifts, context, self)
        return self._show_modal(dialog)

    @Slot()
    def open_settings_dialog(self) -> SettingsDialog | None:
        """The rules editor: administrators only (DESIGN: security rules; domain/roles.py)."""
        if not self.permit(Permission.SETTINGS):
            return None
        session = self._services.session
        dialog = SettingsDialog(
            session.profiles,
            session.gate.profile,
            session.operator.id,
            may_edit=self._auth.allows(Permission.RULES),
            session=session,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.show()
        return dialog

    @Slot()
    def open_devices_dialog(self) -> DevicesDialog:
        """Camera, scanners, sounds, barrier, verdict time; saved by shift leaders and administrators."""
        services = self._services
        dialog = DevicesDialog(
            services.devices,
            services.scan,
            may_edit=self._auth.allows(Permission.DEVICES),
            parent=self,
        )
        dialog.saved.connect(self._on_devices_dialog_saved)
        return self._show_modal(dialog)

    @Slot(object, list)
    def _on_devices_dialog_saved(self, values: DeviceSettings, _changed: list[str]) -> None:
        self.station_view.confirmation.set_duration_ms(values.return_seconds * 1000)
        self.station_view.vehicle_panel.plate.set_home(values.home_province)

    def open_import_dialog(self) -> ImportDialog | None:
        """Watchlist import: administrators only, like the rules."""
        if not self.permit(Permission.IMPORT_WATCHLIST):
            return None
        session = self._services.session
        dialog = ImportDialog(session.watchlists, session.operator.id, self)
        return self._show_modal(dialog)

    @Slot()
    def open_residents_import_dialog(self) -> ResidentsImportDialog:
        """File > Import residents...: the registry file's report, imported on confirm."""
        session = self._services.session
        dialog = ResidentsImportDialog(session.residents, session.operator.id, self)
        return self._show_modal(dialog)

    @Slot()
    def reload_trust(self) -> None:
        """Reads the trust folder, the pass keys and the platforms again (after the admin changed them)."""
        if not self.permit(Permission.TRUST_LISTS):
            return
        session = self._services.session
        problems = session.verifier.reload()
        for problem in problems:
            self._services.messages.warning(load_problem_text(problem.what, problem.detail))
        if not problems:
            verifier = session.verifier
            self._services.messages.info(
                self.tr(
                    "Reloaded: {certificates} EU signers, {keys} pass keys, {platforms} platforms."
                ).format(
                    certificates=len(verifier.trust),
                    keys=len(verifier.station_keys),
                    platforms=len(verifier.platforms),
                )
            )
        session.refresh_verification()

    @Slot()
    def verify_database(self) -> None:
        """File > Verify the database (leaders): checked beside the writer, the result shown when done."""
        if not self.permit(Permission.VIEW_AUDIT):
            return
        if self.database_check.verify(self._services.session.operator.id):
            self.statusBar().showMessage(self.tr("Verifying the database..."))

    @Slot(int, int)
    def _on_database_check_progress(self, checked: int, total: int) -> None:
        self.statusBar().showMessage(
            self.tr("Verifying the database: {checked} of about {total} records...").format(
                checked=checked, total=total
            )
        )

    @Slot(object)
    def _on_database_check_finished(self, check: DatabaseCheck) -> None:
        self.statusBar().clearMessage()
        self._show_verify_result(check.report.ok, check_text(check))

    @Slot(str)
    def _on_database_check_failed(self, text: str) -> None:
        self.statusBar().clearMessage()
        self._show_verify_result(False, text)

    def _show_verify_result(self, ok: bool, text: str) -> None:
        """The result in a window-modal box (never blocking); a failure also stays in the banner."""
        icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Critical
        box = QMessageBox(icon, self.tr("Verify the database"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_verify_box_finished)
        self.verify_box = box
        box.open()

    @Slot(int)
    def _on_verify_box_finished(self, _result: int) -> None:
        self.verify_box = None
        self.station_view.focus_scan_entry()

    def open_operators_dialog(self) -> OperatorsDialog | None:
        """File > Operators...: administrators add operators, set PINs, disable and enable them."""
        if not self.permit(Permission.MANAGE_OPERATORS):
            return None
        dialog = OperatorsDialog(OperatorsService(self._auth, clock=self._services.clock), self)
        dialog.service.setParent(dialog)
        return self._show_modal(dialog)

    @Slot()
    def _on_manual_action_triggered(self) -> None:
        self.show_station()
        self.station_view.open_manual_entry()

    # Events ----------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.WindowStateChange:
            # --fullscreen, the window manager or F11: the menu's check mark says what the window is
            full = self.isFullScreen()
            if self.fullscreen_action.isChecked() != full:
                self.fullscreen_action.blockSignals(True)
                self.fullscreen_action.setChecked(full)
                self.fullscreen_action.blockSignals(False)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._services.settings.setValue("ui/geometry", self.saveGeometry())
        self.database_check.stop()  # a verification under way ends with the window, unaudited
        super().closeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            self.tr("{app} - {gate}").format(app=APP_NAME, gate=self._services.session.gate.name)
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.export_action.setText(self.tr("&Export handover..."))
        self.print_action.setText(self.tr("&Print handover..."))
        self.issue_pass_action.setText(self.tr("Issue &pass (exit slip, resident, visitor, supply)..."))
        self.settings_action.setText(self.tr("&Settings / Rules..."))
        self.import_action.setText(self.tr("&Import watchlist..."))
        self.devices_action.setText(self.tr("&Devices (camera, scanner, sounds, barrier)..."))
        self.residents_import_action.setText(self.tr("Import &residents..."))
        self.manual_action.setText(self.tr("&Manual entry (no phone / platform down)..."))
        self.reload_trust_action.setText(self.tr("&Reload trust lists and keys"))
        self.verify_action.setText(self.tr("&Verify the database"))
        self.operators_action.setText(self.tr("&Operators..."))
        self.switch_action.setText(self.tr("S&witch operator..."))
        self.lock_action.setText(self.tr("&Lock the station"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.station_action.setText(self.tr("&Station"))
        self.log_action.setText(self.tr("&Log"))
        self.trace_action.setText(self.tr("&Tracing"))
        self.audit_action.setText(self.tr("&Audit trail"))
        self.fullscreen_action.setText(self.tr("&Full screen"))
        self.shift_menu.setTitle(self.tr("S&hift"))
        self.open_shift_action.setText(self.tr("&Open shift..."))
        self.close_shift_action.setText(self.tr("&Close shift..."))
        self.day_theme_action.setText(self.tr("&Day theme (light)"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        native = QKeySequence.SequenceFormat.NativeText
        self.tabs.setTabText(0, self.tr("Station ({key})").format(key=STATION_KEY.toString(native)))
        self.tabs.setTabText(1, self.tr("Log ({key})").format(key=LOG_KEY.toString(native)))
        self.tabs.setTabText(2, self.tr("Tracing ({key})").format(key=TRACE_KEY.toString(native)))
        if self.audit_view is not None:
            self.tabs.setTabText(
                self.tabs.indexOf(self.audit_view),
                self.tr("Audit trail ({key})").format(key=AUDIT_KEY.toString(native)),
            )
        self.tabs.setTabText(self.tabs.indexOf(self.presence_view), self.tr("Out / inside"))
        self.tabs.setTabText(self.tabs.indexOf(self.residents_view), self.tr("Residents"))
        self._show_status()

    def _show_status(self) -> None:
        session = self._services.session
        current = self._services.shifts.current
        shift = current.shift
        self.gate_label.setText(self.tr("Gate: {name}").format(name=session.gate.name))
        operator = session.operator
        role = enum_text(operator.role)
        if self._auth.expired_elevation:
            text = self.tr("Operator: {name} ({role}, rights expired)").format(name=operator.name, role=role)
        else:
            text = self.tr("Operator: {name} ({role})").format(name=operator.name, role=role)
        self.operator_label.setText(text)
        opened = f"{shift.opened_at.astimezone():%Y-%m-%d %H:%M}"
        if current.automatic:
            text = self.tr("Shift: {label} (automatic)").format(label=shift.label or opened)
        else:
            text = self.tr("Shift: {leader}, opened {time}").format(leader=current.leader, time=opened)
        self.shift_label.setText(text)
        self.camera_label.setText(enum_text(self._camera_status))
        self.camera_label.setToolTip(f"{self._services.scan.camera_spec}\n{self._camera_detail}".strip())
        self.db_label.setText(self.tr("Database: {db}").format(db=describe_db(self._services.db_url)))

    @property
    def camera_status(self) -> CameraStatus:
        return self._camera_status

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.station_view:
            self.station_view.focus_scan_entry()

    @Slot(bool)
    def _on_day_theme_action_toggled(self, on: bool) -> None:
        self.set_theme(Theme.DAY if on else Theme.NIGHT)

    @Slot()
    def _on_help_overlay_closed(self) -> None:
        if self.tabs.currentWidget() is self.station_view:
            self.station_view.focus_scan_entry()

    @Slot(bool)
    def _on_fullscreen_action_toggled(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr(
                "{app} {version}\n\nScan, decide and record every vehicle and person at a gate, offline."
            ).format(app=APP_NAME, version=__version__),
        )

    @Slot(int, str)
    def _on_messages_message(self, level: int, text: str) -> None:
        self.banner.show_message(level, text)
        if level < MessageLevel.ERROR:
            self.statusBar().showMessage(text, STATUS_MESSAGE_MS)
        else:
            self.statusBar().showMessage(text)

    @Slot(object, str)
    def _on_scan_camera_status_changed(self, status: CameraStatus, detail: str) -> None:
        self._camera_status = status
        self._camera_detail = detail
        self._show_status()

    @Slot(str)
    def _on_languages_language_changed(self, language: str) -> None:
        action = self.language_actions.get(language)
        if action is not None:
            action.setChecked(True)
