"""The anomaly hand-off and tracing files: one row per person, as the receiving staff open them."""

from __future__ import annotations

import csv
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.anomalies import anomaly_handoff
from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Itinerary,
    Outcome,
    Passage,
    PersonCheck,
    Reason,
    SubjectKind,
    Vehicle,
)
from checkpoint.exports import ExportError, ExportErrorKind, PersonListLabels
from checkpoint.exports.person_list import write_person_list_csv, write_person_list_xlsx
from tests.unit.exports.exports_fixtures import GATE, en_enum_text, zh_enum_text

CST = timezone(timedelta(hours=8))
AT = datetime(2026, 11, 22, 1, 30, 5, tzinfo=UTC)  # 09:30:05 in CST

ZH = PersonListLabels(
    enum_text=zh_enum_text,
    sheet="异常移交",
    title="异常人员移交清单",
    time="时间",
    gate="卡口",
    direction="方向",
    subject="类别",
    plate="车牌",
    name="姓名",
    id_number="身份证号",
    phone="手机号",
    code_colour="健康码",
    itinerary="行程卡",
    temperature="体温 (℃)",
    outcome="处置结果",
    anomaly="异常类型",
    reasons="原因",
    origin="始发地",
    destination="目的地",
    record_id="记录编号",
)
EN = replace(ZH, enum_text=en_enum_text, name="Name", time="Time", separator=", ")


def turned_back_car() -> Passage:
    return Passage(
        uuid=uuid.UUID(int=77),
        station_id=uuid.UUID(int=1),
        seq=5,
        at=AT,
        direction=Direction.OUT,
        subject=SubjectKind.VEHICLE,
        outcome=Outcome.TURN_BACK,
        gate_id=GATE.id,
        operator_id=uuid.UUID(int=3),
        shift_id=None,
        reasons=(Reason.CODE_YELLOW,),
        rules_version="t",
        persons=(
            PersonCheck(
                name="张小三",
                id_number="11010519491231002X",
                phone="13812345678",
                code_colour=CodeColour.YELLOW,
                itinerary=Itinerary.GREEN,
                temperature=36.8,
            ),
            PersonCheck(name="=HYPERLINK(1)", code_colour=CodeColour.GREEN),
        ),
        vehicle=Vehicle(plate="湘A12345", kind="car", origin="长沙", destination="武汉"),
        note="",
        corrects=None,
        correction_reason="",
        recorded_at=AT,
        hash="",
    )


def test_csv_has_one_row_per_person_masked_with_local_times(tmp_path: Path) -> None:
    rows = anomaly_handoff([turned_back_car()])
    path = tmp_path / "异常.csv"
    write_person_list_csv(rows, path, ZH, zone=CST, gate_names={GATE.id: GATE.name})
    assert path.read_bytes().startswith("\ufeff时间 (UTC+08:00),卡口,".encode())
    with path.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert len(read) == 2
    first = read[0]
    assert first["时间 (UTC+08:00)"] == "2026-11-22 09:30:05"
    assert first["卡口"] == GATE.name
    assert (first["姓名"], first["身份证号"], first["手机号"]) == (
        "张*三",
        "1101**********002X",
        "138****5678",
    )
    assert first["健康码"] == "黄码" and first["处置结果"] == "劝返"
    assert first["异常类型"] == "异常:turned_back、异常:code_yellow"
    assert first["原因"] == "原因:code_yellow"
    assert (first["始发地"], first["目的地"], first["车牌"]) == ("长沙", "武汉", "湘A12345")
    assert first["记录编号"] == str(uuid.UUID(int=77))
    assert read[1]["姓名"].startswith("'")  # formula-like text defused


def test_xlsx_keeps_dates_numbers_and_text_as_such(tmp_path: Path) -> None:
    rows = anomaly_handoff([turned_back_car()], mask=False)
    path = tmp_path / "anomalies.xlsx"
    write_person_list_xlsx(rows, path, EN, zone=CST)
    sheet = openpyxl.load_workbook(path)["异常移交"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "Time (UTC+08:00)" and header[5] == "Name"
    assert sheet.freeze_panes == "A2"
    assert sheet["A2"].value == datetime(2026, 11, 22, 9, 30, 5)
    assert sheet["B2"].value == str(GATE.id)[:8]  # gate not named: its id
    assert sheet["G2"].value == "11010519491231002X"
    assert sheet["K2"].value == pytest.approx(36.8)
    assert sheet["F3"].value == "=HYPERLINK(1)" and sheet["F3"].data_type == "s"
    assert sheet.max_row == 3


def test_empty_list_still_writes_the_header(tmp_path: Path) -> None:
    path = tmp_path / "none.xlsx"
    write_person_list_xlsx([], path, ZH, zone=CST)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and sheet.max_row == 1 and sheet["F1"].value == "姓名"


def test_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        write_person_list_csv([], tmp_path / "no" / "x.csv", ZH, zone=CST)
    assert caught.value.kind is ExportErrorKind.FOLDER_MISSING


ANCHOR = Anchor(2917, "3fa2c0de91b4e7a5" + "0" * 48, uuid.UUID(int=9))


def test_the_anomaly_hand_off_carries_the_log_s_anchor_beside_its_persons(tmp_path: Path) -> None:
    rows = anomaly_handoff([turned_back_car()])
    path = tmp_path / "anomalies.csv"
    write_person_list_csv(rows, path, ZH, zone=CST, anchor=ANCHOR)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        persons = list(csv.DictReader(handle))
    assert len(persons) == 2  # a program reading the list meets persons only
    with (tmp_path / "anomalies-anchor.csv").open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == [ZH.anchor, ANCHOR.text()]
    assert "record no. 2917" in lines[1][1] and "3fa2c0de 91b4e7a5" in lines[1][1]

    xlsx = tmp_path / "anomalies.xlsx"
    write_person_list_xlsx(rows, xlsx, ZH, zone=CST, anchor=ANCHOR)
    sheet = openpyxl.load_workbook(xlsx)["异常移交"]
    assert sheet.max_row == 6 and sheet["B5"].value == ANCHOR.text() and sheet["B5"].data_type == "s"
    assert sheet.auto_filter.ref == "A1:Q3"  # the filter covers the persons only
