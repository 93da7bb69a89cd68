"""The verdict band: a passage IS recorded, told over the whole station screen so it is read from 2 m.

Shown only once the passage is on disk. It covers the station screen in the outcome's colour with the
outcome's icon, one huge word (PASS / CHECK / TURN BACK / HOLD, 放行 / 复检 / 劝返 / 留观) and the main
reason, for the person at the gate as much as for the operator. The word is sized to the screen: its ink
height is about 40 % of the screen's height, as wide as the screen allows (``word_height_px``).

It never holds up the queue: it goes after ``duration_ms`` (``station/return_seconds``), on a tap, or as
soon as the station view says the next entry has begun (a scan, a key); it never takes the keyboard focus.
The camera stays live in a small inset at the top right (``show_frame``), so the next person can aim
their code while the verdict shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from checkpoint.domain.masking import mask_name
from checkpoint.domain.overrides import Override
from checkpoint.domain.records import Outcome, Passage, Reason
from checkpoint.station.scan import PreviewFrame
from checkpoint.station.texts import enum_text
from checkpoint.ui.verdict import OUTCOME_COLOURS, paint_outcome_icon, verdict_word

CONFIRMATION_MS = 4000
# Shares of the band's height: the word's ink, the caption line and the reason line.
WORD_SHARE = 0.40
CAPTION_SHARE = 0.055
REASON_SHARE = 0.07
LINE_GAP = 0.25  # between the two lines of a two-line word, in ink heights
LIVE_SHARE = 0.2  # the live camera inset's share of the band's width


def main_reason(reasons: tuple[Reason, ...]) -> Reason | None:
    """The reason the band names: the first the rules gave (the operator's own decision only when alone)."""
    for reason in reasons:
        if reason is not Reason.OPERATOR_DECISION:
            return reason
    return reasons[0] if reasons else None


class ConfirmationBand(QWidget):
    """The recorded outcome over the whole of its parent (the station screen); hidden when clear.

    Signals:
        expired(): the band went, after its duration or by a tap (the station returns to scanning).
    """

    expired = Signal()

    def __init__(self, parent: QWidget, duration_ms: int = CONFIRMATION_MS) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._passage: Passage | None = None
        self._override: Override | None = None
        self._outcome: Outcome | None = None
        self._text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duration_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._live: QImage | None = None  # the camera, inset, so people can aim their next code
        self._cover = parent
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    @property
    def outcome(self) -> Outcome | None:
        """The outcome on show, None when the band is clear."""
        return self._outcome

    @property
    def duration_ms(self) -> int:
        return self._timer.interval()

    def set_duration_ms(self, duration_ms: int) -> None:
        """How long a confirmation stays; 0 keeps it until the next one, a tap or ``clear``."""
        self._timer.setInterval(max(0, duration_ms))

    def text(self) -> str:
        """The caption line ("Recorded: Pass"); "" when clear."""
        return self._text

    def word(self) -> str:
        """The big word on show; "" when clear."""
        return verdict_word(self._outcome) if self._outcome is not None else ""

    def band_colour(self) -> QColor | None:
        """The band's colour on show; None when clear."""
        return QColor(OUTCOME_COLOURS[self._outcome].band) if self._outcome is not None else None

    def reason_text(self) -> str:
        """The main reason on show (with how many more there are); "" when clear or without reasons."""
        if self._passage is None:
            return ""
        if self._override is not None:  # the rules' reasons were for the outcome not recorded
            return self.tr("Override: {reason}").format(reason=enum_text(self._override.reason))
        reasons = self._passage.reasons
        reason = main_reason(reasons)
        if reason is None:
            return ""
        more = len([r for r in reasons if r is not Reason.OPERATOR_DECISION]) - 1
        text = enum_text(reason)
        if more > 0:
            text = self.tr("{reason} (+%n more)", "", more).format(reason=text)
        return text

    def word_font(self) -> QFont:
        """The font the word is painted with at the band's present size."""
        return self._word_layout()[0]

    def word_height_px(self) -> float:
        """The ink height of the word as painted (cap height for PASS, glyph height for 放行)."""
        font, lines = self._word_layout()
        metrics = QFontMetricsF(font)
        return max(metrics.tightBoundingRect(line).height() for line in lines)

    @Slot(object)
    def show_passage(self, passage: Passage, override: Override | None = None) -> None:
        """Shows a recorded passage; for an override the reason line says so and why."""
        self._passage = passage
        self._override = override
        self._outcome = passage.outcome
        self.retranslate_ui()
        self.setGeometry(self._cover.rect())
        self.raise_()
        self.show()
        self.update()
        if self._timer.interval() > 0:
            self._timer.start()

    @Slot(object)
    def show_frame(self, frame: PreviewFrame) -> None:
        """The newest camera frame, painted inset in the band's corner while it shows (only that corner
        is repainted), so the next person can aim their code while the verdict is on screen."""
        self._live = frame.image
        if self._outcome is not None:
            self.update(self.live_rect().toAlignedRect())

    def live_rect(self) -> QRectF:
        """Where the live camera picture goes: the top right corner, a fifth of the band's width."""
        w = float(self.width())
        margin = float(self.height()) * 0.04
        width = w * LIVE_SHARE
        aspect = 9 / 16
        if self._live is not None and not self._live.isNull() and self._live.width() > 0:
            aspect = self._live.height() / self._live.width()
        return QRectF(w - margin - width, margin, width, width * aspect)

    def clear(self) -> None:
        self._timer.stop()
        self._passage = None
        self._override = None
        self._outcome = None
        self._text = ""
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._cover and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._cover.rect())
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        if self._outcome is not None:
            self._text = self.tr("Recorded: {outcome}").format(outcome=enum_text(self._outcome))
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tap: the operator has seen it."""
        event.accept()
        self._on_timer_timeout()

    # Painting --------------------------------------------------------------------------------------

    def _subject_text(self) -> str:
        passage = self._passage
        if passage is None:
            return ""
        at = passage.at.astimezone().strftime("%H:%M:%S")
        if passage.vehicle is not None:
            who = self.tr("{plate} · %n person(s)", "", len(passage.persons)).format(
                plate=passage.vehicle.plate
            )
        elif passage.persons and passage.persons[0].name:
            who = mask_name(passage.persons[0].name)
        else:
            return f"{self._text} · {at}"
        return f"{self._text} · {who} · {at}"

    def _fonts(self) -> tuple[QFont, QFont]:
        """The caption's and the reason's fonts at the band's present height."""
        h = float(self.height())
        caption = QFont(self.font())
        caption.setBold(True)
        caption.setPixelSize(max(16, int(h * CAPTION_SHARE)))
        reason = QFont(self.font())
        reason.setPixelSize(max(18, int(h * REASON_SHARE)))
        return caption, reason

    def _boxes(self) -> tuple[QRectF, QRectF, QRectF]:
        """Where the caption, the word (with its icon) and the reason go."""
        w, h = float(self.width()), float(self.height())
        margin = h * 0.04
        caption_font, reason_font = self._fonts()
        caption_width = w - 3 * margin - w * LIVE_SHARE  # beside the live picture
        caption = QRectF(margin, margin, caption_width, QFontMetricsF(caption_font).lineSpacing())
        reason_height = 2 * QFontMetricsF(reason_font).lineSpacing()
        reason = QRectF(margin, h - margin - reason_height, w - 2 * margin, reason_height)
        top = max(caption.bottom(), self.live_rect().bottom())  # the word never runs under the live inset
        middle = QRectF(margin, top, w - 2 * margin, max(1.0, reason.top() - top))
        return caption, middle, reason

    def _word_layout(self) -> tuple[QFont, list[str]]:
        """The word's font and lines: its ink about ``WORD_SHARE`` of the band's height, on one line or,
        when that is too wide (TURN BACK on a narrow screen), on two, whichever is bigger."""
        word = self.word() or "PASS"
        _caption, middle, _reason = self._boxes()
        width = max(1.0, middle.width() - self._icon_side() * 1.25)
        target_ink = float(self.height()) * WORD_SHARE
        options = [[word]]
        if " " in word.strip():
            options.append(word.split(" ", 1))
        best: tuple[float, QFont, list[str]] | None = None
        for lines in options:
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(100)
            metrics = QFontMetricsF(font)
            ink = max(1.0, max(metrics.tightBoundingRect(line).height() for line in lines))
            wide = max(1.0, max(metrics.horizontalAdvance(line) for line in lines))
            block = len(lines) + LINE_GAP * (len(lines) - 1)  # in inks
            size = min(100 * target_ink / ink, 100 * middle.height() / (block * ink), 100 * width / wide)
            if best is None or size > best[0] + 1:
                best = (size, font, lines)
        assert best is not None
        size, font, lines = best
        font.setPixelSize(max(12, int(size)))
        return font, lines

    def _icon_side(self) -> float:
        return min(self.height() * 0.3, self.width() * 0.16)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._outcome is None:
            return
        colours = OUTCOME_COLOURS[self._outcome]
        ink = QColor(colours.ink)
        live = self.live_rect()
        if live.contains(QRectF(event.rect())):  # a new camera frame: only the inset changes
            painter = QPainter(self)
            self._paint_live(painter, live, QColor(colours.ink))
            painter.end()
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(self.rect(), QColor(colours.band))
        painter.setPen(ink)
        caption_font, reason_font = self._fonts()
        caption_box, middle, reason_box = self._boxes()

        painter.setFont(caption_font)
        painter.drawText(
            caption_box,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetricsF(caption_font).elidedText(
                self._subject_text(), Qt.TextElideMode.ElideRight, caption_box.width()
            ),
        )
        painter.setFont(reason_font)
        painter.drawText(
            reason_box,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
            self.reason_text(),
        )

        font, lines = self._word_layout()
        metrics = QFontMetricsF(font)
        side = self._icon_side()
        gap = side * 0.25
        word_width = max(metrics.horizontalAdvance(line) for line in lines)
        left = middle.left() + max(0.0, (middle.width() - side - gap - word_width) / 2)
        paint_outcome_icon(
            painter, QRectF(left, middle.center().y() - side / 2, side, side), self._outcome, ink
        )
        painter.setFont(font)
        tights = [metrics.tightBoundingRect(line) for line in lines]
        line_ink = max(t.height() for t in tights)
        block = line_ink * (len(lines) + LINE_GAP * (len(lines) - 1))
        top = middle.center().y() - block / 2
        for index, (line, tight) in enumerate(zip(lines, tights, strict=True)):
            line_top = top + index * line_ink * (1 + LINE_GAP)
            baseline = line_top + (line_ink - tight.height()) / 2 - tight.top()
            painter.drawText(QPointF(left + side + gap, baseline), line)
        self._paint_live(painter, live, ink)
        painter.end()

    def _paint_live(self, painter: QPainter, box: QRectF, ink: QColor) -> None:
        if self._live is None or self._live.isNull():
            return
        painter.drawImage(box, self._live)
        painter.setPen(QPen(ink, max(2.0, self.height() / 300)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.clear()
        self.expired.emit()
