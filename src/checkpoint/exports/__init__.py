"""Files for people: the handover as XLSX and CSV, person lists (anomaly hand-off, tracing).

No widgets; words come from the caller's labels. The PDF writer (``exports.pdf``, reportlab) is imported
where it is used, so starting the station does not load reportlab.
"""

from checkpoint.exports.csv_export import write_handover_csv
from checkpoint.exports.errors import ExportError, ExportErrorKind
from checkpoint.exports.labels import HandoverLabels, PersonListLabels
from checkpoint.exports.xlsx import write_handover_xlsx

__all__ = [
    "ExportError",
    "ExportErrorKind",
    "HandoverLabels",
    "PersonListLabels",
    "write_handover_csv",
    "write_handover_xlsx",
]
