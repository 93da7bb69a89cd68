"""The gate's decision: from what was checked to a proposed outcome with every reason.

This is the highway-exit rule of DESIGN.md ("Rules"): green code, green itinerary and a test within the
limit pass; no test or a yellow code turns back; a red code or fever holds and hands over. Rules become
data (versioned gate profiles) in a later step; ``RULES_VERSION`` is what each record keeps until then.
"""

from __future__ import annotations

from dataclasses import dataclass

from checkpoint.domain.records import CodeColour, Itinerary, Outcome, Reason

RULES_VERSION = "highway-exit/builtin-1"
FEVER_THRESHOLD_C = 37.3
MAX_TEST_AGE_DAYS = 2  # "48 hours", counted by calendar day from sampling


@dataclass(frozen=True, slots=True)
class Checks:
    """What is known about one person at the gate (attested or verified)."""

    colour: CodeColour = CodeColour.NONE
    itinerary: Itinerary = Itinerary.NONE
    test_age_days: int | None = None
    temperature: float | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    outcome: Outcome
    reasons: tuple[Reason, ...]


_SEVERITY = {Outcome.PASS: 0, Outcome.RECHECK: 1, Outcome.TURN_BACK: 2, Outcome.HOLD: 3}


def propose(checks: Checks) -> Proposal:
    """Every reason that applies, and the most severe outcome among them. Never returns no reason."""
    found: list[tuple[Outcome, Reason]] = []
    if checks.colour is CodeColour.RED:
        found.append((Outcome.HOLD, Reason.CODE_RED))
    elif checks.colour is CodeColour.YELLOW:
        found.append((Outcome.TURN_BACK, Reason.CODE_YELLOW))
    elif checks.colour is CodeColour.NONE:
        found.append((Outcome.RECHECK, Reason.CODE_NOT_SHOWN))
    if checks.temperature is not None and checks.temperature >= FEVER_THRESHOLD_C:
        found.append((Outcome.HOLD, Reason.FEVER))
    if checks.itinerary is Itinerary.STARRED:
        found.append((Outcome.TURN_BACK, Reason.ITINERARY_STARRED))
    elif checks.itinerary is Itinerary.OTHER:
        found.append((Outcome.TURN_BACK, Reason.ITINERARY_OTHER))
    if checks.test_age_days is None:
        found.append((Outcome.TURN_BACK, Reason.NO_TEST))
    elif checks.test_age_days > MAX_TEST_AGE_DAYS:
        found.append((Outcome.TURN_BACK, Reason.TEST_TOO_OLD))
    if not found:
        return Proposal(Outcome.PASS, (Reason.ALL_CHECKS_CLEAR,))
    worst = max(found, key=lambda item: _SEVERITY[item[0]])[0]
    return Proposal(worst, tuple(reason for _, reason in found))


def combine(proposals: list[Proposal]) -> Proposal:
    """One outcome for a vehicle: the most severe of its occupants', with all their reasons."""
    if not proposals:
        return Proposal(Outcome.RECHECK, (Reason.CODE_NOT_SHOWN,))
    worst = max(proposals, key=lambda p: _SEVERITY[p.outcome]).outcome
    reasons: list[Reason] = []
    for p in proposals:
        reasons.extend(r for r in p.reasons if r not in reasons)
    if worst is not Outcome.PASS and Reason.ALL_CHECKS_CLEAR in reasons:
        reasons.remove(Reason.ALL_CHECKS_CLEAR)
    return Proposal(worst, tuple(reasons))
