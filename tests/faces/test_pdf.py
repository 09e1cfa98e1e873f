"""PDF in (the ``pdf`` extra): text laid out line by line, reports read from it, clear
errors for what is not a readable PDF."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
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
    with pytest.raises(finreport.ReportError, match="the PDF is truncated"):
        extract_text(b"%PDF-1.4 broken")


def test_what_is_not_bytes_is_a_report_error(tmp_path: Path) -> None:
    # a path is not read as a file (pypdfium2 would open it), None and numbers are refused
    (tmp_path / "report.pdf").write_bytes(_text_pdf(_WRITTEN))
    for given, kind in ((str(tmp_path / "report.pdf"), "str"), (tmp_path / "report.pdf",
                        "PosixPath" if sys.platform != "win32" else "WindowsPath"),
                        (None, "NoneType"), (123, "int")):
        with pytest.raises(finreport.ReportError,
                           match=f"^extract_text reads a PDF's bytes, not {kind}$"):
            extract_text(given)  # type: ignore[arg-type]
    data = _text_pdf(_WRITTEN)
    assert extract_text(bytearray(data)) == extract_text(memoryview(data)) == extract_text(data)


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
#: texts give (tests/read/test_real_reports.py), each a PROBLEMS.md item.
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


def _text_pdf(*pages: list[tuple[str, float, float]]) -> bytes:
    """A PDF of a page per argument, writing each ``(text, x, y)`` of it in Helvetica
    (PDFium's standard font, so no font file is needed): a text layer built here, not
    taken from a report."""
    import ctypes
    import io

    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument.new()
    for lines in pages:
        page = document.new_page(595, 842)
        for text, x, y in lines:
            item = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica",
                                                   ctypes.c_float(12))
            wide = (text + "\0").encode("utf-16-le")
            buffer = ctypes.create_string_buffer(wide, len(wide))
            pdfium_c.FPDFText_SetText(item,
                                      ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
            pdfium_c.FPDFPageObj_Transform(item, 1, 0, 0, 1, x, y)
            pdfium_c.FPDFPage_InsertObject(page.raw, item)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _characters_through_the_helpers(data: bytes) -> list[list[tuple[str, float, float, float,
                                                                    float]]]:
    """Each page's characters as pypdfium2's helpers give them one by one: what
    :func:`finreport.pdf._characters` gives by asking PDFium's raw functions."""
    document = pdfium.PdfDocument(data)
    pages = []
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            ch = textpage.get_text_range(i, 1)
            if not ch or ch.isspace():
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            if top <= 0 or bottom >= height or right <= 0 or left >= width:
                continue
            chars.append((ch, left, bottom, right, top))
        pages.append(chars)
    return pages


def _characters_read(data: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """Each page's characters as :func:`finreport.pdf._characters` gives them (as
    columns), one tuple a character."""
    from finreport.pdf import _characters

    document = pdfium.PdfDocument(data)
    pages = []
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        textpage = page.get_textpage()  # held: closed when collected
        texts, lefts, bottoms, rights, tops = _characters(textpage.raw, width, height)
        assert len(texts) == len(lefts) == len(bottoms) == len(rights) == len(tops)
        pages.append(list(zip(texts, lefts, bottoms, rights, tops, strict=True)))
    return pages


_WRITTEN = [("Total 1,234.56 and 7.8%", 50, 700), ("Basic 12.50", 50, 680),
            ("Project 3.00", 300, 680), ("off the page", 50, 900)]


def test_characters_are_what_the_helpers_give() -> None:
    data = _text_pdf(_WRITTEN)
    read = _characters_read(data)
    assert read == _characters_through_the_helpers(data)
    assert "".join(ch for ch, *_ in read[0]) == "Total1,234.56and7.8%Basic12.50Project3.00"


def test_characters_of_every_reference_pdf_are_what_the_helpers_give() -> None:
    where = corpus_dir()
    if where is None:
        pytest.skip("no reference corpus")
    pdfs = sorted(where.rglob("*.pdf"))
    assert pdfs
    for path in pdfs:
        data = path.read_bytes()
        assert _characters_read(data) == _characters_through_the_helpers(data), path.name


def test_characters_one_by_one_when_the_page_text_does_not_line_up(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from finreport import pdf

    data = _text_pdf(_WRITTEN)
    whole = extract_text(data)
    # each character's place in the page's text asked for
    monkeypatch.setattr(pdf, "_page_text", lambda *args: None)
    assert extract_text(data) == whole
    assert _characters_read(data) == _characters_through_the_helpers(data)
    # and each character's text asked for on its own
    monkeypatch.setattr(pdf, "_first_place", lambda *args: None)
    assert extract_text(data) == whole
    assert _characters_read(data) == _characters_through_the_helpers(data)


def test_a_page_pdfium_cannot_read_is_a_report_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from finreport import pdf

    def broken(*args: object) -> list[object]:
        raise pdfium.PdfiumError("Failed to get charbox.")

    monkeypatch.setattr(pdf, "_characters", broken)
    with pytest.raises(finreport.ReportError,
                       match=r"cannot read page 1 of the PDF: Failed to get charbox"):
        extract_text(_text_pdf(_WRITTEN))


# ---------------------------------------------------------------------------------------
# Pages read in processes (extract_text(data, jobs=N))

#: Nine pages, each naming itself, the fifth without text.
_PAGES = [[(f"Page {n}", 50, 800), (f"Total {n}234.56", 50, 700), ("12.50", 300, 700)]
          if n != 5 else [] for n in range(1, 10)]


def _needs_fork() -> None:
    """Skip unless processes are started by forking: the patches of a test reach the
    processes reading pages only then."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs the fork start method (the test's patches must reach the "
                    "processes reading pages)")


def test_pages_in_processes_give_the_same_text() -> None:
    data = _text_pdf(*_PAGES)
    text = extract_text(data)
    pages = text.split("\f")
    assert len(pages) == 9
    assert pages[:2] == ["Page1\nTotal1234.56" + " " * 42 + "12.50\n",
                         "Page2\nTotal2234.56" + " " * 42 + "12.50\n"]
    assert pages[4] == ""
    for jobs in (2, 3, 9, 50):
        assert extract_text(data, jobs=jobs) == text


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True, "2", None])
def test_jobs_must_be_a_whole_number_of_at_least_one(jobs: object) -> None:
    with pytest.raises(finreport.ReportError,
                       match=f"^jobs must be a whole number of at least 1, not {jobs!r}$"):
        extract_text(_text_pdf(_WRITTEN), jobs=jobs)  # type: ignore[arg-type]


def test_a_scan_read_in_processes_has_no_text_layer() -> None:
    with pytest.raises(finreport.ReportError, match="no text layer"):
        extract_text(_text_pdf([], [], []), jobs=2)


def test_the_first_page_pdfium_cannot_read_is_named_whoever_reads_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from finreport import pdf

    _needs_fork()
    read_page = pdf._read_page

    def failing(document: object, index: int) -> tuple[str, int]:
        if index in (3, 6):
            raise pdfium.PdfiumError("Failed to load page.")
        return read_page(document, index)

    monkeypatch.setattr(pdf, "_read_page", failing)
    data = _text_pdf(*_PAGES)
    for jobs in (1, 2, 3, 4):
        with pytest.raises(finreport.ReportError,
                           match=r"^cannot read page 4 of the PDF: Failed to load page\.$"):
            extract_text(data, jobs=jobs)


def test_a_process_that_dies_is_a_report_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from finreport import pdf

    _needs_fork()

    def dying(data_in: object, password: object, count: int, next_page: object,
              pages_out: object) -> None:
        with next_page.get_lock():  # type: ignore[attr-defined]
            next_page.value += 1  # type: ignore[attr-defined]  # a page taken, never sent
        os._exit(1)

    monkeypatch.setattr(pdf, "_take_pages_and_send", dying)
    monkeypatch.setattr(pdf, "_take_pages", _after_the_other_took_a_page(pdf._take_pages))
    with pytest.raises(finreport.ReportError,
                       match=r"^cannot read the PDF: a process reading its pages stopped "
                             r"without an answer$"):
        extract_text(_text_pdf(*_PAGES), jobs=2)


def _after_the_other_took_a_page(take_pages: Callable[..., object]) -> Callable[..., object]:
    """*take_pages* (``pdf._take_pages``) that first waits until another process has
    taken a page: what that process does is then part of the result, however late it
    starts."""
    import time

    def after_the_other(document: object, count: int, next_page: object) -> object:
        deadline = time.monotonic() + 120
        while next_page.value == 0:  # type: ignore[attr-defined]
            assert time.monotonic() < deadline, "the other process took no page"
            time.sleep(0.01)
        return take_pages(document, count, next_page)

    return after_the_other


def test_a_daemonic_process_reads_the_pages_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    from types import SimpleNamespace

    from finreport import pdf

    data = _text_pdf(*_PAGES)
    text = extract_text(data)

    def no_process(*args: object) -> None:
        raise AssertionError("a process was started")

    monkeypatch.setattr(multiprocessing, "current_process",
                        lambda: SimpleNamespace(daemon=True))
    monkeypatch.setattr(pdf, "_take_pages", no_process)
    assert extract_text(data, jobs=4) == text


def test_the_command_line_reads_a_lone_pdf_in_its_jobs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from finreport import batch, pdf

    (tmp_path / "a.pdf").write_bytes(_text_pdf(*_PAGES))
    (tmp_path / "b.pdf").write_bytes(_text_pdf(*_PAGES))
    asked: list[int] = []
    extract = pdf.extract_text

    def recording(data: bytes, *, password: str | None = None, jobs: int = 1) -> str:
        asked.append(jobs)
        return extract(data, password=password, jobs=jobs)

    monkeypatch.setattr(pdf, "extract_text", recording)
    one = [str(tmp_path / "a.pdf")]
    # one file: its pages in the jobs; several (or --jobs 1): a file a process
    assert [r.problem for r in batch.run(one, batch.CheckOptions(), 3)] == [
        r.problem for r in batch.run(one, batch.CheckOptions(), 1)]
    assert asked == [3, 1]
    asked.clear()
    both = [*one, str(tmp_path / "b.pdf")]
    assert len(list(batch.run(both, batch.CheckOptions(), 1))) == 2
    assert asked == [1, 1]


def test_the_command_line_gives_the_same_findings_reading_pages_in_processes() -> None:
    where = corpus_dir()
    name = "sample-shanghai-2024-putuo-finance-bureau.pdf"
    if where is None or not (where / name).is_file():
        pytest.skip(f"reference PDF {name} not found")
    outputs = [subprocess.run([sys.executable, "-m", "finreport", "check", "--format", "json",
                               "--jobs", jobs, str(where / name)],
                              capture_output=True, text=True, check=False)
               for jobs in ("1", "2")]
    assert outputs[0].returncode == outputs[1].returncode == 1  # findings
    assert outputs[0].stdout == outputs[1].stdout
    assert '"code": "FR' in outputs[0].stdout


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_pages_in_processes_started_afresh(method: str, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    # a process started by spawn or forkserver imports finreport and gets the PDF sent;
    # this one waits until that process has taken the first page, so that it reads some
    import multiprocessing

    from finreport import pdf

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    data = _text_pdf(*_PAGES)
    text = extract_text(data)
    context = multiprocessing.get_context(method)
    monkeypatch.setattr(multiprocessing, "get_context", lambda: context)
    monkeypatch.setattr(pdf, "_take_pages", _after_the_other_took_a_page(pdf._take_pages))
    assert extract_text(data, jobs=2) == text
