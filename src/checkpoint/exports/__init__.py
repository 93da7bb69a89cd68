"""Files for people: the handover as XLSX and CSV. No widgets; words come from the caller's labels."""

from checkpoint.exports.csv_export import write_handover_csv
from checkpoint.exports.errors import ExportError, ExportErrorKind
from checkpoint.exports.labels import HandoverLabels
from checkpoint.exports.xlsx import write_handover_xlsx

__all__ = [
    "ExportError",
    "ExportErrorKind",
    "HandoverLabels",
    "write_handover_csv",
    "write_handover_xlsx",
]
