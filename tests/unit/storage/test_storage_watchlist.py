"""Watchlist entries: append-only storage, what is in force when, ending, idempotent imports."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from checkpoint.domain.records import AuditAction, PersonCheck
from checkpoint.domain.watchlist import WatchlistAction, WatchlistEntry, WatchlistKind, match
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError
from tests.unit.storage.storage_helpers import T0, Post


def _entries() -> list[WatchlistEntry]:
    return [
        WatchlistEntry(
            WatchlistKind.HOME_QUARANTINE,
            WatchlistAction.BLOCK,
            name="赵隔离",
            id_number="11010519491231002x",
            reason="密接",
            valid_from=T0,
            valid_until=T0 + timedelta(days=7),
            source="街道办 2026-11-22.csv",
        ),
        WatchlistEntry(WatchlistKind.PLATE_OF_INTEREST, plate="沪B·99999", source="交警"),
        WatchlistEntry(
            WatchlistKind.PERSON_OF_INTEREST, phone="+86 139 1234 5678", valid_from=T0 + timedelta(days=1)
        ),
    ]


def test_entries_round_trip_and_are_in_force_by_their_dates(db: Database, post: Post) -> None:
    sent = _entries()
    assert db.watchlists.add_watchlist_entries(sent, T0, post.leader.id) == 3
    assert db.watchlists.watchlist_entries(T0 - timedelta(seconds=1)) == [sent[1]]
    assert db.watchlists.watchlist_entries(T0) == sent[:2]
    assert db.watchlists.watchlist_entries(T0 + timedelta(days=2)) == sent
    assert db.watchlists.watchlist_entries(T0 + timedelta(days=7)) == sent[1:]  # valid_until is exclusive
    audit = db.audit.audit_entries()[-1]
    assert audit.action is AuditAction.WATCHLIST_IMPORTED
    assert audit.detail == "3 entries from 交警, 街道办 2026-11-22.csv"
    assert db.verify().ok


def test_reimporting_the_same_entries_adds_nothing(db: Database, post: Post) -> None:
    sent = _entries()
    db.watchlists.add_watchlist_entries(sent, T0, None)
    audits = len(db.audit.audit_entries())
    assert db.watchlists.add_watchlist_entries([*sent, sent[0]], T0, None) == 0
    assert len(db.audit.audit_entries()) == audits
    fresh = WatchlistEntry(WatchlistKind.PLATE_OF_INTEREST, plate="京A00001")
    assert db.watchlists.add_watchlist_entries([sent[0], fresh, fresh], T0, None) == 1


def test_ending_an_entry_is_a_new_record(db: Database, post: Post) -> None:
    sent = _entries()
    db.watchlists.add_watchlist_entries(sent, T0, None)
    db.watchlists.end_watchlist_entry(sent[0].id, T0 + timedelta(days=3), post.leader.id, "解除隔离")
    assert db.watchlists.watchlist_entries(T0 + timedelta(days=3) - timedelta(seconds=1))[0] == sent[0]
    assert sent[0] not in db.watchlists.watchlist_entries(T0 + timedelta(days=3))
    with pytest.raises(InvalidRecordError, match="already ended"):
        db.watchlists.end_watchlist_entry(sent[0].id, T0 + timedelta(days=4), None, "again")
    with pytest.raises(InvalidRecordError):
        db.watchlists.end_watchlist_entry(uuid.uuid4(), T0, None, "no such entry")
    with pytest.raises(InvalidRecordError):
        db.watchlists.end_watchlist_entry(sent[1].id, T0, None, "  ")
    assert db.verify().ok


def test_stored_entries_match_a_person_as_recorded_at_the_gate(db: Database) -> None:
    db.watchlists.add_watchlist_entries(_entries(), T0, None)
    active = db.watchlists.watchlist_entries(T0 + timedelta(days=2))
    hits = match(active, PersonCheck(name="赵 隔离", id_number="11010519491231002X"), "沪B 99999")
    assert [(h.entry.kind, h.matched_on.value, h.must_acknowledge) for h in hits] == [
        (WatchlistKind.HOME_QUARANTINE, "id_number", True),
        (WatchlistKind.PLATE_OF_INTEREST, "plate", False),
    ]


def test_bad_input_is_refused_before_anything_is_stored(db: Database) -> None:
    with pytest.raises(InvalidRecordError):
        db.watchlists.add_watchlist_entries([_entries()[0], "not an entry"], T0, None)  # type: ignore[list-item]
    with pytest.raises(InvalidRecordError):
        db.watchlists.add_watchlist_entries(_entries(), T0, uuid.uuid4())  # unknown operator
    with pytest.raises(InvalidRecordError):
        db.watchlists.add_watchlist_entries(_entries(), T0.replace(tzinfo=None), None)
    assert db.watchlists.watchlist_entries(T0 + timedelta(days=2)) == []
