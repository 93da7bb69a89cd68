"""Asks for what the handover export needs: the format, the time window and the file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkpoint.station.exporting import FORMATS
from checkpoint.ui.qtime import from_qdatetime, to_qdatetime

EXPORT_FORMATS: tuple[str, ...] = FORMATS  # what the handover export writes (xlsx, pdf, csv)
_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


class ExportDialog(QDialog):
    """Format (XLSX / PDF / CSV, as the export service offers them), from / to (the caller's default: the
    current shift up to now) and a file path."""

    def __init__(
        self,
        since: datetime,
        until: datetime,
        folder: Path,
        stem: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._stem = stem
        self.format_combo = QComboBox(self)
        for fmt in EXPORT_FORMATS:
            self.format_combo.addItem(fmt.upper(), fmt)
        self.since_edit = QDateTimeEdit(to_qdatetime(since), self)
        self.until_edit = QDateTimeEdit(to_qdatetime(until), self)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_DATETIME_FORMAT)
        self.path_edit = QLineEdit(str(folder / f"{stem}.xlsx"), self)
        self.browse_button = QPushButton(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("dialogError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._format_caption = QLabel(self)
        self._since_caption = QLabel(self)
        self._until_caption = QLabel(self)
        self._file_caption = QLabel(self)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self._format_caption, self.format_combo)
        form.addRow(self._since_caption, self.since_edit)
        form.addRow(self._until_caption, self.until_edit)
        form.addRow(self._file_caption, path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(640)
        self.retranslate_ui()

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    @property
    def since(self) -> datetime:
        return from_qdatetime(self.since_edit.dateTime())

    @property
    def until(self) -> datetime:
        return from_qdatetime(self.until_edit.dateTime())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export handover"))
        self._format_caption.setText(self.tr("Format"))
        self._since_caption.setText(self.tr("From"))
        self._until_caption.setText(self.tr("To"))
        self._file_caption.setText(self.tr("File"))
        self.browse_button.setText(self.tr("Choose..."))

    @Slot(int)
    def _on_format_combo_changed(self, _index: int) -> None:
        current = self.path
        if current.suffix.lower().lstrip(".") in EXPORT_FORMATS:
            self.path_edit.setText(str(current.with_suffix(f".{self.fmt}")))

    @Slot()
    def _on_browse_clicked(self) -> None:
        pattern = self.tr("{name} files (*.{ext})").format(name=self.fmt.upper(), ext=self.fmt)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export handover"), str(self.path), pattern)
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != f".{self.fmt}":
                path = path.with_name(path.name + f".{self.fmt}")
            self.path_edit.setText(str(path))

    @Slot()
    def _on_buttons_accepted(self) -> None:
        problem = self._problem()
        if problem:
            self.error_label.setText(problem)
            return
        self.accept()

    def _problem(self) -> str:
        if not self.path_edit.text().strip():
            return self.tr("Choose a file to write.")
        if self.until <= self.since:
            return self.tr("The end of the window must be after its start.")
        if not self.path.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(folder=self.path.parent)
        return ""
