"""The department's own target form (部门整体支出绩效目标表) against the budget it belongs to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ..model.figures import Amount
from ..model.findings import Finding, Severity
from ..model.forms import FormKind, FundSource, PerformanceForm
from ..model.interval import Interval, interval_of
from ..templates.quantities import ECONOMIC_KEYS
from .registry import BUDGETS, Context, rule
from .table_figures import Quantity, table_figures

__all__ = ["department_form_funds"]

#: The lines of a department's form compared: its total, basic and project money.
_LINES: Final = (FundSource.TOTAL, FundSource.BASIC, FundSource.PROJECT)
_ZH: Final = {FundSource.TOTAL: "资金总额", FundSource.BASIC: "基本支出",
              FundSource.PROJECT: "项目支出"}
_EN: Final = {FundSource.TOTAL: "total ", FundSource.BASIC: "basic expenditure ",
              FundSource.PROJECT: "project expenditure "}

_FORM = ("第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
         "2026年收入预算100.00万元。相应安排支出预算100.00万元，比上年增加10.00万元。其中：基本支出60.00万元、"
         "项目支出40.00万元、事业单位经营支出0.00万元、上缴上级支出0.00万元、对附属单位补助支出0.00万元。\n"
         "七、预算绩效情况\n部门整体支出绩效目标表\n（2026年度）\n"
         "部门名称         某某局       部门预算编码                      301\n"
         "资金总额                               {total}\n"
         "项目支出                                40.00\n"
         "年度预算安排（万\n元）\n"
         "基本支出                                {basic}\n"
         "其他资金                                  0.00\n"
         "总体目标       保障机关正常运转。\n"
         "一级指标            二级指标            三级指标             目标值\n"
         "产出指标            数量指标          保障人数            ≥50人\n")

#: A basis of the budget's money: its total, basic and project spending, as intervals.
Basis = dict[FundSource, tuple[Interval, list[Amount]]]


def _bases(ctx: Context) -> list[tuple[str, Basis]]:
    """The bases the budget states its spending on, with the figures that state them:
    all funds (a 其中 list of 基本支出 and 项目支出 under the spending total) and the
    general budget (the tables' 一般公共预算 total and basic spending; its project
    spending is their difference)."""
    found: list[tuple[str, Basis]] = []
    r = ctx.report
    for listed in (*r.lists, *r.enumerations):
        total = listed.total
        if total is None or total.amount is None:
            continue
        kinds = {key: item.amount for item in listed.items if item.amount is not None
                 for pattern, key in ECONOMIC_KEYS[2:] if pattern.search(item.name.text)}
        if "basic" in kinds and "project" in kinds:
            found.append(("all funds", {
                FundSource.TOTAL: (interval_of(total.amount), [total.amount]),
                FundSource.BASIC: (interval_of(kinds["basic"]), [kinds["basic"]]),
                FundSource.PROJECT: (interval_of(kinds["project"]), [kinds["project"]])}))
    figures = {f.quantity: f.amount for f in table_figures(ctx) if not f.code}
    whole, basic = figures.get(Quantity.GENERAL_BUDGET), figures.get(Quantity.GENERAL_BASIC)
    if whole is not None and basic is not None:
        a, b = interval_of(whole), interval_of(basic)
        found.append(("general budget", {FundSource.TOTAL: (a, [whole]),
                                         FundSource.BASIC: (b, [basic]),
                                         FundSource.PROJECT: (a - b, [whole, basic])}))
    return found


def _lines(form: PerformanceForm) -> dict[FundSource, Amount]:
    found = {}
    for source in _LINES:
        line = form.fund(source)
        if line is not None and line.planned is not None:
            found[source] = line.planned
    return found


@rule("FR622", "department-form-funds",
      "The department's target form states its money otherwise than its budget",
      "部门整体绩效目标表资金与部门预算不符", Severity.WARNING,
      passing=_FORM.format(total="100.00", basic="60.00"),
      failing=_FORM.format(total="103.56", basic="63.56"),
      applies_to=BUDGETS)
def department_form_funds(ctx: Context) -> Iterator[Finding]:
    """A department's own target form (部门整体支出绩效目标表) states the money of the
    budget it is part of: its total, basic and project spending are those of one basis of
    the budget (all funds, or the general budget).  Where one of its lines is the budget's
    on a basis (so the form is of this budget, on that basis) and another line is not, on
    any basis, it is a warning: the form may count money the budget states nowhere (a
    fund of its own), which the words alone cannot rule out."""
    bases = _bases(ctx)
    if not bases:
        return
    for form in ctx.report.performance_forms:
        if form.kind is not FormKind.DEPARTMENT_TARGETS:
            continue
        lines = _lines(form)
        if len(lines) < 2:
            continue
        best: tuple[str, Basis, list[FundSource], list[FundSource]] | None = None
        for name, basis in bases:
            agree = [s for s, v in lines.items() if s in basis and basis[s][0].meets(
                interval_of(v))]
            differ = [s for s, v in lines.items() if s in basis and s not in agree]
            if agree and not differ:
                ctx.held([lines[s] for s in agree] + [f for s in agree for f in basis[s][1]])
                best = None
                break
            if agree and (best is None or len(agree) > len(best[2])):
                best = (name, basis, agree, differ)
        else:
            if best is None:
                continue
            name, basis, agree, differ = best
            joint = "、" if ctx.chinese else ", "
            yield ctx.finding(
                [*(lines[s] for s in differ), *(f for s in differ for f in basis[s][1]),
                 *(lines[s] for s in agree)],
                "部门整体支出绩效目标表{lines}，而预算（{basis}）为{budget}",
                "the department's target form gives {lines}; the budget ({basis}) {budget}",
                lines=joint.join((_ZH if ctx.chinese else _EN)[s] + ctx.figure(lines[s])
                                 for s in differ),
                basis=("全部资金" if name == "all funds" else "一般公共预算")
                if ctx.chinese else name,
                budget=joint.join(ctx.number(basis[s][0].mid, lines[s].decimals) + "万元"
                                  for s in differ))
