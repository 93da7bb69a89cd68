"""The highway-exit rule: what a gate operator expects the station to propose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkpoint.domain.policy import Checks, Proposal, combine, propose
from checkpoint.domain.records import CodeColour, Itinerary, Outcome, Reason

G = CodeColour.GREEN


@pytest.mark.parametrize(
    ("checks", "outcome", "reasons"),
    [
        (Checks(G, Itinerary.GREEN, 0, 36.5), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (Checks(G, Itinerary.GREEN, 2, 36.5), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (Checks(G, Itinerary.GREEN, 3, 36.5), Outcome.TURN_BACK, {Reason.TEST_TOO_OLD}),
        (Checks(G, Itinerary.GREEN, None, 36.5), Outcome.TURN_BACK, {Reason.NO_TEST}),
        (Checks(CodeColour.YELLOW, Itinerary.GREEN, 1, None), Outcome.TURN_BACK, {Reason.CODE_YELLOW}),
        (Checks(CodeColour.RED, Itinerary.GREEN, 1, None), Outcome.HOLD, {Reason.CODE_RED}),
        (Checks(G, Itinerary.GREEN, 1, 37.3), Outcome.HOLD, {Reason.FEVER}),
        (Checks(G, Itinerary.GREEN, 1, 37.2), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (Checks(G, Itinerary.STARRED, 1, None), Outcome.TURN_BACK, {Reason.ITINERARY_STARRED}),
        (Checks(CodeColour.NONE, Itinerary.GREEN, 1, None), Outcome.RECHECK, {Reason.CODE_NOT_SHOWN}),
        (
            Checks(CodeColour.RED, Itinerary.STARRED, None, 38.0),
            Outcome.HOLD,
            {Reason.CODE_RED, Reason.FEVER, Reason.ITINERARY_STARRED, Reason.NO_TEST},
        ),
    ],
)
def test_highway_rule(checks: Checks, outcome: Outcome, reasons: set[Reason]) -> None:
    proposal = propose(checks)
    assert proposal.outcome is outcome
    assert set(proposal.reasons) == reasons


def test_vehicle_takes_the_most_severe_occupant_and_keeps_every_reason() -> None:
    clear = propose(Checks(G, Itinerary.GREEN, 0, 36.4))
    yellow = propose(Checks(CodeColour.YELLOW, Itinerary.GREEN, 0, 36.4))
    combined = combine([clear, yellow, clear])
    assert combined.outcome is Outcome.TURN_BACK
    assert combined.reasons == (Reason.CODE_YELLOW,)


def test_empty_vehicle_is_not_passed() -> None:
    assert combine([]).outcome is not Outcome.PASS


@given(
    st.sampled_from(CodeColour),
    st.sampled_from(Itinerary),
    st.one_of(st.none(), st.integers(min_value=0, max_value=60)),
    st.one_of(st.none(), st.floats(min_value=30, max_value=45, allow_nan=False)),
)
def test_every_outcome_has_a_reason(
    colour: CodeColour, itinerary: Itinerary, age: int | None, temp: float | None
) -> None:
    proposal = propose(Checks(colour, itinerary, age, temp))
    assert isinstance(proposal, Proposal)
    assert proposal.reasons
    assert (proposal.outcome is Outcome.PASS) == (proposal.reasons == (Reason.ALL_CHECKS_CLEAR,))
