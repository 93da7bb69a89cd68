"""Words for overrides (``domain.overrides``): the reasons the operator picks from, in the operator's
language. One table, used by the override confirmation on screen and by the files (through
``texts.enum_text``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from checkpoint.domain.overrides import OverrideReason


def override_reason_text(value: OverrideReason) -> str:
    return {
        OverrideReason.RECHECKED: QCoreApplication.translate("Overrides", "Rechecked by hand: all clear"),
        OverrideReason.LEADER_APPROVED: QCoreApplication.translate(
            "Overrides", "Approved by the shift leader"
        ),
        OverrideReason.MEDICAL_EMERGENCY: QCoreApplication.translate("Overrides", "Medical emergency"),
        OverrideReason.OFFICIAL_DUTY: QCoreApplication.translate("Overrides", "Official duty or supply run"),
        OverrideReason.PLATFORM_FAULT: QCoreApplication.translate("Overrides", "Health-code platform fault"),
        OverrideReason.OTHER: QCoreApplication.translate("Overrides", "Other (type the reason)"),
    }[value]
