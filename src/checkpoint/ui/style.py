"""The station's look: one style sheet template, ``resources/styles/station.qss``, in a night or a day theme.

The template names its colours (``@window@``, ``@text@``...); ``resources/styles/themes.toml`` gives each
theme's colours. The night theme is dark for the night shift and dim booths; the day theme is light for
sunlight on the screen. The application palette follows the theme too, so whatever the sheet does not
style (Qt's own dialogs, tool tips) matches. The operator's choice is kept in ``ui/theme``.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from checkpoint.domain.documents import load_toml
from checkpoint.paths import resources_dir

STYLE_FILE = "station.qss"
THEMES_FILE = "themes.toml"
THEME_KEY = "ui/theme"
_PLACEHOLDER = re.compile(r"@([a-z_]+)@")


class Theme(enum.StrEnum):
    NIGHT = "night"
    DAY = "day"


DEFAULT_THEME = Theme.NIGHT


def stylesheet_path() -> Path:
    return resources_dir() / "styles" / STYLE_FILE


def themes_path() -> Path:
    return resources_dir() / "styles" / THEMES_FILE


def theme_colours(theme: Theme, path: Path | None = None) -> dict[str, str]:
    """The colours of ``theme`` by name; raises ``OSError`` or ``ValueError`` (not TOML, too large or
    nested too deep) for a bad file."""
    text = (path or themes_path()).read_text(encoding="utf-8")
    table = load_toml(text, max_chars=256 * 1024, max_depth=4)  # a shipped file, read like any other
    return {str(name): str(value) for name, value in table[theme.value].items()}


def load_stylesheet(theme: Theme = DEFAULT_THEME, path: Path | None = None) -> str:
    """The style sheet for ``theme``; raises ``OSError`` when a file cannot be read and ``KeyError``
    when the template names a colour the theme does not give."""
    colours = theme_colours(theme)
    template = (path or stylesheet_path()).read_text(encoding="utf-8")
    return _PLACEHOLDER.sub(lambda match: colours[match.group(1)], template)


def theme_palette(theme: Theme) -> QPalette:
    """A palette in the theme's colours for what the style sheet does not reach."""
    colours = theme_colours(theme)
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "window",
        QPalette.ColorRole.WindowText: "text",
        QPalette.ColorRole.Base: "field",
        QPalette.ColorRole.AlternateBase: "table_alt",
        QPalette.ColorRole.Text: "text",
        QPalette.ColorRole.Button: "field",
        QPalette.ColorRole.ButtonText: "text",
        QPalette.ColorRole.ToolTipBase: "panel",
        QPalette.ColorRole.ToolTipText: "text",
        QPalette.ColorRole.PlaceholderText: "muted",
        QPalette.ColorRole.Highlight: "highlight",
    }
    for role, name in roles.items():
        palette.setColor(role, QColor(colours[name]))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


def theme_from_settings(settings: QSettings) -> Theme:
    """The theme the operator chose last (night when none, or when the value is not a theme)."""
    try:
        return Theme(str(settings.value(THEME_KEY, DEFAULT_THEME.value)))
    except ValueError:
        return DEFAULT_THEME


def current_theme(app: QApplication) -> Theme:
    """The theme applied last by ``apply_style`` (night before any)."""
    value = app.property("checkpointTheme")
    try:
        return Theme(str(value)) if value else DEFAULT_THEME
    except ValueError:
        return DEFAULT_THEME


def apply_style(app: QApplication, theme: Theme = DEFAULT_THEME, path: Path | None = None) -> None:
    app.setStyle("Fusion")
    app.setPalette(theme_palette(theme))
    app.setStyleSheet(load_stylesheet(theme, path))
    app.setProperty("checkpointTheme", theme.value)


def repolish(widget: QWidget) -> None:
    """Re-applies the style sheet after a dynamic property the sheet selects on has changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
