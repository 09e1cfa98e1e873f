"""Titles of the standard tables of the tables part (决算表/预算表), as rows."""

from __future__ import annotations

import re
from typing import Final

from ..model.tables import TableKind

__all__ = ["TABLE_TITLES"]


#: Standard table titles, first match wins (the more specific first).  A title is a
#: short line ending in 决算表/预算表 (or 总表) that one of these patterns matches.
TABLE_TITLES: Final[tuple[tuple[TableKind, re.Pattern[str]], ...]] = (
    (TableKind.THREE_PUBLIC, re.compile(r'三公"?经费')),
    (TableKind.GOVERNMENT_FUND, re.compile(r"政府性基金")),
    (TableKind.STATE_CAPITAL, re.compile(r"国有资本经营")),
    (TableKind.OPERATING_COSTS, re.compile(r"机关运行经费")),
    (TableKind.PROCUREMENT, re.compile(r"政府采购")),
    (TableKind.FISCAL_SUMMARY, re.compile(r"财政拨款收(?:入)?支(?:出)?(?:决算|预算)?总表")),
    (TableKind.GENERAL_BUDGET_BASIC, re.compile(r"一般公共预算.*基本支出")),
    (TableKind.GENERAL_BUDGET, re.compile(r"一般公共预算.*支出")),
    (TableKind.FISCAL_BASIC, re.compile(r"财政拨款.*基本支出")),
    (TableKind.FISCAL_EXPENDITURE, re.compile(r"财政拨款.*支出")),
    (TableKind.SUMMARY, re.compile(r"收(?:入)?支(?:出)?(?:决算|预算)?总表")),
    (TableKind.INCOME, re.compile(r"收入(?:决算|预算)")),
    (TableKind.EXPENDITURE, re.compile(r"支出(?:决算|预算)")),
)
