"""Files finreport cannot (fully) check are said so, in its own words and with a problem
code, never misread and never passed over: PDFs that are not PDFs, empty, truncated or
encrypted (``--password``), a missing pdf extra, UTF-16 text, control characters, a text
without line breaks, a report of which nothing could be read, one not identified."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import finreport
from finreport.batch import CheckOptions, audit_data, audit_file, control_characters, decode
from finreport.cli import main
from finreport.model.problems import NOTICES, PROBLEMS

from ..conftest import ROOT, corpus_dir, read_fixture
from ..texts import NOTHING_READ
from .encrypted_pdf import encrypted_pdf

SAMPLE = (ROOT / "examples" / "data" / "sample_report.txt").read_text(encoding="utf-8")
OPTIONS = CheckOptions()


def _problem(name: str, data: bytes, **options: object) -> tuple[str | None, str | None]:
    result = audit_data(name, data, CheckOptions(**options))  # type: ignore[arg-type]
    return result.problem_code, result.problem


# ---------------------------------------------------------------------------------------
# PDFs


pdfium = pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")


def _real_pdf() -> bytes:
    where = corpus_dir()
    if where is None:
        pytest.skip("no reference corpus (../shared/reference)")
    return (where / "real" / "budget-2017-jiangsu-party-office.pdf").read_bytes()


@pytest.mark.parametrize(("data", "said"), [
    (b"", "cannot read the PDF: the file is empty (0 bytes)"),
    (b"<!DOCTYPE html>\n<html><body>404 Not Found</body></html>",
     "cannot read the PDF: not a PDF but an HTML page"),
    (b"PK\x03\x04\x14\x00", "cannot read the PDF: not a PDF but a ZIP archive (or a "
                            ".docx/.xlsx document)"),
    (b"%PDF-1.7\n1 0 obj", "cannot read the PDF: the PDF is truncated (its end is missing) "
                           "and PDFium cannot repair it"),
])
def test_pdfs_that_are_not_readable_are_said_in_finreport_s_words(data: bytes,
                                                                 said: str) -> None:
    assert _problem("a.pdf", data) == ("pdf_unreadable", said)


def test_a_truncated_real_pdf() -> None:
    data = _real_pdf()
    code, said = _problem("a.pdf", data[: len(data) // 3])
    assert code == "pdf_unreadable"
    assert said is not None and "PDFium" not in said.split(":")[0]
    assert "Data format error" not in (said or "")


def test_an_encrypted_pdf_needs_its_password(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = encrypted_pdf("Hello 2026", "secret")
    assert _problem("a.pdf", data) == (
        "encrypted", "cannot read the PDF: the PDF is encrypted: give its password with "
                     "--password")
    assert _problem("a.pdf", data, password="wrong") == (
        "encrypted", "cannot read the PDF: the password given does not open the PDF")
    from finreport.pdf import extract_text

    assert extract_text(data, password="secret") == "Hello2026\n"
    # the pages read in other processes are opened with the password too
    pages = encrypted_pdf("Page 1", "secret", "Page 2", "Page 3", "Page 4")
    assert extract_text(pages, password="secret", jobs=2) == (
        "Page1\n\fPage2\n\fPage3\n\fPage4\n")
    # through the command line: with the password, the PDF is read (and found to be no report)
    (tmp_path / "locked.pdf").write_bytes(data)
    assert main(["check", str(tmp_path / "locked.pdf")]) == 2
    assert capsys.readouterr().err.endswith("give its password with --password [encrypted]\n")
    assert main(["check", str(tmp_path / "locked.pdf"), "--password", "secret"]) == 2
    assert capsys.readouterr().err.endswith("[not_a_report]\n")
    assert main(["show", str(tmp_path / "locked.pdf"), "--password", "wrong"]) == 2
    assert "does not open the PDF [encrypted]" in capsys.readouterr().err


def test_pdf_errors_carry_their_code() -> None:
    from finreport.pdf import PdfError, extract_text

    with pytest.raises(PdfError) as raised:
        extract_text(encrypted_pdf("x", "p"))
    assert raised.value.code == "encrypted" and isinstance(raised.value, finreport.ReportError)
    assert set(PROBLEMS) >= {"pdf_unreadable", "encrypted", "no_text_layer", "missing_extra"}


def test_a_missing_pdf_extra_is_not_a_rejected_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented ``except ReportError`` (a document rejected) must not swallow the
    missing extra: every PDF would be rejected as not a report."""
    from finreport.pdf import MissingExtraError, extract_text

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails as if not installed
    with pytest.raises(ImportError) as raised:
        extract_text(b"%PDF-1.7")
    assert isinstance(raised.value, MissingExtraError)
    assert not isinstance(raised.value, finreport.ReportError)
    assert "pip install 'finreport[pdf]'" in str(raised.value)
    result = audit_data("a.pdf", b"%PDF-1.7", OPTIONS)
    assert result.problem_code == "missing_extra"
    assert result.problem == ("cannot read the PDF: reading PDFs needs the pdf extra: "
                              "pip install 'finreport[pdf]'")


# ---------------------------------------------------------------------------------------
# Text encodings and characters


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_read_by_their_byte_order_mark(codec: str) -> None:
    """Word's "Unicode text" is UTF-16 with a byte-order mark."""
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    data = mark + SAMPLE.encode(codec)
    text, used = decode(data)
    assert text == SAMPLE and used in ("utf-16", "utf-32")
    result = audit_data("word.txt", data, OPTIONS)
    plain = audit_data("plain.txt", SAMPLE.encode(), OPTIONS)
    assert result.problem is None and result.encoding == used
    assert [loc.fingerprint for loc in result.findings] == [
        loc.fingerprint for loc in plain.findings]


def test_utf16_without_a_byte_order_mark_is_named_as_a_likely_cause() -> None:
    code, said = _problem("a.txt", SAMPLE.encode("utf-16-le"))
    assert code in ("undecodable", "control_characters")
    assert said is not None and said.endswith(
        "(it looks like UTF-16 without a byte-order mark: try --encoding utf-16-le)")
    ok = audit_data("a.txt", SAMPLE.encode("utf-16-le"), CheckOptions(encoding="utf-16-le"))
    assert ok.problem is None and ok.findings


def test_nul_characters_are_refused_not_misread() -> None:
    """NULs inside a report gave 15 errors that were not in it; now the file is refused
    with where the first one is."""
    lines = SAMPLE.split("\n")
    lines[35] = lines[35][:20] + "\x00" + lines[35][20:]
    text = "\n".join(lines)
    code, said = _problem("a.txt", text.encode())
    assert code == "control_characters"
    assert said == ("cannot read: the text holds 1 control character (U+0000 ×1; the first "
                    "at 36:21)")
    assert control_characters(SAMPLE) is None
    assert control_characters(SAMPLE + "\x1a") is None  # a DOS end-of-file mark is fine
    result = audit_data("dos.txt", (SAMPLE + "\x1a").encode(), OPTIONS)
    assert result.problem is None and result.findings


def test_a_text_without_line_breaks_says_why_it_is_not_read(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             ) -> None:
    (tmp_path / "scraped.txt").write_text(SAMPLE.replace("\n", ""), encoding="utf-8")
    assert main(["check", str(tmp_path / "scraped.txt")]) == 2
    said = capsys.readouterr().err
    assert "the text has no line breaks" in said and "[not_a_report]" in said
    html = "<!DOCTYPE html><html><head></head><body><div><p>" + SAMPLE + "</p></div></body>"
    code, why = _problem("page.txt", html.replace("\n", "<br>").encode())
    assert code == "not_a_report" and why is not None
    assert why.endswith("the text is an HTML page's markup: give finreport its text")


# ---------------------------------------------------------------------------------------
# Reports of which nothing was read, reports not identified


def test_a_report_of_which_nothing_was_read_is_a_problem(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         ) -> None:
    (tmp_path / "blank.txt").write_text(NOTHING_READ, encoding="utf-8")
    (tmp_path / "good.txt").write_text(read_fixture("seedstyle_consistent.txt"),
                                       encoding="utf-8")
    result = audit_file(str(tmp_path / "blank.txt"), OPTIONS)
    assert result.problem_code == "nothing_read" and result.figures == 0
    assert result.readable and result.findings  # checked: its template residue is found
    assert main(["check", str(tmp_path), "-j", "1"]) == 2  # not a quiet 0
    captured = capsys.readouterr()
    assert captured.err.endswith("[nothing_read]\n")
    assert "; 1 report read nothing (nothing_read)" in captured.out.splitlines()[-1]
    assert f"{tmp_path / 'blank.txt'}: " in captured.out
    assert PROBLEMS["nothing_read"].checked


def test_notices_say_what_was_not_identified() -> None:
    result = audit_data("x.txt", SAMPLE.encode(), OPTIONS)
    assert result.notices == ()  # the title of its second part says 决算
    untitled = SAMPLE.replace("2021年度部门决算", "2021年度")
    assert audit_data("x.txt", untitled.encode(), OPTIONS).notices == (
        "kind_unknown", "fiscal_year_unknown")
    import attrs

    from finreport.output.coverage import notices

    budget = read_fixture("budget_jiangsu_flawed.txt")
    read = finreport.parse(budget)
    assert notices(read, budget) == ()
    misread = attrs.evolve(read, kind=finreport.ReportKind.FINAL_ACCOUNTS)
    assert notices(misread, budget) == ("kind_contradicted",)
    assert set(NOTICES) == {"kind_unknown", "kind_contradicted", "organization_unknown",
                            "fiscal_year_unknown", "little_read"}


def test_a_budget_whose_title_is_wrapped_is_read_as_a_budget() -> None:
    """Real 2026 budgets whose title is written over lines (c063: ``2026年度``, the unit's
    name and ``单位预算`` on lines of their own) were checked as final accounts; the title is
    now read however it is wrapped, and no notice says otherwise."""
    where = corpus_dir()
    corpus = None if where is None else where.parent / "corpus" / "c063.pdf"
    if corpus is None or not corpus.is_file():
        pytest.skip("the field corpus (../shared/corpus) is not beside the project")
    result = audit_file(str(corpus), OPTIONS)
    assert result.kind == "unit_budget" and "kind_contradicted" not in result.notices


def test_a_report_whose_title_names_no_kind_takes_it_from_its_parts() -> None:
    text = NOTHING_READ.replace("2026年度某某局部门预算\n", "")
    assert "2026年度部门预算情况说明" in text
    assert finreport.parse(text).kind is finreport.ReportKind.BUDGET


def test_every_output_carries_problem_codes_and_notices(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    (tmp_path / "blank.txt").write_text(NOTHING_READ, encoding="utf-8")
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert main(["check", str(tmp_path), "--format", "json"]) == 2
    files = {Path(f["path"]).name: f for f in json.loads(capsys.readouterr().out)["files"]}
    assert files["blank.txt"]["problem_code"] == "nothing_read"
    assert files["empty.pdf"]["problem_code"] == "pdf_unreadable"
    assert main(["check", str(tmp_path), "--format", "jsonl"]) == 2
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(Path(r["path"]).name, r["problem_code"]) for r in records
            if r["record"] == "file"} == {("blank.txt", "nothing_read"),
                                          ("empty.pdf", "pdf_unreadable")}
    assert main(["check", str(tmp_path), "--format", "github"]) == 2
    out = capsys.readouterr().out
    assert "title=finreport%3A nothing_read::" in out
    assert "title=finreport%3A pdf_unreadable::" in out
