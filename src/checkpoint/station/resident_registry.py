"""The residents registry as the gate sees it: kept in memory for the scan path (Qt-free).

:class:`ResidentRegistry` holds the current households and members, read again when the registry changed
(checked at most once a minute, and at once after an import). A look-up is a dictionary access; only a
household with its own exit quota costs one indexed query (its exits in the window). Searches by ID number
go through ``storage.residents.id_search_key``, the registry's one search key: the keyed hash under the
deployment's data key, the same one the database's ``id_number_hmac`` index holds.

Reading the registry again costs a few hundred milliseconds for thousands of members (every ID number and
phone is opened), too long for the GUI thread. So the check whether it changed (two indexed ``max``
queries) is all the GUI thread does; the read and the look-up dictionaries are built by
:func:`read_snapshot` elsewhere (``rebuild_with``: the station gives it a thread of its own), with the
stored keyed hashes instead of hashing every ID number again, and the finished snapshot is swapped in on
the GUI thread. Look-ups meanwhile answer from the registry as it was. Only the very first read, when
there is nothing to answer from yet, happens where it is asked for: a wrong "not registered" is worse than
one wait at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from checkpoint.domain.records import PersonCheck
from checkpoint.domain.residents import Household, Member, ResidentMatch, lookup
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError

_log = logging.getLogger(__name__)

REGISTRY_CHECK = timedelta(minutes=1)


@dataclass(frozen=True)
class RegistrySnapshot:
    """The registry's look-up dictionaries as of ``version`` (None: never read)."""

    version: tuple[int, int] | None = None
    households: dict[str, Household] = field(default_factory=dict)
    by_key: dict[str, Member] = field(default_factory=dict)
    by_household: dict[str, list[Member]] = field(default_factory=dict)


def read_snapshot(database: Database) -> RegistrySnapshot:
    """Reads the registry and builds its look-up dictionaries (any thread; raises ``StorageError``)."""
    read = database.residents.keyed_registry()
    by_household: dict[str, list[Member]] = {}
    for _key, member in read.members:
        by_household.setdefault(member.household, []).append(member)
    return RegistrySnapshot(
        read.version,
        {h.code: h for h in read.households},
        {key: member for key, member in read.members if key},
        by_household,
    )


Build = Callable[[], RegistrySnapshot | None]
Install = Callable[[RegistrySnapshot | None], None]
Rebuild = Callable[[Build, Install], None]
"""Runs ``build`` off the GUI thread and then ``install`` on the GUI thread with what it returned."""


def _inline(build: Build, install: Install) -> None:
    install(build())


def _newer(snapshot: RegistrySnapshot, than: RegistrySnapshot) -> bool:
    """Whether ``snapshot`` was read no earlier than ``than`` (two reads may finish out of order)."""
    if than.version is None:
        return True
    if snapshot.version is None:
        return False
    return all(a >= b for a, b in zip(snapshot.version, than.version, strict=True))


class ResidentRegistry:
    """The registry as the gate sees it (see the module docstring). Qt-free; used on the GUI thread."""

    def __init__(self, database: Database, *, clock: Callable[[], datetime] | None = None) -> None:
        self._database = database
        self._clock = clock or (lambda: datetime.now(UTC))
        self._checked_at: datetime | None = None
        self._snapshot = RegistrySnapshot()
        self._rebuild: Rebuild = _inline
        self._building = False
        self._again = False
        self._waiting: list[Callable[[], None]] = []

    def rebuild_with(self, rebuild: Rebuild) -> None:
        """From now on the registry is read again through ``rebuild`` (the station: on a thread of its
        own); by default it is read where ``refresh`` is called."""
        self._rebuild = rebuild

    @property
    def rebuilding(self) -> bool:
        """Whether a new read is under way (look-ups answer from the previous one meanwhile)."""
        return self._building

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Reads the registry again if it changed (after an import: at once), through ``rebuild_with``.
        ``then`` runs once what is stored now is in use: at once when nothing changed, else when the new
        read is swapped in (also when it failed: the gate keeps working on what it read before)."""
        self._checked_at = self._clock()
        if then is not None:
            self._waiting.append(then)
        if self._building:
            self._again = True  # the read under way may have begun before this change
            return
        try:
            version = self._database.residents.registry_version()
        except StorageError as error:  # the gate keeps working on what it read before
            _log.warning("residents registry not checked: %s", error)
            self._settle()
            return
        if version == self._snapshot.version:
            self._settle()
            return
        self._building = True
        self._rebuild(self._build, self._install)

    def _build(self) -> RegistrySnapshot | None:
        try:
            return read_snapshot(self._database)
        except StorageError as error:
            _log.warning("residents registry not read: %s", error)
            return None

    def _install(self, snapshot: RegistrySnapshot | None) -> None:
        self._building = False
        if snapshot is not None and _newer(snapshot, self._snapshot):
            self._snapshot = snapshot
        if self._again:
            self._again = False
            self.refresh()
        else:
            self._settle()

    def _settle(self) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def _fresh(self, now: datetime) -> None:
        if self._snapshot.version is None:  # nothing to answer from yet: read it here, once
            self._checked_at = now
            snapshot = self._build()
            if snapshot is not None and _newer(snapshot, self._snapshot):
                self._snapshot = snapshot
        elif self._checked_at is None or abs(now - self._checked_at) >= REGISTRY_CHECK:
            self.refresh()

    @property
    def households(self) -> dict[str, Household]:
        self._fresh(self._clock())
        return self._snapshot.households

    def find_by_id(self, id_number: str) -> Member | None:
        """The registered member with this ID number (any form), or None."""
        key = self._database.residents.id_search_key(id_number)
        return self._snapshot.by_key.get(key) if key else None

    def match(self, person: PersonCheck, *, at: datetime, host_household: str = "") -> ResidentMatch | None:
        """What the registry says about the person (their ID number, or the household and name their pass
        carries; ``host_household`` for a visitor's host). None while nothing is registered."""
        self._fresh(at)
        snapshot = self._snapshot
        if not snapshot.households and not snapshot.by_key:
            return None
        found = lookup(
            self.find_by_id,
            snapshot.by_household,
            snapshot.households,
            id_number=person.id_number,
            name=person.name if person.household else "",
            household=person.household or host_household,
            at=at,
        )
        household = found.household
        if found.member is None or household is None or household.exit_every_days is None:
            return found
        since = at - timedelta(days=household.exit_every_days)
        codes = {household.code, person.household.strip()} - {""}
        try:
            exits = sum(self._database.passes.count_exits(code, since) for code in sorted(codes))
        except StorageError as error:
            _log.warning("household exits not counted: %s", error)
            exits = 0
        return ResidentMatch(
            member=found.member,
            household=household,
            claimed_household=found.claimed_household,
            registry_in_use=found.registry_in_use,
            status=found.status,
            exits_in_window=exits,
        )
