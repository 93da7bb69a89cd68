"""Every caption the handover files print, supplied by the caller.

The exports hold no words of their own: the station layer builds a ``HandoverLabels`` from its Qt
translation table (zh_CN or English) and passes it in. Each field below is one caption; the comment
gives the Chinese and English wording it is meant for.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field


def _same_text(kind: str) -> str:
    return kind


def _value_text(value: enum.Enum) -> str:
    return str(value.value).replace("_", " ")


ANCHOR_CAPTION = "Log anchor"
ANCHOR_HELP = (
    "Station {station}, record no. {seq}, hash {hash}. Whoever keeps this sheet can check that the "
    "station's log still holds this record unchanged: checkpoint db verify --anchor followed by the "
    "anchor's text, CPA1:… (on the PDF the QR code holds it too)."
)
"""The anchor's caption and explanation (``{station}``, ``{seq}``, ``{hash}``), translated by the station."""


@dataclass(frozen=True, slots=True)
class ShiftSheetLabels:
    """Captions of the shift part of the handover: the leaders' opening and close (defaults: English).

    ``enum_text`` prints ``shift_handover.Metric``, ``ItemCondition``, ``ItemStatus`` and
    ``MatterDecision``.
    """

    enum_text: Callable[[enum.Enum], str] = field(default=_value_text)
    sheet: str = "Handover items"  # 交接事项
    # 自动班次（按时钟开班，无带班领导开班）
    automatic: str = "Automatic shift (opened by the clock; no leader opened it)"
    opened_by: str = "Opened by {leader} at {time}"  # 由 {leader} 于 {time} 开班
    not_closed: str = "Not closed yet: no reconciliation."  # 尚未交班：无核对记录
    items: str = "Items received and handed over"  # 物品交接
    item: str = "Item"  # 物品
    received: str = "Received"  # 接班数量
    handed_over: str = "Handed over"  # 交班数量
    condition: str = "Condition"  # 状况
    status: str = "Difference"  # 差异
    explanation: str = "Explanation"  # 说明
    matters_taken: str = "Open matters taken over"  # 接收的遗留事项
    matter: str = "Matter"  # 事项
    decision: str = "Decision"  # 处理
    matters_open: str = "Open matters for the next shift"  # 移交下一班的遗留事项
    reconciliation: str = "Counts: log and tally"  # 数量核对：系统记录与手工台账
    metric: str = "Count"  # 项目
    logged: str = "Log"  # 系统记录
    tallied: str = "Tally"  # 手工台账
    difference: str = "Difference"  # 差额
    no_tally: str = "not kept"  # 未记


@dataclass(frozen=True, slots=True)
class HandoverLabels:
    """Captions and headers of the handover XLSX and CSV.

    ``enum_text`` prints every enum value the files contain: ``Direction``, ``SubjectKind``,
    ``Outcome``, ``CodeColour``, ``Itinerary``, ``Reason``, ``handover.Anomaly`` and
    ``overrides.OverrideReason``.
    ``vehicle_kind_text`` prints ``Vehicle.kind`` (a free code such as "car", "truck", "bus").
    ``separator`` joins several values in one cell (names, colours, reasons): "、" or ", ".
    """

    enum_text: Callable[[enum.Enum], str]

    # Sheet names (at most 31 characters; []:*?/\ are replaced).
    sheet_summary: str  # 汇总 / Summary
    sheet_passages: str  # 通行记录 / Passages
    sheet_anomalies: str  # 异常移交 / Anomalies

    # Summary sheet: heading block.
    title: str  # 交接班记录 / Shift handover
    gate: str  # 卡口 / Gate
    shift: str  # 班次 / Shift
    no_shift: str  # 按时段导出 / By time window (printed when the report has no shift)
    leader: str  # 带班领导 / Shift leader
    window_start: str  # 开始时间 / From
    window_end: str  # 结束时间 / To
    generated: str  # 生成时间 / Generated
    time_zone: str  # 时区 / Time zone

    # Summary sheet: counts and tables.
    summary: str  # 汇总 / Summary (heading of the counts table)
    count: str  # 数量 / Count (column header)
    passages: str  # 通行 / Passages
    vehicles: str  # 车辆 / Vehicles
    pedestrians: str  # 行人 / Pedestrians
    persons: str  # 人员 / Persons
    fever: str  # 发热人数 / Fever (persons)
    corrections: str  # 更正 / Corrections
    direction: str  # 方向 / Direction (also a passages column)
    outcome: str  # 处置结果 / Outcome (also a passages column)
    code_colour: str  # 健康码 / Health code (also a passages column)
    hour: str  # 时段 / Hour

    # Signature lines at the foot of the summary sheet.
    outgoing_leader: str  # 交班带班领导（签字） / Outgoing shift leader (signature)
    incoming_leader: str  # 接班带班领导（签字） / Incoming shift leader (signature)
    signed_at: str  # 日期 / Date

    # Passages and anomalies columns (``direction``, ``outcome``, ``code_colour`` above are reused).
    number: str  # 序号 / No.
    time: str  # 时间 / Time (the writer appends the zone, e.g. "时间 (UTC+08:00)")
    subject: str  # 类别 / Type (vehicle or pedestrian)
    plate: str  # 车牌 / Plate
    vehicle_kind: str  # 车型 / Vehicle type
    origin: str  # 始发地 / From
    destination: str  # 目的地 / To
    person_count: str  # 人数 / Persons
    names: str  # 姓名 / Names
    itinerary: str  # 行程卡 / Itinerary card
    max_temperature: str  # 最高体温 (℃) / Max. temperature (°C)
    reasons: str  # 原因 / Reasons
    operator: str  # 检查员 / Operator
    note: str  # 备注 / Note
    correction_of: str  # 更正自 / Corrects No.
    correction_reason: str  # 更正原因 / Correction reason
    corrected_by: str  # 已被更正 / Corrected by No.
    anomaly: str  # 异常类型 / Anomaly
    record_id: str  # 记录编号 / Record ID

    separator: str = "、"
    vehicle_kind_text: Callable[[str], str] = field(default=_same_text)

    # PDF handover sheet (defaults are the English wording; the station passes translations).
    staff: str = "Staff on duty"  # 值班人员
    chart_title: str = "Passages per hour"  # 各时段通行量
    other_anomalies: str = "Other anomalies (passed)"  # 其他异常（已放行）
    turned_back_list: str = "Turned back"  # 劝返名单
    held_list: str = "Handed over (held)"  # 留观移交名单
    nothing: str = "None"  # 无 (an empty list)
    page_footer: str = "Page {page} of {pages}"  # 第 {page} 页，共 {pages} 页
    rows_omitted: str = "{count} more rows in the XLSX file"  # 另有 {count} 行，见 XLSX 文件
    anchor: str = ANCHOR_CAPTION  # 日志锚点 (under the signatures: see domain.anchor)
    anchor_help: str = ANCHOR_HELP
    shift_sheet: ShiftSheetLabels = field(default_factory=ShiftSheetLabels)  # the leaders' records
    # Overrides: passages recorded milder than the proposed TURN BACK or HOLD (summary count, PDF list).
    overrides: str = "Overrides"  # 人工改判
    # Passages and anomalies column: "TURN BACK → PASS · reason · what was typed".
    override: str = "Override (proposed → recorded)"  # 人工改判（建议 → 记录）


@dataclass(frozen=True, slots=True)
class PersonListLabels:
    """Captions of the person lists: the anomaly hand-off and the tracing export (XLSX and CSV).

    One row per person: ``enum_text`` prints ``Direction``, ``SubjectKind``, ``Outcome``,
    ``CodeColour``, ``Itinerary``, ``Reason``, ``handover.Anomaly`` and ``overrides.OverrideReason``.
    """

    enum_text: Callable[[enum.Enum], str]
    sheet: str  # 异常移交 / Anomalies (or 流调 / Tracing)
    title: str  # 异常人员移交清单 / Anomaly hand-off (printed nowhere in the CSV)
    time: str  # 时间 / Time (the writer appends the zone)
    gate: str  # 卡口 / Gate
    direction: str  # 方向 / Direction
    subject: str  # 类别 / Type
    plate: str  # 车牌 / Plate
    name: str  # 姓名 / Name
    id_number: str  # 身份证号 / ID number
    phone: str  # 手机号 / Phone
    code_colour: str  # 健康码 / Health code
    itinerary: str  # 行程卡 / Itinerary card
    temperature: str  # 体温 (℃) / Temperature (°C)
    outcome: str  # 处置结果 / Outcome
    anomaly: str  # 异常类型 / Anomaly
    reasons: str  # 原因 / Reasons
    origin: str  # 始发地 / Origin
    destination: str  # 目的地 / Destination
    record_id: str  # 记录编号 / Record ID
    separator: str = "、"
    override: str = ""  # 人工改判（建议 → 记录）: the override column, only where the caption is given
    anchor: str = ANCHOR_CAPTION  # 日志锚点 (below the list)
    anchor_help: str = ANCHOR_HELP
