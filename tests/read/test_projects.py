"""Names of projects wrapped over lines around their amounts (read.projects): the project
table's rows and the narrative's key projects."""

from __future__ import annotations

import finreport
from finreport.read.projects import key_projects, name_readings

HEAD = "项目             预算数（单位：万元）                   绩效目标\n"


def _readings(text: str) -> list[tuple[str, list[str]]]:
    report_text = "某某局2026年部门预算\n第一部分 部门概况\n二、重点项目预算绩效目标情况\n" + text
    found = key_projects(report_text, 0, len(report_text))
    return [(report_text[k.amount.span.start:k.amount.span.end], [r.text for r in k.readings])
            for k in found]


def test_a_name_wrapped_around_its_amount_line_reads_whole() -> None:
    text = HEAD + ("辅助人员补助经费-拱北海\n"
                   "7672.25               好助力服务地方经济发展，促进外贸保稳提\n"
                   "关\n")
    assert _readings(text) == [("7672.25", ["辅助人员补助经费-拱北海关"])]


def test_the_middle_line_of_an_odd_name_writes_the_amount() -> None:
    text = HEAD + ("2026高质量发展行动——稳\n"
                   "住批发、零售业发展势头项   500     带动就业和税收增长。\n"
                   "目\n")
    assert _readings(text) == [("500", ["住批发、零售业发展势头项",
                                        "2026高质量发展行动——稳住批发、零售业发展势头项目"])]


def test_a_goal_line_wider_than_any_name_is_passed_over() -> None:
    # the goal's lines stand alone between the name's lines, starting at the margin
    text = HEAD + ("通过配置辅助人员保障海关监管需要，更好助力服务地方经济发展\n"
                   "珠海机场货运口岸临时开放\n"
                   "491.25\n"
                   "提升企业经营效益，带动就业和税收增长，促进消费市场提质扩容\n"
                   "期间拱北海关补助经费\n")
    assert _readings(text) == [("491.25", ["珠海机场货运口岸临时开放期间拱北海关补助经费"])]


def test_a_short_goal_line_gives_one_more_reading_not_another_name() -> None:
    text = HEAD + ("通过配置辅助人员保障海关监管需要，更\n"
                   "辅助人员补助经费-拱北海\n"
                   "7672.25               好助力服务地方经济发展，促进外贸保稳提\n"
                   "关\n"
                   "质。\n")
    assert _readings(text) == [("7672.25", ["辅助人员补助经费-拱北海关"])]
    text = HEAD + ("完成聘用\n辅助人员补助经费-拱北海\n7672.25\n关\n提升质量\n")
    assert _readings(text) == [("7672.25", ["辅助人员补助经费-拱北海关",
                                            "完成聘用辅助人员补助经费-拱北海关提升质量"])]


def test_a_name_never_runs_across_another_amount_line() -> None:
    text = HEAD + ("查验配套服务费             450                   开展试点工作。\n"
                   "港口口岸安检服务费         206.44                开展安全检查。\n")
    assert _readings(text) == [("450", ["查验配套服务费"]), ("206.44", ["港口口岸安检服务费"])]


def test_an_amount_written_on_to_its_name_is_read_with_two_decimals() -> None:
    text = HEAD + ("市属企业科技创新支持资金28,000.00\n"
                   "推进适航审定服务能力建设950                   提升审定服务能力。\n"
                   "程建设，达到如下绩效目标：建成长约5.85\n"
                   "公里的城市主干路，本项目将改善区域路网布局\n")
    assert _readings(text) == [("28,000.00", ["市属企业科技创新支持资金"]),
                               ("950", ["推进适航审定服务能力建设"])]


def test_a_table_whose_header_states_no_unit_is_not_read() -> None:
    text = "项目             预算数                   绩效目标\n查验配套服务费             450\n"
    assert _readings(text) == []


def test_a_unit_in_brackets_after_the_budget_column_is_the_tables() -> None:
    text = "项目名称         预算数（万元）                   绩效目标\n查验配套服务费             450\n"
    assert _readings(text) == [("450", ["查验配套服务费"])]


def test_the_header_repeated_after_a_page_break_stops_a_name() -> None:
    text = HEAD + ("口岸维修经费         57.52       做好维修。\n" + HEAD +
                   "查验配套服务费             450        开展试点工作。\n")
    assert _readings(text) == [("57.52", ["口岸维修经费"]), ("450", ["查验配套服务费"])]


def test_readings_of_lines_given_directly() -> None:
    source = "甲乙丙丁戊\n12.00  3.00\n己庚辛\n"
    lines = [(0, 5, "甲乙丙丁戊"), (6, 17, "12.00  3.00"), (18, 21, "己庚辛")]
    found = name_readings(source, lines, {1: None})
    assert {k: [(p.text, p.span.start, p.span.end) for p in v] for k, v in found.items()} == {
        1: [("甲乙丙丁戊己庚辛", 0, 21)]}


PROJECT_TABLE = (
    "某某局2026年部门预算\n第一部分 2026年部门预算表\n"
    "部门预算项目支出及其他支出预算表\n单位：万元\n"
    "支出项目类别（资金使用单      总计        财政拨款\n"
    "合计                          726.13       726.13\n"
    "某某局                        726.13       726.13\n"
    "珠澳跨境工业区专用口\n"
    "                              560.33       560.33\n"
    "岸日常工作经费\n"
    "口岸日常水电耗材、清\n"
    "洁、现场设备购置、绩效评      165.80       165.80\n"
    "价审计等运营和管理费用\n"
    "一般公共预算项目支出情况表（按经济分类科目）\n单位：万元\n"
    "科目名称                      合计\n"
    "商品和服务支出                726.13\n"
    "第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n2026年收支预算总计726.13万元。\n")
KEY_PROJECTS = ("二、重点项目预算绩效目标情况\n" + HEAD +
                "珠澳跨境工业区专用口岸日\n560.33\n常工作经费\n")


def test_a_key_project_is_bound_to_the_row_its_name_reads_as() -> None:
    report = finreport.parse(PROJECT_TABLE + KEY_PROJECTS)
    key, = report.key_projects
    assert [r.text for r in key.readings] == ["珠澳跨境工业区专用口岸日常工作经费"]
    assert (key.name.text if key.name else None, key.row, key.unbound) == (
        "珠澳跨境工业区专用口岸日常工作经费", (0, 2), None)
    row = report.tables[0].rows[2]
    assert [str(c.value) for c in row.cells] == ["560.33", "560.33"]


def test_a_key_project_no_row_reads_as_is_not_bound() -> None:
    text = PROJECT_TABLE + ("二、重点项目预算绩效目标情况\n" + HEAD + "城乡道路桥梁设施日常养护经费   120.50\n")
    key, = finreport.parse(text).key_projects
    assert (key.row, key.unbound) == (None, "no row of the project table reads as its name")


def test_a_name_runs_on_across_a_page_break_and_the_header_written_again() -> None:
    text = HEAD + ("中山市全民健康信息平台运\n-19-\n\f" + HEAD +
                   "1.项目验收合格率达到100%；2.服务对象满意度不低于90%\n"
                   "维及网络安全等级保护测评   968.69\n"
                   "项目\n")
    report_text = "某某局2026年部门预算\n第一部分 部门概况\n二、重点项目预算绩效目标情况\n" + text
    mark = report_text.index("-19-")
    found = key_projects(report_text, 0, len(report_text),
                         [finreport.Span(mark, mark + 4)])
    assert [[r.text for r in k.readings] for k in found] == [
        ["维及网络安全等级保护测评", "中山市全民健康信息平台运维及网络安全等级保护测评项目"]]


def test_a_goals_last_line_among_a_names_lines_is_passed_over() -> None:
    # a name may have a comma; a line ending a sentence (。) is a goal's
    text = HEAD + ("增加安居集团资本金，用于      通过公共租赁住房的提质改造\n"
                   "市本级公共租赁住房运营权   1,000.00              提升居住环境。\n"
                   "转让及提质增效项目\n")
    assert _readings(text) == [("1,000.00", [
        "市本级公共租赁住房运营权", "增加安居集团资本金，用于市本级公共租赁住房运营权转让及提质增效项目"])]
    text = HEAD + ("《韶关市安全生产\n条例》宣传贯彻及2026\n84.60\n年“安全生产月”系列\n"
                   "加强应急物资保障。\n宣传活动经费\n")
    assert _readings(text) == [("84.60", [
        '条例》宣传贯彻及2026年"安全生产月"系列',
        '《韶关市安全生产条例》宣传贯彻及2026年"安全生产月"系列宣传活动经费'])]


def test_a_whole_number_on_to_words_is_no_amount_when_it_is_a_year_or_goes_on() -> None:
    text = HEAD + ("城维计划-广园快速路2026\n年度养护工程\n"
                   "元、路基雷达探测每公里成本不超过8000\n元；安全事故发生数为0\n"
                   "普惠性民办幼儿园生均补助资金3850\n"
                   "广州游戏电竞产业扶持资金2000                  企业在原创游戏研发\n")
    assert [amount for amount, _ in _readings(text)] == ["3850", "2000"]
