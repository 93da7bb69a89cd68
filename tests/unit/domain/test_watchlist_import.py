"""Watchlist CSV import: what office software writes is read, every line is accounted for, bad files
import nothing."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkpoint.domain.records import PersonCheck
from checkpoint.domain.watchlist import WatchlistAction, WatchlistKind, match
from checkpoint.domain.watchlist_import import (
    CHINA_STANDARD_TIME,
    FileError,
    ImportReport,
    RejectCode,
    parse_watchlist_csv,
)

TODAY = date(2026, 11, 22)

CHINESE = (
    "序号,类型,姓名,身份证号,手机号,车牌,原因,开始,结束,处置\r\n"
    "1,居家隔离,张 伟,11010519491231002x,139-1234-5678,,密接,2026-11-20,2026/11/27,\r\n"
    "2,重点车辆,,,,沪B·99999,,,,拦截\r\n"
    "3,重点人员,李四,110105194912310021,,,,,,\r\n"
    "4,,王五,,12345,,,,,\r\n"
    ",,,,,,,,,\r\n"
    "5,火星人,赵六,,,,,,,\r\n"
    "6,重点人员,,,,,,,,\r\n"
    "7,重点人员,钱七,,,,,2026-11-22,2026-11-21,\r\n"
    "8,居家隔离,张伟,11010519491231002X,13912345678,,,,,\r\n"
    '9,重点人员,"孙 八",,,,"说明里有逗号,还有换行\r\n第二行",2026年11月22日 08:30,,提醒\r\n'
    "10,重点人员,周九,,,,,下周一,,\r\n"
    "11,重点人员,吴十,,,,,,,放行\r\n"
    "12,重点人员,郑一,,,,,,,,多出来的\r\n"
    "13,重点车辆,,,,京A 1234,,,,\r\n"
    "14,重点车辆,郑二,,,,,,,\r\n"
)


def _codes(report: ImportReport) -> dict[int, RejectCode]:
    return {row.line: row.reason_code for row in report.rejected}


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (CHINESE.encode("gbk"), "gbk"),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), "utf-8-sig"),
        (CHINESE.encode("utf-8"), "utf-8"),
        (CHINESE.replace(",", "\t").encode("utf-16"), "utf-16"),  # Excel "Unicode text"
    ],
)
def test_office_files_are_read_and_every_line_accounted_for(encoded: bytes, encoding: str) -> None:
    report = parse_watchlist_csv(encoded, today=TODAY, source="街道办.csv")
    assert report.ok and report.encoding == encoding
    assert report.ignored_columns == ("序号",)
    assert report.blank_lines == 1
    quarantine, plate, poem = report.accepted
    assert (quarantine.kind, quarantine.action) == (WatchlistKind.HOME_QUARANTINE, WatchlistAction.BLOCK)
    assert (quarantine.name, quarantine.id_number, quarantine.phone) == (
        "张伟",
        "11010519491231002X",
        "13912345678",
    )
    assert quarantine.valid_from == datetime(2026, 11, 20, tzinfo=CHINA_STANDARD_TIME)
    assert quarantine.valid_until == datetime(2026, 11, 28, tzinfo=CHINA_STANDARD_TIME)  # the whole 27th
    assert quarantine.reason == "密接" and quarantine.source == "街道办.csv"
    assert (plate.kind, plate.action, plate.plate) == (
        WatchlistKind.PLATE_OF_INTEREST,
        WatchlistAction.BLOCK,
        "沪B99999",
    )
    assert poem.reason == "说明里有逗号,还有换行\r\n第二行".replace(
        ",", "\t" if encoding == "utf-16" else ","
    )
    assert poem.valid_from == datetime(2026, 11, 22, 0, 30, tzinfo=UTC)
    assert _codes(report) == {
        4: RejectCode.BAD_ID_NUMBER,
        5: RejectCode.BAD_PHONE,
        7: RejectCode.UNKNOWN_KIND,
        8: RejectCode.NO_IDENTITY,
        9: RejectCode.DATES_REVERSED,
        10: RejectCode.DUPLICATE,
        13: RejectCode.BAD_DATE,
        14: RejectCode.UNKNOWN_ACTION,
        15: RejectCode.EXTRA_CELLS,
        16: RejectCode.BAD_PLATE,
        17: RejectCode.NO_PLATE,
    }
    assert report.data_lines == len(report.accepted) + len(report.rejected)
    bad_id = report.rejected[0]
    assert bad_id.raw.replace("\t", ",") == "3,重点人员,李四,110105194912310021,,,,,,"
    assert bad_id.detail == "bad_check_digit: 110105194912310021"
    assert report.rejected[5].detail == "line 2"


def test_english_headers_in_any_order_and_a_birth_date_in_the_future() -> None:
    text = (
        "Plate,Kind,ID Number,Valid From,Action\n"
        "粤B12345,plate,,2026-11-22T09:00:00+08:00,block\n"
        ",person,110105202612310025,,notify\n"
    )
    report = parse_watchlist_csv(text.encode(), today=TODAY)
    assert report.columns == ("plate", "kind", "id_number", "valid_from", "action")
    assert [e.plate for e in report.accepted] == ["粤B12345"]
    assert report.accepted[0].valid_from == datetime(2026, 11, 22, 1, tzinfo=UTC)
    assert [(r.line, r.reason_code, r.detail.split(":")[0]) for r in report.rejected] == [
        (3, RejectCode.BAD_ID_NUMBER, "birth_in_future")
    ]


def test_local_times_follow_the_given_timezone() -> None:
    text = "name,valid_from\n张伟,2026-11-22 08:00\n"
    report = parse_watchlist_csv(text.encode(), tz=timezone(timedelta(hours=0)))
    assert report.accepted[0].valid_from == datetime(2026, 11, 22, 8, tzinfo=UTC)


def test_the_same_file_twice_gives_the_same_entry_ids() -> None:
    first = parse_watchlist_csv(CHINESE.encode("gbk"), today=TODAY)
    again = parse_watchlist_csv(CHINESE.encode("utf-8"), today=TODAY)
    assert [e.id for e in first.accepted] == [e.id for e in again.accepted]
    assert len({e.id for e in first.accepted}) == len(first.accepted)


def test_imported_entries_find_the_people_they_name() -> None:
    report = parse_watchlist_csv(CHINESE.encode("gbk"), today=TODAY)
    hits = match(report.accepted, PersonCheck(phone="13912345678"), "沪B99999")
    assert {h.entry.kind for h in hits} == {WatchlistKind.HOME_QUARANTINE, WatchlistKind.PLATE_OF_INTEREST}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", FileError.EMPTY),
        (b" \r\n\r\n ", FileError.EMPTY),
        (codecs.BOM_UTF8, FileError.EMPTY),
        ("序号,备注,日期\n1,x,2026-11-22\n".encode("gbk"), FileError.MISSING_COLUMNS),
        (b"name,phone,mobile\nx,13912345678,13912345678\n", FileError.DUPLICATE_COLUMN),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FileError.BINARY),
        (b"name\n" + bytes(range(1, 9)) * 20, FileError.BINARY),
        (b"name\n\xff\xfe\xfd\x80\x80", FileError.UNKNOWN_ENCODING),
        (b'name\n"' + b"x" * 200_000 + b'"\n', FileError.MALFORMED),
    ],
)
def test_unreadable_files_import_nothing(data: bytes, error: FileError) -> None:
    report = parse_watchlist_csv(data)
    assert report.error is error
    assert not report.ok
    assert report.accepted == [] and report.rejected == []


def test_a_header_alone_is_an_empty_list_not_an_error() -> None:
    report = parse_watchlist_csv("姓名,身份证号\n".encode("gbk"))
    assert report.ok and report.accepted == [] and report.rejected == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    report = parse_watchlist_csv(data, today=TODAY)
    if report.error is not None:
        assert report.accepted == [] and report.rejected == []
    else:
        assert report.data_lines == len(report.accepted) + len(report.rejected)


_CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "张伟",
            "11010519491231002X",
            "110105194912310021",
            "13912345678",
            "12",
            "沪B99999",
            "京",
            "居家隔离",
            "重点车辆",
            "火星",
            "拦截",
            "2026-11-22",
            "2026-13-40",
            '"',
            "a,b",
            "\n",
            "\t",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=0, max_size=7), max_size=12))
def test_every_data_line_is_accepted_or_rejected(rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["类型", "姓名", "身份证号", "手机号", "车牌", "开始", "结束"])
    writer.writerows(rows)
    report = parse_watchlist_csv(out.getvalue().encode("utf-8"), today=TODAY)
    assert report.ok, report
    data_rows = [row for row in rows if any(cell.strip() for cell in row)]
    assert report.data_lines == len(data_rows)
    assert len(report.accepted) + len(report.rejected) == len(data_rows)
    lines = [r.line for r in report.rejected]
    assert lines == sorted(set(lines))
