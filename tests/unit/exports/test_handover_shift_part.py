"""The leaders' records on the handover sheet: items, open matters, the reconciliation, both leaders."""

from __future__ import annotations

import csv
import dataclasses
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.handover import HandoverReport
from checkpoint.domain.shift_handover import (
    CountLine,
    Item,
    ItemCondition,
    ItemLine,
    MatterDecision,
    MatterReview,
    Metric,
    ShiftClosing,
    ShiftOpening,
    ShiftRecord,
)
from checkpoint.exports import write_handover_csv, write_handover_xlsx
from checkpoint.exports.labels import ShiftSheetLabels
from checkpoint.exports.pdf import write_handover_pdf
from tests.unit.exports.exports_fixtures import OPERATOR_NAMES, ZH_LABELS, demo_shift

ZH_PART = ShiftSheetLabels(
    sheet="交接事项",
    automatic="自动班次（按时钟开班）",
    opened_by="由 {leader} 于 {time} 开班",
    items="物品交接",
    matters_open="移交下一班的遗留事项",
    reconciliation="数量核对",
)
LABELS = dataclasses.replace(ZH_LABELS, shift_sheet=ZH_PART)


def with_record(report: HandoverReport, *, closed: bool = True, automatic: bool = False) -> HandoverReport:
    assert report.shift is not None
    opening = ShiftOpening(
        "周建国",
        ("周建国", "刘洋", "陈静"),
        (Item("对讲机", 4), Item("测温枪", 2)),
        (MatterReview("3号岗亭照明故障", MatterDecision.CARRIED_ON),),
    )
    closing = ShiftClosing(
        "周建国",
        "马丽",
        (
            CountLine(
                Metric.PERSONS, report.summary.persons, report.summary.persons - 2, "两名婴儿未计入台账"
            ),
        ),
        (ItemLine("对讲机", 4, 3, ItemCondition.GOOD, "一台送修"), ItemLine("测温枪", 2, 2)),
        ("3号岗亭照明故障", "红码人员待社区接走"),
    )
    record = ShiftRecord(report.shift, None if automatic else opening, closing if closed else None)
    return dataclasses.replace(report, shift_record=record)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_pdf_prints_items_matters_reconciliation_and_leaders_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "交接班.pdf"
    write_handover_pdf(with_record(demo_shift(scale=0.2)), path, LABELS, operator_names=OPERATOR_NAMES)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for expected in (
        "对讲机",
        "一台送修",
        "红码人员待社区接走",
        "两名婴儿未计入台账",
        "马丽",
        "陈静",
        "物品交接",
    ):
        assert expected in flat, expected
    assert "由周建国于" in flat


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_an_automatic_shift_is_labelled_so(tmp_path: Path) -> None:
    path = tmp_path / "auto.pdf"
    write_handover_pdf(with_record(demo_shift(scale=0.1), closed=False, automatic=True), path, LABELS)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "自动班次" in "".join(text.split())


def test_xlsx_has_a_sheet_of_handover_items_and_names_the_leaders(tmp_path: Path) -> None:
    path = tmp_path / "交接班.xlsx"
    write_handover_xlsx(with_record(demo_shift(scale=0.1)), path, LABELS, operator_names=OPERATOR_NAMES)
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[-1] == "交接事项"
    cells = [str(c) for row in book["交接事项"].iter_rows(values_only=True) for c in row if c is not None]
    assert "对讲机" in cells and "一台送修" in cells and "红码人员待社区接走" in cells
    assert "两名婴儿未计入台账" in cells and "-2" in cells
    summary = [
        c for row in book[book.sheetnames[0]].iter_rows(values_only=True) for c in row if c is not None
    ]
    assert "周建国" in summary and "马丽" in summary


def test_csv_writes_the_shift_part_beside_the_passages(tmp_path: Path) -> None:
    report = with_record(demo_shift(scale=0.1))
    path = tmp_path / "handover.csv"
    write_handover_csv(report, path, LABELS)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(report.rows)  # passages only, unchanged
    with (tmp_path / "handover-shift.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "交接事项"
    radios = next(r for r in rows if r[1] == "对讲机")
    assert radios[0] == "物品交接" and radios[2:4] == ["4", "3"] and radios[6] == "一台送修"
    assert any(r[1] == "红码人员待社区接走" for r in rows)
    assert any(r[:2] == ["接班带班领导（签字）", "马丽"] for r in rows)


ANCHOR = Anchor(2917, "3fa2c0de91b4e7a5" + "0" * 48, uuid.UUID(int=9))
LABELS_ANCHOR = dataclasses.replace(
    LABELS, anchor="日志锚点", anchor_help="站点 {station}，第 {seq} 条记录，哈希 {hash}"
)


def test_every_handover_format_carries_the_anchor_where_the_leaders_sign(tmp_path: Path) -> None:
    report = with_record(demo_shift(scale=0.1))
    write_handover_xlsx(report, tmp_path / "h.xlsx", LABELS_ANCHOR, anchor=ANCHOR)
    sheet = load_workbook(tmp_path / "h.xlsx", read_only=True).worksheets[0]
    summary = [(*row, None, None) for row in sheet.iter_rows(values_only=True)]
    signed = next(i for i, row in enumerate(summary) if row[0] == LABELS.incoming_leader)
    anchor_row = next(i for i, row in enumerate(summary) if row[0] == "日志锚点")
    assert anchor_row > signed and summary[anchor_row][1] == ANCHOR.text()
    assert "第 2917 条记录" in str(summary[anchor_row + 1][1])

    no_record = dataclasses.replace(report, shift_record=None)
    write_handover_csv(no_record, tmp_path / "h.csv", LABELS_ANCHOR, anchor=ANCHOR)
    with (tmp_path / "h-shift.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[-1][:2] == ["日志锚点", ANCHOR.text()] and "3fa2c0de 91b4e7a5" in rows[-1][-1]
    assert rows[-3][0] == LABELS.outgoing_leader  # the signature lines, even without a shift record


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_the_pdf_prints_the_anchor_s_text_under_the_signatures(tmp_path: Path) -> None:
    path = tmp_path / "h.pdf"
    write_handover_pdf(with_record(demo_shift(scale=0.1)), path, LABELS_ANCHOR, anchor=ANCHOR)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert flat.index(LABELS.incoming_leader.replace(" ", "")) < flat.index("日志锚点")
    assert ANCHOR.text() in flat and "第2917条记录" in flat
