"""Hypothesis-generated consistent variants of the budget and university fixtures: the
artefacts of PDF text extraction (page footers between lines, lines broken inside words
and numbers, blank lines inside a paragraph, full-width digits, spaces before units) change no figure, so they must bring
no error and no warning, and every figure must still be read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finreport
from tests.conftest import read_fixture

FIXTURES = ["budget_jiangsu_consistent.txt", "budget2024_consistent.txt",
            "university_final_consistent.txt"]
_NUMBERED = re.compile(r"^\s*(?:第.{1,3}部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[．.、])")
_FULL = str.maketrans("0123456789%", "０１２３４５６７８９％")


def _errors_and_warnings(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in finreport.check(finreport.parse(text))
            if f.severity.value in ("error", "warning")]


@st.composite
def variants(draw: st.DrawFn, text: str) -> str:
    """*text* with extraction artefacts in body lines (never inside a heading)."""
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if len(line) > 30 and not _NUMBERED.match(line)]
    chosen = draw(st.lists(st.sampled_from(body), max_size=8, unique=True)) if body else []
    page = 3
    for i in sorted(chosen, reverse=True):
        line = lines[i]
        kind = draw(st.sampled_from(["footer", "break", "full", "space", "blank"]))
        if kind == "footer":
            cut = draw(st.integers(1, len(line) - 1))
            lines[i] = line[:cut] + f"\n— {page} —\n" + line[cut:]
            page += 1
        elif kind == "break":
            cut = draw(st.integers(1, len(line) - 1))
            lines[i] = line[:cut] + "\n" + line[cut:]
        elif kind == "blank":
            # pdftotext -layout writes a blank line between the lines of wide-spaced text
            cut = draw(st.integers(1, len(line) - 1))
            lines[i] = line[:cut] + "\n\n" + line[cut:]
        elif kind == "full":
            lines[i] = line.translate(_FULL)
        else:
            lines[i] = re.sub(r"(\d)(万元|%)", r"\1 \2", line)
    return "\n".join(lines)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_is_consistent(name: str) -> None:
    assert _errors_and_warnings(read_fixture(name)) == []


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_variants_stay_consistent(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FIXTURES))
    original = read_fixture(name)
    text = data.draw(variants(original))
    assert _errors_and_warnings(text) == [], text
    figures = {f.value for f in finreport.parse(original).figures()}
    again = {f.value for f in finreport.parse(text).figures()}
    assert figures <= again


@pytest.mark.parametrize("name", FIXTURES)
def test_a_blank_line_after_every_line_changes_nothing(name: str) -> None:
    # pdftotext -layout on a report set in wide line spacing
    original = read_fixture(name)
    spaced = "\n\n".join(original.split("\n"))
    assert _errors_and_warnings(spaced) == []
    assert sorted(f.value for f in finreport.parse(spaced).figures()) == sorted(
        f.value for f in finreport.parse(original).figures())


def test_the_total_after_a_list_of_kinds_is_read_across_a_blank_line() -> None:
    text = ("某某市某某局2026年部门预算\n一、部门概况\n（一）部门机构设置\n"
            "本局内设5个处室。下属共有3所监狱，分别是甲监狱、乙监狱、丙监狱；7个强制隔离\n\n"
            "戒毒所；以及1个法制教育管理所等\n\n11个二级预算单位。\n")
    report = finreport.parse(text)
    assert report.institutions is not None and report.institutions.total is not None
    assert report.institutions.total.value == 11
    assert [c.value for e in report.institutions.by_kind for c in e.counts] == [3, 7, 1]
    assert [f.code for f in finreport.check(report)] == []
