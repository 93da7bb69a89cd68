"""The proposed outcome for the passage being decided, with every reason that led to it; the outcome colours,
words and icons the station shows.

An outcome is never told by colour alone (a gate operator or a person in the queue may not tell red from
green): each has its word and its own icon shape, a tick in a circle (pass), an exclamation mark in a
triangle (recheck), a cross in a circle (turn back) and a bar in an octagon (hold), drawn by
``paint_outcome_icon`` so they look the same whatever fonts the PC has.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkpoint.domain.records import Outcome, Reason
from checkpoint.station.texts import enum_text
from checkpoint.ui.style import repolish


@dataclass(frozen=True, slots=True)
class OutcomeColours:
    """A verdict band's colours: the band and what is written on it (contrast 4.5:1 or more)."""

    band: str
    ink: str


# One scheme everywhere an outcome is coloured (the outcome buttons and the verdict band in station.qss,
# the proposal, the occupants' rows): green PASS, blue CHECK (proposed only: the operator decides), amber
# TURN BACK, red HOLD. Amber for TURN BACK because the three final outcomes must differ at a glance, not
# only by word and icon: red is kept for HOLD, the case that is handed over and sounds the alarm, and
# green / amber / red reads like the traffic light everyone at a gate knows (go / turn round / stop).
# White on each fill: 5:1 or more.
OUTCOME_COLOURS: dict[Outcome, OutcomeColours] = {
    Outcome.PASS: OutcomeColours("#1e7d32", "#ffffff"),
    Outcome.RECHECK: OutcomeColours("#1f5f99", "#ffffff"),
    Outcome.TURN_BACK: OutcomeColours("#a35f00", "#ffffff"),
    Outcome.HOLD: OutcomeColours("#b3261e", "#ffffff"),
}


def verdict_word(outcome: Outcome) -> str:
    """The one big word for an outcome, as the person at the gate reads it from a distance."""
    words = {
        Outcome.PASS: QCoreApplication.translate("VerdictWords", "PASS"),
        Outcome.RECHECK: QCoreApplication.translate("VerdictWords", "CHECK"),
        Outcome.TURN_BACK: QCoreApplication.translate("VerdictWords", "TURN BACK"),
        Outcome.HOLD: QCoreApplication.translate("VerdictWords", "HOLD"),
    }
    return words[outcome]


def paint_outcome_icon(painter: QPainter, rect: QRectF, outcome: Outcome, colour: QColor) -> None:
    """The outcome's icon in ``colour``, centred in ``rect`` (a square of its shorter side)."""
    side = min(rect.width(), rect.height())
    box = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    stroke = max(2.0, side * 0.09)
    inner = box.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2)
    pen = QPen(colour, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    c = box.center()
    s = side
    if outcome is Outcome.PASS:
        painter.drawEllipse(inner)
        tick = QPainterPath(QPointF(c.x() - 0.24 * s, c.y() + 0.01 * s))
        tick.lineTo(QPointF(c.x() - 0.07 * s, c.y() + 0.18 * s))
        tick.lineTo(QPointF(c.x() + 0.25 * s, c.y() - 0.17 * s))
        painter.drawPath(tick)
    elif outcome is Outcome.RECHECK:
        triangle = QPolygonF(
            [
                QPointF(c.x(), inner.top()),
                QPointF(inner.right(), inner.bottom() - 0.06 * s),
                QPointF(inner.left(), inner.bottom() - 0.06 * s),
            ]
        )
        painter.drawPolygon(triangle)
        painter.drawLine(QPointF(c.x(), c.y() - 0.12 * s), QPointF(c.x(), c.y() + 0.16 * s))
        painter.drawPoint(QPointF(c.x(), c.y() + 0.31 * s))
    elif outcome is Outcome.TURN_BACK:
        painter.drawEllipse(inner)
        d = 0.18 * s
        painter.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
        painter.drawLine(QPointF(c.x() + d, c.y() - d), QPointF(c.x() - d, c.y() + d))
    else:
        radius = inner.width() / 2
        octagon = QPolygonF(
            [
                QPointF(
                    c.x() + radius * math.cos(math.pi / 8 + k * math.pi / 4),
                    c.y() + radius * math.sin(math.pi / 8 + k * math.pi / 4),
                )
                for k in range(8)
            ]
        )
        painter.drawPolygon(octagon)
        painter.drawLine(QPointF(c.x() - 0.22 * s, c.y()), QPointF(c.x() + 0.22 * s, c.y()))
    painter.restore()


class OutcomeIcon(QWidget):
    """An outcome's icon, in the colour of the text around it (the style sheet's colour for the label)."""

    def __init__(self, parent: QWidget | None = None, side: int = 40) -> None:
        super().__init__(parent)
        self._outcome = Outcome.RECHECK
        self._colour = QColor("#ffffff")
        self.setFixedSize(QSize(side, side))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def outcome(self) -> Outcome:
        return self._outcome

    def show_outcome(self, outcome: Outcome, colour: QColor) -> None:
        self._outcome = outcome
        self._colour = colour
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_outcome_icon(painter, QRectF(self.rect()), self._outcome, self._colour)
        painter.end()


class VerdictView(QWidget):
    """Shows a proposal: the outcome's icon and word in large coloured type and its reasons as a list.

    The style sheet colours it by the ``outcome`` property (pass / recheck / turn_back / hold).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._outcome = Outcome.RECHECK
        self._reasons: tuple[Reason, ...] = ()
        self._caption = QLabel(self)
        self._caption.setObjectName("sectionLabel")
        self.icon = OutcomeIcon(self)
        self._outcome_label = QLabel(self)
        self._outcome_label.setObjectName("verdictOutcome")
        self._reasons_label = QLabel(self)
        self._reasons_label.setObjectName("verdictReasons")
        self._reasons_label.setWordWrap(True)
        word = QHBoxLayout()
        word.setSpacing(10)
        word.addWidget(self.icon)
        word.addWidget(self._outcome_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._caption)
        layout.addLayout(word)
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
        self._show_icon()
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._show_icon()  # a theme switch recolours the word; the icon follows it
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._caption.setText(self.tr("Proposed"))
        self._outcome_label.setText(enum_text(self._outcome))
        self._reasons_label.setText("\n".join(f"• {enum_text(r)}" for r in self._reasons))

    def _show_icon(self) -> None:
        self._outcome_label.ensurePolished()
        colour = self._outcome_label.palette().color(self._outcome_label.foregroundRole())
        self.icon.show_outcome(self._outcome, colour)
