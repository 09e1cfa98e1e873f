"""Bad input: a clear ReportError or a partial report, never another exception."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import finreport
from finreport import Amount, Count, Percent, ReportError
from finreport.text.view import fold
from tests.conftest import SEED_000, SEED_002, corpus_dir, read_fixture

UNRELATED_ARTICLE = """春天的公园
清晨，公园里的空气格外清新。湖边的柳树抽出了新芽，几位老人在树下打太极拳。
孩子们在草地上放风筝，笑声传得很远。卖早点的小摊前排起了队，豆浆和油条的香味飘了过来。
一、散步的人
有人沿着湖边慢跑，有人牵着狗慢慢走。
二、湖上的船
几条小船在湖面上划过，留下一道道波纹。
"""


def _texts() -> list[str]:
    texts = [read_fixture("seedstyle_consistent.txt"), read_fixture("pdf2024_consistent.txt"),
             read_fixture("seedstyle_flawed.txt")]
    where = corpus_dir()
    if where is not None:
        texts += [(where / name).read_text(encoding="utf-8") for name in (SEED_000, SEED_002)
                  if (where / name).is_file()]
    return texts


TEXTS = _texts()
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _parse_or_error(text: str) -> finreport.Report | None:
    """Parse, and check the result; ReportError is an allowed answer."""
    try:
        report = finreport.parse(text)
    except ReportError as error:
        assert str(error)
        return None
    findings = finreport.check(report)
    for finding in findings:
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= len(text)
    _assert_figures_point_at_themselves(text, report)
    return report


def _assert_figures_point_at_themselves(text: str, report: finreport.Report) -> None:
    # a table cell's unit is written once, on its table's 单位 line, not beside the number
    cells = {id(c) for table in report.tables for row in table.rows for c in row.cells}
    for figure in report.figures():
        assert 0 <= figure.span.start < figure.span.end <= len(text)
        written = fold(text[figure.span.start : figure.span.end])
        m = _NUMBER.match(written)
        assert m is not None, written
        assert Decimal(m.group(0).replace(",", "")) == figure.value
        if isinstance(figure, Percent) and figure.sign:
            assert written.endswith("%")
        if isinstance(figure, Amount) and figure.unit and id(figure) not in cells:
            # 13万余元 is an approximate 13万元: the unit as written carries the 余
            unit = fold(figure.unit)
            assert written.endswith(unit) or (
                figure.approximate and written.endswith(unit[:-1] + "余" + unit[-1])), written
        if isinstance(figure, Count):
            assert written.endswith(fold(figure.unit))


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \u3000\n", "\x00\x01\x02" * 100],
                         ids=["empty", "space", "whitespace", "control"])
def test_empty_and_binary_are_report_errors(text: str) -> None:
    with pytest.raises(ReportError):
        finreport.parse(text)


def test_not_a_string_is_a_report_error() -> None:
    with pytest.raises(ReportError, match="expected the report's text as str"):
        finreport.parse(b"\xe7\xac\xac" * 3)  # type: ignore[arg-type]


def test_report_error_is_a_value_error() -> None:
    assert issubclass(ReportError, ValueError)


def test_unrelated_article_is_a_report_error() -> None:
    with pytest.raises(ReportError, match="not a department budget or final-accounts report"):
        finreport.parse(UNRELATED_ARTICLE)


def test_binary_noise_is_a_report_error() -> None:
    noise = bytes(range(256)).decode("latin-1") * 40
    with pytest.raises(ReportError):
        finreport.parse(noise)


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_every_figure_points_at_itself(index: int) -> None:
    report = _parse_or_error(TEXTS[index])
    assert report is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_truncated_reports(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(TEXTS))
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    _parse_or_error(text[:cut])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_randomly_edited_reports(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(TEXTS))
    for _ in range(data.draw(st.integers(min_value=1, max_value=20))):
        at = data.draw(st.integers(min_value=0, max_value=len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        piece = data.draw(st.text(alphabet="0123456789.,%万元年（）()、，。：\n\t 一二三第部分",
                                  max_size=5))
        if action == "delete":
            text = text[:at] + text[at + len(piece) + 1 :]
        elif action == "insert":
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    _parse_or_error(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    _parse_or_error(text)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([
    "第二部分 2020年度部门决算情况说明\n", "一、收入支出决算总体情况说明\n", "（三）一般公共预算财政拨款支出决算具体情况\n",
    "收、支总计268.81万元。", "与2019年相比，", "各减少185.16万元，", "下降41%。", "其中：", "基本支出267.81万元，",
    "占99.63%；", "1.一般公共服务（类）群众团体事务（款）行政运行（项）:", "支出决算为218.28万元，", "完成预算100%。",
    "\t项目绩效目标完成情况表\n", "\t预算数:\n\t1\n", "\t\n\t项目完成指标\n\t数量指标\n\t户数\n\t≥6户\n\t6户\n\n",
    "名词解释\n", "1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。\n", "附件1\n", "持平", "年初未安排预算。",
]), max_size=40))
def test_shuffled_report_pieces(pieces: list[str]) -> None:
    _parse_or_error("".join(pieces))


@pytest.mark.parametrize("text", [
    "1" * 1_000_000,
    "万元" * 400_000,
    "第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n" + "收" * 1_000_000,
    "第二部分 2020年度部门决算情况说明\n" + "（一）" * 200_000,
    "第二部分 决算情况说明\n" + "1." * 400_000,
    "第二部分 决算情况说明\n" + "(类)" * 200_000,
    "第二部分 决算情况说明\n" + "\t\n" * 300_000,
    "第二部分 决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n" + "一般公共服务（类）" * 50_000,
    "第二部分 决算情况说明\n" + "占" * 500_000 + "1%",
], ids=lambda text: f"{text[-3:]!r}x{len(text)}")
def test_pathological_inputs_finish(text: str) -> None:
    """Long inputs built to trip backtracking regexes still parse (in linear time; the
    benchmark measures how time grows)."""
    _parse_or_error(text)


def test_ten_megabytes() -> None:
    base = read_fixture("seedstyle_flawed.txt")
    text = (base + "\n") * (10_000_000 // len(base) + 1)
    assert len(text) >= 10_000_000
    report = finreport.parse(text)
    assert report.grand_total is not None
    finreport.check(report)


def test_a_number_grouped_from_a_zero_is_no_thousands() -> None:
    # 0，001 is no number written in thousands (none starts its groups with 0): 0, then 001
    from finreport.read.entries import read_entries
    from finreport.text.view import TextView
    text = "共安排项目经费0，001项目3个。"
    figures = [f for e in read_entries(TextView(text)) for f in e.figures()]
    assert [(type(f).__name__, str(f.value), text[f.span.start:f.span.end]) for f in figures] == [
        ("Amount", "0", "0"), ("Count", "1", "001项"), ("Count", "3", "3个")]
