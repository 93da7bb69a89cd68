"""A realistic synthetic history for demos and scale tests, produced as a stream.

``generate_history`` yields, in time order, a ``ShiftPlan`` for each shift (00-08, 08-16, 16-24) and then
that shift's ``PassageDraft``s. Everything comes from ``random.Random(seed)``: the same arguments give
the same history, record uuids included. Memory stays constant (one hour of traffic at a time), so
millions of passages can be streamed into storage.

Hand-off to storage: each ``ShiftPlan`` carries the ``id`` its passages' ``shift_id`` already names.
Storage opens the shift with that id (``plan.to_shift(gate_id)`` gives the ``Shift`` record) and
appends the drafts as they come; no remapping is needed. A caller that must let storage choose shift
ids can instead remap with ``dataclasses.replace(draft, shift_id=real_id)`` per plan.

Profiles: ``highway-exit`` (vehicles first: cars with 1-5 occupants, trucks with 1-2, a few buses;
health codes, itinerary cards, test ages and temperatures decided by the highway rule of DESIGN.md) and
``compound-gate`` (residents in and out on foot, a few visitors and delivery vehicles).
"""

from __future__ import annotations

import operator
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from checkpoint.domain.records import (
    CodeColour,
    CodeKind,
    Direction,
    Itinerary,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    Shift,
    SubjectKind,
    Vehicle,
)
from checkpoint.domain.shifts import SHIFT_HOURS, shift_label

HIGHWAY_EXIT = "highway-exit"
COMPOUND_GATE = "compound-gate"
PROFILES: tuple[str, ...] = (HIGHWAY_EXIT, COMPOUND_GATE)

FEVER_THRESHOLD = 37.3
MAX_TEST_AGE_DAYS = 2
RULES_VERSIONS = {HIGHWAY_EXIT: "highway-exit/demo-1", COMPOUND_GATE: "compound-gate/demo-1"}


@dataclass(frozen=True, slots=True)
class ShiftPlan:
    """A shift the history needs: storage opens it (with this ``id``) before its passages."""

    opened_at: datetime
    closed_at: datetime
    leader_id: uuid.UUID
    label: str
    id: uuid.UUID

    def to_shift(self, gate_id: uuid.UUID) -> Shift:
        return Shift(
            id=self.id,
            gate_id=gate_id,
            leader_id=self.leader_id,
            opened_at=self.opened_at,
            closed_at=self.closed_at,
            label=self.label,
        )


HistoryItem = ShiftPlan | PassageDraft

# Mean passages per clock hour (0..23), before ``scale``: night trough, morning and evening peaks.
_HIGHWAY_RATE: tuple[float, ...] = (
    14, 9, 6, 5, 6, 10, 28, 62, 96, 104, 92, 84,
    78, 80, 86, 92, 100, 112, 118, 96, 70, 52, 36, 22,
)  # fmt: skip
_COMPOUND_RATE: tuple[float, ...] = (
    2, 1, 1, 1, 2, 6, 22, 46, 52, 30, 20, 18,
    22, 18, 16, 18, 22, 34, 50, 44, 30, 18, 9, 4,
)  # fmt: skip

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_HOME_PROVINCE = "湘"
_NEIGHBOURS = "鄂赣粤桂贵渝川豫"
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O
_PLATE_DIGITS = "0123456789"
_HOME_CITIES = ("长沙", "株洲", "湘潭", "衡阳", "岳阳", "常德", "益阳", "郴州")
_OTHER_CITIES = (
    "武汉", "广州", "深圳", "南昌", "南宁", "贵阳", "重庆", "成都", "郑州", "北京",
    "上海", "杭州", "南京", "西安", "昆明", "福州", "合肥", "济南", "石家庄", "天津",
)  # fmt: skip
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃"  # noqa: E501
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志红文辉鹏玲飞鑫宇浩然子涵欣怡梓轩俊杰雨萱思远晨曦博文嘉怡婷雪梅海燕春兰秋菊德福"  # noqa: E501
_ID_REGIONS = (
    "430102",
    "430104",
    "430111",
    "430202",
    "430302",
    "430405",
    "420102",
    "440305",
    "360102",
    "110105",
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17-i) mod 11
_ID_CHECK = "10X98765432"
_SERIAL_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def resident_id_check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of a resident ID number."""
    return _ID_CHECK[sum(map(operator.mul, map(int, first17), _ID_WEIGHTS)) % 11]


class _Generator:
    """Draws people, vehicles and passages from one seeded random source."""

    def __init__(self, rng: random.Random, gate_id: uuid.UUID, profile: str) -> None:
        self.rng = rng
        self.gate_id = gate_id
        self.profile = profile
        self.rules_version = RULES_VERSIONS[profile]
        self.rate = _HIGHWAY_RATE if profile == HIGHWAY_EXIT else _COMPOUND_RATE
        # A compound has a fixed population of residents (and their cars), reused every day.
        self.residents = [self._identity() for _ in range(600)] if profile == COMPOUND_GATE else []
        self.resident_plates = (
            [self._plate(local=True) for _ in range(80)] if profile == COMPOUND_GATE else []
        )

    # -- identities ---------------------------------------------------------------------------------

    def new_uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _name(self) -> str:
        bits = self.rng.getrandbits(32)
        surname = _SURNAMES[(bits & 0xFFF) % len(_SURNAMES)]
        first = _GIVEN[((bits >> 12) & 0x3FF) % len(_GIVEN)]
        if ((bits >> 22) & 0x3FF) % 10 >= 7:  # three in ten given names have one character
            return surname + first
        return surname + first + _GIVEN[(bits >> 12) % 97 % len(_GIVEN)]

    def _id_number(self) -> str:
        bits = self.rng.getrandbits(48)
        region = _ID_REGIONS[(bits & 0xFF) % len(_ID_REGIONS)]
        year = 1950 + ((bits >> 8) & 0xFF) % 63
        month = 1 + ((bits >> 16) & 0xFF) % 12
        day = 1 + ((bits >> 24) & 0xFF) % 28
        serial = ((bits >> 32) & 0xFFFF) % 1000
        first17 = f"{region}{year}{month:02d}{day:02d}{serial:03d}"
        return first17 + resident_id_check_digit(first17)

    def _phone(self) -> str:
        bits = self.rng.getrandbits(40)
        return f"1{'3456789'[bits % 7]}{(bits >> 3) % 10**9:09d}"

    def _identity(self) -> tuple[str, str, str]:
        return (self._name(), self._id_number(), self._phone())

    def _plate(self, *, local: bool) -> str:
        rng = self.rng
        roll = rng.random()
        if local or roll < 0.62:
            province = _HOME_PROVINCE
        elif roll < 0.85:
            province = rng.choice(_NEIGHBOURS)
        else:
            province = rng.choice(_PROVINCES)
        city = rng.choice(_PLATE_LETTERS[:12])
        if rng.random() < 0.12:  # new-energy: D or F then five digits
            return province + city + rng.choice("DF") + "".join(rng.choices(_PLATE_DIGITS, k=5))
        chars = rng.choices(_PLATE_DIGITS, k=5)
        for _ in range(rng.choice((0, 0, 1, 1, 2))):  # up to two letters among the five
            chars[rng.randrange(5)] = rng.choice(_PLATE_LETTERS)
        return province + city + "".join(chars)

    # -- checks -------------------------------------------------------------------------------------

    def _person(self, identity: tuple[str, str, str], *, driver: bool, needs_test: bool) -> PersonCheck:
        rng = self.rng
        roll = rng.random()
        if roll < 0.9605:
            colour = CodeColour.GREEN
        elif roll < 0.9905:
            colour = CodeColour.YELLOW
        elif roll < 0.9935:
            colour = CodeColour.RED
        else:
            colour = CodeColour.NONE  # no phone: degraded mode, ID typed in
        roll = rng.random()
        itinerary = (
            Itinerary.GREEN if roll < 0.978 else Itinerary.STARRED if roll < 0.997 else Itinerary.OTHER
        )
        test_age: int | None
        if not needs_test:
            test_age = rng.choice((0, 1, 1, 2, 3, 4, 5, 7)) if rng.random() < 0.6 else None
        else:
            roll = rng.random()
            if roll < 0.975:
                test_age = rng.choice((0, 1, 1, 1, 2, 2))
            elif roll < 0.99:
                test_age = rng.randint(3, 6)
            else:
                test_age = None
        if rng.random() < 0.0008:
            temperature = round(rng.uniform(37.3, 38.9), 1)
        else:
            temperature = round(min(37.2, max(35.9, rng.gauss(36.55, 0.22))), 1)
        name, id_number, phone = identity
        shown = colour is not CodeColour.NONE
        return PersonCheck(
            name=name,
            id_number=id_number,
            phone=phone,
            code_text=f"jkm:{rng.getrandbits(64):016x}" if shown else "",
            code_kind=CodeKind.HEALTH_CODE if shown else CodeKind.UNKNOWN,
            code_colour=colour,
            itinerary=itinerary,
            test_age_days=test_age,
            temperature=temperature,
            verified=(),
            is_driver=driver,
        )

    @staticmethod
    def decide(persons: Sequence[PersonCheck], *, needs_test: bool) -> tuple[Outcome, tuple[Reason, ...]]:
        """The gate rule (DESIGN.md "Rules"): red or fever holds; yellow, no code, a starred or other
        itinerary card, no test or an old test turns back; otherwise pass. Worst person decides."""
        reasons: list[Reason] = []
        hold = turn_back = False
        for p in persons:
            found: list[Reason] = []
            if p.code_colour is CodeColour.RED:
                found.append(Reason.CODE_RED)
                hold = True
            elif p.code_colour is CodeColour.YELLOW:
                found.append(Reason.CODE_YELLOW)
                turn_back = True
            elif p.code_colour is CodeColour.NONE:
                found.append(Reason.CODE_NOT_SHOWN)
                turn_back = True
            if p.temperature is not None and p.temperature >= FEVER_THRESHOLD:
                found.append(Reason.FEVER)
                hold = True
            if p.itinerary is Itinerary.STARRED:
                found.append(Reason.ITINERARY_STARRED)
                turn_back = True
            elif p.itinerary is Itinerary.OTHER:
                found.append(Reason.ITINERARY_OTHER)
                turn_back = True
            if needs_test:
                if p.test_age_days is None:
                    found.append(Reason.NO_TEST)
                    turn_back = True
                elif p.test_age_days > MAX_TEST_AGE_DAYS:
                    found.append(Reason.TEST_TOO_OLD)
                    turn_back = True
            reasons.extend(r for r in found if r not in reasons)
        if hold:
            return Outcome.HOLD, tuple(reasons)
        if turn_back:
            return Outcome.TURN_BACK, tuple(reasons)
        return Outcome.PASS, (Reason.ALL_CHECKS_CLEAR,)

    # -- passages -----------------------------------------------------------------------------------

    def _draft(
        self,
        at: datetime,
        direction: Direction,
        persons: tuple[PersonCheck, ...],
        vehicle: Vehicle | None,
        operator_id: uuid.UUID,
        shift_id: uuid.UUID,
        needs_test: bool,
    ) -> PassageDraft:
        outcome, reasons = self.decide(persons, needs_test=needs_test)
        return PassageDraft(
            at=at,
            direction=direction,
            subject=SubjectKind.VEHICLE if vehicle else SubjectKind.PEDESTRIAN,
            outcome=outcome,
            gate_id=self.gate_id,
            operator_id=operator_id,
            shift_id=shift_id,
            reasons=reasons,
            rules_version=self.rules_version,
            persons=persons,
            vehicle=vehicle,
            uuid=self.new_uuid(),
        )

    def highway(self, at: datetime, operator_id: uuid.UUID, shift_id: uuid.UUID) -> PassageDraft:
        rng = self.rng
        direction = Direction.IN if rng.random() < 0.55 else Direction.OUT
        roll = rng.random()
        if roll < 0.83:
            kind, occupants = "car", rng.choices((1, 2, 3, 4, 5), weights=(34, 30, 20, 11, 5))[0]
        elif roll < 0.97:
            kind, occupants = "truck", rng.choice((1, 1, 2))
        elif roll < 0.99:
            kind, occupants = "van", rng.randint(1, 7)
        else:
            kind, occupants = "bus", rng.randint(8, 40)
        home = rng.choice(_HOME_CITIES)
        away = rng.choice(_OTHER_CITIES) if rng.random() < 0.7 else rng.choice(_HOME_CITIES)
        origin, destination = (away, home) if direction is Direction.IN else (home, away)
        vehicle = Vehicle(plate=self._plate(local=False), kind=kind, origin=origin, destination=destination)
        persons = tuple(
            self._person(self._identity(), driver=(i == 0), needs_test=True) for i in range(occupants)
        )
        return self._draft(at, direction, persons, vehicle, operator_id, shift_id, needs_test=True)

    def compound(self, at: datetime, operator_id: uuid.UUID, shift_id: uuid.UUID) -> PassageDraft:
        rng = self.rng
        hour = at.hour
        # Residents leave in the morning and come back in the evening.
        p_out = 0.75 if 5 <= hour < 11 else 0.25 if 16 <= hour < 23 else 0.5
        direction = Direction.OUT if rng.random() < p_out else Direction.IN
        roll = rng.random()
        if roll < 0.86:  # a resident on foot
            persons: tuple[PersonCheck, ...] = (
                self._person(rng.choice(self.residents), driver=False, needs_test=False),
            )
            return self._draft(at, direction, persons, None, operator_id, shift_id, needs_test=False)
        if roll < 0.93:  # a resident's car
            count = rng.choice((1, 1, 2, 3))
            persons = tuple(
                self._person(rng.choice(self.residents), driver=(i == 0), needs_test=False)
                for i in range(count)
            )
            vehicle = Vehicle(plate=rng.choice(self.resident_plates), kind="car")
            return self._draft(at, direction, persons, vehicle, operator_id, shift_id, needs_test=False)
        if roll < 0.975:  # a visitor on foot: needs a recent test
            persons = (self._person(self._identity(), driver=False, needs_test=True),)
            return self._draft(at, direction, persons, None, operator_id, shift_id, needs_test=True)
        # A delivery or supply vehicle: driver and sometimes a helper.
        persons = tuple(
            self._person(self._identity(), driver=(i == 0), needs_test=True)
            for i in range(rng.choice((1, 1, 2)))
        )
        vehicle = Vehicle(plate=self._plate(local=True), kind=rng.choice(("van", "van", "truck")))
        return self._draft(at, direction, persons, vehicle, operator_id, shift_id, needs_test=True)

    def correction_of(self, original: PassageDraft) -> PassageDraft:
        """A later record that fixes a mistyped plate (same event time, new record)."""
        vehicle = original.vehicle or Vehicle(plate="")
        return replace(
            original,
            vehicle=replace(vehicle, plate=self._plate(local=False)),
            reasons=(*original.reasons, Reason.CORRECTION),
            corrects=original.uuid,
            correction_reason="车牌录入错误",
            uuid=self.new_uuid(),
        )

    def poisson(self, mean: float) -> int:
        """A Poisson draw: exact (Knuth) for small means, normal approximation for large ones."""
        rng = self.rng
        if mean <= 0:
            return 0
        if mean > 30:
            return max(0, round(rng.gauss(mean, mean**0.5)))
        limit = 2.718281828459045**-mean
        count, product = 0, rng.random()
        while product > limit:
            count += 1
            product *= rng.random()
        return count


def passages_per_day(profile: str) -> float:
    """The mean passages a day of ``profile`` produces at ``scale`` 1.0 (corrections not counted).

    ``checkpoint demo-data --passages N`` divides by this to choose the scale for N passages.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; known: {', '.join(PROFILES)}")
    return float(sum(_HIGHWAY_RATE if profile == HIGHWAY_EXIT else _COMPOUND_RATE))


def generate_history(
    *,
    days: int,
    end: datetime,
    gate_id: uuid.UUID,
    operator_ids: Sequence[uuid.UUID],
    seed: int = 0,
    profile: str = HIGHWAY_EXIT,
    scale: float = 1.0,
) -> Iterator[HistoryItem]:
    """``days`` days of complete shifts ending at the last shift boundary at or before ``end``.

    Yields each ``ShiftPlan`` before its passages; passages are in time order and inside their shift.
    ``scale`` multiplies the traffic (a highway exit averages about 1,500 passages a day at 1.0).
    Raises ValueError for a naive ``end``, negative ``days``, no operators, an unknown profile or a
    negative scale.
    """
    if end.tzinfo is None or end.utcoffset() is None:
        raise ValueError("end must be timezone-aware")
    if days < 0:
        raise ValueError(f"days must be >= 0, got {days}")
    if not operator_ids:
        raise ValueError("at least one operator id is needed")
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; known: {', '.join(PROFILES)}")
    if scale < 0:
        raise ValueError(f"scale must be >= 0, got {scale}")
    return _history(days, end, gate_id, tuple(operator_ids), seed, profile, scale)


def _history(
    days: int,
    end: datetime,
    gate_id: uuid.UUID,
    operator_ids: tuple[uuid.UUID, ...],
    seed: int,
    profile: str,
    scale: float,
) -> Iterator[HistoryItem]:
    rng = random.Random(seed)
    gen = _Generator(rng, gate_id, profile)
    last_boundary = end.replace(hour=end.hour - end.hour % SHIFT_HOURS, minute=0, second=0, microsecond=0)
    first = last_boundary - timedelta(days=days)
    passage_of = gen.highway if profile == HIGHWAY_EXIT else gen.compound
    hour = timedelta(hours=1)
    for index in range(days * 24 // SHIFT_HOURS):
        opened = first + timedelta(hours=index * SHIFT_HOURS)
        closed = opened + timedelta(hours=SHIFT_HOURS)
        leader = operator_ids[index % len(operator_ids)]
        on_duty = (leader, operator_ids[(index + 1) % len(operator_ids)])
        plan = ShiftPlan(
            opened_at=opened,
            closed_at=closed,
            leader_id=leader,
            label=shift_label(opened),
            id=gen.new_uuid(),
        )
        yield plan
        for h in range(SHIFT_HOURS):
            hour_start = opened + h * hour
            count = gen.poisson(gen.rate[hour_start.hour] * scale)
            offsets = sorted(rng.random() * 3600.0 for _ in range(count))
            for offset in offsets:
                at = hour_start + timedelta(seconds=int(offset))
                draft = passage_of(at, rng.choice(on_duty), plan.id)
                yield draft
                if draft.vehicle is not None and rng.random() < 0.002:
                    yield gen.correction_of(draft)
