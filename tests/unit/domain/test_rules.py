"""Rules as data: the shipped gate profiles decide as DESIGN.md says, bad profiles are refused with every
problem named, and no input (or valid profile) makes the engine crash or answer without a reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkpoint.domain.codes import Signature
from checkpoint.domain.credentials import PassKind
from checkpoint.domain.records import CodeColour, Direction, Itinerary, Outcome, Reason, SubjectKind
from checkpoint.domain.rules import (
    NUMBER_OPS,
    PERSON_FACTS,
    SEVERITY,
    THRESHOLD_LIMITS,
    VEHICLE_FACTS,
    WORD_OPS,
    FactType,
    GateFacts,
    ProblemCode,
    Profile,
    ProfileError,
    VehicleFacts,
    WatchAction,
    decide,
    decide_vehicle,
    next_version,
    parse_profile,
    pass_kind_word,
    version_key,
)

PROFILES = Path(__file__).resolve().parents[3] / "resources" / "profiles"
HIGHWAY = parse_profile((PROFILES / "highway-exit.toml").read_text(encoding="utf-8"))
COMPOUND = parse_profile((PROFILES / "compound-gate.toml").read_text(encoding="utf-8"))

G, Y, R, N = CodeColour.GREEN, CodeColour.YELLOW, CodeColour.RED, CodeColour.NONE
IG, IS, IO = Itinerary.GREEN, Itinerary.STARRED, Itinerary.OTHER
OUT, IN = Direction.OUT, Direction.IN
VALID, INVALID, UNTRUSTED = Signature.VALID, Signature.INVALID, Signature.UNTRUSTED


def person(**kw: Any) -> GateFacts:
    return GateFacts(**kw)


def clear_driver(**kw: Any) -> GateFacts:
    """Green code, green itinerary, a test yesterday, 36.5 °C."""
    base: dict[str, Any] = {"code_colour": G, "itinerary": IG, "test_age_days": 1, "temperature": 36.5}
    base.update(kw)
    return GateFacts(**base)


def test_shipped_profiles_load_with_their_rules_versions() -> None:
    assert HIGHWAY.rules_version == "highway-exit/1"
    assert COMPOUND.rules_version == "compound-gate/3"
    assert HIGHWAY.thresholds.fever_c == 37.3
    assert HIGHWAY.thresholds.max_test_age_days == 2
    assert (COMPOUND.thresholds.exit_slip_days, COMPOUND.thresholds.return_hours) == (2, 4)


@pytest.mark.parametrize(
    ("facts", "outcome", "reasons"),
    [
        (clear_driver(), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (clear_driver(test_age_days=0), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (clear_driver(test_age_days=2), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (clear_driver(temperature=None), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (clear_driver(temperature=37.2), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (clear_driver(itinerary=Itinerary.NONE), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (clear_driver(test_age_days=3), Outcome.TURN_BACK, {Reason.TEST_TOO_OLD}),
        (clear_driver(test_age_days=None), Outcome.TURN_BACK, {Reason.NO_TEST}),
        (clear_driver(code_colour=Y), Outcome.TURN_BACK, {Reason.CODE_YELLOW}),
        (clear_driver(code_colour=R), Outcome.HOLD, {Reason.CODE_RED}),
        (clear_driver(temperature=37.3), Outcome.HOLD, {Reason.FEVER}),
        (clear_driver(temperature=39.0), Outcome.HOLD, {Reason.FEVER}),
        (clear_driver(itinerary=IS), Outcome.TURN_BACK, {Reason.ITINERARY_STARRED}),
        (clear_driver(itinerary=IO), Outcome.TURN_BACK, {Reason.ITINERARY_OTHER}),
        (clear_driver(code_colour=N), Outcome.RECHECK, {Reason.CODE_NOT_SHOWN}),
        (
            person(code_colour=R, itinerary=IS, temperature=38.0),
            Outcome.HOLD,
            {Reason.CODE_RED, Reason.FEVER, Reason.ITINERARY_STARRED, Reason.NO_TEST},
        ),
        (
            clear_driver(code_colour=Y, test_age_days=5),
            Outcome.TURN_BACK,
            {Reason.CODE_YELLOW, Reason.TEST_TOO_OLD},
        ),
        (person(), Outcome.TURN_BACK, {Reason.CODE_NOT_SHOWN, Reason.NO_TEST}),
        # a verified EU certificate counts like a green code with a test
        (person(dcc_signature=VALID, itinerary=IG), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (person(dcc_signature=VALID, code_colour=R), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        (person(dcc_signature=VALID, temperature=37.5), Outcome.HOLD, {Reason.FEVER}),
        (person(dcc_signature=VALID, itinerary=IS), Outcome.TURN_BACK, {Reason.ITINERARY_STARRED}),
        (
            person(dcc_signature=VALID, dcc_expired=True),
            Outcome.TURN_BACK,
            {Reason.DCC_EXPIRED, Reason.NO_TEST},
        ),
        (person(dcc_signature=INVALID), Outcome.TURN_BACK, {Reason.DCC_INVALID, Reason.NO_TEST}),
        (
            clear_driver(dcc_signature=UNTRUSTED),
            Outcome.TURN_BACK,
            {Reason.DCC_INVALID},
        ),
        (clear_driver(watchlist_action=WatchAction.BLOCK), Outcome.HOLD, {Reason.WATCHLIST_BLOCK}),
        (clear_driver(watchlist_action=WatchAction.NOTIFY), Outcome.RECHECK, {Reason.WATCHLIST_NOTIFY}),
        (clear_driver(manual_id=True), Outcome.PASS, {Reason.MANUAL_ID}),
        (
            clear_driver(manual_id=True, code_colour=Y),
            Outcome.TURN_BACK,
            {Reason.CODE_YELLOW, Reason.MANUAL_ID},
        ),
    ],
)
def test_highway_exit(facts: GateFacts, outcome: Outcome, reasons: set[Reason]) -> None:
    decision = decide(HIGHWAY, facts)
    assert decision.outcome is outcome
    assert set(decision.reasons) == reasons
    assert len(decision.reasons) == len(reasons)


def test_highway_reasons_come_most_severe_first_and_alarm_on_hold() -> None:
    decision = decide(HIGHWAY, clear_driver(code_colour=Y, temperature=38.2))
    assert decision.reasons == (Reason.FEVER, Reason.CODE_YELLOW)
    assert decision.alarm
    assert not decide(HIGHWAY, clear_driver(code_colour=Y)).alarm


@pytest.mark.parametrize(
    ("occupants", "vehicle", "outcome", "reasons"),
    [
        ((clear_driver(), clear_driver(), clear_driver()), None, Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}),
        ((clear_driver(), clear_driver(code_colour=Y)), None, Outcome.TURN_BACK, {Reason.CODE_YELLOW}),
        (
            (clear_driver(), clear_driver(code_colour=R), clear_driver(test_age_days=4)),
            None,
            Outcome.HOLD,
            {Reason.CODE_RED, Reason.TEST_TOO_OLD},
        ),
        ((), None, Outcome.RECHECK, {Reason.NO_OCCUPANTS}),
        ((clear_driver(),), VehicleFacts(plate_valid=False), Outcome.RECHECK, {Reason.PLATE_INVALID}),
        (
            (clear_driver(),),
            VehicleFacts(watchlist_action=WatchAction.BLOCK),
            Outcome.HOLD,
            {Reason.WATCHLIST_BLOCK},
        ),
        (
            (clear_driver(),),
            VehicleFacts(pass_kind=PassKind.SUPPLY_VEHICLE, pass_signature=VALID),
            Outcome.PASS,
            {Reason.ALL_CHECKS_CLEAR},
        ),
        (
            (clear_driver(),),
            VehicleFacts(pass_kind=PassKind.SUPPLY_VEHICLE, pass_signature=VALID, pass_revoked=True),
            Outcome.TURN_BACK,
            {Reason.PASS_REVOKED},
        ),
        (
            (clear_driver(),),
            VehicleFacts(pass_kind=PassKind.SUPPLY_VEHICLE, pass_signature=INVALID),
            Outcome.TURN_BACK,
            {Reason.PASS_INVALID},
        ),
        (
            (clear_driver(), clear_driver(manual_id=True)),
            None,
            Outcome.PASS,
            {Reason.ALL_CHECKS_CLEAR, Reason.MANUAL_ID},
        ),
    ],
)
def test_highway_vehicle(
    occupants: tuple[GateFacts, ...], vehicle: VehicleFacts | None, outcome: Outcome, reasons: set[Reason]
) -> None:
    decision = decide_vehicle(HIGHWAY, occupants, vehicle)
    assert decision.outcome is outcome
    assert set(decision.reasons) == reasons


def resident(**kw: Any) -> GateFacts:
    """A resident with a valid exit slip."""
    base: dict[str, Any] = {"is_resident": True, "pass_kind": PassKind.EXIT_SLIP, "pass_signature": VALID}
    base.update(kw)
    return GateFacts(**base)


def visitor(**kw: Any) -> GateFacts:
    base: dict[str, Any] = {"is_resident": False, "direction": IN}
    base.update(kw)
    return GateFacts(**base)


@pytest.mark.parametrize(
    ("facts", "outcome", "reasons", "alarm"),
    [
        (resident(direction=OUT), Outcome.PASS, {Reason.PASS_VALID}, False),
        (resident(direction=IN), Outcome.PASS, {Reason.PASS_VALID}, False),
        (resident(direction=OUT, pass_kind=PassKind.RESIDENT), Outcome.PASS, {Reason.PASS_VALID}, False),
        (
            resident(direction=OUT, quota_exceeded=True),
            Outcome.TURN_BACK,
            {Reason.EXIT_QUOTA_EXCEEDED, Reason.PASS_VALID},
            False,
        ),
        (
            resident(direction=IN, quota_exceeded=True),
            Outcome.PASS,
            {Reason.PASS_VALID},
            False,
        ),
        (
            resident(direction=IN, return_overdue=True),
            Outcome.RECHECK,
            {Reason.RETURN_OVERDUE, Reason.PASS_VALID},
            True,
        ),
        (
            resident(direction=OUT, quarantined=True),
            Outcome.HOLD,
            {Reason.QUARANTINE_LEAVING, Reason.PASS_VALID},
            True,
        ),
        (resident(direction=IN, quarantined=True), Outcome.PASS, {Reason.PASS_VALID}, False),
        (
            resident(direction=OUT, pass_signature=Signature.NONE, pass_kind=None),
            Outcome.TURN_BACK,
            {Reason.NO_PASS},
            False,
        ),
        (
            resident(direction=IN, pass_signature=Signature.NONE, pass_kind=None),
            Outcome.RECHECK,
            {Reason.NO_PASS},
            False,
        ),
        (
            resident(direction=OUT, pass_revoked=True),
            Outcome.TURN_BACK,
            {Reason.PASS_REVOKED, Reason.NO_PASS},
            False,
        ),
        (
            resident(direction=OUT, pass_expired=True),
            Outcome.TURN_BACK,
            {Reason.PASS_EXPIRED, Reason.NO_PASS},
            False,
        ),
        (
            resident(direction=IN, pass_signature=INVALID),
            Outcome.TURN_BACK,
            {Reason.PASS_INVALID},
            False,
        ),
        (
            resident(direction=OUT, watchlist_action=WatchAction.BLOCK),
            Outcome.HOLD,
            {Reason.WATCHLIST_BLOCK, Reason.PASS_VALID},
            True,
        ),
        (
            resident(direction=OUT, watchlist_action=WatchAction.NOTIFY),
            Outcome.RECHECK,
            {Reason.WATCHLIST_NOTIFY, Reason.PASS_VALID},
            False,
        ),
        (
            resident(direction=IN, temperature=37.8),
            Outcome.HOLD,
            {Reason.FEVER, Reason.PASS_VALID},
            True,
        ),
        (visitor(), Outcome.TURN_BACK, {Reason.VISITOR_NOT_REGISTERED}, False),
        (visitor(visitor_has_host=True), Outcome.PASS, {Reason.VISITOR_WITH_HOST}, False),
        (
            visitor(pass_kind=PassKind.VISITOR, pass_signature=VALID),
            Outcome.PASS,
            {Reason.PASS_VALID},
            False,
        ),
        (
            visitor(pass_kind=PassKind.VISITOR, pass_signature=VALID, pass_expired=True),
            Outcome.TURN_BACK,
            {Reason.PASS_EXPIRED},
            False,
        ),
        (
            visitor(
                pass_kind=PassKind.VISITOR, pass_signature=VALID, pass_expired=True, visitor_has_host=True
            ),
            Outcome.TURN_BACK,
            {Reason.PASS_EXPIRED, Reason.VISITOR_WITH_HOST},
            False,
        ),
        (visitor(direction=OUT), Outcome.PASS, {Reason.ALL_CHECKS_CLEAR}, False),
        (
            visitor(manual_id=True, visitor_has_host=True),
            Outcome.PASS,
            {Reason.VISITOR_WITH_HOST, Reason.MANUAL_ID},
            False,
        ),
        (
            visitor(watchlist_action=WatchAction.BLOCK, visitor_has_host=True),
            Outcome.HOLD,
            {Reason.WATCHLIST_BLOCK, Reason.VISITOR_WITH_HOST},
            True,
        ),
    ],
)
def test_compound_gate(facts: GateFacts, outcome: Outcome, reasons: set[Reason], alarm: bool) -> None:
    decision = decide(COMPOUND, facts)
    assert decision.outcome is outcome
    assert set(decision.reasons) == reasons
    assert decision.alarm is alarm


def test_compound_supply_vehicle() -> None:
    driver = resident(direction=IN)
    supply = VehicleFacts(pass_kind=PassKind.SUPPLY_VEHICLE, pass_signature=VALID)
    assert decide_vehicle(COMPOUND, [driver], supply).outcome is Outcome.PASS
    forged = VehicleFacts(pass_kind=PassKind.SUPPLY_VEHICLE, pass_signature=INVALID)
    decision = decide_vehicle(COMPOUND, [driver], forged)
    assert (decision.outcome, Reason.PASS_INVALID in decision.reasons) == (Outcome.TURN_BACK, True)


# -- reading profiles --------------------------------------------------------------------------------------

MINIMAL = """
[profile]
name = "t"
version = 1
"""


def test_no_default_means_no_rule_matched_is_a_recheck() -> None:
    profile = parse_profile(MINIMAL)
    assert decide(profile, clear_driver()) == decide(profile, GateFacts())
    decision = decide(profile, GateFacts())
    assert (decision.outcome, decision.reasons) == (Outcome.RECHECK, (Reason.NO_RULE_MATCHED,))


def test_operators_and_thresholds() -> None:
    profile = parse_profile(
        MINIMAL
        + """
[thresholds]
max_test_age_days = 1

[default]
outcome = "pass"
reason = "all_checks_clear"

[[rule]]
when = { test_age_days = { ge = 0, le = "max_test_age_days" }, code_colour = { not_in = ["red", "yellow"] } }
outcome = "pass"
reason = "code_green"

[[rule]]
when = { temperature = { lt = 35.0 } }
outcome = "recheck"
reason = "fever"

[[rule]]
when = { itinerary = { ne = "green" }, subject = "vehicle" }
outcome = "turn_back"
reason = "itinerary_other"
"""
    )
    assert decide(profile, person(test_age_days=1, code_colour=G)).reasons == (Reason.CODE_GREEN,)
    assert decide(profile, person(test_age_days=2, code_colour=G)).reasons == (Reason.ALL_CHECKS_CLEAR,)
    assert decide(profile, person(test_age_days=0, code_colour=Y)).reasons == (Reason.ALL_CHECKS_CLEAR,)
    assert decide(profile, person(temperature=34.0)).outcome is Outcome.RECHECK
    assert decide(profile, person(temperature=None)).outcome is Outcome.PASS  # missing: no comparison holds
    assert decide(profile, person(temperature=float("nan"))).outcome is Outcome.PASS
    vehicle = person(itinerary=IS, subject=SubjectKind.VEHICLE)
    assert decide(profile, vehicle).outcome is Outcome.TURN_BACK
    assert decide(profile, person(itinerary=IS)).outcome is Outcome.PASS


def problems(text: str) -> list[tuple[ProblemCode, str, int | None, int | None]]:
    with pytest.raises(ProfileError) as info:
        parse_profile(text)
    return [(p.code, p.key, p.rule, p.line) for p in info.value.problems]


def test_every_problem_is_listed_with_rule_index_and_line() -> None:
    text = """[profile]
name = "Bad Name"
version = 0
colour = "blue"

[thresholds]
fever_c = 50
max_days = 2

[[rule]]
when = { code_colour = "purple", fever = "yes", mood = "bad" }
outcome = "shoot"
reason = "code_red"

[[rule]]
when = { test_age_days = { gt = "max_age" }, itinerary = { between = 1 } }
outcome = "hold"
reason = "no_such_reason"
alarm = "loud"

[[rule]]
when = {}
outcome = "pass"
reason = "all_checks_clear"

[[rule]]
outcome = "pass"

[[vehicle_rule]]
when = { code_colour = "red" }
outcome = "hold"
reason = "code_red"
"""
    found = problems(text)
    assert (ProblemCode.UNKNOWN_KEY, "profile.colour", None, 1) in found
    assert (ProblemCode.BAD_NAME, "profile.name", None, 1) in found
    assert (ProblemCode.BAD_VERSION, "profile.version", None, 1) in found
    assert (ProblemCode.BAD_THRESHOLD, "thresholds.fever_c", None, 6) in found
    assert (ProblemCode.UNKNOWN_THRESHOLD, "thresholds.max_days", None, 6) in found
    assert (ProblemCode.BAD_FACT_VALUE, "rule.when.code_colour", 1, 10) in found
    assert (ProblemCode.BAD_FACT_VALUE, "rule.when.fever", 1, 10) in found
    assert (ProblemCode.UNKNOWN_FACT, "rule.when.mood", 1, 10) in found
    assert (ProblemCode.UNKNOWN_OUTCOME, "rule.outcome", 1, 10) in found
    assert (ProblemCode.BAD_FACT_VALUE, "rule.when.test_age_days", 2, 15) in found
    assert (ProblemCode.UNKNOWN_OPERATOR, "rule.when.itinerary", 2, 15) in found
    assert (ProblemCode.UNKNOWN_REASON, "rule.reason", 2, 15) in found
    assert (ProblemCode.BAD_TYPE, "rule.alarm", 2, 15) in found
    assert (ProblemCode.EMPTY_CONDITION, "rule.when", 3, 21) in found
    assert (ProblemCode.MISSING_KEY, "rule.when", 4, 26) in found
    assert (ProblemCode.MISSING_KEY, "rule.reason", 4, 26) in found
    assert (ProblemCode.UNKNOWN_FACT, "vehicle_rule.when.code_colour", 1, 29) in found
    assert len(found) == 17


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("[profile\nname = 1", ProblemCode.SYNTAX),
        ("", ProblemCode.MISSING_SECTION),
        ('profile = "x"', ProblemCode.BAD_TYPE),
        ("[profile]\nversion = 1", ProblemCode.MISSING_KEY),
        ('[profile]\nname = "x"', ProblemCode.MISSING_KEY),
        ('[profile]\nname = "x"\nversion = "1.x"', ProblemCode.BAD_VERSION),
        ('[profile]\nname = "x"\nversion = true', ProblemCode.BAD_VERSION),
        (MINIMAL + "[thresholds]\nmax_test_age_days = 1.5", ProblemCode.BAD_THRESHOLD),
        (MINIMAL + "[thresholds]\nfever_c = true", ProblemCode.BAD_THRESHOLD),
        (MINIMAL + '[default]\noutcome = "pass"', ProblemCode.MISSING_KEY),
        (MINIMAL + '[default]\noutcome = "maybe"\nreason = "fever"', ProblemCode.UNKNOWN_OUTCOME),
        ('rule = "x"' + MINIMAL, ProblemCode.BAD_TYPE),
        (MINIMAL + 'rule = "x"', ProblemCode.UNKNOWN_KEY),  # inside [profile]
        (MINIMAL + '[[rule]]\nwhen = "fever"\noutcome = "hold"\nreason = "fever"', ProblemCode.BAD_TYPE),
        (
            MINIMAL + '[[rule]]\nwhen = { code_colour = [] }\noutcome = "hold"\nreason = "fever"',
            ProblemCode.BAD_FACT_VALUE,
        ),
        (
            MINIMAL + '[[rule]]\nwhen = { fever = { gt = 1 } }\noutcome = "hold"\nreason = "fever"',
            ProblemCode.UNKNOWN_OPERATOR,
        ),
        (
            MINIMAL + '[[rule]]\nwhen = { temperature = true }\noutcome = "hold"\nreason = "fever"',
            ProblemCode.BAD_FACT_VALUE,
        ),
        (MINIMAL + "[extra]\na = 1", ProblemCode.UNKNOWN_KEY),
    ],
)
def test_single_problems(text: str, code: ProblemCode) -> None:
    assert code in [found[0] for found in problems(text)]


def test_syntax_error_names_its_line() -> None:
    [(code, _key, _rule, line)] = problems('[profile]\nname = "x"\nversion = 1\noops oops\n')
    assert (code, line) == (ProblemCode.SYNTAX, 4)


def test_versions() -> None:
    assert parse_profile('[profile]\nname = "x"\nversion = "1.2.0"').rules_version == "x/1.2.0"
    assert next_version("3") == "4"
    assert next_version("1.2.9") == "1.2.10"
    assert version_key("1.10") > version_key("1.9")
    assert version_key("10") > version_key("9")


def test_severity_order() -> None:
    assert sorted(SEVERITY, key=SEVERITY.__getitem__) == [
        Outcome.PASS,
        Outcome.RECHECK,
        Outcome.TURN_BACK,
        Outcome.HOLD,
    ]


# -- properties -------------------------------------------------------------------------------------------

_signatures = st.sampled_from(Signature)
gate_facts = st.builds(
    GateFacts,
    code_colour=st.sampled_from(CodeColour),
    itinerary=st.sampled_from(Itinerary),
    test_age_days=st.none() | st.integers(-5, 10_000),
    temperature=st.none() | st.floats(allow_nan=True, allow_infinity=True),
    dcc_signature=_signatures,
    dcc_expired=st.booleans(),
    pass_signature=_signatures,
    pass_revoked=st.booleans(),
    pass_expired=st.booleans(),
    pass_kind=st.none() | st.sampled_from(PassKind),
    quota_exceeded=st.booleans(),
    return_overdue=st.booleans(),
    quarantined=st.booleans(),
    watchlist_action=st.sampled_from(WatchAction),
    visitor_has_host=st.booleans(),
    is_resident=st.booleans(),
    manual_id=st.booleans(),
    direction=st.sampled_from(Direction),
    subject=st.sampled_from(SubjectKind),
)
vehicle_facts = st.builds(
    VehicleFacts,
    plate_valid=st.booleans(),
    watchlist_action=st.sampled_from(WatchAction),
    pass_signature=_signatures,
    pass_revoked=st.booleans(),
    pass_expired=st.booleans(),
    pass_kind=st.none() | st.sampled_from(PassKind),
    direction=st.sampled_from(Direction),
)


def _check_decision_is_sound(
    profile: Profile, decision_outcome: Outcome, reasons: tuple[Reason, ...]
) -> None:
    assert decision_outcome in SEVERITY
    assert reasons, "an outcome without a reason"
    assert len(set(reasons)) == len(reasons)
    assert all(isinstance(r, Reason) for r in reasons)


@settings(max_examples=1500, deadline=None)
@given(gate_facts)
def test_shipped_profiles_always_answer_with_a_reason(facts: GateFacts) -> None:
    for profile in (HIGHWAY, COMPOUND):
        decision = decide(profile, facts)
        _check_decision_is_sound(profile, decision.outcome, decision.reasons)
        if decision.outcome is not Outcome.PASS:
            assert Reason.ALL_CHECKS_CLEAR not in decision.reasons


@settings(max_examples=500, deadline=None)
@given(st.lists(gate_facts, max_size=6), st.none() | vehicle_facts)
def test_vehicles_always_answer_with_the_worst_outcome(
    occupants: list[GateFacts], vehicle: VehicleFacts | None
) -> None:
    for profile in (HIGHWAY, COMPOUND):
        decision = decide_vehicle(profile, occupants, vehicle)
        _check_decision_is_sound(profile, decision.outcome, decision.reasons)
        for occupant in occupants:
            single = decide(profile, occupant)
            assert SEVERITY[decision.outcome] >= SEVERITY[single.outcome]
            assert set(single.reasons) - {Reason.ALL_CHECKS_CLEAR} <= set(decision.reasons)


def _condition(spec_type: FactType, words: tuple[str, ...]) -> st.SearchStrategy[Any]:
    thresholds = st.sampled_from(sorted(THRESHOLD_LIMITS))
    if spec_type is FactType.BOOL:
        return st.booleans() | st.fixed_dictionaries({"ne": st.booleans()})
    if spec_type is FactType.WORD:
        word = st.sampled_from(words)
        some = st.lists(word, min_size=1, max_size=3)
        return (
            word
            | some
            | st.dictionaries(st.sampled_from([o.value for o in WORD_OPS[:2]]), word, min_size=1)
            | st.dictionaries(st.sampled_from([o.value for o in WORD_OPS[2:]]), some, min_size=1)
        )
    number = st.integers(-10, 100) | st.floats(-10, 100, allow_nan=False) | thresholds
    return number | st.dictionaries(st.sampled_from([o.value for o in NUMBER_OPS]), number, min_size=1)


def _when(facts: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    names = sorted(facts)
    return st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries(
            {name: _condition(facts[name].type, facts[name].words) for name in chosen}
        )
    )


def _rules(facts: dict[str, Any]) -> st.SearchStrategy[list[dict[str, Any]]]:
    rule = st.fixed_dictionaries(
        {
            "when": _when(facts),
            "outcome": st.sampled_from([o.value for o in Outcome]),
            "reason": st.sampled_from([r.value for r in Reason]),
        },
        optional={"alarm": st.booleans()},
    )
    return st.lists(rule, max_size=8)


random_profiles = st.fixed_dictionaries(
    {
        "profile": st.fixed_dictionaries(
            {"name": st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), "version": st.integers(1, 99)}
        ),
        "rule": _rules(dict(PERSON_FACTS)),
        "vehicle_rule": _rules(dict(VEHICLE_FACTS)),
    },
    optional={
        "default": st.fixed_dictionaries(
            {
                "outcome": st.sampled_from([o.value for o in Outcome]),
                "reason": st.sampled_from([r.value for r in Reason]),
            }
        ),
        "thresholds": st.fixed_dictionaries(
            {},
            optional={
                "fever_c": st.floats(35.0, 42.0),
                "max_test_age_days": st.integers(0, 30),
                "exit_slip_days": st.integers(1, 366),
                "return_hours": st.integers(1, 744),
            },
        ),
    },
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_profiles, st.lists(gate_facts, min_size=1, max_size=4), vehicle_facts)
def test_random_valid_profiles_never_crash_and_always_give_a_reason(
    data: dict[str, Any], people: list[GateFacts], vehicle: VehicleFacts
) -> None:
    text = tomlkit.dumps(data)
    profile = parse_profile(text)  # every generated profile is valid: it must load
    assert profile.rules_version == f"{data['profile']['name']}/{data['profile']['version']}"
    assert len(profile.rules) == len(data["rule"])
    for facts in people:
        decision = decide(profile, facts)
        _check_decision_is_sound(profile, decision.outcome, decision.reasons)
    decision = decide_vehicle(profile, people, vehicle)
    _check_decision_is_sound(profile, decision.outcome, decision.reasons)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_a_profile_or_a_profile_error(text: str) -> None:
    try:
        parse_profile(text)
    except ProfileError as error:
        assert error.problems


def test_a_profile_names_the_pass_kinds_with_underscores_and_none_for_no_pass() -> None:
    """One ``PassKind`` (the one a pass carries); profiles spell it as words, so the TOML files stay valid."""
    words = ("none", "exit_slip", "resident", "visitor", "supply_vehicle")
    assert PERSON_FACTS["pass_kind"].words == VEHICLE_FACTS["pass_kind"].words == words
    assert [pass_kind_word(kind) for kind in (None, *PassKind)] == list(words)
