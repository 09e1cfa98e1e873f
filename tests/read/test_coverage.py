"""Coverage: every amount (万元, 元, 亿元) and percentage written in running text is read
into the model, or listed in ``report.unrecognized`` with a reason; never lost.

Running text is the text outside the non-narrative regions the report's layout lists
(page marks, charts, tables, the table of contents), outside the tables part, and outside
the seeds' tab-indented table lines.  Figures are counted on the text as the parser sees
it (white space and line breaks inside numbers removed), so ``12.4`` / ``0万元`` counts
once, as ``12.40万元``.
"""

from __future__ import annotations

import re

import pytest

import finreport
from finreport import Region, RegionKind
from finreport.text.layout import subtract
from finreport.text.view import TextView
from tests.conftest import corpus_dir, read_corpus, read_fixture

_FIGURE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|亿元|元|%)")

REFERENCE = [
    "000_fc6d223913eecf93.txt",
    "002_8995176182b4ab80.txt",
    "sample-shanghai-2024-putuo-finance-bureau.txt",
    "template-shanghai-2024-final-accounts.txt",
    "real/budget-2017-jiangsu-party-office.txt",
    "real/budget-2017-jiangsu-npc-office.txt",
    "real/budget-2018-jiangsu-npc-office.txt",
    "real/budget-2017-jiangsu-cppcc-office.txt",
    "real/budget-2018-jiangsu-cppcc-office.txt",
    "real/budget-2017-jiangsu-procuratorate.txt",
    "real/budget-2018-jiangsu-procuratorate.txt",
    "real/budget-2017-jiangsu-high-court.txt",
    "real/budget-2018-jiangsu-high-court.txt",
    "real/budget-2021-southwest-university.txt",
    "real/final-2023-southwest-university.txt",
]
FIXTURES = [
    "seedstyle_consistent.txt",
    "seedstyle_flawed.txt",
    "pdf2024_consistent.txt",
    "budget_jiangsu_consistent.txt",
    "budget_jiangsu_flawed.txt",
    "budget2024_consistent.txt",
    "university_final_consistent.txt",
]


def _running_figures(text: str, report: finreport.Report) -> list[int]:
    """Where each amount or percentage of the running text starts."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if not line.startswith("\t"):
            lines.append((pos, pos + len(line)))
        pos += len(line)
    skip = [r for r in report.layout if r.kind is not RegionKind.DETACHED]
    skip += [Region(RegionKind.TABLE, s.span) for s in report.walk_sections()
             if s.kind in (finreport.SectionKind.TABLES, finreport.SectionKind.CONTENTS)]
    skip.sort(key=lambda r: (r.span.start, r.span.end))
    view = TextView(text, ranges=subtract(lines, tuple(skip)))
    return [view.span(m.start(), m.end()).start for m in _FIGURE.finditer(view.text)]


def _check(text: str, least: float) -> None:
    report = finreport.parse(text)
    read = {f.span.start for f in report.figures()}
    listed = {u.span.start: u.reason for u in report.unrecognized}
    starts = _running_figures(text, report)
    lost = [text[s : s + 12] for s in starts if s not in read and s not in listed]
    assert lost == []
    assert all(reason in finreport.UNRECOGNIZED_REASONS for reason in listed.values())
    read_share = sum(1 for s in starts if s in read) / len(starts)
    assert read_share >= least, f"{read_share:.1%} read of {len(starts)}"


@pytest.mark.parametrize("name", REFERENCE)
def test_reference_report(name: str) -> None:
    if corpus_dir() is None:
        pytest.skip("the reference corpus is not here")
    # the blank template's only amount is the 单价100万元以上 of an unfilled sentence: a
    # qualifier, listed; there is nothing to read
    _check(read_corpus(name), 0.0 if name.startswith("template") else 0.95)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture(name: str) -> None:
    _check(read_fixture(name), 0.95)
