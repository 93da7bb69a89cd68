"""Files for people: the handover as XLSX and CSV, person lists (anomaly hand-off, tracing).

No widgets; words come from the caller's labels. The PDF writer (``exports.pdf``, reportlab) is imported
where it is used, so starting the station does not load reportlab; the XLSX writers (openpyxl, a few
hundred ms to import) load on first use too (``write_handover_xlsx`` here is resolved lazily).
"""

from typing import TYPE_CHECKING, Any

from checkpoint.exports.csv_export import write_handover_csv
from checkpoint.exports.errors import ExportError, ExportErrorKind
from checkpoint.exports.labels import HandoverLabels, PersonListLabels

if TYPE_CHECKING:
    from checkpoint.exports.xlsx import write_handover_xlsx

__all__ = [
    "ExportError",
    "ExportErrorKind",
    "HandoverLabels",
    "PersonListLabels",
    "write_handover_csv",
    "write_handover_xlsx",
]


def __getattr__(name: str) -> Any:
    if name == "write_handover_xlsx":
        from checkpoint.exports.xlsx import write_handover_xlsx

        return write_handover_xlsx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
