"""Validators for what operators type or scan: resident ID numbers, mobile numbers, vehicle plates.

Pure functions returning a result with an enum ``problem`` code (never display strings); the UI turns the
code into words. None of them raises on any string: anything unusable is ``ok=False`` with its problem.
Time is an argument (``today`` for birth dates).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# -- resident ID numbers (GB 11643-1999) ---------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"  # index: weighted sum mod 11
_ID_SEPARATORS = re.compile(r"[\s\-_.·]+")
EARLIEST_BIRTH_YEAR = 1880


class IdProblem(enum.StrEnum):
    EMPTY = "empty"
    BAD_LENGTH = "bad_length"  # not 18 characters (the old 15-digit numbers are not accepted)
    BAD_CHARACTERS = "bad_characters"  # not 17 digits and a digit or X
    BAD_CHECK_DIGIT = "bad_check_digit"
    BAD_REGION = "bad_region"  # the first 6 digits do not name a province
    BAD_BIRTH_DATE = "bad_birth_date"  # not a real date, or before 1880
    BIRTH_IN_FUTURE = "birth_in_future"


@dataclass(frozen=True, slots=True)
class IdCheck:
    ok: bool
    normalised: str  # upper-case X, separators removed; what was typed if nothing better can be said
    problem: IdProblem | None = None
    birth_date: date | None = None
    region: str = ""  # e.g. "江西省 德安县"; the province alone when the county code is not known


def _id_check_digit(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _region(code: str, birth_year: int) -> str | None:
    """The region the first six digits name ("" parts when unknown), or None without a valid province."""
    from stdnum import numdb  # python-stdnum's administrative division data (cn/loc)

    try:
        parts = numdb.get("cn/loc").info(code)
    except Exception:  # a broken data file must not break validation; treat the region as unknown
        return None
    info: dict[str, str] = {}
    for _part, props in parts:
        info.update(props)
    province = info.get("province")
    if not province:
        return None
    names = [province]
    for county in info.get("county", "").split(","):
        if county.startswith("["):
            span, _, name = county[1:].partition("]")
            start, _, end = span.partition("-")
            if (start and birth_year < int(start)) or (end and birth_year > int(end)):
                continue
            county = name
        if county and county != province:
            names.append(county)
        break
    return " ".join(names)


def normalise_id_number(text: str) -> str:
    """Full-width digits to ASCII, separators removed, x to X."""
    return _ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()


def validate_id_number(text: str, today: date) -> IdCheck:
    """Checks an 18-character resident ID number: characters, check digit, province, birth date."""
    number = normalise_id_number(text)
    if not number:
        return IdCheck(False, number, IdProblem.EMPTY)
    if len(number) != 18:
        return IdCheck(False, number, IdProblem.BAD_LENGTH)
    body, check = number[:17], number[17]
    if not (body.isascii() and body.isdigit()) or check not in "0123456789X":
        return IdCheck(False, number, IdProblem.BAD_CHARACTERS)
    if _id_check_digit(body) != check:
        return IdCheck(False, number, IdProblem.BAD_CHECK_DIGIT)
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return IdCheck(False, number, IdProblem.BAD_BIRTH_DATE)
    if born.year < EARLIEST_BIRTH_YEAR:
        return IdCheck(False, number, IdProblem.BAD_BIRTH_DATE, birth_date=born)
    region = _region(number[:6], born.year)
    if region is None:
        return IdCheck(False, number, IdProblem.BAD_REGION, birth_date=born)
    if born > today:
        return IdCheck(False, number, IdProblem.BIRTH_IN_FUTURE, birth_date=born, region=region)
    return IdCheck(True, number, None, birth_date=born, region=region)


# -- mobile numbers ------------------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s\-().]+")


class PhoneProblem(enum.StrEnum):
    EMPTY = "empty"
    BAD_CHARACTERS = "bad_characters"
    BAD_LENGTH = "bad_length"  # not 11 digits after the country prefix
    BAD_PREFIX = "bad_prefix"  # not 13x-19x (mainland mobile ranges)


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    ok: bool
    normalised: str  # 11 digits when ok
    problem: PhoneProblem | None = None


def validate_mobile(text: str) -> PhoneCheck:
    """A mainland mobile number: 11 digits 1[3-9]..., optionally after +86 or 0086; spaces and dashes
    ignored."""
    number = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if not number:
        return PhoneCheck(False, number, PhoneProblem.EMPTY)
    if number.startswith("+86"):
        number = number[3:]
    elif number.startswith("0086"):
        number = number[4:]
    if not (number.isascii() and number.isdigit()):
        return PhoneCheck(False, number, PhoneProblem.BAD_CHARACTERS)
    if len(number) != 11:
        return PhoneCheck(False, number, PhoneProblem.BAD_LENGTH)
    if number[0] != "1" or number[1] not in "3456789":
        return PhoneCheck(False, number, PhoneProblem.BAD_PREFIX)
    return PhoneCheck(True, number)


# -- vehicle plates (GA 36) ----------------------------------------------------------------------------

PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O
_SERIAL = PLATE_LETTERS + "0123456789"
_PLATE_STRIP = re.compile(r"[\s.·•・\-_]+")
# The first letter of a military plate names the branch / theatre (2012 series).
_MILITARY_FIRST = "VKHBSLJNGCEZ"
_ARMED_POLICE_SUFFIX = "消边通森金警电"


class PlateKind(enum.StrEnum):
    STANDARD = "standard"
    NEW_ENERGY = "new_energy"
    POLICE = "police"  # 警
    COACH = "coach"  # 学 (driving school)
    TRAILER = "trailer"  # 挂
    CONSULATE = "consulate"  # 领
    EMBASSY = "embassy"  # 使
    HONG_KONG = "hong_kong"  # 粤Z....港
    MACAU = "macau"  # 粤Z....澳
    TRIAL = "trial"  # 试
    OVERSIZE = "oversize"  # 超
    MILITARY = "military"
    ARMED_POLICE = "armed_police"  # WJ
    UNKNOWN = "unknown"


class PlateProblem(enum.StrEnum):
    EMPTY = "empty"
    BAD_PROVINCE = "bad_province"  # the first character is not a province abbreviation
    BAD_AUTHORITY = "bad_authority"  # the second character is not a letter A-Z without I and O
    BAD_LENGTH = "bad_length"
    BAD_CHARACTERS = "bad_characters"  # a character a plate cannot carry (I, O, symbols, ...)
    BAD_SUFFIX = "bad_suffix"  # a special suffix where it does not belong (e.g. 港 outside 粤Z)
    BAD_NEW_ENERGY = "bad_new_energy"  # 8 characters but D/F (or the energy letter) in the wrong place


@dataclass(frozen=True, slots=True)
class PlateCheck:
    ok: bool
    normalised: str
    kind: PlateKind = PlateKind.UNKNOWN
    problem: PlateProblem | None = None


_SUFFIX_KINDS = {
    "警": PlateKind.POLICE,
    "学": PlateKind.COACH,
    "挂": PlateKind.TRAILER,
    "领": PlateKind.CONSULATE,
    "港": PlateKind.HONG_KONG,
    "澳": PlateKind.MACAU,
    "试": PlateKind.TRIAL,
    "超": PlateKind.OVERSIZE,
}


def normalise_plate(text: str) -> str:
    """Upper case, full-width to ASCII, spaces, dots (· .) and dashes removed."""
    return _PLATE_STRIP.sub("", unicodedata.normalize("NFKC", text)).upper()


def _serial_ok(chars: str) -> bool:
    return all(c in _SERIAL for c in chars)


def _digits(chars: str) -> bool:
    return chars.isascii() and chars.isdigit()


def _special(plate: str) -> PlateCheck | None:
    """Embassy, military and armed-police plates, which do not start with a province."""
    if plate.startswith("使"):
        if len(plate) == 7 and _digits(plate[1:]):
            return PlateCheck(True, plate, PlateKind.EMBASSY)
        return PlateCheck(False, plate, PlateKind.EMBASSY, PlateProblem.BAD_LENGTH)
    if plate.startswith("WJ"):
        rest = plate[2:]
        if rest[:1] and rest[0] in PROVINCES:
            rest = rest[1:]
        if len(rest) == 5 and _digits(rest[:4]) and (_digits(rest[4]) or rest[4] in _ARMED_POLICE_SUFFIX):
            return PlateCheck(True, plate, PlateKind.ARMED_POLICE)
        return PlateCheck(False, plate, PlateKind.ARMED_POLICE, PlateProblem.BAD_LENGTH)
    if (
        len(plate) >= 2
        and plate[0] in _MILITARY_FIRST
        and plate[1] in PLATE_LETTERS
        and plate[0] not in PROVINCES
        and plate[2:].isascii()
    ):
        if len(plate) == 7 and _digits(plate[2:]):
            return PlateCheck(True, plate, PlateKind.MILITARY)
        return PlateCheck(False, plate, PlateKind.MILITARY, PlateProblem.BAD_LENGTH)
    return None


def validate_plate(text: str) -> PlateCheck:
    """Checks a plate's shape: province, issuing letter, serial, new-energy letter positions, suffixes."""
    plate = normalise_plate(text)
    if not plate:
        return PlateCheck(False, plate, PlateKind.UNKNOWN, PlateProblem.EMPTY)
    special = _special(plate)
    if special is not None:
        return special
    if plate[0] not in PROVINCES:
        return PlateCheck(False, plate, PlateKind.UNKNOWN, PlateProblem.BAD_PROVINCE)
    if len(plate) < 2 or plate[1] not in PLATE_LETTERS:
        return PlateCheck(False, plate, PlateKind.UNKNOWN, PlateProblem.BAD_AUTHORITY)
    serial = plate[2:]
    suffix_kind = _SUFFIX_KINDS.get(serial[-1:]) if serial else None
    if suffix_kind is not None:
        body = serial[:-1]
        if len(body) != 4:
            return PlateCheck(False, plate, suffix_kind, PlateProblem.BAD_LENGTH)
        if not _serial_ok(body):
            return PlateCheck(False, plate, suffix_kind, PlateProblem.BAD_CHARACTERS)
        if suffix_kind in (PlateKind.HONG_KONG, PlateKind.MACAU) and plate[:2] != "粤Z":
            return PlateCheck(False, plate, suffix_kind, PlateProblem.BAD_SUFFIX)
        return PlateCheck(True, plate, suffix_kind)
    if any(c in _SUFFIX_KINDS or c == "使" for c in serial):
        return PlateCheck(False, plate, PlateKind.UNKNOWN, PlateProblem.BAD_SUFFIX)
    if not _serial_ok(serial):
        return PlateCheck(False, plate, PlateKind.UNKNOWN, PlateProblem.BAD_CHARACTERS)
    if len(serial) == 5:
        return PlateCheck(True, plate, PlateKind.STANDARD)
    if len(serial) == 6:
        # small new-energy cars: energy letter first (D electric, F hybrid; A-K since 2021), then a letter
        # or digit, then 4 digits. Large new-energy vehicles: 5 digits, then D or F.
        small = serial[0] in "ABCDEFGHJK" and serial[1] in _SERIAL and _digits(serial[2:])
        large = _digits(serial[:5]) and serial[5] in "DF"
        if small or large:
            return PlateCheck(True, plate, PlateKind.NEW_ENERGY)
        return PlateCheck(False, plate, PlateKind.NEW_ENERGY, PlateProblem.BAD_NEW_ENERGY)
    return PlateCheck(False, plate, PlateKind.UNKNOWN, PlateProblem.BAD_LENGTH)
