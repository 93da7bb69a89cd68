"""Words for the shift leaders' records: problems, counts, item conditions, and the sheet's captions."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

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


def metric_text(value: Metric) -> str:
    return {
        Metric.VEHICLES: QCoreApplication.translate("ShiftTexts", "Vehicles"),
        Metric.PERSONS: QCoreApplication.translate("ShiftTexts", "Persons"),
        Metric.PERSONS_IN: QCoreApplication.translate("ShiftTexts", "Persons in"),
        Metric.PERSONS_OUT: QCoreApplication.translate("ShiftTexts", "Persons out"),
        Metric.PASSED: QCoreApplication.translate("ShiftTexts", "Passed (passages)"),
        Metric.TURNED_BACK: QCoreApplication.translate("ShiftTexts", "Turned back (passages)"),
        Metric.HELD: QCoreApplication.translate("ShiftTexts", "Held, handed over (passages)"),
        Metric.FEVER: QCoreApplication.translate("ShiftTexts", "Fever (persons)"),
        Metric.ANOMALIES: QCoreApplication.translate("ShiftTexts", "Anomalies handed over (passages)"),
    }[value]


def condition_text(value: ItemCondition) -> str:
    return {
        ItemCondition.GOOD: QCoreApplication.translate("ShiftTexts", "Good"),
        ItemCondition.DAMAGED: QCoreApplication.translate("ShiftTexts", "Damaged"),
        ItemCondition.MISSING: QCoreApplication.translate("ShiftTexts", "Missing"),
    }[value]


def status_text(value: ItemStatus) -> str:
    return {
        ItemStatus.OK: QCoreApplication.translate("ShiftTexts", "As received"),
        ItemStatus.SHORT: QCoreApplication.translate("ShiftTexts", "Fewer than received"),
        ItemStatus.MORE: QCoreApplication.translate("ShiftTexts", "More than received"),
        ItemStatus.NEW: QCoreApplication.translate("ShiftTexts", "Not received at the opening"),
        ItemStatus.DAMAGED: QCoreApplication.translate("ShiftTexts", "Damaged"),
        ItemStatus.MISSING: QCoreApplication.translate("ShiftTexts", "Missing"),
    }[value]


def decision_text(value: MatterDecision) -> str:
    return {
        MatterDecision.ACKNOWLEDGED: QCoreApplication.translate("ShiftTexts", "Acknowledged (settled)"),
        MatterDecision.CARRIED_ON: QCoreApplication.translate("ShiftTexts", "Carried on (still open)"),
    }[value]


def shift_enum_text(value: Enum) -> str:
    """Words for any enum of the shift records."""
    table: dict[type, Callable[[object], str]] = {
        Metric: metric_text,  # type: ignore[dict-item]
        ItemCondition: condition_text,  # type: ignore[dict-item]
        ItemStatus: status_text,  # type: ignore[dict-item]
        MatterDecision: decision_text,  # type: ignore[dict-item]
    }
    convert = table.get(type(value))
    return convert(value) if convert else str(value.value)


def finding_text(finding: Finding) -> str:
    """Why an opening or a close is not accepted, in the operator's language."""
    subject = finding.subject
    if subject in {metric.value for metric in Metric}:
        subject = metric_text(Metric(subject))
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
