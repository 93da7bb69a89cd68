"""A font that prints Chinese in the PDF exports, embedded when the system has one that can be.

reportlab embeds (a subset of) TrueType-outline fonts only; the common Noto Sans CJK ``.ttc`` files have
CFF (PostScript) outlines, which its ``TTFont`` refuses. So the search takes every Chinese-capable font
fontconfig knows (``fc-list :lang=zh file``) plus the usual file locations on Debian, Windows and macOS,
and keeps the first one ``TTFont`` accepts (WenQuanYi Micro/Zen Hei on Debian, ``fonts-wqy-microhei``;
Microsoft YaHei or SimHei on Windows). Without one, the PDF uses reportlab's built-in CID font
``STSong-Light``: always available and readable in every PDF viewer, but not embedded (the viewer
substitutes its own Song typeface), which the document's metadata and the log say.

``CHECKPOINT_PDF_FONT`` names a font file to use first (``path`` or ``path#index`` for a collection).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

FONT_ENV = "CHECKPOINT_PDF_FONT"
FALLBACK_CID_FONT = "STSong-Light"
REGISTERED_NAME = "CheckpointCJK"

# Known TrueType-outline CJK fonts, best first (fontconfig's list is tried after these).
KNOWN_FONT_FILES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)

_PROBE_TEXT = "交接班记录"


@dataclass(frozen=True, slots=True)
class PdfFont:
    """The font the PDF uses: ``name`` is registered with reportlab.

    ``path`` is the font file (None for the built-in CID font); ``embedded`` is False for the CID
    fallback, whose glyphs the viewer supplies.
    """

    name: str
    path: Path | None
    subfont_index: int
    embedded: bool

    def describe(self) -> str:
        if self.path is None:
            return f"{FALLBACK_CID_FONT} (built-in CID font, not embedded: no TrueType CJK font found)"
        index = f"#{self.subfont_index}" if self.subfont_index else ""
        return f"{self.path}{index} (embedded subset)"


def _fontconfig_files() -> list[tuple[Path, int]]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file", "index"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[tuple[Path, int]] = []
    for line in out.splitlines():
        # "/path/font.ttc: :index=1" (fields after the first ": ")
        path_text, _, rest = line.partition(":")
        index = 0
        if "index=" in rest:
            try:
                index = int(rest.split("index=", 1)[1].split(":")[0].strip())
            except ValueError:
                index = 0
        found.append((Path(path_text.strip()), index))
    return sorted(set(found), key=lambda item: (str(item[0]), item[1]))


def _candidates() -> list[tuple[Path, int]]:
    candidates: list[tuple[Path, int]] = []
    wanted = os.environ.get(FONT_ENV, "").strip()
    if wanted:
        path_text, _, index_text = wanted.partition("#")
        candidates.append((Path(path_text), int(index_text) if index_text.isdigit() else 0))
    candidates += [(Path(p), 0) for p in KNOWN_FONT_FILES]
    # TrueType outlines first: skip the OpenType/CFF files fontconfig lists (they would fail anyway,
    # but parsing a 20 MB collection to find out costs time).
    candidates += [(p, i) for p, i in _fontconfig_files() if p.suffix.lower() in (".ttf", ".ttc")]
    return candidates


def _try_truetype(path: Path, index: int) -> TTFont | None:
    if not path.is_file():
        return None
    try:
        font = TTFont(REGISTERED_NAME, str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as error:
        log.debug("font %s#%d not usable for the PDF: %s", path, index, error)
        return None
    # A font that cannot draw the title is no Chinese font, whatever fontconfig said.
    if not all(ord(ch) in font.face.charToGlyph for ch in _PROBE_TEXT):
        return None
    return font


_lock = threading.Lock()
_chosen: PdfFont | None = None


def pdf_font() -> PdfFont:
    """The font for Chinese text, registered with reportlab (found once per process)."""
    global _chosen
    with _lock:
        if _chosen is not None:
            return _chosen
        for path, index in _candidates():
            font = _try_truetype(path, index)
            if font is not None:
                pdfmetrics.registerFont(font)
                _chosen = PdfFont(REGISTERED_NAME, path, index, embedded=True)
                break
        else:
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
            _chosen = PdfFont(FALLBACK_CID_FONT, None, 0, embedded=False)
            log.warning("PDF exports use %s", _chosen.describe())
        return _chosen


def reset_font_choice() -> None:
    """Forget the chosen font, so the next ``pdf_font()`` searches again (tests, changed environment)."""
    global _chosen
    with _lock:
        _chosen = None
