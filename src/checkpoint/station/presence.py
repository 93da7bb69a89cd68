"""Who is out and who is inside: residents out now and visitors inside now, from the log.

A resident is out when their last passage with outcome PASS (by pass, else by household) went out; they
are overdue once out longer than the return hours (the exit slip's own, where it says fewer than the
profile). A visitor is inside when their last PASS passage came in: a walk-in visitor is known by the
visitor note the station writes (``VisitorDetails.note``: name, host household, host, purpose, expected
exit), a pre-registered one by their visitor pass (a pass with no household). A corrected passage counts
as its correction. Records of every gate in the database count: the compound is one place.

``Presence`` reads the last ``window_days`` days once through the writer's thread, then follows
``passage_recorded`` (``add``); the lists are computed by the pure ``presence_of``.

A visitor who leaves without being scanned (a walk-in has nothing to scan) is marked as gone by the
operator: ``departure_person`` and ``departure_note`` make the OUT passage that takes them off "inside"
(same name and host household for a walk-in, the same pass for a pre-registered visitor), recorded like
any other passage (``StationSession.visitor_left``), nothing edited.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from PySide6.QtCore import QObject, Signal, Slot

from checkpoint.domain.credentials import PassKind
from checkpoint.domain.credentials.inspect import inspect_payload
from checkpoint.domain.records import CodeKind, Direction, Outcome, Passage, PersonCheck
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError
from checkpoint.storage.passage_filter import PassageFilter

_log = logging.getLogger(__name__)

VISITOR_MARK = "visitor"
_SEPARATOR = "|"
WINDOW_DAYS = 14  # how far back the log is read: a resident out longer than this is not listed


def _clean(text: str) -> str:
    return " ".join(text.replace(_SEPARATOR, "/").split())


@dataclass(frozen=True, slots=True)
class VisitorDetails:
    """A walk-in visitor as the operator typed them: who, whom they visit, why, until when."""

    name: str
    host_household: str
    host_name: str = ""
    purpose: str = ""
    expected_exit: datetime | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a visitor needs a name")
        if not self.host_household.strip() and not self.host_name.strip():
            raise ValueError("a visitor needs a host household or a host")
        if self.expected_exit is not None and self.expected_exit.tzinfo is None:
            raise ValueError("the expected exit time must be timezone-aware")

    @property
    def has_host(self) -> bool:
        return bool(self.host_household.strip() or self.host_name.strip())

    def note(self) -> str:
        """The passage note: ``visitor|household=..|host=..|purpose=..|exit=<ISO time>``."""
        fields = [
            VISITOR_MARK,
            f"household={_clean(self.host_household)}",
            f"host={_clean(self.host_name)}",
            f"purpose={_clean(self.purpose)}",
            f"exit={self.expected_exit.isoformat() if self.expected_exit else ''}",
        ]
        return _SEPARATOR.join(fields)

    @classmethod
    def from_note(cls, name: str, note: str) -> VisitorDetails | None:
        """The details a visitor note carries (None when the note is not one)."""
        parts = note.split(_SEPARATOR)
        if not parts or parts[0] != VISITOR_MARK:
            return None
        values = dict(part.partition("=")[::2] for part in parts[1:])
        expected: datetime | None = None
        try:
            expected = datetime.fromisoformat(values["exit"]) if values.get("exit") else None
        except ValueError:
            expected = None
        if expected is not None and expected.tzinfo is None:
            expected = None
        try:
            return cls(
                name=name or "?",
                host_household=values.get("household", ""),
                host_name=values.get("host", ""),
                purpose=values.get("purpose", ""),
                expected_exit=expected,
            )
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class ResidentOut:
    """A resident out now: since when, and whether the return deadline has passed."""

    name: str
    household: str
    pass_id: str
    since: datetime
    return_hours: int
    overdue: bool

    @property
    def due(self) -> datetime:
        return self.since + timedelta(hours=self.return_hours)


@dataclass(frozen=True, slots=True)
class VisitorInside:
    """A visitor inside now; ``overdue`` once the expected exit time has passed."""

    name: str
    host_household: str
    host_name: str
    purpose: str
    since: datetime
    expected_exit: datetime | None
    pass_id: str
    overdue: bool


def departure_person(visitor: VisitorInside) -> PersonCheck:
    """The person check of a visitor's departure: who they are, nothing attested (they are leaving)."""
    return PersonCheck(name=visitor.name, code_kind=CodeKind.UNKNOWN, pass_id=visitor.pass_id)


def departure_note(visitor: VisitorInside) -> str:
    """The passage note of a visitor's departure: the visitor note of their visit, so the OUT matches
    the IN (a walk-in is known by name and host household); "" for a visitor known by pass alone."""
    if not (visitor.host_household.strip() or visitor.host_name.strip()):
        return ""
    details = VisitorDetails(
        name=visitor.name or "?",
        host_household=visitor.host_household,
        host_name=visitor.host_name,
        purpose=visitor.purpose,
        expected_exit=visitor.expected_exit,
    )
    return details.note()


@dataclass(frozen=True, slots=True)
class PresenceList:
    residents_out: tuple[ResidentOut, ...] = ()
    visitors_inside: tuple[VisitorInside, ...] = ()


def _slip_hours(code_text: str, at: datetime) -> int | None:
    """The return hours an exit slip carries (read, not verified: the gate verified it when recorded)."""
    if not code_text.startswith("CPS1:"):
        return None
    payload = inspect_payload(code_text, trust=None, at=at).payload
    if not isinstance(payload, dict) or payload.get("kind") != PassKind.EXIT_SLIP.value:
        return None
    hours = payload.get("return_within_hours")
    return hours if isinstance(hours, int) and hours > 0 else None


def _final(passages: Iterable[Passage]) -> list[Passage]:
    """The passages that count, oldest first: a corrected passage is replaced by its correction."""
    kept: dict[UUID, Passage] = {}
    for passage in sorted(passages, key=lambda p: (p.at, p.seq)):
        if passage.corrects is not None:
            kept.pop(passage.corrects, None)
        kept[passage.uuid] = passage
    return sorted(kept.values(), key=lambda p: (p.at, p.seq))


def presence_of(passages: Iterable[Passage], now: datetime, return_hours: int) -> PresenceList:
    """Residents out and visitors inside at ``now`` from the passages (any order), longest first."""
    out: dict[str, tuple[PersonCheck, datetime]] = {}
    inside: dict[str, tuple[PersonCheck, datetime, VisitorDetails | None]] = {}
    for passage in _final(passages):
        if passage.outcome is not Outcome.PASS:
            continue
        for person in passage.persons:
            visitor = VisitorDetails.from_note(person.name, passage.note)
            if visitor is not None or (person.pass_id and not person.household):
                key = f"pass:{person.pass_id}" if person.pass_id else f"walk-in:{person.name}"
                if visitor is not None and not person.pass_id:
                    key = f"walk-in:{person.name}|{visitor.host_household}"
                if passage.direction is Direction.IN:
                    inside[key] = (person, passage.at, visitor)
                else:
                    inside.pop(key, None)
                continue
            if not (person.pass_id or person.household):
                continue
            key = f"pass:{person.pass_id}" if person.pass_id else f"household:{person.household}"
            if passage.direction is Direction.OUT:
                out[key] = (person, passage.at)
            else:
                out.pop(key, None)
    residents = []
    for person, since in out.values():
        slip = _slip_hours(person.code_text, since)
        hours = min(return_hours, slip) if slip else return_hours
        residents.append(
            ResidentOut(
                name=person.name,
                household=person.household,
                pass_id=person.pass_id,
                since=since,
                return_hours=hours,
                overdue=now - since > timedelta(hours=hours),
            )
        )
    visitors = []
    for person, since, details in inside.values():
        expected = details.expected_exit if details else None
        visitors.append(
            VisitorInside(
                name=person.name,
                host_household=details.host_household if details else "",
                host_name=details.host_name if details else "",
                purpose=details.purpose if details else "",
                since=since,
                expected_exit=expected,
                pass_id=person.pass_id,
                overdue=expected is not None and now > expected,
            )
        )
    return PresenceList(
        tuple(sorted(residents, key=lambda r: r.since)), tuple(sorted(visitors, key=lambda v: v.since))
    )


class Presence(QObject):
    """Residents out and visitors inside, read once from the log and kept up to date.

    Call ``start()`` once the writer runs; connect ``add`` to ``StationSession.passage_recorded``.

    Signals:
        changed(): the lists changed (loaded, a passage added, or ``recompute`` found a new overdue).
        failed(str): the log could not be read (a storage error's text, not translated).
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter,
        return_hours: Callable[[], int],
        *,
        clock: Callable[[], datetime] | None = None,
        window_days: int = WINDOW_DAYS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._return_hours = return_hours
        self._clock = clock or (lambda: datetime.now(UTC))
        self._window = timedelta(days=window_days)
        self._passages: dict[UUID, Passage] = {}
        self._ready = False
        self._current = PresenceList()

    @property
    def ready(self) -> bool:
        return self._ready

    @property
    def current(self) -> PresenceList:
        return self._current

    def start(self) -> None:
        """Reads the window's passages through the writer's thread."""
        since = self._clock() - self._window

        def job(db: Database) -> list[Passage]:
            return list(db.passages.iter_passages(PassageFilter(since=since)))

        self._writer.submit(job, on_done=self._on_loaded, on_error=self._on_load_error)

    @Slot(object)
    def add(self, passage: Passage) -> None:
        self._passages[passage.uuid] = passage
        self.recompute()

    def recompute(self) -> None:
        """Lists again at the clock's time (overdue marks move on with the time)."""
        self._current = presence_of(self._passages.values(), self._clock(), self._return_hours())
        self.changed.emit()

    def _on_loaded(self, passages: list[Passage]) -> None:
        for passage in passages:
            self._passages.setdefault(passage.uuid, passage)
        self._ready = True
        self.recompute()

    def _on_load_error(self, error: StorageError) -> None:
        _log.error("who is out / inside: the log could not be read: %s", error)
        self.failed.emit(str(error))
