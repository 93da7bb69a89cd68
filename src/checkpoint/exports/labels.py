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


@dataclass(frozen=True, slots=True)
class HandoverLabels:
    """Captions and headers of the handover XLSX and CSV.

    ``enum_text`` prints every enum value the files contain: ``Direction``, ``SubjectKind``,
    ``Outcome``, ``CodeColour``, ``Itinerary``, ``Reason`` and ``handover.Anomaly``.
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
