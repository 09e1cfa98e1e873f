"""Classification codes: one code, one item, wherever the report prints it."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.span import Phrase
from ..model.tables import TableKind
from ..templates.classification import FUNCTIONAL_CODE
from .registry import Context, rule
from .table_figures import line_key, rows_of

__all__ = ["code_names"]

_TABLES = ("2026年度某某局部门预算\n第一部分 2026年度部门预算表\n"
           "一般公共预算支出表\n单位：万元\n科目编码      科目名称              合计\n"
           "合计                                10.00\n"
           "208           社会保障和就业支出    10.00\n"
           "20805         行政事业单位养老支出  10.00\n"
           "2080505       机关事业单位基本养老保险缴费支出    10.00\n"
           "第二部分 2026年度部门预算情况说明\n一、一般公共预算拨款支出情况\n"
           "2026年度一般公共预算拨款支出10.00万元。其中（按项级科目分类统计）：\n")


@rule("FR908", "code-names", "One classification code names two items",
      "同一功能分类科目编码对应不同科目名称", Severity.ERROR,
      passing=_TABLES + "（一）2080505-机关事业单位基本养老保险缴费支出10.00万元。主要用于养老保险缴费。\n",
      failing=_TABLES + "（一）2080505-行政单位离退休10.00万元。主要用于离退休人员支出。\n")
def code_names(ctx: Context) -> Iterator[Finding]:
    """A functional classification code (``2080505``) stands for one item wherever the
    report prints it: in every table and in the narrative's lines led by their codes
    (``（一）2080505-机关事业单位基本养老保险缴费支出…``).  Two places that print one code
    with names of which neither begins the other (a cell may cut a long name:
    ``机关事业单位基本养`` is ``机关事业单位基本养老保险缴费支出``) name two items: one code or
    one name is wrong.  One finding per code, with the first place of each name."""
    named: dict[str, dict[str, Phrase]] = {}
    for table in ctx.report.tables:
        if table.kind not in _BY_FUNCTION:
            continue
        for row in rows_of(ctx, table) or ():
            if row.code is not None and FUNCTIONAL_CODE.fullmatch(row.code):
                _add(named, row.code, row.name)
    gb = ctx.report.general_budget
    for line in gb.lines if gb is not None else ():
        c = line.classification
        name = c.item or c.group or c.category
        if c.code is not None and name is not None and FUNCTIONAL_CODE.fullmatch(c.code.text):
            _add(named, c.code.text, name)
    for code, names in named.items():
        keys = list(names)
        apart = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
                 if not (a.startswith(b) or b.startswith(a))]
        if not apart:
            continue
        a, b = apart[0]
        yield ctx.finding(
            [names[a], names[b]],
            "科目编码{code}在一处为“{first}”，在另一处为“{second}”",
            "code {code} names “{first}” in one place and “{second}” in another",
            code=code, first=names[a].text, second=names[b].text,
        )


#: The tables whose rows are the functional classification (类/款/项) by code.
_BY_FUNCTION = frozenset({
    TableKind.EXPENDITURE, TableKind.GENERAL_BUDGET, TableKind.FISCAL_EXPENDITURE,
    TableKind.GOVERNMENT_FUND, TableKind.STATE_CAPITAL, TableKind.INCOME})


def _add(named: dict[str, dict[str, Phrase]], code: str, name: Phrase) -> None:
    key = line_key(name.text)
    if len(key) >= 2 and not key[0].isdigit():
        named.setdefault(code, {}).setdefault(key, name)
