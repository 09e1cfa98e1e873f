"""A text that holds more than one report (a department's consolidated budget and its units',
two departments', a budget and its final accounts): each is read on its own, none of one's
figures is compared with another's, and every span points into the text given."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finreport


def _budget(org: str, total: str, three: tuple[str, str, str], *, year: int = 2026,
            kind: str = "部门预算", cover: bool = True) -> str:
    """A small consistent budget of *org* (our own wording)."""
    outer, cars, guests = three
    three_total = f"{sum(float(x) for x in three):.2f}"
    title = f"{org}{year}年{kind}\n目录\n第一部分 部门概况\n第二部分 {year}年{kind}情况说明\n"
    return (
        (title if cover else "")
        + f"第一部分 部门概况\n一、主要职能\n{org}负责本行业的管理和服务工作，完成上级交办的"
        "其他任务。\n二、机构设置\n本单位内设科室4个。\n"
        f"第二部分 {year}年{kind}情况说明\n一、收支预算总体情况\n"
        f"{year}年收入预算总计{total}万元，支出预算总计{total}万元。\n"
        "二、“三公”经费预算情况说明\n"
        f"{year}年“三公”经费预算{three_total}万元，其中：因公出国（境）费{outer}万元；"
        f"公务用车购置及运行维护费{cars}万元；公务接待费{guests}万元。\n")


DEPARTMENT = _budget("临江市农业农村局", "933.85", ("0.00", "7.89", "2.56"))
UNIT = _budget("临江市农业技术推广中心", "120.40", ("0.00", "3.10", "1.20"), kind="单位预算")


def test_a_unit_s_budget_after_the_department_s_is_another_report() -> None:
    text = DEPARTMENT + UNIT
    report = finreport.parse(text)
    assert report.organization is not None
    assert report.organization.text == "临江市农业农村局"
    later = [u for u in report.unrecognized if u.reason == "another_report"]
    assert [(u.span.start, u.text) for u in later] == [
        (len(DEPARTMENT), "临江市农业技术推广中心2026年单位预算")]
    assert report.three_public is not None and report.three_public.total is not None
    assert report.three_public.total.amount is not None
    assert str(report.three_public.total.amount.value) == "10.45"
    findings = finreport.check(report)
    assert [(f.code, f.severity.value) for f in findings] == [("FR003", "info")]
    assert [(s.start, s.end) for s in findings[0].spans] == [
        (len(DEPARTMENT), len(DEPARTMENT) + len("临江市农业技术推广中心2026年单位预算"))]


def test_parse_all_reads_each_report_with_spans_into_the_text_given() -> None:
    text = DEPARTMENT + UNIT
    reports = finreport.parse_all(text)
    assert [(r.organization.text if r.organization else None, r.kind) for r in reports] == [
        ("临江市农业农村局", finreport.ReportKind.BUDGET),
        ("临江市农业技术推广中心", finreport.ReportKind.UNIT_BUDGET)]
    second = reports[1]
    assert second.organization is not None
    assert text[second.organization.span.start:second.organization.span.end] == (
        "临江市农业技术推广中心")
    assert second.three_public is not None and second.three_public.total is not None
    amount = second.three_public.total.amount
    assert amount is not None and str(amount.value) == "4.30"
    assert text[amount.span.start:amount.span.end] == "4.30万元"
    assert all(f.span.start >= len(DEPARTMENT) for f in second.figures())
    assert [f.code for r in reports for f in finreport.check(r)] == ["FR003"]


def test_one_report_gives_one() -> None:
    reports = finreport.parse_all(DEPARTMENT)
    assert len(reports) == 1
    assert not [u for u in reports[0].unrecognized if u.reason == "another_report"]


@pytest.mark.parametrize(("second", "kinds"), [
    # the final accounts after the budget: the same organization, another stage
    (_budget("临江市农业农村局", "910.10", ("0.00", "6.00", "2.00"), year=2025,
             kind="部门决算").replace("预算总计", "决算总计").replace("经费预算", "经费决算"),
     ["budget", "final_accounts"]),
    # the same department's budget of another year
    (_budget("临江市农业农村局", "800.00", ("1.00", "7.00", "2.00"), year=2025),
     ["budget", "budget"]),
    # another department
    (_budget("临江市教育局", "5120.00", ("3.00", "12.00", "4.00")), ["budget", "budget"]),
])
def test_another_identity_after_a_title_starts_another_report(second: str,
                                                             kinds: list[str]) -> None:
    reports = finreport.parse_all(DEPARTMENT + second)
    assert [r.kind.value for r in reports] == kinds
    assert [f.code for r in reports for f in finreport.check(r)
            if f.severity is finreport.Severity.ERROR] == []


def test_parts_numbered_again_start_another_report_without_a_title() -> None:
    second = _budget("临江市农业农村局", "910.00", ("0.00", "6.00", "2.00"), cover=False)
    text = DEPARTMENT + second
    report = finreport.parse(text)
    later = [u for u in report.unrecognized if u.reason == "another_report"]
    assert [u.span.start for u in later] == [len(DEPARTMENT)]
    totals = [str(r.grand_total.amount.value) for r in finreport.parse_all(text)
              if r.grand_total is not None and r.grand_total.amount is not None]
    assert totals == ["933.85", "910.00"]


@pytest.mark.parametrize("text", [
    # the running header: the report's own title on every page
    DEPARTMENT.replace("二、机构设置\n", "\f临江市农业农村局2026年部门预算\n二、机构设置\n")
    .replace("二、“三公”", "\f临江市农业农村局2026年部门预算\n二、“三公”"),
    # a part's title wrapped after the organization and year (…2026 / 年度部门预算情况说明)
    DEPARTMENT.replace("第二部分 2026年部门预算情况说明\n一、",
                       "第二部分\n临江市农业农村局 2026\n年度部门预算情况说明\n一、"),
    # a title line followed by headings that go on numbering
    DEPARTMENT.replace("二、“三公”", "临江市教育局2026年部门预算\n二、“三公”"),
])
def test_a_title_of_the_same_report_or_one_the_headings_go_on_from_is_no_other(
        text: str) -> None:
    report = finreport.parse(text)
    assert [u.text for u in report.unrecognized if u.reason == "another_report"] == []
    assert len(finreport.parse_all(text)) == 1


def test_a_contents_page_read_as_parts_is_no_first_report() -> None:
    # entries of the contents with no 目录 over them: parts with no body, then the body
    text = ("临江市农业农村局2026年部门预算\n第一部分 部门概况\n第二部分 2026年部门预算情况说明\n"
            + DEPARTMENT.split("\n", 4)[4])
    report = finreport.parse(text)
    assert [u.text for u in report.unrecognized if u.reason == "another_report"] == []


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["农业农村局", "教育局", "民政局", "统计局"]),
                          st.integers(100, 99999), st.integers(0, 500), st.integers(0, 900)),
                min_size=2, max_size=4, unique_by=lambda t: t[0]))
def test_consistent_reports_bound_together_give_no_error(
        units: list[tuple[str, int, int, int]]) -> None:
    text = "".join(_budget(f"临江市{name}", f"{total / 100:.2f}",
                           ("0.00", f"{cars / 100:.2f}", f"{guests / 100:.2f}"))
                   for name, total, cars, guests in units)
    reports = finreport.parse_all(text)
    assert [r.organization.text if r.organization else None for r in reports] == [
        f"临江市{name}" for name, *_ in units]
    assert [f.code for r in reports for f in finreport.check(r)
            if f.severity is not finreport.Severity.INFO] == []


def test_a_file_of_several_reports_is_checked_report_by_report(tmp_path: object) -> None:
    from pathlib import Path

    from finreport.batch import CheckOptions, audit_file

    # the unit's 三公 parts do not make its total: found, and located in the unit's report
    slipped = UNIT.replace("公务接待费1.20万元", "公务接待费1.90万元")
    path = Path(str(tmp_path)) / "bound.txt"
    path.write_text(DEPARTMENT + slipped, encoding="utf-8")
    result = audit_file(str(path), CheckOptions())
    assert result.organization == "临江市农业农村局"
    errors = [f for f in result.findings if f.finding.severity is finreport.Severity.ERROR]
    assert [f.finding.code for f in errors] == ["FR101"]
    assert all(s.start >= len(DEPARTMENT) for s in errors[0].finding.spans)
    assert [f.finding.code for f in result.findings
            if f.finding.severity is finreport.Severity.INFO] == ["FR003"]


@pytest.mark.parametrize("header", [
    "临江市农业局2026年部门预算",        # the organization's name written short
    "中共临江市委农村工作办公室2026年部门预算",  # ... another form of a party body's name
    "临江市农业农村局2025年部门预算",    # a header left from last year
])
def test_a_page_header_between_a_part_and_its_first_section_is_no_other_report(
        header: str) -> None:
    text = DEPARTMENT.replace("第二部分 2026年部门预算情况说明\n一、",
                              f"第二部分 2026年部门预算情况说明\n{header}\n一、")
    text = text.replace("临江市农业农村局", "中国共产党临江市委员会农村工作办公室") if (
        header.startswith("中共")) else text
    assert len(finreport.parse_all(text)) == 1


def test_an_annex_numbered_from_its_first_part_is_no_other_report() -> None:
    annex = ("第三部分 附件\n临江市农业农村局2025年度部门整体支出绩效自评报告\n"
             "第一部分 部门基本情况\n一、部门职能\n负责全市农业农村工作。\n"
             "第二部分 绩效自评情况\n一、自评结论\n部门整体支出绩效良好，自评得分95分。\n")
    reports = finreport.parse_all(DEPARTMENT + annex)
    assert len(reports) == 1
    assert [f.code for f in finreport.check(reports[0])
            if f.severity is finreport.Severity.ERROR] == []


def test_a_later_piece_that_is_no_report_ends_the_list() -> None:
    # parts numbered again under a contents line: parse reads the first; parse_all keeps it
    text = DEPARTMENT + "第一部分 部门预算公开表格……12\n第二部分 附表……20\n"
    assert len(finreport.parse_all(text)) == 1
