"""The live camera picture with the decoder's detection boxes, and a clear notice when the camera is gone."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from checkpoint.camera.grabber import CameraStatus
from checkpoint.station.scan import Detection, PreviewFrame
from checkpoint.station.texts import enum_text

BOX_FADE_MS = 500
_FADE_TICK_MS = 33
_BOX_COLOUR = QColor(0, 230, 118)
_WORKING_STATUSES = frozenset({CameraStatus.LIVE, CameraStatus.STARTING})


class PreviewView(QWidget):
    """Shows the newest camera frame scaled to fit (aspect kept) and draws detection polygons over it.

    Boxes fade out over ``BOX_FADE_MS`` after the detection that produced them. When the camera is lost,
    ended or failed, an overlay says so and that the scanner and keyboard keep working.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self._image: QImage | None = None
        self._frame_index = -1
        self._boxes: list[tuple[QPolygonF, str]] = []
        self._boxes_age = QElapsedTimer()
        self._frame_age = QElapsedTimer()  # since the last frame: while frames flow, they repaint the fade
        self._fade_timer = QTimer(self)
        self._fade_timer.setInterval(_FADE_TICK_MS)
        self._fade_timer.timeout.connect(self._on_fade_timer_timeout)
        self._status = CameraStatus.STARTING
        self._status_detail = ""
        self._overlay_text = ""
        self.retranslate_ui()

    # What the view shows -------------------------------------------------------------------------

    @property
    def frame_index(self) -> int:
        """The index of the frame on screen (-1 before the first)."""
        return self._frame_index

    @property
    def camera_status(self) -> CameraStatus:
        return self._status

    @property
    def overlay_text(self) -> str:
        """The notice drawn over the picture ("" while the camera works)."""
        return self._overlay_text if self._status not in _WORKING_STATUSES else ""

    def box_count(self) -> int:
        """Detection boxes still visible (not yet faded out)."""
        if not self._boxes or self._boxes_age.elapsed() >= BOX_FADE_MS:
            return 0
        return len(self._boxes)

    # Slots ----------------------------------------------------------------------------------------

    @Slot(object)
    def show_frame(self, frame: PreviewFrame) -> None:
        self._image = frame.image
        self._frame_index = frame.index
        self._frame_age.start()
        self.update()

    @Slot(object)
    def show_detection(self, detection: Detection) -> None:
        if not detection.boxes:
            return  # let the last boxes fade instead of blinking off on the next empty frame
        self._boxes = list(detection.boxes)
        self._boxes_age.start()
        if not self._fade_timer.isActive():
            self._fade_timer.start()
        self.update()

    @Slot(object, str)
    def show_camera_status(self, status: CameraStatus, detail: str) -> None:
        self._status = status
        self._status_detail = detail
        self.retranslate_ui()
        self.update()

    # Qt plumbing ----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(960, 540)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        if self._status in (CameraStatus.LOST, CameraStatus.RECONNECTING):
            headline = self.tr("Camera lost, reconnecting")
        else:
            headline = enum_text(self._status)
        self._overlay_text = "\n".join((headline, self.tr("The scanner and the keyboard still work.")))
        self.setToolTip(self._status_detail)
        self.update()

    @Slot()
    def _on_fade_timer_timeout(self) -> None:
        if self._boxes_age.elapsed() >= BOX_FADE_MS:
            self._fade_timer.stop()
            self._boxes = []
        elif self._frame_age.isValid() and self._frame_age.elapsed() < 2 * _FADE_TICK_MS:
            return  # the camera's next frame repaints the boxes anyway: no second paint per frame
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(0, 0, 0))
        if self._image is not None and not self._image.isNull():
            target = self._target_rect(self._image.size())
            painter.drawImage(target, self._image)
            self._paint_boxes(painter, target)
        if self.overlay_text:
            self._paint_overlay(painter)
        painter.end()

    def _target_rect(self, size: QSize) -> QRectF:
        scaled = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - scaled.width()) / 2
        y = (self.height() - scaled.height()) / 2
        return QRectF(x, y, scaled.width(), scaled.height())

    def _paint_boxes(self, painter: QPainter, target: QRectF) -> None:
        if self._image is None:
            return
        age = self._boxes_age.elapsed() if self._boxes else BOX_FADE_MS
        if age >= BOX_FADE_MS:
            return
        colour = QColor(_BOX_COLOUR)
        colour.setAlphaF(max(0.0, 1.0 - age / BOX_FADE_MS))
        scale = target.width() / max(1, self._image.width())
        transform = QTransform()
        transform.translate(target.x(), target.y())
        transform.scale(scale, scale)
        # Without antialiasing: a 4 px outline costs 0.05 ms instead of about 1 ms, on every frame.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colour, 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for polygon, _text in self._boxes:
            painter.drawPolygon(transform.map(polygon))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_overlay(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), QColor(120, 0, 0, 170))
        font = QFont(self.font())
        font.setPointSizeF(max(14.0, self.height() / 20))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255))
        margin = self.width() * 0.05
        area = QRectF(QPointF(margin, margin), QPointF(self.width() - margin, self.height() - margin))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.overlay_text)
