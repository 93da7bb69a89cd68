"""Labels in Chinese and English (as the station layer will build them) and a realistic handover."""

from __future__ import annotations

import enum
import itertools
import uuid
from datetime import datetime, timedelta, timezone

from checkpoint.domain.demo_history import ShiftPlan, generate_history
from checkpoint.domain.handover import Anomaly, HandoverReport, build_handover
from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Gate,
    Itinerary,
    Outcome,
    Passage,
    PassageDraft,
    Reason,
    SubjectKind,
)
from checkpoint.exports import HandoverLabels

CST = timezone(timedelta(hours=8))
STATION = uuid.UUID(int=1)
GATE = Gate(
    id=uuid.UUID(int=2), station_id=STATION, name="G4京港澳高速长沙收费站出口", profile="highway-exit"
)
LEADER = uuid.UUID(int=11)
OPERATORS = [LEADER, uuid.UUID(int=12)]
OPERATOR_NAMES = {LEADER: "周建国", uuid.UUID(int=12): "刘洋"}

# Keyed by (type, member): StrEnum members of different enums with the same value are equal
# (CodeColour.GREEN == Itinerary.GREEN == "green"), so a plain member-keyed dict would mix them up.
_ZH: dict[tuple[type, enum.Enum], str] = {
    (Direction, Direction.IN): "进",
    (Direction, Direction.OUT): "出",
    (SubjectKind, SubjectKind.VEHICLE): "车辆",
    (SubjectKind, SubjectKind.PEDESTRIAN): "行人",
    (Outcome, Outcome.PASS): "放行",
    (Outcome, Outcome.TURN_BACK): "劝返",
    (Outcome, Outcome.HOLD): "留观移交",
    (Outcome, Outcome.RECHECK): "复检",
    (CodeColour, CodeColour.GREEN): "绿码",
    (CodeColour, CodeColour.YELLOW): "黄码",
    (CodeColour, CodeColour.RED): "红码",
    (CodeColour, CodeColour.NONE): "未出示",
    (Itinerary, Itinerary.GREEN): "绿色",
    (Itinerary, Itinerary.STARRED): "带星号",
    (Itinerary, Itinerary.OTHER): "其他颜色",
    (Itinerary, Itinerary.NONE): "未出示",
    **{(Reason, r): f"原因:{r.value}" for r in Reason},
    **{(Anomaly, a): f"异常:{a.value}" for a in Anomaly},
}


VEHICLE_KINDS_ZH = {"car": "小客车", "truck": "货车", "bus": "客车", "van": "面包车"}


def zh_enum_text(value: enum.Enum) -> str:
    return _ZH[(type(value), value)]


def en_enum_text(value: enum.Enum) -> str:
    return str(value.value).replace("_", " ")


ZH_LABELS = HandoverLabels(
    enum_text=zh_enum_text,
    sheet_summary="汇总",
    sheet_passages="通行记录",
    sheet_anomalies="异常移交",
    title="交接班记录",
    gate="卡口",
    shift="班次",
    no_shift="按时段导出",
    leader="带班领导",
    window_start="开始时间",
    window_end="结束时间",
    generated="生成时间",
    time_zone="时区",
    summary="汇总",
    count="数量",
    passages="通行",
    vehicles="车辆",
    pedestrians="行人",
    persons="人员",
    fever="发热人数",
    corrections="更正",
    direction="方向",
    outcome="处置结果",
    code_colour="健康码",
    hour="时段",
    outgoing_leader="交班带班领导（签字）",
    incoming_leader="接班带班领导（签字）",
    signed_at="日期",
    number="序号",
    time="时间",
    subject="类别",
    plate="车牌",
    vehicle_kind="车型",
    origin="始发地",
    destination="目的地",
    person_count="人数",
    names="姓名",
    itinerary="行程卡",
    max_temperature="最高体温 (℃)",
    reasons="原因",
    operator="检查员",
    note="备注",
    correction_of="更正自",
    correction_reason="更正原因",
    corrected_by="已被更正",
    anomaly="异常类型",
    record_id="记录编号",
    separator="、",
    vehicle_kind_text=lambda kind: VEHICLE_KINDS_ZH.get(kind, kind),
    staff="值班人员",
    chart_title="各时段通行量",
    other_anomalies="其他异常（已放行）",
    turned_back_list="劝返名单",
    held_list="留观移交名单",
    nothing="无",
    page_footer="第 {page} 页，共 {pages} 页",
    rows_omitted="另有 {count} 行，见 XLSX 文件",
)

EN_LABELS = HandoverLabels(
    enum_text=en_enum_text,
    sheet_summary="Summary",
    sheet_passages="Passages",
    sheet_anomalies="Anomalies",
    title="Shift handover",
    gate="Gate",
    shift="Shift",
    no_shift="By time window",
    leader="Shift leader",
    window_start="From",
    window_end="To",
    generated="Generated",
    time_zone="Time zone",
    summary="Summary",
    count="Count",
    passages="Passages",
    vehicles="Vehicles",
    pedestrians="Pedestrians",
    persons="Persons",
    fever="Fever (persons)",
    corrections="Corrections",
    direction="Direction",
    outcome="Outcome",
    code_colour="Health code",
    hour="Hour",
    outgoing_leader="Outgoing shift leader (signature)",
    incoming_leader="Incoming shift leader (signature)",
    signed_at="Date",
    number="No.",
    time="Time",
    subject="Type",
    plate="Plate",
    vehicle_kind="Vehicle type",
    origin="From",
    destination="To",
    person_count="Persons",
    names="Names",
    itinerary="Itinerary card",
    max_temperature="Max. temperature (°C)",
    reasons="Reasons",
    operator="Operator",
    note="Note",
    correction_of="Corrects No.",
    correction_reason="Correction reason",
    corrected_by="Corrected by No.",
    anomaly="Anomaly",
    record_id="Record ID",
    separator=", ",
)


def recorded(draft: PassageDraft, seq: int) -> Passage:
    """A draft as storage would hand it back."""
    return Passage(
        uuid=draft.uuid,
        station_id=STATION,
        seq=seq,
        at=draft.at,
        direction=draft.direction,
        subject=draft.subject,
        outcome=draft.outcome,
        gate_id=draft.gate_id,
        operator_id=draft.operator_id,
        shift_id=draft.shift_id,
        reasons=draft.reasons,
        rules_version=draft.rules_version,
        persons=draft.persons,
        vehicle=draft.vehicle,
        note=draft.note,
        corrects=draft.corrects,
        correction_reason=draft.correction_reason,
        recorded_at=draft.at,
        hash="",
    )


def demo_shift(
    *, scale: float = 1.0, extra: list[PassageDraft] | None = None, mask_names: bool = False
) -> HandoverReport:
    """The last day shift of a demo highway history as a handover (optionally with extra passages)."""
    stream = generate_history(
        days=1,
        end=datetime(2026, 11, 23, 8, 0, tzinfo=CST),  # the day starts with the 08-16 shift
        gate_id=GATE.id,
        operator_ids=OPERATORS,
        seed=3,
        scale=scale,
    )
    plan = next(stream)
    assert isinstance(plan, ShiftPlan) and plan.opened_at.hour == 8
    drafts = [
        item
        for item in itertools.takewhile(lambda item: isinstance(item, PassageDraft), stream)
        if isinstance(item, PassageDraft)
    ]
    drafts += extra or []
    passages = [recorded(d, seq) for seq, d in enumerate(drafts, start=1000)]
    return build_handover(
        passages,
        gate=GATE,
        window_start=plan.opened_at,
        window_end=plan.closed_at,
        shift=plan.to_shift(GATE.id),
        generated_at=plan.closed_at + timedelta(minutes=5),
        mask_names=mask_names,
    )
