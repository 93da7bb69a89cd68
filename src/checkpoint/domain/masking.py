"""Personal data as shown without the right to see it: the one place the masks live.

张小三 -> 张*三, 430102199001011234 -> 4301**********1234, 13812345678 -> 138****5678, 京A12345 -> 京A***45.
Every mask is idempotent (a masked value stays as it is) and never reveals more of a short value than of a
long one.

ID numbers, phones, names and households are stored sealed, beside a keyed hash of their normalised form
(``storage/pii.py``), so the free-text filter can only match a whole number, a whole name or a whole
household code (through its keyed hash): :func:`matches_sealed` is that rule, for code that filters
passages in memory.
"""

from __future__ import annotations

import re
import unicodedata

from checkpoint.domain.names import normalise_name
from checkpoint.domain.residents import household_code

_PLATE_STRIP = re.compile(r"[\s.·•・\-_]+")


def mask_name(name: str) -> str:
    """张三 -> 张*, 张小三 -> 张*三, Li Lei -> L****i."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_household(code: str) -> str:
    """A household code with only its building left: 3-2-501 -> 3-*-***, 3栋2单元501 -> 3栋*单元***.

    What an audit entry may keep in plain text (the full code is sealed wherever it is stored)."""
    building = re.match(r"\w*?\d+\D?", code.strip())
    head = building.group(0) if building else ""
    return head + re.sub(r"[0-9A-Za-z]", "*", code.strip()[len(head) :])


def mask_number(number: str, head: int = 4, tail: int = 4) -> str:
    """The first ``head`` and last ``tail`` characters stay; a number too short for that is all stars."""
    number = "".join(number.split())
    if len(number) <= head + tail:
        return "*" * len(number)
    return number[:head] + "*" * (len(number) - head - tail) + number[-tail:]


def mask_id_number(number: str) -> str:
    """4301**********1234: the first four and last four characters of an ID number stay."""
    return mask_number(number, 4, 4)


def mask_phone(phone: str) -> str:
    """138****5678: the first three and last four digits of a phone number stay."""
    return mask_number(phone, 3, 4)


def mask_plate(plate: str) -> str:
    """京A12345 -> 京A***45 (for alarms shown to whoever stands at the gate)."""
    plate = _PLATE_STRIP.sub("", unicodedata.normalize("NFKC", plate)).upper()
    if len(plate) <= 4:
        return plate
    return plate[:2] + "*" * (len(plate) - 4) + plate[-2:]


def normalise_id_number(number: str) -> str:
    """The form an ID number is compared in: no spaces, upper case (a final x is X)."""
    return "".join(number.split()).upper()


def normalise_phone(phone: str) -> str:
    """The form a phone number is compared in: its digits only."""
    return "".join(c for c in phone if c.isascii() and c.isdigit())


WHOLE_NUMBER_MIN = 11
"""A needle this long or longer (normalised) is also compared as a whole ID number or phone."""


def matches_sealed(needle: str, id_number: str, phone: str, name: str = "", household: str = "") -> bool:
    """Whether the free-text ``needle`` finds a person by ID number, phone, name or household: only the
    whole number (in any case, with any spaces or separators), the whole name (``domain.names``' one form)
    or the whole household code; a fragment never does, as the database (keyed hashes) cannot."""
    raw = needle
    needle = needle.strip().lower()
    if not needle:
        return False
    whole_id, whole_phone = normalise_id_number(needle), normalise_phone(needle)
    if (len(whole_id) >= WHOLE_NUMBER_MIN and whole_id == normalise_id_number(id_number)) or (
        len(whole_phone) >= WHOLE_NUMBER_MIN and whole_phone == normalise_phone(phone)
    ):
        return True
    wanted_name = normalise_name(raw)
    if wanted_name and wanted_name == normalise_name(name):
        return True
    code = household_code(raw)
    return bool(code) and code == household_code(household)
