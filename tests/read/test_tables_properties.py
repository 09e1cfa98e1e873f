"""Property-based tests of the table rules and the reconciliation: a generated report whose
tables and narrative agree gives no finding, and any table cell changed by more than
rounding gives a finding that names it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import finreport

#: (class code, class name, 款 code, 款 name, [(项 code, 项 name)]) the reports draw from
_CLASSES = (
    ("201", "一般公共服务支出", "20126", "档案事务",
     (("2012601", "行政运行"), ("2012604", "档案馆"), ("2012699", "其他档案事务支出"))),
    ("208", "社会保障和就业支出", "20805", "行政事业单位养老支出",
     (("2080501", "行政单位离退休"), ("2080505", "机关事业单位基本养老保险缴费支出"))),
    ("221", "住房保障支出", "22102", "住房改革支出",
     (("2210201", "住房公积金"), ("2210203", "购房补贴"))),
)
_HEAD = "科目编码    科目名称                           合计      基本支出    项目支出\n"

cents = st.integers(min_value=1, max_value=999_999)


def _money(value: Decimal, grouped: bool) -> str:
    return f"{value:,.2f}" if grouped else f"{value:.2f}"


def _row(code: str, name: str, cells: list[Decimal | None], grouped: bool) -> str:
    written = "".join(f"{_money(c, grouped):>12}" if c is not None else " " * 12
                      for c in cells)
    return f"{code:<12}{name:<28}{written}\n"


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, dict[str, Decimal]]:
    """A layout-text final-accounts report: summary, income, expenditure and general
    budget tables, and a narrative restating their totals and 项 lines."""
    grouped = draw(st.booleans())
    classes = draw(st.lists(st.sampled_from(range(len(_CLASSES))), min_size=1, max_size=3,
                            unique=True).map(sorted))
    rows: list[str] = []
    lines: list[str] = []
    class_totals: list[tuple[str, str, Decimal]] = []
    total = [Decimal(0), Decimal(0), Decimal(0)]
    for k in classes:
        code, name, group_code, group, items = _CLASSES[k]
        count = draw(st.integers(min_value=1, max_value=len(items)))
        item_rows = []
        sums = [Decimal(0), Decimal(0), Decimal(0)]
        for item_code, item_name in items[:count]:
            basic = Decimal(draw(cents)) / 100
            project = Decimal(draw(st.one_of(st.just(0), cents))) / 100
            cells = [basic + project, basic, project or None]
            item_rows.append(_row(item_code, item_name, cells, grouped))
            for n, c in enumerate((basic + project, basic, project)):
                sums[n] += c
            lines.append(f"{len(lines) + 1}、{name.removesuffix('支出')}（类）{group}（款）"
                         f"{item_name}（项）。年初预算为{basic + project:.2f}万元，支出决算为"
                         f"{basic + project:.2f}万元。决算数与预算数持平。")
        cells = [sums[0], sums[1], sums[2] or None]
        rows.append(_row(code, name, cells, grouped))
        rows.append(_row(group_code, group, cells, grouped))
        rows.extend(item_rows)
        class_totals.append((code, name, sums[0]))
        total = [a + b for a, b in zip(total, sums, strict=True)]
    carried = Decimal(draw(st.integers(min_value=0, max_value=99_999))) / 100
    whole = total[0] + carried
    m = lambda v: _money(v, grouped)  # noqa: E731
    summary = (
        "收入支出决算总表\n单位：万元\n"
        "项目                          决算数       项目                          决算数\n"
        f"一、一般公共预算财政拨款收入    {m(total[0])}     "
        f"一、{class_totals[0][1]:<22}{m(class_totals[0][2]):>12}\n"
        + "".join(f"{'':<44}{'二三'[n]}、{name:<22}{m(amount):>12}\n"
                  for n, (_, name, amount) in enumerate(class_totals[1:])) +
        f"本年收入合计                    {m(total[0])}     本年支出合计                  "
        f"{m(total[0])}\n"
        f"年初结转和结余                  {m(carried)}     年末结转和结余                "
        f"{m(carried)}\n"
        f"总计                            {m(whole)}     总计                          "
        f"{m(whole)}\n")
    income = ("收入决算表\n单位：万元\n"
              "科目编码    科目名称                 本年收入合计    财政拨款收入\n"
              f"合计                                     {m(total[0])}        {m(total[0])}\n")
    gb = ("一般公共预算财政拨款支出决算表\n单位：万元\n" + _HEAD
          + _row("合计", "", [total[0], total[1], total[2] or None], grouped) + "".join(rows))
    narrative = (
        "第三部分 上海市西岭区档案局2024年度部门决算情况说明\n"
        "一、收入支出决算总体情况说明\n"
        f"上海市西岭区档案局2024年度收入支出总计{whole:.2f}万元。\n"
        "五、一般公共预算财政拨款支出决算情况说明\n"
        "（一）一般公共预算财政拨款支出决算总体情况\n"
        f"一般公共预算财政拨款支出{total[0]:.2f}万元。\n"
        "（三）一般公共预算财政拨款支出决算具体情况\n"
        f"一般公共预算财政拨款支出年初预算为{total[0]:.2f}万元，支出决算为{total[0]:.2f}万元，"
        "完成年初预算的100.00%。其中：\n" + "\n".join(lines) + "\n")
    text = ("上海市西岭区档案局2024年度部门决算\n\n"
            "第二部分 上海市西岭区档案局2024年度部门决算表\n"
            + summary + income + gb + "\n" + narrative)
    return text, {"total": total[0], "whole": whole}


_TABLE_RULES = ["FR111", "FR112", "FR113", "FR114", "FR116", "FR117", "FR504"]


@settings(max_examples=60, deadline=None)
@given(reports())
def test_agreeing_tables_and_narrative_give_no_finding(
        generated: tuple[str, dict[str, Decimal]]) -> None:
    text, _ = generated
    report = finreport.parse(text)
    assert [t.kind for t in report.tables] == [
        finreport.TableKind.SUMMARY, finreport.TableKind.INCOME,
        finreport.TableKind.GENERAL_BUDGET]
    assert finreport.check(report, select=_TABLE_RULES) == []


@settings(max_examples=60, deadline=None)
@given(reports(), st.data())
def test_a_cell_changed_beyond_rounding_is_named(generated: tuple[str, dict[str, Decimal]],
                                                data: st.DataObject) -> None:
    text, _ = generated
    report = finreport.parse(text)
    cells = [cell for table in report.tables for row in table.rows for cell in row.cells]
    cell = data.draw(st.sampled_from(cells))
    written = text[cell.span.start:cell.span.end]
    step = data.draw(st.sampled_from(["0.03", "1.00", "-0.05"]))
    changed_value = cell.value + Decimal(step)
    if changed_value < 0:
        changed_value = cell.value + Decimal("0.03")
    new = f"{changed_value:,.2f}" if "," in written else f"{changed_value:.2f}"
    changed = text[:cell.span.start] + new + text[cell.span.end:]
    found = finreport.check(finreport.parse(changed), select=_TABLE_RULES)
    at = cell.span.start
    assert any(span.start == at for f in found for span in f.spans), (written, new, found)
