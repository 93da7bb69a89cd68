"""The station's working state: gate, operator, shift, the passage being decided, and the confirm path.

A scan starts a new draft: the ``Verifier`` checks the code (signatures, validity, revocation, the
household's quota and return deadline, the watchlists, a token already scanned this shift). The operator
attests what cannot be verified, types an identity by hand when there is no phone or the platform is down
(degraded mode, the record is flagged), acknowledges every alarm, and confirms an outcome. The confirmation
goes to the one writer; ``passage_recorded`` is emitted only once the passage is on disk, so the screen
never shows a confirmation for something that is not recorded. A failed write keeps the draft. A PASS is
refused while an alarm is not acknowledged; acknowledgements are recorded (audit) through the writer.

An outcome milder than a proposed TURN BACK or HOLD is an *override* (``domain.overrides``): ``confirm``
refuses it on its own and asks for it (``override_required``); the screen asks the operator to confirm and
give a reason, and ``confirm`` with that ``OverrideChoice`` records the passage together with its override.

On foot, once the operator has begun checking a person (an attestation, a typed identity, a visitor's
details, an alarm on screen, an override being confirmed), a new scan never replaces them: it waits in the
queue (``queued``), shown on screen, and comes up when this person is recorded or cleared.

Why one module of this length: it is the one state machine of the passage being decided (scan, draft,
attest, alarms, override, confirm, the waiting queue), and its transitions must be read together to be
right; the rules it applies live elsewhere (``domain.rules``, ``station.occupancy``, ``station.alarms``).
The pedestrian queue and the vehicle's occupant list are the next candidates to move out.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from checkpoint.domain.credentials import PassVerdict
from checkpoint.domain.overrides import Override, OverrideReason, is_override, override_problems
from checkpoint.domain.records import (
    CodeColour,
    CodeKind,
    Direction,
    Gate,
    Itinerary,
    Operator,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    PersonFlag,
    Reason,
    Role,
    Shift,
    SubjectKind,
    Vehicle,
)
from checkpoint.domain.rules import (
    GateFacts,
    Profile,
    ProfileError,
    VehicleFacts,
    decide,
    decide_vehicle,
)
from checkpoint.domain.validators import PlateCheck, validate_plate
from checkpoint.station.alarms import Alarm, alarms_for, open_alarms
from checkpoint.station.credentials import Screening, Verification, Verifier, gate_facts
from checkpoint.station.occupancy import OccupantLimits, is_person_code
from checkpoint.station.presence import VisitorDetails, VisitorInside, departure_note, departure_person
from checkpoint.station.profiles import ProfileNotFoundError, ProfileStore
from checkpoint.station.residents import ResidentService
from checkpoint.station.scan import ScanEvent
from checkpoint.station.texts import enum_text
from checkpoint.station.watchlists import WatchlistService
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError

_log = logging.getLogger(__name__)
FALLBACK_PROFILE = "highway-exit"  # the rules a gate whose own profile cannot be read decides under
QUEUE_LIMIT = 10  # scans kept waiting behind the person being checked (the oldest go first)


@dataclass(frozen=True, slots=True)
class ManualIdentity:
    """Degraded mode: the identity the operator typed (validated by the dialog) and why."""

    name: str
    id_number: str
    phone: str = ""
    reason: PersonFlag = PersonFlag.NO_PHONE  # NO_PHONE or PLATFORM_DOWN
    seen_at: datetime | None = None  # the session fills it: this ID (or phone) was recorded in the shift then


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
    verification: Verification | None = None
    manual: ManualIdentity | None = None
    screening: Screening = dataclasses.field(default_factory=Screening)
    alarms: tuple[Alarm, ...] = ()
    acknowledged: frozenset[str] = frozenset()
    attested_at: datetime | None = None  # when the operator last changed an attestation
    subject: SubjectKind = SubjectKind.PEDESTRIAN  # VEHICLE: an occupant of the vehicle being decided
    visitor: VisitorDetails | None = None  # a walk-in visitor: name, host, purpose, expected exit

    @property
    def is_blank(self) -> bool:
        """Nothing scanned, typed or attested yet."""
        return self.code is None and self.manual is None and self.attested_at is None and self.visitor is None

    @property
    def checking_begun(self) -> bool:
        """The operator has begun checking this person: something attested or typed, or an alarm shown.
        From then on a new scan waits in the queue instead of replacing them (pedestrian mode)."""
        return (
            self.attested_at is not None
            or self.manual is not None
            or self.visitor is not None
            or bool(self.alarms)
        )

    @property
    def verified_pass(self) -> bool:
        """A station pass whose signature holds and that is neither revoked nor expired."""
        v = self.verification
        return (
            v is not None
            and v.kind is CodeKind.STATION_PASS
            and v.signature_valid
            and v.pass_verdict is PassVerdict.VALID
            and not v.code.expired
        )

    @property
    def open_alarms(self) -> tuple[Alarm, ...]:
        """Alarms not yet acknowledged: a PASS is refused while there is one."""
        return open_alarms(self.alarms, self.acknowledged)

    @property
    def flags(self) -> tuple[PersonFlag, ...]:
        if self.manual is None:
            return ()
        return (PersonFlag.MANUAL_ID, self.manual.reason)

    def identity(self) -> PersonCheck:
        """Who the person is, as far as the draft knows: a verified credential's holder or the typed ID."""
        name = id_number = phone = ""
        v = self.verification
        if v is not None and v.signature_valid and v.holder_name:
            name = v.holder_name
        if self.manual is not None:
            name = name or self.manual.name
            id_number = self.manual.id_number
            phone = self.manual.phone
        if self.visitor is not None:
            name = name or self.visitor.name
        return PersonCheck(name=name, id_number=id_number, phone=phone)

    def screened_person(self) -> PersonCheck:
        """What the watchlists are matched against: the identity, else any name a credential shows."""
        person = self.identity()
        v = self.verification
        if not person.name and v is not None and v.holder_name:
            person = dataclasses.replace(person, name=v.holder_name)
        if v is not None and v.signature_valid and v.household:  # the registry looks up the pass's holder
            person = dataclasses.replace(person, household=v.household)
        return person

    def facts(self) -> GateFacts:
        """What the rules see of this draft: attestations, verified facts, log look-ups, watchlist hits."""
        base = GateFacts(
            code_colour=self.colour,
            itinerary=self.itinerary,
            test_age_days=self.test_age_days,
            temperature=self.temperature,
            direction=self.direction,
            subject=self.subject,
        )
        facts = gate_facts(base, self.verification, self.screening, self.manual is not None)
        if self.visitor is not None and self.visitor.has_host:
            facts = dataclasses.replace(facts, visitor_has_host=True)
        return facts

    def with_proposal(self, profile: Profile) -> DraftState:
        alarms = alarms_for(self.screened_person(), self.direction, self.verification, self.screening)
        keys = {alarm.key for alarm in alarms}
        decision = decide(profile, self.facts())
        return dataclasses.replace(
            self,
            proposed=decision.outcome,
            reasons=decision.reasons,
            alarms=alarms,
            acknowledged=frozenset(k for k in self.acknowledged if k in keys),
        )


def _registered_household(draft: DraftState) -> str:
    """The household the registry lists the person in ("" when not listed): recorded with the passage so
    the household's exits count towards its quota."""
    resident = draft.screening.resident
    return resident.member.household if resident is not None and resident.member is not None else ""


VEHICLE_KINDS: tuple[str, ...] = ("car", "truck", "bus", "van")
ATTESTED_FACTS = frozenset({"code_colour", "itinerary", "test_age_days"})  # read off the person's phone


def auto_record_default(profile_name: str) -> bool:
    """The default of the setting ``station/auto_record``: on at compound gates, off elsewhere."""
    return profile_name.strip().startswith("compound")


def needs_attestation(profile: Profile) -> bool:
    """Whether the profile's person rules look at something the operator attests from the phone shown
    (code colour, itinerary card, test age). Temperature is not counted: it is measured where a gate has
    a thermometer, and a measured fever is attested before the scan."""
    return any(check.fact in ATTESTED_FACTS for rule in profile.rules for check in rule.checks)


def vehicle_first(profile_name: str) -> bool:
    """Whether a gate with this profile records vehicles first (the highway exit gates)."""
    return profile_name.strip().startswith("highway")


@dataclass(frozen=True, slots=True)
class VehicleState:
    """The vehicle being decided: plate, kind, route, its occupants (each a ``DraftState``), one outcome.

    ``selected`` is the occupant the attestation keys act on (-1: none yet). ``alarms`` are the plate's own
    (a plate of interest); ``acknowledged`` holds every alarm acknowledged for this vehicle.
    """

    plate: str = ""
    kind: str = "car"
    origin: str = ""
    destination: str = ""
    direction: Direction = Direction.IN
    occupants: tuple[DraftState, ...] = ()
    selected: int = -1
    screening: Screening = dataclasses.field(default_factory=Screening)
    alarms: tuple[Alarm, ...] = ()
    acknowledged: frozenset[str] = frozenset()
    proposed: Outcome = Outcome.RECHECK
    reasons: tuple[Reason, ...] = (Reason.NO_OCCUPANTS,)
    not_added: tuple[ScanEvent, ...] = ()  # codes seen that are not a person's (never an occupant)

    @property
    def plate_check(self) -> PlateCheck:
        return validate_plate(self.plate)

    @property
    def all_alarms(self) -> tuple[Alarm, ...]:
        """The plate's alarms, then each occupant's, each once."""
        unique: dict[str, Alarm] = {}
        for alarm in (*self.alarms, *(a for o in self.occupants for a in o.alarms)):
            unique.setdefault(alarm.key, alarm)
        return tuple(unique.values())

    @property
    def open_alarms(self) -> tuple[Alarm, ...]:
        acknowledged = self.acknowledged.union(*(o.acknowledged for o in self.occupants))
        return open_alarms(self.all_alarms, acknowledged)

    def with_proposal(self, profile: Profile) -> VehicleState:
        check = self.plate_check
        facts = VehicleFacts(
            plate_valid=check.ok, watchlist_action=self.screening.action, direction=self.direction
        )
        decision = decide_vehicle(profile, [o.facts() for o in self.occupants], facts)
        alarms = alarms_for(PersonCheck(), self.direction, None, self.screening, check.normalised)
        keys = {a.key for a in (*alarms, *(a for o in self.occupants for a in o.alarms))}
        return dataclasses.replace(
            self,
            proposed=decision.outcome,
            reasons=decision.reasons,
            alarms=alarms,
            acknowledged=frozenset(k for k in self.acknowledged if k in keys),
        )


@dataclass(frozen=True, slots=True)
class OverrideRequest:
    """The operator asked to record ``chosen`` over the proposal ``proposed`` (an override): what the
    screen shows while asking for a reason. ``subject`` identifies what was proposed; confirming is
    refused once it changed (another person, other attestations)."""

    proposed: Outcome
    chosen: Outcome
    reasons: tuple[Reason, ...]
    subject: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class OverrideChoice:
    """The operator confirmed an override: the request, the reason and anything typed."""

    request: OverrideRequest
    reason: OverrideReason
    detail: str = ""


class StationSession(QObject):
    """Gate, operator, shift and the current draft; records confirmed passages through the writer.

    Proposals follow the gate's profile (``gate.profile``) from the ``ProfileStore``; when the profile is
    saved anew, the current draft is proposed again under the new version. ``use_profile`` switches the
    gate to another profile (recorded and audited through the writer).

    Signals:
        draft_changed(): a field of the current draft changed.
        passage_recorded(Passage): a passage is committed on disk.
        record_failed(str): a translated message; the draft is kept so nothing is lost.
        shift_count_changed(int): passages recorded in this shift.
        recording_changed(bool): a confirmation is being written (buttons may be disabled meanwhile).
        confirm_refused(str): a translated message: the outcome was not confirmed (an open alarm).
        alarms_acknowledged(int): that many acknowledgements are on disk.
        gate_changed(Gate): the gate's profile switch is on disk; the draft is proposed under it.
        mode_changed(bool): vehicle mode was switched on (True) or off; the draft starts afresh.
        shift_changed(Shift): passages are recorded into another shift from now on (``set_shift``).
        operator_changed(Operator): another operator signed in; passages from now on are theirs.
        override_required(OverrideRequest): ``confirm`` was asked for an outcome milder than the proposed
            TURN BACK or HOLD: nothing is recorded until it is confirmed with a reason (``OverrideChoice``).
        queue_changed(int): scans waiting behind the person being checked (pedestrian mode).

    Vehicle mode (``vehicle_mode``; a highway exit gate starts in it, see ``vehicle_first``): the draft is
    one vehicle (``vehicle``) whose occupants are added by scanning each person's code in turn (or by
    manual entry); ``draft`` is the selected occupant, so the attestation setters act on that person. The
    vehicle gets one outcome (``decide_vehicle``) and a confirmation records ONE passage with a person
    check per occupant, the first one the driver. Only a person's code adds an occupant
    (``occupancy.is_person_code``); a vehicle with more persons than its kind holds is flagged
    (``over_capacity``).
    """

    draft_changed = Signal()
    passage_recorded = Signal(object)
    record_failed = Signal(str)
    shift_count_changed = Signal(int)
    recording_changed = Signal(bool)
    confirm_refused = Signal(str)
    alarms_acknowledged = Signal(int)
    gate_changed = Signal(object)
    mode_changed = Signal(bool)
    shift_changed = Signal(object)
    operator_changed = Signal(object)
    override_required = Signal(object)
    queue_changed = Signal(int)

    def __init__(
        self,
        writer: RecordWriter,
        gate: Gate,
        operator: Operator,
        shift: Shift,
        *,
        verifier: Verifier,
        profiles: ProfileStore,
        watchlists: WatchlistService,
        residents: ResidentService,
        shift_count: int = 0,
        clock: Callable[[], datetime] | None = None,
        vehicle_mode: bool = False,
        auto_record: bool = False,
        occupant_limits: OccupantLimits | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._verifier = verifier
        self._watchlists = watchlists
        self._watchlists.imported.connect(self._on_watchlists_imported)
        self._residents = residents
        self._residents.imported.connect(self._on_residents_imported)
        self._profiles = profiles
        self._profiles.profile_changed.connect(self._on_profiles_profile_changed)
        self._gate = gate
        self._operator = operator
        self._shift = shift
        self._shift_count = shift_count
        self._clock = clock or (lambda: datetime.now(UTC))
        self._profile = self._load_profile()
        self._vehicle: VehicleState | None = None
        self._draft = DraftState().with_proposal(self._profile)
        if vehicle_mode:
            self._vehicle = VehicleState().with_proposal(self._profile)
            self._draft = DraftState(subject=SubjectKind.VEHICLE).with_proposal(self._profile)
        self._recording = False
        self._acknowledging = False
        self._switching = False
        self._auto_record = auto_record
        self._in_flight: DraftState | None = None  # the draft being written
        self._limits = occupant_limits or OccupantLimits()
        self._queue: tuple[ScanEvent, ...] = ()  # scans waiting behind the person being checked
        self._override_pending = False  # the screen is asking the operator to confirm an override
        self._last_override: Override | None = None

    @property
    def verifier(self) -> Verifier:
        return self._verifier

    @property
    def writer(self) -> RecordWriter:
        return self._writer

    @property
    def watchlists(self) -> WatchlistService:
        return self._watchlists

    @property
    def residents(self) -> ResidentService:
        return self._residents

    @property
    def gate(self) -> Gate:
        return self._gate

    @property
    def operator(self) -> Operator:
        return self._operator

    @Slot(object)
    def set_operator(self, operator: Operator) -> None:
        """The operator who signed in (``AuthService.signed_in``); the draft on screen stays."""
        if operator == self._operator:
            return
        self._operator = operator
        self.operator_changed.emit(operator)

    @property
    def profiles(self) -> ProfileStore:
        return self._profiles

    @property
    def profile(self) -> Profile:
        """The rules the current draft is proposed under."""
        return self._profile

    def now(self) -> datetime:
        """The station's time: the clock it was given (``build_services``: read through the clock guard).

        Screens that show or pick "now" (today's log, a visitor's exit time) read it here, never the
        machine's clock, so a test that moves the station's clock moves what they show."""
        return self._clock()

    @property
    def shift(self) -> Shift:
        return self._shift

    @property
    def shift_count(self) -> int:
        return self._shift_count

    def set_shift(self, shift: Shift, shift_count: int = 0) -> None:
        """Records into ``shift`` from now on (a leader opened or closed one, or the clock rolled over);
        ``shift_count`` is what the log already holds for it (0 for a new shift)."""
        self._shift = shift
        self._shift_count = shift_count
        self.shift_changed.emit(shift)
        self.shift_count_changed.emit(shift_count)

    @property
    def draft(self) -> DraftState:
        return self._draft

    @property
    def recording(self) -> bool:
        return self._recording

    @property
    def auto_record(self) -> bool:
        """Whether a clear case is recorded by the scan alone (pedestrian mode only)."""
        return self._auto_record

    def set_auto_record(self, on: bool) -> None:
        """The setting ``station/auto_record`` (see ``auto_record_default``)."""
        self._auto_record = on

    def is_clear(self, draft: DraftState) -> bool:
        """A case the scan alone decides: a verified pass, PASS proposed, no alarm at all, nothing the
        profile asks the operator to attest, a person on foot."""
        return (
            draft.subject is SubjectKind.PEDESTRIAN
            and draft.verified_pass
            and draft.manual is None
            and draft.visitor is None
            and draft.proposed is Outcome.PASS
            and not draft.alarms
            and not needs_attestation(self._profile)
        )

    @property
    def vehicle_mode(self) -> bool:
        return self._vehicle is not None

    @property
    def vehicle(self) -> VehicleState | None:
        """The vehicle being decided (None in pedestrian mode)."""
        return self._vehicle

    @property
    def proposed(self) -> Outcome:
        """The outcome on offer: the vehicle's in vehicle mode, else the person's."""
        return self._vehicle.proposed if self._vehicle is not None else self._draft.proposed

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return self._vehicle.reasons if self._vehicle is not None else self._draft.reasons

    @property
    def open_alarms(self) -> tuple[Alarm, ...]:
        """Alarms not yet acknowledged (every occupant's and the plate's in vehicle mode)."""
        return self._vehicle.open_alarms if self._vehicle is not None else self._draft.open_alarms

    @property
    def queued(self) -> tuple[ScanEvent, ...]:
        """Scans waiting behind the person being checked, oldest first (pedestrian mode)."""
        return self._queue

    @property
    def occupant_limit(self) -> int | None:
        """How many persons a vehicle of the current kind holds (None: not in vehicle mode, or no limit)."""
        vehicle = self._vehicle
        return None if vehicle is None else self._limits.limit(vehicle.kind)

    @property
    def over_capacity(self) -> bool:
        """The vehicle has more persons than its kind holds: codes from outside may have been added."""
        vehicle = self._vehicle
        return vehicle is not None and self._limits.over(vehicle.kind, len(vehicle.occupants))

    def override_of(self, passage: Passage) -> Override | None:
        """The override recorded with ``passage`` by this session (the last one only), if any."""
        last = self._last_override
        return last if last is not None and last.passage_uuid == passage.uuid else None

    def set_vehicle_mode(self, on: bool) -> None:
        """Vehicle mode on or off; the current draft is dropped (nothing was recorded of it), and so are
        scans waiting on foot."""
        if on == self.vehicle_mode:
            return
        self._set_queue(())
        direction = self._draft.direction
        if on:
            self._vehicle = VehicleState(direction=direction)
            self._set(DraftState(direction=direction, subject=SubjectKind.VEHICLE))
        else:
            self._vehicle = None
            self._set(DraftState(direction=direction))
        self.mode_changed.emit(on)

    # -- the vehicle -------------------------------------------------------------------------------

    def set_plate(self, plate: str) -> None:
        self._set_vehicle(plate=plate.strip())

    def set_vehicle_kind(self, kind: str) -> None:
        self._set_vehicle(kind=kind)

    def set_origin(self, origin: str) -> None:
        self._set_vehicle(origin=origin.strip())

    def set_destination(self, destination: str) -> None:
        self._set_vehicle(destination=destination.strip())

    def select_occupant(self, index: int) -> None:
        """The occupant the attestation keys act on; out of range: ignored."""
        vehicle = self._vehicle
        if vehicle is None or not 0 <= index < len(vehicle.occupants):
            return
        self._vehicle = dataclasses.replace(vehicle, selected=index)
        self._set(vehicle.occupants[index])

    def remove_occupant(self, index: int) -> None:
        """Takes a person off the vehicle (scanned by mistake); the one before is selected."""
        vehicle = self._vehicle
        if vehicle is None or not 0 <= index < len(vehicle.occupants):
            return
        occupants = vehicle.occupants[:index] + vehicle.occupants[index + 1 :]
        selected = min(max(index - 1, 0), len(occupants) - 1)
        self._vehicle = dataclasses.replace(vehicle, occupants=occupants, selected=selected)
        self._set(occupants[selected] if occupants else self._blank_occupant())

    def same_as_previous(self) -> bool:
        """The selected occupant's phone shows what the previous one's did: code colour, itinerary card and
        test age are attested the same (temperature is always measured per person). False without one."""
        vehicle = self._vehicle
        if vehicle is None or vehicle.selected < 1:
            return False
        before = vehicle.occupants[vehicle.selected - 1]
        self._attest(colour=before.colour, itinerary=before.itinerary, test_age_days=before.test_age_days)
        return True

    def _blank_occupant(self) -> DraftState:
        return DraftState(direction=self._draft.direction, subject=SubjectKind.VEHICLE)

    def _set_vehicle(self, **changes: object) -> None:
        if self._vehicle is None:
            raise RuntimeError("not in vehicle mode")
        self._vehicle = dataclasses.replace(self._vehicle, **changes)  # type: ignore[arg-type]
        self._set(self._draft)

    @Slot(object)
    def on_code_scanned(self, event: ScanEvent) -> None:
        """A new code starts a new draft; the direction chosen before is kept (a gate works one way).

        On foot, while a person is being checked (``DraftState.checking_begun``, or an override being
        confirmed), the scan waits in the queue instead. In vehicle mode a person's code adds an occupant;
        a code already in the vehicle selects that person; any other code is only noted (``not_added``).
        """
        vehicle = self._vehicle
        if vehicle is not None:
            for index, occupant in enumerate(vehicle.occupants):
                if occupant.code is not None and occupant.code.text == event.text:
                    self.select_occupant(index)  # the same phone shown again: that person, not another
                    return
        elif self._holds_person():
            self._enqueue(event)
            return
        self._take_scan(event)

    def _take_scan(self, event: ScanEvent) -> None:
        vehicle = self._vehicle
        verification = self._verifier.verify(
            event.text, self._profile.thresholds, shift_id=self._shift.id, at=self._clock()
        )
        if vehicle is not None and not is_person_code(verification, event.kind):
            if all(seen.text != event.text for seen in vehicle.not_added):
                self._vehicle = dataclasses.replace(vehicle, not_added=(*vehicle.not_added, event))
                self._set(self._draft)
            return
        subject = SubjectKind.VEHICLE if vehicle is not None else SubjectKind.PEDESTRIAN
        draft = DraftState(
            code=event, direction=self._draft.direction, verification=verification, subject=subject
        )
        if vehicle is not None:  # each scan adds a person to the vehicle
            self._vehicle = dataclasses.replace(vehicle, selected=-1)
        self._set(draft)
        self._auto_confirm()

    def _holds_person(self) -> bool:
        """On foot: the person on screen is being checked (or others already wait), so a new scan must
        not replace them: it joins the queue."""
        return self._override_pending or self._draft.checking_begun or bool(self._queue)

    def _enqueue(self, event: ScanEvent) -> None:
        code = self._draft.code
        if code is not None and code.text == event.text:
            return  # this person's own code shown again
        if any(waiting.text == event.text for waiting in self._queue):
            return
        self._set_queue((*self._queue, event)[-QUEUE_LIMIT:])

    def _set_queue(self, queue: tuple[ScanEvent, ...]) -> None:
        if queue != self._queue:
            self._queue = queue
            self.queue_changed.emit(len(queue))

    def _next_in_queue(self) -> None:
        """The person on screen is done (recorded or cleared): the next scan that waited comes up."""
        if self._vehicle is None and self._queue and not self._override_pending and self._draft.is_blank:
            event, rest = self._queue[0], self._queue[1:]
            self._set_queue(rest)
            self._take_scan(event)

    def _auto_confirm(self) -> None:
        """Zero taps for a clear case: records the draft at once (same path as ``confirm``)."""
        if self._auto_record and self._vehicle is None and self.is_clear(self._draft):
            self.confirm(Outcome.PASS)  # while another passage is written it stays for the operator

    def set_direction(self, direction: Direction) -> None:
        vehicle = self._vehicle
        if vehicle is not None:
            occupants = tuple(dataclasses.replace(o, direction=direction) for o in vehicle.occupants)
            self._vehicle = dataclasses.replace(vehicle, direction=direction, occupants=occupants)
        self._set(dataclasses.replace(self._draft, direction=direction))

    def set_colour(self, colour: CodeColour) -> None:
        self._attest(colour=colour)

    def set_itinerary(self, itinerary: Itinerary) -> None:
        self._attest(itinerary=itinerary)

    def set_test_age(self, days: int | None) -> None:
        self._attest(test_age_days=days)

    def set_temperature(self, celsius: float | None) -> None:
        self._attest(temperature=celsius)

    def set_manual_identity(self, identity: ManualIdentity | None) -> None:
        """Degraded mode: the typed identity (validated by the dialog); None leaves degraded mode.

        In vehicle mode a typed identity adds a person to the vehicle, unless the selected occupant has
        neither a code nor a typed identity yet (then it is theirs)."""
        vehicle = self._vehicle
        draft = self._draft
        if identity is not None:
            seen = self._verifier.person_seen_in_shift(self._shift.id, identity.id_number, identity.phone)
            identity = dataclasses.replace(identity, seen_at=seen)
        if vehicle is not None and identity is not None and (draft.code is not None or draft.manual):
            self._vehicle = dataclasses.replace(vehicle, selected=-1)
            draft = self._blank_occupant()
        self._set(dataclasses.replace(draft, manual=identity))

    def set_visitor(self, visitor: VisitorDetails | None) -> None:
        """A walk-in visitor (pedestrian mode): the person check carries the name, the passage note the
        host, purpose and expected exit, and the rules see ``visitor_has_host``. None drops it."""
        if self._vehicle is not None:
            raise RuntimeError("a walk-in visitor is recorded on foot, not in vehicle mode")
        self._set(dataclasses.replace(self._draft, visitor=visitor))

    def refresh_verification(self) -> None:
        """Checks the current code (every occupant's) again (after the trust folder, keys or watchlists
        changed)."""
        vehicle = self._vehicle
        if vehicle is not None:
            occupants = tuple(self._reverified(o) for o in vehicle.occupants)
            self._vehicle = dataclasses.replace(vehicle, occupants=occupants)
            self._refresh()
            return
        self._set(self._reverified(self._draft))

    def _reverified(self, draft: DraftState) -> DraftState:
        code = draft.code
        verification = (
            self._verifier.verify(
                code.text, self._profile.thresholds, shift_id=self._shift.id, at=self._clock()
            )
            if code is not None
            else None
        )
        return dataclasses.replace(draft, verification=verification)

    def _refresh(self) -> None:
        """Screens and proposes everything on screen again (new watchlists, rules or verification)."""
        vehicle = self._vehicle
        if vehicle is not None:
            occupants = tuple(self._screened(o) for o in vehicle.occupants)
            self._vehicle = dataclasses.replace(vehicle, occupants=occupants)
            if 0 <= vehicle.selected < len(occupants):
                self._draft = occupants[vehicle.selected]
        self._set(self._draft)

    def clear(self) -> None:
        """Drops the draft; in vehicle mode this starts the next vehicle. On foot, the next scan that
        waited in the queue comes up."""
        direction = self._draft.direction
        self._override_pending = False
        if self._vehicle is not None:
            self._vehicle = VehicleState(direction=direction)
            self._set(self._blank_occupant())
            return
        self._set(DraftState(direction=direction))
        self._next_in_queue()

    def acknowledge_alarms(self) -> bool:
        """Records an acknowledgement for every open alarm; False when there is none (or one is pending).

        The alarms count as acknowledged once the writer has them on disk (``alarms_acknowledged``).
        """
        alarms = self.open_alarms
        if not alarms or self._acknowledging:
            return False
        at = self._clock()
        operator_id = self._operator.id
        self._acknowledging = True

        def job(db: Database) -> int:
            for alarm in alarms:
                detail = alarm.recorded_detail()
                if alarm.since is not None:
                    detail = f"{detail} out since {alarm.since.isoformat()}".strip()
                db.audit.acknowledge_alarm(alarm.kind.value, alarm.subject, detail, at, operator_id)
            return len(alarms)

        def done(count: int) -> None:
            self._acknowledging = False
            keys = {alarm.key for alarm in alarms}
            if self._vehicle is not None:
                vehicle = self._vehicle
                self._vehicle = dataclasses.replace(vehicle, acknowledged=vehicle.acknowledged | keys)
                self._set(self._draft)
            else:
                self._set(dataclasses.replace(self._draft, acknowledged=self._draft.acknowledged | keys))
            self.alarms_acknowledged.emit(count)

        self._writer.submit(job, on_done=done, on_error=self._on_acknowledge_error)
        return True

    @property
    def switching_profile(self) -> bool:
        """A profile switch is being written."""
        return self._switching

    def use_profile(self, name: str) -> bool:
        """Switches this gate to the profile ``name`` from now on, through the writer (a ``gate_profile``
        record and a ``settings_changed`` audit entry in the operator's name).

        Once it is on disk the gate reads back with the new profile, the current draft is proposed again
        under its rules and ``gate_changed`` is emitted; a failed write emits ``record_failed`` and keeps
        the old profile. Returns False when the gate already decides under ``name`` or a switch is being
        written. Raises ``PermissionError`` unless the operator is a shift leader or an administrator,
        ``ProfileNotFoundError`` or ``ProfileError`` when the profile cannot be used.
        """
        if self._operator.role not in (Role.SHIFT_LEADER, Role.ADMINISTRATOR):
            raise PermissionError("only a shift leader or an administrator may switch the gate's profile")
        name = name.strip()
        if self._switching or name == self._gate.profile:
            return False
        self._profiles.load(name)  # never switch to rules that cannot be read
        gate_id, at, operator_id = self._gate.id, self._clock(), self._operator.id
        self._switching = True
        self._writer.submit(
            lambda db: db.gates.set_gate_profile(gate_id, name, at, operator_id),
            on_done=self._on_switch_done,
            on_error=self._on_switch_error,
        )
        return True

    def _on_switch_done(self, gate: Gate) -> None:
        self._switching = False
        self._gate = gate
        self._profile = self._load_profile()
        self._refresh()
        self.gate_changed.emit(gate)

    def _on_switch_error(self, error: StorageError) -> None:
        self._switching = False
        message = QCoreApplication.translate(
            "StationSession", "The gate's profile was NOT switched: {reason}"
        ).format(reason=enum_text(error.kind))
        self.record_failed.emit(message)

    def confirm(self, outcome: Outcome, override: OverrideChoice | None = None) -> bool:
        """Sends the draft with the operator's outcome to the writer. False while one is being written,
        and for a PASS while an alarm is open (``confirm_refused`` says why).

        An outcome milder than a proposed TURN BACK or HOLD is an override: without ``override`` nothing
        is recorded and ``override_required`` asks for one; with it, the passage and its override are
        recorded together, unless what was proposed changed meanwhile (``confirm_refused``)."""
        if self._recording:
            return False
        draft = self._draft
        vehicle = self._vehicle
        if vehicle is not None and not vehicle.plate_check.normalised:
            self.confirm_refused.emit(
                QCoreApplication.translate("StationSession", "Not recorded: enter the plate first.")
            )
            return False
        if outcome is Outcome.PASS and self.open_alarms:
            kinds = ", ".join(dict.fromkeys(enum_text(a.kind) for a in self.open_alarms))
            self.confirm_refused.emit(
                QCoreApplication.translate(
                    "StationSession", "Not passed: acknowledge the alarm first ({alarms})."
                ).format(alarms=kinds)
            )
            return False
        record: Override | None = None
        if is_override(self.proposed, outcome):
            if override is None:
                self._override_pending = True
                self.override_required.emit(
                    OverrideRequest(self.proposed, outcome, self.reasons, self._proposal_subject())
                )
                return False
            self._override_pending = False
            request = override.request
            if request.chosen is not outcome or request.subject != self._proposal_subject():
                self.confirm_refused.emit(
                    QCoreApplication.translate(
                        "StationSession",
                        "Not recorded: the entry changed while the override was being confirmed. "
                        "Check it again.",
                    )
                )
                return False
            if override_problems(self.proposed, outcome, override.reason, override.detail):
                self.confirm_refused.emit(
                    QCoreApplication.translate("StationSession", "Not recorded: the override needs a reason.")
                )
                return False
        passage = self._build(draft, outcome) if vehicle is None else self._build_vehicle(vehicle, outcome)
        if override is not None:
            record = Override(
                passage_uuid=passage.uuid,
                at=passage.at,
                operator_id=passage.operator_id,
                proposed=self.proposed,
                chosen=outcome,
                reason=override.reason,
                detail=override.detail.strip(),
            )
        self._in_flight = draft
        self._last_override = record
        self._set_recording(True)
        if record is None:
            job: Callable[[Database], Passage] = lambda db: db.passages.append_passage(passage)  # noqa: E731
        else:
            job = lambda db: db.overrides.append_passage(passage, record)  # noqa: E731
        self._writer.submit(job, on_done=self._on_writer_done, on_error=self._on_writer_error)
        return True

    def cancel_override(self) -> None:
        """The operator did not confirm the override: nothing is recorded, the entry stays as it was."""
        self._override_pending = False

    def _proposal_subject(self) -> tuple[object, ...]:
        """What the proposal on screen is about: who (codes, typed identities), the plate, the proposal."""

        def who(draft: DraftState) -> tuple[object, ...]:
            return (draft.code.text if draft.code else "", draft.manual, draft.visitor)

        vehicle = self._vehicle
        if vehicle is not None:
            people = tuple(who(o) for o in vehicle.occupants)
            return ("vehicle", vehicle.plate_check.normalised, people, vehicle.proposed, vehicle.reasons)
        draft = self._draft
        return ("person", who(draft), draft.proposed, draft.reasons)

    def visitor_left(self, visitor: VisitorInside, on_failed: Callable[[str], None] | None = None) -> None:
        """The operator saw a visitor leave: an OUT passage (PASS, the operator's decision) for them is
        written like any other and announced by ``passage_recorded``; the draft on screen is left alone.
        A failure is told to ``on_failed`` (else ``record_failed``); nothing is recorded then."""
        passage = dataclasses.replace(
            self._passage(
                Direction.OUT,
                Outcome.PASS,
                Outcome.PASS,
                (Reason.OPERATOR_DECISION,),
                (departure_person(visitor),),
                None,
            ),
            note=departure_note(visitor),
        )

        def done(recorded: Passage) -> None:
            self._shift_count += 1
            self.passage_recorded.emit(recorded)
            self.shift_count_changed.emit(self._shift_count)

        def failed(error: StorageError) -> None:
            message = QCoreApplication.translate(
                "StationSession", "The passage was NOT recorded: {reason} Nothing was lost; confirm again."
            ).format(reason=enum_text(error.kind))
            (on_failed or self.record_failed.emit)(message)

        self._writer.submit(lambda db: db.passages.append_passage(passage), on_done=done, on_error=failed)

    def _build_vehicle(self, vehicle: VehicleState, outcome: Outcome) -> PassageDraft:
        persons = tuple(
            dataclasses.replace(self._person(o), is_driver=index == 0)
            for index, o in enumerate(vehicle.occupants)
        )
        plate = Vehicle(
            plate=vehicle.plate_check.normalised,
            kind=vehicle.kind,
            origin=vehicle.origin,
            destination=vehicle.destination,
        )
        return self._passage(vehicle.direction, outcome, vehicle.proposed, vehicle.reasons, persons, plate)

    def _build(self, draft: DraftState, outcome: Outcome) -> PassageDraft:
        persons = (self._person(draft),)
        passage = self._passage(draft.direction, outcome, draft.proposed, draft.reasons, persons, None)
        if draft.visitor is not None:
            passage = dataclasses.replace(passage, note=draft.visitor.note())
        return passage

    def _passage(
        self,
        direction: Direction,
        outcome: Outcome,
        proposed: Outcome,
        reasons: tuple[Reason, ...],
        persons: tuple[PersonCheck, ...],
        vehicle: Vehicle | None,
    ) -> PassageDraft:
        """The passage as recorded: an outcome other than the proposed one is the operator's decision."""
        if outcome is not proposed:
            reasons = (*reasons, Reason.OPERATOR_DECISION)
        return PassageDraft(
            at=self._clock(),
            direction=direction,
            subject=SubjectKind.PEDESTRIAN if vehicle is None else SubjectKind.VEHICLE,
            outcome=outcome,
            gate_id=self._gate.id,
            operator_id=self._operator.id,
            shift_id=self._shift.id,
            reasons=reasons,
            rules_version=self._profile.rules_version,
            persons=persons,
            vehicle=vehicle,
        )

    @staticmethod
    def _person(draft: DraftState) -> PersonCheck:
        code = draft.code
        v = draft.verification
        identity = draft.identity()
        trusted = v is not None and v.signature_valid
        kind = v.kind if v is not None else (code.kind if code else CodeKind.UNKNOWN)
        return PersonCheck(
            name=identity.name,
            id_number=identity.id_number,
            phone=identity.phone,
            code_text=code.text if code else "",
            code_kind=kind,
            code_colour=draft.colour,
            itinerary=draft.itinerary,
            test_age_days=draft.test_age_days,
            temperature=draft.temperature,
            verified=v.verified_facts() if v is not None else (),
            attested_at=draft.attested_at,
            flags=draft.flags,
            pass_id=v.pass_id if trusted and v is not None else "",
            household=(v.household if trusted and v is not None else "") or _registered_household(draft),
        )

    def _on_writer_done(self, passage: Passage) -> None:
        recorded, self._in_flight = self._in_flight, None
        self._set_recording(False)
        self._shift_count += 1
        self.passage_recorded.emit(passage)
        self.shift_count_changed.emit(self._shift_count)
        code = self._draft.code
        if self._vehicle is None and code is not None and recorded is not None and code is not recorded.code:
            self._auto_confirm()  # the next person scanned while this one was written: theirs stays
        else:
            self.clear()

    def _on_writer_error(self, error: StorageError) -> None:
        self._set_recording(False)
        message = QCoreApplication.translate(
            "StationSession", "The passage was NOT recorded: {reason} Nothing was lost; confirm again."
        ).format(reason=enum_text(error.kind))
        self.record_failed.emit(message)

    def _on_acknowledge_error(self, error: StorageError) -> None:
        self._acknowledging = False
        message = QCoreApplication.translate(
            "StationSession", "The acknowledgement was NOT recorded: {reason} Acknowledge again."
        ).format(reason=enum_text(error.kind))
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

    @Slot(int)
    def _on_watchlists_imported(self, _count: int) -> None:
        self._refresh()  # the persons on screen are screened against the new entries at once

    @Slot(object)
    def _on_residents_imported(self, _plan: object) -> None:
        self._refresh()  # a member just registered (or quarantined) counts for the person on screen

    @Slot(str)
    def _on_profiles_profile_changed(self, name: str) -> None:
        if name == self._gate.profile:
            self._profile = self._load_profile()
            self._refresh()

    def _attest(self, **changes: object) -> None:
        self._set(dataclasses.replace(self._draft, attested_at=self._clock(), **changes))  # type: ignore[arg-type]

    def _screened(self, draft: DraftState) -> DraftState:
        host = draft.visitor.host_household if draft.visitor is not None else ""
        screening = self._verifier.screen(draft.screened_person(), at=self._clock(), host_household=host)
        return dataclasses.replace(draft, screening=screening).with_proposal(self._profile)

    def _set(self, draft: DraftState) -> None:
        self._draft = self._screened(draft)
        vehicle = self._vehicle
        if vehicle is not None:
            occupants = vehicle.occupants
            selected = vehicle.selected
            if 0 <= selected < len(occupants):
                occupants = (*occupants[:selected], self._draft, *occupants[selected + 1 :])
            elif not self._draft.is_blank:  # a scan, a typed identity or an attestation: a new person
                occupants = (*occupants, self._draft)
                selected = len(occupants) - 1
            plate = vehicle.plate_check
            screening = (
                self._verifier.screen(PersonCheck(), plate.normalised, at=self._clock())
                if plate.ok
                else Screening()
            )
            self._vehicle = dataclasses.replace(
                vehicle, occupants=occupants, selected=selected, screening=screening
            ).with_proposal(self._profile)
        self.draft_changed.emit()

    def _set_recording(self, value: bool) -> None:
        self._recording = value
        self.recording_changed.emit(value)
