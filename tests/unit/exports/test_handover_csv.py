"""The CSV a spreadsheet user opens: BOM for Chinese, one header line, one line per passage."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

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
from checkpoint.exports import write_handover_csv
from tests.unit.exports.exports_fixtures import (
    CST,
    EN_LABELS,
    GATE,
    LEADER,
    OPERATOR_NAMES,
    ZH_LABELS,
    demo_shift,
)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_starts_with_a_bom_and_round_trips(report: HandoverReport, tmp_path: Path) -> None:
    path = tmp_path / "交接班.csv"
    write_handover_csv(report, path, ZH_LABELS, operator_names=OPERATOR_NAMES)
    raw = path.read_bytes()
    assert raw.startswith("\ufeff序号,".encode())
    assert b"\r\n" in raw
    rows = read(path)
    assert len(rows) == len(report.rows)
    first, row = report.rows[0], rows[0]
    assert row["序号"] == str(first.seq)
    assert row["时间 (UTC+08:00)"] == first.at.astimezone(CST).strftime("%Y-%m-%d %H:%M:%S")
    assert row["车牌"] == first.plate
    assert row["姓名"] == "、".join(first.names)
    assert row["方向"] in {"进", "出"}
    assert row["检查员"] in OPERATOR_NAMES.values()
    assert row["记录编号"] == str(first.uuid)
    assert {r["处置结果"] for r in rows} >= {"放行", "劝返"}
    temperatures = [r["最高体温 (℃)"] for r in rows if r["最高体温 (℃)"]]
    assert all(len(t.split(".")[1]) == 1 for t in temperatures)


def test_csv_quotes_commas_and_newlines_and_defuses_formulas(tmp_path: Path) -> None:
    at = datetime(2026, 11, 22, 9, 0, tzinfo=CST)
    odd = PassageDraft(
        at=at,
        direction=Direction.OUT,
        subject=SubjectKind.VEHICLE,
        outcome=Outcome.PASS,
        gate_id=GATE.id,
        operator_id=LEADER,
        shift_id=None,
        reasons=(Reason.ALL_CHECKS_CLEAR,),
        persons=(PersonCheck(name="Smith, John", code_colour=CodeColour.GREEN, itinerary=Itinerary.GREEN),),
        vehicle=Vehicle(plate="湘A12345", kind="car", origin="长沙", destination='"武汉"'),
        note="=cmd|' /C calc'!A0\n第二行",
    )
    report = demo_shift(scale=0.05, extra=[odd], mask_names=False)
    path = tmp_path / "handover.csv"
    write_handover_csv(report, path, EN_LABELS)
    rows = read(path)
    assert len(rows) == len(report.rows)
    row = next(r for r in rows if r["Record ID"] == str(odd.uuid))
    assert row["Names"] == "Smith, John"
    assert row["To"] == '"武汉"'
    assert row["Note"] == "'=cmd|' /C calc'!A0\n第二行"
    assert row["Vehicle type"] == "car"


def test_an_empty_window_gives_just_the_header(tmp_path: Path) -> None:
    report = demo_shift(scale=0.0)
    path = tmp_path / "empty.csv"
    write_handover_csv(report, path, ZH_LABELS)
    assert report.rows == ()
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 and lines[0].startswith("序号,时间")
