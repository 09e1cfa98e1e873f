"""A finding's fingerprint: the same while the finding is (lines inserted above it, other
line ends, the PDF extracted again by another extractor), never shared by two findings of
one report."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import finreport
from finreport import Evidence, Finding, Severity, Span
from finreport.output.fingerprint import (
    fingerprint,
    fingerprint_parts,
    fingerprints,
    outline_address,
)
from finreport.text.view import fold

from ..conftest import ROOT, corpus_dir, read_fixture

SAMPLE = (ROOT / "examples" / "data" / "sample_report.txt").read_text(encoding="utf-8")
FLAWED = {name: read_fixture(name) for name in ("seedstyle_flawed.txt",
                                                "budget_jiangsu_flawed.txt")}
FLAWED["sample_report.txt"] = SAMPLE

#: Words of an ordinary sentence: no digit, no numbering, no year, no direction word.
FILLER = "本单位认真落实各项工作要求加强管理提高效率推进完善制度服务质量"


def marks(text: str) -> list[str]:
    report = finreport.parse(text)
    return fingerprints(finreport.check(report), report, text)


def _paragraph_ends(lines: list[str]) -> list[int]:
    """Where a line of its own can go without splitting a sentence or a table: after a
    finished sentence that is not a table cell, before a line that is not one either."""
    return [i for i in range(1, len(lines) + 1)
            if lines[i - 1].rstrip().endswith("。") and not lines[i - 1].startswith("\t")
            and (i == len(lines) or not lines[i].startswith("\t"))]


@pytest.mark.parametrize("name", sorted(FLAWED))
@given(data=st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_unrelated_lines_inserted_above_keep_every_fingerprint(name: str,
                                                                data: st.DataObject) -> None:
    text = FLAWED[name]
    lines = text.split("\n")
    at = data.draw(st.sampled_from(_paragraph_ends(lines)), label="after line")
    inserted = data.draw(st.lists(st.text(FILLER, min_size=2, max_size=40).map(
        lambda words: words + "。"), min_size=1, max_size=3), label="lines")
    edited = "\n".join([*lines[:at], *inserted, *lines[at:]])
    before, after = marks(text), marks(edited)
    assert before  # the report has findings
    assert sorted(after) == sorted(before)
    moved = [f for f in finreport.check(finreport.parse(edited))
             if f.span.start > len("\n".join(lines[:at]))]
    assert all(f.span.line_col(edited)[0] > at for f in moved)  # their lines did change


@pytest.mark.parametrize("name", sorted(FLAWED))
def test_other_line_ends_keep_every_fingerprint(name: str) -> None:
    text = FLAWED[name]
    assert marks(text.replace("\n", "\r\n")) == marks(text)


_FIGURE_TEXT = st.sampled_from(["38.98万元", "7.34万元", "5.77%", "0个", "1个", "增加"])


@st.composite
def _findings(draw: st.DrawFn) -> Finding:
    """A finding over the sample's text, drawn from few choices: many come out alike."""
    spans = draw(st.lists(st.sampled_from([Span(1403, 1410), Span(1893, 1899), Span(510, 512),
                                           Span(519, 521), Span(4000, 4005)]),
                          min_size=1, max_size=3))
    stated = draw(st.sampled_from([None, Decimal("38.98"), Decimal("0")]))
    return Finding(draw(st.sampled_from(["FR101", "FR201", "FR905"])),
                   Severity.ERROR, "…", tuple(spans),
                   Evidence(stated=stated, unit=draw(st.sampled_from([None, "万元"]))))


_SAMPLE_REPORT = finreport.parse(SAMPLE)


@given(st.lists(_findings(), max_size=25))
@settings(max_examples=200, deadline=None)
def test_findings_of_one_report_never_share_a_fingerprint(found: list[Finding]) -> None:
    values = fingerprints(found, _SAMPLE_REPORT, SAMPLE)
    assert len(set(values)) == len(values)
    # findings alike in every part are told apart by their order in the text, and the
    # first of them keeps the fingerprint it has alone
    for finding, value in zip(found, values, strict=True):
        parts = fingerprint_parts(finding, _SAMPLE_REPORT, SAMPLE)
        alike = sorted((f for f in found if fingerprint_parts(f, _SAMPLE_REPORT, SAMPLE)
                        == parts), key=Finding.sort_key)
        if finding is alike[0]:
            assert value == fingerprint(parts)


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=6,
                unique=True))
@settings(max_examples=30, deadline=None)
def test_findings_of_altered_reports_never_share_a_fingerprint(picks: list[int]) -> None:
    """The sample with some of its amounts changed: many findings, none sharing one."""
    import re

    amounts = list(re.finditer(r"(?<![\d.])\d+\.\d\d(?=万元)", SAMPLE))
    text = SAMPLE
    for k in sorted({p % len(amounts) for p in picks}, reverse=True):
        m = amounts[k]
        text = text[:m.start()] + f"{Decimal(m.group()) + 1}" + text[m.end():]
    values = marks(text)
    assume(values)
    assert len(set(values)) == len(values)


def test_a_repeated_paragraph_gives_two_fingerprints() -> None:
    text = FLAWED["seedstyle_flawed.txt"]
    lines = text.split("\n")
    residue = 60
    assert "增加/减少" in lines[residue]  # template text left in (FR901)
    # the paragraph again a line further on (a line written twice in a row is the text
    # layer's, read once: RegionKind.DUPLICATE)
    twice = "\n".join([*lines[:residue + 2], lines[residue], *lines[residue + 2:]])
    report = finreport.parse(twice)
    found = [f for f in finreport.check(report) if f.code == "FR901"]
    assert len(found) == 2
    parts = [fingerprint_parts(f, report, twice) for f in found]
    assert parts[0] == parts[1]  # alike in every part ...
    first, second = (m for m, f in zip(marks(twice), finreport.check(report), strict=True)
                     if f.code == "FR901")
    assert first != second  # ... yet two fingerprints; the first is the one it had alone
    assert first == next(m for m, f in zip(marks(text), finreport.check(finreport.parse(text)),
                                          strict=True) if f.code == "FR901")


def test_the_parts_are_what_the_finding_is() -> None:
    report = finreport.parse(SAMPLE)
    fr101 = next(f for f in finreport.check(report) if f.code == "FR101")
    assert fingerprint_parts(fr101, report, SAMPLE) == (
        "code:FR101", "quote:38.98万元", "quote:7.34万元", "quote:21.76万元", "quote:10.88万元",
        "evidence:38.98 39.965 39.995 -1.00 0.020 万元",
        'outline:["2021年度部门决算情况说明", "一般公共预算财政拨款支出决算情况说明", '
        '"一般公共预算财政拨款支出决算结构情况"]')
    assert outline_address(report, 0) == ("部门概况",)
    assert outline_address(report, len(SAMPLE)) == ()


# ---------------------------------------------------------------------------------------
# the PDF extracted again


def _pairs(first: str, second: str) -> list[tuple[str, str]]:
    """The fingerprints of the findings two extractions of one PDF have in common: the
    same rule and the same figures (white space aside), once in each (a template's
    ``XXX`` blanks, many alike, do not say which is which)."""
    def keyed(text: str) -> dict[tuple[str, ...], list[str]]:
        report = finreport.parse(text)
        found = finreport.check(report)
        out: dict[tuple[str, ...], list[str]] = {}
        for f, mark in zip(found, fingerprints(found, report, text), strict=True):
            out.setdefault((f.code, *(fold(s.of(text)) for s in f.spans)), []).append(mark)
        return out

    a, b = keyed(first), keyed(second)
    return [(a[key][0], b[key][0]) for key in a.keys() & b.keys()
            if len(a[key]) == len(b[key]) == 1]


def test_a_pdf_extracted_again_keeps_every_fingerprint() -> None:
    """The reference PDFs as finreport extracts them and as ``pdftotext -layout`` does:
    lines broken and cells spaced otherwise, the same findings with the same
    fingerprints."""
    pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")
    from finreport.pdf import extract_text

    where = corpus_dir()
    if where is None or shutil.which("pdftotext") is None:
        pytest.skip("needs the reference corpus (../shared/reference) and pdftotext "
                    "(poppler-utils)")
    pairs: list[tuple[str, str]] = []
    for path in sorted(where.rglob("*.pdf")):
        ours = extract_text(path.read_bytes())
        assert extract_text(path.read_bytes()) == ours
        theirs = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                                text=True, check=True).stdout
        pairs += _pairs(ours, theirs)
    assert len(pairs) >= 40
    assert [a for a, b in pairs if a != b] == []


def test_the_baseline_holds_across_an_inserted_section(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       ) -> None:
    from finreport.cli import main

    text = FLAWED["budget_jiangsu_flawed.txt"]
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(report), "--write-baseline", str(baseline), "-q"]) == 0
    lines = text.split("\n")
    at = _paragraph_ends(lines)[0]
    report.write_text("\n".join([*lines[:at], "本单位认真落实各项工作要求。",
                                 "加强管理，提高效率。", *lines[at:]]), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(report), "--baseline", str(baseline), "-q"]) == 0
    assert capsys.readouterr() == ("", "")
