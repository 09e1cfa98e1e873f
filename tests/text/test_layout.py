"""The text layer: what is not narrative, found by line shape, and lines put back in order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finreport
from finreport import RegionKind
from finreport.text.layout import find_regions, repair_order, subtract
from finreport.text.view import TextView
from tests.conftest import read_fixture


def _regions(text: str) -> list[tuple[str, str]]:
    return [(r.kind.value, text[r.span.start:r.span.end]) for r in find_regions(text)]


def test_footers_and_page_numbers() -> None:
    text = ("第一段正文，收入合计100万元，\n— 3 —\n\n比上年增加10万元。\n第 4 页\n"
            "第二段正文。\f\n5\n第三段正文。\f\n6\n第四段。\f\n7\n第五段。\n")
    found = _regions(text)
    assert ("page_mark", "— 3 —") in found
    assert ("page_mark", "第 4 页") in found
    # bare numbers that follow the page index are page numbers
    assert [t for k, t in found if k == "page_mark" and t.isdigit()] == ["5", "6", "7"]


def test_footer_inside_a_number_disappears_from_the_sentence() -> None:
    text = ("第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
            "2020年度收、支总计268.81万元。与2019年相比，收、支总计各减少185.16万\n— 5 —\n元，下降41%。\n")
    report = finreport.parse(text)
    change = report.grand_total.change  # type: ignore[union-attr]
    assert change is not None and change.amount is not None
    assert change.amount.value == Decimal("185.16")
    assert text[change.amount.span.start:change.amount.span.end].startswith("185.16万")


@pytest.mark.parametrize(("written", "read"), [
    ("1\n4.\n31%", "14.31%"),  # two line breaks inside one number
    ("1\n— 3 —\n4.\n31%", "14.31%"),  # a footer inside the number, then a line break
    ("14.\n— 3 —\n31%", "14.31%"),  # a footer after the decimal point
    ("3\n— 3 —\n.4\n1%", "3.41%"),  # a footer before the decimal point, then a break
    ("3\n.4\n1%", "3.41%"),  # a line opening with the decimal point, then a break
    ("1\n2,603.18\n5.00%", "12,603.18\n5.00%"),  # the number ends: the next one is apart
    ("268\n3,096.24", "268\n3,096.24"),  # two numbers
    ("1\n4.\n其他", "1\n4.其他"),  # an item number alone on its line, not a number's end
])
def test_a_number_broken_twice_is_one_number(written: str, read: str) -> None:
    text = "支出占" + written
    footer = text.find("— 3 —\n")
    ranges = [(0, len(text))] if footer < 0 else [(0, footer), (footer + 6, len(text))]
    assert TextView(text, ranges=ranges).text == "支出占" + read


def test_a_share_broken_by_a_footer_and_a_line_is_read_whole() -> None:
    text = ("第二部分 2025年部门预算情况说明\n一、收支预算总体情况说明\n"
            "一般公共服务支出2,147.29万元，占74.59%；社会保障和就业支出412.02万元，占1\n"
            "— 3 —\n4.\n31%。\n")
    shares = [f for f in finreport.parse(text).figures() if f.value == Decimal("14.31")]
    assert len(shares) == 1
    assert "".join(text[shares[0].span.start:shares[0].span.end].split()) == "1—3—4.31%"


def test_chart_and_contents_and_table_cells() -> None:
    text = ("某某局2020年度部门预算\n目录\n第一部分 部门概况\n第二部分 预算情况说明\n"
            "第一部分 部门概况\n一、主要职能\n负责本区的有关工作，完成交办的各项任务。\n"
            "图1：支出预算图\n基本支出, 60.00%\n项目支出, 40.00%\n基本支出\n项目支出\n"
            "二、部门预算报表情况说明\n本部分列示部门预算的各张报表，数字以万元为单位。\n"
            "项目\n合计\n100.00\n基本支出\n60.00\n项目支出\n40.00\n")
    kinds = [k for k, _ in _regions(text)]
    assert kinds == ["contents", "chart", "table"]


def test_detached_number_is_listed_not_read() -> None:
    # pdftotext moved the rate 8.85 before the amount, and the % after it
    text = ("第二部分 2020年度部门决算情况说明\n三、支出决算情况说明\n本年支出合计1663.8万元，与上年相比增加\n"
            "8.85\n1463.8\n万元，增长\n%。\n")
    report = finreport.parse(text)
    assert [(u.reason, u.text) for u in report.unrecognized] == [("detached", "8.85")]
    expenditure = report.expenditure
    assert expenditure is not None and expenditure.total is not None
    change = expenditure.total.change
    assert change is not None and change.amount is not None and change.percent is None
    assert change.amount.value == Decimal("1463.8")


def test_swapped_lines_are_put_back_only_when_that_makes_a_change_clause() -> None:
    text = "支出3,666万元，与上年相比增加\n0.06%。主要原因是设备\n21.8万元，增长\n购置增加。\n"
    lines = repair_order(text, [(0, len(text))])
    view = TextView(text, ranges=lines)
    assert "增加21.8万元，增长0.06%。" in view.text
    # written in order: nothing moves
    plain = "支出3,666万元，与上年相比增加\n21.8万元，增长\n0.60%。主要原因是设备购置增加。\n"
    assert repair_order(plain, [(0, len(plain))]) == [(0, len(plain))]


def test_subtract_keeps_what_regions_do_not_cover() -> None:
    regions = find_regions("甲\n— 1 —\n乙\n")
    assert subtract([(0, 9)], regions) == [(0, 2), (7, 9)]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="一二三四五六七八九十0123456789.,%：；。— \n\f万元占增加减少第页图表",
               max_size=400))
def test_regions_are_ordered_and_disjoint(text: str) -> None:
    regions = find_regions(text)
    ends = 0
    for region in regions:
        assert ends <= region.span.start <= region.span.end <= len(text)
        ends = region.span.end
    assert repair_order(text, [(0, len(text))])  # never raises, covers the text


@pytest.mark.parametrize("name", ["budget2024_consistent.txt", "budget_jiangsu_consistent.txt",
                                  "university_final_consistent.txt"])
def test_json_round_trip_of_other_kinds(name: str) -> None:
    report = finreport.parse(read_fixture(name))
    assert finreport.from_json(finreport.to_json(report), finreport.Report) == report
    assert {r.kind for r in report.layout} <= set(RegionKind)


def _with_header_every(text: str, lines: int, header: str) -> str:
    written = text.split("\n")
    out: list[str] = []
    for k, line in enumerate(written):
        if k and k % lines == 0:
            out.append(header)  # the page's running header, where a page would break
        out.append(line)
    return "\n".join(out)


def test_a_running_header_is_a_page_mark_wherever_it_comes_back() -> None:
    text = read_fixture("budget_jiangsu_consistent.txt")
    report = finreport.parse(text)
    header = f"{report.organization.text}2019年度部门预算"  # type: ignore[union-attr]
    headed = _with_header_every(text, 35, header)
    again = finreport.parse(headed)
    assert sorted(f.value for f in again.figures()) == sorted(f.value for f in report.figures())
    assert [(f.code, f.message) for f in finreport.check(again)] == [
        (f.code, f.message) for f in finreport.check(report)]
    marks = [r.span.of(headed) for r in again.layout if r.kind is RegionKind.PAGE_MARK]
    # every time but the first, the title (written there with spaces: 办公室 2019 年度)
    assert marks.count(header) == headed.count(header)


@pytest.mark.parametrize("wording", ["{org}2019年度部门预算信息公开", "2019年{org}部门预算",
                                     "{org}2019年部门预算公开说明"])
def test_running_headers_of_other_wordings(wording: str) -> None:
    # red team 24: a title ending 信息公开 or 公开说明, or written year first, is a running
    # header too (a page break mid-list cut the list where it came back)
    text = read_fixture("budget_jiangsu_consistent.txt")
    report = finreport.parse(text)
    assert report.organization is not None
    header = wording.format(org=report.organization.text)
    headed = _with_header_every(text, 35, header)
    again = finreport.parse(headed)
    assert [(f.code, f.message) for f in finreport.check(again)] == [
        (f.code, f.message) for f in finreport.check(report)]
    marks = [r.span.of(headed) for r in again.layout if r.kind is RegionKind.PAGE_MARK]
    # every time: its first time comes after sentences, so it is no title (red team 29: a
    # header's first time taken for the title cut the sentence it stood in)
    assert marks.count(header) == headed.count(header)


def test_a_running_header_inside_an_amount_leaves_it_whole() -> None:
    header = "某某局2020年度部门决算"
    page = "第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
    text = (f"{header}\n{page}2020年度收、支总计80.81万元。\n{header}\n"
            f"二、收入决算情况说明\n本年收入合计80.81 万\n{header}\n元。\n")
    report = finreport.parse(text)
    assert "FR904" not in [f.code for f in finreport.check(report)]  # 万 / header / 元
    amounts = [f for f in report.figures() if f.value == Decimal("80.81")]
    assert [a.unit for a in amounts] == ["万元", "万元"]  # type: ignore[attr-defined]


def test_a_line_of_the_header_shape_is_a_header_only_when_it_comes_back() -> None:
    title = "某某局2020年度部门决算"
    body = "第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2020年度收、支总计100万元。\n"
    assert _regions(title + "\n" + body) == []  # the title, once
    twice = title + "\n" + body + title + "\n" + body + title + "\n" + body
    assert _regions(twice) == [("page_mark", title), ("page_mark", title)]  # not the first
    row = "项目2019年决算数2020年预算数"  # a table's header row on every page: not a header
    assert all(k != "page_mark" for k, _ in _regions("\n".join([row, body] * 3)))


@pytest.mark.parametrize(("written", "amount"), [
    ("财政拨款基本支出预算 18570.82\n46\n万元，其中：人员经费15163.44万元。", "18570.82"),
    ("年初预算为 80.81 万\n40\n元，支出决算为80.38万元。", "80.81"),
])
def test_a_page_number_between_an_amount_and_its_unit_is_a_page_mark(
        written: str, amount: str) -> None:
    # text copied from a PDF viewer: the page number of the page break, with no form feed
    text = "第二部分 2018年度部门预算情况说明\n一、支出预算情况说明\n" + written + "\n"
    report = finreport.parse(text)
    page = written.split("\n")[1]
    assert ("page_mark", page) in _regions(text)
    read = [f for f in report.figures() if str(f.value) == amount]
    assert len(read) == 1 and read[0].unit == "万元"  # type: ignore[attr-defined]
    assert page not in [str(f.value) for f in report.figures()]


@pytest.mark.parametrize("written", [
    "基本支出\n46\n万元",  # no amount before: 46 万元 is the amount
    "合计 18570.82\n46\n人",  # not the amount's unit after
    "合计 18570\n46\n万元",  # decimals not written: 1857046 could be one number
    "决算为 86.7\n5\n万元",  # a line broken inside the decimals: 86.75
])
def test_a_bare_number_not_inside_an_amount_stays(written: str) -> None:
    assert ("page_mark", written.split("\n")[1]) not in _regions(
        "第二部分 情况说明\n" + written + "\n")


def _pages(numbers: list[str], sentence: str = "正文一句，收入合计100万元。") -> str:
    """A text of pages with no form feeds: ten lines of prose each, then its number."""
    return "".join("".join(f"{sentence}\n" for _ in range(10)) + f"{n}\n" for n in numbers)


def test_bare_page_numbers_in_sequence_are_page_marks_without_form_feeds() -> None:
    # text copied from a PDF viewer: no form feed, each page's number on a line of its own
    text = _pages(["6", "- 7 -", "8", "9"])
    assert [t for k, t in _regions(text) if k == "page_mark"] == ["6", "- 7 -", "8", "9"]
    # mid-sentence, the page number is not glued to the amount after it
    text = ("第二部分 2026年部门预算情况说明\n一、“三公”经费预算情况说明\n" + _pages(["6"])
            + "2026年“三公”经费预算数为40.99万元，比上年预算数增加\n7\n"
            "1.10万元，增长2.8%。\n" + _pages(["8"]))
    report = finreport.parse(text)
    assert ("page_mark", "7") in _regions(text)
    assert "1.10" in [str(f.value) for f in report.figures()]
    assert "71.10" not in [str(f.value) for f in report.figures()]


@pytest.mark.parametrize("numbers", [
    ["6", "8"],  # not one apart
    ["7"],  # alone: a number wrapped over lines (增加 / 7 / 1.10万元 is 增加71.10万元)
])
def test_a_bare_number_with_no_page_numbers_beside_it_stays(numbers: list[str]) -> None:
    assert [t for k, t in _regions(_pages(numbers)) if k == "page_mark"] == []


def test_numbers_a_few_lines_apart_are_no_page_numbers() -> None:
    # a column of a table written one cell a line (行次 1, 2, 3)
    text = "项目\n1\n收入\n2\n支出\n3\n"
    assert [t for k, t in _regions(text) if k == "page_mark"] == []


def test_a_number_of_the_text_equal_to_its_pages_number_stays() -> None:
    # page 7's footer writes its number: a bare 7 on that page is the text's (171.21万元
    # wrapped as 支出 / 17 / 1.21万元 on page 17 is the same shape)
    text = (_pages(["-6-"]) + "政府采购服务支出\n7\n1.21万元。\n" + _pages(["-7-", "-8-"]))
    assert [t for k, t in _regions(text) if k == "page_mark"] == ["-6-", "-7-", "-8-"]
    # of two bare 7s on page 7, the one inside a sentence is the text's
    text = (_pages(["6"]) + "政府采购服务支出\n7\n1.21万元。\n" + _pages(["7", "8"]))
    assert [t for k, t in _regions(text) if k == "page_mark"] == ["6", "7", "8"]
    assert _regions(text).count(("page_mark", "7")) == 1
    report = finreport.parse("第二部分 2026年部门预算情况说明\n一、支出预算情况说明\n" + text)
    assert "71.21" in [str(f.value) for f in report.figures()]


@pytest.mark.parametrize(("middle", "after"), [
    ("3", "、行政单位医疗（项）45.00万元。"),  # a list's number
    ("7", "辆，其中执法执勤用车5辆。"),  # a count and its word
])
def test_a_bare_number_the_next_line_goes_on_with_is_the_texts(middle: str, after: str) -> None:
    text = _pages(["6"]) + f"公务用车保有量\n{middle}\n{after}\n" + _pages(["7", "8"])
    marks = [t for k, t in _regions(text) if k == "page_mark"]
    assert marks == ["6", "7", "8"]
    assert _regions(text).count(("page_mark", middle)) == (1 if middle == "7" else 0)


def test_a_header_s_first_time_inside_the_text_is_a_page_mark() -> None:
    # red team 29: the title worded otherwise than the running header (…年度部门预算公开);
    # the header's first time stands between a change's words and its amount
    pages = ["某市水利局2026年部门预算\n"] * 3
    text = ("某市水利局2026年度部门预算公开\n二、收入预算情况说明\n2026年本年收入4,030.31万元。本年收入包括："
            "一般公共预算拨款收入\n3,810.16万元，占本年收入的94.5%；事业收入119.64万元，占本年收入\n"
            "的3.0%，较2025年预算数减少\n第1页\n" + pages[0] + "31.42万元，降幅20.8%；其他收入100.51万元，"
            "占本年收入的2.5%。\n三、支出预算情况说明\n2026年支出预算总计4,030.31万元。\n第2页\n" + pages[1]
            + "四、名词解释\n本年收入：指当年取得的收入。\n第3页\n" + pages[2])
    marks = [t for k, t in _regions(text) if k == "page_mark"]
    assert marks.count("某市水利局2026年部门预算") == 3
    report = finreport.parse(text)
    assert [f.code for f in finreport.check(report) if f.severity is finreport.Severity.ERROR] == []


def test_a_name_alone_opening_every_page_is_a_running_header() -> None:
    # the organization's name alone (no year: no header's shape) at the head of each page
    # after the first, a page breaking between an amount and its unit
    page = "正文第{n}页的一句话，说明有关情况。\n"
    text = ("芜湖市某某局\n2026年度部门预算公开\n" + page.format(n=1) * 3
            + "2026年一般公共预算基本支出500.00万元，其中：人员经费400.00\n第1页\n\f芜湖市某某局\n"
            + "万元，主要包括基本工资等。\n" + page.format(n=2) * 3 + "第2页\n\f芜湖市某某局\n"
            + page.format(n=3) * 3 + "第3页\n\f芜湖市某某局\n" + page.format(n=4))
    heads = [text[r.span.start:r.span.end] for r in find_regions(text)
             if r.kind is RegionKind.PAGE_MARK and "局" in text[r.span.start:r.span.end]]
    assert heads == ["\f芜湖市某某局"] * 3
    # the same pages broken by form feeds alone, no footer
    bare = text.replace("第1页\n", "").replace("第2页\n", "").replace("第3页\n", "")
    heads = [bare[r.span.start:r.span.end] for r in find_regions(bare)
             if r.kind is RegionKind.PAGE_MARK and "局" in bare[r.span.start:r.span.end]]
    assert heads == ["\f芜湖市某某局"] * 3
