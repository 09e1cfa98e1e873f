"""The scope of a figure as the templates word it: the words that make a subject
fiscal appropriation only (财政拨款, 一般公共预算 …) or every source of money (本年收入,
收支总计 …), and the subject's scope read from them.

A figure's scope is part of its context (``model.facts.Scope``): two figures are compared
only when their scopes agree.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.facts import Scope

__all__ = [
    "ALL_FUNDS_CLAUSE",
    "ALL_FUNDS_WORDS",
    "APPROPRIATION_WORDS",
    "FISCAL_WORDS",
    "FUND_SCOPE_FRONT",
    "INCOME_ONLY",
    "LINE_MARKS",
    "OTHER_FISCAL_FUNDS",
    "OWN_FUNDS_WORDS",
           "WHOLE_SCOPE_TITLE",
    "scope_of",
]


#: Words that make a subject fiscal appropriation only: ``一般公共预算财政拨款支出``
#: (but not ``非财政拨款``).
FISCAL_WORDS: Final[re.Pattern[str]] = re.compile(
    r"(?<!非)财政拨款|一般公共预算|政府性基金预算|国有资本经营预算")
#: The words in front of a name that narrow it to one fund (``一般公共预算`` of
#: ``一般公共预算财政拨款支出``): the name without them is a wider quantity.
FUND_SCOPE_FRONT: Final[re.Pattern[str]] = re.compile(r"一般公共预算|政府性基金|国有资本经营")
#: Words that name an appropriation, as the general budget's total is named
#: (``一般公共预算拨款支出``, ``当年拨款``, ``预算拨款``).
APPROPRIATION_WORDS: Final[re.Pattern[str]] = re.compile(
    FISCAL_WORDS.pattern + r"|当年拨款|预算拨款")
#: What names one line of the classification, not a total: a code (``2014099``) or a
#: level (``（类）``, ``（款）``, ``（项）``), folded.
LINE_MARKS: Final[re.Pattern[str]] = re.compile(r"\d{7}|\((?:类|款|项)\)")
#: Words that make a subject every source of money: ``本年支出合计``, ``收、支总计``.
ALL_FUNDS_WORDS: Final[re.Pattern[str]] = re.compile(
    r"本年收入|本年支出|收入合计|支出合计|收支总|收、支总|收入、支出|总收入|总支出|全口径"
    r"|全部资金")
#: A clause that puts what follows it in all funds' scope (``按全口径统计，2026年“三公”
#: 经费…``), up to the subject it stands before.
ALL_FUNDS_CLAUSE: Final[re.Pattern[str]] = re.compile(
    r"(?:全口径|全部资金)[^。；;]{0,12}[，,]\s*\S{0,6}$")
#: Words that make a subject the units' own money, no appropriation: ``单位资金安排的
#: “三公”经费`` beside the general budget's.
OWN_FUNDS_WORDS: Final[re.Pattern[str]] = re.compile(r"单位资金|单位自有资金|自有资金")
#: The fiscal funds other than the general budget: ``政府性基金``, ``国有资本经营``
#: (a 财政拨款 subject naming one is not the general budget's).
OTHER_FISCAL_FUNDS: Final[re.Pattern[str]] = re.compile(r"政府性基金|国有资本")


#: A subsection title that names the whole department's figures (``部门汇总收支预算``);
#: another subsection of the overall section (``XX局本级收支预算``, ``XX图书馆收支预算``)
#: states one unit's, another scope.
WHOLE_SCOPE_TITLE: Final[re.Pattern[str]] = re.compile(r"部门|汇总|总体")


def scope_of(subject: str) -> Scope | None:
    """The scope a subject states, or None when it states none.

    >>> scope_of("一般公共预算财政拨款支出")
    <Scope.FISCAL: 'fiscal'>
    >>> scope_of("本年支出合计")
    <Scope.ALL_FUNDS: 'all_funds'>
    >>> scope_of("单位资金安排“三公”经费")
    <Scope.OWN_FUNDS: 'own_funds'>
    >>> scope_of("使用非财政拨款结余") is None
    True
    """
    if FISCAL_WORDS.search(subject):
        return Scope.FISCAL
    if ALL_FUNDS_WORDS.search(subject):
        return Scope.ALL_FUNDS
    if OWN_FUNDS_WORDS.search(subject):
        return Scope.OWN_FUNDS
    return None


#: A whole named as income only (``一般公共预算拨款收入``): the year's appropriation
#: without what the year before carried over, which the year's money also spends.
INCOME_ONLY: Final[re.Pattern[str]] = re.compile(r"收入(?!.*支)")
