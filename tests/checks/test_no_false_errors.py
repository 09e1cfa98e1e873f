"""Consistent texts in shapes a red-team pass found false errors on (texts of our own):
each gives no error, and what it states is bound to the quantity it is about."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import finreport

#: name → a consistent text that gave a false error before
CONSISTENT = {
    # 本年收入 is a part of the 总计, not the 总计 stated again (was FR501)
    "this_year_in_the_whole": (
        "临江区教育局2026年部门预算\n一、收支预算总体情况\n"
        "2026年收入预算总计1646.00万元，其中：本年收入1560.40万元，上年结转85.60万元。"
        "支出预算总计1646.00万元。\n"),
    # a carry-over whose name holds 财政拨款 is no 财政拨款收入 (was FR501 ×2)
    "carry_over_named_fiscal": (
        "南川县市场监督管理局2024年度部门决算\n四、财政拨款收入支出决算总体情况说明\n"
        "2024年度财政拨款收入2010.30万元，年初财政拨款结转和结余98.40万元，"
        "财政拨款支出1950.12万元，年末财政拨款结转和结余158.58万元。\n"),
    # in final accounts 财政拨款收、支总计 is income plus carry-over, not the income (was
    # FR501 and FR301 on the total's change)
    "fiscal_whole_and_income": (
        "南川县市场监督管理局2024年度部门决算\n四、财政拨款收入支出决算总体情况说明\n"
        "2024年度财政拨款收入2010.30万元。2024年度财政拨款收、支总计2108.70万元。"
        "与2023年相比，财政拨款收、支总计各增加218.15万元，增长11.54%。\n"),
    # a budget's 财政拨款收支总预算 is the income with its carry-over (was FR501)
    "fiscal_whole_budget": (
        "2026年某某市住房和城乡建设局部门预算\n第二部分 2026年部门预算情况说明\n"
        "一、财政拨款收支预算总体情况\n2026年财政拨款收入1,200.00万元，其中：一般公共预算拨款"
        "收入1,000.00万元，政府性基金预算拨款收入200.00万元；上年结转20.00万元，为政府性基金"
        "预算拨款结转。财政拨款收支总预算1,220.00万元。\n"),
    # the change of a total stated again in the next sentence under another name of it
    # (收、支总预算 / 收、支总计) is its change (was unread: its percentage went unchecked)
    "total_change_next_sentence": (
        "2026年某某市数据局部门预算\n第二部分 2026年部门预算情况说明\n"
        "四、财政拨款收支预算总体情况说明\n某某市数据局2026年度财政拨款收、支总预算64,090.74万"
        "元。与上年相比，财政拨款收、支总计各减少3,815.79万元，减少5.62%。\n"),
    # the prior year's amount a change is from is not this year's stated again (was FR501)
    "prior_year_amount": (
        "平阳县信访局2024年度部门决算\n一、收入支出决算总体情况说明\n"
        "2024年度收、支总计628.40万元，比2023年的580.20万元增加48.20万元，增长8.31%。\n"),
    # final accounts: fiscal income and fiscal spending are two quantities (was FR501)
    "fiscal_income_and_spending": (
        "第二部分 2020年度部门决算情况说明\n四、财政拨款收入支出决算总体情况说明\n"
        "2020年度财政拨款收入100.00万元，比上年增加10.00万元；"
        "财政拨款支出90.00万元，比上年增加5.00万元。\n"),
    # a line's rate of its full-year budget is not compared with its initial one (was FR401)
    "line_of_the_full_year_budget": (
        "东陵区卫生健康局2024年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
        "（三）一般公共预算财政拨款支出决算具体情况\n"
        "1.卫生健康支出（类）卫生健康管理事务（款）行政运行（项）：年初预算为520.00万元，"
        "全年预算为548.00万元，支出决算为546.36万元，完成全年预算的99.70%。\n"),
    # a share that names its whole (占预留中小企业金额的) is of that whole (was FR201)
    "share_of_the_sme_award": (
        "长宁区司法局2026年部门预算\n九、政府采购预算情况\n"
        "2026年本部门政府采购预算总额451.55万元。面向中小企业预留政府采购项目预算金额380.00万元，"
        "占政府采购预算总额的84.15%，其中：预留给小微企业300.00万元，占预留中小企业金额的78.95%。\n"),
    # a second count of all units in the sentence is the one its kinds add up to (was FR905)
    "units_counted_twice": (
        "桂山市统计局2024年度部门决算\n第一部分 部门概况\n二、机构设置\n"
        "桂山市统计局下属2个事业单位，纳入部门决算编制范围的单位共3个，其中：行政单位1个、"
        "参照公务员法管理的事业单位1个、其他事业单位1个。\n"),
    # the kinds of one kind (其中…) are not added to the total's kinds (was FR905)
    "kinds_of_a_kind": (
        "丰泽区教育局2024年度部门决算\n第一部分 部门概况\n二、机构设置\n"
        "丰泽区教育局下属单位15个，包括行政单位1个（机关本级），事业单位14个，"
        "其中全额拨款事业单位12个、差额拨款事业单位2个。\n"),
    # final accounts compared with their year's own initial budget (was FR801)
    "compared_with_its_own_budget": (
        "第二部分 2024年度部门决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n"
        "（一）一般公共预算财政拨款支出决算总体情况\n"
        "2024年一般公共预算财政拨款支出3,260.50万元，与2024年年初预算相比增加260.50万元，"
        "增长8.68%。\n"),
    # 基本持平 beside a tiny change (was FR302)
    "basically_flat": (
        "临江区教育局2026年部门预算\n一、收支预算总体情况\n"
        "2026年收入预算总计5,000.02万元，与2025年预算基本持平，增加0.02万元。\n"),
    # a title 关于…的说明 with the year first (was FR001)
    "title_about_the_budget": (
        "关于2026年度临江区教育局部门预算的说明\n一、收支预算总体情况\n"
        "2026年度收入预算总计1646.00万元，支出预算总计1646.00万元。\n"),
    # the text lists only the larger lines: they need not add up to the total (was FR102)
    "larger_lines_only": (
        "清河区民政局2024年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
        "（一）一般公共预算财政拨款支出决算总体情况\n2024年一般公共预算财政拨款支出1,650.00万元。\n"
        "（三）一般公共预算财政拨款支出决算具体情况\n"
        "2024年一般公共预算财政拨款支出决算中，支出金额较大的项目如下：\n"
        "1.社会保障和就业支出（类）民政管理事务（款）行政运行（项）：支出决算为420.00万元。\n"
        "2.社会保障和就业支出（类）最低生活保障（款）城市最低生活保障金支出（项）："
        "支出决算为1,150.00万元。\n"),
    # words comparing with the initial budget beside a rate of the full-year one (was FR402)
    "words_of_the_initial_budget": (
        "东陵区卫生健康局2024年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
        "（三）一般公共预算财政拨款支出决算具体情况\n"
        "1.卫生健康支出（类）卫生健康管理事务（款）行政运行（项）：年初预算为520.00万元，"
        "全年预算为548.00万元，支出决算为546.36万元，完成全年预算的99.70%。"
        "决算数大于年初预算数的主要原因是追加了人员经费。\n"),
    # the last part in a sentence of its own, with its change, is still a part (was FR101)
    "last_part_with_its_change": (
        "临江区教育局2024年度部门决算\n三、支出决算情况说明\n"
        "2024年本年支出合计5,520.30万元。基本支出2,100.30万元。"
        "项目支出3,420.00万元，比2023年增加520.00万元。\n"),
    # a part's own breakdown, money beside the total and a part's purposes are no parts
    # of the total (was FR101, FR201 ×2)
    "sub_breakdown": (
        "云梦县科学技术协会2026年部门预算\n三、支出预算情况\n"
        "2026年本年支出预算合计386.50万元，其中：基本支出306.50万元，占79.30%；"
        "项目支出80.00万元，占20.70%。\n基本支出中，人员经费271.20万元，占基本支出的88.48%；"
        "公用经费35.30万元，占基本支出的11.52%。\n"),
    "money_beside_the_total": (
        "云梦县科学技术协会2026年部门预算\n三、支出预算情况\n"
        "2026年本年支出预算合计386.50万元，其中：基本支出306.50万元；项目支出80.00万元。"
        "另有上年结转资金120.00万元。\n"),
    "purposes_of_a_part": (
        "云梦县科学技术协会2026年部门预算\n三、支出预算情况\n"
        "2026年本年支出预算合计940.84万元，其中：基本支出80.00万元；项目支出860.84万元，"
        "主要用于：1.招商引资520.00万元；2.科普活动340.84万元。\n"),
}


@pytest.mark.parametrize("name", sorted(CONSISTENT))
def test_consistent_shapes_give_no_error(name: str) -> None:
    report = finreport.parse(CONSISTENT[name])
    assert [f.message for f in finreport.check(report)
            if f.severity is finreport.Severity.ERROR] == []


def test_the_prior_year_amount_is_the_change_s() -> None:
    report = finreport.parse(CONSISTENT["prior_year_amount"])
    total = report.grand_total
    assert total is not None and total.change is not None
    assert total.amount is not None and total.amount.value == Decimal("628.40")
    assert total.change.prior is not None and total.change.prior.value == Decimal("580.20")
    assert total.restated == ()
    audit = finreport.audit(report)
    assert [c.outcome.value for c in audit.checks if c.code == "FR307"] == ["holds"]


def test_a_carry_over_is_a_statement_of_its_own() -> None:
    report = finreport.parse(CONSISTENT["carry_over_named_fiscal"])
    fiscal = report.fiscal_appropriation
    assert fiscal is not None and fiscal.amount is not None
    assert fiscal.amount.value == Decimal("2010.30") and fiscal.restated == ()
    # (the name without its period words: 年初 and 年末 keep the two stocks apart)
    assert [(e.name.text, e.amount.value if e.amount else None) for e in report.statements] == [
        ("财政拨款结转和结余", Decimal("98.40")), ("财政拨款支出", Decimal("1950.12")),
        ("财政拨款结转和结余", Decimal("158.58"))]


_cents = st.integers(min_value=1, max_value=10_000_000)


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _prior_text(now: int, before: int, change: int) -> str:
    way = "增加" if change >= 0 else "减少"
    return ("平阳县信访局2024年度部门决算\n一、收入支出决算总体情况说明\n"
            f"2024年度收、支总计{_money(now)}万元，比2023年的{_money(before)}万元"
            f"{way}{_money(abs(change))}万元。\n")


def _fr307(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text)) if f.code == "FR307"]


@settings(max_examples=60, deadline=None)
@given(_cents, _cents)
def test_a_change_from_its_stated_prior_gives_nothing(now: int, before: int) -> None:
    if now == before:
        return  # 增加0.00万元: no change to sign
    assert _fr307(_prior_text(now, before, now - before)) == []


@settings(max_examples=60, deadline=None)
@given(_cents, _cents, st.integers(min_value=3, max_value=100_000), st.sampled_from([-1, 1]))
def test_a_change_off_its_stated_prior_is_an_error(now: int, before: int, slip: int,
                                                    sign: int) -> None:
    change = now - before + sign * slip
    if change == 0:
        return  # 增加0.00万元: no change to sign
    assert _fr307(_prior_text(now, before, change)) == ["FR307"]


@pytest.mark.parametrize("name", ["sub_breakdown", "money_beside_the_total",
                                  "purposes_of_a_part"])
def test_the_total_s_parts_are_its_own(name: str) -> None:
    report = finreport.parse(CONSISTENT[name])
    assert report.expenditure is not None
    assert [e.name.text for e in report.expenditure.items] == ["基本支出", "项目支出"]


def test_a_share_of_the_whole_by_another_name_keeps_the_list() -> None:
    text = ("某某大学2021年部门预算\n（二）收入预算情况说明\n"
            "我校2021年收入预算100.00万元，其中：财政拨款收入60.00万元，占总收入的60.00%；"
            "事业收入40.00万元，占总收入的40.00%。\n")
    report = finreport.parse(text)
    assert report.income is not None
    assert [e.name.text for e in report.income.items] == ["财政拨款收入", "事业收入"]


def test_the_small_award_s_share_is_checked_against_the_sme_award() -> None:
    text = CONSISTENT["share_of_the_sme_award"].replace("78.95%", "66.44%")
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR] == ["FR201"]


@pytest.mark.parametrize(("name", "total", "kinds"), [
    ("units_counted_twice", 3, [1, 1, 1]), ("kinds_of_a_kind", 15, [1, 14])])
def test_the_units_a_count_breaks_down(name: str, total: int, kinds: list[int]) -> None:
    institutions = finreport.parse(CONSISTENT[name]).institutions
    assert institutions is not None and institutions.total is not None
    assert institutions.total.value == total
    assert [e.counts[0].value for e in institutions.by_kind] == kinds


def test_a_title_about_the_budget_is_read() -> None:
    report = finreport.parse(CONSISTENT["title_about_the_budget"])
    assert report.organization is not None and report.organization.text == "临江区教育局"
    assert report.fiscal_year is not None and report.fiscal_year.value == 2026
    assert report.kind is finreport.ReportKind.BUDGET


def test_a_notice_about_budgets_is_still_no_report() -> None:
    with pytest.raises(finreport.ReportError):
        finreport.parse("关于做好2026年部门预算公开工作的通知\n各部门：\n请按要求公开。\n")


@pytest.mark.parametrize(("lead", "partial"), [
    ("支出金额较大的项目如下：", True), ("主要项目支出情况如下：", True),
    ("现将主要支出科目说明如下：", True), ("其中：", False)])
def test_lines_the_text_says_are_some_only(lead: str, partial: bool) -> None:
    text = CONSISTENT["larger_lines_only"].replace("支出金额较大的项目如下：", lead)
    gb = finreport.parse(text).general_budget
    assert gb is not None and gb.lines_partial is partial
    codes = [f.code for f in finreport.check(finreport.parse(text))]
    assert ("FR102" in codes) is not partial  # the two lines are 80.00 short of the total



def test_a_total_s_change_in_the_next_sentence_is_checked() -> None:
    text = CONSISTENT["total_change_next_sentence"]
    report = finreport.parse(text)
    assert report.fiscal_appropriation is not None
    change = report.fiscal_appropriation.change
    assert change is not None and change.amount is not None and change.percent is not None
    assert (change.amount.value, change.percent.value) == (Decimal("3815.79"), Decimal("5.62"))
    # a rate off by more than its rounding is now an error
    wrong = text.replace("减少5.62%", "减少5.92%")
    assert [f.code for f in finreport.check(finreport.parse(wrong))
            if f.severity is finreport.Severity.ERROR] == ["FR301"]


def test_a_change_after_an_aside_is_the_total_s() -> None:
    text = ("2026年某某市政务服务数据管理局部门预算\n第二部分 2026年部门预算情况说明\n"
            "二、“三公”经费安排情况\n2026年本部门财政拨款安排“三公”经费12.64万元，其中："
            "公务用车购置及运行维护费12.64万元（公务用车购置费0万元，比上年增加0万元；公务用车"
            "运行维护费12.64万元，比上年减少4.11万元。）比上年减少4.11万元，下降24.5%，主要原因"
            "是公务用车社会化保障。\n")
    report = finreport.parse(text)
    assert report.three_public is not None and report.three_public.vehicles is not None
    change = report.three_public.vehicles.change
    assert change is not None and change.percent is not None
    assert change.percent.value == Decimal("24.5")
    assert [f.code for f in finreport.check(report)
            if f.severity is finreport.Severity.ERROR] == []


_HEAD26 = "2026年某某区城市管理局部门预算\n第二部分 2026年部门预算情况说明\n一、“三公”经费预算情况说明\n"


@pytest.mark.parametrize("body", [
    # a wider quantity named in the next sentence is not the earlier one named again
    "公务用车购置及运行维护费15.00万元。运行维护费比上年减少2.00万元，下降16.67%。",
    "政府性基金预算财政拨款支出1,000.00万元。与上年相比，财政拨款支出增加1,000.00万元，增长12.5%。",
    "一般公共预算财政拨款支出8,000.00万元。与上年相比，财政拨款支出增加1,500.00万元，增长20%。",
    "服务类政府采购预算500.00万元。政府采购预算总额比上年增加100.00万元，增长11.11%。",
    "国有资本经营预算收入500.00万元。经营收入比上年增加100.00万元，增长11.11%。",
    # an aside with brackets inside it opens at its first bracket
    "“三公”经费预算20.00万元（因公出国（境）费0万元。）比上年减少2.00万元，下降9.09%。",
    "公务用车购置及运行维护费15.00万元（公务用车购置费5.00万元（购置1辆），比上年增加5.00万元。）"
    "比上年增加4.00万元，增长36.36%。",
    # a change opening a sentence after amounts side by side belongs to none of them
    "公共交通运营补助（项）8,000.00万元，主要用于出租车补贴3,000.00万元。比上年执行数增加"
    "1,000.00万元，增长14.3%。",
    "小学教育（项）300.00万元，主要用于2025年结转的校舍维修项目50.00万元及日常运行。比上年执行数"
    "增加30.00万元，增长11.11%。",
])
def test_a_change_is_never_given_to_another_quantity(body: str) -> None:
    report = finreport.parse(_HEAD26 + body + "\n")
    assert [f.message for f in finreport.check(report)
            if f.severity is finreport.Severity.ERROR] == []


def test_a_change_after_a_list_is_the_whole_s() -> None:
    # 行政运行's 500 broken down after 其中: the change opening the next sentence is its
    text = ("2026年某某区城市管理局部门预算\n第二部分 2026年部门预算情况说明\n"
            "五、一般公共预算拨款支出情况\n行政运行（项）500.00万元，其中人员经费400.00万元，"
            "公用经费100.00万元。比上年执行数增加50.00万元，增长11.11%。\n")
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR] == []
    wrong = text.replace("增长11.11%", "增长12.11%")
    errors = [f for f in finreport.check(finreport.parse(wrong))
              if f.severity is finreport.Severity.ERROR]
    assert [(f.code, [wrong[s.start:s.end] for s in f.spans]) for f in errors] == [
        ("FR301", ["12.11%", "50.00万元", "500.00万元"])]


_HEAD_PARTS = "2026年某某区水务局部门预算\n第二部分 2026年部门预算情况说明\n"


def _errors(text: str) -> list[tuple[str, list[str]]]:
    return [(f.code, [text[s.start:s.end] for s in f.spans])
            for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR]


def test_a_section_of_parts_has_no_total() -> None:
    # two parts and no total: the first part is not the total of the second
    text = (_HEAD_PARTS + "一、支出预算情况说明\n2026年基本支出3,000.00万元（主要用于人员工资、公用"
            "经费等。）项目支出2,000.00万元（主要用于河道管护。）比上年增加200.00万元，增长11.11%。\n")
    report = finreport.parse(text)
    assert report.expenditure is not None and report.expenditure.total is None
    assert [(e.name.text, str(e.amount.value) if e.amount else None)
            for e in report.expenditure.items] == [("基本支出", "3000.00"), ("项目支出", "2000.00")]
    assert _errors(text) == []


def test_a_part_named_first_leaves_the_total_to_the_later_whole() -> None:
    text = (_HEAD_PARTS + "一、收入预算情况说明\n（一）财政拨款收入4,500.00万元（占收入预算的90%。）\n"
            "（二）事业收入500.00万元（占收入预算的10%。）\n"
            "收入预算合计5,000.00万元，比上年增加250.00万元，增长5.26%。\n")
    report = finreport.parse(text)
    assert report.income is not None and report.income.total is not None
    assert (report.income.total.name.text, str(report.income.total.amount.value)) == (
        "收入预算合计", "5000.00")
    assert [(e.name.text, str(e.amount.value)) for e in report.statements
            if e.amount is not None] == [("财政拨款收入", "4500.00"), ("事业收入", "500.00")]
    assert _errors(text) == []
    # a part's own list with no total stated: nothing to add up either
    assert _errors(_HEAD_PARTS + "一、支出预算情况说明\n2026年项目支出预算3,000.00万元，其中基本建设"
                   "项目支出800.00万元。\n") == []


def test_a_bracketed_breakdown_inside_a_list_is_no_part_of_it() -> None:
    text = (_HEAD_PARTS + "一、支出预算情况说明\n2026年支出预算5,000.00万元，其中基本支出3,000.00万元"
            "（人员经费2,500.00万元，公用经费500.00万元。）项目支出2,000.00万元。\n")
    report = finreport.parse(text)
    assert report.expenditure is not None
    assert [e.name.text.strip(")）") for e in report.expenditure.items] == ["基本支出", "项目支出"]
    assert _errors(text) == []
    wrong = text.replace("项目支出2,000.00", "项目支出2,100.00")
    assert _errors(wrong) == [("FR101", ["5,000.00万元", "3,000.00万元", "2,100.00万元"])]


@pytest.mark.parametrize("body", [
    # a subjectless change after two funds' amounts: whose change it is, nobody can say
    "一、财政拨款收入支出情况\n2026年一般公共预算拨款收入4,000.00万元，占收入预算的80%；政府性基金"
    "预算拨款收入1,000.00万元，占收入预算的20%。比上年预算数增加500.00万元，增长11.11%。\n",
    # 财政拨款支出 after 一般公共预算财政拨款支出 drops the fund: a wider quantity
    "一、一般公共预算拨款支出情况说明\n2026年一般公共预算财政拨款支出4,000.00万元。与上年相比，"
    "财政拨款支出增加750.00万元，增长16.67%。\n",
])
def test_a_change_of_a_wider_or_unnamed_quantity_is_not_the_head_s(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


@pytest.mark.parametrize("body", [
    # changes against last year's budget and against its execution are two changes
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算41.00万元，比上年预算减少3.50万元，比上年执行数"
    "增加2.20万元。\n",
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算41.00万元，比上年预算减少3.50万元。其中，因公出国"
    "（境）费12.00万元，比上年执行数增加1.10万元；公务接待费9.00万元，比上年执行数增加0.60万元；"
    "公务用车购置及运行维护费20.00万元，比上年执行数增加0.50万元。\n",
    # last year's amount beside this year's is no restatement of it
    "一、机关运行经费预算情况\n2026年机关运行经费预算55.60万元，上年预算58.00万元。\n",
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算45.00万元，比2025年预算数38.50万元增加6.50万元，"
    "增长16.88%。\n",
    "一、机关运行经费预算情况\n2026年机关运行经费预算364200元，比上年预算减少34400元。"
    "2025年机关运行经费预算为398600元。\n",
    # 2026年支出预算: the year and the one word name the total
    "一、收支预算总体情况说明\n2026年收入预算3,521.56万元，其中：一般公共预算拨款收入3,341.56万元，"
    "事业收入180万元。\n2026年支出预算3,521.56万元，比上年增加121.06万元，增长3.56%。\n",
    # a part's own list (其中…) inside the total's list, up to its ；
    "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，占60%，其中人员经费"
    "1,500.00万元，占基本支出的83.33%，公用经费300.00万元；项目支出1,200.00万元，占40%。\n",
    # a change opening a sentence, with last year's amount written in, or after 与上年相比，
    "一、机关运行经费预算情况说明\n2026年机关运行经费预算100.90万元，其中：局机关62.75万元，执法大队"
    "38.15万元。比上年预算97.50万元增加3.40万元，增长3.49%。\n",
    "一、财政拨款收支预算情况说明\n2026年财政拨款收支预算22,140.37万元，其中：一般公共预算拨款"
    "18,140.37万元，政府性基金预算拨款4,000.00万元。与上年相比，增加1,263.22万元，增长6.05%。\n",
])
def test_a_red_team_shape_gives_no_error(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


def test_a_part_s_own_list_is_no_part_of_the_total_s() -> None:
    text = (_HEAD_PARTS + "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，"
            "其中人员经费1,500.00万元，公用经费300.00万元；项目支出1,300.00万元。\n")
    report = finreport.parse(text)
    assert report.expenditure is not None
    assert [e.name.text for e in report.expenditure.items] == ["基本支出", "项目支出"]
    assert _errors(text) == [("FR101", ["3,000.00万元", "1,800.00万元", "1,300.00万元"])]


def test_a_change_after_a_list_with_its_prior_amount_is_the_total_s() -> None:
    text = (_HEAD_PARTS + "一、机关运行经费预算情况说明\n2026年机关运行经费预算100.90万元，其中：局机关"
            "62.75万元，执法大队38.15万元。比上年预算97.50万元增加3.50万元，增长3.49%。\n")
    # 100.90 − 97.50 = 3.40, not 3.50: the total's change is checked against its prior
    # (FR307) and its rate (FR301: 3.50 ÷ 97.40 = 3.59 %)
    assert [code for code, _ in _errors(text)] == ["FR307", "FR301"]


@pytest.mark.parametrize("body", [
    # counts beside a fleet that are no kinds of it: in brackets, a change, a quota, a plan
    "一、国有资产占有使用情况\n本部门共有车辆9辆，其中：局机关3辆（应急保障用车3辆），市救助站6辆。\n",
    "一、国有资产占有使用情况\n本部门共有车辆9辆，其中：执法执勤用车6辆（含新能源汽车2辆），"
    "应急保障用车3辆。\n",
    "一、国有资产占有使用情况\n截至2025年12月31日，本部门共有车辆8辆，编制数9辆。\n",
    "一、国有资产占有使用情况\n截至上年末，本单位共有车辆21辆，比2024年末减少2辆。\n",
    "一、国有资产占有使用情况\n本部门共有公务用车8辆，较上年末增加1辆，其中：执法执勤用车5辆，"
    "应急保障用车3辆。\n",
    "一、“三公”经费预算情况说明\n截至2025年底，本部门公务用车保有量6辆，2026年拟报废1辆、购置1辆。\n",
    # the units: 本级 and six, seven in all
    "一、部门预算单位构成\n本部门部门预算由委本级和所属6家二级预算单位组成，共7个预算单位。\n",
    # a zero needs no unit
    "一、政府性基金预算支出情况说明\n2026年本部门政府性基金预算支出为0。\n",
    # parts numbered ①②, no total stated
    "一、收入预算情况说明\n①一般公共预算拨款收入2,780.40万元，占89.96%；\n②事业收入310.25万元，占10.04%。\n",
    # the list of one class ends where the next class is numbered as it is
    "一、一般公共预算拨款支出情况说明\n1.一般公共服务支出（类）500.36万元，其中：\n（1）行政运行（项）"
    "412.36万元；\n（2）一般行政管理事务（项）88.00万元；\n2.住房保障支出（类）52.18万元。\n",
    # 本年收入 listed under 收入预算 is a part of it, not it again
    "一、收入预算情况说明\n2026年收入预算3,000.00万元，其中：本年收入2,800.00万元，占93.33%；"
    "上年结转结余200.00万元，占6.67%。\n",
    # a fund's income beside its spending, the change after the spending
    "一、政府性基金预算支出情况说明\n2026年政府性基金预算拨款收入820.00万元，政府性基金预算拨款支出"
    "960.00万元，比上年减少240.00万元，下降20.00%。\n",
    # 小微 under 中小企业 with a share naming no whole
    "一、政府采购情况说明\n2026年政府采购预算600.00万元，授予中小企业合同金额460.00万元，其中授予"
    "小微企业合同金额300.00万元，占65.2%。\n",
    # two scopes of the three public expenses
    "一、“三公”经费预算情况说明\n2026年一般公共预算财政拨款“三公”经费预算28.00万元；全口径“三公”"
    "经费预算30.00万元（含单位资金安排2.00万元）。\n",
    # the income side and the spending side of one total, side by side
    "一、财政拨款收支总体情况说明\n2026年财政拨款收支总预算2,700.00万元。其中：收入包括一般公共预算"
    "拨款2,500.00万元，上年结转200.00万元；支出包括一般公共服务支出2,400.00万元，住房保障支出"
    "300.00万元。\n",
    # a part stated first, then the whole
    "一、收支预算总体情况说明\n其他收入180万元。收入预算2,521.56万元，比上年增加121.06万元，增长5.04%。\n",
])
def test_a_red_team_count_or_list_shape_gives_no_error(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


def test_the_kinds_of_a_fleet_are_still_added_up() -> None:
    text = (_HEAD_PARTS + "一、国有资产占有使用情况\n本部门共有车辆9辆，其\n中：执法执勤用车6辆（含新能源"
            "汽车2辆），应急保障用车4辆。\n")
    assert [code for code, _ in _errors(text)] == ["FR905"]


def test_a_class_s_items_are_still_its_parts() -> None:
    text = (_HEAD_PARTS + "一、一般公共预算拨款支出情况说明\n1.一般公共服务支出（类）400.36万元，其中：\n"
            "（1）行政运行（项）412.36万元；\n（2）一般行政管理事务（项）88.00万元；\n2.住房保障支出（类）"
            "52.18万元。\n")
    assert _errors(text) == [("FR101", ["400.36万元", "412.36万元", "88.00万元"])]


def test_a_change_after_a_list_whose_parts_have_none_is_nobody_s() -> None:
    # the whole's change or the last part's: not sure, so nobody's, and no rate is checked
    text = (_HEAD_PARTS + "一、支出预算情况说明\n2026年支出预算86,420.18万元，其中基本支出61,230.45万元，"
            "项目支出25,189.73万元，比上年增加4,304.58万元，增长5.24%，主要原因是人员增加。\n")
    report = finreport.parse(text)
    assert report.expenditure is not None
    assert [e.change for e in (report.expenditure.total, *report.expenditure.items)
            if e is not None] == [None, None, None]
    assert _errors(text) == []
    # a change written after each part is that part's
    each = (_HEAD_PARTS + "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中基本支出2,000.00万元，"
            "比上年增加100.00万元，增长5.26%；项目支出1,000.00万元，比上年增加100.00万元，增长12%。\n")
    assert _errors(each) == [("FR301", ["12%", "100.00万元", "1,000.00万元"])]


def test_last_year_s_total_written_in_a_comparison_is_the_prior() -> None:
    text = (_HEAD_PARTS + "一、机关运行经费预算情况说明\n2026年本部门机关运行经费预算100.90万元，其中："
            "局机关62.75万元，执法大队38.15万元。比上年预算合计97.50万元增加3.40万元，增长3.49%。\n")
    assert _errors(text) == []


@pytest.mark.parametrize("body", [
    # a part's own list opened by 包括, closed by 。 or by ，
    "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，包括人员经费1,500.00万元、"
    "公用经费300.00万元；项目支出1,200.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，其中人员经费1,500.00万元，"
    "公用经费300.00万元。项目支出1,200.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，其中人员经费1,500.00万元，"
    "公用经费300.00万元，项目支出1,200.00万元。\n",
    # a part stated again with its own list; changes written 分别
    "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，项目支出1,200.00万元。"
    "基本支出1,800.00万元，其中人员经费1,500.00万元，公用经费300.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，项目支出1,200.00万元，"
    "分别增加100.00万元、100.00万元。\n",
    # classes with their own lists, numbered 1./2. or 一是/二是, under a total
    "一、一般公共预算拨款支出情况说明\n2026年一般公共预算拨款支出1,316.50万元，其中：1.一般公共服务支出（类）"
    "1,198.30万元，其中：（1）行政运行（项）986.20万元；（2）一般行政管理事务（项）212.10万元；"
    "2.住房保障支出（类）118.20万元。\n",
    "一、一般公共预算拨款支出情况说明\n一是一般公共服务支出（类）1,198.30万元，其中：行政运行（项）986.20万元；"
    "一般行政管理事务（项）212.10万元；二是住房保障支出（类）118.20万元。\n",
    # brackets with a list inside, 【】 brackets
    "一、支出预算情况说明\n2026年支出预算5,000.00万元，其中：基本支出3,000.00万元（占60%，其中人员经费"
    "2,500.00万元），项目支出2,000.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算5,000.00万元，其中：基本支出3,000.00万元【人员经费2,500.00万元，"
    "公用经费500.00万元】，项目支出2,000.00万元。\n",
    # last year's amount in other words
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算28.60万元，2025年预算为31.20万元，减少2.60万元，"
    "下降8.33%。\n",
    "一、机关运行经费预算情况说明\n2026年机关运行经费预算364,200元，比2025年年初预算398,600元减少34,400元，"
    "下降8.63%。\n",
    "一、机关运行经费预算情况说明\n2026年机关运行经费预算364,200元，与2025年预算398,600元相比，减少34,400元，"
    "下降8.63%。\n",
    "一、机关运行经费预算情况说明\n2026年机关运行经费预算364,200元，上年同口径预算398,600元，减少34,400元，"
    "下降8.63%。\n",
    "一、机关运行经费预算情况说明\n2026年机关运行经费预算364,200元，2025年为398,600元，减少34,400元，"
    "下降8.63%。\n",
    "一、机关运行经费预算情况说明\n2026年机关运行经费预算364,200元，比上年预算减少34,400元，下降8.63%。"
    "上年机关运行经费预算为398,600元。\n",
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算12.60万元，与2025年预算14.00万元相比减少1.40万元，"
    "下降10.00%。上年“三公”经费预算为14.00万元。\n",
    # a part listed in the overview under the whole keyed alike
    "一、收支预算总体情况说明\n2026年收入预算3,000.00万元，其中：本年收入2,800.00万元，上年结转200.00万元。\n",
    # the parts of the 全口径 total are of its scope
    "一、“三公”经费预算情况说明\n2026年一般公共预算财政拨款“三公”经费预算42.00万元，其中：因公出国（境）费"
    "8.00万元，公务接待费10.00万元，公务用车购置及运行维护费24.00万元。\n2026年全口径“三公”经费预算"
    "58.50万元，其中：因公出国（境）费10.00万元，公务接待费14.50万元，公务用车购置及运行维护费34.00万元。\n",
    # a heading about the state as of last year's end
    "二、国有资产占用情况（截至2025年12月31日）\n本部门共有车辆2辆。\n",
])
def test_a_red_team_5_shape_gives_no_error(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


@pytest.mark.parametrize(("body", "code"), [
    ("一、国有资产占有使用情况\n截至2025年12月31日，本部门共有公务用车5辆（其中：一般公务用车2辆，执法执勤用车"
     "4辆）。\n", "FR905"),
    ("一、国有资产占有使用情况\n截至2025年12月31日，本部门共有公务用车5辆，分别为一般公务用车2辆、执法执勤用车"
     "4辆。\n", "FR905"),
    ("一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：基本支出1,800.00万元，包括人员经费1,500.00万元、"
     "公用经费300.00万元；项目支出1,300.00万元。\n", "FR101"),
])
def test_kinds_in_brackets_or_after_fenbiewei_are_still_counted(body: str, code: str) -> None:
    assert [c for c, _ in _errors(_HEAD_PARTS + body)] == [code]


def test_a_change_against_another_basis_has_its_rate_checked() -> None:
    body = ("一、“三公”经费预算情况说明\n2026年“三公”经费预算36.00万元，比上年预算减少4.00万元，下降10%；"
            "比上年执行数增加3.00万元，增长{rate}。\n")
    assert _errors(_HEAD_PARTS + body.format(rate="9.09%")) == []  # 3.00 ÷ 33.00
    wrong = _HEAD_PARTS + body.format(rate="9.90%")
    assert _errors(wrong) == [("FR301", ["9.90%", "3.00万元", "36.00万元"])]


@pytest.mark.parametrize(("own", "found"), [
    # a part's own list, in brackets or after 其中 up to its ；, is checked against the part
    ("基本支出5,210.00万元（人员经费4,380.00万元，公用经费830.00万元），占61.58%；", []),
    ("基本支出5,210.00万元（人员经费4,380.00万元，公用经费930.00万元），占61.58%；",
     [("FR101", ["5,210.00万元", "4,380.00万元", "930.00万元"])]),
    ("基本支出5,210.00万元，其中人员经费4,380.00万元，公用经费830.00万元；", []),
    ("基本支出5,210.00万元，其中人员经费4,380.00万元，公用经费930.00万元；",
     [("FR101", ["5,210.00万元", "4,380.00万元", "930.00万元"])]),
])
def test_a_part_s_own_list_is_checked_against_the_part(
        own: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、支出预算情况说明\n2026年支出预算8,460.00万元，其中：" + own
            + "项目支出3,250.00万元，占38.42%。\n")
    assert _errors(text) == found
    # the share after the bracket is the part's (5,210 ÷ 8,460 = 61.58 %), not 公用经费's
    report = finreport.parse(text)
    assert report.expenditure is not None
    assert [(e.name.text, str(e.share.value) if e.share else None)
            for e in report.expenditure.items] == (
        [("基本支出", "61.58"), ("项目支出", "38.42")] if "（" in own
        else [("基本支出", None), ("项目支出", "38.42")])


@pytest.mark.parametrize(("total", "found"), [
    ("3,578.58", []),
    ("3,588.58", [("FR101", ["3,588.58万元", "3,426.18万元", "152.40万元"])]),
])
def test_a_total_of_the_amounts_above_adds_them_up(
        total: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、收入预算情况说明\n（一）财政拨款收入3,426.18万元；\n（二）事业收入152.40万元。\n"
            f"以上收入合计{total}万元。\n")
    assert _errors(text) == found


def test_a_clause_of_all_funds_gives_its_scope_to_the_next_subject() -> None:
    text = (_HEAD_PARTS + "一、“三公”经费预算情况说明\n2026年“三公”经费财政拨款预算1,945.25万元，比上年预算"
            "减少20.75万元，下降1.06%。\n另外，按全口径统计，2026年“三公”经费预算2,071.65万元（含单位资金"
            "安排126.40万元）。\n")
    report = finreport.parse(text)
    assert report.three_public is not None and report.three_public.total is not None
    assert str(report.three_public.total.amount.value) == "1945.25"
    assert [(e.name.text, e.scope) for e in report.statements if e.amount is not None
            and e.amount.value == Decimal("2071.65")] == [('"三公"经费', finreport.Scope.ALL_FUNDS)]
    assert _errors(text) == []


@pytest.mark.parametrize(("second", "found"), [
    ("212.10", []),
    ("222.10", [("FR101", ["1,198.30万元", "986.20万元", "222.10万元"])]),
])
def test_a_class_s_own_items_under_a_total_are_checked_against_the_class(
        second: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、一般公共预算拨款支出情况说明\n2026年一般公共预算拨款支出1,316.50万元，其中："
            "1.一般公共服务支出（类）1,198.30万元，其中：（1）行政运行（项）986.20万元；（2）一般行政管理"
            f"事务（项）{second}万元；2.住房保障支出（类）118.20万元。\n")
    assert _errors(text) == found


def test_a_part_s_own_list_that_runs_to_the_sentence_end_is_nobody_s_list() -> None:
    # 项目支出 may be 基本支出's item or the total's part: 基本支出 gets no list of its own
    text = (_HEAD_PARTS + "一、支出预算情况说明\n2026年支出预算3,500.00万元，其中：基本支出1,000.00万元，"
            "其中人员经费800.00万元，公用经费200.00万元，项目支出2,000.00万元。事业单位经营支出"
            "500.00万元。\n")
    report = finreport.parse(text)
    assert report.expenditure is not None and report.expenditure.partial
    assert [b.total.name.text for b in report.lists if b.total is not None] == []
    assert _errors(text) == []


@pytest.mark.parametrize(("body", "found"), [
    # the kinds of a count listed in the next sentence, opened by 其中
    ("一、国有资产占有使用情况\n截至2025年12月31日，本部门共有公务用车5辆。其中：一般公务用车2辆，执法执勤用车"
     "3辆。\n", []),
    ("一、国有资产占有使用情况\n截至2025年12月31日，本部门共有公务用车5辆。其中：一般公务用车2辆，执法执勤用车"
     "4辆。\n", [("FR905", ["5辆", "2辆", "4辆"])]),
    ("一、部门预算单位构成\n本部门由委机关和所属6家事业单位组成，共7个预算单位。其中行政单位1个，事业单位6个。\n",
     []),
    ("一、部门预算单位构成\n本部门由委机关和所属6家事业单位组成，共7个预算单位。其中行政单位2个，事业单位6个。\n",
     [("FR905", ["7个", "2个", "6个"])]),
    # a later sentence that is not opened by 其中 lists no kinds of the count
    ("一、国有资产占有使用情况\n截至2025年12月31日，本部门共有公务用车5辆。2026年拟购置执法执勤用车6辆。\n", []),
])
def test_the_kinds_of_a_count_may_follow_in_the_next_sentence(
        body: str, found: list[tuple[str, list[str]]]) -> None:
    assert _errors(_HEAD_PARTS + body) == found


@pytest.mark.parametrize(("change", "found"), [
    ("收入比上年预算增加110.00万元，增长5.95%。", []),
    ("收入比上年预算增加110.00万元，增长6.95%。", [("FR301", ["6.95%", "110.00万元", "1,960.00万元"])]),
    ("总体比上年增加110.00万元，增长5.95%。", []),
    ("总体比上年增加110.00万元，增长6.95%。", [("FR301", ["6.95%", "110.00万元", "1,960.00万元"])]),
])
def test_a_change_after_the_parts_named_as_the_whole_is_the_total_s(
        change: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、收入预算情况说明\n2026年收入预算1,960.00万元，其中：一般公共预算拨款收入"
            "1,720.00万元，事业收入180.00万元，其他收入60.00万元。" + change + "\n")
    assert _errors(text) == found


@pytest.mark.parametrize(("prior", "found"), [
    ("2025年机关运行经费预算为398,600元。", []),
    ("2025年机关运行经费预算为396,600元。",
     [("FR307", ["34,400元", "364,200元", "396,600元"])]),
    # another stage of last year's money (its execution) is no prior of a budget's change
    ("2025年机关运行经费执行数为396,600元。", []),
])
def test_last_year_s_amount_in_a_later_sentence_is_the_change_s_prior(
        prior: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、机关运行经费预算情况说明\n2026年机关运行经费预算364,200元，比上年预算减少"
            "34,400元，下降8.63%。" + prior + "\n")
    assert _errors(text) == found
    report = finreport.parse(text)
    assert report.operating_costs is not None and report.operating_costs.change is not None
    prior_amount = report.operating_costs.change.prior
    assert (str(prior_amount.value) if prior_amount else None) == (
        None if "执行" in prior else prior[14:21].replace(",", ""))


@pytest.mark.parametrize(("reception", "found"), [
    ("15.50", []),
    ("14.50", [("FR101", ["59.50万元", "10.00万元", "14.50万元", "34.00万元"])]),
])
def test_the_three_public_expenses_of_all_funds_add_up(
        reception: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、“三公”经费预算情况说明\n2026年一般公共预算财政拨款“三公”经费预算42.00万元，"
            "其中：因公出国（境）费8.00万元，公务接待费10.00万元，公务用车购置及运行维护费24.00万元。\n"
            "2026年全口径“三公”经费预算59.50万元，其中：因公出国（境）费10.00万元，公务接待费"
            f"{reception}万元，公务用车购置及运行维护费34.00万元。\n")
    assert _errors(text) == found


@pytest.mark.parametrize(("carry", "found"), [
    ("80.00", []),
    ("180.00", [("FR101", ["2,680.00万元", "2,400.00万元", "200.00万元", "180.00万元"])]),
])
def test_two_sides_listed_in_the_total_s_sentence_each_add_up(
        carry: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、收支预算总体情况说明\n2026年收支总预算2,680.00万元，其中：收入包括一般公共"
            f"预算拨款收入2,400.00万元、事业收入200.00万元、上年结转{carry}万元；支出包括基本支出"
            "1,900.00万元、项目支出780.00万元。\n")
    assert _errors(text) == found


_KINDS = ("一般公务用车", "执法执勤用车", "特种专业技术用车", "其他用车")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=4),
       st.integers(min_value=-3, max_value=3))
def test_kinds_listed_in_the_next_sentence_never_exceed_the_count(kinds: list[int], slip: int) -> None:
    total = sum(kinds) + slip
    assume(total >= 0)
    listed = "，".join(f"{name}{n}辆" for name, n in zip(_KINDS, kinds, strict=False))
    text = (_HEAD_PARTS + f"一、国有资产占有使用情况\n截至2025年12月31日，本部门共有公务用车{total}辆。"
            f"其中：{listed}。\n")
    # kinds adding up to less may leave some out (其中): only more is a contradiction
    assert [code for code, _ in _errors(text)] == (["FR905"] if slip < 0 else [])


@pytest.mark.parametrize("body", [
    # the SME share named with 政府采购 in its words is of the SME amount
    "一、政府采购预算情况\n2026年政府采购预算总额300.00万元。面向中小企业预留政府采购项目预算金额240.00万元，"
    "其中，预留给小微企业的政府采购项目预算为180.00万元，占预留给中小企业政府采购项目预算的75%。\n",
    # A、B、C分别为x、y、z: one amount each, and their shares too
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算20.00万元。因公出国（境）费、公务用车购置及运行费、"
    "公务接待费分别为2.00万元、15.00万元、3.00万元，分别占10%、75%、15%。\n",
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：基本支出、项目支出分别为1,500.00万元、500.00万元。\n",
    # 分别 after parts with no total before them: one change and one rate each
    "一、支出预算情况说明\n基本支出1,100.00万元，项目支出500.00万元，分别比上年增加50.00万元、50.00万元，"
    "分别增长4.76%、11.11%。\n",
    # a list whose kinds overlap (整体): its sum says nothing
    "一、预算绩效管理情况说明\n2026年本部门绩效目标管理全覆盖，涉及一般公共预算当年拨款1,500.00万元，其中：项目支出"
    "6个，金额400.00万元；部门整体支出1个，金额1,500.00万元。\n",
    # parts numbered （一）（二） with their own items on lines of their own
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：\n（一）基本支出1,500.00万元，包括：\n1.人员经费"
    "1,300.00万元；\n2.公用经费200.00万元。\n（二）项目支出500.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：\n（一）基本支出1,500.00万元。其中：\n1.人员经费"
    "1,300.00万元；\n2.公用经费200.00万元。\n（二）项目支出500.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：\n（一）基本支出1,500.00万元。\n人员经费1,300.00"
    "万元，占基本支出的86.67%；公用经费200.00万元，占基本支出的13.33%。\n（二）项目支出500.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：\n1.基本支出1,500.00万元。基本支出中，人员经费"
    "1,300.00万元，公用经费200.00万元。\n2.项目支出500.00万元。\n",
    # a total of both halves listing each half's total under a 收入 heading
    "一、收入预算情况说明\n2026年收支预算总计2,520.80万元，其中：收入预算总计2,520.80万元，包括一般公共预算拨款"
    "收入2,300.80万元、上年结转220.00万元；支出预算总计2,520.80万元，包括基本支出1,620.80万元、项目支出"
    "900.00万元。\n",
    # what a part is used for, after the parts
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：基本支出1,500.00万元，项目支出500.00万元，主要用于"
    "档案数字化200.00万元、信息化建设150.00万元等。\n",
    # 增减 with a sign: a change of unknown direction, no part
    "一、收入预算情况说明\n2026年收入预算2,000.00万元，比上年增减-100.00万元，增减率-4.76%。\n",
    # 另有 after a fleet's kinds: beside the fleet
    "一、国有资产占有使用情况\n截至2025年12月31日，本部门共有车辆8辆，其中：一般公务用车3辆，执法执勤用车5辆；"
    "另有特种专业技术用车2辆。\n",
    # shares naming another whole than the list's total (本年收入; 一般公共预算拨款)
    "一、收入预算情况说明\n2026年收入预算2,000.00万元，其中：一般公共预算拨款收入1,500.00万元，占本年收入的"
    "83.33%；事业收入300.00万元，占本年收入的16.67%；上年结转200.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：基本支出1,500.00万元，占一般公共预算拨款的83.33%；"
    "项目支出500.00万元。\n",
    # a subtotal inside the list
    "一、收入预算情况说明\n2026年收入预算2,000.00万元，其中：一般公共预算拨款收入1,500.00万元，政府性基金预算拨款"
    "收入300.00万元，合计财政拨款1,800.00万元；上年结转200.00万元。\n",
])
def test_a_red_team_6_shape_gives_no_error(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


def test_respective_amounts_go_to_their_names() -> None:
    text = (_HEAD_PARTS + "一、“三公”经费预算情况说明\n2026年“三公”经费预算20.00万元。因公出国（境）费、"
            "公务用车购置及运行费、公务接待费分别为2.00万元、15.00万元、3.00万元，分别比上年减少1.00万元、"
            "0.50万元和0.20万元。\n")
    three = finreport.parse(text).three_public
    assert three is not None
    assert [(e.name.text, str(e.amount.value), str(e.change.amount.value))
            for e in (three.overseas, three.vehicles, three.reception)
            if e is not None and e.amount is not None and e.change is not None
            and e.change.amount is not None] == [
        ("因公出国(境)费", "2.00", "1.00"), ("公务用车购置及运行费", "15.00", "0.50"),
        ("公务接待费", "3.00", "0.20")]


@pytest.mark.parametrize(("body", "found"), [
    # the rates spread over the parts: the second one is checked against its own part
    ("基本支出1,100.00万元，项目支出500.00万元，分别比上年增加50.00万元、50.00万元，分别增长4.76%、12.11%。",
     [("FR301", ["12.11%", "50.00万元", "500.00万元"])]),
    # numbered parts with items of their own: the items against their part, the parts
    # against the total
    ("2026年支出预算2,000.00万元，其中：\n（一）基本支出1,500.00万元，包括：\n1.人员经费1,300.00万元；\n"
     "2.公用经费300.00万元。\n（二）项目支出500.00万元。",
     [("FR101", ["1,500.00万元", "1,300.00万元", "300.00万元"])]),
    ("2026年支出预算2,000.00万元，其中：\n（一）基本支出1,500.00万元，包括：\n1.人员经费1,300.00万元；\n"
     "2.公用经费200.00万元。\n（二）项目支出600.00万元。",
     [("FR101", ["2,000.00万元", "1,500.00万元", "600.00万元"])]),
])
def test_a_red_team_6_slip_is_still_caught(body: str, found: list[tuple[str, list[str]]]) -> None:
    assert _errors(_HEAD_PARTS + "一、支出预算情况说明\n" + body + "\n") == found


@pytest.mark.parametrize(("carry", "found"), [
    ("20.00", []),
    ("30.00", [("FR101", ["1,280.00万元", "1,100.00万元", "160.00万元", "30.00万元"])]),
])
def test_the_list_of_a_section_s_one_quantity_adds_up(
        carry: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、收支预算总体情况\n2026年收入预算1,280.00万元，其中：一般公共预算拨款收入1,100.00"
            f"万元，事业收入160.00万元，上年结转{carry}万元。\n")
    assert _errors(text) == found


@pytest.mark.parametrize(("retired", "found"), [
    ("12", []),
    ("72", [("FR909", ["61人", "72人"])]),
])
def test_counts_of_a_section_no_mapper_reads_are_still_listed(
        retired: str, found: list[tuple[str, list[str]]]) -> None:
    # a section of counts alone (部门基本情况) is read: its count lists are checked
    text = (_HEAD_PARTS + f"一、部门基本情况\n本部门实有人员61人，其中：在职人员49人，离退休人员{retired}人。\n"
            "二、收支预算总体情况\n2026年收支预算总计1,000.00万元。\n")
    assert _errors(text) == found


@pytest.mark.parametrize(("body", "found"), [
    # the last part's own list in brackets is checked against the part
    ("一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：项目支出1,200.00万元，基本支出1,800.00万元"
     "（人员经费1,500.00万元，公用经费300.00万元）。\n", []),
    ("一、支出预算情况说明\n2026年支出预算3,000.00万元，其中：项目支出1,200.00万元，基本支出1,800.00万元"
     "（人员经费1,500.00万元，公用经费350.00万元）。\n",
     [("FR101", ["1,800.00万元", "1,500.00万元", "350.00万元"])]),
    # last year's amount in a bracket after this year's is the change's prior
    ("一、机关运行经费预算情况说明\n2026年机关运行经费预算86.40万元（上年预算数为90.00万元），比上年减少3.60万元，"
     "下降4%。\n", []),
    ("一、机关运行经费预算情况说明\n2026年机关运行经费预算86.40万元（上年预算数为92.00万元），比上年减少3.60万元，"
     "下降4%。\n", [("FR307", ["3.60万元", "86.40万元", "92.00万元"])]),
    # counts with their money beside them: the counts still never exceed their whole
    ("一、预算绩效目标设置情况\n2026年实行绩效目标管理的项目15个，其中：新增项目5个，金额100.00万元；延续项目"
     "10个，金额300.00万元。\n", []),
    ("一、预算绩效目标设置情况\n2026年实行绩效目标管理的项目15个，其中：新增项目5个，金额100.00万元；延续项目"
     "17个，金额300.00万元。\n", [("FR909", ["15个", "17个"])]),
])
def test_a_red_team_6_missed_slip_is_caught(body: str, found: list[tuple[str, list[str]]]) -> None:
    assert _errors(_HEAD_PARTS + body) == found


@pytest.mark.parametrize(("balance", "found"), [
    ("30.00", []),
    ("40.00", [("FR101", ["150.00万元", "120.00万元", "40.00万元"])]),
])
def test_a_sentence_naming_its_whole_lists_that_whole_s_parts(
        balance: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_HEAD_PARTS + "一、收入预算情况说明\n2026年收入预算1,450.00万元，其中：本年收入1,300.00万元，"
            f"上年结转结余150.00万元。上年结转结余中，结转120.00万元，结余{balance}万元。\n")
    assert _errors(text) == found


@pytest.mark.parametrize(("share", "found"), [
    ("86.67%", []),
    ("88.67%", [("FR201", ["88.67%", "1,300.00万元", "1,500.00万元"])]),
])
def test_a_share_naming_an_amount_stated_just_before_is_checked_against_it(
        share: str, found: list[tuple[str, list[str]]]) -> None:
    # no total is stated for the list: the share names its whole (基本支出), stated above
    text = (_HEAD_PARTS + "一、支出预算情况说明\n基本支出1,500.00万元，包括：\n"
            f"1.人员经费1,300.00万元，占基本支出的{share}；\n2.公用经费200.00万元，占基本支出的13.33%。\n")
    assert _errors(text) == found


@pytest.mark.parametrize("body", [
    # names joined by 和 before 分别为
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算20.00万元。因公出国（境）费、公务用车购置及运行费和公务接待费"
    "分别为2.00万元、15.00万元和3.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：商品和服务支出和资本性支出分别为1,600.00万元和"
    "400.00万元。\n",
    # one amount for several names
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：基本支出、项目支出均为1,000.00万元。\n",
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：基本支出、项目支出各1,000.00万元。\n",
    # 分别 after parts with their own lists in brackets
    "一、支出预算情况说明\n2026年支出预算2,000.00万元，其中：基本支出1,500.00万元（人员经费1,300.00万元、公用经费"
    "200.00万元），项目支出500.00万元，分别占75%、25%。\n",
    # a rate clause without 分别 after a 分别 change clause; thousands separators
    "一、支出预算情况说明\n基本支出1,500.00万元，项目支出500.00万元，分别比上年增加100.00万元、50.00万元，"
    "增长7.14%、11.11%。\n",
    "一、支出预算情况说明\n基本支出11,500.00万元，项目支出5,500.00万元，分别比上年增加1,000.00万元、"
    "1,500.00万元，分别增长9.52%、37.50%。\n",
    # mixed directions and 持平 inside one 分别 list
    "一、支出预算情况说明\n基本支出1,500.00万元，项目支出500.00万元，分别比上年增加100.00万元和减少50.00万元，"
    "分别增长7.14%和下降9.09%。\n",
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算20.00万元。因公出国（境）费、公务用车购置及运行费、公务接待费"
    "分别为2.00万元、15.00万元、3.00万元，分别比上年增加1.00万元、持平、减少1.00万元。\n",
    # the other half after an income's list is no part of it
    "一、收支预算总体情况\n2026年收入预算2,000.00万元，其中：一般公共预算拨款收入1,500.00万元，事业收入300.00万元，"
    "上年结转200.00万元；支出预算2,000.00万元。\n",
    "一、财政拨款收支总体情况\n财政拨款收入1,800.00万元，其中：一般公共预算拨款收入1,500.00万元，政府性基金预算"
    "拨款收入300.00万元；财政拨款支出1,800.00万元。\n",
    # the three public expenses of all funds after the appropriation's
    "一、“三公”经费预算情况说明\n2026年一般公共预算财政拨款“三公”经费预算20.00万元。全口径“三公”经费预算30.00万元，"
    "其中：因公出国（境）费3.00万元，公务用车购置及运行费22.00万元，公务接待费5.00万元。\n",
    "一、“三公”经费预算情况说明\n2026年“三公”经费预算20.00万元，其中：因公出国（境）费2.00万元，公务用车购置及运行费"
    "15.00万元，公务接待费3.00万元。按全口径统计，“三公”经费预算30.00万元，其中：因公出国（境）费3.00万元，"
    "公务用车购置及运行费22.00万元，公务接待费5.00万元。\n",
])
def test_a_red_team_7_shape_gives_no_error(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


@pytest.mark.parametrize(("body", "found"), [
    ("基本支出1,500,000元，项目支出500,000元，分别比上年增加100,000元、50,000元，分别增长7.14%、12.11%。",
     [("FR301", ["12.11%", "50,000元", "500,000元"])]),
    ("基本支出1,500.00万元，项目支出500.00万元，分别比上年增加100.00万元和减少50.00万元，分别增长7.14%和"
     "下降8.09%。", [("FR301", ["8.09%", "50.00万元", "500.00万元"])]),
])
def test_a_red_team_7_spread_slip_is_caught(body: str, found: list[tuple[str, list[str]]]) -> None:
    assert _errors(_HEAD_PARTS + "一、支出预算情况说明\n" + body + "\n") == found


@pytest.mark.parametrize("body", [
    # both halves' total said once with 均为, then each half's list
    "一、收支预算总体情况\n白石市档案馆2026年度收入、支出预算总计均为3,917.45万元，比上年减少142.49万元，"
    "下降3.51%。其中：收入包括一般公共预算拨款收入3,818.61万元、事业收入91.70万元、其他收入7.14万元；支出包括"
    "社会保障和就业支出3,513.45万元、卫生健康支出108.48万元、住房保障支出295.52万元。\n",
    # a count of people beside a count of units is no kind of unit
    "一、部门预算单位构成\n本部门纳入2026年部门预算编制范围的单位共3个，在职人员编制29名。\n",
    # a line break inside 包括 (as extracted PDF text has it)
    "一、收支预算总体情况\n2026年收支总预算3,000.00万元，其中：收入包括一般公共预算拨款收入2,800.00万元、上年结转"
    "200.00万元；支出包\n括基本支出1,800.00万元、项目支出1,200.00万元。\n",
])
def test_a_red_team_8_shape_gives_no_error(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


@pytest.mark.parametrize("body", [
    # a list numbered again from （一） after the parts is no more of the total's parts
    "一、支出预算情况说明\n2026年支出预算1,000.00万元，其中：（一）基本支出600.00万元；（二）项目支出400.00万元。\n"
    "项目支出中，政府采购预算合计300.00万元：（一）货物采购100.00万元；（二）服务采购200.00万元。\n",
    # unnumbered entries under a numbered part are no sure list of it
    "一、支出预算情况说明\n2026年支出预算1,000.00万元，其中：\n（一）基本支出600.00万元，包括人员经费500.00万元、"
    "公用经费100.00万元，公用经费中机关运行经费80.00万元。\n（二）项目支出400.00万元。\n",
    # a sentence naming its whole: a part's own 其中 list is no part of the whole's
    "一、收支预算总体情况说明\n2026年收支总预算1,000.00万元，上年结转结余150.00万元。\n上年结转结余中，基本支出结转"
    "50.00万元，其中人员经费结转30.00万元、公用经费结转20.00万元；项目支出结转70.00万元；结余30.00万元。\n",
    # last year's amount of the name a share names is no whole of it
    "一、支出预算情况说明\n2026年基本支出600.00万元。2025年基本支出550.00万元。人员经费500.00万元，占基本支出的"
    "83.33%。\n",
    # 分别 after a part's own list that closed at its ；: not sure whose
    "一、支出预算情况说明\n2026年基本支出600.00万元，其中人员经费500.00万元、公用经费100.00万元；项目支出400.00万元，"
    "分别比上年增加10.00万元、20.00万元，增长1.69%、5.26%。\n",
])
def test_a_review_shape_gives_no_error(body: str) -> None:
    assert _errors(_HEAD_PARTS + body) == []


_FINAL_HEAD = "某某县档案馆2025年度部门决算\n第二部分 2025年度部门决算情况说明\n"


@pytest.mark.parametrize("text", [
    # a unit named …服务中心: its procurement total is no services part
    _HEAD_PARTS + "一、政府采购预算情况\n2026年某某市政务服务中心政府采购预算总额253.52万元，分别为：货物类75.82万元、"
    "工程类0.00万元、服务类177.70万元。\n",
    # a class line is no slip of the general budget's name
    _HEAD_PARTS + "一、一般公共预算支出预算情况说明\n2026年一般公共预算支出2,151.21万元。\n1.一般公共服务支出（类）"
    "审计事务（款）行政运行（项）支出538.41万元。\n",
    # the template's closing reason after a list is its whole's, not the last part's
    _FINAL_HEAD + "七、“三公”经费财政拨款支出决算情况说明\n2025年度“三公”经费财政拨款支出预算为10.00万元，支出决算为"
    "8.00万元，完成预算的80.00%。其中：公务用车购置及运行维护费支出决算为5.00万元，完成预算的71.43%；公务接待费"
    "支出决算为3.00万元，完成预算的100.00%。决算数小于预算数的主要原因是厉行节约。\n",
    # numbered 项 lines with no class: their figures are theirs, not the whole's
    _FINAL_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n2025年度一般公共"
    "预算财政拨款支出年初预算为233.15万元，支出决算为189.69万元，完成年初预算的81.36%。其中：\n"
    "1.机关事业单位基本养老保险缴费支出（2080505）：年初预算为189.05万元，支出决算为148.86万元，完成年初预算的"
    "78.74%。\n2.机关事业单位职业年金缴费支出（2080506）：年初预算为44.10万元，支出决算为40.83万元，完成年初"
    "预算的92.59%。\n",
    # a footer 第 N 页，共 M 页 between an amount and its unit
    _FINAL_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n2025年度一般公共预算财政拨款支出年初预算为811.62万元，"
    "支出决算为777.81\n第 12 页，共 20 页\n万元，完成年初预算的95.83%。\n",
])
def test_a_red_team_9_shape_gives_no_error(text: str) -> None:
    assert [(c, q) for c, q in _errors_and_warnings(text) if c != "FR903"] == []


def _errors_and_warnings(text: str) -> list[tuple[str, list[str]]]:
    report = finreport.parse(text)
    return [(f.code, [text[s.start:s.end] for s in f.spans]) for f in finreport.check(report)
            if f.severity in (finreport.Severity.ERROR, finreport.Severity.WARNING)]


def test_a_group_name_with_its_own_bracket_keeps_the_path() -> None:
    line = finreport.BudgetLine.parse(
        "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）：支出决算为519.25万元")
    c = line.classification
    assert [p.text if p is not None else None for p in (c.category, c.group, c.item)] == [
        "一般公共服务支出", "政府办公厅(室)及相关机构事务", "一般行政管理事务"]
    assert line.amount is not None and str(line.amount.value) == "519.25"


def test_a_university_s_final_accounts_read_their_detail_as_final_accounts() -> None:
    text = ("某某职业技术学院2025年度部门决算\n第二部分 2025年度部门决算情况说明\n"
            "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
            "1.教育支出（类）职业教育（款）高等职业教育（项）：年初预算为338.61万元，支出决算为479.92万元，"
            "完成年初预算的{rate}。\n")
    assert finreport.parse(text.format(rate="141.73%")).kind is (
        finreport.ReportKind.UNIVERSITY_FINAL_ACCOUNTS)
    assert [c for c, _ in _errors(text.format(rate="141.73%"))] == []
    assert [c for c, _ in _errors(text.format(rate="141.85%"))] == ["FR401"]


_THREE_PUBLIC_TABLE = (
    "2026年某某县统计局部门预算\n第二部分 2026年部门预算表\n一般公共预算“三公”经费支出预算表\n"
    "部门：某某县统计局                                       单位：万元\n"
    "合计   因公出国（境）费   公务用车购置及运行费   公务接待费\n"
    "              小计   公务用车购置费   公务用车运行费\n"
    "{total}   0.00   {vehicles}   26.39   12.20   15.57\n"
    "第三部分 2026年部门预算情况说明\n一、“三公”经费预算情况说明\n2026年“三公”经费预算54.16万元。\n")


@pytest.mark.parametrize(("total", "vehicles", "found"), [
    ("54.16", "38.59", []),
    ("55.16", "38.59", [("FR116", ["55.16", "0.00", "38.59", "15.57"])]),
    ("54.16", "37.59", [("FR116", ["54.16", "0.00", "37.59", "15.57"]),
                        ("FR116", ["37.59", "26.39", "12.20"])]),
])
def test_a_three_public_table_row_adds_up(total: str, vehicles: str,
                                          found: list[tuple[str, list[str]]]) -> None:
    text = _THREE_PUBLIC_TABLE.format(total=total, vehicles=vehicles)
    assert [f for f in _errors(text) if f[0] == "FR116"] == found


@pytest.mark.parametrize("text", [
    # 项 lines written code first after their number: their figures are theirs
    _FINAL_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n2025年度一般公共"
    "预算财政拨款支出年初预算为300.00万元，支出决算为250.00万元，完成年初预算的83.33%。其中：\n"
    "1.2080505机关事业单位基本养老保险缴费支出：年初预算为200.00万元，支出决算为150.00万元，完成年初预算的"
    "75.00%。决算数小于预算数的主要原因是厉行节约。\n2.2210201住房公积金：年初预算为100.00万元，支出决算为"
    "100.00万元，完成年初预算的100.00%。决算数与预算数持平。\n",
    # a two-sided list of a 收、支 total: each side adds up on its own
    _FINAL_HEAD + "四、财政拨款收入支出决算总体情况说明\n2025年度财政拨款收、支总计均为1,000.00万元。其中：年初财政"
    "拨款结转和结余50.00万元，本年财政拨款收入950.00万元；本年财政拨款支出980.00万元，年末财政拨款结转和结余"
    "20.00万元。\n",
    # …支出决算为X。其中：both halves: no list of the spending
    _FINAL_HEAD + "四、财政拨款收入支出决算总体情况说明\n2025年度财政拨款收、支总计均为1,564.98万元。财政拨款支出"
    "年初预算为1,442.15万元，全年预算为1,564.46万元，支出决算为1,522.07万元，完成全年预算的97.29%。\n其中：年初"
    "财政拨款结转和结余54.19万元，本年财政拨款收入1,510.79万元；本年财政拨款支出1,522.07万元，年末财政拨款结转"
    "和结余42.91万元。\n",
])
def test_a_red_team_10_shape_gives_no_error(text: str) -> None:
    assert [(c, q) for c, q in _errors_and_warnings(text) if c != "FR903"] == []


@pytest.mark.parametrize(("rate", "found"), [
    ("90.00%", []),
    ("95.00%", [("FR401", ["95.00%", "198.00万元", "220.00万元"])]),
])
def test_a_completion_of_the_adjusted_budget_is_checked_against_it(
        rate: str, found: list[tuple[str, list[str]]]) -> None:
    text = (_FINAL_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
            "1.一般公共服务支出（类）人大事务（款）行政运行（项）：年初预算为200.00万元，调整预算为220.00万元，"
            f"支出决算为198.00万元，完成调整预算的{rate}。\n")
    assert _errors(text) == found


def test_a_summary_table_with_line_numbers_is_not_balanced_on_them() -> None:
    # 行次 columns: the first cell of each half is the line's number, not its amount; the
    # reader leaves the numbers out, and the halves are balanced on the amounts
    text = ("某某局2025年度部门决算\n第二部分 2025年度部门决算表\n收入支出决算总表\n单位：万元\n"
            "项目                              行次      决算数    项目                              行次      决算数\n"
            "一、一般公共预算财政拨款收入         1    2,321.45    一、一般公共服务支出                32    1,759.91\n"
            "八、其他收入                         4       39.46    十九、住房保障支出                  35      601.00\n"
            "本年收入合计                        20    2,360.91    本年支出合计                        50    2,360.91\n"
            "总计                                22    2,360.91    总计                                52    2,360.91\n")
    report = finreport.parse(text)
    assert [(row.name.text, [str(c.value) for c in row.cells]) for row in report.tables[0].rows] == [
        ("一、一般公共预算财政拨款收入", ["2321.45"]), ("一、一般公共服务支出", ["1759.91"]),
        ("八、其他收入", ["39.46"]), ("十九、住房保障支出", ["601.00"]),
        ("本年收入合计", ["2360.91"]), ("本年支出合计", ["2360.91"]),
        ("总计", ["2360.91"]), ("总计", ["2360.91"])]
    assert list(finreport.audit(report, select=["FR113"]).findings) == []
    slipped = text.replace("52    2,360.91", "52    2,360.81")
    assert [f.code for f in finreport.check(finreport.parse(slipped), select=["FR113"])] == [
        "FR113"]
