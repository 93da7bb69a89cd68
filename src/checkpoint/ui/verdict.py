"""The proposed outcome for the passage being decided, with every reason that led to it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from checkpoint.domain.records import Outcome, Reason
from checkpoint.station.texts import outcome_text, reason_text
from checkpoint.ui.style import repolish


class VerdictView(QWidget):
    """Shows a proposal: the outcome in large coloured type and its reasons as a list.

    The style sheet colours it by the ``outcome`` property (pass / recheck / turn_back / hold).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._outcome = Outcome.RECHECK
        self._reasons: tuple[Reason, ...] = ()
        self._caption = QLabel(self)
        self._caption.setObjectName("sectionLabel")
        self._outcome_label = QLabel(self)
        self._outcome_label.setObjectName("verdictOutcome")
        self._reasons_label = QLabel(self)
        self._reasons_label.setObjectName("verdictReasons")
        self._reasons_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._caption)
        layout.addWidget(self._outcome_label)
        layout.addWidget(self._reasons_label)
        layout.addStretch(1)
        self.retranslate_ui()

    @property
    def outcome(self) -> Outcome:
        return self._outcome

    def outcome_label_text(self) -> str:
        return self._outcome_label.text()

    def reasons_label_text(self) -> str:
        return self._reasons_label.text()

    def show_proposal(self, outcome: Outcome, reasons: tuple[Reason, ...]) -> None:
        changed = outcome is not self._outcome
        self._outcome = outcome
        self._reasons = reasons
        self.setProperty("outcome", outcome.value)
        if changed:
            repolish(self)
            for child in (self._outcome_label, self._reasons_label):
                repolish(child)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._caption.setText(self.tr("Proposed"))
        self._outcome_label.setText(outcome_text(self._outcome))
        self._reasons_label.setText("\n".join(f"• {reason_text(r)}" for r in self._reasons))
