"""The log's anchor (``domain.anchor``) as the files print it, where the leaders sign.

Three lines: the caption, the explanation (the station, the record, the hash in groups of eight, and how
to check), and the anchor's exact text, which ``checkpoint db verify --anchor`` takes. The PDF adds a QR
code holding that same text (:func:`qr_modules`), so the sheet can be scanned instead of typed.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from checkpoint.domain.anchor import Anchor


@dataclass(frozen=True, slots=True)
class AnchorLines:
    caption: str
    explanation: str
    text: str


def anchor_lines(anchor: Anchor, caption: str, explanation: str) -> AnchorLines:
    """The anchor's lines in the labels' words (``explanation`` has ``{station}``, ``{seq}``, ``{hash}``)."""
    return AnchorLines(
        caption,
        explanation.format(station=anchor.station_id or "", seq=anchor.seq, hash=anchor.grouped_hash()),
        anchor.text(),
    )


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``text`` as rows of modules (True: dark), with the standard 4-module quiet zone."""
    code = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix_iter(scale=1, border=4))
