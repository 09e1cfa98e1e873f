"""Shapes of red teams 31–33 (2026 budgets whose lists stress binding, 2025 final accounts
in the 2024 template's words, units and the ways numbers are written): each gave false
errors on consistent texts of unseen provinces (13, 25 and 19).  Texts of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

import finreport

_BUDGET = "某省测试厅2026年部门预算\n第二部分 2026年部门预算情况说明\n二、收入预算情况\n"
_FINAL = "某省测试厅2025年度部门决算\n第二部分 2025年度部门决算情况说明\n"


def _findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.span.start:f.span.end])
            for f in finreport.check(finreport.parse(text)) if f.code not in ("FR903", "FR602")]


# a total with carry-over, then 本年收入 and its own sources -------------------------------

@pytest.mark.parametrize("opener", ["本年收入中：①", "本年收入具体包括：\n（1）", "本年收入包括：\n1."])
def test_a_sentence_naming_a_part_lists_that_parts_sources(opener: str) -> None:
    text = (_BUDGET + "2026年收入预算合计1000.00万元，包括本年收入900.00万元，上年结转结余100.00万元。\n"
            f"{opener}一般公共预算拨款收入{{gp}}万元，占本年收入的100.00%。\n")
    report = finreport.parse(text.format(gp="900.00"))
    assert report.income is not None
    assert [p.name.text for p in report.income.items] == ["包括本年收入", "结转结余"]
    assert _findings(text.format(gp="900.00")) == []


def test_a_part_of_a_total_listed_alone_is_some_of_it() -> None:
    # 总计1000万元，其中本年收入900万元: one part, not the whole of the total
    for text in (_BUDGET + "2026年预算收入总计1000.00万元，其中本年收入900.00万元。\n",
                 _BUDGET + "2026年预算收入总计1000.00万元（含上年结转100.00万元），其中本年收入"
                           "900.00万元。\n本年收入具体包括：\n1.一般公共预算拨款收入800.00万元，"
                           "占本年收入的88.89%；\n2.其他收入100.00万元，占本年收入的11.11%。\n"):
        report = finreport.parse(text)
        assert report.income is not None and report.income.partial
        assert _findings(text) == []


def test_one_part_larger_than_its_total_still_contradicts_it() -> None:
    text = _BUDGET + "2026年预算收入总计1000.00万元，其中本年收入1100.00万元。\n"
    assert _findings(text) == [("FR101", "1000.00万元")]


def test_one_part_equal_to_its_total_is_all_of_it() -> None:
    text = _BUDGET + "2026年本年收入合计266.04万元，其中：一般公共预算拨款收入266.04万元，占100%。\n"
    report = finreport.parse(text)
    assert report.income is not None and not report.income.partial
    audit = finreport.audit(report, select=["FR101", "FR202"])
    assert sorted((c.code, c.outcome.value) for c in audit.checks) == [
        ("FR101", "holds"), ("FR202", "holds")]


@pytest.mark.parametrize("mark", ["1）", "1)"])
def test_a_number_closed_by_a_bracket_opening_an_item_is_no_amount(mark: str) -> None:
    text = (_BUDGET + "2026年本年收入900.00万元。\n本年收入具体包括：\n"
            f"{mark}一般公共预算拨款收入800.00万元，占本年收入的88.89%；\n"
            f"{mark.replace('1', '2')}其他收入100.00万元，占本年收入的11.11%。\n")
    report = finreport.parse(text)
    assert [str(f.value) for f in report.figures() if isinstance(f, finreport.Amount)] == [
        "900.00", "800.00", "100.00"]
    assert _findings(text) == []


# final accounts: another year, another basis in brackets; a part's own sources ---------

_GB = "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n"


@pytest.mark.parametrize("said", ["：", "为"])
def test_last_years_amount_in_brackets_is_the_changes_prior(said: str) -> None:
    text = (_FINAL + _GB + f"2025年度一般公共预算财政拨款支出800.00万元（2024年度{said}750.00万元），"
            "比2024年度增加{change}万元，增长6.67%。\n")
    report = finreport.parse(text.format(change="50.00"))
    assert report.general_budget is not None and report.general_budget.total is not None
    assert report.general_budget.total.amount is not None
    assert report.general_budget.total.amount.value == Decimal("800.00")
    assert _findings(text.format(change="50.00")) == []
    if said == "：":
        change = report.general_budget.total.change
        assert change is not None and change.prior is not None
        assert change.prior.value == Decimal("750.00")
        assert sorted(_findings(text.format(change="60.00"))) == [
            ("FR301", "6.67%"), ("FR307", "60.00万元")]


def test_the_initial_budget_in_brackets_is_the_entrys_budget() -> None:
    text = (_FINAL + _GB + "2025年度一般公共预算财政拨款支出800.00万元。\n"
            "（三）一般公共预算财政拨款支出决算具体情况\n"
            "2025年度一般公共预算财政拨款支出全年预算为850.00万元（年初预算为{initial}万元，"
            "年中预算调整增加30.00万元），支出决算为800.00万元，完成全年预算的94.12%。\n")
    gb = finreport.parse(text.format(initial="820.00")).general_budget
    assert gb is not None and gb.execution is not None
    entry = gb.execution
    assert entry.amount is not None and entry.amount.value == Decimal("800.00")
    assert entry.budget is not None and entry.budget.value == Decimal("820.00")
    assert entry.adjusted is not None and entry.adjusted.value == Decimal("850.00")
    assert entry.budget_change is not None and entry.budget_change.amount is not None
    assert entry.budget_change.direction.text == "预算调整增加"
    assert _findings(text.format(initial="820.00")) == []
    assert [code for code, _ in _findings(text.format(initial="810.00"))] == ["FR405"]


_FISCAL = "四、财政拨款收入支出决算总体情况说明\n"


def test_a_parts_own_sources_in_brackets_are_no_parts_of_the_total() -> None:
    text = (_FINAL + _FISCAL + "2025年度财政拨款收、支总计1000.00万元。\n其中：年初财政拨款结转和结余"
            "50.00万元，本年财政拨款收入950.00万元（一般公共预算财政拨款收入900.00万元，政府性基金"
            "预算财政拨款收入50.00万元）；本年财政拨款支出980.00万元，年末财政拨款结转和结余20.00万元。\n")
    report = finreport.parse(text)
    assert sorted([p.amount.value for p in listed.items if p.amount is not None]
                  for listed in report.lists) == [
        [Decimal("50.00"), Decimal("950.00")], [Decimal("980.00"), Decimal("20.00")]]
    assert _findings(text) == []


def test_each_halfs_total_heads_its_own_list() -> None:
    text = (_FINAL + _FISCAL + "2025年度财政拨款收入总计1000.00万元，包括年初财政拨款结转和结余50.00万元、"
            "本年财政拨款收入950.00万元（一般公共预算财政拨款收入900.00万元，政府性基金预算财政拨款收入"
            "50.00万元）；财政拨款支出总计1000.00万元，包括本年财政拨款支出980.00万元、年末财政拨款"
            "结转和结余{end}万元。\n")
    report = finreport.parse(text.format(end="20.00"))
    assert sorted((listed.total.name.text if listed.total else "",
                   [p.amount.value for p in listed.items if p.amount is not None])
                  for listed in report.lists) == [
        ("财政拨款支出总计", [Decimal("980.00"), Decimal("20.00")]),
        ("财政拨款收入总计", [Decimal("50.00"), Decimal("950.00")])]
    assert _findings(text.format(end="20.00")) == []
    assert _findings(text.format(end="30.00")) == [("FR101", "1000.00万元")]


# signs and units ---------------------------------------------------------------------------

_COSTS = "某县农业农村局2026年部门预算\n一、其他重要事项的情况说明\n（一）机关运行经费预算。"


@pytest.mark.parametrize("change", [
    "比上年预算增加-11.81万元，增长-8.90%。",
    "与上年预算相比增长-8.90%，增加额为-11.81万元。",
    "比上年预算减少11.81万元，下降8.90%。",
    "与上年预算相比，增减额-11.81万元，增减率-8.90%。",
])
def test_a_fall_written_with_a_minus_sign_is_a_fall(change: str) -> None:
    text = _COSTS + "2026年本部门机关运行经费预算120.86万元，" + change + "\n"
    assert _findings(text) == []
    audit = finreport.audit(finreport.parse(text), select=["FR301", "FR302"])
    assert sorted((c.code, c.outcome.value) for c in audit.checks) == [
        ("FR301", "holds"), ("FR302", "holds")]
    slipped = text.replace("8.90%", "9.90%")
    assert [code for code, _ in _findings(slipped)] == ["FR301"]


def test_a_change_of_no_direction_word_and_no_sign_is_a_rise() -> None:
    text = _COSTS + "2026年本部门机关运行经费预算52.87万元，与上年预算相比，增减额12.87万元，增减率{rate}%。\n"
    assert _findings(text.format(rate="32.18")) == []
    assert [code for code, _ in _findings(text.format(rate="32.41"))] == ["FR301"]


def test_a_total_restated_shorter_in_another_unit_is_no_second_writing() -> None:
    text = ("某区财政局2026年部门预算\n第二部分 2026年部门预算情况说明\n一、收支预算总体情况说明\n"
            "2026年收支预算总计1.09亿元（{wan}万元），比2025年预算增加858.98万元，增长8.59%。\n")
    assert _findings(text.format(wan="10,858.98")) == []
    assert _findings(text.format(wan="10,958.98")) == [("FR501", "10,958.98万元")]


# outline: short subsection titles, wrapped headings (red teams 33, 36) ---------------------

_GB_FINAL = "某区统计局2025年度部门决算\n一、一般公共预算财政拨款支出决算情况说明\n"
_LINES = ("1.一般公共服务支出（类）行政运行（项）：年初预算为100.00万元，支出决算为100.00万元，"
          "完成年初预算的100.0%。决算数等于年初预算数。\n"
          "2.一般公共服务支出（类）专项普查活动（项）：年初预算为485.57万元，支出决算为{final}万元，"
          "完成年初预算的101.9%。决算数大于年初预算数。\n")


@pytest.mark.parametrize("heading", ["（三）具体情况", "（三）具体情况。", "（三）支出决算具体情况",
                                     "（三）一般公共预算财政拨款支出决算具体\n情况"])
def test_a_detail_subsection_named_by_its_topic_alone_is_read(heading: str) -> None:
    text = _GB_FINAL + heading + "\n" + _LINES
    report = finreport.parse(text.format(final="494.86"))
    assert [s.kind for s in report.walk_sections()][-1] is finreport.SectionKind.GENERAL_BUDGET_DETAIL
    assert report.general_budget is not None and len(report.general_budget.lines) == 2
    assert _findings(text.format(final="494.86")) == []
    assert [code for code, _ in _findings(text.format(final="484.86"))] == ["FR401", "FR402"]


def test_a_heading_wrapped_after_its_first_words_takes_the_whole_titles_kind() -> None:
    text = ("某局2026年部门预算\n第二部分 2026年部门预算情况说明\n六、一般\n公共预算基本支出预算情况\n"
            "2026年一般公共预算基本支出100.00万元，其中：人员经费80.00万元，公用经费20.00万元。\n")
    report = finreport.parse(text)
    assert [(s.kind, s.title.text) for s in report.walk_sections()][-1] == (
        finreport.SectionKind.BASIC_EXPENDITURE, "一般公共预算基本支出预算情况")


def test_the_last_line_of_a_wrapped_title_written_again_is_no_body() -> None:
    text = ("某局2026年部门预算\n第二部分 2026年部门预算情况说明\n五、一般公共预算当年拨款支出情况\n"
            "（一）一般公共预算当年拨款规模变化情况\n2026年一般公共预算当年拨款100.00万元。\n"
            "（二）一般公共预算当年拨款\n结构情况\n结构情况\n"
            "社会保障和就业支出60.00万元，占60.0%；卫生健康支出40.00万元，占40.0%。\n")
    report = finreport.parse(text)
    assert report.general_budget is not None
    assert [c.name.text for c in report.general_budget.classes] == ["社会保障和就业支出", "卫生健康支出"]
    assert _findings(text) == []


# lines: another line inside a line's item, the sentence after the lines -------------------

_BUDGET_GB = ("某县统计局2026年部门预算\n第二部分 2026年部门预算情况说明\n五、一般公共预算当年拨款情况\n"
              "（一）总体情况\n2026年一般公共预算当年拨款1000.00万元。\n（三）具体使用情况\n")


def test_an_unnumbered_line_inside_a_classs_item_is_not_the_classs() -> None:
    text = (_BUDGET_GB + "1．社会保障和就业支出（类）612.99万元，比2025年预算数增加73.21万元，增长13.56%。\n"
            "其中：机关事业单位基本养老保险缴费支出（项）355.99万元，比上年执行数减少19.14万元，下降5.10%。\n"
            "2．卫生健康支出（类）387.01万元，比2025年预算数增加7.01万元，增长1.84%。\n")
    report = finreport.parse(text)
    assert report.general_budget is not None
    first, second = report.general_budget.lines
    assert second.amount is not None and second.amount.value == Decimal("387.01")
    assert first.change is not None and first.change.amount is not None
    assert first.change.amount.value == Decimal("73.21") and first.restated_changes == ()
    assert report.general_budget.lines_partial
    assert _findings(text) == []


def test_a_sentence_after_the_lines_is_not_the_last_lines() -> None:
    text = (_BUDGET_GB + "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出"
            "（项）：2026年预算数600.00万元，2025年预算数550.00万元，增减额50.00万元，增减率9.09%。\n"
            "住房保障支出（类）住房改革支出（款）住房公积金（项）：2026年预算数400.00万元，2025年预算数"
            "380.00万元，增减额20.00万元，增减率5.26%。\n一般公共预算当年拨款中，基本支出700.00万元，"
            "项目支出300.00万元。\n")
    report = finreport.parse(text)
    assert report.general_budget is not None
    assert [str(line.amount.value) for line in report.general_budget.lines
            if line.amount is not None] == ["600.00", "400.00"]
    assert _findings(text) == []


# list items and wholes ------------------------------------------------------------------

def test_a_list_items_number_broken_over_a_line_still_numbers_it() -> None:
    text = ("某馆2026年单位预算\n第二部分 2026年单位预算情况说明\n三、支出预算情况\n"
            "2026年支出预算合计1000.00万元。按功能科目分：一是文化旅游体育与传媒支出600.00万元，占60.0%；二\n"
            "是社会保障和就业支出300.00万元，占30.0%；三是住房保障支出100.00万元，占10.0%。\n")
    report = finreport.parse(text)
    assert report.expenditure is not None
    assert [p.name.text for p in report.expenditure.items] == [
        "文化旅游体育与传媒支出", "社会保障和就业支出", "住房保障支出"]
    assert _findings(text) == []


def test_money_beside_a_numbered_list_ends_it_and_shares_of_the_grand_total_are_its() -> None:
    text = (_BUDGET + "2026年本年收入1000.00万元。具体包括：\n（1）一般公共预算拨款收入900.00万元，"
            "占收入预算总计的{share}%。\n（2）其他收入100.00万元，占收入预算总计的9.1%。\n"
            "另有上年结转100.00万元，收入预算总计1100.00万元。\n")
    report = finreport.parse(text.format(share="81.8"))
    assert report.income is not None and not report.income.partial
    assert [p.name.text for p in report.income.items] == ["一般公共预算拨款收入", "其他收入"]
    assert _findings(text.format(share="81.8")) == []
    assert _findings(text.format(share="90.0")) == [("FR201", "90.0%")]


def test_the_fleet_written_as_its_holding_is_the_total_of_its_kinds() -> None:
    text = ("某省测试厅2026年部门预算\n十、其他重要事项的情况说明\n（三）国有资产占用情况\n"
            "截至2025年12月31日，某省测试厅公务用车保有量11辆，其中：执法执勤用车{kind}辆，"
            "特种专业技术用车4辆，其他用车2辆。\n")
    report = finreport.parse(text.format(kind="5"))
    assert report.assets is not None and report.assets.vehicles is not None
    assert report.assets.vehicles.value == 11
    assert [e.name.text for e in report.assets.vehicles_by_kind] == [
        "执法执勤用车", "特种专业技术用车", "其他用车"]
    assert [code for code, _ in _findings(text.format(kind="5"))] == []
    assert [code for code, _ in _findings(text.format(kind="45"))] == ["FR905"]


# FR601 where the department holds other units (red team 38) ------------------------------

_OPEX = ("某某市某某局2025年度部门决算\n第二部分 2025年度部门决算情况说明\n"
         "四、一般公共预算财政拨款基本支出决算情况\n"
         "2025年一般公共预算基本支出500.00万元，其中：人员经费400.00万元；公用经费100.00万元。\n"
         "六、其他重要事项的情况说明\n（一）机关运行经费情况\n"
         "2025年度{scope}机关运行经费支出{costs}万元，比2024年度减少5.00万元，下降{rate}%。\n")


def _opex(scope: str, costs: str, rate: str) -> list[tuple[str, str]]:
    text = _OPEX.format(scope=scope, costs=costs, rate=rate)
    audit = finreport.audit(finreport.parse(text), select=["FR601"])
    return [(c.outcome.value, c.reason or "") for c in audit.checks] + [
        ("finding", text[f.span.start:f.span.end]) for f in audit.findings]


def test_operating_costs_of_the_administrative_units_only_are_not_the_public_expenses() -> None:
    assert _opex("本部门（含行政单位和参照公务员法管理的事业单位）", "80.00", "5.88") == [
        ("abstained", "the department holds units whose public expenses are no agency "
                      "operating costs")]


def test_operating_costs_of_the_whole_department_are_its_public_expenses() -> None:
    assert _opex("本部门", "100.00", "4.76") == [("holds", "")]
    assert _opex("本部门", "80.00", "5.88") == [("fails", ""), ("finding", "80.00万元")]


# the national final-accounts summary table, with its 行次 column (red team 37) -------------

_NATIONAL_SUMMARY = (
    "某市某局2025年度部门决算\n\n                 收入支出决算总表\n"
    "编制单位：某市某局                                        单位：元\n"
    "收入                                                  支出\n"
    "项目                              行次  金额          项目                                行次  金额\n"
    "栏次                                    1             栏次                                      2\n"
    "一、一般公共预算财政拨款收入      1      12,744,800.00  一、一般公共服务支出              33\n"
    "五、事业收入                      5         665,600.00  五、教育支出                      37\n"
    "八、其他收入                      8         166,500.00  八、社会保障和就业支出            40     13,{social}.00\n"
    "                                  10                  十、卫生健康支出                    42        267,900.00\n"
    "                                  20                  二十、住房保障支出                  52        401,800.00\n"
    "本年收入合计                      28     13,576,900.00  本年支出合计                      60     14,621,800.00\n"
    "年初结转和结余                    30      1,339,400.00  年末结转和结余                    62        294,500.00\n"
    "总计                              32     14,916,300.00  总计                              64     14,916,300.00\n")


def test_the_line_numbers_of_a_summary_table_are_no_amounts() -> None:
    report = finreport.parse(_NATIONAL_SUMMARY.format(social="952,100"))
    [table] = report.tables
    assert [(row.side, row.name.text, [str(c.value) for c in row.cells]) for row in table.rows
            if row.name.text.startswith(("十、", "本年"))] == [
        (1, "十、卫生健康支出", ["267900.00"]),
        (0, "本年收入合计", ["13576900.00"]), (1, "本年支出合计", ["14621800.00"])]
    assert _findings(_NATIONAL_SUMMARY.format(social="952,100")) == []
    found = finreport.check(finreport.parse(_NATIONAL_SUMMARY.format(social="942,100")),
                            select=["FR117"])
    assert [f.message for f in found] == [
        "收入支出决算总表本年支出合计14621800.00元 ≠ 各项之和 14611800.00元"
        "（13942100.00 + 267900.00 + 401800.00）"]


# a list that ends with its total's sentence (red teams 39, 40) ----------------------------

@pytest.mark.parametrize("after", [
    "2026年政府采购预算80.00万元。",
    "2026年一般公共预算拨款800.00万元。",
    "另安排用事业基金弥补收支差额50.00万元，上年结转30.00万元，支出预算总计1080.00万元。",
])
def test_a_sentence_after_a_list_in_its_totals_sentence_is_no_part(after: str) -> None:
    text = ("某市测试局2026年部门预算\n第二部分 2026年部门预算情况说明\n三、支出预算情况\n"
            "2026年支出预算1000.00万元，其中：基本支出600.00万元，占60.00%；项目支出{project}万元，"
            "占40.00%。\n" + after + "\n")
    report = finreport.parse(text.format(project="400.00"))
    assert report.expenditure is not None
    assert [p.name.text for p in report.expenditure.items] == ["基本支出", "项目支出"]
    assert _findings(text.format(project="400.00")) == []
    assert _findings(text.format(project="410.00")) == [("FR101", "1000.00万元"),
                                                        ("FR201", "40.00%")]


def test_parts_one_to_a_sentence_with_their_shares_go_on() -> None:
    text = ("某办公厅2017年部门预算\n二、收入预算情况说明\n某办公厅本年收入预算合计 20849.45 万元，其中：\n"
            "一般公共预算收入 20702.25 万元，占 99.29%。\n财政专户管理资金 147.20 万元，占 0.71%。\n")
    report = finreport.parse(text)
    assert report.income is not None
    assert [p.name.text for p in report.income.items] == ["一般公共预算收入", "财政专户管理资金"]


def test_a_second_comparison_with_the_expected_execution_is_checked() -> None:
    text = ("某市测试局2026年部门预算\n第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
            "2026年收支总预算1000.00万元，比2025年预算增加100.00万元，增长11.11%；比2025年预计"
            "执行数增加200.00万元，增长{rate}%。\n")
    assert _findings(text.format(rate="25.00")) == []
    assert _findings(text.format(rate="50.00")) == [("FR301", "50.00%")]


def test_one_item_listed_in_brackets_under_a_part_may_not_exceed_it() -> None:
    text = ("某市中心医院2025年度单位决算\n二、收入决算情况说明\n2025年度本年收入合计1000.00万元，其中："
            "财政拨款收入100.00万元，占10.00%；事业收入900.00万元（其中：医疗收入{medical}万元），"
            "占90.00%。\n")
    assert _findings(text.format(medical="850.00")) == []
    assert _findings(text.format(medical="950.00")) == [("FR101", "900.00万元")]
