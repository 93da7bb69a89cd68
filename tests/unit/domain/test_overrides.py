"""Overrides: which outcomes need one, what an override needs, and how the handover counts and lists it."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from checkpoint.domain.anomalies import anomaly_handoff
from checkpoint.domain.handover import Anomaly, build_handover
from checkpoint.domain.overrides import (
    Override,
    OverrideProblem,
    OverrideReason,
    is_override,
    override_problems,
)
from checkpoint.domain.records import CodeColour, Outcome
from tests.unit.domain.test_handover import END, GATE, OPERATOR, SHIFT, START, passage, person


@pytest.mark.parametrize(
    ("proposed", "chosen", "needed"),
    [
        (Outcome.TURN_BACK, Outcome.PASS, True),
        (Outcome.HOLD, Outcome.PASS, True),
        (Outcome.HOLD, Outcome.TURN_BACK, True),
        (Outcome.TURN_BACK, Outcome.TURN_BACK, False),
        (Outcome.TURN_BACK, Outcome.HOLD, False),  # stricter: the operator's word is enough
        (Outcome.PASS, Outcome.TURN_BACK, False),
        (Outcome.RECHECK, Outcome.PASS, False),  # the rules leave it to the operator
    ],
)
def test_only_a_milder_outcome_than_turn_back_or_hold_is_an_override(
    proposed: Outcome, chosen: Outcome, needed: bool
) -> None:
    assert is_override(proposed, chosen) is needed


def test_an_override_needs_a_reason_and_other_needs_words() -> None:
    assert override_problems(Outcome.TURN_BACK, Outcome.PASS, OverrideReason.RECHECKED, "") == ()
    assert override_problems(Outcome.TURN_BACK, Outcome.PASS, OverrideReason.OTHER, " ") == (
        OverrideProblem.DETAIL_MISSING,
    )
    assert OverrideProblem.DETAIL_TOO_LONG in override_problems(
        Outcome.HOLD, Outcome.PASS, OverrideReason.OTHER, "x" * 201
    )
    assert override_problems(Outcome.PASS, Outcome.PASS, OverrideReason.RECHECKED, "") == (
        OverrideProblem.NOT_MILDER,
    )


def test_the_handover_counts_overrides_and_lists_them_as_anomalies() -> None:
    yellow = passage(START + timedelta(hours=1), person(colour=CodeColour.GREEN), outcome=Outcome.PASS)
    plain = passage(START + timedelta(hours=2), person(), outcome=Outcome.PASS)
    override = Override(
        yellow.uuid, yellow.at, OPERATOR, Outcome.TURN_BACK, Outcome.PASS, OverrideReason.LEADER_APPROVED
    )
    stray = Override(uuid.uuid4(), yellow.at, OPERATOR, Outcome.HOLD, Outcome.PASS, OverrideReason.RECHECKED)
    report = build_handover(
        [yellow, plain],
        gate=GATE,
        window_start=START,
        window_end=END,
        shift=SHIFT,
        generated_at=END,
        overrides={yellow.uuid: override, stray.passage_uuid: stray},
    )
    assert report.summary.overrides == 1
    assert [row.uuid for row in report.anomalies] == [yellow.uuid]
    assert report.anomalies[0].anomalies == (Anomaly.OVERRIDDEN,)
    assert report.anomalies[0].override == override
    rows = anomaly_handoff([yellow, plain], overrides={yellow.uuid: override})
    assert [(row.passage_uuid, row.override) for row in rows] == [(yellow.uuid, override)]
