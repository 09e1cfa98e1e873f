"""The outline of a report: which lines are headings and where each stands, on texts of
our own written in the shapes the field uses (contents pages with spaced-out leaders,
known titles numbered ``1.`` under ``（二）``, references at a title's end, row labels
of the tables part, a part title written again on its next page)."""

from __future__ import annotations

import finreport
from finreport import Section, SectionKind

_TITLE = "某某市某某局\n2026年部门预算\n"


def _tree(text: str) -> list[tuple[int, str, str, SectionKind]]:
    """Each section as (depth, number, title, kind), in text order (number and title
    folded, as :class:`~finreport.Phrase` keeps them: ASCII brackets)."""
    out: list[tuple[int, str, str, SectionKind]] = []

    def walk(sections: tuple[Section, ...], depth: int) -> None:
        for s in sections:
            out.append((depth, s.number.text if s.number else "", s.title.text, s.kind))
            walk(s.children, depth + 1)

    walk(finreport.parse(text).sections, 0)
    return out


_SPACED = "   .   " * 30  # dot leaders spaced out, as a PDF's contents page is extracted


def test_a_contents_page_with_spaced_out_leaders_is_the_contents() -> None:
    text = (_TITLE + "目          录\n"
            f"第   一   部分      部   门   概况{_SPACED}1\n"
            f"第   二   部分      部   门   预算   情况   说   明{_SPACED}2   0\n"
            "第一部分\n部门概况\n一、部门主要职责\n负责某某工作。\n"
            "第二部分\n部门预算情况说明\n一、预算收支总体情况\n"
            "2026年收入预算100.00万元，支出预算100.00万元。\n")
    tree = _tree(text)
    assert tree[0] == (0, "", "目录", SectionKind.CONTENTS)
    # the entries of the contents page are no headings of the body
    assert [t[2] for t in tree[1:]] == ["部门概况", "部门主要职责", "部门预算情况说明",
                                        "预算收支总体情况"]


_BODY = (_TITLE + "第一部分 2026年部门预算情况说明\n"
         "一、预算绩效目标情况\n"
         "（一）绩效目标设置情况\n按要求编制绩效目标。\n"
         "（二）绩效目标表及说明\n"
         "1.项目支出绩效目标表\n项目名称：某某项目\n"
         "2.部门整体支出绩效目标表\n部门名称：某某局\n"
         "二、其他重要事项说明\n"
         "（一）机关运行经费\n2026年机关运行经费10.00万元。\n")


def test_a_known_title_numbered_1_nests_under_the_subsection_open() -> None:
    tree = _tree(_BODY)
    assert [(d, n, t) for d, n, t, _ in tree] == [
        (0, "第一部分", "2026年部门预算情况说明"),
        (1, "一、", "预算绩效目标情况"),
        (2, "(一)", "绩效目标设置情况"),
        (2, "(二)", "绩效目标表及说明"),
        (3, "1.", "项目支出绩效目标表"),
        (3, "2.", "部门整体支出绩效目标表"),
        (1, "二、", "其他重要事项说明"),
        (2, "(一)", "机关运行经费"),
    ]
    # and no numbering is reported out of sequence
    report = finreport.parse(_BODY)
    assert [f.code for f in finreport.check(report, select=["FR903"])] == []


def test_a_list_of_known_titles_goes_on_where_its_previous_number_stands() -> None:
    text = (_TITLE + "二、部门预算安排情况说明\n"
            "（八）政府性基金预算支出情况说明\n"
            "1.政府性基金预算当年拨款规模变化情况。\n2026年拨款10.00万元。\n"
            "2.政府性基金预算当年拨款结构情况。\n城乡社区支出10.00万元。\n"
            "3.政府性基金预算当年拨款具体使用情况。\n主要用于某某。\n"
            "（九）国有资本经营预算支出情况说明\n无。\n"
            "三、名词解释\n1.财政拨款收入：指当年拨付的资金。\n")
    assert [(d, n) for d, n, _, _ in _tree(text)] == [
        (0, "二、"), (1, "(八)"), (2, "1."), (2, "2."), (2, "3."), (1, "(九)"),
        (0, "三、")]


def test_a_sibling_written_in_the_wrong_numbering_stays_a_sibling() -> None:
    # 八、 then 9、: the author's slip (FR903 says so), not a subsection of 八、
    text = (_TITLE + "八、政府性基金预算支出情况说明\n2026年支出0万元。\n"
            "9、国有资本经营预算支出情况说明\n2026年支出0万元。\n")
    assert [(d, n) for d, n, _, _ in _tree(text)] == [(0, "八、"), (0, "9、")]


def test_a_reference_at_the_end_of_a_title_does_not_hide_the_heading() -> None:
    text = (_TITLE + "二、部门预算安排情况说明\n"
            "（四）财政拨款收支预算情况的总体说明（详见表4）\n2026年财政拨款收入10.00万元。\n"
            "（五）一般公共预算当年拨款情况说明（详见表5）\n2026年拨款10.00万元。\n")
    assert [(d, t) for d, _, t, _ in _tree(text)] == [
        (0, "部门预算安排情况说明"),
        (1, "财政拨款收支预算情况的总体说明(详见表4)"),
        (1, "一般公共预算当年拨款情况说明(详见表5)")]


def test_a_row_label_whose_amounts_went_to_the_next_line_is_no_heading() -> None:
    text = (_TITLE + "一、单位预算编制说明\n2026年收入预算1,337万元。\n"
            "二、2026年单位预算表\n"
            "2026年预算单位财务收支预算总表\n"
            "一、一般公共预算          13,371,300一、社会保障和就业支出     1,220,000\n"
            "四、灾害防治及应急管理\n13,371,300      13,371,300\n支出\n"
            "收入总计           13,371,300          支出总计     13,371,300\n"
            "三、其他相关情况说明\n2026年“三公”经费预算为0。\n")
    titles = [t for _, _, t, _ in _tree(text)]
    assert "灾害防治及应急管理" not in titles
    assert titles[-1] == "其他相关情况说明"


def test_a_part_title_written_again_on_its_next_page_is_one_heading() -> None:
    text = (_TITLE + "第一部分\n部门概况\n一、部门主要职责\n负责某某工作。\n"
            "第二部分\n名词解释\n36\n\f名词解释\n一、财政拨款收入：指当年拨付的资金。\n")
    tree = _tree(text)
    assert [(d, n, t) for d, n, t, _ in tree] == [
        (0, "第一部分", "部门概况"), (1, "一、", "部门主要职责"), (0, "第二部分", "名词解释")]
    assert [f.code for f in finreport.check(finreport.parse(text), select=["FR903"])] == []


def test_inside_a_tables_part_only_a_part_heading_is_a_heading() -> None:
    # a tables part of its own (第二部分): its rows numbered as headings are (一、…, a known
    # title alone, a title the contents lists) are rows; the next part ends it, written
    # with its number or as a part's title alone
    text = (_TITLE + "目录\n第一部分 部门概况\n一、主要职责\n第二部分 2026年部门预算表\n"
            "第三部分 2026年部门预算情况说明\n第四部分 名词解释\n\f"
            "第一部分 部门概况\n一、主要职责\n负责某某工作。\n"
            "第二部分 2026年部门预算表\n表1\n收支总体情况表\n单位：万元\n"
            "一、一般公共预算拨款          10.00    一、一般公共服务支出     10.00\n"
            "主要职责\n三公经费\n2026年部门预算情况说明\n"
            "收入总计                      10.00    支出总计                 10.00\n"
            "第三部分 2026年部门预算情况说明\n一、收支预算总体情况\n收支预算总计10.00万元。\n"
            "名词解释\n一、财政拨款收入：指当年拨付的资金。\n")
    tree = [(d, n, t, k) for d, n, t, k in _tree(text) if k is not SectionKind.CONTENTS]
    assert [(d, n, t) for d, n, t, _ in tree] == [
        (0, "第一部分", "部门概况"), (1, "一、", "主要职责"),
        (0, "第二部分", "2026年部门预算表"),
        (0, "第三部分", "2026年部门预算情况说明"), (1, "一、", "收支预算总体情况"),
        (0, "", "名词解释")]
    assert tree[2][3] is SectionKind.TABLES and tree[5][3] is SectionKind.GLOSSARY


_RUN_IN = (_TITLE + "第二部分 2026年部门预算情况说明\n一、其他重要事项的情况说明\n"
           "（一）机关运行经费。2026年本部门机关运行经费预算50.00万元。\n"
           "（二）政府采购。2026年政府采购预算总额459.23万元，其中：货物类312.51万元，"
           "服务类{services}万元。\n"
           "（三）国有资产占用。截至2025年12月31日，本部门共有车辆9辆，包括：机要通信用车3辆、"
           "执法执勤用车{cars}辆、其他用车1辆。\n")


def test_a_known_title_with_its_text_on_its_line_is_a_heading() -> None:
    # （二）政府采购。2026年…: the title up to its full stop, its text the section's body
    text = _RUN_IN.format(services="146.72", cars="5")
    assert _tree(text)[-3:] == [
        (2, "(一)", "机关运行经费", SectionKind.OPERATING_COSTS),
        (2, "(二)", "政府采购", SectionKind.PROCUREMENT),
        (2, "(三)", "国有资产占用", SectionKind.ASSETS)]
    report = finreport.parse(text)
    assert report.procurement.total is not None and report.procurement.total.amount is not None
    assert str(report.procurement.total.amount.value) == "459.23"
    assert [f.code for f in finreport.check(report) if f.code != "FR903"] == []
    slipped = finreport.check(finreport.parse(_RUN_IN.format(services="146.76", cars="6")))
    assert sorted(f.code for f in slipped if f.code != "FR903") == ["FR101", "FR905"]


def test_an_item_of_a_paragraph_with_a_known_title_stays_body_text() -> None:
    # 1．收入执收计划编制。… 2．基本支出预算编制。…: items of a paragraph (the first is no
    # known title), never a section on the basic expenditure; nor is a glossary's term
    text = (_TITLE + "第一部分 部门概况\n一、部门预算编制情况\n认真编制2026年部门预算。其中：\n"
            "1．收入执收计划编制。非税收入按照核定的项目测算。\n"
            "2．基本支出预算编制。基本支出预算包括人员支出和日常公用经费支出预算。\n"
            "第四部分 名词解释\n1.“三公”经费。指部门用财政拨款安排的因公出国（境）费。\n")
    kinds = [kind for _, _, _, kind in _tree(text)]
    assert SectionKind.BASIC_EXPENDITURE not in kinds
    assert SectionKind.THREE_PUBLIC not in kinds


def test_chapters_and_their_jie_are_parts_and_sections() -> None:
    # 第一章 / 第一节 / 一、: a chapter is a part, a 节 a section, 一、 under it a subsection
    text = (_TITLE + "第一章 部门概况\n第一节 主要职能\n负责全市档案工作。\n"
            "第二章 2026年部门预算情况说明\n第一节 收支预算总体情况\n2026年收支预算总计100.00万元。\n"
            "第二节 其他重要事项的情况说明\n一、机关运行经费\n2026年机关运行经费预算10.00万元。\n")
    assert _tree(text) == [
        (0, "第一章", "部门概况", SectionKind.OVERVIEW),
        (1, "第一节", "主要职能", SectionKind.FUNCTIONS),
        (0, "第二章", "2026年部门预算情况说明", SectionKind.NARRATIVE),
        (1, "第一节", "收支预算总体情况", SectionKind.OVERALL),
        (1, "第二节", "其他重要事项的情况说明", SectionKind.OTHER_MATTERS),
        (2, "一、", "机关运行经费", SectionKind.OPERATING_COSTS)]
    assert [f.code for f in finreport.check(finreport.parse(text))] == []


def test_a_title_written_again_under_its_heading_is_no_body_text() -> None:
    # 七、…情况说明 / …情况说明 (the text layer wrote the title twice): the total after it is
    # the section's first figure, not the title's words'
    text = (_TITLE + "七、一般公共预算“三公”经费支出预算情况说明\n一般公共预算“三公”经费支出预算情况说明\n"
            "2026年一般公共预算安排的“三公”经费预算71.03万元。其中：因公出国（境）费0.00万元；公务用车"
            "购置及运行维护费56.07万元；公务接待费14.96万元。\n按全部资金口径（含单位资金），2026年"
            "“三公”经费预算75.14万元，其中单位资金安排4.11万元。\n")
    report = finreport.parse(text)
    [section] = report.sections
    assert text[section.body.start:].startswith("2026年")
    total = report.three_public.total
    assert total is not None and total.amount is not None and str(total.amount.value) == "71.03"
    assert [f.code for f in finreport.check(report) if f.code != "FR903"] == []
