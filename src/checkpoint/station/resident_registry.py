"""The residents registry as the gate sees it: kept in memory for the scan path (Qt-free).

:class:`ResidentRegistry` holds the current households and members, read again when the registry changed
(checked at most once a minute, and at once after an import). A look-up is a dictionary access; only a
household with its own exit quota costs one indexed query (its exits in the window). Searches by ID number
go through ``storage.residents.id_search_key``, the registry's one search key: the keyed hash under the
deployment's data key, the same one the database's ``id_number_hmac`` index holds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from checkpoint.domain.records import PersonCheck
from checkpoint.domain.residents import Household, Member, ResidentMatch, lookup
from checkpoint.storage.database import Database, StorageError
from checkpoint.storage.residents import id_search_key, registry, registry_version

_log = logging.getLogger(__name__)

REGISTRY_CHECK = timedelta(minutes=1)


class ResidentRegistry:
    """The registry as the gate sees it (see the module docstring). Qt-free; used on the GUI thread."""

    def __init__(self, database: Database, *, clock: Callable[[], datetime] | None = None) -> None:
        self._database = database
        self._clock = clock or (lambda: datetime.now(UTC))
        self._checked_at: datetime | None = None
        self._version: tuple[int, int] | None = None
        self._households: dict[str, Household] = {}
        self._by_key: dict[str, Member] = {}
        self._by_household: dict[str, list[Member]] = {}

    def refresh(self) -> None:
        """Reads the registry again if it changed (after an import: at once)."""
        self._checked_at = self._clock()
        try:
            version = registry_version(self._database)
            if version == self._version:
                return
            households, members = registry(self._database)
        except StorageError as error:  # the gate keeps working on what it read before
            _log.warning("residents registry not read: %s", error)
            return
        self._version = version
        self._households = {h.code: h for h in households}
        self._by_key = {id_search_key(self._database, m.id_number): m for m in members}
        self._by_household = {}
        for member in members:
            self._by_household.setdefault(member.household, []).append(member)

    def _fresh(self, now: datetime) -> None:
        if self._checked_at is None or abs(now - self._checked_at) >= REGISTRY_CHECK:
            self.refresh()

    @property
    def households(self) -> dict[str, Household]:
        self._fresh(self._clock())
        return self._households

    def find_by_id(self, id_number: str) -> Member | None:
        """The registered member with this ID number (any form), or None."""
        key = id_search_key(self._database, id_number)
        return self._by_key.get(key) if key else None

    def match(self, person: PersonCheck, *, at: datetime, host_household: str = "") -> ResidentMatch | None:
        """What the registry says about the person (their ID number, or the household and name their pass
        carries; ``host_household`` for a visitor's host). None while nothing is registered."""
        self._fresh(at)
        if not self._households and not self._by_key:
            return None
        found = lookup(
            self.find_by_id,
            self._by_household,
            self._households,
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
            exits = sum(self._database.count_exits(code, since) for code in sorted(codes))
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
