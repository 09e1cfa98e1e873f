"""What a batch meets besides plain reports (red team 12, texts of our own): documents about
budgets refused, tables of another year or coverage inside a report, a text layer that
writes a line twice; none gives a false error."""

from __future__ import annotations

import pytest

import finreport


def _errors(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR]


_SUMMARY = ("单位：万元\n项目 预算数 项目 预算数\n"
            "一、一般公共预算拨款收入 {a} 一、基本支出 {b}\n二、事业收入 0.00 二、项目支出 {c}\n"
            "本年收入合计 {a} 本年支出合计 {a}\n")


def test_a_whole_named_with_a_carry_over_part_is_no_this_year_s_total() -> None:
    # 收入预算合计 whose own parts hold 上年结转结余 is the 收入总计, not 本年收入合计 (was FR504)
    text = ("南湖县水利局2026年部门预算\n第二部分 2026年部门预算情况说明\n一、收入预算情况说明\n"
            "南湖县水利局2026年收入预算合计2,405.60万元，包括本年收入2,380.10万元，"
            "上年结转结余25.50万元。\n第三部分 2026年部门预算表\n收支预算总表\n单位：万元\n"
            "项目 预算数 项目 预算数\n一、一般公共预算拨款收入 2,300.10 一、基本支出 1,905.60\n"
            "二、事业收入 80.00 二、项目支出 500.00\n本年收入合计 2,380.10 本年支出合计 2,405.60\n"
            "上年结转 25.50 年终结转结余 0.00\n收入总计 2,405.60 支出总计 2,405.60\n")
    assert _errors(text) == []


@pytest.mark.parametrize(("second_title", "second"), [
    # the department's own unit's table beside the consolidated one (was FR114)
    ("收支预算总表（本级）", ("645.84", "600.00", "45.84")),
    # a table of an earlier year's final accounts in an annex (was FR114)
    ("附件\n南湖县农业农村局2024年度部门决算收支总表", ("845.84", "700.00", "145.84")),
])
def test_a_table_of_another_coverage_or_year_is_not_the_report_s(
        second_title: str, second: tuple[str, str, str]) -> None:
    text = ("南湖县农业农村局2026年部门预算（汇总）\n第三部分 2026年部门预算表\n收支预算总表\n"
            + _SUMMARY.format(a="919.75", b="800.00", c="119.75")
            + second_title + "\n" + _SUMMARY.format(a=second[0], b=second[1], c=second[2]))
    report = finreport.parse(text)
    assert len(report.tables) == 2 and report.tables[0].title.text == "收支预算总表"
    assert _errors(text) == []


def test_two_tables_of_the_report_s_own_still_disagree() -> None:
    text = ("南湖县农业农村局2026年部门预算\n第三部分 2026年部门预算表\n收支预算总表\n"
            + _SUMMARY.format(a="919.75", b="800.00", c="119.75")
            + "收支预算总表\n" + _SUMMARY.format(a="929.75", b="810.00", c="119.75"))
    assert "FR114" in _errors(text)


@pytest.mark.parametrize("title", [
    "关于南湖县2025年预算执行情况和\n2026年预算草案的报告",
    "南湖县2026年上半年预算执行情况",
    "南湖县人民政府关于2024年度\n国有资产管理情况的综合报告",
    "关于南湖县2024年县级决算的报告",
    "南湖县2024年度县级部门决算汇总情况说明",
    "南湖县2026年县级国有资本经营预算情况说明",
    "南湖县农业农村局2026年部门预算公开目录",
])
def test_a_document_about_budgets_is_refused_though_it_has_sections(title: str) -> None:
    text = (title + "\n一、收支预算总体情况\n2026年收入预算总计1,200.00万元。\n"
            "二、“三公”经费预算情况说明\n2026年“三公”经费预算12.00万元。\n")
    with pytest.raises(finreport.ReportError, match="document about budgets"):
        finreport.parse(text)


def test_a_three_public_statement_published_alone_names_its_department() -> None:
    text = ("南湖县农业农村局2026年“三公”经费预算情况说明\n"
            "2026年“三公”经费财政拨款预算22.50万元，其中：因公出国（境）费0.00万元；"
            "公务用车购置及运行维护费15.30万元；公务接待费7.20万元。\n")
    report = finreport.parse(text)
    assert report.organization is not None
    assert report.organization.text == "南湖县农业农村局"


def test_a_sentence_ending_in_a_kind_word_is_no_title() -> None:
    # a correction note before the report: its comma'd line is no title (the organization
    # was read as 部门预算中，“三公”经费)
    text = ("更正说明\n我局于2026年2月10日公开的2026年部门预算中，“三公”经费预算\n"
            "数误写为21.99万元，现更正为18.79万元。特此更正。\n"
            "第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
            "2026年收入预算总计1,200.00万元。\n")
    report = finreport.parse(text)
    assert report.organization is None or "三公" not in report.organization.text


def test_a_line_the_text_layer_wrote_twice_is_read_once() -> None:
    text = ("南湖县农业农村局2026年部门预算\n三、支出预算情况\n"
            "2026年支出预算合计933.85万元，其中：基本支出783\n"
            "2026年支出预算合计933.85万元，其中：基本支出783\n"
            ".63万元，占83.91%；项目支出150.22万元，占16.09%。\n"
            "第三部分 2026年部门预算表\n一般公共预算支出预算表\n单位：万元\n"
            "科目编码 科目名称 合计 基本支出 项目支出\n合计 839.02 783.63 55.39\n"
            "207 文化旅游体育与传媒支出 378.82 323.43 55.39\n"
            "207 文化旅游体育与传媒支出 378.82 323.43 55.39\n"
            "208 社会保障和就业支出 97.17 97.17 0.00\n210 卫生健康支出 46.80 46.80 0.00\n"
            "221 住房保障支出 316.23 316.23 0.00\n")
    report = finreport.parse(text)
    duplicates = [r.span for r in report.layout if r.kind is finreport.RegionKind.DUPLICATE]
    assert [text[s.start:s.end] for s in duplicates] == [
        "2026年支出预算合计933.85万元，其中：基本支出783",
        "207 文化旅游体育与传媒支出 378.82 323.43 55.39"]
    assert _errors(text) == []
    assert [r.code for t in report.tables for r in t.rows if r.code] == [
        "207", "208", "210", "221"]


def test_bare_numbers_written_again_line_after_line_are_kept() -> None:
    # one cell per line: a number may follow itself (two columns of one row)
    text = ("南湖县农业农村局2026年部门预算\n第三部分 2026年部门预算表\n一般公共预算支出预算表\n"
            "单位：万元\n科目编码\n科目名称\n合计\n基本支出\n合计\n20.00\n20.00\n")
    report = finreport.parse(text)
    assert [r for r in report.layout if r.kind is finreport.RegionKind.DUPLICATE] == []


@pytest.mark.parametrize("preamble", [
    "根据《临江市预算信息公开管理办法》\n现将本部门2026年部门预算公开如下。\n",
    "按照市财政局关于做好2026年部门预算公开工作的通知要求\n现将我局2026年部门预算公开如下。\n",
])
def test_a_preamble_naming_a_rule_or_a_notice_is_no_document_about_budgets(
        preamble: str) -> None:
    text = (preamble + "目录\n第一部分 临江市信访局概况\n一、主要职责\n负责信访工作。\n"
            "第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
            "2026年收入预算总计1,200.00万元，支出预算总计1,200.00万元。\n")
    report = finreport.parse(text)
    assert report.kind is finreport.ReportKind.BUDGET


_APPROPRIATION = (
    "南湖县交通运输局2026年部门预算\n二、2026年南湖县交通运输局部门预算安排情况说明\n"
    "（五）一般公共预算当年拨款情况说明（详见表5）\n1.一般公共预算当年拨款规模变化情况。\n"
    "2026年一般公共预算当年拨款1,000.00万元，比上年执行数减少100.00万元，下降9.1%。\n"
    "2.一般公共预算当年拨款结构情况。\n"
    "一般公共服务（类）支出{first}万元，占{share}%；国防（类）支出0.40万元，占0.04%；"
    "交通运输（类）支出984.50万元，占98.45%。\n")


def test_the_appropriation_s_structure_lists_classes_of_the_total_stated_before() -> None:
    # Hangzhou's 一般公共预算当年拨款: classes with their shares, no total of their own
    text = _APPROPRIATION.format(first="15.10", share="1.51")
    report = finreport.parse(text)
    gb = report.general_budget
    assert gb is not None and gb.total is not None and gb.total.amount is not None
    assert str(gb.total.amount.value) == "1000.00"
    assert [(c.name.text, str(c.amount.value)) for c in gb.classes if c.amount is not None] == [
        ("一般公共服务(类)支出", "15.10"), ("国防(类)支出", "0.40"), ("交通运输(类)支出", "984.50")]
    assert [f.code for f in finreport.check(report)
            if f.severity is finreport.Severity.ERROR] == []
    slipped = _APPROPRIATION.format(first="15.10", share="2.51")
    assert "FR201" in [f.code for f in finreport.check(finreport.parse(slipped))]
