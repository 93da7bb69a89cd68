"""A leader's opening and close: every difference must be explained before the close is accepted."""

from __future__ import annotations

import json

import pytest

from checkpoint.domain.handover import HandoverSummary
from checkpoint.domain.shift_handover import (
    CountLine,
    Finding,
    Item,
    ItemCondition,
    ItemLine,
    ItemStatus,
    MatterDecision,
    MatterReview,
    Metric,
    PayloadError,
    Problem,
    ShiftClosing,
    ShiftOpening,
    carried_matters,
    closing_from_payload,
    closing_payload,
    closing_problems,
    item_lines,
    log_counts,
    opening_from_payload,
    opening_payload,
    opening_problems,
)


def test_a_tally_that_differs_from_the_log_needs_an_explanation() -> None:
    differs = CountLine(Metric.PERSONS, logged=120, tallied=118)
    closing = ShiftClosing("王建国", counts=(differs, CountLine(Metric.VEHICLES, 40, None)))
    assert differs.difference == -2
    assert closing_problems(closing) == (Finding(Problem.DIFFERENCE_UNEXPLAINED, "persons"),)
    explained = CountLine(Metric.PERSONS, 120, 118, "两名儿童未登记手工台账")
    assert closing_problems(ShiftClosing("王建国", counts=(explained,))) == ()
    # no tally kept: nothing to compare, nothing to explain
    assert CountLine(Metric.FEVER, 3, None).difference == 0


def test_items_short_missing_or_damaged_at_the_handover_must_be_explained() -> None:
    received = (Item("对讲机", 4), Item("测温枪", 2), Item("大门钥匙", 1))
    handed = (
        Item("对讲机", 3),
        Item("测温枪", 2, ItemCondition.DAMAGED, "摔坏一把，已报修"),
        Item("口罩（箱）", 5),
    )
    lines = item_lines(received, handed)
    assert [(line.name, line.status) for line in lines] == [
        ("对讲机", ItemStatus.SHORT),
        ("测温枪", ItemStatus.DAMAGED),
        ("大门钥匙", ItemStatus.MISSING),
        ("口罩（箱）", ItemStatus.NEW),
    ]
    problems = closing_problems(ShiftClosing("王建国", items=lines))
    assert problems == (
        Finding(Problem.ITEM_UNEXPLAINED, "对讲机"),
        Finding(Problem.ITEM_UNEXPLAINED, "大门钥匙"),
    )
    assert ItemLine("对讲机", 4, 5).status is ItemStatus.MORE
    assert ItemLine("对讲机", 4, 4).status is ItemStatus.OK


def test_an_opening_needs_staff_and_a_decision_on_every_matter_taken_over() -> None:
    previous = ShiftClosing("周", matters=("3号岗亭灯坏，已报修", " "))
    matters = carried_matters(previous)
    assert matters == (MatterReview("3号岗亭灯坏，已报修"),)
    opening = ShiftOpening(
        "王建国", staff=(), items=(Item("钥匙", 1, ItemCondition.DAMAGED),), matters=matters
    )
    assert set(opening_problems(opening)) == {
        Finding(Problem.NO_STAFF),
        Finding(Problem.DAMAGED_UNEXPLAINED, "钥匙"),
        Finding(Problem.MATTER_UNDECIDED, "3号岗亭灯坏，已报修"),
    }
    decided = ShiftOpening(
        "王建国",
        staff=("王建国", "李明"),
        items=(Item("钥匙", 1),),
        matters=(MatterReview("3号岗亭灯坏，已报修", MatterDecision.CARRIED_ON),),
    )
    assert opening_problems(decided) == ()
    assert decided.carried_on() == ("3号岗亭灯坏，已报修",)


def test_log_counts_come_from_the_handover_summary() -> None:
    summary = HandoverSummary(vehicles=7, persons=19, persons_in=4, persons_out=15, passed=6, held=1, fever=2)
    counts = log_counts(summary, anomalies=3)
    assert counts[Metric.PERSONS] == 19 and counts[Metric.PERSONS_OUT] == 15
    assert counts[Metric.HELD] == 1 and counts[Metric.ANOMALIES] == 3
    assert set(counts) == set(Metric)


def test_payloads_round_trip_through_json_and_garbage_is_refused() -> None:
    opening = ShiftOpening(
        "王建国",
        ("王建国", "李明"),
        (Item("对讲机", 4, ItemCondition.GOOD, ""),),
        (MatterReview("灯坏", MatterDecision.ACKNOWLEDGED, "已修好"),),
    )
    closing = ShiftClosing(
        "王建国",
        "周强",
        (CountLine(Metric.PERSONS, 10, 9, "漏记一人"),),
        (ItemLine("对讲机", 4, 3, ItemCondition.GOOD, "一台送修"),),
        ("红码人员待社区接走",),
    )
    assert opening_from_payload(json.loads(json.dumps(opening_payload(opening)))) == opening
    assert closing_from_payload(json.loads(json.dumps(closing_payload(closing)))) == closing
    with pytest.raises(PayloadError):
        closing_from_payload({"outgoing_leader": "x"})
    with pytest.raises(PayloadError):
        opening_from_payload({"leader": "x", "staff": [1], "items": [], "matters": []})
