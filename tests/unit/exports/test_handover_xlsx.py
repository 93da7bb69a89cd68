"""The handover workbook as the shift leader opens it: sheets, cells, types, layout."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from checkpoint.domain.handover import HandoverReport
from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Itinerary,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    SubjectKind,
    Vehicle,
)
from checkpoint.exports import write_handover_xlsx
from checkpoint.exports.sheetrows import excel_serial
from checkpoint.exports.xlsx import display_width
from tests.unit.exports.exports_fixtures import (
    CST,
    EN_LABELS,
    GATE,
    LEADER,
    OPERATOR_NAMES,
    ZH_LABELS,
    demo_shift,
)


def write(report: HandoverReport, tmp_path: Path, labels: object = ZH_LABELS) -> openpyxl.Workbook:
    path = tmp_path / "交接班.xlsx"
    write_handover_xlsx(report, path, labels, operator_names=OPERATOR_NAMES)  # type: ignore[arg-type]
    return openpyxl.load_workbook(path)


def header_index(sheet: Worksheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def caption_value(sheet: Worksheet, caption: str) -> object:
    for row in sheet.iter_rows(min_col=1, max_col=2):
        if row[0].value == caption:
            return row[1].value
    raise AssertionError(f"no row captioned {caption!r}")


def test_three_sheets_named_by_the_labels(report: HandoverReport, tmp_path: Path) -> None:
    assert write(report, tmp_path).sheetnames == ["汇总", "通行记录", "异常移交"]
    assert write(report, tmp_path, EN_LABELS).sheetnames == ["Summary", "Passages", "Anomalies"]


def test_summary_sheet_heading_counts_and_signatures(report: HandoverReport, tmp_path: Path) -> None:
    sheet = write(report, tmp_path)["汇总"]
    assert sheet["A1"].value == "交接班记录"
    assert sheet["A1"].font.bold
    assert caption_value(sheet, "卡口") == GATE.name
    assert caption_value(sheet, "班次") == "2026-11-22 08:00-16:00"
    assert caption_value(sheet, "带班领导") == OPERATOR_NAMES[LEADER]
    assert caption_value(sheet, "开始时间") == datetime(2026, 11, 22, 8, 0)
    assert caption_value(sheet, "结束时间") == datetime(2026, 11, 22, 16, 0)
    assert caption_value(sheet, "时区") == "UTC+08:00"
    s = report.summary
    assert caption_value(sheet, "通行") == s.passages > 0
    assert caption_value(sheet, "人员") == s.persons
    assert caption_value(sheet, "发热人数") == s.fever
    assert caption_value(sheet, "放行") == s.passed
    assert caption_value(sheet, "劝返") == s.turned_back
    assert caption_value(sheet, "绿码") == s.persons_green
    assert caption_value(sheet, "黄码") == s.persons_yellow
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "交班带班领导（签字）" in texts and "接班带班领导（签字）" in texts


def test_summary_hourly_table_has_a_datetime_per_hour(report: HandoverReport, tmp_path: Path) -> None:
    sheet = write(report, tmp_path)["汇总"]
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "时段")
    hourly = rows[start + 1 : start + 9]
    assert [r[0] for r in hourly] == [datetime(2026, 11, 22, h) for h in range(8, 16)]
    assert [r[1] for r in hourly] == [h.passages for h in report.hourly]
    assert sum(r[2] for r in hourly) == report.summary.persons


def test_passages_sheet_rows_types_and_layout(report: HandoverReport, tmp_path: Path) -> None:
    sheet = write(report, tmp_path)["通行记录"]
    columns = header_index(sheet)
    assert "时间 (UTC+08:00)" in columns
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == len(report.rows) + 1
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"

    first = report.rows[0]
    time_cell = sheet.cell(2, columns["时间 (UTC+08:00)"])
    assert time_cell.is_date
    assert time_cell.value == first.at.astimezone(CST).replace(tzinfo=None)
    assert "yyyy" in time_cell.number_format and "ss" in time_cell.number_format
    assert sheet.cell(2, columns["序号"]).value == first.seq
    assert sheet.cell(2, columns["车牌"]).value == first.plate
    assert sheet.cell(2, columns["姓名"]).value == "、".join(first.names)
    assert sheet.cell(2, columns["类别"]).value == "车辆"
    assert sheet.cell(2, columns["车型"]).value in {"小客车", "货车", "客车", "面包车"}
    assert sheet.cell(2, columns["人数"]).value == first.persons
    assert sheet.cell(2, columns["检查员"]).value in OPERATOR_NAMES.values()

    names_width = sheet.column_dimensions[sheet.cell(1, columns["姓名"]).column_letter].width
    number_width = sheet.column_dimensions[sheet.cell(1, columns["序号"]).column_letter].width
    assert names_width > number_width
    assert sheet.page_setup.orientation == "landscape"


def test_anomalies_sheet_lists_the_hand_off(report: HandoverReport, tmp_path: Path) -> None:
    sheet = write(report, tmp_path)["异常移交"]
    columns = header_index(sheet)
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == len(report.anomalies) + 1 > 1
    outcomes = {sheet.cell(r, columns["处置结果"]).value for r in range(2, sheet.max_row + 1)}
    assert "劝返" in outcomes
    kinds = sheet.cell(2, columns["异常类型"]).value
    assert kinds.startswith("异常:")


def _extra(at: datetime, **kwargs: object) -> PassageDraft:
    fields: dict[str, object] = {
        "at": at,
        "direction": Direction.IN,
        "subject": SubjectKind.VEHICLE,
        "outcome": Outcome.PASS,
        "gate_id": GATE.id,
        "operator_id": LEADER,
        "shift_id": None,
        "reasons": (Reason.ALL_CHECKS_CLEAR,),
        "persons": (PersonCheck(name="欧阳小明", code_colour=CodeColour.GREEN, itinerary=Itinerary.GREEN),),
        "vehicle": Vehicle(plate="湘A8B888", kind="car"),
    }
    fields.update(kwargs)
    return PassageDraft(**fields)  # type: ignore[arg-type]


def test_text_that_looks_like_a_formula_stays_text_and_control_characters_go(tmp_path: Path) -> None:
    at = datetime(2026, 11, 22, 9, 30, tzinfo=CST)
    odd = _extra(at, note='=HYPERLINK("http://x")\x07 #N/A', vehicle=Vehicle(plate="#N/A", kind="car"))
    report = demo_shift(scale=0.05, extra=[odd])
    sheet = write(report, tmp_path)["通行记录"]
    columns = header_index(sheet)
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, columns["车牌"]).value == "#N/A")
    note = sheet.cell(row, columns["备注"])
    assert note.value == '=HYPERLINK("http://x") #N/A'
    assert note.data_type == "s"
    assert sheet.cell(row, columns["车牌"]).data_type == "s"


def test_a_correction_refers_to_the_passage_number_it_replaces(tmp_path: Path) -> None:
    at = datetime(2026, 11, 22, 10, 0, tzinfo=CST)
    wrong = _extra(at, vehicle=Vehicle(plate="湘A0000O", kind="car"))
    right = _extra(at, corrects=wrong.uuid, correction_reason="车牌录入错误", reasons=(Reason.CORRECTION,))
    report = demo_shift(scale=0.05, extra=[wrong, right])
    numbers = {r.uuid: r.seq for r in report.rows}
    sheet = write(report, tmp_path)["通行记录"]
    columns = header_index(sheet)
    by_number = {sheet.cell(r, columns["序号"]).value: r for r in range(2, sheet.max_row + 1)}
    assert sheet.cell(by_number[numbers[right.uuid]], columns["更正自"]).value == numbers[wrong.uuid]
    assert sheet.cell(by_number[numbers[wrong.uuid]], columns["已被更正"]).value == numbers[right.uuid]
    assert sheet.cell(by_number[numbers[right.uuid]], columns["更正原因"]).value == "车牌录入错误"


def test_english_labels_and_an_export_without_a_shift(tmp_path: Path) -> None:
    report = replace(demo_shift(scale=0.1), shift=None)
    workbook = write(report, tmp_path, EN_LABELS)
    summary = workbook["Summary"]
    assert summary["A1"].value == "Shift handover"
    assert caption_value(summary, "Shift") == "By time window"
    passages = workbook["Passages"]
    columns = header_index(passages)
    assert passages.cell(2, columns["Direction"]).value in {"in", "out"}
    multi = next(r for r in report.rows if r.persons > 1)
    row = next(r for r in range(2, passages.max_row + 1) if passages.cell(r, 1).value == multi.seq)
    assert passages.cell(row, columns["Names"]).value == ", ".join(multi.names)


def test_an_unknown_operator_prints_as_a_short_id(tmp_path: Path) -> None:
    stranger = uuid.UUID("12345678-aaaa-4bbb-8ccc-1234567890ab")
    at = datetime(2026, 11, 22, 11, 0, tzinfo=CST)
    report = demo_shift(scale=0.05, extra=[_extra(at, operator_id=stranger)])
    sheet = write(report, tmp_path)["通行记录"]
    columns = header_index(sheet)
    assert "12345678" in {sheet.cell(r, columns["检查员"]).value for r in range(2, sheet.max_row + 1)}


@pytest.mark.parametrize(("text", "width"), [("", 0), ("湘A12345", 8), ("张小三", 6), ("ABC", 3), ("３", 2)])
def test_display_width_counts_cjk_double(text: str, width: int) -> None:
    assert display_width(text) == width


def test_datetimes_are_local_wall_clock_of_the_window(tmp_path: Path) -> None:
    report = replace(demo_shift(scale=0.05), generated_at=datetime(2026, 11, 22, 8, 5, tzinfo=UTC))
    sheet = write(report, tmp_path)["汇总"]
    assert caption_value(sheet, "生成时间") == datetime(2026, 11, 22, 16, 5)


def test_text_with_markup_and_spaces_survives(tmp_path: Path) -> None:
    at = datetime(2026, 11, 22, 12, 0, tzinfo=CST)
    report = demo_shift(scale=0.05, extra=[_extra(at, note='  <b>&amp; 司机称"绕行"  ')])
    sheet = write(report, tmp_path)["通行记录"]
    columns = header_index(sheet)
    notes = {sheet.cell(r, columns["备注"]).value for r in range(2, sheet.max_row + 1)}
    assert '  <b>&amp; 司机称"绕行"  ' in notes


@pytest.mark.slow
def test_a_20000_passage_handover_keeps_every_passage(tmp_path: Path) -> None:
    # Its time (budget 3 s, DESIGN.md) is measured by `checkpoint bench log`, not here.
    report = demo_shift(scale=30)
    assert len(report.rows) >= 20_000
    write_handover_xlsx(report, tmp_path / "big.xlsx", ZH_LABELS, operator_names=OPERATOR_NAMES)
    sheet = openpyxl.load_workbook(tmp_path / "big.xlsx", read_only=True)["通行记录"]
    assert sum(1 for _ in sheet.iter_rows(min_row=2, max_col=1)) == len(report.rows)


def test_excel_serial_matches_openpyxl() -> None:
    from openpyxl.utils.datetime import to_excel

    moment = datetime(2026, 1, 1, 8, 0, 30)
    assert excel_serial(moment) == pytest.approx(to_excel(moment), abs=1e-9)
    assert excel_serial(datetime(1900, 3, 1)) == 61
