"""PDF in (the ``pdf`` extra): text laid out line by line, reports read from it, clear
errors for what is not a readable PDF."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import finreport
from finreport.pdf import extract_text, layout_page
from tests.conftest import corpus_dir

_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")

pdfium = pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")


def _blank_pdf() -> bytes:
    """A one-page PDF without any text: what a scan looks like to a text reader."""
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    import io

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_layout_of_characters() -> None:
    # two lines; on the second, a wide gap between a label and its cell
    chars = [("收", 10, 700, 20, 712), ("入", 21, 700, 31, 712),
             ("合", 10, 680, 20, 692), ("计", 21, 680, 31, 692),
             ("1", 120, 680, 126, 692), ("0", 126, 680, 132, 692)]
    assert layout_page(chars) == "收入\n合计" + " " * 15 + "10\n"
    assert layout_page([]) == ""


def test_not_a_pdf() -> None:
    with pytest.raises(finreport.ReportError, match="not a readable PDF"):
        extract_text(b"%PDF-1.4 broken")


def test_scanned_pdf_has_no_text_layer() -> None:
    with pytest.raises(finreport.ReportError, match="no text layer"):
        extract_text(_blank_pdf())


def test_cli_reads_pdf_and_names_a_scanned_one(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(_blank_pdf())
    (tmp_path / "report.txt").write_text(
        Path("examples/data/sample_report.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "finreport", "check", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2  # a file could not be read; the other was checked
    assert "scan.pdf" in result.stderr and "no text layer" in result.stderr
    assert "report.txt" in result.stdout


REAL = {
    "real/budget-2017-jiangsu-party-office.pdf": ("budget", "江苏省委办公厅", 2017),
    "real/budget-2018-jiangsu-high-court.pdf": ("budget", "江苏省高级人民法院", 2018),
    "real/final-2023-southwest-university.pdf": (
        "university_final_accounts", "西南大学", 2023),
    "sample-shanghai-2024-putuo-finance-bureau.pdf": (
        "final_accounts", "上海市普陀区财政局", 2024),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_pdf_is_read(name: str) -> None:
    where = corpus_dir()
    if where is None or not (where / name).is_file():
        pytest.skip(f"reference PDF {name} not found")
    text = extract_text((where / name).read_bytes())
    report = finreport.parse(text)
    kind, organization, year = REAL[name]
    assert report.kind.value == kind
    assert report.organization is not None and report.organization.text == organization
    assert report.fiscal_year is not None and report.fiscal_year.value == year
    for figure in report.figures():  # every figure points at itself in the extracted text
        written = "".join(text[figure.span.start:figure.span.end].split()).replace(",", "")
        assert written.translate(_HALF).startswith(str(figure.value)), (written, figure)


def test_real_pdf_finds_the_same_problem_as_its_text() -> None:
    where = corpus_dir()
    name = "real/budget-2017-jiangsu-party-office"
    if where is None or not (where / f"{name}.pdf").is_file():
        pytest.skip("reference PDF not found")
    text = extract_text((where / f"{name}.pdf").read_bytes())
    errors = [f for f in finreport.check(finreport.parse(text))
              if f.severity is finreport.Severity.ERROR]
    # PROBLEMS.md #1: 101.48 ÷ (6106.99 − 101.48) = 1.69%, not 1.66%
    assert [(f.code, text[f.spans[0].start:f.spans[0].end]) for f in errors] == [
        ("FR301", "1.66%")]


#: Errors and warnings of real reports read from their PDFs: the same problems as their
#: texts give (tests/test_real_reports.py), each a PROBLEMS.md item.
PDF_FINDINGS = {
    "real/budget-2017-jiangsu-cppcc-office.pdf": [],
    "real/final-2023-southwest-university.pdf": [],
    # #1 5.95% (should be 6.10%); #2, #3 growth rates of 100% from a zero base
    "real/budget-2018-jiangsu-high-court.pdf": [("FR301", "5.95%"), ("FR301", "100%"),
                                                ("FR301", "100%")],
    # #1 使用非财政拨款结余 18,953.73 against 18,953.78; #2 the chart's unfilled [值]
    "real/budget-2021-southwest-university.pdf": [("FR501", "18,953.73万元"),
                                                  ("FR901", "[值]")],
}


@pytest.mark.parametrize("name", sorted(PDF_FINDINGS))
def test_real_pdf_gives_the_problems_of_its_text(name: str) -> None:
    where = corpus_dir()
    if where is None or not (where / name).is_file():
        pytest.skip(f"reference PDF {name} not found")
    text = extract_text((where / name).read_bytes())
    found = [(f.code, text[f.spans[0].start:f.spans[0].end].replace(" ", "").replace("\n", ""))
             for f in finreport.check(finreport.parse(text))
             if f.severity.value in ("error", "warning")]
    assert found == PDF_FINDINGS[name]
