"""Who counts as an occupant of the vehicle being decided, and how many a vehicle of each kind holds.

In vehicle mode each scan adds a person, but the camera sees more than the occupants' phones: codes on
posters, windscreens and the next car's dashboard. So only *a person's code* adds an occupant: an EU
certificate, a health code, or a station pass issued to a person. An unrecognised code, or a
supply-vehicle pass (the vehicle's, not a person's), never does; a code already in the vehicle selects
that person instead. A person without any code is added by hand (Ctrl+M).

Past the number of persons a vehicle of its kind holds, the station warns (it never refuses: a bus may
carry more than usual, and the operator sees the people). The numbers are settings, one per kind:
``vehicle/max_occupants_car`` (7), ``_van`` (9), ``_bus`` (60), ``_truck`` (3).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from PySide6.QtCore import QSettings

from checkpoint.domain.credentials import PassKind
from checkpoint.domain.records import CodeKind
from checkpoint.station.credentials import Verification

LIMIT_KEY = "vehicle/max_occupants_{kind}"
DEFAULT_LIMITS: Mapping[str, int] = MappingProxyType({"car": 7, "van": 9, "bus": 60, "truck": 3})
LIMIT_RANGE = (1, 500)


def is_person_code(verification: Verification, scanned_kind: CodeKind = CodeKind.UNKNOWN) -> bool:
    """Whether this scanned code is a person's: an EU certificate, a health code or a person's pass, as
    the verifier (with the configured platforms) or the scanner (``scanned_kind``) recognised it.

    A station pass that cannot be read is counted as a person's (someone showed it: the rules turn it
    back); only a pass that says it is a supply vehicle's is not."""
    if verification.kind is CodeKind.UNKNOWN and scanned_kind is CodeKind.UNKNOWN:
        return False
    vehicle_pass = verification.pass_kind is PassKind.SUPPLY_VEHICLE
    return not (verification.kind is CodeKind.STATION_PASS and vehicle_pass)


@dataclass(frozen=True, slots=True)
class OccupantLimits:
    """Persons a vehicle of each kind usually holds at most (a kind not listed: no warning)."""

    limits: Mapping[str, int] = field(default_factory=lambda: DEFAULT_LIMITS)

    def limit(self, kind: str) -> int | None:
        return self.limits.get(kind)

    def over(self, kind: str, occupants: int) -> bool:
        """More persons than a vehicle of ``kind`` holds."""
        limit = self.limit(kind)
        return limit is not None and occupants > limit

    @classmethod
    def from_settings(cls, settings: QSettings) -> OccupantLimits:
        """The limits from the settings file; a missing or nonsensical value keeps its default."""
        low, high = LIMIT_RANGE
        limits = dict(DEFAULT_LIMITS)
        for kind, default in DEFAULT_LIMITS.items():
            try:
                value = int(str(settings.value(LIMIT_KEY.format(kind=kind), default)))
            except ValueError:
                continue
            if low <= value <= high:
                limits[kind] = value
        return cls(MappingProxyType(limits))
