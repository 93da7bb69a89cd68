"""The one translation table from domain codes to words (STYLE habit 2).

Domain code returns enum values; everything a person reads about them is produced here, through Qt's
translation system (context "Texts"), so zh_CN and English stay complete and consistent across the
screens, the exports and the command line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication

from checkpoint.camera.grabber import CameraStatus
from checkpoint.camera.sources import CameraErrorKind
from checkpoint.domain.credentials import PassKind, PassVerdict
from checkpoint.domain.handover import Anomaly
from checkpoint.domain.importing import FileError, RejectCode
from checkpoint.domain.records import (
    AuditAction,
    CodeColour,
    CodeKind,
    Direction,
    Itinerary,
    Outcome,
    PersonFlag,
    Reason,
    Role,
    SubjectKind,
)
from checkpoint.domain.residents import ImportAction, Residency, ResidentStatus
from checkpoint.domain.residents_import import ResidentFileError, ResidentRejectCode
from checkpoint.domain.roles import PinProblem
from checkpoint.domain.tracing import TraceProblem, TraceQueryError
from checkpoint.domain.validators import IdProblem, PhoneProblem, PlateProblem
from checkpoint.domain.watchlist import WatchlistAction, WatchlistKind
from checkpoint.exports.labels import HandoverLabels, PersonListLabels
from checkpoint.station.alarms import AlarmKind
from checkpoint.storage.errors import StorageErrorKind


def outcome_text(value: Outcome) -> str:
    return {
        Outcome.PASS: QCoreApplication.translate("Texts", "Pass"),
        Outcome.RECHECK: QCoreApplication.translate("Texts", "Recheck"),
        Outcome.TURN_BACK: QCoreApplication.translate("Texts", "Turn back"),
        Outcome.HOLD: QCoreApplication.translate("Texts", "Hold / hand over"),
    }[value]


def direction_text(value: Direction) -> str:
    return {
        Direction.IN: QCoreApplication.translate("Texts", "In"),
        Direction.OUT: QCoreApplication.translate("Texts", "Out"),
    }[value]


def subject_text(value: SubjectKind) -> str:
    return {
        SubjectKind.VEHICLE: QCoreApplication.translate("Texts", "Vehicle"),
        SubjectKind.PEDESTRIAN: QCoreApplication.translate("Texts", "Pedestrian"),
    }[value]


def colour_text(value: CodeColour) -> str:
    return {
        CodeColour.GREEN: QCoreApplication.translate("Texts", "Green code"),
        CodeColour.YELLOW: QCoreApplication.translate("Texts", "Yellow code"),
        CodeColour.RED: QCoreApplication.translate("Texts", "Red code"),
        CodeColour.NONE: QCoreApplication.translate("Texts", "No code checked"),
    }[value]


def itinerary_text(value: Itinerary) -> str:
    return {
        Itinerary.GREEN: QCoreApplication.translate("Texts", "Itinerary green"),
        Itinerary.STARRED: QCoreApplication.translate("Texts", "Itinerary starred"),
        Itinerary.OTHER: QCoreApplication.translate("Texts", "Itinerary other colour"),
        Itinerary.NONE: QCoreApplication.translate("Texts", "Itinerary not checked"),
    }[value]


def kind_text(value: CodeKind) -> str:
    return {
        CodeKind.DCC: QCoreApplication.translate("Texts", "EU digital COVID certificate"),
        CodeKind.STATION_PASS: QCoreApplication.translate("Texts", "Station pass"),
        CodeKind.HEALTH_CODE: QCoreApplication.translate("Texts", "Health code"),
        CodeKind.UNKNOWN: QCoreApplication.translate("Texts", "Unrecognised code"),
    }[value]


def reason_text(value: Reason) -> str:
    return {
        Reason.ALL_CHECKS_CLEAR: QCoreApplication.translate("Texts", "All checks clear"),
        Reason.OPERATOR_DECISION: QCoreApplication.translate("Texts", "Operator's decision"),
        Reason.CODE_GREEN: QCoreApplication.translate("Texts", "Green code"),
        Reason.CODE_YELLOW: QCoreApplication.translate("Texts", "Yellow code"),
        Reason.CODE_RED: QCoreApplication.translate("Texts", "Red code"),
        Reason.CODE_NOT_SHOWN: QCoreApplication.translate("Texts", "Health code not checked"),
        Reason.ITINERARY_STARRED: QCoreApplication.translate("Texts", "Itinerary starred"),
        Reason.ITINERARY_OTHER: QCoreApplication.translate("Texts", "Itinerary not green"),
        Reason.TEST_TOO_OLD: QCoreApplication.translate("Texts", "Test older than 48 hours"),
        Reason.NO_TEST: QCoreApplication.translate("Texts", "No test proof"),
        Reason.FEVER: QCoreApplication.translate("Texts", "Temperature at or above 37.3 °C"),
        Reason.CORRECTION: QCoreApplication.translate("Texts", "Correction of an earlier record"),
        Reason.DCC_INVALID: QCoreApplication.translate("Texts", "EU certificate not valid (signature)"),
        Reason.DCC_EXPIRED: QCoreApplication.translate("Texts", "EU certificate expired"),
        Reason.PASS_VALID: QCoreApplication.translate("Texts", "Valid station pass"),
        Reason.PASS_INVALID: QCoreApplication.translate("Texts", "Station pass not valid (signature)"),
        Reason.PASS_REVOKED: QCoreApplication.translate("Texts", "Station pass revoked"),
        Reason.PASS_EXPIRED: QCoreApplication.translate("Texts", "Station pass expired"),
        Reason.NO_PASS: QCoreApplication.translate("Texts", "No valid pass"),
        Reason.EXIT_QUOTA_EXCEEDED: QCoreApplication.translate("Texts", "Household exit quota used up"),
        Reason.RETURN_OVERDUE: QCoreApplication.translate("Texts", "Returned after the deadline"),
        Reason.QUARANTINE_LEAVING: QCoreApplication.translate("Texts", "Home quarantine: must not leave"),
        Reason.VISITOR_NOT_REGISTERED: QCoreApplication.translate(
            "Texts", "Visitor without pre-registration or host"
        ),
        Reason.VISITOR_WITH_HOST: QCoreApplication.translate("Texts", "Visitor with a host"),
        Reason.WATCHLIST_BLOCK: QCoreApplication.translate("Texts", "On a watchlist: block"),
        Reason.WATCHLIST_NOTIFY: QCoreApplication.translate("Texts", "On a watchlist: notify"),
        Reason.MANUAL_ID: QCoreApplication.translate("Texts", "ID typed by hand: re-check later"),
        Reason.PLATE_INVALID: QCoreApplication.translate("Texts", "Plate number not valid"),
        Reason.NO_OCCUPANTS: QCoreApplication.translate("Texts", "No occupant checked"),
        Reason.NO_RULE_MATCHED: QCoreApplication.translate("Texts", "No rule applies: check by hand"),
        Reason.RESIDENT_KNOWN: QCoreApplication.translate("Texts", "Registered resident"),
        Reason.RESIDENT_NO_EXIT: QCoreApplication.translate("Texts", "Registry: must not leave"),
        Reason.RESIDENT_MOVED_OUT: QCoreApplication.translate(
            "Texts", "Registry: moved out, check as a visitor"
        ),
        Reason.HOUSEHOLD_UNKNOWN: QCoreApplication.translate("Texts", "Household not in the registry: check"),
    }[value]


def test_age_text(days: int | None) -> str:
    if days is None:
        return QCoreApplication.translate("Texts", "No test")
    if days == 0:
        return QCoreApplication.translate("Texts", "Today")
    if days == 1:
        return QCoreApplication.translate("Texts", "1 day ago")
    return QCoreApplication.translate("Texts", "{days} days ago").format(days=days)


def anomaly_text(value: Anomaly) -> str:
    return {
        Anomaly.TURNED_BACK: QCoreApplication.translate("Texts", "Turned back"),
        Anomaly.HELD: QCoreApplication.translate("Texts", "Held / handed over"),
        Anomaly.CODE_YELLOW: QCoreApplication.translate("Texts", "Yellow code"),
        Anomaly.CODE_RED: QCoreApplication.translate("Texts", "Red code"),
        Anomaly.ITINERARY_STARRED: QCoreApplication.translate("Texts", "Itinerary starred"),
        Anomaly.ITINERARY_OTHER: QCoreApplication.translate("Texts", "Itinerary not green"),
        Anomaly.FEVER: QCoreApplication.translate("Texts", "Fever"),
    }[value]


def vehicle_kind_text(kind: str) -> str:
    return {
        "car": QCoreApplication.translate("Texts", "Car"),
        "truck": QCoreApplication.translate("Texts", "Truck"),
        "bus": QCoreApplication.translate("Texts", "Bus"),
        "van": QCoreApplication.translate("Texts", "Van"),
        "delivery": QCoreApplication.translate("Texts", "Delivery vehicle"),
        "supply": QCoreApplication.translate("Texts", "Supply vehicle"),
    }.get(kind, kind)


def camera_status_text(value: CameraStatus) -> str:
    return {
        CameraStatus.STARTING: QCoreApplication.translate("Texts", "Camera starting"),
        CameraStatus.LIVE: QCoreApplication.translate("Texts", "Camera live"),
        CameraStatus.LOST: QCoreApplication.translate("Texts", "Camera lost"),
        CameraStatus.RECONNECTING: QCoreApplication.translate("Texts", "Camera lost, reconnecting"),
        CameraStatus.ENDED: QCoreApplication.translate("Texts", "Video ended"),
        CameraStatus.FAILED: QCoreApplication.translate("Texts", "Camera failed"),
    }[value]


def camera_error_text(value: CameraErrorKind) -> str:
    return {
        CameraErrorKind.NOT_FOUND: QCoreApplication.translate("Texts", "No camera or file at that address."),
        CameraErrorKind.CANNOT_OPEN: QCoreApplication.translate(
            "Texts", "The camera or stream cannot be opened."
        ),
        CameraErrorKind.UNREADABLE: QCoreApplication.translate(
            "Texts", "The file is not a readable image or video."
        ),
        CameraErrorKind.DISCONNECTED: QCoreApplication.translate("Texts", "The camera was disconnected."),
        CameraErrorKind.ENDED: QCoreApplication.translate("Texts", "The video has ended."),
    }[value]


def storage_error_text(value: StorageErrorKind) -> str:
    return {
        StorageErrorKind.DISK_FULL: QCoreApplication.translate("Texts", "The disk is full. Free some space."),
        StorageErrorKind.LOCKED: QCoreApplication.translate(
            "Texts", "The database is busy (locked by another program)."
        ),
        StorageErrorKind.READ_ONLY: QCoreApplication.translate("Texts", "The database file is read-only."),
        StorageErrorKind.CORRUPT: QCoreApplication.translate(
            "Texts", "The database file is damaged. Call the administrator."
        ),
        StorageErrorKind.NEWER_SCHEMA: QCoreApplication.translate(
            "Texts", "The database was made by a newer version of Checkpoint Station. Update this station."
        ),
        StorageErrorKind.UNWRITABLE_FOLDER: QCoreApplication.translate(
            "Texts", "The data folder cannot be written."
        ),
        StorageErrorKind.DATA_KEY: QCoreApplication.translate(
            "Texts",
            "The key for the personal data in this database (keys/data.key) is missing or wrong. "
            "Restore it from the backup.",
        ),
        StorageErrorKind.OTHER: QCoreApplication.translate(
            "Texts", "An unexpected database error happened; it was logged."
        ),
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
    """Every caption of the handover files, in the language currently installed.

    The enum words are looked up once per value for these labels (a 20,000-passage sheet asks for them
    hundreds of thousands of times); the language cannot change during one export.
    """
    from checkpoint.station.shift_texts import shift_sheet_labels  # it imports this module's neighbours

    return HandoverLabels(
        enum_text=functools.lru_cache(maxsize=512)(enum_text),
        sheet_summary=QCoreApplication.translate("Handover", "Summary"),
        sheet_passages=QCoreApplication.translate("Handover", "Passages"),
        sheet_anomalies=QCoreApplication.translate("Handover", "Anomalies"),
        title=QCoreApplication.translate("Handover", "Shift handover"),
        gate=QCoreApplication.translate("Handover", "Gate"),
        shift=QCoreApplication.translate("Handover", "Shift"),
        no_shift=QCoreApplication.translate("Handover", "By time window"),
        leader=QCoreApplication.translate("Handover", "Shift leader"),
        window_start=QCoreApplication.translate("Handover", "From"),
        window_end=QCoreApplication.translate("Handover", "To"),
        generated=QCoreApplication.translate("Handover", "Generated"),
        time_zone=QCoreApplication.translate("Handover", "Time zone"),
        summary=QCoreApplication.translate("Handover", "Totals"),
        count=QCoreApplication.translate("Handover", "Count"),
        passages=QCoreApplication.translate("Handover", "Passages"),
        vehicles=QCoreApplication.translate("Handover", "Vehicles"),
        pedestrians=QCoreApplication.translate("Handover", "Pedestrians"),
        persons=QCoreApplication.translate("Handover", "Persons"),
        fever=QCoreApplication.translate("Handover", "Fever (persons)"),
        corrections=QCoreApplication.translate("Handover", "Corrections"),
        direction=QCoreApplication.translate("Handover", "Direction"),
        outcome=QCoreApplication.translate("Handover", "Outcome"),
        code_colour=QCoreApplication.translate("Handover", "Health code"),
        hour=QCoreApplication.translate("Handover", "Hour"),
        outgoing_leader=QCoreApplication.translate("Handover", "Outgoing shift leader (signature)"),
        incoming_leader=QCoreApplication.translate("Handover", "Incoming shift leader (signature)"),
        signed_at=QCoreApplication.translate("Handover", "Date"),
        number=QCoreApplication.translate("Handover", "No."),
        time=QCoreApplication.translate("Handover", "Time"),
        subject=QCoreApplication.translate("Handover", "Type"),
        plate=QCoreApplication.translate("Handover", "Plate"),
        vehicle_kind=QCoreApplication.translate("Handover", "Vehicle type"),
        origin=QCoreApplication.translate("Handover", "Origin"),
        destination=QCoreApplication.translate("Handover", "Destination"),
        person_count=QCoreApplication.translate("Handover", "Persons"),
        names=QCoreApplication.translate("Handover", "Names"),
        itinerary=QCoreApplication.translate("Handover", "Itinerary card"),
        max_temperature=QCoreApplication.translate("Handover", "Max. temperature (°C)"),
        reasons=QCoreApplication.translate("Handover", "Reasons"),
        operator=QCoreApplication.translate("Handover", "Operator"),
        note=QCoreApplication.translate("Handover", "Note"),
        correction_of=QCoreApplication.translate("Handover", "Corrects No."),
        correction_reason=QCoreApplication.translate("Handover", "Correction reason"),
        corrected_by=QCoreApplication.translate("Handover", "Corrected by No."),
        anomaly=QCoreApplication.translate("Handover", "Anomaly"),
        record_id=QCoreApplication.translate("Handover", "Record ID"),
        separator=QCoreApplication.translate("Handover", ", "),
        vehicle_kind_text=vehicle_kind_text,
        staff=QCoreApplication.translate("Handover", "Staff on duty"),
        chart_title=QCoreApplication.translate("Handover", "Passages per hour"),
        other_anomalies=QCoreApplication.translate("Handover", "Other anomalies (passed)"),
        turned_back_list=QCoreApplication.translate("Handover", "Turned back"),
        held_list=QCoreApplication.translate("Handover", "Handed over (held)"),
        nothing=QCoreApplication.translate("Handover", "None"),
        page_footer=QCoreApplication.translate("Handover", "Page {page} of {pages}"),
        rows_omitted=QCoreApplication.translate("Handover", "{count} more rows in the XLSX file"),
        shift_sheet=shift_sheet_labels(),
    )


# -- the gate: credentials, alarms, degraded mode, watchlist imports ------------------------------------


def alarm_kind_text(value: AlarmKind) -> str:
    return {
        AlarmKind.HOME_QUARANTINE: QCoreApplication.translate("Texts", "Home quarantine: must not leave"),
        AlarmKind.WATCHLIST_BLOCK: QCoreApplication.translate("Texts", "Watchlist: stop this person"),
        AlarmKind.WATCHLIST_NOTIFY: QCoreApplication.translate("Texts", "Watchlist: person of interest"),
        AlarmKind.OVERDUE: QCoreApplication.translate("Texts", "Back later than the exit slip allows"),
        AlarmKind.OVER_QUOTA: QCoreApplication.translate("Texts", "Household's exit quota already used"),
        AlarmKind.NO_EXIT: QCoreApplication.translate("Texts", "Registry: this resident must not leave"),
    }[value]


def pass_kind_text(value: PassKind) -> str:
    return {
        PassKind.EXIT_SLIP: QCoreApplication.translate("Texts", "Exit slip"),
        PassKind.RESIDENT: QCoreApplication.translate("Texts", "Resident pass"),
        PassKind.VISITOR: QCoreApplication.translate("Texts", "Visitor pre-registration"),
        PassKind.SUPPLY_VEHICLE: QCoreApplication.translate("Texts", "Supply-vehicle pass"),
    }[value]


def pass_verdict_text(value: PassVerdict) -> str:
    """What the operator reads about a station pass, in plain words."""
    return {
        PassVerdict.NOT_A_PASS: QCoreApplication.translate(
            "Texts", "Not readable as a pass: damaged or not one of ours. Turn back."
        ),
        PassVerdict.FORGED: QCoreApplication.translate(
            "Texts", "FORGED: the pass was changed or not signed by this compound. Turn back."
        ),
        PassVerdict.WRONG_KEY: QCoreApplication.translate(
            "Texts", "Signed with a key this gate does not know (another compound, or a replaced key)."
        ),
        PassVerdict.REVOKED: QCoreApplication.translate("Texts", "REVOKED: this pass was withdrawn."),
        PassVerdict.EXPIRED: QCoreApplication.translate("Texts", "EXPIRED: the pass is no longer valid."),
        PassVerdict.NOT_YET_VALID: QCoreApplication.translate(
            "Texts", "Not valid yet: its period starts later."
        ),
        PassVerdict.VALID: QCoreApplication.translate("Texts", "Signature valid: issued by this compound."),
    }[value]


def dcc_status_text(signature: str, expired: bool | None, trust_missing: bool) -> str:
    """An EU certificate's signature status in plain words (``signature`` is a ``Signature`` value)."""
    if signature == "valid":
        if expired:
            return QCoreApplication.translate("Texts", "Signature valid, but the certificate has EXPIRED.")
        return QCoreApplication.translate("Texts", "Signature valid: issued by a trusted authority.")
    if signature == "invalid":
        return QCoreApplication.translate("Texts", "FORGED or damaged: the signature does not match.")
    if trust_missing:
        return QCoreApplication.translate(
            "Texts", "Cannot be checked: this station has no trust list (ask the administrator)."
        )
    return QCoreApplication.translate("Texts", "Signed by an authority this station does not trust.")


def verified_fact_text(name: str) -> str:
    """A fact a signature proved (``PersonCheck.verified``), in words."""
    return {
        "dcc_signature": QCoreApplication.translate("Texts", "certificate signature"),
        "dcc_validity": QCoreApplication.translate("Texts", "certificate validity"),
        "pass_signature": QCoreApplication.translate("Texts", "pass signature"),
        "pass_validity": QCoreApplication.translate("Texts", "pass validity"),
        "name": QCoreApplication.translate("Texts", "holder's name"),
        "household": QCoreApplication.translate("Texts", "household"),
    }.get(name, name)


def certificate_type_text(value: str) -> str:
    return {
        "v": QCoreApplication.translate("Texts", "Vaccination"),
        "t": QCoreApplication.translate("Texts", "Test"),
        "r": QCoreApplication.translate("Texts", "Recovery"),
    }.get(value, value)


def flag_text(value: PersonFlag) -> str:
    return {
        PersonFlag.MANUAL_ID: QCoreApplication.translate("Texts", "ID typed by hand"),
        PersonFlag.NO_PHONE: QCoreApplication.translate("Texts", "No phone"),
        PersonFlag.PLATFORM_DOWN: QCoreApplication.translate("Texts", "Health-code platform down"),
    }[value]


def id_problem_text(value: IdProblem) -> str:
    return {
        IdProblem.EMPTY: QCoreApplication.translate("Texts", "Type the 18-character ID number."),
        IdProblem.BAD_LENGTH: QCoreApplication.translate("Texts", "An ID number has 18 characters."),
        IdProblem.BAD_CHARACTERS: QCoreApplication.translate(
            "Texts", "Only digits, and X as the last character."
        ),
        IdProblem.BAD_CHECK_DIGIT: QCoreApplication.translate(
            "Texts", "Wrong check digit: a digit was mistyped. Read the card again."
        ),
        IdProblem.BAD_REGION: QCoreApplication.translate(
            "Texts", "The first six digits do not name a region of China."
        ),
        IdProblem.BAD_BIRTH_DATE: QCoreApplication.translate(
            "Texts", "Digits 7-14 are not a real date of birth."
        ),
        IdProblem.BIRTH_IN_FUTURE: QCoreApplication.translate("Texts", "The date of birth is in the future."),
    }[value]


def phone_problem_text(value: PhoneProblem) -> str:
    return {
        PhoneProblem.EMPTY: QCoreApplication.translate("Texts", "No phone number."),
        PhoneProblem.BAD_CHARACTERS: QCoreApplication.translate("Texts", "A phone number has digits only."),
        PhoneProblem.BAD_LENGTH: QCoreApplication.translate("Texts", "A mobile number has 11 digits."),
        PhoneProblem.BAD_PREFIX: QCoreApplication.translate("Texts", "A mobile number starts with 13-19."),
    }[value]


def watchlist_kind_text(value: WatchlistKind) -> str:
    return {
        WatchlistKind.HOME_QUARANTINE: QCoreApplication.translate("Texts", "Home quarantine"),
        WatchlistKind.PERSON_OF_INTEREST: QCoreApplication.translate("Texts", "Person of interest"),
        WatchlistKind.PLATE_OF_INTEREST: QCoreApplication.translate("Texts", "Plate of interest"),
    }[value]


def watchlist_action_text(value: WatchlistAction) -> str:
    return {
        WatchlistAction.NOTIFY: QCoreApplication.translate("Texts", "Notify"),
        WatchlistAction.BLOCK: QCoreApplication.translate("Texts", "Block"),
    }[value]


def reject_text(value: RejectCode) -> str:
    return {
        RejectCode.EXTRA_CELLS: QCoreApplication.translate("Texts", "More cells than the header has columns"),
        RejectCode.UNKNOWN_KIND: QCoreApplication.translate("Texts", "Unknown list type"),
        RejectCode.UNKNOWN_ACTION: QCoreApplication.translate("Texts", "Unknown action"),
        RejectCode.NO_IDENTITY: QCoreApplication.translate("Texts", "No ID number, phone or name"),
        RejectCode.NO_PLATE: QCoreApplication.translate("Texts", "Plate of interest without a plate"),
        RejectCode.BAD_ID_NUMBER: QCoreApplication.translate("Texts", "ID number not valid"),
        RejectCode.BAD_PHONE: QCoreApplication.translate("Texts", "Phone number not valid"),
        RejectCode.BAD_PLATE: QCoreApplication.translate("Texts", "Plate number not valid"),
        RejectCode.BAD_DATE: QCoreApplication.translate("Texts", "Date not readable"),
        RejectCode.DATES_REVERSED: QCoreApplication.translate("Texts", "Ends before it starts"),
        RejectCode.DUPLICATE: QCoreApplication.translate("Texts", "Same entry as an earlier line"),
    }[value]


def likely_encoding_text(encoding: str) -> str:
    """The encoding a misread file more likely is, in words (``office_text._likely_encoding``)."""
    return {
        "shift_jis": QCoreApplication.translate("Texts", "Japanese (Shift-JIS)"),
        "big5": QCoreApplication.translate("Texts", "Traditional Chinese (Big5)"),
    }.get(encoding, QCoreApplication.translate("Texts", "an encoding other than GBK"))


def _ambiguous_encoding_text(encoding: str) -> str:
    return QCoreApplication.translate(
        "Texts",
        "The file does not read as Chinese: it is most likely {encoding}. Save it as UTF-8 (or GBK) "
        "and import it again.",
    ).format(encoding=likely_encoding_text(encoding))


def file_error_text(value: FileError, detail: str = "") -> str:
    """Why a watchlist file was refused; ``detail`` is the report's ``error_detail``."""
    if value is FileError.AMBIGUOUS_ENCODING:
        return _ambiguous_encoding_text(detail)
    return {
        FileError.TOO_MANY_ROWS: QCoreApplication.translate(
            "Texts", "The file has too many lines for a watchlist."
        ),
        FileError.EMPTY: QCoreApplication.translate("Texts", "The file is empty."),
        FileError.BINARY: QCoreApplication.translate("Texts", "This is not a text (CSV) file."),
        FileError.UNKNOWN_ENCODING: QCoreApplication.translate(
            "Texts", "The file's encoding is not UTF-8, UTF-16 or GBK."
        ),
        FileError.MALFORMED: QCoreApplication.translate("Texts", "The CSV structure is broken."),
        FileError.MISSING_COLUMNS: QCoreApplication.translate(
            "Texts", "No name, ID number, phone or plate column in the header."
        ),
        FileError.DUPLICATE_COLUMN: QCoreApplication.translate("Texts", "Two columns mean the same field."),
    }[value]


# -- the residents registry ------------------------------------------------------------------------------


def resident_reject_text(value: ResidentRejectCode) -> str:
    return {
        ResidentRejectCode.EXTRA_CELLS: QCoreApplication.translate(
            "Texts", "More cells than the header has columns"
        ),
        ResidentRejectCode.NO_NAME: QCoreApplication.translate("Texts", "No name"),
        ResidentRejectCode.NO_ID_NUMBER: QCoreApplication.translate("Texts", "No ID number"),
        ResidentRejectCode.BAD_ID_NUMBER: QCoreApplication.translate("Texts", "ID number not valid"),
        ResidentRejectCode.BAD_PHONE: QCoreApplication.translate("Texts", "Phone number not valid"),
        ResidentRejectCode.NO_HOUSEHOLD: QCoreApplication.translate("Texts", "No household (building, room)"),
        ResidentRejectCode.BAD_HOUSEHOLD: QCoreApplication.translate(
            "Texts", "Household not readable (e.g. 3-2-501)"
        ),
        ResidentRejectCode.UNKNOWN_RESIDENCY: QCoreApplication.translate(
            "Texts", "Unknown residency (resident or tenant)"
        ),
        ResidentRejectCode.UNKNOWN_STATUS: QCoreApplication.translate(
            "Texts", "Unknown status (normal, home quarantine, no exit)"
        ),
        ResidentRejectCode.BAD_DATE: QCoreApplication.translate("Texts", "Date not readable"),
        ResidentRejectCode.DATES_REVERSED: QCoreApplication.translate("Texts", "Ends before it starts"),
        ResidentRejectCode.BAD_QUOTA: QCoreApplication.translate(
            "Texts", "Exit quota not a whole number of days / exits"
        ),
        ResidentRejectCode.TOO_LONG: QCoreApplication.translate("Texts", "A cell is too long"),
        ResidentRejectCode.DUPLICATE: QCoreApplication.translate(
            "Texts", "Same ID number as an earlier line"
        ),
        ResidentRejectCode.HOUSEHOLD_CONFLICT: QCoreApplication.translate(
            "Texts", "Household details differ from an earlier line"
        ),
        ResidentRejectCode.REGISTERED_TO_OTHER: QCoreApplication.translate(
            "Texts", "ID number already registered under another name"
        ),
    }[value]


def resident_file_error_text(value: ResidentFileError, detail: str = "") -> str:
    """Why a registry file was refused; ``detail`` is the report's ``error_detail``."""
    if value is ResidentFileError.AMBIGUOUS_ENCODING:
        return _ambiguous_encoding_text(detail)
    return {
        ResidentFileError.TOO_LARGE: QCoreApplication.translate(
            "Texts", "The workbook unpacks to too much data or too many cells for a registry."
        ),
        ResidentFileError.EMPTY: QCoreApplication.translate("Texts", "The file is empty."),
        ResidentFileError.BINARY: QCoreApplication.translate(
            "Texts", "This is neither a CSV nor an XLSX file (save it as XLSX or CSV)."
        ),
        ResidentFileError.UNKNOWN_ENCODING: QCoreApplication.translate(
            "Texts", "The file's encoding is not UTF-8, UTF-16 or GBK."
        ),
        ResidentFileError.MALFORMED: QCoreApplication.translate("Texts", "The CSV structure is broken."),
        ResidentFileError.NOT_XLSX: QCoreApplication.translate(
            "Texts", "This is not a readable XLSX workbook."
        ),
        ResidentFileError.MISSING_COLUMNS: QCoreApplication.translate(
            "Texts", "The header needs name, ID number and household (or building and room) columns."
        ),
        ResidentFileError.DUPLICATE_COLUMN: QCoreApplication.translate(
            "Texts", "Two columns mean the same field."
        ),
        ResidentFileError.TOO_MANY_ROWS: QCoreApplication.translate("Texts", "The file has too many rows."),
    }[value]


def resident_status_text(value: ResidentStatus) -> str:
    return {
        ResidentStatus.NORMAL: QCoreApplication.translate("Texts", "Normal"),
        ResidentStatus.HOME_QUARANTINED: QCoreApplication.translate("Texts", "Home quarantine"),
        ResidentStatus.NO_EXIT: QCoreApplication.translate("Texts", "No exit"),
        ResidentStatus.MOVED_OUT: QCoreApplication.translate("Texts", "Moved out"),
    }[value]


def residency_text(value: Residency) -> str:
    return {
        Residency.RESIDENT: QCoreApplication.translate("Texts", "Resident"),
        Residency.TENANT: QCoreApplication.translate("Texts", "Tenant"),
    }[value]


def import_action_text(value: ImportAction) -> str:
    return {
        ImportAction.NEW: QCoreApplication.translate("Texts", "new"),
        ImportAction.UPDATED: QCoreApplication.translate("Texts", "updated"),
        ImportAction.UNCHANGED: QCoreApplication.translate("Texts", "unchanged"),
    }[value]


def load_problem_text(what: str, detail: str) -> str:
    """A trust folder, key or platforms file the verifier could not read."""
    if what == "trust":
        text = QCoreApplication.translate(
            "Texts", "The trust list cannot be read; EU certificates show as not trusted: {detail}"
        )
    elif what == "keys":
        text = QCoreApplication.translate(
            "Texts", "The pass key cannot be read; station passes show as not trusted: {detail}"
        )
    else:
        text = QCoreApplication.translate("Texts", "The health-code platform list cannot be read: {detail}")
    return text.format(detail=detail)


# -- person lists: the anomaly hand-off and tracing exports (helper "exports5") ----------------------


def _person_list_labels(sheet: str, title: str) -> PersonListLabels:
    """The person-list column captions (context "Anomalies", shared with tracing); sheet and title given."""
    return PersonListLabels(
        enum_text=enum_text,
        sheet=sheet,
        title=title,
        time=QCoreApplication.translate("Anomalies", "Time"),
        gate=QCoreApplication.translate("Anomalies", "Gate"),
        direction=QCoreApplication.translate("Anomalies", "Direction"),
        subject=QCoreApplication.translate("Anomalies", "Type"),
        plate=QCoreApplication.translate("Anomalies", "Plate"),
        name=QCoreApplication.translate("Anomalies", "Name"),
        id_number=QCoreApplication.translate("Anomalies", "ID number"),
        phone=QCoreApplication.translate("Anomalies", "Phone"),
        code_colour=QCoreApplication.translate("Anomalies", "Health code"),
        itinerary=QCoreApplication.translate("Anomalies", "Itinerary card"),
        temperature=QCoreApplication.translate("Anomalies", "Temperature (°C)"),
        outcome=QCoreApplication.translate("Anomalies", "Outcome"),
        anomaly=QCoreApplication.translate("Anomalies", "Anomaly"),
        reasons=QCoreApplication.translate("Anomalies", "Reasons"),
        origin=QCoreApplication.translate("Anomalies", "Origin"),
        destination=QCoreApplication.translate("Anomalies", "Destination"),
        record_id=QCoreApplication.translate("Anomalies", "Record ID"),
        separator=QCoreApplication.translate("Anomalies", ", "),
    )


def anomaly_labels() -> PersonListLabels:
    """Captions of the anomaly hand-off list, in the language currently installed."""
    return _person_list_labels(
        QCoreApplication.translate("Anomalies", "Anomalies"),
        QCoreApplication.translate("Anomalies", "Anomaly hand-off"),
    )


def trace_labels() -> PersonListLabels:
    """Captions of a tracing export, in the language currently installed."""
    return _person_list_labels(
        QCoreApplication.translate("Tracing", "Tracing"),
        QCoreApplication.translate("Tracing", "Tracing results"),
    )


def plate_problem_text(value: PlateProblem) -> str:
    return {
        PlateProblem.EMPTY: QCoreApplication.translate("Texts", "Enter the plate"),
        PlateProblem.BAD_PROVINCE: QCoreApplication.translate(
            "Texts", "The first character is not a province"
        ),
        PlateProblem.BAD_AUTHORITY: QCoreApplication.translate(
            "Texts", "The second character must be a letter (not I or O)"
        ),
        PlateProblem.BAD_LENGTH: QCoreApplication.translate(
            "Texts", "Wrong length: 5 characters after the letter, 6 for a new-energy plate"
        ),
        PlateProblem.BAD_CHARACTERS: QCoreApplication.translate(
            "Texts", "A character a plate cannot carry (I, O or a symbol)"
        ),
        PlateProblem.BAD_SUFFIX: QCoreApplication.translate(
            "Texts", "That suffix does not belong on this plate"
        ),
        PlateProblem.BAD_NEW_ENERGY: QCoreApplication.translate(
            "Texts", "Not a new-energy plate: D or F in the wrong place"
        ),
    }[value]


def clock_went_back_text(before: datetime, after: datetime) -> str:
    """The banner when the system clock went backwards (both times in local time)."""
    return QCoreApplication.translate(
        "Texts",
        "The system clock went back from {before} to {after}: check the time. Records keep their order.",
    ).format(
        before=f"{before.astimezone():%Y-%m-%d %H:%M:%S}", after=f"{after.astimezone():%Y-%m-%d %H:%M:%S}"
    )


def audit_action_text(value: AuditAction) -> str:
    """An audit trail action in words (the audit viewer)."""
    return {
        AuditAction.DATABASE_CREATED: QCoreApplication.translate("Texts", "Database created"),
        AuditAction.SHIFT_OPENED: QCoreApplication.translate("Texts", "Shift opened"),
        AuditAction.SHIFT_CLOSED: QCoreApplication.translate("Texts", "Shift closed"),
        AuditAction.EXPORT: QCoreApplication.translate("Texts", "Export or tracing query"),
        AuditAction.CORRECTION: QCoreApplication.translate("Texts", "Correction"),
        AuditAction.SETTINGS_CHANGED: QCoreApplication.translate("Texts", "Settings changed"),
        AuditAction.CLOCK_WENT_BACK: QCoreApplication.translate("Texts", "System clock went back"),
        AuditAction.ALARM_ACKNOWLEDGED: QCoreApplication.translate("Texts", "Alarm acknowledged"),
        AuditAction.PASS_ISSUED: QCoreApplication.translate("Texts", "Pass issued"),
        AuditAction.PASS_REVOKED: QCoreApplication.translate("Texts", "Pass revoked"),
        AuditAction.WATCHLIST_IMPORTED: QCoreApplication.translate("Texts", "Watchlist imported"),
        AuditAction.RULES_CHANGED: QCoreApplication.translate("Texts", "Rules changed"),
        AuditAction.KEY_CREATED: QCoreApplication.translate("Texts", "Key created"),
        AuditAction.RELAY_FAILED: QCoreApplication.translate("Texts", "Barrier relay failed"),
        AuditAction.RESIDENTS_IMPORTED: QCoreApplication.translate("Texts", "Residents imported"),
        AuditAction.SIGNED_IN: QCoreApplication.translate("Texts", "Signed in"),
        AuditAction.SIGN_IN_FAILED: QCoreApplication.translate("Texts", "Sign-in failed"),
        AuditAction.LOCKED_OUT: QCoreApplication.translate("Texts", "Locked out"),
        AuditAction.SIGNED_OUT: QCoreApplication.translate("Texts", "Signed out"),
        AuditAction.OPERATOR_ADDED: QCoreApplication.translate("Texts", "Operator added"),
        AuditAction.PIN_SET: QCoreApplication.translate("Texts", "PIN set"),
        AuditAction.OPERATOR_DISABLED: QCoreApplication.translate("Texts", "Operator disabled"),
        AuditAction.OPERATOR_ENABLED: QCoreApplication.translate("Texts", "Operator enabled"),
        AuditAction.ACCESS_REFUSED: QCoreApplication.translate("Texts", "Access refused"),
        AuditAction.DATA_SEALED: QCoreApplication.translate("Texts", "Personal data encrypted"),
        AuditAction.VERIFY_FAILED: QCoreApplication.translate("Texts", "Database verification failed"),
        AuditAction.VERIFY_OK: QCoreApplication.translate("Texts", "Database verified intact"),
        AuditAction.PURGE: QCoreApplication.translate("Texts", "Old passages purged"),
        AuditAction.RECOVERY_CODE_SET: QCoreApplication.translate("Texts", "Recovery code made"),
        AuditAction.RECOVERED: QCoreApplication.translate("Texts", "New PIN with the recovery code"),
        AuditAction.RECOVERY_FAILED: QCoreApplication.translate("Texts", "Recovery refused"),
    }[value]


def role_text(value: Role) -> str:
    """A role in words (status bar, sign-in, operator lists)."""
    return {
        Role.OPERATOR: QCoreApplication.translate("Texts", "operator"),
        Role.SHIFT_LEADER: QCoreApplication.translate("Texts", "shift leader"),
        Role.ADMINISTRATOR: QCoreApplication.translate("Texts", "administrator"),
    }[value]


def pin_problem_text(value: PinProblem) -> str:
    """What is wrong with a new PIN, in the operator's words."""
    return {
        PinProblem.EMPTY: QCoreApplication.translate("Texts", "Type a PIN."),
        PinProblem.NOT_DIGITS: QCoreApplication.translate("Texts", "A PIN has digits only."),
        PinProblem.TOO_SHORT: QCoreApplication.translate("Texts", "A PIN has at least 4 digits."),
        PinProblem.TOO_LONG: QCoreApplication.translate("Texts", "A PIN has at most 8 digits."),
        PinProblem.REPEATED: QCoreApplication.translate(
            "Texts", "This PIN repeats itself (like 1111 or 1212) and is guessed first: choose another."
        ),
        PinProblem.SEQUENCE: QCoreApplication.translate(
            "Texts", "This PIN is a run of digits (like 1234 or 4321) and is guessed first: choose another."
        ),
        PinProblem.DATE: QCoreApplication.translate(
            "Texts", "This PIN looks like a year or a date, which others can find out: choose another."
        ),
        PinProblem.COMMON: QCoreApplication.translate(
            "Texts", "This PIN is among the most common ones and is guessed first: choose another."
        ),
        PinProblem.MISMATCH: QCoreApplication.translate("Texts", "The two PINs differ: type them again."),
    }[value]


def trace_problem_text(error: TraceQueryError) -> str:
    """A tracing query that cannot run, in the operator's words (same problems as ``checkpoint trace``)."""
    text = {
        TraceProblem.NO_CRITERIA: QCoreApplication.translate(
            "Texts", "Give at least one of plate, ID number, phone or name"
        ),
        TraceProblem.BAD_PLATE: QCoreApplication.translate("Texts", "Not a valid plate: {value}"),
        TraceProblem.BAD_ID_NUMBER: QCoreApplication.translate("Texts", "Not a valid ID number: {value}"),
        TraceProblem.BAD_PHONE: QCoreApplication.translate("Texts", "Not a valid mobile number: {value}"),
        TraceProblem.EMPTY_WINDOW: QCoreApplication.translate(
            "Texts", "The window's start must be before its end"
        ),
        TraceProblem.NAIVE_TIME: QCoreApplication.translate("Texts", "The window's times need a timezone"),
    }[error.problem].format(value=error.value)
    if error.detail is not None:
        text += f" ({validator_problem_text(error.detail)})"
    return text


def validator_problem_text(problem: IdProblem | PlateProblem | PhoneProblem) -> str:
    """What a validator found wrong with an ID number, a plate or a phone, in the operator's words."""
    if isinstance(problem, IdProblem):
        return id_problem_text(problem)
    if isinstance(problem, PlateProblem):
        return plate_problem_text(problem)
    return phone_problem_text(problem)


def reject_detail_text(detail: str) -> str:
    """An import report's reject detail ("bad_check_digit: 1101...", as the importers write it) with the
    validator's problem code in the operator's words; any other detail as it is."""
    head, sep, rest = detail.partition(": ")
    for kind in (IdProblem, PlateProblem, PhoneProblem):
        if head in {p.value for p in kind}:
            words = validator_problem_text(kind(head))
            if sep:  # "...Read the card again: 1101..." (no full stop before the colon)
                full_width = words.endswith("。")
                words = words.rstrip(".。") + ("：" if full_width else sep)
            return f"{words}{rest}"
    return detail
