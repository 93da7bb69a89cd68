"""The seam the district sync will build on: the chained records after a seq, in order, and one write unit
in which several managers' records commit together or not at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checkpoint.domain.chain import GENESIS, chain_hash
from checkpoint.domain.records import PassageDraft
from checkpoint.domain.watchlist import WatchlistEntry, WatchlistKind
from checkpoint.storage import _records as rec
from checkpoint.storage.database import Database
from tests.unit.storage.storage_helpers import T0, Post


def test_chained_records_come_in_seq_order_and_continue_the_chain(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    db.passages.append_passages([draft(1), draft(2)])
    db.passes.record_pass_issued("S-1", "exit_slip", "3-2-501", T0, post.leader.id, household="3-2-501")

    every = db.chained_records()
    assert [link.seq for link in every] == list(range(1, len(every) + 1))
    prev = GENESIS
    for link in every:
        assert link.prev_hash == prev
        assert link.fields is not None and chain_hash(prev, link.kind, link.fields) == link.hash
        prev = link.hash
    assert {rec.PASSAGE, rec.ISSUED_PASS, rec.AUDIT} <= {link.kind for link in every}

    assert db.chained_records(after_seq=3) == every[3:]
    assert db.chained_records(after_seq=3, limit=2) == every[3:5]
    assert db.chained_records(after_seq=every[-1].seq) == []


def test_one_write_unit_commits_every_manager_s_records_together(db: Database, post: Post) -> None:
    before = db.chained_records()
    with db.writing():
        db.watchlists.add_watchlist_entries(
            [WatchlistEntry(WatchlistKind.PLATE_OF_INTEREST, plate="沪B·99999", source="district")],
            T0,
            None,
        )
        db.passes.revoke_pass("S-9", "revoked by the district", T0, None)
        db.gates.set_gate_profile(post.gate.id, "compound-gate", T0, None)
    after = db.chained_records(after_seq=before[-1].seq)
    assert [link.kind for link in after] == [
        rec.WATCHLIST_ENTRY,
        rec.AUDIT,
        rec.PASS_REVOCATION,
        rec.AUDIT,
        rec.GATE_PROFILE,
        rec.AUDIT,
    ]
    assert db.verify().ok


def test_a_write_unit_that_raises_stores_none_of_its_records(db: Database, post: Post) -> None:
    before = db.chained_records()
    with pytest.raises(RuntimeError), db.writing():
        db.passes.revoke_pass("S-9", "revoked by the district", T0, None)
        db.gates.set_gate_profile(post.gate.id, "compound-gate", T0, None)
        raise RuntimeError("the feed's signature did not verify")
    assert db.chained_records() == before
    assert db.passes.revoked_pass_ids() == frozenset()
    assert db.gates.all()[0].profile == "highway-exit"
    db.passes.revoke_pass("S-9", "revoked by the district", T0, None)  # the chain head was not moved
    assert db.verify().ok
