"""The workbook opens in LibreOffice and prints Chinese: convert to PDF headless and read the text back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from checkpoint.domain.handover import HandoverReport
from checkpoint.exports import write_handover_xlsx
from tests.unit.exports.exports_fixtures import ZH_LABELS

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(
    OFFICE is None or shutil.which("pdftotext") is None, reason="LibreOffice/pdftotext missing"
)
def test_libreoffice_prints_the_chinese_title_a_name_and_a_plate(
    report: HandoverReport, tmp_path: Path
) -> None:
    workbook = tmp_path / "handover.xlsx"
    write_handover_xlsx(report, workbook, ZH_LABELS)
    profile = tmp_path / "lo-profile"  # a fresh profile per run: parallel runs must not share one
    out = tmp_path / "pdf"
    subprocess.run(
        [
            str(OFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = out / "handover.pdf"
    assert pdf.is_file()
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    compact = "".join(text.split())  # PDF text may break lines and spaces anywhere
    assert "交接班记录" in compact
    row = next(r for r in report.rows if r.names and len(r.names[0]) == 3)
    assert row.names[0] in compact
    assert row.plate in compact
    assert "交班带班领导（签字）" in compact
