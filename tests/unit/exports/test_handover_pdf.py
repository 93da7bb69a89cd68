"""The PDF the two shift leaders sign: rendered, read back with poppler, Chinese text intact."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from checkpoint.domain.handover import HandoverReport, build_handover
from checkpoint.domain.records import Outcome
from checkpoint.exports import ExportError, ExportErrorKind, pdf
from checkpoint.exports import fonts as pdf_fonts
from checkpoint.exports.pdf import write_handover_pdf
from tests.unit.exports.exports_fixtures import EN_LABELS, GATE, OPERATOR_NAMES, ZH_LABELS, demo_shift

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdffonts", "pdfinfo")),
    reason="poppler-utils missing (scripts/system-deps test installs it)",
)


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def text_of(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = []
    if first is not None:
        pages += ["-f", str(first)]
    if last is not None:
        pages += ["-l", str(last)]
    return run("pdftotext", "-layout", *pages, str(path), "-")


def page_count(path: Path) -> int:
    for line in run("pdfinfo", str(path)).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")


def ink_ratio(path: Path, tmp_path: Path) -> float:
    """Share of non-white pixels on page 1 at 50 dpi (a grey PGM, read without any image library)."""
    stem = tmp_path / "page"
    run("pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-gray", str(path), str(stem))
    (image,) = tmp_path.glob("page*.pgm")
    data = image.read_bytes()
    fields: list[bytes] = []
    offset = 0
    while len(fields) < 4:  # magic, width, height, maxval (no comments in poppler's output)
        while data[offset : offset + 1].isspace():
            offset += 1
        end = offset
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[offset:end])
        offset = end
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    pixels = data[offset + 1 : offset + 1 + width * height]
    assert len(pixels) == width * height
    return sum(1 for value in pixels if value < 200) / len(pixels)


@pytest.fixture
def masked() -> HandoverReport:
    return demo_shift(mask_names=True)


@pytest.fixture
def written(masked: HandoverReport, tmp_path: Path) -> Path:
    path = tmp_path / "交接班.pdf"
    write_handover_pdf(masked, path, ZH_LABELS, operator_names=OPERATOR_NAMES)
    return path


def test_first_page_is_drawn_not_blank(written: Path, tmp_path: Path) -> None:
    ratio = ink_ratio(written, tmp_path)
    # Tables, a bar chart and text: clearly some ink, but far from a black page.
    assert 0.02 < ratio < 0.6


def test_chinese_title_gate_counts_and_staff_extract(masked: HandoverReport, written: Path) -> None:
    first = text_of(written, 1, 1)
    assert "交接班记录" in first
    assert GATE.name in first
    assert "值班人员" in first and "周建国" in first and "刘洋" in first
    assert "各时段通行量" in first
    assert "交班带班领导（签字）" in first and "接班带班领导（签字）" in first
    summary_line = next(line for line in first.splitlines() if line.strip().startswith("通行 "))
    assert str(masked.summary.passages) in summary_line.split()


def test_masked_names_and_plates_of_the_lists_extract(masked: HandoverReport, written: Path) -> None:
    text = text_of(written)
    turned_back = [r for r in masked.anomalies if r.outcome is Outcome.TURN_BACK]
    held = [r for r in masked.anomalies if r.outcome is Outcome.HOLD]
    assert turned_back and held
    for row in (turned_back[0], held[-1]):
        assert row.plate in text
        name = next(n for n in row.names if n)
        assert "*" in name  # masked: 张*三
        assert name in text
    assert f"劝返名单 ({len(turned_back)})" in text
    assert f"留观移交名单 ({len(held)})" in text


def test_every_anomaly_is_listed_once_and_normal_passages_are_not(
    masked: HandoverReport, written: Path
) -> None:
    text = text_of(written)
    numbers = [token for line in text.splitlines() for token in line.split()[:1] if token.isdigit()]
    listed = [int(n) for n in numbers if 1000 <= int(n) < 1000 + len(masked.rows) + 10]
    assert sorted(listed) == sorted(r.seq for r in masked.anomalies)


def test_footer_numbers_pages_and_headers_repeat(masked: HandoverReport, written: Path) -> None:
    pages = page_count(written)
    assert pages >= 3
    for number in (2, pages):
        page = text_of(written, number, number)
        assert f"第 {number} 页，共 {pages} 页" in page
        assert GATE.name in page and "2026-11-22 08:00-16:00" in page
    # A list that runs over a page break repeats its header row on the next page.
    assert "序号" in text_of(written, 3, 3)


def test_font_is_embedded_when_a_truetype_cjk_font_exists(written: Path) -> None:
    font = pdf_fonts.pdf_font()
    if not font.embedded:
        pytest.skip("no TrueType CJK font on this system (scripts/system-deps installs one)")
    listing = run("pdffonts", str(written)).splitlines()[2:]
    cjk = [line for line in listing if "TrueType" in line]
    assert cjk, listing
    assert all(line.split()[-5] == "yes" for line in cjk)  # the "emb" column
    keywords = run("pdfinfo", str(written))
    assert "embedded subset" in keywords


@pytest.fixture
def no_truetype_font(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(pdf_fonts, "KNOWN_FONT_FILES", ())
    monkeypatch.setattr(pdf_fonts, "_fontconfig_files", lambda: [])
    monkeypatch.delenv(pdf_fonts.FONT_ENV, raising=False)
    pdf_fonts.reset_font_choice()
    yield
    pdf_fonts.reset_font_choice()


@pytest.mark.skipif(
    not Path("/usr/share/poppler/cMap/Adobe-GB1").is_dir(),
    reason="poppler-data missing: poppler cannot read the built-in Chinese CID font without it",
)
@pytest.mark.expected_log  # the font fallback is a warning
@pytest.mark.usefixtures("no_truetype_font")
def test_without_a_truetype_font_the_builtin_cid_font_still_prints_chinese(
    masked: HandoverReport, tmp_path: Path
) -> None:
    path = tmp_path / "fallback.pdf"
    write_handover_pdf(masked, path, ZH_LABELS, operator_names=OPERATOR_NAMES)
    assert pdf_fonts.pdf_font().name == pdf_fonts.FALLBACK_CID_FONT
    assert "STSong-Light" in run("pdffonts", str(path))
    assert "not embedded" in run("pdfinfo", str(path))
    assert "交接班记录" in text_of(path, 1, 1)


def test_a_font_named_in_the_environment_is_used_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"garbage")
    monkeypatch.setenv(pdf_fonts.FONT_ENV, str(bogus))
    pdf_fonts.reset_font_choice()
    try:
        font = pdf_fonts.pdf_font()  # the bogus file is skipped, not a crash
        assert font.path != bogus
    finally:
        pdf_fonts.reset_font_choice()


def test_english_labels_and_empty_lists(tmp_path: Path) -> None:
    start = demo_shift().window_start
    report = build_handover(
        [],
        gate=GATE,
        window_start=start,
        window_end=start + timedelta(hours=8),
        shift=None,
        generated_at=start + timedelta(hours=9),
    )
    path = tmp_path / "empty.pdf"
    write_handover_pdf(report, path, EN_LABELS)
    text = text_of(path)
    assert "Shift handover" in text and "By time window" in text
    assert "Turned back (0)" in text and "Handed over (held) (0)" in text
    assert text.count("None") >= 3


def test_long_lists_are_cut_with_a_pointer_to_the_xlsx(
    masked: HandoverReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_LIST_ROWS", 5)
    turned_back = sum(1 for r in masked.anomalies if r.outcome is Outcome.TURN_BACK)
    path = tmp_path / "cut.pdf"
    write_handover_pdf(masked, path, ZH_LABELS)
    text = text_of(path)
    assert f"另有 {turned_back - 5} 行，见 XLSX 文件" in text


def test_a_long_cell_wraps_inside_its_column_and_markup_prints_as_typed(
    masked: HandoverReport, tmp_path: Path
) -> None:
    """Short cells are drawn as plain text and long ones wrap: both must print every character, the
    long one on several lines within its column, and text like <b> exactly as it was typed."""
    first = masked.anomalies[0]
    long_route = "湖北省武汉市江汉区解放大道一千零八十八号物流园区"
    rows = [
        dataclasses.replace(first, plate="<b>A&1", origin=long_route, destination="北京市"),
        *masked.anomalies[1:],
    ]
    report = dataclasses.replace(masked, anomalies=tuple(rows))
    path = tmp_path / "wrap.pdf"
    write_handover_pdf(report, path, ZH_LABELS)
    text = text_of(path)
    assert "<b>A&1" in text
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if "湖北省" in line)
    # wrapped onto the following lines of its cell: every character, in order, none past the edge
    assert "物流园区" not in lines[start]
    rest = iter("".join(lines[start : start + 8]))
    assert all(char in rest for char in long_route)


def test_missing_folder_is_an_export_error_and_leaves_nothing(masked: HandoverReport, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "h.pdf"
    with pytest.raises(ExportError) as caught:
        write_handover_pdf(masked, target, ZH_LABELS)
    assert caught.value.kind is ExportErrorKind.FOLDER_MISSING
    assert not target.parent.exists()


def test_existing_file_is_replaced_whole(masked: HandoverReport, tmp_path: Path) -> None:
    path = tmp_path / "h.pdf"
    path.write_bytes(b"old content")
    write_handover_pdf(masked, path, dataclasses.replace(ZH_LABELS, title="交接班记录（夜班）"))
    assert path.read_bytes().startswith(b"%PDF-")
    assert "交接班记录（夜班）" in text_of(path, 1, 1)
    assert [p.name for p in tmp_path.iterdir()] == ["h.pdf"]
