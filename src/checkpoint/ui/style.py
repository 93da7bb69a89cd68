"""The station's look: one style sheet, ``resources/styles/station.qss``, applied to the whole application."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from checkpoint.paths import resources_dir

STYLE_FILE = "station.qss"


def stylesheet_path() -> Path:
    return resources_dir() / "styles" / STYLE_FILE


def load_stylesheet(path: Path | None = None) -> str:
    """The style sheet's text; raises ``OSError`` when the file cannot be read."""
    return (path or stylesheet_path()).read_text(encoding="utf-8")


def apply_style(app: QApplication, path: Path | None = None) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(load_stylesheet(path))


def repolish(widget: QWidget) -> None:
    """Re-applies the style sheet after a dynamic property the sheet selects on has changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
