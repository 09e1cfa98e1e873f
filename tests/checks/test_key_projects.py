"""FR505: a budget's key projects (重点项目预算绩效目标情况) against the project table, by
the readings of names wrapped over lines."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import finreport

TITLE = "某某市交通运输局2026年部门预算\n第一部分 2026年部门预算表\n"
TABLE_HEAD = ("部门预算项目支出及其他支出预算表\n单位：万元\n"
              "支出项目类别（资金使用单位）      总计        财政拨款      其他资金\n")
NARRATIVE = ("第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
             "2026年收支预算总计{total}万元。\n二、重点项目预算绩效目标情况\n"
             "项目             预算数（单位：万元）                   绩效目标\n")


def _row(name: str, cells: tuple[str, ...], width: int) -> str:
    """A row of the project table: the name wrapped at *width* characters, the amount
    line at the middle of its lines."""
    return "".join(_wrapped(name, width, "      ".join(cells)))


def _key(name: str, amount: str, width: int, goal: str = "") -> str:
    lines = _wrapped(name, width, amount + ("                  " + goal if goal else ""))
    return "".join(lines)


def _wrapped(name: str, width: int, amounts: str) -> list[str]:
    parts = [name[i:i + width] for i in range(0, len(name), width)]
    half = len(parts) // 2
    if len(parts) % 2:  # the middle line writes the amounts
        return [*(p + "\n" for p in parts[:half]), f"{parts[half]:<16}{amounts}\n",
                *(p + "\n" for p in parts[half + 1:])]
    return [*(p + "\n" for p in parts[:half]), f"{'':<16}{amounts}\n",
            *(p + "\n" for p in parts[half:])]


PROJECTS = [("城乡道路桥梁设施日常养护经费", ("120.50", "120.50", "0.00")),
            ("交通运输综合执法专项经费", ("80.00", "60.00", "20.00")),
            ("珠澳跨境工业区专用口岸日常工作经费", ("560.33", "560.33", "0.00"))]


def _report(keys: list[tuple[str, str]], projects: list[tuple[str, tuple[str, ...]]] = PROJECTS,
            table_width: int = 10, key_width: int = 12, units: str = "") -> str:
    total = sum(Decimal(cells[0]) for _, cells in projects)
    table = (TABLE_HEAD + f"合计                  {total}      {total}      0.00\n"
             f"某某市交通运输局      {total}      {total}      0.00\n" + units
             + "".join(_row(name, cells, table_width) for name, cells in projects))
    narrative = NARRATIVE.format(total=total) + "".join(
        _key(name, amount, key_width, "保障道路桥梁完好率达到98%以上。") for name, amount in keys)
    return TITLE + table + narrative


def _fr505(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    audit = finreport.audit(finreport.parse(text))
    return [(c.outcome.value, tuple(text[s.start:s.end] for s in c.spans), c.reason)
            for c in audit.checks if c.code == "FR505"]


def test_key_projects_that_agree_with_the_project_table_hold() -> None:
    text = _report([("城乡道路桥梁设施日常养护经费", "120.50"),
                    ("珠澳跨境工业区专用口岸日常工作经费", "560.33")])
    assert _fr505(text) == [("holds", ("120.50", "120.50"), None),
                            ("holds", ("560.33", "560.33"), None)]
    assert [f for f in finreport.check(finreport.parse(text)) if f.code == "FR505"] == []


def test_a_key_project_stating_a_part_of_the_row_holds_on_that_column() -> None:
    # the narrative gives the fiscal part (60.00) of an 80.00 project
    assert _fr505(_report([("交通运输综合执法专项经费", "60")])) == [
        ("holds", ("60", "60.00"), None)]


def test_a_key_project_written_to_the_unit_holds_within_its_rounding() -> None:
    projects = [("城乡道路桥梁设施日常养护经费", ("300.40", "300.40", "0.00"))]
    assert _fr505(_report([("城乡道路桥梁设施日常养护经费", "300")], projects)) == [
        ("holds", ("300", "300.40"), None)]
    projects = [("城乡道路桥梁设施日常养护经费", ("300.60", "300.60", "0.00"))]
    assert [c[0] for c in _fr505(_report([("城乡道路桥梁设施日常养护经费", "300")],
                                         projects))] == ["fails"]


def test_a_key_project_that_differs_from_its_row_is_a_warning_naming_both_amounts() -> None:
    text = _report([("城乡道路桥梁设施日常养护经费", "102.50"),
                    ("珠澳跨境工业区专用口岸日常工作经费", "560.33")])
    findings = [f for f in finreport.check(finreport.parse(text)) if f.code == "FR505"]
    assert [(f.severity.value, f.message, [text[s.start:s.end] for s in f.spans])
            for f in findings] == [
        ("warning", "重点项目“城乡道路桥梁设施日常养护经费”预算数102.50万元，项目支出表为120.50万元",
         ["102.50", "120.50"])]
    evidence = findings[0].evidence
    assert (evidence.stated, evidence.expected_low, evidence.expected_high,
            evidence.difference) == (Decimal("102.50"), Decimal("120.495"), Decimal("120.505"),
                                     Decimal("-18.00"))
    english = finreport.check(finreport.parse(text), locale="en", select=["FR505"])
    assert [f.message for f in english] == [
        "key project “城乡道路桥梁设施日常养护经费”: 102.50万元 in the narrative, "
        "120.50万元 in the project table"]


def test_a_name_two_units_share_is_not_compared() -> None:
    projects = [*PROJECTS, ("城乡道路桥梁设施日常养护经费", ("45.00", "45.00", "0.00"))]
    assert _fr505(_report([("城乡道路桥梁设施日常养护经费", "99.00")], projects)) == [
        ("abstained", ("99.00",), "the name reads as more than one project")]


def test_a_units_row_is_no_project() -> None:
    # the narrative lists a unit with its key projects' sum; the table's row of that unit
    # is what its projects add up to
    projects = [("广州市城市建设档案馆信息中心", ("680.83", "680.83", "0.00")), *PROJECTS[::2]]
    keys = [("广州市城市建设档案馆信息中心", "120.50"), ("城乡道路桥梁设施日常养护经费", "120.50")]
    assert _fr505(_report(keys, projects)) == [
        ("abstained", ("120.50", "680.83"), "the row is a unit's, not a project's"),
        ("holds", ("120.50", "120.50"), None)]


def test_wrapped_at_other_widths_the_names_still_meet() -> None:
    keys = [(name, cells[0]) for name, cells in PROJECTS]
    for table_width, key_width in ((6, 14), (9, 7), (13, 11)):
        assert [c[0] for c in _fr505(_report(keys, table_width=table_width,
                                             key_width=key_width))] == ["holds"] * 3


def test_a_report_without_key_projects_makes_no_check() -> None:
    assert _fr505(_report([])) == []


# -- generated tables ---------------------------------------------------------------------

_CHARS = "道路桥梁设施日常养护经费交通运输综合执法专项口岸工业区信息化运行维护系统建设补助资金"
_NAMES = st.lists(st.text(_CHARS, min_size=6, max_size=30), min_size=1, max_size=6,
                  unique_by=lambda s: s[:6])
_CENTS = st.integers(min_value=100, max_value=99_999_999)


@settings(max_examples=40, deadline=None)
@given(_NAMES, st.data(), st.integers(5, 14), st.integers(5, 14))
def test_generated_consistent_key_projects_give_nothing_and_a_slip_is_found(
        names: list[str], data: st.DataObject, table_width: int, key_width: int) -> None:
    amounts = [Decimal(data.draw(_CENTS)) / 100 for _ in names]
    projects = [(name, (f"{a:.2f}", f"{a:.2f}", "0.00")) for name, a in zip(names, amounts, strict=True)]
    keys = [(name, f"{a:.2f}") for name, a in zip(names, amounts, strict=True)]
    text = _report(keys, projects, table_width, key_width)
    outcomes = _fr505(text)
    assert all(outcome in ("holds", "abstained") for outcome, _, _ in outcomes)
    assert not [f for f in finreport.check(finreport.parse(text)) if f.code == "FR505"]
    # the last digit of a key project that held, changed by 7
    held = [spans for outcome, spans, _ in outcomes if outcome == "holds"]
    if not held:
        return
    slipped = held[data.draw(st.integers(0, len(held) - 1))][0]
    changed = slipped[:-1] + str((int(slipped[-1]) + 7) % 10)
    at = text.index("项目             预算数")
    place = text.index("\n" + slipped, at) + 1 if ("\n" + slipped) in text[at:] else (
        text.index(slipped, at))
    mutated = text[:place] + changed + text[place + len(slipped):]
    findings = [f for f in finreport.check(finreport.parse(mutated)) if f.code == "FR505"]
    assert [mutated[f.spans[0].start:f.spans[0].end] for f in findings] == [changed]


def _two_units(keys: list[tuple[str, str]]) -> str:
    table = (TABLE_HEAD + "合计                  810.50      810.50      0.00\n"
             "某某市交通运输局      810.50      810.50      0.00\n"
             "机构运行辅助经费      70.00      70.00      0.00\n"
             "城乡道路桥梁设施日常养护经费      120.50      120.50      0.00\n"
             "某某市交通技术推广中心      620.00      620.00      0.00\n"
             "机构运行辅助经费      560.00      560.00      0.00\n"
             "2026年技工学校实训设备购置项目      60.00      60.00      0.00\n")
    return TITLE + table + NARRATIVE.format(total="810.50") + "".join(
        _key(name, amount, 12) for name, amount in keys)


def test_a_project_named_with_its_unit_is_that_units_row() -> None:
    # two units have a project of one name; the narrative names the unit
    text = _two_units([("机构运行辅助经费（某某市交通技术推广中心）", "560"),
                       ("机构运行辅助经费", "70")])
    assert _fr505(text) == [("holds", ("560", "560.00"), None),
                            ("abstained", ("70",), "the name reads as more than one project")]
    text = _two_units([("机构运行辅助经费（某某市交通技术推广中心）", "506")])
    assert [c[:2] for c in _fr505(text)] == [("fails", ("506", "560.00"))]


def test_a_name_with_or_without_its_year_is_one_name() -> None:
    assert _fr505(_two_units([("技工学校实训设备购置项目", "60")])) == [
        ("holds", ("60", "60.00"), None)]
    assert [c[:2] for c in _fr505(_two_units([("技工学校实训设备购置项目", "66")]))] == [
        ("fails", ("66", "60.00"))]


def test_a_name_that_reads_as_another_project_with_one_more_line_is_not_compared() -> None:
    # top-aligned: 公路养护经费 / （第二批） is one name, not the row 公路养护经费
    text = (TITLE + TABLE_HEAD + "合计                  1000.00      1000.00      0.00\n"
            "某某市交通运输局      1000.00      1000.00      0.00\n"
            "公路养护经费                    300.00      300.00      0.00\n"
            "公路养护经费（第二批）          500.00      500.00      0.00\n"
            "交通运输综合执法专项经费        200.00      200.00      0.00\n"
            + NARRATIVE.format(total="1000.00")
            + "公路养护经费          500                保障全市公路完好率达到98%以上。\n（第二批）\n")
    assert _fr505(text) == [
        ("abstained", ("500", "300.00"), "the name, read with one more line, is another project's")]


def test_a_project_table_with_an_amount_below_zero_binds_nothing() -> None:
    projects = [*PROJECTS, ("以前年度项目结余调整", ("-5.00", "-5.00", "0.00"))]
    text = _report([("城乡道路桥梁设施日常养护经费", "102.50")], projects)
    assert _fr505(text) == []
    key, = finreport.parse(text).key_projects
    assert (key.row, key.unbound) == (None, "no row of the project table reads as its name")
