"""The override confirmation: recording an outcome milder than the proposed TURN BACK or HOLD.

One key never does it. The outcome key opens this dialog, which says in large type what the rules proposed
and why, and what the operator is about to record instead; it asks for a reason from a short list (a tap,
or its number key 1-6) or typed ("Other" needs the text); only then does Enter (or the big button) record
the passage with its override, in the operator's name. Esc (or Cancel) records nothing and leaves the entry
as it was. The outcome keys do nothing here, so pressing F5 twice can never pass anyone.

Built for gloves at night: every button at least 56 px high, 20 px text and more; colours from the theme.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.overrides import DETAIL_MAX, OVERRIDE_REASONS, OverrideReason, override_problems
from checkpoint.station.session import OverrideChoice, OverrideRequest
from checkpoint.station.texts import enum_text
from checkpoint.ui.style import repolish

_NUMBER_KEYS = {Qt.Key.Key_1 + index: reason for index, reason in enumerate(OVERRIDE_REASONS)}
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MIN_WIDTH = 960  # the reasons side by side with room to spare at 1366x768, English or Chinese


class OverrideDialog(QDialog):
    """Asks the operator to confirm an override and give its reason; ``choice()`` after Accept.

    The station view opens it when the session asks for an override (``override_required``), modal over
    the station screen.
    """

    def __init__(self, request: OverrideRequest, operator_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setModal(True)
        self._request = request
        self._operator = operator_name
        self.title = QLabel(self)
        self.title.setObjectName("overrideTitle")
        self.title.setWordWrap(True)
        self.proposed = QLabel(self)
        self.proposed.setObjectName("overrideOutcome")
        self.proposed.setProperty("outcome", request.proposed.value)
        self.because = QLabel(self)
        self.because.setObjectName("overrideBecause")
        self.because.setWordWrap(True)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("overrideOutcome")
        self.chosen.setProperty("outcome", request.chosen.value)
        self.ask = QLabel(self)
        self.ask.setObjectName("overrideAsk")
        self.ask.setWordWrap(True)
        self.reason_buttons: dict[OverrideReason, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for reason in OVERRIDE_REASONS:
            button = QPushButton(self)
            button.setObjectName("overrideReason")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, r=reason: self.choose(r))
            self._group.addButton(button)
            self.reason_buttons[reason] = button
        self.detail = QLineEdit(self)
        self.detail.setObjectName("overrideDetail")
        self.detail.setMaxLength(DETAIL_MAX)
        self.detail.textChanged.connect(self._on_detail_text_changed)
        self.problem = QLabel(self)
        self.problem.setObjectName("overrideProblem")
        self.problem.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("overrideNote")
        self.note.setWordWrap(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("overrideCancel")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("overrideConfirm")
        self.confirm_button.setProperty("outcome", request.chosen.value)
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self._reason: OverrideReason | None = None

        outcomes = QGridLayout()
        outcomes.setHorizontalSpacing(16)
        self._proposed_caption = QLabel(self)
        self._proposed_caption.setObjectName("overrideCaption")
        self._chosen_caption = QLabel(self)
        self._chosen_caption.setObjectName("overrideCaption")
        outcomes.addWidget(self._proposed_caption, 0, 0)
        outcomes.addWidget(self.proposed, 0, 1)
        outcomes.addWidget(self.because, 0, 2)
        outcomes.addWidget(self._chosen_caption, 1, 0)
        outcomes.addWidget(self.chosen, 1, 1)
        outcomes.setColumnStretch(2, 1)

        reasons = QGridLayout()
        reasons.setHorizontalSpacing(10)
        reasons.setVerticalSpacing(8)
        for index, button in enumerate(self.reason_buttons.values()):
            reasons.addWidget(button, index // 2, index % 2)

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button, 1)
        buttons.addWidget(self.confirm_button, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        self.setMinimumWidth(MIN_WIDTH)
        layout.addWidget(self.title)
        layout.addLayout(outcomes)
        layout.addWidget(self.ask)
        layout.addLayout(reasons)
        layout.addWidget(self.detail)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._update()

    # -- what the operator chose ---------------------------------------------------------------------

    @property
    def request(self) -> OverrideRequest:
        return self._request

    def reason(self) -> OverrideReason | None:
        return self._reason

    def choice(self) -> OverrideChoice:
        """The confirmed override (call after Accept)."""
        if self._reason is None:
            raise RuntimeError("no reason chosen")
        return OverrideChoice(self._request, self._reason, self.detail.text().strip())

    def choose(self, reason: OverrideReason) -> None:
        """Picks a reason (a tap or its number key); "Other" moves to the text field."""
        self._reason = reason
        self.reason_buttons[reason].setChecked(True)
        if reason is OverrideReason.OTHER:
            self.detail.setFocus(Qt.FocusReason.OtherFocusReason)
        self.problem.clear()
        self._update()

    def is_complete(self) -> bool:
        reason = self._reason
        if reason is None:
            return False
        request = self._request
        return not override_problems(request.proposed, request.chosen, reason, self.detail.text())

    # -- events --------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _ENTER_KEYS:
            self._on_confirm_clicked()
            return
        if plain and key in _NUMBER_KEYS and not self.detail.hasFocus():
            self.choose(_NUMBER_KEYS[Qt.Key(key)])
            return
        if key in (Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F7):
            self._say_what_is_missing()  # an outcome key again is not a confirmation
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        parent = self.parentWidget()
        if parent is not None:
            frame = self.frameGeometry()
            frame.moveCenter(parent.window().frameGeometry().center())
            self.move(frame.topLeft())
        self.activateWindow()  # the keys come here now, not to the station screen behind
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)  # number keys pick a reason at once

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        request = self._request
        chosen, proposed = enum_text(request.chosen), enum_text(request.proposed)
        self.setWindowTitle(self.tr("Override the proposal"))
        self.title.setText(
            self.tr("Record {chosen} instead of the proposed {proposed}?").format(
                chosen=chosen, proposed=proposed
            )
        )
        self._proposed_caption.setText(self.tr("Proposed"))
        self._chosen_caption.setText(self.tr("You record"))
        self.proposed.setText(proposed)
        self.chosen.setText(chosen)
        self.because.setText("   ".join(f"• {enum_text(r)}" for r in request.reasons))
        self.ask.setText(self.tr("Why? Pick a reason (keys 1–6) or choose Other and type it."))
        for index, (reason, button) in enumerate(self.reason_buttons.items(), start=1):
            button.setText(f"{index}   {enum_text(reason)}")
        self.detail.setPlaceholderText(self.tr("The reason in your words (needed for Other)"))
        self.note.setText(
            self.tr(
                "Recorded as an override in the name of {operator}: counted and listed on the handover "
                "sheet and the anomaly hand-off."
            ).format(operator=self._operator)
        )
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.confirm_button.setText(self.tr("Record {outcome} (Enter)").format(outcome=chosen))

    # -- internals -----------------------------------------------------------------------------------

    @Slot(str)
    def _on_detail_text_changed(self, text: str) -> None:
        if text.strip() and self._reason is None:
            self.choose(OverrideReason.OTHER)  # typing a reason is giving one
        self._update()

    @Slot()
    def _on_confirm_clicked(self) -> None:
        if self.is_complete():
            self.accept()
        else:
            self._say_what_is_missing()

    def _say_what_is_missing(self) -> None:
        if self._reason is None:
            self.problem.setText(self.tr("Pick a reason first: an override is never recorded without one."))
        elif self._reason is OverrideReason.OTHER and not self.detail.text().strip():
            self.problem.setText(self.tr("Type the reason for Other."))
            self.detail.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.problem.setText(self.tr("Press Enter to record, or Esc to go back."))
        self._update()

    def _update(self) -> None:
        complete = self.is_complete()
        if bool(self.confirm_button.property("ready")) != complete:
            self.confirm_button.setProperty("ready", complete)
            repolish(self.confirm_button)
        self.problem.setVisible(bool(self.problem.text()))
