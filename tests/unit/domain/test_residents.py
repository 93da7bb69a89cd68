"""Residents registry files: CSV in the encodings office software writes, XLSX, every row reported, and the
import plan against the registry (new, updated, unchanged, conflicting)."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.domain.residents import (
    Household,
    ImportAction,
    Member,
    ResidentStatus,
    household_code,
    lookup,
    plan_import,
)
from checkpoint.domain.residents_import import (
    ResidentFileError,
    ResidentRejectCode,
    parse_residents,
)

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


def id_number(serial: int) -> str:
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


ZH_HEADER = "楼栋,单元,房号,姓名,身份证号,手机号,与户主关系,居住类型,状态,开始日期,结束日期,出门周期,出门次数"
EN_HEADER = "Household,Name,ID number,Phone,Relation,Residency,Status,From,Until,Address"


def zh_csv(*rows: str) -> str:
    return "\n".join((ZH_HEADER, *rows)) + "\n"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3-2-501", "3-2-501"),
        ("3栋2单元501", "3-2-501"),
        ("3号楼2单元501室", "3-2-501"),
        ("３－２－５０１", "3-2-501"),
        ("a/1/101", "A-1-101"),
        ("501", ""),
        ("3-2-501-1-9", ""),
        ("三栋二单元", ""),
        ("", ""),
    ],
)
def test_household_codes_in_the_forms_people_type(text: str, code: str) -> None:
    assert household_code(text) == code


def test_a_gbk_csv_from_office_software_reports_every_row() -> None:
    text = zh_csv(
        f"3,2,501,张三,{id_number(1)},13800138000,户主,常住,正常,,,2,1",
        f"3,2,501,李 四,{id_number(2)},,配偶,租户,居家隔离,2026-11-20,2026/11/27,,",
        f"3,2,501,王五,{id_number(1)},,子女,,,,,,",  # the same ID number as line 2
        "5,1,302,赵六,110105194912310022,,,,,,,,",  # check digit wrong
        f"5,1,302,钱七,{id_number(3)},12345,,,,,,,",  # not a mobile
        f"5,1,,孙八,{id_number(4)},,,,,,,,",  # no room
        f"5,1,302,周九,{id_number(5)},,,别墅,,,,,",  # residency unknown
        f"5,1,302,吴十,{id_number(6)},,,,失联,,,,",  # status unknown
        f"5,1,302,郑一,{id_number(7)},,,,居家隔离,2026-11-27,2026-11-20,,",  # reversed dates
        f"5,1,302,冯二,{id_number(8)},,,,,,,0,1",  # a quota of 0 days
        f"3,2,501,陈三,{id_number(9)},,,,,,,3,1",  # household quota differs from line 2
        f",,,,{id_number(10)},,,,,,,,",  # no name
        "",
    )
    report = parse_residents(text.encode("gbk"), today=TODAY, source="住户.csv")
    assert report.ok and report.file_format == "gbk"
    assert [(row.line, row.member.name) for row in report.rows] == [(2, "张三"), (3, "李四")]
    first, second = (row.member for row in report.rows)
    assert first.household == "3-2-501" and first.phone == "13800138000" and first.relation == "户主"
    assert report.rows[0].exit_every_days == 2 and report.rows[0].exits_per_period == 1
    assert second.status is ResidentStatus.HOME_QUARANTINED and second.residency.value == "tenant"
    assert second.status_until is not None and second.status_until.date() == date(
        2026, 11, 28
    )  # to the end of the 27th
    assert [(row.line, row.reason_code) for row in report.rejected] == [
        (4, ResidentRejectCode.DUPLICATE),
        (5, ResidentRejectCode.BAD_ID_NUMBER),
        (6, ResidentRejectCode.BAD_PHONE),
        (7, ResidentRejectCode.BAD_HOUSEHOLD),
        (8, ResidentRejectCode.UNKNOWN_RESIDENCY),
        (9, ResidentRejectCode.UNKNOWN_STATUS),
        (10, ResidentRejectCode.DATES_REVERSED),
        (11, ResidentRejectCode.BAD_QUOTA),
        (12, ResidentRejectCode.HOUSEHOLD_CONFLICT),
        (13, ResidentRejectCode.NO_NAME),
    ]
    assert report.rejected[0].detail == "line 2" and "bad_check_digit" in report.rejected[1].detail
    assert report.data_lines == 12


def test_a_utf8_bom_csv_with_english_headers() -> None:
    text = "\n".join(
        (
            EN_HEADER + ",Serial",
            f"a-1-101,Li Lei,{id_number(11).lower()[:-1] + id_number(11)[-1].lower()},+86 139 1234 5678,"
            "head,resident,no exit,,,Block A,1",
        )
    )
    report = parse_residents(b"\xef\xbb\xbf" + text.encode("utf-8"), today=TODAY)
    assert report.ok and report.file_format == "utf-8-sig" and not report.rejected
    member = report.rows[0].member
    assert (member.household, member.name, member.phone) == ("A-1-101", "LiLei", "13912345678")
    assert member.status is ResidentStatus.NO_EXIT and member.id_number == id_number(11)
    assert report.rows[0].address == "Block A" and report.ignored_columns == ("Serial",)


def _xlsx(rows: list[list[object]], title: str = "住户", extra_first: bool = False) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if extra_first:
        sheet.title = "说明"
        sheet.append(["本表由物业填写"])
        sheet = book.create_sheet(title)
    else:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_with_chinese_headers_on_the_sheet_named_residents() -> None:
    data = _xlsx(
        [
            ["户号", "姓名", "身份证号", "手机号", "状态", "结束日期", "出门周期"],
            ["3栋2单元501", "张三", id_number(1), 13800138000, "正常", None, 2],
            ["3-2-502", "李四", id_number(2), None, "居家隔离", datetime(2026, 11, 30), None],
            [None, None, None, None, None, None, None],
            ["3-2-503", "王五", 110105194912310000, None, None, None, None],  # a number: precision lost
        ],
        extra_first=True,
    )
    report = parse_residents(data, filename="住户.xlsx", today=TODAY)
    assert report.ok and report.file_format == "xlsx" and report.sheet == "住户"
    assert [row.member.household for row in report.rows] == ["3-2-501", "3-2-502"]
    assert report.rows[0].member.phone == "13800138000" and report.rows[0].exit_every_days == 2
    assert report.rows[1].member.status is ResidentStatus.HOME_QUARANTINED
    assert [(r.line, r.reason_code) for r in report.rejected] == [(5, ResidentRejectCode.BAD_ID_NUMBER)]
    assert report.blank_lines == 1


@pytest.mark.parametrize(
    ("data", "filename", "error"),
    [
        (b"", "", ResidentFileError.EMPTY),
        (b"\n\n  \n", "", ResidentFileError.EMPTY),
        (b"PK\x03\x04not really a zip", "x.xlsx", ResidentFileError.NOT_XLSX),
        ("姓名,身份证号\n".encode(), "residents.xlsx", ResidentFileError.NOT_XLSX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old.xls", ResidentFileError.BINARY),
        ("姓名,手机号\n张三,13800138000\n".encode("gbk"), "", ResidentFileError.MISSING_COLUMNS),
        ("户号,姓名,身份证号,身份证\n".encode(), "", ResidentFileError.DUPLICATE_COLUMN),
        (b"\xff\xfe\xfe", "", ResidentFileError.UNKNOWN_ENCODING),
    ],
)
def test_a_file_that_cannot_be_read_imports_nothing(
    data: bytes, filename: str, error: ResidentFileError
) -> None:
    report = parse_residents(data, filename=filename, today=TODAY)
    assert report.error is error and not report.rows and not report.rejected


def test_a_zip_that_is_not_a_workbook_imports_nothing() -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert parse_residents(buffer.getvalue()).error is ResidentFileError.NOT_XLSX


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["", "a.csv", "a.xlsx"]))
def test_never_raises_for_any_bytes(data: bytes, filename: str) -> None:
    report = parse_residents(data, filename=filename, today=TODAY)
    assert report.ok or not report.rows


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20), max_size=8), max_size=6
    )
)
def test_never_raises_for_any_rows_under_a_valid_header(rows: list[list[str]]) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ZH_HEADER.split(","))
    writer.writerows(rows)
    report = parse_residents(buffer.getvalue().encode("utf-8"), today=TODAY)
    assert report.ok
    assert len(report.rows) + len(report.rejected) == report.data_lines


def _member(serial: int, name: str, household: str = "3-2-501", **changes: object) -> Member:
    return Member(household=household, name=name, id_number=id_number(serial), **changes)  # type: ignore[arg-type]


def test_the_plan_says_new_updated_unchanged_and_conflicts() -> None:
    registered = [_member(1, "张三", phone="13800138000"), _member(2, "李四"), _member(3, "王五")]
    households = [Household(code="3-2-501", address="阳光小区3栋")]
    text = zh_csv(
        f"3,2,501,张三,{id_number(1)},,,,,,,,",  # nothing new (the empty phone keeps the registered one)
        f"3,2,501,李四,{id_number(2)},,,,居家隔离,,,,",  # quarantined now
        f"3,2,501,王六,{id_number(3)},,,,,,,,",  # this ID number is registered to 王五
        f"5,1,302,赵六,{id_number(4)},,,,,,,2,1",  # a new member in a new household with a quota
    )
    report = parse_residents(text.encode(), today=TODAY)
    plan = plan_import(report.rows, households, registered, source="f.csv")
    assert [(row.line, row.action) for row in plan.rows] == [
        (2, ImportAction.UNCHANGED),
        (3, ImportAction.UPDATED),
        (5, ImportAction.NEW),
    ]
    assert plan.rows[0].member == registered[0] and plan.rows[0].member.phone == "13800138000"
    updated = plan.rows[1].member
    assert updated.supersedes == registered[1].id and updated.id != registered[1].id
    assert updated.status is ResidentStatus.HOME_QUARANTINED and updated.source == "f.csv"
    assert [(line, row.name, old.name) for line, row, old in plan.conflicts] == [(4, "王六", "王五")]
    assert [(h.code, h.exit_every_days, h.supersedes) for h in plan.households] == [("5-1-302", 2, None)]
    assert plan.members == (updated, plan.rows[2].member)


def test_a_status_holds_only_between_its_dates() -> None:
    member = _member(
        1, "张三", status=ResidentStatus.NO_EXIT, status_from=NOW, status_until=NOW + timedelta(days=7)
    )
    assert member.status_at(NOW - timedelta(seconds=1)) is ResidentStatus.NORMAL
    assert member.status_at(NOW) is ResidentStatus.NO_EXIT
    assert member.status_at(NOW + timedelta(days=7)) is ResidentStatus.NORMAL


def test_the_gate_finds_a_member_by_id_number_or_by_household_and_name() -> None:
    zhang = _member(1, "张三", status=ResidentStatus.HOME_QUARANTINED)
    households = {"3-2-501": Household(code="3-2-501", exit_every_days=2)}
    by_household = {"3-2-501": [zhang]}

    def find(number: str) -> Member | None:
        return zhang if number.upper() == zhang.id_number else None

    by_id = lookup(find, by_household, households, id_number=zhang.id_number.lower(), at=NOW)
    assert by_id.known and by_id.restricted and by_id.household == households["3-2-501"]
    by_pass = lookup(find, by_household, households, name="张 三", household="3栋2单元501", at=NOW)
    assert by_pass.member == zhang and not by_pass.household_unknown
    stranger = lookup(find, by_household, households, name="张三", household="9-9-909", at=NOW)
    assert not stranger.known and stranger.household_unknown
    nothing_registered = lookup(find, {}, {}, name="张三", household="9-9-909", at=NOW)
    assert not nothing_registered.household_unknown  # no registry in use: nobody is "unknown"


def test_a_member_who_moved_out_is_listed_but_no_longer_known_from_the_date() -> None:
    """已迁出 in an import: from its date the member is no resident (no zero-tap, no quota), before it
    they still are; the rows say so in Chinese or English."""
    report = parse_residents(
        "户号,姓名,身份证号,状态,开始日期\n"
        f"3-2-501,张三,{id_number(1)},已迁出,2026-11-20\n"
        f"3-2-501,李四,{id_number(2)},moved out,\n".encode(),
        today=TODAY,
    )
    assert not report.rejected
    assert [row.member.status for row in report.rows] == [ResidentStatus.MOVED_OUT] * 2
    zhang = _member(1, "张三", status=ResidentStatus.MOVED_OUT, status_from=NOW)
    households = {"3-2-501": Household(code="3-2-501", exit_every_days=2, exits_per_period=1)}

    def find(number: str) -> Member | None:
        return zhang

    before = lookup(find, {}, households, id_number=zhang.id_number, at=NOW - timedelta(days=1))
    assert before.known and not before.moved_out
    after = lookup(find, {}, households, id_number=zhang.id_number, at=NOW)
    assert after.moved_out and not after.known and not after.restricted
    assert not dataclasses.replace(after, exits_in_window=5).quota_exceeded
