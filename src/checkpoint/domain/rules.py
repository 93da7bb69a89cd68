"""Rules as data: a gate profile (a TOML file) and the engine that decides under it.

A profile says, line by line, which combination of facts about a person (or a vehicle) leads to which
outcome, and for what reason. The format is declarative and small; nothing in it is evaluated as code::

    [profile]
    name = "highway-exit"
    version = 3                      # an integer, or "1.2.0"
    title_zh = "高速卡口"
    title_en = "Highway exit"

    [thresholds]
    fever_c = 37.3                   # temperature at or above it: the fact ``fever``
    max_test_age_days = 2            # older: the fact ``test_too_old``

    [default]                        # when no rule matches (leave it out: recheck, "no rule matched")
    outcome = "pass"
    reason = "all_checks_clear"

    [[rule]]                         # every fact in ``when`` must hold (AND); several rules give OR
    when = { code_colour = "red", dcc_valid = false }
    outcome = "hold"
    reason = "code_red"
    alarm = true                     # optional: the gate sounds an alarm

A condition on a fact is: a value (``code_colour = "red"``, ``fever = true``, ``test_age_days = 0``), a
list of values (any of them), or a table of operators: ``eq``, ``ne``, ``in``, ``not_in`` for words,
``eq``, ``ne``, ``gt``, ``ge``, ``lt``, ``le`` for numbers, where a number may also be a threshold's name
(``test_age_days = { gt = "max_test_age_days" }``). A missing number (no test, no temperature) satisfies
no comparison. ``[[vehicle_rule]]`` lines use the vehicle facts.

The engine: every matching rule contributes its reason; the outcome is the most severe of theirs
(hold > turn back > recheck > pass). An outcome never comes without a reason. ``parse_profile`` refuses a
profile with a ``ProfileError`` listing every problem (codes, with the rule's index and line), so the
settings screen can show them all at once.

Why one module of this length: the profile's format, its validation and the engine that reads it
change together (a new fact is a new word in the file, a check of it and its use in ``decide``); split,
each half would be meaningless without the other.
"""

from __future__ import annotations

import enum
import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checkpoint.domain.codes import Signature
from checkpoint.domain.credentials.passes import PassKind
from checkpoint.domain.documents import DocumentLimitError, load_toml
from checkpoint.domain.records import CodeColour, Direction, Itinerary, Outcome, Reason, SubjectKind
from checkpoint.domain.residents import ResidentStatus

SEVERITY: Mapping[Outcome, int] = {Outcome.PASS: 0, Outcome.RECHECK: 1, Outcome.TURN_BACK: 2, Outcome.HOLD: 3}


def pass_kind_word(kind: PassKind | None) -> str:
    """The word a profile uses for the kind of station pass shown: ``none`` for no pass, and the pass's own
    kind spelled with an underscore (``exit_slip`` for the pass's ``exit-slip``)."""
    return "none" if kind is None else kind.value.replace("-", "_")


class WatchAction(enum.StrEnum):
    """What a watchlist hit asks the gate to do (none: no hit)."""

    NONE = "none"
    NOTIFY = "notify"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class GateFacts:
    """What is known about one person at the gate: attested, verified or looked up in the log."""

    code_colour: CodeColour = CodeColour.NONE
    itinerary: Itinerary = Itinerary.NONE
    test_age_days: int | None = None  # calendar days since sampling; None: no test proof
    temperature: float | None = None  # degrees Celsius; None: not measured
    dcc_signature: Signature = Signature.NONE  # NONE: no EU certificate shown
    dcc_expired: bool = False
    pass_signature: Signature = Signature.NONE  # NONE: no station pass shown
    pass_revoked: bool = False
    pass_expired: bool = False
    pass_kind: PassKind | None = None  # None: no station pass shown
    quota_exceeded: bool = False  # the household's exits in the last N days are used up
    return_overdue: bool = False  # out for longer than the exit slip's H hours
    quarantined: bool = False  # under home quarantine
    watchlist_action: WatchAction = WatchAction.NONE
    visitor_has_host: bool = False  # a resident came to the gate for the visitor
    is_resident: bool = False
    manual_id: bool = False  # degraded mode: the ID number was typed
    direction: Direction = Direction.IN
    subject: SubjectKind = SubjectKind.PEDESTRIAN
    resident_known: bool = False  # the residents registry lists this person (by ID number, or pass holder)
    resident_status: ResidentStatus | None = None  # their registry status in force; None: not listed
    household_unknown: bool = False  # the household the person claims is not in the registry (in use)


@dataclass(frozen=True, slots=True)
class VehicleFacts:
    """What is known about the vehicle itself (its occupants are ``GateFacts`` each)."""

    plate_valid: bool = True
    watchlist_action: WatchAction = WatchAction.NONE  # plate of interest
    pass_signature: Signature = Signature.NONE  # supply-vehicle pass
    pass_revoked: bool = False
    pass_expired: bool = False
    pass_kind: PassKind | None = None  # None: no station pass shown
    direction: Direction = Direction.IN


# -- the fact vocabulary -------------------------------------------------------------------------------


class FactType(enum.Enum):
    BOOL = "bool"
    WORD = "word"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class FactSpec:
    type: FactType
    words: tuple[str, ...] = ()  # allowed values of a WORD fact


def _words(kind: type[enum.StrEnum]) -> FactSpec:
    return FactSpec(FactType.WORD, tuple(member.value for member in kind))


_BOOL = FactSpec(FactType.BOOL)
_PASS_KINDS = FactSpec(FactType.WORD, ("none", *(pass_kind_word(kind) for kind in PassKind)))
_NUMBER = FactSpec(FactType.NUMBER)

PERSON_FACTS: Mapping[str, FactSpec] = {
    "code_colour": _words(CodeColour),
    "itinerary": _words(Itinerary),
    "test_age_days": _NUMBER,
    "temperature": _NUMBER,
    "fever": _BOOL,  # temperature at or above thresholds.fever_c
    "no_test": _BOOL,  # no test proof shown
    "test_too_old": _BOOL,  # test_age_days above thresholds.max_test_age_days
    "dcc_signature": _words(Signature),
    "dcc_expired": _BOOL,
    "dcc_valid": _BOOL,  # an EU certificate with a valid signature, not expired
    "pass_signature": _words(Signature),
    "pass_revoked": _BOOL,
    "pass_expired": _BOOL,
    "pass_valid": _BOOL,  # a station pass with a valid signature, neither revoked nor expired
    "pass_kind": _PASS_KINDS,
    "quota_exceeded": _BOOL,
    "return_overdue": _BOOL,
    "quarantined": _BOOL,
    "watchlist_action": _words(WatchAction),
    "visitor_has_host": _BOOL,
    "is_resident": _BOOL,
    "manual_id": _BOOL,
    "direction": _words(Direction),
    "subject": _words(SubjectKind),
    "resident_known": _BOOL,
    "resident_status": FactSpec(FactType.WORD, ("none", *(status.value for status in ResidentStatus))),
    "household_unknown": _BOOL,
}

VEHICLE_FACTS: Mapping[str, FactSpec] = {
    "plate_valid": _BOOL,
    "watchlist_action": _words(WatchAction),
    "pass_signature": _words(Signature),
    "pass_revoked": _BOOL,
    "pass_expired": _BOOL,
    "pass_valid": _BOOL,
    "pass_kind": _PASS_KINDS,
    "occupants": _NUMBER,
    "direction": _words(Direction),
}

FactValue = str | bool | float | None


@dataclass(frozen=True, slots=True)
class Thresholds:
    fever_c: float = 37.3
    max_test_age_days: int = 2
    exit_slip_days: int = 3  # an exit slip allows one exit per household in this many days
    return_hours: int = 24  # and the person must be back within this many hours

    def number(self, name: str) -> float:
        return float(getattr(self, name))


# name -> (integer only, lowest, highest)
THRESHOLD_LIMITS: Mapping[str, tuple[bool, float, float]] = {
    "fever_c": (False, 35.0, 42.0),
    "max_test_age_days": (True, 0, 30),
    "exit_slip_days": (True, 1, 366),
    "return_hours": (True, 1, 24 * 31),
}


def person_values(facts: GateFacts, thresholds: Thresholds) -> dict[str, FactValue]:
    """Every person fact by name, the derived ones computed with the profile's thresholds."""
    temperature = facts.temperature
    if temperature is not None and not math.isfinite(temperature):
        temperature = None
    age = facts.test_age_days
    return {
        "code_colour": facts.code_colour.value,
        "itinerary": facts.itinerary.value,
        "test_age_days": None if age is None else float(age),
        "temperature": temperature,
        "fever": temperature is not None and temperature >= thresholds.fever_c,
        "no_test": age is None,
        "test_too_old": age is not None and age > thresholds.max_test_age_days,
        "dcc_signature": facts.dcc_signature.value,
        "dcc_expired": facts.dcc_expired,
        "dcc_valid": facts.dcc_signature is Signature.VALID and not facts.dcc_expired,
        "pass_signature": facts.pass_signature.value,
        "pass_revoked": facts.pass_revoked,
        "pass_expired": facts.pass_expired,
        "pass_valid": facts.pass_signature is Signature.VALID
        and not facts.pass_revoked
        and not facts.pass_expired,
        "pass_kind": pass_kind_word(facts.pass_kind),
        "quota_exceeded": facts.quota_exceeded,
        "return_overdue": facts.return_overdue,
        "quarantined": facts.quarantined,
        "watchlist_action": facts.watchlist_action.value,
        "visitor_has_host": facts.visitor_has_host,
        "is_resident": facts.is_resident,
        "manual_id": facts.manual_id,
        "direction": facts.direction.value,
        "subject": facts.subject.value,
        "resident_known": facts.resident_known,
        "resident_status": "none" if facts.resident_status is None else facts.resident_status.value,
        "household_unknown": facts.household_unknown,
    }


def vehicle_values(facts: VehicleFacts, occupants: int) -> dict[str, FactValue]:
    return {
        "plate_valid": facts.plate_valid,
        "watchlist_action": facts.watchlist_action.value,
        "pass_signature": facts.pass_signature.value,
        "pass_revoked": facts.pass_revoked,
        "pass_expired": facts.pass_expired,
        "pass_valid": facts.pass_signature is Signature.VALID
        and not facts.pass_revoked
        and not facts.pass_expired,
        "pass_kind": pass_kind_word(facts.pass_kind),
        "occupants": float(occupants),
        "direction": facts.direction.value,
    }


# -- conditions and rules -------------------------------------------------------------------------------


class Op(enum.StrEnum):
    EQ = "eq"
    NE = "ne"
    IN = "in"
    NOT_IN = "not_in"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"


WORD_OPS = (Op.EQ, Op.NE, Op.IN, Op.NOT_IN)
NUMBER_OPS = (Op.EQ, Op.NE, Op.GT, Op.GE, Op.LT, Op.LE)

_COMPARE: Mapping[Op, Callable[[float, float], bool]] = {
    Op.EQ: lambda a, b: a == b,
    Op.NE: lambda a, b: a != b,
    Op.GT: lambda a, b: a > b,
    Op.GE: lambda a, b: a >= b,
    Op.LT: lambda a, b: a < b,
    Op.LE: lambda a, b: a <= b,
}


@dataclass(frozen=True, slots=True)
class Check:
    """One test on one fact. ``operand`` is a set of words, a bool or a number (thresholds resolved)."""

    fact: str
    op: Op
    operand: frozenset[str] | bool | float

    def holds(self, values: Mapping[str, FactValue]) -> bool:
        value = values.get(self.fact)
        operand = self.operand
        if isinstance(operand, frozenset):
            inside = value in operand
            return inside if self.op in (Op.EQ, Op.IN) else not inside
        if isinstance(operand, bool):
            return value is operand if self.op is Op.EQ else value is not operand
        if value is None or isinstance(value, (bool, str)):
            return False
        return _COMPARE[self.op](value, operand)


@dataclass(frozen=True, slots=True)
class Rule:
    index: int  # 1-based, in file order within its kind
    checks: tuple[Check, ...]
    outcome: Outcome
    reason: Reason
    alarm: bool = False
    line: int | None = None
    note: str = ""

    def matches(self, values: Mapping[str, FactValue]) -> bool:
        return all(check.holds(values) for check in self.checks)


@dataclass(frozen=True, slots=True)
class Default:
    outcome: Outcome
    reason: Reason


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    version: str  # "3" or "1.2.0"
    title_zh: str = ""
    title_en: str = ""
    thresholds: Thresholds = field(default_factory=Thresholds)
    default: Default | None = None
    rules: tuple[Rule, ...] = ()
    vehicle_rules: tuple[Rule, ...] = ()

    @property
    def rules_version(self) -> str:
        """What each record keeps: ``"<name>/<version>"``."""
        return f"{self.name}/{self.version}"


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    reasons: tuple[Reason, ...]
    alarm: bool = False


# -- the engine ----------------------------------------------------------------------------------------


def _collect(found: Sequence[tuple[Outcome, Reason, bool]]) -> Decision:
    """The most severe outcome, every reason once (most severe first, then in rule order), any alarm."""
    worst = max((outcome for outcome, _, _ in found), key=SEVERITY.__getitem__)
    ordered = sorted(found, key=lambda item: -SEVERITY[item[0]])  # stable: rule order within a severity
    reasons: list[Reason] = []
    for _, reason, _ in ordered:
        if reason not in reasons:
            reasons.append(reason)
    return Decision(worst, tuple(reasons), any(alarm for _, _, alarm in found))


def _matched(rules: Sequence[Rule], values: Mapping[str, FactValue]) -> list[tuple[Outcome, Reason, bool]]:
    return [(rule.outcome, rule.reason, rule.alarm) for rule in rules if rule.matches(values)]


def decide(profile: Profile, facts: GateFacts) -> Decision:
    """One person's outcome under the profile, with every reason that led to it."""
    found = _matched(profile.rules, person_values(facts, profile.thresholds))
    if found:
        return _collect(found)
    if profile.default is not None:
        return Decision(profile.default.outcome, (profile.default.reason,))
    return Decision(Outcome.RECHECK, (Reason.NO_RULE_MATCHED,))


def decide_vehicle(
    profile: Profile, occupants: Sequence[GateFacts], vehicle_facts: VehicleFacts | None = None
) -> Decision:
    """One outcome for a vehicle: the most severe of its occupants' and its own rules', all reasons.

    A vehicle with no occupant checked is never passed: it needs a recheck (``NO_OCCUPANTS``).
    """
    vehicle_facts = vehicle_facts or VehicleFacts()
    found: list[tuple[Outcome, Reason, bool]] = []
    for person in occupants:
        decision = decide(profile, person)
        found.extend((decision.outcome, reason, decision.alarm) for reason in decision.reasons)
    found.extend(_matched(profile.vehicle_rules, vehicle_values(vehicle_facts, len(occupants))))
    if not occupants:
        found.append((Outcome.RECHECK, Reason.NO_OCCUPANTS, False))
    decision = _collect(found)
    # "all clear" from a passing occupant says nothing once the vehicle is stopped for another reason
    others = tuple(r for r in decision.reasons if r is not Reason.ALL_CHECKS_CLEAR)
    if decision.outcome is not Outcome.PASS and others:
        decision = Decision(decision.outcome, others, decision.alarm)
    return decision


# -- reading a profile ---------------------------------------------------------------------------------


class ProblemCode(enum.StrEnum):
    """What is wrong in a profile. The settings screen turns each into words."""

    SYNTAX = "syntax"  # not TOML at all
    MISSING_SECTION = "missing_section"
    MISSING_KEY = "missing_key"
    UNKNOWN_KEY = "unknown_key"
    BAD_TYPE = "bad_type"  # e.g. a word where a table is needed
    BAD_NAME = "bad_name"  # profile name: lower-case letters, digits and dashes
    BAD_VERSION = "bad_version"  # a positive integer or "1.2.3"
    BAD_THRESHOLD = "bad_threshold"  # not a number, or outside its sensible range
    UNKNOWN_THRESHOLD = "unknown_threshold"
    EMPTY_CONDITION = "empty_condition"  # a rule whose ``when`` names no fact
    UNKNOWN_FACT = "unknown_fact"
    BAD_FACT_VALUE = "bad_fact_value"  # a value the fact cannot take
    UNKNOWN_OPERATOR = "unknown_operator"
    UNKNOWN_OUTCOME = "unknown_outcome"
    UNKNOWN_REASON = "unknown_reason"
    NAME_MISMATCH = "name_mismatch"  # the profile's name is not the file's (checked by the store)


@dataclass(frozen=True, slots=True)
class ProfileProblem:
    code: ProblemCode
    key: str = ""  # where: e.g. "rule.when.code_colour", "thresholds.fever_c"
    value: str = ""  # the offending text as written (not translated)
    rule: int | None = None  # 1-based index of the [[rule]] / [[vehicle_rule]] line
    line: int | None = None  # 1-based line in the file when known

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        rule = f"rule {self.rule}: " if self.rule else ""
        value = f" = {self.value}" if self.value else ""
        return f"{where}{rule}{self.code.value} {self.key}{value}".strip()


class ProfileError(ValueError):
    """A profile that cannot be used, with every problem found."""

    def __init__(self, problems: Sequence[ProfileProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems) or "invalid profile")


MAX_PROFILE_CHARS = 1024 * 1024  # a profile is a few kB of rules
MAX_PROFILE_DEPTH = 8  # [[rule]] tables whose conditions hold lists of words

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}\Z")
_VERSION = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6}){0,2}\Z")  # "3" or "1.2" or "1.2.0"
_SYNTAX_LINE = re.compile(r"line (\d+)")
_TOP_KEYS = ("profile", "thresholds", "default", "rule", "vehicle_rule")
_PROFILE_KEYS = ("name", "version", "title_zh", "title_en", "description")
_RULE_KEYS = ("when", "outcome", "reason", "alarm", "note")


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def version_key(version: str) -> tuple[int, ...]:
    """Versions compare as tuples of integers ("2" < "10", "1.2" < "1.10")."""
    return tuple(int(part) for part in version.split("."))


def next_version(version: str) -> str:
    """The version after ``version``: the last number plus one ("3" -> "4", "1.2.0" -> "1.2.1")."""
    parts = [int(part) for part in version.split(".")]
    parts[-1] += 1
    return ".".join(str(part) for part in parts)


def _header_lines(text: str, name: str) -> list[int]:
    pattern = re.compile(r"^[ \t]*\[\[[ \t]*" + re.escape(name) + r"[ \t]*\]\]", re.MULTILINE)
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def _section_line(text: str, name: str) -> int | None:
    match = re.search(r"^[ \t]*\[[ \t]*" + re.escape(name) + r"[ \t]*\]", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


class _Reader:
    """Collects every problem while building the profile; raises once at the end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[ProfileProblem] = []

    def problem(
        self,
        code: ProblemCode,
        key: str = "",
        value: object = "",
        rule: int | None = None,
        line: int | None = None,
    ) -> None:
        shown = value if isinstance(value, str) and not value else _show(value)
        self.problems.append(ProfileProblem(code, key, shown, rule, line))

    def table(self, data: Mapping[str, Any], key: str, required: bool) -> Mapping[str, Any] | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(ProblemCode.MISSING_SECTION, key)
            return None
        if not isinstance(value, Mapping):
            self.problem(ProblemCode.BAD_TYPE, key, value, line=_section_line(self.text, key))
            return None
        return value

    def header(self, data: Mapping[str, Any]) -> tuple[str, str, str, str]:
        section = self.table(data, "profile", required=True) or {}
        line = _section_line(self.text, "profile")
        for key in section:
            if key not in _PROFILE_KEYS:
                self.problem(ProblemCode.UNKNOWN_KEY, f"profile.{key}", line=line)
        name = section.get("name")
        if name is None and data.get("profile") is not None:
            self.problem(ProblemCode.MISSING_KEY, "profile.name", line=line)
        elif name is not None and not (isinstance(name, str) and _NAME.match(name)):
            self.problem(ProblemCode.BAD_NAME, "profile.name", name, line=line)
        version = section.get("version")
        shown_version = ""
        if version is None:
            if data.get("profile") is not None:
                self.problem(ProblemCode.MISSING_KEY, "profile.version", line=line)
        elif _is_number(version) and isinstance(version, int) and version >= 1:
            shown_version = str(version)
        elif isinstance(version, str) and _VERSION.match(version) and any(c not in "0." for c in version):
            shown_version = version
        else:
            self.problem(ProblemCode.BAD_VERSION, "profile.version", version, line=line)
        titles = []
        for key in ("title_zh", "title_en"):
            title = section.get(key, "")
            if not isinstance(title, str):
                self.problem(ProblemCode.BAD_TYPE, f"profile.{key}", title, line=line)
                title = ""
            titles.append(title)
        return (name if isinstance(name, str) else ""), shown_version, titles[0], titles[1]

    def thresholds(self, data: Mapping[str, Any]) -> Thresholds:
        section = self.table(data, "thresholds", required=False) or {}
        line = _section_line(self.text, "thresholds")
        values: dict[str, float | int] = {}
        for key, value in section.items():
            limits = THRESHOLD_LIMITS.get(key)
            if limits is None:
                self.problem(ProblemCode.UNKNOWN_THRESHOLD, f"thresholds.{key}", line=line)
                continue
            integer, low, high = limits
            if not _is_number(value) or (integer and not isinstance(value, int)) or not low <= value <= high:
                self.problem(ProblemCode.BAD_THRESHOLD, f"thresholds.{key}", value, line=line)
                continue
            values[key] = int(value) if integer else float(value)
        return Thresholds(**values)  # type: ignore[arg-type]

    def outcome_reason(
        self, table: Mapping[str, Any], where: str, rule: int | None, line: int | None
    ) -> tuple[Outcome | None, Reason | None]:
        outcome: Outcome | None = None
        reason: Reason | None = None
        raw_outcome = table.get("outcome")
        if raw_outcome is None:
            self.problem(ProblemCode.MISSING_KEY, f"{where}.outcome", rule=rule, line=line)
        elif raw_outcome not in {o.value for o in Outcome}:
            self.problem(ProblemCode.UNKNOWN_OUTCOME, f"{where}.outcome", raw_outcome, rule, line)
        else:
            outcome = Outcome(raw_outcome)
        raw_reason = table.get("reason")
        if raw_reason is None:
            self.problem(ProblemCode.MISSING_KEY, f"{where}.reason", rule=rule, line=line)
        elif raw_reason not in {r.value for r in Reason}:
            self.problem(ProblemCode.UNKNOWN_REASON, f"{where}.reason", raw_reason, rule, line)
        else:
            reason = Reason(raw_reason)
        return outcome, reason

    def default(self, data: Mapping[str, Any]) -> Default | None:
        section = self.table(data, "default", required=False)
        if section is None:
            return None
        line = _section_line(self.text, "default")
        for key in section:
            if key not in ("outcome", "reason"):
                self.problem(ProblemCode.UNKNOWN_KEY, f"default.{key}", line=line)
        outcome, reason = self.outcome_reason(section, "default", None, line)
        return Default(outcome, reason) if outcome and reason else None

    def rules(
        self, data: Mapping[str, Any], kind: str, facts: Mapping[str, FactSpec], thresholds: Thresholds
    ) -> tuple[Rule, ...]:
        raw = data.get(kind)
        if raw is None:
            return ()
        lines = _header_lines(self.text, kind)
        if not isinstance(raw, list):
            self.problem(ProblemCode.BAD_TYPE, kind, raw, line=_section_line(self.text, kind))
            return ()
        rules: list[Rule] = []
        for position, entry in enumerate(raw):
            index = position + 1
            line = lines[position] if position < len(lines) else None
            if not isinstance(entry, Mapping):
                self.problem(ProblemCode.BAD_TYPE, kind, entry, index, line)
                continue
            rule = self.rule(entry, kind, index, line, facts, thresholds)
            if rule is not None:
                rules.append(rule)
        return tuple(rules)

    def rule(
        self,
        entry: Mapping[str, Any],
        kind: str,
        index: int,
        line: int | None,
        facts: Mapping[str, FactSpec],
        thresholds: Thresholds,
    ) -> Rule | None:
        before = len(self.problems)
        for key in entry:
            if key not in _RULE_KEYS:
                self.problem(ProblemCode.UNKNOWN_KEY, f"{kind}.{key}", rule=index, line=line)
        when = entry.get("when")
        checks: list[Check] = []
        if when is None:
            self.problem(ProblemCode.MISSING_KEY, f"{kind}.when", rule=index, line=line)
        elif not isinstance(when, Mapping):
            self.problem(ProblemCode.BAD_TYPE, f"{kind}.when", when, index, line)
        elif not when:
            self.problem(ProblemCode.EMPTY_CONDITION, f"{kind}.when", rule=index, line=line)
        else:
            for fact, condition in when.items():
                checks.extend(self.condition(kind, fact, condition, index, line, facts, thresholds))
        outcome, reason = self.outcome_reason(entry, kind, index, line)
        alarm = entry.get("alarm", False)
        if not isinstance(alarm, bool):
            self.problem(ProblemCode.BAD_TYPE, f"{kind}.alarm", alarm, index, line)
        note = entry.get("note", "")
        if not isinstance(note, str):
            self.problem(ProblemCode.BAD_TYPE, f"{kind}.note", note, index, line)
        if len(self.problems) > before or outcome is None or reason is None:
            return None
        return Rule(index, tuple(checks), outcome, reason, bool(alarm), line, str(note))

    def condition(
        self,
        kind: str,
        fact: str,
        condition: object,
        index: int,
        line: int | None,
        facts: Mapping[str, FactSpec],
        thresholds: Thresholds,
    ) -> list[Check]:
        key = f"{kind}.when.{fact}"
        spec = facts.get(fact)
        if spec is None:
            self.problem(ProblemCode.UNKNOWN_FACT, key, fact, index, line)
            return []
        if isinstance(condition, Mapping):
            if not condition:
                self.problem(ProblemCode.EMPTY_CONDITION, key, rule=index, line=line)
                return []
            ops = [(op, operand) for op, operand in condition.items()]
        elif spec.type is FactType.WORD and isinstance(condition, list):
            ops = [(Op.IN.value, condition)]
        else:
            ops = [(Op.EQ.value, condition)]
        checks: list[Check] = []
        for op_name, operand in ops:
            allowed = {FactType.BOOL: (Op.EQ, Op.NE), FactType.WORD: WORD_OPS, FactType.NUMBER: NUMBER_OPS}
            if op_name not in {op.value for op in allowed[spec.type]}:
                self.problem(ProblemCode.UNKNOWN_OPERATOR, key, op_name, index, line)
                continue
            op = Op(op_name)
            compiled = self.operand(spec, op, operand, thresholds)
            if compiled is None:
                self.problem(ProblemCode.BAD_FACT_VALUE, key, operand, index, line)
                continue
            checks.append(Check(fact, op, compiled))
        return checks

    @staticmethod
    def operand(
        spec: FactSpec, op: Op, operand: object, thresholds: Thresholds
    ) -> frozenset[str] | bool | float | None:
        if spec.type is FactType.BOOL:
            return operand if isinstance(operand, bool) else None
        if spec.type is FactType.WORD:
            items = operand if op in (Op.IN, Op.NOT_IN) else [operand]
            if not isinstance(items, list) or not items:
                return None
            if not all(isinstance(item, str) and item in spec.words for item in items):
                return None
            return frozenset(items)
        if isinstance(operand, str) and operand in THRESHOLD_LIMITS:
            return thresholds.number(operand)
        if _is_number(operand) and math.isfinite(float(operand)):  # type: ignore[arg-type]
            return float(operand)  # type: ignore[arg-type]
        return None


def profile_from_data(data: Mapping[str, Any], text: str = "") -> Profile:
    """A profile from parsed TOML (``text`` gives line numbers to problems). Raises ``ProfileError``."""
    reader = _Reader(text)
    if not isinstance(data, Mapping):
        raise ProfileError([ProfileProblem(ProblemCode.BAD_TYPE, "", _show(data))])
    for key in data:
        if key not in _TOP_KEYS:
            reader.problem(ProblemCode.UNKNOWN_KEY, str(key), line=_section_line(text, str(key)))
    name, version, title_zh, title_en = reader.header(data)
    thresholds = reader.thresholds(data)
    default = reader.default(data)
    rules = reader.rules(data, "rule", PERSON_FACTS, thresholds)
    vehicle_rules = reader.rules(data, "vehicle_rule", VEHICLE_FACTS, thresholds)
    if reader.problems:
        raise ProfileError(reader.problems)
    return Profile(name, version, title_zh, title_en, thresholds, default, rules, vehicle_rules)


def parse_profile(text: str) -> Profile:
    """A profile from its TOML text. Raises ``ProfileError`` listing every problem."""
    try:
        data = load_toml(text, max_chars=MAX_PROFILE_CHARS, max_depth=MAX_PROFILE_DEPTH)
    except DocumentLimitError as error:
        raise ProfileError([ProfileProblem(ProblemCode.SYNTAX, "", f"refused: {error}")]) from None
    except tomllib.TOMLDecodeError as error:
        match = _SYNTAX_LINE.search(str(error))
        line = int(match.group(1)) if match else None
        raise ProfileError([ProfileProblem(ProblemCode.SYNTAX, "", str(error), None, line)]) from None
    return profile_from_data(data, text)
