"""Words for the shift leaders' records: problems, counts, item conditions, and the sheet's captions.

The enum tables are module data marked with ``QT_TRANSLATE_NOOP`` (context "ShiftTexts"), translated one
entry at a time by ``shift_enum_text``, as in ``station/texts.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from checkpoint.domain.shift_handover import (
    Finding,
    ItemCondition,
    ItemStatus,
    MatterDecision,
    Metric,
    Problem,
)
from checkpoint.exports.labels import ShiftSheetLabels
from checkpoint.station.i18n import QT_TRANSLATE_NOOP

_METRIC: dict[Metric, str] = {
    Metric.VEHICLES: QT_TRANSLATE_NOOP("ShiftTexts", "Vehicles"),
    Metric.PERSONS: QT_TRANSLATE_NOOP("ShiftTexts", "Persons"),
    Metric.PERSONS_IN: QT_TRANSLATE_NOOP("ShiftTexts", "Persons in"),
    Metric.PERSONS_OUT: QT_TRANSLATE_NOOP("ShiftTexts", "Persons out"),
    Metric.PASSED: QT_TRANSLATE_NOOP("ShiftTexts", "Passed (passages)"),
    Metric.TURNED_BACK: QT_TRANSLATE_NOOP("ShiftTexts", "Turned back (passages)"),
    Metric.HELD: QT_TRANSLATE_NOOP("ShiftTexts", "Held, handed over (passages)"),
    Metric.FEVER: QT_TRANSLATE_NOOP("ShiftTexts", "Fever (persons)"),
    Metric.ANOMALIES: QT_TRANSLATE_NOOP("ShiftTexts", "Anomalies handed over (passages)"),
}


_ITEM_CONDITION: dict[ItemCondition, str] = {
    ItemCondition.GOOD: QT_TRANSLATE_NOOP("ShiftTexts", "Good"),
    ItemCondition.DAMAGED: QT_TRANSLATE_NOOP("ShiftTexts", "Damaged"),
    ItemCondition.MISSING: QT_TRANSLATE_NOOP("ShiftTexts", "Missing"),
}


_ITEM_STATUS: dict[ItemStatus, str] = {
    ItemStatus.OK: QT_TRANSLATE_NOOP("ShiftTexts", "As received"),
    ItemStatus.SHORT: QT_TRANSLATE_NOOP("ShiftTexts", "Fewer than received"),
    ItemStatus.MORE: QT_TRANSLATE_NOOP("ShiftTexts", "More than received"),
    ItemStatus.NEW: QT_TRANSLATE_NOOP("ShiftTexts", "Not received at the opening"),
    ItemStatus.DAMAGED: QT_TRANSLATE_NOOP("ShiftTexts", "Damaged"),
    ItemStatus.MISSING: QT_TRANSLATE_NOOP("ShiftTexts", "Missing"),
}


_MATTER_DECISION: dict[MatterDecision, str] = {
    MatterDecision.ACKNOWLEDGED: QT_TRANSLATE_NOOP("ShiftTexts", "Acknowledged (settled)"),
    MatterDecision.CARRIED_ON: QT_TRANSLATE_NOOP("ShiftTexts", "Carried on (still open)"),
}


# Every enum of the shift records and its table (tests/unit/station/test_texts.py walks them all).
TABLES: Final[dict[type[Enum], Mapping[Any, str]]] = {
    Metric: _METRIC,
    ItemCondition: _ITEM_CONDITION,
    ItemStatus: _ITEM_STATUS,
    MatterDecision: _MATTER_DECISION,
}


def shift_enum_text(value: Enum) -> str:
    """Words for any enum of the shift records: one table lookup, one translation (as ``texts.enum_text``).

    An enum that no table knows prints its value.
    """
    table = TABLES.get(type(value))
    if table is None:
        return str(value.value)
    return QCoreApplication.translate("ShiftTexts", table[value])


def finding_text(finding: Finding) -> str:
    """Why an opening or a close is not accepted, in the operator's language."""
    subject = finding.subject
    if subject in {metric.value for metric in Metric}:
        subject = shift_enum_text(Metric(subject))
    texts = {
        Problem.NO_STAFF: QCoreApplication.translate(
            "ShiftTexts", "Name at least one member of staff on duty."
        ),
        Problem.EMPTY_NAME: QCoreApplication.translate(
            "ShiftTexts", "A name is empty: fill it in or remove the row."
        ),
        Problem.DUPLICATE_ITEM: QCoreApplication.translate("ShiftTexts", "{subject} is listed twice."),
        Problem.NEGATIVE_QUANTITY: QCoreApplication.translate(
            "ShiftTexts", "{subject}: a number below zero."
        ),
        Problem.DAMAGED_UNEXPLAINED: QCoreApplication.translate(
            "ShiftTexts", "{subject} is damaged or missing: say what happened in its note."
        ),
        Problem.MATTER_UNDECIDED: QCoreApplication.translate(
            "ShiftTexts", 'Open matter "{subject}": acknowledge it or carry it on.'
        ),
        Problem.DIFFERENCE_UNEXPLAINED: QCoreApplication.translate(
            "ShiftTexts", "{subject}: the tally differs from the log; explain the difference."
        ),
        Problem.ITEM_UNEXPLAINED: QCoreApplication.translate(
            "ShiftTexts", "{subject} is short, missing or damaged: explain it."
        ),
        Problem.NO_OUTGOING_LEADER: QCoreApplication.translate(
            "ShiftTexts", "Name the outgoing shift leader."
        ),
    }
    return texts[finding.problem].format(subject=subject)


def shift_sheet_labels() -> ShiftSheetLabels:
    """The captions of the shift part of the handover, in the language currently installed."""
    return ShiftSheetLabels(
        enum_text=shift_enum_text,
        sheet=QCoreApplication.translate("ShiftTexts", "Handover items"),
        automatic=QCoreApplication.translate(
            "ShiftTexts", "Automatic shift (opened by the clock; no leader opened it)"
        ),
        opened_by=QCoreApplication.translate("ShiftTexts", "Opened by {leader} at {time}"),
        not_closed=QCoreApplication.translate("ShiftTexts", "Not closed yet: no reconciliation."),
        items=QCoreApplication.translate("ShiftTexts", "Items received and handed over"),
        item=QCoreApplication.translate("ShiftTexts", "Item"),
        received=QCoreApplication.translate("ShiftTexts", "Received"),
        handed_over=QCoreApplication.translate("ShiftTexts", "Handed over"),
        condition=QCoreApplication.translate("ShiftTexts", "Condition"),
        status=QCoreApplication.translate("ShiftTexts", "Difference"),
        explanation=QCoreApplication.translate("ShiftTexts", "Explanation"),
        matters_taken=QCoreApplication.translate("ShiftTexts", "Open matters taken over"),
        matter=QCoreApplication.translate("ShiftTexts", "Matter"),
        decision=QCoreApplication.translate("ShiftTexts", "Decision"),
        matters_open=QCoreApplication.translate("ShiftTexts", "Open matters for the next shift"),
        reconciliation=QCoreApplication.translate("ShiftTexts", "Counts: log and tally"),
        metric=QCoreApplication.translate("ShiftTexts", "Count"),
        logged=QCoreApplication.translate("ShiftTexts", "Log"),
        tallied=QCoreApplication.translate("ShiftTexts", "Tally"),
        difference=QCoreApplication.translate("ShiftTexts", "Difference"),
        no_tally=QCoreApplication.translate("ShiftTexts", "not kept"),
    )
