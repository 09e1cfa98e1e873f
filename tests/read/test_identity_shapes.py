"""The identity of reports whose covers are written in shapes of other cities (texts of
our own, after a red team's covers): organization, fiscal year and kind, and documents
about budgets that are no department's report."""

from __future__ import annotations

import pytest

import finreport

#: The same short body after every cover: it makes the text a report.
_BODY = ("第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
         "2026年收入预算总计1,234.56万元，支出预算总计1,234.56万元。\n")
_BUDGET = finreport.ReportKind.BUDGET


@pytest.mark.parametrize(("cover", "organization", "year", "kind"), [
    # the organization on the line after the kind words, or after a year line
    ("2026年度部门预算\n沈阳市和平区市场监督管理局\n", "沈阳市和平区市场监督管理局", 2026, _BUDGET),
    ("部门预算\n2026年\n兰州市城关区水务局\n", "兰州市城关区水务局", 2026, _BUDGET),
    # a year in Chinese numerals, or none in the title (the headings give it)
    ("成都市武侯区卫生健康局二〇二六年部门预算\n", "成都市武侯区卫生健康局", 2026, _BUDGET),
    ("连云港市海州区教育局\n部门预算\n2026年2月\n", "连云港市海州区教育局", 2026, _BUDGET),
    # cover lines that are no part of the title
    ("附件1\n无锡市梁溪区统计局2026年部门预算\n", "无锡市梁溪区统计局", 2026, _BUDGET),
    ("- 1 -\n无锡市梁溪区统计局2026年部门预算\n", "无锡市梁溪区统计局", 2026, _BUDGET),
    ("深圳市龙岗区人民检察院\nSHENZHEN LONGGANG PROCURATORATE\n2026年部门预算\n",
     "深圳市龙岗区人民检察院", 2026, _BUDGET),
    # a collective before the year: the unit line names the unit (also 编制单位（盖章）)
    ("市直机关2026年部门预算\n预算单位：佳木斯市档案馆\n", "佳木斯市档案馆", 2026, _BUDGET),
    ("2026年部门预算\n编制单位（盖章）：银川市兴庆区财政局\n", "银川市兴庆区财政局", 2026, _BUDGET),
    # 预算 inside the name is no kind word: the kind words end the title
    ("嘉兴市财政预算评审中心2026年单位预算\n", "嘉兴市财政预算评审中心", 2026,
     finreport.ReportKind.UNIT_BUDGET),
    ("2026年度宁波市财政局预算编审中心部门预算\n", "宁波市财政局预算编审中心", 2026, _BUDGET),
    # a university is a name ending in 大学 or 学院, not 科学院, 行政学院 or a school
    ("广东省农业科学院2026年部门预算\n", "广东省农业科学院", 2026, _BUDGET),
    ("中共杭州市委党校（杭州行政学院）2026年部门预算\n", "中共杭州市委党校(杭州行政学院)", 2026, _BUDGET),
    ("青岛市第二实验学校2026年部门预算\n", "青岛市第二实验学校", 2026, _BUDGET),
    ("浙江工业大学2026年部门预算\n", "浙江工业大学", 2026, finreport.ReportKind.UNIVERSITY_BUDGET),
    # level and edition words are no part of the name; quotation marks and brackets
    ("2026年绍兴市越城区教育体育局部门汇总预算\n", "绍兴市越城区教育体育局", 2026, _BUDGET),
    ("盐城市亭湖区水利局部门2026年预算\n", "盐城市亭湖区水利局", 2026, _BUDGET),
    ("邯郸市丛台区体育局2026年“部门预算”公开\n", "邯郸市丛台区体育局", 2026, _BUDGET),
    ("长春市人民政府办公室（长春市人民政府外事办公室）2026年部门预算\n",
     "长春市人民政府办公室(长春市人民政府外事办公室)", 2026, _BUDGET),
    # the organization after the kind words, in brackets or after a dash, or in brackets
    # between the year and them; a year alone on its line before them (red team 42)
    ("2026年度部门预算（临川市农业农村局）\n", "临川市农业农村局", 2026, _BUDGET),
    ("2026年部门预算\n（临川市农业农村局）\n", "临川市农业农村局", 2026, _BUDGET),
    ("2026年部门预算——临川市农业农村局\n", "临川市农业农村局", 2026, _BUDGET),
    ("2026年（临川市农业农村局）部门预算\n", "临川市农业农村局", 2026, _BUDGET),
    ("2026\n年度部门预算（临川市农业农村局）\n", "临川市农业农村局", 2026, _BUDGET),
    ("临川市农业农村局2026年公开2026年度部门预算\n", "临川市农业农村局", 2026, _BUDGET),
])
def test_the_cover_names_the_report(cover: str, organization: str, year: int,
                                    kind: finreport.ReportKind) -> None:
    report = finreport.parse(cover + _BODY)
    assert report.organization is not None and report.organization.text == organization
    assert report.fiscal_year is not None and report.fiscal_year.value == year
    assert report.kind is kind


@pytest.mark.parametrize(("cover", "organization", "kind"), [
    # kind words followed by a second budget's or a document's words
    ("合肥市蜀山区商务局2026年部门预算及“三公”经费预算\n", "合肥市蜀山区商务局", _BUDGET),
    ("宁波大学2026年部门预算编制说明\n", "宁波大学", finreport.ReportKind.UNIVERSITY_BUDGET),
    # the organization on the lines after the kind line: any head word, an alias, wrapped
    ("2026年度部门预算\n杭州市西湖区机关幼儿园\n", "杭州市西湖区机关幼儿园", _BUDGET),
    ("2026年度部门预算\n济南市历城区融媒体中心（广播电视台）\n", "济南市历城区融媒体中心(广播电视台)",
     _BUDGET),
    ("2026年度部门预算\n哈尔滨市南岗区\n发展和改革局\n", "哈尔滨市南岗区发展和改革局", _BUDGET),
    # 关于 titles; 本级 between the year and the kind; a seal's mark
    ("关于德清县新市镇二〇二六年部门预算的说明\n", "德清县新市镇", _BUDGET),
    ("杭州市上城区财政局关于2026年部门预算公开的说明\n", "杭州市上城区财政局", _BUDGET),
    ("湖州市吴兴区教育局2026年度本级部门预算\n", "湖州市吴兴区教育局", _BUDGET),
    ("芜湖市弋江区教育局（盖章）\n2026年部门预算\n", "芜湖市弋江区教育局", _BUDGET),
    # 预决算 is no kind word; non-degree colleges are no universities; a line ending 代表
    ("财政预决算公开\n湖州市南浔区交通运输局2026年部门预算\n", "湖州市南浔区交通运输局", _BUDGET),
    ("浙江省社会主义学院2026年部门预算\n", "浙江省社会主义学院", _BUDGET),
    ("重庆市江北区人民代表\n大会常务委员会办公室二〇二六年部门预算\n",
     "重庆市江北区人民代表大会常务委员会办公室", _BUDGET),
    # a township government's budget; 本级 after the name; 说明书; 预算 inside the name on
    # the line after the kind; a place with its level before the unit line
    ("2026年德清县乾元镇人民政府预算\n", "德清县乾元镇人民政府", _BUDGET),
    ("杭州市民政局本级2026年单位预算\n", "杭州市民政局", finreport.ReportKind.UNIT_BUDGET),
    ("江西师范大学2026年度部门预算公开说明书\n", "江西师范大学",
     finreport.ReportKind.UNIVERSITY_BUDGET),
    ("2026年度部门预算\n杭州市临平区预算编审中心\n", "杭州市临平区预算编审中心", _BUDGET),
    ("2026年宁波市鄞州区区级部门预算公开\n预算单位：宁波市鄞州区档案馆\n", "宁波市鄞州区档案馆", _BUDGET),
    # (red team 30) units named as units; head words 监狱, 宫, 厂, 港; a title ending 公开表
    ("湘潭市岳塘区司法局所属事业单位2026年单位预算\n", "湘潭市岳塘区司法局所属事业单位",
     finreport.ReportKind.UNIT_BUDGET),
    ("2026年单位预算\n岳阳市监狱\n", "岳阳市监狱", finreport.ReportKind.UNIT_BUDGET),
    ("2026年单位预算\n岳阳市青少年宫\n", "岳阳市青少年宫", finreport.ReportKind.UNIT_BUDGET),
    ("2026年单位预算\n岳阳市国有林场苗圃厂\n", "岳阳市国有林场苗圃厂", finreport.ReportKind.UNIT_BUDGET),
    ("附件2：\n湘潭市岳塘区司法局2026年部门预算公开表\n", "湘潭市岳塘区司法局", _BUDGET),
    # (red team 29) the organization's line written twice by the text layer
    ("长治市司法局\n长治市司法局\n2026年部门预算\n", "长治市司法局", _BUDGET),
])
def test_more_covers_name_the_report(cover: str, organization: str,
                                     kind: finreport.ReportKind) -> None:
    report = finreport.parse(cover + _BODY)
    assert report.organization is not None and report.organization.text == organization
    assert report.kind is kind


def test_the_organization_in_the_running_header_only() -> None:
    header = "南京市鼓楼区司法局2026年部门预算\n"
    text = ("部门预算\n目录\n第二部分 2026年部门预算情况说明\n" + header + "1\n" + _BODY
            + header + "2\n一、机构设置\n本部门下设3个处室。\n" + header + "3\n")
    report = finreport.parse(text)
    assert report.organization is not None and report.organization.text == "南京市鼓楼区司法局"
    assert text[report.organization.span.start:report.organization.span.end] == "南京市鼓楼区司法局"


@pytest.mark.parametrize("title", [
    "杭州市2026年政府预算\n",
    "西安市2025年上半年预算执行情况\n",
    "2026年市级部门预算公开目录\n",
    "厦门市人大常委会关于批准厦门市2025年市本级决算的决议\n",
    "2026年宝山区区本级预算\n",
    "台州市2026年预算公开\n",
    "宁波市2025年度财政总决算\n",
    "2026年湖州市南浔区区级预算\n",
    "丽水市2026年部门预算公开目录\n",
    "关于湖州市吴兴区民政局2026年部门预算的批复\n",
])
def test_a_document_about_budgets_names_no_department(title: str) -> None:
    try:
        report = finreport.parse(title + _BODY)
    except finreport.ReportError:
        return
    assert report.organization is None


def test_an_annex_label_over_the_cover_is_no_heading() -> None:
    report = finreport.parse("附件1\n无锡市梁溪区统计局2026年部门预算\n" + _BODY)
    assert report.organization is not None and report.organization.text == "无锡市梁溪区统计局"
    assert [s.kind for s in report.sections] == [finreport.SectionKind.NARRATIVE]
    # the numbering found wanting is only the body's own (it starts at 第二部分)
    assert [f.message for f in finreport.check(report) if f.code == "FR903"] == [
        "标题“2026年部门预算情况说明”序号写作“第二部分”，应为“第一部分”"]


@pytest.mark.parametrize("text", [
    "关于公开2026年部门预算的说明\n根据有关规定，现将我局2026年部门预算予以公开。\n某市财政局\n2026年2月10日\n",
    "某市某某局\n2026年部门预算\n二〇二六年二月\n",
])
def test_a_cover_or_notice_alone_is_never_clean(text: str) -> None:
    # no section and nothing read: not a report that holds (FR002 says nothing was read)
    report = finreport.parse(text)
    assert [f.code for f in finreport.check(report)] == ["FR002"]


def test_an_amount_in_yi_yuan_is_no_yuan_written_as_wan() -> None:
    # 我局完成重点项目投资120亿元 in a work review: no 元 figure written under 万元 (FR910)
    text = ("某市发展和改革局2026年部门预算\n第一部分 部门概况\n一、2025年主要工作完成情况\n"
            "2025年，我局完成重点项目投资120亿元。\n" + _BODY.replace("1,234.56", "773.26"))
    assert [f.code for f in finreport.check(finreport.parse(text)) if f.code != "FR903"] == []
