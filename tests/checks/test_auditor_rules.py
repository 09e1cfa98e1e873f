"""The rules of what an auditor also catches (issue 20), on texts of our own: the parts'
changes against the total's (FR303, a property), a code with two names (FR908), the
other kind's words (FR907), 机关运行经费 left out (FR602)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finreport

HEAD = "第一部分 2020年度部门决算情况说明\n一、支出决算情况说明\n"

_cents = st.integers(min_value=1, max_value=10_000_000)
_changes = st.integers(min_value=-5_000_00, max_value=5_000_00)


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _change(cents: int) -> str:
    if cents == 0:
        return "与上年持平"
    return f"比上年{'增加' if cents > 0 else '减少'}{_money(abs(cents))}万元"


def _text(parts: list[tuple[int, int]], total_change: int) -> str:
    total = sum(amount for amount, _ in parts)
    names = ["基本支出", "项目支出", "上缴上级支出"]
    listed = "；".join(f"{names[k]}{_money(amount)}万元，{_change(change)}"
                      for k, (amount, change) in enumerate(parts))
    return (HEAD + f"2020年本年支出合计{_money(total)}万元，{_change(total_change)}，"
            f"其中：{listed}。\n")


def _codes(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text)) if f.code == "FR303"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_cents, _changes.filter(lambda c: c != 0)), min_size=2, max_size=3))
def test_parts_changes_that_add_up_give_nothing(parts: list[tuple[int, int]]) -> None:
    total_change = sum(change for _, change in parts)
    if total_change == 0:
        return  # 持平 with no amount: no amount to compare
    assert _codes(_text(parts, total_change)) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_cents, _changes.filter(lambda c: c != 0)), min_size=2, max_size=3),
       st.integers(min_value=3, max_value=100_000), st.sampled_from([-1, 1]))
def test_a_total_change_off_by_more_than_rounding_is_an_error(
        parts: list[tuple[int, int]], slip: int, sign: int) -> None:
    # each figure written to the cent carries ±0.005: n parts and the total together
    # ±0.005·(n + 1) < 0.03·n
    total_change = sum(change for _, change in parts) + sign * slip * len(parts)
    if total_change == 0:
        return
    assert _codes(_text(parts, total_change)) == ["FR303"]


def test_a_total_said_to_grow_while_its_parts_shrink() -> None:
    text = _text([(6000, -1500), (4000, -500)], 1000)
    found = [f for f in finreport.check(finreport.parse(text)) if f.code == "FR303"]
    assert [f.message for f in found] == ["支出合计的变动+10.00万元与各项变动之和-20.00万元不符"]
    assert [text[s.start:s.end] for s in found[0].spans] == ["10.00万元", "15.00万元", "5.00万元"]


_TABLES = ("2026年度某某局部门预算\n第一部分 2026年度部门预算表\n"
           "一般公共预算支出表\n单位：万元\n科目编码      科目名称              合计\n"
           "合计                                10.00\n"
           "208           社会保障和就业支出    10.00\n"
           "20805         行政事业单位养老支出  10.00\n"
           "2080501       行政单位离退休        10.00\n"
           "第二部分 2026年度部门预算情况说明\n一、一般公共预算拨款支出情况\n"
           "2026年度一般公共预算拨款支出10.00万元。其中（按项级科目分类统计）：\n")


def test_one_code_two_names() -> None:
    same = _TABLES + "（一）2080501-行政单位离退休10.00万元。主要用于离退休人员支出。\n"
    assert [f.code for f in finreport.check(finreport.parse(same)) if f.code == "FR908"] == []
    other = _TABLES + "（一）2080501-机关事业单位基本养老保险缴费支出10.00万元。主要用于缴费。\n"
    found = [f for f in finreport.check(finreport.parse(other)) if f.code == "FR908"]
    assert [f.message for f in found] == [
        "科目编码2080501在一处为“行政单位离退休”，在另一处为“机关事业单位基本养老保险缴费支出”"]
    # a table cell cuts a long name: the cut name begins the whole one
    cut = _TABLES.replace("2080501       行政单位离退休", "2080501       行政单位离") + (
        "（一）2080501-行政单位离退休10.00万元。主要用于离退休人员支出。\n")
    assert [f.code for f in finreport.check(finreport.parse(cut)) if f.code == "FR908"] == []


def test_a_budget_in_the_final_accounts_words() -> None:
    head = "2026年度某某局部门预算\n第一部分 某某局概况\n一、部门预算单位构成\n"
    right = head + "某某局部门预算包括：某某局本级预算（行政单位）和某某中心（事业单位）预算。\n"
    wrong = head + "某某局部门预算包括：某某局本级决算（行政单位）和某某中心（事业单位）决算。\n"
    assert [f.code for f in finreport.check(finreport.parse(right)) if f.code == "FR907"] == []
    report = finreport.parse(wrong)
    assert [p.text for p in report.other_kind_words] == ["本级决算", "(事业单位)决算"]
    assert [f.code for f in finreport.check(report) if f.code == "FR907"] == ["FR907"]
    # 决算 in the department's business, elsewhere, is no wording of the other kind
    business = ("2026年度某某局部门预算\n第一部分 某某局概况\n一、部门主要职责\n"
                "负责审核本级决算草案，组织预决算公开。\n")
    assert finreport.parse(business).other_kind_words == ()


def test_operating_costs_left_out_of_the_other_matters() -> None:
    head = ("2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n"
            "一、收支预算总体情况\n2026年收支预算总计100.00万元。\n二、其他重要事项情况说明\n")
    stated = head + "（一）机关运行经费\n2026年机关运行经费预算10.00万元。\n"
    none = head + "（一）机关运行经费\n本部门无机关运行经费。\n"
    left_out = head + "（一）政府采购情况\n本部门无政府采购预算。\n"
    for text, codes in ((stated, []), (none, []), (left_out, ["FR602"])):
        assert [f.code for f in finreport.check(finreport.parse(text))
                if f.code == "FR602"] == codes


_COUNT_HEAD = ("2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n"
               "一、预算绩效目标设置情况\n")


@pytest.mark.parametrize(("sentence", "found"), [
    ("2026年本部门共有项目10个，其中：新增项目7个、延续项目3个。", []),
    ("2026年本部门共有项目10个，其中：新增项目12个、延续项目3个。",
     ["本部门共有项目10个，其中一项为12个，大于总数"]),
    # parts that add up to more may overlap: not counted
    ("2026年本部门共有项目10个，其中：新增项目7个、重点项目5个。", []),
    # what the sentence goes on to count is another thing (学科门类 / 重点学科)
    ("学校涵盖了哲、经、法等12个学科门类，其中有3个国家重点学科、51个一级学科硕士学位授权点。", []),
    # two sentences: the counts of the next are no parts, unless it opens with 其中 right
    # after the count (then it goes on with the count's list)
    ("2026年本部门共有项目10个。2026年新增项目12个。", []),
    ("2026年本部门共有项目10个。其中：新增项目12个。", ["本部门共有项目10个，其中一项为12个，大于总数"]),
    # 另有: something beside the whole, no part of it
    ("2026年本部门共有项目10个，其中：新增项目7个；另有储备项目12个。", []),
])
def test_a_count_listed_under_a_whole_never_exceeds_it(sentence: str, found: list[str]) -> None:
    report = finreport.parse(_COUNT_HEAD + sentence + "\n")
    assert [f.message for f in finreport.check(report) if f.code == "FR909"] == found


_FORM = ("2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n一、预算绩效目标设置情况\n"
         "\t项目绩效目标表\n\n\t项目名称\n\t帮扶项目\n\n"
         "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n"
         "\t\n\t产出指标\n\t质量指标\n\t{name}\n\t{value}\n\n")


@pytest.mark.parametrize(("name", "value", "codes"), [
    ("验收合格率", "≥95%", []),
    ("验收合格率", "=1100%", ["FR705"]),
    ("服务对象满意度", "≥100%", []),
    # rates that may pass 100 %: no share of a whole
    ("项目完成率", "≥110%", []),
    ("成本控制率", "≤195%", []),
])
def test_a_share_of_a_whole_is_never_over_100(name: str, value: str, codes: list[str]) -> None:
    report = finreport.parse(_FORM.format(name=name, value=value))
    targets = [i.target.text.text for t in report.project_tables for i in t.indicators]
    assert targets == [value]
    assert [f.code for f in finreport.check(report) if f.code == "FR705"] == codes


# FR304 reason-direction and FR305 copied-reason ----------------------------------------

REASONS_HEAD = "第二部分 2026年部门预算情况说明\n一、财政拨款收支预算总体情况\n"


def _reason_findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in finreport.check(finreport.parse(text))
            if f.code in ("FR304", "FR305")]


def test_a_reason_given_for_a_fall_under_a_rise() -> None:
    text = REASONS_HEAD + ("财政拨款收入17883万元，比2025年预算增加156万元。\n"
                           "财政拨款收入支出减少的主要原因是项目按年度计划减少。\n")
    assert _reason_findings(text) == [
        ("FR304", "财政拨款收入增加156万元，而其原因写作“财政拨款收入支出减少的主要原因是”")]


def test_a_reason_abstains_when_the_halves_it_names_go_different_ways() -> None:
    text = REASONS_HEAD + ("财政拨款收入100万元，比2025年预算增加10万元；"
                           "财政拨款支出80万元，比2025年预算减少10万元。\n"
                           "财政拨款收入支出减少的主要原因是项目调整。\n")
    audit = finreport.audit(finreport.parse(text))
    assert _reason_findings(text) == []
    assert [(c.code, c.outcome.value, c.reason) for c in audit.checks if c.code == "FR304"] == [
        ("FR304", "abstained", "the changes it explains do not all say one direction")]


def test_a_reason_of_no_change_under_a_zero_change_holds() -> None:
    text = REASONS_HEAD + ("财政拨款收入100万元，比2025年预算增加0万元。\n"
                           "财政拨款收入支出持平的主要原因是工作任务不变。\n")
    audit = finreport.audit(finreport.parse(text))
    assert _reason_findings(text) == []
    assert [c.outcome.value for c in audit.checks if c.code == "FR304"] == ["holds"]


def test_a_reason_named_for_another_quantity_is_not_compared() -> None:
    text = REASONS_HEAD + ("公用经费100万元，比2025年预算增加10万元。\n"
                           "人员经费减少的主要原因是退休人员增加。\n")
    audit = finreport.audit(finreport.parse(text))
    assert [c for c in audit.checks if c.code == "FR304"] == []


def test_one_reason_copied_under_a_rise_and_a_fall() -> None:
    text = REASONS_HEAD + ("1.住房公积金200万元，比上年增加20万元。主要原因是缴费基数调整，人员增加。\n"
                           "2.提租补贴100万元，比上年减少7.5万元。主要原因是缴费基数调整，人员增加。\n")
    assert _reason_findings(text) == [
        ("FR305", "提租补贴减少7.5万元与住房公积金增加20万元的原因同为“缴费基数调整，人员增加”")]


def test_a_reason_with_no_direction_of_its_own_explains_either_way() -> None:
    text = REASONS_HEAD + ("1.会议费20万元，比上年增加2万元，主要原因是根据工作需要调整。\n"
                           "2.培训费10万元，比上年减少1万元，主要原因是根据工作需要调整。\n")
    assert _reason_findings(text) == []


def test_a_reason_after_two_changes_of_one_sentence_is_bound_to_neither() -> None:
    text = REASONS_HEAD + ("1.会议费20万元，比上年增加2万元，其中培训费10万元，比上年减少1万元，"
                           "主要原因是人员增加。\n"
                           "2.差旅费30万元，比上年增加3万元，主要原因是人员增加。\n")
    assert _reason_findings(text) == []


_amounts = st.integers(min_value=1, max_value=1_000_000)


@settings(max_examples=60, deadline=None)
@given(_amounts, st.integers(min_value=-50_000, max_value=50_000))
def test_a_reason_said_the_way_its_change_goes_gives_nothing(amount: int, change: int) -> None:
    way = "增加" if change > 0 else "减少" if change < 0 else "持平"
    stated = _change(change * 100).replace("上年", "2025年预算")
    text = REASONS_HEAD + (f"财政拨款收入{_money(amount * 100)}万元，{stated}。\n"
                           f"财政拨款收入支出{way}的主要原因是项目调整。\n")
    assert _reason_findings(text) == []


@settings(max_examples=60, deadline=None)
@given(_amounts, st.integers(min_value=1, max_value=50_000), st.sampled_from([-1, 1]))
def test_a_reason_said_the_other_way_is_an_error(amount: int, change: int, sign: int) -> None:
    stated = _change(sign * change * 100).replace("上年", "2025年预算")
    way = "减少" if sign > 0 else "增加"
    text = REASONS_HEAD + (f"财政拨款收入{_money(amount * 100)}万元，{stated}。\n"
                           f"财政拨款收入支出{way}的主要原因是项目调整。\n")
    assert [code for code, _ in _reason_findings(text)] == ["FR304"]


# FR910 unit-slip -----------------------------------------------------------------------

SLIP_HEAD = ("第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
             "2026年收入预算总计27,900.73万元，支出预算总计27,900.73万元。\n"
             "五、国有资产占有使用情况\n")


def _slips(text: str) -> list[str]:
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR910"]


def test_yuan_written_as_wan_is_ten_thousand_times_the_whole() -> None:
    text = SLIP_HEAD + "截至2026年1月31日，本部门固定资产金额302,475,975.31万元。\n"
    assert _slips(text) == [
        "302475975.31万元是全部收支27900.73万元的10841倍；若以元计为30247.60万元"]


@pytest.mark.parametrize("amount", [
    "83,000.00万元",        # fixed assets three times the budget: a department's
    "30,247,597,531,000.00万元",  # too large even in 元: not a slip of the unit
])
def test_amounts_that_are_no_unit_slip(amount: str) -> None:
    assert _slips(SLIP_HEAD + f"截至2026年1月31日，本部门固定资产金额{amount}。\n") == []


def test_no_whole_stated_nothing_to_compare() -> None:
    text = ("第二部分 2026年部门预算情况说明\n五、国有资产占有使用情况\n"
            "截至2026年1月31日，本部门固定资产金额302,475,975.31万元。\n")
    assert _slips(text) == []


# FR103 procurement-awards --------------------------------------------------------------

def _procurement(total: int, sme: int, small: int) -> str:
    return ("第二部分 2020年度部门决算情况说明\n八、其他重要事项的情况说明\n（二）政府采购支出情况\n"
            f"2020年政府采购支出总额{_money(total)}万元。授予中小企业合同金额{_money(sme)}万元，"
            f"其中：授予小微企业合同金额{_money(small)}万元。\n")


def _award_codes(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text)) if f.code == "FR103"]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000_000), st.data())
def test_awards_within_their_wholes_give_nothing(total: int, data: st.DataObject) -> None:
    sme = data.draw(st.integers(min_value=0, max_value=total))
    small = data.draw(st.integers(min_value=0, max_value=sme))
    assert _award_codes(_procurement(total, sme, small)) == []


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000_000), st.integers(min_value=2, max_value=10_000))
def test_an_award_over_its_whole_is_an_error(total: int, over: int) -> None:
    # both written to the cent (±0.005 each): 0.02 over cannot be rounding
    assert _award_codes(_procurement(total, total + over, 0)) == ["FR103"]
    assert _award_codes(_procurement(total + over, total, total + over)) == ["FR103"]


def test_a_reserved_budget_is_not_an_award() -> None:
    text = ("第二部分 2024年度部门决算情况说明\n八、其他重要事项的情况说明\n（二）政府采购支出情况\n"
            "本部门2024年度政府采购金额（以合同签订为准）为100.00万元。"
            "2024年度本部门面向中小企业预留政府采购项目预算金额150.00万元。\n")
    assert _award_codes(text) == []


# FR306 same-change ---------------------------------------------------------------------

def _restated_change(first: int, again: int) -> str:
    return ("第二部分 2026年部门预算情况说明\n一、财政拨款收支总体情况\n"
            f"2026年财政拨款收入100.00万元，{_change(first)}。主要原因是项目调整。"
            f"2026年财政拨款收入100.00万元，{_change(again)}。\n")


def _same_change(text: str) -> list[str]:
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR306"]


@settings(max_examples=60, deadline=None)
@given(_changes.filter(lambda c: c != 0))
def test_one_change_stated_twice_gives_nothing(change: int) -> None:
    assert _same_change(_restated_change(change, change)) == []


@settings(max_examples=60, deadline=None)
@given(_changes.filter(lambda c: c != 0), st.integers(min_value=2, max_value=100_000),
       st.sampled_from([-1, 1]))
def test_a_restated_change_off_by_more_than_rounding_is_an_error(
        change: int, slip: int, sign: int) -> None:
    again = change + sign * slip
    if again == 0:
        return  # 持平 has no amount to compare
    assert len(_same_change(_restated_change(change, again))) == 1


def test_a_restated_change_the_other_way() -> None:
    assert _same_change(_restated_change(1000, -1000)) == [
        "财政拨款收入的变动在此处为减少10.00万元，而在别处为增加10.00万元"]


def test_a_change_stated_again_is_never_an_amount_of_the_quantity() -> None:
    report = finreport.parse(_restated_change(1000, 1200))
    entry = report.fiscal_appropriation
    assert entry is not None and entry.amount is not None and entry.change is not None
    assert [a.value for a in entry.restated if isinstance(a, finreport.Amount)] == [
        Decimal("100.00")]
    assert [c.amount.value for c in entry.restated_changes if c.amount] == [Decimal("12.00")]
    assert [f.code for f in finreport.check(report) if f.code in ("FR501", "FR306")] == [
        "FR306"]


def test_fiscal_income_and_expenditure_of_final_accounts_are_two_quantities() -> None:
    # 财政拨款收入 and 财政拨款支出 differ by the year-end balances: never one quantity
    text = ("第二部分 2020年度部门决算情况说明\n四、财政拨款收入支出决算总体情况说明\n"
            "2020年度财政拨款收入100.00万元，比上年增加10.00万元；"
            "财政拨款支出90.00万元，比上年增加5.00万元。\n")
    report = finreport.parse(text)
    assert report.fiscal_appropriation is not None
    assert report.fiscal_appropriation.name.text == "财政拨款收入"
    assert [e.name.text for e in report.statements] == ["财政拨款支出"]
    assert [f.code for f in finreport.check(report) if f.code in ("FR501", "FR306")] == []


# FR622 department-form-funds -----------------------------------------------------------

def _department(basic: str, project: str, total: str) -> str:
    return ("第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
            "2026年收入预算100.00万元。相应安排支出预算100.00万元，比上年增加10.00万元。"
            "其中：基本支出60.00万元、项目支出40.00万元、事业单位经营支出0.00万元、"
            "上缴上级支出0.00万元、对附属单位补助支出0.00万元。\n"
            "七、预算绩效情况\n部门整体支出绩效目标表\n（2026年度）\n"
            "部门名称         某某局       部门预算编码                      301\n"
            f"资金总额                               {total}\n"
            f"项目支出                                {project}\n"
            "年度预算安排（万\n元）\n"
            f"基本支出                                {basic}\n"
            "其他资金                                  0.00\n"
            "总体目标       保障机关正常运转。\n"
            "一级指标            二级指标            三级指标             目标值\n"
            "产出指标            数量指标          保障人数            ≥50人\n")


def _department_findings(text: str) -> list[str]:
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR622"]


def test_a_department_form_of_its_budget_holds() -> None:
    audit = finreport.audit(finreport.parse(_department("60.00", "40.00", "100.00")))
    assert [c.outcome.value for c in audit.checks if c.code == "FR622"] == ["holds"]


def test_a_department_form_whose_project_money_is_no_basis_of_the_budget() -> None:
    assert _department_findings(_department("60.00", "22.85", "82.85")) == [
        "部门整体支出绩效目标表资金总额82.85万元、项目支出22.85万元，"
        "而预算（全部资金）为100.00万元、40.00万元"]


def test_a_department_form_that_agrees_with_no_line_is_not_compared() -> None:
    # nothing shows the form is of this budget's money (another unit's, another year's)
    assert _department_findings(_department("10.00", "5.00", "15.00")) == []


# FR104 fund-part -----------------------------------------------------------------------

def _fund_claim(total: int, part: int, fund: str = "均为一般公共预算拨款",
                name: str = "涉及预算拨款") -> str:
    return ("2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n"
            f"一、财政拨款收支总体情况\n2026年度财政拨款收支总预算{_money(total)}万元。\n"
            f"二、预算绩效情况\n2026年对项目支出全面实施绩效目标管理，{name}{_money(part)}万元，"
            f"{fund}。\n")


def _fund_findings(text: str) -> list[str]:
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR104"]


@settings(max_examples=60, deadline=None)
@given(_cents, st.data())
def test_an_amount_within_its_fund_gives_nothing(total: int, data: st.DataObject) -> None:
    part = data.draw(st.integers(min_value=0, max_value=total))
    assert _fund_findings(_fund_claim(total, part)) == []
    assert _fund_findings(_fund_claim(total, part, "全部为财政拨款资金")) == []


@settings(max_examples=60, deadline=None)
@given(_cents, st.integers(min_value=2, max_value=10_000_000))
def test_an_amount_over_its_fund_is_an_error(total: int, over: int) -> None:
    # both written to the cent (±0.005 each): 0.02 over cannot be rounding
    assert len(_fund_findings(_fund_claim(total, total + over))) == 1


def test_the_fund_part_finding_quotes_the_amount_its_words_and_the_whole() -> None:
    text = _fund_claim(1872891, 3956087)
    findings = [f for f in finreport.check(finreport.parse(text)) if f.code == "FR104"]
    assert [f.message for f in findings] == [
        "涉及预算拨款39560.87万元，均为一般公共预算拨款，但大于财政拨款收支总18728.91万元"]
    assert [text[s.start:s.end] for s in findings[0].spans] == [
        "39560.87万元", "均为一般公共预算拨款", "18728.91万元"]
    assert findings[0].severity is finreport.Severity.WARNING


def test_an_amount_of_several_years_or_not_right_after_is_no_part() -> None:
    # a project's whole investment spans years; words not right after the amount are
    # about something else
    assert _fund_findings(_fund_claim(10000, 50000, name="项目总投资")) == []
    assert _fund_findings(_fund_claim(10000, 50000, fund="主要用于项目，均为一般公共预算拨款")) == []
    # the other funds name no total here: nothing is compared
    assert _fund_findings(_fund_claim(10000, 50000, fund="均为政府性基金预算拨款")) == []


@pytest.mark.parametrize("name", [
    "对上年度项目支出开展了绩效自评，涉及预算拨款",  # another year
    "三年合计安排预算拨款",  # several years
    "全周期预算资金",
    "“十五五”期间安排资金",
    "启动至今共安排资金",
    "全市教育系统（含局属学校）涉及预算拨款",  # a wider scope
])
def test_an_amount_of_another_year_or_scope_is_not_read_as_the_funds(name: str) -> None:
    text = _fund_claim(10000, 50000, name=name)
    assert _fund_findings(text) == []
    assert [e.funded_by for e in finreport.parse(text).statements if e.funded_by] == []


def test_a_claim_is_of_the_amount_right_before_it_only() -> None:
    # the second sentence's 涉及预算拨款 restates the first's name: its claim is its own
    text = ("2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n"
            "一、财政拨款收支总体情况\n2026年度财政拨款收支总预算420.00万元。\n"
            "二、预算绩效情况\n本部门对上年度项目支出开展了绩效自评，涉及预算拨款500.00万元，"
            "均为一般公共预算拨款。2026年对项目支出全面实施绩效目标管理，涉及预算拨款320.00万元，"
            "均为一般公共预算拨款。\n")
    assert _fund_findings(text) == []


def test_an_income_total_is_no_bound_of_a_funds_money() -> None:
    # 一般公共预算拨款收入 leaves out the carry-over the year's money also spends
    text = ("2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n一、财政拨款收支总体情况\n"
            "2026年一般公共预算拨款收入500.00万元，上年结转一般公共预算拨款80.00万元。\n"
            "二、预算绩效情况\n2026年本部门编报部门整体绩效目标1个，涉及预算拨款580.00万元，"
            "均为一般公共预算拨款。\n")
    assert _fund_findings(text) == []


def test_final_accounts_are_not_compared() -> None:
    text = _fund_claim(10000, 50000).replace("2026年度某某局部门预算", "2025年度某某局部门决算")
    assert finreport.parse(text).kind is finreport.ReportKind.FINAL_ACCOUNTS
    assert _fund_findings(text) == []


# FR308 fund-prior-year -----------------------------------------------------------------

def _fund_years(amount: int, income_change: int, spending_change: int,
                basis: str = "") -> str:
    return ("2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n一、收支预算总体情况\n"
            f"2026年收入预算{_money(amount)}万元，{_change(income_change)}，主要原因是"
            f"一般公共预算拨款收入{_change(income_change)[3:]}。其中：一般公共预算拨款收入"
            f"{_money(amount)}万元。\n二、一般公共预算拨款支出情况\n2026年一般公共预算拨款支出"
            f"{_money(amount)}万元，{_change(spending_change).replace('上年', '上年' + basis)}。\n")


def _fund_years_findings(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text)) if f.code == "FR308"]


_nonzero = _changes.filter(lambda c: c != 0)


@settings(max_examples=60, deadline=None)
@given(_cents, _nonzero, st.integers(min_value=0, max_value=1_000_000))
def test_spending_that_grew_no_more_than_income_gives_nothing(
        amount: int, income_change: int, carried: int) -> None:
    # last year's spending = last year's income + what was carried over into it (≥ 0):
    # this year's spending (= income, nothing carried) grew by at most the income's change
    spending_change = income_change - carried
    if spending_change == 0:
        return
    assert _fund_years_findings(_fund_years(amount, income_change, spending_change)) == []


@settings(max_examples=60, deadline=None)
@given(_cents, _nonzero, st.integers(min_value=3, max_value=1_000_000))
def test_spending_that_grew_more_than_income_is_an_error(
        amount: int, income_change: int, more: int) -> None:
    spending_change = income_change + more
    if spending_change == 0:
        return
    # written to the cent (four figures, ±0.005 each): 0.02 apart may be rounding, 0.03
    # cannot
    assert _fund_years_findings(_fund_years(amount, income_change, spending_change)) == [
        "FR308"]


def test_the_fund_prior_year_finding_names_both_prior_years() -> None:
    text = _fund_years(279614, 12907, 16668)
    (finding,) = [f for f in finreport.check(finreport.parse(text)) if f.code == "FR308"]
    assert finding.message == ("一般公共预算拨款支出2796.14万元、166.68万元，拨款收入2796.14万元、"
                               "129.07万元：推算上年支出2629.46万元小于上年收入2667.07万元")
    assert [text[s.start:s.end] for s in finding.spans] == [
        "166.68万元", "2796.14万元", "129.07万元", "2796.14万元"]


@pytest.mark.parametrize("basis", ["执行数", "预计执行数", "预计完成数", "实际支出", "决算数",
                                   "调整预算数"])
def test_a_change_against_another_basis_is_not_compared(basis: str) -> None:
    assert _fund_years_findings(_fund_years(279614, 12907, 16668, basis=basis)) == []


def test_a_change_against_last_years_execution_is_not_compared() -> None:
    assert _fund_years_findings(_fund_years(279614, 12907, 16668, basis="执行数")) == []
    report = finreport.parse(_fund_years(279614, 12907, 16668, basis="执行数"))
    assert report.general_budget is not None and report.general_budget.total is not None
    change = report.general_budget.total.change
    assert change is not None and change.compared_basis is finreport.Basis.EXECUTION


# FR309 reason-names-other --------------------------------------------------------------

def _reason_under(item: str, reason: str, other: str = "会议费",
                  others_reason: str = "压减会议数量和规模") -> list[str]:
    text = ("第二部分 2026年部门预算情况说明\n六、“三公”经费预算情况\n"
            f"（一）{item}10.00万元，比上年减少2.00万元，主要原因是{reason}。\n"
            f"（二）{other}8.00万元，比上年减少1.00万元，主要原因是{others_reason}。\n")
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR309"]


def test_another_items_reason_word_for_word_is_a_warning() -> None:
    assert _reason_under("公务接待费", "压减会议数量和规模") == [
        "公务接待费减少2.00万元的原因“压减会议数量和规模”所述为其他项目，且与该项目的原因相同"]
    assert _reason_under("培训费", "减少会议次数", others_reason="减少会议次数") == [
        "培训费减少2.00万元的原因“减少会议次数”所述为其他项目，且与该项目的原因相同"]


@pytest.mark.parametrize(("item", "reason"), [
    ("会议费", "压减会议数量"),  # its own item
    ("公务接待费", "压减会议和接待"),  # its own among others
    ("公务接待费", "厉行节约"),  # no item at all
    ("公务接待费", "承接全区业务培训班，来宾人数增加"),  # a cause through another item
    ("因公出国（境）费", "赴境外参加国际友好城市市长会议"),  # a trip to a meeting
    ("培训费", "部分专题学习改为通过视频会议方式开展"),  # not the meetings' reason
    ("“三公”经费", "压减会议数量和规模"),  # the total is no one item
])
def test_a_reason_that_is_not_another_items_own_gives_nothing(item: str, reason: str) -> None:
    assert _reason_under(item, reason) == []


# FR304 reason-direction: a reason naming nothing, in a sentence of its own ---------------

def test_an_unnamed_reason_may_explain_an_earlier_change_its_way() -> None:
    text = ("第二部分 2026年部门预算情况说明\n六、“三公”经费预算情况\n"
            "公务接待费5.00万元，比上年减少1.00万元。公务用车运行维护费8.00万元，与上年持平。"
            "减少的主要原因是严格落实公务接待标准。\n")
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.code in ("FR304", "FR309")] == []


# FR911 count-names ---------------------------------------------------------------------

_UNIT_NAMES = ["办公室", "财务科", "人事科", "法规科", "信息中心", "后勤服务中心", "审计室",
               "宣传科", "规划科", "执法大队", "政策研究室", "综合处"]


def _named(count: str, names: str) -> str:
    return ("2026年度某某局部门预算\n第一部分 部门概况\n一、部门机构设置\n"
            f"某某局共{count}个内设机构，包括：{names}。\n")


def _count_names(text: str) -> list[str]:
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR911"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_NAMES), min_size=1, max_size=12, unique=True),
       st.booleans())
def test_a_count_of_the_names_listed_gives_nothing(names: list[str], joined: bool) -> None:
    written = ("、".join([*names[:-2], "和".join(names[-2:])]) if joined and len(names) > 1
               else "、".join(names))
    assert _count_names(_named(str(len(names)), written)) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_NAMES), min_size=2, max_size=12, unique=True),
       st.integers(min_value=1, max_value=30))
def test_a_count_other_than_the_names_listed_is_a_warning(names: list[str], count: int) -> None:
    if count == len(names):
        return
    assert _count_names(_named(str(count), "、".join(names))) == [
        f"{count}个内设机构，其后列出{len(names)}个名称"]


def test_the_named_list_and_its_spans() -> None:
    text = _named("八", "办公室、政策法规处（审批管理处、行政复议室）、人事科和财务科")
    report = finreport.parse(text)
    (listed,) = report.named_lists
    assert (listed.value, listed.noun.text, listed.joined, listed.open) == (8, "内设机构", True,
                                                                           False)
    assert [text[i.span.start:i.span.end] for i in listed.items] == [
        "办公室", "政策法规处（审批管理处、行政复议室）", "人事科和财务科"]
    assert text[listed.count.span.start:listed.count.span.end] == "八个"
    (finding,) = [f for f in finreport.check(report) if f.code == "FR911"]
    assert finding.severity is finreport.Severity.WARNING
    # the last name may be two joined by 和: 3 or 4 names
    assert finding.message == "八个内设机构，其后列出3或4个名称"


@pytest.mark.parametrize("names", [
    "办公室、财务科等",  # not complete
    "办公室、康复区（2个）、财务科",  # a name counting several
    "办公室、法制科、一至三大队",  # a range names several
    "办公室；规划计划科；财务科；人事科；审计室；宣传科；信息中心；执法大队；综合处",  # ；
    "办公室，待遇保障科，医药服务管理科，基金监管科，审计室，宣传科，信息中心，综合处，法规科",
    "综合科，负责文电、会务和机要工作；来访接待科，负责来访",  # duties in the items
    "负责地方志编纂、年鉴编辑、史料征集",  # a description, not names
])
def test_an_open_list_says_nothing_about_its_count(names: str) -> None:
    assert _count_names(_named("9", names)) == []


@pytest.mark.parametrize("after", [
    "，负责全市档案的接收、保管、利用和编研工作",  # a clause after the list
    "，另设机关党委、离退休干部科",
    "，以及机关党委、纪检监察室",
])
def test_a_list_ends_before_the_clause_after_it(after: str) -> None:
    names = "办公室、财务科、人事科、法规科"
    assert _count_names(_named("4", names + after)) == []


def test_brackets_of_either_kind_hold_no_names() -> None:
    assert _count_names(_named("3", "办公室【加挂政策法规科、督查科牌子】、财务科、人事科")) == []


def test_a_list_run_into_the_next_heading_says_nothing() -> None:
    text = ("2026年度某某局部门预算\n第一部分 部门概况\n一、部门机构设置\n"
            "某某局共4个内设机构，包括：办公室、财务科、人事科、法规科\n"
            "二、部门预算单位构成\n本部门预算为本级预算。\n")
    assert _count_names(text) == []


# FR912 code-class ----------------------------------------------------------------------

def _class_table(code: str, name: str) -> str:
    return ("2026年度某某局部门预算\n第一部分 2026年度部门预算表\n一般公共预算支出表\n单位：万元\n"
            "科目编码      科目名称              合计\n合计                                10.00\n"
            f"{code}           {name}    10.00\n"
            f"{code}05         行政事业单位养老支出  10.00\n"
            "第二部分 2026年度部门预算情况说明\n一、一般公共预算拨款支出情况\n"
            "2026年度一般公共预算拨款支出10.00万元。\n")


def _code_class(text: str) -> list[str]:
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR912"]


@pytest.mark.parametrize(("code", "name"), [
    ("201", "一般公共服务支出"), ("208", "社会保障和就业支出"), ("221", "住房保障支出"),
    ("205", "教育支出"), ("213", "农林水支出"),
])
def test_a_class_with_its_own_code_gives_nothing(code: str, name: str) -> None:
    assert _code_class(_class_table(code, name)) == []


def test_a_class_with_another_classs_code_is_an_error() -> None:
    text = _class_table("208", "一般公共服务支出")
    findings = [f for f in finreport.check(finreport.parse(text)) if f.code == "FR912"]
    assert [f.message for f in findings] == [
        "科目编码208对应“一般公共服务支出”，而“一般公共服务支出”的类级编码为201"]
    assert [text[s.start:s.end] for s in findings[0].spans] == ["208", "一般公共服务支出"]


def test_a_class_name_not_in_the_reference_data_is_not_compared() -> None:
    assert _code_class(_class_table("208", "某某新设支出")) == []


# FR914 code-level ---------------------------------------------------------------------

def _level_lines(code: str, path: str = "一般公共服务支出（类）群众团体事务（款）") -> str:
    return ("第二部分 2025年度部门决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n"
            "（一）一般公共预算财政拨款支出决算总体情况\n2025年一般公共预算财政拨款支出10.00万元。\n"
            "（二）一般公共预算财政拨款支出决算具体情况\n其中：\n"
            f"1.{code}{path}：支出决算为6.00万元。\n"
            "2.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为4.00万元。\n")


def _code_level(text: str, locale: str = "zh_CN") -> list[finreport.Finding]:
    return [f for f in finreport.check(finreport.parse(text), locale=locale)
            if f.code in ("FR914", "FR102", "FR501")]


@pytest.mark.parametrize(("code", "path"), [
    ("201", "一般公共服务支出（类）群众团体事务（款）"),  # the class's code: a level written
    ("20129", "一般公共服务支出（类）群众团体事务（款）"),
    ("2012902", "一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）"),
    ("201290", "一般公共服务支出（类）群众团体事务（款）"),  # six digits: no functional code
])
def test_a_code_of_a_level_the_line_writes_gives_nothing(code: str, path: str) -> None:
    text = _level_lines(code, path)
    report = finreport.parse(text)
    assert [f.code for f in _code_level(text) if f.code == "FR914"] == []
    if len(code) != 6:  # (1.201290… is no item of the list: its number is a decimal's)
        assert [line.classification.code.text if line.classification.code else None
                for line in report.general_budget.lines] == [code, None]
        assert _code_level(text) == []


def test_an_items_code_on_a_line_that_stops_at_its_group_is_an_error() -> None:
    text = _level_lines("2012902")
    findings = _code_level(text)
    assert [f.message for f in findings] == [
        "科目编码2012902为7位（项级），而“群众团体事务”标为款级科目"]
    assert [text[s.start:s.end] for s in findings[0].spans] == ["2012902", "群众团体事务"]
    assert [f.message for f in _code_level(text, "en")] == [
        "code 2012902 has 7 digits (an item code), yet “群众团体事务” is marked as a group"]


def test_a_groups_code_on_a_class_alone_is_an_error() -> None:
    text = _level_lines("20129", "一般公共服务支出（类）")
    assert [f.message for f in _code_level(text)] == [
        "科目编码20129为5位（款级），而“一般公共服务支出”标为类级科目"]


def test_a_line_led_by_its_code_takes_its_level_from_it() -> None:
    text = ("2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n一、一般公共预算拨款支出情况\n"
            "2026年度一般公共预算拨款支出10.00万元。其中（按项级科目分类统计）：\n"
            "（一）2080505-机关事业单位基本养老保险缴费支出10.00万元。\n")
    audit = finreport.audit(finreport.parse(text), select=["FR914"])
    assert [(c.outcome.value, [text[s.start:s.end] for s in c.spans]) for c in audit.checks] == [
        ("holds", ["2080505", "机关事业单位基本养老保险缴费支出"])]


# FR913 name-codes ----------------------------------------------------------------------

def _coded(narrative_code: str, name: str = "机关事业单位基本养老保险缴费支出") -> str:
    return ("2026年度某某局部门预算\n第一部分 2026年度部门预算表\n一般公共预算支出表\n单位：万元\n"
            "科目编码      科目名称              合计\n合计                                20.00\n"
            "201           一般公共服务支出      10.00\n20101         人大事务              10.00\n"
            "2010101       行政运行              10.00\n"
            "208           社会保障和就业支出    10.00\n20805         行政事业单位养老支出  10.00\n"
            "2080505       机关事业单位基本养老保险缴费支出    10.00\n"
            "第二部分 2026年度部门预算情况说明\n一、一般公共预算拨款支出情况\n"
            "2026年度一般公共预算拨款支出20.00万元。其中（按项级科目分类统计）：\n"
            f"（一）{narrative_code}-{name}10.00万元。主要用于保障运转。\n")


def _name_codes(text: str) -> list[str]:
    return [f.message for f in finreport.check(finreport.parse(text)) if f.code == "FR913"]


def test_one_item_under_one_group_with_two_codes_is_an_error() -> None:
    assert _name_codes(_coded("2080507")) == [
        "“机关事业单位基本养老保险缴费支出”在一处编码为2080505，在另一处为2080507"]


@pytest.mark.parametrize(("code", "name"), [
    ("2080505", "机关事业单位基本养老保险缴费支出"),  # the same code
    ("2010301", "行政运行"),  # 行政运行 of another group: another item
])
def test_one_name_under_different_parents_is_no_finding(code: str, name: str) -> None:
    assert _name_codes(_coded(code, name)) == []


def test_two_table_cells_cut_to_one_name_are_not_one_item() -> None:
    text = ("2026年度某某局部门预算\n第一部分 2026年度部门预算表\n一般公共预算支出表\n单位：万元\n"
            "科目编码      科目名称              合计\n合计                                20.00\n"
            "208           社会保障和就业支出    20.00\n20805         行政事业单位养老支出  20.00\n"
            "2080505       机关事业单位          10.00\n2080506       机关事业单位          10.00\n"
            "第二部分 2026年度部门预算情况说明\n一、一般公共预算拨款支出情况\n"
            "2026年度一般公共预算拨款支出20.00万元。\n")
    assert _name_codes(text) == []


@pytest.mark.parametrize("written", [
    "“机关事业单位基本养老保险缴费支出”",  # in quotation marks
    "社会保障和就业支出-行政事业单位养老支出-机关事业单位基本养老保险缴费支出",  # the path
])
def test_a_coded_line_names_its_item_however_written(written: str) -> None:
    text = _coded("2080505", written)
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.code in ("FR908", "FR913")] == []


@pytest.mark.parametrize("income", [
    "2026年一般公共预算拨款收入800.00万元，比上年预算数增加50.00万元。",  # the section's own
    "2026年收入预算800.00万元，其中：一般公共预算拨款收入800.00万元，比上年增加50.00万元。",
])
def test_the_income_s_change_however_it_is_written(income: str) -> None:
    text = ("2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n一、收支预算总体情况\n"
            f"{income}\n二、一般公共预算拨款支出情况\n2026年一般公共预算拨款支出800.00万元，"
            "比上年增加{spent}万元。\n")
    assert _fund_years_findings(text.replace("{spent}", "50.00")) == []
    assert _fund_years_findings(text.replace("{spent}", "90.00")) == ["FR308"]


_BUDGET26 = "2026年某某区水务局部门预算\n"


@pytest.mark.parametrize(("text", "found"), [
    # a budget's section heading left with last year's year
    (_BUDGET26 + "第二部分 2026年部门预算情况说明\n三、2025年一般公共预算财政拨款支出预算情况说明\n"
     "2026年一般公共预算财政拨款支出100.00万元。\n", ["2025"]),
    # the part's own title
    (_BUDGET26 + "第二部分 2025年部门预算情况说明\n一、收入预算情况说明\n"
     "2026年收入预算100.00万元。\n", ["2025"]),
    # final accounts: a heading of the year before is as wrong as one of the year after
    ("2024年度某某区水务局部门决算\n第二部分 2024年度部门决算情况说明\n一、2023年度收入决算情况说明\n"
     "2024年度收入合计100.00万元。\n", ["2023"]),
    # the report's own year everywhere: nothing
    (_BUDGET26 + "第二部分 2026年部门预算情况说明\n三、2026年一般公共预算财政拨款支出预算情况说明\n"
     "2026年一般公共预算财政拨款支出100.00万元。\n", []),
    # a year in Chinese numerals
    (_BUDGET26 + "第二部分 2026年部门预算情况说明\n二、二〇二五年“三公”经费预算情况说明\n"
     "2026年“三公”经费预算10.00万元。\n", ["二〇二五"]),
    (_BUDGET26 + "第二部分 2026年部门预算情况说明\n二、二〇二六年“三公”经费预算情况说明\n"
     "2026年“三公”经费预算10.00万元。\n", []),
    # a state as of last year's end
    (_BUDGET26 + "第二部分 2026年部门预算情况说明\n二、国有资产占用情况（截至2025年12月31日）\n"
     "本部门共有车辆2辆。\n", []),
    # headings about another period by their words, or over several years
    (_BUDGET26 + "第二部分 2026年部门预算情况说明\n一、2025年预算执行情况\n2025年支出100.00万元。\n"
     "二、2025年度部门整体支出绩效自评情况\n自评得分95分。\n"
     "三、2021-2025年发展规划完成情况\n均已完成。\n", []),
])
def test_a_heading_of_another_year(text: str, found: list[str]) -> None:
    findings = [f for f in finreport.check(finreport.parse(text)) if f.code == "FR803"]
    assert [text[f.spans[0].start:f.spans[0].end] for f in findings] == found
    assert all(f.severity is finreport.Severity.ERROR for f in findings)


#: Two or three parts, one of them 与上年持平 (with no amount), anywhere in the list.
_with_a_flat_part = st.tuples(st.lists(st.tuples(_cents, _changes), min_size=1, max_size=2),
                              _cents, st.integers(0, 2)).map(
    lambda t: [*t[0][:t[2]], (t[1], 0), *t[0][t[2]:]])


@settings(max_examples=60, deadline=None)
@given(_with_a_flat_part)
def test_flat_parts_that_add_up_give_nothing(parts: list[tuple[int, int]]) -> None:
    # a part 与上年持平 with no amount changed by nothing at its written precision
    total_change = sum(change for _, change in parts)
    if total_change == 0:
        return  # the total 持平 too: no amount to compare
    assert _codes(_text(parts, total_change)) == []


@settings(max_examples=60, deadline=None)
@given(_with_a_flat_part, st.integers(min_value=3, max_value=100_000),
       st.sampled_from([-1, 1]))
def test_flat_parts_do_not_hide_a_total_change_off(
        parts: list[tuple[int, int]], slip: int, sign: int) -> None:
    # each figure to the cent ±0.005, a flat part's change within ±0.01: 0.03 a part
    # covers them all
    total_change = sum(change for _, change in parts) + sign * slip * len(parts)
    if total_change == 0:
        return
    assert _codes(_text(parts, total_change)) == ["FR303"]


def test_a_flat_part_is_in_the_evidence() -> None:
    # red team 19: the 三公 parts, one 持平 with no amount
    text = _text([(6000, 1500), (4000, 0)], 2500)
    found = [f for f in finreport.check(finreport.parse(text)) if f.code == "FR303"]
    assert [f.message for f in found] == ["支出合计的变动+25.00万元与各项变动之和+15.00万元不符"]
    assert [text[s.start:s.end] for s in found[0].spans] == [
        "25.00万元", "15.00万元", "持平", "40.00万元"]


_ASSETS = "某某市林业局2026年部门预算\n三、国有资产占用情况\n截至2025年12月31日，本部门共有车辆{total}辆，其中：{kinds}。\n"


@pytest.mark.parametrize(("kinds", "total", "found"), [
    # with 其他用车 the kinds most likely take every vehicle: fewer is a warning
    ("领导干部用车0辆，一般公务用车2辆，执法执勤用车5辆，特种专业技术用车1辆，其他用车1辆", 11,
     [("车辆11辆，而其中各项合计9辆", "warning")]),
    ("领导干部用车0辆，一般公务用车2辆，执法执勤用车5辆，特种专业技术用车1辆，其他用车1辆", 9, []),
    # without it the kinds may be some of them only
    ("一般公务用车2辆，执法执勤用车5辆", 11, []),
    ("一般公务用车2辆，执法执勤用车5辆，其他用车", 11, []),  # a kind with no count
    ("一般公务用车2辆，执法执勤用车12辆", 11, [("车辆11辆，而其中各项合计14辆", "error")]),
    ("一般公务用车2辆，执法执勤用车5辆，其他用车6辆", 11, [("车辆11辆，而其中各项合计13辆", "error")]),
])
def test_vehicles_by_kind_with_the_kind_of_all_others(kinds: str, total: int,
                                                        found: list[tuple[str, str]]) -> None:
    text = _ASSETS.format(total=total, kinds=kinds)
    assert [(f.message, f.severity.value) for f in finreport.check(finreport.parse(text))
            if f.code == "FR905"] == found
