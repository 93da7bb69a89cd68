"""Issue pass (File menu, shift leaders and administrators): the GUI of ``checkpoint passes issue``.

The kind (exit slip, resident pass, visitor pre-registration, supply-vehicle pass), its fields and its
validity; Issue signs and records it through the same station service as the command
(``station/passes.py``), and only once it is on record is the card shown: the QR code large, with its
caption, to print on the station's printer or save as a PNG.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Slot
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from checkpoint import paths
from checkpoint.domain.credentials import PassKind
from checkpoint.domain.roles import Permission
from checkpoint.station.auth import AuthService, refusal_text
from checkpoint.station.pass_card import PassCardError, render_pass_card, write_pass_card
from checkpoint.station.passes import DEFAULT_DAYS, KIND_FIELDS, NUMBER_FIELDS, IssuedCard, PassIssueService
from checkpoint.station.texts import enum_text
from checkpoint.ui.qtime import minute_start, show_minute

TOUCH_HEIGHT = 48
CARD_SIDE = 460  # the card as shown: a QR code a phone or scanner reads off the screen too
_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def paint_card(image: QImage, printer: QPrinter) -> None:
    """The card on one page, centred, as large as fits with its aspect kept."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        size = image.size().scaled(QSize(area.width(), area.height()), Qt.AspectRatioMode.KeepAspectRatio)
        x = (area.width() - size.width()) // 2
        painter.drawImage(QRect(x, 0, size.width(), size.height()), image)
    finally:
        painter.end()


class IssuePassDialog(QDialog):
    """Given the pass service, the sign-in service (who issues), the station's clock, and the folder the
    Save PNG dialog starts in."""

    def __init__(
        self,
        service: PassIssueService,
        auth: AuthService,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._auth = auth
        self._clock = clock
        self._folder = folder or paths.export_dir()
        self.card: IssuedCard | None = None
        self.card_image: QImage | None = None
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.print_dialog: QPrintDialog | None = None
        self.save_dialog: QFileDialog | None = None

        self.kind_combo = QComboBox(self)
        for kind in PassKind:
            self.kind_combo.addItem(enum_text(kind), kind)
        self.fields_stack = QStackedWidget(self)
        self.inputs: dict[PassKind, dict[str, QLineEdit | QSpinBox]] = {}
        self._field_captions: list[tuple[QLabel, str]] = []
        for kind in PassKind:
            page = QWidget(self.fields_stack)
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            widgets: dict[str, QLineEdit | QSpinBox] = {}
            for name in KIND_FIELDS[kind]:
                widget: QLineEdit | QSpinBox
                if name in NUMBER_FIELDS:
                    spin = QSpinBox(page)
                    spin.setRange(1, 366 if name == "exit_every_days" else 24 * 31)
                    spin.setValue(NUMBER_FIELDS[name])
                    widget = spin
                else:
                    widget = QLineEdit(page)
                    widget.setMaxLength(200)
                    widget.returnPressed.connect(self.issue)
                widget.setMinimumHeight(TOUCH_HEIGHT)
                caption = QLabel(page)
                self._field_captions.append((caption, name))
                form.addRow(caption, widget)
                widgets[name] = widget
            self.inputs[kind] = widgets
            self.fields_stack.addWidget(page)
        self.from_edit = QDateTimeEdit(self)
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat(_DATETIME_FORMAT)
        show_minute(self.from_edit, clock())
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, 3660)
        self.until_label = QLabel(self)
        self.issue_button = QPushButton(self)
        self.issue_button.setDefault(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("dialogError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.card_label = QLabel(self)
        self.card_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_label.setMinimumSize(CARD_SIDE, CARD_SIDE)
        self.card_label.setStyleSheet("background: white; color: #444;")
        self.card_label.setWordWrap(True)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for control in (
            self.kind_combo,
            self.from_edit,
            self.days_spin,
            self.issue_button,
            self.print_button,
            self.save_button,
            self.close_button,
        ):
            control.setMinimumHeight(TOUCH_HEIGHT)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)

        self._captions = {key: QLabel(self) for key in ("kind", "from", "days")}
        form = QFormLayout()
        form.addRow(self._captions["kind"], self.kind_combo)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.fields_stack)
        validity = QFormLayout()
        validity.addRow(self._captions["from"], self.from_edit)
        validity.addRow(self._captions["days"], self.days_spin)
        validity.addRow("", self.until_label)
        left.addLayout(validity)
        left.addWidget(self.issue_button)
        left.addWidget(self.error_label)
        left.addStretch(1)
        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.print_button)
        card_buttons.addWidget(self.save_button)
        card_buttons.addStretch(1)
        card_buttons.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.card_label, 1)
        right.addLayout(card_buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.from_edit.dateTimeChanged.connect(self._show_until)
        self.days_spin.valueChanged.connect(self._show_until)
        self.issue_button.clicked.connect(self.issue)
        self.print_button.clicked.connect(self.open_print_dialog)
        self.save_button.clicked.connect(self.open_save_dialog)
        self.close_button.clicked.connect(self.accept)
        service.issued.connect(self._on_service_issued)
        service.failed.connect(self._on_service_failed)
        self.resize(1180, 680)
        self.retranslate_ui()
        self._on_kind_combo_changed(0)
        self._show_card()

    # The request -----------------------------------------------------------------------------------

    @property
    def kind(self) -> PassKind:
        return PassKind(self.kind_combo.currentData())

    def field_values(self) -> dict[str, str | int]:
        return {
            name: widget.value() if isinstance(widget, QSpinBox) else widget.text().strip()
            for name, widget in self.inputs[self.kind].items()
        }

    def set_kind(self, kind: PassKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    @Slot(int)
    def _on_kind_combo_changed(self, _index: int) -> None:
        self.fields_stack.setCurrentIndex(self.kind_combo.currentIndex())
        self.days_spin.setValue(DEFAULT_DAYS[self.kind])
        self.error_label.clear()
        self._show_until()

    @Slot()
    def _show_until(self) -> None:
        until = minute_start(self.from_edit.dateTime()) + timedelta(days=self.days_spin.value())
        self.until_label.setText(
            self.tr("Valid until {time}").format(time=f"{until.astimezone():%Y-%m-%d %H:%M}")
        )

    @Slot()
    def issue(self) -> None:
        """Issue: checked here for empty fields, then signed and recorded by the service."""
        operator = self._auth.operator
        if operator is None or not self._auth.allows(Permission.ISSUE_PASSES):
            self._auth.record_refusal(Permission.ISSUE_PASSES)
            self.error_label.setText(refusal_text(Permission.ISSUE_PASSES))
            return
        values = self.field_values()
        empty = [name for name, value in values.items() if value == ""]
        if empty:
            self.error_label.setText(
                self.tr("Fill in: {fields}").format(fields=", ".join(self._caption(n) for n in empty))
            )
            self.inputs[self.kind][empty[0]].setFocus()
            return
        self.error_label.clear()
        self.issue_button.setEnabled(False)  # until the service answers
        started = self._service.issue(
            self.kind,
            values,
            operator,
            valid_from=minute_start(self.from_edit.dateTime()),
            days=self.days_spin.value(),
        )
        if not started:
            self.issue_button.setEnabled(True)

    @Slot(object)
    def _on_service_issued(self, card: IssuedCard) -> None:
        self.issue_button.setEnabled(True)
        self.card = card
        self.card_image = render_pass_card(card.payload, card.caption)
        self._show_card()

    @Slot(str)
    def _on_service_failed(self, message: str) -> None:
        self.issue_button.setEnabled(True)
        self.error_label.setText(message)

    def _show_card(self) -> None:
        has_card = self.card_image is not None
        self.print_button.setEnabled(has_card)
        self.save_button.setEnabled(has_card)
        if self.card_image is None:
            self.card_label.setPixmap(QPixmap())
            self.card_label.setText(
                self.tr("The pass's QR code appears here once it is issued and recorded.")
            )
            return
        side = max(CARD_SIDE, min(self.card_label.width(), self.card_label.height()))
        pixmap = QPixmap.fromImage(self.card_image).scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.card_label.setPixmap(pixmap)

    # Print and save --------------------------------------------------------------------------------

    @Slot()
    def open_print_dialog(self) -> QPrintDialog | None:
        if self.card_image is None:
            return None
        dialog = QPrintDialog(self.printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_print_dialog_finished)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)  # never blocking: no exec()
        self.print_dialog = dialog
        dialog.show()
        return dialog

    @Slot(int)
    def _on_print_dialog_finished(self, result: int) -> None:
        self.print_dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.print_card(self.printer)

    def print_card(self, printer: QPrinter) -> None:
        """The card on ``printer`` (one page)."""
        if self.card_image is None:
            return
        try:
            paint_card(self.card_image, printer)
        except OSError:
            self.error_label.setText(self.tr("The printer could not be started."))

    @Slot()
    def open_save_dialog(self) -> QFileDialog | None:
        if self.card is None:
            return None
        content = self.card.content
        name = f"{content.kind.value}-{str(content.pass_id)[:8]}.png"
        dialog = QFileDialog(self, self.tr("Save the pass card"), str(self._folder / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PNG image (*.png)"))
        dialog.setDefaultSuffix("png")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the station's size and language
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_png)
        dialog.finished.connect(self._on_save_dialog_finished)
        self.save_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_save_dialog_finished(self, _result: int) -> None:
        self.save_dialog = None

    @Slot(str)
    def save_png(self, chosen: str) -> None:
        if self.card is None or not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        try:
            write_pass_card(self.card.payload, self.card.caption, path)
        except PassCardError as error:
            self.error_label.setText(self.tr("The card was not saved: {detail}").format(detail=error))
            return
        self.error_label.setText(self.tr("Card saved: {path}").format(path=path))

    # Text ------------------------------------------------------------------------------------------

    def _caption(self, name: str) -> str:
        return {
            "household_id": self.tr("Household (e.g. 3-2-501)"),
            "member_name": self.tr("Member's name"),
            "exit_every_days": self.tr("One exit every (days)"),
            "return_within_hours": self.tr("Back within (hours)"),
            "name": self.tr("Name"),
            "building": self.tr("Building"),
            "unit": self.tr("Unit"),
            "visitor_name": self.tr("Visitor's name"),
            "host_household_id": self.tr("Host household"),
            "host_name": self.tr("Host's name"),
            "purpose": self.tr("Purpose"),
            "plate": self.tr("Plate"),
            "route": self.tr("Route"),
            "company": self.tr("Company"),
        }.get(name, name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Issue pass"))
        self._captions["kind"].setText(self.tr("Kind"))
        self._captions["from"].setText(self.tr("Valid from"))
        self._captions["days"].setText(self.tr("Valid for (days)"))
        for index, kind in enumerate(PassKind):
            self.kind_combo.setItemText(index, enum_text(kind))
        for caption, name in self._field_captions:
            caption.setText(self._caption(name))
        self.issue_button.setText(self.tr("&Issue and record"))
        self.print_button.setText(self.tr("&Print..."))
        self.save_button.setText(self.tr("&Save PNG..."))
        self.close_button.setText(self.tr("Close"))
        self._show_until()
        self._show_card()
