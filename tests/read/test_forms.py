"""Reading performance forms: the fixtures of tests/fixtures/performance_forms (their keys
say what a reader must find), exact values and spans."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import finreport
from finreport import FormKind, FormLayout, FundSource, PerformanceForm, ReportKind
from finreport.model.report import iter_figures

from ..conftest import FIXTURES

FORMS = FIXTURES / "performance_forms"


def _read(name: str) -> tuple[str, finreport.Report]:
    text = (FORMS / name).read_text(encoding="utf-8")
    return text, finreport.parse(text)


def _indicators(form: PerformanceForm) -> list[tuple[object, ...]]:
    def words(phrase: finreport.Phrase | None) -> str | None:
        return phrase.text if phrase is not None else None

    return [(words(i.level1), words(i.level2), words(i.level3),
             i.period_target.text.text if i.period_target else None, i.target.text.text,
             i.actual.text.text if i.actual else None,
             str(i.weight.value) if i.weight else None, str(i.score.value) if i.score else None,
             words(i.reason)) for i in form.indicators]


def _funds(form: PerformanceForm) -> list[tuple[str, str | None, str | None, str | None]]:
    def value(amount: finreport.Amount | None) -> str | None:
        return str(amount.value) if amount is not None else None

    return [(f.source.value, value(f.initial), value(f.planned), value(f.executed))
            for f in form.funds]


def test_targets_in_columns_inside_a_budget() -> None:
    _text, report = _read("targets_columns.txt")
    assert report.kind is ReportKind.BUDGET
    assert report.grand_total is not None and str(report.grand_total.amount.value) == "300.00"
    first, second = report.performance_forms
    assert (first.kind, first.layout) == (FormKind.PROJECT_TARGETS, FormLayout.COLUMNS)
    assert first.title is not None and first.title.text == "文化惠民演出补助项目绩效目标表"
    assert (first.name.text, first.unit.text, first.department.text) == (  # type: ignore[union-attr]
        "文化惠民演出补助", "某某市文化馆", "某某市文化局")
    assert _funds(first) == [("total", None, "120.00", None), ("fiscal", None, "100.00", None),
                             ("other", None, "20.00", None)]
    assert first.goal is not None and first.goal.text == "全年开展惠民演出不少于40场，惠及群众2万人次。"
    assert _indicators(first) == [
        ("成本指标", "经济成本指标", "演出场均补助标准", None, "≤3万元", None, None, None, None),
        ("产出指标", "数量指标", "惠民演出场次", None, "≥40场", None, None, None, None),
        ("产出指标", "质量指标", "演出节目内容审核通过率", None, "100%", None, None, None, None),
        ("产出指标", "时效指标", "年度演出完成时间", None, "2026年12月底前", None, None, None, None),
        ("效益指标", "社会效益指标", "惠及群众人次", None, "≥20000人次", None, None, None, None),
        ("满意度指标", "服务对象满意度指标", "观众满意度", None, "≥90%", None, None, None, None),
    ]
    deadline = first.indicators[3].target
    assert (deadline.year, deadline.month, deadline.comparator) == (2026, 12,
                                                                    finreport.Comparator.LE)
    assert _indicators(second) == [
        ("成本指标", "经济成本指标", "数字资源采购单价", "≤2万元/TB", "≤2万元/TB", None, None, None,
         None),
        ("产出指标", "数量指标", "新增数字资源容量", "≥60TB", "≥20TB", None, None, None, None),
        ("产出指标", "质量指标", "资源验收合格率", "100%", "100%", None, None, None, None),
        ("效益指标", "社会效益指标", "数字资源访问量", "≥150万次", "≥50万次", None, None, None, None),
        ("满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "≥90%", None, None, None, None),
    ]
    capacity = second.indicators[1]
    assert capacity.target.value == Decimal(20) and capacity.target.unit == "TB"
    assert capacity.period_target is not None and capacity.period_target.value == Decimal(60)
    # the forms are not narrative: none of their figures is left unrecognized
    assert not [u for u in report.unrecognized
                if any(f.span.start <= u.span.start < f.span.end
                       for f in report.performance_forms)]
    assert finreport.check(report) == []


def test_targets_one_cell_document() -> None:
    _text, report = _read("targets_one_cell.txt")
    assert report.kind is ReportKind.PERFORMANCE_FORM
    assert report.organization is not None and report.organization.text == "某某市生态环境局"
    assert report.fiscal_year is not None and report.fiscal_year.value == 2026
    assert [(t.name.text, t.grand, _amounts(t.funds)) for t in report.form_totals] == [
        ("合计", True, [("total", "215.50"), ("fiscal", "195.50"), ("other", "20.00")]),
        ("某某市生态环境局", False, [("total", "195.50"), ("fiscal", "195.50")]),
        ("某某市环境监测中心", False, [("total", "20.00"), ("fiscal", "0.00"), ("other", "20.00")]),
    ]
    forms = report.performance_forms
    assert [(f.layout, f.name.text, f.unit.text, _amounts(f.funds), len(f.indicators))  # type: ignore[union-attr]
            for f in forms] == [
        (FormLayout.ONE_CELL, "大气环境质量监测网络运行维护项目", "某某市生态环境局",
         [("total", "120.00"), ("fiscal", "120.00")], 4),
        (FormLayout.ONE_CELL, "环境执法专项经费", "某某市生态环境局",
         [("total", "75.50"), ("fiscal", "75.50")], 4),
        (FormLayout.ONE_CELL, "土壤污染状况调查", "某某市环境监测中心",
         [("total", "20.00"), ("fiscal", "0.00"), ("other", "20.00")], 3),
    ]
    assert forms[0].goal is not None and forms[0].goal.text == (
        "保障全市大气自动监测站点稳定运行，数据有效率达到国家考核要求，为大气污染防治提供数据支撑。")
    assert _indicators(forms[1]) == [
        ("产出指标", "数量指标", "执法检查企业数", "≥300家", "≥300家", None, None, None, None),
        ("效益指标", "社会效益", "群众投诉办结率", "≥95%", "≥95%", None, None, None, None),
        ("满意度指标", "服务对象满意度", "执法对象满意度", "≥85%", "≥85%", None, None, None, None),
        ("产出指标", "时效指标", "案件按期办结(是/否)", "是", "是", None, None, None, None),
    ]
    assert forms[1].indicators[3].target.answer is True
    assert _indicators(forms[2])[:2] == [
        ("产出指标", "数量指标", "完成调查地块数", "≥30块", "≥10块", None, None, None, None),
        ("产出指标", "时效指标", "调查报告提交时间", "2028年12月底前", "2026年12月底前", None, None,
         None, None),
    ]
    assert finreport.check(report) == []


def _amounts(funds: tuple[finreport.FundLine, ...]) -> list[tuple[str, str]]:
    return [(f.source.value, str(f.planned.value)) for f in funds if f.planned is not None]


def test_self_evaluations_in_columns() -> None:
    _text, report = _read("evaluation_columns.txt")
    assert report.kind is ReportKind.PERFORMANCE_FORM
    project, department = report.performance_forms
    assert project.kind is FormKind.PROJECT_EVALUATION
    assert department.kind is FormKind.DEPARTMENT_EVALUATION
    assert _funds(project) == [
        ("total", "120.00", "118.00", "112.10"), ("fiscal", "100.00", "98.00", "94.10"),
        ("carried_over", "0.00", "0.00", "0.00"), ("other", "20.00", "20.00", "18.00")]
    assert (str(project.execution_weight.value), str(project.execution_rate.value),  # type: ignore[union-attr]
            str(project.execution_score.value)) == ("10", "95.0", "9.5")  # type: ignore[union-attr]
    assert (str(project.total_weight.value), str(project.total_score.value)) == (  # type: ignore[union-attr]
        "100", "98.0")
    assert _indicators(project) == [
        ("产出指标", "数量指标", "惠民演出场次", None, "≥40场", "42场", "20", "20", None),
        ("产出指标", "质量指标", "节目内容审核通过率", None, "100%", "100%", "10", "10", None),
        ("产出指标", "时效指标", "演出完成时间", None, "2025年12月底前", "2025年11月", "10", "10",
         None),
        ("效益指标", "社会效益指标", "惠及群众人次", None, "≥20000人次", "18500人次", "20", "18.5",
         "两场户外演出因天气取消，下年度增加室内场次。"),
        ("满意度指标", "服务对象满意度指标", "观众满意度", None, "≥90%", "93%", "20", "20", None),
        ("成本指标", "经济成本指标", "场均补助", None, "≤3万元", "2.67万元", "10", "10", None),
    ]
    assert [i.verdict().value for i in project.indicators] == [
        "met", "met", "met", "not_met", "met", "met"]
    assert department.name is not None and department.name.text == "某某市文化局"
    assert [f.source for f in department.funds] == [
        FundSource.TOTAL, FundSource.FISCAL, FundSource.OTHER, FundSource.BASIC,
        FundSource.PROJECT]
    assert _indicators(department)[0] == (
        "产出指标", "数量指标", "重点工作任务完成数", None, "≥12项", "12项", "30", "30", None)
    assert finreport.check(report) == []


@pytest.mark.parametrize("name", ["targets_columns.txt", "targets_one_cell.txt",
                                  "evaluation_columns.txt"])
def test_every_figure_of_a_form_points_at_its_text(name: str) -> None:
    text, report = _read(name)
    for form in report.performance_forms:
        for figure in iter_figures(form):
            written = text[figure.span.start:figure.span.end]
            assert str(figure.value) in written.replace(",", ""), (figure, written)
        for indicator in form.indicators:
            for target in (indicator.target, indicator.period_target, indicator.actual):
                if target is None:
                    continue
                written = text[target.text.span.start:target.text.span.end]
                assert "".join(written.split()).startswith(target.text.text[:1]), written
            for phrase in (indicator.level1, indicator.level2, indicator.level3):
                if phrase is not None:
                    # a name broken over lines spans them; its first and last characters
                    # are its own
                    written = text[phrase.span.start:phrase.span.end]
                    assert written[0] == _written_first(phrase.text), (phrase, written)


def _written_first(folded: str) -> str:
    return {"(": "（", '"': "“"}.get(folded[0], folded[0])


def test_a_form_document_is_a_kind_of_its_own() -> None:
    assert finreport.detect_kind("某某局2026年项目支出绩效目标表\n") is ReportKind.PERFORMANCE_FORM
    assert finreport.detect_kind("某某局2026年部门预算\n") is ReportKind.BUDGET


def test_a_text_without_forms_reads_none() -> None:
    report = finreport.parse("2020年度某某局部门决算\n第二部分 2020年度部门决算情况说明\n"
                             "一、收入支出决算总体情况说明\n2020年度收入、支出总计均为100.00万元。\n")
    assert report.performance_forms == () and report.form_totals == ()


def test_the_forms_round_trip_through_json() -> None:
    _, report = _read("evaluation_columns.txt")
    again = finreport.from_json(finreport.to_json(report), finreport.Report)
    assert again.performance_forms == report.performance_forms
    assert attrs.evolve(again, performance_forms=()) == attrs.evolve(report, performance_forms=())


def test_a_self_evaluation_in_the_national_template() -> None:
    _, report = _read("evaluation_national.txt")
    (form,) = report.performance_forms
    assert form.kind is FormKind.PROJECT_EVALUATION
    assert (form.name.text, form.department.text, form.unit.text) == (  # type: ignore[union-attr]
        "老年人助餐服务补贴", "某某区民政局", "某某区养老服务中心")
    assert _funds(form) == [
        ("total", "200.00", "240.00", "228.00"), ("fiscal", "200.00", "220.00", "210.00"),
        ("carried_over", None, "20.00", "18.00"), ("other", None, None, None)]
    assert form.goal is not None and form.goal.text == (
        "为辖区内80岁以上老人提供助餐服务，全年为2160名老人提供助餐服务，全年服务不少于2000人。"
        "服务满意度96%。")
    assert _indicators(form)[3] == (
        "效益指标", "社会效益指标", "老人就餐便利度提升", None, "明显提升", "明显提升", "20", "18",
        "部分社区助餐点距离较远，将增设助餐点。")
    assert [i.verdict().value for i in form.indicators] == [
        "met", "met", "met", "cannot_tell", "met"]
    assert (str(form.total_weight.value), str(form.total_score.value)) == ("100", "97.5")  # type: ignore[union-attr]
    assert finreport.check(report) == []


_NATIONAL = ("                              项目支出绩效自评表\n"
             "                                 （2025年度）\n"
             "项目名称          某某培训项目\n"
             "主管部门          某某市市场监督管理局      实施单位    某某市市场监督管理局\n"
             "项目资金（万元）   年初预算数   全年预算数   全年执行数   分值   执行率   得分\n"
             "年度资金总额         100.00       100.00       95.00     10    95.0%     9.5\n"
             "其中：财政拨款       100.00       100.00       95.00\n"
             "一级指标    二级指标      三级指标          年度指标值    实际完成值    分值    得分\n"
             "产出指标    数量指标      培训人次          ≥100人次      120人次       50      50\n"
             "效益指标    社会效益指标  学员满意度        ≥90%          95%           40      40\n"
             "总分                                                                    100     99.5\n")


def test_a_form_under_the_national_templates_title_takes_its_year_and_department() -> None:
    # 项目支出绩效自评表 / （2025年度）: the year on the line under the title, the department
    # the one every form's 主管部门 names
    report = finreport.parse(_NATIONAL)
    assert report.kind is ReportKind.PERFORMANCE_FORM
    assert report.fiscal_year is not None and report.fiscal_year.value == 2025
    assert _NATIONAL[report.fiscal_year.span.start:report.fiscal_year.span.end] == "2025年"
    assert report.organization is not None and report.organization.text == "某某市市场监督管理局"
    other = _NATIONAL + _NATIONAL.replace("主管部门          某某市市场监督管理局",
                                          "主管部门          某某市财政局")
    assert finreport.parse(other).organization is None  # two departments: not one's
