"""A figure's context beyond its value: the basis of an amount and the money it covers.

Two figures are compared only when what they measure (the entry's subject), their period,
their basis and their scope agree (docs/domain.md, "A figure's context").
"""

from __future__ import annotations

import enum

__all__ = ["Basis", "Scope"]


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
    OWN_FUNDS = "own_funds"  # 单位资金: the units' own money, no appropriation

