"""Real reports of other templates (``reference/real/``): kinds, the text layer, and the
problems of ``real/PROBLEMS.md`` that finreport finds.

Each expected finding is one of the hand audit's problems; the comment gives its
arithmetic.  Findings are matched by code and by the figure their first span covers.
"""

from __future__ import annotations

import pytest

import finreport
from finreport import ReportKind
from tests.conftest import read_corpus

#: (file, code, line of the first span, the figure its first span covers)
FOUND = [
    # party office #1: 101.48 ÷ (6106.99 − 101.48) = 1.69%, not 1.66%
    ("budget-2017-jiangsu-party-office.txt", "FR301", 192, "1.66%"),
    # procuratorate 2017 #4: 3401.59 ÷ (6032.55 − 3401.59) = 129.29%, not 129.97%
    ("budget-2017-jiangsu-procuratorate.txt", "FR301", 1654, "129.97"),
    # high court 2017 #2: 865.57 ÷ (1959.99 − 865.57) = 79.09%, not 79.05%
    ("budget-2017-jiangsu-high-court.txt", "FR301", 1700, "79.05%"),
    # high court 2018 #1: 392.92 ÷ (6049.97 + 392.92) = 6.10%, not 5.95%
    ("budget-2018-jiangsu-high-court.txt", "FR301", 1577, "5.95%"),
    # high court 2018 #2, #3: the increase is the whole amount; a growth rate from zero
    ("budget-2018-jiangsu-high-court.txt", "FR301", 1595, "100%"),
    ("budget-2018-jiangsu-high-court.txt", "FR301", 1597, "100%"),
    # npc 2018 #1: 1557.29 ÷ (1685.72 − 1557.29) = 1212.56%, not 1312.56%
    ("budget-2018-jiangsu-npc-office.txt", "FR301", 1320, "1312.56 %"),
    # npc 2018 #3, #4, #5: filling instructions and unresolved 增加（减少） left in
    ("budget-2018-jiangsu-npc-office.txt", "FR901", 1280, "增加（减少）"),
    ("budget-2018-jiangsu-npc-office.txt", "FR901", 1426, "（按“部门预算公开06表 财政拨款基本支出"),
    ("budget-2018-jiangsu-npc-office.txt", "FR901", 1449, "（按“部门预算公开08表 一般公共预算基本"),
    # cppcc 2018 #1 (minor): 2233.13 ÷ (1115.85 + 2233.13) = 66.68%, not 66.69%
    ("budget-2018-jiangsu-cppcc-office.txt", "FR301", 362, "66.69%"),
    # cppcc 2018 #2, #3: the instruction text after 人员经费 and 公用经费, twice each
    ("budget-2018-jiangsu-cppcc-office.txt", "FR901", 293, "（按“部门预算公开 06 表 财政拨款基本支"),
    ("budget-2018-jiangsu-cppcc-office.txt", "FR901", 318, "（按“部门预算公开 08 表 财政拨款基本支"),
    # procuratorate 2018 #11: 134 ÷ (1895 + 134) = 6.60%, not 0.66%
    ("budget-2018-jiangsu-procuratorate.txt", "FR301", 1921, "0.66"),
]


def _first_spans(name: str) -> set[tuple[str, int, str]]:
    text = read_corpus(f"real/{name}")
    found = set()
    for finding in finreport.check(finreport.parse(text)):
        span = finding.spans[0]
        line = text.count("\n", 0, span.start) + 1
        found.add((finding.code, line, text[span.start:span.end]))
    return found


@pytest.mark.parametrize(("name", "code", "line", "figure"), FOUND,
                         ids=[f"{n[:-4]}-{c}-L{line}" for n, c, line, _ in FOUND])
def test_problem_is_found(name: str, code: str, line: int, figure: str) -> None:
    found = _first_spans(name)
    assert any(c == code and ln == line and quoted.replace("\n", "").startswith(
        figure.replace("\n", "")) for c, ln, quoted in found), sorted(found)


KINDS = [
    ("budget-2017-jiangsu-party-office.txt", ReportKind.BUDGET),
    ("budget-2018-jiangsu-npc-office.txt", ReportKind.BUDGET),
    ("budget-2021-southwest-university.txt", ReportKind.UNIVERSITY_BUDGET),
    ("final-2023-southwest-university.txt", ReportKind.UNIVERSITY_FINAL_ACCOUNTS),
]


@pytest.mark.parametrize(("name", "kind"), KINDS)
def test_kind(name: str, kind: ReportKind) -> None:
    assert finreport.parse(read_corpus(f"real/{name}")).kind is kind


def test_party_office_reads_every_narrative_figure() -> None:
    """The party office's narrative: its three 项 groups as budget lines with changes,
    会议费 and 培训费 apart from the 三公 parts, page footers not read as figures."""
    text = read_corpus("real/budget-2017-jiangsu-party-office.txt")
    report = finreport.parse(text)
    gb = report.general_budget
    assert gb is not None
    assert [(line.classification.item.text if line.classification.item else None,
             str(line.amount.value) if line.amount else None,
             str(line.change.amount.value) if line.change and line.change.amount else None,
             str(line.change.percent.value) if line.change and line.change.percent else None)
            for line in gb.lines] == [
        ("行政运行", "6106.99", "101.48", "1.66"),
        ("一般行政管理事务", "10738.18", "1101.96", "11.44"),
        ("未归口管理的行政单位离退休", "2000.39", "65.88", "3.4"),
        ("住房公积金", "621.28", "168.26", "37.14"),
        ("提租补贴", "1235.41", "606", "96.28"),
    ]
    t = report.three_public
    assert t is not None
    assert t.total is None  # never written: the 三公 total is not taken from a neighbour
    assert t.meetings is not None and t.meetings.amount is not None
    assert str(t.meetings.amount.value) == "933.50"
    assert t.training is not None and t.training.amount is not None
    assert str(t.training.amount.value) == "25"
    footers = [r for r in report.layout if r.kind.value == "page_mark"]
    assert len(footers) == 12  # the 13th, "— 1 —", lies inside the table of contents
    assert all(text[r.span.start:r.span.end].startswith("—") for r in footers)
    figures = {(f.span.start, f.span.end) for f in report.figures()}
    assert not any(r.span.start <= s < r.span.end for s, _ in figures for r in footers)
    assert [e for e in finreport.check(report) if e.severity.value in ("error", "warning")
            ] == [f for f in finreport.check(report) if f.code == "FR301"]


@pytest.mark.parametrize("name", ["budget-2017-jiangsu-party-office.txt",
                                  "budget-2018-jiangsu-npc-office.txt",
                                  "budget-2021-southwest-university.txt"])
def test_no_operating_cost_or_as_of_findings_on_budgets(name: str) -> None:
    codes = {f.code for f in finreport.check(finreport.parse(read_corpus(f"real/{name}")))}
    assert not codes & {"FR601", "FR802"}


def test_unrecognized_carry_reasons() -> None:
    text = read_corpus("real/budget-2017-jiangsu-procuratorate.txt")
    report = finreport.parse(text)
    assert report.unrecognized
    for item in report.unrecognized:
        assert item.reason in finreport.UNRECOGNIZED_REASONS
        assert text[item.span.start:item.span.end] == item.text


@pytest.mark.parametrize("name", ["budget_jiangsu_consistent.txt", "budget2024_consistent.txt",
                                  "university_final_consistent.txt"])
def test_consistent_fixtures_of_other_kinds_give_no_error_or_warning(name: str) -> None:
    from tests.conftest import read_fixture

    report = finreport.parse(read_fixture(name))
    assert [f for f in finreport.check(report) if f.severity.value in ("error", "warning")] == []


def test_flawed_budget_fixture() -> None:
    """Every planted error of budget_jiangsu_flawed.key.md is found, and nothing else:
    (a) a 项 rate over the current amount, 102.30 ÷ 1186.50 = 8.62% (not 102.30 ÷ 1084.20);
    (b) the three 三公 shares over 三公 + 会议费 + 培训费 (464.50) instead of the parts' sum
    210.00; (c) 增长100% from a zero prior year; (d) the filling instruction after 人员经费;
    (e) 基本支出 8945.92 in section 一 against 8945.90 in section 三; (f) 增加（减少）."""
    from tests.conftest import read_fixture

    text = read_fixture("budget_jiangsu_flawed.txt")
    found = sorted((f.code, text.count("\n", 0, f.spans[0].start) + 1)
                   for f in finreport.check(finreport.parse(text))
                   if f.severity.value in ("error", "warning"))
    assert found == [("FR201", 253), ("FR201", 254), ("FR201", 255), ("FR301", 197),
                     ("FR301", 200), ("FR501", 117), ("FR901", 98), ("FR901", 211)]
