"""The one translation table from domain codes to words (STYLE habit 2).

Domain code returns enum values; everything a person reads about them is produced here, through Qt's
translation system (context "Texts"), so zh_CN and English stay complete and consistent across the
screens, the exports and the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication

from checkpoint.camera.grabber import CameraStatus
from checkpoint.camera.sources import CameraErrorKind
from checkpoint.domain.handover import Anomaly
from checkpoint.domain.records import (
    CodeColour,
    CodeKind,
    Direction,
    Itinerary,
    Outcome,
    Reason,
    SubjectKind,
)
from checkpoint.exports.labels import HandoverLabels
from checkpoint.storage.database import StorageErrorKind


def _t(text: str) -> str:
    return QCoreApplication.translate("Texts", text)


def outcome_text(value: Outcome) -> str:
    return {
        Outcome.PASS: _t("Pass"),
        Outcome.RECHECK: _t("Recheck"),
        Outcome.TURN_BACK: _t("Turn back"),
        Outcome.HOLD: _t("Hold / hand over"),
    }[value]


def direction_text(value: Direction) -> str:
    return {Direction.IN: _t("In"), Direction.OUT: _t("Out")}[value]


def subject_text(value: SubjectKind) -> str:
    return {SubjectKind.VEHICLE: _t("Vehicle"), SubjectKind.PEDESTRIAN: _t("Pedestrian")}[value]


def colour_text(value: CodeColour) -> str:
    return {
        CodeColour.GREEN: _t("Green code"),
        CodeColour.YELLOW: _t("Yellow code"),
        CodeColour.RED: _t("Red code"),
        CodeColour.NONE: _t("No code checked"),
    }[value]


def itinerary_text(value: Itinerary) -> str:
    return {
        Itinerary.GREEN: _t("Itinerary green"),
        Itinerary.STARRED: _t("Itinerary starred"),
        Itinerary.OTHER: _t("Itinerary other colour"),
        Itinerary.NONE: _t("Itinerary not checked"),
    }[value]


def kind_text(value: CodeKind) -> str:
    return {
        CodeKind.DCC: _t("EU digital COVID certificate"),
        CodeKind.STATION_PASS: _t("Station pass"),
        CodeKind.HEALTH_CODE: _t("Health code"),
        CodeKind.UNKNOWN: _t("Unrecognised code"),
    }[value]


def reason_text(value: Reason) -> str:
    return {
        Reason.ALL_CHECKS_CLEAR: _t("All checks clear"),
        Reason.OPERATOR_DECISION: _t("Operator's decision"),
        Reason.CODE_GREEN: _t("Green code"),
        Reason.CODE_YELLOW: _t("Yellow code"),
        Reason.CODE_RED: _t("Red code"),
        Reason.CODE_NOT_SHOWN: _t("Health code not checked"),
        Reason.ITINERARY_STARRED: _t("Itinerary starred"),
        Reason.ITINERARY_OTHER: _t("Itinerary not green"),
        Reason.TEST_TOO_OLD: _t("Test older than 48 hours"),
        Reason.NO_TEST: _t("No test proof"),
        Reason.FEVER: _t("Temperature at or above 37.3 °C"),
        Reason.CORRECTION: _t("Correction of an earlier record"),
    }[value]


def test_age_text(days: int | None) -> str:
    if days is None:
        return _t("No test")
    if days == 0:
        return _t("Today")
    return QCoreApplication.translate("Texts", "%n day(s) ago", "", days)


def anomaly_text(value: Anomaly) -> str:
    return {
        Anomaly.TURNED_BACK: _t("Turned back"),
        Anomaly.HELD: _t("Held / handed over"),
        Anomaly.CODE_YELLOW: _t("Yellow code"),
        Anomaly.CODE_RED: _t("Red code"),
        Anomaly.ITINERARY_STARRED: _t("Itinerary starred"),
        Anomaly.ITINERARY_OTHER: _t("Itinerary not green"),
        Anomaly.FEVER: _t("Fever"),
    }[value]


def vehicle_kind_text(kind: str) -> str:
    return {
        "car": _t("Car"),
        "truck": _t("Truck"),
        "bus": _t("Bus"),
        "van": _t("Van"),
        "delivery": _t("Delivery vehicle"),
        "supply": _t("Supply vehicle"),
    }.get(kind, kind)


def camera_status_text(value: CameraStatus) -> str:
    return {
        CameraStatus.STARTING: _t("Camera starting"),
        CameraStatus.LIVE: _t("Camera live"),
        CameraStatus.LOST: _t("Camera lost"),
        CameraStatus.RECONNECTING: _t("Camera lost, reconnecting"),
        CameraStatus.ENDED: _t("Video ended"),
        CameraStatus.FAILED: _t("Camera failed"),
    }[value]


def camera_error_text(value: CameraErrorKind) -> str:
    return {
        CameraErrorKind.NOT_FOUND: _t("No camera or file at that address."),
        CameraErrorKind.CANNOT_OPEN: _t("The camera or stream cannot be opened."),
        CameraErrorKind.UNREADABLE: _t("The file is not a readable image or video."),
        CameraErrorKind.DISCONNECTED: _t("The camera was disconnected."),
        CameraErrorKind.ENDED: _t("The video has ended."),
    }[value]


def storage_error_text(value: StorageErrorKind) -> str:
    return {
        StorageErrorKind.DISK_FULL: _t("The disk is full. Free some space."),
        StorageErrorKind.LOCKED: _t("The database is busy (locked by another program)."),
        StorageErrorKind.READ_ONLY: _t("The database file is read-only."),
        StorageErrorKind.CORRUPT: _t("The database file is damaged. Call the administrator."),
        StorageErrorKind.NEWER_SCHEMA: _t(
            "The database was made by a newer version of Checkpoint Station. Update this station."
        ),
        StorageErrorKind.UNWRITABLE_FOLDER: _t("The data folder cannot be written."),
        StorageErrorKind.OTHER: _t("An unexpected database error happened; it was logged."),
    }[value]


def enum_text(value: Enum) -> str:
    """Words for any domain enum value the tables above know."""
    table: dict[type, Callable[[object], str]] = {
        Outcome: outcome_text,  # type: ignore[dict-item]
        Direction: direction_text,  # type: ignore[dict-item]
        SubjectKind: subject_text,  # type: ignore[dict-item]
        CodeColour: colour_text,  # type: ignore[dict-item]
        Itinerary: itinerary_text,  # type: ignore[dict-item]
        CodeKind: kind_text,  # type: ignore[dict-item]
        Reason: reason_text,  # type: ignore[dict-item]
        Anomaly: anomaly_text,  # type: ignore[dict-item]
    }
    convert = table.get(type(value))
    return convert(value) if convert else str(value.value)


def handover_labels() -> HandoverLabels:
    """Every caption of the handover files, in the language currently installed."""

    def h(text: str) -> str:
        return QCoreApplication.translate("Handover", text)

    return HandoverLabels(
        enum_text=enum_text,
        sheet_summary=h("Summary"),
        sheet_passages=h("Passages"),
        sheet_anomalies=h("Anomalies"),
        title=h("Shift handover"),
        gate=h("Gate"),
        shift=h("Shift"),
        no_shift=h("By time window"),
        leader=h("Shift leader"),
        window_start=h("From"),
        window_end=h("To"),
        generated=h("Generated"),
        time_zone=h("Time zone"),
        summary=h("Totals"),
        count=h("Count"),
        passages=h("Passages"),
        vehicles=h("Vehicles"),
        pedestrians=h("Pedestrians"),
        persons=h("Persons"),
        fever=h("Fever (persons)"),
        corrections=h("Corrections"),
        direction=h("Direction"),
        outcome=h("Outcome"),
        code_colour=h("Health code"),
        hour=h("Hour"),
        outgoing_leader=h("Outgoing shift leader (signature)"),
        incoming_leader=h("Incoming shift leader (signature)"),
        signed_at=h("Date"),
        number=h("No."),
        time=h("Time"),
        subject=h("Type"),
        plate=h("Plate"),
        vehicle_kind=h("Vehicle type"),
        origin=h("Origin"),
        destination=h("Destination"),
        person_count=h("Persons"),
        names=h("Names"),
        itinerary=h("Itinerary card"),
        max_temperature=h("Max. temperature (°C)"),
        reasons=h("Reasons"),
        operator=h("Operator"),
        note=h("Note"),
        correction_of=h("Corrects No."),
        correction_reason=h("Correction reason"),
        corrected_by=h("Corrected by No."),
        anomaly=h("Anomaly"),
        record_id=h("Record ID"),
        separator=h(", "),
        vehicle_kind_text=vehicle_kind_text,
    )
