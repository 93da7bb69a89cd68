"""The station's working state: gate, operator, shift, the passage being decided, and the confirm path.

A scan starts a new draft; the operator attests what cannot be verified, and confirms an outcome. The
confirmation goes to the one writer; ``passage_recorded`` is emitted only once the passage is on disk, so
the screen never shows a confirmation for something that is not recorded. A failed write keeps the draft.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Gate,
    Itinerary,
    Operator,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Reason,
    Shift,
    SubjectKind,
)
from checkpoint.domain.rules import GateFacts, Profile, ProfileError, decide
from checkpoint.station.profiles import ProfileNotFoundError, ProfileStore
from checkpoint.station.scan import ScanEvent
from checkpoint.station.texts import storage_error_text
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import StorageError

_log = logging.getLogger(__name__)
FALLBACK_PROFILE = "highway-exit"  # the rules a gate whose own profile cannot be read decides under


@dataclass(frozen=True, slots=True)
class DraftState:
    """The passage being decided, as the station screen shows it."""

    code: ScanEvent | None = None
    direction: Direction = Direction.IN
    colour: CodeColour = CodeColour.NONE
    itinerary: Itinerary = Itinerary.NONE
    test_age_days: int | None = None
    temperature: float | None = None
    proposed: Outcome = Outcome.RECHECK
    reasons: tuple[Reason, ...] = (Reason.CODE_NOT_SHOWN,)

    def facts(self) -> GateFacts:
        """What the rules see of this draft."""
        return GateFacts(
            code_colour=self.colour,
            itinerary=self.itinerary,
            test_age_days=self.test_age_days,
            temperature=self.temperature,
            direction=self.direction,
            subject=SubjectKind.PEDESTRIAN,
        )

    def with_proposal(self, profile: Profile) -> DraftState:
        decision = decide(profile, self.facts())
        return dataclasses.replace(self, proposed=decision.outcome, reasons=decision.reasons)


class StationSession(QObject):
    """Gate, operator, shift and the current draft; records confirmed passages through the writer.

    Proposals follow the gate's profile (``gate.profile``) from the ``ProfileStore``; when the profile is
    saved anew, the current draft is proposed again under the new version.

    Signals:
        draft_changed(): a field of the current draft changed.
        passage_recorded(Passage): a passage is committed on disk.
        record_failed(str): a translated message; the draft is kept so nothing is lost.
        shift_count_changed(int): passages recorded in this shift.
        recording_changed(bool): a confirmation is being written (buttons may be disabled meanwhile).
    """

    draft_changed = Signal()
    passage_recorded = Signal(object)
    record_failed = Signal(str)
    shift_count_changed = Signal(int)
    recording_changed = Signal(bool)

    def __init__(
        self,
        writer: RecordWriter,
        gate: Gate,
        operator: Operator,
        shift: Shift,
        *,
        shift_count: int = 0,
        clock: Callable[[], datetime] | None = None,
        profiles: ProfileStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._profiles = profiles or ProfileStore(writer, clock=clock, parent=self)
        self._profiles.profile_changed.connect(self._on_profiles_profile_changed)
        self._gate = gate
        self._operator = operator
        self._shift = shift
        self._shift_count = shift_count
        self._clock = clock or (lambda: datetime.now(UTC))
        self._profile = self._load_profile()
        self._draft = DraftState().with_proposal(self._profile)
        self._recording = False

    @property
    def gate(self) -> Gate:
        return self._gate

    @property
    def operator(self) -> Operator:
        return self._operator

    @property
    def profiles(self) -> ProfileStore:
        return self._profiles

    @property
    def profile(self) -> Profile:
        """The rules the current draft is proposed under."""
        return self._profile

    @property
    def shift(self) -> Shift:
        return self._shift

    @property
    def shift_count(self) -> int:
        return self._shift_count

    @property
    def draft(self) -> DraftState:
        return self._draft

    @property
    def recording(self) -> bool:
        return self._recording

    @Slot(object)
    def on_code_scanned(self, event: ScanEvent) -> None:
        """A new code starts a new draft; the direction chosen before is kept (a gate works one way)."""
        self._set(DraftState(code=event, direction=self._draft.direction))

    def set_direction(self, direction: Direction) -> None:
        self._set(dataclasses.replace(self._draft, direction=direction))

    def set_colour(self, colour: CodeColour) -> None:
        self._set(dataclasses.replace(self._draft, colour=colour))

    def set_itinerary(self, itinerary: Itinerary) -> None:
        self._set(dataclasses.replace(self._draft, itinerary=itinerary))

    def set_test_age(self, days: int | None) -> None:
        self._set(dataclasses.replace(self._draft, test_age_days=days))

    def set_temperature(self, celsius: float | None) -> None:
        self._set(dataclasses.replace(self._draft, temperature=celsius))

    def clear(self) -> None:
        self._set(DraftState(direction=self._draft.direction))

    def confirm(self, outcome: Outcome) -> bool:
        """Sends the draft with the operator's outcome to the writer. False while one is being written."""
        if self._recording:
            return False
        draft = self._draft
        passage = self._build(draft, outcome)
        self._set_recording(True)
        self._writer.submit(
            lambda db: db.append_passage(passage),
            on_done=self._on_writer_done,
            on_error=self._on_writer_error,
        )
        return True

    def _build(self, draft: DraftState, outcome: Outcome) -> PassageDraft:
        code = draft.code
        person = PersonCheck(
            code_text=code.text if code else "",
            code_kind=code.kind if code else PersonCheck().code_kind,
            code_colour=draft.colour,
            itinerary=draft.itinerary,
            test_age_days=draft.test_age_days,
            temperature=draft.temperature,
        )
        reasons = draft.reasons
        if outcome is not draft.proposed:
            reasons = (*reasons, Reason.OPERATOR_DECISION)
        return PassageDraft(
            at=self._clock(),
            direction=draft.direction,
            subject=SubjectKind.PEDESTRIAN,
            outcome=outcome,
            gate_id=self._gate.id,
            operator_id=self._operator.id,
            shift_id=self._shift.id,
            reasons=reasons,
            rules_version=self._profile.rules_version,
            persons=(person,),
        )

    def _on_writer_done(self, passage: Passage) -> None:
        self._set_recording(False)
        self._shift_count += 1
        self.passage_recorded.emit(passage)
        self.shift_count_changed.emit(self._shift_count)
        self.clear()

    def _on_writer_error(self, error: StorageError) -> None:
        self._set_recording(False)
        message = QCoreApplication.translate(
            "StationSession", "The passage was NOT recorded: {reason} Nothing was lost; confirm again."
        ).format(reason=storage_error_text(error.kind))
        self.record_failed.emit(message)

    def _load_profile(self) -> Profile:
        """The gate's profile; if it cannot be read, its shipped version, then the highway-exit rules."""
        name = self._gate.profile
        attempts = (
            (name, self._profiles.load),
            (name, self._profiles.load_shipped),
            (FALLBACK_PROFILE, self._profiles.load_shipped),
        )
        for attempt, load in attempts:
            try:
                return load(attempt)
            except (ProfileNotFoundError, ProfileError, OSError) as error:
                _log.error("gate profile %s cannot be used (%s): %s", attempt, load.__name__, error)
        return self._profiles.load_shipped(FALLBACK_PROFILE)  # raises: the installation is broken

    @Slot(str)
    def _on_profiles_profile_changed(self, name: str) -> None:
        if name == self._gate.profile:
            self._profile = self._load_profile()
            self._set(self._draft)

    def _set(self, draft: DraftState) -> None:
        self._draft = draft.with_proposal(self._profile)
        self.draft_changed.emit()

    def _set_recording(self, value: bool) -> None:
        self._recording = value
        self.recording_changed.emit(value)
