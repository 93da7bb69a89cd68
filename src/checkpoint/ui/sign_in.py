"""The sign-in screen: pick your name (or type it), type your PIN on the keypad or the keyboard.

Used at start, to switch operator, and as the lock screen (Ctrl+L). Big targets for gloves and touch;
the keyboard works throughout (digits, Backspace, Enter). The PIN is checked by ``AuthService`` on the
writer thread; the screen shows why a sign-in failed (a lock-out says until when).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.roles import PIN_MAX_DIGITS, OperatorAccount
from checkpoint.station.auth import AuthService
from checkpoint.station.texts import enum_text

KEY_SIZE = 76  # px: a gloved thumb
ROW_HEIGHT = 56  # px: one operator in the list
_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK")


class SignInPurpose(enum.Enum):
    START = "start"  # the station starts: giving up quits
    SWITCH = "switch"  # another operator (or the same one again, for their full rights); may be cancelled
    LOCK = "lock"  # the station is locked: only a sign-in opens it


class SignInView(QWidget):
    """Operator list, name field, PIN field, keypad and the message line.

    Signals:
        submitted(str, str): name and PIN, when OK or Enter is pressed with both given.
    """

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("signInTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.title.setFont(font)
        self.operators = QListWidget(self)
        self.operators.setMinimumWidth(260)
        list_font = self.operators.font()
        list_font.setPointSize(list_font.pointSize() + 5)
        self.operators.setFont(list_font)
        self.operators.currentItemChanged.connect(self._on_operators_current_item_changed)
        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.pin_label = QLabel(self)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(PIN_MAX_DIGITS)
        self.pin_edit.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", self.pin_edit))
        self.pin_edit.returnPressed.connect(self.submit)
        self.operators.itemActivated.connect(lambda _item: self.pin_edit.setFocus())
        self.name_edit.returnPressed.connect(self.pin_edit.setFocus)
        for edit in (self.name_edit, self.pin_edit):
            edit_font = edit.font()
            edit_font.setPointSize(edit_font.pointSize() + 6)
            edit.setFont(edit_font)
            edit.setMinimumHeight(48)
        self.keys: dict[str, QPushButton] = {}
        keypad = QGridLayout()
        keypad.setSpacing(8)
        for index, key in enumerate(_KEYS):
            button = QPushButton(key, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the PIN field
            button.setMinimumSize(KEY_SIZE, KEY_SIZE)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            key_font = button.font()
            key_font.setPointSize(key_font.pointSize() + 10)
            button.setFont(key_font)
            button.clicked.connect(lambda _checked=False, k=key: self._on_key(k))
            keypad.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")

        form = QVBoxLayout()
        form.addWidget(self.name_label)
        form.addWidget(self.name_edit)
        form.addWidget(self.pin_label)
        form.addWidget(self.pin_edit)
        form.addLayout(keypad, 1)
        columns = QHBoxLayout()
        columns.addWidget(self.operators, 1)
        columns.addLayout(form, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def set_accounts(self, accounts: list[OperatorAccount], preselect: str = "") -> None:
        """The operators who can sign in (enabled, with a PIN), ``preselect`` chosen if among them."""
        self.operators.clear()
        for account in accounts:
            if not account.can_sign_in:
                continue
            operator = account.operator
            item = QListWidgetItem(f"{operator.name}  ·  {enum_text(operator.role)}")
            item.setData(Qt.ItemDataRole.UserRole, operator.name)
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            self.operators.addItem(item)
            if operator.name == preselect:
                self.operators.setCurrentItem(item)
        if not self.name_edit.text() and preselect:
            self.name_edit.setText(preselect)
        (self.pin_edit if self.name_edit.text() else self.name_edit).setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.pin_edit.clear()
        self.pin_edit.setFocus()

    @Slot()
    def submit(self) -> None:
        name, pin = self.name_edit.text().strip(), self.pin_edit.text()
        if not name:
            self.message.setText(self.tr("Choose your name or type it."))
            self.name_edit.setFocus()
            return
        if not pin:
            self.message.setText(self.tr("Type your PIN."))
            self.pin_edit.setFocus()
            return
        self.submitted.emit(name, pin)

    def _on_key(self, key: str) -> None:
        if key == "OK":
            self.submit()
        elif key == "⌫":
            self.pin_edit.backspace()
        elif len(self.pin_edit.text()) < PIN_MAX_DIGITS:
            self.pin_edit.insert(key)
        self.pin_edit.setFocus()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_operators_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is not None:
            self.name_edit.setText(str(current.data(Qt.ItemDataRole.UserRole)))
            self.pin_edit.clear()
            self.pin_edit.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.name_label.setText(self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("choose from the list or type"))
        self.pin_label.setText(self.tr("PIN (4 to 8 digits)"))
        self.keys["OK"].setText(self.tr("OK"))
        self.keys["⌫"].setToolTip(self.tr("Delete the last digit"))


class SignInDialog(QDialog):
    """The sign-in screen as a modal dialog; accepted once ``auth`` signed someone in."""

    def __init__(self, auth: AuthService, purpose: SignInPurpose, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        self._purpose = purpose
        self._listening = True
        self.setModal(True)
        self.view = SignInView(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setMinimumHeight(48)
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setVisible(purpose is not SignInPurpose.LOCK)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.view.submitted.connect(self._on_view_submitted)
        auth.signed_in.connect(self._on_auth_signed_in)
        auth.sign_in_failed.connect(self._on_auth_sign_in_failed)
        self.resize(760, 560)
        self.retranslate_ui()
        self._load_accounts()

    @property
    def purpose(self) -> SignInPurpose:
        return self._purpose

    def _load_accounts(self) -> None:
        current = self._auth.operator
        preselect = current.name if current is not None and self._purpose is not SignInPurpose.START else ""
        self._auth.load_accounts(
            on_done=lambda accounts: self.view.set_accounts(accounts, preselect),
            on_failed=self._on_accounts_failed,
        )

    def _on_accounts_failed(self, text: str) -> None:
        self.view.message.setText(text)  # a typed name still signs in

    @Slot(str, str)
    def _on_view_submitted(self, name: str, pin: str) -> None:
        if self._auth.sign_in(name, pin):
            self.view.message.setText(self.tr("Checking..."))

    @Slot(object)
    def _on_auth_signed_in(self, _operator: object) -> None:
        if self.isVisible():
            self.accept()

    @Slot(str)
    def _on_auth_sign_in_failed(self, message: str) -> None:
        if self.isVisible():
            self.view.show_message(message)

    def reject(self) -> None:
        if self._purpose is SignInPurpose.LOCK:
            return  # a locked station opens only by a sign-in
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._purpose is SignInPurpose.LOCK:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._purpose is SignInPurpose.LOCK:
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if self._listening:  # the service outlives this dialog
            self._listening = False
            self._auth.signed_in.disconnect(self._on_auth_signed_in)
            self._auth.sign_in_failed.disconnect(self._on_auth_sign_in_failed)
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        titles = {
            SignInPurpose.START: self.tr("Sign in"),
            SignInPurpose.SWITCH: self.tr("Switch operator"),
            SignInPurpose.LOCK: self.tr("Station locked: sign in to continue"),
        }
        self.setWindowTitle(titles[self._purpose])
        self.view.title.setText(titles[self._purpose])
        self.cancel_button.setText(
            self.tr("Quit") if self._purpose is SignInPurpose.START else self.tr("Cancel")
        )
