"""An alarm's household code is shown to the operator but recorded masked in the audit trail."""

from __future__ import annotations

import pytest

from checkpoint.domain.masking import mask_household
from checkpoint.station.alarms import Alarm, AlarmKind


@pytest.mark.parametrize(
    ("code", "masked"),
    [("3-2-501", "3-*-***"), ("3栋2单元501", "3栋*单元***"), ("12-1-1102", "12-*-****"), ("", "")],
)
def test_a_household_keeps_only_its_building(code: str, masked: str) -> None:
    assert mask_household(code) == masked


def test_only_a_household_detail_is_masked_when_recorded() -> None:
    household = Alarm(AlarmKind.NO_EXIT, "李*控", "5-1-302", household=True)
    reason = Alarm(AlarmKind.WATCHLIST_BLOCK, "李*控", "密接")
    assert household.detail == "5-1-302" and household.recorded_detail() == "5-*-***"
    assert reason.recorded_detail() == "密接"
