"""Imports are bounded: workbooks are looked at before an XML parser runs, every import has a row cap,
a file in an encoding that only seems to be GBK is refused naming the likely one. Each bomb is a small
file made here."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from checkpoint.domain import office_text, residents_import, watchlist_import
from checkpoint.domain.residents_import import ResidentFileError, ResidentRejectCode, parse_residents
from checkpoint.domain.watchlist_import import FileError, parse_watchlist_csv
from tests.bounded import run_bounded

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(rows: list[str], *, shared: str = "", dimension: str = "") -> bytes:
    """A minimal XLSX whose one sheet (``住户``) holds ``rows`` (each the XML of a ``<row>``'s cells), with
    one shared string ``shared`` (cell ``<c t="s"><v>0</v></c>`` refers to it)."""
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
            '<sheet name="住户" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_DOC}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{_MAIN}" count="1" uniqueCount="1"><si><t>{shared or "-"}</t></si></sst>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            head = f'<dimension ref="{dimension}"/>' if dimension else ""
            sheet.write(f'<worksheet xmlns="{_MAIN}">{head}<sheetData>'.encode())
            for number, cells in enumerate(rows, start=1):
                sheet.write(f'<row r="{number}">{cells}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def text_cells(*texts: str) -> str:
    return "".join(f'<c t="inlineStr"><is><t>{text}</t></is></c>' for text in texts)


HEADER = text_cells("户号", "姓名", "身份证号")
SHARED_CELL = '<c t="s"><v>0</v></c>'


@pytest.fixture
def no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl must not be asked to open the workbook."""

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("openpyxl opened the workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


@pytest.mark.slow
def test_one_shared_string_referenced_everywhere_stays_in_bounded_memory(tmp_path: Path) -> None:
    # The attack: a 30,000-character shared string named by 200,000 cells: a few kB of zip that unpacked
    # into every row's text ran a residents import into MemoryError at 5 GB.
    bomb = workbook([HEADER] + [SHARED_CELL * 100] * 2_000, shared="户" * 30_000)
    assert len(bomb) < 64 * 1024
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb)

    result = run_bounded(
        f"""
        import json
        from pathlib import Path
        from checkpoint.domain.residents_import import parse_residents
        parsed = parse_residents(Path({str(path)!r}).read_bytes(), filename="bomb.xlsx")
        print(json.dumps({{
            "error": parsed.error, "rows": len(parsed.rows), "rejected": len(parsed.rejected),
            "codes": sorted({{r.reason_code.value for r in parsed.rejected}}),
            "longest_raw": max(len(r.raw) for r in parsed.rejected),
        }}))
        """,
        memory_mib=1024,
    )

    assert result == {
        "error": None,
        "rows": 0,
        "rejected": 2_000,
        "codes": [ResidentRejectCode.EXTRA_CELLS.value],
        "longest_raw": residents_import.MAX_RAW,
    }


def test_a_huge_declared_dimension_is_refused_before_parsing(no_parser: None) -> None:
    # The attack: a sheet of 100,000 rows by 2,000 columns (ran for over ten minutes).
    bomb = workbook([HEADER], dimension="A1:BXX100000")
    parsed = parse_residents(bomb, filename="bomb.xlsx")
    assert parsed.error is ResidentFileError.TOO_LARGE
    assert "dimension of 100000 rows by 2000 columns" in parsed.error_detail


def test_cells_are_counted_whatever_the_dimension_says(
    no_parser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office_text, "MAX_WORKBOOK_CELLS", 5_000)  # so the file stays small
    bomb = workbook([HEADER] + ["<c/>" * 100] * 60, dimension="A1:C1")  # 6,003 cells: it lies
    parsed = parse_residents(bomb, filename="bomb.xlsx")
    assert parsed.error is ResidentFileError.TOO_LARGE and "over 5000 cells" in parsed.error_detail


@pytest.mark.parametrize(
    ("limit", "part"),
    [("MAX_SHEET_UNPACKED", "xl/worksheets/sheet1.xml"), ("MAX_SHARED_STRINGS_UNPACKED", "sharedStrings")],
)
def test_parts_that_unpack_too_large_are_refused_before_parsing(
    no_parser: None, monkeypatch: pytest.MonkeyPatch, limit: str, part: str
) -> None:
    monkeypatch.setattr(office_text, limit, 100_000)  # so the file stays small
    bomb = workbook([HEADER] + [SHARED_CELL * 50] * 200, shared="x" * 150_000)
    parsed = parse_residents(bomb, filename="bomb.xlsx")
    assert parsed.error is ResidentFileError.TOO_LARGE
    assert part in parsed.error_detail and "bytes unpacked, over 100000" in parsed.error_detail


def test_an_ordinary_workbook_still_reads() -> None:
    good = workbook([HEADER, text_cells("3-2-501", "张三", "110105198001010016")])
    parsed = parse_residents(good, filename="ok.xlsx")
    assert parsed.ok and [row.member.name for row in parsed.rows] == ["张三"]


def test_the_watchlist_reader_has_a_row_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    # The attack: 51 MB of lines that are all rejected kept 6.4 million rejected rows (2 GB).
    monkeypatch.setattr(watchlist_import, "MAX_ROWS", 1_000)  # so the file stays small
    data = ("姓名,身份证号\n" + "x,1\n" * 1_500).encode()
    report = parse_watchlist_csv(data)
    assert report.error is FileError.TOO_MANY_ROWS and report.rejected == [] and report.accepted == []


def test_the_residents_reader_caps_blank_rows_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(residents_import, "MAX_LINES", 1_000)
    data = ("户号,姓名,身份证号\n" + ",,\n" * 1_500).encode()
    assert parse_residents(data, filename="r.csv").error is ResidentFileError.TOO_MANY_ROWS


JAPANESE = (
    "氏名,電話番号,住所\n山田太郎,09012345678,東京都新宿区西新宿\n"
    "さとう はなこ,08011112222,大阪府大阪市北区\n"
)


def test_a_shift_jis_file_is_refused_naming_the_likely_encoding() -> None:
    # The attack: a Shift-JIS file decodes as GBK without an error and was imported as nonsense.
    data = JAPANESE.encode("shift_jis")
    data.decode("gbk")  # it does decode
    report = parse_watchlist_csv(data)
    assert report.error is FileError.AMBIGUOUS_ENCODING and report.error_detail == "shift_jis"
    parsed = parse_residents(data, filename="r.csv")
    assert parsed.error is ResidentFileError.AMBIGUOUS_ENCODING and parsed.error_detail == "shift_jis"


def test_chinese_files_in_gbk_with_a_rare_character_still_read() -> None:
    data = "姓名,身份证号\n张三,110105198001010016\n李喆,\n王堃,\n欧阳娜娜,\n".encode("gbk")
    report = parse_watchlist_csv(data)
    assert report.ok and report.encoding == "gbk"
    few = "name,id number\n王喆,\n".encode("gbk")  # one rare character of two: too little to judge by
    assert parse_watchlist_csv(few).ok
