"""The one translation table from domain codes to words (STYLE habit 2).

Domain code returns enum values; everything a person reads about them is produced here, through Qt's
translation system (context "Texts"), so zh_CN and English stay complete and consistent across the
screens, the exports and the command line.

The tables are module data: each entry is an English source text marked with ``QT_TRANSLATE_NOOP`` (which
``pyside6-lupdate`` extracts and which returns the text unchanged), and ``enum_text`` translates the one
entry asked for when it is asked (the language can change while the station runs). Building a dict of
every translated word per call cost 20 µs a cell in the pass log; a lookup costs about as much as one
``translate()``.

Why one module of this length: it is the one table (STYLE habit 2); splitting it by noun would make
translators and reviewers look for a word in several places, and ``enum_text`` picks the table by type.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from checkpoint.camera.grabber import CameraStatus
from checkpoint.camera.sources import CameraErrorKind
from checkpoint.domain.credentials import PassKind, PassVerdict
from checkpoint.domain.handover import Anomaly
from checkpoint.domain.overrides import OverrideReason
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
from checkpoint.domain.watchlist_import import FileError, RejectCode
from checkpoint.exports.labels import HandoverLabels, PersonListLabels
from checkpoint.station.alarms import AlarmKind
from checkpoint.station.i18n import QT_TRANSLATE_NOOP
from checkpoint.storage.errors import StorageError, StorageErrorKind

# -- the records: a passage, its people and vehicles, the station's devices and storage --------------------


_OUTCOME: dict[Outcome, str] = {
    Outcome.PASS: QT_TRANSLATE_NOOP("Texts", "Pass"),
    Outcome.RECHECK: QT_TRANSLATE_NOOP("Texts", "Recheck"),
    Outcome.TURN_BACK: QT_TRANSLATE_NOOP("Texts", "Turn back"),
    Outcome.HOLD: QT_TRANSLATE_NOOP("Texts", "Hold / hand over"),
}


_DIRECTION: dict[Direction, str] = {
    Direction.IN: QT_TRANSLATE_NOOP("Texts", "In"),
    Direction.OUT: QT_TRANSLATE_NOOP("Texts", "Out"),
}


_SUBJECT_KIND: dict[SubjectKind, str] = {
    SubjectKind.VEHICLE: QT_TRANSLATE_NOOP("Texts", "Vehicle"),
    SubjectKind.PEDESTRIAN: QT_TRANSLATE_NOOP("Texts", "Pedestrian"),
}


_CODE_COLOUR: dict[CodeColour, str] = {
    CodeColour.GREEN: QT_TRANSLATE_NOOP("Texts", "Green code"),
    CodeColour.YELLOW: QT_TRANSLATE_NOOP("Texts", "Yellow code"),
    CodeColour.RED: QT_TRANSLATE_NOOP("Texts", "Red code"),
    CodeColour.NONE: QT_TRANSLATE_NOOP("Texts", "No code checked"),
}


_ITINERARY: dict[Itinerary, str] = {
    Itinerary.GREEN: QT_TRANSLATE_NOOP("Texts", "Itinerary green"),
    Itinerary.STARRED: QT_TRANSLATE_NOOP("Texts", "Itinerary starred"),
    Itinerary.OTHER: QT_TRANSLATE_NOOP("Texts", "Itinerary other colour"),
    Itinerary.NONE: QT_TRANSLATE_NOOP("Texts", "Itinerary not checked"),
}


_CODE_KIND: dict[CodeKind, str] = {
    CodeKind.DCC: QT_TRANSLATE_NOOP("Texts", "EU digital COVID certificate"),
    CodeKind.STATION_PASS: QT_TRANSLATE_NOOP("Texts", "Station pass"),
    CodeKind.HEALTH_CODE: QT_TRANSLATE_NOOP("Texts", "Health code"),
    CodeKind.UNKNOWN: QT_TRANSLATE_NOOP("Texts", "Unrecognised code"),
}


_REASON: dict[Reason, str] = {
    Reason.ALL_CHECKS_CLEAR: QT_TRANSLATE_NOOP("Texts", "All checks clear"),
    Reason.OPERATOR_DECISION: QT_TRANSLATE_NOOP("Texts", "Operator's decision"),
    Reason.CODE_GREEN: QT_TRANSLATE_NOOP("Texts", "Green code"),
    Reason.CODE_YELLOW: QT_TRANSLATE_NOOP("Texts", "Yellow code"),
    Reason.CODE_RED: QT_TRANSLATE_NOOP("Texts", "Red code"),
    Reason.CODE_NOT_SHOWN: QT_TRANSLATE_NOOP("Texts", "Health code not checked"),
    Reason.ITINERARY_STARRED: QT_TRANSLATE_NOOP("Texts", "Itinerary starred"),
    Reason.ITINERARY_OTHER: QT_TRANSLATE_NOOP("Texts", "Itinerary not green"),
    Reason.TEST_TOO_OLD: QT_TRANSLATE_NOOP("Texts", "Test older than 48 hours"),
    Reason.NO_TEST: QT_TRANSLATE_NOOP("Texts", "No test proof"),
    Reason.FEVER: QT_TRANSLATE_NOOP("Texts", "Temperature at or above 37.3 °C"),
    Reason.CORRECTION: QT_TRANSLATE_NOOP("Texts", "Correction of an earlier record"),
    Reason.DCC_INVALID: QT_TRANSLATE_NOOP("Texts", "EU certificate not valid (signature)"),
    Reason.DCC_EXPIRED: QT_TRANSLATE_NOOP("Texts", "EU certificate expired"),
    Reason.PASS_VALID: QT_TRANSLATE_NOOP("Texts", "Valid station pass"),
    Reason.PASS_INVALID: QT_TRANSLATE_NOOP("Texts", "Station pass not valid (signature)"),
    Reason.PASS_REVOKED: QT_TRANSLATE_NOOP("Texts", "Station pass revoked"),
    Reason.PASS_EXPIRED: QT_TRANSLATE_NOOP("Texts", "Station pass expired"),
    Reason.NO_PASS: QT_TRANSLATE_NOOP("Texts", "No valid pass"),
    Reason.EXIT_QUOTA_EXCEEDED: QT_TRANSLATE_NOOP("Texts", "Household exit quota used up"),
    Reason.RETURN_OVERDUE: QT_TRANSLATE_NOOP("Texts", "Returned after the deadline"),
    Reason.QUARANTINE_LEAVING: QT_TRANSLATE_NOOP("Texts", "Home quarantine: must not leave"),
    Reason.VISITOR_NOT_REGISTERED: QT_TRANSLATE_NOOP("Texts", "Visitor without pre-registration or host"),
    Reason.VISITOR_WITH_HOST: QT_TRANSLATE_NOOP("Texts", "Visitor with a host"),
    Reason.WATCHLIST_BLOCK: QT_TRANSLATE_NOOP("Texts", "On a watchlist: block"),
    Reason.WATCHLIST_NOTIFY: QT_TRANSLATE_NOOP("Texts", "On a watchlist: notify"),
    Reason.MANUAL_ID: QT_TRANSLATE_NOOP("Texts", "ID typed by hand: re-check later"),
    Reason.PLATE_INVALID: QT_TRANSLATE_NOOP("Texts", "Plate number not valid"),
    Reason.NO_OCCUPANTS: QT_TRANSLATE_NOOP("Texts", "No occupant checked"),
    Reason.NO_RULE_MATCHED: QT_TRANSLATE_NOOP("Texts", "No rule applies: check by hand"),
    Reason.RESIDENT_KNOWN: QT_TRANSLATE_NOOP("Texts", "Registered resident"),
    Reason.RESIDENT_NO_EXIT: QT_TRANSLATE_NOOP("Texts", "Registry: must not leave"),
    Reason.RESIDENT_MOVED_OUT: QT_TRANSLATE_NOOP("Texts", "Registry: moved out, check as a visitor"),
    Reason.HOUSEHOLD_UNKNOWN: QT_TRANSLATE_NOOP("Texts", "Household not in the registry: check"),
}


_ANOMALY: dict[Anomaly, str] = {
    Anomaly.TURNED_BACK: QT_TRANSLATE_NOOP("Texts", "Turned back"),
    Anomaly.HELD: QT_TRANSLATE_NOOP("Texts", "Held / handed over"),
    Anomaly.CODE_YELLOW: QT_TRANSLATE_NOOP("Texts", "Yellow code"),
    Anomaly.CODE_RED: QT_TRANSLATE_NOOP("Texts", "Red code"),
    Anomaly.ITINERARY_STARRED: QT_TRANSLATE_NOOP("Texts", "Itinerary starred"),
    Anomaly.ITINERARY_OTHER: QT_TRANSLATE_NOOP("Texts", "Itinerary not green"),
    Anomaly.FEVER: QT_TRANSLATE_NOOP("Texts", "Fever"),
    Anomaly.OVERRIDDEN: QT_TRANSLATE_NOOP("Texts", "Override: milder than proposed"),
}


# Why the operator recorded an outcome milder than the proposed one (the override confirmation, the files).
_OVERRIDE_REASON: dict[OverrideReason, str] = {
    OverrideReason.RECHECKED: QT_TRANSLATE_NOOP("Texts", "Rechecked by hand: all clear"),
    OverrideReason.LEADER_APPROVED: QT_TRANSLATE_NOOP("Texts", "Approved by the shift leader"),
    OverrideReason.MEDICAL_EMERGENCY: QT_TRANSLATE_NOOP("Texts", "Medical emergency"),
    OverrideReason.OFFICIAL_DUTY: QT_TRANSLATE_NOOP("Texts", "Official duty or supply run"),
    OverrideReason.PLATFORM_FAULT: QT_TRANSLATE_NOOP("Texts", "Health-code platform fault"),
    OverrideReason.OTHER: QT_TRANSLATE_NOOP("Texts", "Other (type the reason)"),
}


# ``Vehicle.kind`` is a free code: these are the kinds the station offers; any other prints as it is.
_VEHICLE_KIND: dict[str, str] = {
    "car": QT_TRANSLATE_NOOP("Texts", "Car"),
    "truck": QT_TRANSLATE_NOOP("Texts", "Truck"),
    "bus": QT_TRANSLATE_NOOP("Texts", "Bus"),
    "van": QT_TRANSLATE_NOOP("Texts", "Van"),
    "delivery": QT_TRANSLATE_NOOP("Texts", "Delivery vehicle"),
    "supply": QT_TRANSLATE_NOOP("Texts", "Supply vehicle"),
}


_CAMERA_STATUS: dict[CameraStatus, str] = {
    CameraStatus.STARTING: QT_TRANSLATE_NOOP("Texts", "Camera starting"),
    CameraStatus.LIVE: QT_TRANSLATE_NOOP("Texts", "Camera live"),
    CameraStatus.LOST: QT_TRANSLATE_NOOP("Texts", "Camera lost"),
    CameraStatus.RECONNECTING: QT_TRANSLATE_NOOP("Texts", "Camera lost, reconnecting"),
    CameraStatus.ENDED: QT_TRANSLATE_NOOP("Texts", "Video ended"),
    CameraStatus.FAILED: QT_TRANSLATE_NOOP("Texts", "Camera failed"),
}


_CAMERA_ERROR_KIND: dict[CameraErrorKind, str] = {
    CameraErrorKind.NOT_FOUND: QT_TRANSLATE_NOOP("Texts", "No camera or file at that address."),
    CameraErrorKind.CANNOT_OPEN: QT_TRANSLATE_NOOP("Texts", "The camera or stream cannot be opened."),
    CameraErrorKind.UNREADABLE: QT_TRANSLATE_NOOP("Texts", "The file is not a readable image or video."),
    CameraErrorKind.DISCONNECTED: QT_TRANSLATE_NOOP("Texts", "The camera was disconnected."),
    CameraErrorKind.ENDED: QT_TRANSLATE_NOOP("Texts", "The video has ended."),
}


_STORAGE_ERROR_KIND: dict[StorageErrorKind, str] = {
    StorageErrorKind.DISK_FULL: QT_TRANSLATE_NOOP("Texts", "The disk is full. Free some space."),
    StorageErrorKind.LOCKED: QT_TRANSLATE_NOOP("Texts", "The database is busy (locked by another program)."),
    StorageErrorKind.READ_ONLY: QT_TRANSLATE_NOOP("Texts", "The database file is read-only."),
    StorageErrorKind.CORRUPT: QT_TRANSLATE_NOOP(
        "Texts", "The database file is damaged. Call the administrator."
    ),
    StorageErrorKind.NEWER_SCHEMA: QT_TRANSLATE_NOOP(
        "Texts", "The database was made by a newer version of Checkpoint Station. Update this station."
    ),
    StorageErrorKind.UNWRITABLE_FOLDER: QT_TRANSLATE_NOOP("Texts", "The data folder cannot be written."),
    StorageErrorKind.DATA_KEY: QT_TRANSLATE_NOOP(
        "Texts",
        "The key for the personal data in this database (keys/data.key) is missing or wrong. "
        "Restore it from the backup.",
    ),
    StorageErrorKind.OTHER: QT_TRANSLATE_NOOP(
        "Texts", "An unexpected database error happened; it was logged."
    ),
}


# -- the gate: credentials, alarms, degraded mode, watchlist imports ---------------------------------------


_ALARM_KIND: dict[AlarmKind, str] = {
    AlarmKind.HOME_QUARANTINE: QT_TRANSLATE_NOOP("Texts", "Home quarantine: must not leave"),
    AlarmKind.WATCHLIST_BLOCK: QT_TRANSLATE_NOOP("Texts", "Watchlist: stop this person"),
    AlarmKind.WATCHLIST_NOTIFY: QT_TRANSLATE_NOOP("Texts", "Watchlist: person of interest"),
    AlarmKind.OVERDUE: QT_TRANSLATE_NOOP("Texts", "Back later than the exit slip allows"),
    AlarmKind.OVER_QUOTA: QT_TRANSLATE_NOOP("Texts", "Household's exit quota already used"),
    AlarmKind.NO_EXIT: QT_TRANSLATE_NOOP("Texts", "Registry: this resident must not leave"),
}


_PASS_KIND: dict[PassKind, str] = {
    PassKind.EXIT_SLIP: QT_TRANSLATE_NOOP("Texts", "Exit slip"),
    PassKind.RESIDENT: QT_TRANSLATE_NOOP("Texts", "Resident pass"),
    PassKind.VISITOR: QT_TRANSLATE_NOOP("Texts", "Visitor pre-registration"),
    PassKind.SUPPLY_VEHICLE: QT_TRANSLATE_NOOP("Texts", "Supply-vehicle pass"),
}


# What the operator reads about a station pass, in plain words.
_PASS_VERDICT: dict[PassVerdict, str] = {
    PassVerdict.NOT_A_PASS: QT_TRANSLATE_NOOP(
        "Texts", "Not readable as a pass: damaged or not one of ours. Turn back."
    ),
    PassVerdict.FORGED: QT_TRANSLATE_NOOP(
        "Texts", "FORGED: the pass was changed or not signed by this compound. Turn back."
    ),
    PassVerdict.WRONG_KEY: QT_TRANSLATE_NOOP(
        "Texts", "Signed with a key this gate does not know (another compound, or a replaced key)."
    ),
    PassVerdict.REVOKED: QT_TRANSLATE_NOOP("Texts", "REVOKED: this pass was withdrawn."),
    PassVerdict.EXPIRED: QT_TRANSLATE_NOOP("Texts", "EXPIRED: the pass is no longer valid."),
    PassVerdict.NOT_YET_VALID: QT_TRANSLATE_NOOP("Texts", "Not valid yet: its period starts later."),
    PassVerdict.VALID: QT_TRANSLATE_NOOP("Texts", "Signature valid: issued by this compound."),
}


# A fact a signature proved (``PersonCheck.verified``), in words.
_VERIFIED_FACT: dict[str, str] = {
    "dcc_signature": QT_TRANSLATE_NOOP("Texts", "certificate signature"),
    "dcc_validity": QT_TRANSLATE_NOOP("Texts", "certificate validity"),
    "pass_signature": QT_TRANSLATE_NOOP("Texts", "pass signature"),
    "pass_validity": QT_TRANSLATE_NOOP("Texts", "pass validity"),
    "name": QT_TRANSLATE_NOOP("Texts", "holder's name"),
    "household": QT_TRANSLATE_NOOP("Texts", "household"),
}


# An EU certificate's type letter.
_CERTIFICATE_TYPE: dict[str, str] = {
    "v": QT_TRANSLATE_NOOP("Texts", "Vaccination"),
    "t": QT_TRANSLATE_NOOP("Texts", "Test"),
    "r": QT_TRANSLATE_NOOP("Texts", "Recovery"),
}


_PERSON_FLAG: dict[PersonFlag, str] = {
    PersonFlag.MANUAL_ID: QT_TRANSLATE_NOOP("Texts", "ID typed by hand"),
    PersonFlag.NO_PHONE: QT_TRANSLATE_NOOP("Texts", "No phone"),
    PersonFlag.PLATFORM_DOWN: QT_TRANSLATE_NOOP("Texts", "Health-code platform down"),
}


_ID_PROBLEM: dict[IdProblem, str] = {
    IdProblem.EMPTY: QT_TRANSLATE_NOOP("Texts", "Type the 18-character ID number."),
    IdProblem.BAD_LENGTH: QT_TRANSLATE_NOOP("Texts", "An ID number has 18 characters."),
    IdProblem.BAD_CHARACTERS: QT_TRANSLATE_NOOP("Texts", "Only digits, and X as the last character."),
    IdProblem.BAD_CHECK_DIGIT: QT_TRANSLATE_NOOP(
        "Texts", "Wrong check digit: a digit was mistyped. Read the card again."
    ),
    IdProblem.BAD_REGION: QT_TRANSLATE_NOOP("Texts", "The first six digits do not name a region of China."),
    IdProblem.BAD_BIRTH_DATE: QT_TRANSLATE_NOOP("Texts", "Digits 7-14 are not a real date of birth."),
    IdProblem.BIRTH_IN_FUTURE: QT_TRANSLATE_NOOP("Texts", "The date of birth is in the future."),
}


_PHONE_PROBLEM: dict[PhoneProblem, str] = {
    PhoneProblem.EMPTY: QT_TRANSLATE_NOOP("Texts", "No phone number."),
    PhoneProblem.BAD_CHARACTERS: QT_TRANSLATE_NOOP("Texts", "A phone number has digits only."),
    PhoneProblem.BAD_LENGTH: QT_TRANSLATE_NOOP("Texts", "A mobile number has 11 digits."),
    PhoneProblem.BAD_PREFIX: QT_TRANSLATE_NOOP("Texts", "A mobile number starts with 13-19."),
}


_WATCHLIST_KIND: dict[WatchlistKind, str] = {
    WatchlistKind.HOME_QUARANTINE: QT_TRANSLATE_NOOP("Texts", "Home quarantine"),
    WatchlistKind.PERSON_OF_INTEREST: QT_TRANSLATE_NOOP("Texts", "Person of interest"),
    WatchlistKind.PLATE_OF_INTEREST: QT_TRANSLATE_NOOP("Texts", "Plate of interest"),
}


_WATCHLIST_ACTION: dict[WatchlistAction, str] = {
    WatchlistAction.NOTIFY: QT_TRANSLATE_NOOP("Texts", "Notify"),
    WatchlistAction.BLOCK: QT_TRANSLATE_NOOP("Texts", "Block"),
}


_REJECT_CODE: dict[RejectCode, str] = {
    RejectCode.EXTRA_CELLS: QT_TRANSLATE_NOOP("Texts", "More cells than the header has columns"),
    RejectCode.UNKNOWN_KIND: QT_TRANSLATE_NOOP("Texts", "Unknown list type"),
    RejectCode.UNKNOWN_ACTION: QT_TRANSLATE_NOOP("Texts", "Unknown action"),
    RejectCode.NO_IDENTITY: QT_TRANSLATE_NOOP("Texts", "No ID number, phone or name"),
    RejectCode.NO_PLATE: QT_TRANSLATE_NOOP("Texts", "Plate of interest without a plate"),
    RejectCode.BAD_ID_NUMBER: QT_TRANSLATE_NOOP("Texts", "ID number not valid"),
    RejectCode.BAD_PHONE: QT_TRANSLATE_NOOP("Texts", "Phone number not valid"),
    RejectCode.BAD_PLATE: QT_TRANSLATE_NOOP("Texts", "Plate number not valid"),
    RejectCode.BAD_DATE: QT_TRANSLATE_NOOP("Texts", "Date not readable"),
    RejectCode.DATES_REVERSED: QT_TRANSLATE_NOOP("Texts", "Ends before it starts"),
    RejectCode.DUPLICATE: QT_TRANSLATE_NOOP("Texts", "Same entry as an earlier line"),
}


_FILE_ERROR: dict[FileError, str] = {
    FileError.EMPTY: QT_TRANSLATE_NOOP("Texts", "The file is empty."),
    FileError.BINARY: QT_TRANSLATE_NOOP("Texts", "This is not a text (CSV) file."),
    FileError.UNKNOWN_ENCODING: QT_TRANSLATE_NOOP(
        "Texts", "The file's encoding is not UTF-8, UTF-16 or GBK."
    ),
    FileError.MALFORMED: QT_TRANSLATE_NOOP("Texts", "The CSV structure is broken."),
    FileError.MISSING_COLUMNS: QT_TRANSLATE_NOOP(
        "Texts", "No name, ID number, phone or plate column in the header."
    ),
    FileError.DUPLICATE_COLUMN: QT_TRANSLATE_NOOP("Texts", "Two columns mean the same field."),
    FileError.AMBIGUOUS_ENCODING: QT_TRANSLATE_NOOP(
        "Texts", "The file does not read as Chinese: save it as UTF-8 (or GBK) and import it again."
    ),
    FileError.TOO_MANY_ROWS: QT_TRANSLATE_NOOP("Texts", "The file has too many lines for a watchlist."),
}


# -- the residents registry --------------------------------------------------------------------------------


_RESIDENT_REJECT_CODE: dict[ResidentRejectCode, str] = {
    ResidentRejectCode.EXTRA_CELLS: QT_TRANSLATE_NOOP("Texts", "More cells than the header has columns"),
    ResidentRejectCode.NO_NAME: QT_TRANSLATE_NOOP("Texts", "No name"),
    ResidentRejectCode.NO_ID_NUMBER: QT_TRANSLATE_NOOP("Texts", "No ID number"),
    ResidentRejectCode.BAD_ID_NUMBER: QT_TRANSLATE_NOOP("Texts", "ID number not valid"),
    ResidentRejectCode.BAD_PHONE: QT_TRANSLATE_NOOP("Texts", "Phone number not valid"),
    ResidentRejectCode.NO_HOUSEHOLD: QT_TRANSLATE_NOOP("Texts", "No household (building, room)"),
    ResidentRejectCode.BAD_HOUSEHOLD: QT_TRANSLATE_NOOP("Texts", "Household not readable (e.g. 3-2-501)"),
    ResidentRejectCode.UNKNOWN_RESIDENCY: QT_TRANSLATE_NOOP(
        "Texts", "Unknown residency (resident or tenant)"
    ),
    ResidentRejectCode.UNKNOWN_STATUS: QT_TRANSLATE_NOOP(
        "Texts", "Unknown status (normal, home quarantine, no exit)"
    ),
    ResidentRejectCode.BAD_DATE: QT_TRANSLATE_NOOP("Texts", "Date not readable"),
    ResidentRejectCode.DATES_REVERSED: QT_TRANSLATE_NOOP("Texts", "Ends before it starts"),
    ResidentRejectCode.BAD_QUOTA: QT_TRANSLATE_NOOP("Texts", "Exit quota not a whole number of days / exits"),
    ResidentRejectCode.TOO_LONG: QT_TRANSLATE_NOOP("Texts", "A cell is too long"),
    ResidentRejectCode.DUPLICATE: QT_TRANSLATE_NOOP("Texts", "Same ID number as an earlier line"),
    ResidentRejectCode.HOUSEHOLD_CONFLICT: QT_TRANSLATE_NOOP(
        "Texts", "Household details differ from an earlier line"
    ),
    ResidentRejectCode.REGISTERED_TO_OTHER: QT_TRANSLATE_NOOP(
        "Texts", "ID number already registered under another name"
    ),
}


_RESIDENT_FILE_ERROR: dict[ResidentFileError, str] = {
    ResidentFileError.EMPTY: QT_TRANSLATE_NOOP("Texts", "The file is empty."),
    ResidentFileError.BINARY: QT_TRANSLATE_NOOP(
        "Texts", "This is neither a CSV nor an XLSX file (save it as XLSX or CSV)."
    ),
    ResidentFileError.UNKNOWN_ENCODING: QT_TRANSLATE_NOOP(
        "Texts", "The file's encoding is not UTF-8, UTF-16 or GBK."
    ),
    ResidentFileError.MALFORMED: QT_TRANSLATE_NOOP("Texts", "The CSV structure is broken."),
    ResidentFileError.NOT_XLSX: QT_TRANSLATE_NOOP("Texts", "This is not a readable XLSX workbook."),
    ResidentFileError.MISSING_COLUMNS: QT_TRANSLATE_NOOP(
        "Texts", "The header needs name, ID number and household (or building and room) columns."
    ),
    ResidentFileError.DUPLICATE_COLUMN: QT_TRANSLATE_NOOP("Texts", "Two columns mean the same field."),
    ResidentFileError.TOO_MANY_ROWS: QT_TRANSLATE_NOOP("Texts", "The file has too many rows."),
    ResidentFileError.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Texts", "The workbook unpacks to too much data or too many cells for a registry."
    ),
    ResidentFileError.AMBIGUOUS_ENCODING: QT_TRANSLATE_NOOP(
        "Texts", "The file does not read as Chinese: save it as UTF-8 (or GBK) and import it again."
    ),
}


_RESIDENT_STATUS: dict[ResidentStatus, str] = {
    ResidentStatus.NORMAL: QT_TRANSLATE_NOOP("Texts", "Normal"),
    ResidentStatus.HOME_QUARANTINED: QT_TRANSLATE_NOOP("Texts", "Home quarantine"),
    ResidentStatus.NO_EXIT: QT_TRANSLATE_NOOP("Texts", "No exit"),
    ResidentStatus.MOVED_OUT: QT_TRANSLATE_NOOP("Texts", "Moved out"),
}


_RESIDENCY: dict[Residency, str] = {
    Residency.RESIDENT: QT_TRANSLATE_NOOP("Texts", "Resident"),
    Residency.TENANT: QT_TRANSLATE_NOOP("Texts", "Tenant"),
}


_IMPORT_ACTION: dict[ImportAction, str] = {
    ImportAction.NEW: QT_TRANSLATE_NOOP("Texts", "new"),
    ImportAction.UPDATED: QT_TRANSLATE_NOOP("Texts", "updated"),
    ImportAction.UNCHANGED: QT_TRANSLATE_NOOP("Texts", "unchanged"),
}


# -- operators, the audit trail, tracing -------------------------------------------------------------------


_PLATE_PROBLEM: dict[PlateProblem, str] = {
    PlateProblem.EMPTY: QT_TRANSLATE_NOOP("Texts", "Enter the plate"),
    PlateProblem.BAD_PROVINCE: QT_TRANSLATE_NOOP("Texts", "The first character is not a province"),
    PlateProblem.BAD_AUTHORITY: QT_TRANSLATE_NOOP(
        "Texts", "The second character must be a letter (not I or O)"
    ),
    PlateProblem.BAD_LENGTH: QT_TRANSLATE_NOOP(
        "Texts", "Wrong length: 5 characters after the letter, 6 for a new-energy plate"
    ),
    PlateProblem.BAD_CHARACTERS: QT_TRANSLATE_NOOP(
        "Texts", "A character a plate cannot carry (I, O or a symbol)"
    ),
    PlateProblem.BAD_SUFFIX: QT_TRANSLATE_NOOP("Texts", "That suffix does not belong on this plate"),
    PlateProblem.BAD_NEW_ENERGY: QT_TRANSLATE_NOOP(
        "Texts", "Not a new-energy plate: D or F in the wrong place"
    ),
}


# An audit trail action in words (the audit viewer).
_AUDIT_ACTION: dict[AuditAction, str] = {
    AuditAction.DATABASE_CREATED: QT_TRANSLATE_NOOP("Texts", "Database created"),
    AuditAction.SHIFT_OPENED: QT_TRANSLATE_NOOP("Texts", "Shift opened"),
    AuditAction.SHIFT_CLOSED: QT_TRANSLATE_NOOP("Texts", "Shift closed"),
    AuditAction.EXPORT: QT_TRANSLATE_NOOP("Texts", "Export or tracing query"),
    AuditAction.CORRECTION: QT_TRANSLATE_NOOP("Texts", "Correction"),
    AuditAction.SETTINGS_CHANGED: QT_TRANSLATE_NOOP("Texts", "Settings changed"),
    AuditAction.CLOCK_WENT_BACK: QT_TRANSLATE_NOOP("Texts", "System clock went back"),
    AuditAction.ALARM_ACKNOWLEDGED: QT_TRANSLATE_NOOP("Texts", "Alarm acknowledged"),
    AuditAction.PASS_ISSUED: QT_TRANSLATE_NOOP("Texts", "Pass issued"),
    AuditAction.PASS_REVOKED: QT_TRANSLATE_NOOP("Texts", "Pass revoked"),
    AuditAction.WATCHLIST_IMPORTED: QT_TRANSLATE_NOOP("Texts", "Watchlist imported"),
    AuditAction.RULES_CHANGED: QT_TRANSLATE_NOOP("Texts", "Rules changed"),
    AuditAction.KEY_CREATED: QT_TRANSLATE_NOOP("Texts", "Key created"),
    AuditAction.RELAY_FAILED: QT_TRANSLATE_NOOP("Texts", "Barrier relay failed"),
    AuditAction.RESIDENTS_IMPORTED: QT_TRANSLATE_NOOP("Texts", "Residents imported"),
    AuditAction.SIGNED_IN: QT_TRANSLATE_NOOP("Texts", "Signed in"),
    AuditAction.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("Texts", "Sign-in failed"),
    AuditAction.LOCKED_OUT: QT_TRANSLATE_NOOP("Texts", "Locked out"),
    AuditAction.SIGNED_OUT: QT_TRANSLATE_NOOP("Texts", "Signed out"),
    AuditAction.OPERATOR_ADDED: QT_TRANSLATE_NOOP("Texts", "Operator added"),
    AuditAction.PIN_SET: QT_TRANSLATE_NOOP("Texts", "PIN set"),
    AuditAction.OPERATOR_DISABLED: QT_TRANSLATE_NOOP("Texts", "Operator disabled"),
    AuditAction.OPERATOR_ENABLED: QT_TRANSLATE_NOOP("Texts", "Operator enabled"),
    AuditAction.ACCESS_REFUSED: QT_TRANSLATE_NOOP("Texts", "Access refused"),
    AuditAction.DATA_SEALED: QT_TRANSLATE_NOOP("Texts", "Personal data encrypted"),
    AuditAction.VERIFY_FAILED: QT_TRANSLATE_NOOP("Texts", "Database verification failed"),
    AuditAction.VERIFY_OK: QT_TRANSLATE_NOOP("Texts", "Database verified intact"),
    AuditAction.PURGE: QT_TRANSLATE_NOOP("Texts", "Old passages purged"),
    AuditAction.PURGE_STARTED: QT_TRANSLATE_NOOP("Texts", "Purge of old passages started"),
    AuditAction.ANCHOR_ISSUED: QT_TRANSLATE_NOOP("Texts", "Log anchor issued"),
    AuditAction.SEARCH_INDEX_REBUILT: QT_TRANSLATE_NOOP("Texts", "Search index rebuilt"),
    AuditAction.RECOVERY_CODE_SET: QT_TRANSLATE_NOOP("Texts", "Recovery code made"),
    AuditAction.RECOVERED: QT_TRANSLATE_NOOP("Texts", "New PIN with the recovery code"),
    AuditAction.RECOVERY_FAILED: QT_TRANSLATE_NOOP("Texts", "Recovery refused"),
}


# A role in words (status bar, sign-in, operator lists).
_ROLE: dict[Role, str] = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("Texts", "operator"),
    Role.SHIFT_LEADER: QT_TRANSLATE_NOOP("Texts", "shift leader"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Texts", "administrator"),
}


# What is wrong with a new PIN, in the operator's words.
_PIN_PROBLEM: dict[PinProblem, str] = {
    PinProblem.EMPTY: QT_TRANSLATE_NOOP("Texts", "Type a PIN."),
    PinProblem.NOT_DIGITS: QT_TRANSLATE_NOOP("Texts", "A PIN has digits only."),
    PinProblem.TOO_SHORT: QT_TRANSLATE_NOOP("Texts", "A PIN has at least 4 digits."),
    PinProblem.TOO_LONG: QT_TRANSLATE_NOOP("Texts", "A PIN has at most 8 digits."),
    PinProblem.REPEATED: QT_TRANSLATE_NOOP(
        "Texts", "This PIN repeats itself (like 1111 or 1212) and is guessed first: choose another."
    ),
    PinProblem.SEQUENCE: QT_TRANSLATE_NOOP(
        "Texts", "This PIN is a run of digits (like 1234 or 4321) and is guessed first: choose another."
    ),
    PinProblem.DATE: QT_TRANSLATE_NOOP(
        "Texts", "This PIN looks like a year or a date, which others can find out: choose another."
    ),
    PinProblem.COMMON: QT_TRANSLATE_NOOP(
        "Texts", "This PIN is among the most common ones and is guessed first: choose another."
    ),
    PinProblem.MISMATCH: QT_TRANSLATE_NOOP("Texts", "The two PINs differ: type them again."),
}


# A tracing query that cannot run, in the operator's words (same problems as ``checkpoint trace``).
_TRACE_PROBLEM: dict[TraceProblem, str] = {
    TraceProblem.NO_CRITERIA: QT_TRANSLATE_NOOP(
        "Texts", "Give at least one of plate, ID number, phone or name"
    ),
    TraceProblem.BAD_PLATE: QT_TRANSLATE_NOOP("Texts", "Not a valid plate: {value}"),
    TraceProblem.BAD_ID_NUMBER: QT_TRANSLATE_NOOP("Texts", "Not a valid ID number: {value}"),
    TraceProblem.BAD_PHONE: QT_TRANSLATE_NOOP("Texts", "Not a valid mobile number: {value}"),
    TraceProblem.EMPTY_WINDOW: QT_TRANSLATE_NOOP("Texts", "The window's start must be before its end"),
    TraceProblem.NAIVE_TIME: QT_TRANSLATE_NOOP("Texts", "The window's times need a timezone"),
}


# -- the lookups -------------------------------------------------------------------------------------------


# Every enum the station puts into words, and its table (tests/unit/station/test_texts.py walks them all).
TABLES: Final[dict[type[Enum], Mapping[Any, str]]] = {
    Outcome: _OUTCOME,
    Direction: _DIRECTION,
    SubjectKind: _SUBJECT_KIND,
    CodeColour: _CODE_COLOUR,
    Itinerary: _ITINERARY,
    CodeKind: _CODE_KIND,
    Reason: _REASON,
    Anomaly: _ANOMALY,
    OverrideReason: _OVERRIDE_REASON,
    CameraStatus: _CAMERA_STATUS,
    CameraErrorKind: _CAMERA_ERROR_KIND,
    StorageErrorKind: _STORAGE_ERROR_KIND,
    AlarmKind: _ALARM_KIND,
    PassKind: _PASS_KIND,
    PassVerdict: _PASS_VERDICT,
    PersonFlag: _PERSON_FLAG,
    IdProblem: _ID_PROBLEM,
    PhoneProblem: _PHONE_PROBLEM,
    WatchlistKind: _WATCHLIST_KIND,
    WatchlistAction: _WATCHLIST_ACTION,
    RejectCode: _REJECT_CODE,
    FileError: _FILE_ERROR,
    ResidentRejectCode: _RESIDENT_REJECT_CODE,
    ResidentFileError: _RESIDENT_FILE_ERROR,
    ResidentStatus: _RESIDENT_STATUS,
    Residency: _RESIDENCY,
    ImportAction: _IMPORT_ACTION,
    PlateProblem: _PLATE_PROBLEM,
    AuditAction: _AUDIT_ACTION,
    Role: _ROLE,
    PinProblem: _PIN_PROBLEM,
    TraceProblem: _TRACE_PROBLEM,
}


# The free codes (plain strings) the station puts into words; an unknown code prints as it is.
CODE_TABLES: Final[dict[str, Mapping[str, str]]] = {
    "vehicle_kind": _VEHICLE_KIND,
    "verified_fact": _VERIFIED_FACT,
    "certificate_type": _CERTIFICATE_TYPE,
}


def enum_text(value: Enum) -> str:
    """Words for a domain code, in the language installed now: one table lookup, one translation.

    An enum that no table knows prints its value.
    """
    table = TABLES.get(type(value))
    if table is None:
        return str(value.value)
    return QCoreApplication.translate("Texts", table[value])


def storage_error_text(error: BaseException) -> str | None:
    """Why the database refused, in words, when ``error`` is a storage error (one a station call such as
    an import's ``read`` raised to the UI); None for any other error. The UI words it without importing
    storage."""
    return enum_text(error.kind) if isinstance(error, StorageError) else None


def _code_text(table: Mapping[str, str], code: str) -> str:
    source = table.get(code)
    return code if source is None else QCoreApplication.translate("Texts", source)


def vehicle_kind_text(kind: str) -> str:
    return _code_text(_VEHICLE_KIND, kind)


def verified_fact_text(name: str) -> str:
    """A fact a signature proved (``PersonCheck.verified``), in words."""
    return _code_text(_VERIFIED_FACT, name)


def certificate_type_text(value: str) -> str:
    return _code_text(_CERTIFICATE_TYPE, value)


# -- words made of parts -----------------------------------------------------------------------------------


def test_age_text(days: int | None) -> str:
    if days is None:
        return QCoreApplication.translate("Texts", "No test")
    if days == 0:
        return QCoreApplication.translate("Texts", "Today")
    if days == 1:
        return QCoreApplication.translate("Texts", "1 day ago")
    return QCoreApplication.translate("Texts", "{days} days ago").format(days=days)


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


def clock_went_back_text(before: datetime, after: datetime) -> str:
    """The banner when the system clock went backwards (both times in local time)."""
    return QCoreApplication.translate(
        "Texts",
        "The system clock went back from {before} to {after}: check the time. Records keep their order.",
    ).format(
        before=f"{before.astimezone():%Y-%m-%d %H:%M:%S}", after=f"{after.astimezone():%Y-%m-%d %H:%M:%S}"
    )


def trace_problem_text(error: TraceQueryError) -> str:
    """A tracing query that cannot run, in the operator's words (same problems as ``checkpoint trace``)."""
    text = enum_text(error.problem).format(value=error.value)
    if error.detail is not None:
        text += f" ({enum_text(error.detail)})"
    return text


def file_problem_text(error: FileError | ResidentFileError, detail: str = "") -> str:
    """Why an import file was refused (``detail``: the report's ``error_detail``); a file that only seems
    to be GBK names the encoding it more likely is."""
    if error in (FileError.AMBIGUOUS_ENCODING, ResidentFileError.AMBIGUOUS_ENCODING):
        likely = {
            "shift_jis": QCoreApplication.translate("Texts", "Japanese (Shift-JIS)"),
            "big5": QCoreApplication.translate("Texts", "Traditional Chinese (Big5)"),
        }.get(detail)
        if likely:
            return QCoreApplication.translate(
                "Texts",
                "The file does not read as Chinese: it is most likely {encoding}. Save it as UTF-8 (or GBK) "
                "and import it again.",
            ).format(encoding=likely)
    return enum_text(error)


def reject_detail_text(detail: str) -> str:
    """An import report's reject detail ("bad_check_digit: 1101...", as the importers write it) with the
    validator's problem code in the operator's words; any other detail as it is."""
    head, sep, rest = detail.partition(": ")
    for kind in (IdProblem, PlateProblem, PhoneProblem):
        if head in {p.value for p in kind}:
            words = enum_text(kind(head))
            if sep:  # "...Read the card again: 1101..." (no full stop before the colon)
                full_width = words.endswith("。")
                words = words.rstrip(".。") + ("：" if full_width else sep)
            return f"{words}{rest}"
    return detail


# -- captions of the exported files ------------------------------------------------------------------------


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
        overrides=QCoreApplication.translate("Handover", "Overrides"),
        override=QCoreApplication.translate("Handover", "Override (proposed → recorded)"),
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
        anchor=anchor_caption(),
        anchor_help=anchor_help(),
        shift_sheet=shift_sheet_labels(),
    )


# -- person lists: the anomaly hand-off and tracing exports ------------------------------------------------


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
        anchor=anchor_caption(),
        anchor_help=anchor_help(),
    )


def anchor_caption() -> str:
    """The caption of the log's anchor on the sheets (``domain.anchor``)."""
    return QCoreApplication.translate("Anchor", "Log anchor")


def anchor_help() -> str:
    """What the anchor is and how to check it, on the sheets (``{station}``, ``{seq}``, ``{hash}``)."""
    return QCoreApplication.translate(
        "Anchor",
        "Station {station}, record no. {seq}, hash {hash}. Whoever keeps this sheet can check that the "
        "station's log still holds this record unchanged: checkpoint db verify --anchor followed by the "
        "anchor's text, CPA1:… (on the PDF the QR code holds it too).",
    )


def anomaly_labels() -> PersonListLabels:
    """Captions of the anomaly hand-off list, in the language currently installed."""
    return dataclasses.replace(
        _person_list_labels(
            QCoreApplication.translate("Anomalies", "Anomalies"),
            QCoreApplication.translate("Anomalies", "Anomaly hand-off"),
        ),
        override=QCoreApplication.translate("Anomalies", "Override (proposed → recorded)"),
    )


def trace_labels() -> PersonListLabels:
    """Captions of a tracing export, in the language currently installed."""
    return _person_list_labels(
        QCoreApplication.translate("Tracing", "Tracing"),
        QCoreApplication.translate("Tracing", "Tracing results"),
    )
