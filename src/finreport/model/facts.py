"""A figure's context beyond its value: the basis of an amount and the money it covers.

Two figures are compared only when what they measure (the entry's subject), their period,
their basis and their scope agree (docs/domain.md, "A figure's context").
"""

from __future__ import annotations

import enum
import re
from typing import Final

__all__ = ["FISCAL_WORDS", "Basis", "Scope", "scope_of"]


class Basis(enum.Enum):
    """What kind of amount a figure is: the final amount, or a budget of some stage."""

    FINAL = "final"  # 决算数
    BUDGET = "budget"  # 年初预算; the budget itself in a budget report
    ADJUSTED = "adjusted"  # 全年预算, 调整预算: the budget as changed during the year
    EXECUTION = "execution"  # 执行数


class Scope(enum.Enum):
    """Which money a figure covers, where the text says so."""

    ALL_FUNDS = "all_funds"  # 本年收入合计, 收支总计: every source of money
    FISCAL = "fiscal"  # 财政拨款 only (一般公共预算, 政府性基金, 国有资本经营)


#: Words that make a subject fiscal appropriation only.
FISCAL_WORDS: Final[re.Pattern[str]] = re.compile(
    r"(?<!非)财政拨款|一般公共预算|政府性基金预算|国有资本经营预算")
_ALL_FUNDS = re.compile(
    r"本年收入|本年支出|收入合计|支出合计|收支总|收、支总|收入、支出|总收入|总支出")


def scope_of(subject: str) -> Scope | None:
    """The scope a subject states, or None when it states none.

    >>> scope_of("一般公共预算财政拨款支出")
    <Scope.FISCAL: 'fiscal'>
    >>> scope_of("本年支出合计")
    <Scope.ALL_FUNDS: 'all_funds'>
    >>> scope_of("使用非财政拨款结余") is None
    True
    """
    if FISCAL_WORDS.search(subject):
        return Scope.FISCAL
    if _ALL_FUNDS.search(subject):
        return Scope.ALL_FUNDS
    return None
