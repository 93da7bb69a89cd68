"""Overrides: the operator records an outcome milder than the one the rules proposed.

The rules propose; the operator decides. Deciding *stricter* than the proposal (turning back a person the
rules would pass) needs no justification beyond the operator's word (``Reason.OPERATOR_DECISION`` on the
passage). Deciding *milder* than a proposed TURN BACK or HOLD — passing someone the rules turn back, or
turning back someone they hold — is an **override**: a deliberate second step with a reason from a short
list (or typed), recorded beside the passage as its own chained record (who, the proposed outcome, the
recorded one, why), counted and listed on the handover sheet and the anomaly hand-off.

A proposed RECHECK is not overridden by any outcome: it means the rules leave the decision to the operator.

Codes only; the UI words them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from checkpoint.domain.records import Outcome
from checkpoint.domain.rules import SEVERITY

OVERRIDABLE: frozenset[Outcome] = frozenset({Outcome.TURN_BACK, Outcome.HOLD})
"""Proposals that an operator may only go below by an override."""

DETAIL_MAX = 200
"""The longest typed reason kept (characters)."""


class OverrideReason(enum.StrEnum):
    """Why the operator recorded a milder outcome. Stored values: never rename one."""

    RECHECKED = "rechecked"  # 复核无误: checked again by hand, the finding does not hold
    LEADER_APPROVED = "leader_approved"  # 带班领导批准
    MEDICAL_EMERGENCY = "medical_emergency"  # 急救就医
    OFFICIAL_DUTY = "official_duty"  # 公务 / 保供任务
    PLATFORM_FAULT = "platform_fault"  # 健康码平台故障, the code shown is wrong
    OTHER = "other"  # typed by the operator (the detail is required)


OVERRIDE_REASONS: tuple[OverrideReason, ...] = tuple(OverrideReason)


class OverrideProblem(enum.StrEnum):
    """Why an override cannot be recorded as given."""

    NOT_MILDER = "not_milder"  # the recorded outcome is not milder than a proposed TURN BACK or HOLD
    DETAIL_MISSING = "detail_missing"  # "other" without a typed reason
    DETAIL_TOO_LONG = "detail_too_long"


@dataclass(frozen=True, slots=True)
class Override:
    """One override, as recorded beside its passage: who (``operator_id``), when, the proposed and the
    recorded outcome, the reason and what the operator typed (``detail``, may be empty)."""

    passage_uuid: UUID
    at: datetime
    operator_id: UUID
    proposed: Outcome
    chosen: Outcome
    reason: OverrideReason
    detail: str = ""


def is_override(proposed: Outcome, chosen: Outcome) -> bool:
    """Whether recording ``chosen`` over the proposal ``proposed`` is an override (see the module)."""
    return proposed in OVERRIDABLE and SEVERITY[chosen] < SEVERITY[proposed]


def override_problems(
    proposed: Outcome, chosen: Outcome, reason: OverrideReason, detail: str
) -> tuple[OverrideProblem, ...]:
    """What stops this override from being recorded (empty: nothing)."""
    problems: list[OverrideProblem] = []
    if not is_override(proposed, chosen):
        problems.append(OverrideProblem.NOT_MILDER)
    text = detail.strip()
    if reason is OverrideReason.OTHER and not text:
        problems.append(OverrideProblem.DETAIL_MISSING)
    if len(text) > DETAIL_MAX:
        problems.append(OverrideProblem.DETAIL_TOO_LONG)
    return tuple(problems)
