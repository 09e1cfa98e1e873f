"""Each figure in its context: basis, scope, period, explanations, report kinds."""

from __future__ import annotations

from decimal import Decimal

import finreport
from finreport import Basis, ReportKind, Scope

_FINAL = "第二部分 2022年度部门决算情况说明\n"
_BUDGET = "江苏省某某厅 2019 年度部门预算\n第三部分 2019年度部门预算情况说明\n"


def _codes(text: str) -> list[str]:
    """Errors and warnings, numbering aside (these fragments start at section 五)."""
    return [f.code for f in finreport.check(finreport.parse(text), ignore=["FR903"])
            if f.severity.value in ("error", "warning")]


def test_full_year_budget_is_not_the_initial_budget() -> None:
    text = (_FINAL + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
            "一般公共预算财政拨款支出年初预算为300.00万元，全年预算为321.02万元，支出决算为"
            "321.02万元，完成全年预算的100.00%。\n")
    report = finreport.parse(text)
    gb = report.general_budget
    assert gb is not None and gb.execution is not None
    entry = gb.execution
    assert entry.budget is not None and entry.budget.value == Decimal("300.00")
    assert entry.adjusted is not None and entry.adjusted.value == Decimal("321.02")
    assert entry.completion_of is Basis.ADJUSTED
    assert _codes(text) == []  # 321.02 ÷ 321.02 = 100%: no comparison with 300.00


def test_full_year_budget_alone_is_the_budget() -> None:
    text = (_FINAL + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
            "一般公共预算财政拨款支出全年预算为321.02万元，支出决算为300.00万元，完成预算的93.45%。\n")
    entry = finreport.parse(text).general_budget.execution  # type: ignore[union-attr]
    assert entry is not None and entry.budget is not None
    assert entry.budget.value == Decimal("321.02") and entry.adjusted is None
    assert _codes(text) == []


def test_scope_from_the_subject() -> None:
    text = (_FINAL + "二、收入决算情况说明\n本年收入合计100.00万元，其中：财政拨款收入80.00万元，占80.00%；"
            "其他收入20.00万元，占20.00%。\n")
    income = finreport.parse(text).income
    assert income is not None and income.total is not None
    assert income.total.scope is Scope.ALL_FUNDS
    assert [e.scope for e in income.items] == [Scope.FISCAL, None]


def test_prior_year_statement_is_not_the_total() -> None:
    text = (_FINAL + "一、收入支出决算总体情况说明\n2021年度收入支出总计为335.36万元。"
            "2022年度收入、支出总计400.00万元，与2021年度相比增加64.64万元，增长19.27%。\n")
    report = finreport.parse(text)
    assert report.grand_total is not None and report.grand_total.amount is not None
    assert report.grand_total.amount.value == Decimal("400.00")
    assert _codes(text) == []


def test_amount_in_a_reason_explains() -> None:
    text = (_FINAL + "三、支出决算情况说明\n本年支出合计500.00万元，其中：基本支出300.00万元，占60.00%；"
            "项目支出200.00万元，占40.00%。与上年相比增加50.00万元，主要原因是基本支出增加40.00万元。\n")
    report = finreport.parse(text)
    assert [str(e.amount.value) for e in report.explanations if e.amount] == []
    explained = [f.value for e in report.explanations for f in e.figures()]
    assert explained == [Decimal("40.00")]
    assert _codes(text) == []


def test_budget_amount_is_the_budget() -> None:
    text = (_BUDGET + "三、支出预算情况说明\n本年支出预算合计100.00万元，其中：基本支出预算数为60.00万元，"
            "占60.00%；项目支出预算数为40.00万元，占40.00%。\n")
    report = finreport.parse(text)
    assert report.kind is ReportKind.BUDGET
    assert report.expenditure is not None
    assert [str(e.amount.value) for e in report.expenditure.items if e.amount] == [
        "60.00", "40.00"]
    assert [e.budget for e in report.expenditure.items] == [None, None]


def test_as_of_prior_year_end_is_normal_in_a_budget() -> None:
    text = (_BUDGET + "十四、国有资产占有使用情况\n截至2018年12月31日，本部门共有车辆2辆。\n")
    assert "FR802" not in _codes(text)
    final = _FINAL.replace("2022", "2019") + "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2018年12月31日，共有车辆2辆。\n"
    assert "FR802" in [f.code for f in finreport.check(finreport.parse(final))]


def test_meeting_and_training_fees_are_not_three_public_parts() -> None:
    text = (_BUDGET + "十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明\n"
            "“三公”经费预算支出中，因公出国（境）费支出20万元，占“三公”经费的20.00%；"
            "公务用车购置及运行费支出50万元，占“三公”经费的50.00%；公务接待费支出30万元，"
            "占“三公”经费的30.00%。\n会议费预算支出12.50万元，与上年预算数一致。\n"
            "培训费预算支出8万元，与上年预算数一致。\n")
    t = finreport.parse(text).three_public
    assert t is not None and t.total is None
    assert t.meetings is not None and t.meetings.amount is not None
    assert t.meetings.amount.value == Decimal("12.50")
    assert t.training is not None and t.training.amount is not None
    assert _codes(text) == []
    wrong = text.replace("占“三公”经费的20.00%", "占“三公”经费的18.00%")
    assert _codes(wrong) == ["FR201"]


def test_field_tables_are_checked_against_the_model() -> None:
    import pytest

    from finreport.model.fields import check_fields
    from finreport.model.report import ThreePublicExpenses

    assert "meetings" in check_fields(ThreePublicExpenses, ["meetings"], "t")
    with pytest.raises(TypeError, match=r"THREE_PUBLIC_FIELDS names fields \['meeting'\]"):
        check_fields(ThreePublicExpenses, ["meeting"], "THREE_PUBLIC_FIELDS")


def test_every_kind_has_its_mappers() -> None:
    from finreport.read.mappers import MAPPERS
    from finreport.templates.profiles import PROFILES

    # a document that is only performance forms has no sections to map
    assert set(MAPPERS) == set(ReportKind) - {ReportKind.PERFORMANCE_FORM} == set(PROFILES)
    for kind, mappers in MAPPERS.items():
        # every section kind a profile can name is read by a mapper or deliberately not
        # (parts, the overview's prose, lists of other matters)
        titled = {k for k, _, _ in PROFILES[kind].section_titles}
        unread = titled - set(mappers)
        assert unread <= {finreport.SectionKind.FUNCTIONS, finreport.SectionKind.OTHER_MATTERS}
